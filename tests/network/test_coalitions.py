"""Coalitions: signed community detection with k camps."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from allegiance.errors import AnalysisError
from allegiance.network import coalitions


def test_highland_three_camps(highland: nx.Graph) -> None:
    out = coalitions(highland, k=3)
    assert out["k"] == 3
    assert out["disagreements"] == 2
    camps = sorted(sorted(c["members"], key=int) for c in out["camps"])
    assert ["0", "1", "14", "15"] in camps
    assert all(c["negative"] == 0 for c in out["camps"])
    assert sum(b["negative"] for b in out["between"]) == 29


def test_default_k_from_weak_balance(highland: nx.Graph) -> None:
    out = coalitions(highland)
    assert out["k"] == 3 and out["disagreements"] == 2


def test_planted_four_camps_are_found() -> None:
    rng = np.random.default_rng(0)
    truth = rng.integers(0, 4, 60)
    G = nx.gnp_random_graph(60, 0.3, seed=0)
    for a, b in G.edges:
        G[a][b]["sign"] = 1 if truth[a] == truth[b] else -1
    out = coalitions(G, k=4)
    assert out["disagreements"] == 0
    for c in out["camps"]:
        assert len({int(truth[m]) for m in c["members"]}) == 1


def test_k_must_be_at_least_two(highland: nx.Graph) -> None:
    with pytest.raises(AnalysisError):
        coalitions(highland, k=1)


def test_weak_balance_camps_are_held_together_by_friendly_ties() -> None:
    # Two friendly pairs that share a common enemy but have no tie between them: nothing in
    # the cost separates them, yet a camp must be actors that friendly ties connect.
    G = nx.Graph()
    G.add_edge("patron", "militia", sign=1)
    G.add_edge("kurds", "peshmerga", sign=1)
    G.add_edge("militia", "isil", sign=-1)
    G.add_edge("kurds", "isil", sign=-1)
    out = coalitions(G)
    assert out["disagreements"] == 0
    for camp in out["camps"]:
        members = set(camp["members"])
        if len(members) > 1:
            sub = G.edge_subgraph(
                (u, v) for u, v, d in G.edges(data=True) if d["sign"] > 0
            ).subgraph(members)
            assert nx.is_connected(sub), members
    part = out["partition"]
    assert part["patron"] == part["militia"] != part["kurds"] == part["peshmerga"]
