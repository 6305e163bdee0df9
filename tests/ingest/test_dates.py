"""Publication dates normalised to ISO, and never guessed."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from allegiance.ingest.dates import date_from_text, normalise_date


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # wire datelines: place in capitals, date, dash
        ("WASHINGTON, March 3, 2016 — The State Department said", ("2016-03-03", "dateline")),
        ("BAGHDAD, Iraq (Reuters) - March 3, 2016 - Iraqi forces", ("2016-03-03", "dateline")),
        ("MOSUL, Iraq, Oct. 20, 2016 (AP) — Iraqi troops", ("2016-10-20", "dateline")),
        ("Headline\n\nCAIRO, 12 May 2015: Protesters", ("2015-05-12", "dateline")),
        # date lines at the top
        ("A title\nPosted: 12 May 2015\n\nThe court ruled.", ("2015-05-12", "text")),
        ("Published on Thursday, October 20, 2016 10:00 GMT\nText", ("2016-10-20", "text")),
        ("Updated: Nov. 9, 2014 | 10:30 AM\nText", ("2014-11-09", "text")),
        ("Headline\n\nMarch 3, 2016\n\nText", ("2016-03-03", "text")),
    ],
)
def test_date_from_the_top_of_the_text(text: str, expected: tuple[str, str]) -> None:
    assert date_from_text(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # an event's date inside a sentence is not the document's
        "Iran sent troops on March 3, 2016.",
        "The SDF began their advance to isolate Raqqah, Syria, Nov. 6, 2016. The Coalition",
        "On March 3, 2016 - the talks failed.",
        # a dateline without a date, a date without a year, a date far down the text
        "BAGHDAD - Combined Joint Task Force provided masks",
        "WASHINGTON, March 3 — The talks",
        "1\n2\n3\n4\n5\n6\nPosted: 12 May 2015",
    ],
)
def test_no_date_from_sentences_or_far_down(text: str) -> None:
    assert date_from_text(text) is None
