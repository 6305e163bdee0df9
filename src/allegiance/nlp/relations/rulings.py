"""Findings and claims of wrongdoing: a ruling or a statement that someone broke a rule is an
accusation.

* ``allegiance.relations.ruling.v1``: "The European Court of Human Rights ruled that Russia had
  violated the rights of the protesters", "the WTO found that the United States had breached
  trade rules": ACCUSE (legal) from the one who rules to the subject of the clause; "Iran said
  Israel had violated the ceasefire": ACCUSE from the one who says it. A finding
  that the subject did no wrong ("found that Russia had not violated the treaty") and a ruling
  on no wrongdoing ("ruled that the law was constitutional") are none.

Words are data: ``ruling_verbs``, ``alleging_verbs`` and ``wrongdoing_verbs`` in ``relation_words.yaml``.
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
_CHARGE = Trigger("ACCUSE")


@constructions.register(RULING)
def ruling(run: DocRun, tok: Token, sent: Span) -> Iterator[Candidate]:
    """A ruling or alleging verb whose clause says its subject did wrong."""
    lemma = tok.lemma_.lower()
    if tok.pos_ not in ("VERB", "AUX"):
        return
    if lemma in run.lex.ruling_verbs:
        trig = _FINDING
    elif lemma in run.lex.alleging_verbs:
        trig = _CHARGE
    else:
        return
    clauses = [c for c in tok.children if c.dep_ == "ccomp" and _wrong_done(run, c)]
    if tok.dep_ in ("ccomp", "parataxis") and tok.i > tok.head.i and _wrong_done(run, tok.head):
        clauses.append(tok.head)  # "X had violated the truce, Iran said"
    if not clauses:
        return
    sources = run.active_subject_args(tok) or []
    if trig is _CHARGE:
        # "Reuters said the army had violated the ceasefire" reports, it does not accuse
        sources = [a for a in sources if a.actor.actor_type != "media"]
    if not sources:
        return
    exclude = frozenset(a.actor.actor_id for a in sources)
    # "Israel said its troops had broken the rules": a state owning up for its own organs
    own = {a.actor.country for a in sources if a.actor.actor_type == "state"}
    for clause in clauses:
        targets = [
            a
            for s in clause.children
            if s.dep_ == "nsubj"
            for a in run.args(s, exclude=exclude)
            if a.actor.country is None or a.actor.country not in own
        ]
        yield from run.pairs(
            sources, targets, trig, tok.i, tok.i + 1, tok, 0.65, 2, construction=RULING
        )


def _wrong_done(run: DocRun, verb: Token) -> bool:
    """Whether a clause says its subject did wrong: a wrongdoing verb, not negated ("had not
    violated", "broke no law")."""
    return (
        verb.lemma_.lower() in run.lex.wrongdoing_verbs
        and not any(g.dep_ == "neg" for g in verb.children)
        and not any(
            o.dep_ == "dobj" and any(d.lower_ == "no" for d in o.children) for o in verb.children
        )
    )
