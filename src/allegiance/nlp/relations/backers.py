"""Adjectival and compound backers: "committed to X", "hostile to Y", "Iranian-backed".

* ``allegiance.relations.adjective.v1``: "Iran is committed to the survival of president
  Bashar al-Assad's regime"; under a regarding verb it is the ``regarded_as`` reading.
* ``allegiance.relations.compound.v1``: "But it is the Iranian-backed Shia militias who incite
  the most fear and hatred among coalition members."
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ...lexicon.triggers import Trigger
from .candidates import Arg, Candidate
from .names import ADJECTIVE, COMPOUND, REGARDED_AS
from .regarded import regarded_adjective, regarded_as
from .registry import constructions
from .words import SUBJ

if TYPE_CHECKING:
    from .run import DocRun

__all__ = ["adjective", "compound"]


@constructions.register(ADJECTIVE)
def adjective(run: DocRun, tok: Token, sent: Span) -> Iterator[Candidate]:
    """ "Iran is committed to the survival of president Bashar al-Assad's regime": a stance
    adjective of the lexicon (``adjectives``) between its holder and its preposition's object."""
    if tok.pos_ == "ADJ" or tok.dep_ in ("acomp", "amod"):
        trig = run.lex.adjectives.get(tok.lower_) or run.lex.adjectives.get(tok.lemma_.lower())
        if trig is not None:
            yield from read_adjective(run, tok, trig)


def read_adjective(run: DocRun, adj: Token, trig: Trigger) -> Iterator[Candidate]:
    """The relations a stance adjective states."""
    if adj.dep_ == "amod" and adj.head.pos_ == "NOUN" and run.enabled(REGARDED_AS):
        regarded = regarded_as(run, adj.head)
        if regarded is not None:
            holders, whom, verb = regarded
            yield from run.pairs(
                holders, whom, trig, adj.i, adj.i + 1, verb, 0.7, 1, construction=REGARDED_AS
            )
            return
    judged = regarded_adjective(run, adj) if run.enabled(REGARDED_AS) else None
    if judged is not None and not trig.preps:
        holders, whom, verb = judged
        yield from run.pairs(
            holders, whom, trig, adj.i, adj.i + 1, verb, 0.65, 1, construction=REGARDED_AS
        )
        return
    if adj.dep_ in ("acomp", "attr", "oprd", "ROOT", "conj"):
        subj_toks, _ = run.subject_tokens(adj.head if adj.dep_ != "ROOT" else adj)
        if adj.dep_ == "ROOT":
            subj_toks = [c for c in adj.children if c.dep_ in SUBJ]
        holders = [a for t in subj_toks for a in run.args(t)]
        anchor = adj.head if adj.dep_ != "ROOT" else adj
    elif adj.dep_ == "amod":
        holders = run.args(adj.head, conj=False)
        anchor = adj
    else:
        return
    if not holders:
        return
    for prep in adj.children:
        if prep.dep_ == "prep" and prep.lower_ in trig.preps:
            sub = trig.preps[prep.lower_] or trig
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    yield from run.pairs(
                        holders,
                        run.args(pobj),
                        sub,
                        adj.i,
                        adj.i + 1,
                        anchor,
                        0.7,
                        1,
                        symmetric=trig.symmetric,
                        construction=ADJECTIVE,
                    )


@constructions.register(COMPOUND)
def compound(run: DocRun, tok: Token, sent: Span) -> Iterator[Candidate]:
    """ "But it is the Iranian-backed Shia militias who incite the most fear": "X-backed",
    "X-led", "X-held" compounds of the lexicon (``compounds``)."""
    trig = run.lex.compounds.get(tok.lower_)
    if trig is not None and tok.i >= 2 and tok.nbor(-1).text in ("-", "–"):
        yield from read_compound(run, tok, trig)


def read_compound(run: DocRun, tok: Token, trig: Trigger) -> Iterator[Candidate]:
    """ "Iranian-backed militias", "the US-led coalition", "ISIL-held territory"."""
    src_span = run.tok2span.get(tok.i - 2)
    head = tok.head if tok.head != tok else tok
    if src_span is None:
        # "Iranian-backed": a demonym the actor layer left inside a larger phrase
        word = run.doc[tok.i - 2]
        actor = run.agent_words.inner.get(word.i)
        if actor is None:
            return
        src = Arg(word.i, word.i + 1, actor)
        targets = [t for t in run.args(head, conj=False) if t.start > word.i]
        yield from run.pairs(
            [src], targets, trig, tok.i - 2, tok.i + 1, tok, 0.75, 1, construction=COMPOUND
        )
        return
    src = run.span_arg(src_span)
    if src_span.start <= tok.i < src_span.end:
        return  # the whole compound is one actor name
    targets = run.args(head, conj=False)
    targets = [t for t in targets if not (t.start <= src.start < t.end)]
    if trig.category == "ALIGN":
        # "Islamic State-linked militants": unnamed members of the group, no tie to a
        # catch-all node ("Iran-backed militants" stays: the backing is a deed)
        targets = [t for t in targets if not t.actor.actor_id.startswith("GEN.")]
    yield from run.pairs(
        [src], targets, trig, tok.i - 2, tok.i + 1, tok, 0.75, 1, construction=COMPOUND
    )
