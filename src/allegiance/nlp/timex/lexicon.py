"""The time lexicon (``lexicon/data/time.yaml``): month, weekday, unit and history words."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ...errors import LexiconError
from ...lexicon.io import lexicon_layers

DEFAULT_TIME_LEXICON = Path(__file__).resolve().parents[2] / "lexicon" / "data" / "time.yaml"


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
    for path, data in lexicon_layers((DEFAULT_TIME_LEXICON,), paths):
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
