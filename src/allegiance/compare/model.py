"""The result of an outlet comparison: per-outlet profiles and the differences between them.

Plain frozen dataclasses; :meth:`OutletComparison.to_dict` gives the JSON shape that
``allegiance compare --json`` prints and that ``allegiance analyze`` puts in its bundle under
``outlets`` and ``outlet_differences``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = [
    "ActorCoverage",
    "NotCovered",
    "NumberDifference",
    "NumberValue",
    "OnlyIn",
    "OppositeSign",
    "OutletComparison",
    "OutletDifferences",
    "OutletProfile",
    "ReportedNumber",
    "SourceEntry",
    "Sources",
    "Tie",
    "Tone",
]


@dataclass(frozen=True)
class ActorCoverage:
    """How often an outlet mentions an actor, and its share of the outlet's mentions."""

    actor_id: str
    name: str
    mentions: int
    share: float

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "actor_id": self.actor_id,
            "name": self.name,
            "mentions": self.mentions,
            "share": self.share,
        }


@dataclass(frozen=True)
class Tie:
    """An unordered actor pair (``a`` < ``b``) as an outlet reports it.

    Built by the network's own aggregation over the outlet's records: ``evidence`` counts
    distinct reports, ``sign`` is the dominant side, ``state`` is ``friendly``, ``hostile``,
    ``mixed`` or ``neutral`` (docs/network.md).
    """

    a: str
    b: str
    a_name: str
    b_name: str
    sign: int
    evidence: int
    state: str = "neutral"
    positive_mass: float = 0.0
    negative_mass: float = 0.0
    description: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "a": self.a,
            "b": self.b,
            "a_name": self.a_name,
            "b_name": self.b_name,
            "sign": self.sign,
            "evidence": self.evidence,
            "state": self.state,
            "positive_mass": self.positive_mass,
            "negative_mass": self.negative_mass,
            "description": self.description,
        }


@dataclass(frozen=True)
class Tone:
    """Shares of positive and negative relations involving an actor, out of ``n``."""

    positive: float
    negative: float
    n: int

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"positive": self.positive, "negative": self.negative, "n": self.n}


@dataclass(frozen=True)
class SourceEntry:
    """One quoted source of an outlet: who, in what role, affiliation, number of quotes."""

    speaker: str
    role: str | None
    anonymous: bool
    affiliation: str
    n: int

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "speaker": self.speaker,
            "role": self.role,
            "anonymous": self.anonymous,
            "affiliation": self.affiliation,
            "n": self.n,
        }


@dataclass(frozen=True)
class Sources:
    """Quotes of an outlet counted as named or anonymous, and by the source's affiliation."""

    named: int
    anonymous: int
    by_affiliation: dict[str, int]
    entries: tuple[SourceEntry, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (``entries`` under the key ``list``)."""
        return {
            "named": self.named,
            "anonymous": self.anonymous,
            "by_affiliation": dict(self.by_affiliation),
            "list": [e.to_dict() for e in self.entries],
        }


@dataclass(frozen=True)
class ReportedNumber:
    """A number an outlet reports: what it counts, whose, how much, and when."""

    concept: str | None
    actor_id: str | None
    value: float
    low: float | None
    high: float | None
    approximate: bool
    change: str
    date: str | None
    text: str

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "concept": self.concept,
            "actor_id": self.actor_id,
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "approximate": self.approximate,
            "change": self.change,
            "date": self.date,
            "text": self.text,
        }


@dataclass(frozen=True)
class OutletProfile:
    """Everything one outlet (or other group of documents) reports."""

    outlet: str
    documents: int
    actors: tuple[ActorCoverage, ...]
    ties: tuple[Tie, ...]
    tone: dict[str, Tone]
    sources: Sources
    quantities: tuple[ReportedNumber, ...]

    @property
    def n_actors(self) -> int:
        """Actors in the outlet's ties: the one definition of "actors" the network uses."""
        return len({t.a for t in self.ties} | {t.b for t in self.ties})

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (without the outlet name, which is the key it is stored under).

        ``n_actors`` counts actors in the outlet's ties (as the network counts actors);
        ``n_actors_mentioned`` counts every actor it mentions (``actors``).
        """
        return {
            "documents": self.documents,
            "n_actors": self.n_actors,
            "n_actors_mentioned": len(self.actors),
            "actors": [a.to_dict() for a in self.actors],
            "ties": [t.to_dict() for t in self.ties],
            "tone": {actor: t.to_dict() for actor, t in self.tone.items()},
            "sources": self.sources.to_dict(),
            "quantities": [q.to_dict() for q in self.quantities],
        }


@dataclass(frozen=True)
class OnlyIn:
    """A tie that one outlet reports and no other does."""

    outlet: str
    tie: Tie

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"outlet": self.outlet, **self.tie.to_dict()}


@dataclass(frozen=True)
class OppositeSign:
    """A tie that is positive in one outlet and negative in another."""

    a: str
    b: str
    signs: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"a": self.a, "b": self.b, "signs": dict(self.signs)}


@dataclass(frozen=True)
class NumberValue:
    """One outlet's figure in a :class:`NumberDifference`."""

    outlet: str
    value: float
    date: str | None
    text: str

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"outlet": self.outlet, "value": self.value, "date": self.date, "text": self.text}


@dataclass(frozen=True)
class NumberDifference:
    """Outlets' figures for one concept and actor that differ: over time, or at one time."""

    concept: str
    actor_id: str | None
    kind: Literal["change_over_time", "discrepancy"]
    direction: Literal["up", "down"] | None
    values: tuple[NumberValue, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "concept": self.concept,
            "actor_id": self.actor_id,
            "kind": self.kind,
            "direction": self.direction,
            "values": [v.to_dict() for v in self.values],
        }


@dataclass(frozen=True)
class NotCovered:
    """An actor some outlets cover (at least the mention threshold) and others never mention."""

    actor_id: str
    name: str
    covered_by: tuple[str, ...]
    ignored_by: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "actor_id": self.actor_id,
            "name": self.name,
            "covered_by": list(self.covered_by),
            "ignored_by": list(self.ignored_by),
        }


@dataclass(frozen=True)
class OutletDifferences:
    """Where outlets differ: ties, signs, numbers and coverage."""

    only_in: tuple[OnlyIn, ...] = ()
    opposite_sign: tuple[OppositeSign, ...] = ()
    numbers: tuple[NumberDifference, ...] = ()
    not_covered: tuple[NotCovered, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "only_in": [d.to_dict() for d in self.only_in],
            "opposite_sign": [d.to_dict() for d in self.opposite_sign],
            "numbers": [d.to_dict() for d in self.numbers],
            "not_covered": [d.to_dict() for d in self.not_covered],
        }


@dataclass(frozen=True)
class OutletComparison:
    """Per-outlet profiles (keyed by outlet, in sorted order) and their differences."""

    outlets: dict[str, OutletProfile]
    differences: OutletDifferences = field(default_factory=OutletDifferences)
    by: str = "outlet"

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of ``allegiance compare --json`` and of the analyze bundle.

        Returns:
            ``{"outlets": {outlet: {...}}, "outlet_differences": {...}}``.
        """
        return {
            "outlets": {name: p.to_dict() for name, p in self.outlets.items()},
            "outlet_differences": self.differences.to_dict(),
        }
