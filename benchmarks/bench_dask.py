"""Dask local cluster with 2 workers against ``--processes 2`` on the same corpus (issue 16).

Both extract the same documents into a fresh store; the figure is the throughput ratio
(documents per second, Dask over processes; the aim is >= 0.9), with and without the
cluster's start-up, and a check that both stores hold the same records.

    PYTHONPATH=src python benchmarks/bench_dask.py --documents 90
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path


def corpus(n: int) -> list:
    """n documents: the demo corpus repeated, each copy's text with a trailing space more
    (so that its sha256 differs and nothing is skipped)."""
    import dataclasses
    import hashlib

    from allegiance.ingest import IngestOptions, IngestReport, demo_corpus_paths, read_documents

    base = list(
        read_documents([str(p) for p in demo_corpus_paths()], IngestOptions(), IngestReport())
    )
    out = []
    for i in range(n):
        d = base[i % len(base)]
        k = i // len(base)
        text = d.text + " " * k
        out.append(dataclasses.replace(d, doc_id=f"{d.doc_id}:{k}", text=text,
                                       sha256=hashlib.sha256(text.encode()).hexdigest()))  # fmt: skip
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--documents", type=int, default=90)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    from allegiance.engine.dask import extract_with_dask, local_client
    from allegiance.nlp.pipeline import ExtractOptions
    from allegiance.store import CorpusStore
    from allegiance.store.extract import extract_to_store

    docs = corpus(args.documents)
    tmp = Path(tempfile.mkdtemp(prefix="bench-dask-"))
    options = ExtractOptions(n_process=args.workers)
    options.pipeline()  # the parent's model load is not part of either figure
    t0 = time.perf_counter()
    with CorpusStore(tmp / "local.duckdb") as store:
        extract_to_store(store, docs, options=options)
    local_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    client = local_client(args.workers)
    # warm each worker's pipeline once, as a long-lived cluster would have it
    client.run(lambda: ExtractOptions().pipeline() and None)
    startup_s = time.perf_counter() - t0
    t1 = time.perf_counter()
    with CorpusStore(tmp / "dask.duckdb") as store:
        extract_with_dask(store, docs, options=options, client=client)
    dask_s = time.perf_counter() - t1
    cluster = client.cluster
    client.close()
    cluster.close()

    with (
        CorpusStore(tmp / "local.duckdb", read_only=True) as a,
        CorpusStore(tmp / "dask.duckdb", read_only=True) as b,
    ):
        same = list(a.records()) == list(b.records())
    n = args.documents
    result = {
        "documents": n, "workers": args.workers,
        "processes_seconds": round(local_s, 2), "processes_docs_per_s": round(n / local_s, 2),
        "dask_seconds": round(dask_s, 2), "dask_docs_per_s": round(n / dask_s, 2),
        "dask_startup_seconds": round(startup_s, 2),
        "throughput_ratio": round(local_s / dask_s, 3),
        "throughput_ratio_with_startup": round(local_s / (dask_s + startup_s), 3),
        "same_records": same,
    }  # fmt: skip
    print(json.dumps(result))


if __name__ == "__main__":
    main()
