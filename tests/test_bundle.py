"""The typed bundle: it reads bundle.json back unchanged and refuses a shape it does not know."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from allegiance.analysis import bundle_from_records
from allegiance.bundle import Bundle, Counts, as_bundle, dump_bundle
from allegiance.schema import record_from_dict

SAMPLE = Path(__file__).resolve().parent / "report" / "sample_bundle.json"


def _records() -> list:
    doc = {"kind": "document", "doc_id": "d1", "title": "t", "outlet": "Wire",
           "published": "2015-03-01", "text": "x", "n_chars": 1, "sha256": "0" * 64}  # fmt: skip

    def rel(rid: str, a: str, b: str, sign: int, category: str) -> dict:
        return {"kind": "relation", "id": rid, "doc_id": "d1",
                "sentence": {"text": f"{a} and {b} ({rid}).", "start": 0, "end": 10},
                "source": {"text": a, "start": 0, "end": 1, "actor_id": a, "actor_name": a},
                "target": {"text": b, "start": 2, "end": 3, "actor_id": b, "actor_name": b},
                "category": category, "quad_class": 2 if sign > 0 else 4, "sign": sign,
                "intensity": 4.0 * sign, "negated": False, "hypothetical": False,
                "trigger": {"text": "x", "start": 1, "end": 2}, "confidence": 0.9}  # fmt: skip

    return [record_from_dict(r) for r in (
        doc, rel("r1", "USA", "IRQ", 1, "COOPERATE"), rel("r2", "USA", "ISIL", -1, "ASSAULT"),
        rel("r3", "IRQ", "ISIL", -1, "ASSAULT"), rel("r4", "IRQ", "IRN", 1, "AID"),
    )]  # fmt: skip


def test_a_built_bundle_dumps_to_json_and_reads_back_equal() -> None:
    bundle = bundle_from_records(_records(), time_limit=1.0)
    data = json.loads(json.dumps(dump_bundle(bundle)))
    again = Bundle.model_validate(data)
    assert dump_bundle(again) == data
    assert again.counts == bundle.counts
    assert bundle.counts.ties == len(bundle.network.edges) == 4
    assert bundle.counts.hostile == sum(e.state == "hostile" for e in bundle.network.edges) == 2
    # camps are lists of actor ids, their detail beside them
    assert bundle.coalitions is not None
    assert [d.members for d in bundle.coalitions.camp_details] == bundle.coalitions.camps


def test_the_hand_written_sample_bundle_is_a_valid_bundle() -> None:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    assert dump_bundle(as_bundle(data)) == data


@pytest.mark.parametrize(
    "change",
    [
        {"countz": {}},
        {"counts": {"actors": 1, "edges": 3}},
        {"network": {"nodes": [{"id": "A", "colour": "red"}]}},
        {"counts": {"ties": "many"}},
    ],
)
def test_a_shape_the_model_does_not_know_is_an_error(change: dict) -> None:
    with pytest.raises(ValidationError):
        Bundle.model_validate(change)


def test_a_missing_key_takes_its_default_and_is_not_written_back() -> None:
    bundle = Bundle.model_validate({"meta": {"corpus": "c"}})
    assert bundle.counts == Counts() and bundle.network.edges == []
    assert dump_bundle(bundle) == {"meta": {"corpus": "c"}}


def test_acts_are_embedded_and_filtered_by_confidence() -> None:
    def act(aid: str, confidence: float) -> dict:
        return {"kind": "act", "id": aid, "doc_id": "d1",
                "sentence": {"text": "The rebels surrendered.", "start": 0, "end": 23},
                "source": {"text": "rebels", "start": 4, "end": 10, "actor_id": "REB",
                           "actor_name": "rebels"},
                "category": "CONCEDE", "quad_class": 1, "sign": 1, "intensity": 4.0,
                "trigger": {"text": "surrendered", "start": 11, "end": 22},
                "confidence": confidence}  # fmt: skip

    records = [*_records(), record_from_dict(act("a1", 0.8)), record_from_dict(act("a2", 0.3))]
    assert [a["id"] for a in bundle_from_records(records, time_limit=1.0).acts] == ["a1", "a2"]
    kept = bundle_from_records(records, time_limit=1.0, min_confidence=0.5)
    assert [a["id"] for a in kept.acts] == ["a1"]
    # an act is no tie: the network is that of the relations alone
    assert kept.counts.ties == bundle_from_records(_records(), time_limit=1.0).counts.ties
