"""On the demo corpus: extract --store, analyze --store gives the in-memory path's figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from allegiance.analysis import AnalyzeOptions, analyze, bundle_from_records
from allegiance.bundle import dump_bundle
from allegiance.cli import main
from allegiance.ingest import demo_corpus_paths
from allegiance.nlp.pipeline import ExtractOptions
from allegiance.store import CorpusStore
from allegiance.store.bundle import store_kinds

from .test_network import _comparable

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory, nlp) -> Path:
    path = tmp_path_factory.mktemp("store") / "demo.duckdb"
    paths = [str(p) for p in demo_corpus_paths()]
    result = CliRunner().invoke(main, ["extract", *paths, "--store", str(path), "--processes", "1"])
    assert result.exit_code == 0, result.output
    return path


def test_analyze_store_gives_the_in_memory_figures(demo_store: Path, tmp_path: Path) -> None:
    memory = dump_bundle(analyze(options=AnalyzeOptions(extract=ExtractOptions(n_process=1))))
    out = tmp_path / "b.json"
    result = CliRunner().invoke(
        main, ["analyze", "--store", str(demo_store), "-o", "", "--json", str(out)]
    )
    assert result.exit_code == 0, result.output
    stored = json.loads(out.read_text(encoding="utf-8"))
    assert stored["meta"]["n_documents"] == memory["meta"]["n_documents"]
    assert _comparable(stored) == _comparable(memory)
    assert stored["counts"]["ties"] > 20


@pytest.mark.parametrize("flags", [["--min-confidence", "0.6"], ["--include-history"]])
def test_analyze_store_applies_the_network_filters_as_in_memory(
    demo_store: Path, tmp_path: Path, flags: list[str]
) -> None:
    out = tmp_path / "b.json"
    args = ["analyze", "--store", str(demo_store), "-o", "", "--json", str(out), *flags]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    stored = json.loads(out.read_text(encoding="utf-8"))
    with CorpusStore(demo_store, read_only=True) as store:
        records = list(store.records(store_kinds()))
    options = {"min_confidence": 0.6} if "--min-confidence" in flags else {"include_history": True}
    memory = dump_bundle(bundle_from_records(records, **options))
    assert _comparable(stored) == _comparable(memory)
    for key, value in options.items():
        assert stored["meta"][key] == value
    if "--min-confidence" in flags:
        assert all(r["confidence"] >= 0.6 for r in stored["relations"])
        everything = [r for r in records if r.kind == "relation"]
        assert len(stored["relations"]) < len(everything), "the filter must leave some out"


def test_a_second_extract_skips_everything_and_info_says_so(demo_store: Path) -> None:
    paths = [str(p) for p in demo_corpus_paths()]
    runner = CliRunner()
    result = runner.invoke(main, ["extract", *paths, "--store", str(demo_store)])
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())  # the console wraps long paths
    assert "stored 0 documents" in said and "already stored were skipped" in said
    info = runner.invoke(main, ["store", "info", str(demo_store), "--json"])
    data = json.loads(info.output)
    assert data["stale"] == 0 and len(data["runs"]) == 2
    assert data["runs"][1]["counts"]["skipped"] == data["counts"]["documents"]


def test_analyze_store_filters_and_truncates(demo_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.json"
    args = ["analyze", "--store", str(demo_store), "-o", str(tmp_path / "r.html"), "--json",
            str(out), "--evidence-per-tie", "1", "--max-records", "5"]  # fmt: skip
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    bundle = json.loads(out.read_text(encoding="utf-8"))
    assert bundle["meta"]["truncated"]["embedded"]["documents"] == 5
    assert all(len(e["reports"]) == 1 for e in bundle["network"]["edges"])
    assert (tmp_path / "r.html").stat().st_size > 0
    none = CliRunner().invoke(
        main, ["analyze", "--store", str(demo_store), "--since", "2999-01-01"]
    )
    assert none.exit_code == 2 and "no stored document matches" in none.output


def test_store_query_export_import(demo_store: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    q = runner.invoke(
        main, ["store", "query", str(demo_store), "SELECT count(*) AS n FROM relations"]
    )
    assert q.exit_code == 0 and q.output.splitlines()[0] == "n"
    n = int(q.output.splitlines()[1])
    bad = runner.invoke(main, ["store", "query", str(demo_store), "SELEC nothing"])
    assert bad.exit_code == 2 and str(demo_store) in bad.output
    assert (
        runner.invoke(main, ["store", "export", str(demo_store), str(tmp_path / "pq")]).exit_code
        == 0
    )
    copy = tmp_path / "copy.duckdb"
    imported = runner.invoke(main, ["store", "import", str(copy), str(tmp_path / "pq")])
    assert imported.exit_code == 0, imported.output
    assert f"({n} relations)" in imported.output
