"""``allegiance.relations.regarded_as.v1`` (reading): what someone is taken for.

"Turkey regards the YPG as a terrorist group", "X, which Turkey considers an enemy", "the YPG
is regarded as a terrorist group by Turkey": the regarding verbs of the lexicon
(``regarding_verbs``) relate their subject to their object through the stance noun or
adjective that follows. Used by stance nouns and stance adjectives.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from .candidates import Arg
from .names import REGARDED_AS
from .registry import constructions

if TYPE_CHECKING:
    from .run import DocRun

__all__ = ["regarded_adjective", "regarded_as", "regarded_whom"]


@constructions.register(REGARDED_AS)
def regarded_as(run: DocRun, noun: Token) -> tuple[list[Arg], list[Arg], Token] | None:
    """ "The YPG, which Turkey regards as a terrorist group, joined the SDF", "X, which Turkey
    considers an enemy": (who regards, whom, the verb), for a noun that says what someone is
    taken for."""
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "as" else None
    if noun.dep_ in ("oprd", "xcomp") or (noun.dep_ == "ccomp" and noun.pos_ == "NOUN"):
        verb = noun.head  # "considers the YPG a terrorist group"
    elif _small_clause_appos(noun):
        verb = noun.head.head  # "called de Moraes a dictator", parsed as an apposition
    if verb is None or verb.lemma_.lower() not in run.lex.regarding_verbs:
        return None
    subj_toks, passive = run.subject_tokens(verb)
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubj") and c.i > verb.i]
    objs += [c for c in noun.children if c.dep_ == "nsubj"]  # a small clause
    if passive:  # "the YPG is regarded as a terrorist group by Turkey"
        objs = subj_toks
        subj_toks = [
            p
            for holder in (verb, noun)
            for c in holder.children
            if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
            for p in c.children
            if p.dep_ == "pobj"
        ]
    holders = [a for t in subj_toks for a in run.args(t)]
    whom = regarded_whom(run, objs)
    if verb.dep_ == "relcl" and not whom:
        whom = run.args(verb.head)  # "the YPG, which Turkey regards as ..."
    return holders, whom, verb


def regarded_whom(run: DocRun, objs: list[Token]) -> list[Arg]:
    """Whom a judgment is of: the objects' actors, else the owners of the deeds they name
    ("China called the US sanctions illegal", "the EU called Russia's annexation of Crimea
    illegal": the United States and Russia are judged)."""
    whom = [a for t in objs for a in run.args(t)]
    if whom:
        return whom
    return [
        a
        for t in objs
        if t.pos_ == "NOUN"
        for c in t.children
        if c.dep_ in ("poss", "compound", "amod")
        for a in run.args(c)
    ]


def regarded_adjective(run: DocRun, adj: Token) -> tuple[list[Arg], list[Arg], Token] | None:
    """ "Turkey called the YPG illegitimate", "China called the US sanctions illegal": (who
    judges, whom, the verb) for an adjective completing a regarding verb's object."""
    verb = adj.head
    if adj.dep_ not in ("oprd", "xcomp", "ccomp") or (
        verb.lemma_.lower() not in run.lex.regarding_verbs
    ):
        return None
    subj_toks, passive = run.subject_tokens(verb)
    if passive:
        return None
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    objs += [c for c in adj.children if c.dep_ == "nsubj"]  # a small clause
    holders = [a for t in subj_toks for a in run.args(t)]
    return holders, regarded_whom(run, objs), verb


def _small_clause_appos(noun: Token) -> bool:
    """Whether an apposition to a verb's object, with no comma between, is what the object is
    called ("called de Moraes a dictator"; not "called Lula, a longtime ally, on Monday")."""
    obj = noun.head
    if noun.dep_ != "appos" or obj.dep_ != "dobj" or noun.i < obj.i:
        return False
    return not any(t.is_punct for t in noun.doc[obj.i + 1 : noun.left_edge.i])
