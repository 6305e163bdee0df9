"""A finding of wrongdoing is the finder's accusation (``allegiance.relations.ruling.v1``)."""

from __future__ import annotations

import pytest

from .helpers import find, relations

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        (  # courts
            "The European Court of Human Rights ruled that Russia had violated the rights of "
            "the protesters.",
            "NER:european court of human rights",
            "RUS",
        ),
        (  # trade
            "The World Trade Organization found that the United States had breached trade rules.",
            "WTO",
            "USA",
        ),
        (  # diplomacy
            "The United Nations concluded that Syria had obstructed the inspectors.",
            "UN",
            "SYR",
        ),
    ],
)
def test_a_finding_of_wrongdoing_is_an_accusation(nlp, text, source, target):
    hit = find(relations(nlp, text), source, target)
    assert hit and hit[0].category == "ACCUSE" and not hit[0].negated, relations(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "The European Court of Human Rights ruled that Russia had not violated the treaty.",
        "The World Trade Organization found that the United States had raised tariffs.",
    ],
)
def test_a_finding_of_no_wrong_is_no_accusation(nlp, text):
    assert not [r for r in relations(nlp, text) if r.category == "ACCUSE"]


def test_a_finding_denied_is_negated(nlp):
    text = "Amnesty International did not find that Israel had violated the ceasefire."
    hit = [r for r in relations(nlp, text) if r.category == "ACCUSE"]
    assert hit and hit[0].negated


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Iran said that Israel had violated the ceasefire.", "IRN", "ISR"),  # diplomacy
        ("Kenya's opposition claimed the government had rigged the vote.", "KEN", "KEN"),
        (  # politics
            "Mexican President Claudia Sheinbaum said the PAN had lied about the budget.",
            "PER",
            "NER:pan",
        ),
    ],
)
def test_a_statement_that_someone_did_wrong_is_an_accusation(nlp, text, source, target):
    hit = find(relations(nlp, text), source, target)
    assert hit and hit[0].category == "ACCUSE" and not hit[0].negated, relations(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Russia said Ukraine had not violated the truce.",
        "Russia denied that Ukraine had violated the truce.",
        "Reuters said the Syrian army had violated the ceasefire.",  # a report, no accusation
        "Israel said its army had broken the rules of engagement.",  # owning up
    ],
)
def test_a_statement_of_no_wrong_or_a_report_is_no_accusation(nlp, text):
    rels = relations(nlp, text)
    assert not [r for r in rels if r.category == "ACCUSE" and not r.negated], rels


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Israel had violated the ceasefire, Iran said.", "IRN", "ISR"),  # reversed report
        ("Kenya said Uganda had failed to deliver the fuel.", "KEN", "UGA"),  # a failure charged
        ("A human rights group said Egyptian police had tortured detainees.", "GEN", "EGY"),
    ],
)
def test_a_reversed_report_or_a_failure_charged_is_an_accusation(nlp, text, source, target):
    hit = find(relations(nlp, text), source, target, categories={"ACCUSE"})
    assert hit and not hit[0].negated, relations(nlp, text)


def test_a_failure_of_no_actor_is_no_accusation(nlp):
    rels = relations(nlp, "Iran said the talks with the United States had failed.")
    assert not [r for r in rels if r.category == "ACCUSE"], rels


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        (
            "South Africa filed a genocide case against Israel at the International Court of "
            "Justice.",
            "ZAF",
            "ISR",
        ),
        ("Ukraine brought a case against Russia at the ICJ.", "UKR", "RUS"),
        ("Mexico filed a suit against the United States over the border wall.", "MEX", "USA"),
    ],
)
def test_a_case_brought_against_someone_is_a_legal_accusation(nlp, text, source, target):
    hit = find(relations(nlp, text), source, target, categories={"ACCUSE"})
    assert hit and hit[0].mode == "legal", relations(nlp, text)


def test_in_the_case_of_is_no_case(nlp):
    rels = relations(nlp, "In the case of Syria, Russia vetoed the resolution.")
    assert not [r for r in rels if r.category == "ACCUSE"], rels
