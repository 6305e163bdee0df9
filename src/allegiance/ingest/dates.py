"""Normalise publication dates to ISO (YYYY-MM-DD) without guessing.

Only unambiguous forms are accepted (ISO dates and datetimes, "November 9, 2014",
"9 Nov 2014", RFC 2822 e-mail dates, "2014/11/09"); anything else is left for the caller
to report, because a wrong date is worse than none on a time-stamped network.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

__all__ = ["normalise_date"]

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
