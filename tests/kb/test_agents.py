"""The agent-noun lexicon."""

from __future__ import annotations

import pytest

from allegiance.kb import load_agents


@pytest.mark.parametrize(
    ("word", "cls"),
    [("troops", "military"), ("Army", "military"), ("government", "government"),
     ("regime", "government"), ("police", "police"), ("militias", "militia"),
     ("opposition", "rebels"), ("civilians", "civilians")],
)  # fmt: skip
def test_classify(word: str, cls: str) -> None:
    hit = load_agents().classify(word)
    assert hit is not None and hit[0] == cls


def test_tiers_rank_marks_above_heads_above_weak_words() -> None:
    lex = load_agents()
    assert lex.classify("police")[1] > lex.classify("forces")[1] > lex.classify("officials")[1]
    assert lex.classify("banana") is None
    assert "maj" in lex.titles and "security" in lex.modifiers
