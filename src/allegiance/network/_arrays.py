"""Signed graphs as flat numpy arrays (CSR), the form the numeric algorithms work on.

Internal: the measures convert a networkx graph once with :func:`to_arrays` and then use
vectorised code, never a Python dict per edge in an inner loop.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import numpy as np
import scipy.sparse as sp

from ..errors import AnalysisError, Messages

__all__ = ["SignedArrays", "edge_sign", "to_arrays"]


def edge_sign(data: dict[str, Any], what: str = "this measure") -> int:
    """The sign (-1, 0 or +1) stored on an edge, from ``sign`` (or else ``weight``).

    Raises:
        AnalysisError: when the edge carries neither, or a non-numeric value.
    """
    value = data.get("sign", data.get("weight"))
    if value is None:
        raise AnalysisError(Messages.NOT_SIGNED.format(what=what))
    try:
        num = float(value)
    except (TypeError, ValueError) as exc:
        raise AnalysisError(Messages.NOT_SIGNED.format(what=what)) from exc
    return int(np.sign(num))


@dataclass
class SignedArrays:
    """An undirected signed graph: nodes ``0..n-1`` and edge arrays ``u < v``.

    Attributes:
        nodes: the original node ids, by index.
        u, v: edge endpoints (int64), one entry per undirected edge.
        sign: edge signs (+1/-1, int8).
        weight: edge weights (float64), 1 for plain graphs.
    """

    nodes: list[Hashable]
    u: np.ndarray
    v: np.ndarray
    sign: np.ndarray
    weight: np.ndarray
    index: dict[Hashable, int] = field(default_factory=dict)

    @property
    def n(self) -> int:
        """Number of nodes."""
        return len(self.nodes)

    @property
    def m(self) -> int:
        """Number of edges."""
        return int(self.u.shape[0])

    def adjacency(self, signed: bool = True) -> sp.csr_matrix:
        """Symmetric CSR adjacency with entries ``sign * weight`` (or ``weight``)."""
        vals = self.weight * self.sign if signed else self.weight
        rows = np.concatenate([self.u, self.v])
        cols = np.concatenate([self.v, self.u])
        data = np.concatenate([vals, vals]).astype(np.float64)
        return sp.csr_matrix((data, (rows, cols)), shape=(self.n, self.n))

    def frustrated(self, side: np.ndarray) -> np.ndarray:
        """Boolean mask of the edges frustrated by a 0/1 partition ``side``."""
        same = side[self.u] == side[self.v]
        return np.where(self.sign > 0, ~same, same)

    def cost(self, side: np.ndarray) -> float:
        """Total weight of the frustrated edges under ``side``."""
        return float(self.weight[self.frustrated(side)].sum())


def to_arrays(G: nx.Graph, what: str = "this measure") -> SignedArrays:
    """Convert a signed graph (edge attribute ``sign``) to :class:`SignedArrays`.

    Directed graphs are read as undirected; self-loops and zero-sign edges are dropped, as
    are duplicate pairs after the first.

    Raises:
        AnalysisError: when an edge has no sign.
    """
    nodes = list(G.nodes())
    index = {node: i for i, node in enumerate(nodes)}
    us: list[int] = []
    vs: list[int] = []
    ss: list[int] = []
    seen: set[tuple[int, int]] = set()
    for a, b, data in G.edges(data=True):
        s = edge_sign(data, what)
        i, j = index[a], index[b]
        if i == j or s == 0:
            continue
        key = (min(i, j), max(i, j))
        if key in seen:
            continue
        seen.add(key)
        us.append(key[0])
        vs.append(key[1])
        ss.append(s)
    m = len(us)
    return SignedArrays(
        nodes=nodes,
        u=np.asarray(us, dtype=np.int64),
        v=np.asarray(vs, dtype=np.int64),
        sign=np.asarray(ss, dtype=np.int8),
        weight=np.ones(m, dtype=np.float64),
        index=index,
    )
