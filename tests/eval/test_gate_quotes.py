"""Evaluation gate: quotes and quantities on the hand-annotated gold must not regress."""

from __future__ import annotations

import json

import pytest

from allegiance.eval.quantities import load_quantity_gold, score_quantities
from allegiance.eval.quotes import load_quote_gold, score_quotes

from ..conftest import DATA, RE3D_DEV

# Pinned just below the scores measured on the whole gold (see docs/quotes.md), and on the
# public-domain texts of quotes_gold/texts alone; raise them when quality rises.
QUOTE_F1_FLOOR = 0.97
SPEAKER_FLOOR = 0.96
QUANTITY_F1_FLOOR = 0.98
TEXTS_QUOTE_F1_FLOOR = 0.96
TEXTS_SPEAKER_FLOOR = 0.94
TEXTS_QUANTITY_F1_FLOOR = 0.98
# The composed news outside defence (quotes_news_gold): direct quotes only.
NEWS_QUOTE_F1_FLOOR = 0.97
NEWS_SPEAKER_FLOOR = 0.94
NEWS_NAMED_SPEAKER_FLOOR = 0.94


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


def _in_texts(doc_id: str) -> bool:
    """Whether a gold document is one of quotes_gold/texts (their ids hold a dash)."""
    return "-" in doc_id


@pytest.mark.slow
@pytest.mark.parametrize(
    ("subset", "f1_floor", "speaker_floor"),
    [("all", QUOTE_F1_FLOOR, SPEAKER_FLOOR), ("texts", TEXTS_QUOTE_F1_FLOOR, TEXTS_SPEAKER_FLOOR)],
)
def test_quote_scores_hold_on_gold(processed, subset, f1_floor, speaker_floor):
    gold = load_quote_gold(DATA / "quotes_gold" / "quotes.jsonl")
    assert len(gold) >= 120
    if subset == "texts":
        gold = [g for g in gold if _in_texts(g["doc_id"])]
        assert len(gold) >= 60
    scores = score_quotes([q for d in processed for q in d._.quotes], gold)
    print(f"\nquotes ({subset}): {scores} speaker_accuracy={scores.speaker_accuracy:.4f}")
    assert scores.f1 >= f1_floor, scores
    assert scores.speaker_accuracy >= speaker_floor, scores


@pytest.mark.slow
@pytest.mark.parametrize(
    ("subset", "f1_floor"), [("all", QUANTITY_F1_FLOOR), ("texts", TEXTS_QUANTITY_F1_FLOOR)]
)
def test_quantity_value_scores_hold_on_gold(processed, subset, f1_floor):
    docs, gold = load_quantity_gold(DATA / "quantities_gold" / "quantities.jsonl")
    assert len(gold) >= 280
    if subset == "texts":
        docs = {d for d in docs if _in_texts(d)}
        gold = [g for g in gold if _in_texts(g["doc_id"])]
        assert len(gold) >= 100
    scores = score_quantities([q for d in processed for q in d._.quantities], docs, gold)
    print(f"\nquantities ({subset}): {scores}")
    assert scores.f1 >= f1_floor, scores


def _news_texts() -> dict[str, str]:
    """The composed news texts of quotes_news_gold by id."""
    out: dict[str, str] = {}
    for path in sorted((DATA / "quotes_news_gold" / "texts").glob("*.txt")):
        head, _, body = path.read_text(encoding="utf-8").partition("\n---\n")
        fields = dict(line.split(":", 1) for line in head.splitlines())
        out[fields["id"].strip()] = body[:-1] if body.endswith("\n") else body
    return out


@pytest.mark.slow
def test_quote_speakers_hold_on_news_gold(nlp):
    """Direct quotes and their speakers on composed news outside defence (every text scored,
    the two without quotes too); speaker accuracy also on named speakers alone."""
    docs = []
    for doc_id, text in _news_texts().items():
        doc = nlp.make_doc(text)
        doc._.doc_id = doc_id
        docs.append(doc)
    predicted = [q for d in nlp.pipe(docs) for q in d._.quotes if q.direct]
    gold = load_quote_gold(DATA / "quotes_news_gold" / "quotes.jsonl")
    assert len(gold) >= 150
    scores = score_quotes(predicted, gold)
    named = score_quotes(predicted, [g for g in gold if g["speaker"] and not g["anonymous"]])
    print(
        f"\nquotes (news): {scores} speaker_accuracy={scores.speaker_accuracy:.4f} "
        f"named={named.speaker_accuracy:.4f}"
    )
    assert scores.f1 >= NEWS_QUOTE_F1_FLOOR, scores
    assert scores.speaker_accuracy >= NEWS_SPEAKER_FLOOR, scores
    assert named.speaker_accuracy >= NEWS_NAMED_SPEAKER_FLOOR, named
