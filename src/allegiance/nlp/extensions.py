"""The spaCy extension attributes through which allegiance's components talk to each other.

Conventions (every component relies on them):

- ``doc.spans["actors"]``: one span per actor mention, in document order, not overlapping;
  each span has ``span._.actor`` set to an :class:`ActorRef`.
- ``doc._.doc_id``: the document id; ``doc._.outlet``: who published it (or None); ``doc._.ignore``: character ranges of page furniture
  (bylines, "Follow X on Twitter", "Most Read"...) from which nothing is extracted.
- ``doc._.quotes``, ``doc._.relations``, ``doc._.quantities``: the records each component
  produced for the document (pydantic models from :mod:`allegiance.schema`).
- ``doc._.forced_breaks``: how many sentence starts ``allegiance_sentence_cap`` forced into
  runs of text without sentence punctuation (0 for normal prose).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Doc, Span

__all__ = [
    "ACTORS_KEY",
    "ARGUMENT_REFERENCES_KEY",
    "TEXT_SOURCES_KEY",
    "ActorRef",
    "adopt_references",
    "argument_spans",
    "in_ignored",
    "register_extensions",
]

ACTORS_KEY = "actors"
#: outlets named as sources of the text, not actors in it ("WASHINGTON (AP) -", "told CNN")
TEXT_SOURCES_KEY = "text_sources"
#: references resolved by the looser rules arguments are read with ("its demand", "they" after a
#: coordination): not mentions until a relation or a quote takes one as its argument, which
#: then adds it to ``doc.spans["actors"]`` (so every argument is a mention record)
ARGUMENT_REFERENCES_KEY = "argument_references"


@dataclass(frozen=True, slots=True)
class ActorRef:
    """The canonical actor a mention resolves to, and how it was resolved."""

    actor_id: str
    actor_name: str
    actor_type: str
    country: str | None = None
    parent_id: str | None = None
    resolved_by: str = "kb"
    confidence: float = 1.0


def register_extensions() -> None:
    """Register the extension attributes (idempotent)."""
    for name, default in (
        ("doc_id", None),
        ("ignore", None),
        ("quotes", None),
        ("relations", None),
        ("quantities", None),
        ("published", None),
        ("outlet", None),
        ("forced_breaks", 0),
    ):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    if not Span.has_extension("actor"):
        Span.set_extension("actor", default=None)


class _CharSpan(Protocol):
    start: int
    end: int


def argument_spans(doc: Doc) -> list[Span]:
    """The spans arguments are read from: the actor mentions and the argument references."""
    spans = list(doc.spans[ACTORS_KEY]) if ACTORS_KEY in doc.spans else []
    if ARGUMENT_REFERENCES_KEY in doc.spans:
        spans.extend(doc.spans[ARGUMENT_REFERENCES_KEY])
        spans.sort(key=lambda s: (s.start, s.end))
    return spans


def adopt_references(doc: Doc, args: Iterable[_CharSpan | None]) -> None:
    """Make the argument references that ``args`` use mentions (move them to the actors group).

    ``args`` are record arguments (:class:`~allegiance.schema.ActorArg`) matched by their
    character offsets; an argument reference no record uses stays out of the mentions.
    """
    if ARGUMENT_REFERENCES_KEY not in doc.spans:
        return
    used = {(a.start, a.end) for a in args if a is not None}
    waiting = list(doc.spans[ARGUMENT_REFERENCES_KEY])
    adopted = [s for s in waiting if (s.start_char, s.end_char) in used]
    if not adopted:
        return
    actors = list(doc.spans[ACTORS_KEY]) if ACTORS_KEY in doc.spans else []
    doc.spans[ACTORS_KEY] = sorted([*actors, *adopted], key=lambda s: (s.start, s.end))
    doc.spans[ARGUMENT_REFERENCES_KEY] = [s for s in waiting if s not in adopted]


def in_ignored(doc: Doc, start_char: int, end_char: int) -> bool:
    """Whether the character range overlaps page furniture marked in ``doc._.ignore``."""
    return any(start_char < b and a < end_char for a, b in doc._.ignore or ())


register_extensions()
