"""Sentence boundaries set before the parser: blank lines, and the cap on run length."""

from __future__ import annotations

import cProfile
import pstats
import random

import pytest
import spacy
from spacy.language import Language

from allegiance.ingest import read_documents
from allegiance.ingest.demo import demo_corpus_paths
from allegiance.nlp.paragraphs import DEFAULT_MAX_TOKENS


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


# ---------------------------------------------------------------- the sentence-length cap

_FILLER = [
    "the",
    "army",
    "of",
    "iran",
    "and",
    "the",
    "united",
    "states",
    "fight",
    "isil",
    "in",
    "iraq",
    "while",
    "kurds",
    "and",
    "turkey",
    "watch",
    "militias",
    "said",
    "officials",
]


def _unpunctuated(n_words: int, seed: int = 0) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(_FILLER) for _ in range(n_words))


@pytest.fixture(scope="module")
def capper() -> Language:
    """A blank pipeline with only the boundary components (the cap needs no model)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("allegiance_paragraphs")
    nlp.add_pipe("allegiance_sentence_cap", config={"max_tokens": 20})
    return nlp


def test_cap_bounds_sentences_of_unpunctuated_text_and_counts_the_breaks(nlp):
    doc = nlp(_unpunctuated(1200))
    assert max(len(s) for s in doc.sents) <= DEFAULT_MAX_TOKENS
    assert doc._.forced_breaks >= 1200 // DEFAULT_MAX_TOKENS


def test_cap_bounds_runs_of_short_lines_without_full_stops(nlp):
    rng = random.Random(1)
    lines = [" ".join(rng.choice(_FILLER) for _ in range(rng.randint(3, 9))) for _ in range(150)]
    doc = nlp("\n".join(lines))
    assert max(len(s) for s in doc.sents) <= DEFAULT_MAX_TOKENS
    assert doc._.forced_breaks > 0


@pytest.mark.parametrize(
    ("text", "first_of_second"),
    [
        # a comma in the last third of the window: the break goes after it
        (" ".join(["word"] * 16) + ", " + " ".join(["word"] * 10), 16 + 1),
        # no pause: before the conjunction
        (" ".join(["word"] * 15) + " and " + " ".join(["word"] * 10), 15),
        # a line break beats a comma
        (" ".join(["word"] * 14) + "\n" + " ".join(["word"] * 2) + ", word word word word", 15),
        # nothing to prefer: at the cap
        (" ".join(["word"] * 30), 20),
    ],
)
def test_cap_breaks_at_a_pause_or_a_conjunction_before_the_cap(capper, text, first_of_second):
    doc = capper(text)
    sents = list(doc.sents)
    assert sents[1].start == first_of_second
    assert all(len(s) <= 20 for s in sents)


def test_cap_never_fires_on_punctuated_runs_or_paragraphs(capper):
    text = "\n\n".join([" ".join(["word"] * 19) + "."] * 5) + " " + " ".join(["word"] * 19) + "!"
    doc = capper(text)
    assert doc._.forced_breaks == 0


def test_cap_never_fires_on_the_demo_corpus_and_the_seeds(seed_texts):
    # Prose always reaches a full stop within the default cap, so nothing is forced and the
    # output is that of the pipeline without the cap.
    nlp = spacy.blank("en")
    nlp.add_pipe("allegiance_paragraphs")
    nlp.add_pipe("allegiance_sentence_cap")
    texts = [d.text for d in read_documents(demo_corpus_paths())] + list(seed_texts.values())
    assert texts
    assert all(doc._.forced_breaks == 0 for doc in nlp.pipe(texts))


def test_cap_leaves_normal_prose_unchanged(seed_texts):
    from allegiance.nlp.pipeline import build_pipeline

    capped = build_pipeline()
    uncapped = build_pipeline(max_sentence_tokens=None)
    assert "allegiance_sentence_cap" not in uncapped.pipe_names
    for text in seed_texts.values():
        a, b = capped(text), uncapped(text)
        assert [s.start for s in a.sents] == [s.start for s in b.sents]
        assert [r.model_dump() for r in a._.relations] == [r.model_dump() for r in b._.relations]
        assert [q.model_dump() for q in a._.quotes] == [q.model_dump() for q in b._.quotes]


# ---------------------------------------------------------------- cost grows linearly


def _calls(nlp: Language, text: str) -> int:
    """Python function calls made by the allegiance components on ``text`` (deterministic)."""
    doc = nlp.make_doc(text)
    total = 0
    for name, proc in nlp.pipeline:
        if not name.startswith("allegiance_"):
            doc = proc(doc)
            continue
        profile = cProfile.Profile()
        profile.enable()
        doc = proc(doc)
        profile.disable()
        total += pstats.Stats(profile).total_calls  # type: ignore[attr-defined]
    return total


@pytest.mark.slow
def test_extraction_cost_on_unpunctuated_text_grows_linearly(nlp):
    # An operation count, not a clock: four times the text, well under 8 times the calls
    # (the pairwise scans this replaced made it about 16 times).
    small = _calls(nlp, _unpunctuated(1500))
    large = _calls(nlp, _unpunctuated(6000))
    assert large < 8 * small
