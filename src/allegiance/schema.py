"""The records allegiance produces: the contract between stages and with users.

Every record is one JSON object with ``kind`` first. Character offsets are Python string
indices into the document ``text`` exactly as given in the input. Records are versioned
(:data:`SCHEMA_VERSION`), validate against a JSON Schema (:func:`json_schema`) and
round-trip through JSONL (:func:`write_jsonl`, :func:`read_records`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from .errors import Messages, RecordError

__all__ = [
    "ACTOR_TYPES",
    "CATEGORIES",
    "SCHEMA_VERSION",
    "Act",
    "ActorArg",
    "AnyRecord",
    "Document",
    "Event",
    "EventReport",
    "Mention",
    "Place",
    "Provenance",
    "Quantity",
    "Quote",
    "Record",
    "Relation",
    "RelationTime",
    "SentenceRef",
    "TextSpan",
    "json_schema",
    "read_records",
    "record_from_dict",
    "write_jsonl",
]

#: 1.1 added the ``act`` record (a one-actor event)
SCHEMA_VERSION = "1.1"

ActorType = Literal[
    "state",
    "government",
    "military",
    "police",
    "militia",
    "rebel",
    "insurgent",
    "party",
    "person",
    "igo",
    "ngo",
    "media",
    "ethnic_group",
    "religious_group",
    "place",
    "other",
]
ACTOR_TYPES: tuple[str, ...] = ActorType.__args__  # type: ignore[attr-defined]

Category = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE",
    "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN",
    "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    "ALIGN", "OPPOSE",
]  # fmt: skip
CATEGORIES: tuple[str, ...] = Category.__args__  # type: ignore[attr-defined]

ResolvedBy = Literal["kb", "fuzzy", "ner", "coref"]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class TextSpan(_Model):
    """A span of the document text: the words and their character offsets."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class SentenceRef(TextSpan):
    """The sentence that carries a record (its text is kept so evidence travels with it)."""


class ActorArg(TextSpan):
    """An argument of a relation or a speaker: the span as written and the actor it denotes."""

    actor_id: str | None = None
    actor_name: str | None = None
    #: the mention record (``Mention.id``) this argument's actor is read from: the mention at
    #: its words, or inside or around them ("Gen. Joseph Votel" for the speaker "Joseph
    #: Votel"), else, for an implicit agent ("strikes" in a coalition release), the latest
    #: earlier mention of the same actor; None for an argument that names no actor
    mention_id: str | None = None


class Document(_Model):
    """Metadata of one input document (the text itself is kept only when asked for)."""

    kind: Literal["document"] = "document"
    doc_id: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    #: where ``published`` came from: the input's metadata, or a dateline or date line in the
    #: text ("WASHINGTON, March 3, 2016 —", "Posted: 12 May 2015"); None when undated
    published_from: Literal["metadata", "dateline", "text"] | None = None
    url: str | None = None
    lang: str = "en"
    n_chars: int = Field(ge=0)
    sha256: str
    source: str | None = None
    text: str | None = None
    schema_version: str = SCHEMA_VERSION


class RelationTime(_Model):
    """The time a relation is about, as the text says it (see docs/time.md).

    ``start`` and ``end`` are ISO dates (first and last day, inclusive; either may be open
    or unknown); ``how`` says whether the expression is ``explicit`` ("in 2014"), ``relative``
    to the document date ("last week") or a ``reference`` to the past without a date ("the
    days of the US occupation"). ``historical`` relations are about the past and are left out
    of the present network by default. ``rule`` names the rule that read it.
    """

    start: str | None = None
    end: str | None = None
    precision: Literal["day", "week", "month", "year", "decade", "century", "span"] | None = None
    historical: bool = False
    how: Literal["explicit", "relative", "reference"]
    rule: str
    #: the time expression as written ("two years ago"), when there is one
    expression: TextSpan | None = None
    #: the words that make the relation history ("the days of", "former"), when there are
    marker: TextSpan | None = None


class Mention(_Model):
    """One mention of an actor in a document."""

    kind: Literal["mention"] = "mention"
    id: str
    doc_id: str
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    actor_id: str
    actor_name: str
    actor_type: ActorType
    country: str | None = None
    parent_id: str | None = None
    resolved_by: ResolvedBy
    confidence: float = Field(ge=0, le=1)


class Provenance(_Model):
    """Where a relation imported from another event dataset comes from (GDELT, ICEWS...)."""

    dataset: str
    id: str | None = None
    #: the dataset's own event code (CAMEO) and quad class, kept because the mapping is lossy
    code: str | None = None
    quad_class: int | None = None


class Relation(_Model):
    """An event or stance between two actors, with the sentence and words that say so."""

    kind: Literal["relation"] = "relation"
    id: str
    doc_id: str
    sentence: SentenceRef
    source: ActorArg
    target: ActorArg
    category: Category
    mode: str | None = None
    quad_class: Literal[1, 2, 3, 4] | None
    sign: Literal[-1, 0, 1]
    intensity: float = Field(ge=-10, le=10)
    negated: bool = False
    hypothetical: bool = False
    symmetric: bool = False
    trigger: TextSpan
    attributed_to: ActorArg | None = None
    confidence: float = Field(ge=0, le=1)
    #: set on relations imported from other datasets (see docs/interop.md); None when extracted
    provenance: Provenance | None = None
    construction: str | None = Field(
        default=None,
        description=(
            "the registered name of the construction that read the relation off the parse, "
            "e.g. 'allegiance.relations.passive_agent.v1' (see docs/relations.md); null for "
            "relations made elsewhere"
        ),
    )
    #: the time the relation is about, when the text says (None: the document's date)
    time: RelationTime | None = None


class Act(_Model):
    """A one-actor event: an actor's act that names no other actor ("the rebels surrendered",
    "teachers went on strike", "Russia mobilised its reserves"). It carries the same reading
    as a :class:`Relation` (category, modality, evidence), without a target; it is no tie, so
    the network leaves it out."""

    kind: Literal["act"] = "act"
    id: str
    doc_id: str
    sentence: SentenceRef
    source: ActorArg
    category: Category
    mode: str | None = None
    quad_class: Literal[1, 2, 3, 4] | None
    sign: Literal[-1, 0, 1]
    intensity: float = Field(ge=-10, le=10)
    negated: bool = False
    hypothetical: bool = False
    trigger: TextSpan
    attributed_to: ActorArg | None = None
    confidence: float = Field(ge=0, le=1)
    construction: str | None = None


class Quote(_Model):
    """A direct or reported statement and who made it."""

    kind: Literal["quote"] = "quote"
    id: str
    doc_id: str
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    direct: bool
    speaker: ActorArg | None = None
    speaker_role: str | None = None
    anonymous: bool = False
    cue: TextSpan | None = None
    #: the outlet or document that reports the speaker's words ("the site quoted Mr. Vance as
    #: saying", "according to the Associated Press, Vance told ..."), when the text names one
    reporting_source: ActorArg | None = None


class Quantity(_Model):
    """A reported number: its value, what it counts, whose it is, and when."""

    kind: Literal["quantity"] = "quantity"
    id: str
    doc_id: str
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    value: float
    low: float | None = None
    high: float | None = None
    approximate: bool = False
    unit: str | None = None
    concept: str | None = None
    actor_id: str | None = None
    change: Literal["=", "up", "down"] = "="
    date: str | None = None
    sentence: SentenceRef


class Place(_Model):
    """Where something happened: the place as written and the gazetteer entry it resolves to.

    ``confidence`` says how sure the resolver is (a bare country name is surer than a city
    name shared by several countries); there is never a place without one.
    """

    as_written: str
    name: str
    #: "country" or "city" (a populated place of GeoNames)
    feature: Literal["country", "city"]
    #: ISO 3166 alpha-3 of the country the place is in
    country: str | None = None
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    geonameid: int | None = None
    confidence: float = Field(ge=0, le=1)


class EventReport(_Model):
    """One relation that reports an event, with the document that carries it."""

    relation_id: str
    doc_id: str
    outlet: str | None = None
    published: str | None = None
    category: Category
    #: the evidence sentence
    sentence: str
    place: Place | None = None


class Event(_Model):
    """One happening reported by one or more relations, in one or more articles.

    Stances (ALIGN, OPPOSE) are not events; negated and hypothetical relations are not
    reports of a happening. ``source``/``target`` are actor ids rolled up to their parents.
    """

    kind: Literal["event"] = "event"
    id: str
    category: Category
    mode: str | None = None
    quad_class: Literal[1, 2, 3, 4]
    sign: Literal[-1, 0, 1]
    source: str
    target: str
    source_name: str | None = None
    target_name: str | None = None
    symmetric: bool = False
    reports: list[EventReport]
    n_reports: int = Field(ge=1)
    outlets: list[str] = Field(default_factory=list)
    doc_ids: list[str] = Field(default_factory=list)
    first_reported: str | None = None
    last_reported: str | None = None
    location: Place | None = None
    #: mean pairwise similarity of the reports (1.0 for a single report)
    cohesion: float = Field(ge=0, le=1)


Record = Annotated[
    Document | Mention | Relation | Act | Quote | Quantity, Field(discriminator="kind")
]
_RECORD = TypeAdapter(Record)
#: every kind, with the analysis' ``event`` records (what the JSON Schema documents)
AnyRecord = Annotated[
    Document | Mention | Relation | Act | Quote | Quantity | Event, Field(discriminator="kind")
]
_ANY_RECORD = TypeAdapter(AnyRecord)


def record_from_dict(
    obj: dict[str, Any],
) -> Document | Mention | Relation | Act | Quote | Quantity:
    """Validate a plain dict (as read from JSON) into its record class.

    Raises:
        pydantic.ValidationError: when the object is not a valid record.
    """
    return _RECORD.validate_python(obj)


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every record validates against.

    It covers the extracted records and the ``event`` records of the analysis
    (:func:`allegiance.events.cluster_events`); :func:`read_records` reads the extracted ones.
    """
    schema = _ANY_RECORD.json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"allegiance record (schema {SCHEMA_VERSION})"
    return schema


def write_jsonl(records: Iterable[BaseModel], fp: IO[str]) -> int:
    """Write records to an open text file, one JSON object per line; return the count."""
    n = 0
    for record in records:
        fp.write(record.model_dump_json(exclude_none=False))
        fp.write("\n")
        n += 1
    return n


def read_records(
    path: str | Path,
) -> Iterator[Document | Mention | Relation | Act | Quote | Quantity]:
    """Stream records from a JSONL file written by ``allegiance extract``.

    Raises:
        RecordError: naming the file and line of the first invalid record.
    """
    p = Path(path)
    try:
        fp = p.open(encoding="utf-8-sig")
    except OSError as exc:
        raise RecordError(Messages.BAD_RECORD.format(path=p, line=0, reason=exc.strerror)) from exc
    with fp:
        for lineno, line in enumerate(fp, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                yield record_from_dict(obj)
            except (json.JSONDecodeError, ValidationError) as exc:
                reason = str(exc).splitlines()[0]
                raise RecordError(
                    Messages.BAD_RECORD.format(path=p, line=lineno, reason=reason)
                ) from exc
