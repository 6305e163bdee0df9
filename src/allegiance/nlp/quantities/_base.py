"""What every part of a quantity run shares: the numbers found, the document and its context."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Literal

from spacy.tokens import Doc

from ..extensions import ACTORS_KEY
from .lexicon import QuantityLexicon
from .numbers import _Reading
from .words import _MONTHS


@dataclass
class _Num:
    start: int
    end: int
    value: float
    low: float | None = None
    high: float | None = None
    approximate: bool = False
    unit: str | None = None
    currency: bool = False
    concept: str | None = None


@dataclass
class _Atom:
    """One number found in the text before the context rules: where, what it reads, its kind."""

    start: int
    end: int
    value: float
    kind: Literal["digit", "word", "vague", "fraction"]
    read: _Reading
    match: re.Match[str] | None = None


def _parse_date(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        try:
            return dt.date(int(str(value)[:4]), 1, 1)
        except ValueError:
            return None


class _RunBase:
    """The document being read and the context lookups every rule of a run uses."""

    def __init__(self, doc: Doc, lex: QuantityLexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.text = doc.text
        self.published = _parse_date(doc._.published)
        self.actors = list(doc.spans[ACTORS_KEY]) if ACTORS_KEY in doc.spans else []
        self.persons = [e for e in doc.ents if e.label_ == "PERSON"]
        self.currency_codes = frozenset(lex.currencies.values())

    # -- exclusions ------------------------------------------------------------------------
    def word_before(self, pos: int, n: int = 1) -> list[str]:
        return re.findall(r"[\w.$%'-]+", self.text[max(0, pos - 60) : pos])[-n:]

    def word_after(self, pos: int, n: int = 1) -> list[str]:
        return re.findall(r"[\w.$%'-]+", self.text[pos : pos + 60])[:n]

    def _month_near(self, a: int) -> bool:
        words = self.word_before(a, 3)
        return any(w.lower().rstrip(".") in _MONTHS for w in words)

    def _token_at(self, char: int) -> Any:
        span = self.doc.char_span(max(char, 0), max(char, 0) + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None
