"""Clustering relations into events: blocking, vetoes, stances left out, records valid."""

from __future__ import annotations

from typing import Any

import pytest

from allegiance.errors import LexiconError
from allegiance.events import CategoryFamilies, EventOptions, cluster_events, event_timeline
from allegiance.schema import Event


def _doc(doc_id: str, outlet: str, published: str | None) -> dict[str, Any]:
    return {"kind": "document", "doc_id": doc_id, "outlet": outlet, "published": published}


def _mention(doc_id: str, country: str) -> dict[str, Any]:
    return {
        "kind": "mention",
        "doc_id": doc_id,
        "actor_id": country,
        "actor_name": country,
        "actor_type": "state",
        "country": country,
        "start": 900,
        "end": 905,
        "resolved_by": "kb",
    }


def _rel(rid, doc_id, text, src, tgt, category="ASSAULT", **kw) -> dict[str, Any]:
    quad = {"ASSAULT": 4, "COERCE": 4, "CONSULT": 1, "AGREE": 1, "OPPOSE": None, "ALIGN": None}
    return {
        "kind": "relation",
        "id": rid,
        "doc_id": doc_id,
        "sentence": {"text": text, "start": 0, "end": len(text)},
        "source": {"text": src, "start": 0, "end": 1, "actor_id": src},
        "target": {"text": tgt, "start": 0, "end": 1, "actor_id": tgt},
        "category": category,
        "quad_class": quad.get(category, 4),
        "sign": -1 if category in ("ASSAULT", "COERCE", "OPPOSE") else 1,
        **kw,
    }


def _clusters(events: list[Event]) -> set[frozenset[str]]:
    return {frozenset(r.relation_id for r in e.reports) for e in events}


def test_three_outlets_reporting_one_bombing_make_one_event():
    # politics / protest / courts wording of one happening, two days of reports
    records = [
        _doc("a", "Wire A", "2021-03-01"),
        _doc("b", "Wire B", "2021-03-01"),
        _doc("c", "Wire C", "2021-03-02"),
        _rel(
            "r1",
            "a",
            "Rebels attacked police in Goma on Monday, killing 12 officers.",
            "M23",
            "COD.POL",
        ),
        _rel(
            "r2",
            "b",
            "M23 fighters stormed a police post in Goma, killing 12.",
            "M23",
            "COD.POL",
            "COERCE",
        ),
        _rel("r3", "c", "The attack on police in Goma by M23 left 12 dead.", "M23", "COD.POL"),
    ]
    (event,) = cluster_events(records)
    assert event.n_reports == 3 and event.outlets == ["Wire A", "Wire B", "Wire C"]
    assert (event.first_reported, event.last_reported) == ("2021-03-01", "2021-03-02")
    assert event.location is not None and event.location.name == "Goma"
    assert event.location.country == "COD" and 0 < event.location.confidence <= 1


def test_same_actors_different_cities_or_dates_are_different_events():
    records = [
        _doc("a", "Wire A", "2017-01-10"),
        _doc("b", "Wire B", "2017-01-10"),
        _doc("c", "Wire C", "2017-01-02"),
        # the documents' actors give their countries (the prior for ambiguous city names)
        _mention("a", "IRQ"),
        _mention("b", "SYR"),
        _rel(
            "r1", "a", "Coalition aircraft struck ISIL near Mosul with seven strikes.", "CO", "ISIL"
        ),
        _rel(
            "r2", "b", "Coalition aircraft struck ISIL near Raqqa with seven strikes.", "CO", "ISIL"
        ),
        _rel(
            "r3", "c", "Coalition aircraft struck ISIL near Mosul with seven strikes.", "CO", "ISIL"
        ),
    ]
    assert _clusters(cluster_events(records)) == {
        frozenset({"r1"}),
        frozenset({"r2"}),
        frozenset({"r3"}),
    }


def test_direction_and_category_family_block_reports():
    records = [
        _doc("a", "A", "2020-05-01"),
        _doc("b", "B", "2020-05-01"),
        _rel(
            "r1",
            "a",
            "Ministers of Chile and Peru met in Lima to discuss trade.",
            "CHL",
            "PER",
            "CONSULT",
        ),
        _rel(
            "r2",
            "b",
            "Ministers of Chile and Peru met in Lima to discuss trade.",
            "CHL",
            "PER",
            "ASSAULT",
        ),
        _rel(
            "r3",
            "b",
            "Ministers of Chile and Peru met in Lima to discuss trade.",
            "PER",
            "CHL",
            "AGREE",
            symmetric=False,
        ),
    ]
    clusters = _clusters(cluster_events(records))
    assert frozenset({"r1", "r2"}) not in clusters and frozenset({"r1", "r3"}) not in clusters
    # a symmetric relation joins the pair either way
    sym = [
        records[0],
        records[1],
        _rel(
            "s1",
            "a",
            "Chile and Peru held talks in Lima on the border.",
            "CHL",
            "PER",
            "CONSULT",
            symmetric=True,
        ),
        _rel(
            "s2",
            "b",
            "Peru and Chile held talks in Lima on the border.",
            "PER",
            "CHL",
            "CONSULT",
            symmetric=True,
        ),
    ]
    assert frozenset({"s1", "s2"}) in _clusters(cluster_events(sym))


def test_stances_negated_and_hypothetical_relations_are_not_events():
    records = [
        _doc("a", "A", "2020-05-01"),
        _rel("r1", "a", "Iran is an ally of the Syrian government.", "IRN", "SYR.GOV", "ALIGN"),
        _rel("r2", "a", "The militias distrust the Americans.", "MIL", "USA", "OPPOSE"),
        _rel("r3", "a", "Turkey did not attack the Kurds.", "TUR", "KURDS", negated=True),
        _rel("r4", "a", "Turkey may attack the Kurds.", "TUR", "KURDS", hypothetical=True),
    ]
    assert cluster_events(records) == []


def test_rollup_joins_an_actor_and_its_parent():
    records = [
        _doc("a", "A", "2022-02-24"),
        _doc("b", "B", "2022-02-24"),
        _rel(
            "r1", "a", "Russian troops attacked Ukraine near Kharkiv on Thursday.", "RUS.MIL", "UKR"
        ),
        _rel("r2", "b", "Russia attacked Ukraine near Kharkiv on Thursday.", "RUS", "UKR"),
    ]
    parents = {"RUS.MIL": "RUS"}
    assert len(cluster_events(records)) == 2
    (event,) = cluster_events(records, rollup=lambda a: parents.get(a, a))
    assert event.source == "RUS" and event.n_reports == 2


def test_events_validate_and_the_timeline_counts_events_and_reports():
    records = [
        _doc("a", "A", "2019-06-01"),
        _doc("b", "B", "2019-06-02"),
        _doc("c", "C", None),
        _rel(
            "r1",
            "a",
            "Police fired tear gas at protesters in Khartoum.",
            "SDN.POL",
            "PROT",
            "COERCE",
        ),
        _rel(
            "r2",
            "b",
            "Police fired tear gas at protesters in Khartoum.",
            "SDN.POL",
            "PROT",
            "COERCE",
        ),
        _rel("r3", "c", "Soldiers shot at protesters in Omdurman.", "SDN.MIL", "PROT"),
    ]
    events = cluster_events(records)
    for e in events:
        Event.model_validate(e.model_dump())
    assert event_timeline(events) == {
        "months": {"2019-06": {"events": 1, "reports": 2}},
        "undated": {"events": 1, "reports": 1},
    }


def test_a_stricter_threshold_splits_more():
    records = [
        _doc("a", "A", "2020-01-01"),
        _doc("b", "B", "2020-01-02"),
        _rel("r1", "a", "Protesters clashed with police in Santiago.", "PROT", "CHL.POL", "COERCE"),
        _rel(
            "r2",
            "b",
            "Riot police and demonstrators fought for hours downtown.",
            "PROT",
            "CHL.POL",
            "COERCE",
        ),
    ]
    loose = cluster_events(records, options=EventOptions(threshold=0.4))
    strict = cluster_events(records, options=EventOptions(threshold=0.95))
    assert len(loose) == 1 and len(strict) == 2


def test_family_files_are_checked(tmp_path):
    bad = tmp_path / "fam.yaml"
    bad.write_text("families:\n  PUNCH: force\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="PUNCH"):
        CategoryFamilies.load([bad])
    good = tmp_path / "fam2.yaml"
    good.write_text("families:\n  THREATEN: force\n", encoding="utf-8")
    assert CategoryFamilies.load([good]).family("THREATEN") == "force"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # military / protest / courts: the texts name the day, and the days differ
        (
            "On Jan. 8, coalition aircraft struck ISIL near Mosul.",
            "On Jan. 10, coalition aircraft struck ISIL near Mosul.",
        ),
        (
            "On March 3 police dispersed protesters in Lagos.",
            "On March 5 police dispersed protesters in Lagos.",
        ),
        (
            "On May 2 the court fined the company in Delhi.",
            "On May 9 the court fined the company in Delhi.",
        ),
    ],
)
def test_undated_reports_naming_different_days_are_different_events(first, second):
    records = [
        _doc("a", "A", None),
        _doc("b", "B", None),
        _rel("r1", "a", first, "X", "Y"),
        _rel("r2", "b", second, "X", "Y"),
    ]
    assert len(cluster_events(records)) == 2


def test_the_same_day_named_in_two_reports_does_not_split_them():
    records = [
        _doc("a", "A", None),
        _doc("b", "B", None),
        _rel("r1", "a", "On Jan. 8, coalition aircraft struck ISIL near Mosul.", "X", "Y"),
        _rel("r2", "b", "Coalition aircraft struck ISIL near Mosul on January 8.", "X", "Y"),
    ]
    assert len(cluster_events(records)) == 1


def test_an_unknown_place_after_a_locative_word_is_not_a_known_other_place():
    # "Rawah" is too small for the gazetteer: it is still not Mosul
    records = [
        _doc("a", "A", "2017-01-10"),
        _mention("a", "IRQ"),
        _rel("r1", "a", "Near Mosul, two strikes engaged an ISIL tactical unit.", "CO", "ISIL"),
        _rel("r2", "a", "Near Rawah, two strikes engaged an ISIL tactical unit.", "CO", "ISIL"),
    ]
    records[-1]["sentence"].update(start=60, end=114)  # the next sentence of the document
    assert len(cluster_events(records)) == 2
