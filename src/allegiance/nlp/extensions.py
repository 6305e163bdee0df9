"""The spaCy extension attributes through which allegiance's components talk to each other.

Conventions (every component relies on them):

- ``doc.spans["actors"]``: one span per actor mention, in document order, not overlapping;
  each span has ``span._.actor`` set to an :class:`ActorRef`.
- ``doc._.doc_id``: the document id; ``doc._.outlet``: who published it (or None); ``doc._.ignore``: character ranges of page furniture
  (bylines, "Follow X on Twitter", "Most Read"...) from which nothing is extracted.
- ``doc._.quotes``, ``doc._.relations``, ``doc._.acts``, ``doc._.quantities``: the records each component
  produced for the document (pydantic models from :mod:`allegiance.schema`).
- ``doc._.forced_breaks``: how many sentence starts ``allegiance_sentence_cap`` forced into
  runs of text without sentence punctuation (0 for normal prose).
- ``doc._.agent_words``: the agent nouns, the parts of states they name and the actors inside
  hyphenated compounds, as the actor component read them (:class:`AgentWords`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from spacy.tokens import Doc, Span

__all__ = [
    "ACTORS_KEY",
    "ARGUMENT_MENTION",
    "ARGUMENT_REFERENCES_KEY",
    "TEXT_SOURCES_KEY",
    "ActorRef",
    "AgentWords",
    "adopt_arguments",
    "argument_spans",
    "coref_ref",
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


@dataclass(frozen=True, slots=True)
class AgentWords:
    """What the actor component read in the words around the mentions, for the relations
    (``doc._.agent_words``; see :mod:`allegiance.nlp.actors.agent_words`).

    Attributes:
        nouns: the token indices of agent nouns ("troops", "advisers").
        parts: by ``(actor id, agent noun in lower case)``, the part of a mentioned state or
            community that the noun names ("IRQ", "forces") -> Iraq's military.
        inner: by token index, the actor of a demonym or name inside a hyphenated compound
            that no mention covers ("Iranian" in "Iranian-backed").
    """

    nouns: frozenset[int] = frozenset()
    parts: Mapping[tuple[str, str], ActorRef] = field(default_factory=dict)
    inner: Mapping[int, ActorRef] = field(default_factory=dict)

    def part(self, actor: ActorRef, noun: str) -> ActorRef | None:
        """The part of ``actor`` the agent noun names, trusted as much as ``actor``."""
        sub = self.parts.get((actor.actor_id, noun.lower()))
        return None if sub is None else replace(sub, confidence=actor.confidence)


def coref_ref(actor: ActorRef) -> ActorRef:
    """The reference to an antecedent's actor, trusted half as much as the antecedent."""
    if actor.resolved_by == "coref":
        return actor
    return replace(actor, resolved_by="coref", confidence=round(0.5 * actor.confidence, 3))


def register_extensions() -> None:
    """Register the extension attributes (idempotent)."""
    for name, default in (
        ("doc_id", None),
        ("ignore", None),
        ("quotes", None),
        ("relations", None),
        ("acts", None),
        ("quantities", None),
        ("published", None),
        ("outlet", None),
        ("forced_breaks", 0),
        ("agent_words", None),
    ):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    if not Span.has_extension("actor"):
        Span.set_extension("actor", getter=_get_actor, setter=_set_actor)


# spaCy keeps a span's extension values by its character offsets only, so that two spans over
# the same words ("they" for each of "the US and Iran") would share one actor: the actor is
# kept by the span's knowledge-base id as well
def _actor_key(span: Span) -> tuple[str, int, int, str]:
    return ("allegiance.actor", span.start_char, span.end_char, span.kb_id_)


def _get_actor(span: Span) -> ActorRef | None:
    data: dict[Any, Any] = span.doc.user_data
    value = data.get(_actor_key(span))
    return value if isinstance(value, ActorRef) else None


def _set_actor(span: Span, value: ActorRef | None) -> None:
    data: dict[Any, Any] = span.doc.user_data
    data[_actor_key(span)] = value


class _CharSpan(Protocol):
    start: int
    end: int
    actor_id: str | None


#: the ``span.id_`` of a mention a relation or quote argument added (an actor the mentions did
#: not hold at that place: "they" read as both of "the US and Iran", "Iraqi" in "Iraqi and
#: Kurdish forces" read as Iraq's military)
ARGUMENT_MENTION = "argument"


def argument_spans(doc: Doc) -> list[Span]:
    """The spans arguments are read from: the actor mentions and the argument references."""
    spans = list(doc.spans[ACTORS_KEY]) if ACTORS_KEY in doc.spans else []
    if ARGUMENT_REFERENCES_KEY in doc.spans:
        spans.extend(doc.spans[ARGUMENT_REFERENCES_KEY])
        spans.sort(key=lambda s: (s.start, s.end))
    return spans


def adopt_arguments(
    doc: Doc, args: Iterable[_CharSpan | None], refs: Mapping[tuple[int, int, str], ActorRef]
) -> None:
    """Make every record argument that names an actor a mention (``doc.spans["actors"]``).

    ``args`` are record arguments (:class:`~allegiance.schema.ActorArg`, by character offsets)
    and ``refs`` the actor references they were read as, by ``(start, end, actor_id)``. An
    argument is left as it is when a mention of the same actor is at its place (the same
    words, inside them or around them: "Gen. Joseph Votel" for the speaker "Joseph Votel"),
    or when its words hold no mention at all and the actor is mentioned earlier (an implicit
    agent: "strikes" in a coalition release refers back to the coalition). Otherwise an
    argument reference at its place becomes a mention; a mention of a state or community that
    the argument refines to one of its parts ("Iraqi" read as Iraq's military) takes that
    actor; and any other argument becomes a new mention (``span.id_ == "argument"``).
    """
    actors = list(doc.spans[ACTORS_KEY]) if ACTORS_KEY in doc.spans else []
    waiting = list(doc.spans.get(ARGUMENT_REFERENCES_KEY, ()))
    named = [(a.start, a.end, a.actor_id) for a in args if a is not None and a.actor_id]
    changed = False
    for start, end, aid in named:
        here = [s for s in actors if s.start_char < end and start < s.end_char]
        if any(_actor_id(s) == aid and _nested(s, start, end) for s in here):
            continue
        ready = [
            s for s in waiting if (s.start_char, s.end_char, _actor_id(s)) == (start, end, aid)
        ]
        if ready:
            waiting.remove(ready[0])
            actors.append(ready[0])
        elif not here and any(_actor_id(s) == aid and s.end_char <= start for s in actors):
            continue  # an implicit agent: its actor is the one mentioned before
        elif (ref := refs.get((start, end, aid))) is not None:
            span = doc.char_span(start, end, label=ref.actor_type, kb_id=aid,
                                 span_id=ARGUMENT_MENTION, alignment_mode="expand")  # fmt: skip
            if span is None:
                continue
            span._.actor = ref
            # "Iraqi" (Iraq) read as Iraq's forces: the finer actor, unless another argument
            # reads the same words as Iraq itself
            actors = [
                s
                for s in actors
                if not (
                    (s.start, s.end) == (span.start, span.end)
                    and ref.parent_id is not None
                    and _actor_id(s) == ref.parent_id
                    and (s.start_char, s.end_char, ref.parent_id) not in named
                )
            ]
            actors.append(span)
        else:
            continue
        changed = True
    if changed:
        doc.spans[ACTORS_KEY] = sorted(actors, key=lambda s: (s.start, s.end))
        doc.spans[ARGUMENT_REFERENCES_KEY] = waiting


def _nested(span: Span, start: int, end: int) -> bool:
    """Whether the span lies inside the character range or holds it."""
    a, b = span.start_char, span.end_char
    return (start <= a and b <= end) or (a <= start and end <= b)


def _actor_id(span: Span) -> str | None:
    ref = span._.actor
    return None if ref is None else str(ref.actor_id)


def in_ignored(doc: Doc, start_char: int, end_char: int) -> bool:
    """Whether the character range overlaps page furniture marked in ``doc._.ignore``."""
    return any(start_char < b and a < end_char for a, b in doc._.ignore or ())


register_extensions()
