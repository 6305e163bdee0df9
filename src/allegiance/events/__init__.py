"""One event, many reports: relations that report the same happening, clustered (docs/events.md)."""

from __future__ import annotations

from .cluster import EventOptions, cluster_events, event_timeline, report_similarity
from .score import GoldItem, PairScores, load_gold, score_pairs
from .split import CategoryFamilies, is_event_report

__all__ = [
    "CategoryFamilies",
    "EventOptions",
    "GoldItem",
    "PairScores",
    "cluster_events",
    "event_timeline",
    "is_event_report",
    "load_gold",
    "report_similarity",
    "score_pairs",
]
