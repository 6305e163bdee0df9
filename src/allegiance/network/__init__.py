"""The signed actor network and its analysis.

Build the network from relation records (:func:`build_network`), then measure it: triangle
census and balance ratios (:mod:`.balance`), frustration index and camps
(:mod:`.frustration`), coalitions, uneasy alliances, exposure paths and what-if scenarios.
:func:`network_summary` gathers everything into one JSON-ready dict.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import networkx as nx

from .balance import (
    TRIANGLE_TYPES,
    balance_ratios,
    triangle_census,
    triangle_summary,
    unbalanced_triangles,
)
from .build import EXPORT_FORMATS, build_network, signed_graph, snapshots, write_graph
from .coalitions import camp_statistics, coalitions
from .frustration import FrustrationResult, WeakBalanceResult, frustration_index, weak_frustration
from .paths import exposure_paths
from .read import SIGN_SPELLINGS, GraphReadReport, parse_sign, read_graph
from .scenarios import whatif
from .uneasy import uneasy_alliances

__all__ = [
    "EXPORT_FORMATS",
    "SIGN_SPELLINGS",
    "TRIANGLE_TYPES",
    "FrustrationResult",
    "GraphReadReport",
    "WeakBalanceResult",
    "balance_ratios",
    "build_network",
    "camp_statistics",
    "coalitions",
    "exposure_paths",
    "frustration_index",
    "network_summary",
    "parse_sign",
    "read_graph",
    "signed_graph",
    "snapshots",
    "triangle_census",
    "triangle_summary",
    "unbalanced_triangles",
    "uneasy_alliances",
    "weak_frustration",
    "whatif",
    "write_graph",
]


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [_jsonable(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


def network_summary(
    G: nx.Graph,
    *,
    exact_node_limit: int = 2000,
    time_limit: float = 10,
    top_actors: int = 10,
    max_path_length: int = 3,
) -> dict[str, Any]:
    """Every network measure in one JSON-ready dict (for the report bundle).

    Args:
        G: a network from :func:`build_network` (or any signed graph).
        exact_node_limit: solve the frustration index exactly up to this many nodes.
        time_limit: seconds for the frustration index.
        top_actors: exposure paths are listed for this many actors with the most evidence.
        max_path_length: longest chain of positive ties in an exposure path.

    Returns:
        ``{"network": {"nodes", "edges"}, "triangles", "frustration", "coalitions",
        "uneasy_alliances", "exposure_paths", "weak_balance"}``.
    """
    S = signed_graph(G)
    frus = frustration_index(
        S, exact=S.number_of_nodes() <= exact_node_limit, time_limit=time_limit
    )
    camps = coalitions(S, exact=S.number_of_nodes() <= 500)
    weak = weak_frustration(S, time_limit=time_limit)
    U = G.to_undirected(as_view=True) if G.is_directed() else G
    strength: dict[Hashable, int] = {}
    for a, b, d in U.edges(data=True):
        ev = int(d.get("evidence", 1))
        strength[a] = strength.get(a, 0) + ev
        strength[b] = strength.get(b, 0) + ev
    nodes = [
        {
            "id": n,
            "name": d.get("name", str(n)),
            "type": d.get("type"),
            "country": d.get("country"),
            "mentions": d.get("mentions", 0),
            "degree": U.degree(n),
            "evidence": strength.get(n, 0),
            "camp": frus.partition.get(n),
            "coalition": camps["partition"].get(n),
        }
        for n, d in G.nodes(data=True)
    ]
    edges = []
    for a, b, d in G.edges(data=True):
        edges.append({
            "source": a,
            "target": b,
            **{k: d.get(k) for k in ("sign", "evidence", "positive", "negative", "neutral",
                                     "intensity_sum", "intensity_mean", "first", "last")},
            "outlets": list(d.get("outlets") or []),
            "relations": list(d.get("relations") or []),
        })  # fmt: skip
    top = sorted(strength, key=lambda n: (-strength[n], str(n)))[:top_actors]
    paths = {}
    for n in top:
        found = exposure_paths(S, n, max_length=max_path_length, limit=20)
        if found:
            paths[n] = found
    camps_out = {k: v for k, v in camps.items() if k != "partition"}
    camps_out["partition"] = camps["partition"]
    summary: dict[str, Any] = _jsonable(
        {
            "network": {"nodes": nodes, "edges": edges, "directed": G.is_directed()},
            "triangles": triangle_summary(S),
            "frustration": frus.to_dict(),
            "weak_balance": weak.to_dict(),
            "coalitions": camps_out,
            "uneasy_alliances": uneasy_alliances(G),
            "exposure_paths": paths,
            "evidence": G.graph.get("evidence", {}),
        }
    )
    return summary
