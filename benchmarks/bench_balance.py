"""Benchmark the frustration index: exact MILP, heuristic quality, and scale.

Run from the repository root::

    .venv/bin/python benchmarks/bench_balance.py            # all three parts
    .venv/bin/python benchmarks/bench_balance.py --part small --graphs 20

Parts:
  small   random signed graphs of 150 nodes / 1,200 edges (10% negative ties and, separately,
          a planted two-camp split with 5% noise): exact L and seconds per graph, both with the
          heuristic-bound shortcut and with the MILP always run.
  medium  a sparse 4,000-node / 14,000-edge graph with 10% negative ties (planted camps of
          about 5% / 95% plus 2% noise): the exact optimum (long time limit) against the
          heuristic within 60 s.
  large   a 100,000-node / 1,000,000-edge graph (planted halves, 5% noise) by the heuristic:
          L, lower bound, gap, seconds and peak memory.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
import tracemalloc

import numpy as np

from allegiance.network._arrays import SignedArrays
from allegiance.network.frustration import frustration_index


def random_edges(n: int, m: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """m distinct undirected edges on n nodes, uniformly at random."""
    seen = np.zeros(0, dtype=np.int64)
    while seen.size < m:
        a = rng.integers(0, n, 2 * m)
        b = rng.integers(0, n, 2 * m)
        keep = a != b
        lo, hi = np.minimum(a, b)[keep], np.maximum(a, b)[keep]
        seen = np.unique(np.concatenate([seen, lo * n + hi]))
    pick = rng.choice(seen, m, replace=False)
    return pick // n, pick % n


def signed(n: int, m: int, rng: np.random.Generator, *, neg: float | None = None,
           camp: float = 0.5, noise: float = 0.0) -> SignedArrays:  # fmt: skip
    """Random signs (``neg`` share negative) or a planted split (share ``camp``) with noise."""
    u, v = random_edges(n, m, rng)
    if neg is not None:
        sign = np.where(rng.random(m) < neg, -1, 1)
    else:
        side = rng.random(n) < camp
        sign = np.where(side[u] == side[v], 1, -1)
        flip = rng.random(m) < noise
        sign[flip] = -sign[flip]
    return SignedArrays(
        nodes=list(range(n)), u=u.astype(np.int64), v=v.astype(np.int64),
        sign=sign.astype(np.int8), weight=np.ones(m),
    )  # fmt: skip


def part_small(graphs: int) -> None:
    print(f"== small: {graphs} graphs x 150 nodes / 1,200 edges ==")
    for label, kwargs in (("10% negative", {"neg": 0.1}), ("planted 5% noise", {"noise": 0.05})):
        for shortcut in (True, False):
            times, values, proved = [], [], 0
            for seed in range(graphs):
                g = signed(150, 1200, np.random.default_rng(seed), **kwargs)
                r = frustration_index(g, exact=True, shortcut=shortcut, time_limit=60)
                times.append(r.seconds)
                values.append(r.index)
                proved += r.exact
            print(
                f"{label:18s} shortcut={shortcut!s:5s}: proved {proved}/{graphs}, "
                f"L mean {statistics.mean(values):.1f}, seconds mean {statistics.mean(times):.3f} "
                f"median {statistics.median(times):.3f} max {max(times):.3f}"
            )


def part_medium(exact_limit: float, heuristic_limit: float) -> None:
    print("== medium: 4,000 nodes / 14,000 edges, ~10% negative ==")
    g = signed(4000, 14000, np.random.default_rng(7), camp=0.053, noise=0.02)
    print(f"negative ties: {int((g.sign < 0).sum())} ({100 * (g.sign < 0).mean():.1f}%)")
    ex = frustration_index(g, exact=True, time_limit=exact_limit)
    print(f"exact: L={ex.index} proved={ex.exact} lower={ex.lower_bound} "
          f"{ex.seconds:.2f}s method={ex.method} {ex.stats}")  # fmt: skip
    h = frustration_index(g, exact=False, time_limit=heuristic_limit)
    ref = ex.lower_bound
    print(f"heuristic: L={h.index} lower={h.lower_bound} {h.seconds:.2f}s "
          f"excess over proved bound {100 * (h.index - ref) / max(ref, 1):.2f}%")  # fmt: skip
    g2 = signed(4000, 14000, np.random.default_rng(7), neg=0.1)
    h2 = frustration_index(g2, exact=False, time_limit=heuristic_limit)
    ex2 = frustration_index(g2, exact=True, time_limit=exact_limit)
    print(f"uniform 10% negative: heuristic L={h2.index} (own bound {h2.lower_bound}); "
          f"MILP L={ex2.index} proved={ex2.exact} bound={ex2.lower_bound} {ex2.seconds:.1f}s")  # fmt: skip


def part_large(time_limit: float) -> None:
    print("== large: 100,000 nodes / 1,000,000 edges ==")
    tracemalloc.start()
    t = time.perf_counter()
    g = signed(100_000, 1_000_000, np.random.default_rng(11), noise=0.05)
    print(f"generated in {time.perf_counter() - t:.1f}s")
    r = frustration_index(g, exact=False, time_limit=time_limit)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    planted = round(0.05 * 1_000_000)
    print(f"heuristic: L={r.index} lower={r.lower_bound} gap={100 * r.gap:.1f}% "
          f"seconds={r.seconds:.1f} (planted noise ~{planted})")  # fmt: skip
    print(f"peak traced memory {peak / 2**20:.0f} MiB, max RSS {rss:.0f} MiB")


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--part", choices=["small", "medium", "large", "all"], default="all")
    ap.add_argument("--graphs", type=int, default=20)
    ap.add_argument("--exact-limit", type=float, default=600.0)
    ap.add_argument("--heuristic-limit", type=float, default=60.0)
    ap.add_argument("--large-limit", type=float, default=120.0)
    args = ap.parse_args()
    if args.part in ("small", "all"):
        part_small(args.graphs)
    if args.part in ("medium", "all"):
        part_medium(args.exact_limit, args.heuristic_limit)
    if args.part in ("large", "all"):
        part_large(args.large_limit)


if __name__ == "__main__":
    main()
