"""The extract, analyze, schema and eval commands, run in-process."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import jsonschema
import pytest
from click.testing import CliRunner

from allegiance.bundle import bundle_json_schema
from allegiance.cli import COMMANDS, main
from allegiance.schema import json_schema, record_from_dict

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = (
    "Iran backs the Shia militias.\n\n"
    "The Iranian-backed militias fought alongside the Iraqi army against ISIS in Diyala."
)


@pytest.fixture()
def corpus(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text(
        json.dumps({"id": "a1", "text": ARTICLE, "outlet": "Wire", "published": "2016-10-20"})
        + "\n{not json\n",
        encoding="utf-8",
    )
    return path


def test_extract_jsonl_records_validate_and_bad_line_is_one_warning(corpus, nlp):
    result = CliRunner().invoke(main, ["extract", str(corpus)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.stdout.splitlines() if x.startswith("{")]
    schema = json_schema()
    for obj in lines:
        jsonschema.validate(obj, schema)
        record_from_dict(obj)
    kinds = {obj["kind"] for obj in lines}
    assert {"document", "mention", "relation"} <= kinds
    assert f"{corpus}:2" in result.stderr and "Traceback" not in result.stderr
    for obj in lines:
        if obj["kind"] == "mention":
            assert ARTICLE[obj["start"] : obj["end"]] == obj["text"]


def test_extract_strict_fails_on_a_skipped_line(corpus, nlp):
    result = CliRunner().invoke(main, ["extract", str(corpus), "--strict"])
    assert result.exit_code == 1


def test_extract_nothing_readable_exits_nonzero_without_traceback(tmp_path, nlp):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(empty), str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert "empty" in result.stderr and "missing.txt" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_extract_tabular_formats_write_one_table_per_kind(corpus, tmp_path, fmt, nlp):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["extract", str(corpus), "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "wrote 1 document," in result.output
    relations = out / f"relations.{fmt}"
    assert (out / f"documents.{fmt}").exists() and relations.exists()
    con = duckdb.connect()
    reader = "read_csv_auto" if fmt == "csv" else "read_parquet"
    rows = con.execute(
        f"SELECT \"source.actor_id\", category FROM {reader}('{relations}')"
    ).fetchall()
    assert rows and all(cat for _, cat in rows)


def test_analyze_writes_report_and_bundle(corpus, tmp_path, nlp):
    report, bundle = tmp_path / "r.html", tmp_path / "b.json"
    result = CliRunner().invoke(
        main, ["analyze", str(corpus), "-o", str(report), "--json", str(bundle)]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(bundle.read_text(encoding="utf-8"))
    for key in ("documents", "network", "relations", "frustration", "coalitions", "outlets"):
        assert key in data
    camps = data["coalitions"].get("camps", [])
    assert all(isinstance(member, str) for camp in camps for member in camp)
    assert report.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    assert "actors" in result.stdout


def test_schema_doc_is_current():
    current = json.loads((ROOT / "docs" / "records.schema.json").read_text(encoding="utf-8"))
    assert current == json_schema(), (
        "regenerate with: allegiance schema -o docs/records.schema.json"
    )


def test_bundle_schema_doc_is_current_and_the_command_writes_it(tmp_path):
    current = json.loads((ROOT / "docs" / "bundle.schema.json").read_text(encoding="utf-8"))
    assert current == bundle_json_schema(), (
        "regenerate with: allegiance schema --bundle -o docs/bundle.schema.json"
    )
    out = tmp_path / "b.schema.json"
    result = CliRunner().invoke(main, ["schema", "--bundle", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8")) == current
    assert current["additionalProperties"] is False
    assert {"meta", "network", "counts", "coalitions"} <= set(current["properties"])


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help_with_example_and_is_documented(name):
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output
    assert f"`{name}`" in (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")


def test_extract_summary_counts_read_as_english():
    from allegiance.cli.extract import _count

    assert [_count(1, "quote"), _count(2, "quote"), _count(192, "quantity")] == [
        "1 quote",
        "2 quotes",
        "192 quantities",
    ]
