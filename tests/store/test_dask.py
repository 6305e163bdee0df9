"""The Dask engine gives the single-machine path's records (on a small local cluster)."""

from __future__ import annotations

from pathlib import Path

import pytest

from allegiance.ingest import IngestOptions, IngestReport, demo_corpus_paths, read_documents
from allegiance.nlp.pipeline import ExtractOptions, extract_grouped
from allegiance.store import CorpusStore

pytest.importorskip("distributed", reason="needs the dask extra: pip install 'allegiance[dask]'")

from allegiance.engine.dask import extract_with_dask, local_client

pytestmark = pytest.mark.model

OPTIONS = ExtractOptions(n_process=1)


@pytest.fixture(scope="module")
def client():
    # one in-process worker thread: no extra process, no port for a dashboard; torn down
    c = local_client(1, processes=False)
    yield c
    cluster = c.cluster
    c.close()
    cluster.close()


def test_dask_records_equal_the_single_machine_path(nlp, client, tmp_path: Path) -> None:
    paths = [str(p) for p in demo_corpus_paths()]
    docs = list(read_documents(paths, IngestOptions(), IngestReport()))[:7]
    expected = [r for g in extract_grouped(docs, options=OPTIONS) for r in g]
    path = tmp_path / "c.duckdb"
    with CorpusStore(path) as store:
        # partitions of 2 documents: four tasks, ingested in input order into one run
        run = extract_with_dask(
            store, docs[:5], options=OPTIONS, client=client, partition_documents=2
        )
        assert (run.written, run.skipped) == (5, 0)
        run = extract_with_dask(store, docs, options=OPTIONS, client=client, partition_documents=2)
        assert (run.written, run.skipped) == (2, 5)
        assert list(store.records()) == expected
        runs = store.runs()
        assert [r["status"] for r in runs] == ["complete", "complete"]
        assert runs[0]["options"]["engine"] == "dask"
        assert store.rules_keys() == {runs[0]["rules_key"]: 7}
        # the text is kept for reextract, as on one machine
        n = store.con.execute("SELECT count(*) FROM documents WHERE body IS NOT NULL").fetchone()
        assert n == (7,)
