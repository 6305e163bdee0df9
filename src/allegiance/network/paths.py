"""Exposure paths: chains of friendly ties that lead from an actor to one of its enemies.

"American forces working with Iraqi forces who are working with Iranian forces": the US is
exposed to Iran through a chain of positive ties even though its own tie to Iran is negative.
"""

from __future__ import annotations

import itertools
from collections.abc import Hashable
from typing import Any

import networkx as nx

from ..errors import AnalysisError
from ._arrays import edge_sign

__all__ = ["exposure_paths"]


def exposure_paths(
    G: nx.Graph,
    actor: Hashable,
    *,
    max_length: int = 3,
    score: str = "min",
    limit: int | None = 50,
) -> list[dict[str, Any]]:
    """Simple chains of positive ties from ``actor`` that end at an actor hostile to it.

    Args:
        G: a signed graph (directed graphs are read as undirected).
        actor: the node to start from.
        max_length: most positive ties in a chain.
        score: ``"min"`` (weakest link: smallest evidence count along the chain) or
            ``"product"`` of the evidence counts.
        limit: keep the top chains (None for all).

    Returns:
        Dicts ``{"path": [actor, ..., enemy], "names": [...], "enemy", "enemy_name",
        "evidence": [count per tie], "relations": [[ids] per tie], "hostile_relations": [ids],
        "hostile_evidence", "score"}``, highest score first, then shortest.

    Raises:
        AnalysisError: when the actor is not in the graph or the options are invalid.

    Example:
        >>> G = nx.Graph()
        >>> G.add_edge("US", "IQ", sign=1); G.add_edge("IQ", "IR", sign=1)
        >>> G.add_edge("US", "IR", sign=-1)
        >>> exposure_paths(G, "US")[0]["path"]
        ['US', 'IQ', 'IR']
    """
    U = G.to_undirected(as_view=True) if G.is_directed() else G
    if actor not in U:
        matches = [n for n in U.nodes if str(n) == str(actor)]
        if not matches:
            raise AnalysisError(f"actor {actor!r} is not in the network")
        actor = matches[0]
    if max_length < 1:
        raise AnalysisError(f"max_length must be at least 1, not {max_length}")
    if score not in ("min", "product"):
        raise AnalysisError(f"score must be 'min' or 'product', not {score!r}")
    hostile = {
        b: d for b, d in U[actor].items() if b != actor and edge_sign(d, "exposure paths") < 0
    }
    if not hostile:
        return []
    friends: dict[Hashable, list[Hashable]] = {}

    def positive_neighbours(n: Hashable) -> list[Hashable]:
        if n not in friends:
            friends[n] = [b for b, d in U[n].items() if b != n and edge_sign(d) > 0]
        return friends[n]

    found: list[dict[str, Any]] = []
    stack: list[list[Hashable]] = [[actor]]
    while stack:
        path = stack.pop()
        if len(path) - 1 >= max_length:
            continue
        on_path = set(path)
        for nxt in positive_neighbours(path[-1]):
            if nxt in on_path:
                continue
            new = [*path, nxt]
            if nxt in hostile:
                found.append(_describe(U, new, hostile[nxt], score))
            stack.append(new)
    found.sort(key=lambda p: (-p["score"], len(p["path"]), [str(x) for x in p["path"]]))
    return found if limit is None else found[:limit]


def _describe(
    G: nx.Graph, path: list[Hashable], hostile: dict[str, Any], score: str
) -> dict[str, Any]:
    counts: list[int] = []
    rels: list[list[str]] = []
    for a, b in itertools.pairwise(path):
        d = G.get_edge_data(a, b) or {}
        counts.append(int(d.get("evidence", 1)))
        rels.append(list(d.get("relations") or []))
    value = 1
    for c in counts:
        value *= c
    return {
        "path": path,
        "names": [G.nodes[n].get("name", str(n)) for n in path],
        "enemy": path[-1],
        "enemy_name": G.nodes[path[-1]].get("name", str(path[-1])),
        "evidence": counts,
        "relations": rels,
        "hostile_relations": list(hostile.get("relations") or []),
        "hostile_evidence": int(hostile.get("evidence", 1)),
        "score": min(counts) if score == "min" else value,
    }
