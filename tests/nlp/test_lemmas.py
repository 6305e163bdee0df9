"""The lemmatizer corrections: lexicon words the model lemmatizes wrongly still trigger."""

from __future__ import annotations

import pytest
import yaml

from allegiance.errors import LexiconError
from allegiance.lexicon.triggers import DEFAULT_LEXICON
from allegiance.nlp.lemmas import LEMMA_PIPE, load_lemma_fixes

pytestmark = pytest.mark.model


def _regular_forms(verb: str) -> list[str]:
    if verb.endswith("e"):
        return [verb + "d", verb + "s"]
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return [verb[:-1] + "ied", verb[:-1] + "ies"]
    return [verb + "ed", verb + ("es" if verb.endswith(("s", "sh", "ch", "x", "z")) else "s")]


def test_every_trigger_verb_lemmatizes_to_itself(nlp):
    """Regular past and third-person forms of every one-word trigger verb come back to it."""
    verbs = yaml.safe_load(DEFAULT_LEXICON.read_text(encoding="utf-8"))["verbs"]
    wrong = []
    for verb in verbs:
        if " " in verb or verb in {"retook", "retaken", "ultimatum"}:  # not base forms
            continue
        for form in _regular_forms(verb):
            doc = nlp(f"Officials said the government {form} the opposition on Monday.")
            tok = next(t for t in doc if t.lower_ == form)
            if tok.pos_ == "VERB" and tok.lemma_.lower() != verb:
                wrong.append((form, tok.lemma_))
    assert wrong == []


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        (
            "The European Union fined Microsoft 561 million euros for breaking its promise.",
            "SANCTION",
        ),
        ("The United States fined Iran's central bank for evading sanctions.", "SANCTION"),
        ("Russia waged war against Ukraine for a decade.", "ASSAULT"),
        ("Hamas staged attacks on Israel from Gaza.", "ASSAULT"),
    ],
)
def test_misread_verbs_trigger(nlp, sentence, category):
    assert LEMMA_PIPE in nlp.pipe_names
    assert category in {r.category for r in nlp(sentence)._.relations}


def test_nouns_and_adjectives_keep_their_lemma(nlp):
    doc = nlp("The fines were paid, the hopes faded and the stage in Geneva was fine.")
    lemmas = {t.lower_: t.lemma_ for t in doc}
    assert lemmas["stage"] == "stage"
    assert not nlp("He said the weather in Geneva was fine.")._.relations


def test_user_file_adds_fixes_and_bad_entries_are_named(tmp_path):
    good = tmp_path / "mine.yaml"
    good.write_text("lemmas:\n  bomb: {forms: [bombd], pos: VERB}\n", encoding="utf-8")
    assert load_lemma_fixes([good])[("bombd", "VERB")] == "bomb"
    bad = tmp_path / "bad.yaml"
    bad.write_text("lemmas:\n  bomb: 3\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"bad\.yaml: entry 'bomb'"):
        load_lemma_fixes([bad])
