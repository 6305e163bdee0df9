"""One-actor events (``Act`` records): a source with no target, for the lexicon's
``solo_categories`` and for protests staged with a light verb."""

from __future__ import annotations

import pytest

from allegiance.schema import Act, record_from_dict

from .helpers import family, find, relations

CASES = [
    ("labour", "Teachers in Chile went on strike.", "CHL", "PROTEST", False, False),
    ("conflict", "The rebels surrendered on Tuesday.", "GEN", "CONCEDE", False, False),
    ("mobilisation", "Russia mobilised its reserves.", "RUS", "MOBILIZE", False, False),
    ("withdrawal", "US troops withdrew from Kabul.", "USA", "RETREAT", False, False),
    ("protest", "Thousands of Iraqi Kurds demonstrated in the northern city of Kirkuk.", "KURDS", "PROTEST", False, False),
    ("conditional", "Nigerian workers will go on strike next week if the government does not raise wages.", "NGA", "PROTEST", False, True),
    ("negated", "Russia did not mobilise its reserves.", "RUS", "MOBILIZE", True, False),
]  # fmt: skip


def acts(nlp, text):
    return nlp(text)._.acts


@pytest.mark.model
@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_one_actor_events(nlp, case):
    _, text, source, category, negated, hypothetical = case
    found = [a for a in acts(nlp, text) if family(a.source.actor_id) == source]
    assert [(a.category, a.negated, a.hypothetical) for a in found] == [
        (category, negated, hypothetical)
    ], [(a.source.actor_id, a.category, a.negated, a.hypothetical) for a in acts(nlp, text)]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "EU leaders gathered in Brussels for a summit.",  # a gathering is no protest
        "Soldiers marched into the city.",
        "Kurds staged a protest against Turkey.",  # told by the relation
        "Students marched to demand the resignation of the prime minister.",
        "The ministers were withdrawn from the talks.",  # passive: no actor acts
    ],
)
def test_no_act_where_none_or_a_relation_tells_it(nlp, text):
    assert acts(nlp, text) == []


@pytest.mark.model
def test_each_subject_acts(nlp):
    found = acts(nlp, "Students and farmers went on strike in France.")
    assert {a.source.actor_id for a in found} == {"GEN.STUDENTS", "GEN.FARMERS"}


@pytest.mark.model
def test_acts_are_records_with_evidence(nlp):
    from allegiance.ingest import InputDocument
    from allegiance.nlp.pipeline import doc_records

    text = "Police said the rebels surrendered on Tuesday."
    doc = nlp(text)
    records = doc_records(InputDocument(doc_id="d", text=text, sha256="0" * 64), doc)
    found = [r for r in records if isinstance(r, Act)]
    assert len(found) == 1
    act = found[0]
    assert act.sentence.text == text and text[act.trigger.start : act.trigger.end] == "surrendered"
    assert act.source.mention_id is not None  # linked to its mention record
    assert 0 < act.confidence < 1
    assert record_from_dict(act.model_dump()) == act


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Britain mobilized army reservists for a possible war against Iraq.", "GBR", "IRQ"),
        ("Russia massed troops for an offensive against Ukraine.", "RUS", "UKR"),
        (
            "Venezuela deployed soldiers to the border in preparation for a conflict with Guyana.",
            "VEN",
            "GUY",
        ),
    ],
)
def test_a_force_readied_for_a_hostile_act_is_readied_against_its_target(nlp, text, source, target):
    hit = find(relations(nlp, text), source, target)
    assert hit and hit[0].category == "MOBILIZE", relations(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Egypt mobilized troops for a joint exercise with Saudi Arabia.",  # must not fire
        "Kenya deployed police for talks with Uganda.",
    ],
)
def test_a_force_readied_for_no_hostile_act_has_no_target(nlp, text):
    assert not [r for r in relations(nlp, text) if r.category == "MOBILIZE"]


@pytest.mark.parametrize(
    "text",
    [
        "Reporters covered the demonstration.",  # a protest reported, attended or ended
        "Mexican President Claudia Sheinbaum appeared at the rally.",
        "Junior doctors ended their walkout.",
        "Israeli troops blocked roads into the city.",  # a blockade by troops: coercion
    ],
)
def test_a_protest_not_staged_by_its_subject_is_no_protest_act(nlp, text):
    assert not [a for a in acts(nlp, text) if a.category == "PROTEST"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Students joined the protest.", "GEN"),
        ("Truckers blockaded the border crossing for a third day.", "GEN"),
        ("Young Algerians blocked roads leading to the city centre.", "DZA"),
    ],
)
def test_a_protest_joined_or_a_road_blocked_is_a_protest_act(nlp, text, source):
    hit = [a for a in acts(nlp, text) if a.category == "PROTEST"]
    assert hit and family(hit[0].source.actor_id) == source, acts(nlp, text)
