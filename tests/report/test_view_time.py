"""The report timeline places relations by the time they are about and lists history apart."""

from __future__ import annotations

from typing import Any

from allegiance.report.view import derive_timeline


def _rel(rid: str, a: str, b: str, sign: int, doc: str = "d1", time: dict | None = None) -> dict:
    return {
        "id": rid, "doc_id": doc, "sign": sign, "category": "ASSAULT" if sign < 0 else "AID",
        "source": {"actor_id": a}, "target": {"actor_id": b},
        "sentence": {"text": f"{a} and {b}."}, "time": time,
    }  # fmt: skip


def _bundle(*relations: dict[str, Any]) -> dict[str, Any]:
    return {
        "documents": [{"doc_id": "d1", "published": "2016-10-20"}],
        "relations": list(relations),
    }


def test_a_relation_with_a_month_precise_time_is_placed_by_it():
    last_month = {"start": "2016-09-05", "end": "2016-09-11", "precision": "week",
                  "historical": False, "how": "relative", "rule": "relative_unit"}  # fmt: skip
    t = derive_timeline(_bundle(_rel("r1", "A", "B", 1, time=last_month), _rel("r2", "A", "B", -1)))
    assert t["months"] == ["2016-09", "2016-10"]
    assert t["counts"]["2016-09"]["positive"] == 1 and t["counts"]["2016-10"]["negative"] == 1
    assert t["by_own_time"] == 1 and t["history"] == []


def test_a_coarse_time_falls_back_to_the_document_date():
    since = {"start": "2014-01-01", "end": "2016-10-20", "precision": "span",
             "historical": False, "how": "explicit", "rule": "since"}  # fmt: skip
    t = derive_timeline(_bundle(_rel("r1", "A", "B", 1, time=since)))
    assert t["months"] == ["2016-10"] and t["by_own_time"] == 0


def test_historical_relations_are_listed_apart_oldest_first_undated_last():
    memory = {"historical": True, "how": "reference", "rule": "history:noun",
              "marker": {"text": "the days of", "start": 0, "end": 11}}  # fmt: skip
    invasion = {"start": "2003-01-01", "end": "2003-12-31", "precision": "year",
                "historical": True, "how": "explicit", "rule": "year",
                "expression": {"text": "in 2003", "start": 0, "end": 7}}  # fmt: skip
    t = derive_timeline(_bundle(
        _rel("mem", "USA", "IRQ", -1, time=memory),
        _rel("inv", "USA", "IRQ", -1, time=invasion),
        _rel("now", "USA", "IRN", 1),
    ))  # fmt: skip
    assert t["months"] == ["2016-10"]
    assert sum(c["negative"] for c in t["counts"].values()) == 0
    assert [(h["id"], h["text"]) for h in t["history"]] == [
        ("inv", "in 2003"), ("mem", "the days of"),
    ]  # fmt: skip
    assert [(p["a"], p["b"]) for p in t["pairs"]] == [("IRN", "USA")]
