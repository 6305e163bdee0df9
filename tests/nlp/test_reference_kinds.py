"""A definite plural kind word ("the rebels", "the militants") right after one named group of
that kind stands for the group (references/kinds.py)."""

from __future__ import annotations

import pytest

from allegiance.nlp.extensions import ACTORS_KEY


def _actor_of(nlp, text: str, word: str) -> str | None:
    doc = nlp(text)
    k = text.rindex(word)
    for span in doc.spans[ACTORS_KEY]:
        if span.start_char <= k < span.end_char:
            return span._.actor.actor_id
    return None


@pytest.mark.parametrize(
    ("text", "word", "actor"),
    [
        # armed conflict in three regions, and a movement named by its party wing
        ("The Arakan Army captured a border town. The rebels also seized two bases.", "rebels",
         "ARAKAN_ARMY"),
        ("Hamas fired rockets at Israel overnight. The militants said it was revenge.",
         "militants", "HAMAS"),
        ("The Houthis attacked a tanker on Sunday. The rebels said they would go on.", "rebels",
         "HOUTHIS"),
        ("The M23 advanced on Goma. The rebels attacked Congolese troops.", "rebels", "M23"),
        # a possessive kind word too
        ("The ELN attacked a pipeline in Arauca. Bogota praised the rebels' commitment to talks.",
         "rebels", "ELN"),
    ],
)  # fmt: skip
def test_the_kind_word_after_one_named_group_is_that_group(nlp, text, word, actor):
    assert _actor_of(nlp, text, word) == actor


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # two groups before: which one is meant is not said
        ("ISIL and the Nusra Front shelled the town. The militants then withdrew.", "militants"),
        # a modifier makes another set of rebels
        ("Hamas fired rockets at Israel. The Syrian rebels attacked a base.", "rebels"),
        ("The M23 advanced on Goma. The rebels who refused to disarm fled.", "rebels"),
        # no article: rebels at large
        ("The M23 advanced on Goma. Rebels elsewhere attacked a base.", "Rebels"),
        # the named group is too far back
        ("The M23 advanced on Goma. Kinshasa protested. Talks failed. Trade stopped. "
         "The rebels attacked a base.", "rebels"),
    ],
)  # fmt: skip
def test_the_kind_word_stays_generic_when_the_group_is_not_clear(nlp, text, word):
    assert _actor_of(nlp, text, word) not in {"M23", "HAMAS", "ISIL", "NUSRA"}


@pytest.mark.parametrize(
    ("text", "word", "actor"),
    [
        # takeovers, carmakers, banks: "the [demonym] company" after one named company of it
        ("Nippon Steel bid for U.S. Steel. Biden moved to block the Japanese company's bid.",
         "Japanese", "BIZ.NIPPON_STEEL"),
        ("Volkswagen cut 35,000 jobs. Unions said the German carmaker had broken its word.",
         "German", "BIZ.VOLKSWAGEN"),
    ],
)  # fmt: skip
def test_the_national_company_after_one_named_company_is_it(nlp, text, word, actor):
    assert _actor_of(nlp, text, word) == actor


def test_the_national_company_after_two_named_companies_stays_generic(nlp):
    text = "Toyota and Honda cut prices. The Japanese company said sales fell."
    assert _actor_of(nlp, text, "Japanese") == "JPN.BUS"
