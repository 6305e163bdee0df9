"""Benchmark the frustration index: exact MILP, heuristic quality, and scale.

Run from the repository root::

    .venv/bin/python benchmarks/bench_balance.py            # all three parts
    .venv/bin/python benchmarks/bench_balance.py --part small --graphs 20

Parts:
  small   random signed graphs of 150 nodes / 1,200 edges (10% negative ties; a planted
          two-camp split with 5% noise; and 50% negative ties, as hard as max-cut, with a
          shorter limit): exact L and seconds per graph, both with the heuristic-bound shortcut
          and with the exact machinery (LP bound, then MILP) always run.
  medium  sparse 4,000-node / 14,000-edge graphs with 10% negative ties (planted camps of
          about 5% / 95% plus 2% noise, and uniformly random signs): the heuristic within 60 s
          against the best proved lower bound (its own, or the exact run's).
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


def part_small(graphs: int, hard_limit: float) -> None:
    print(f"== small: {graphs} graphs x 150 nodes / 1,200 edges ==")
    cases = (
        ("10% negative", {"neg": 0.1}, 60.0),
        ("planted 5% noise", {"noise": 0.05}, 60.0),
        ("50% negative", {"neg": 0.5}, hard_limit),
    )
    for label, kwargs, limit in cases:
        for shortcut in (True, False):
            times, values, gaps, proved = [], [], [], 0
            for seed in range(graphs):
                g = signed(150, 1200, np.random.default_rng(seed), **kwargs)
                r = frustration_index(g, exact=True, shortcut=shortcut, time_limit=limit)
                times.append(r.seconds)
                values.append(r.index)
                gaps.append(r.gap)
                proved += r.exact
            print(
                f"{label:18s} shortcut={shortcut!s:5s}: proved {proved}/{graphs}, "
                f"L mean {statistics.mean(values):.1f}, seconds mean {statistics.mean(times):.3f} "
                f"median {statistics.median(times):.3f} max {max(times):.3f}"
                + (f", gap mean {100 * statistics.mean(gaps):.1f}%" if proved < graphs else "")
            )


def _medium_case(label: str, g: SignedArrays, exact_limit: float, heuristic_limit: float) -> None:
    h = frustration_index(g, exact=False, time_limit=heuristic_limit)
    ex = frustration_index(g, exact=True, time_limit=exact_limit)
    lower = max(ex.lower_bound, h.lower_bound)  # both proved
    certified = (h.index - lower) / max(h.index, 1)
    print(f"{label}: negative ties {int((g.sign < 0).sum())} ({100 * (g.sign < 0).mean():.1f}%)")
    print(f"  heuristic ({heuristic_limit:.0f} s limit): L={h.index} own bound={h.lower_bound} "
          f"{h.seconds:.1f}s {h.stats}")  # fmt: skip
    print(f"  exact ({exact_limit:.0f} s limit): L={ex.index} proved={ex.exact} "
          f"bound={ex.lower_bound} {ex.seconds:.1f}s method={ex.method} {ex.stats}")  # fmt: skip
    print(f"  heuristic L within {100 * certified:.2f}% of the proved bound {lower}")


def part_medium(exact_limit: float, heuristic_limit: float) -> None:
    print("== medium: 4,000 nodes / 14,000 edges, ~10% negative ==")
    rng = np.random.default_rng(7)
    planted = signed(4000, 14000, rng, camp=0.053, noise=0.02)
    _medium_case("planted camps", planted, exact_limit, heuristic_limit)
    uniform = signed(4000, 14000, np.random.default_rng(7), neg=0.1)
    _medium_case("uniform 10% negative", uniform, exact_limit, heuristic_limit)


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
    print(f"heuristic: L={r.index} lower={r.lower_bound} gap={100 * r.gap:.2f}% proved={r.exact} "
          f"seconds={r.seconds:.1f} (planted noise ~{planted}) {r.stats}")  # fmt: skip
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
    ap.add_argument(
        "--hard-limit", type=float, default=10.0, help="seconds per 50%%-negative graph"
    )
    args = ap.parse_args()
    if args.part in ("small", "all"):
        part_small(args.graphs, args.hard_limit)
    if args.part in ("medium", "all"):
        part_medium(args.exact_limit, args.heuristic_limit)
    if args.part in ("large", "all"):
        part_large(args.large_limit)


if __name__ == "__main__":
    main()
