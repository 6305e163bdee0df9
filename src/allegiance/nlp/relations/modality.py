"""Modality: whether a relation is negated or hypothetical (future, conditional, intended,
asked-for, asked about), read off the clause that carries it."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ...lexicon.triggers import Lexicon
from .candidates import Candidate
from .words import SUBJ

if TYPE_CHECKING:
    from .run import DocRun

__all__ = ["done_with", "interrogative", "modality"]


def interrogative(sent: Span) -> bool:
    """ "Are the US and Iran on the same side?" asks; "They back the war on ISIL, but for how
    long?" states, then asks about something else."""
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    if not words:
        return False
    first = words[0]
    return first.tag_ in ("WDT", "WP", "WP$", "WRB", "MD") or first.pos_ == "AUX"


def done_with(lex: Lexicon, verb: Token) -> bool:
    """ "They used IEDs to kill US troops": the purpose of a past use of an instrument is
    reported as done, unlike "to defeat Daesh" after a plan or a present commitment."""
    head = verb.head
    hops = 0
    while head.dep_ in ("pcomp", "prep", "pobj", "dobj") and hops < 4:
        head, hops = head.head, hops + 1  # "used the cover of fighting ISIS to slaughter X"
    return (
        verb.dep_ in ("advcl", "xcomp")
        and head.lemma_.lower() in lex.purpose_done_verbs
        and head.tag_ in ("VBD", "VBN")
        and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children)
    )


def modality(run: DocRun, cand: Candidate, sent: Span, *, depth: int = 0) -> tuple[bool, bool]:
    """(negated, hypothetical) of the clause that carries the relation."""
    lex = run.lex
    anchor = cand.anchor
    ender = None
    if anchor.lemma_.lower() in lex.ending_verbs and anchor.i != cand.trigger_start:
        ender = anchor  # "ended its support for X": the event noun's light verb
    elif anchor.dep_ == "xcomp" and anchor.head.lemma_.lower() in lex.ending_verbs:
        ender = anchor.head  # "stopped arming X"
    if ender is not None and depth == 0:
        at_ender = replace(cand, anchor=ender, trigger_start=ender.i)
        end_negated, end_hypothetical = modality(run, at_ender, sent, depth=1)
        if end_hypothetical:
            return False, False  # "urged Russia to cease airstrikes": they go on
        return not end_negated, False  # stopped: no longer; "did not stop": still
    negated = hypothetical = False
    if sent.text.rstrip().endswith("?") and interrogative(sent):
        hypothetical = True
    trig_tok = run.doc[cand.trigger_start]
    for tok in {trig_tok, cand.anchor}:
        for child in tok.children:
            if child.dep_ == "det" and child.lower_ in ("no", "neither"):
                negated = True
    negated, hypothetical = _clause(lex, cand.anchor, negated, hypothetical)
    # "going to", "be expected to"
    if cand.anchor.dep_ == "xcomp" and cand.anchor.head.lower_ in lex.prospective_heads:
        hypothetical = True
    return negated, hypothetical


def _marks(lex: Lexicon, tok: Token, child: Token) -> tuple[bool, bool]:
    """Whether a dependent of a clause's head negates it, and whether it makes it irrealis."""
    low = child.lower_
    if (
        child.dep_ == "neg"
        or (child.dep_ in ("advmod", "preconj") and low in ("never", "neither", "nor"))
        or (  # "no longer supports"
            child.dep_ == "advmod"
            and low == "longer"
            and any(g.lower_ == "no" for g in child.children)
        )
    ):
        return True, False
    if (
        (
            child.dep_ in ("aux", "auxpass")
            and (low in lex.modal_auxiliaries or child.lemma_.lower() in lex.modal_auxiliaries)
        )
        or (
            child.dep_ == "aux"
            and low == "to"
            and tok.dep_ in ("xcomp", "advcl", "acl", "relcl", "ccomp", "pcomp", "csubj")
            and not done_with(lex, tok)
            and not (tok.dep_ == "xcomp" and tok.head.lemma_.lower() in lex.aspectual_verbs)
        )
        or (child.dep_ == "mark" and low in ("if", "unless", "whether", "lest"))
    ):
        return False, True
    if child.dep_ in ("nsubj", "nsubjpass") and any(
        d.dep_ == "det" and d.lower_ in ("no", "neither") for d in child.children
    ):
        return True, False
    return False, False


def _clause(lex: Lexicon, tok: Token, negated: bool, hypothetical: bool) -> tuple[bool, bool]:
    """Walk up from the anchor through the clauses whose modality it shares."""
    seen = 0
    while seen < 6:
        seen += 1
        for child in tok.children:
            neg, hyp = _marks(lex, tok, child)
            negated, hypothetical = negated or neg, hypothetical or hyp
        if tok.dep_ == "pcomp" and tok.head.lower_ == "without":
            negated = True
        if tok.dep_ == "conj" and any(c.dep_ in SUBJ for c in tok.children):
            break  # a conjoined clause with its own subject has its own modality
        if tok.dep_ in ("xcomp", "conj", "advcl", "ccomp", "acomp") and tok.head != tok:
            head = tok.head
            if tok.dep_ in ("xcomp", "ccomp", "acomp") and (
                head.lemma_.lower() in lex.irrealis_verbs or head.lower_ in lex.irrealis_verbs
            ):
                hypothetical = True
            if tok.dep_ in ("xcomp", "ccomp") and head.lemma_.lower() in lex.negating_verbs:
                # "denies arming X", "refused to attack X"; "did not deny arming X" is no
                # denial
                denied = not any(c.dep_ == "neg" for c in head.children)
                negated = negated != denied
                break
            if tok.dep_ == "ccomp" and head.lemma_.lower() in lex.speech_verbs:
                break  # reported speech: the claim's own modality only
            if tok.dep_ == "advcl" and not any(
                c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children
            ):
                break
            tok = head
            continue
        break
    return negated, hypothetical
