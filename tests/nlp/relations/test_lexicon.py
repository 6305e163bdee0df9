"""The trigger lexicon as the relation component reads it (user files, errors)."""

from __future__ import annotations

import pytest

from allegiance.lexicon import load_lexicon

from .helpers import family, relations


def test_user_lexicon_overrides_and_extends(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("verbs:\n  shun: OPPOSE\n  praise: null\n", encoding="utf-8")
    lex = load_lexicon((str(path),))
    assert lex.verbs["shun"].category == "OPPOSE"
    assert "praise" not in lex.verbs
    assert "attack" in lex.verbs


def test_bad_lexicon_entry_is_named(tmp_path):
    from allegiance.errors import LexiconError

    path = tmp_path / "bad.yaml"
    path.write_text("verbs:\n  shun: HUG\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="shun"):
        load_lexicon((str(path),))


def test_documented_user_lexicon_example_loads_and_applies(tmp_path):
    # the example in docs/relations.md is a working user lexicon
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[3] / "docs" / "relations.md").read_text("utf-8")
    block = doc.split("```yaml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "mine.yaml"
    path.write_text(block, encoding="utf-8")
    lex = load_lexicon((str(path),))
    assert lex.verbs["bombard"].category == "ASSAULT" and lex.verbs["bombard"].mode == "artillery"
    assert lex.verbs["recognise"].negated_as is not None
    assert any(p.tokens == ("in", "lockstep", "with") for p in lex.patterns)
    assert "convoy" in lex.assets and "vehicle" in lex.assets


def _with_lexicon(nlp, text, path):
    from allegiance.nlp.relations import RelationExtractor

    doc = nlp(text)
    return RelationExtractor(nlp, "test_relations", lexicon_paths=[str(path)])(doc)._.relations


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # a place stands for its holder (holding_verbs)
        ("Iraqi forces recaptured villages patrolled by ISIL.", "holding_verbs: [patrol]"),
        # the event comes from the one after "from" (receiving_verbs)
        ("Iraqi forces weathered heavy fire from ISIL fighters.", "receiving_verbs: [weather]"),
    ],
)
def test_a_users_word_list_reaches_the_constructions(nlp, tmp_path, text, words):
    path = tmp_path / "mine.yaml"
    path.write_text(words + "\n", encoding="utf-8")
    before = [r for r in relations(nlp, text) if r.category == "ASSAULT"]
    after = [r for r in _with_lexicon(nlp, text, path) if r.category == "ASSAULT"]
    assert not any(
        family(r.target.actor_id) == "ISIL" or family(r.source.actor_id) == "ISIL" for r in before
    )
    assert any("ISIL" in (family(r.source.actor_id), family(r.target.actor_id)) for r in after)
