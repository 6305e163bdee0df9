"""Frustration index: the fewest ties to flip or delete for strong balance, and the camps.

The frustration index (line index of balance) ``L`` of a signed graph is the minimum number of
edges that are *frustrated* (a positive tie across the two camps, or a negative tie inside one)
over all two-camp partitions. :func:`frustration_index` computes it exactly by integer
programming (SciPy's HiGHS MILP) after reductions that keep it exact, or with a fast vectorised
heuristic that also reports a lower bound. :func:`weak_frustration` does the same for weak
balance (any number of camps: correlation clustering).
"""

from __future__ import annotations

import itertools
import math
import time
import warnings
from collections import deque
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import numpy as np
import scipy.sparse as sp
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import csgraph

from ..errors import AnalysisError
from ._arrays import SignedArrays, to_arrays

__all__ = [
    "FrustrationResult",
    "WeakBalanceResult",
    "frustration_index",
    "weak_frustration",
]

_EPS = 1e-6
# The heuristic also tries the odd-cycle LP bound on graphs up to this many ties.
_LP_EDGES = 100_000


@dataclass
class FrustrationResult:
    """The frustration index of a signed graph and a partition that attains it.

    Attributes:
        index: number of frustrated edges under ``partition`` (``L`` when ``exact``).
        exact: True when ``index`` is proved optimal.
        lower_bound: a proved lower bound on ``L``.
        partition: node -> camp (0 or 1).
        frustrated_edges: the edges the partition frustrates, as ``(a, b)`` pairs.
        seconds: wall-clock time spent.
        gap: ``(index - lower_bound) / index`` (0 when ``index`` is 0).
        method: ``"milp"`` or ``"heuristic"``.
    """

    index: int
    exact: bool
    lower_bound: int
    partition: dict[Hashable, int]
    frustrated_edges: list[tuple[Hashable, Hashable]]
    seconds: float
    gap: float
    method: str = "heuristic"
    stats: dict[str, Any] = field(default_factory=dict)

    def camps(self) -> tuple[list[Hashable], list[Hashable]]:
        """The two camps as lists of nodes (camp 0, camp 1)."""
        zero = [n for n, c in self.partition.items() if c == 0]
        one = [n for n, c in self.partition.items() if c == 1]
        return zero, one

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (node ids as given; edges as two-element lists)."""
        return {
            "index": self.index,
            "exact": self.exact,
            "lower_bound": self.lower_bound,
            "gap": round(self.gap, 6),
            "partition": {str(k): v for k, v in self.partition.items()},
            "frustrated_edges": [[a, b] for a, b in self.frustrated_edges],
            "seconds": round(self.seconds, 4),
            "method": self.method,
            **({"stats": self.stats} if self.stats else {}),
        }


# --------------------------------------------------------------------------------------
# exact: reductions + MILP per biconnected block
# --------------------------------------------------------------------------------------


class _Kernel:
    """A weighted signed multigraph being reduced; records steps to undo them."""

    def __init__(self, arr: SignedArrays) -> None:
        # adj[i][j] = [w_plus, w_minus]: cost w_plus if i, j split, w_minus if together.
        self.adj: dict[int, dict[int, list[float]]] = {i: {} for i in range(arr.n)}
        self.const = 0.0
        self.stack: list[tuple[Any, ...]] = []
        for a, b, s, w in zip(
            arr.u.tolist(), arr.v.tolist(), arr.sign.tolist(), arr.weight.tolist(), strict=True
        ):
            self._add(a, b, s, w)

    def _add(self, a: int, b: int, s: int, w: float) -> None:
        if w <= 0:
            return
        pair = self.adj[a].get(b)
        if pair is None:
            pair = [0.0, 0.0]
            self.adj[a][b] = pair
            self.adj[b][a] = pair
        pair[0 if s > 0 else 1] += w
        # Parallel ties of both signs: one of them is frustrated whatever the camps.
        common = min(pair)
        if common > 0:
            self.const += common
            pair[0] -= common
            pair[1] -= common
        if pair[0] <= 0 and pair[1] <= 0:
            del self.adj[a][b]
            del self.adj[b][a]

    def reduce(self) -> None:
        """Eliminate vertices while each step keeps ``L`` exact.

        Degree 0 and 1 vertices go (their tie can always be satisfied); a degree-2 vertex becomes
        one tie between its neighbours; and a vertex whose heaviest tie outweighs all its other
        ties together is merged into that neighbour (flipping it never loses, so some optimum
        satisfies that tie).
        """
        queue = list(self.adj)
        while queue:
            w = queue.pop()
            nb = self.adj.get(w)
            if nb is None:
                continue
            items = [(x, (1 if p[0] > 0 else -1), max(p)) for x, p in nb.items()]
            if len(items) > 2:
                heavy = max(range(len(items)), key=lambda k: items[k][2])
                if 2 * items[heavy][2] < sum(c for _, _, c in items):
                    continue
            del self.adj[w]
            for x, _, _ in items:
                del self.adj[x][w]
            if len(items) == 0:
                self.stack.append(("free", w))
            elif len(items) == 2:
                (x, s1, c1), (y, s2, c2) = items
                # A path x-w-y costs min(c1, c2) exactly when x, y violate the sign s1*s2.
                self.stack.append(("series", w, x, s1, c1, y, s2, c2))
                self._add(x, y, s1 * s2, min(c1, c2))
                queue.extend((x, y))
            else:
                x, s, _ = items[0] if len(items) == 1 else items[heavy]
                self.stack.append(("leaf", w, x, s))
                for y, sy, cy in items:
                    if y != x:
                        self._add(x, y, s * sy, cy)
                        queue.append(y)
                queue.append(x)

    def undo(self, side: dict[int, int]) -> None:
        """Assign the removed vertices optimally given the kernel's assignment."""
        for step in reversed(self.stack):
            if step[0] == "free":
                side[step[1]] = 0
            elif step[0] == "leaf":
                _, w, x, s = step
                side[w] = side[x] if s > 0 else 1 - side[x]
            else:
                _, w, x, s1, c1, y, s2, c2 = step
                want_x = side[x] if s1 > 0 else 1 - side[x]
                want_y = side[y] if s2 > 0 else 1 - side[y]
                side[w] = want_x if c1 >= c2 else want_y


class _Block:
    """One unbalanced block as arrays: local nodes ``0..n-1``, edges ``u, v``, odd (negative)
    flags and weights, and an edge-id lookup for the cycle separation."""

    def __init__(self, nodes: list[int], edges: list[tuple[int, int, int, float]]) -> None:
        self.nodes = nodes
        pos = {v: i for i, v in enumerate(nodes)}
        self.n = len(nodes)
        self.u = np.fromiter((pos[a] for a, _, _, _ in edges), np.int64, len(edges))
        self.v = np.fromiter((pos[b] for _, b, _, _ in edges), np.int64, len(edges))
        self.odd = np.fromiter((s < 0 for _, _, s, _ in edges), np.bool_, len(edges))
        self.w = np.fromiter((w for _, _, _, w in edges), np.float64, len(edges))
        self.m = len(edges)
        key = np.minimum(self.u, self.v) * self.n + np.maximum(self.u, self.v)
        self._order = np.argsort(key)
        self._keys = key[self._order]
        self.integral = bool(np.all(self.w == np.round(self.w)))

    def edge_ids(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Ids of the edges ``(a[k], b[k])`` (which must exist)."""
        key = np.minimum(a, b) * self.n + np.maximum(a, b)
        return self._order[np.searchsorted(self._keys, key)]

    def signed(self) -> sp.csr_matrix:
        """Symmetric CSR adjacency with entries ``sign * weight`` (for the local searches)."""
        w = np.where(self.odd, -self.w, self.w)
        rows, cols = np.concatenate([self.u, self.v]), np.concatenate([self.v, self.u])
        return sp.csr_matrix((np.concatenate([w, w]), (rows, cols)), shape=(self.n, self.n))

    def cost(self, x: np.ndarray) -> float:
        """Weight of the edges frustrated by the 0/1 assignment ``x``."""
        split = x[self.u] != x[self.v]
        return float(self.w[split != self.odd].sum()) if self.m else 0.0

    def proved(self, lower: float, upper: float) -> bool:
        """True when the bound ``lower`` proves ``upper`` optimal (integral weights round up)."""
        slack = 1e-6 * max(1.0, abs(lower))
        if self.integral:
            return math.ceil(lower - slack) >= upper - 0.5
        return lower >= upper - slack


def _odd_cycles(
    blk: _Block, f: np.ndarray, x: np.ndarray, deadline: float, max_cuts: int
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Odd-cycle inequalities violated at the LP point ``f`` (Barahona–Mahjoub separation).

    Every cycle ``C`` and subset ``F`` of it with ``|F| +`` (negative ties on ``C``) odd gives
    ``sum_{C-F} f_e + sum_F (1 - f_e) >= 1`` (the frustrated ties of a cycle have the parity of
    its negative ties). In the double cover, where a tie either keeps the layer its sign gives
    at cost ``f_e`` or changes it at cost ``1 - f_e``, a violated one is a closed walk from
    ``(i, 0)`` to ``(i, 1)`` of cost below 1: per tie, the tie plus a shortest path back.

    Signs are first switched to the camps ``x`` (which changes no cycle's parity), so that the
    ties ``x`` satisfies with ``f_e = 0`` cost nothing and keep the layer: their components are
    contracted before the shortest paths and expanded again by shortest zero-cost paths.

    Returns:
        Up to ``max_cuts`` cuts, most violated first, as (edge ids, in-F mask).
    """
    n = blk.n
    odd = blk.odd ^ (x[blk.u] != x[blk.v])
    zero = (f < 1e-6) & ~odd  # interior-point solutions leave tiny nonzeros
    zu, zv = blk.u[zero], blk.v[zero]
    ncomp, label = csgraph.connected_components(
        sp.csr_matrix((np.ones(zu.shape[0]), (zu, zv)), shape=(n, n)), directed=False
    )
    router = _Router(n, zu, zv, np.flatnonzero(zero), blk.m)
    # contracted double cover: component c in layer p is node c + p * ncomp
    rel = np.flatnonzero(~zero)
    ca, cb, o = label[blk.u[rel]], label[blk.v[rel]], odd[rel].astype(np.int64)
    fr = np.clip(f[rel], 0.0, 1.0)
    arc_rel = np.concatenate([rel, rel, rel, rel])
    arc_flip = np.repeat(np.array([False, False, True, True]), rel.shape[0])
    tail = np.concatenate([ca, ca + ncomp, ca, ca + ncomp])
    head = np.concatenate([cb + o * ncomp, cb + (1 - o) * ncomp,
                           cb + (1 - o) * ncomp, cb + o * ncomp])  # fmt: skip
    cost = np.concatenate([fr, fr, 1.0 - fr, 1.0 - fr])
    ok = tail != head
    tail, head, cost, arc_rel, arc_flip = tail[ok], head[ok], cost[ok], arc_rel[ok], arc_flip[ok]
    N = 2 * ncomp
    key = np.minimum(tail, head) * N + np.maximum(tail, head)
    srt = np.lexsort((cost, key))
    first = np.ones(srt.shape[0], dtype=bool)
    first[1:] = key[srt[1:]] != key[srt[:-1]]
    pick = srt[first]
    tail, head, cost, arc_rel, arc_flip = (a[pick] for a in (tail, head, cost, arc_rel, arc_flip))
    akey = key[pick]
    D = sp.csr_matrix((cost + 1e-9, (tail, head)), shape=(N, N))  # csgraph drops zeros
    sources = np.unique(ca)
    row_of = np.full(ncomp, -1, dtype=np.int64)
    u_list, v_list = blk.u.tolist(), blk.v.tolist()
    lab = label.tolist()
    found: list[tuple[float, np.ndarray, np.ndarray]] = []
    seen: set[bytes] = set()
    chunk = max(1, 2_000_000 // max(N, 1))
    for k0 in range(0, sources.shape[0], chunk):
        if time.perf_counter() > deadline or len(found) >= 2 * max_cuts:
            break
        src = sources[k0 : k0 + chunk]
        dist, pred = csgraph.dijkstra(
            D, directed=False, indices=src, return_predecessors=True, limit=1.0
        )
        row_of[src] = np.arange(src.shape[0])
        mine = np.flatnonzero(np.isin(ca, src))
        r = row_of[ca[mine]]
        via_keep = fr[mine] + dist[r, cb[mine] + (1 - o[mine]) * ncomp]
        via_flip = 1.0 - fr[mine] + dist[r, cb[mine] + o[mine] * ncomp]
        best = np.minimum(via_keep, via_flip)
        for k in np.flatnonzero(best < 1.0 - 1e-6).tolist():
            j = int(mine[k])
            e = int(rel[j])
            flip = bool(via_flip[k] < via_keep[k])
            target = int(cb[j]) + ((int(o[j]) ^ flip ^ 1) * ncomp)
            verts, flips = [u_list[e], v_list[e]], [flip]
            prow = pred[int(r[k])]
            z = target
            while True:
                y = int(prow[z])
                if y < 0:
                    break
                a = int(np.searchsorted(akey, min(y, z) * N + max(y, z)))
                g = int(arc_rel[a])
                gu, gv = u_list[g], v_list[g]
                if lab[gu] != z % ncomp:
                    gu, gv = gv, gu
                _zero_path(verts, flips, gu, router)
                verts.append(gv)
                flips.append(bool(arc_flip[a]))
                z = y
            _zero_path(verts, flips, u_list[e], router)
            cut = _cycle_from_walk(blk, odd, f, verts, flips)
            if cut is None:
                continue
            viol, ce, cf = cut
            ckey = np.sort(2 * ce + cf).tobytes()
            if ckey not in seen:
                seen.add(ckey)
                found.append((viol, ce, cf))
    found.sort(key=lambda t: t[0])
    return [(ce, cf) for _, ce, cf in found[:max_cuts]]


def _zero_path(verts: list[int], flips: list[bool], to: int, router: _Router) -> None:
    """Extend a walk from its last vertex to ``to`` (same component) by a shortest path of
    zero-cost ties (fewer ties make a stronger cut than any other path of the same cost)."""
    found = router.path(verts[-1], to, len(router.indptr))
    assert found is not None, "zero-cost component is disconnected"
    verts.extend(found[0][1:])
    flips.extend([False] * (len(found[0]) - 1))


def _cycle_from_walk(
    blk: _Block, odd: np.ndarray, f: np.ndarray, verts: list[int], flips: list[bool]
) -> tuple[float, np.ndarray, np.ndarray] | None:
    """The simple odd cycle inside a closed walk, as (cost, edge ids, in-F mask), if violated."""
    n = blk.n
    vs = np.asarray(verts, dtype=np.int64)
    e = blk.edge_ids(vs[:-1], vs[1:])
    layer = np.concatenate([[0], np.cumsum(odd[e] ^ np.asarray(flips, dtype=bool)) % 2])
    if layer[-1] != 1:
        return None
    cyc = _simple_cycle(vs + layer * n, n)
    e = blk.edge_ids(cyc[:-1] % n, cyc[1:] % n)
    in_f = ((cyc[:-1] // n) ^ (cyc[1:] // n)).astype(bool) ^ odd[e]
    cost = float(np.where(in_f, 1.0 - f[e], f[e]).sum())
    return (cost, e, in_f) if cost < 1.0 - 1e-6 else None


def _simple_cycle(walk: np.ndarray, n: int) -> np.ndarray:
    """Shorten a closed walk of odd parity in the double cover to a simple cycle of odd parity.

    Between two visits of one vertex the walk splits in two closed walks; the odd one (by the
    double-cover layers at the two visits) costs no more than the whole, so keep it.
    """
    while True:
        base = walk[:-1] % n
        order = np.argsort(base, kind="stable")
        dup = np.flatnonzero(base[order[1:]] == base[order[:-1]])
        if dup.size == 0:
            return walk
        s, t = sorted((int(order[dup[0]]), int(order[dup[0] + 1])))
        # different layers at the two visits: the part between is odd, else the rest is
        odd = walk[s] != walk[t]
        walk = walk[s : t + 1] if odd else np.concatenate([walk[: s + 1], walk[t + 1 :]])


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


# --------------------------------------------------------------------------------------
# heuristic: spectral / BFS / random starts, vectorised local search, tabu search
# --------------------------------------------------------------------------------------


def _csr(arr: SignedArrays) -> sp.csr_matrix:
    A = arr.adjacency(signed=True)
    A.sort_indices()
    return A


def _spectral_start(A: sp.csr_matrix, seed: int) -> np.ndarray | None:
    """Signs of the leading eigenvector of the signed adjacency matrix."""
    n = A.shape[0]
    if n < 3:
        return None
    from scipy.sparse.linalg import ArpackError, ArpackNoConvergence, eigsh

    rng = np.random.default_rng(seed)
    try:
        _, vec = eigsh(A, k=1, which="LA", tol=1e-3, maxiter=max(300, n // 10), v0=rng.random(n))
    except ArpackNoConvergence as exc:
        if exc.eigenvectors is None or exc.eigenvectors.shape[1] == 0:
            return None
        vec = exc.eigenvectors
    except (ArpackError, ValueError):
        return None
    v = vec[:, 0]
    return np.where(v >= 0, 1.0, -1.0)


def _bfs_start(A: sp.csr_matrix, rng: np.random.Generator) -> np.ndarray:
    """Camps consistent with the signs along a BFS spanning forest from random roots."""
    n = A.shape[0]
    s = np.ones(n)
    ncomp, labels = csgraph.connected_components(A, directed=False)
    perm = rng.permutation(n)
    roots: dict[int, int] = {}
    for v in perm.tolist():
        roots.setdefault(int(labels[v]), v)
    for root in roots.values():
        order, pred = csgraph.breadth_first_order(A, root, directed=False, return_predecessors=True)
        if order.shape[0] < 2:
            continue
        child = order[1:]
        parent = pred[child]
        signs = np.sign(np.asarray(A[parent, child]).ravel())
        flip = signs < 0
        # order is topological (parents first), so one pass fills every child.
        s_list = s
        for c, p, f in zip(child.tolist(), parent.tolist(), flip.tolist(), strict=True):
            s_list[c] = -s_list[p] if f else s_list[p]
    return s


def _greedy(
    A: sp.csr_matrix, s: np.ndarray, rng: np.random.Generator, max_rounds: int = 500
) -> np.ndarray:
    """Parallel single-vertex flips: flip an independent set of improving vertices per round."""
    coo = A.tocoo()
    mask = coo.row < coo.col
    eu, ev = coo.row[mask], coo.col[mask]
    h = A @ s
    for _ in range(max_rounds):
        gain = s * h  # change of cost when the vertex flips
        imp = gain < -_EPS
        if not imp.any():
            break
        prio = rng.random(s.shape[0]) - gain  # prefer the biggest improvements
        both = imp[eu] & imp[ev]
        lose_u = both & (prio[eu] < prio[ev])
        lose_v = both & ~lose_u
        sel = imp.copy()
        sel[eu[lose_u]] = False
        sel[ev[lose_v]] = False
        ds = np.zeros_like(s)
        ds[sel] = -2 * s[sel]
        s = s + ds
        h = h + A @ ds
    return s


def _tabu(
    A: sp.csr_matrix,
    s: np.ndarray,
    deadline: float,
    max_iter: int,
    target: float,
    rng: np.random.Generator,
) -> tuple[np.ndarray, float]:
    """Tabu search over single-vertex flips with gain bookkeeping; returns best (s, cost)."""
    n = s.shape[0]
    indptr, indices, data = A.indptr, A.indices, A.data
    absdeg = np.asarray(abs(A).sum(axis=1)).ravel()
    h = A @ s
    cur = float((absdeg.sum() - s @ h) / 4.0)
    gain = s * h
    best = cur
    best_s = s.copy()
    tabu_until = np.zeros(n, dtype=np.int64)
    base_tenure = max(3, min(n // 20, 40))
    stall = 0
    stall_limit = max(1000, 10 * n)
    for it in range(max_iter):
        if best <= target + _EPS:
            break
        if (it & 127) == 0 and time.perf_counter() > deadline:
            break
        masked = np.where(tabu_until > it, np.inf, gain)
        i = int(np.argmin(masked))
        j = int(np.argmin(gain))
        if cur + gain[j] < best - _EPS:  # aspiration: a tabu move reaching a new best
            i = j
        if not np.isfinite(masked[i]) and i != j:
            i = j
        cur += gain[i]
        s[i] = -s[i]
        lo, hi = indptr[i], indptr[i + 1]
        nb = indices[lo:hi]
        h[nb] += 2.0 * s[i] * data[lo:hi]
        gain[nb] = s[nb] * h[nb]
        gain[i] = -gain[i]
        tabu_until[i] = it + base_tenure + int(rng.integers(0, base_tenure + 1))
        if cur < best - _EPS:
            best = cur
            best_s = s.copy()
            stall = 0
        else:
            stall += 1
            if stall > stall_limit:
                # restart from the best with a random kick
                s = best_s.copy()
                kick = rng.random(n) < min(0.05, 20.0 / n)
                s[kick] = -s[kick]
                h = A @ s
                gain = s * h
                cur = float((absdeg.sum() - s @ h) / 4.0)
                stall = 0
    return best_s, best


def _path_packing_bound(
    arr: SignedArrays, side: np.ndarray, deadline: float, rng: np.random.Generator
) -> int:
    """A lower bound on ``L``: edge-disjoint unbalanced cycles, one per tie ``side`` frustrates.

    Every unbalanced cycle needs a frustrated tie whatever the camps, and a tie frustrated by
    ``side`` closed by a path of ties ``side`` satisfies is such a cycle. Each frustrated tie is
    routed along a shortest path of still unused satisfied ties (bidirectional BFS), shortest
    routes first (passes with a growing length limit); the number routed is the bound.
    """
    bad = arr.frustrated(side)
    pairs = np.flatnonzero(bad)
    if pairs.size == 0:
        return 0
    good = np.flatnonzero(~bad)
    router = _Router(arr.n, arr.u[good], arr.v[good], good, arr.m)
    routed = np.zeros(pairs.size, dtype=bool)
    pairs_order = rng.permutation(pairs.size)
    # Shortest routes first block the fewest others; on large graphs fewer passes save time.
    limits = (2, 3, 4, 5, 6, 8, 12, 16) if pairs.size <= 20_000 else (4, 8, 16)
    for limit in limits:
        for k in pairs_order[~routed[pairs_order]].tolist():
            if (router.token & 255) == 0 and time.perf_counter() > deadline:
                return int(routed.sum())
            e = int(pairs[k])
            found = router.path(int(arr.u[e]), int(arr.v[e]), limit)
            if found is not None:
                router.alive[found[1]] = False
                routed[k] = True
    return int(routed.sum())


class _Router:
    """Shortest paths by bidirectional BFS over a set of edges, some of which may be used up.

    Scratch arrays are allocated once, so each search costs only the part of the graph it
    visits.
    """

    def __init__(self, n: int, u: np.ndarray, v: np.ndarray, ids: np.ndarray, m: int) -> None:
        a_all = np.concatenate([u, v])
        order = np.argsort(a_all, kind="stable")
        self.nbr = np.concatenate([v, u])[order]
        self.eid = np.concatenate([ids, ids])[order]
        self.indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(a_all, minlength=n), out=self.indptr[1:])
        self.alive = np.ones(m, dtype=bool)
        self.stamp = np.zeros((2, n), dtype=np.int64)  # last search that reached a node, per side
        self.par = np.zeros((2, n), dtype=np.int64)
        self.pedge = np.zeros((2, n), dtype=np.int64)
        self.token = 0

    def path(self, a: int, b: int, limit: int) -> tuple[list[int], list[int]] | None:
        """(vertices from ``a`` to ``b``, edge ids) of a shortest path of alive edges with at
        most ``limit`` edges, or None."""
        self.token += 1
        token, stamp, par, pedge = self.token, self.stamp, self.par, self.pedge
        fronts = [np.array([a]), np.array([b])]
        stamp[0, a] = token
        stamp[1, b] = token
        if a == b:
            return [a], []
        depth = [0, 0]
        while depth[0] + depth[1] < limit:
            s = 0 if fronts[0].size <= fronts[1].size else 1
            fr = fronts[s]
            lo, hi = self.indptr[fr], self.indptr[fr + 1]
            lens = hi - lo
            total = int(lens.sum())
            if total == 0:
                return None
            idx = np.repeat(lo - np.cumsum(lens) + lens, lens) + np.arange(total)
            nb, ed = self.nbr[idx], self.eid[idx]
            src = np.repeat(fr, lens)
            keep = self.alive[ed] & (stamp[s, nb] != token)
            nb, ed, src = nb[keep], ed[keep], src[keep]
            nb, first = np.unique(nb, return_index=True)
            ed, src = ed[first], src[first]
            stamp[s, nb] = token
            par[s, nb] = src
            pedge[s, nb] = ed
            depth[s] += 1
            meet = nb[stamp[1 - s, nb] == token]
            if meet.size:
                halves: list[tuple[list[int], list[int]]] = []
                for t, end in ((0, a), (1, b)):
                    x = int(meet[0])
                    verts, edges = [x], []
                    while x != end:
                        edges.append(int(pedge[t, x]))
                        x = int(par[t, x])
                        verts.append(x)
                    halves.append((verts, edges))
                (va, ea), (vb, eb) = halves
                return va[::-1] + vb[1:], ea[::-1] + eb
            if nb.size == 0:
                return None
            fronts[s] = nb
        return None


def _heuristic(
    arr: SignedArrays, time_limit: float | None, seed: int, start: float, lp: bool = True
) -> tuple[np.ndarray, int, dict[str, Any]]:
    """Camps by multi-start local search and tabu search, with a lower bound from the path
    packing and (``lp`` and at most ``_LP_EDGES`` ties) the odd-cycle LP."""
    rng = np.random.default_rng(seed)
    n, m = arr.n, arr.m
    budget = time_limit if time_limit is not None else min(30.0, 1.0 + m / 50_000)
    deadline = start + budget
    if m == 0:
        return np.zeros(n, dtype=np.int8), 0, {}
    A = _csr(arr)
    starts: list[tuple[str, np.ndarray]] = []
    spec = _spectral_start(A, seed)
    if spec is not None:
        starts.append(("spectral", spec))
    starts.append(("bfs", _bfs_start(A, rng)))
    starts.append(("bfs", _bfs_start(A, rng)))
    starts.append(("random", rng.choice([-1.0, 1.0], size=n)))
    best_s: np.ndarray | None = None
    best = math.inf
    best_name = ""
    for name, s0 in starts:
        s = _greedy(A, s0.astype(np.float64), rng)
        cost = arr.cost((s < 0).astype(np.int8))
        if cost < best:
            best, best_s, best_name = cost, s, name
        if best == 0 or time.perf_counter() > start + 0.3 * budget:
            break
    assert best_s is not None
    # The bound routes the ties the best camps so far frustrate, in up to 60% of what is left
    # (on large graphs the bound, not the tabu search, is what narrows the gap).
    now = time.perf_counter()
    side = (best_s < 0).astype(np.int8)
    lower = _path_packing_bound(arr, side, now + 0.6 * max(deadline - now, 0.0), rng)
    stats: dict[str, Any] = {"start": best_name, "packed": lower}
    # Up to _LP_EDGES ties, about two thirds of what is left go to the odd-cycle LP bound.
    with_lp = lp and m <= _LP_EDGES
    if best > lower:
        now = time.perf_counter()
        until = now + 0.35 * max(deadline - now, 0.0) if with_lp else deadline
        s, cost = _tabu(A, best_s.copy(), until, 200 * n + 5000, float(lower), rng)
        if cost < best - _EPS:
            best, best_s = cost, s
            stats["start"] += "+tabu"
            side = (best_s < 0).astype(np.int8)
    if with_lp and best > lower and time.perf_counter() < deadline:
        now = time.perf_counter()
        lp_side, lp_lower, _, _ = _exact(arr, side, deadline - now, now, use_milp=False)
        lower = max(lower, math.ceil(lp_lower - _EPS))
        stats["lp_bound"] = round(lp_lower, 3)
        if arr.cost(lp_side) < best - _EPS:
            side = lp_side
            stats["start"] += "+lp"
    return side, lower, stats


# --------------------------------------------------------------------------------------
# public API
# --------------------------------------------------------------------------------------


def frustration_index(
    G: nx.Graph | SignedArrays,
    *,
    exact: bool = False,
    time_limit: float | None = None,
    seed: int = 0,
    shortcut: bool = True,
) -> FrustrationResult:
    """The frustration index ``L`` of a signed graph, a two-camp partition and its frustrated edges.

    With ``exact=True`` the graph is reduced (degree-1, degree-2 and dominated vertices
    eliminated, parallel ties merged, biconnected blocks solved separately; each step keeps
    ``L`` exact); per unbalanced block an LP over odd-cycle inequalities (cutting planes,
    SciPy/HiGHS) proves the camps optimal, or else a MILP with those cuts does. With
    ``exact=False`` a multi-start local search (spectral, BFS-tree and random starts,
    vectorised parallel flips, then tabu search) returns a partition; the lower bound packs
    edge-disjoint unbalanced cycles through the ties it frustrates and, on graphs of up to
    100,000 ties, also tries the odd-cycle LP.

    Args:
        G: an undirected signed graph (edge attribute ``sign`` in {-1, +1}); directed graphs
            are read as undirected (use :func:`~allegiance.network.build.signed_graph` first to
            combine both directions).
        exact: prove optimality by integer programming.
        time_limit: seconds for the whole computation; an exact run that hits it returns its
            best partition with ``exact=False`` and the solver's bound.
        seed: random seed of the heuristic.
        shortcut: with ``exact``, first run a short heuristic and stop when it meets its
            lower bound (already a proof); False always runs the MILP.

    Returns:
        A :class:`FrustrationResult`.

    Example:
        >>> import networkx as nx
        >>> G = nx.Graph()
        >>> G.add_edge("a", "b", sign=1); G.add_edge("b", "c", sign=1); G.add_edge("a", "c", sign=-1)
        >>> frustration_index(G, exact=True).index
        1
    """
    start = time.perf_counter()
    arr = G if isinstance(G, SignedArrays) else to_arrays(G, "the frustration index")
    stats: dict[str, Any] = {}
    if exact:
        # A quick heuristic first: when it meets its own lower bound, L is already proved.
        quick = 0.05 + arr.m / 20_000
        if time_limit is not None:
            quick = min(quick, 0.2 * time_limit)
        side, lower, stats = _heuristic(arr, min(quick, 5.0), seed, time.perf_counter(), lp=False)
        proved = shortcut and int(arr.frustrated(side).sum()) <= lower
        method = "heuristic+bound"
        if not proved:
            h_side, h_lower = side, lower
            side, lower_f, proved, stats = _exact(arr, h_side, time_limit, start)
            lower = max(h_lower, math.ceil(lower_f - _EPS))
            method = "milp"
            if arr.frustrated(h_side).sum() < arr.frustrated(side).sum():
                side = h_side
    else:
        side, lower, stats = _heuristic(arr, time_limit, seed, start)
        proved = False
        method = "heuristic"
    mask = arr.frustrated(side)
    index = int(mask.sum())
    lower = min(lower, index)
    proved = proved or index == lower
    if proved:
        lower = index
    frustrated = [
        (arr.nodes[a], arr.nodes[b])
        for a, b in zip(arr.u[mask].tolist(), arr.v[mask].tolist(), strict=True)
    ]
    gap = 0.0 if index == 0 else (index - lower) / index
    return FrustrationResult(
        index=index,
        exact=proved,
        lower_bound=int(lower),
        partition={node: int(side[i]) for i, node in enumerate(arr.nodes)},
        frustrated_edges=frustrated,
        seconds=time.perf_counter() - start,
        gap=gap,
        method=method,
        stats=stats,
    )


# --------------------------------------------------------------------------------------
# weak balance: correlation clustering
# --------------------------------------------------------------------------------------


@dataclass
class WeakBalanceResult:
    """Weak (Davis) balance: fewest disagreeing ties over partitions into any number of camps.

    Attributes:
        index: positive ties between camps plus negative ties within camps.
        exact: True when proved optimal.
        clusters: the camps, largest first, each a sorted list of nodes.
        disagreements: the edges counted in ``index``.
    """

    index: int
    exact: bool
    clusters: list[list[Hashable]]
    disagreements: list[tuple[Hashable, Hashable]]
    seconds: float

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "index": self.index,
            "exact": self.exact,
            "clusters": self.clusters,
            "disagreements": [[a, b] for a, b in self.disagreements],
            "seconds": round(self.seconds, 4),
        }


def _weak_milp(arr: SignedArrays, time_limit: float | None) -> tuple[np.ndarray, bool]:
    """Correlation clustering by MILP: z_ij = 1 when i, j are apart; triangle inequalities."""
    n = arr.n
    pairs = list(itertools.combinations(range(n), 2))
    pid = {p: k for k, p in enumerate(pairs)}
    c = np.zeros(len(pairs))
    const = 0.0
    for a, b, s in zip(arr.u.tolist(), arr.v.tolist(), arr.sign.tolist(), strict=True):
        k = pid[(a, b)]
        if s > 0:
            c[k] += 1.0
        else:
            c[k] -= 1.0
            const += 1.0
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    r = 0
    for i, j, k in itertools.combinations(range(n), 3):
        ij, jk, ik = pid[(i, j)], pid[(j, k)], pid[(i, k)]
        # "apart" is transitive in reverse: together(i,j) & together(j,k) => together(i,k)
        for a, b, cc in ((ik, ij, jk), (ij, ik, jk), (jk, ij, ik)):
            rows += [r, r, r]
            cols += [a, b, cc]
            vals += [1.0, -1.0, -1.0]
            r += 1
    A = sp.csr_matrix((vals, (rows, cols)), shape=(r, len(pairs)))
    options: dict[str, Any] = {"disp": False, "mip_rel_gap": 0.0}
    if time_limit is not None:
        options["time_limit"] = time_limit
    res = milp(
        c,
        integrality=np.ones(len(pairs)),
        bounds=Bounds(0, 1),
        constraints=LinearConstraint(A, -np.inf, 0.0) if r else None,
        options=options,
    )
    if res.x is None:
        raise AnalysisError(f"the weak-balance MILP found no solution ({res.message})")
    z = np.rint(res.x)
    labels = -np.ones(n, dtype=np.int64)
    nxt = 0
    for i in range(n):
        if labels[i] >= 0:
            continue
        labels[i] = nxt
        for j in range(i + 1, n):
            if labels[j] < 0 and z[pid[(i, j)]] < 0.5:
                labels[j] = nxt
        nxt += 1
    return labels, res.status == 0


def _weak_local(arr: SignedArrays, seed: int, deadline: float) -> np.ndarray:
    """Correlation clustering heuristic: pivot start, then best single-vertex moves."""
    rng = np.random.default_rng(seed)
    n = arr.n
    A = _csr(arr)
    indptr, indices, data = A.indptr, A.indices, A.data
    labels = -np.ones(n, dtype=np.int64)
    nxt = 0
    for p in rng.permutation(n).tolist():
        if labels[p] >= 0:
            continue
        labels[p] = nxt
        nb = indices[indptr[p] : indptr[p + 1]]
        pos = nb[(data[indptr[p] : indptr[p + 1]] > 0) & (labels[nb] < 0)]
        labels[pos] = nxt
        nxt += 1
    improved = True
    rounds = 0
    while improved and rounds < 50 and time.perf_counter() < deadline:
        improved = False
        rounds += 1
        for i in rng.permutation(n).tolist():
            lo, hi = indptr[i], indptr[i + 1]
            nb, w = indices[lo:hi], data[lo:hi]
            if nb.size == 0:
                continue
            labs = labels[nb]
            # cost of i in camp c = positive ties leaving c + negative ties inside c
            pos_total = float(w[w > 0].sum())
            score: dict[int, float] = {}
            for lab, wt in zip(labs.tolist(), w.tolist(), strict=True):
                score[lab] = score.get(lab, 0.0) + wt
            own = int(labels[i])
            cur = pos_total - score.get(own, 0.0)
            best_lab, best_cost = own, cur
            for lab, sc in score.items():
                cost = pos_total - sc
                if cost < best_cost - _EPS:
                    best_lab, best_cost = lab, cost
            if pos_total < best_cost - _EPS:  # alone in a new camp
                best_lab, best_cost = nxt, pos_total
                nxt += 1
            if best_lab != own:
                labels[i] = best_lab
                improved = True
    return labels


def weak_frustration(
    G: nx.Graph | SignedArrays,
    *,
    exact: bool | None = None,
    time_limit: float | None = None,
    seed: int = 0,
    exact_node_limit: int = 40,
) -> WeakBalanceResult:
    """Weak-balance frustration: fewest disagreeing ties when any number of camps is allowed.

    A tie disagrees when it is positive between camps or negative within one (correlation
    clustering). Exact by MILP over node pairs with triangle inequalities for small graphs
    (``exact=None`` means: when the graph has at most ``exact_node_limit`` nodes), otherwise a
    pivot start refined by single-vertex moves.

    Args:
        G: an undirected signed graph.
        exact: force (True) or forbid (False) the MILP; None decides by size.
        time_limit: seconds for the MILP or the heuristic.
        seed: random seed of the heuristic.
        exact_node_limit: the size up to which ``exact=None`` uses the MILP.

    Returns:
        A :class:`WeakBalanceResult`.
    """
    start = time.perf_counter()
    arr = G if isinstance(G, SignedArrays) else to_arrays(G, "weak balance")
    if exact is None:
        exact = arr.n <= exact_node_limit
    proved = False
    if arr.n == 0:
        labels = np.zeros(0, dtype=np.int64)
    elif exact:
        labels, proved = _weak_milp(arr, time_limit)
    else:
        budget = time_limit if time_limit is not None else 10.0
        labels = _weak_local(arr, seed, start + budget)
    same = labels[arr.u] == labels[arr.v]
    bad = np.where(arr.sign > 0, ~same, same)
    groups: dict[int, list[Hashable]] = {}
    for i, lab in enumerate(labels.tolist()):
        groups.setdefault(lab, []).append(arr.nodes[i])
    clusters = sorted(
        (sorted(g, key=str) for g in groups.values()), key=lambda g: (-len(g), str(g[0]))
    )
    return WeakBalanceResult(
        index=int(bad.sum()),
        exact=proved,
        clusters=clusters,
        disagreements=[
            (arr.nodes[a], arr.nodes[b])
            for a, b in zip(arr.u[bad].tolist(), arr.v[bad].tolist(), strict=True)
        ],
        seconds=time.perf_counter() - start,
    )
