"""Structural balance of signed triangles: the census, balance ratios, unbalanced triads.

A triangle is *strongly* balanced (Cartwright–Harary) when it has an even number of negative
ties (+++ "friends", +-- "two friends share an enemy") and *weakly* balanced (Davis) unless it
has exactly one negative tie (++-: "my friend's friend is my enemy"); --- is weakly balanced
(three mutual enemies can be three camps) but not strongly.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import networkx as nx
import numpy as np
import scipy.sparse as sp

from ._arrays import to_arrays

__all__ = [
    "TRIANGLE_TYPES",
    "balance_ratios",
    "triangle_census",
    "triangle_summary",
    "unbalanced_triangles",
]

TRIANGLE_TYPES = ("+++", "++-", "+--", "---")


def _oriented(G: nx.Graph) -> tuple[Any, sp.csr_matrix, sp.csr_matrix, np.ndarray]:
    """Orient each edge from lower to higher (degree, index) rank: a DAG with small out-degrees."""
    arr = to_arrays(G, "the triangle census")
    deg = np.bincount(np.concatenate([arr.u, arr.v]), minlength=arr.n)
    rank = np.empty(arr.n, dtype=np.int64)
    rank[np.lexsort((np.arange(arr.n), deg))] = np.arange(arr.n)
    fwd = rank[arr.u] < rank[arr.v]
    src = np.where(fwd, arr.u, arr.v)
    dst = np.where(fwd, arr.v, arr.u)
    pos = arr.sign > 0
    P = sp.csr_matrix((np.ones(int(pos.sum())), (src[pos], dst[pos])), shape=(arr.n, arr.n))
    N = sp.csr_matrix((np.ones(int((~pos).sum())), (src[~pos], dst[~pos])), shape=(arr.n, arr.n))
    return arr, P, N, rank


def triangle_census(G: nx.Graph) -> dict[str, int]:
    """Count triangles by their signs: ``{"+++", "++-", "+--", "---"}``.

    Vectorised: with edges oriented along a degree order, every triangle is counted once as
    ``i -> j -> k`` plus ``i -> k``, so sparse products ``(X @ Y) * Z`` over the positive and
    negative parts give each sign pattern.

    Args:
        G: a signed graph (edge attribute ``sign``); zero-sign edges are ignored.

    Returns:
        Counts per type.

    Example:
        >>> G = nx.Graph([("a", "b", {"sign": 1}), ("b", "c", {"sign": 1}), ("a", "c", {"sign": -1})])
        >>> triangle_census(G)["++-"]
        1
    """
    _, P, N, _ = _oriented(G)
    counts = [0, 0, 0, 0]
    for X, nx_ in ((P, 0), (N, 1)):
        for Y, ny in ((P, 0), (N, 1)):
            XY = X @ Y
            for Z, nz in ((P, 0), (N, 1)):
                counts[nx_ + ny + nz] += int(XY.multiply(Z).sum())
    return dict(zip(TRIANGLE_TYPES, counts, strict=True))


def balance_ratios(census: dict[str, int]) -> tuple[float | None, float | None]:
    """Shares of triangles balanced under strong and under weak balance (None if no triangles)."""
    total = sum(census.get(t, 0) for t in TRIANGLE_TYPES)
    if total == 0:
        return None, None
    strong = (census.get("+++", 0) + census.get("+--", 0)) / total
    weak = (total - census.get("++-", 0)) / total
    return strong, weak


def unbalanced_triangles(
    G: nx.Graph, *, weak: bool = False, limit: int | None = 1000
) -> list[dict[str, Any]]:
    """The unbalanced triangles with the evidence behind each of their edges.

    Args:
        G: a signed graph; edges may carry ``relations`` (evidence ids) and ``evidence``.
        weak: list only triangles unbalanced under weak balance (type ++-); otherwise every
            strongly unbalanced one (++- and ---).
        limit: stop after this many (None for all); the ones with most evidence come first
            among those found.

    Returns:
        Dicts ``{"nodes": [a, b, c], "type": "++-", "edges": [{"source", "target", "sign",
        "evidence", "relations"}, ...]}``.
    """
    arr, P, N, rank = _oriented(G)
    A = (P + N).tocsr()
    indptr, indices = A.indptr, A.indices
    sign_of: dict[tuple[int, int], int] = {}
    for a, b, s in zip(arr.u.tolist(), arr.v.tolist(), arr.sign.tolist(), strict=True):
        sign_of[(a, b)] = sign_of[(b, a)] = s
    out: list[tuple[int, int, int, str]] = []
    succ = [set(indices[indptr[i] : indptr[i + 1]].tolist()) for i in range(arr.n)]
    for i in range(arr.n):
        si = succ[i]
        for j in si:
            for k in si & succ[j]:
                negs = (sign_of[(i, j)] < 0) + (sign_of[(j, k)] < 0) + (sign_of[(i, k)] < 0)
                if negs == 1 or (negs == 3 and not weak):
                    out.append((i, j, k, TRIANGLE_TYPES[negs]))
                    if limit is not None and len(out) >= limit:
                        break
            if limit is not None and len(out) >= limit:
                break
        if limit is not None and len(out) >= limit:
            break

    def edge(a: Hashable, b: Hashable) -> dict[str, Any]:
        d = G.get_edge_data(a, b) or G.get_edge_data(b, a) or {}
        return {
            "source": a,
            "target": b,
            "sign": int(np.sign(float(d.get("sign", d.get("weight", 0))))),
            "evidence": d.get("evidence", 1),
            "relations": list(d.get("relations") or []),
        }

    result: list[dict[str, Any]] = []
    for i, j, k, kind in out:
        a, b, c = (arr.nodes[x] for x in sorted((i, j, k), key=lambda x: str(arr.nodes[x])))
        edges = [edge(a, b), edge(b, c), edge(a, c)]
        result.append({"nodes": [a, b, c], "type": kind, "edges": edges,
                       "evidence": sum(int(e["evidence"]) for e in edges)})  # fmt: skip
    result.sort(key=lambda t: -int(t["evidence"]))
    return result


def triangle_summary(G: nx.Graph, *, limit: int | None = 100) -> dict[str, Any]:
    """Census, both balance ratios and the unbalanced triangles, as a JSON-ready dict."""
    census = triangle_census(G)
    strong, weak = balance_ratios(census)
    return {
        "census": census,
        "total": sum(census.values()),
        "strong_balance_ratio": strong,
        "weak_balance_ratio": weak,
        "unbalanced": unbalanced_triangles(G, limit=limit),
    }
