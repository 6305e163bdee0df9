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
from .mentions import Scores

__all__ = ["QuantityScores", "load_quantity_gold", "score_quantities"]


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
    pairs: list[tuple[int, int, int]] = []
    for i, q in enumerate(preds):
        for j, g in enumerate(gold):
            if g["doc_id"] == q.doc_id:
                ov = min(q.end, g["end"]) - max(q.start, g["start"])
                if ov > 0:
                    pairs.append((ov, i, j))
    pairs.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    tp = 0
    for _, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        tp += math.isclose(preds[i].value, float(gold[j]["value"]), rel_tol=1e-6)
    return QuantityScores.from_counts(tp, len(preds), len(gold), matched=len(used_p))
