"""Selection: one candidate per argument pair and trigger."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

from .candidates import Candidate
from .names import INSTRUMENTS, PREPOSITION

if TYPE_CHECKING:
    from .run import DocRun

__all__ = ["commitment", "select", "verb_reading"]

#: what a commitment to an act of that sign is: a threat to harm, a promise to help
_COMMITMENTS = {"THREATEN": -1, "AGREE": 1}
#: how much surer the threat or promise made is than the act it announces
_ANNOUNCED = 0.9


def select(cands: list[Candidate], run: DocRun | None = None) -> list[Candidate]:
    """One relation per argument pair and trigger; a specific trigger beats a generic
    preposition for the same pair. With the document's ``run``, an act announced under a
    verb of threat or promise is also read as that threat or promise (:func:`commitment`),
    the act itself staying, hypothetical, a little less sure than the threat made."""
    if run is not None:
        cands = [c for cand in cands for c in _with_commitment(run, cand)]
    best: dict[tuple[Any, ...], Candidate] = {}
    for cand in cands:
        key = (cand.source.key(), cand.target.key(), cand.trigger_start)
        old = best.get(key)
        if old is None or (cand.rank, -cand.confidence) < (old.rank, -old.confidence):
            best[key] = cand
    chosen = sorted(best.values(), key=lambda c: (c.trigger_start, c.source.start, c.target.start))
    specific_pairs = {frozenset((c.source.key(), c.target.key())) for c in chosen if c.rank < 3}
    return [
        c
        for c in chosen
        if c.rank < 3 or frozenset((c.source.key(), c.target.key())) not in specific_pairs
    ]


def _with_commitment(run: DocRun, cand: Candidate) -> list[Candidate]:
    cand = verb_reading(run, cand) or cand
    made = commitment(run, cand)
    if made is None:
        return [cand]
    return [made, replace(cand, confidence=cand.confidence * _ANNOUNCED)]


def commitment(run: DocRun, cand: Candidate) -> Candidate | None:
    """ "Museveni threatened to ban opposition candidates", "the ministers agreed to provide
    aid to Romania": an act announced under a verb of threat or promise is not done, but the
    threat or the promise is, between the same two actors. The candidate read at the
    governing verb (its trigger: THREATEN for a hostile act, AGREE for a cooperative one), or
    None when no such verb governs the act's clause or the act's sign does not fit ("agreed
    to strike ISIL" is no agreement with ISIL)."""
    gov = _governor(run, cand.anchor)
    if gov is None:
        return None
    trig = run.lex.verbs.get(gov.lemma_.lower())
    if trig is None or trig.category not in _COMMITMENTS:
        return None
    if run.lex.info(cand.trigger).sign != _COMMITMENTS[trig.category]:
        return None
    return replace(cand, trigger=trig, trigger_start=gov.i, trigger_end=gov.i + 1, anchor=gov)


def _governor(run: DocRun, anchor: Token) -> Token | None:
    """The verb whose "to" clause holds the anchor, through aspectual verbs ("promised to
    continue military aid")."""
    tok = anchor
    for _ in range(3):
        if tok.dep_ != "xcomp" or tok.head == tok:
            return None
        head = tok.head
        if head.lemma_.lower() in run.lex.aspectual_verbs:
            tok = head
            continue
        return head if head.pos_ == "VERB" else None
    return None


def verb_reading(run: DocRun, cand: Candidate) -> Candidate | None:
    """ "Bush threatened further action against Russia", "Serb forces were engaged in ethnic
    cleansing against the Albanians": a stance read off a preposition on the object of a
    trigger verb is the verb's act when their signs agree (THREATEN, ASSAULT, not OPPOSE).
    None when the preposition hangs on the verb itself or on an event noun (those readings
    are their own), or no trigger verb of that sign governs it."""
    if cand.construction not in (PREPOSITION, INSTRUMENTS) or cand.trigger.category not in (
        "OPPOSE",
        "ALIGN",
    ):
        return None
    verb = cand.anchor
    prep = run.doc[cand.trigger_start]
    gov = prep.head
    if verb.pos_ != "VERB" or gov == verb or gov.pos_ != "NOUN" or run.event(gov):
        return None
    trig = run.lex.verbs.get(verb.lemma_.lower())
    if trig is None or trig.category in ("OPPOSE", "ALIGN"):
        return None
    if run.lex.info(trig).sign != run.lex.info(cand.trigger).sign:
        return None
    return replace(cand, trigger=trig, trigger_start=verb.i, trigger_end=verb.i + 1)
