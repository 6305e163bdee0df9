"""A deed stands for its doer ("violations by X", "sanctions imposed by X"); a labour strike
is a protest, not a military strike."""

from __future__ import annotations

import pytest

from .helpers import family, find, relations


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # protest: a deed stands for its doer
        (
            "Hamas supporters staged a hunger strike in protest against human rights "
            "violations by Israeli forces.",
            "HAMAS",
            "ISR",
        ),
        # labour: a strike is a protest, over a bill its signer's
        (
            "Serbian workers went on strike over a bill signed by Labour Minister Dragan "
            "Milovanovic.",
            "SRB",
            "NER:dragan milovanovic",
        ),
        ("Kenyan teachers went on strike against the Ministry of Education.", "KEN", None),
        # "in protest of"
        ("Chechen refugees are continuing a hunger strike in protest of Russia.", None, "RUS"),
    ],
)
def test_protests_reach_whoever_did_the_deed(nlp, text, source, target):
    rels = [r for r in relations(nlp, text) if r.category == "PROTEST"]
    assert any(
        (source is None or family(r.source.actor_id) == source)
        and (target is None or family(r.target.actor_id) == target)
        for r in rels
    ), rels


@pytest.mark.parametrize(
    ("text", "source", "target", "category"),
    [
        # diplomacy: criticising a deed is accusing its doer
        ("Germany criticised the sanctions imposed by Russia.", "DEU", "RUS", "ACCUSE"),
        # welcoming a decision supports its maker
        ("Iraq welcomed the decision by Turkey to reopen the border.", "IRQ", "TUR", "SUPPORT"),
    ],
)
def test_a_deed_stands_for_its_doer(nlp, text, source, target, category):
    hit = find(relations(nlp, text), source, target)
    assert hit and hit[0].category == category, hit


def test_a_military_strike_stays_an_assault(nlp):
    # must not fire: the protest reading needs a protest phrase ("on strike", "general strike")
    rels = relations(nlp, "Coalition aircraft conducted strikes against ISIL near Mosul.")
    assert [r.category for r in find(rels, "COALITION", "ISIL")] == ["ASSAULT"]
    # nor is a convoy escorted by troops a deed of theirs
    assert not relations(nlp, "Rebels attacked a convoy escorted by Turkish troops.")


@pytest.mark.parametrize(
    ("text", "source", "target", "category"),
    [
        # diplomacy: a state visited is a party to the visit
        ("The Chinese president began a state visit to France on Monday.", "CHN", "FRA", "CONSULT"),
        ("Syria's withdrawal from Lebanon ended 29 years of occupation.", "SYR", "LBN", "RETREAT"),
        # a cancelled visit is a cut tie
        ("A French minister has cancelled a planned visit to Haiti.", "FRA", "HTI", "SANCTION"),
        # cyber: a break-in to computers
        (
            "North Korea has tried to hack into the computers of South Korean army officers.",
            "PRK",
            "KOR",
            "COERCE",
        ),
        # "up to 16 advisers", parsed as a particle and a preposition, is the object
        (
            "Afghan rebels have kidnapped up to 16 Russian civilian advisers.",
            "AFG",
            "RUS",
            "ASSAULT",
        ),
    ],
)
def test_more_of_what_news_writes(nlp, text, source, target, category):
    hit = find(relations(nlp, text), source, target)
    assert hit and hit[0].category == category, hit


@pytest.mark.parametrize(
    "text",
    [
        # a city visited stays a trip
        "The senator's visit to Paris was cut short.",
        # "hacked to death" is no break-in
        "Militants hacked three villagers to death in Nigeria.",
    ],
)
def test_no_party_without_a_state(nlp, text):
    assert not [r for r in relations(nlp, text) if r.category in ("CONSULT", "COERCE")]


@pytest.mark.parametrize(
    "text",
    [
        # protest: who undergoes a deed is not whom protesting it concerns
        "Students protested the arrest of activists by police in Istanbul.",
        # human rights: condemning a killing accuses the killer, not the killed
        "The UN condemned the killing of Palestinian civilians.",
    ],
)
def test_the_one_who_undergoes_a_deed_is_no_target(nlp, text):
    rels = relations(nlp, text)
    assert not [r for r in rels if family(r.target.actor_id) in ("GEN", "PALESTINIANS")], rels


@pytest.mark.parametrize(
    ("text", "source", "target", "category"),
    [
        # diplomacy: the "from" of a claim names who made it, and the "by" the small model
        # hangs on the verb is still the claim's
        ("Moscow dismissed the charges by Kyiv as propaganda.", "RUS", "UKR", "REJECT"),
        (
            "Beijing rejected accusations from Washington that it had hacked the network.",
            "CHN",
            "USA",
            "REJECT",
        ),
        # business and regulators
        (
            "Apple rejected criticism from the European Commission over its app store rules.",
            None,
            "EU",
            "REJECT",
        ),
        # a request and a deed: their "from" is their maker
        ("Serbia denied the request from Kosovo.", "SRB", "XKX", "REJECT"),
        ("Kyiv welcomed new support from Germany.", "UKR", "DEU", "SUPPORT"),
        ("Israel condemned the rocket fire from Hamas.", "ISR", "HAMAS", "ACCUSE"),
    ],
)
def test_the_from_of_words_or_deeds_is_their_maker(nlp, text, source, target, category):
    rels = relations(nlp, text)
    hit = [r for r in rels if family(r.target.actor_id) == target] if source is None else []
    hit = hit or find(rels, source, target)
    assert hit and hit[0].category == category, rels


@pytest.mark.parametrize(
    "text",
    [
        # must not fire: a deed whose "from" is its party, and a "from" of time
        "Israel welcomed the withdrawal of troops from Lebanon.",
        "Greece rejected claims from the 1990s about the border with Turkey.",
    ],
)
def test_a_from_that_is_no_maker_gives_no_target(nlp, text):
    rels = relations(nlp, text)
    assert not [r for r in rels if family(r.target.actor_id) in ("LBN", "TUR")], rels
