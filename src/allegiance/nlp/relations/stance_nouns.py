"""Stance nouns: "allies", "rivals", "proxy", "backers" and whom they relate.

``allegiance.relations.stance_noun.v1``: "The United States and Iran are enemies",
"The Shia militias ... are seen as an Iranian proxy", "Iran's ally Syria", "X acts as Y's
proxy", "Iran's allies include Hezbollah and the Houthis". A stance noun under a regarding
verb ("Turkey regards the YPG as an enemy") is the ``regarded_as`` reading.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ...lexicon.triggers import Trigger
from .arguments import nominal
from .candidates import Arg, Candidate
from .names import REGARDED_AS, STANCE_NOUN
from .regarded import regarded_as
from .registry import constructions

if TYPE_CHECKING:
    from .run import DocRun

__all__ = ["read_stance", "stance_noun"]


@constructions.register(STANCE_NOUN)
def stance_noun(run: DocRun, tok: Token, sent: Span) -> Iterator[Candidate]:
    """ "The Shia militias, known as Popular Mobilization Forces, are seen as an Iranian
    proxy"; "The United States and Iran are enemies": a stance noun of the lexicon
    (``stance_nouns``) and whom it relates."""
    if not nominal(tok):
        return
    trig = run.lex.stance_nouns.get(tok.lemma_.lower()) or run.lex.stance_nouns.get(tok.lower_)
    if trig is not None:
        yield from read_stance(run, tok, trig)


#: the mode of the stance nouns that are names called ("a dictator", "a war criminal")
JUDGMENT = "judgment"


def read_stance(run: DocRun, noun: Token, trig: Trigger) -> Iterator[Candidate]:
    """Stance nouns: "X and Y are enemies", "X, an Iranian proxy", "Iran's ally Syria"."""
    name = STANCE_NOUN
    partners: list[Arg] = []
    named: list[Arg] = []  # a demonym naming the ally itself ("its Russian backers")
    owners: list[Arg] = []
    for child in noun.children:
        if child.dep_ in ("poss", "amod", "compound", "nmod"):
            found = run.args(child)
            partners.extend(found)
            if child.dep_ != "poss":
                named.extend(found)
            elif child.lower_ not in ("our", "my"):  # the speaker's side: too vague
                owners.extend(found)
        elif child.dep_ == "prep" and child.lower_ in ("of", "to", "with"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found = run.args(pobj)
                    partners.extend(found)
                    owners.extend(found)
    heads: list[Arg] = []
    anchor = noun
    if trig.mode == JUDGMENT:
        yield from _called(run, noun, trig)
        return
    if noun.dep_ in ("attr", "oprd") and noun.head.lemma_ in run.lex.copulas:
        subj_toks, _ = run.subject_tokens(noun.head)
        heads = [a for t in subj_toks for a in run.args(t)]
        anchor = noun.head
    elif (
        run.enabled(REGARDED_AS)
        and (regarded := regarded_as(run, noun)) is not None
        and not partners
    ):
        # "Turkey regards the YPG as an enemy"
        heads, partners, anchor = regarded
        name = REGARDED_AS
    elif (
        noun.dep_ == "pobj"
        and noun.head.lower_ in ("as", "among")
        and noun.head.head.pos_ in ("VERB", "AUX")
    ):  # "X acts as Y's proxy"; "X has been among Y's staunchest supporters"
        subj_toks, _ = run.subject_tokens(noun.head.head)
        heads = [a for t in subj_toks for a in run.args(t)]
        anchor = noun.head.head
    elif noun.dep_ == "appos" or (
        noun.dep_ in ("compound", "nmod", "amod") and noun.head.i in run.tok2span
    ):
        heads = run.args(noun.head, conj=False)
    elif noun.dep_ == "nsubj" and noun.head.lemma_.lower() in run.lex.including_verbs:
        # "Iran's allies include Hezbollah and the Houthis"
        heads = [a for c in noun.head.children if c.dep_ == "dobj" for a in run.args(c)]
        anchor = noun.head
    else:
        for child in noun.children:
            if child.dep_ == "appos":
                heads.extend(run.args(child))
    if noun.i in run.tok2span:
        own = run.tok2span[noun.i]
        heads = [h for h in heads if h.start != own.start]
        # "our Coalition partners, especially the Turks": the noun names an actor, and
        # what stands in apposition to it is (part of) that actor, not its partner
        partners = [p for p in partners if p.start != own.start]
    heads, partners = _sides(noun, heads, partners, named, owners)
    if not partners and len(heads) >= 2 and noun.tag_ in ("NNS", "NNPS"):
        yield from run.mutual(heads, trig, noun.i, noun.i + 1, anchor, 0.75, 1, construction=name)
        return
    if trig.patron:
        yield from run.pairs(
            partners, heads, trig, noun.i, noun.i + 1, anchor, 0.75, 1, construction=name
        )
    else:
        yield from run.pairs(
            heads, partners, trig, noun.i, noun.i + 1, anchor, 0.75, 1, construction=name
        )


def _called(run: DocRun, noun: Token, trig: Trigger) -> Iterator[Candidate]:
    """A name called judges only through a regarding verb ("called X a dictator")."""
    regarded = regarded_as(run, noun) if run.enabled(REGARDED_AS) else None
    if regarded is not None:
        holders, whom, verb = regarded
        yield from run.pairs(
            holders, whom, trig, noun.i, noun.i + 1, verb, 0.7, 1, construction=REGARDED_AS
        )


def _possessed(noun: Token) -> bool:
    """Whether a stance noun has an owner, on it or on the name it modifies ("its rival
    Huaxin", "its American rival Apple Inc.")."""
    holders = [noun, noun.head] if noun.dep_ == "compound" else [noun]
    return any(c.dep_ == "poss" for h in holders for c in h.children)


def _sides(
    noun: Token, heads: list[Arg], partners: list[Arg], named: list[Arg], owners: list[Arg]
) -> tuple[list[Arg], list[Arg]]:
    """Who holds the stance and toward whom, once a demonym or owner is read."""
    if not heads and named and owners:
        return named, owners  # "the regime and its Russian backers"
    if (
        heads
        and named
        and (owners or (_possessed(noun) and any(c.dep_ == "amod" for c in noun.children)))
    ):
        # "the Syrian branch of al-Qaeda", "sued its Chinese rival Huaxin": the demonym only
        # describes the one named, whose partner is the owner (when it is known)
        return heads, owners
    return heads, partners
