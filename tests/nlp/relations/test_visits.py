"""A visitor's arrival is a visit to the host; peacekeepers arriving or sent serve the host."""

from __future__ import annotations

import pytest

from .helpers import family, find, relations

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        (  # a head of state in a capital: the host government
            "Iraqi President Saddam Hussein arrived in Amman on an unannounced visit.",
            "PER",
            "JOR",
        ),
        (  # diplomacy: an official
            "The Kenyan foreign minister arrived in Addis Ababa for a two-day official visit.",
            "KEN",
            "ETH",
        ),
        (  # a named person in a country
            "Secretary of State Antony Blinken arrived in Israel on Monday.",
            "PER",
            "ISR",
        ),
    ],
)
def test_a_visitors_arrival_is_a_visit_to_the_host(nlp, text, source, target):
    hit = find(relations(nlp, text), source, target, categories={"CONSULT"})
    assert hit and not hit[0].negated, relations(nlp, text)


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Bangladeshi peacekeeping troops arrived in Sierra Leone on Tuesday.", "BGD", "SLE"),
        (
            "The first deployment of NATO peacekeeping troops have arrived in Bosnia.",
            "NATO",
            "BIH",
        ),
        ("India sent peacekeepers to South Sudan.", "IND", "SSD"),
    ],
)
def test_peacekeepers_serve_the_host(nlp, text, source, target):
    hit = find(relations(nlp, text), source, target, categories={"AID"})
    assert hit, relations(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Refugees arrived in Vienna by train.",  # no visitor
        "Thousands of troops arrived in Kabul.",  # a force, not a visit
        "The storm arrived in Cuba on Sunday.",
        "The Iraqi prime minister arrived in Baghdad after the summit.",  # home, not a visit
    ],
)
def test_other_arrivals_are_no_visit(nlp, text):
    rels = relations(nlp, text)
    assert not [r for r in rels if r.category in ("CONSULT", "AID")], [
        (r.source.actor_id, r.category, r.target.actor_id) for r in rels
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Fighting continued in El Fasher on Monday.",
        "Russian drones struck power stations near Kharkiv overnight.",
        "The protest spread from Cizre to other towns.",
    ],
)
def test_a_town_the_model_takes_for_a_body_is_a_place(nlp, text):
    doc = nlp(text)
    ids = [family(s._.actor.actor_id) for s in doc.spans["actors"] if s._.actor]
    assert not [i for i in ids if i == "NER"], ids


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Turkey sent search-and-rescue teams to Morocco after the earthquake.", "TUR", "MAR"),
        ("Jordan sent medical teams to Lebanon.", "JOR", "LBN"),
        ("The UN sent food to Yemen.", "UN", "YEM"),
    ],
)
def test_relief_sent_is_aid_to_the_state(nlp, text, source, target):
    assert find(relations(nlp, text), source, target, categories={"AID"}), relations(nlp, text)


def test_troops_sent_stay_a_deployment(nlp):
    rels = relations(nlp, "Russia sent troops to Syria.")
    assert not find(rels, "RUS", "SYR", categories={"AID"}), rels


@pytest.mark.parametrize(
    ("text", "source", "target", "hypothetical"),
    [
        ("Macron made a state visit to Beijing.", "PER", "CHN", False),
        ("The Indian prime minister's visit to Dhaka began on Monday.", "IND", "BGD", False),
        ("Erdogan postponed his visit to Baghdad.", "PER", "IRQ", True),  # put off
    ],
)
def test_a_visitors_visit_to_a_capital_is_a_visit_to_its_government(
    nlp, text, source, target, hypothetical
):
    hit = find(relations(nlp, text), source, target, categories={"CONSULT"})
    assert hit and hit[0].hypothetical == hypothetical, relations(nlp, text)


def test_a_visit_cancelled_is_a_cut(nlp):
    rels = relations(nlp, "The Indian prime minister's visit to Dhaka was cancelled.")
    assert find(rels, "IND", "BGD", categories={"SANCTION"}), rels
    assert not find(rels, "IND", "BGD", categories={"CONSULT"}), rels


def test_a_trip_to_a_capital_by_no_visitor_is_no_visit(nlp):
    doc = nlp("A visit to Beijing is expensive for tourists.")
    assert not doc._.relations and not list(doc.spans["actors"])
