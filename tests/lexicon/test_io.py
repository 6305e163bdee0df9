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


def _word_lists(value, where):
    """Every list of scalars anywhere in a YAML document, with where it is."""
    if isinstance(value, dict):
        for key, sub in value.items():
            yield from _word_lists(sub, f"{where}.{key}")
    elif isinstance(value, list):
        if all(not isinstance(v, dict | list) for v in value):
            yield where, value
        else:
            for i, sub in enumerate(value):
                yield from _word_lists(sub, f"{where}[{i}]")


def _boolean_lists(*, patterns: bool):
    from allegiance.lexicon.triggers import DEFAULT_LEXICON

    return [
        (where, value)
        for path in sorted(DEFAULT_LEXICON.parent.glob("*.yaml"))
        for where, value in _word_lists(yaml.safe_load(path.read_text("utf-8")), path.name)
        if any(isinstance(v, bool) for v in value) and (".patterns[" in where) == patterns
    ]


def test_no_bundled_word_list_holds_a_yaml_boolean():
    # a bare `no` or `true` in a word list is read as a boolean, not the word
    assert not _boolean_lists(patterns=False)


def test_no_bundled_pattern_holds_a_yaml_boolean():
    # "on the side of", "on behalf of": a bare `on` in YAML 1.1 is true, so the word is quoted
    assert not _boolean_lists(patterns=True)


def test_the_reference_lists_go_through_the_loader(tmp_path):
    from allegiance.nlp.references import load_references

    path = tmp_path / "refs.yaml"
    path.write_text("event_agents: strike\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="refs.yaml: entry 'event_agents': must be a list"):
        load_references((str(path),))


# -- routing of the user's --lexicon files to the loaders that own each entry -------------------


def _write(tmp_path, text, name="user.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_flat_entry_goes_to_the_bundled_files_of_its_name_and_shape(tmp_path):
    from allegiance.nlp.quotes.lexicon import load_quote_lexicon

    # 'verbs' is a list of speech verbs in quote_cues.yaml and a mapping of triggers in
    # triggers.yaml: each shape reaches its own loader only
    user = _write(
        tmp_path,
        "verbs:\n  scold: {category: ACCUSE}\n",
    )
    assert "scold" in load_lexicon((user,)).verbs
    assert load_quote_lexicon((user,)).verbs == load_quote_lexicon().verbs
    listed = _write(tmp_path, "verbs: [harrumph]\n", "listed.yaml")
    assert "harrumph" in load_quote_lexicon((listed,)).verbs
    assert "harrumph" not in load_lexicon((listed,)).verbs


def test_a_section_named_after_a_bundled_file_reaches_only_that_file(tmp_path):
    from allegiance.nlp.quantities.lexicon import load_quantity_lexicon
    from allegiance.nlp.quotes.lexicon import load_quote_lexicon

    user = _write(
        tmp_path,
        "quote_cues:\n  verbs: [harrumph]\nquantity_units:\n  currencies: {Ksh: KES}\n",
    )
    assert "harrumph" in load_quote_lexicon((user,)).verbs
    assert load_quantity_lexicon((user,)).currencies["Ksh"] == "KES"
    assert "harrumph" not in load_lexicon((user,)).verbs


@pytest.mark.parametrize(
    ("text", "entry", "reason"),
    [
        ("quote_cues: [harrumph]\n", "quote_cues", "must hold a mapping"),
        ("verbz: [harrumph]\n", "verbz", "no bundled lexicon file has this entry"),
        ("verbs: harrumph\n", "verbs", "must be a list (as in quote_cues.yaml) or a mapping"),
        ("months: [sept]\n", "months", "must be a mapping (as in time.yaml)"),
        # a section's entries are checked against the file it names
        ("time:\n  monthz: {sept: 9}\n", "time.monthz", "no bundled lexicon file has this entry"),
        ("quote_cues:\n  verbs: {harrumph: 1}\n", "quote_cues.verbs", "must be a list"),
    ],
)
def test_an_entry_that_fits_no_bundled_file_is_named(tmp_path, text, entry, reason):
    from allegiance.lexicon.io import user_layers

    user = _write(tmp_path, text)
    with pytest.raises(LexiconError) as info:
        user_layers([user], ["quote_cues"])
    message = str(info.value)
    assert message.startswith(f"{user}: entry {entry!r}: ")
    assert reason in message
    assert "\n" not in message


def test_lemmas_is_both_a_file_and_its_entry(tmp_path):
    from allegiance.nlp.lemmas import load_lemma_fixes

    flat = _write(tmp_path, "lemmas:\n  grumble: [grumbled]\n", "flat.yaml")
    sectioned = _write(tmp_path, "lemmas:\n  lemmas:\n    grumble: [grumbled]\n", "sect.yaml")
    for path in (flat, sectioned):
        fixes = load_lemma_fixes([path])
        assert "grumble" in fixes.values()
    assert "grumble" not in load_lemma_fixes().values()


def test_a_user_agent_class_gains_words_and_keeps_its_fields(tmp_path):
    from allegiance.kb import ActorKB, load_agents

    user = _write(tmp_path, "agents:\n  classes:\n    police: {words: {1: [carabinieri]}}\n")
    agents = load_agents((user,))
    assert agents.classify("carabinieri") == ("police", 1)
    assert agents.classes["police"].suffix == load_agents().classes["police"].suffix
    assert agents.classify("troops") == ("military", 1)  # the bundled words stay
    assert load_agents().classify("carabinieri") is None
    assert ActorKB.load(lexicon_paths=[user]).agents.classify("carabinieri") == ("police", 1)


def test_every_bundled_data_file_reads_through_the_one_reader():
    from pathlib import Path

    import allegiance

    root = Path(allegiance.__file__).parent
    direct = [
        str(p.relative_to(root))
        for p in root.rglob("*.py")
        if "yaml.safe_load(" in p.read_text(encoding="utf-8") and p.name != "io.py"
    ]
    assert direct == []
