"""Scoring quotes against hand-annotated gold (tests/data/quotes_gold format).

A predicted quote matches a gold quote of the same document when their character spans
overlap (one-to-one, greedy by overlap). Speaker accuracy is measured on matched quotes: the
speaker is right when the last word of the gold speaker appears among the predicted speaker's
words, or the other way round ("Galloway" for "Adrian Rankine-Galloway", "the release" for
"a Defense Department news release").
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..schema import Quote
from .matching import match_by_overlap
from .mentions import Scores

__all__ = ["QuoteScores", "load_quote_gold", "score_quotes", "speaker_matches"]


@dataclass(frozen=True, slots=True)
class QuoteScores(Scores):
    """Quote detection precision/recall/F1 and speaker accuracy on matched quotes."""

    speaker_right: int = 0

    @property
    def speaker_accuracy(self) -> float:
        """Share of matched quotes whose speaker is right."""
        return self.speaker_right / self.tp if self.tp else 0.0


def load_quote_gold(path: str | Path) -> list[dict[str, Any]]:
    """Read gold quotes (JSONL: doc_id, start, end, text, speaker, ...)."""
    with Path(path).open(encoding="utf-8") as fp:
        return [json.loads(line) for line in fp if line.strip()]


def _words(text: str) -> list[str]:
    return [w.lower() for w in re.findall(r"\w+", text)]


def speaker_matches(predicted: str | None, gold: str | None) -> bool:
    """Whether a predicted speaker text names the gold speaker (last-word rule)."""
    if not predicted or not gold:
        return not predicted and not gold
    p, g = _words(predicted), _words(gold)
    if not p or not g:
        return False
    return g[-1] in p or p[-1] in g


def score_quotes(predicted: Iterable[Quote], gold: list[dict[str, Any]]) -> QuoteScores:
    """Score predicted quotes of the gold documents against the gold quotes.

    Args:
        predicted: quotes produced for (at least) the documents named in ``gold``.
        gold: rows from :func:`load_quote_gold`.
    """
    docs = {g["doc_id"] for g in gold}
    preds = [q for q in predicted if q.doc_id in docs]
    matched = match_by_overlap(preds, gold)
    right = 0
    for i, j in matched:
        speaker = preds[i].speaker
        sp = speaker.text if speaker is not None else None
        right += speaker_matches(sp, gold[j]["speaker"])
    return QuoteScores.from_counts(len(matched), len(preds), len(gold), speaker_right=right)
