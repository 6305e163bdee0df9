"""Number words and digits: the tables and :func:`parse_number`."""

from __future__ import annotations

import re
from typing import Literal

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip

_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip

_SCALES = {
    "hundred": 100,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    # South Asian scales: "Rs 2,000 crore" is 20 billion rupees, "5 lakh" 500,000
    "crore": 1e7,
    "crores": 1e7,
    "lakh": 1e5,
    "lakhs": 1e5,
}

_VAGUE = {
    "tens of thousands": 20000.0, "hundreds of thousands": 200000.0, "tens of millions": 2e7,
    "hundreds of millions": 2e8, "dozens": 24.0,
    "scores": 40.0, "hundreds": 200.0, "thousands": 2000.0, "millions": 2e6, "billions": 2e9,
}  # fmt: skip

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}  # fmt: skip

_WORD = "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True))

_WORDNUM = rf"(?:(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(k for k in _UNITS if _UNITS[k] < 10)}))?|{_WORD}|a dozen)"

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"

_VAGUE_RE = re.compile(
    r"(?<!\w)(?:tens of thousands|hundreds of thousands|tens of millions|hundreds of millions"
    r"|dozens|scores|hundreds|thousands|millions|billions)(?= of\b)",
    re.IGNORECASE,
)

_MODS: tuple[tuple[str, str], ...] = (
    ("just over the", "low~"), ("just under the", "high~"), ("more than", "low"),
    ("upwards of", "low"), ("at least", "low"), ("just over", "low~"), ("over", "low"),
    ("in excess of", "low"), ("up to", "high"), ("as many as", "high"), ("fewer than", "high"),
    ("less than", "high"), ("at most", "high"), ("just under", "high~"), ("under", "high"),
    ("nearly", "high~"), ("almost", "high~"), ("close to", "~"), ("about", "~"),
    ("around", "~"), ("approximately", "~"), ("roughly", "~"), ("some", "~"),
    ("an estimated", "~"), ("estimated", "~"), ("circa", "~"), ("approx.", "~"),
)  # fmt: skip

_PHONE = re.compile(
    r"(?<![\d+])(?:\+\d{1,3}[-. ]?)?(?:\(\d{3}\)\s?|\d{3}[-. ])\d{3}[-.]\d{4}(?!\d)"
)

_Change = Literal["=", "up", "down"]

_YEAR = r"(?:1[89]\d\d|20\d\d)"

_DATE = re.compile(
    rf"(?<![\w$.,])(?P<d1>\d{{1,2}})\s+(?P<m1>[A-Z][a-z]{{2,8}})\.?(?:,?\s+(?P<y1>{_YEAR}))?(?!\w)"
    rf"|(?<!\w)(?P<m2>[A-Z][a-z]{{2,8}})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?![\d,]\d)"
    rf"(?:,?\s+(?P<y2>{_YEAR}))?(?!\d)"
    rf"|(?<!\w)(?P<m3>[A-Z][a-z]{{2,8}})\.?\s+(?P<y3>{_YEAR})(?!\d)"
    rf"|(?<![\d,.$])(?P<y4>{_YEAR})(?!\d|,\d)"
)

# capitalised words after which a number can still be a count ("Some 200", "About 5,000")
_SENTENCE_WORDS = frozenset({"i", "u.s", "us", "uk", "eu", "un", "nato", "and", "or"})

_TIME = re.compile(r"^\s?(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|gmt|utc|hrs\b)", re.IGNORECASE)


def parse_number(text: str) -> float | None:
    """The value of a number written in digits or words, with scale words.

    >>> parse_number("1,500"), parse_number("Ninety-Four"), parse_number("$1.5 million")
    (1500.0, 94.0, 1500000.0)
    """
    t = text.lower().replace("$", "").replace("-plus", "").replace("+", "").strip()
    t = t.replace("a dozen", "twelve")
    total = 0.0
    current = 0.0
    seen = False
    for w in re.split(r"[\s-]+", t):
        if not w:
            continue
        if re.fullmatch(_DIGITS, w):
            current += float(w.replace(",", ""))
            seen = True
        elif w in _UNITS:
            current += _UNITS[w]
            seen = True
        elif w in _TENS:
            current += _TENS[w]
            seen = True
        elif w in _SCALES or w in {"bn", "m", "k"}:
            scale = {"bn": 1e9, "m": 1e6, "k": 1e3}.get(w, _SCALES.get(w, 1.0))
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0.0
            seen = True
        elif w == "and":
            continue
        else:
            return None
    return total + current if seen else None
