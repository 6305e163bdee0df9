"""Every network measure in one typed summary, and the balance part of it on its own.

:func:`network_summary` is what the bundle holds (``network``, ``counts``, ``triangles``,
``frustration``, ``weak_balance``, ``coalitions``, ``uneasy_alliances``, ``exposure_paths``,
``evidence``); :func:`balance_summary` is what ``allegiance balance`` prints, computed by the
same code as the bundle's ``triangles``, ``frustration`` and ``weak_balance``.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import networkx as nx

from ..bundle import Balance, Coalitions, Counts, Network, NetworkSummary, UneasyAlliance
from .balance import triangle_summary
from .build import signed_graph
from .coalitions import coalitions
from .frustration import frustration_index, weak_frustration
from .paths import exposure_paths
from .ties import STATES
from .uneasy import uneasy_alliances

__all__ = ["balance_summary", "network_summary", "tie_counts"]

_EDGE_KEYS = (
    "sign", "state", "description", "evidence", "n_reports", "n_relations", "positive",
    "negative", "neutral", "positive_mass", "negative_mass", "material_positive",
    "material_negative", "verbal_positive", "verbal_negative", "stance_positive",
    "stance_negative", "weight", "intensity_sum", "intensity_mean", "first", "last",
)  # fmt: skip
#: edge attributes the bundle carries only when the network has them
_OPTIONAL_EDGE_KEYS = ("relations_total", "n_events")


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [_jsonable(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


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
    return {"actors": G.number_of_nodes(), "ties": G.number_of_edges(), **states, **signs}


def _balance(
    S: nx.Graph,
    *,
    exact: bool,
    time_limit: float | None,
    weak: bool = True,
    seed: int = 0,
    limit: int | None = 100,
) -> Balance:
    """:func:`balance_summary` of a graph already signed by :func:`signed_graph`."""
    frus = frustration_index(S, exact=exact, time_limit=time_limit, seed=seed)
    return Balance.model_validate(
        _jsonable(
            {
                "nodes": S.number_of_nodes(),
                "edges": S.number_of_edges(),
                "negative_edges": sum(1 for _, _, d in S.edges(data=True) if d["sign"] < 0),
                "triangles": triangle_summary(S, limit=limit),
                "frustration": frus.to_dict(),
                "weak_balance": (
                    weak_frustration(S, time_limit=time_limit, seed=seed).to_dict()
                    if weak
                    else None
                ),
            }
        )
    )


def balance_summary(
    G: nx.Graph,
    *,
    exact: bool = False,
    time_limit: float | None = None,
    weak: bool = False,
    seed: int = 0,
    limit: int | None = 100,
) -> Balance:
    """Structural balance of a network: sizes, triangle census and ratios, the unbalanced
    triangles, the frustration index and its two camps, and (with ``weak``) weak balance.

    Args:
        G: a network (signed with :func:`~allegiance.network.signed_graph` first).
        exact: prove the frustration index optimal (MILP).
        time_limit: seconds for the solvers.
        weak: also weak balance (any number of camps).
        seed: the heuristic's random seed.
        limit: list at most this many unbalanced triangles (all when None).

    Example:
        >>> G = nx.Graph()
        >>> G.add_edge("A", "B", sign=1); G.add_edge("B", "C", sign=1)
        >>> G.add_edge("A", "C", sign=-1)
        >>> b = balance_summary(G, exact=True)
        >>> b.triangles.census["++-"], b.frustration.index
        (1, 1)
    """
    return _balance(
        signed_graph(G), exact=exact, time_limit=time_limit, weak=weak, seed=seed, limit=limit
    )


def _strength(U: nx.Graph) -> dict[Hashable, int]:
    """Each actor's evidence: the reports behind its ties."""
    strength: dict[Hashable, int] = {}
    for a, b, d in U.edges(data=True):
        ev = int(d.get("evidence", 1))
        strength[a] = strength.get(a, 0) + ev
        strength[b] = strength.get(b, 0) + ev
    return strength


def _network(G: nx.Graph, partition: dict[str, int], camp_of: dict[str, int]) -> Network:
    """The nodes and edges of the bundle, with each node's side and camp (by actor id)."""
    U = G.to_undirected(as_view=True) if G.is_directed() else G
    strength = _strength(U)
    nodes = [
        {
            "id": n, "name": d.get("name", str(n)), "type": d.get("type"),
            "country": d.get("country"), "mentions": d.get("mentions", 0),
            "degree": U.degree(n), "evidence": strength.get(n, 0),
            "camp": partition.get(str(n)), "coalition": camp_of.get(str(n)),
        }
        for n, d in G.nodes(data=True)
    ]  # fmt: skip
    edges = [
        {
            "source": a,
            "target": b,
            **{k: d.get(k) for k in _EDGE_KEYS},
            **{k: d[k] for k in _OPTIONAL_EDGE_KEYS if k in d},
            "outlets": list(d.get("outlets") or []),
            "relations": list(d.get("relations") or []),
            "reports": list(d.get("reports") or []),
        }
        for a, b, d in G.edges(data=True)
    ]
    return Network.model_validate(
        _jsonable(
            {
                "nodes": nodes,
                "edges": edges,
                "directed": G.is_directed(),
                "tie_weights": G.graph.get("tie_weights"),
            }
        )
    )


def _coalitions(found: dict[str, Any]) -> Coalitions:
    """Camps as lists of actor ids (``camps``) beside their detail (``camp_details``)."""
    details = found.get("camps") or []
    out = {k: v for k, v in found.items() if k not in ("camps", "partition")}
    out["camps"] = [list(c.get("members", [])) for c in details]
    out["partition"] = found.get("partition") or {}
    out["camp_details"] = details
    return Coalitions.model_validate(_jsonable(out))


def _uneasy(G: nx.Graph) -> list[UneasyAlliance]:
    """Uneasy alliances with their shared enemies as actor ids, the detail beside them."""
    out = []
    for item in uneasy_alliances(G):
        details = item.pop("shared_enemies", None) or []
        item["shared_enemies"] = [d.get("actor", d.get("id")) for d in details]
        item["shared_enemy_details"] = details
        out.append(UneasyAlliance.model_validate(_jsonable(item)))
    return out


def network_summary(
    G: nx.Graph,
    *,
    exact_node_limit: int = 2000,
    time_limit: float = 10,
    top_actors: int = 10,
    max_path_length: int = 3,
) -> NetworkSummary:
    """Every network measure in one typed summary (the bundle's network part).

    Args:
        G: a network from :func:`build_network` (or any signed graph).
        exact_node_limit: solve the frustration index exactly up to this many nodes.
        time_limit: seconds for the frustration index.
        top_actors: exposure paths are listed for this many actors with the most evidence.
        max_path_length: longest chain of positive ties in an exposure path.

    Returns:
        A :class:`~allegiance.bundle.NetworkSummary`: ``network`` (nodes, edges, directed,
        tie_weights), ``counts``, ``triangles``, ``frustration``, ``weak_balance``,
        ``coalitions``, ``uneasy_alliances``, ``exposure_paths`` and ``evidence``.
    """
    S = signed_graph(G)
    balance = _balance(S, exact=S.number_of_nodes() <= exact_node_limit, time_limit=time_limit)
    camps = coalitions(S, exact=S.number_of_nodes() <= 500)
    strength = _strength(G.to_undirected(as_view=True) if G.is_directed() else G)
    paths = {}
    for n in sorted(strength, key=lambda n: (-strength[n], str(n)))[:top_actors]:
        found = exposure_paths(S, n, max_length=max_path_length, limit=20)
        if found:
            paths[n] = found
    return NetworkSummary(
        network=_network(G, balance.frustration.partition, _jsonable(camps["partition"])),
        counts=Counts.model_validate(tie_counts(G)),
        triangles=balance.triangles,
        frustration=balance.frustration,
        weak_balance=balance.weak_balance,
        coalitions=_coalitions(camps),
        uneasy_alliances=_uneasy(G),
        exposure_paths=_jsonable(paths),
        evidence=_jsonable(G.graph.get("evidence", {})),
    )
