"""Extraction into the store: same records as extract, resume after a stop, reextract."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from allegiance.ingest import IngestOptions, IngestReport, demo_corpus_paths, read_documents
from allegiance.nlp.pipeline import ExtractOptions, extract_grouped
from allegiance.store import CorpusStore, rules_fingerprint
from allegiance.store.extract import extract_to_store, reextract

pytestmark = pytest.mark.model

OPTIONS = ExtractOptions(n_process=1)


def _docs(n: int = 6) -> list:
    paths = [str(p) for p in demo_corpus_paths()]
    return list(read_documents(paths, IngestOptions(), IngestReport()))[:n]


class Stop(Exception):
    pass


def test_store_holds_what_extract_gives_and_resumes_after_a_stop(nlp, tmp_path: Path) -> None:
    docs = _docs()
    expected = [r for g in extract_grouped(docs, options=OPTIONS) for r in g]
    path = tmp_path / "c.duckdb"

    def stop_after_two(n: int) -> None:
        if n == 2:
            raise Stop

    with CorpusStore(path, batch_documents=1) as store, pytest.raises(Stop):
        extract_to_store(store, docs, options=OPTIONS, progress=stop_after_two)
    with CorpusStore(path) as store:
        assert store.counts()["documents"] == 2
        assert store.runs()[0]["status"] == "failed"
        run = extract_to_store(store, docs, options=OPTIONS)
        assert (run.written, run.skipped) == (len(docs) - 2, 2)
        assert list(store.records()) == expected
        assert store.runs()[-1]["status"] == "complete"
        # the text is kept apart from the records (they carry it only with include_text)
        body = store.con.execute("SELECT body FROM documents ORDER BY seq LIMIT 1").fetchone()
        assert body == (docs[0].text,)


def test_reextract_brings_stale_documents_up_to_date(nlp, tmp_path: Path) -> None:
    docs = _docs(4)
    path = tmp_path / "c.duckdb"
    # a user KB file changes the rules key (here one that adds a harmless actor)
    kb = tmp_path / "kb.yaml"
    kb.write_text(
        "actors:\n- {id: ZZ_TEST, name: Zzyzx Council, type: ngo, aliases: [Zzyzx Council]}\n",
        encoding="utf-8",
    )
    newer = dataclasses.replace(OPTIONS, kb_paths=(str(kb),))
    with CorpusStore(path) as store:
        extract_to_store(store, docs, options=OPTIONS)
        key = rules_fingerprint(newer).key
        assert len(store.stale_documents(key)) == 4
        n_before = store.counts()["documents"]
        run = reextract(store, options=newer, limit=3)
        assert run.written == 3 and run.stale == 1
        run = reextract(store, options=newer)
        assert run.written == 1 and run.stale == 0
        assert store.counts()["documents"] == n_before
        expected = [r for g in extract_grouped(docs, options=newer) for r in g]
        assert sorted(map(repr, store.records())) == sorted(map(repr, expected))
