"""What-if: flips and removals, triangles that change balance, camp moves."""

from __future__ import annotations

import networkx as nx
import pytest

from allegiance.errors import AnalysisError
from allegiance.network import frustration_index, whatif


def test_flip_on_highland(highland: nx.Graph) -> None:
    res = frustration_index(highland, exact=True)
    a, b = res.frustrated_edges[0]
    out = whatif(highland, flips=[(a, b, -highland[a][b]["sign"])])
    assert out["before"]["index"] == 7 and out["after"]["index"] == 6
    assert out["delta_index"] == -1
    assert out["triangles"], "a flipped tie in triangles changes some of them"
    for tri in out["triangles"]:
        assert tri["balanced_before"] != tri["balanced_after"]
        assert {a, b} <= set(tri["nodes"])


def test_camp_moves_are_aligned() -> None:
    G = nx.Graph()
    G.add_edges_from([("a", "b"), ("c", "d")], sign=1)
    G.add_edges_from([("a", "c"), ("b", "d"), ("a", "d")], sign=-1)
    G.add_edge("b", "c", sign=-1)
    out = whatif(G, flips=[("a", "c", 1), ("a", "b", -1), ("a", "d", 1)])
    assert out["after"]["index"] == 0
    assert [m["actor"] for m in out["moved"]] == ["a"]


def test_removal_and_errors() -> None:
    G = nx.Graph([("a", "b", {"sign": 1}), ("b", "c", {"sign": 1}), ("a", "c", {"sign": -1})])
    out = whatif(G, removals=[("a", "c")])
    assert out["before"]["index"] == 1 and out["after"]["index"] == 0
    assert out["triangles"][0]["after"] is None
    with pytest.raises(AnalysisError):
        whatif(G, removals=[("a", "z")])
    with pytest.raises(AnalysisError):
        whatif(G, flips=[("a", "b", 0)])
