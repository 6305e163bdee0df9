"""Knowledge-base matches that are not the actor they spell: a generic word inside a longer
name, another person of a known family, a party's name written as ordinary words, a country
inside a company's name."""

from __future__ import annotations

from spacy.tokens import Doc

from ...kb import Actor
from ._base import _RecognizerBase

_NAMED = frozenset({"ORG", "PERSON", "FAC", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT"})


class _MatchFiltersMixin(_RecognizerBase):
    """Which knowledge-base matches to drop before they become candidates."""

    def _not_this_actor(self, doc: Doc, tag: str, start: int, end: int, actor: Actor) -> bool:
        """Whether the match of ``actor`` over ``start:end`` (``tag``: alias, metonym,
        adjective) is some other thing of the same words."""
        if actor.sector == "generic" and _inside_a_name(doc, start, end):
            return True  # "The Workers Solidarity League", "Students for Fair Admissions"
        if tag == "A" and self._other_given_name(doc, start, end, actor):
            return True  # "Michelle Obama" is not Barack Obama, "Melania Trump" not Donald
        if tag == "A" and _common_phrase(doc, start, end, actor):
            return True  # "would reform UK pensions" is no "Reform UK"
        # "Air Canada", "South African Airways", "Royal Bank of Canada"
        return (tag != "A" or actor.type == "state") and self._in_firm_name(doc, start, end)

    def _other_given_name(self, doc: Doc, start: int, end: int, actor: Actor) -> bool:
        """Whether a known person's bare surname follows a given name that is not theirs
        ("Michelle Obama", "Ivanka Trump"): another person of that family."""
        if actor.type != "person" or end - start != 1 or start == 0:
            return False
        given = doc[start - 1]
        if not (given.is_alpha and given.is_title) or given.lower_ in self.agents.titles:
            return False
        named = given.ent_type_ == "PERSON" and doc[start].ent_iob_ == "I"
        if not named and self.gender.of_words([given.text]) is None:
            return False
        own = {w.lower() for a in (actor.name, *actor.aliases) for w in a.replace(".", " ").split()}
        return given.lower_ not in own

    def _in_firm_name(self, doc: Doc, start: int, end: int) -> bool:
        """Whether words ``start:end`` (a country, capital or demonym) are inside a company's or
        institution's name the entity recogniser found, with a word of ``firm_name_words`` and
        no word of a state organ in the rest ("Air Canada", "Royal Bank of Canada", "Indian Oil
        Corporation"; not "the Iraqi Oil Ministry")."""
        i, j = _entity_around(doc, start, end)
        if doc[i].ent_type_ not in _NAMED:
            return False
        rest = [t for t in (*doc[i:start], *doc[end:j]) if t.is_alpha and not t.is_lower]
        return any(t.lower_ in self.agents.firm_name_words for t in rest) and not any(
            self._organ_word(t.text) for t in rest
        )

    def _organ_word(self, word: str) -> bool:
        """Whether a word names an organ of a state ("ministry", "army", "court")."""
        hit = self.agents.classify(word)
        return hit is not None and self.agents.classes[hit[0]].organ


def _common_phrase(doc: Doc, start: int, end: int, actor: Actor) -> bool:
    """Whether a party's or company's name of several words is written as ordinary words, its
    first one in lower case ("would reform UK pensions", not "Reform UK won five seats")."""
    return (
        end - start > 1
        and doc[start].is_lower
        and (actor.type == "party" or actor.sector == "business")
        and actor.sector != "generic"  # "opposition parties" is named by common words
    )


def _inside_a_name(doc: Doc, start: int, end: int) -> bool:
    """Whether words ``start:end`` are part of a longer name the entity recogniser found, with
    a capitalised word outside them ("Workers" in "The Workers Solidarity League")."""
    ent_type = doc[start].ent_type_
    if ent_type not in _NAMED:
        return False
    i, j = _entity_around(doc, start, end)
    return any(t.is_title or t.is_upper for t in (*doc[i:start], *doc[end:j]) if t.is_alpha)


def _entity_around(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The bounds of the entity the words ``start:end`` are inside (theirs when none is)."""
    i, j = start, end
    while i > 0 and doc[i].ent_iob_ == "I":
        i -= 1
    while j < len(doc) and doc[j].ent_iob_ == "I":
        j += 1
    return i, j
