"""re3d gold reading and mention scoring (no model needed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from allegiance.errors import InputError
from allegiance.eval.mentions import score_mentions
from allegiance.eval.re3d import load_re3d

from ..conftest import RE3D_DEV


def _folder(tmp_path: Path) -> Path:
    src = tmp_path / "gold" / "SRC"
    src.mkdir(parents=True)
    docs = [{"_id": "d1", "title": "T", "text": "ISIL fought Iraqi forces near Mosul.",
             "sourceName": "S", "sourceUrl": "http://x"}]  # fmt: skip
    ents = [
        {
            "documentId": "d1",
            "begin": 0,
            "end": 4,
            "type": "Organisation",
            "value": "ISIL",
            "confidence": 1,
        },
        {
            "documentId": "d1",
            "begin": 0,
            "end": 4,
            "type": "Organisation",
            "value": "ISIL",
            "confidence": 1,
        },
        {
            "documentId": "d1",
            "begin": 12,
            "end": 25,
            "type": "Organisation",
            "value": "Iraqi forces",
            "confidence": 0.9,
        },
        {
            "documentId": "d1",
            "begin": 31,
            "end": 36,
            "type": "Location",
            "value": "Mosul",
            "confidence": 1,
        },
        {
            "documentId": "d1",
            "begin": 12,
            "end": 17,
            "type": "Nationality",
            "value": "Iraqi",
            "confidence": 0.3,
        },
    ]
    rels = [{"documentId": "d1", "type": "FightingAgainst", "sourceBegin": 0, "sourceEnd": 4,
             "targetBegin": 12, "targetEnd": 25, "source": "ISIL", "target": "Iraqi forces",
             "value": "fought", "begin": 5, "end": 11, "confidence": 1}]  # fmt: skip
    for name, rows in (("documents", docs), ("entities", ents), ("relations", rels + rels)):
        text = "\n".join(json.dumps(r) for r in rows)
        (src / f"{name}.json").write_text("\ufeff" + text + "\n", encoding="utf-8")
    return tmp_path / "gold"


def test_load_re3d_keeps_confident_unique_annotations(tmp_path: Path) -> None:
    gold = load_re3d(_folder(tmp_path))
    assert len(gold) == 1 and next(iter(gold)).source_name == "S"
    ents = gold.entities["d1"]
    assert [(e.begin, e.end, e.type) for e in ents] == [
        (0, 4, "Organisation"),
        (12, 25, "Organisation"),
        (31, 36, "Location"),
    ]
    rels = gold.relations["d1"]
    assert len(rels) == 1 and rels[0].type == "FightingAgainst" and rels[0].target == "Iraqi forces"


def test_load_re3d_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        load_re3d(tmp_path / "absent")
    with pytest.raises(InputError):
        load_re3d(tmp_path)
    bad = _folder(tmp_path) / "SRC" / "entities.json"
    bad.write_text('{"documentId": "d1", "begin": 0\n{oops\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"entities\.json:1"):
        load_re3d(tmp_path / "gold")


def test_score_mentions_by_overlap(tmp_path: Path) -> None:
    gold = load_re3d(_folder(tmp_path))
    perfect = score_mentions(gold, {"d1": [(0, 4), (12, 17)]})
    assert (perfect.recall, perfect.precision, perfect.tp, perfect.fp, perfect.fn) == (
        1.0,
        1.0,
        2,
        0,
        0,
    )
    half = score_mentions(gold, {"d1": [(0, 4), (31, 36)]})
    assert (half.recall, half.precision, half.fn, half.fp) == (0.5, 0.5, 1, 1)
    empty = score_mentions(gold, {})
    assert (empty.recall, empty.precision, empty.f1, empty.n_pred) == (0.0, 0.0, 0.0, 0)


def test_dev_set_counts() -> None:
    if not RE3D_DEV.is_dir():
        pytest.skip("no dev set")
    gold = load_re3d(RE3D_DEV)
    assert len(gold) == 45
    n = sum(len(gold.entities_of(d.id, {"Organisation", "Person", "Nationality"})) for d in gold)
    assert n == 842
