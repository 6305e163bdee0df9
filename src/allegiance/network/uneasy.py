"""Uneasy alliances: hostile pairs that share an enemy or still cooperate, and mixed ties.

An analyst's "uneasy alliance" (the US and Iran both fighting ISIL) shows up in a signed
network as a pair whose net tie is negative while both are hostile to the same third actor,
or who also have positive evidence between them; and any pair whose evidence is
substantially of both signs.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import networkx as nx

from ._arrays import edge_sign

__all__ = ["uneasy_alliances"]


def _edge(G: nx.Graph, a: Hashable, b: Hashable) -> dict[str, Any] | None:
    d = G.get_edge_data(a, b)
    if d is None and G.is_directed():
        d = G.get_edge_data(b, a)
    return d


def _split_evidence(G: nx.Graph, data: dict[str, Any]) -> tuple[list[str], list[str]]:
    """Relation ids of an edge split into positive and negative by their own sign.

    On a tie from :func:`~allegiance.network.build.build_network`, one id per report (the
    report's first relation), so a sentence is never listed twice on one side."""
    reports = data.get("reports")
    if isinstance(reports, list) and reports:
        return (
            [str(r["id"]) for r in reports if int(r.get("sign") or 0) > 0],
            [str(r["id"]) for r in reports if int(r.get("sign") or 0) < 0],
        )
    ev = G.graph.get("evidence") or {}
    pos: list[str] = []
    neg: list[str] = []
    for rid in data.get("relations") or []:
        s = (ev.get(rid) or {}).get("sign")
        if s is None:
            s = edge_sign(data)
        if s > 0:
            pos.append(rid)
        elif s < 0:
            neg.append(rid)
    return pos, neg


def uneasy_alliances(
    G: nx.Graph,
    *,
    min_each: int = 1,
    min_share: float = 0.2,
    limit: int | None = 50,
) -> list[dict[str, Any]]:
    """Pairs of actors whose relationship is uneasy, ranked by evidence.

    Reasons (a pair may have several):
      - ``"shared_enemy"``: the pair has hostile evidence (a negative net tie, or distrust
        beside cooperation) and both have a negative net tie to a common third actor
        ("enemies who share an enemy", the US and Iran both fighting ISIL);
      - ``"cooperation"``: the net tie is negative but there is positive evidence as well;
      - ``"mixed"``: the tie's ``state`` is ``"mixed"`` (both its cooperative and hostile
        mass are substantial, docs/network.md); a mixed tie is always listed. On a graph
        without states: at least ``min_each`` relations of each sign, the minority sign
        being at least ``min_share`` of the signed evidence (whatever the net sign).

    Args:
        G: a network from :func:`~allegiance.network.build.build_network` (edges with
            ``sign``, ``positive``, ``negative``, ``relations``) or any signed graph.
        min_each: relations of each sign needed for ``"mixed"`` (graphs without states).
        min_share: minimum share of the minority sign for ``"mixed"`` (graphs without
            states).
        limit: keep the top pairs (None for all).

    Returns:
        JSON-ready dicts ``{"a", "b", "a_name", "b_name", "sign", "state", "description",
        "reason", "shared_enemies", "positive", "negative", "positive_mass",
        "negative_mass", "positive_evidence", "negative_evidence", "sentences", "score"}``;
        ``positive``/``negative`` count reports, ``sentences`` maps relation ids to their
        evidence sentence (when the graph carries them).
    """
    U = G.to_undirected(as_view=False) if G.is_directed() else G
    evidence = G.graph.get("evidence") or {}
    enemies: dict[Hashable, dict[Hashable, dict[str, Any]]] = {n: {} for n in U.nodes}
    for a, b, d in U.edges(data=True):
        if a != b and edge_sign(d, "uneasy alliances") < 0:
            enemies[a][b] = d
            enemies[b][a] = d
    out: list[dict[str, Any]] = []
    for a, b, d in U.edges(data=True):
        if a == b:
            continue
        row = _uneasy_pair(G, U, enemies, evidence, a, b, d, min_each, min_share)
        if row is not None:
            out.append(row)
    out.sort(key=lambda r: (-r["score"], str(r["a"]), str(r["b"])))
    return out if limit is None else out[:limit]


def _uneasy_pair(
    G: nx.Graph,
    U: nx.Graph,
    enemies: dict[Hashable, dict[Hashable, dict[str, Any]]],
    evidence: dict[str, Any],
    a: Hashable,
    b: Hashable,
    d: dict[str, Any],
    min_each: int,
    min_share: float,
) -> dict[str, Any] | None:
    """The row of the tie ``a``-``b`` when it is uneasy (see :func:`uneasy_alliances`), else None."""
    sign = edge_sign(d, "uneasy alliances")
    pos_ids, neg_ids = _split_evidence(G, d)
    pos = int(d.get("positive", len(pos_ids)))
    neg = int(d.get("negative", len(neg_ids) if d.get("relations") else int(sign < 0)))
    reasons: list[str] = []
    shared: list[dict[str, Any]] = []
    if sign < 0 or neg > 0:
        # hostile, or distrustful allies: a common enemy is what holds them together
        common = set(enemies[a]) & set(enemies[b]) - {a, b}
        for c in sorted(common, key=str):
            da, db = enemies[a][c], enemies[b][c]
            shared.append({
                "id": c,
                "name": U.nodes[c].get("name", str(c)),
                "a_evidence": list(da.get("relations") or []),
                "b_evidence": list(db.get("relations") or []),
                "evidence": min(int(da.get("evidence", 1)), int(db.get("evidence", 1))),
            })  # fmt: skip
        if shared:
            reasons.append("shared_enemy")
        if pos > 0 and sign < 0:
            reasons.append("cooperation")
    signed = pos + neg
    state = d.get("state")
    if state is not None:
        if state == "mixed":
            reasons.append("mixed")
    elif min(pos, neg) >= min_each and signed and min(pos, neg) / signed >= min_share:
        reasons.append("mixed")
    if not reasons:
        return None
    shared.sort(key=lambda s: -s["evidence"])
    ids = pos_ids + neg_ids + [r for s in shared for r in s["a_evidence"] + s["b_evidence"]]
    sentences = {
        rid: evidence[rid]["sentence"]
        for rid in dict.fromkeys(ids)
        if rid in evidence and evidence[rid].get("sentence")
    }
    score = int(d.get("evidence", signed or 1)) + sum(s["evidence"] for s in shared)
    return {
        "a": a,
        "b": b,
        "a_name": U.nodes[a].get("name", str(a)),
        "b_name": U.nodes[b].get("name", str(b)),
        "sign": sign,
        "state": state,
        "description": d.get("description"),
        "reason": reasons,
        "shared_enemies": shared,
        "positive": pos,
        "negative": neg,
        "positive_mass": d.get("positive_mass"),
        "negative_mass": d.get("negative_mass"),
        "positive_evidence": pos_ids,
        "negative_evidence": neg_ids,
        "sentences": sentences,
        "score": score,
    }  # fmt: skip
