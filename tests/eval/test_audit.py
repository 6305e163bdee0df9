"""Auditing relations by hand: the sample, the sheet and the scored verdicts."""

from __future__ import annotations

import csv
import json

import pytest

from allegiance.errors import InputError
from allegiance.eval.audit import (
    AUDIT_FIELDS,
    load_relations,
    read_audit,
    sample_relations,
    score_audit,
    wilson_interval,
    write_audit,
)

from ..network.factories import relation


def _relations(n=20):
    out = []
    for i in range(n):
        r = relation(f"d:r{i:02d}", "iran", "iraq", -1 if i % 2 else 1,
                     hypothetical=i == 3, negated=i == 4)  # fmt: skip
        r["confidence"] = round(i / n, 3)
        out.append(r)
    return out


def test_the_sample_is_reproducible_from_its_seed_and_independent_of_file_order():
    rels = _relations()
    a = sample_relations(rels, 5, seed=7)
    assert [r["id"] for r in a] == [r["id"] for r in sample_relations(rels[::-1], 5, seed=7)]
    assert [r["id"] for r in a] != [r["id"] for r in sample_relations(rels, 5, seed=8)]
    assert len({r["id"] for r in a}) == 5


def test_the_sample_holds_only_network_relations_above_the_threshold_by_default():
    rels = _relations()
    ids = {r["id"] for r in sample_relations(rels, 100)}
    assert "d:r03" not in ids and "d:r04" not in ids and len(ids) == 18
    assert "d:r04" in {r["id"] for r in sample_relations(rels, 100, network_only=False)}
    kept = sample_relations(rels, 100, min_confidence=0.5)
    assert kept and all(r["confidence"] >= 0.5 for r in kept)


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_a_sheet_has_the_evidence_and_an_empty_verdict(tmp_path, suffix):
    path = tmp_path / f"audit{suffix}"
    assert write_audit(_relations(3), path) == 3
    rows = [row for _, row in read_audit(path)]
    assert len(rows) == 3
    assert list(rows[0]) == list(AUDIT_FIELDS)
    assert rows[0]["pair"] == "Iran (iran) -> Iraq (iraq)"
    assert rows[0]["sentence"] == "iran cooperates iraq."
    assert rows[0]["verdict"] == ""


def _fill(path, verdicts):
    with path.open(encoding="utf-8", newline="") as fp:
        rows = list(csv.DictReader(fp))
    for row, v in zip(rows, verdicts, strict=False):
        row["verdict"] = v
    with path.open("w", encoding="utf-8", newline="") as fp:
        writer = csv.DictWriter(fp, fieldnames=AUDIT_FIELDS)
        writer.writeheader()
        writer.writerows(rows)


def test_scoring_counts_yes_and_no_skips_empty_and_splits_by_category(tmp_path):
    path = tmp_path / "audit.csv"
    write_audit(_relations(6), path)
    # categories alternate COOPERATE, ASSAULT, ...
    _fill(path, ["y", "n", "Yes", "", "correct", "wrong"])
    scores = score_audit(path)
    assert (scores.overall.correct, scores.overall.judged, scores.unjudged) == (3, 5, 1)
    assert scores.by_category["COOPERATE"].precision == 1.0
    assert scores.by_category["ASSAULT"].correct == 0
    lo, hi = scores.overall.interval
    assert lo < 0.6 < hi
    assert json.loads(json.dumps(scores.as_dict()))["judged"] == 5


def test_an_unreadable_verdict_names_the_file_and_line(tmp_path):
    path = tmp_path / "audit.csv"
    write_audit(_relations(3), path)
    _fill(path, ["y", "maybe"])
    with pytest.raises(InputError, match=r"audit.csv:3: verdict 'maybe'"):
        score_audit(path)


def test_a_file_without_a_verdict_column_is_not_an_audit_sheet(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError, match="x.csv.*verdict"):
        score_audit(path)


def test_wilson_interval_narrows_with_more_judgements_and_stays_in_bounds():
    small, large = wilson_interval(8, 10), wilson_interval(80, 100)
    assert small[0] < large[0] < 0.8 < large[1] < small[1]
    assert wilson_interval(10, 10)[1] == 1.0 and wilson_interval(0, 10)[0] == 0.0


def test_relations_are_read_from_a_bundle_or_from_records(tmp_path):
    rels = _relations(4)
    bundle = tmp_path / "bundle.json"
    bundle.write_text(json.dumps({"meta": {}, "relations": rels}, indent=2), encoding="utf-8")
    assert [r["id"] for r in load_relations(bundle)] == [r["id"] for r in rels]
    records = tmp_path / "records.jsonl"
    records.write_text("".join(json.dumps(r) + "\n" for r in rels), encoding="utf-8")
    assert [r["id"] for r in load_relations(records)] == [r["id"] for r in rels]
    other = tmp_path / "other.json"
    other.write_text('{"nodes": []}', encoding="utf-8")
    with pytest.raises(InputError, match="other.json.*bundle"):
        load_relations(other)
