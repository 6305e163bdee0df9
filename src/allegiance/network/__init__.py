"""The signed actor network and its analysis.

Build the network from relation records (:func:`build_network`), then measure it: triangle
census and balance ratios (:mod:`.balance`), frustration index and camps
(:mod:`.frustration`), coalitions, uneasy alliances, exposure paths and what-if scenarios.
:func:`network_summary` gathers everything into one typed summary
(:class:`allegiance.bundle.NetworkSummary`).
"""

from __future__ import annotations

from .balance import (
    TRIANGLE_TYPES,
    balance_ratios,
    triangle_census,
    triangle_summary,
    unbalanced_triangles,
)
from .build import EXPORT_FORMATS, build_network, signed_graph, snapshots, write_graph
from .coalitions import camp_statistics, coalitions
from .frustration import FrustrationResult, WeakBalanceResult, frustration_index, weak_frustration
from .paths import exposure_paths
from .read import SIGN_SPELLINGS, GraphReadReport, parse_sign, read_graph
from .scenarios import whatif
from .summary import balance_summary, network_summary, tie_counts
from .ties import STATES, TieWeights, describe_tie, tie_state
from .uneasy import uneasy_alliances

__all__ = [
    "EXPORT_FORMATS",
    "SIGN_SPELLINGS",
    "STATES",
    "TRIANGLE_TYPES",
    "FrustrationResult",
    "GraphReadReport",
    "TieWeights",
    "WeakBalanceResult",
    "balance_ratios",
    "balance_summary",
    "build_network",
    "camp_statistics",
    "coalitions",
    "describe_tie",
    "exposure_paths",
    "frustration_index",
    "network_summary",
    "parse_sign",
    "read_graph",
    "signed_graph",
    "snapshots",
    "tie_counts",
    "tie_state",
    "triangle_census",
    "triangle_summary",
    "unbalanced_triangles",
    "uneasy_alliances",
    "weak_frustration",
    "whatif",
    "write_graph",
]
