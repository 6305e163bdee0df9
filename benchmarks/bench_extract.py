"""Throughput of extraction against bare spaCy, per pipeline step, and on two processes.

In one run, on the same corpus, it times:

  bare            ``nlp.pipe`` of the base spaCy model alone (no allegiance components)
  actors          base model + actor mentions
  actors+rel      base model + actor mentions + relations
  actors+q+n      base model + actor mentions + quotes + quantities
  all             base model + every allegiance component (``nlp.pipe``, no ingest or records)
  extract         the ``allegiance extract`` path on one process: ingest (JSON Lines) +
                  :func:`allegiance.nlp.pipeline.extract` + writing JSON Lines (to /dev/null)
  extract-2p      the same on two worker processes (``--processes 2``)

Each round runs every variant once, in a rotated order so that the machine's noise is shared;
the best time of the rounds is kept for each, and the ratios are taken from those best times.
Ratios are what to quote: absolute speeds depend on the machine and on its load.

Two clocks are read: wall time, and CPU time (this process plus its worker processes). On a
machine shared with other jobs, wall time measures the other jobs as much as allegiance, so
the ratios between pipeline steps are taken from CPU time. The two-process speedup can only
be seen in wall time; it is reported as measured, with the cores the run actually got (CPU
time / wall time) and the load average, and as an upper bound for two idle cores from the CPU
time the parallel run needed: ``2 * cpu(extract) / cpu(extract-2p)`` (it leaves out the wait
for the last batch). Linux groups the processes of a session for scheduling (autogroup), so
on a busy machine two workers may get no more CPU than one: then only the bound is telling.

The corpus is the bundled demo corpus (or the documents read from PATHS), repeated until it
holds at least ``--words`` words. Repeated copies differ by trailing spaces only, so that the
dedupe of ingest keeps them. It is written once as JSON Lines into a temporary directory, which
the extract variants read; the other variants run on the same texts in memory.

Usage (from the repository root)::

    .venv/bin/python benchmarks/bench_extract.py                 # demo corpus, ~100k words
    .venv/bin/python benchmarks/bench_extract.py --words 300000 --rounds 5 --json out.json
    .venv/bin/python benchmarks/bench_extract.py articles/ --words 0 --only bare,extract
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from spacy.language import Language

from allegiance.ingest import IngestOptions, IngestReport, demo_corpus_paths, read_documents
from allegiance.nlp.model import load_base_model
from allegiance.nlp.pipeline import ExtractOptions, available_cores, build_pipeline, extract
from allegiance.schema import write_jsonl

VARIANTS: dict[str, tuple[str, ...] | None] = {
    # name -> allegiance components on top of the base model (None: not an nlp.pipe variant)
    "bare": (),
    "actors": ("allegiance_actors",),
    "actors+rel": ("allegiance_actors", "allegiance_relations"),
    "actors+q+n": ("allegiance_actors", "allegiance_quotes", "allegiance_quantities"),
    "all": (
        "allegiance_actors",
        "allegiance_quotes",
        "allegiance_relations",
        "allegiance_quantities",
    ),
    "extract": None,
    "extract-2p": None,
}
BATCH_SIZE = 16


def make_corpus(paths: list[str], min_words: int, out: Path) -> dict[str, Any]:
    """Write the benchmark corpus as JSON Lines to ``out``; return its size.

    Args:
        paths: inputs to read (the demo corpus when empty).
        min_words: repeat the documents until the corpus holds at least this many words.
        out: the JSON Lines file to write.
    """
    sources = paths or [str(p) for p in demo_corpus_paths()]
    docs: list[dict[str, Any]] = [
        {
            "id": d.doc_id,
            "text": d.text,
            "title": d.title,
            "outlet": d.outlet,
            "published": d.published,
            "url": d.url,
        }
        for d in read_documents(sources, IngestOptions(), IngestReport(log=False))
    ]
    if not docs:
        sys.exit("no documents in the input")
    words_once = sum(len(d["text"].split()) for d in docs)
    copies = max(1, -(-min_words // words_once))
    n_docs = n_words = n_chars = 0
    with out.open("w", encoding="utf-8") as fp:
        for copy in range(copies):
            for d in docs:
                text = d["text"] + " " * copy  # distinct content, same words
                fp.write(json.dumps({**d, "id": f"{d['id']}#{copy}", "text": text}) + "\n")
                n_docs += 1
                n_words += len(text.split())
                n_chars += len(text)
    return {
        "source": "demo corpus" if not paths else ", ".join(paths),
        "copies": copies,
        "documents": n_docs,
        "words": n_words,
        "characters": n_chars,
    }


def read_texts(path: Path) -> list[tuple[str, str, str | None]]:
    """(id, text, published) of every line of the corpus file."""
    with path.open(encoding="utf-8") as fp:
        return [(o["id"], o["text"], o.get("published")) for o in map(json.loads, fp)]


def pipe_runner(nlp: Language, texts: list[tuple[str, str, str | None]]) -> Callable[[], None]:
    """A function that runs ``nlp.pipe`` over the texts, setting what the components read."""
    bare = not any(name.startswith("allegiance_") for name in nlp.pipe_names)

    def docs() -> Iterator[Any]:
        for doc_id, text, published in texts:
            if bare:
                yield text
                continue
            doc = nlp.make_doc(text)
            doc._.doc_id = doc_id
            doc._.ignore = []
            doc._.published = published
            yield doc

    def run() -> None:
        for _ in nlp.pipe(docs(), batch_size=BATCH_SIZE):
            pass

    return run


def extract_runner(path: Path, nlp: Language, n_process: int) -> Callable[[], None]:
    """A function that runs the ``allegiance extract`` path over the corpus file."""
    options = ExtractOptions(n_process=n_process, batch_size=BATCH_SIZE)

    def run() -> None:
        documents = read_documents([path], IngestOptions(), IngestReport(log=False))
        with open(os.devnull, "w", encoding="utf-8") as sink:
            write_jsonl(extract(documents, options=options, nlp=nlp), sink)

    return run


def main(argv: list[str] | None = None) -> dict[str, Any]:
    """Run the benchmark, print the table (and JSON when asked); return the results."""
    doc = __doc__ or ""
    parser = argparse.ArgumentParser(
        description=doc.splitlines()[0],
        epilog="Variants: " + ", ".join(VARIANTS),
    )
    parser.add_argument("paths", nargs="*", help="inputs (default: the bundled demo corpus)")
    parser.add_argument(
        "--words", type=int, default=100_000, help="repeat the corpus to at least this many words"
    )
    parser.add_argument("--rounds", type=int, default=3, help="rounds; the best time is kept")
    parser.add_argument(
        "--only", default=",".join(VARIANTS), help="comma-separated variants to run"
    )
    parser.add_argument("--json", dest="json_out", metavar="FILE", help="also write JSON here")
    args = parser.parse_args(argv)
    names = [n.strip() for n in args.only.split(",") if n.strip()]
    unknown = set(names) - set(VARIANTS)
    if unknown:
        parser.error(f"unknown variants: {', '.join(sorted(unknown))}")

    with tempfile.TemporaryDirectory(prefix="allegiance-bench-") as tmp:
        corpus_path = Path(tmp) / "corpus.jsonl"
        corpus = make_corpus(args.paths, args.words, corpus_path)
        texts = read_texts(corpus_path)
        full = build_pipeline()
        runners: dict[str, Callable[[], None]] = {}
        warmups = [pipe_runner(full, texts[:5])]
        for name in names:
            components = VARIANTS[name]
            if components is None:
                n_process = 2 if name == "extract-2p" else 1
                runners[name] = extract_runner(corpus_path, full, n_process)
                continue
            nlp = load_base_model() if not components else build_pipeline(components=components)
            runners[name] = pipe_runner(nlp, texts)
            warmups.append(pipe_runner(nlp, texts[:5]))
        for warm in warmups:
            warm()

        load_before = os.getloadavg()[0]
        wall: dict[str, list[float]] = {name: [] for name in names}
        cpu: dict[str, list[float]] = {name: [] for name in names}
        for round_no in range(args.rounds):
            shift = round_no % len(names)
            for name in names[shift:] + names[:shift]:
                c0, t0 = cpu_seconds(), time.perf_counter()
                runners[name]()
                wall[name].append(time.perf_counter() - t0)
                cpu[name].append(cpu_seconds() - c0)
                print(
                    f"  round {round_no + 1}/{args.rounds} {name:<11} "
                    f"wall {wall[name][-1]:7.2f} s  cpu {cpu[name][-1]:7.2f} s",
                    file=sys.stderr,
                )
        load_after = os.getloadavg()[0]

    best_wall = {name: min(ts) for name, ts in wall.items()}
    best_cpu = {name: min(ts) for name, ts in cpu.items()}
    words = corpus["words"]
    results: dict[str, Any] = {
        "corpus": corpus,
        "rounds": args.rounds,
        "cores": available_cores(),
        "load_average": [round(load_before, 2), round(load_after, 2)],
        "batch_size": BATCH_SIZE,
        "variants": {
            name: {
                "best_wall_seconds": round(best_wall[name], 3),
                "best_cpu_seconds": round(best_cpu[name], 3),
                "words_per_second_wall": round(words / best_wall[name]),
                "words_per_cpu_second": round(words / best_cpu[name]),
                "cores_used": round(
                    max(c / w for c, w in zip(cpu[name], wall[name], strict=True)), 2
                ),
                "wall_seconds": [round(t, 3) for t in wall[name]],
                "cpu_seconds": [round(t, 3) for t in cpu[name]],
            }
            for name in names
        },
        "ratios": ratios(best_cpu, best_wall),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    print_table(results)
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return results


def cpu_seconds() -> float:
    """CPU time of this process and of its finished child processes (the workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


#: ratio name -> (numerator, denominator) variants of a CPU-time ratio
CPU_RATIOS: dict[str, tuple[str, str]] = {
    "extract_over_bare": ("extract", "bare"),
    "relations_over_actors": ("actors+rel", "actors"),
    "quotes_quantities_over_actors": ("actors+q+n", "actors"),
    "quotes_quantities_over_actors_relations": ("all", "actors+rel"),
    "extract_over_pipeline": ("extract", "all"),
    "cpu_2_processes_over_1": ("extract-2p", "extract"),
}
LABELS: dict[str, str] = {
    "extract_over_bare": "extract / bare (CPU time)",
    "relations_over_actors": "relation step: (actors+rel) / actors",
    "quotes_quantities_over_actors": "quotes+quantities: (actors+q+n) / actors",
    "quotes_quantities_over_actors_relations": "quotes+quantities: all / (actors+rel)",
    "extract_over_pipeline": "ingest+records: extract / all",
    "cpu_2_processes_over_1": "CPU cost of 2 processes: 2p / 1p",
    "speedup_2_processes_measured": "2-process speedup, wall time (measured)",
    "speedup_2_processes_idle_projection": "2-process speedup, 2 idle cores (upper bound)",
}


def ratios(best_cpu: dict[str, float], best_wall: dict[str, float]) -> dict[str, float]:
    """Ratios between the variants that ran: of CPU time, and the two-process speedup."""
    out = {
        key: round(best_cpu[a] / best_cpu[b], 3)
        for key, (a, b) in CPU_RATIOS.items()
        if a in best_cpu and b in best_cpu
    }
    if "extract" in best_wall and "extract-2p" in best_wall:
        measured = best_wall["extract"] / best_wall["extract-2p"]
        out["speedup_2_processes_measured"] = round(measured, 3)
        projected = 2 * best_cpu["extract"] / best_cpu["extract-2p"]
        out["speedup_2_processes_idle_projection"] = round(projected, 3)
    return out


def print_table(results: dict[str, Any]) -> None:
    """The readable summary on stdout."""
    corpus = results["corpus"]
    load = results["load_average"]
    print(
        f"corpus: {corpus['source']} x{corpus['copies']}: {corpus['documents']} documents, "
        f"{corpus['words']} words, {corpus['characters']} characters\n"
        f"best of {results['rounds']} rounds; {results['cores']} cores; "
        f"load average {load[0]} -> {load[1]}"
    )
    variants = results["variants"]
    bare = variants.get("bare")
    header = ("variant", "wall s", "CPU s", "words/s", "words/CPU-s", "CPU vs bare", "cores")
    print(f"{header[0]:<12}" + "".join(f"{h:>12}" for h in header[1:]))
    for name, v in variants.items():
        rel = f"{v['best_cpu_seconds'] / bare['best_cpu_seconds']:.3f}" if bare else "-"
        cells = (
            f"{v['best_wall_seconds']:.2f}",
            f"{v['best_cpu_seconds']:.2f}",
            str(v["words_per_second_wall"]),
            str(v["words_per_cpu_second"]),
            rel,
            f"{v['cores_used']:.2f}",
        )
        print(f"{name:<12}" + "".join(f"{c:>12}" for c in cells))
    for key, value in results["ratios"].items():
        extra = "x" if key.startswith("speedup") else f"  ({100 * (value - 1):+.1f}%)"
        print(f"{LABELS[key]:<48}{value:>7.3f}{extra}")
    print(f"peak memory (this process): {results['max_rss_mb']} MB")


if __name__ == "__main__":
    main()
