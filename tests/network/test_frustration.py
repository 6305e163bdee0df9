"""Frustration index: known values on the highland tribes, and property tests."""

from __future__ import annotations

import itertools

import networkx as nx
import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.optimize import Bounds, LinearConstraint, milp

from allegiance.errors import AnalysisError
from allegiance.network import frustration_index, weak_frustration

from .factories import signed_gnm


@pytest.mark.parametrize("exact", [True, False])
def test_highland_frustration_index_is_7(highland: nx.Graph, exact: bool) -> None:
    res = frustration_index(highland, exact=exact, time_limit=10)
    assert res.index == 7
    assert res.lower_bound <= 7
    assert len(res.frustrated_edges) == 7
    small = min(res.camps(), key=len)
    assert sorted(small, key=int) == ["0", "1", "14", "15"]


@pytest.mark.parametrize("shortcut", [True, False])
def test_highland_exact_is_proved(highland: nx.Graph, shortcut: bool) -> None:
    res = frustration_index(highland, exact=True, shortcut=shortcut)
    assert res.exact and res.lower_bound == 7 and res.gap == 0


def test_flipping_each_frustrated_edge_lowers_l_to_6(highland: nx.Graph) -> None:
    res = frustration_index(highland, exact=True)
    for a, b in res.frustrated_edges:
        H = highland.copy()
        H[a][b]["sign"] = -H[a][b]["sign"]
        assert frustration_index(H, exact=True).index == 6


def test_highland_weak_balance(highland: nx.Graph) -> None:
    res = weak_frustration(highland, exact=True)
    assert res.index == 2 and res.exact
    assert sorted(sorted(c, key=int) for c in res.clusters) == sorted([
        ["0", "1", "14", "15"],
        ["2", "3", "5", "6", "7", "10", "11"],
        ["4", "8", "9", "12", "13"],
    ])  # fmt: skip


def test_weak_heuristic_on_highland(highland: nx.Graph) -> None:
    res = weak_frustration(highland, exact=False, seed=1)
    assert res.index >= 2
    assert res.index == len(res.disagreements)


def test_unsigned_edge_is_an_error() -> None:
    G = nx.Graph([("a", "b")])
    with pytest.raises(AnalysisError, match="signed graph"):
        frustration_index(G)


def test_reductions_keep_exactness_on_trees_and_cycles() -> None:
    # an unbalanced cycle with pendant trees and a balanced block joined at cut vertices
    G = nx.cycle_graph(7)
    nx.set_edge_attributes(G, 1, "sign")
    G[0][1]["sign"] = -1
    G.add_edge(3, 10, sign=-1)
    G.add_edge(10, 11, sign=1)
    G.add_edges_from([(11, 12), (12, 13), (13, 11)], sign=-1)  # --- triangle: L = 1
    for shortcut in (True, False):
        res = frustration_index(G, exact=True, shortcut=shortcut)
        assert res.index == 2 and res.exact


@st.composite
def signed_graphs(draw: st.DrawFn, balanced: bool = False) -> nx.Graph:
    n = draw(st.integers(min_value=2, max_value=14))
    pairs = [(i, j) for i in range(n) for j in range(i + 1, n)]
    chosen = draw(st.lists(st.sampled_from(pairs), min_size=1, max_size=len(pairs), unique=True))
    G = nx.Graph()
    G.add_nodes_from(range(n))
    if balanced:
        side = draw(st.lists(st.integers(0, 1), min_size=n, max_size=n))
        for a, b in chosen:
            G.add_edge(a, b, sign=1 if side[a] == side[b] else -1)
    else:
        signs = draw(st.lists(st.sampled_from([-1, 1]), min_size=len(chosen), max_size=len(chosen)))
        for (a, b), s in zip(chosen, signs, strict=True):
            G.add_edge(a, b, sign=s)
    return G


def _frustrated_count(G: nx.Graph, partition: dict) -> int:
    return sum((partition[a] == partition[b]) != (d["sign"] > 0) for a, b, d in G.edges(data=True))


_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(signed_graphs(balanced=True))
def test_balanced_graphs_have_l_zero(G: nx.Graph) -> None:
    for exact in (True, False):
        res = frustration_index(G, exact=exact, time_limit=5)
        assert res.index == 0
        assert res.frustrated_edges == []


@_SETTINGS
@given(signed_graphs(), st.data())
def test_flipping_one_edge_changes_l_by_at_most_one(G: nx.Graph, data: st.DataObject) -> None:
    a, b = data.draw(st.sampled_from(sorted(G.edges)))
    before = frustration_index(G, exact=True).index
    H = G.copy()
    H[a][b]["sign"] = -H[a][b]["sign"]
    after = frustration_index(H, exact=True).index
    assert abs(after - before) <= 1


@_SETTINGS
@given(signed_graphs(), st.integers(0, 3))
def test_exact_between_heuristic_bound_and_value(G: nx.Graph, seed: int) -> None:
    exact = frustration_index(G, exact=True, shortcut=seed % 2 == 0)
    heur = frustration_index(G, exact=False, seed=seed, time_limit=2)
    assert exact.exact
    assert heur.lower_bound <= exact.index <= heur.index
    for res in (exact, heur):
        assert _frustrated_count(G, res.partition) == res.index
        assert len(res.frustrated_edges) == res.index


@_SETTINGS
@given(signed_graphs())
def test_exact_matches_brute_force(G: nx.Graph) -> None:
    nodes = list(G.nodes)
    if len(nodes) > 12:
        nodes = nodes[:12]
        G = G.subgraph(nodes).copy()
    best = min(
        _frustrated_count(
            G, dict(zip(nodes, [(mask >> i) & 1 for i in range(len(nodes))], strict=True))
        )
        for mask in range(1 << (len(nodes) - 1))
    )
    res = frustration_index(G, exact=True, shortcut=False)
    assert res.method == "milp" and res.exact
    assert res.index == best


def test_planted_partition_recovers_noise_bound() -> None:
    rng = np.random.default_rng(3)
    G = nx.gnm_random_graph(120, 700, seed=3)
    side = rng.integers(0, 2, 120)
    for a, b in G.edges:
        s = 1 if side[a] == side[b] else -1
        G[a][b]["sign"] = -s if rng.random() < 0.05 else s
    exact = frustration_index(G, exact=True, time_limit=60)
    heur = frustration_index(G, exact=False, time_limit=5)
    assert exact.exact
    assert heur.lower_bound <= exact.index <= heur.index
    planted_noise = sum((side[a] == side[b]) != (d["sign"] > 0) for a, b, d in G.edges(data=True))
    assert exact.index <= planted_noise


def test_milp_path_on_dense_random_signs() -> None:
    # random signs on a dense graph: the cycle-packing bound is not tight, so the MILP runs
    rng = np.random.default_rng(0)
    G = nx.gnp_random_graph(14, 0.6, seed=0)
    for a, b in G.edges:
        G[a][b]["sign"] = int(rng.choice([-1, 1]))
    res = frustration_index(G, exact=True, shortcut=False)
    assert res.method == "milp"
    nodes = list(G.nodes)
    best = min(
        _frustrated_count(G, dict(zip(nodes, [(mask >> i) & 1 for i in range(14)], strict=True)))
        for mask in range(1 << 13)
    )
    assert res.exact and res.index == best


def _plain_milp(G: nx.Graph) -> int:
    """L by the textbook MILP on the whole graph: no reduction, block split, cut or bound."""
    nodes = list(G.nodes)
    pos = {v: i for i, v in enumerate(nodes)}
    n, m = len(nodes), G.number_of_edges()
    rows, cols, vals, lo = [], [], [], []
    for k, (a, b, d) in enumerate(G.edges(data=True)):
        i, j, f = pos[a], pos[b], n + k
        neg = d["sign"] < 0
        # f >= x_i - x_j and f >= x_j - x_i (positive); f >= x_i + x_j - 1, f >= 1 - x_i - x_j
        for r, (ci, cj, rhs) in enumerate(
            [(-1, -1, -1), (1, 1, 1)] if neg else [(-1, 1, 0), (1, -1, 0)]
        ):
            rows += [2 * k + r] * 3
            cols += [f, i, j]
            vals += [1.0, float(ci), float(cj)]
            lo.append(float(rhs))
    A = sp.csr_matrix((vals, (rows, cols)), shape=(2 * m, n + m))
    res = milp(
        np.concatenate([np.zeros(n), np.ones(m)]),
        integrality=np.concatenate([np.ones(n), np.zeros(m)]),
        bounds=Bounds(0, 1),
        constraints=LinearConstraint(A, lo, np.inf),
    )
    assert res.status == 0
    return round(res.fun)


def _with_pendants(G: nx.Graph, seed: int) -> nx.Graph:
    """Add pendant trees and degree-2 chains, which the reductions remove."""
    rng = np.random.default_rng(seed)
    H = G.copy()
    nodes = list(H.nodes)
    for k in range(len(nodes) // 2):
        a = nodes[int(rng.integers(len(nodes)))]
        b = nodes[int(rng.integers(len(nodes)))]
        chain = [a, ("c", k, 0), ("c", k, 1)] + ([b] if a != b and k % 2 else [])
        for x, y in itertools.pairwise(chain):
            H.add_edge(x, y, sign=int(rng.choice([-1, 1])))
    return H


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize(("n", "m", "neg"), [(25, 60, 0.1), (25, 60, 0.5), (40, 90, 0.3)])
def test_reduced_exact_matches_plain_milp(n: int, m: int, neg: float, seed: int) -> None:
    G = _with_pendants(signed_gnm(n, m, seed=seed, neg=neg), seed)
    expected = _plain_milp(G)
    for shortcut in (True, False):
        res = frustration_index(G, exact=True, shortcut=shortcut)
        assert res.exact and res.index == expected == res.lower_bound
        assert _frustrated_count(G, res.partition) == expected


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize(
    ("n", "m", "kind"),
    [(150, 600, {"neg": 0.1}), (60, 240, {"neg": 0.5}), (150, 600, {"neg": None, "noise": 0.05})],
    ids=["10%", "50%", "planted"],
)
def test_bounds_bracket_exact_l_on_random_graphs(n: int, m: int, kind: dict, seed: int) -> None:
    G = signed_gnm(n, m, seed=seed, **kind)
    heur = frustration_index(G, exact=False, time_limit=1, seed=seed)
    exact = frustration_index(G, exact=True, shortcut=False, time_limit=60)
    assert heur.lower_bound <= exact.lower_bound <= exact.index
    if exact.exact:
        assert exact.lower_bound == exact.index <= heur.index
    for res in (heur, exact):
        assert _frustrated_count(G, res.partition) == res.index == len(res.frustrated_edges)


def test_exact_is_proved_on_sparse_uniform_graph() -> None:
    # uniform 10% negative: the path packing alone falls short, the odd-cycle LP closes the gap
    G = signed_gnm(600, 2100, seed=4, neg=0.1)
    exact = frustration_index(G, exact=True, time_limit=60)
    heur = frustration_index(G, exact=False, time_limit=30)
    assert exact.exact
    assert heur.lower_bound <= exact.index <= heur.index


def test_packing_bound_certifies_planted_camps() -> None:
    # near-balanced camps: routing each frustrated tie through satisfied ones proves (near) optimality
    G = signed_gnm(2000, 12000, seed=5, neg=None, noise=0.03)
    heur = frustration_index(G, exact=False, time_limit=30)
    exact = frustration_index(G, exact=True, time_limit=60)
    assert exact.exact
    assert heur.lower_bound <= exact.index <= heur.index
    assert heur.gap < 0.02
