"""Number atoms in text: :func:`find_numbers` and the reading of one atom."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import QuantityLexicon, load_quantity_lexicon
from .words import parse_number


def find_numbers(text: str, lexicon: QuantityLexicon | None = None) -> list[tuple[int, int, float]]:
    """Character spans and values of the number atoms in ``text`` (no context rules).

    >>> [(text[a:b], v) for text in ["some 200 advisers and $1.5 million, 64GB, HK$3bn"]
    ...  for a, b, v in find_numbers(text)]
    [('200', 200.0), ('$1.5 million', 1500000.0), ('64GB', 64.0), ('HK$3bn', 3000000000.0)]
    """
    lex = lexicon or load_quantity_lexicon()
    out: list[tuple[int, int, float]] = []
    for m in lex.atom.finditer(text):
        read = _read_atom(m, text, lex)
        if read is not None:
            out.append((m.start(), m.end(), read.value))
    return out


@dataclass(frozen=True)
class _Reading:
    """What an atom says: value, the number before its magnitude, multiplier, unit, currency."""

    value: float
    raw: float
    mult: float
    unit: str | None
    currency: str | None


def _read_atom(m: re.Match[str], text: str, lex: QuantityLexicon) -> _Reading | None:
    """The value of a number atom, with sign, magnitude and unit; None when it is no number."""
    core = (m.group("dig") or m.group("word") or "") + (m.group("scale") or "")
    raw = parse_number(core)
    if raw is None or (m.group("word") and (m.group("unit") or m.group("mag"))):
        return None  # "tent" is not "ten t"
    scale = parse_number("1" + m.group("scale")) if m.group("scale") else 1.0
    raw_number = raw / (scale or 1.0)
    currency = lex.currencies.get(m.group("cur")) if m.group("cur") else None
    unit = None
    mult = scale or 1.0
    if m.group("unit"):
        unit = lex.units.get(m.group("unit").strip())
    mag = (m.group("mag") or "").strip()
    if mag:
        if mag in lex.currency_magnitudes and mag not in lex.magnitudes:
            if currency is None:
                return None  # "2b": no currency, too ambiguous
            mult *= lex.currency_magnitudes[mag]
        elif (
            mag == "m"
            and currency is None
            and (
                raw >= 1000
                or (re.findall(r"[\w-]+", text[m.end() : m.end() + 30]) or [""])[0].lower()
                in lex.metre_words
            )
        ):
            unit = "m"  # "the 1,500m champion", "the 400m hurdles": metres
        else:
            mult *= lex.magnitudes[mag]
    value = raw_number * mult
    if m.group("sign"):
        value = -value
    return _Reading(value, raw_number, mult, unit, currency)
