"""Local search for two-camp partitions: spectral and BFS starts, greedy descent and tabu search."""

from __future__ import annotations

import time

import numpy as np
import scipy.sparse as sp
from scipy.sparse import csgraph

from .._arrays import SignedArrays

_EPS = 1e-6


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
