"""An appeal to someone to act ("urged X to", "called on X to", "asked X to") is verbal
cooperation that takes no side (CAMEO 02 APPEAL: the trigger lexicon's ``REQUEST/appeal``
mode), while a demand stays a demand: hostile, verbal conflict (CAMEO 10 DEMAND)."""

from __future__ import annotations

import pytest

from .helpers import find, relations

APPEALS = [
    # (domain, sentence, source family, target family)
    ("diplomacy", "The European Union urged Turkey to respect the ceasefire.", "EU", "TUR"),
    ("trade", "Brazil called on Argentina to reopen the border to trucks.", "BRA", "ARG"),
    ("courts", "China asked Japan to return the fishing boat and its captain.", "CHN", "JPN"),
]

DEMANDS = [
    ("demand with a clause", "Russia demanded that Ukraine withdraw its troops.", "RUS", "UKR"),
    ("asked-for act", "Ukraine called for new sanctions against Russia.", "UKR", "RUS"),
]


@pytest.mark.parametrize(("domain", "text", "source", "target"), APPEALS)
def test_an_appeal_to_act_takes_no_side(nlp, domain, text, source, target) -> None:
    hits = find(relations(nlp, text), source, target, categories={"REQUEST"})
    assert hits, f"{domain}: no request from {source} to {target}"
    assert all(r.mode == "appeal" and r.sign == 0 and r.quad_class == 1 for r in hits), [
        (r.mode, r.sign, r.quad_class) for r in hits
    ]


@pytest.mark.parametrize(("case", "text", "source", "target"), DEMANDS)
def test_a_demand_stays_hostile(nlp, case, text, source, target) -> None:
    hits = find(relations(nlp, text), source, target, categories={"REQUEST"})
    assert hits, f"{case}: no request from {source} to {target}"
    assert all(r.mode != "appeal" and r.sign == -1 and r.quad_class == 3 for r in hits)


def test_a_mode_of_an_unknown_category_is_refused(tmp_path) -> None:
    from allegiance.errors import LexiconError
    from allegiance.lexicon.triggers import load_lexicon

    user = tmp_path / "mine.yaml"
    user.write_text(
        "version: 1\ncategories:\n  PLEAD/appeal: {quad_class: 1, sign: 0, intensity: 1}\n"
    )
    with pytest.raises(LexiconError, match="mine.yaml"):
        load_lexicon((str(user),))
