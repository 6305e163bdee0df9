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
from .ties import STATES, TieWeights, describe_tie, tie_state
from .uneasy import uneasy_alliances

__all__ = [
    "EXPORT_FORMATS",
    "SIGN_SPELLINGS",
    "STATES",
    "TRIANGLE_TYPES",
    "FrustrationResult",
    "GraphReadReport",
    "TieWeights",
    "WeakBalanceResult",
    "balance_ratios",
    "build_network",
    "camp_statistics",
    "coalitions",
    "describe_tie",
    "exposure_paths",
    "frustration_index",
    "network_summary",
    "parse_sign",
    "read_graph",
    "signed_graph",
    "snapshots",
    "tie_counts",
    "tie_state",
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


_EDGE_KEYS = (
    "sign", "state", "description", "evidence", "n_reports", "n_relations", "positive",
    "negative", "neutral", "positive_mass", "negative_mass", "material_positive",
    "material_negative", "verbal_positive", "verbal_negative", "stance_positive",
    "stance_negative", "weight", "intensity_sum", "intensity_mean", "first", "last",
)  # fmt: skip


def tie_counts(G: nx.Graph) -> dict[str, int]:
    """The one count of actors and ties that every output reads (docs/bundle.md ``counts``).

    ``actors`` are the network's nodes (actors with at least one tie); ``ties`` its edges,
    by ``state`` (``friendly``, ``hostile``, ``mixed``, ``neutral``) and by ``sign``
    (``positive``, ``negative``, ``zero``: a mixed tie counts under its dominant side).
    """
    states = dict.fromkeys(STATES, 0)
    signs = {"positive": 0, "negative": 0, "zero": 0}
    for _, _, d in G.edges(data=True):
        s = int(d.get("sign") or 0)
        state = d.get("state") or ("friendly" if s > 0 else "hostile" if s < 0 else "neutral")
        states[state] = states.get(state, 0) + 1
        signs["positive" if s > 0 else "negative" if s < 0 else "zero"] += 1
    return {
        "actors": G.number_of_nodes(),
        "ties": G.number_of_edges(),
        **states,
        **signs,
    }


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
        ``{"network": {"nodes", "edges", "directed", "tie_weights"}, "counts", "triangles", "frustration", "coalitions",
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
    nodes = _node_rows(G, U, strength, frus.partition, camps["partition"])
    edges = _edge_rows(G)
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
            "network": {
                "nodes": nodes,
                "edges": edges,
                "directed": G.is_directed(),
                "tie_weights": G.graph.get("tie_weights"),
            },
            "counts": tie_counts(G),
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


def _node_rows(
    G: nx.Graph,
    U: nx.Graph,
    strength: dict[Hashable, int],
    camp: dict[Hashable, int],
    coalition: dict[Hashable, Any],
) -> list[dict[str, Any]]:
    """One row per actor: its attributes, degree, evidence, camp and coalition."""
    return [
        {
            "id": n,
            "name": d.get("name", str(n)),
            "type": d.get("type"),
            "country": d.get("country"),
            "mentions": d.get("mentions", 0),
            "degree": U.degree(n),
            "evidence": strength.get(n, 0),
            "camp": camp.get(n),
            "coalition": coalition.get(n),
        }
        for n, d in G.nodes(data=True)
    ]


def _edge_rows(G: nx.Graph) -> list[dict[str, Any]]:
    """One row per tie: its ends, measures, outlets, relations and reports."""
    edges = []
    for a, b, d in G.edges(data=True):
        edges.append({
            "source": a,
            "target": b,
            **{k: d.get(k) for k in _EDGE_KEYS},
            "outlets": list(d.get("outlets") or []),
            "relations": list(d.get("relations") or []),
            "reports": list(d.get("reports") or []),
        })  # fmt: skip
    return edges
