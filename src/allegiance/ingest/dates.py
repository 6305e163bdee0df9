"""Normalise publication dates to ISO (YYYY-MM-DD) without guessing, and find them in text.

Only unambiguous forms are accepted (ISO dates and datetimes, "November 9, 2014",
"9 Nov 2014", RFC 2822 e-mail dates, "2014/11/09"); anything else is left for the caller
to report, because a wrong date is worse than none on a time-stamped network.

A document without a date in its metadata may carry one at its top: a wire dateline
("WASHINGTON, March 3, 2016 —", "BAGHDAD, Iraq (Reuters) - March 3, 2016 -") or a date
line ("Posted: 12 May 2015", "Published on Thursday, October 20, 2016 10:00 GMT", a line
holding only a date). :func:`date_from_text` reads those, and nothing else: a date inside a
sentence ("... began their advance on Nov. 6, 2016") is an event's, not the document's.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

__all__ = ["HEAD_LINES", "date_from_text", "normalise_date"]

_WEEKDAY = re.compile(
    r"^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE
)
_FORMATS = (
    "%B %d, %Y",
    "%B %d %Y",
    "%b %d, %Y",
    "%b %d %Y",
    "%b. %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%d %b. %Y",
    "%d %B, %Y",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%Y%m%d",
)
_ISO_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$")


def normalise_date(value: object) -> str | None:
    """Return ``value`` as an ISO date string, or None when it cannot be read safely.

    Args:
        value: a date as found in the input (string, ``date`` or ``datetime``).

    Returns:
        ``"YYYY-MM-DD"`` or None.

    Example:
        >>> normalise_date("November 9, 2014"), normalise_date("2016-10-20T10:00:00Z")
        ('2014-11-09', '2016-10-20')
    """
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    if not text:
        return None
    iso = _ISO_PREFIX.match(text)
    if iso:
        try:
            # The calendar date as written, before any time-zone shift.
            return date(int(iso[1]), int(iso[2]), int(iso[3])).isoformat()
        except ValueError:
            return None
    try:
        return datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        pass
    if "," in text and ":" in text:
        try:
            return parsedate_to_datetime(text).date().isoformat()
        except (TypeError, ValueError, IndexError):
            pass
    stripped = _WEEKDAY.sub("", text)
    stripped = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", stripped)
    for fmt in _FORMATS:
        try:
            return datetime.strptime(stripped, fmt).date().isoformat()
        except ValueError:
            continue
    return None


#: How many non-empty lines at the top of a text are searched for a dateline or date line.
HEAD_LINES = 6

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY_WORD = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)"
_DATE = (
    rf"(?:{_WEEKDAY_WORD}?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}})|\d{{4}}-\d{{2}}-\d{{2}})"
)
_DASH = r"[-\u2013\u2014:|]"
#: "WASHINGTON, March 3, 2016 —", "BAGHDAD, Iraq (Reuters) - March 3, 2016 -"
_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][A-Z.'\u2019 -]{{1,40}}?)(?:,\s*[A-Z][A-Za-z.' ]{{1,30}}?)?"
    rf"\s*(?:\([A-Za-z.& ]{{2,30}}\))?\s*[,\-\u2013\u2014]?\s*(?P<date>{_DATE})"
    rf"\s*(?:\([A-Za-z.& ]{{2,30}}\)\s*)?{_DASH}",
    re.IGNORECASE,
)
#: "Posted: 12 May 2015", "Published on March 3, 2016 10:30 GMT", "March 3, 2016"
_DATE_LINE = re.compile(
    rf"^(?:(?:posted|published|first published|date|dated|released|updated|last updated)"
    rf"(?:\s+on)?\s*:?\s*)?(?P<date>{_DATE})"
    rf"(?:\s*(?:at\s+|[,|\u00b7-]\s*)?\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{{2,4}})?)?"
    rf"\s*[.|]?$",
    re.IGNORECASE,
)


def date_from_text(text: str, *, head_lines: int = HEAD_LINES) -> tuple[str, str] | None:
    """The publication date a text gives at its top, and where: ``"dateline"`` or ``"text"``.

    Args:
        text: the document text as given.
        head_lines: how many non-empty lines at the top to search.

    Returns:
        ``(ISO date, "dateline" | "text")``, or None when the top of the text carries none.

    Example:
        >>> date_from_text("WASHINGTON, March 3, 2016 — The US and Iran ...")
        ('2016-03-03', 'dateline')
        >>> date_from_text("Title\\nPosted: 12 May 2015\\n\\nBody.")
        ('2015-05-12', 'text')
        >>> date_from_text("Iran sent troops on March 3, 2016.") is None
        True
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()][:head_lines]
    for line in lines:
        line = " ".join(line.split())
        found = _DATE_LINE.match(line)
        how = "text"
        if found is None:
            found = _DATELINE.match(line)
            how = "dateline"
            if found is not None and found["place"].strip() != found["place"].strip().upper():
                found = None  # a dateline's place is in capitals: "WASHINGTON", not "Iran"
        if found is None:
            continue
        iso = normalise_date(found["date"].rstrip(","))
        if iso is not None:
            return iso, how
    return None
