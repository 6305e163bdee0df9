"""Scoring quantities against hand-annotated gold (tests/data/quantities_gold format).

Gold lists every quantity of each annotated document. A predicted quantity matches a gold one
of the same document when their character spans overlap (one-to-one, greedy by overlap); it is
a true positive when the values are equal too (relative tolerance 1e-6). Only documents marked
``annotated`` in the gold are scored, so precision is measured on them.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..schema import Quantity
from .matching import match_by_overlap
from .mentions import Scores

__all__ = ["QuantityScores", "load_quantity_gold", "score_quantities", "score_quantity_values"]


@dataclass(frozen=True, slots=True)
class QuantityScores(Scores):
    """Value precision/recall/F1 (``tp``: span and value match), and span matches alone."""

    matched: int = 0


def load_quantity_gold(path: str | Path) -> tuple[set[str], list[dict[str, Any]]]:
    """Read gold quantities: (ids of the annotated documents, quantity rows)."""
    docs: set[str] = set()
    rows: list[dict[str, Any]] = []
    with Path(path).open(encoding="utf-8") as fp:
        for line in fp:
            if not line.strip():
                continue
            obj = json.loads(line)
            if obj.get("annotated"):
                docs.add(obj["doc_id"])
            else:
                rows.append(obj)
    return docs, rows


def score_quantities(
    predicted: Iterable[Quantity], docs: set[str], gold: list[dict[str, Any]]
) -> QuantityScores:
    """Score predicted quantities of the annotated documents against the gold ones."""
    preds = [q for q in predicted if q.doc_id in docs]
    matched = match_by_overlap(preds, gold)
    tp = sum(
        math.isclose(preds[i].value, float(gold[j]["value"]), rel_tol=1e-6) for i, j in matched
    )
    return QuantityScores.from_counts(tp, len(preds), len(gold), matched=len(matched))


def _close(a: float | None, b: Any, rel_tol: float) -> bool:
    return a is not None and b is not None and math.isclose(a, float(b), rel_tol=rel_tol)


def score_quantity_values(
    predicted: Iterable[Quantity],
    docs: set[str],
    gold: list[dict[str, Any]],
    *,
    rel_tol: float = 0.005,
) -> QuantityScores:
    """Value P/R/F1 with a tolerance, and range ends checked (tests/data/quantities_news_gold).

    A predicted quantity of an annotated document is correct when its span overlaps a gold one
    (one-to-one, greedy by overlap), its value is within ``rel_tol`` of the gold value, and,
    when the gold row is a range (has ``low`` and ``high``), so are its ``low`` and ``high``.

    >>> from allegiance.schema import SentenceRef
    >>> s = SentenceRef(text="x", start=0, end=1)
    >>> q = Quantity(id="d:n0", doc_id="d", text="$1m", start=0, end=3, value=1e6, sentence=s)
    >>> score_quantity_values([q], {"d"}, [{"doc_id": "d", "start": 0, "end": 3, "value": 1.002e6}]).f1
    1.0
    """
    preds = [q for q in predicted if q.doc_id in docs]
    matched = match_by_overlap(preds, gold)
    tp = 0
    for i, j in matched:
        p, g = preds[i], gold[j]
        ok = _close(p.value, g["value"], rel_tol)
        if ok and g.get("low") is not None and g.get("high") is not None:
            ok = _close(p.low, g["low"], rel_tol) and _close(p.high, g["high"], rel_tol)
        tp += ok
    return QuantityScores.from_counts(tp, len(preds), len(gold), matched=len(matched))
