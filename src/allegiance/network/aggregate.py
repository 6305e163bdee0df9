"""The pieces of a tie and a node that both network builders share.

:func:`~allegiance.network.build_network` (records in memory) and
:func:`~allegiance.store.network.network_from_store` (relations streamed from DuckDB) differ
only in how they read; what a relation adds to its tie, the evidence entry it leaves, when a
tie is kept, and how a node gets its name, type and country are written once, here.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import networkx as nx

from .ties import TieAccumulator, TieWeights, relation_kind, relation_mass

__all__ = [
    "about",
    "add_to_tie",
    "close_tie",
    "evidence_entry",
    "finish_nodes",
    "history_names",
    "in_window",
    "new_graph",
    "new_tie",
    "parse_date",
    "period_dict",
]


def parse_date(value: Any) -> date | None:
    """The day of an ISO date or datetime (its first ten characters), else None."""
    if value is None:
        return None
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def about(r: dict[str, Any], day: date | None) -> tuple[date | None, date | None, bool, bool]:
    """The period a relation is about: its own time when it has one, else its document's day.

    Returns ``(first, last, own, historical)``; with its own time either end may be open
    (None), and ``own`` says the period is the relation's own.
    """
    time = r.get("time") or {}
    historical = bool(time.get("historical"))
    first, last = parse_date(time.get("start")), parse_date(time.get("end"))
    if first is not None or last is not None:
        return first, last, True, historical
    return day, day, False, historical


def in_window(
    first: date | None, last: date | None, own: bool, lo: date | None, hi: date | None
) -> bool:
    """Whether a period overlaps [lo, hi]; an open end of a relation's own period reaches
    as far as needed, an undated document reaches nowhere."""
    if not own and first is None:
        return False
    return (lo is None or last is None or last >= lo) and (
        hi is None or first is None or first <= hi
    )


def period_dict(r: dict[str, Any]) -> dict[str, Any]:
    """A relation's own time as the bundle shows it: start, end, precision, historical, text."""
    time = r.get("time") or {}
    expression = (time.get("expression") or {}).get("text")
    marker = (time.get("marker") or {}).get("text")
    return {
        "start": time.get("start"),
        "end": time.get("end"),
        "precision": time.get("precision"),
        "historical": bool(time.get("historical")),
        "text": expression or marker,
    }


def new_graph(directed: bool = False, **attrs: Any) -> nx.Graph:
    """An empty network with its settings in ``G.graph`` (level, period, weights...)."""
    G: nx.Graph = nx.DiGraph() if directed else nx.Graph()
    weights = attrs.pop("weights", None) or TieWeights()
    G.graph.update(directed=directed, **attrs)
    G.graph["tie_weights"] = weights.to_dict()
    return G


def new_tie() -> dict[str, Any]:
    """The attributes of a tie before its first relation."""
    return {"n_relations": 0, "intensity_sum": 0.0, "first": None, "last": None,
            "outlets": [], "relations": []}  # fmt: skip


def add_to_tie(
    e: dict[str, Any],
    rid: str,
    intensity: float,
    period: tuple[date | None, date | None],
    outlet: str | None,
) -> None:
    """Count one relation in a tie: its intensity, its period's ends, its outlet and its id."""
    e["n_relations"] += 1
    e["intensity_sum"] += intensity
    for when in period:
        if when is None:
            continue
        iso = when.isoformat()
        e["first"] = iso if e["first"] is None or iso < e["first"] else e["first"]
        e["last"] = iso if e["last"] is None or iso > e["last"] else e["last"]
    if outlet and outlet not in e["outlets"]:
        e["outlets"].append(outlet)
    e["relations"].append(rid)


def close_tie(
    e: dict[str, Any], tie: TieAccumulator, weights: TieWeights, min_evidence: int
) -> bool:
    """Add the tie's reports, state and masses to ``e``; whether it has enough evidence."""
    e.update(tie.summary(weights))
    e["evidence"] = e["n_reports"]
    if e["evidence"] < min_evidence:
        return False
    e["intensity_mean"] = e["intensity_sum"] / e["n_relations"]
    return True


def evidence_entry(
    r: dict[str, Any],
    *,
    attribution: str,
    weights: TieWeights,
    day: date | None,
    with_period: bool,
    outlet: str | None,
    pair: tuple[str, str],
) -> dict[str, Any]:
    """The entry of ``G.graph["evidence"]`` for a relation counted in the tie ``pair``."""
    return {
        "id": str(r.get("id")),
        "doc_id": r.get("doc_id"),
        "sentence": (r.get("sentence") or {}).get("text"),
        "category": r.get("category"),
        "kind": relation_kind(r),
        "sign": int(r.get("sign") or 0),
        "intensity": float(r.get("intensity") or 0.0),
        "attribution": attribution,
        "mass": relation_mass(r, attribution, weights),  # type: ignore[arg-type]
        "date": day.isoformat() if day else None,
        "about": period_dict(r) if with_period else None,
        "outlet": outlet,
        "source": pair[0],
        "target": pair[1],
    }


def finish_nodes(
    G: nx.Graph, nodes: dict[str, dict[str, Any]], names: dict[str, str] | None = None
) -> None:
    """Give every node its ``name``, ``type``, ``country`` and ``mentions``.

    ``nodes`` holds what the mentions say (``name``, ``type``, ``country`` of the actor
    itself, ``_country`` of an actor rolled up into it); ``names`` the names relation
    arguments give, for a node no mention names. A node named by neither shows its id.
    """
    names = names or {}
    for node in G.nodes:
        info = nodes.get(node, {"mentions": 0})
        G.nodes[node].update(
            name=info.get("name") or names.get(node) or str(node),
            type=info.get("type"),
            country=info.get("country") or info.get("_country"),
            mentions=info.get("mentions", 0),
        )


def history_names(G: nx.Graph, nodes: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Names for :func:`~allegiance.network.build.history_ties`: a node's in the network,
    else what its mentions say."""
    names = {node: {"name": info.get("name")} for node, info in nodes.items()}
    names.update({n: {"name": G.nodes[n].get("name")} for n in G.nodes})
    return names
