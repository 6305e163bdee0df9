"""Adjectival and compound backers ("Iranian-backed", "committed to")."""

from __future__ import annotations

import pytest

from .helpers import check_case

CASES = [
    # (construction, sentence, source family, target family, categories, negated, hypothetical)
    (
        "adjectival backer",
        "But it is the Iranian-backed Shia militias who incite the most fear "
        "and hatred among coalition members.",
        "IRN",
        "SHIA",
        {"SUPPORT"},
        False,
        False,
    ),
    (
        "commitment",
        "Iran is committed to the survival of president Bashar al-Assad’s regime.",
        "IRN",
        None,
        {"SUPPORT"},
        False,
        False,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_construction(nlp, case):
    check_case(nlp, case)
