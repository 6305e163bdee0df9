"""Gate: the ties of the founding articles against hand-annotated gold ties (issue 15).

The network comes from the real pipeline on the two seed texts (read from ../shared, never
committed); the gold, its annotation rules and the reason for each tie are in
tests/data/seed_ties_gold/ties.yaml.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from allegiance.analysis import analyze
from allegiance.eval.ties import GoldTie, load_tie_gold, score_ties

pytestmark = pytest.mark.model

GOLD = Path(__file__).resolve().parents[1] / "data" / "seed_ties_gold" / "ties.yaml"

#: floors pinned below the figures of the first run (coverage 0.818, state accuracy 0.963,
#: wrong sign 0.037: US - Iraq, from the occupation memory); see tests/data/seed_ties_gold/README.md
COVERAGE_FLOOR = 0.75
STATE_ACCURACY_FLOOR = 0.90
WRONG_SIGN_CEILING = 0.05  # the bound


@pytest.fixture(scope="module")
def scores(nlp, seed_texts, tmp_path_factory):
    folder = tmp_path_factory.mktemp("seed_ties")
    for name, text in seed_texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    bundle = analyze(sorted(folder.glob("*.txt")))
    return score_ties([e.model_dump() for e in bundle.network.edges], load_tie_gold(GOLD))


def test_seed_ties_hold_their_floors(scores):
    print("seed ties:", scores.as_dict())
    assert scores.coverage >= COVERAGE_FLOOR
    assert scores.state_accuracy >= STATE_ACCURACY_FLOOR
    assert scores.wrong_sign_share <= WRONG_SIGN_CEILING, scores.as_dict()["wrong_sign"]


def test_the_scorer_counts_a_flipped_tie_as_wrong_sign():
    gold = [GoldTie(frozenset({"A"}), frozenset({"B"}), "friendly")]
    flipped = score_ties([{"source": "B", "target": "A", "state": "hostile"}], gold)
    assert flipped.wrong_sign_share == 1.0 and flipped.state_accuracy == 0.0
    other = score_ties([{"source": "A", "target": "C", "state": "hostile"}], gold)
    assert other.coverage == 0.0 and not other.matched
