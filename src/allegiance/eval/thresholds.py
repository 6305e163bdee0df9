"""Scores at several relation-confidence thresholds, from one pipeline run.

This is how docs/eval.md shows that precision rises with the threshold: the relations of each
document get their confidence (:func:`allegiance.nlp.confidence.calibrate`, as in extracted
records), and only those reaching the threshold are scored.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..nlp.confidence import ConfidenceModel, calibrate
from ..schema import Relation
from .mentions import Scores
from .plover import PloverScores, load_plover, predictions_from_relations, score_plover
from .re3d import load_re3d
from .relations import gold_signed, score_relations

__all__ = ["plover_by_threshold", "re3d_by_threshold"]


def re3d_by_threshold(
    gold_dir: str | Path,
    nlp: Any,
    thresholds: Sequence[float],
    model: ConfidenceModel | None = None,
) -> list[tuple[float, Scores]]:
    """Signed-relation scores on re3d gold keeping relations with confidence >= each threshold.

    Args:
        gold_dir: a directory of re3d folders.
        nlp: the allegiance pipeline.
        thresholds: confidence thresholds in [0, 1].
        model: the confidence weights (default: the bundled ones).
    """
    gold = load_re3d(gold_dir)
    docs = list(gold)
    relations: dict[str, list[Relation]] = {}
    for gdoc, doc in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        relations[gdoc.id] = calibrate(doc._.relations or [], doc, model)
    signed = gold_signed(gold)
    return [
        (
            t,
            score_relations(
                signed, {k: [r for r in v if r.confidence >= t] for k, v in relations.items()}
            ),
        )
        for t in thresholds
    ]


def plover_by_threshold(
    path: str | Path,
    nlp: Any,
    thresholds: Sequence[float],
    model: ConfidenceModel | None = None,
) -> list[tuple[float, PloverScores]]:
    """PLOVER detection, quad accuracy and prediction precision at each confidence threshold."""
    records = load_plover(path)
    predicted = [
        predictions_from_relations(calibrate(doc._.relations or [], doc, model))
        for doc in nlp.pipe(r.text for r in records)
    ]
    return [(t, score_plover(records, predicted, min_confidence=t)) for t in thresholds]
