"""Register: violent verbs between civilian actors are verbal attacks (allegiance_register)."""

from __future__ import annotations

import pytest

from allegiance.errors import LexiconError
from allegiance.nlp.register import load_register

pytestmark = pytest.mark.model


def _read(nlp, text):
    return {(r.source.text, r.target.text): (r.category, r.mode) for r in nlp(text)._.relations}


@pytest.mark.parametrize(
    ("sentence", "pair"),
    [
        # politics, a campaign
        ("Trump attacked Clinton over her emails in a speech in Ohio.", ("Trump", "Clinton")),
        # diplomacy, leaders trading words
        ("Erdogan attacked Macron over his comments on Islam.", ("Erdogan", "Macron")),
        # business and regulators
        (
            "Elon Musk attacked the Securities and Exchange Commission on Twitter.",
            ("Elon Musk", "Securities and Exchange Commission"),
        ),
        # companies: an organisation the recogniser found
        ("Ryanair attacked the European Commission over airport fees.",
         ("Ryanair", "European Commission")),
        # a party's attack on a town is on its council
        ("Republicans attacked Houston over the bill.", ("Republicans", "Houston")),
    ],
)  # fmt: skip
def test_civilians_attacking_each_other_is_an_accusation(nlp, sentence, pair):
    assert _read(nlp, sentence).get(pair) == ("ACCUSE", "verbal")


@pytest.mark.parametrize(
    ("sentence", "pair"),
    [
        ("Assad attacked the rebels in Idlib.", ("Assad", "rebels")),  # the target is armed
        ("Hezbollah attacked Israeli soldiers near the border.", ("Hezbollah", "Israeli soldiers")),
        ("Russia attacked Ukraine in February.", ("Russia", "Ukraine")),  # states
        ("Erdogan attacked Macron's convoy with drones.", ("Erdogan", "Macron")),  # armed words
        # an armed group the knowledge base knows, whatever its target
        (
            "The Lord's Resistance Army attacked Ugandan troops.",
            ("Lord's Resistance Army", "Ugandan troops"),
        ),
    ],
)
def test_armed_attacks_stay_assaults(nlp, sentence, pair):
    found = _read(nlp, sentence)
    assert found.get(pair, ("ASSAULT", None))[0] == "ASSAULT"
    assert ("ACCUSE", "verbal") not in found.values()


def test_user_files_add_and_remove_senses(tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text("verbal_senses:\n  attack: null\n  shred: ACCUSE/verbal\n", encoding="utf-8")
    data = load_register((str(mine),))
    assert "attack" not in data.verbal_senses and data.verbal_senses["shred"] == (
        "ACCUSE",
        "verbal",
    )
    bad = tmp_path / "bad.yaml"
    bad.write_text("verbal_senses:\n  attack: SCOLD\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"bad\.yaml: entry 'attack': unknown category"):
        load_register((str(bad),))


@pytest.mark.parametrize(
    "sentence",
    [
        "Clinton leads Trump by five points in the latest poll.",  # a poll
        "Japan beat China 3-1 in the final.",  # sport, a score
        "Germany defeated France in the vote on the budget.",  # a vote
    ],
)
def test_contest_standings_are_no_tie(nlp, sentence):
    assert not nlp(sentence)._.relations


def test_a_defeat_in_war_stays(nlp):
    found = _read(nlp, "Iraqi forces defeated ISIL in Mosul.")
    assert found.get(("Iraqi forces", "ISIL"), (None,))[0] == "ASSAULT"


@pytest.mark.parametrize(
    "sentence",
    [
        "Prosecutors said Ntaganda attacked civilians of the Lendu community.",  # courts
        "Police said the senator's bodyguards attacked protesters outside the hall.",
    ],
)
def test_attacks_on_civilians_stay_assaults(nlp, sentence):
    assert ("ACCUSE", "verbal") not in _read(nlp, sentence).values()


def _categories(nlp, text):
    return {
        (r.source.actor_id.split(".")[0], r.target.actor_id.split(".")[0]): r.category
        for r in nlp(text)._.relations
    }


@pytest.mark.parametrize(
    ("sentence", "pair", "category"),
    [
        # armed conflict: a blow dealt is an attack, not aid
        ("Al-Shabaab delivered a heavy blow to the Somali army in Mogadishu.", ("AQ", "SOM"),
         "ASSAULT"),
        # diplomacy: an ultimatum is a threat
        ("The European Union delivered an ultimatum to Serbia over the border dispute.",
         ("EU", "SRB"), "THREATEN"),
        # state visits: a welcome given is a visit hosted
        ("Queen Elizabeth gave a warm welcome to Vladimir Putin at Buckingham Palace.",
         None, "CONSULT"),
        # a delegation received is a visit, not aid from the visitors
        ("Iran received a delegation from Saudi Arabia.", ("SAU", "IRN"), "CONSULT"),
    ],
)  # fmt: skip
def test_what_is_given_sets_the_sense_of_a_transfer_verb(nlp, sentence, pair, category):
    found = _categories(nlp, sentence)
    if pair is None:
        assert list(found.values()) == [category], found
    else:
        assert found.get(pair) == category, found
    assert "AID" not in found.values()


@pytest.mark.parametrize(
    "sentence",
    [
        "Obama delivered a speech to the Turkish parliament in Ankara.",  # politics
        "Kerry delivered a letter to the Iranian government on Monday.",  # diplomacy
    ],
)
def test_words_given_are_no_aid(nlp, sentence):
    assert "AID" not in _categories(nlp, sentence).values()


@pytest.mark.parametrize(
    ("sentence", "pair"),
    [
        ("The United States delivered weapons to Ukraine last week.", ("USA", "UKR")),
        ("The World Bank gave a loan of $2 billion to Egypt.", ("WORLD_BANK", "EGY")),
    ],
)
def test_material_transfers_stay_aid(nlp, sentence, pair):
    found = _categories(nlp, sentence)
    assert found.get(pair) == "AID", found


def test_user_files_replace_object_senses(tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text("object_senses:\n  letter: CONSULT\n", encoding="utf-8")
    data = load_register((str(mine),))
    assert data.object_senses is not None
    assert data.object_senses["letter"] == ("CONSULT", None)
    assert data.object_senses["speech"] is None
    bad = tmp_path / "bad.yaml"
    bad.write_text("object_senses:\n  blow: PUNCH\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"bad\.yaml: entry 'blow': unknown category"):
        load_register((str(bad),))


@pytest.mark.parametrize(
    ("sentence", "pair", "category"),
    [
        # armed conflict across a border
        ("India and Pakistan exchanged fire across the Line of Control.", ("IND", "PAK"),
         "ASSAULT"),
        # a war of words
        ("Israel and Hamas exchanged accusations over the collapse of the truce.",
         ("ISR", "HAMAS"), "ACCUSE"),
        # cooperation: what is exchanged is not a party ("prisoners" are no partner)
        ("Russia and Ukraine exchanged prisoners on Friday.", ("RUS", "UKR"), "COOPERATE"),
    ],
)  # fmt: skip
def test_what_is_exchanged_sets_the_sense(nlp, sentence, pair, category):
    found = _categories(nlp, sentence)
    assert found.get(pair, found.get(pair[::-1])) == category, found
    assert not any("PRISONERS" in b for _, b in found), found


@pytest.mark.parametrize(
    ("sentence", "pair"),
    [
        ("Senator Elizabeth Warren blasted the Federal Reserve for raising rates.",
         ("Senator Elizabeth Warren", "Federal Reserve")),
        ("Trump mocked Senator John McCain at a rally.", ("Trump", "Senator John McCain")),
        ("The United Nations rebuked Israel over the settlements.", ("United Nations", "Israel")),
    ],
)  # fmt: skip
def test_rebuke_and_ridicule_are_verbal_conflict(nlp, sentence, pair):
    assert _read(nlp, sentence).get(pair, ("none",))[0] == "ACCUSE"
    # material blasts stay attacks
    found = _read(nlp, "Israeli jets blasted Hamas positions in Gaza.")
    assert found.get(("Israeli jets", "Hamas positions"), ("none",))[0] == "ASSAULT"


def test_a_civil_expulsion_is_a_sanction_and_an_armed_one_an_assault(nlp):
    found = _read(nlp, "President Jacob Zuma expelled Julius Malema from the party.")
    assert found.get(("President Jacob Zuma", "Julius Malema")) == ("SANCTION", "expulsion")
    found = _read(nlp, "The Iraqi army expelled ISIL from the town.")
    assert found.get(("Iraqi army", "ISIL"), ("none",))[0] == "ASSAULT"


def test_parties_attacking_each_other_trade_words(nlp):
    found = _read(nlp, "The Labour Party attacked the Conservative Party over its tax plans.")
    assert found.get(("Labour Party", "Conservative Party")) == ("ACCUSE", "verbal")


@pytest.mark.parametrize(
    ("sentence", "pair"),
    [
        # politics, business, leaders: a fight between civil actors is a contest, no combat
        ("The fight between Bernie Sanders and Joe Manchin over the budget grew bitter.",
         ("Bernie Sanders", "Joe Manchin")),
        ("Trump clashed with Zelensky in the Oval Office.", ("Trump", "Zelensky")),
        ("Ryanair is fighting the European Commission in court.",
         ("Ryanair", "European Commission")),
    ],
)  # fmt: skip
def test_a_fight_between_civil_actors_is_opposition(nlp, sentence, pair):
    assert _read(nlp, sentence).get(pair) == ("OPPOSE", "verbal")


@pytest.mark.parametrize(
    ("sentence", "pair"),
    [
        ("Fighting between Sudan's army and the RSF continued in Khartoum.",
         ("Sudan's army", "RSF")),
        ("The battle between Israel and Hamas entered its third week.", ("Israel", "Hamas")),
    ],
)  # fmt: skip
def test_fighting_between_armed_sides_is_an_assault(nlp, sentence, pair):
    assert _read(nlp, sentence).get(pair, (None,))[0] == "ASSAULT", _read(nlp, sentence)
