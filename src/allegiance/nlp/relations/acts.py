"""One-actor events: an act whose clause names no other actor ("the rebels surrendered",
"teachers went on strike", "Russia mobilised its reserves", "US troops withdrew from Kabul").

CAMEO and PLOVER code such events with a source and no target. They are read off the same
verb triggers as relations, for the categories the lexicon lists as one-actor
(``solo_categories`` in ``relation_words.yaml``), and for protests staged with a light verb
("held a rally", "went on strike"), when the verb has an actor subject and no relation of the
sentence uses it. Each becomes an :class:`~allegiance.schema.Act` record with the relation's
modality and attribution.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ...lexicon.triggers import Trigger
from ...schema import Act, Relation, SentenceRef, TextSpan
from .attribution import alleged, attribution
from .candidates import Arg, Candidate
from .modality import modality
from .names import SOLO_ACT
from .protests import blocks_a_road, protest_act
from .records import ALLEGED
from .registry import constructions
from .run import DocRun
from .verbs import verb_trigger

__all__ = ["SOLO_CONFIDENCE", "solo_acts"]

#: the confidence of a one-actor reading before its actor's resolution is weighed in: one
#: argument read off the subject, no second argument to agree with
SOLO_CONFIDENCE = 0.6


@constructions.register(SOLO_ACT)
def solo_acts(run: DocRun, sent: Span, relations: list[Relation], start: int) -> list[Act]:
    """The one-actor events of a sentence, numbered from ``start``; none where a relation of
    the sentence (``relations``) already tells the act of that actor ("staged a protest
    against X", "marched to demand X's resignation")."""
    out: list[Act] = []
    for tok in sent:
        found = _solo_trigger(run, tok)
        if found is None:
            continue
        # the clause of the act, with the verb it completes ("refusing to lift the curfew")
        top = tok.head if tok.dep_ == "xcomp" else tok
        lo, hi = min(top.idx, tok.left_edge.idx), tok.right_edge.idx + len(tok.right_edge)
        seen: set[str] = set()
        for source in _subjects(run, tok):  # "students and workers marched": each of them
            actor_id = source.actor.actor_id
            if _a_blockade(run, tok, source):
                continue  # "troops blocked the roads": coercion, no protest
            told = actor_id in seen or any(
                lo <= r.trigger.start < hi and actor_id in (r.source.actor_id, r.target.actor_id)
                for r in relations
            )
            seen.add(actor_id)
            if not told:
                out.append(_to_act(run, sent, tok, found, source, start + len(out)))
    return out


def _solo_trigger(run: DocRun, tok: Token) -> Trigger | None:
    """The one-actor reading of a verb: its own trigger in a one-actor category, or a protest
    staged with a light verb ("held a rally", "went on strike")."""
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    found = verb_trigger(run, tok)
    if found is not None and found[0].category.lower() in run.lex.solo_categories:
        trig = found[0]
        if any(
            c.dep_ == "prep"
            and (sub := trig.preps.get(c.lower_)) is not None
            and sub.category != trig.category
            for c in tok.children
        ):
            return None  # "rallied behind the president": a reading of its own, no act
        return trig
    if protest_act(run.lex, tok) and tok.lemma_.lower() not in run.lex.protest_acts:
        # a protest noun staged ("held a rally", "went on strike"); a verb of protest alone
        # counts only with its own trigger: "troops marched into the city", "leaders gathered
        # in Brussels" are none
        return Trigger(category="PROTEST")
    return None


def _a_blockade(run: DocRun, verb: Token, source: Arg) -> bool:
    """Whether a road blocked by ``source`` is a blockade by the state, not a protest."""
    return source.actor.actor_type in ("military", "police", "government") and blocks_a_road(
        run.lex, verb
    )


def _subjects(run: DocRun, verb: Token) -> Iterator[Arg]:
    subj_toks, passive = run.subject_tokens(verb)
    if passive:
        return
    for t in subj_toks:
        yield from run.args(t)


def _to_act(run: DocRun, sent: Span, verb: Token, trig: Trigger, source: Arg, index: int) -> Act:
    cand = Candidate(
        source, source, trig, verb.i, verb.i + 1, verb, SOLO_CONFIDENCE, False, 9, SOLO_ACT
    )
    negated, hypothetical = modality(run, cand, sent)
    info = run.lex.info(trig)
    confidence = SOLO_CONFIDENCE * source.actor.confidence**0.5
    confidence *= 0.85 if source.via_reference else 1.0
    confidence *= ALLEGED if alleged(run, cand) else 1.0
    return Act(
        id=f"{run.doc_id}:a{index}",
        doc_id=run.doc_id,
        sentence=SentenceRef(text=sent.text, start=sent.start_char, end=sent.end_char),
        source=run.actor_arg(source),
        category=trig.category,  # type: ignore[arg-type]
        mode=trig.mode,
        quad_class=info.quad_class,  # type: ignore[arg-type]
        sign=info.sign,  # type: ignore[arg-type]
        intensity=info.intensity,
        negated=negated,
        hypothetical=hypothetical,
        trigger=TextSpan(text=verb.text, start=verb.idx, end=verb.idx + len(verb)),
        attributed_to=attribution(run, cand, sent),
        confidence=round(min(1.0, confidence), 3),
        construction=SOLO_ACT,
    )
