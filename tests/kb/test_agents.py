"""The agent-noun lexicon."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from allegiance.errors import KnowledgeBaseError
from allegiance.kb import load_agents


@pytest.mark.parametrize(
    ("word", "cls"),
    [("troops", "military"), ("Army", "military"), ("government", "government"),
     ("regime", "government"), ("police", "police"), ("militias", "militia"),
     ("opposition", "opposition"), ("rebels", "rebels"), ("civilians", "civilians")],
)  # fmt: skip
def test_classify(word: str, cls: str) -> None:
    hit = load_agents().classify(word)
    assert hit is not None and hit[0] == cls


def test_tiers_rank_marks_above_heads_above_weak_words() -> None:
    lex = load_agents()
    assert lex.classify("police")[1] > lex.classify("forces")[1] > lex.classify("officials")[1]
    assert lex.classify("banana") is None
    assert "maj" in lex.titles and "security" in lex.modifiers


def test_places_are_data_and_a_malformed_section_is_named(tmp_path) -> None:
    bundled = load_agents()
    assert "in" in bundled.place("locative_prepositions")
    assert "fire" in bundled.place("aiming_verbs")
    assert bundled.place("no such list") == frozenset()
    data = yaml.safe_load(
        (Path(__file__).resolve().parents[2] / "src/allegiance/lexicon/data/agents.yaml").read_text(
            encoding="utf-8"
        )
    )
    data["places"] = ["in", "at"]
    bad = tmp_path / "agents.yaml"
    bad.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"agents\.yaml.*'places'"):
        load_agents(str(bad))
