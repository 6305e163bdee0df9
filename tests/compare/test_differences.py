"""Differences across outlets: only-in ties, opposite signs, numbers over time, coverage."""

from __future__ import annotations

import pytest

from allegiance.compare import compare_outlets
from allegiance.compare.differences import date_period, figures_agree
from allegiance.compare.model import ReportedNumber

from ._factory import doc, mentions, quantity, relation, seed_like_records


@pytest.fixture(scope="module")
def diffs():
    return compare_outlets(seed_like_records()).differences


def test_ties_only_one_outlet_reports(diffs):
    only = {(d.outlet, d.tie.a, d.tie.b) for d in diffs.only_in}
    assert ("Fox News", "IRN", "TUR") in only
    assert ("Fox News", "KURDS", "PMF") in only
    assert ("Al Jazeera", "ASSAD", "IRN") in only
    # Both report the fight against ISIL and Iran's backing of the militias.
    assert not any(d.tie.b == "ISIL" and d.tie.a == "USA" for d in diffs.only_in)
    assert not any((d.tie.a, d.tie.b) == ("IRN", "PMF") for d in diffs.only_in)
    tur = next(d for d in diffs.only_in if d.tie.a == "IRN" and d.tie.b == "TUR")
    assert (tur.tie.sign, tur.tie.evidence, tur.tie.b_name) == (-1, 1, "Turkey")


def test_ties_with_opposite_signs(diffs):
    assert [(d.a, d.b, d.signs) for d in diffs.opposite_sign] == [
        ("IRN", "USA", {"Al Jazeera": -1, "Fox News": 1})
    ]


def test_troop_figures_read_as_growth_over_time(diffs):
    troops = [d for d in diffs.numbers if (d.concept, d.actor_id) == ("troops", "USA")]
    assert len(troops) == 1
    finding = troops[0]
    assert (finding.kind, finding.direction) == ("change_over_time", "up")
    # The change ("1,500 more") and the part ("more than 600") are not the totals compared.
    assert [(v.outlet, v.value, v.date) for v in finding.values] == [
        ("Al Jazeera", 3000, "2014-11-10"),
        ("Fox News", 5000, "2016-10-20"),
    ]
    # Only one outlet reports advisers: nothing to compare.
    assert not [d for d in diffs.numbers if d.concept == "advisers"]


def _numbers(*entries):
    """Records of outlets each reporting one figure: (outlet, published, value, date)."""
    records = []
    for i, (outlet, published, value, date) in enumerate(entries):
        records.append(doc(f"d{i}", outlet, published))
        records.append(quantity(f"d{i}", value, "troops", "USA", date=date))
    return compare_outlets(records).differences.numbers


def test_different_figures_in_the_same_month_are_a_discrepancy():
    numbers = _numbers(("A", "2016-10-20", 5000, None), ("B", "2016-10-03", 4000, None))
    assert [(d.kind, d.direction) for d in numbers] == [("discrepancy", None)]
    assert {v.outlet: v.value for v in numbers[0].values} == {"A": 5000, "B": 4000}


def test_undated_figures_in_undated_documents_are_compared_as_one_period():
    numbers = _numbers(("A", None, 5000, None), ("B", None, 4000, None))
    assert [d.kind for d in numbers] == ["discrepancy"]


def test_undated_figure_is_not_read_as_a_change_against_a_dated_one():
    assert _numbers(("A", None, 3000, None), ("B", "2016-10-20", 5000, None)) == ()


def test_figures_that_fall_are_a_change_down():
    numbers = _numbers(("A", "2016-10-20", 5000, None), ("B", "2018-01-01", 2000, None))
    assert [(d.kind, d.direction) for d in numbers] == [("change_over_time", "down")]
    assert [v.outlet for v in numbers[0].values] == ["A", "B"]


def test_text_date_wins_over_publication_date():
    # B is published in 2016 but its figure is dated 2014 in the text: same period as A's.
    numbers = _numbers(("A", "2014-11-10", 3000, None), ("B", "2016-10-20", 3500, "2014-11"))
    assert [d.kind for d in numbers] == ["discrepancy"]


def test_year_only_date_is_one_period_with_the_months_of_that_year():
    numbers = _numbers(("A", "2014-11-10", 3000, None), ("B", "2016-10-20", 4000, "2014"))
    assert [d.kind for d in numbers] == ["discrepancy"]


def test_agreeing_figures_are_no_difference():
    assert _numbers(("A", "2014-11-10", 3000, None), ("B", "2014-11-02", 3000, None)) == ()
    assert _numbers(("A", "2014-11-10", 3000, None), ("B", "2016-11-02", 3000, None)) == ()


def test_one_outlets_own_figures_are_no_outlet_difference():
    assert _numbers(("A", "2014-11-10", 3000, None), ("A", "2016-11-02", 5000, None)) == ()


def _n(value, low=None, high=None, approximate=False):
    return ReportedNumber(
        concept="troops", actor_id="USA", value=value, low=low, high=high,
        approximate=approximate, change="=", date=None, text=str(value),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("x", "y", "agree"),
    [
        (_n(3000, low=3000, approximate=True), _n(3000), True),  # "just over 3,000" / "3,000"
        (_n(5000, high=5000, approximate=True), _n(4900), True),  # "nearly 5,000" / "4,900"
        (_n(3000), _n(3100), False),
        (_n(10, low=10, high=20), _n(15), True),  # "between 10 and 20"
        (_n(3000, approximate=True), _n(5000, approximate=True), False),
    ],
)
def test_figures_agree(x, y, agree):
    assert figures_agree(x, y) is agree
    assert figures_agree(y, x) is agree


@pytest.mark.parametrize(
    ("date", "year_only", "period"),
    [("2014-11-10", False, "2014-11"), ("2014-11", False, "2014-11"), ("2014", False, "2014"),
     ("2014-11-10", True, "2014"), (None, False, None), ("last week", False, None)],
)  # fmt: skip
def test_date_period(date, year_only, period):
    assert date_period(date, year_only=year_only) == period


def test_actors_one_outlet_covers_and_another_ignores(diffs):
    by_actor = {d.actor_id: d for d in diffs.not_covered}
    assert by_actor["ASSAD"].covered_by == ("Al Jazeera",)
    assert by_actor["ASSAD"].ignored_by == ("Fox News",)
    assert by_actor["ASSAD"].name == "Bashar al-Assad"
    assert by_actor["TUR"].covered_by == ("Fox News",)
    # One passing mention of the Kurds is below the threshold: not coverage.
    assert "KURDS" not in by_actor


def test_mention_threshold_is_an_option():
    records = seed_like_records()
    low = compare_outlets(records, min_mentions=1).differences.not_covered
    assert "KURDS" in {d.actor_id for d in low}
    high = compare_outlets(records, min_mentions=10).differences.not_covered
    assert high == ()


def test_three_outlets():
    records = [doc("a", "Al Jazeera", "2014-11-10"), doc("f", "Fox News", "2016-10-20"),
               doc("r", "Reuters", "2015-06-01")]  # fmt: skip
    for d in "afr":
        records += mentions(d, "IRN", 3)
    records += mentions("r", "ASSAD", 4)
    records += [
        relation("a", "USA", "IRN", "OPPOSE", -1),
        relation("f", "USA", "IRN", "COOPERATE", 1),
        relation("r", "USA", "IRN", "COOPERATE", 1),
        relation("a", "IRN", "ISIL", "ASSAULT", -1),
        relation("r", "IRN", "ISIL", "ASSAULT", -1),  # two of three: not "only in"
        relation("r", "IRN", "ASSAD", "SUPPORT", 1),
        quantity("a", 3000, "troops", "USA"),
        quantity("r", 3500, "troops", "USA"),
        quantity("f", 5000, "troops", "USA"),
    ]
    result = compare_outlets(records)
    assert list(result.outlets) == ["Al Jazeera", "Fox News", "Reuters"]
    diffs = result.differences
    assert [(d.outlet, d.tie.a, d.tie.b) for d in diffs.only_in] == [("Reuters", "ASSAD", "IRN")]
    assert diffs.opposite_sign[0].signs == {"Al Jazeera": -1, "Fox News": 1, "Reuters": 1}
    (troops,) = diffs.numbers
    assert (troops.kind, troops.direction) == ("change_over_time", "up")
    assert [v.outlet for v in troops.values] == ["Al Jazeera", "Reuters", "Fox News"]
    (assad,) = diffs.not_covered
    assert (assad.covered_by, assad.ignored_by) == (("Reuters",), ("Al Jazeera", "Fox News"))


def test_a_single_outlet_has_no_differences():
    records = [r for r in seed_like_records() if r.doc_id == "fox"]
    result = compare_outlets(records)
    assert list(result.outlets) == ["Fox News"]
    assert result.differences.to_dict() == {
        "only_in": [], "opposite_sign": [], "numbers": [], "not_covered": [],
    }  # fmt: skip


def test_figures_for_a_state_and_its_forces_are_compared_at_country_level():
    # the country comes from what the mention records (or a KB given as ``actors``) say
    records = [
        doc("a", "A", "2014-11-10"),
        *mentions("a", "USA_MIL"),
        quantity("a", 3000, "troops", "USA_MIL"),
        doc("b", "B", "2016-10-20"),
        *mentions("b", "USA"),
        quantity("b", 5000, "troops", "USA"),
        quantity("b", 500, "troops killed", "USA_MIL"),
    ]
    numbers = compare_outlets(records).differences.numbers
    assert [(d.concept, d.actor_id, d.kind, d.direction) for d in numbers] == [
        ("troops", "USA", "change_over_time", "up")
    ]
