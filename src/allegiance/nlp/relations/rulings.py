"""Findings of wrongdoing: a ruling that someone broke a rule is an accusation.

* ``allegiance.relations.ruling.v1``: "The European Court of Human Rights ruled that Russia had
  violated the rights of the protesters", "the WTO found that the United States had breached
  trade rules": ACCUSE (legal) from the one who rules to the subject of the clause. A finding
  that the subject did no wrong ("found that Russia had not violated the treaty") and a ruling
  on no wrongdoing ("ruled that the law was constitutional") are none.

Words are data: ``ruling_verbs`` and ``wrongdoing_verbs`` in ``relation_words.yaml``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ...lexicon.triggers import Trigger
from .candidates import Candidate
from .names import RULING
from .registry import constructions

if TYPE_CHECKING:
    from .run import DocRun

__all__ = ["ruling"]

_FINDING = Trigger("ACCUSE", mode="legal")


@constructions.register(RULING)
def ruling(run: DocRun, tok: Token, sent: Span) -> Iterator[Candidate]:
    """A ruling verb whose clause says its subject did wrong."""
    if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in run.lex.ruling_verbs:
        return
    clauses = [
        c
        for c in tok.children
        if c.dep_ == "ccomp"
        and c.lemma_.lower() in run.lex.wrongdoing_verbs
        and not any(g.dep_ == "neg" for g in c.children)
    ]
    if not clauses:
        return
    sources = run.active_subject_args(tok)
    if not sources:
        return
    exclude = frozenset(a.actor.actor_id for a in sources)
    for clause in clauses:
        targets = [
            a for s in clause.children if s.dep_ == "nsubj" for a in run.args(s, exclude=exclude)
        ]
        yield from run.pairs(
            sources, targets, _FINDING, tok.i, tok.i + 1, tok, 0.65, 2, construction=RULING
        )
