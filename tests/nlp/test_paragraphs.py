"""Sentence boundaries at blank lines."""

from __future__ import annotations


def test_headline_byline_and_paragraph_are_separate_sentences(nlp):
    text = (
        "Plan to battle ISIS creates uneasy alliance that has US working with Iran\n\n"
        "Benjamin Hall reports from Iraq\n\n\n"
        "The Americans don’t trust the Iranians, the Iranians covet Iraq."
    )
    sents = [s.text.strip() for s in nlp(text).sents]
    assert sents[0].endswith("working with Iran")
    assert sents[1] == "Benjamin Hall reports from Iraq"
    assert sents[2].startswith("The Americans")


def test_single_newline_does_not_split(nlp):
    text = "The US and Iran both fight ISIL in Iraq, and the militias\nfight alongside them."
    assert len(list(nlp(text).sents)) == 1
