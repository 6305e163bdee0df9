"""``allegiance import | export | kb import-petrarch``, run in-process with click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from allegiance.cli import main
from allegiance.kb import ActorKB
from allegiance.schema import read_records

DATA = Path(__file__).resolve().parents[1] / "data" / "interop"


def _run(*args: str):
    result = CliRunner().invoke(main, list(args))
    return result


@pytest.fixture()
def gdelt_records(tmp_path) -> Path:
    out = tmp_path / "gdelt.jsonl"
    result = _run("import", "gdelt", str(DATA / "gdelt_events.export.CSV"), "-o", str(out))
    assert result.exit_code == 0, result.output
    return out


def test_import_gdelt_writes_records_and_one_warning_line_per_bad_row(tmp_path):
    out = tmp_path / "gdelt.jsonl"
    result = _run("import", "gdelt", str(DATA / "gdelt_events.export.CSV"), "-o", str(out))
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 5 and all("gdelt_events.export.CSV:" in w for w in warnings)
    assert "10 relations written" in result.stderr
    kinds = [r.kind for r in read_records(out)]
    assert kinds.count("relation") == 10 and kinds.count("document") == 10


def test_imported_gdelt_records_feed_the_network_command(gdelt_records, tmp_path):
    ties = tmp_path / "ties.csv"
    result = _run("network", str(gdelt_records), "--level", "country", "-o", str(ties))
    assert result.exit_code == 0, result.output
    rows = ties.read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("source,target,sign")
    assert any(r.startswith("IRN,USA,-1") or r.startswith("USA,IRN,-1") for r in rows[1:])


def test_import_icews_writes_records(tmp_path):
    out = tmp_path / "icews.jsonl"
    result = _run("import", "icews", str(DATA / "icews_events.tab"), "-o", str(out))
    assert result.exit_code == 0
    assert sum(r.kind == "relation" for r in read_records(out)) == 6


def test_export_plover_and_cameo(gdelt_records, tmp_path):
    plover = tmp_path / "events.json"
    result = _run("export", "plover", str(gdelt_records), "-o", str(plover))
    assert result.exit_code == 0 and "exported 10 PLOVER records" in result.stderr
    items = json.loads(plover.read_text(encoding="utf-8"))
    assert {p["provenance"] for p in items} == {"gdelt"}
    cameo = tmp_path / "events.tsv"
    assert _run("export", "cameo", str(gdelt_records), "-o", str(cameo)).exit_code == 0
    lines = cameo.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("id\tdate\tsource_code") and len(lines) == 11


def test_kb_import_petrarch_writes_a_file_that_kb_accepts(tmp_path):
    out = tmp_path / "petrarch_kb.yaml"
    result = _run("kb", "import-petrarch", str(DATA / "petrarch_actors.txt"), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "4 actors added, 2 extended" in result.stderr
    assert ActorKB.load([out]).lookup("Yankeeland").id == "USA"
    # and the other commands take it with --kb
    rel_file = tmp_path / "r.jsonl"
    rel_file.write_text("", encoding="utf-8")
    result = _run("export", "plover", str(rel_file), "--kb", str(out))
    assert result.exit_code == 0


def test_kb_import_petrarch_agents(tmp_path):
    out = tmp_path / "agents.yaml"
    result = _run(
        "kb", "import-petrarch", "--agents", str(DATA / "petrarch_agents.txt"), "-o", str(out)
    )
    assert result.exit_code == 0 and "words added" in result.stderr
    assert "carabinieri" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "args",
    [("import", "gdelt", "/nonexistent.CSV"), ("export", "plover", "/nonexistent.jsonl"),
     ("kb", "import-petrarch", str(DATA / "petrarch_actors.txt"), "--as-of", "June 2016")],
)  # fmt: skip
def test_bad_input_is_one_error_line(args):
    result = _run(*args)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_kb_group_subcommand_has_help_with_example():
    result = _run("kb", "import-petrarch", "--help")
    assert result.exit_code == 0 and "Example:" in result.output
