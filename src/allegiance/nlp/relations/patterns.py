"""Fixed patterns: "at war with", "in support of", "on the same side as".

``allegiance.relations.pattern.v1``: "Coalition military forces conducted 11 strikes
coordinated with and in support of the government of Iraq". Who: the subject of the clause
the pattern sits in ("X stands with Y"), or, for a pattern on a noun, that noun's own agent
("airstrikes in support of X": whoever strikes).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ...lexicon.triggers import Pattern
from .candidates import Arg, Candidate
from .event_nouns import noun_sources
from .names import PATTERN
from .registry import constructions

if TYPE_CHECKING:
    from .run import DocRun

__all__ = ["pattern"]


def _patterns_at(run: DocRun, tok: Token, sent: Span) -> Iterator[Pattern]:
    for pattern in run.c.patterns_by_first.get(tok.lower_, ()):
        n = len(pattern.tokens)
        if tok.i + n <= sent.end and all(
            run.doc[tok.i + k].lower_ == pattern.tokens[k] for k in range(n)
        ):
            yield pattern


@constructions.register(PATTERN)
def pattern(run: DocRun, tok: Token, sent: Span) -> Iterator[Candidate]:
    """ "Coalition military forces conducted 11 strikes coordinated with and in support of
    the government of Iraq": a fixed multi-word
    pattern of the lexicon (``patterns``) relating the actors around it."""
    for found in _patterns_at(run, tok, sent):
        yield from read_pattern(run, tok, found, sent)


def read_pattern(run: DocRun, tok: Token, pattern: Pattern, sent: Span) -> Iterator[Candidate]:
    """The relation one pattern match states."""
    start, end = tok.i, tok.i + len(pattern.tokens)
    trig = pattern.trigger
    last = run.doc[end - 1]
    # who: the subject of the clause the pattern sits in ("X stands with Y": the verb);
    # a pattern on a noun belongs to that noun ("airstrikes in support of X": whoever
    # strikes; "supply routes in support of X": nobody named)
    gov = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    heads: list[Arg] | None = None
    if (
        tok.pos_ == "ADP"
        and gov.pos_ in ("NOUN", "PROPN")
        and gov.i not in run.tok2span
        and not pattern.mutual
    ):
        if run.event(gov):
            heads, _ = noun_sources(run, gov)
        else:
            heads = run.modifier_actors(gov)
    hops = 0
    while gov.pos_ not in ("VERB", "AUX") and gov.head != gov and hops < 4:
        gov = gov.head
        hops += 1
    if heads is None and gov.dep_ == "acl" and gov.tag_ == "VBN" and run.event(gov.head):
        # "strikes coordinated with and in support of X": whoever strikes
        heads, _ = noun_sources(run, gov.head)
    if heads is None:
        subj_toks, passive = run.subject_tokens(gov) if gov.pos_ in ("VERB", "AUX") else ([], False)
        heads = [] if passive else [a for t in subj_toks for a in run.args(t)]
    if pattern.mutual:
        yield from run.mutual(heads, trig, start, end, gov, 0.7, 1, construction=PATTERN)
        return
    targets: list[Arg] = []
    for child in last.children:
        if child.dep_ in ("pobj", "appos"):
            targets.extend(run.args(child))
    if not targets and end < sent.end:
        # the actor right after the pattern ("the war on a common enemy, ISIL")
        for k in range(end, min(sent.end, end + 4)):
            span = run.tok2span.get(k)
            if span is not None:
                targets = [run.span_arg(span)]
                break
    yield from run.pairs(heads, targets, trig, start, end, gov, 0.65, 2, construction=PATTERN)
