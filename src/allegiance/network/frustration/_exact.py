"""Exact frustration index per block: odd-cycle LP bound, rounding and HiGHS MILP."""

from __future__ import annotations

import math
import time
import warnings
from collections import deque
from typing import Any

import networkx as nx
import numpy as np
import scipy.sparse as sp
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import csgraph

from .._arrays import SignedArrays
from ._cycles import _odd_cycles
from ._kernel import _Block, _Kernel
from ._search import _EPS, _greedy, _tabu


def _cut_rows(
    cuts: list[tuple[np.ndarray, np.ndarray]], m: int, offset: int = 0
) -> tuple[sp.csr_matrix, np.ndarray]:
    """The cuts as rows ``A f >= b`` over the edge variables (placed after ``offset`` columns)."""
    if not cuts:
        return sp.csr_matrix((0, offset + m)), np.zeros(0)
    lens = [e.shape[0] for e, _ in cuts]
    rows = np.repeat(np.arange(len(cuts)), lens)
    cols = np.concatenate([e for e, _ in cuts]) + offset
    in_f = np.concatenate([f for _, f in cuts])
    vals = np.where(in_f, -1.0, 1.0)
    rhs = 1.0 - np.array([int(f.sum()) for _, f in cuts], dtype=np.float64)
    return sp.csr_matrix((vals, (rows, cols)), shape=(len(cuts), offset + m)), rhs


def _solve_lp(
    w: np.ndarray, A: sp.csr_matrix, rhs: np.ndarray, deadline: float
) -> tuple[np.ndarray, float] | None:
    """Solve ``min w.f`` s.t. ``A f >= rhs``, ``0 <= f <= 1``; returns (f, proved bound).

    The bound is recomputed from the row duals ``y`` (clipped at 0) as the Lagrangian value
    ``rhs.y + sum_e min(0, w_e - (A'y)_e)``, which is a valid lower bound for any ``y >= 0``,
    so it stays sound however the solver's tolerances fell. Large LPs use the interior-point
    method without crossover (several times faster here; a vertex is not needed).
    """
    from scipy.optimize import OptimizeWarning, linprog

    # without crossover HiGHS sometimes leaves the status unknown: then solve again with it
    tries: list[tuple[str, dict[str, Any]]] = []
    if A.shape[1] > 5000:
        tries.append(("highs-ipm", {"run_crossover": "off"}))
    tries.append(("highs", {}))
    for method, options in tries:
        if math.isfinite(deadline):
            options["time_limit"] = max(deadline - time.perf_counter(), 0.01)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", OptimizeWarning)
            res = linprog(w, A_ub=-A, b_ub=-rhs, bounds=(0.0, 1.0), method=method, options=options)
        if res.status == 0 and res.x is not None:
            break
    else:
        return None
    y = np.maximum(-np.asarray(res.ineqlin.marginals), 0.0)
    bound = float(rhs @ y + np.minimum(w - A.T @ y, 0.0).sum())
    return np.clip(res.x, 0.0, 1.0), bound


def _lp_bound(
    blk: _Block, x: np.ndarray, deadline: float, max_rounds: int = 100
) -> tuple[float, np.ndarray, list[tuple[np.ndarray, np.ndarray]]]:
    """Lower bound on a block's frustration from the LP over odd-cycle inequalities.

    Cutting planes: solve the LP, add the violated odd-cycle inequalities, repeat until none is
    violated, the bound proves the camps optimal, the bound stalls (less than one tie gained
    in three rounds), or time runs out. Each LP point is also rounded to camps, which replace
    ``x`` when they are better. Returns (bound, best camps, the cuts binding at the end).
    """
    upper = blk.cost(x)
    f = np.zeros(blk.m)
    cuts: list[tuple[np.ndarray, np.ndarray]] = []
    history = [0.0]
    for _ in range(max_rounds):
        new = _odd_cycles(blk, f, x, deadline, max_cuts=max(100, blk.n))
        if not new:
            break
        cuts.extend(new)
        A, rhs = _cut_rows(cuts, blk.m)
        solved = _solve_lp(blk.w, A, rhs, deadline)
        if solved is None:
            break
        f, bound = solved
        history.append(max(history[-1], bound))
        if blk.proved(history[-1], upper):
            break
        rounded = _round_lp(blk, f)
        if blk.cost(rounded) < upper:
            x, upper = rounded, blk.cost(rounded)
            if blk.proved(history[-1], upper):
                break
        if time.perf_counter() > deadline:
            break
        if len(history) > 4 and history[-1] - history[-4] < 1.0:
            break
    if cuts and len(history) > 1:
        # the MILP gets only the cuts binding at the last LP point (about twice as fast here)
        A, rhs = _cut_rows(cuts, blk.m)
        tight = np.flatnonzero(A @ f - rhs < 1e-6).tolist()
        cuts = [cuts[k] for k in tight]
    return history[-1], x, cuts


def _round_lp(blk: _Block, f: np.ndarray) -> np.ndarray:
    """Camps from an LP point: follow a spanning tree of the least frustrated ties (frustrating
    those with ``f_e > 1/2``), then flip single vertices while that helps."""
    n = blk.n
    tree = csgraph.minimum_spanning_tree(sp.csr_matrix((f + 1e-6, (blk.u, blk.v)), shape=(n, n)))
    order, pred = csgraph.breadth_first_order(tree, 0, directed=False, return_predecessors=True)
    child = order[1:]
    parent = pred[child]
    e = blk.edge_ids(child, parent)
    flip = (blk.odd[e] ^ (f[e] > 0.5)).tolist()
    x = [0] * n
    for c, p, fl in zip(child.tolist(), parent.tolist(), flip, strict=True):
        x[c] = x[p] ^ int(fl)
    s = _greedy(blk.signed(), 1.0 - 2.0 * np.asarray(x, dtype=np.float64), np.random.default_rng(0))
    return (s < 0).astype(np.int8)


def _block_milp(
    blk: _Block,
    cuts: list[tuple[np.ndarray, np.ndarray]],
    upper: float,
    time_limit: float | None,
) -> tuple[np.ndarray | None, float, bool]:
    """Solve one block exactly by MILP; returns (assignment or None, lower bound, proved).

    Binary ``x_i`` (camp) and ``f_e`` in [0, 1] (frustrated), with only the inequalities the
    minimisation needs: ``f_e >= |x_i - x_j|`` for a positive tie, ``f_e >= x_i + x_j - 1``
    and ``f_e >= 1 - x_i - x_j`` for a negative one; the odd-cycle cuts found by the LP; and
    the objective below ``upper`` (so the solver only looks for strictly better camps). None
    means no better assignment exists.
    """
    n, m = blk.n, blk.m
    k = np.arange(m)
    fcol = n + k
    sgn = np.where(blk.odd, -1.0, 1.0)
    rows = np.concatenate([2 * k, 2 * k, 2 * k, 2 * k + 1, 2 * k + 1, 2 * k + 1])
    cols = np.concatenate([fcol, blk.u, blk.v, fcol, blk.u, blk.v])
    # positive: f - x_i + x_j >= 0, f + x_i - x_j >= 0
    # negative: f - x_i - x_j >= -1, f + x_i + x_j >= 1
    one = np.ones(m)
    vals = np.concatenate([one, -one, sgn, one, one, -sgn])
    lo = np.empty(2 * m)
    lo[0::2] = np.where(blk.odd, -1.0, 0.0)
    lo[1::2] = np.where(blk.odd, 1.0, 0.0)
    link = sp.csr_matrix((vals, (rows, cols)), shape=(2 * m, n + m))
    C, rhs = _cut_rows(cuts, m, offset=n)
    blocks = [link, C]
    lbs = [lo, rhs]
    ubs = [np.full(2 * m, np.inf), np.full(rhs.shape[0], np.inf)]
    if blk.integral and math.isfinite(upper):
        blocks.append(sp.csr_matrix((blk.w, (np.zeros(m, dtype=np.int64), fcol)), shape=(1, n + m)))
        lbs.append(np.array([-np.inf]))
        ubs.append(np.array([upper - 1.0]))
    A = sp.vstack(blocks, format="csr")
    c = np.concatenate([np.zeros(n), blk.w])
    hi = np.ones(n + m)
    deg = np.bincount(np.concatenate([blk.u, blk.v]), minlength=n)
    hi[int(np.argmax(deg))] = 0.0  # symmetry: flipping every camp gives the same cost
    options: dict[str, Any] = {"disp": False, "mip_rel_gap": 0.0}
    if time_limit is not None:
        options["time_limit"] = max(time_limit, 0.01)
    res = milp(
        c,
        integrality=np.concatenate([np.ones(n), np.zeros(m)]),
        bounds=Bounds(np.zeros(n + m), hi),
        constraints=LinearConstraint(A, np.concatenate(lbs), np.concatenate(ubs)),
        options=options,
    )
    if res.status == 2:  # infeasible below ``upper``: the incumbent is optimal
        return None, upper, True
    bound = getattr(res, "mip_dual_bound", None)
    x = None if res.x is None else np.rint(res.x[:n]).astype(np.int8)
    if res.status == 0 and x is not None:
        return x, blk.cost(x), True
    low = float(bound) if bound is not None else 0.0
    return x, (low if math.isfinite(low) else 0.0), False


def _balanced_sides(
    nodes: list[int], adj: dict[int, dict[int, list[float]]]
) -> dict[int, int] | None:
    """A zero-cost assignment of a block when it is balanced, else None."""
    side = {nodes[0]: 0}
    stack = [nodes[0]]
    members = set(nodes)
    while stack:
        a = stack.pop()
        for b, p in adj[a].items():
            if b not in members:
                continue
            want = side[a] if p[0] > 0 else 1 - side[a]
            if b not in side:
                side[b] = want
                stack.append(b)
            elif side[b] != want:
                return None
    return side


def _block_order(blocks: list[list[int]]) -> list[list[int]]:
    """Blocks in an order where each shares at most one (cut) vertex with those before it."""
    order: list[list[int]] = []
    by_vertex: dict[int, list[int]] = {}
    for bi, b in enumerate(blocks):
        for v in b:
            by_vertex.setdefault(v, []).append(bi)
    seen = [False] * len(blocks)
    for root in range(len(blocks)):
        if seen[root]:
            continue
        seen[root] = True
        queue = deque([root])
        while queue:
            bi = queue.popleft()
            order.append(blocks[bi])
            for v in blocks[bi]:
                for bj in by_vertex[v]:
                    if not seen[bj]:
                        seen[bj] = True
                        queue.append(bj)
    return order


def _exact(
    arr: SignedArrays,
    hint: np.ndarray,
    time_limit: float | None,
    start: float,
    use_milp: bool = True,
) -> tuple[np.ndarray, float, bool, dict[str, Any]]:
    """Exact camps: reduce, split into blocks, and per unbalanced block prove the camps
    ``hint`` (or better ones from LP rounding) optimal by the odd-cycle LP bound, or else
    solve the block's MILP (``use_milp=False`` keeps the LP bound instead: a lower bound)."""
    deadline = math.inf if time_limit is None else start + time_limit
    rng = np.random.default_rng(0)
    kern = _Kernel(arr)
    kern.reduce()
    K = nx.Graph()
    for a, nb in kern.adj.items():
        K.add_node(a)
        K.add_edges_from((a, b) for b in nb if a < b)
    stats: dict[str, Any] = {
        "kernel_nodes": K.number_of_nodes(),
        "kernel_edges": K.number_of_edges(),
        "blocks": 0,
        "lp_blocks": 0,
        "milp_blocks": 0,
        "cuts": 0,
    }
    side: dict[int, int] = {}
    lower = kern.const
    proved = True
    blocks = [sorted(b) for b in nx.biconnected_components(K)]
    stats["blocks"] = len(blocks)
    for nodes in _block_order(blocks):
        local = _balanced_sides(nodes, kern.adj)
        if local is None:
            members = set(nodes)
            blk = _Block(
                nodes,
                [
                    (a, b, 1 if p[0] > 0 else -1, max(p))
                    for a in nodes
                    for b, p in kern.adj[a].items()
                    if a < b and b in members
                ],
            )
            low, x, cuts = _lp_bound(blk, hint[nodes].astype(np.int8), deadline)
            upper = blk.cost(x)
            stats["cuts"] += len(cuts)
            ok = blk.proved(low, upper)
            if ok:
                stats["lp_blocks"] += 1
            elif use_milp:
                stats["milp_blocks"] += 1
                # A better incumbent first: the MILP then only has to beat it.
                now = time.perf_counter()
                until = now + min(1.0 + blk.m / 10_000, 0.1 * max(deadline - now, 0.0))
                target = math.ceil(low - _EPS) if blk.integral else low
                s_best, _ = _tabu(
                    blk.signed(), 1.0 - 2.0 * x, until, 200 * blk.n + 5000, target, rng
                )
                x = (s_best < 0).astype(np.int8)
                upper = blk.cost(x)
                remaining = None if time_limit is None else deadline - time.perf_counter()
                better, mlow, ok = _block_milp(blk, cuts, upper, remaining)
                if better is not None and blk.cost(better) < upper:
                    x = better
                low = max(low, min(mlow, upper))
            lower += blk.cost(x) if ok else low
            proved = proved and ok
            local = dict(zip(nodes, x.tolist(), strict=True))
        placed = [v for v in nodes if v in side]
        if placed and side[placed[0]] != local[placed[0]]:
            local = {v: 1 - s for v, s in local.items()}
        side.update(local)
    for v in kern.adj:
        side.setdefault(v, 0)
    kern.undo(side)
    out = np.zeros(arr.n, dtype=np.int8)
    for v, s in side.items():
        out[v] = s
    return out, lower, proved, stats
