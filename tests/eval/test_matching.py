"""One-to-one overlap matching shared by the quote and quantity scorers."""

from __future__ import annotations

from types import SimpleNamespace

from allegiance.eval.matching import match_by_overlap


def test_largest_overlap_wins_and_each_side_is_used_once():
    preds = [
        SimpleNamespace(doc_id="a", start=0, end=10),
        SimpleNamespace(doc_id="a", start=5, end=8),
        SimpleNamespace(doc_id="b", start=0, end=10),
    ]
    gold = [{"doc_id": "a", "start": 2, "end": 12}, {"doc_id": "c", "start": 0, "end": 10}]
    assert match_by_overlap(preds, gold) == [(0, 0)]
