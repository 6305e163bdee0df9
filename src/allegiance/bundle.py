"""The analysis bundle as typed models: the one object every output reads.

:func:`allegiance.network.network_summary` builds a :class:`NetworkSummary`;
:func:`allegiance.analysis.bundle_from_records` and
:func:`allegiance.store.bundle.bundle_from_store` extend it into a :class:`Bundle`. The CLI
summary, ``balance`` and the report read that object (or its JSON dump, bundle.json), so the
numbers they show cannot disagree. Models forbid unknown keys, so a change of shape fails where
it is made; every key has a default, because a bundle written by hand may leave any out
(docs/bundle.md). :func:`bundle_json_schema` is the JSON Schema in docs/bundle.schema.json.

Example:
    >>> b = Bundle.model_validate({"counts": {"actors": 2, "ties": 1, "hostile": 1}})
    >>> b.counts.ties, b.counts.friendly
    (1, 0)
    >>> dump_bundle(b)
    {'counts': {'actors': 2, 'ties': 1, 'hostile': 1}}
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict

__all__ = [
    "Balance",
    "Bundle",
    "CampDetail",
    "Coalitions",
    "Counts",
    "Edge",
    "Frustration",
    "HistoryTie",
    "Meta",
    "Network",
    "NetworkSummary",
    "Node",
    "Triangles",
    "UneasyAlliance",
    "WeakBalance",
    "add_events",
    "as_bundle",
    "bundle_json_schema",
    "dump_bundle",
    "package_version",
    "run_meta",
]

Json = dict[str, Any]


class _Strict(BaseModel):
    """A part of the bundle: unknown keys are an error, actor ids are strings."""

    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True)


class Node(_Strict):
    """An actor of the network (an actor with at least one tie)."""

    id: str
    name: str | None = None
    type: str | None = None
    country: str | None = None
    mentions: int = 0
    degree: int = 0
    evidence: int = 0
    #: side of the frustration partition (0, 1), or None
    camp: int | None = None
    #: index of its camp in ``coalitions.camps``
    coalition: int | None = None


class Edge(_Strict):
    """A tie: one actor pair's reports aggregated (docs/network.md)."""

    source: str
    target: str
    sign: int = 0
    state: str | None = None
    description: str | None = None
    evidence: int = 0
    n_reports: int | None = None
    n_relations: int | None = None
    positive: int = 0
    negative: int = 0
    neutral: int = 0
    positive_mass: float | None = None
    negative_mass: float | None = None
    material_positive: float | None = None
    material_negative: float | None = None
    verbal_positive: float | None = None
    verbal_negative: float | None = None
    stance_positive: float | None = None
    stance_negative: float | None = None
    weight: float | None = None
    intensity_sum: float | None = None
    intensity_mean: float | None = None
    first: str | None = None
    last: str | None = None
    outlets: list[str] = []
    relations: list[str] = []
    #: with ``--evidence-per-tie``: the relations before the cut
    relations_total: int | None = None
    reports: list[Json] = []
    n_events: int | None = None


class Network(_Strict):
    nodes: list[Node] = []
    edges: list[Edge] = []
    directed: bool = False
    tie_weights: Json | None = None


class Counts(_Strict):
    """The one count of actors and ties (docs/bundle.md ``counts``)."""

    actors: int = 0
    actors_mentioned: int = 0
    ties: int = 0
    friendly: int = 0
    hostile: int = 0
    mixed: int = 0
    neutral: int = 0
    positive: int = 0
    negative: int = 0
    zero: int = 0


class Triangles(_Strict):
    census: dict[str, int] = {}
    total: int = 0
    strong_balance_ratio: float | None = None
    weak_balance_ratio: float | None = None
    unbalanced: list[Json] = []


class Frustration(_Strict):
    index: int = 0
    exact: bool = False
    lower_bound: int | None = None
    gap: float = 0.0
    partition: dict[str, int] = {}
    frustrated_edges: list[list[str]] = []
    seconds: float = 0.0
    method: str | None = None
    stats: Json | None = None


class WeakBalance(_Strict):
    index: int = 0
    exact: bool = False
    clusters: list[list[str]] = []
    disagreements: list[list[str]] = []
    seconds: float = 0.0


class CampDetail(_Strict):
    id: int
    size: int = 0
    members: list[str] = []
    names: list[str] = []
    positive: int = 0
    negative: int = 0


class Coalitions(_Strict):
    k: int = 0
    #: actor ids per camp, largest camp first
    camps: list[list[str]] = []
    camp_details: list[CampDetail] = []
    between: list[Json] = []
    partition: dict[str, int] = {}
    disagreements: int = 0
    method: str | None = None
    stats: Json | None = None


class UneasyAlliance(_Strict):
    a: str
    b: str
    a_name: str | None = None
    b_name: str | None = None
    sign: int = 0
    state: str | None = None
    description: str | None = None
    reason: list[str] = []
    #: actor ids of the common enemies; the detail is in ``shared_enemy_details``
    shared_enemies: list[str] = []
    shared_enemy_details: list[Json] = []
    positive: int = 0
    negative: int = 0
    positive_mass: float | None = None
    negative_mass: float | None = None
    positive_evidence: list[str] = []
    negative_evidence: list[str] = []
    sentences: dict[str, str | None] = {}
    score: float = 0


class HistoryTie(_Strict):
    """A tie of the past, left out of the present network."""

    a: str
    b: str
    a_name: str | None = None
    b_name: str | None = None
    positive: int = 0
    negative: int = 0
    neutral: int = 0
    start: str | None = None
    end: str | None = None
    relations: list[Json] = []


class Balance(_Strict):
    """Structural balance of a signed graph: what ``allegiance balance`` prints and the
    bundle's ``triangles``, ``frustration`` and ``weak_balance``."""

    nodes: int = 0
    edges: int = 0
    negative_edges: int = 0
    triangles: Triangles = Triangles()
    frustration: Frustration = Frustration()
    weak_balance: WeakBalance | None = None


class Meta(_Strict):
    generated: str | None = None
    version: str | None = None
    corpus: str | None = None
    n_documents: int = 0
    n_skipped: int = 0
    skipped: list[str] = []
    level: str = "actor"
    since: str | None = None
    until: str | None = None
    include_history: bool = False
    min_confidence: float = 0.0
    store: str | None = None
    rules_keys: dict[str, int] | None = None
    truncated: Json | None = None


class NetworkSummary(_Strict):
    """Every network measure (:func:`allegiance.network.network_summary`)."""

    network: Network = Network()
    counts: Counts = Counts()
    triangles: Triangles | None = None
    frustration: Frustration | None = None
    weak_balance: WeakBalance | None = None
    coalitions: Coalitions | None = None
    uneasy_alliances: list[UneasyAlliance] = []
    exposure_paths: dict[str, list[Json]] = {}
    evidence: dict[str, Json] = {}


class Bundle(NetworkSummary):
    """The analysis bundle (docs/bundle.md): the summary plus the records and comparisons."""

    meta: Meta = Meta()
    documents: list[Json] = []
    relations: list[Json] = []
    #: one-actor events (``kind: act``): "the rebels surrendered", "teachers went on strike"
    acts: list[Json] = []
    outlets: dict[str, Json] = {}
    outlet_differences: Json = {}
    quotes: list[Json] = []
    quantities: list[Json] = []
    history: list[HistoryTie] = []
    events: list[Json] = []
    event_timeline: Json = {}
    timeline: Json | None = None

    def name(self, actor_id: str) -> str:
        """The display name of an actor of the network (its id when unnamed)."""
        for node in self.network.nodes:
            if node.id == actor_id:
                return node.name or actor_id
        return actor_id


def dump_bundle(bundle: BaseModel) -> Json:
    """The JSON form of a bundle (or any part): the keys it was given, nothing added.

    A bundle built by the analysis sets every key; one read from a user's file keeps its
    own keys, so writing it back changes nothing.
    """
    return bundle.model_dump(mode="json", exclude_unset=True)


def bundle_json_schema() -> Json:
    """The JSON Schema of bundle.json (written to docs/bundle.schema.json)."""
    return Bundle.model_json_schema(mode="serialization")


def package_version() -> str:
    """The allegiance version written into ``meta.version``."""
    from . import __version__

    return __version__


def run_meta(**fields: Any) -> Meta:
    """The bundle's ``meta``: when and by which version it was made, and the given fields."""
    return Meta(
        generated=_dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
        version=package_version(),
        **fields,
    )


def add_events(
    bundle: Bundle, records: Iterable[Any], kb_paths: tuple[str, ...] | list[str]
) -> None:
    """Cluster the relations into events (docs/events.md): ``events``, ``event_timeline``, and
    ``n_events`` beside ``n_reports`` on every tie."""
    from .events import cluster_events, event_timeline
    from .kb import ActorKB
    from .network.ties import count_events

    kb = ActorKB.load(list(kb_paths))
    events = cluster_events(records, rollup=lambda actor_id: kb.roll_up(actor_id, "country"))
    bundle.events = [e.model_dump() for e in events]
    bundle.event_timeline = event_timeline(events)
    event_of = {rep.relation_id: e.id for e in events for rep in e.reports}
    for edge in bundle.network.edges:
        edge.n_events = count_events(edge.relations, event_of)


def as_bundle(data: Bundle | Mapping[str, Any]) -> Bundle:
    """A :class:`Bundle` from itself or from its JSON form (e.g. a bundle.json read back)."""
    return data if isinstance(data, Bundle) else Bundle.model_validate(dict(data))
