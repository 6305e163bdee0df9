"""Cutting a tie is an act of its own; a protest's purpose is a protest; what is asked for
someone is asked of no one named."""

from __future__ import annotations

import pytest

from .helpers import find, relations


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Japan halted economic aid to Serbia.", "JPN", "SRB"),  # diplomacy
        ("Germany cut development aid to Rwanda.", "DEU", "RWA"),
        ("Washington froze military aid to Egypt after the coup.", "USA", "EGY"),
    ],
)
def test_a_cut_in_aid_is_a_sanction(nlp, text, source, target):
    hit = find(relations(nlp, text), source, target)
    assert hit and hit[0].category == "SANCTION" and not hit[0].negated
    assert not hit[0].symmetric


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Bolivia cut diplomatic ties with Israel.", "BOL", "ISR"),  # ties cut (CAMEO 161)
        ("Italy announced a suspension of air links with Serbia.", "ITA", "SRB"),  # a cut's noun
        ("Bahrain announced the severing of diplomatic relations with Qatar.", "BHR", "QAT"),
        ("Washington's freeze on military aid to Egypt angered Cairo.", "USA", "EGY"),
        ("Britain froze the assets of two Russian banks.", "GBR", "RUS"),  # business
        ("The EU froze Iran's assets.", "EU", "IRN"),
    ],
)
def test_a_cut_of_ties_or_a_cut_named_by_a_noun_is_a_sanction(nlp, text, source, target):
    hit = find(relations(nlp, text), source, target)
    assert hit and hit[0].category == "SANCTION" and not hit[0].negated, [
        (r.source.actor_id, r.category, r.target.actor_id) for r in relations(nlp, text)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Bolivia did not cut ties with Israel.",  # must not fire: the ties go on
        "Italy did not announce a suspension of air links with Serbia.",
        "The minister called for a suspension of trade talks with China.",  # asked for, not done
    ],
)
def test_a_cut_denied_or_asked_for_is_no_sanction(nlp, text):
    assert not [r for r in relations(nlp, text) if r.category == "SANCTION" and not r.hypothetical]


@pytest.mark.parametrize(
    "text",
    [
        "Japan did not suspend economic aid to Serbia.",  # a cut denied: the aid goes on
        "The IMF resumed aid to Serbia.",  # must not fire: resuming is no cut
    ],
)
def test_no_cut_no_sanction(nlp, text):
    rels = relations(nlp, text)
    assert not [r for r in rels if r.category == "SANCTION"]
    assert [r for r in rels if r.category == "AID" and not r.negated]


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Farmers marched to Brussels to condemn the European Commission.", "GEN", "EU"),
        (
            "Human rights activists began a hunger strike to denounce the Egyptian government.",
            "GEN",
            "EGY",
        ),
        (
            "Opposition leaders marched on Sunday to demand the resignation of President "
            "Joseph Kabila.",
            "GEN",
            "PER",
        ),
    ],
)
def test_a_demand_or_accusation_made_by_protesting_is_a_protest(nlp, text, source, target):
    rels = relations(nlp, text)
    hit = [
        r
        for r in rels
        if r.category == "PROTEST"
        and r.source.actor_id.startswith(source)
        and r.target.actor_id.startswith(target)
    ]
    assert hit and not hit[0].hypothetical, [(r.source.actor_id, r.category) for r in rels]


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        (
            "French farmers blocked motorways around Paris to protest the European Union's "
            "trade deal.",
            "FRA",
            "EU",
        ),
        (
            "Demonstrators in Baghdad blocked a road to show their disapproval of the United "
            "States.",
            "IRQ",
            "USA",
        ),
    ],
)
def test_a_road_blocked_to_protest_is_a_protest_done(nlp, text, source, target):
    hit = find(relations(nlp, text), source, target)
    assert hit and hit[0].category == "PROTEST" and not hit[0].hypothetical, relations(nlp, text)


def test_a_protest_announced_is_hypothetical(nlp):
    text = "Opposition leaders will march on Sunday to demand the resignation of President Joseph Kabila."
    hit = [r for r in relations(nlp, text) if r.category == "PROTEST"]
    assert hit and hit[0].hypothetical


def test_a_military_strike_is_no_protest(nlp):
    text = "Coalition forces conducted 23 strikes using fighter aircraft against ISIL targets."
    assert not [r for r in relations(nlp, text) if r.category == "PROTEST"]


@pytest.mark.parametrize(
    "text",
    [
        "Protesters demanded the release of Nabeel Rajab.",
        "Activists began a hunger strike to demand the release of Nabeel Rajab.",
    ],
)
def test_what_is_asked_for_someone_is_not_asked_of_them(nlp, text):
    assert not [r for r in relations(nlp, text) if "rajab" in (r.target.actor_id or "")]


def test_a_demand_of_someone_stays(nlp):
    text = "The EU demanded the withdrawal of Russian troops from Crimea."
    assert find(relations(nlp, text), "EU", "RUS", categories={"REQUEST"})


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The United States sent weapons to Venezuela.", "VEN"),  # a recipient, not a place
        ("Moscow delivered fuel to North Korea.", "PRK"),
    ],
)
def test_what_is_given_to_a_country_names_the_recipient(nlp, text, target):
    assert [r for r in relations(nlp, text) if (r.target.actor_id or "").startswith(target)]


def test_troops_sent_to_a_country_go_to_a_place(nlp):
    assert not relations(nlp, "Russia sent troops to Syria.")


def test_a_portfolio_of_no_named_government_is_no_actor(nlp):
    doc = nlp("Students staged a sit-in to denounce the Education Minister.")
    assert not [r for r in doc._.relations if "education" in (r.target.actor_id or "")]


def test_a_strike_called_is_the_callers_protest(nlp):
    text = "COSATU called a general strike against the ANC government."
    rels = relations(nlp, text)
    assert [r for r in rels if r.category == "PROTEST" and r.target.actor_id == "ANC"], rels
    assert not [r for r in rels if r.category == "REQUEST"]  # staged, not asked for


def test_an_act_named_is_no_request_of_its_target(nlp):
    # "called the attack on Israel a crime" names the attack; its "on" is the attack's own
    rels = relations(nlp, "Iran called the attack on Israel a crime.")
    assert not [r for r in rels if r.category == "REQUEST"], rels


def test_workers_named_by_their_employer_strike_against_it(nlp):
    rels = nlp("Samsung workers went on strike over pay.")._.relations
    assert [r for r in rels if r.category == "PROTEST" and r.target.text == "Samsung"], rels


def test_workers_named_by_their_country_strike_against_no_employer(nlp):
    rels = nlp("Kenyan workers went on strike over pay.")._.relations
    assert not [r for r in rels if r.category == "PROTEST"], rels


LABOUR_STRIKES = [
    # a bare "strike" staged by workers is the labour strike: against their employer, or the
    # organisation it is held at
    ("Hyundai workers staged a strike on Tuesday.", "Hyundai"),
    ("Union members staged a strike at Hyundai.", "Hyundai"),
    ("Lufthansa pilots began a strike over pensions.", "Lufthansa"),
    # a protest held at an organisation is against it
    ("Activists held a protest at the Israeli embassy in London.", "Israeli embassy"),
    ("Protesters rallied outside the Chinese embassy in Manila.", "Chinese embassy"),
    ("Thousands of Boeing machinists went on strike over the contract.", "Boeing"),
]


@pytest.mark.parametrize(("text", "target"), LABOUR_STRIKES)
def test_labour_strike_targets(nlp, text, target):
    rels = nlp(text)._.relations
    assert [r for r in rels if r.category == "PROTEST" and r.target.text == target], rels


@pytest.mark.parametrize(
    "text",
    [
        "The coalition conducted a strike against ISIL near Mosul.",
        "Israel launched a strike on Hamas positions.",
    ],
)
def test_military_strike_stays_an_attack(nlp, text):
    rels = nlp(text)._.relations
    assert rels and all(r.category == "ASSAULT" for r in rels), rels


def test_protest_at_a_square_relates_no_one(nlp):
    assert not nlp("Thousands gathered for a protest at Tahrir Square.")._.relations


def test_rallying_behind_someone_is_no_protest(nlp):
    doc = nlp("Republicans rallied behind the president.")
    assert not [a for a in doc._.acts if a.category == "PROTEST"], doc._.acts
    rels = nlp("Republicans rallied behind Trump after the verdict.")._.relations
    assert [r for r in rels if r.category == "SUPPORT"], rels


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # diplomacy, coalitions, business: breaking with someone cuts the tie
        ("Mali's military rulers broke with France.", "MLI", "FRA"),
        ("Niger's junta broke with the European Union in 2023.", "NER", "EU"),
        ("Qatar broke with Saudi Arabia over the blockade.", "QAT", "SAU"),
    ],
)
def test_breaking_with_someone_cuts_the_tie(nlp, text, source, target):
    hit = find(relations(nlp, text), source, target)
    assert hit and hit[0].category == "SANCTION", relations(nlp, text)


def test_breaking_a_thing_names_no_tie(nlp):
    assert not [r for r in relations(nlp, "Hamas broke the ceasefire.") if r.category == "SANCTION"]
