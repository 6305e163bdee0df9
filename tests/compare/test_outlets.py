"""Per-outlet profiles: actors, ties, tone, sources, numbers; grouping and roll-up."""

from __future__ import annotations

import json
import logging

import pytest

from allegiance.compare import UNKNOWN, ActorInfo, compare_outlets
from allegiance.schema import ActorArg

from ._factory import doc, mentions, quantity, quote, relation, seed_like_records


@pytest.fixture(scope="module")
def result():
    return compare_outlets(seed_like_records())


def test_one_profile_per_outlet_in_sorted_order(result):
    assert list(result.outlets) == ["Al Jazeera", "Fox News"]
    assert result.outlets["Al Jazeera"].documents == 1


def test_actor_mentions_and_shares(result):
    actors = {a.actor_id: a for a in result.outlets["Al Jazeera"].actors}
    assert actors["IRN"].mentions == 8
    assert actors["IRN"].name == "Iran"
    assert actors["IRN"].share == pytest.approx(8 / 27, abs=1e-4)
    assert result.outlets["Al Jazeera"].actors[0].actor_id == "IRN"  # most mentioned first
    assert sum(a.share for a in result.outlets["Fox News"].actors) == pytest.approx(1, abs=1e-3)


def test_ties_are_unordered_pairs_with_net_sign_and_evidence(result):
    fox = {(t.a, t.b): t for t in result.outlets["Fox News"].ties}
    # "US cooperates with Iran" and "Iran cooperates with the US" are one tie.
    assert fox[("IRN", "USA")].sign == 1
    assert fox[("IRN", "USA")].evidence == 2
    assert fox[("IRN", "USA")].a_name == "Iran"
    assert fox[("PMF", "USA")].sign == -1
    aj = {(t.a, t.b): t for t in result.outlets["Al Jazeera"].ties}
    assert aj[("IRN", "PMF")].evidence == 2


def test_negated_and_hypothetical_relations_are_not_ties(result):
    aj = {(t.a, t.b) for t in result.outlets["Al Jazeera"].ties}
    assert ("ASSAD", "USA") not in aj
    assert ("TUR", "USA") not in aj


def test_mixed_evidence_nets_out():
    records = [
        doc("d", "X"),
        relation("d", "USA", "IRN", "COOPERATE", 1),
        relation("d", "USA", "IRN", "OPPOSE", -1),
        relation("d", "USA", "IRN", "ACCUSE", -1),
        relation("d", "IRN", "IRQ", "CONSULT", 1),
        relation("d", "IRQ", "IRN", "OPPOSE", -1),
    ]
    ties = {(t.a, t.b): t for t in compare_outlets(records).outlets["X"].ties}
    assert (ties[("IRN", "USA")].sign, ties[("IRN", "USA")].evidence) == (-1, 3)
    # the network's rule: one cooperative report in three is a third of the mass
    assert ties[("IRN", "USA")].state == "mixed"
    assert (ties[("IRN", "IRQ")].sign, ties[("IRN", "IRQ")].evidence) == (0, 2)


def test_tone_is_share_of_signed_relations_involving_the_actor(result):
    tone = result.outlets["Fox News"].tone
    # PMF: opposed by the Kurds, opposes the US, aligned with Iran.
    assert tone["PMF"].n == 3
    assert tone["PMF"].negative == pytest.approx(2 / 3, abs=1e-4)
    assert tone["PMF"].positive == pytest.approx(1 / 3, abs=1e-4)
    assert tone["TUR"].negative == 1.0
    # The negated relation about Assad does not count.
    assert result.outlets["Al Jazeera"].tone["ASSAD"].n == 1


def test_sources_named_anonymous_and_affiliations(result):
    aj = result.outlets["Al Jazeera"].sources
    assert (aj.named, aj.anonymous) == (2, 2)
    assert aj.by_affiliation["expert_or_former_official"] == 2
    assert aj.by_affiliation["diplomat"] == 1
    assert aj.by_affiliation["militia"] == 1
    fox = result.outlets["Fox News"].sources
    # The scare quote with no speaker is not a source.
    assert (fox.named, fox.anonymous) == (4, 6)
    assert (
        fox.by_affiliation["military"] == 2 + 2 + 2 + 1
    )  # Pentagon, US military, Peshmerga, Asayish
    assert fox.by_affiliation["militia"] == 1
    assert fox.by_affiliation["expert_or_former_official"] == 1
    assert fox.by_affiliation["other"] == 1  # "the U.S. source" says nothing more
    assert set(fox.by_affiliation) == {
        "government", "military", "militia", "diplomat", "expert_or_former_official", "other",
    }  # fmt: skip


def test_source_list_merges_repeated_speakers(result):
    entries = {(e.speaker, e.anonymous): e for e in result.outlets["Fox News"].sources.entries}
    galloway = entries[("Adrian Rankine-Galloway", False)]
    assert (galloway.n, galloway.role, galloway.affiliation) == (
        2,
        "Pentagon spokesman",
        "military",
    )
    # "a U.S. military source" and "the U.S. military source" are the same unnamed source.
    assert entries[("U.S. military source", True)].n == 2
    assert entries[("Moen Al Kadmi", False)].affiliation == "militia"
    aj = {e.speaker: e for e in result.outlets["Al Jazeera"].sources.entries}
    assert aj["Western diplomatic source"].anonymous
    assert aj["Mark Kimmitt"].affiliation == "expert_or_former_official"


def test_one_named_actor_is_one_source_however_spelled():
    records = [doc("d", "X"), *mentions("d", "GALLOWAY")]
    for text in ("Galloway", "Rankine-Galloway", "Adrian Rankine-Galloway"):
        q = quote("d", role="Pentagon spokesman")
        records.append(
            q.model_copy(
                update={"speaker": ActorArg(text=text, start=0, end=len(text), actor_id="GALLOWAY")}
            )
        )
    (entry,) = compare_outlets(records).outlets["X"].sources.entries
    assert (entry.speaker, entry.n, entry.anonymous) == ("Adrian Rankine-Galloway", 3, False)


def test_a_role_without_a_speaker_is_still_a_named_source():
    records = [doc("d", "X"), quote("d", role="State Department spokeswoman")]
    sources = compare_outlets(records).outlets["X"].sources
    assert (sources.named, sources.anonymous) == (1, 0)
    assert sources.entries[0].speaker == "State Department spokeswoman"
    assert sources.entries[0].affiliation == "government"


def test_a_described_document_is_no_named_source():
    # "according to publicly available information": neither a name nor an anonymous person
    records = [
        doc("d", "X"),
        quote("d", speaker_text="publicly available information"),
        quote("d", speaker_text="the Pentagon"),
    ]
    sources = compare_outlets(records).outlets["X"].sources
    assert (sources.named, sources.anonymous) == (1, 0)
    assert [e.speaker for e in sources.entries] == ["the Pentagon"]


def test_speaker_actor_type_decides_when_the_role_says_nothing():
    records = [
        doc("d", "X"),
        *mentions("d", "KADMI"),
        *mentions("d", "PMF"),
        quote("d", speaker="KADMI"),  # a person whose parent is a militia
        quote("d", speaker="ASSAD"),  # a person known only from the relation arguments
    ]
    by_speaker = {e.speaker: e for e in compare_outlets(records).outlets["X"].sources.entries}
    assert by_speaker["Moen Al Kadmi"].affiliation == "militia"
    assert by_speaker["Bashar al-Assad"].affiliation == "other"
    kb = {
        "ASSAD": ActorInfo(name="Bashar al-Assad", actor_type="person", parent_id="SYR_GOV"),
        "SYR_GOV": ActorInfo(name="Syrian government", actor_type="government"),
    }
    by_speaker = {
        e.speaker: e for e in compare_outlets(records, actors=kb).outlets["X"].sources.entries
    }
    assert by_speaker["Bashar al-Assad"].affiliation == "government"


def test_quantities_carry_dates_falling_back_to_publication(result):
    numbers = result.outlets["Al Jazeera"].quantities
    assert {(q.concept, q.actor_id, q.value, q.change) for q in numbers} == {
        ("troops", "USA", 1500, "up"),
        ("troops", "USA", 3000, "="),
    }
    assert all(q.date == "2014-11-10" for q in numbers)
    fox = {q.text: q for q in result.outlets["Fox News"].quantities}
    assert fox["nearly 5,000"].high == 5000
    assert fox["nearly 5,000"].approximate


def test_missing_outlet_grouped_as_unknown_with_one_warning(caplog):
    records = [
        doc("a", "Reuters"),
        doc("b", None),
        doc("c", "  "),
        *mentions("a", "IRN", 2),
        *mentions("b", "IRN", 1),
        *mentions("c", "USA", 1),
        *mentions("orphan", "TUR", 1),  # no document record at all
    ]
    with caplog.at_level(logging.WARNING, logger="allegiance.compare"):
        result = compare_outlets(records)
    assert set(result.outlets) == {"Reuters", UNKNOWN}
    unknown = result.outlets[UNKNOWN]
    assert unknown.documents == 2
    assert {a.actor_id: a.mentions for a in unknown.actors} == {"IRN": 1, "USA": 1, "TUR": 1}
    warnings = [r for r in caplog.records if r.name == "allegiance.compare"]
    assert len(warnings) == 1
    assert "3 document(s)" in warnings[0].getMessage()
    assert UNKNOWN in warnings[0].getMessage()


def test_no_warning_when_every_document_has_an_outlet(caplog, result):
    with caplog.at_level(logging.WARNING, logger="allegiance.compare"):
        compare_outlets(seed_like_records())
    assert not [r for r in caplog.records if r.name == "allegiance.compare"]


@pytest.mark.parametrize(
    ("by", "expected"),
    [
        ("doc_id", {"a1", "a2", "b1"}),
        ("year", {"2014", "2016"}),
        ("outlet", {"Al Jazeera", "Fox News"}),
    ],
)
def test_grouping_key(by, expected):
    records = [
        doc("a1", "Al Jazeera", "2014-11-10"),
        doc("a2", "Al Jazeera", "2016-01-02"),
        doc("b1", "Fox News", "2016-10-20"),
        *mentions("a1", "IRN"),
        *mentions("a2", "IRN"),
        *mentions("b1", "IRN"),
    ]
    result = compare_outlets(records, by=by)
    assert set(result.outlets) == expected
    assert sum(p.documents for p in result.outlets.values()) == 3


def test_bad_grouping_key_is_refused():
    with pytest.raises(ValueError, match="by must be"):
        compare_outlets([], by="author")  # type: ignore[arg-type]


def test_rollup_to_parent_and_country():
    records = [
        doc("d", "X"),
        *mentions("d", "BADR", 2),
        *mentions("d", "PMF", 1),
        *mentions("d", "USA_MIL", 1),
        relation("d", "BADR", "USA_MIL", "OPPOSE", -1),
        quantity("d", 200, "advisers", "USA_MIL"),
    ]
    parent = compare_outlets(records, rollup="parent").outlets["X"]
    # The top organisation below the state: Badr into the PMF; state organs stay themselves.
    assert {a.actor_id: a.mentions for a in parent.actors} == {"PMF": 3, "USA_MIL": 1}
    assert [(t.a, t.b, t.a_name) for t in parent.ties] == [
        ("PMF", "USA_MIL", "Popular Mobilization Forces")
    ]
    assert parent.quantities[0].actor_id == "USA_MIL"
    country = compare_outlets(records, rollup="country").outlets["X"]
    assert {a.actor_id: a.mentions for a in country.actors} == {"IRQ": 3, "USA": 1}
    mapped = compare_outlets(records, rollup={"BADR": "SHIA"}).outlets["X"]
    assert {a.actor_id for a in mapped.actors} == {"SHIA", "PMF", "USA_MIL"}
    function = compare_outlets(records, rollup=str.lower).outlets["X"]
    assert {a.actor_id for a in function.actors} == {"badr", "pmf", "usa_mil"}


def test_rollup_follows_parents_the_records_do_not_mention():
    records = [doc("d", "X"), *mentions("d", "BADR", 2)]
    kb = {"PMF": ActorInfo(name="PMF", actor_type="militia", parent_id="IRQ"),
          "IRQ": ActorInfo(name="Iraq", actor_type="state", country="IRQ")}  # fmt: skip
    # Without the KB the chain stops at the PMF, whose type is unknown: it is the top.
    assert [a.actor_id for a in compare_outlets(records, rollup="parent").outlets["X"].actors] == [
        "PMF"
    ]
    result = compare_outlets(records, rollup="parent", actors=kb).outlets["X"]
    assert [(a.actor_id, a.name) for a in result.actors] == [("PMF", "PMF")]


def test_empty_records_give_an_empty_comparison():
    assert compare_outlets([]).to_dict() == {
        "outlets": {},
        "outlet_differences": {
            "only_in": [], "opposite_sign": [], "numbers": [], "not_covered": [],
        },
    }  # fmt: skip


def test_to_dict_has_the_bundle_shape_and_is_json(result):
    data = json.loads(json.dumps(result.to_dict()))
    assert set(data) == {"outlets", "outlet_differences"}
    fox = data["outlets"]["Fox News"]
    assert set(fox) == {
        "documents", "n_actors", "n_actors_mentioned", "actors", "ties", "tone", "sources",
        "quantities",
    }  # fmt: skip
    assert set(fox["actors"][0]) == {"actor_id", "name", "mentions", "share"}
    tie_keys = {"a", "b", "a_name", "b_name", "sign", "evidence", "state", "positive_mass",
                "negative_mass", "description"}  # fmt: skip
    assert set(fox["ties"][0]) == tie_keys
    assert set(next(iter(fox["tone"].values()))) == {"positive", "negative", "n"}
    assert set(fox["sources"]) == {"named", "anonymous", "by_affiliation", "list"}
    assert set(fox["sources"]["list"][0]) == {"speaker", "role", "anonymous", "affiliation", "n"}
    assert set(fox["quantities"][0]) == {
        "concept", "actor_id", "value", "low", "high", "approximate", "change", "date", "text",
    }  # fmt: skip
    diffs = data["outlet_differences"]
    assert set(diffs) == {"only_in", "opposite_sign", "numbers", "not_covered"}
    assert set(diffs["only_in"][0]) == {"outlet", *tie_keys}
    assert set(diffs["opposite_sign"][0]) == {"a", "b", "signs"}
    assert set(diffs["numbers"][0]) == {"concept", "actor_id", "kind", "direction", "values"}
    assert set(diffs["numbers"][0]["values"][0]) == {"outlet", "value", "date", "text"}
    assert set(diffs["not_covered"][0]) == {"actor_id", "name", "covered_by", "ignored_by"}
