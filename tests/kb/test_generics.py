"""Generic social groups (generics.yaml) and metonyms read in the full pipeline: one member named is the
group; a title before a name stays the person's."""

from __future__ import annotations

import pytest


def _ids(nlp, text: str) -> list[tuple[str, str]]:
    return [(s.text, s._.actor.actor_id) for s in nlp(text).spans["actors"]]


@pytest.mark.parametrize(
    ("text", "phrase", "actor"),
    [
        ("Police arrested the opposition leader in Harare.", "opposition leader", "GEN.OPPOSITION"),
        ("Iran executed a political prisoner.", "political prisoner", "GEN.PRISONERS"),
        ("The judge sentenced the activist to five years in prison.", "activist", "GEN.ACTIVISTS"),
    ],
)
def test_one_member_of_a_social_group_is_that_group(nlp, text: str, phrase: str, actor: str):
    assert (phrase, actor) in _ids(nlp, text)


def test_a_named_opposition_leader_stays_the_person(nlp) -> None:
    # the opposite: the title before a name is the person's, no group of its own
    ids = [a for _, a in _ids(nlp, "Opposition leader Raila Odinga met President Ruto.")]
    assert "GEN.OPPOSITION" not in ids and "NER:raila odinga" in ids


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The opposition groups called for a general strike.", "GEN.OPPOSITION"),
        ("Rebel groups attacked the army base.", "GEN.REBELS"),
    ],
)
def test_opposition_groups_are_political_and_rebel_groups_armed(nlp, text: str, actor: str):
    assert actor in [a for _, a in _ids(nlp, text)]


@pytest.mark.parametrize(
    "text",
    ["Hungary accused Brussels of blackmail.", "Brussels fined Google 2.4 billion euros."],
)
def test_brussels_acting_is_the_european_union(nlp, text: str) -> None:
    assert ("Brussels", "EU") in _ids(nlp, text)
