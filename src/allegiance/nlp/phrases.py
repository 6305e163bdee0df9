"""Noun-phrase readings shared by the actor and relation layers."""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["head_words", "modifiers", "partitive_heads"]


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
