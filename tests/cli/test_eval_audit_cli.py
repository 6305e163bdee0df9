"""The eval plover, audit and --min-confidence commands, run in-process."""

from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner

from allegiance.analysis import bundle_from_records
from allegiance.cli import main
from allegiance.schema import record_from_dict

from ..network.factories import relation


def _records(tmp_path, n=12):
    rels = []
    for i in range(n):
        r = relation(f"d:r{i:02d}", "iran", "iraq", -1 if i % 2 else 1, sentence=f"S{i}.")
        r["confidence"] = round((i + 1) / (n + 1), 3)
        rels.append(r)
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rels), encoding="utf-8")
    return path, rels


def test_audit_sample_then_score(tmp_path):
    records, _ = _records(tmp_path)
    sheet = tmp_path / "audit.csv"
    runner = CliRunner()
    result = runner.invoke(
        main, ["audit", "sample", str(records), "-n", "4", "--seed", "2", "-o", str(sheet)]
    )
    assert result.exit_code == 0, result.output
    with sheet.open(encoding="utf-8", newline="") as fp:
        rows = list(csv.DictReader(fp))
    assert len(rows) == 4 and all(r["verdict"] == "" for r in rows)
    for row, verdict in zip(rows, ["y", "y", "n", ""], strict=True):
        row["verdict"] = verdict
    with sheet.open("w", encoding="utf-8", newline="") as fp:
        writer = csv.DictWriter(fp, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    result = runner.invoke(main, ["audit", "score", str(sheet), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert (scores["judged"], scores["correct"], scores["unjudged"]) == (3, 2, 1)
    assert scores["low"] < scores["precision"] < scores["high"]
    table = runner.invoke(main, ["audit", "score", str(sheet)])
    assert "95% interval" in table.output


def test_audit_score_of_a_bad_verdict_is_one_line_and_exit_2(tmp_path):
    sheet = tmp_path / "audit.csv"
    sheet.write_text("id,category,verdict\nr1,ASSAULT,perhaps\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["audit", "score", str(sheet)])
    assert result.exit_code == 2
    assert "audit.csv:2: verdict 'perhaps'" in result.output


def test_network_min_confidence_drops_weak_ties(tmp_path):
    records, rels = _records(tmp_path)
    out_all, out_strict = tmp_path / "all.json", tmp_path / "strict.json"
    runner = CliRunner()
    assert runner.invoke(main, ["network", str(records), "-o", str(out_all)]).exit_code == 0
    result = runner.invoke(
        main, ["network", str(records), "--min-confidence", "0.5", "-o", str(out_strict)]
    )
    assert result.exit_code == 0, result.output

    def n_relations(path):
        data = json.loads(path.read_text(encoding="utf-8"))
        return sum(len(e["relations"]) for e in data.get("links", data.get("edges", [])))

    assert n_relations(out_all) == len(rels)
    assert n_relations(out_strict) == sum(r["confidence"] >= 0.5 for r in rels)


def test_analysis_min_confidence_leaves_weak_relations_out_of_every_output(tmp_path):
    _, rels = _records(tmp_path)
    records = [record_from_dict(r) for r in rels]
    bundle = bundle_from_records(records, min_confidence=0.5)
    assert {r["id"] for r in bundle.relations} == {r["id"] for r in rels if r["confidence"] >= 0.5}


def test_eval_thresholds_must_be_numbers_in_range(tmp_path):
    gold = tmp_path / "gold.txt"
    gold.write_text("[]", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "plover", str(gold), "--thresholds", "0,2"])
    assert result.exit_code != 0 and "between 0 and 1" in result.output


@pytest.mark.model
def test_eval_plover_scores_a_gold_file(tmp_path):
    gold = tmp_path / "gold.txt"
    gold.write_text(
        json.dumps(
            [
                {"id": "a", "event": "DISAPPROVE",
                 "text": "The Kenyan government accused Somalia of harbouring militants.",
                 "source": [{"actorText": "Kenyan government"}],
                 "target": [{"actorText": "Somalia"}]},
                {"id": "b", "event": "PROTEST", "text": "Workers went on strike in Lagos.",
                 "source": [{"actorText": "Workers"}], "target": ""},
            ]
        ),
        encoding="utf-8",
    )  # fmt: skip
    runner = CliRunner()
    result = runner.invoke(main, ["eval", "plover", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert (scores["records"], scores["scorable"], scores["detected"]) == (2, 1, 1)
    assert scores["quad_accuracy"] == 1.0
    details = runner.invoke(main, ["eval", "plover", str(gold), "--details", "--baseline"])
    assert details.exit_code == 0, details.output
    assert "DISAPPROVE" in details.output and "co-occurrence baseline" in details.output
    by_t = runner.invoke(main, ["eval", "plover", str(gold), "--thresholds", "0,0.99", "--json"])
    assert [row["threshold"] for row in json.loads(by_t.output)] == [0.0, 0.99]


def test_a_bad_confidence_weights_file_is_one_line_and_exit_2(tmp_path):
    gold = tmp_path / "gold.txt"
    gold.write_text("[]", encoding="utf-8")
    bad = tmp_path / "weights.yaml"
    bad.write_text("off_path: high\n", encoding="utf-8")
    result = CliRunner().invoke(
        main,
        ["eval", "plover", str(gold), "--thresholds", "0,0.5", "--confidence-weights", str(bad)],
    )
    assert result.exit_code == 2
    assert "weights.yaml: 'off_path' must be a number" in result.output
