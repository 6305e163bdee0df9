"""Courts, prosecutors and regulators acting on actors: the legal family of triggers."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("sentence", "source", "target", "category"),
    [
        # courts, prosecutors and regulators: law as coercion, suits and charges as accusations
        ("Egypt jailed three Al Jazeera journalists on Monday.", "EGY", "MEDIA", "COERCE"),
        ("Mexico sued the United States over the border wall.", "MEX", "USA", "ACCUSE"),
        (
            "The United States indicted Russia's military intelligence agency over the hacking.",
            "USA",
            "RUS",
            "ACCUSE",
        ),
        ("Germany extradited the Kurdish militant to Turkey.", "DEU", "KURDS", "COERCE"),
    ],
)
def test_legal_acts_are_relations(nlp, sentence, source, target, category):
    found = {
        (r.source.actor_id.split(".")[0], r.target.actor_id.split(".")[0], r.category)
        for r in nlp(sentence)._.relations
    }
    assert (source, target, category) in found


def test_legal_words_as_nouns_are_no_relation(nlp):
    assert not nlp("The convicted man said the fine and the sentence were fair.")._.relations
