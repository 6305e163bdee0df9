"""Tie aggregation rules: one report per sentence, pair and polarity; weights; the mixed state."""

from __future__ import annotations

from pathlib import Path

import pytest

from allegiance.errors import AnalysisError, InputError
from allegiance.network import TieWeights, build_network, tie_state, uneasy_alliances

from .factories import relation


def _rel(rid: str, sign: int, sentence: str, **kw) -> dict:
    r = relation(rid, "USA", "IRN", sign, sentence=sentence, **kw)
    r["confidence"] = 1.0
    return r


def test_one_sentence_is_one_report_per_polarity() -> None:
    # "both back the war on a common enemy" read as an ASSAULT and an OPPOSE
    s = "The US and Iran both back the war on a common enemy."
    recs = [
        _rel("a", -1, s, category="ASSAULT", intensity=-9.0),
        _rel("o", -1, s, category="OPPOSE", intensity=-5.0),
    ]
    e = build_network(recs)["USA"]["IRN"]
    assert (e["evidence"], e["n_reports"], e["n_relations"]) == (1, 1, 2)
    assert e["negative"] == 1
    assert e["negative_mass"] == pytest.approx(0.9)  # the heavier reading, not the sum
    assert sorted(e["reports"][0]["relations"]) == ["a", "o"]
    assert e["relations"] == ["a", "o"]  # every relation id is still on the tie


def test_one_sentence_with_both_polarities_is_two_reports() -> None:
    s = "The US works with Iran but does not trust it."
    e = build_network([_rel("p", 1, s), _rel("n", -1, s)])["USA"]["IRN"]
    assert (e["positive"], e["negative"], e["evidence"]) == (1, 1, 2)
    assert e["state"] == "mixed"


def test_same_sentence_in_another_document_is_another_report() -> None:
    s = "The US works with Iran."
    e = build_network([_rel("p1", 1, s, doc="d1"), _rel("p2", 1, s, doc="d2")])["USA"]["IRN"]
    assert e["positive"] == 2


def test_reports_weigh_intensity_confidence_and_attribution() -> None:
    own = _rel("own", 1, "US forces aid Iran.", intensity=8.0)
    named = _rel("named", 1, "Kimmitt says the US aids Iran.", intensity=8.0)
    named["attributed_to"] = {"text": "Kimmitt", "start": 0, "end": 7, "actor_id": "KIMMITT"}
    anon = _rel("anon", 1, "A source says the US aids Iran.", intensity=8.0, doc="d2")
    anon["attributed_to"] = {"text": "A source", "start": 0, "end": 8, "actor_id": None}
    anon["confidence"] = 0.5
    quote = {"kind": "quote", "id": "q", "doc_id": "d2", "text": "...", "start": 10, "end": 20,
             "direct": True, "anonymous": True,
             "speaker": {"text": "A source", "start": 0, "end": 8}}  # fmt: skip
    w = TieWeights(own=1.0, named=0.5, anonymous=0.25)
    G = build_network([own, named, anon, quote], weights=w)
    masses = {r["id"]: r["mass"] for r in G["USA"]["IRN"]["reports"]}
    attribution = {r["id"]: r["attribution"] for r in G["USA"]["IRN"]["reports"]}
    assert attribution == {"own": "own", "named": "named", "anon": "anonymous"}
    assert masses["own"] == pytest.approx(0.8)
    assert masses["named"] == pytest.approx(0.4)
    assert masses["anon"] == pytest.approx(0.8 * 0.5 * 0.25)
    assert G.graph["tie_weights"]["named"] == 0.5


def test_a_single_weak_hostile_mention_does_not_make_a_friendly_tie_mixed() -> None:
    recs = [_rel(f"p{i}", 1, f"US and Iranian forces cooperate, report {i}.") for i in range(5)]
    weak = _rel("n", -1, "An official said the US is wary of Iran.", category="OPPOSE",
                intensity=-3.0)  # fmt: skip
    weak["attributed_to"] = {"text": "An official", "start": 0, "end": 11, "actor_id": None}
    G = build_network([*recs, weak])
    e = G["USA"]["IRN"]
    assert (e["positive"], e["negative"]) == (5, 1)
    assert e["state"] == "friendly" and e["sign"] == 1
    assert not [u for u in uneasy_alliances(G) if "mixed" in u["reason"]]


def test_mixed_when_the_minority_holds_a_third() -> None:
    coop = _rel("p", 1, "US forces work with Iranian units.", category="COOPERATE", intensity=6.0)
    coop["quad_class"] = 2
    distrust = _rel("n", -1, "The Americans don't trust the Iranians.", category="OPPOSE",
                    intensity=-5.0)  # fmt: skip
    distrust["quad_class"] = None
    G = build_network([coop, distrust])
    e = G["USA"]["IRN"]
    assert e["state"] == "mixed" and e["sign"] == 1  # signed by its dominant side
    assert e["material_positive"] == pytest.approx(0.6)
    assert e["stance_negative"] == pytest.approx(0.5)
    assert e["description"] == "material cooperation; hostile stance"
    found = uneasy_alliances(G)
    assert found and "mixed" in found[0]["reason"] and found[0]["state"] == "mixed"
    # a stricter rule makes the same tie friendly
    assert (
        build_network([coop, distrust], weights=TieWeights(mixed_share=0.49))["USA"]["IRN"]["state"]
        == "friendly"
    )


@pytest.mark.parametrize(
    ("pos", "neg", "state"),
    [(1.0, 0.5, "mixed"), (1.0, 0.49, "friendly"), (0.2, 1.0, "hostile"), (0, 0, "neutral")],
)
def test_tie_state_threshold(pos: float, neg: float, state: str) -> None:
    assert tie_state(pos, neg) == state


def test_weights_load_from_yaml(tmp_path: Path) -> None:
    p = tmp_path / "weights.yaml"
    p.write_text("anonymous: 0.2\nmixed_share: 0.25\n", encoding="utf-8")
    w = TieWeights.load(p)
    assert (w.anonymous, w.mixed_share, w.own) == (0.2, 0.25, 1.0)
    p.write_text("anonymus: 0.2\n", encoding="utf-8")
    with pytest.raises(InputError, match="anonymus"):
        TieWeights.load(p)
    with pytest.raises(AnalysisError):
        TieWeights(mixed_share=0.7)
