"""Odd cycles: bidirectional BFS routing, the LP's cycle separation, the path-packing bound."""

from __future__ import annotations

import time

import numpy as np
import scipy.sparse as sp
from scipy.sparse import csgraph

from .._arrays import SignedArrays
from ._kernel import _Block


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
    cover = _DoubleCover(blk, f, x)
    ncomp, N, ca, cb, o, fr = cover.ncomp, cover.N, cover.ca, cover.cb, cover.o, cover.fr
    sources = np.unique(ca)
    row_of = np.full(ncomp, -1, dtype=np.int64)
    found: list[tuple[float, np.ndarray, np.ndarray]] = []
    seen: set[bytes] = set()
    chunk = max(1, 2_000_000 // max(N, 1))
    for k0 in range(0, sources.shape[0], chunk):
        if time.perf_counter() > deadline or len(found) >= 2 * max_cuts:
            break
        src = sources[k0 : k0 + chunk]
        dist, pred = csgraph.dijkstra(
            cover.D, directed=False, indices=src, return_predecessors=True, limit=1.0
        )
        row_of[src] = np.arange(src.shape[0])
        mine = np.flatnonzero(np.isin(ca, src))
        r = row_of[ca[mine]]
        via_keep = fr[mine] + dist[r, cb[mine] + (1 - o[mine]) * ncomp]
        via_flip = 1.0 - fr[mine] + dist[r, cb[mine] + o[mine] * ncomp]
        best = np.minimum(via_keep, via_flip)
        for k in np.flatnonzero(best < 1.0 - 1e-6).tolist():
            j = int(mine[k])
            flip = bool(via_flip[k] < via_keep[k])
            target = int(cb[j]) + ((int(o[j]) ^ flip ^ 1) * ncomp)
            verts, flips = cover.walk_back(int(cover.rel[j]), flip, pred[int(r[k])], target)
            cut = _cycle_from_walk(blk, cover.odd, f, verts, flips)
            if cut is None:
                continue
            viol, ce, cf = cut
            ckey = np.sort(2 * ce + cf).tobytes()
            if ckey not in seen:
                seen.add(ckey)
                found.append((viol, ce, cf))
    found.sort(key=lambda t: t[0])
    return [(ce, cf) for _, ce, cf in found[:max_cuts]]


class _DoubleCover:
    """The contracted double cover searched by :func:`_odd_cycles`.

    Ties the camps ``x`` satisfy at ``f_e = 0`` are contracted (component ``c`` in layer ``p``
    is node ``c + p * ncomp``); every other tie gives arcs that keep or change the layer, and
    only the cheapest arc between two nodes is kept in the sparse distance matrix ``D``.
    """

    def __init__(self, blk: _Block, f: np.ndarray, x: np.ndarray) -> None:
        n = blk.n
        self.odd = odd = blk.odd ^ (x[blk.u] != x[blk.v])
        zero = (f < 1e-6) & ~odd  # interior-point solutions leave tiny nonzeros
        zu, zv = blk.u[zero], blk.v[zero]
        ncomp, label = csgraph.connected_components(
            sp.csr_matrix((np.ones(zu.shape[0]), (zu, zv)), shape=(n, n)), directed=False
        )
        self.router = _Router(n, zu, zv, np.flatnonzero(zero), blk.m)
        self.rel = rel = np.flatnonzero(~zero)
        ca, cb, o = label[blk.u[rel]], label[blk.v[rel]], odd[rel].astype(np.int64)
        fr = np.clip(f[rel], 0.0, 1.0)
        arc_rel = np.concatenate([rel, rel, rel, rel])
        arc_flip = np.repeat(np.array([False, False, True, True]), rel.shape[0])
        tail = np.concatenate([ca, ca + ncomp, ca, ca + ncomp])
        head = np.concatenate([cb + o * ncomp, cb + (1 - o) * ncomp,
                               cb + (1 - o) * ncomp, cb + o * ncomp])  # fmt: skip
        cost = np.concatenate([fr, fr, 1.0 - fr, 1.0 - fr])
        ok = tail != head
        tail, head, cost, arc_rel, arc_flip = (
            tail[ok],
            head[ok],
            cost[ok],
            arc_rel[ok],
            arc_flip[ok],
        )
        N = 2 * ncomp
        key = np.minimum(tail, head) * N + np.maximum(tail, head)
        srt = np.lexsort((cost, key))
        first = np.ones(srt.shape[0], dtype=bool)
        first[1:] = key[srt[1:]] != key[srt[:-1]]
        pick = srt[first]
        tail, head, cost, self.arc_rel, self.arc_flip = (
            a[pick] for a in (tail, head, cost, arc_rel, arc_flip)
        )
        self.akey = key[pick]
        self.D = sp.csr_matrix((cost + 1e-9, (tail, head)), shape=(N, N))  # csgraph drops zeros
        self.ncomp, self.N, self.ca, self.cb, self.o, self.fr = ncomp, N, ca, cb, o, fr
        self.u_list, self.v_list = blk.u.tolist(), blk.v.tolist()
        self.lab = label.tolist()

    def walk_back(
        self, e: int, flip: bool, prow: np.ndarray, target: int
    ) -> tuple[list[int], list[bool]]:
        """The closed walk of tie ``e`` and the shortest path back, expanded to block nodes."""
        u_list, v_list, ncomp, N = self.u_list, self.v_list, self.ncomp, self.N
        verts, flips = [u_list[e], v_list[e]], [flip]
        z = target
        while True:
            y = int(prow[z])
            if y < 0:
                break
            a = int(np.searchsorted(self.akey, min(y, z) * N + max(y, z)))
            g = int(self.arc_rel[a])
            gu, gv = u_list[g], v_list[g]
            if self.lab[gu] != z % ncomp:
                gu, gv = gv, gu
            _zero_path(verts, flips, gu, self.router)
            verts.append(gv)
            flips.append(bool(self.arc_flip[a]))
            z = y
        _zero_path(verts, flips, u_list[e], self.router)
        return verts, flips


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
