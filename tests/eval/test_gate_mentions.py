"""Evaluation gate: actor mentions on the re3d dev set must not fall below the pinned floors.

Measured with the real pipeline (base model + allegiance_actors). Raise the floors when quality
rises; never lower them to make a change pass.
"""

from __future__ import annotations

import pytest
import spacy

from allegiance.eval.mentions import evaluate_mentions
from allegiance.nlp.actors import FACTORY
from allegiance.nlp.model import DEFAULT_MODELS
from allegiance.nlp.references import FACTORY as REFERENCES

from ..conftest import RE3D_DEV

RECALL_FLOOR = 0.87
PRECISION_FLOOR = 0.76


def test_mention_scores_on_dev_set() -> None:
    if not RE3D_DEV.is_dir():
        pytest.skip("no dev set")
    nlp = None
    for name in DEFAULT_MODELS:
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    if nlp is None:
        pytest.skip("no spaCy English model installed")
    nlp.add_pipe(FACTORY)
    nlp.add_pipe(REFERENCES)
    scores = evaluate_mentions(RE3D_DEV, nlp)
    assert scores.n_gold == 842
    assert scores.recall >= RECALL_FLOOR, scores
    assert scores.precision >= PRECISION_FLOOR, scores
