"""Gender agreement shared by the references component and the quote-speaker resolver
(``nlp/references/genders.py``): "she" is a person who may be a woman."""

from __future__ import annotations

import pytest

from allegiance.nlp.extensions import ACTORS_KEY


def _pronouns(nlp, text: str) -> dict[str, str]:
    doc = nlp(text)
    return {s.text: s._.actor.actor_name for s in doc.spans[ACTORS_KEY] if s.root.pos_ == "PRON"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # politics: given names in the knowledge base's people
        (
            "Hillary Clinton debated Donald Trump on Monday. She attacked his record on trade.",
            {"She": "Hillary Clinton", "his": "Donald Trump"},
        ),
        # diplomacy: titles before the names
        (
            "Prime Minister Theresa May met President Emmanuel Macron. He praised her commitment.",
            {"He": "Emmanuel Macron", "her": "Theresa May"},
        ),
        # courts: honorifics
        (
            "Mr. Daniel Okafor sued Mrs. Helen Brandt in March. She denied the claims.",
            {"She": "Helen Brandt"},
        ),
    ],
)
def test_a_personal_pronoun_agrees_with_the_gender_of_its_antecedent(nlp, text, expected) -> None:
    found = _pronouns(nlp, text)
    assert {k: found.get(k) for k in expected} == expected


def test_a_she_no_woman_fits_stays_unresolved(nlp) -> None:
    # a ship is "she": the only person named is a man
    found = _pronouns(nlp, "Captain John Reyes said the frigate was ready. She will sail soon.")
    assert "She" not in found


def test_the_words_of_the_clause_before_a_name_do_not_give_its_gender(nlp) -> None:
    # "Hillary" before "Donald Trump" is another person's name, not his
    found = _pronouns(nlp, "Hillary Clinton debated Donald Trump. He said the debate was rigged.")
    assert found.get("He") == "Donald Trump"
