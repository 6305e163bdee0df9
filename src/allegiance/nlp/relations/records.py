"""From a selected candidate to a :class:`~allegiance.schema.Relation` record."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from ...schema import Relation, SentenceRef, TextSpan
from .attribution import alleged, attribution
from .candidates import Candidate
from .modality import modality

if TYPE_CHECKING:
    from .run import DocRun

__all__ = ["ALLEGED", "to_record"]

#: how far an act someone is accused of is trusted, next to one the text reports
ALLEGED = 0.6


def to_record(run: DocRun, cand: Candidate, sent: Span, index: int) -> Relation:
    """The record of one candidate: its modality, attribution and construction."""
    negated, hypothetical = modality(run, cand, sent)
    if negated and cand.trigger.negated_as is not None:
        # "do not trust" states distrust as a fact
        cand.trigger = cand.trigger.negated_as
        negated = False
    info = run.lex.info(cand.trigger)
    confidence = cand.confidence * (ALLEGED if alleged(run, cand) else 1.0)
    trig = run.doc[cand.trigger_start : cand.trigger_end]
    return Relation(
        id=f"{run.doc_id}:r{index}",
        doc_id=run.doc_id,
        sentence=SentenceRef(text=sent.text, start=sent.start_char, end=sent.end_char),
        source=run.actor_arg(cand.source),
        target=run.actor_arg(cand.target),
        category=cand.trigger.category,  # type: ignore[arg-type]
        mode=cand.trigger.mode,
        quad_class=info.quad_class,  # type: ignore[arg-type]
        sign=info.sign,  # type: ignore[arg-type]
        intensity=info.intensity,
        negated=negated,
        hypothetical=hypothetical,
        symmetric=cand.symmetric,
        trigger=TextSpan(text=trig.text, start=trig.start_char, end=trig.end_char),
        attributed_to=attribution(run, cand, sent),
        confidence=round(min(1.0, confidence), 3),
        construction=cand.construction or None,
    )
