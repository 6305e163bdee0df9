"""The fast frustration heuristic for large graphs, with a proved lower bound."""

from __future__ import annotations

import math
import time
from typing import Any

import numpy as np

from .._arrays import SignedArrays
from ._cycles import _path_packing_bound
from ._exact import _exact
from ._search import _EPS, _bfs_start, _csr, _greedy, _spectral_start, _tabu

# The heuristic also tries the odd-cycle LP bound on graphs up to this many ties.
_LP_EDGES = 100_000


def _heuristic(
    arr: SignedArrays, time_limit: float | None, seed: int, start: float, lp: bool = True
) -> tuple[np.ndarray, int, dict[str, Any]]:
    """Camps by multi-start local search and tabu search, with a lower bound from the path
    packing and (``lp`` and at most ``_LP_EDGES`` ties) the odd-cycle LP."""
    rng = np.random.default_rng(seed)
    n, m = arr.n, arr.m
    budget = time_limit if time_limit is not None else min(30.0, 1.0 + m / 50_000)
    deadline = start + budget
    if m == 0:
        return np.zeros(n, dtype=np.int8), 0, {}
    A = _csr(arr)
    starts: list[tuple[str, np.ndarray]] = []
    spec = _spectral_start(A, seed)
    if spec is not None:
        starts.append(("spectral", spec))
    starts.append(("bfs", _bfs_start(A, rng)))
    starts.append(("bfs", _bfs_start(A, rng)))
    starts.append(("random", rng.choice([-1.0, 1.0], size=n)))
    best_s: np.ndarray | None = None
    best = math.inf
    best_name = ""
    for name, s0 in starts:
        s = _greedy(A, s0.astype(np.float64), rng)
        cost = arr.cost((s < 0).astype(np.int8))
        if cost < best:
            best, best_s, best_name = cost, s, name
        if best == 0 or time.perf_counter() > start + 0.3 * budget:
            break
    assert best_s is not None
    # The bound routes the ties the best camps so far frustrate, in up to 60% of what is left
    # (on large graphs the bound, not the tabu search, is what narrows the gap).
    now = time.perf_counter()
    side = (best_s < 0).astype(np.int8)
    lower = _path_packing_bound(arr, side, now + 0.6 * max(deadline - now, 0.0), rng)
    stats: dict[str, Any] = {"start": best_name, "packed": lower}
    # Up to _LP_EDGES ties, about two thirds of what is left go to the odd-cycle LP bound.
    with_lp = lp and m <= _LP_EDGES
    if best > lower:
        now = time.perf_counter()
        until = now + 0.35 * max(deadline - now, 0.0) if with_lp else deadline
        s, cost = _tabu(A, best_s.copy(), until, 200 * n + 5000, float(lower), rng)
        if cost < best - _EPS:
            best, best_s = cost, s
            stats["start"] += "+tabu"
            side = (best_s < 0).astype(np.int8)
    if with_lp and best > lower and time.perf_counter() < deadline:
        now = time.perf_counter()
        lp_side, lp_lower, _, _ = _exact(arr, side, deadline - now, now, use_milp=False)
        lower = max(lower, math.ceil(lp_lower - _EPS))
        stats["lp_bound"] = round(lp_lower, 3)
        if arr.cost(lp_side) < best - _EPS:
            side = lp_side
            stats["start"] += "+lp"
    return side, lower, stats
