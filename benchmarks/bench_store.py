"""Benchmarks of the corpus store (issue 16): append rate, and analyze's peak memory and time
from the store against today's in-memory path, at several corpus sizes.

The corpora are the demo corpus's records (extracted once) copied with fresh ids, sha256,
outlets and dates, so that analysis sees N distinct documents without extracting N
documents (this measures analysis, not extraction). Each measurement runs in its own
process (peak RSS is the process's VmHWM).

    PYTHONPATH=src python benchmarks/bench_store.py --sizes 400,1600,6400 --out bench/
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

OUTLETS = ("Wire", "Daily", "Herald", "Gazette")


def _peak_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def demo_groups(cache: Path) -> list[list]:
    """The demo corpus's records, one list per document (extracted once, cached as JSONL)."""
    from allegiance.export import document_groups
    from allegiance.schema import read_records, write_jsonl

    if not cache.exists():
        from allegiance.analysis import Record  # noqa: F401
        from allegiance.ingest import IngestOptions, IngestReport, demo_corpus_paths, read_documents
        from allegiance.nlp.pipeline import ExtractOptions, extract

        docs = read_documents(
            [str(p) for p in demo_corpus_paths()], IngestOptions(), IngestReport()
        )
        with cache.open("w", encoding="utf-8") as fp:
            write_jsonl(extract(docs, options=ExtractOptions(n_process=1)), fp)
    return list(document_groups(read_records(cache)))


def copies(groups: list[list], n: int):
    """n documents: the demo documents copied with new ids, sha256, outlet and date."""
    import hashlib

    for i in range(n):
        base = groups[i % len(groups)]
        k = i // len(groups)
        doc = base[0]
        doc_id = f"c{k}:{doc.doc_id}"
        month = 1 + (i % 12)
        new_doc = doc.model_copy(update={
            "doc_id": doc_id, "sha256": hashlib.sha256(f"{k}:{doc.sha256}".encode()).hexdigest(),
            "outlet": OUTLETS[i % len(OUTLETS)], "published": f"2024-{month:02d}-01",
        })  # fmt: skip
        out = [new_doc]
        for r in base[1:]:
            out.append(r.model_copy(update={"doc_id": doc_id, "id": f"c{k}:{r.id}"}))
        yield out


def build(n: int, folder: Path, cache: Path) -> dict:
    """Write the n-document corpus both as a store and as JSONL; time the store appends."""
    from allegiance.schema import write_jsonl
    from allegiance.store import CorpusStore
    from allegiance.store.core import RulesFingerprint

    groups = demo_groups(cache)
    store = folder / f"corpus{n}.duckdb"
    jsonl = folder / f"corpus{n}.jsonl"
    for p in (store, jsonl):
        p.unlink(missing_ok=True)
    fp = RulesFingerprint(version="bench", model="bench", lexicon_hash="-", kb_hash="-", options={})
    corpus = list(copies(groups, n))
    t0 = time.perf_counter()
    with CorpusStore(store) as s:
        s.begin_run("bench", fp)
        for g in corpus:
            s.append(g, body="")
    seconds = time.perf_counter() - t0
    with jsonl.open("w", encoding="utf-8") as fp_out:
        write_jsonl((r for g in corpus for r in g), fp_out)
    return {"documents": n, "records": sum(map(len, corpus)), "append_seconds": round(seconds, 3),
            "append_docs_per_second": round(n / seconds, 1)}  # fmt: skip


def run_one(mode: str, path: str, evidence: int, max_records: int) -> None:
    """One analysis in this process; print its time and peak RSS as JSON."""
    t0 = time.perf_counter()
    if mode == "store":
        from allegiance.store.bundle import bundle_from_store

        bundle = bundle_from_store(path, evidence_per_tie=evidence, max_records=max_records)
    else:
        from allegiance.analysis import bundle_from_records
        from allegiance.schema import read_records

        bundle = bundle_from_records(read_records(path))
    seconds = time.perf_counter() - t0
    size = len(json.dumps(bundle, default=str))
    print(json.dumps({"mode": mode, "seconds": round(seconds, 2), "peak_mib": round(_peak_kib() / 1024, 1),
                      "ties": bundle["counts"]["ties"], "bundle_bytes": size}))  # fmt: skip


def measure(mode: str, path: Path, evidence: int, max_records: int) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--one", mode, str(path), "--evidence-per-tie", str(evidence),
         "--max-records", str(max_records)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="400,1600,6400")
    ap.add_argument("--out", default="bench")
    ap.add_argument("--evidence-per-tie", type=int, default=20)
    ap.add_argument("--max-records", type=int, default=200)
    ap.add_argument("--one", nargs=2, metavar=("MODE", "PATH"))
    args = ap.parse_args()
    if args.one:
        run_one(args.one[0], args.one[1], args.evidence_per_tie, args.max_records)
        return
    folder = Path(args.out)
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        info = build(n, folder, folder / "demo.records.jsonl")
        store = measure(
            "store", folder / f"corpus{n}.duckdb", args.evidence_per_tie, args.max_records
        )
        memory = measure(
            "memory", folder / f"corpus{n}.jsonl", args.evidence_per_tie, args.max_records
        )
        row = {**info, "store": store, "memory": memory}
        rows.append(row)
        print(json.dumps(row), flush=True)
    first = rows[0]
    for row in rows[1:]:
        print(f"{row['documents']} vs {first['documents']} documents: peak RSS ratio store "
              f"{row['store']['peak_mib'] / first['store']['peak_mib']:.2f}, memory path "
              f"{row['memory']['peak_mib'] / first['memory']['peak_mib']:.2f}")  # fmt: skip
    for row in rows:
        print(f"{row['documents']} documents: store/memory time {row['store']['seconds'] / row['memory']['seconds']:.2f}, "
              f"peak {row['store']['peak_mib'] / row['memory']['peak_mib']:.2f}; append "
              f"{row['append_docs_per_second']} docs/s")  # fmt: skip


if __name__ == "__main__":
    main()
