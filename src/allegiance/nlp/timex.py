"""The time a relation is about: its time expression, resolved against the document date.

A relation reported in a 2016 article may be about last week, about 2003, or about "the days
of the US occupation". This module finds the time expression that governs a relation's
trigger, by the dependency parse, and resolves it:

- *explicit* dates: "on March 3, 2016", "in March 2016", "in 2014", "in the 1980s",
  "the 19th century", spans "between 2003 and 2011", "since 2014", "until 2011";
- *relative* expressions, resolved against the document's date: "yesterday", "on Tuesday",
  "last week", "earlier this month", "next year", "two years ago", "the past three years";
- *historical references* with no date of their own: "the days of the US occupation",
  "reminds some of ...", "dating back to ...", "Iraqis recall ...", "former allies",
  "Iran once backed ...", "used to".

A relation is *historical* when such a reference governs it, or when its period ends more
than ``past_after_days`` (time.yaml) before the document date. The words are data
(``lexicon/data/time.yaml``); the rules and their examples are in docs/time.md.

Only the trigger's own clause is searched: "Officials said on Tuesday that Iran sent troops"
gives the sending no time (Tuesday is when it was said), and a year that names a thing ("Iran
violated the 2014 agreement") is not the time of the violation.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..errors import LexiconError
from ..lexicon.io import read_mapping
from ..schema import Relation, RelationTime, TextSpan
from .extensions import register_extensions

__all__ = [
    "DEFAULT_TIME_LEXICON",
    "Period",
    "TimeLexicon",
    "TimeResolver",
    "annotate_relations",
    "load_time_lexicon",
    "parse_expression",
]

DEFAULT_TIME_LEXICON = Path(__file__).resolve().parents[1] / "lexicon" / "data" / "time.yaml"

#: dependency labels by which a time expression attaches to a word of the trigger's clause
_TIME_DEPS = frozenset({"prep", "npadvmod", "advmod", "obl", "nmod", "tmod", "advcl"})
#: ... and, on the trigger word itself, as a modifier ("the 2003 invasion")
_TRIGGER_MOD_DEPS = frozenset({"nummod", "compound", "amod"})
#: parts of a time phrase's subtree that are not the expression ("in 2014, when ...")
_PRUNE = frozenset({"relcl", "acl", "appos", "punct", "advcl", "ccomp", "parataxis", "dep"})
#: the longest time expression considered, in tokens
_MAX_TOKENS = 10
_CLAUSE_POS = frozenset({"VERB", "AUX"})
#: words before a phrase of the past that compare the present with it ("unlike in the past")
_COMPARING = frozenset({"unlike", "than", "as", "since", "from"})


@dataclass(frozen=True)
class TimeLexicon:
    """The words of the time resolver (loaded from time.yaml)."""

    past_after_days: int
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    units: dict[str, str]
    decade_words: dict[str, int]
    day_words: dict[str, int]
    relative_words: dict[str, int]
    span_from: frozenset[str]
    span_until: frozenset[str]
    history_nouns: frozenset[str]
    need_the: frozenset[str]
    not_with: frozenset[str]
    remember_verbs: frozenset[str]
    back_verbs: frozenset[str]
    history_adjectives: frozenset[str]
    history_adverbs: frozenset[str]
    history_phrases: frozenset[str]
    present_words: frozenset[str]


def _words(data: dict[str, Any], key: str, path: Path) -> frozenset[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
        raise LexiconError(f"{path}: {key!r} must be a list of words")
    return frozenset(w.lower() for w in value)


def _table(data: dict[str, Any], key: str, path: Path, kind: type) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict) or not all(isinstance(v, kind) for v in value.values()):
        raise LexiconError(f"{path}: {key!r} must map words to {kind.__name__} values")
    return {str(k).lower(): v for k, v in value.items()}


@lru_cache(maxsize=8)
def load_time_lexicon(paths: tuple[str, ...] = ()) -> TimeLexicon:
    """The bundled time lexicon, extended key by key by user files.

    A user file has the shape of ``lexicon/data/time.yaml``; a section given there (e.g.
    ``history: {nouns: [...]}``) replaces the bundled one.

    Raises:
        LexiconError: one line naming the file and the problem.

    Example:
        >>> load_time_lexicon().months["sept"]
        9
    """
    merged: dict[str, Any] = {}
    history: dict[str, Any] = {}
    last = DEFAULT_TIME_LEXICON
    for path in (DEFAULT_TIME_LEXICON, *map(Path, paths)):
        data = read_mapping(path)
        hist = data.pop("history", {})
        if not isinstance(hist, dict):
            raise LexiconError(f"{path}: 'history' must be a mapping of word lists")
        merged.update(data)
        history.update(hist)
        last = path
    days = merged.get("past_after_days", 365)
    if not isinstance(days, int) or days < 0:
        raise LexiconError(f"{last}: 'past_after_days' must be a whole number of days")
    p = last
    return TimeLexicon(
        past_after_days=days,
        months=_table(merged, "months", p, int),
        weekdays=_table(merged, "weekdays", p, int),
        numbers=_table(merged, "numbers", p, int),
        units=_table(merged, "units", p, str),
        decade_words=_table(merged, "decade_words", p, int),
        day_words=_table(merged, "day_words", p, int),
        relative_words=_table(merged, "relative_words", p, int),
        span_from=_words(merged, "span_from", p),
        span_until=_words(merged, "span_until", p),
        history_nouns=_words(history, "nouns", p),
        need_the=_words(history, "need_the", p),
        not_with=_words(history, "not_with", p),
        remember_verbs=_words(history, "remember_verbs", p),
        back_verbs=_words(history, "back_verbs", p),
        history_adjectives=_words(history, "adjectives", p),
        history_adverbs=_words(history, "adverbs", p),
        history_phrases=_words(history, "phrases", p),
        present_words=_words(history, "present", p),
    )


# ------------------------------------------------------------------ parsing expressions


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


# ------------------------------------------------------------------ the dependency walk


def _phrase(token: Token) -> list[Token]:
    """The tokens of a time phrase headed by ``token``, without attached clauses."""
    out: list[Token] = []
    stack = [token]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in _PRUNE)
    return sorted(out, key=lambda t: t.i)


def _when_clause(token: Token) -> bool:
    """Whether ``token`` heads a clause of "when" ("..., when it waged a war")."""
    return token.dep_ in ("advcl", "relcl") and any(
        c.dep_ == "advmod" and c.lower_ == "when" for c in token.children
    )


def _span_of(tokens: Sequence[Token]) -> TextSpan:
    doc = tokens[0].doc
    first, last = tokens[0], tokens[-1]
    return TextSpan(
        text=doc.text[first.idx : last.idx + len(last.text)],
        start=first.idx,
        end=last.idx + len(last.text),
    )


@dataclass(frozen=True)
class _Found:
    period: Period
    tokens: list[Token]


@dataclass(frozen=True)
class _Marker:
    rule: str
    tokens: list[Token]


class TimeResolver:
    """Finds and resolves the time of relations in a parsed document.

    Example:
        >>> import spacy
        >>> nlp = spacy.load("en_core_web_sm")  # doctest: +SKIP
        >>> doc = nlp("Iran sent troops to Iraq last week.")  # doctest: +SKIP
        >>> TimeResolver().resolve(doc[1], "2016-10-20").start  # doctest: +SKIP
        '2016-10-10'
    """

    def __init__(self, lexicon: TimeLexicon | None = None) -> None:
        self.lex = lexicon or load_time_lexicon()

    # -- finding

    def _parse_phrase(
        self, tokens: list[Token], anchor: date | None, future: bool = False
    ) -> Period | None:
        if len(tokens) > _MAX_TOKENS:
            return None
        text = " ".join(t.text for t in tokens)
        return (
            _Reader(self.lex, anchor, future=future).read(_tokens(text)) if _tokens(text) else None
        )

    def _modifier(
        self,
        node: Token,
        came_from: Token | None,
        trigger: Token,
        anchor: date | None,
        future: bool = False,
    ) -> _Found | None:
        for child in node.children:
            if child is came_from:
                continue
            if child.dep_ in _TIME_DEPS or (node is trigger and child.dep_ in _TRIGGER_MOD_DEPS):
                if child.dep_ == "advcl" and not any(c.dep_ == "mark" for c in child.children):
                    continue
                tokens = _phrase(child)
                period = self._parse_phrase(tokens, anchor, future)
                if period is None:
                    continue
                if (
                    node.lemma_.lower() in self.lex.back_verbs
                    and came_from is not None
                    and came_from.dep_ in ("nsubj", "nsubjpass")
                ):
                    # "Ties between Egypt and Israel date back to 1979": they began then
                    period = Period(period.start, anchor, "span", period.relative, "back_since")
                return _Found(period, tokens)
        return None

    def _time_noun(self, node: Token, anchor: date | None, future: bool) -> _Found | None:
        """``node`` heads a time phrase ("the 1980s" in "the 1980s, when it waged war")."""
        tokens = _phrase(node)
        period = self._parse_phrase(tokens, anchor, future)
        return _Found(period, tokens) if period is not None else None

    def _history_marker(
        self, node: Token, came_from: Token | None, trigger: Token
    ) -> _Marker | None:
        lex = self.lex
        lower, lemma = node.lower_, node.lemma_.lower()
        kids = list(node.children)
        if node is trigger:
            for c in kids:
                if c.dep_ == "amod" and c.lower_ in lex.history_adjectives:
                    return _Marker("history:adjective", [c])
        # "Unlike in the past, Iran now backs the deal": the clause is about the present
        present = any(c.dep_ == "advmod" and c.lower_ in lex.present_words for c in kids)
        if (node.pos_ in _CLAUSE_POS or node is trigger) and not present:
            for c in kids:
                # "Iran has in the past accused Riyadh", "long ago"
                if c.dep_ in ("prep", "advmod") and c is not came_from:
                    phrase = _phrase(c)
                    words = " ".join(t.lower_ for t in phrase)
                    before = node.doc[phrase[0].i - 1].lower_ if phrase[0].i > 0 else ""
                    if words in lex.history_phrases and before not in _COMPARING:
                        return _Marker("history:phrase", phrase)
            for c in kids:
                if (
                    c.dep_ == "advmod"
                    and c.lower_ in lex.history_adverbs
                    and not any(g.lower_ == "again" for g in c.children)
                    and not (c.i + 1 < len(node.doc) and node.doc[c.i + 1].lower_ == "again")
                ):
                    return _Marker("history:adverb", [c])
            head = node.head
            if (
                node.dep_ == "xcomp"
                and head.lemma_ == "use"
                and head.tag_ == "VBD"
                # "used to back", not "used bombs to kill"
                and head.i + 1 < len(node.doc)
                and node.doc[head.i + 1].lower_ == "to"
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids)
            ):
                return _Marker("history:used_to", [head])
        if came_from is None:
            return None
        if (
            lower in lex.history_nouns
            and node.pos_ in ("NOUN", "PROPN")
            and node.text[:1].islower()
            and came_from.dep_ == "prep"
            and came_from.lower_ == "of"
        ):
            mods = {c.lower_ for c in kids if c.dep_ in ("amod", "det", "nummod", "compound")}
            if mods & lex.not_with or any(c.dep_ == "nummod" for c in kids):
                return None
            if lower in lex.need_the and not mods & {"the", "those"}:
                return None
            dets = [c for c in kids if c.dep_ == "det" and c.i < node.i]
            return _Marker("history:noun", [*dets, node, came_from])
        if lemma in lex.remember_verbs and node is not trigger:
            via_of = came_from.dep_ == "prep" and came_from.lower_ in ("of", "about")
            if via_of or came_from.dep_ in ("dobj", "ccomp", "obj"):
                return _Marker("history:remember", [node])
        if lemma in lex.back_verbs:
            back = [c for c in kids if c.lower_ == "back"]
            via_to = came_from.lower_ == "to" or came_from in back or _when_clause(came_from)
            if back and via_to:
                return _Marker("history:back", [node, back[0]])
        return None

    def resolve(
        self, trigger: Token, anchor: date | str | None = None, *, future: bool = False
    ) -> RelationTime | None:
        """The time of the relation whose trigger word is ``trigger``, or None.

        Args:
            trigger: the syntactic head of the relation's trigger.
            anchor: the document date (ISO string or date), for relative expressions.
            future: the relation is hypothetical (future, intended): a month or weekday
                without a year ("in June", "on Tuesday") is the next one, not the last.
        """
        if isinstance(anchor, str):
            try:
                anchor = date.fromisoformat(anchor[:10])
            except ValueError:
                anchor = None
        found: _Found | None = None
        marker: _Marker | None = None
        node: Token | None = trigger
        came_from: Token | None = None
        jumped = False
        for _ in range(16):
            if node is None:
                break
            if marker is None:
                marker = self._history_marker(node, came_from, trigger)
            if found is None:
                found = self._modifier(node, came_from, trigger, anchor, future)
            clause = node.pos_ in _CLAUSE_POS or node.dep_ == "ROOT" or node.head is node
            if clause:
                # "the 1980s, when it waged a war with Iraq": the clause is about its head
                if not jumped and node.dep_ in ("relcl", "acl") and node.head is not node:
                    noun = self._time_noun(node.head, anchor, future)
                    if noun is not None:
                        found = found or noun
                        jumped = True
                        came_from, node = node, node.head
                        continue
                # "In 2014, when ISIL seized Mosul, Iran sent advisers": the time of the head
                if not jumped and node.dep_ == "advcl" and _when_clause(node):
                    jumped = True
                    came_from, node = node, node.head
                    continue
                break
            came_from, node = node, node.head
        return self._record(found, marker, anchor)

    def _record(
        self, found: _Found | None, marker: _Marker | None, anchor: date | None
    ) -> RelationTime | None:
        if found is None and marker is None:
            return None
        historical = marker is not None
        start = end = precision = None
        how = "reference"
        rule = marker.rule if marker else ""
        expression = None
        if found is not None:
            p = found.period
            start = p.start.isoformat() if p.start else None
            end = p.end.isoformat() if p.end else None
            precision = p.precision
            how = "relative" if p.relative else "explicit"
            rule = p.form + (f"+{marker.rule}" if marker else "")
            expression = _span_of(found.tokens)
            if (
                anchor is not None
                and p.end is not None
                and (anchor - p.end).days > self.lex.past_after_days
            ):
                historical = True
        # validated by the model: the readers only make the schema's precisions and hows
        return RelationTime.model_validate(
            {
                "start": start,
                "end": end,
                "precision": precision,
                "historical": historical,
                "how": how,
                "rule": rule,
                "expression": expression,
                "marker": _span_of(sorted(marker.tokens, key=lambda t: t.i)) if marker else None,
            }
        )


def _trigger_token(doc: Doc, relation: Relation) -> Token | None:
    span = doc.char_span(relation.trigger.start, relation.trigger.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span.root


def annotate_relations(
    doc: Doc,
    relations: Iterable[Relation],
    published: str | None = None,
    resolver: TimeResolver | None = None,
) -> list[Relation]:
    """The relations with their ``time`` set (None where the text says nothing).

    Args:
        doc: the parsed document the relations come from.
        relations: its relation records.
        published: the document date (ISO), for relative expressions.
        resolver: the resolver to use (one with the bundled lexicon when None).
    """
    resolver = resolver or TimeResolver()
    out: list[Relation] = []
    for relation in relations:
        token = _trigger_token(doc, relation)
        time = (
            resolver.resolve(token, published, future=relation.hypothetical)
            if token is not None
            else None
        )
        out.append(relation.model_copy(update={"time": time}) if time is not None else relation)
    return out


@Language.factory(
    "allegiance_time",
    default_config={"lexicon_paths": []},
    assigns=["doc._.relations"],
    requires=["doc._.relations"],
)
def make_time_component(nlp: Language, name: str, lexicon_paths: list[str]) -> TimeComponent:
    """The spaCy component that sets the ``time`` of each relation (``allegiance.time.v1``)."""
    return TimeComponent(nlp, name, lexicon_paths=tuple(lexicon_paths))


class TimeComponent:
    """Annotates ``doc._.relations`` with their time, after the relation component."""

    def __init__(self, nlp: Language, name: str, *, lexicon_paths: tuple[str, ...] = ()) -> None:
        register_extensions()
        self.name = name
        self.resolver = TimeResolver(load_time_lexicon(lexicon_paths))

    def __call__(self, doc: Doc) -> Doc:
        if doc._.relations:
            doc._.relations = annotate_relations(
                doc, doc._.relations, doc._.published, self.resolver
            )
        return doc
