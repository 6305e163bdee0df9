"""Scoring signed relations against re3d gold.

re3d's AlliesOf and Likes count as positive, FightingAgainst and Dislikes as negative. A
predicted relation that is not negated and has sign +1 or -1 matches a gold relation of the
same sign when its two argument spans overlap the gold argument spans, in either order.
Precision counts matching predictions; recall counts gold relations matched by some
prediction. re3d is not exhaustive, so precision is a lower bound.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..schema import Relation
from .mentions import Scores, score_mentions
from .re3d import Re3dGold, Re3dRelation, load_re3d

__all__ = ["GOLD_SIGNS", "Re3dScores", "evaluate_re3d", "gold_signed", "score_relations"]

GOLD_SIGNS: dict[str, int] = {"AlliesOf": 1, "Likes": 1, "FightingAgainst": -1, "Dislikes": -1}

Span = tuple[int, int]


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def gold_signed(gold: Re3dGold) -> dict[str, list[tuple[Span, Span, int]]]:
    """The signed gold relations per document: (source span, target span, sign), deduplicated."""
    out: dict[str, list[tuple[Span, Span, int]]] = {}
    for doc_id, rels in gold.relations.items():
        seen: set[tuple[Span, Span, int]] = set()
        for rel in rels:
            sign = GOLD_SIGNS.get(rel.type)
            if sign is None:
                continue
            item = _gold_item(rel, sign)
            if item not in seen:
                seen.add(item)
        out[doc_id] = sorted(seen)
    return out


def _gold_item(rel: Re3dRelation, sign: int) -> tuple[Span, Span, int]:
    return ((rel.source_begin, rel.source_end), (rel.target_begin, rel.target_end), sign)


def score_relations(
    gold: Mapping[str, list[tuple[Span, Span, int]]],
    predicted: Mapping[str, Iterable[Relation]],
) -> Scores:
    """Score predicted relations per document against signed gold relations."""
    tp = fp = n_pred = matched_gold = n_gold = 0
    for doc_id in set(gold) | set(predicted):
        g = gold.get(doc_id, [])
        n_gold += len(g)
        hit: set[int] = set()
        for rel in predicted.get(doc_id, ()):
            if rel.negated or rel.sign == 0:
                continue
            n_pred += 1
            a = (rel.source.start, rel.source.end)
            b = (rel.target.start, rel.target.end)
            ok = False
            for k, (gs, gt, sign) in enumerate(g):
                if sign != rel.sign:
                    continue
                if (_overlaps(a, gs) and _overlaps(b, gt)) or (
                    _overlaps(a, gt) and _overlaps(b, gs)
                ):
                    ok = True
                    hit.add(k)
            tp += ok
            fp += not ok
        matched_gold += len(hit)
    precision = tp / n_pred if n_pred else 0.0
    recall = matched_gold / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1, tp, fp, n_gold - matched_gold, n_gold, n_pred)


@dataclass(frozen=True)
class Re3dScores:
    """Mention and relation scores on one re3d gold directory."""

    mentions: Scores
    relations: Scores
    n_documents: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.n_documents,
            "mentions": self.mentions.as_dict(),
            "relations": self.relations.as_dict(),
        }


def evaluate_re3d(gold_dir: str | Path, nlp: Any) -> Re3dScores:
    """Run the real pipeline over re3d texts and score mentions and relations.

    Args:
        gold_dir: a directory of re3d folders (documents/entities/relations.json).
        nlp: the allegiance pipeline (:func:`allegiance.nlp.pipeline.build_pipeline`).
    """
    gold = load_re3d(gold_dir)
    docs = list(gold)
    predicted: dict[str, list[Relation]] = {}
    spans: dict[str, list[tuple[int, int]]] = {}
    for gdoc, doc in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        predicted[gdoc.id] = list(doc._.relations or [])
        spans[gdoc.id] = [(s.start_char, s.end_char) for s in doc.spans.get("actors", [])]
    return Re3dScores(
        mentions=score_mentions(gold, spans),
        relations=score_relations(gold_signed(gold), predicted),
        n_documents=len(docs),
    )
