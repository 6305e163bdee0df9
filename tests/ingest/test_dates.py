"""Publication dates normalised to ISO, and never guessed."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from allegiance.ingest.dates import normalise_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2014-11-09", "2014-11-09"),
        ("November 9, 2014", "2014-11-09"),
        ("Nov 9, 2014", "2014-11-09"),
        ("9 November 2014", "2014-11-09"),
        ("Sunday, November 9th, 2014", "2014-11-09"),
        ("2016-10-20T10:00:00Z", "2016-10-20"),
        ("2016-10-20T23:30:00-05:00", "2016-10-20"),
        ("2016-10-20 10:00", "2016-10-20"),
        ("Thu, 20 Oct 2016 10:00:00 GMT", "2016-10-20"),
        ("2014/11/09", "2014-11-09"),
        (date(2014, 11, 9), "2014-11-09"),
        (datetime(2016, 10, 20, 10), "2016-10-20"),
    ],
)
def test_readable_dates(value: object, expected: str) -> None:
    assert normalise_date(value) == expected


@pytest.mark.parametrize(
    "value", ["", "last Tuesday", "2014-13-40", "09/11/2014", "sometime in 2014", None, 2014]
)
def test_unreadable_or_ambiguous_dates_are_none(value: object) -> None:
    assert normalise_date(value) is None
