"""Triangle census and balance ratios, checked on the highland tribes and small graphs."""

from __future__ import annotations

import itertools

import networkx as nx
import pytest

from allegiance.network import (
    balance_ratios,
    triangle_census,
    triangle_summary,
    unbalanced_triangles,
)


def test_highland_census_matches_known_values(highland: nx.Graph) -> None:
    assert highland.number_of_nodes() == 16
    assert highland.number_of_edges() == 58
    signs = [d["sign"] for _, _, d in highland.edges(data=True)]
    assert signs.count(1) == 29 and signs.count(-1) == 29
    assert triangle_census(highland) == {"+++": 19, "++-": 2, "+--": 40, "---": 7}


def test_highland_balance_ratios(highland: nx.Graph) -> None:
    strong, weak = balance_ratios(triangle_census(highland))
    assert strong == pytest.approx(59 / 68)
    assert weak == pytest.approx(66 / 68)


def test_highland_unbalanced_triangles(highland: nx.Graph) -> None:
    strong = unbalanced_triangles(highland, limit=None)
    weak = unbalanced_triangles(highland, weak=True, limit=None)
    assert len(strong) == 9
    assert len(weak) == 2
    assert {t["type"] for t in weak} == {"++-"}
    for t in strong:
        negs = sum(e["sign"] < 0 for e in t["edges"])
        assert negs % 2 == 1


def _brute_census(G: nx.Graph) -> dict[str, int]:
    out = {"+++": 0, "++-": 0, "+--": 0, "---": 0}
    for a, b, c in itertools.combinations(G.nodes, 3):
        if G.has_edge(a, b) and G.has_edge(b, c) and G.has_edge(a, c):
            negs = sum(G[x][y]["sign"] < 0 for x, y in ((a, b), (b, c), (a, c)))
            out[("+++", "++-", "+--", "---")[negs]] += 1
    return out


@pytest.mark.parametrize("seed", range(5))
def test_census_matches_brute_force(seed: int) -> None:
    import random

    rnd = random.Random(seed)
    G = nx.gnp_random_graph(25, 0.4, seed=seed)
    for a, b in G.edges:
        G[a][b]["sign"] = rnd.choice([-1, 1])
    assert triangle_census(G) == _brute_census(G)


def test_summary_without_triangles_has_no_ratio() -> None:
    G = nx.Graph([("a", "b", {"sign": 1}), ("b", "c", {"sign": -1})])
    summary = triangle_summary(G)
    assert summary["total"] == 0
    assert summary["strong_balance_ratio"] is None
    assert summary["unbalanced"] == []


def test_unbalanced_triangle_carries_evidence_ids() -> None:
    G = nx.Graph()
    G.add_edge("a", "b", sign=1, evidence=2, relations=["r1", "r2"])
    G.add_edge("b", "c", sign=1, evidence=1, relations=["r3"])
    G.add_edge("a", "c", sign=-1, evidence=1, relations=["r4"])
    (tri,) = unbalanced_triangles(G)
    assert tri["type"] == "++-"
    ids = sorted(r for e in tri["edges"] for r in e["relations"])
    assert ids == ["r1", "r2", "r3", "r4"]
