"""The quotes package keeps the old module's public face: names, factory and data files."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

import allegiance
import allegiance.nlp.quotes as quotes

DATA = Path(allegiance.__file__).resolve().parent / "lexicon" / "data"


def test_the_public_names_import_from_the_package() -> None:
    for name in quotes.__all__:
        assert getattr(quotes, name, None) is not None, name


def test_the_bundled_lexicons_are_found_from_the_deeper_location() -> None:
    assert quotes.QUOTE_CUES == DATA / "quote_cues.yaml"
    assert quotes.ANONYMOUS_SOURCES == DATA / "anonymous_sources.yaml"
    lex = quotes.load_quote_lexicon()
    assert "say" in lex.verbs
    assert lex.anonymous_heads


def test_the_factory_name_is_unchanged() -> None:
    assert Language.has_factory("allegiance_quotes")
