"""Time the pipeline with and without the quotes and quantities components, in one run.

Runs the same corpus (the re3d dev documents) through two pipelines built from the same model:
all allegiance components, and all but ``allegiance_quotes`` and ``allegiance_quantities``
(the components run, and are timed, in alternation to share the machine's noise), and prints
the ratio of the two times. Target: at most 1.10.

Usage: ``python benchmarks/bench_quotes.py [--repeat N]``
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from allegiance.nlp.pipeline import COMPONENTS, build_pipeline

DEV = Path(__file__).resolve().parents[1] / "tests" / "data" / "re3d-dev"
MINE = ("allegiance_quotes", "allegiance_quantities")


def load_texts() -> list[tuple[str, str]]:
    """(id, text) of every dev document."""
    out = []
    for part in ("CENTCOM", "US_State_Department"):
        with (DEV / part / "documents.json").open(encoding="utf-8-sig") as fp:
            for line in fp:
                if line.strip():
                    obj = json.loads(line)
                    out.append((obj["_id"], obj["text"]))
    return out


def run(nlp, texts: list[tuple[str, str]]) -> float:
    """Seconds to process every text."""
    docs = []
    for doc_id, text in texts:
        doc = nlp.make_doc(text)
        doc._.doc_id = doc_id
        docs.append(doc)
    t0 = time.perf_counter()
    for _ in nlp.pipe(docs):
        pass
    return time.perf_counter() - t0


def main() -> None:
    """Print the times and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = load_texts()
    full = build_pipeline()
    base = build_pipeline(components=tuple(c for c in COMPONENTS if c not in MINE))
    run(full, texts[:3])  # warm up both
    run(base, texts[:3])
    t_full = t_base = 0.0
    for _ in range(args.repeat):
        t_base += run(base, texts)
        t_full += run(full, texts)
    # The end-to-end ratio is noisy on a shared machine: also time the two components alone on
    # the documents the rest of the pipeline produced.
    processed = []
    for doc_id, text in texts:
        doc = base.make_doc(text)
        doc._.doc_id = doc_id
        processed.append(doc)
    processed = list(base.pipe(processed))
    t_mine = 0.0
    for _ in range(args.repeat):
        for doc in processed:
            t0 = time.perf_counter()
            for name in MINE:
                full.get_pipe(name)(doc)
            t_mine += time.perf_counter() - t0
    n_chars = sum(len(t) for _, t in texts)
    print(f"documents: {len(texts)}  characters: {n_chars}  repeats: {args.repeat}")
    print(f"without quotes+quantities: {t_base:.2f} s")
    print(f"with quotes+quantities:    {t_full:.2f} s")
    print(f"ratio: {t_full / t_base:.3f} (target <= 1.10)")
    print(f"quotes+quantities alone: {t_mine:.2f} s = {100 * t_mine / t_base:.1f}% of the rest")


if __name__ == "__main__":
    main()
