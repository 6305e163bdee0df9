"""Coalitions: signed community detection into k >= 2 camps, with sign statistics.

Camps are chosen to minimise disagreements (positive ties between camps plus, weighted by a
resolution, negative ties within camps). Two camps come from the frustration index; more
come from recursively splitting the camp whose split helps most, then refining by single-actor
moves; ``k=None`` lets correlation clustering choose the number.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import networkx as nx
import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

from ..errors import AnalysisError
from ._arrays import SignedArrays, to_arrays
from .frustration import frustration_index, weak_frustration

__all__ = ["camp_statistics", "coalitions"]


def _cost(arr: SignedArrays, labels: np.ndarray, resolution: float) -> float:
    same = labels[arr.u] == labels[arr.v]
    return float(((arr.sign > 0) & ~same).sum() + resolution * ((arr.sign < 0) & same).sum())


def _bisect(arr: SignedArrays, members: np.ndarray, exact: bool, seed: int) -> np.ndarray | None:
    """Split a camp in two by the frustration index of its induced graph; None if useless."""
    if members.size < 2:
        return None
    sel = np.zeros(arr.n, dtype=bool)
    sel[members] = True
    keep = sel[arr.u] & sel[arr.v]
    local = -np.ones(arr.n, dtype=np.int64)
    local[members] = np.arange(members.size)
    sub = SignedArrays(
        nodes=list(range(members.size)),
        u=local[arr.u[keep]],
        v=local[arr.v[keep]],
        sign=arr.sign[keep],
        weight=arr.weight[keep],
    )
    if sub.m == 0:
        return None
    res = frustration_index(sub, exact=exact and members.size <= 500, time_limit=5.0, seed=seed)
    side = np.array([res.partition[i] for i in range(members.size)])
    if side.min() == side.max():
        return None
    return side


def _split_unconnected(arr: SignedArrays, labels: np.ndarray) -> np.ndarray:
    """Split each camp into the groups its positive ties actually connect.

    Correlation clustering charges nothing for putting actors with no tie between them in
    one camp, so an optimum may join, say, a militia's patron and the militia's enemy only
    because neither is tied to the other. Splitting a camp along its positive components
    adds no positive tie between camps and can only move negative ties out of camps, so the
    result is still optimal, and every camp is held together by friendly ties."""
    pos = arr.sign > 0
    same = labels[arr.u] == labels[arr.v]
    keep = pos & same
    graph = csr_matrix((np.ones(int(keep.sum())), (arr.u[keep], arr.v[keep])), shape=(arr.n, arr.n))
    _, comp = connected_components(graph, directed=False)
    # components never straddle camps (only same-camp edges were kept)
    _, new = np.unique(comp, return_inverse=True)
    return new.astype(np.int64)


def _refine(
    arr: SignedArrays, labels: np.ndarray, k: int, resolution: float, rounds: int = 20
) -> np.ndarray:
    """Move single actors to the camp that lowers the disagreement cost, keeping k camps."""
    A = arr.adjacency(signed=True).tocsr()
    indptr, indices, data = A.indptr, A.indices, A.data
    sizes = np.bincount(labels, minlength=k)
    for _ in range(rounds):
        moved = False
        for i in range(arr.n):
            lo, hi = indptr[i], indptr[i + 1]
            if lo == hi:
                continue
            nb, w = indices[lo:hi], data[lo:hi]
            pos_to = np.bincount(labels[nb], weights=np.where(w > 0, w, 0), minlength=k)
            neg_to = np.bincount(labels[nb], weights=np.where(w < 0, -w, 0), minlength=k)
            cost = (pos_to.sum() - pos_to) + resolution * neg_to
            own = labels[i]
            best = int(np.argmin(cost))
            if cost[best] < cost[own] - 1e-9 and sizes[own] > 1:
                sizes[own] -= 1
                sizes[best] += 1
                labels[i] = best
                moved = True
        if not moved:
            break
    return labels


def camp_statistics(G: nx.Graph, partition: dict[Hashable, int]) -> dict[str, Any]:
    """Positive and negative ties within each camp and between each pair of camps.

    Args:
        G: a signed graph.
        partition: node -> camp number.

    Returns:
        ``{"camps": [{"id", "size", "members", "names", "positive", "negative"}],
        "between": [{"a", "b", "positive", "negative"}], "disagreements"}``.
    """
    arr = to_arrays(G, "coalitions")
    labels = np.array([partition.get(n, -1) for n in arr.nodes])
    camps_ids = sorted({int(x) for x in labels if x >= 0})
    camps = []
    for c in camps_ids:
        members = [arr.nodes[i] for i in np.flatnonzero(labels == c)]
        inside = (labels[arr.u] == c) & (labels[arr.v] == c)
        camps.append({
            "id": c,
            "size": len(members),
            "members": members,
            "names": [G.nodes[m].get("name", str(m)) for m in members],
            "positive": int((inside & (arr.sign > 0)).sum()),
            "negative": int((inside & (arr.sign < 0)).sum()),
        })  # fmt: skip
    between = []
    lu, lv = labels[arr.u], labels[arr.v]
    for x in camps_ids:
        for y in camps_ids:
            if y <= x:
                continue
            mask = ((lu == x) & (lv == y)) | ((lu == y) & (lv == x))
            between.append({
                "a": x, "b": y,
                "positive": int((mask & (arr.sign > 0)).sum()),
                "negative": int((mask & (arr.sign < 0)).sum()),
            })  # fmt: skip
    same = lu == lv
    disagreements = int(((arr.sign > 0) & ~same).sum() + ((arr.sign < 0) & same).sum())
    return {"camps": camps, "between": between, "disagreements": disagreements}


def coalitions(
    G: nx.Graph,
    k: int | None = None,
    *,
    resolution: float = 1.0,
    exact: bool | None = None,
    seed: int = 0,
) -> dict[str, Any]:
    """Split the actors into camps that are friendly within and hostile between.

    Args:
        G: a signed graph.
        k: number of camps (>= 2); None lets weak balance (correlation clustering) decide.
        resolution: weight of a negative tie inside a camp relative to a positive tie between
            camps (higher gives more, smaller camps).
        exact: solve the splits exactly (None: when the graph has at most 500 nodes).
        seed: random seed.

    Returns:
        ``{"k", "partition": {node: camp}, "camps", "between", "disagreements", "method"}``
        with camps numbered by size (largest 0).

    Raises:
        AnalysisError: when ``k < 2``.
    """
    if k is not None and k < 2:
        raise AnalysisError(f"k must be at least 2, not {k}")
    arr = to_arrays(G, "coalitions")
    if arr.n == 0:
        return {
            "k": 0,
            "partition": {},
            "camps": [],
            "between": [],
            "disagreements": 0,
            "method": "empty",
        }
    if exact is None:
        exact = arr.n <= 500
    if k is None:
        weak = weak_frustration(arr, seed=seed)
        index = {n: i for i, n in enumerate(arr.nodes)}
        labels = np.zeros(arr.n, dtype=np.int64)
        for c, group in enumerate(weak.clusters):
            for m in group:
                labels[index[m]] = c
        method = "correlation-clustering" + ("-exact" if weak.exact else "")
        labels = _split_unconnected(arr, labels)
    else:
        labels = _bisect_into(arr, k, exact, seed, resolution)
        method = "recursive-bisection"
    # number camps by size, largest first
    order = np.argsort(-np.bincount(labels), kind="stable")
    remap = np.empty_like(order)
    remap[order] = np.arange(order.size)
    labels = remap[labels]
    partition = {arr.nodes[i]: int(labels[i]) for i in range(arr.n)}
    stats = camp_statistics(G, partition)
    return {"k": len(stats["camps"]), "partition": partition, **stats, "method": method}


def _bisect_into(
    arr: SignedArrays, k: int, exact: bool, seed: int, resolution: float
) -> np.ndarray:
    """Camp labels from recursive bisection into ``k`` camps: each step splits the camp
    whose split gains most, then local moves refine the camps."""
    labels = np.zeros(arr.n, dtype=np.int64)
    ncamps = 1
    while ncamps < k:
        best: tuple[float, int, np.ndarray, np.ndarray] | None = None
        base = _cost(arr, labels, resolution)
        for c in range(ncamps):
            members = np.flatnonzero(labels == c)
            side = _bisect(arr, members, exact, seed)
            if side is None:
                continue
            trial = labels.copy()
            trial[members[side == 1]] = ncamps
            gain = base - _cost(arr, trial, resolution)
            if best is None or gain > best[0]:
                best = (gain, c, members, side)
        if best is None:
            # nothing left to split usefully: peel off the largest camp's last members
            c = int(np.argmax(np.bincount(labels)))
            members = np.flatnonzero(labels == c)
            if members.size < 2:
                break
            labels[members[-1]] = ncamps
        else:
            _, _, members, side = best
            labels[members[side == 1]] = ncamps
        ncamps += 1
    labels = _refine(arr, labels, ncamps, resolution)
    return labels
