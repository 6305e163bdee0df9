"""Score event clustering against hand labels: precision and recall of same-event pairs.

A gold set is a folder with ``documents.jsonl`` (the articles: id, text, outlet, published)
and ``labels.jsonl``: one object per reported happening in a document, ``{"doc_id", "snippet",
"event"}``, where ``snippet`` is words of the sentence that reports it and ``event`` names the
happening (the same name across documents means the same happening).

Pairs are counted over gold items: a pair of items is *predicted* same-event when some
relation of one and some relation of the other fall in one event; it is *gold* same-event
when the two carry the same label. An item no relation reports links to nothing, so missed
extractions lower recall.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from ..errors import InputError

__all__ = ["GoldItem", "PairScores", "load_gold", "score_pairs"]


@dataclass(frozen=True)
class GoldItem:
    """One reported happening in one document."""

    doc_id: str
    snippet: str
    event: str


@dataclass(frozen=True)
class PairScores:
    """Same-event pair counts and their precision, recall and F1."""

    true_positive: int
    predicted: int
    gold: int
    items: int
    covered: int

    @property
    def precision(self) -> float:
        return self.true_positive / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positive / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _jsonl(path: Path) -> list[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc
    out = []
    for n, line in enumerate(lines, 1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{n}: malformed JSON ({exc.msg})") from exc
    return out


def load_gold(folder: str | Path) -> tuple[list[dict[str, Any]], list[GoldItem]]:
    """The documents and labelled items of a gold folder.

    Raises:
        InputError: a missing file, bad JSON, or a snippet not found in its document.
    """
    root = Path(folder)
    documents = _jsonl(root / "documents.jsonl")
    texts = {str(d["id"]): str(d["text"]) for d in documents}
    items = []
    for n, obj in enumerate(_jsonl(root / "labels.jsonl"), 1):
        item = GoldItem(str(obj["doc_id"]), str(obj["snippet"]), str(obj["event"]))
        if item.snippet not in texts.get(item.doc_id, ""):
            raise InputError(
                f"{root / 'labels.jsonl'}:{n}: snippet {item.snippet!r} not in document {item.doc_id!r}"
            )
        items.append(item)
    return documents, items


def score_pairs(events: Iterable[Any], items: Iterable[GoldItem]) -> PairScores:
    """Pair precision and recall of predicted events against gold items.

    >>> gold = [GoldItem("a", "x", "E1"), GoldItem("b", "y", "E1"), GoldItem("c", "z", "E2")]
    >>> ev = [{"id": "1", "reports": [{"doc_id": "a", "sentence": "x."}, {"doc_id": "b", "sentence": "y."},
    ...                               {"doc_id": "c", "sentence": "z."}]}]
    >>> s = score_pairs(ev, gold); (s.true_positive, s.predicted, s.gold)
    (1, 3, 1)
    """
    items = list(items)
    linked: list[set[str]] = [set() for _ in items]
    for event in events:
        e: Mapping[str, Any] = event.model_dump() if hasattr(event, "model_dump") else event
        for rep in e.get("reports") or []:
            for i, item in enumerate(items):
                if rep.get("doc_id") == item.doc_id and item.snippet in str(rep.get("sentence")):
                    linked[i].add(str(e["id"]))
    tp = predicted = gold = 0
    for i, j in combinations(range(len(items)), 2):
        same_pred = bool(linked[i] & linked[j])
        same_gold = items[i].event == items[j].event
        predicted += same_pred
        gold += same_gold
        tp += same_pred and same_gold
    return PairScores(tp, predicted, gold, len(items), sum(1 for s in linked if s))
