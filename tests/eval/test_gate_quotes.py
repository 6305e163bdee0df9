"""Evaluation gate: quotes and quantities on the hand-annotated dev gold must not regress."""

from __future__ import annotations

import json

import pytest

from allegiance.eval.quantities import load_quantity_gold, score_quantities
from allegiance.eval.quotes import load_quote_gold, score_quotes

from ..conftest import DATA, RE3D_DEV

# Pinned just below the scores measured when the gold was annotated (see docs/quotes.md);
# raise them when quality rises.
QUOTE_F1_FLOOR = 0.95
SPEAKER_FLOOR = 0.93
QUANTITY_F1_FLOOR = 0.97


def _texts() -> dict[str, tuple[str, str | None]]:
    """Every gold document: (text, published date) by id (re3d dev and quotes_gold/texts)."""
    out: dict[str, tuple[str, str | None]] = {}
    for part in ("CENTCOM", "US_State_Department"):
        with (RE3D_DEV / part / "documents.json").open(encoding="utf-8-sig") as fp:
            for line in fp:
                if line.strip():
                    obj = json.loads(line)
                    out[obj["_id"]] = (obj["text"], None)
    for path in sorted((DATA / "quotes_gold" / "texts").glob("*.txt")):
        head, _, body = path.read_text(encoding="utf-8").partition("\n---\n")
        fields = dict(line.split(":", 1) for line in head.splitlines())
        text = body[:-1] if body.endswith("\n") else body
        out[fields["id"].strip()] = (text, fields.get("published", "").strip() or None)
    return out


@pytest.fixture(scope="module")
def processed(nlp):
    """Every dev document run through the full pipeline."""
    docs = []
    for doc_id, (text, published) in _texts().items():
        doc = nlp.make_doc(text)
        doc._.doc_id = doc_id
        doc._.published = published
        docs.append(doc)
    return list(nlp.pipe(docs))


@pytest.mark.slow
def test_quote_scores_hold_on_dev_gold(processed):
    gold = load_quote_gold(DATA / "quotes_gold" / "quotes.jsonl")
    assert len(gold) >= 60
    scores = score_quotes([q for d in processed for q in d._.quotes], gold)
    assert scores.f1 >= QUOTE_F1_FLOOR, scores
    assert scores.speaker_accuracy >= SPEAKER_FLOOR, scores


@pytest.mark.slow
def test_quantity_value_scores_hold_on_dev_gold(processed):
    docs, gold = load_quantity_gold(DATA / "quantities_gold" / "quantities.jsonl")
    assert len(gold) >= 100
    scores = score_quantities([q for d in processed for q in d._.quantities], docs, gold)
    assert scores.f1 >= QUANTITY_F1_FLOOR, scores
