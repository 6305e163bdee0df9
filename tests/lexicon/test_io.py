"""The one layered loader of lexicon data files: validation and errors naming file and entry."""

from __future__ import annotations

from dataclasses import fields

import pytest
import yaml

from allegiance.errors import LexiconError
from allegiance.lexicon import load_lexicon
from allegiance.lexicon.io import merge_word_lists, read_layers, word_list
from allegiance.lexicon.triggers import RELATION_WORDS, Lexicon


def test_word_lists_are_lower_cased_and_null_is_empty():
    assert word_list(["Hold", "control", 7], "f.yaml", "holding_verbs") == ["hold", "control", "7"]
    assert word_list(None, "f.yaml", "holding_verbs") == []


@pytest.mark.parametrize("value", ["hold control", {"hold": 1}, [["hold"]]])
def test_a_word_list_that_is_no_list_of_words_is_named(value):
    with pytest.raises(LexiconError, match=r"^f\.yaml: entry 'holding_verbs': must be a list"):
        word_list(value, "f.yaml", "holding_verbs")


def test_a_bare_yaml_boolean_in_a_word_list_is_named(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("particle_prepositions: [out, off]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="mine.yaml: entry 'particle_prepositions': .*quote it"):
        load_lexicon((str(path),))


def test_a_file_that_is_not_yaml_is_named(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("holding_verbs: [hold\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="broken.yaml: invalid YAML"):
        read_layers([path])


def test_later_layers_add_words(tmp_path):
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text("copulas: [be]\nquantifiers: [all]\n", encoding="utf-8")
    second.write_text("copulas: [become]\n", encoding="utf-8")
    merged = merge_word_lists(read_layers([first, second]), ("copulas", "quantifiers", "x"))
    assert merged == {
        "copulas": frozenset({"be", "become"}),
        "quantifiers": frozenset({"all"}),
        "x": frozenset(),
    }


def test_every_bundled_relation_word_list_is_a_lexicon_field_and_loaded():
    data = yaml.safe_load(RELATION_WORDS.read_text(encoding="utf-8"))
    lists = {k for k, v in data.items() if isinstance(v, list)}
    assert len(lists) >= 10
    names = {f.name for f in fields(Lexicon)}
    lex = load_lexicon()
    for name in lists:
        assert name in names
        assert getattr(lex, name) == frozenset(str(w).lower() for w in data[name])


def test_a_user_file_extends_a_relation_word_list(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("holding_verbs: [patrol]\n", encoding="utf-8")
    lex = load_lexicon((str(path),))
    assert {"patrol", "hold", "control"} <= lex.holding_verbs
