"""The spaCy component ``allegiance_speaker_references``: a quoted "we" is the speaker's side.

Who "we" and "our" stand for inside a direct quotation depends on who is quoted, which is only
known once ``allegiance_quotes`` has found the speakers; so this second, small part of the
references package runs after quotes and before relations. Inside a direct quote whose speaker
is a known actor, each first-person plural pronoun (the ``we`` family of ``references.yaml``)
is set to the side the speaker speaks for: a person's affiliation, or the organisation itself.

    "If we see militias here, we will kill them," said a Peshmerga commander.
    "We will not be intimidated," the ministry's spokeswoman told reporters.
    "Our members voted to strike," the union's leader said.

The pronoun's mention then names that side, whatever the strict pass made of it (the
nearest name, often the enemy); a quoted "we" the strict pass left open becomes an argument
reference (a mention once a relation takes it). Unknown speakers, unaffiliated people and
"we" outside quotes ("we reported yesterday") are left as the references component read them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ...lexicon.references import ReferenceData, load_references
from ...schema import Quote
from ..actors.component import ActorRecognizer
from ..extensions import (
    ACTORS_KEY,
    ARGUMENT_REFERENCES_KEY,
    ActorRef,
    in_ignored,
    register_extensions,
)
from .component import actor_recognizer

__all__ = ["SPEAKER_FACTORY", "SPEAKER_REFERENCE", "SpeakerReferences", "make_speaker_references"]

SPEAKER_FACTORY = "allegiance_speaker_references"
#: the ``span.id_`` of a quoted "we" read as the speaker's side
SPEAKER_REFERENCE = "speaker_reference"


@Language.factory(
    SPEAKER_FACTORY,
    default_config={"reference_paths": []},
    assigns=["doc.spans"],
    requires=["doc.spans", "doc._.quotes"],
)
def make_speaker_references(
    nlp: Language, name: str, reference_paths: list[str]
) -> SpeakerReferences:
    """The quoted-"we" component (``allegiance.speaker_references.v1``); it needs
    ``allegiance_actors`` (for the knowledge base) and ``allegiance_quotes`` before it."""
    return SpeakerReferences(nlp, name, reference_paths=reference_paths)


class SpeakerReferences:
    """Sets each first-person plural pronoun in a direct quote to its speaker's side."""

    def __init__(
        self,
        nlp: Language,
        name: str = SPEAKER_FACTORY,
        *,
        reference_paths: Sequence[str] = (),
    ) -> None:
        register_extensions()
        self.nlp = nlp
        self.name = name
        self.reference_paths = [str(p) for p in reference_paths]
        self.data: ReferenceData = load_references(tuple(self.reference_paths))
        self._rec: ActorRecognizer | None = None

    def _recognizer(self) -> ActorRecognizer:
        if self._rec is None:
            self._rec = actor_recognizer(self.nlp, self.name)
        return self._rec

    def side(self, actor_id: str) -> ActorRef | None:
        """The organisation a speaker speaks for: a known person's affiliation, or the
        organisation itself; ``None`` when the knowledge base does not know it."""
        rec = self._recognizer()
        actor = rec.kb.get(actor_id)
        if actor is not None and actor.type == "person":
            actor = rec.kb.get(actor.affiliation) if actor.affiliation else None
        if actor is None:
            return None
        return rec.kb_ref(actor, "coref", 0.7)

    def __call__(self, doc: Doc) -> Doc:
        quotes = sorted(
            (q for q in doc._.quotes or () if q.direct and q.speaker and q.speaker.actor_id),
            key=lambda q: q.start,
        )
        if not quotes or ACTORS_KEY not in doc.spans:
            return doc
        we = self.data.family("we")
        answers: dict[int, ActorRef] = {}
        sides: dict[str, ActorRef | None] = {}
        starts = [q.start for q in quotes]
        for tok in doc:
            if tok.pos_ != "PRON" or tok.lower_ not in we:
                continue
            quote = _quote_at(quotes, starts, tok)
            if quote is None or quote.speaker is None or quote.speaker.actor_id is None:
                continue
            sid = quote.speaker.actor_id
            if sid not in sides:
                sides[sid] = self.side(sid)
            side = sides[sid]
            if side is not None and not in_ignored(doc, tok.idx, tok.idx + len(tok)):
                answers[tok.i] = side
        if answers:
            self._write(doc, answers)
        return doc

    def _write(self, doc: Doc, answers: dict[int, ActorRef]) -> None:
        actors: list[Span] = []
        for span in doc.spans[ACTORS_KEY]:
            if len(span) == 1 and span.start in answers:
                continue  # replaced below by the speaker's side
            actors.append(span)
        waiting = [
            s
            for s in doc.spans.get(ARGUMENT_REFERENCES_KEY, ())
            if not (len(s) == 1 and s.start in answers)
        ]
        had = {s.start for s in doc.spans[ACTORS_KEY] if len(s) == 1}
        for i, side in answers.items():
            span = Span(doc, i, i + 1, label=side.actor_type, kb_id=side.actor_id,
                        span_id=SPEAKER_REFERENCE)  # fmt: skip
            span._.actor = side
            (actors if i in had else waiting).append(span)
        doc.spans[ACTORS_KEY] = sorted(actors, key=lambda s: (s.start, s.end))
        doc.spans[ARGUMENT_REFERENCES_KEY] = sorted(waiting, key=lambda s: (s.start, s.end))


def _quote_at(quotes: list[Quote], starts: list[int], tok: Token) -> Quote | None:
    """The first direct quote (by start) that holds the token (quotes may nest)."""
    for q in quotes[: bisect_right(starts, tok.idx)]:
        if q.start <= tok.idx < q.end:
            return q
    return None
