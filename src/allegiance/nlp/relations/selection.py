"""Selection: one candidate per argument pair and trigger."""

from __future__ import annotations

from typing import Any

from .candidates import Candidate

__all__ = ["select"]


def select(cands: list[Candidate]) -> list[Candidate]:
    """One relation per argument pair and trigger; a specific trigger beats a generic
    preposition for the same pair."""
    best: dict[tuple[Any, ...], Candidate] = {}
    for cand in cands:
        key = (cand.source.key(), cand.target.key(), cand.trigger_start)
        old = best.get(key)
        if old is None or (cand.rank, -cand.confidence) < (old.rank, -old.confidence):
            best[key] = cand
    chosen = sorted(best.values(), key=lambda c: (c.trigger_start, c.source.start, c.target.start))
    specific_pairs = {frozenset((c.source.key(), c.target.key())) for c in chosen if c.rank < 3}
    return [
        c
        for c in chosen
        if c.rank < 3 or frozenset((c.source.key(), c.target.key())) not in specific_pairs
    ]
