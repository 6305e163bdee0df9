"""From a selected candidate to a :class:`~allegiance.schema.Relation` record."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ...lexicon.triggers import Trigger
from ...schema import Relation, SentenceRef, TextSpan
from .attribution import alleged, attribution
from .candidates import Candidate
from .modality import ender, modality, protest_purpose

if TYPE_CHECKING:
    from .run import DocRun

__all__ = ["ALLEGED", "to_record"]

#: how far an act someone is accused of is trusted, next to one the text reports
ALLEGED = 0.6


def _cut(run: DocRun, cand: Candidate, sent: Span) -> Token | None:
    """The verb that cuts the tie the candidate names, when the lexicon makes the cut an act of
    its own (``cut_as``) and the cut is done: "Japan halted economic aid to Serbia" is a
    sanction, not aid; "did not suspend aid", "urged Japan to halt its aid" leave the aid going
    on (the candidate's own modality says so)."""
    stop = ender(run.lex, cand)
    if (
        stop is None
        or not (stop.lemma_.lower() in run.lex.cutting_verbs or stop.pos_ == "NOUN")
        or cand.trigger.category not in run.lex.cut_as
    ):
        return None
    at_cut = replace(
        cand,
        anchor=cand.anchor if stop.pos_ == "NOUN" else stop,
        trigger_start=stop.i,
        trigger_end=stop.i + 1,
    )
    return stop if modality(run, at_cut, sent, depth=1) == (False, False) else None


def _easer(run: DocRun, cand: Candidate) -> tuple[Token, Trigger] | None:
    """The verb that eases the restriction an event noun names, and what the easing is
    (``eased_as``): "Japan lifted its ban on beef imports from the United States" is a
    concession to the United States, not a ban; "China eased its curbs on Australian wine"."""
    noun = run.doc[cand.trigger_start]
    verb = noun.head
    if (
        noun.pos_ != "NOUN"
        or noun.dep_ not in ("dobj", "nsubjpass")
        or verb.lemma_.lower() not in run.lex.easing_verbs
    ):
        return None
    trig, eased = cand.trigger, run.lex.eased_as
    reading = eased.get(f"{trig.category}/{trig.mode}") or eased.get(trig.category)
    return (verb, reading) if reading is not None else None


def _refusal(run: DocRun, cand: Candidate, sent: Span) -> Token | None:
    """The verb that refuses the candidate's cooperative act, when the lexicon makes the refusal
    an act of its own (``refused_as``) and the refusal is not itself denied: "Katsav refused to
    meet King Abdullah" is a rejection of the king, not a meeting that did not happen; "did not
    refuse to meet him" is a meeting."""
    anchor = cand.anchor
    head = anchor.head
    if (
        anchor.dep_ != "xcomp"
        or head.lemma_.lower() not in run.lex.refusing_verbs
        or cand.trigger.category not in run.lex.refused_as
        or ender(run.lex, cand) is not None  # "refused to halt aid": no rejection of the aid
    ):
        return None
    at_refusal = replace(cand, anchor=head, trigger_start=head.i, trigger_end=head.i + 1)
    negated, _ = modality(run, at_refusal, sent, depth=1)
    return None if negated else head


def _by_protest(run: DocRun, cand: Candidate) -> bool:
    """Whether a demand, accusation, rejection or opposition is made by protesting: "students
    marched to demand the minister's resignation" is a protest against the minister."""
    info = run.lex.info(cand.trigger)
    hostile = info.quad_class == 3 or cand.trigger.category == "OPPOSE"
    return hostile and info.sign < 0 and protest_purpose(run.lex, cand.anchor)


def to_record(run: DocRun, cand: Candidate, sent: Span, index: int) -> Relation:
    """The record of one candidate: its modality, attribution and construction."""
    trig = run.doc[cand.trigger_start : cand.trigger_end]
    cutter = _cut(run, cand, sent)
    easer = None if cutter is not None else _easer(run, cand)
    refuser = None if cutter is not None or easer is not None else _refusal(run, cand, sent)
    if easer is not None:
        verb, cand.trigger = easer
        trig = run.doc[verb.i : verb.i + 1]
        negated, hypothetical = modality(run, replace(cand, anchor=verb), sent, depth=1)
    elif cutter is not None:
        cand.trigger = run.lex.cut_as[cand.trigger.category]
        trig = run.doc[cutter.i : cutter.i + 1]
        negated, hypothetical = False, False
    elif refuser is not None:
        cand.trigger = run.lex.refused_as[cand.trigger.category]
        trig = run.doc[refuser.i : refuser.i + 1]
        at_refusal = replace(cand, anchor=refuser, trigger_start=refuser.i)
        negated, hypothetical = modality(run, at_refusal, sent, depth=1)
    else:
        negated, hypothetical = modality(run, cand, sent)
    if negated and cand.trigger.negated_as is not None:
        # "do not trust" states distrust as a fact
        cand.trigger = cand.trigger.negated_as
        negated = False
    if _by_protest(run, cand):
        cand.trigger = Trigger(category="PROTEST", mode=cand.trigger.category.lower())
    info = run.lex.info(cand.trigger)
    confidence = cand.confidence * (ALLEGED if alleged(run, cand) else 1.0)
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
        symmetric=cand.symmetric and cutter is None and easer is None and refuser is None,
        trigger=TextSpan(text=trig.text, start=trig.start_char, end=trig.end_char),
        attributed_to=attribution(run, cand, sent),
        confidence=round(min(1.0, confidence), 3),
        construction=cand.construction or None,
    )
