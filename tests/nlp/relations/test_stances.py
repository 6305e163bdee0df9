"""Stances stated with a predicate: "is opposed to X", "is hostile to X"."""

from __future__ import annotations

import pytest

from .helpers import find, relations

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Israel is opposed to French mediation in the talks.", "ISR", "FRA"),  # diplomacy
        ("The Kenyan government is strongly opposed to Somalia.", "KEN", "SOM"),
        ("China is hostile to Japan.", "CHN", "JPN"),
    ],
)
def test_a_stated_opposition_is_a_hostile_stance(nlp, text, source, target):
    hit = find(relations(nlp, text), source, target)
    assert hit and hit[0].category == "OPPOSE" and not hit[0].negated


@pytest.mark.parametrize(
    "text",
    [
        "Germany remains opposed to sending tanks to Ukraine.",  # the act opposed, not Ukraine
        "The Conservatives are not opposed to a deal with the European Union.",
    ],
)
def test_an_act_opposed_or_an_opposition_denied_is_no_stance(nlp, text):
    assert not [r for r in relations(nlp, text) if r.category == "OPPOSE" and not r.negated]


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Turkey blocked Sweden's bid to join NATO.", "TUR", "SWE"),  # diplomacy
        ("Kenya's High Court blocked the government's plan.", "KEN", "KEN"),  # courts
        ("Hungary vetoed Ukraine's request for aid.", "HUN", "UKR"),
    ],
)
def test_a_bid_blocked_is_a_rejection_of_its_maker(nlp, text, source, target):
    hit = find(relations(nlp, text), source, target, categories={"REJECT"})
    assert hit and not hit[0].negated, relations(nlp, text)


def test_a_censure_vetoed_is_not_done(nlp):
    text = "The United States vetoed a Security Council resolution censuring Israel."
    rels = relations(nlp, text)
    assert [r for r in rels if r.category == "REJECT" and r.source.actor_id == "USA"], rels
    assert all(r.negated for r in rels if r.category == "ACCUSE"), rels


def test_a_road_blocked_names_no_rejected_actor(nlp):
    assert not [r for r in relations(nlp, "Israeli troops blocked roads into Jenin.")]


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        (
            "Brazil's Supreme Court ordered the arrest of Jair Bolsonaro.",
            "BRA",
            "PER",
        ),
        ("The detention of Reuters journalists by Myanmar police drew protests.", "MMR", "MEDIA"),
    ],
)
def test_an_arrest_or_a_detention_named_by_a_noun_is_coercion(nlp, text, source, target):
    hit = find(relations(nlp, text), source, target, categories={"COERCE"})
    assert hit, relations(nlp, text)


def test_a_law_struck_down_is_a_legal_rejection_of_its_maker(nlp):
    text = "Italy's Constitutional Court struck down parts of the government's migration law."
    hit = find(relations(nlp, text), "ITA", "ITA", categories={"REJECT"})
    assert hit and not [r for r in relations(nlp, text) if r.category == "ASSAULT"]


def test_a_nationwide_strike_called_is_a_protest(nlp):
    text = "The French union called a nationwide strike against the government's pension reform."
    rels = relations(nlp, text)
    assert [r for r in rels if r.category == "PROTEST"] and not [
        r for r in rels if r.category == "REQUEST"
    ], rels


def test_a_coalition_formed_with_a_party_is_an_alignment(nlp):
    text = "The ANC formed a coalition with the Democratic Alliance."
    hit = find(relations(nlp, text), "ANC", "NER:democratic alliance", categories={"ALIGN"})
    assert hit, relations(nlp, text)


@pytest.mark.parametrize(
    ("text", "coalition"),
    [
        ("Poland's ruling coalition collapsed.", False),  # a government's coalition
        ("The coalition struck ISIL targets near Mosul.", True),  # the war's coalition
    ],
)
def test_a_bare_coalition_is_the_war_coalition_only_in_its_war(nlp, text, coalition):
    ids = [s._.actor.actor_id for s in nlp(text).spans["actors"]]
    assert ("COALITION" in ids) == coalition, ids


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Hungary opened its border to Ukrainian refugees.", "HUN", "UKR"),  # migration
        (
            "Benin opened its borders to West Africans expelled from Nigeria.",
            "BEN",
            "NER:west africans",
        ),
    ],
)
def test_a_border_opened_to_someone_is_an_easing_toward_them(nlp, text, source, target):
    hit = find(relations(nlp, text), source, target, categories={"CONCEDE"})
    assert hit, relations(nlp, text)


def test_a_border_crossed_or_fled_across_is_no_easing(nlp):
    for text in (
        "Refugees fled across the border to Turkey.",
        "Turkish troops crossed the border into Syria.",
    ):
        assert not [r for r in relations(nlp, text) if r.category == "CONCEDE"]


def test_mediation_among_parties_is_with_each(nlp):
    text = "Qatar launched mediation among the Sudanese factions."
    assert find(relations(nlp, text), "QAT", "SDN", categories={"CONSULT"}), relations(nlp, text)


@pytest.mark.parametrize(
    ("text", "source", "target", "category"),
    [
        ("The EU sent a reminder to Hungary about the rule of law.", "EU", "HUN", "REQUEST"),
        ("Russia sent a warning to Finland.", "RUS", "FIN", "THREATEN"),
        ("The US sent weapons to Ukraine.", "USA", "UKR", "AID"),
    ],
)
def test_what_is_sent_says_what_the_sending_is(nlp, text, source, target, category):
    rels = relations(nlp, text)
    assert [r.category for r in find(rels, source, target)] == [category], rels


def test_a_participle_parsed_as_the_subject_leaves_the_speaker_its_subject(nlp):
    text = "The Red Cross operating in Iraq said British forces must ensure security."
    assert find(relations(nlp, text), "ICRC", "GBR", categories={"REQUEST"}), relations(nlp, text)


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("China called the US sanctions illegal.", "CHN", "USA"),  # trade
        ("Mexico's president called the US tariffs unacceptable.", "MEX", "USA"),
        ("The EU called Russia's annexation of Crimea illegal.", "EU", "RUS"),  # diplomacy
        ("Turkey called the YPG illegitimate.", "TUR", "SDF"),
    ],
)
def test_a_judgment_passed_on_an_actor_or_its_deed_is_an_accusation(nlp, text, source, target):
    rels = nlp(text)._.relations
    hit = [
        r
        for r in rels
        if r.category == "ACCUSE"
        and r.source.actor_id.split(".")[0] == source
        and r.target.actor_id.split(".")[0] == target
    ]
    assert hit, [(r.source.actor_id, r.category, r.target.actor_id) for r in rels]


@pytest.mark.parametrize(
    "text",
    [
        "The law is illegal, the Kenyan court said.",  # no one judged
        "Russian troops carried out illegal detentions in Kherson.",
    ],
)
def test_a_judgment_adjective_without_a_judge_relates_no_one(nlp, text):
    rels = nlp(text)._.relations
    assert not [r for r in rels if r.mode == "judgment"], rels


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # politics, diplomacy, protest: a name called through a regarding verb
        ("Bolsonaro called de Moraes a dictator.", "PER", "NER:de moraes"),
        ("Erdogan called Netanyahu a war criminal.", "PER", "PER"),
        ("Iran's interior ministry labelled the protesters terrorists.", "IRN", "GEN"),
        ("Maduro described the opposition as fascists.", "PER", "VEN"),
    ],
)
def test_a_name_called_is_an_accusation(nlp, text, source, target):
    rels = [r for r in relations(nlp, text) if r.category == "ACCUSE"]
    assert rels, relations(nlp, text)
    assert rels[0].source.actor_id.split(".")[0] == source
    assert rels[0].target.actor_id.split(".")[0] == target.split(".")[0]


@pytest.mark.parametrize(
    "text",
    [
        "Biden called Lula, a longtime ally, on Monday.",  # a phone call; the ally is Lula
        "Assad, the dictator of Syria, met Putin in Moscow.",  # no one judges
        "The dictator of Syria thanked Russia for its support.",
    ],
)
def test_a_name_without_a_regarding_verb_judges_no_one(nlp, text):
    assert not [r for r in relations(nlp, text) if r.category == "ACCUSE"], relations(nlp, text)


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # what is given is the giver's: gratitude and praise for it go to the giver
        ("Kenya is grateful for the support provided by Turkey.", "KEN", "TUR"),
        ("Kyiv is grateful for the air defences sent by Germany.", "UKR", "DEU"),
        ("Lebanon welcomed the aid pledged by Saudi Arabia.", "LBN", "SAU"),
    ],
)
def test_thanks_for_a_gift_go_to_the_giver(nlp, text, source, target):
    hit = find(relations(nlp, text), source, target)
    assert hit and hit[0].category == "SUPPORT", relations(nlp, text)
