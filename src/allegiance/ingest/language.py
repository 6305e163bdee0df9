"""A cheap guess of the language a text is written in: its script, then its stopwords.

Good enough to keep documents in another language away from an English pipeline (which
would read them wrong and say nothing): no model, a few microseconds per kilobyte. Texts in
a script used by one language (Arabic, Chinese, Cyrillic, Greek...) are told by their letters;
texts in Latin script by the share of their words that are the most frequent words of each
language. The data is ``data/languages.yaml``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import LexiconError
from ..lexicon.io import read_mapping

__all__ = ["LanguageGuess", "guess_language", "language_name"]

#: characters of a text looked at (its start)
SAMPLE = 5_000
#: fewer letters than this, or fewer words in Latin script: undetermined
MIN_LETTERS = 20
MIN_WORDS = 8
#: a script is the text's when it has this share of its letters
SCRIPT_SHARE = 0.5
#: in Latin script, a language needs this share of stopwords (and to beat English clearly)
MIN_STOPWORD_SHARE = 0.12
MARGIN = 1.5

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """A language guess: ISO 639-1 ``code`` ("und" when undetermined), its English ``name``,
    a ``confidence`` in [0, 1] and the ``reason`` ("script", "stopwords" or "too short")."""

    code: str
    name: str
    confidence: float
    reason: str


@cache
def _data() -> dict[str, Any]:
    path = Path(str(resources.files("allegiance.ingest") / "data" / "languages.yaml"))
    data = read_mapping(path)
    if not {"names", "scripts", "stopwords"} <= set(data):
        raise LexiconError(f"{path}: needs 'names', 'scripts' and 'stopwords' sections")
    data["stopsets"] = {code: frozenset(words) for code, words in data["stopwords"].items()}
    return data


def language_name(code: str) -> str:
    """The English name of a language code ("ar" -> "Arabic"); the code itself if unknown.

    Example:
        >>> language_name("zh")
        'Chinese'
    """
    return str(_data()["names"].get(code, code))


def _guess(code: str, confidence: float, reason: str) -> LanguageGuess:
    return LanguageGuess(code, language_name(code), round(confidence, 3), reason)


def _script(ch: str) -> str:
    try:
        return unicodedata.name(ch).split(" ", 1)[0]
    except ValueError:
        return "UNKNOWN"


def guess_language(text: str) -> LanguageGuess:
    """Guess the language of ``text`` from its first few thousand characters.

    Returns "und" (undetermined) rather than a weak guess: text too short, or no language
    clearly ahead. English text with foreign names stays English.

    Example:
        >>> guess_language("The ministers met in Geneva on Monday and said that the talks "
        ...                "with Iran would go on for at least another week.").code
        'en'
        >>> guess_language("قالت وزارة الخارجية إن المحادثات ستستمر الأسبوع المقبل").code
        'ar'
    """
    sample = text[:SAMPLE]
    letters = [ch for ch in sample if ch.isalpha()]
    if len(letters) < MIN_LETTERS:
        return _guess("und", 0.0, "too short")
    scripts = Counter(_script(ch) for ch in letters)
    data = _data()
    # Japanese mixes kana with Chinese characters: any kana share makes it Japanese.
    kana = scripts["HIRAGANA"] + scripts["KATAKANA"]
    if kana and (kana + scripts["CJK"]) / len(letters) >= SCRIPT_SHARE:
        return _guess("ja", (kana + scripts["CJK"]) / len(letters), "script")
    script, count = scripts.most_common(1)[0]
    share = count / len(letters)
    if script != "LATIN" and share >= SCRIPT_SHARE and script in data["scripts"]:
        entry = data["scripts"][script]
        for code, marks in (entry.get("marks") or {}).items():
            if any(ch in marks for ch in letters):
                return _guess(code, share, "script")
        return _guess(entry["default"], share, "script")
    if script != "LATIN" or share < SCRIPT_SHARE:
        return _guess("und", share, "script")
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < MIN_WORDS:
        return _guess("und", 0.0, "too short")
    shares = {
        code: sum(1 for w in words if w in stops) / len(words)
        for code, stops in data["stopsets"].items()
    }
    best = max(shares, key=lambda c: shares[c])
    english = shares.get("en", 0.0)
    if best != "en" and shares[best] >= MIN_STOPWORD_SHARE and shares[best] >= MARGIN * english:
        return _guess(best, shares[best], "stopwords")
    if english >= MIN_STOPWORD_SHARE / 2:
        return _guess("en", english, "stopwords")
    return _guess("und", shares[best], "stopwords")
