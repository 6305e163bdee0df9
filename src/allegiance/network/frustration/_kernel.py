"""Reductions that keep the frustration index exact: the kernel and its unbalanced blocks."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import scipy.sparse as sp

from .._arrays import SignedArrays


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
