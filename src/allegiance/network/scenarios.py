"""What-if scenarios: flip or remove ties and see which triads and camps change."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any

import networkx as nx

from ..errors import AnalysisError
from ._arrays import edge_sign
from .build import signed_graph
from .frustration import FrustrationResult, frustration_index

__all__ = ["whatif"]

_TYPES = ("+++", "++-", "+--", "---")


def _resolve(G: nx.Graph, name: Hashable) -> Hashable:
    if name in G:
        return name
    for n in G.nodes:
        if str(n) == str(name):
            return n
    raise AnalysisError(f"actor {name!r} is not in the network")


def _triangle(G: nx.Graph, a: Hashable, b: Hashable, c: Hashable) -> str | None:
    try:
        negs = sum(edge_sign(G[x][y]) < 0 for x, y in ((a, b), (b, c), (a, c)))
    except KeyError:
        return None
    return _TYPES[negs]


def _strong(kind: str | None) -> bool | None:
    return None if kind is None else kind in ("+++", "+--")


def _solve(G: nx.Graph, exact: bool, time_limit: float | None, seed: int) -> FrustrationResult:
    return frustration_index(G, exact=exact, time_limit=time_limit, seed=seed)


def whatif(
    G: nx.Graph,
    flips: Iterable[tuple[Hashable, Hashable, int]] = (),
    removals: Iterable[tuple[Hashable, Hashable]] = (),
    *,
    exact: bool | None = None,
    exact_node_limit: int = 2000,
    time_limit: float | None = 10.0,
    seed: int = 0,
) -> dict[str, Any]:
    """Apply sign changes and removals; report triads that change balance and camp moves.

    Args:
        G: a signed graph.
        flips: ``(a, b, sign)`` with sign +1/-1: set the tie's sign (adding the tie if absent).
        removals: ``(a, b)`` ties to delete.
        exact: solve L exactly (None: when the graph has at most ``exact_node_limit`` nodes).
        exact_node_limit: see ``exact``.
        time_limit: seconds per frustration computation.
        seed: heuristic seed.

    Returns:
        ``{"changes", "triangles": [{"nodes", "before", "after", "balanced_before",
        "balanced_after"}], "before": {index, exact, partition}, "after": {...},
        "delta_index", "moved": [actors who change camp], "camps_after"}``. Camps of the new
        partition are relabelled to overlap most with the old ones before comparing.

    Raises:
        AnalysisError: for unknown actors, a removal of an absent tie, or a sign not +1/-1.
    """
    before_g = signed_graph(G)
    after_g, changes, touched = _apply(before_g, flips, removals)
    triangles = _changed_triangles(before_g, after_g, touched)
    if exact is None:
        exact = before_g.number_of_nodes() <= exact_node_limit
    r0 = _solve(before_g, exact, time_limit, seed)
    r1 = _solve(after_g, exact, time_limit, seed)
    p0, p1 = r0.partition, dict(r1.partition)
    agree = sum(1 for n, c in p1.items() if p0.get(n) == c)
    if agree * 2 < len(p1):
        p1 = {n: 1 - c for n, c in p1.items()}
    moved = [
        {"actor": n, "name": G.nodes[n].get("name", str(n)) if n in G else str(n),
         "from": p0.get(n), "to": c}
        for n, c in p1.items() if n in p0 and p0[n] != c
    ]  # fmt: skip

    def summary(r: FrustrationResult, part: dict[Hashable, int]) -> dict[str, Any]:
        return {
            "index": r.index,
            "exact": r.exact,
            "lower_bound": r.lower_bound,
            "partition": part,
            "frustrated_edges": [list(e) for e in r.frustrated_edges],
        }

    return {
        "changes": changes,
        "triangles": triangles,
        "before": summary(r0, p0),
        "after": summary(r1, p1),
        "delta_index": r1.index - r0.index,
        "moved": moved,
    }


def _apply(
    before_g: nx.Graph,
    flips: Iterable[tuple[Hashable, Hashable, int]],
    removals: Iterable[tuple[Hashable, Hashable]],
) -> tuple[nx.Graph, list[dict[str, Any]], set[frozenset[Hashable]]]:
    """A copy of the graph with the flips and removals applied, the changes, the ties touched."""
    after_g = before_g.copy()
    changes: list[dict[str, Any]] = []
    touched: set[frozenset[Hashable]] = set()
    for a, b, s in flips:
        a, b = _resolve(before_g, a), _resolve(before_g, b)
        if s not in (1, -1):
            raise AnalysisError(f"flip {a}:{b} needs sign + or -, not {s!r}")
        old = edge_sign(after_g[a][b]) if after_g.has_edge(a, b) else None
        if after_g.has_edge(a, b):
            after_g[a][b]["sign"] = s
        else:
            after_g.add_edge(a, b, sign=s, evidence=0)
        changes.append({"action": "set", "a": a, "b": b, "from": old, "to": s})
        touched.add(frozenset((a, b)))
    for a, b in removals:
        a, b = _resolve(before_g, a), _resolve(before_g, b)
        if not after_g.has_edge(a, b):
            raise AnalysisError(f"there is no tie {a}:{b} to remove")
        old = edge_sign(after_g[a][b])
        after_g.remove_edge(a, b)
        changes.append({"action": "remove", "a": a, "b": b, "from": old, "to": None})
        touched.add(frozenset((a, b)))
    return after_g, changes, touched


def _changed_triangles(
    before_g: nx.Graph, after_g: nx.Graph, touched: set[frozenset[Hashable]]
) -> list[dict[str, Any]]:
    """The triads through a touched tie whose strong balance changes."""
    triangles: list[dict[str, Any]] = []
    seen: set[frozenset[Hashable]] = set()
    for pair in touched:
        a, b = tuple(pair)
        common = (set(before_g[a]) | set(after_g[a])) & (set(before_g[b]) | set(after_g[b]))
        for c in common - {a, b}:
            key = frozenset((a, b, c))
            if key in seen:
                continue
            seen.add(key)
            x, y, z = sorted(key, key=str)
            t0, t1 = _triangle(before_g, x, y, z), _triangle(after_g, x, y, z)
            if t0 == t1 or _strong(t0) == _strong(t1):
                continue
            triangles.append({
                "nodes": [x, y, z],
                "before": t0,
                "after": t1,
                "balanced_before": _strong(t0),
                "balanced_after": _strong(t1),
            })  # fmt: skip
    return triangles
