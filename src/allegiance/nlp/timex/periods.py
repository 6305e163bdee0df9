"""Time expressions read into periods: explicit dates, decades, spans and relative expressions."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from .lexicon import TimeLexicon, load_time_lexicon

#: the longest time expression considered, in tokens
_MAX_TOKENS = 10


@dataclass(frozen=True)
class Period:
    """A resolved time expression: first and last day (inclusive), either may be open.

    ``relative`` says the document date was needed; when it was needed but missing, the
    days are None. ``form`` names the rule that read the expression.
    """

    start: date | None
    end: date | None
    precision: str | None
    relative: bool
    form: str


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _shift_months(day: date, months: int) -> tuple[int, int]:
    y, m = divmod(day.year * 12 + day.month - 1 + months, 12)
    return y, m + 1


def _unit_period(anchor: date, unit: str, offset: int) -> tuple[date, date]:
    """The calendar ``unit`` (day, week, month, year, decade) ``offset`` units from anchor's."""
    if unit == "day":
        d = anchor + timedelta(days=offset)
        return d, d
    if unit == "week":
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=offset)
        return monday, monday + timedelta(days=6)
    if unit == "month":
        y, m = _shift_months(anchor, offset)
        return date(y, m, 1), _month_end(y, m)
    if unit == "year":
        y = anchor.year + offset
        return date(y, 1, 1), date(y, 12, 31)
    y = anchor.year - anchor.year % 10 + 10 * offset
    return date(y, 1, 1), date(y + 9, 12, 31)


def _back(anchor: date, unit: str, n: int) -> date:
    if unit == "day":
        return anchor - timedelta(days=n)
    if unit == "week":
        return anchor - timedelta(weeks=n)
    months = n * {"month": 1, "year": 12, "decade": 120}[unit]
    y, m = _shift_months(anchor, -months)
    return date(y, m, min(anchor.day, calendar.monthrange(y, m)[1]))


_YEAR = re.compile(r"^(1[0-9]{3}|20[0-9]{2}|2100)$")

_DAY = re.compile(r"^([0-3]?[0-9])(?:st|nd|rd|th)?$")

_DECADE = re.compile(r"^(?:(1[0-9]|20)?([0-9])0|'([0-9])0)'?s$")

_CENTURY = re.compile(r"^([0-9]{1,2})(?:st|nd|rd|th)$")

#: words before an expression that do not change it ("even in 2003", "as early as 2003")
_OPENERS = (
    ("as", "early", "as"),
    ("as", "far", "back", "as"),
    ("as", "late", "as"),
    ("even",),
    ("back", "to"),
    ("back", "in"),
)

_LEAD = ("in", "on", "during", "at", "around", "throughout", "over", "within", "of", "by")

_TOKEN = re.compile(r"'[0-9]0s|[0-9]+(?:st|nd|rd|th|s)?|[a-z]+(?:-[a-z]+)?|'")


class _Reader:
    """Reads one expression (lower-cased words) into a :class:`Period`."""

    def __init__(self, lex: TimeLexicon, anchor: date | None, *, future: bool = False) -> None:
        self.lex = lex
        self.anchor = anchor
        # a future or intended act ("will visit Albania in June") looks forward from the date
        self.future = future

    def number(self, word: str) -> int | None:
        if word.isdigit():
            return int(word)
        return self.lex.numbers.get(word)

    def read(self, words: list[str]) -> Period | None:
        stripped = True
        while stripped:
            stripped = False
            for opener in _OPENERS:
                if tuple(words[: len(opener)]) == opener:
                    words, stripped = words[len(opener) :], True
        if not words:
            return None
        head = words[0]
        if head == "between" and "and" in words:
            i = words.index("and")
            return self.span(words[1:i], words[i + 1 :])
        if head == "from" and ("to" in words or "until" in words):
            i = words.index("to") if "to" in words else words.index("until")
            return self.span(words[1:i], words[i + 1 :])
        if head in self.lex.span_from:
            inner = self.core(words[1:])
            if inner is None or (inner.start is None and not inner.relative):
                return None
            start = inner.start if head != "after" or inner.end is None else inner.end
            end = self.anchor
            return Period(start, end, "span", inner.relative or end is not None, "since")
        if head in self.lex.span_until:
            inner = self.core(words[1:])
            if inner is None:
                return None
            end = inner.start - timedelta(days=1) if head == "before" and inner.start else inner.end
            return Period(None, end, "span", inner.relative, "until")
        if head in _LEAD:
            words = words[1:]
        return self.core(words)

    def span(self, first: list[str], second: list[str]) -> Period | None:
        a, b = self.core(first), self.core(second)
        if a is None or b is None:
            return None
        return Period(a.start, b.end, "span", a.relative or b.relative, "between")

    def core(self, words: list[str]) -> Period | None:
        lex = self.lex
        if words and words[0] == "the":
            words = words[1:]
        if not words or len(words) > 6:
            return None
        n = len(words)
        w0 = words[0]
        # a year, a decade, a century
        if n == 1 and _YEAR.match(w0):
            y = int(w0)
            return Period(date(y, 1, 1), date(y, 12, 31), "year", False, "year")
        if n <= 2 and (words[-1] in lex.decade_words or _DECADE.match(words[-1])):
            if n == 2 and w0 not in ("early", "mid", "late"):
                return None
            return self.decade(words[-1])
        if n == 2 and _CENTURY.match(w0) and words[1] == "century":
            c = int(_CENTURY.match(w0)[1])  # type: ignore[index]
            if not 1 <= c <= 21:
                return None
            return Period(
                date(100 * (c - 1) + 1, 1, 1), date(100 * c, 12, 31), "century", False, "century"
            )
        # dates with a month
        if w0 in lex.months or (n >= 2 and words[1] in lex.months and _DAY.match(w0)):
            return self.month_date(words)
        # "yesterday", "today"
        if n == 1 and w0 in lex.day_words:
            return self.relative_days(lex.day_words[w0], "day_word")
        # "Tuesday", "last Tuesday"
        if words[-1] in lex.weekdays and (n == 1 or (n == 2 and w0 in ("last", "this", "on"))):
            return self.weekday(lex.weekdays[words[-1]], last=w0 == "last")
        # "two years ago", "a week ago"
        if words[-1] == "ago" and n in (2, 3):
            unit = lex.units.get(words[-2])
            if unit is None:
                return None
            if n == 2 and words[-2] != unit:
                # "years ago", "decades ago": at least two of them, no more precise
                return self.vague_ago(unit)
            count = 1 if n == 2 else self.number(w0)
            if count is None:
                return None
            return self.ago(count, unit)
        # "the past three years", "the last two months", "recent years"
        if w0 in ("past", "last") and n == 3 and words[2] in lex.units:
            count = self.number(words[1])
            if count is None:
                return None
            return self.past(count, lex.units[words[2]])
        # "last week", "this year", "next month", "earlier this month"
        phrase, unit_word = " ".join(words[:-1]), words[-1]
        if phrase in lex.relative_words and unit_word in lex.units:
            unit = lex.units[unit_word]
            if unit_word.endswith("s") and unit_word != unit:
                return None
            return self.relative_unit(lex.relative_words[phrase], unit)
        return None

    def decade(self, word: str) -> Period | None:
        if word in self.lex.decade_words:
            y = 1900 + self.lex.decade_words[word]
        else:
            m = _DECADE.match(word)
            assert m is not None
            if m[3] is not None:
                y = 1900 + 10 * int(m[3])
            else:
                century = int(m[1]) if m[1] else 19
                y = century * 100 + 10 * int(m[2])
        return Period(date(y, 1, 1), date(y + 9, 12, 31), "decade", False, "decade")

    def month_date(self, words: list[str]) -> Period | None:
        lex = self.lex
        rest = [w for w in words if w != "of"]
        if rest[0] in lex.months:
            month = lex.months[rest[0]]
            rest = rest[1:]
            day = None
            if rest and _DAY.match(rest[0]) and not _YEAR.match(rest[0]):
                day = int(_DAY.match(rest[0])[1])  # type: ignore[index]
                rest = rest[1:]
        else:
            day = int(_DAY.match(rest[0])[1])  # type: ignore[index]
            month = lex.months[rest[1]]
            rest = rest[2:]
        year = None
        if rest:
            if len(rest) != 1 or not _YEAR.match(rest[0]):
                return None
            year = int(rest[0])
        relative = year is None
        if year is None:
            if self.anchor is None:
                return Period(None, None, "day" if day else "month", True, "month_day")
            # the latest such month not after the document date
            if self.future:
                year = self.anchor.year + (1 if month < self.anchor.month else 0)
            else:
                year = self.anchor.year - (1 if month > self.anchor.month else 0)
        if day is None:
            return Period(
                date(year, month, 1),
                _month_end(year, month),
                "month",
                relative,
                "month_year" if not relative else "month",
            )
        try:
            d = date(year, month, day)
        except ValueError:
            return None
        return Period(d, d, "day", relative, "full_date" if not relative else "month_day")

    def relative_days(self, offset: int, form: str) -> Period:
        if self.anchor is None:
            return Period(None, None, "day", True, form)
        d = self.anchor + timedelta(days=offset)
        return Period(d, d, "day", True, form)

    def weekday(self, weekday: int, *, last: bool) -> Period:
        if self.anchor is None:
            return Period(None, None, "day", True, "weekday")
        if self.future and not last:
            d = self.anchor + timedelta(days=(weekday - self.anchor.weekday()) % 7)
            return Period(d, d, "day", True, "weekday")
        back = (self.anchor.weekday() - weekday) % 7
        if last and back == 0:
            back = 7
        d = self.anchor - timedelta(days=back)
        return Period(d, d, "day", True, "weekday")

    def ago(self, count: int, unit: str) -> Period:
        if self.anchor is None:
            return Period(None, None, unit, True, "ago")
        point = _back(self.anchor, unit, count)
        start, end = _unit_period(point, unit, 0)
        return Period(start, end, unit, True, "ago")

    def vague_ago(self, unit: str) -> Period:
        if self.anchor is None:
            return Period(None, None, "span", True, "ago_vague")
        return Period(None, _back(self.anchor, unit, 2), "span", True, "ago_vague")

    def past(self, count: int, unit: str) -> Period:
        if self.anchor is None:
            return Period(None, None, "span", True, "past")
        return Period(_back(self.anchor, unit, count), self.anchor, "span", True, "past")

    def relative_unit(self, offset: int, unit: str) -> Period:
        if self.anchor is None:
            return Period(None, None, unit, True, "relative_unit")
        start, end = _unit_period(self.anchor, unit, offset)
        return Period(start, end, unit, True, "relative_unit")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower().replace("’", "'"))


def parse_expression(
    text: str, anchor: date | str | None = None, lexicon: TimeLexicon | None = None
) -> Period | None:
    """Read a whole time expression, or None when the text is not one.

    Args:
        text: the expression, e.g. "since 2014" or "two years ago" (the whole text must be
            the expression: "the 2014 agreement" is not one).
        anchor: the document date relative expressions are resolved against.
        lexicon: the time words (the bundled ones when None).

    Example:
        >>> p = parse_expression("two years ago", "2016-10-20")
        >>> p.start.isoformat(), p.end.isoformat(), p.precision
        ('2014-01-01', '2014-12-31', 'year')
        >>> parse_expression("the 2014 agreement") is None
        True
    """
    if isinstance(anchor, str):
        try:
            anchor = date.fromisoformat(anchor[:10])
        except ValueError:
            anchor = None
    words = _tokens(text)
    if not words or len(words) > _MAX_TOKENS:
        return None
    return _Reader(lexicon or load_time_lexicon(), anchor).read(words)
