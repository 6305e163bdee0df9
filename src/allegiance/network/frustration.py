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
        """Remove vertices of degree <= 2 until none is left (each step keeps L exact)."""
        queue = [i for i, nb in self.adj.items() if len(nb) <= 2]
        while queue:
            w = queue.pop()
            nb = self.adj.get(w)
            if nb is None or len(nb) > 2:
                continue
            items = [(x, (1 if p[0] > 0 else -1), max(p)) for x, p in nb.items()]
            del self.adj[w]
            for x, _, _ in items:
                del self.adj[x][w]
            if len(items) == 0:
                self.stack.append(("free", w))
            elif len(items) == 1:
                x, s, _ = items[0]
                self.stack.append(("leaf", w, x, s))
                queue.append(x)
            else:
                (x, s1, c1), (y, s2, c2) = items
                # A path x-w-y costs min(c1, c2) exactly when x, y violate the sign s1*s2.
                self.stack.append(("series", w, x, s1, c1, y, s2, c2))
                self._add(x, y, s1 * s2, min(c1, c2))
                queue.extend((x, y))

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


def _block_milp(
    nodes: list[int],
    edges: list[tuple[int, int, int, float]],
    time_limit: float | None,
) -> tuple[dict[int, int], float, float, bool]:
    """Solve one block exactly; returns (assignment, cost, lower bound, proved optimal)."""
    n = len(nodes)
    m = len(edges)
    pos = {v: i for i, v in enumerate(nodes)}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    lb: list[float] = []
    ub: list[float] = []
    r = 0
    c = np.zeros(n + m)
    const = 0.0
    eid: dict[tuple[int, int], int] = {}
    deg = np.zeros(n)
    for k, (a, b, s, w) in enumerate(edges):
        i, j, y = pos[a], pos[b], n + k
        eid[(i, j)] = eid[(j, i)] = y
        deg[i] += 1
        deg[j] += 1
        # y = 1 iff the endpoints are split: positive ties need the lower bounds,
        # negative ties (which the objective pushes up) the upper bounds.
        if s > 0:
            c[y] = w
            for si, sj in ((-1.0, 1.0), (1.0, -1.0)):
                rows += [r, r, r]
                cols += [y, i, j]
                vals += [1.0, si, sj]
                lb.append(0.0)
                ub.append(np.inf)
                r += 1
        else:
            c[y] = -w
            const += w
            for si, rhs in ((-1.0, 0.0), (1.0, 2.0)):
                rows += [r, r, r]
                cols += [y, i, j]
                vals += [1.0, si, si]
                lb.append(-np.inf)
                ub.append(rhs)
                r += 1
    # Triangle (metric) inequalities of the cut polytope strengthen the LP relaxation.
    nbrs: dict[int, set[int]] = {i: set() for i in range(n)}
    for a, b, _, _ in edges:
        nbrs[pos[a]].add(pos[b])
        nbrs[pos[b]].add(pos[a])
    n_tri = 0
    for i in range(n):
        for j in nbrs[i]:
            if j <= i:
                continue
            for k in nbrs[i] & nbrs[j]:
                if k <= j:
                    continue
                ya, yb, yc = eid[(i, j)], eid[(j, k)], eid[(i, k)]
                for coef in ((1, 1, 1), (1, -1, -1), (-1, 1, -1), (-1, -1, 1)):
                    rows += [r, r, r]
                    cols += [ya, yb, yc]
                    vals += [float(x) for x in coef]
                    lb.append(-np.inf)
                    ub.append(2.0 if coef == (1, 1, 1) else 0.0)
                    r += 1
                n_tri += 1
    A = sp.csr_matrix((vals, (rows, cols)), shape=(r, n + m))
    lo = np.zeros(n + m)
    hi = np.ones(n + m)
    hi[int(np.argmax(deg))] = 0.0  # symmetry: flipping every camp gives the same cost
    integrality = np.concatenate([np.ones(n), np.zeros(m)])
    options: dict[str, Any] = {"disp": False, "mip_rel_gap": 0.0}
    if time_limit is not None:
        options["time_limit"] = max(time_limit, 0.01)
    res = milp(
        c,
        integrality=integrality,
        bounds=Bounds(lo, hi),
        constraints=LinearConstraint(A, lb, ub) if r else None,
        options=options,
    )
    if res.x is None:
        raise AnalysisError(f"the frustration MILP found no solution ({res.message})")
    x = np.rint(res.x[:n]).astype(int)
    side = {v: int(x[pos[v]]) for v in nodes}
    cost = 0.0
    for a, b, s, w in edges:
        split = side[a] != side[b]
        if (s > 0) == split:
            cost += w
    bound = getattr(res, "mip_dual_bound", None)
    lower = cost if res.status == 0 else (bound + const if bound is not None else 0.0)
    return side, cost, min(lower, cost), res.status == 0


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


def _exact(
    arr: SignedArrays, time_limit: float | None, start: float
) -> tuple[np.ndarray, float, bool, dict[str, Any]]:
    kern = _Kernel(arr)
    kern.reduce()
    K = nx.Graph()
    for a, nb in kern.adj.items():
        K.add_node(a)
        for b in nb:
            if a < b:
                K.add_edge(a, b)
    stats: dict[str, Any] = {
        "kernel_nodes": K.number_of_nodes(),
        "kernel_edges": K.number_of_edges(),
        "blocks": 0,
        "milp_blocks": 0,
    }
    side: dict[int, int] = {}
    lower = kern.const
    proved = True
    blocks = [sorted(b) for b in nx.biconnected_components(K)]
    stats["blocks"] = len(blocks)
    # Order blocks so each shares at most one (cut) vertex with those already placed.
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
        queue = [root]
        while queue:
            bi = queue.pop(0)
            order.append(blocks[bi])
            for v in blocks[bi]:
                for bj in by_vertex[v]:
                    if not seen[bj]:
                        seen[bj] = True
                        queue.append(bj)
    for nodes in order:
        local = _balanced_sides(nodes, kern.adj)
        if local is None:
            members = set(nodes)
            edges = [
                (a, b, 1 if p[0] > 0 else -1, max(p))
                for a in nodes
                for b, p in kern.adj[a].items()
                if a < b and b in members
            ]
            remaining = None
            if time_limit is not None:
                remaining = time_limit - (time.perf_counter() - start)
            local, _cost, low, ok = _block_milp(nodes, edges, remaining)
            stats["milp_blocks"] += 1
            lower += low
            proved = proved and ok
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


def _cycle_packing_bound(arr: SignedArrays, deadline: float, rng: np.random.Generator) -> int:
    """Edge-disjoint unbalanced cycles (each needs one frustrated edge): a lower bound on L."""
    n, m = arr.n, arr.m
    if m == 0:
        return 0
    alive = np.ones(m, dtype=bool)
    found = 0
    for _round in range(50):
        if time.perf_counter() > deadline:
            break
        ids = np.flatnonzero(alive)
        if ids.size == 0:
            break
        u, v, sg = arr.u[ids], arr.v[ids], arr.sign[ids]
        E = sp.csr_matrix(
            (np.concatenate([ids, ids]) + 1, (np.concatenate([u, v]), np.concatenate([v, u]))),
            shape=(n, n),
        )
        _, labels = csgraph.connected_components(E, directed=False)
        parent = np.full(n, -1, dtype=np.int64)
        depth = np.zeros(n, dtype=np.int64)
        parity = np.zeros(n, dtype=np.int8)
        pedge = np.full(n, -1, dtype=np.int64)
        done_comp: set[int] = set()
        for root in rng.permutation(n).tolist():
            lab = int(labels[root])
            if lab in done_comp:
                continue
            done_comp.add(lab)
            order, pred = csgraph.breadth_first_order(
                E, root, directed=False, return_predecessors=True
            )
            if order.shape[0] < 2:
                continue
            child = order[1:]
            par = pred[child]
            eids = np.asarray(E[par, child]).ravel().astype(np.int64) - 1
            parent[child] = par
            pedge[child] = eids
            neg = arr.sign[eids] < 0
            for c, p, f in zip(child.tolist(), par.tolist(), neg.tolist(), strict=True):
                depth[c] = depth[p] + 1
                parity[c] = parity[p] ^ (1 if f else 0)
        tree = np.zeros(m, dtype=bool)
        tree[pedge[pedge >= 0]] = True
        # Non-tree edges that close an unbalanced fundamental cycle, shortest first.
        bad = (~tree[ids]) & ((parity[u] ^ parity[v]) != (sg < 0).astype(np.int8))
        cand = ids[bad]
        if cand.size == 0:
            break
        length = depth[arr.u[cand]] + depth[arr.v[cand]]
        cand = cand[np.argsort(length, kind="stable")]
        used = np.zeros(m, dtype=bool)
        new = 0
        for k, e in enumerate(cand.tolist()):
            if (k & 1023) == 0 and time.perf_counter() > deadline:
                break
            if used[e]:
                continue
            a, b = int(arr.u[e]), int(arr.v[e])
            path = [e]
            ok = True
            while a != b:
                if depth[a] < depth[b]:
                    a, b = b, a
                pe = int(pedge[a])
                if used[pe]:
                    ok = False
                    break
                path.append(pe)
                a = int(parent[a])
            if ok:
                used[path] = True
                new += 1
        found += new
        alive &= ~used
        if new == 0:
            break
    return found


def _heuristic(
    arr: SignedArrays, time_limit: float | None, seed: int, start: float
) -> tuple[np.ndarray, int, dict[str, Any]]:
    rng = np.random.default_rng(seed)
    n, m = arr.n, arr.m
    budget = time_limit if time_limit is not None else min(30.0, 1.0 + m / 50_000)
    deadline = start + budget
    if m == 0:
        return np.zeros(n, dtype=np.int8), 0, {}
    A = _csr(arr)
    bound_deadline = time.perf_counter() + 0.25 * budget
    lower = _cycle_packing_bound(arr, bound_deadline, rng)
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
        side = (s < 0).astype(np.int8)
        cost = arr.cost(side)
        if cost < best:
            best, best_s, best_name = cost, s, name
        if best <= lower or time.perf_counter() > deadline:
            break
    assert best_s is not None
    max_iter = 200 * n + 5000
    if best > lower:
        s, cost = _tabu(A, best_s.copy(), deadline, max_iter, float(lower), rng)
        if cost < best - _EPS:
            best, best_s = cost, s
            best_name += "+tabu"
    side = (best_s < 0).astype(np.int8)
    return side, lower, {"start": best_name}


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

    With ``exact=True`` the graph is reduced (degree-1 and degree-2 vertices eliminated,
    parallel ties merged, biconnected blocks solved separately; each step keeps ``L`` exact)
    and every unbalanced block is solved by a MILP (SciPy/HiGHS) that proves optimality. With
    ``exact=False`` a multi-start local search (spectral, BFS-tree and random starts,
    vectorised parallel flips, then tabu search) returns a partition, and an edge-disjoint
    packing of unbalanced cycles gives a lower bound.

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
        side, lower, stats = _heuristic(arr, min(quick, 5.0), seed, time.perf_counter())
        proved = shortcut and int(arr.frustrated(side).sum()) <= lower
        method = "heuristic+bound"
        if not proved:
            h_side, h_lower = side, lower
            side, lower_f, proved, stats = _exact(arr, time_limit, start)
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
