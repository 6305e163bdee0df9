"""``allegiance eval re3d`` runs with every model option and prints the gate's own scores."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from allegiance.cli import main
from allegiance.eval.relations import evaluate_re3d

pytestmark = pytest.mark.model

RE3D_DEV = Path(__file__).resolve().parents[1] / "data" / "re3d-dev"


def test_eval_re3d_json_matches_the_library(tmp_path, nlp):
    gold = tmp_path / "gold"
    shutil.copytree(RE3D_DEV / "CENTCOM", gold / "CENTCOM")
    result = CliRunner().invoke(
        main, ["eval", "re3d", str(gold), "--json", "--max-sentence-tokens", "150"]
    )
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    expected = evaluate_re3d(gold, nlp).as_dict()
    assert scores == expected
    assert scores["relations"]["n_gold"] > 0
