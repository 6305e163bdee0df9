"""Weak balance (any number of camps): correlation clustering by MILP or local search."""

from __future__ import annotations

import itertools
import time
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

import networkx as nx
import numpy as np
import scipy.sparse as sp
from scipy.optimize import Bounds, LinearConstraint, milp

from ...errors import AnalysisError
from .._arrays import SignedArrays, to_arrays
from ._search import _EPS, _csr


@dataclass
class WeakBalanceResult:
    """Weak (Davis) balance: fewest disagreeing ties over partitions into any number of camps.

    Attributes:
        index: positive ties between camps plus negative ties within camps.
        exact: True when proved optimal.
        clusters: the camps, largest first, each a sorted list of nodes.
        disagreements: the edges counted in ``index``.
    """

    index: int
    exact: bool
    clusters: list[list[Hashable]]
    disagreements: list[tuple[Hashable, Hashable]]
    seconds: float

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "index": self.index,
            "exact": self.exact,
            "clusters": self.clusters,
            "disagreements": [[a, b] for a, b in self.disagreements],
            "seconds": round(self.seconds, 4),
        }


def _weak_milp(arr: SignedArrays, time_limit: float | None) -> tuple[np.ndarray, bool]:
    """Correlation clustering by MILP: z_ij = 1 when i, j are apart; triangle inequalities."""
    n = arr.n
    pairs = list(itertools.combinations(range(n), 2))
    pid = {p: k for k, p in enumerate(pairs)}
    c = np.zeros(len(pairs))
    const = 0.0
    for a, b, s in zip(arr.u.tolist(), arr.v.tolist(), arr.sign.tolist(), strict=True):
        k = pid[(a, b)]
        if s > 0:
            c[k] += 1.0
        else:
            c[k] -= 1.0
            const += 1.0
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    r = 0
    for i, j, k in itertools.combinations(range(n), 3):
        ij, jk, ik = pid[(i, j)], pid[(j, k)], pid[(i, k)]
        # "apart" is transitive in reverse: together(i,j) & together(j,k) => together(i,k)
        for a, b, cc in ((ik, ij, jk), (ij, ik, jk), (jk, ij, ik)):
            rows += [r, r, r]
            cols += [a, b, cc]
            vals += [1.0, -1.0, -1.0]
            r += 1
    A = sp.csr_matrix((vals, (rows, cols)), shape=(r, len(pairs)))
    options: dict[str, Any] = {"disp": False, "mip_rel_gap": 0.0}
    if time_limit is not None:
        options["time_limit"] = time_limit
    res = milp(
        c,
        integrality=np.ones(len(pairs)),
        bounds=Bounds(0, 1),
        constraints=LinearConstraint(A, -np.inf, 0.0) if r else None,
        options=options,
    )
    if res.x is None:
        raise AnalysisError(f"the weak-balance MILP found no solution ({res.message})")
    z = np.rint(res.x)
    labels = -np.ones(n, dtype=np.int64)
    nxt = 0
    for i in range(n):
        if labels[i] >= 0:
            continue
        labels[i] = nxt
        for j in range(i + 1, n):
            if labels[j] < 0 and z[pid[(i, j)]] < 0.5:
                labels[j] = nxt
        nxt += 1
    return labels, res.status == 0


def _weak_local(arr: SignedArrays, seed: int, deadline: float) -> np.ndarray:
    """Correlation clustering heuristic: pivot start, then best single-vertex moves."""
    rng = np.random.default_rng(seed)
    n = arr.n
    A = _csr(arr)
    indptr, indices, data = A.indptr, A.indices, A.data
    labels = -np.ones(n, dtype=np.int64)
    nxt = 0
    for p in rng.permutation(n).tolist():
        if labels[p] >= 0:
            continue
        labels[p] = nxt
        nb = indices[indptr[p] : indptr[p + 1]]
        pos = nb[(data[indptr[p] : indptr[p + 1]] > 0) & (labels[nb] < 0)]
        labels[pos] = nxt
        nxt += 1
    improved = True
    rounds = 0
    while improved and rounds < 50 and time.perf_counter() < deadline:
        improved = False
        rounds += 1
        for i in rng.permutation(n).tolist():
            lo, hi = indptr[i], indptr[i + 1]
            nb, w = indices[lo:hi], data[lo:hi]
            if nb.size == 0:
                continue
            labs = labels[nb]
            # cost of i in camp c = positive ties leaving c + negative ties inside c
            pos_total = float(w[w > 0].sum())
            score: dict[int, float] = {}
            for lab, wt in zip(labs.tolist(), w.tolist(), strict=True):
                score[lab] = score.get(lab, 0.0) + wt
            own = int(labels[i])
            cur = pos_total - score.get(own, 0.0)
            best_lab, best_cost = own, cur
            for lab, sc in score.items():
                cost = pos_total - sc
                if cost < best_cost - _EPS:
                    best_lab, best_cost = lab, cost
            if pos_total < best_cost - _EPS:  # alone in a new camp
                best_lab, best_cost = nxt, pos_total
                nxt += 1
            if best_lab != own:
                labels[i] = best_lab
                improved = True
    return labels


def weak_frustration(
    G: nx.Graph | SignedArrays,
    *,
    exact: bool | None = None,
    time_limit: float | None = None,
    seed: int = 0,
    exact_node_limit: int = 40,
) -> WeakBalanceResult:
    """Weak-balance frustration: fewest disagreeing ties when any number of camps is allowed.

    A tie disagrees when it is positive between camps or negative within one (correlation
    clustering). Exact by MILP over node pairs with triangle inequalities for small graphs
    (``exact=None`` means: when the graph has at most ``exact_node_limit`` nodes), otherwise a
    pivot start refined by single-vertex moves.

    Args:
        G: an undirected signed graph.
        exact: force (True) or forbid (False) the MILP; None decides by size.
        time_limit: seconds for the MILP or the heuristic.
        seed: random seed of the heuristic.
        exact_node_limit: the size up to which ``exact=None`` uses the MILP.

    Returns:
        A :class:`WeakBalanceResult`.
    """
    start = time.perf_counter()
    arr = G if isinstance(G, SignedArrays) else to_arrays(G, "weak balance")
    if exact is None:
        exact = arr.n <= exact_node_limit
    proved = False
    if arr.n == 0:
        labels = np.zeros(0, dtype=np.int64)
    elif exact:
        labels, proved = _weak_milp(arr, time_limit)
    else:
        budget = time_limit if time_limit is not None else 10.0
        labels = _weak_local(arr, seed, start + budget)
    same = labels[arr.u] == labels[arr.v]
    bad = np.where(arr.sign > 0, ~same, same)
    groups: dict[int, list[Hashable]] = {}
    for i, lab in enumerate(labels.tolist()):
        groups.setdefault(lab, []).append(arr.nodes[i])
    clusters = sorted(
        (sorted(g, key=str) for g in groups.values()), key=lambda g: (-len(g), str(g[0]))
    )
    return WeakBalanceResult(
        index=int(bad.sum()),
        exact=proved,
        clusters=clusters,
        disagreements=[
            (arr.nodes[a], arr.nodes[b])
            for a, b in zip(arr.u[bad].tolist(), arr.v[bad].tolist(), strict=True)
        ],
        seconds=time.perf_counter() - start,
    )
