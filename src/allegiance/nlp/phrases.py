"""Noun-phrase readings shared by the actor and relation layers."""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["head_words", "modifiers", "partitive_heads", "relative_clause"]


def partitive_heads(noun: Token) -> list[Token]:
    """A noun and the nouns of its "of": "the first deployment of NATO peacekeeping troops",
    "a batch of peacekeepers" name the troops and the peacekeepers too."""
    return [noun, *(g for of in noun.children if of.lower_ == "of" for g in of.children)]


def modifiers(noun: Token, deps: tuple[str, ...] = ("compound", "amod")) -> list[Token]:
    """The modifiers of a noun with one of the dependency labels ``deps``."""
    return [c for c in noun.children if c.dep_ in deps]


def head_words(noun: Token, deps: tuple[str, ...] = ("compound", "amod")) -> set[str]:
    """A noun's form, its lemma and its modifiers' forms, lower case ("Bangladeshi
    peacekeeping troops": troops, troop, bangladeshi, peacekeeping)."""
    return {noun.lower_, noun.lemma_.lower(), *(m.lower_ for m in modifiers(noun, deps))}


def relative_clause(verb: Token, saying: frozenset[str]) -> Token:
    """The relative clause a relative pronoun's verb makes, through a verb of saying between
    ("which critics say is funded by Moscow": the clause of "say")."""
    if verb.dep_ == "ccomp" and verb.head.dep_ == "relcl" and verb.head.lemma_ in saying:
        return verb.head
    return verb


#: what sets a description of the clause before apart ("..., a charge Kigali denied")
CLAIM_SEPARATORS = frozenset({",", "\u2014", "\u2013", "-"})


def described_claim(verb: Token, claim_nouns: frozenset[str]) -> Token | None:
    """The claim noun, set after a comma, through which a verb answers the clause before
    ("Kinshasa accused Rwanda of sending troops, a charge Kigali has denied"; "..., a claim
    Kyiv denied"; "..., an allegation Google denies"), whatever the parse hung on the verb:
    the noun as the verb's subject, as its fronted object, or the head of its relative clause."""
    doc = verb.doc

    def set_apart(noun: Token) -> bool:
        first = noun.left_edge.i
        return (
            noun.lemma_.lower() in claim_nouns
            and first > 0
            and doc[first - 1].text in CLAIM_SEPARATORS
        )

    if verb.dep_ == "relcl" and set_apart(verb.head):
        return verb.head
    return next(
        (
            c
            for c in verb.children
            if (c.dep_ in ("nsubj", "nsubjpass") or (c.dep_ == "dobj" and c.i < verb.i))
            and set_apart(c)
        ),
        None,
    )
