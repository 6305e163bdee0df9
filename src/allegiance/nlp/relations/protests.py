"""Whether a verb or a noun is a protest: what protest purposes and one-actor acts read."""

from __future__ import annotations

from spacy.tokens import Token

from ...lexicon.triggers import Lexicon

__all__ = ["blocks_a_road", "protest_act", "protest_noun"]


def protest_act(lex: Lexicon, verb: Token) -> bool:
    """Whether ``verb`` is a protest: "marched", "rallied" (no object), a staging verb with a
    protest noun: "staged a sit-in", "went on strike", "began a hunger strike" (``protest_acts``,
    ``staging_verbs``, ``protest_nouns``), or a road blocked ("blocked motorways":
    ``blocking_verbs``, ``blocked_ways``; whose blockade it is, the caller decides)."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    lemma = verb.lemma_.lower()
    if any(c.dep_ == "prep" and c.lower_ in lex.rallying_preps for c in verb.children):
        return False  # "rallied behind the president" is support (``rallying_preps``)
    if lemma in lex.protest_acts and not objects:
        return True
    if blocks_a_road(lex, verb):
        return True
    if lemma not in lex.staging_verbs:
        return False
    if any(protest_noun(lex, o) for o in objects):
        return True
    return any(
        c.dep_ == "prep" and any(g.dep_ == "pobj" and protest_noun(lex, g, c) for g in c.children)
        for c in verb.children
    )


def protest_noun(lex: Lexicon, noun: Token, prep: Token | None = None) -> bool:
    """A protest noun: one word ("rally"), hyphenated ("sit-in", split by the tokenizer), with
    its modifier ("hunger strike") or its preposition ("on strike")."""
    lemma = noun.lemma_.lower()
    if lemma in lex.protest_nouns or (
        prep is not None and f"{prep.lower_} {lemma}" in lex.protest_nouns
    ):
        return True
    if any(
        c.dep_ in ("compound", "amod") and f"{c.lower_} {lemma}" in lex.protest_nouns
        for c in noun.children
    ):
        return True
    doc = noun.doc
    return (
        noun.i >= 2
        and doc[noun.i - 1].text == "-"
        and f"{doc[noun.i - 2].lower_}-{noun.lower_}" in lex.protest_nouns
    )


def blocks_a_road(lex: Lexicon, verb: Token) -> bool:
    """Whether ``verb`` blocks a road, a bridge or a crossing: "blocked motorways around Paris",
    "blockaded the border crossing"."""
    return verb.lemma_.lower() in lex.blocking_verbs and any(
        c.dep_ == "dobj" and c.lemma_.lower() in lex.blocked_ways for c in verb.children
    )
