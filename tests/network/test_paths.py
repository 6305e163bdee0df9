"""Exposure paths: friendly chains that reach an enemy."""

from __future__ import annotations

import networkx as nx
import pytest

from allegiance.errors import AnalysisError
from allegiance.network import exposure_paths


def _graph() -> nx.Graph:
    G = nx.Graph()
    G.add_edge("USA", "IRQ", sign=1, evidence=5, relations=["a"])
    G.add_edge("IRQ", "PMF", sign=1, evidence=2, relations=["b"])
    G.add_edge("PMF", "IRN", sign=1, evidence=4, relations=["c"])
    G.add_edge("IRQ", "IRN", sign=1, evidence=1, relations=["d"])
    G.add_edge("USA", "IRN", sign=-1, evidence=3, relations=["e"])
    G.add_edge("USA", "ISIL", sign=-1, evidence=9, relations=["f"])
    G.add_edge("IRQ", "ISIL", sign=-1, evidence=9, relations=["g"])
    return G


def test_chains_end_at_enemies_and_are_ranked() -> None:
    found = exposure_paths(_graph(), "USA")
    assert [p["path"] for p in found] == [["USA", "IRQ", "PMF", "IRN"], ["USA", "IRQ", "IRN"]]
    assert found[0]["evidence"] == [5, 2, 4] and found[0]["score"] == 2
    assert found[0]["hostile_relations"] == ["e"]
    assert found[0]["relations"] == [["a"], ["b"], ["c"]]


def test_max_length_and_product_score() -> None:
    assert [p["path"] for p in exposure_paths(_graph(), "USA", max_length=2)] == [
        ["USA", "IRQ", "IRN"]
    ]
    found = exposure_paths(_graph(), "USA", score="product")
    assert found[0]["score"] == 40


def test_unknown_actor() -> None:
    with pytest.raises(AnalysisError, match="not in the network"):
        exposure_paths(_graph(), "FRA")
