"""CorpusStore: tables from the record models, append, skip by sha256, runs, staleness,
Parquet export and import."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from allegiance.errors import InputError
from allegiance.nlp.pipeline import ExtractOptions
from allegiance.store import CorpusStore, column_types, data_hash, rules_fingerprint
from allegiance.store.core import RulesFingerprint

from .records import group


def _fp(tag: str = "a") -> RulesFingerprint:
    return RulesFingerprint(version="0", model="m", lexicon_hash=tag, kb_hash="k", options={})


def _fill(path: Path, n: int, *, fp: RulesFingerprint | None = None, start: int = 0) -> None:
    with CorpusStore(path, batch_documents=3) as store:
        store.begin_run("extract", fp or _fp())
        for i in range(start, start + n):
            store.append(group(i), body=f"text {i}", ignore=[(0, 2)])


def test_records_read_back_equal_in_order(tmp_path: Path) -> None:
    path = tmp_path / "c.duckdb"
    _fill(path, 7)
    with CorpusStore(path, read_only=True) as store:
        back = list(store.records(chunk=2))
        assert back == [r for i in range(7) for r in group(i)]
        assert store.counts() == {
            "documents": 7, "mentions": 14, "relations": 14, "acts": 7, "quotes": 7,
            "quantities": 7, "runs": 1,
        }  # fmt: skip
        # nested objects are STRUCT columns SQL can read
        rows = store.con.execute(
            "SELECT source.actor_id, sentence.text FROM relations WHERE sign = -1 LIMIT 1"
        ).fetchall()
        assert rows == [("IRQ", "Iraq attacked Iran.")]


def test_relation_columns_follow_the_model() -> None:
    cols = dict(column_types(__import__("allegiance.schema").schema.Relation))
    assert cols["intensity"] == "DOUBLE" and cols["negated"] == "BOOLEAN"
    assert cols["attributed_to"].startswith("STRUCT(") and '"actor_id" VARCHAR' in cols["source"]


def test_same_sha256_is_skipped_across_and_within_runs(tmp_path: Path) -> None:
    path = tmp_path / "c.duckdb"
    _fill(path, 4)
    with CorpusStore(path) as store:
        store.begin_run("extract", _fp())
        assert store.append(group(2)) is False  # stored by the first run
        assert store.append(group(9)) is True
        assert store.append(group(9)) is False  # pending in this run
        store.end_run("complete")
        assert store.counts()["documents"] == 5
        last = store.runs()[-1]
        assert last["status"] == "complete"
        assert last["counts"]["document"] == 1 and last["counts"]["skipped"] == 2


def test_a_failed_run_keeps_whole_flushed_documents_and_is_recorded(tmp_path: Path) -> None:
    path = tmp_path / "c.duckdb"
    with pytest.raises(RuntimeError), CorpusStore(path, batch_documents=2) as store:
        store.begin_run("extract", _fp())
        for i in range(5):
            store.append(group(i))
        raise RuntimeError("boom")
    with CorpusStore(path, read_only=True) as store:
        # the pending document is written when the run ends: every document is whole
        assert store.counts()["documents"] == 5
        assert store.counts()["relations"] == 10
        assert store.runs()[0]["status"] == "failed"


def test_staleness_by_rules_key_and_replacement(tmp_path: Path) -> None:
    path = tmp_path / "c.duckdb"
    _fill(path, 3, fp=_fp("old"))
    _fill(path, 2, fp=_fp("new"), start=3)
    new = _fp("new").key
    with CorpusStore(path) as store:
        assert store.rules_keys() == {_fp("old").key: 3, new: 2}
        stale = store.stale_documents(new)
        assert len(stale) == 3
        docs = list(store.input_documents(stale))
        assert [d.text for d in docs] == ["text 0", "text 1", "text 2"]
        assert docs[0].ignore == ((0, 2),)
        store.begin_run("reextract", _fp("new"))
        for doc, seq in zip(docs, stale, strict=True):
            i = int(doc.doc_id[1:])
            assert store.append(group(i), body=doc.text, replaces=seq)
        store.end_run("complete")
        assert store.stale_documents(new) == []
        assert store.counts()["documents"] == 5 and store.counts()["relations"] == 10


def test_fingerprint_changes_with_a_user_lexicon(tmp_path: Path) -> None:
    extra = tmp_path / "triggers.yaml"
    extra.write_text("verbs: {}\n", encoding="utf-8")
    base = rules_fingerprint(ExtractOptions())
    mine = rules_fingerprint(ExtractOptions(lexicon_paths=(str(extra),)))
    assert base.key == rules_fingerprint(ExtractOptions()).key
    assert mine.key != base.key and mine.kb_hash == base.kb_hash
    with pytest.raises(InputError, match="missing.yaml"):
        data_hash(tmp_path, [tmp_path / "missing.yaml"])


def test_parquet_export_partitions_by_date_and_imports_back(tmp_path: Path) -> None:
    path = tmp_path / "c.duckdb"
    with CorpusStore(path) as store:
        store.begin_run("extract", _fp())
        store.append(group(0, published="2024-03-05"))
        store.append(group(1, published="2024-04-01"))
        store.append(group(2, published=None))
    out = tmp_path / "pq"
    with CorpusStore(path, read_only=True) as store:
        store.export_parquet(out)
    parts = sorted(p.name for p in (out / "relations").iterdir())
    assert parts == ["period=2024-03", "period=2024-04", "period=unknown"]
    con = duckdb.connect()
    n = con.execute(f"SELECT count(*) FROM '{out.as_posix()}/relations/**/*.parquet'").fetchone()
    con.close()
    assert n == (6,)
    other = tmp_path / "other.duckdb"
    _fill(other, 1)  # holds group(0) already
    with CorpusStore(other) as store:
        added = store.import_parquet(out)
        assert added["documents"] == 2 and added["skipped"] == 1 and added["runs"] == 1
        back = list(store.records())
    assert back == group(0) + group(1, published="2024-04-01") + group(2, published=None)


def test_an_export_without_acts_imports(tmp_path: Path) -> None:
    """An export made before act records (schema 1.0) has no ``acts`` folder."""
    import shutil

    path = tmp_path / "c.duckdb"
    _fill(path, 2)
    out = tmp_path / "pq"
    with CorpusStore(path, read_only=True) as store:
        store.export_parquet(out)
    shutil.rmtree(out / "acts")
    with CorpusStore(tmp_path / "new.duckdb") as store:
        added = store.import_parquet(out)
        assert added["documents"] == 2 and added["acts"] == 0 and added["relations"] == 4


def test_bad_files_give_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such store"):
        CorpusStore(tmp_path / "none.duckdb", read_only=True)
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).execute("CREATE TABLE x (a INT)").close()
    with pytest.raises(InputError, match="not an allegiance store"):
        CorpusStore(other)
    text = tmp_path / "notes.duckdb"
    text.write_text("hello", encoding="utf-8")
    with pytest.raises(InputError, match="cannot open the store"):
        CorpusStore(text)
    with pytest.raises(InputError, match="not a store export"):
        CorpusStore(tmp_path / "new.duckdb").import_parquet(tmp_path)


def test_engine_dask_needs_a_store() -> None:
    from click.testing import CliRunner

    from allegiance.cli import main

    result = CliRunner().invoke(main, ["extract", "x.txt", "--engine", "dask"])
    assert result.exit_code == 2 and "--store" in result.output
