"""A party's adjective names the party before a word in lower case ("Republican leaders",
"the Democratic nominee"), never inside another name or as a bare adjective."""

from __future__ import annotations

import pytest

from allegiance.nlp.extensions import ACTORS_KEY


def _actors(nlp, text: str) -> dict[str, str]:
    return {s.text: s._.actor.actor_id for s in nlp(text).spans[ACTORS_KEY]}


@pytest.mark.parametrize(
    ("text", "phrase", "actor"),
    [
        ("Republican leaders criticised the bill.", "Republican leaders", "GOP"),
        ("Democratic senators walked out of the hearing.", "Democratic senators", "DEM_USA"),
        ("Two Republican lawmakers rebuked the president.", "Republican lawmakers", "GOP"),
    ],
)
def test_a_party_adjective_before_its_members_is_the_party(nlp, text, phrase, actor):
    assert _actors(nlp, text).get(phrase) == actor


@pytest.mark.parametrize(
    "text",
    [
        "Iraq's Republican Guard attacked Kurdish fighters.",  # inside another name
        "Democratic reforms stalled in Hungary.",  # a bare adjective opening the sentence
        "The general resigned to allow democratic elections.",  # lower case
        "Republican voters backed the measure.",  # voters are not the party
    ],
)
def test_a_party_adjective_elsewhere_names_no_party(nlp, text):
    assert not {"GOP", "DEM_USA"} & set(_actors(nlp, text).values())
