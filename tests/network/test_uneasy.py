"""Uneasy alliances on a synthetic US / Iran / ISIL picture."""

from __future__ import annotations

from allegiance.network import build_network, uneasy_alliances

from .factories import relation


def _picture() -> list[dict]:
    return [
        relation("n1", "USA", "IRN", -1, sentence="Washington sanctioned Tehran."),
        relation("n2", "IRN", "USA", -1, sentence="Iran accused the US."),
        relation("n3", "USA", "IRN", -1),
        relation("p1", "USA", "IRN", 1, sentence="US and Iranian forces coordinated near Tikrit."),
        relation("a1", "USA", "ISIL", -1),
        relation("a2", "USA", "ISIL", -1),
        relation("b1", "IRN", "ISIL", -1),
        relation("c1", "USA", "IRQ", 1),
        relation("c2", "IRQ", "ISIL", -1),
        relation("x1", "IRQ", "KRD", 1),
        relation("x2", "KRD", "IRQ", -1),
    ]


def test_us_iran_is_an_uneasy_alliance() -> None:
    G = build_network(_picture())
    found = uneasy_alliances(G)
    top = found[0]
    assert {top["a"], top["b"]} == {"USA", "IRN"}
    assert "shared_enemy" in top["reason"] and "cooperation" in top["reason"]
    assert [s["id"] for s in top["shared_enemies"]] == ["ISIL"]
    assert top["positive_evidence"] == ["p1"]
    assert sorted(top["negative_evidence"]) == ["n1", "n2", "n3"]
    assert top["sentences"]["p1"].startswith("US and Iranian forces")
    assert top["sentences"]["n1"] == "Washington sanctioned Tehran."


def test_mixed_pair_and_friends_are_not_uneasy() -> None:
    found = {frozenset((r["a"], r["b"])): r for r in uneasy_alliances(build_network(_picture()))}
    assert "mixed" in found[frozenset(("IRQ", "KRD"))]["reason"]
    assert frozenset(("USA", "IRQ")) not in found
    # three mutual enemies: each pair "shares an enemy", but nothing more
    assert found[frozenset(("USA", "ISIL"))]["reason"] == ["shared_enemy"]
    assert found[frozenset(("USA", "ISIL"))]["positive_evidence"] == []


def test_ranked_by_score() -> None:
    found = uneasy_alliances(build_network(_picture()))
    scores = [r["score"] for r in found]
    assert scores == sorted(scores, reverse=True)


def test_distrustful_allies_with_a_common_enemy_show_it() -> None:
    # the seed picture: the US works with Iran (net positive) but distrusts it, and both
    # fight ISIL: the common enemy is what the analyst needs to see
    G = build_network([
        relation("p1", "USA", "IRN", 1),
        relation("p2", "USA", "IRN", 1, sentence="US and Iranian forces coordinated."),
        relation("n1", "USA", "IRN", -1),
        relation("a1", "USA", "ISIL", -1),
        relation("b1", "IRN", "ISIL", -1),
        relation("f1", "USA", "IRQ", 1),
        relation("f2", "IRQ", "IRN", 1),
    ])  # fmt: skip
    found = {frozenset((r["a"], r["b"])): r for r in uneasy_alliances(G)}
    top = found[frozenset(("USA", "IRN"))]
    assert top["reason"] == ["shared_enemy", "mixed"]
    assert [s["id"] for s in top["shared_enemies"]] == ["ISIL"]
    assert frozenset(("USA", "IRQ")) not in found  # friends without distrust are not uneasy
