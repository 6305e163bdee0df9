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


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # a country's opposition, rebels or press right before their name: the name only
        (
            "Zambia's opposition Patriotic Front accused the president of fraud.",
            ("Patriotic Front", "NER:patriotic front"),
            "ZMB.OPP",
        ),
        (
            "Syrian rebel group Jaish al-Islam shelled Damascus.",
            ("Jaish al-Islam", "JAISH_AL_ISLAM"),
            "SYR.REB",
        ),
        (
            "Kenyan newspaper The Standard accused the police of censorship.",
            ("Standard", "NER:standard"),
            "KEN.MED",
        ),
    ],
)
def test_a_groups_kind_before_its_name_is_no_second_actor(nlp, text, name, kind) -> None:
    found = _ids(nlp, text)
    assert name in found and kind not in [a for _, a in found]


def test_a_groups_kind_before_a_state_is_an_actor_of_its_own(nlp) -> None:
    # the opposite: "told Iranian media Israel would pay" has two actors
    found = [a for _, a in _ids(nlp, "Iran told Iranian media Israel would pay.")]
    assert "IRN.MED" in found and "ISR" in found


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("The ANC won. The militant group Hamas fired rockets at Israel.", "HAMAS"),
        ("Hamas fired rockets. The rebel group M23 attacked Goma.", "M23"),
    ],
)
def test_a_description_before_a_name_is_that_name(nlp, text, group) -> None:
    rels = nlp(text)._.relations
    assert {r.source.actor_id for r in rels} == {group}
