"""Which numbers are no quantities: years, dates, times, scores, codes, ages, list numbering."""

from __future__ import annotations

import re

from ..extensions import in_ignored
from ._base import _Atom, _RunBase
from .lexicon import _alt
from .words import _MONTHS, _SENTENCE_WORDS, _TIME


class _Filters(_RunBase):
    """The exclusion rules of a quantity run."""

    def excluded(self, a: int, b: int, value: float, is_digit: bool, at: _Atom) -> bool:
        """Whether the number at ``a:b`` is no quantity: a year, date, time, score, code..."""
        before = self.word_before(a)
        after = self.word_after(b)
        prev = before[0].lower() if before else ""
        nxt = after[0].lower() if after else ""
        if in_ignored(self.doc, a, b):
            return True
        measured = bool(at.read.unit or at.read.currency or at.read.mult != 1.0)
        if is_digit and not measured and self._not_a_quantity(a, b, value, before):
            return True
        return (
            self._a_date_or_time(a, b, value, is_digit, before, prev, nxt)
            or self._an_age(a, b, is_digit)
            or self._a_label(a, b, is_digit, before, prev)
            or self._a_reference(b, value, is_digit, prev, nxt)
        )

    def _a_date_or_time(
        self, a: int, b: int, value: float, is_digit: bool, before: list[str], prev: str, nxt: str
    ) -> bool:
        """A year, a date, an ordinal or a clock time: "in 2014", "March 3", "9/11", "10:30"."""
        text = self.text
        atom = text[a:b]
        if (
            is_digit
            and "," not in atom
            and "." not in atom
            and 1800 <= value <= 2100
            and len(atom) == 4
        ):
            return True  # a year
        gap = text[max(0, a - 3) : a]
        if (
            (prev.rstrip(".") in _MONTHS and "," not in gap)
            or nxt.rstrip(".,") in _MONTHS
            or (prev in {"-", "–"} and len(before) and self._month_near(a))
        ):
            return True  # a date
        if re.match(r"(?:st|nd|rd|th)\b", text[b : b + 4]):
            return True  # an ordinal
        if is_digit and (
            re.match(r"[-/.]\d{1,2}[-/.]\d{2,4}(?!\d)", text[b : b + 11])
            or re.match(r"/\d", text[b : b + 2])
            or text[a - 1 : a] == "/"
        ):
            return True  # "30-12-2020", "12/30/2020", "24/7", "9/11"
        if is_digit and len(atom) == 2 and text[a - 1 : a] in {"’", "'"}:
            return True  # "Fiscal ’19", "the '90s": a year
        if _TIME.match(text[b : b + 8]) or re.match(r":\d\d", text[b : b + 3]):
            return True  # a clock time
        if re.match(r"\s?(?:B\.C\.|BC\b|A\.D\.|BCE\b|CE\b)", text[b : b + 6]):
            return True  # a year
        m_range = re.match(r"\s?[-–]\s?\d{1,2}\s+([A-Za-z]+)", text[b : b + 20])
        if m_range and m_range.group(1).lower() in _MONTHS:
            return True  # "11-13 Dec."
        return False

    def _an_age(self, a: int, b: int, is_digit: bool) -> bool:
        """An age: "He was 81.", "a 12-year-old", "Scott C. Dayton, 42, of Woodbridge"."""
        text = self.text
        if re.search(
            r"(?i)\b(?:he|she) (?:was|is|died at|dies at)\s+$", text[max(0, a - 16) : a]
        ) and (re.match(r"\s*(?:[.;,]|$)", text[b : b + 2])):
            return True  # "He was 81.": an age
        if re.match(r"\s?-?\s?years?[- ]old", text[b : b + 12]):
            return True  # an age
        if (
            is_digit
            and re.match(r"\s*,\s*$", text[max(0, a - 2) : a])
            and re.match(r"\s*,", text[b : b + 2])
        ):
            if any(e.end_char in (a - 2, a - 1) for e in self.persons):
                return True  # "Scott C. Dayton, 42, of Woodbridge": an age
        return False

    def _a_label(self, a: int, b: int, is_digit: bool, before: list[str], prev: str) -> bool:
        """List numbering or a number in a name or code: "1. ", "Resolution 2254", "CTF 50"."""
        text = self.text
        line_start = text.rfind("\n", 0, a) + 1
        if not text[line_start:a].strip() and re.match(r"[.)]\s", text[b : b + 2]):
            return True  # list numbering
        if prev in self.lex.code_words or prev.rstrip(".") + "." in self.lex.code_words:
            return True
        if (
            is_digit
            and before
            and re.fullmatch(r"[A-Z][A-Za-z]*|[A-Z]{2,}", before[0])
            and text[a - 1 : a] == " "
        ):
            tok = self._token_at(a - 2)
            if tok is not None and tok.pos_ == "PROPN":
                return True  # "Eager Lion 16", "CTF 50", "DDG 70"
        if re.search(r"\([A-Z]{2,}\)\s$", text[max(0, a - 12) : a]):
            return True  # "Task Force (CTF) 50"
        return False

    def _a_reference(self, b: int, value: float, is_digit: bool, prev: str, nxt: str) -> bool:
        """A word number that refers instead of counting: "one of", "the two leaders"."""
        if value == 1 and not is_digit:
            low_after = nxt
            if low_after in {
                "of",
                "or",
                "another",
                "in",
                "on",
                "who",
                "that",
                "which",
                "day",
            } or prev in {
                "no",
                "number",
                "the",
                "any",
                "every",
                "each",
            }:
                return True
            tok = self._token_at(b + 1)
            if tok is None or tok.pos_ not in {"NOUN", "ADJ", "PROPN", "NUM"}:
                return True
        if (
            not is_digit
            and value <= 10
            and prev
            in {"the", "our", "their", "his", "her", "its", "these", "those", "both", "all"}
        ):
            return True  # "the two leaders": a reference, not a report
        return False

    def _not_a_quantity(self, a: int, b: int, value: float, before: list[str]) -> bool:
        """Scores, clock and race times, addresses, postcodes, product and model numbers."""
        text = self.text
        score = re.match(r"[-–](\d+)(?![.,]\d|[\d:%]|\w)", text[b : b + 8])
        if score and "." not in text[a:b] and int(score.group(1)) <= value:
            return True  # "a 3-1 win", "won 6-4, 7-5", "112-104": a score, not a range
        if text[a - 1 : a] == ":" and text[a - 2 : a - 1].isdigit():
            return True  # "4:39", "2:05:41", "3:29.8": a time
        street = _alt(w.title() for w in self.lex.street_words)
        if re.match(
            rf"\s+(?:[A-Z][\w'.-]*\s+){{0,3}}(?:{street})\b\.?(?!\s+(?:of|in)\b)",
            text[b : b + 60],
        ):
            return True  # "10 Downing Street", "801 North Florida Avenue": an address
        if re.fullmatch(r"\d{5}(?:-\d{4})?", text[a:b]) and re.search(
            r"\b[A-Z]{2}\s$", text[max(0, a - 4) : a]
        ):
            return True  # "Springfield, IL 62704": a postcode
        if (
            before
            and text[a - 1 - len(before[0]) : a] == before[0] + " "
            and re.search(r"[A-Z]", before[0])
        ):
            word = before[0].rstrip(".").lower()
            tok = self._token_at(a - 2)
            if (
                word not in _MONTHS
                and word not in _SENTENCE_WORDS
                and tok is not None
                and not tok.is_sent_start
                and not re.match(r"\s*(?:%|percent\b|per cent\b)", text[b : b + 9])
            ):
                return True  # "the Phone 12 Pro", "iOS 17", "Wi-Fi 7", "S&P 500": a name
        return False

    def age(self, a: int, b: int, value: float, is_digit: bool, at: _Atom) -> int | None:
        """The end of an age at ``a:b``: "a 40-year-old", "Smith, 70, of Tampa", "He was 81."."""
        text = self.text
        if at.read.unit or at.read.currency or not 0 < value < 130 or value != int(value):
            return None
        m = re.match(r"-?\s?years?[- ]old\b", text[b : b + 12])
        if m:
            return b + m.end()
        if re.search(
            r"(?i)\b(?:he|she) (?:was|is|died at|dies at)\s+$", text[max(0, a - 16) : a]
        ) and (re.match(r"\s*(?:[.;,]|and\b|$)", text[b : b + 5])):
            return b  # "He was 81."
        if (
            is_digit
            and re.match(r",\s$", text[max(0, a - 2) : a])
            and re.match(r",\s+\D", text[b : b + 3])
        ):
            tok = self._token_at(a - 3)
            if any(e.end_char in (a - 2, a - 1) for e in self.persons) or (
                tok is not None and tok.pos_ in {"NOUN", "PROPN"} and not tok.like_num
            ):
                return b  # "Scott C. Dayton, 42, of Woodbridge", "the winner, 67, took"
        return None
