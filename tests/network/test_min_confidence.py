"""build_network's min_confidence: weak readings stay out of the network."""

from __future__ import annotations

from allegiance.network.build import build_network

from .factories import relation


def _rel(rid, src, tgt, sign, confidence):
    r = relation(rid, src, tgt, sign)
    r["confidence"] = confidence
    return r


def test_relations_below_the_threshold_leave_the_network():
    recs = [
        _rel("r1", "a", "b", -1, 0.9),
        _rel("r2", "a", "c", 1, 0.3),
        _rel("r3", "b", "c", 1, 0.5),
    ]
    G = build_network(recs, min_confidence=0.5)
    assert sorted(tuple(sorted(e)) for e in G.edges) == [("a", "b"), ("b", "c")]
    assert G.graph["min_confidence"] == 0.5
    assert G.number_of_edges() < build_network(recs).number_of_edges()


def test_a_tie_keeps_only_its_confident_reports():
    recs = [
        _rel("r1", "a", "b", -1, 0.9),
        relation("r2", "a", "b", 1, sentence="a cooperates b again."),
    ]
    recs[1]["confidence"] = 0.2
    G = build_network(recs, min_confidence=0.5)
    assert G["a"]["b"]["relations"] == ["r1"] and G["a"]["b"]["sign"] == -1
    assert sorted(build_network(recs)["a"]["b"]["relations"]) == ["r1", "r2"]


def test_a_zero_confidence_is_dropped_and_a_missing_one_is_kept():
    zero = _rel("r1", "a", "b", -1, 0.0)
    missing = _rel("r2", "c", "d", -1, 0.9)
    del missing["confidence"]
    G = build_network([zero, missing], min_confidence=0.1)
    assert list(G.edges) == [("c", "d")]
