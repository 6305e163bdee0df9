"""Relation confidence: features of a reading, the weights file, and what they do."""

from __future__ import annotations

import pytest

from allegiance.errors import LexiconError
from allegiance.nlp.confidence import (
    calibrate,
    load_confidence_model,
    relation_features,
)

BASE = {
    "extractor": 0.8,
    "routes": ("kb", "kb"),
    "distance": 2,
    "on_path": True,
    "category": "ASSAULT",
    "negated": False,
    "hypothetical": False,
    "attributed": False,
}


def test_the_bundled_weights_load_know_every_route_and_score_within_bounds():
    m = load_confidence_model()
    assert set(m.routes) == {"kb", "fuzzy", "ner", "coref", "implicit"}
    scores = [m.confidence({**BASE, "extractor": c}) for c in (0.001, 0.3, 0.6, 0.9, 0.999)]
    assert all(0.0 < s < 1.0 for s in scores)
    assert scores == sorted(scores)


@pytest.mark.parametrize(
    "change",
    [
        {"routes": ("kb", "coref")},  # an argument found through a reference
        {"routes": ("implicit", "kb")},  # a weapon standing for its owner
        {"distance": 40},  # far-apart arguments
        {"on_path": False},  # the parse does not join the arguments through the trigger
        {"extractor": 0.5},  # a weaker construction
    ],
)
def test_weaker_evidence_lowers_the_confidence(change):
    m = load_confidence_model()
    assert m.confidence({**BASE, **change}) < m.confidence(BASE)


def test_a_user_file_overrides_weights_key_by_key(tmp_path):
    path = tmp_path / "conf.yaml"
    path.write_text("routes:\n  coref: 0.0\ncategories:\n  CONSULT: -2\n", encoding="utf-8")
    bundled = load_confidence_model()
    user = load_confidence_model((str(path),))
    assert user.routes["coref"] == 0.0
    assert user.routes["implicit"] == bundled.routes["implicit"]
    assert user.off_path == bundled.off_path
    assert user.confidence({**BASE, "category": "CONSULT"}) < user.confidence(BASE)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("off_path: high\n", "'off_path' must be a number"),
        ("routes:\n  telepathy: 1\n", "unknown route 'telepathy'"),
        ("weight_of_evidence: 1\n", "unknown key 'weight_of_evidence'"),
        ("routes: [1, 2]\n", "'routes' must be a mapping"),
    ],
)
def test_a_bad_weights_file_gives_one_clear_line(tmp_path, content, message):
    path = tmp_path / "conf.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        load_confidence_model((str(path),))


@pytest.fixture(scope="module")
def readings(nlp):
    """Relations read from sentences of several domains, calibrated, by trigger text."""
    texts = [
        "The Kenyan government accused Somalia of harbouring militants.",
        "Protesters in Caracas clashed with police on Sunday.",
        "Apple sued Samsung over patents, and the court later fined Samsung.",
        "Germany and France signed a treaty in Paris.",
    ]
    out = {}
    for doc in nlp.pipe(texts):
        for raw, cal in zip(doc._.relations or [], calibrate(doc._.relations or [], doc),
                            strict=True):  # fmt: skip
            out[(raw.source.text, raw.target.text)] = (raw, cal, relation_features(raw, doc))
    return out


def test_calibrate_sets_a_confidence_in_range_and_keeps_everything_else(readings):
    assert readings, "the pipeline read no relation in these sentences"
    for raw, cal, _ in readings.values():
        assert 0.0 <= cal.confidence <= 1.0
        assert cal.model_dump(exclude={"confidence"}) == raw.model_dump(exclude={"confidence"})


def test_features_read_the_resolution_route_and_the_parse(readings):
    for raw, _, feats in readings.values():
        assert len(feats["routes"]) == 2
        assert set(feats["routes"]) <= {"kb", "fuzzy", "ner", "coref", "implicit"}
        assert feats["distance"] >= 0
        assert feats["category"] == raw.category
    # an explicit subject-verb-object reading: the trigger joins the two arguments
    svo = [f for (s, t), (_, _, f) in readings.items() if "Kenyan" in s and "Somalia" in t]
    assert svo and svo[0]["on_path"] and svo[0]["distance"] <= 3
