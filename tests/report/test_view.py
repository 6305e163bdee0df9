"""Derived data for the report: findings, camps, timeline, counts."""

from __future__ import annotations

from collections import Counter
from typing import Any

from allegiance.report.view import (
    camp_of,
    derive_timeline,
    json_ready,
    key_findings,
    summary_counts,
    view_model,
)


def test_timeline_covers_every_month_between_first_and_last(sample_bundle: dict[str, Any]) -> None:
    t = derive_timeline(sample_bundle)
    assert t["months"][0] == "2014-11" and t["months"][-1] == "2016-11"
    assert len(t["months"]) == 25  # Nov 2014 .. Nov 2016 inclusive, gaps included
    assert t["counts"]["2015-01"] == {"positive": 0, "negative": 0, "neutral": 0, "excluded": 0}


def test_timeline_counts_facts_and_sets_aside_negated_and_hypothetical(
    sample_bundle: dict[str, Any],
) -> None:
    t = derive_timeline(sample_bundle)
    month = {d["doc_id"]: d["published"][:7] for d in sample_bundle["documents"]}
    expected: Counter[tuple[str, str]] = Counter()
    for r in sample_bundle["relations"]:
        kind = ("excluded" if r["negated"] or r["hypothetical"]
                else {1: "positive", -1: "negative", 0: "neutral"}[r["sign"]])  # fmt: skip
        expected[(month[r["doc_id"]], kind)] += 1
    got = Counter({(m, k): n for m, c in t["counts"].items() for k, n in c.items() if n})
    assert got == expected
    assert t["undated"] == 0
    top = t["pairs"][0]
    assert {top["a"], top["b"]} == {"IRN", "USA"}  # the most reported pair


def test_timeline_without_dates_is_empty(sample_bundle: dict[str, Any]) -> None:
    for d in sample_bundle["documents"]:
        d["published"] = None
    t = derive_timeline(sample_bundle)
    assert t["months"] == [] and t["undated"] == len(sample_bundle["relations"])


def test_camps_fall_back_from_nodes_to_coalitions_to_partition(
    sample_bundle: dict[str, Any],
) -> None:
    assert camp_of(sample_bundle)["ISIL"] != camp_of(sample_bundle)["USA"]
    for n in sample_bundle["network"]["nodes"]:
        del n["camp"]
    assert camp_of(sample_bundle) == {
        m: k for k, camp in enumerate(sample_bundle["coalitions"]["camps"]) for m in camp
    }
    del sample_bundle["coalitions"]
    assert camp_of(sample_bundle) == sample_bundle["frustration"]["partition"]


def test_findings_lead_with_the_uneasy_alliance(sample_bundle: dict[str, Any]) -> None:
    findings = key_findings(sample_bundle)
    assert findings[0]["kind"] == "uneasy"
    assert "Iran" in findings[0]["title"] and "United States" in findings[0]["title"]
    assert "ISIL" in findings[0]["text"]
    kinds = [f["kind"] for f in findings]
    assert {"camps", "frustration", "triangles", "tie", "quotes", "numbers"} <= set(kinds)
    frustration = next(f for f in findings if f["kind"] == "frustration")
    assert str(sample_bundle["frustration"]["index"]) in frustration["title"]


def test_findings_on_an_empty_bundle_say_so() -> None:
    assert [f["kind"] for f in key_findings({})] == ["empty"]


def test_summary_counts(sample_bundle: dict[str, Any]) -> None:
    s = summary_counts(sample_bundle)
    edges = sample_bundle["network"]["edges"]
    assert s["ties"] == len(edges) == s["positive"] + s["negative"] + s["neutral"]
    assert s["outlets"] == 3 and s["documents"] == 4 and s["skipped"] == 1
    assert s["not_counted"] == sum(
        r["negated"] or r["hypothetical"] for r in sample_bundle["relations"]
    )


def test_bundle_timeline_is_used_when_given(sample_bundle: dict[str, Any]) -> None:
    own = {"months": ["2020-01"], "counts": {}, "pairs": [], "undated": 0}
    sample_bundle["timeline"] = own
    assert view_model(sample_bundle)["timeline"] == own


def test_json_ready_handles_odd_values() -> None:
    import datetime as dt
    from pathlib import Path

    out = json_ready({"d": dt.date(2016, 10, 1), "p": Path("/x"), "s": {2, 1}, "n": float("nan")})
    assert out == {"d": "2016-10-01", "p": "/x", "s": [1, 2], "n": None}


def test_mixed_ties_are_counted_by_state_and_named_in_findings():
    from allegiance.report.view import key_findings, summary_counts, tie_state

    bundle = {
        "network": {
            "nodes": [{"id": "USA", "name": "United States"}, {"id": "IRN", "name": "Iran"}],
            "edges": [
                {
                    "source": "IRN",
                    "target": "USA",
                    "sign": 1,
                    "state": "mixed",
                    "evidence": 2,
                    "description": "material cooperation; hostile stance",
                }
            ],
        },
        "counts": {
            "actors": 2,
            "ties": 1,
            "friendly": 0,
            "hostile": 0,
            "mixed": 1,
            "neutral": 0,
            "positive": 1,
            "negative": 0,
            "actors_mentioned": 5,
        },
        "uneasy_alliances": [
            {
                "a": "IRN",
                "b": "USA",
                "a_name": "Iran",
                "b_name": "United States",
                "state": "mixed",
                "positive": 1,
                "negative": 1,
                "description": "material cooperation; hostile stance",
                "reason": ["mixed"],
            }
        ],
    }
    counts = summary_counts(bundle)
    assert (counts["mixed"], counts["friendly"], counts["positive"]) == (1, 0, 1)
    assert counts["actors_mentioned"] == 5
    assert tie_state(bundle["network"]["edges"][0]) == "mixed"
    uneasy = [f for f in key_findings(bundle) if f["kind"] == "uneasy"]
    assert "a mixed tie (material cooperation; hostile stance)" in uneasy[0]["text"]
    # a mixed tie is not the "strongest friendly tie"
    assert not [f for f in key_findings(bundle) if f["kind"] == "tie"]
