"""Cross-outlet comparison: how outlets tell the same story.

Per outlet: actors covered, ties with their sign, per-actor tone, sources quoted (named or
anonymous, by affiliation) and numbers reported; across outlets: ties only one reports, ties
with opposite signs, numbers that differ (over time or at one time) and actors one covers and
another ignores.
"""

from __future__ import annotations

from .actors import KBActors
from .affiliation import (
    AFFILIATIONS,
    SourceLexicon,
    classify_source,
    default_source_lexicon,
    load_source_lexicon,
)
from .differences import outlet_differences
from .model import (
    ActorCoverage,
    NotCovered,
    NumberDifference,
    NumberValue,
    OnlyIn,
    OppositeSign,
    OutletComparison,
    OutletDifferences,
    OutletProfile,
    ReportedNumber,
    SourceEntry,
    Sources,
    Tie,
    Tone,
)
from .outlets import UNKNOWN, ActorInfo, compare_outlets

__all__ = [
    "AFFILIATIONS",
    "UNKNOWN",
    "ActorCoverage",
    "ActorInfo",
    "KBActors",
    "NotCovered",
    "NumberDifference",
    "NumberValue",
    "OnlyIn",
    "OppositeSign",
    "OutletComparison",
    "OutletDifferences",
    "OutletProfile",
    "ReportedNumber",
    "SourceEntry",
    "SourceLexicon",
    "Sources",
    "Tie",
    "Tone",
    "classify_source",
    "compare_outlets",
    "default_source_lexicon",
    "load_source_lexicon",
    "outlet_differences",
]
