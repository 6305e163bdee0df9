"""The headline of the report: the top uneasy alliance, its common enemies and evidence."""

from __future__ import annotations

from typing import Any

import pytest

from allegiance.report.story import (
    common_enemies,
    exposure_paths,
    headline,
    pick_evidence,
    reason_text,
    unbalanced_triangles,
)
from allegiance.report.view import camp_of, key_findings


def _rel(rid: str, a: str, b: str, sign: int, **kw: Any) -> dict[str, Any]:
    text = f"{a} and {b} sentence {rid}."
    return {
        "id": rid, "doc_id": kw.pop("doc", "d1"),
        "sentence": {"text": text, "start": 0, "end": len(text)},
        "source": {"text": a, "start": 0, "end": len(a), "actor_id": a, "actor_name": a},
        "target": {"text": b, "start": len(a) + 5, "end": len(a) + 5 + len(b), "actor_id": b,
                   "actor_name": b},
        "category": "COOPERATE" if sign > 0 else "OPPOSE", "sign": sign,
        "negated": kw.pop("negated", False), "hypothetical": kw.pop("hypothetical", False),
        "trigger": {"text": "sentence", "start": 0, "end": 0}, "confidence": kw.pop("conf", 0.5),
    }  # fmt: skip


def _edge(a: str, b: str, sign: int, rels: list[str]) -> dict[str, Any]:
    return {"source": a, "target": b, "sign": sign, "evidence": len(rels), "relations": rels}


@pytest.fixture
def uneasy_bundle() -> dict[str, Any]:
    """The shape of the founding articles' network: a mixed US-Iran tie, net friendly, where
    the US side of the fight against ISIL is a counted tie and Iran's only a hypothetical
    statement; Iraq is a mixed actor both are hostile to once."""
    relations = [
        _rel("p1", "USA", "IRN", 1, doc="aj", conf=0.7),
        _rel("p2", "USA", "IRN", 1, doc="fox", conf=0.6),
        _rel("p3", "USA", "IRN", 1, doc="fox", conf=0.9),
        _rel("n1", "USA", "IRN", -1, doc="fox"),
        _rel("u1", "USA", "ISIL", -1, doc="aj"),
        _rel("u2", "USA.MIL", "ISIL", -1, doc="fox"),
        _rel("i1", "IRN", "ISIL", -1, doc="aj", hypothetical=True),
        _rel("i2", "IRN", "ISIL", -1, doc="aj", negated=True),
        _rel("q1", "USA", "IRQ", -1, doc="aj"),
        _rel("q2", "IRN", "IRQ", -1, doc="fox"),
        _rel("q3", "IRQ", "KRD", 1, doc="aj"),
        _rel("q4", "IRQ", "QUDS", 1, doc="aj"),
    ]
    edges = [
        _edge("USA", "IRN", 1, ["p1", "p2", "p3", "n1"]),
        _edge("USA", "ISIL", -1, ["u1"]),
        _edge("USA.MIL", "ISIL", -1, ["u2"]),
        _edge("USA", "IRQ", -1, ["q1"]),
        _edge("IRN", "IRQ", -1, ["q2"]),
        _edge("IRQ", "KRD", 1, ["q3"]),
        _edge("IRQ", "QUDS", 1, ["q4"]),
    ]
    nodes = [{"id": n, "name": n, "mentions": 5, "camp": 0 if n in ("USA", "IRN") else 1}
             for n in ("USA", "IRN", "ISIL", "USA.MIL", "IRQ", "KRD", "QUDS")]  # fmt: skip
    return {
        "documents": [{"doc_id": "aj", "outlet": "Al Jazeera"}, {"doc_id": "fox", "outlet": "Fox"}],
        "relations": relations,
        "network": {"nodes": nodes, "edges": edges},
        "uneasy_alliances": [{
            "a": "USA", "b": "IRN", "a_name": "United States", "b_name": "Iran", "sign": 1,
            "reason": ["shared_enemy", "mixed"], "shared_enemies": [], "positive": 3,
            "negative": 1,
            "positive_evidence": ["p1", "p2", "p3"], "negative_evidence": ["n1"],
        }],
        "frustration": {"index": 1, "exact": True},
    }  # fmt: skip


def test_a_common_enemy_counted_on_one_side_and_said_on_the_other_is_found(
    uneasy_bundle: dict[str, Any],
) -> None:
    found = {e["id"]: e for e in common_enemies(uneasy_bundle, "USA", "IRN")}
    isil = found["ISIL"]
    assert not isil["counted"]  # Iran's side rests on a hypothetical statement only
    assert isil["sides"]["USA"]["tie"] and set(isil["sides"]["USA"]["ties"]) == {"u1", "u2"}
    assert not isil["sides"]["IRN"]["tie"]
    assert isil["sides"]["IRN"]["statements"] == ["i1"]  # the negated one never counts
    assert found["IRQ"]["counted"]


def test_a_pure_foe_ranks_above_an_actor_with_mixed_ties(uneasy_bundle: dict[str, Any]) -> None:
    # Iraq is hostile to both through counted ties, but has friends too; ISIL is hostile to all
    assert [e["id"] for e in common_enemies(uneasy_bundle, "USA", "IRN")] == ["ISIL", "IRQ"]


def test_declared_shared_enemies_come_first(uneasy_bundle: dict[str, Any]) -> None:
    uneasy_bundle["uneasy_alliances"][0]["shared_enemies"] = ["IRQ"]
    assert common_enemies(uneasy_bundle, "USA", "IRN")[0]["id"] == "IRQ"


def test_a_statement_alone_on_both_sides_makes_no_common_enemy(
    uneasy_bundle: dict[str, Any],
) -> None:
    uneasy_bundle["relations"].append(_rel("x1", "USA", "SYR", -1, hypothetical=True))
    uneasy_bundle["relations"].append(_rel("x2", "IRN", "SYR", -1, hypothetical=True))
    assert "SYR" not in {e["id"] for e in common_enemies(uneasy_bundle, "USA", "IRN")}


def test_headline_names_the_alliance_its_enemy_and_evidence_from_both_outlets(
    uneasy_bundle: dict[str, Any],
) -> None:
    h = headline(uneasy_bundle, camp_of(uneasy_bundle))
    al = h["alliance"]
    assert (al["a"], al["b"], al["positive"], al["negative"]) == ("USA", "IRN", 3, 1)
    assert al["enemies"][0]["id"] == "ISIL"
    assert al["reasons"] == ["reported both working together and at odds"]
    # the most confident report, then one from the other outlet (not the second Fox one)
    assert al["show_positive"] == ["p3", "p1"]
    assert al["show_negative"] == ["n1"]
    assert h["frustration"] == {"index": 1, "exact": True, "ties": 7}
    assert [c["camp"] for c in h["camps"]] == [0, 1]


def test_facts_are_picked_before_negated_or_hypothetical_statements(
    uneasy_bundle: dict[str, Any],
) -> None:
    uneasy_bundle["relations"].append(_rel("h1", "USA", "IRN", 1, doc="aj", conf=0.99,
                                           hypothetical=True))  # fmt: skip
    assert pick_evidence(uneasy_bundle, ["h1", "p1", "p3"], limit=2) == ["p3", "p1"]


def test_findings_title_says_whom_the_alliance_is_against(uneasy_bundle: dict[str, Any]) -> None:
    first = key_findings(uneasy_bundle)[0]
    assert first["title"] == "Uneasy alliance: United States and Iran against ISIL"
    assert "partly in statements not counted as facts" in first["text"]


def test_headline_without_uneasy_alliances_or_ties() -> None:
    h = headline({}, {})
    assert h == {"alliance": None, "camps": [], "frustration": None, "unbalanced": 0}


def test_reason_codes_read_as_words() -> None:
    assert reason_text(["cooperation", "own words"]) == [
        "hostile overall, yet also reported working together",
        "own words",
    ]


def test_triangles_in_either_shape_read_the_same(uneasy_bundle: dict[str, Any]) -> None:
    documented = {"nodes": ["USA", "IRN", "IRQ"], "signs": [1, -1, -1],
                  "relations": ["p1", "p2", "p3", "n1", "q2", "q1"]}  # fmt: skip
    network_module = {
        "nodes": ["USA", "IRN", "IRQ"], "type": "+--",
        "edges": [
            {"source": "USA", "target": "IRN", "sign": 1, "relations": ["p1", "p2", "p3", "n1"]},
            {"source": "IRN", "target": "IRQ", "sign": -1, "relations": ["q2"]},
            {"source": "USA", "target": "IRQ", "sign": -1, "relations": ["q1"]},
        ],
    }  # fmt: skip
    for shape in (documented, network_module):
        uneasy_bundle["triangles"] = {"unbalanced": [shape]}
        assert unbalanced_triangles(uneasy_bundle) == [documented]


def test_triangle_signs_come_from_the_network_when_missing(uneasy_bundle: dict[str, Any]) -> None:
    uneasy_bundle["triangles"] = {"unbalanced": [{"nodes": ["USA", "IRN", "IRQ"]}]}
    (t,) = unbalanced_triangles(uneasy_bundle)
    assert t["signs"] == [1, -1, -1] and t["relations"] == ["p1", "p2", "p3", "n1", "q2", "q1"]


def test_exposure_paths_in_either_shape() -> None:
    bundle = {"exposure_paths": {
        "A": [{"path": ["A", "B", "C"], "hostile_end": "C", "evidence": 3}],
        "C": [{"path": ["C", "B", "A"], "enemy": "A", "enemy_name": "a", "evidence": [6, 1],
               "hostile_relations": ["r9"]}],
        "D": [],
    }}  # fmt: skip
    out = exposure_paths(bundle)
    assert out["A"] == [{"path": ["A", "B", "C"], "enemy": "C", "evidence": 3,
                         "hostile_relations": []}]  # fmt: skip
    assert out["C"][0]["evidence"] == 7 and out["C"][0]["hostile_relations"] == ["r9"]
    assert "D" not in out


def test_strongest_hostile_tie_prefers_prominent_actors_among_equals() -> None:
    bundle = {"network": {
        "nodes": [{"id": "A", "mentions": 1}, {"id": "B", "mentions": 1},
                  {"id": "C", "mentions": 30}, {"id": "D", "mentions": 20}],
        "edges": [_edge("A", "B", -1, ["r1"]), _edge("C", "D", -1, ["r2"])],
    }}  # fmt: skip
    tie = next(f for f in key_findings(bundle) if f["title"].startswith("Strongest hostile"))
    assert tie["title"] == "Strongest hostile tie: C and D"
