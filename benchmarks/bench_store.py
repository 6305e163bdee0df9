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


def build(n: int, folder: Path, cache: Path, *, jsonl: bool = True) -> dict:
    """Write the n-document corpus both as a store and as JSONL; time the store appends."""
    from allegiance.schema import write_jsonl
    from allegiance.store import CorpusStore
    from allegiance.store.core import RulesFingerprint

    groups = demo_groups(cache)
    store = folder / f"corpus{n}.duckdb"
    write_jsonl_too = jsonl
    jsonl_path = folder / f"corpus{n}.jsonl"
    for p in (store, jsonl_path):
        p.unlink(missing_ok=True)
    fp = RulesFingerprint(version="bench", model="bench", lexicon_hash="-", kb_hash="-", options={})
    records = 0
    t0 = time.perf_counter()
    with CorpusStore(store) as s:
        s.begin_run("bench", fp)
        for g in copies(groups, n):
            s.append(g, body="")
            records += len(g)
    seconds = time.perf_counter() - t0
    if write_jsonl_too:
        with jsonl_path.open("w", encoding="utf-8") as fp_out:
            write_jsonl((r for g in copies(groups, n) for r in g), fp_out)
    return {"documents": n, "records": records, "append_seconds": round(seconds, 3),
            "append_docs_per_second": round(n / seconds, 1)}  # fmt: skip


def open_in_chromium(html: Path) -> float | None:
    """Seconds until the report is drawn in headless Chromium (None without playwright)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium",
                                     args=["--headless", "--no-sandbox", "--disable-gpu"])  # fmt: skip
        page = browser.new_page()
        t0 = time.perf_counter()
        page.goto(html.resolve().as_uri())
        page.wait_for_function("window.__allegianceReady === true", timeout=300_000)
        seconds = time.perf_counter() - t0
        browser.close()
    return round(seconds, 2)


def run_one(mode: str, path: str, evidence: int, max_records: int, report: bool = False) -> None:
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
    from allegiance.bundle import dump_bundle

    bundle = dump_bundle(bundle)  # the typed bundle as bundle.json holds it
    size = len(json.dumps(bundle, default=str))
    out = {"mode": mode, "seconds": round(seconds, 2), "peak_mib": round(_peak_kib() / 1024, 1),
           "ties": bundle["counts"]["ties"], "bundle_bytes": size}  # fmt: skip
    if report:
        from allegiance.report import render_report

        html = render_report(bundle, Path(path).with_suffix(".html"))
        out.update(report_bytes=html.stat().st_size, chromium_seconds=open_in_chromium(html))
    print(json.dumps(out))


def measure(mode: str, path: Path, evidence: int, max_records: int, report: bool = False) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--one", mode, str(path), "--evidence-per-tie", str(evidence),
         "--max-records", str(max_records), *(["--report"] if report else [])],
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
    ap.add_argument("--store-only", action="store_true", help="skip the in-memory path")
    ap.add_argument("--report", action="store_true",
                    help="also render the store's report and time it in headless Chromium")  # fmt: skip
    args = ap.parse_args()
    if args.one:
        run_one(args.one[0], args.one[1], args.evidence_per_tie, args.max_records, args.report)
        return
    if args.store_only:
        folder = Path(args.out)
        folder.mkdir(parents=True, exist_ok=True)
        for n in (int(s) for s in args.sizes.split(",")):
            info = build(n, folder, folder / "demo.records.jsonl", jsonl=False)
            store = measure("store", folder / f"corpus{n}.duckdb", args.evidence_per_tie,
                            args.max_records, args.report)  # fmt: skip
            print(json.dumps({**info, "store": store}), flush=True)
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
