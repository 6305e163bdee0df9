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

from dataclasses import dataclass

from spacy.tokens import Doc, Span

__all__ = ["ACTORS_KEY", "TEXT_SOURCES_KEY", "ActorRef", "in_ignored", "register_extensions"]

ACTORS_KEY = "actors"
#: outlets named as sources of the text, not actors in it ("WASHINGTON (AP) -", "told CNN")
TEXT_SOURCES_KEY = "text_sources"


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


def in_ignored(doc: Doc, start_char: int, end_char: int) -> bool:
    """Whether the character range overlaps page furniture marked in ``doc._.ignore``."""
    return any(start_char < b and a < end_char for a, b in doc._.ignore or ())


register_extensions()
