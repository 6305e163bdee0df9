"""Frustration index: the fewest ties to flip or delete for strong balance, and the camps.

The frustration index (line index of balance) ``L`` of a signed graph is the minimum number of
edges that are *frustrated* (a positive tie across the two camps, or a negative tie inside one)
over all two-camp partitions. :func:`frustration_index` computes it exactly by integer
programming (SciPy's HiGHS MILP) after reductions that keep it exact, or with a fast vectorised
heuristic that also reports a lower bound. :func:`weak_frustration` does the same for weak
balance (any number of camps: correlation clustering).
"""

from __future__ import annotations

from .strong import FrustrationResult, frustration_index
from .weak import WeakBalanceResult, weak_frustration

__all__ = [
    "FrustrationResult",
    "WeakBalanceResult",
    "frustration_index",
    "weak_frustration",
]
