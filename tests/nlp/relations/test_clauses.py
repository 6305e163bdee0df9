"""Requests stated by a clause ("demanded that X ...", "said that X must ...", "its demand
that X ...") and answers to requests ("rejected calls by X", "accepted demands from X")."""

from __future__ import annotations

import pytest

from .helpers import check_case, find, relations

CASES = [
    # (construction, sentence, source family, target family, categories, negated, hypothetical)
    (
        "that-clause: diplomacy",
        "Japan demanded that China release the detained fishermen.",
        "JPN",
        "CHN",
        {"REQUEST"},
        False,
        False,
    ),
    (
        "that-clause: protest",
        "Amnesty International demanded that the Egyptian government free the protesters.",
        "AMNESTY",
        "EGY",
        {"REQUEST"},
        False,
        False,
    ),
    (
        "that-clause: business",
        "The European Commission urged that Google stop favouring its own shopping service.",
        "EU",
        None,
        {"REQUEST"},
        False,
        False,
    ),
    (
        "must: courts",
        "Britain said on Monday that Russia must hand over the two suspects.",
        "GBR",
        "RUS",
        {"REQUEST"},
        False,
        False,
    ),
    (
        "should: politics",
        "France declared that Iran should return to the negotiating table.",
        "FRA",
        "IRN",
        {"REQUEST"},
        False,
        False,
    ),
    (
        "request noun",
        "Egypt repeated its demand that Ethiopia halt the filling of the dam.",
        "EGY",
        "ETH",
        {"REQUEST"},
        False,
        False,
    ),
    (
        "response: rejected calls",
        "Israel rejected calls by Turkey for an immediate ceasefire.",
        "ISR",
        "TUR",
        {"REJECT"},
        False,
        False,
    ),
    (
        "response: demands accepted",
        "The Colombian government accepted demands from the FARC for a prisoner exchange.",
        "COL",
        "FARC",
        {"CONCEDE"},
        False,
        False,
    ),
    (
        "response: refused to respond",
        "Venezuela refused to respond to an appeal from the United Nations to free the opposition leaders.",
        "VEN",
        "UN",
        {"REJECT"},
        False,
        False,
    ),
]


@pytest.mark.model
@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_clause_requests_and_responses(nlp, case):
    check_case(nlp, case)


@pytest.mark.model
def test_a_past_fact_in_a_that_clause_is_no_request(nlp):
    # "insisted that X had attacked" reports a fact: no REQUEST of the clause's subject
    rels = relations(nlp, "Pakistan insisted that India had attacked the border post.")
    assert not find(rels, "PAK", "IND", categories={"REQUEST"})


@pytest.mark.model
def test_a_statement_without_must_is_no_request(nlp):
    rels = relations(nlp, "Germany said that Poland will host the summit next year.")
    assert not find(rels, "DEU", "POL", categories={"REQUEST"})


@pytest.mark.model
def test_agreeing_that_someone_should_act_is_no_request(nlp):
    rels = relations(
        nlp,
        "Greek and Turkish officials agreed that their countries should cooperate on migration.",
    )
    assert not [r for r in rels if r.category == "REQUEST"]


@pytest.mark.model
def test_rejecting_a_plan_of_ones_own_names_nobody(nlp):
    # no one else made the call: no REJECT pair
    rels = relations(nlp, "Canada rejected calls for a new tax on exports.")
    assert not [r for r in rels if r.category == "REJECT"]


PROTEST_CASES = [
    # what is done to a protest is done to who staged it
    (
        "dispersed a rally: protest",
        "Egyptian police dispersed a rally by Muslim Brotherhood supporters in Cairo.",
        "EGY",
        "MUSLIM_BROTHERHOOD",
        {"COERCE"},
        False,
        False,
    ),
    (
        "banned a demonstration: politics",
        "Russia banned the demonstration organised by the Ukrainian community.",
        "RUS",
        "UKR",
        {"COERCE"},
        False,
        False,
    ),
    (
        "prevented a protest: courts",
        "Hong Kong police prevented the protest staged by Chinese dissidents.",
        None,
        "CHN",
        {"COERCE"},
        False,
        False,
    ),
]


@pytest.mark.model
@pytest.mark.parametrize("case", PROTEST_CASES, ids=[c[0] for c in PROTEST_CASES])
def test_acts_on_a_protest_concern_who_staged_it(nlp, case):
    check_case(nlp, case)


@pytest.mark.model
def test_a_protest_with_no_named_organiser_names_nobody(nlp):
    rels = relations(nlp, "French police dispersed the protest outside the embassy.")
    assert not [r for r in rels if r.construction.endswith("response.v1")]
