"""Fixtures for the network tests: the highland tribes network and synthetic records."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

HIGHLAND = (
    Path(__file__).resolve().parents[3] / "shared" / "data" / "signed" / "highland_tribes.csv"
)


@pytest.fixture(scope="session")
def highland_path() -> Path:
    """Path of Read's highland tribes edge list (skips when ../shared is absent)."""
    if not HIGHLAND.exists():
        pytest.skip("../shared/data/signed/highland_tribes.csv is not beside the checkout")
    return HIGHLAND


@pytest.fixture()
def highland(highland_path: Path) -> nx.Graph:
    """The highland tribes signed graph, nodes '0'..'15'."""
    from allegiance.network import read_graph

    return read_graph(highland_path)
