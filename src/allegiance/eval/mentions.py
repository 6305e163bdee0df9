"""Scoring actor mentions against re3d gold entity spans.

Gold: the re3d entities of type Organisation, Person and Nationality (confidence >= 0.5).
Matching is by overlap, as the task asks ("a mention overlapping a gold span counts"):

- recall = gold spans overlapped by at least one predicted mention / all gold spans;
- precision = predicted mentions overlapping at least one gold span (of any of the three types)
  / all predicted mentions.

So ``tp`` counts matched gold spans, ``fn`` unmatched gold spans and ``fp`` predicted mentions that
overlap no gold span. re3d annotations are not exhaustive, so precision is a lower bound.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Self

from .re3d import Re3dGold, load_re3d

__all__ = ["GOLD_TYPES", "Scores", "evaluate_mentions", "predict_mentions", "score_mentions"]

#: The re3d entity types that count as actor mentions.
GOLD_TYPES: frozenset[str] = frozenset({"Organisation", "Person", "Nationality"})


@dataclass(frozen=True, slots=True)
class Scores:
    """Precision, recall and F1 with the counts behind them.

    The one score record of the scorers (mentions, relations, quotes, quantities); a scorer
    that reports more subclasses it with its extra counts.
    """

    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    fn: int
    n_gold: int = 0
    n_pred: int = 0

    @classmethod
    def from_counts(cls, tp: int, n_pred: int, n_gold: int, **extra: Any) -> Self:
        """Scores of ``tp`` one-to-one matches among ``n_pred`` predictions and ``n_gold`` gold.

        Args:
            tp: matched (true positive) pairs.
            n_pred: predictions.
            n_gold: gold items.
            extra: the fields a subclass adds.

        >>> s = Scores.from_counts(3, 4, 6)
        >>> (s.precision, s.recall, s.f1, s.fp, s.fn)
        (0.75, 0.5, 0.6, 1, 3)
        """
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(precision, recall, f1, tp, n_pred - tp, n_gold - tp, n_gold, n_pred, **extra)

    def as_dict(self) -> dict[str, Any]:
        """The scores as a plain mapping (for JSON output)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_mentions(
    gold: Re3dGold,
    predicted_spans_by_doc: Mapping[str, Iterable[tuple[int, int]]],
    *,
    types: frozenset[str] = GOLD_TYPES,
) -> Scores:
    """Score predicted mention spans (character offsets) against the gold spans by overlap.

    Args:
        gold: the loaded gold set.
        predicted_spans_by_doc: for each document id, ``(start_char, end_char)`` of every mention;
            documents missing here have no predictions.
        types: the gold entity types that count.

    Returns:
        :class:`Scores` (see the module docstring for the definitions).

    >>> from allegiance.eval.re3d import Re3dDocument, Re3dEntity
    >>> g = Re3dGold({"d": Re3dDocument("d", "", "ISIL and Iraq")},
    ...              {"d": [Re3dEntity("d", 0, 4, "Organisation", "ISIL")]}, {"d": []})
    >>> s = score_mentions(g, {"d": [(0, 4), (9, 13)]})
    >>> (s.recall, s.precision)
    (1.0, 0.5)
    """
    tp = fn = fp = n_pred = 0
    for doc_id in gold.documents:
        gold_spans = [(e.begin, e.end) for e in gold.entities_of(doc_id, types)]
        preds = list(predicted_spans_by_doc.get(doc_id, ()))
        n_pred += len(preds)
        for g in gold_spans:
            if any(_overlaps(g, p) for p in preds):
                tp += 1
            else:
                fn += 1
        fp += sum(1 for p in preds if not any(_overlaps(p, g) for g in gold_spans))
    n_gold = tp + fn
    recall = tp / n_gold if n_gold else 0.0
    precision = (n_pred - fp) / n_pred if n_pred else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(round(precision, 4), round(recall, 4), round(f1, 4), tp, fp, fn, n_gold, n_pred)


def predict_mentions(
    gold: Re3dGold, nlp: Any, *, key: str = "actors"
) -> dict[str, list[tuple[int, int]]]:
    """Run a pipeline over the gold texts; the character spans of its actor mentions per document."""
    docs = list(gold)
    out: dict[str, list[tuple[int, int]]] = {}
    for gdoc, doc in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        spans = doc.spans.get(key, [])
        out[gdoc.id] = [(s.start_char, s.end_char) for s in spans]
    return out


def evaluate_mentions(gold_dir: str | Path, nlp: Any) -> Scores:
    """Load re3d gold from ``gold_dir``, run ``nlp`` on its texts and score the actor mentions.

    Args:
        gold_dir: a re3d directory (e.g. ``tests/data/re3d-dev``).
        nlp: a spaCy pipeline that fills ``doc.spans["actors"]`` (e.g. ``build_pipeline()``).
    """
    gold = load_re3d(gold_dir)
    return score_mentions(gold, predict_mentions(gold, nlp))
