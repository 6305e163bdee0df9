"""Reported numbers: value, range, what is counted, whose, change and date.

The ``allegiance_quantities`` component fills ``doc._.quantities`` with
:class:`~allegiance.schema.Quantity` records. It reads numbers in digits and words
("1,500", "Ninety-Four", "1.5 million", "$500 million"), approximations and bounds ("nearly
5,000", "more than 500", "some 200", "just over the 3,000 mark"), ranges ("between 10 and 20",
"15 to 20 percent": value is the midpoint) and vague counts ("dozens of" 24, "scores of" 40,
"hundreds of" 200, "thousands of" 2,000, "tens of thousands of" 20,000, "millions of"
2,000,000: all approximate with a lower bound). Years, dates, clock times, ordinals, ages,
phone numbers, list numbering and numbers inside names ("Resolution 2254", "CTF 50") are not
quantities.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..lexicon.io import read_mapping
from ..schema import Quantity, SentenceRef
from .extensions import ACTORS_KEY, in_ignored, register_extensions

__all__ = [
    "QUANTITY_CONCEPTS",
    "QUANTITY_UNITS",
    "QuantityExtractor",
    "QuantityLexicon",
    "find_numbers",
    "load_quantity_lexicon",
    "parse_number",
]

QUANTITY_CONCEPTS = (
    Path(__file__).resolve().parents[1] / "lexicon" / "data" / "quantity_concepts.yaml"
)
QUANTITY_UNITS = Path(__file__).resolve().parents[1] / "lexicon" / "data" / "quantity_units.yaml"

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
_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
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


def _alt(keys: Any) -> str:
    """A regex alternation of literal ``keys``, longest first."""
    return "|".join(re.escape(str(k)) for k in sorted(keys, key=len, reverse=True))


def _atom_pattern(lex: QuantityLexicon) -> re.Pattern[str]:
    """The regex of one written number: sign, currency, digits or words, scale, suffix, unit.

    Currency codes, magnitude suffixes and units come from the lexicon and keep their case
    ("M" million, "MW" megawatt); a unit is tried before a magnitude, so "5kW" is 5 kW.
    """
    cur = _alt(lex.currencies)
    mags = [k for k in (*lex.magnitudes, *lex.currency_magnitudes)]
    short = _alt([k for k in mags if len(k) == 1])
    long_ = _alt([k for k in mags if len(k) > 1])
    return re.compile(
        rf"(?:(?<![\w$.,\-])|(?<=\w[-–])(?=(?-i:{cur})\s?\d))"
        rf"(?P<sign>(?<!\d\s)[-−](?=\d|(?-i:{cur})\s?\d)|minus[- ]?(?=\d))?"
        rf"(?:(?P<cur>(?-i:{cur}))\s?)?"
        rf"(?:(?P<dig>{_DIGITS})|(?P<word>{_WORDNUM}))"
        rf"(?P<scale>(?:\s+(?:hundred|thousand|million|billion|trillion))*)"
        rf"(?:(?P<unit>(?-i:{_alt(lex.units)})|\s(?-i:{_alt(lex.spaced_units)}))(?![\w])"
        rf"|(?P<mag>(?-i:{short})|\s?(?-i:{long_}))(?![\w]))?"
        rf"(?P<plus>-plus|\+)?(?![\w])",
        re.IGNORECASE,
    )


def _fraction_pattern(lex: QuantityLexicon) -> re.Pattern[str]:
    """The regex of a share: "a third", "two-thirds", "one in four", "3 out of 5", "1/16"."""
    words = _alt(lex.fractions)
    num = rf"(?:{_DIGITS}|{_WORDNUM})"
    return re.compile(
        rf"(?<![\w$.,/\-])(?:(?P<a>a|one)[- ](?P<den>{words})"
        rf"|(?P<n>{num})[- ](?P<dens>{words})"
        rf"|(?P<x>{num})\s+(?:in|out\s+of)\s+(?P<y>{num})"
        rf"|(?P<sn>\d{{1,2}})/(?P<sd>\d{{1,3}})(?![\d/])"
        rf"|(?P<half>half))(?![\w-])",
        re.IGNORECASE,
    )


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


@dataclass(frozen=True)
class QuantityLexicon:
    """Concept synonyms and the word lists the rules use (from quantity_concepts.yaml)."""

    synonyms: dict[str, str]
    placeholders: frozenset[str]
    durations: frozenset[str]
    change_up: frozenset[str]
    change_down: frozenset[str]
    change_up_verbs: frozenset[str]
    change_down_verbs: frozenset[str]
    code_words: frozenset[str]
    raw: dict[str, Any]
    casualty_verbs: dict[str, str] = field(default_factory=dict)
    currencies: dict[str, str] = field(default_factory=dict)
    magnitudes: dict[str, float] = field(default_factory=dict)
    currency_magnitudes: dict[str, float] = field(default_factory=dict)
    metre_words: frozenset[str] = frozenset()
    units: dict[str, str] = field(default_factory=dict)
    spaced_units: frozenset[str] = frozenset()
    fractions: dict[str, float] = field(default_factory=dict)
    slash_denominators: frozenset[int] = frozenset()
    half_after: frozenset[str] = frozenset()
    street_words: frozenset[str] = frozenset()
    age_before: frozenset[str] = frozenset()
    atom: re.Pattern[str] = field(default=re.compile(r"(?!)"), repr=False)
    fraction: re.Pattern[str] = field(default=re.compile(r"(?!)"), repr=False)


def _lexicon(raw: dict[str, Any]) -> QuantityLexicon:
    synonyms: dict[str, str] = {}
    for concept, members in (raw.get("concepts") or {}).items():
        synonyms[str(concept).lower()] = str(concept)
        for w in members or []:
            synonyms[str(w).lower()] = str(concept)

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in raw.get(key, []) or [])

    def table(key: str, kind: type = str) -> dict[str, Any]:
        return {str(k): kind(v) for k, v in (raw.get(key) or {}).items()}

    lex = QuantityLexicon(
        synonyms=synonyms,
        placeholders=words("placeholders"),
        durations=words("durations"),
        change_up=words("change_up"),
        change_down=words("change_down"),
        change_up_verbs=words("change_up_verbs"),
        change_down_verbs=words("change_down_verbs"),
        code_words=words("code_words"),
        raw=raw,
        casualty_verbs={
            str(v).lower(): str(outcome)
            for outcome, members in (raw.get("casualty_verbs") or {}).items()
            for v in members or ()
        },
        currencies=table("currencies"),
        magnitudes=table("magnitudes", float),
        currency_magnitudes=table("currency_magnitudes", float),
        metre_words=words("metre_words"),
        units=table("units"),
        spaced_units=frozenset(str(w) for w in raw.get("spaced_units", []) or []),
        fractions={k.lower(): v for k, v in table("fractions", float).items()},
        slash_denominators=frozenset(int(d) for d in raw.get("slash_denominators", []) or []),
        half_after=words("half_after"),
        street_words=words("street_words"),
        age_before=words("age_before"),
    )
    # the patterns depend on the word lists, so they are built once the lists are merged
    object.__setattr__(lex, "atom", _atom_pattern(lex))
    object.__setattr__(lex, "fraction", _fraction_pattern(lex))
    return lex


def load_quantity_lexicon(paths: list[str] | tuple[str, ...] = ()) -> QuantityLexicon:
    """Load the bundled concept and unit lexicons, extended by user YAML files.

    A user file's mappings extend the bundled ones key by key (list values are added to,
    others replaced: ``currencies: {"Ksh": KES}``); its lists are added to.

    Raises:
        LexiconError: when a file cannot be read or is not a mapping.
    """
    paths = tuple(paths)
    if not paths:
        return _bundled_lexicon()
    return _load_lexicon(paths)


@lru_cache(maxsize=1)
def _bundled_lexicon() -> QuantityLexicon:
    return _load_lexicon(())


def _load_lexicon(paths: tuple[str, ...]) -> QuantityLexicon:
    merged: dict[str, Any] = {}
    for path in (QUANTITY_CONCEPTS, QUANTITY_UNITS, *map(Path, paths)):
        for key, value in read_mapping(path).items():
            if isinstance(value, dict):
                cur = dict(merged.get(key, {}))
                for k, v in value.items():
                    cur[k] = list(cur.get(k, [])) + list(v or []) if isinstance(v, list) else v
                merged[key] = cur
            elif isinstance(value, list):
                merged[key] = list(merged.get(key, [])) + value
            else:
                merged[key] = value
    return _lexicon(merged)


@Language.factory(
    "allegiance_quantities",
    default_config={"lexicon_paths": []},
    assigns=["doc._.quantities"],
    requires=["token.pos", "token.dep", "doc.sents"],
)
def make_quantities(nlp: Language, name: str, lexicon_paths: list[str]) -> QuantityExtractor:
    """spaCy factory of :class:`QuantityExtractor` (registered as ``allegiance_quantities``)."""
    return QuantityExtractor(nlp, name, lexicon_paths=lexicon_paths)


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


class QuantityExtractor:
    """spaCy component: find reported numbers; fill ``doc._.quantities``."""

    def __init__(self, nlp: Language, name: str, *, lexicon_paths: list[str] | None = None) -> None:
        """Load the concept lexicon.

        Args:
            nlp: the pipeline (unused; spaCy's factory signature).
            name: the component name.
            lexicon_paths: user YAML files extending ``quantity_concepts.yaml``.
        """
        register_extensions()
        self.name = name
        self.lexicon = load_quantity_lexicon(tuple(lexicon_paths or ()))

    def to_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> None:
        """Save the merged lexicon as ``quantity_lexicon.yaml`` in ``path``."""
        p = Path(path)
        p.mkdir(parents=True, exist_ok=True)
        (p / "quantity_lexicon.yaml").write_text(
            yaml.safe_dump(self.lexicon.raw, allow_unicode=True), encoding="utf-8"
        )

    def from_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> QuantityExtractor:
        """Load the lexicon saved by :meth:`to_disk`."""
        self.lexicon = _lexicon(read_mapping(Path(path) / "quantity_lexicon.yaml"))
        return self

    def __call__(self, doc: Doc) -> Doc:
        """Find the quantities of ``doc`` and set ``doc._.quantities``."""
        doc._.quantities = _QRun(doc, self.lexicon).run()
        return doc


class _QRun:
    def __init__(self, doc: Doc, lex: QuantityLexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.text = doc.text
        self.published = _parse_date(doc._.published)
        self.actors = list(doc.spans[ACTORS_KEY]) if ACTORS_KEY in doc.spans else []
        self.persons = [e for e in doc.ents if e.label_ == "PERSON"]

    # -- exclusions ------------------------------------------------------------------------
    def word_before(self, pos: int, n: int = 1) -> list[str]:
        return re.findall(r"[\w.$%'-]+", self.text[max(0, pos - 60) : pos])[-n:]

    def word_after(self, pos: int, n: int = 1) -> list[str]:
        return re.findall(r"[\w.$%'-]+", self.text[pos : pos + 60])[:n]

    def excluded(self, a: int, b: int, value: float, is_digit: bool, at: _Atom) -> bool:
        """Whether the number at ``a:b`` is no quantity: a year, date, time, score, code..."""
        text = self.text
        atom = text[a:b]
        before = self.word_before(a)
        after = self.word_after(b)
        prev = before[0].lower() if before else ""
        nxt = after[0].lower() if after else ""
        if in_ignored(self.doc, a, b):
            return True
        measured = bool(at.read.unit or at.read.currency or at.read.mult != 1.0)
        if is_digit and not measured and self._not_a_quantity(a, b, value, before):
            return True
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
        if re.search(
            r"(?i)\b(?:he|she) (?:was|is|died at|dies at)\s+$", text[max(0, a - 16) : a]
        ) and (re.match(r"\s*(?:[.;,]|$)", text[b : b + 2])):
            return True  # "He was 81.": an age
        if _TIME.match(text[b : b + 8]) or re.match(r":\d\d", text[b : b + 3]):
            return True  # a clock time
        if re.match(r"\s?-?\s?years?[- ]old", text[b : b + 12]):
            return True  # an age
        if (
            is_digit
            and re.match(r"\s*,\s*$", text[max(0, a - 2) : a])
            and re.match(r"\s*,", text[b : b + 2])
        ):
            if any(e.end_char in (a - 2, a - 1) for e in self.persons):
                return True  # "Scott C. Dayton, 42, of Woodbridge": an age
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
        if re.match(r"\s?(?:B\.C\.|BC\b|A\.D\.|BCE\b|CE\b)", text[b : b + 6]):
            return True  # a year
        m_range = re.match(r"\s?[-–]\s?\d{1,2}\s+([A-Za-z]+)", text[b : b + 20])
        if m_range and m_range.group(1).lower() in _MONTHS:
            return True  # "11-13 Dec."
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

    def _month_near(self, a: int) -> bool:
        words = self.word_before(a, 3)
        return any(w.lower().rstrip(".") in _MONTHS for w in words)

    def _token_at(self, char: int) -> Any:
        span = self.doc.char_span(max(char, 0), max(char, 0) + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    # -- main ------------------------------------------------------------------------------
    def run(self) -> list[Quantity]:
        text, lex = self.text, self.lex
        masked: list[tuple[int, int]] = [(m.start(), m.end()) for m in _PHONE.finditer(text)]
        atoms: list[_Atom] = []
        for a, b, value in self.fractions():
            masked.append((a, b))
            atoms.append(_Atom(a, b, value, "fraction", _Reading(value, value, 1.0, None, None)))
        for m in lex.atom.finditer(text):
            a, b = m.start(), m.end()
            if any(x < b and a < y for x, y in masked):
                continue
            read = _read_atom(m, text, lex)
            if read is None:
                continue
            atoms.append(_Atom(a, b, read.value, "digit" if m.group("dig") else "word", read, m))
        for m in _VAGUE_RE.finditer(text):
            v = _VAGUE[m.group(0).lower()]
            atoms.append(_Atom(m.start(), m.end(), v, "vague", _Reading(v, v, 1.0, None, None)))
        atoms.sort(key=lambda x: x.start)
        nums: list[_Num] = []
        i = 0
        while i < len(atoms):
            at = atoms[i]
            a, b, value = at.start, at.end, at.value
            num = _Num(a, b, value, unit=at.read.currency or at.read.unit)
            num.currency = at.read.currency is not None
            if at.kind in {"digit", "word"}:
                age_end = self.age(a, b, value, at.kind == "digit", at)
                if age_end is not None:
                    num.end, num.concept = age_end, "age"
                elif self.excluded(a, b, value, at.kind == "digit", at):
                    i += 1
                    continue
            if at.kind == "vague":
                num.low, num.approximate = value, True
            if at.match is not None and at.match.group("plus"):
                num.low, num.approximate = value, True
            if i + 1 < len(atoms) and num.concept is None:
                if self.range(at, atoms[i + 1], num):
                    i += 1
            if (
                num.concept is None
                and self.word_before(num.start)
                and (self.word_before(num.start)[0].lower() in lex.age_before)
            ):
                num.concept = "age"  # "aged 40", "children aged 2 to 19"
            self.modifiers(num)
            nums.append(num)
            i += 1
        return self.records(nums)

    def range(self, at: _Atom, nxt: _Atom, num: _Num) -> bool:
        """Make ``num`` the range "15 to 20", "10-20", "between 10 and 20", "$1bn-$1.5bn".

        Each end keeps its own magnitude; the second end's magnitude applies to the first only
        when the first has none and is the smaller number as written ("1 to 2 million", but
        "$600,000 to $1.2 million" is 600,000 to 1,200,000).
        """
        text = self.text
        a, b, a2, b2 = at.start, at.end, nxt.start, nxt.end
        if at.kind == "fraction" or nxt.kind in {"fraction", "vague"}:
            return False
        gap = text[b:a2]
        between = re.search(r"between\s+$", text[max(0, a - 12) : a], re.IGNORECASE)
        if not (
            re.fullmatch(r"\s?(?:to|-|–)\s?", gap) or (between and re.fullmatch(r"\s+and\s+", gap))
        ):
            return False
        if (
            self._month_near(a)
            or re.match(r"(?:st|nd|rd|th)\b", text[b2 : b2 + 4])
            or any(w.lower().rstrip(".,") in _MONTHS for w in self.word_after(b2, 1))
        ):
            return False
        u1, u2 = at.read.currency or at.read.unit, nxt.read.currency or nxt.read.unit
        if (u1 and u2 and u1 != u2) or (at.read.unit and not u2):
            return False  # "rose 2.1% to $83.40", "fell 3.4% to 142,000": a change, then a level
        lo, hi = at.value, nxt.value
        if at.read.mult == 1.0 and nxt.read.mult > 1.0 and at.read.raw < nxt.read.raw:
            lo = at.value * nxt.read.mult
        if not hi > lo:
            return False
        num.start = between.start() + max(0, a - 12) if between else a
        num.end, num.value, num.low, num.high = b2, (lo + hi) / 2, lo, hi
        if num.unit is None:
            num.unit = nxt.read.currency or nxt.read.unit
            num.currency = nxt.read.currency is not None
        return True

    def fractions(self) -> list[tuple[int, int, float]]:
        """Shares: "a third", "two-thirds", "one in four" (0.25, not 4), "1/16", "half of".

        "a third straight win" (an ordinal before a noun), "second half" and "half-time" are
        not shares; "3/10" is one only for the denominators of the unit lexicon.
        """
        text, lex = self.text, self.lex
        out: list[tuple[int, int, float]] = []
        for m in lex.fraction.finditer(text):
            a, b = m.start(), m.end()
            if in_ignored(self.doc, a, b):
                continue
            nxt_tok = self._token_at(b + 1) if text[b : b + 1] == " " else None
            before = [w.lower() for w in self.word_before(a, 2)]
            if m.group("den"):
                if nxt_tok is not None and nxt_tok.pos_ in {"NOUN", "ADJ", "PROPN", "NUM"}:
                    continue  # "a third straight meeting", "a quarter century"
                out.append((a, b, lex.fractions[m.group("den").lower()]))
            elif m.group("dens"):
                n = parse_number(m.group("n"))
                if n is None or not m.group("dens").lower().endswith("s"):
                    continue  # "two-third" is no share; "the 21-third" neither
                out.append((a, b, n * lex.fractions[m.group("dens").lower()]))
            elif m.group("x"):
                x, y = parse_number(m.group("x")), parse_number(m.group("y"))
                if x is None or y is None or not 0 < x < y or 1800 <= y <= 2100:
                    continue
                out.append((a, b, x / y))
            elif m.group("sn"):
                x, y = int(m.group("sn")), int(m.group("sd"))
                if 0 < x < y and y in lex.slash_denominators:
                    out.append((a, b, x / y))
            elif m.group("half"):
                two = " ".join(before)
                if (
                    re.match(r"\s+of\b", text[b : b + 4])
                    and not (before and before[-1] in {"first", "second", "latter", "the"})
                ) or ((before and before[-1] in lex.half_after) or two in lex.half_after):
                    out.append((a, b, 0.5))
        return out

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

    def modifiers(self, num: _Num) -> None:
        head = self.text[max(0, num.start - 20) : num.start].lower()
        for phrase, kind in _MODS:
            if re.search(rf"(?<!\w){re.escape(phrase)}\s+$", head):
                num.start -= len(head) - head.rfind(phrase)
                if "low" in kind:
                    num.low = num.value
                if "high" in kind:
                    num.high = num.value
                num.approximate = num.approximate or "~" in kind
                break

    # -- context ---------------------------------------------------------------------------
    def records(self, nums: list[_Num]) -> list[Quantity]:
        doc, _lex = self.doc, self.lex
        out: list[Quantity] = []
        doc_id = doc._.doc_id or ""
        for num in nums:
            span = doc.char_span(num.start, num.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            sent = span[-1].sent
            concept, unit, head_end, change = self.concept(span, sent, num)
            if num.currency:
                concept = "dollars" if num.unit == "USD" else "money"
            elif num.unit:
                concept = "percent" if num.unit == "percent" else concept or num.unit
            elif unit:
                num.unit = unit
            if num.concept:
                concept = num.concept
            actor_id = self.actor(span, head_end, sent, concept)
            out.append(
                Quantity(
                    id=f"{doc_id}:n{len(out)}",
                    doc_id=doc_id,
                    text=self.text[num.start : num.end],
                    start=num.start,
                    end=num.end,
                    value=num.value,
                    low=num.low,
                    high=num.high,
                    approximate=num.approximate,
                    unit=num.unit,
                    concept=concept,
                    actor_id=actor_id,
                    change=change,
                    date=self.date(sent, num),
                    sentence=SentenceRef(text=sent.text, start=sent.start_char, end=sent.end_char),
                )
            )
        return out

    def concept(
        self, span: Span, sent: Span, num: _Num
    ) -> tuple[str | None, str | None, int, _Change]:
        """Concept, unit, token end of the counted phrase, and change of a number."""
        doc, lex = self.doc, self.lex
        j = span.end
        change: _Change = "="
        if j < sent.end and doc[j].lower_ in lex.change_up:
            change, j = "up", j + 1
        elif j < sent.end and doc[j].lower_ in lex.change_down:
            change, j = "down", j + 1
        if j < sent.end and doc[j].lower_ == "of":
            j += 1
            while j < sent.end and doc[j].pos_ in {"DET", "PRON"}:
                j += 1
        start = j
        head: int | None = None
        while j < sent.end and j - start < 7:
            t = doc[j]
            if (
                (t.pos_ in {"NOUN", "PROPN", "ADJ", "NUM", "ADV"} and t.lower_ not in {"in", "on"})
                or t.text == "-"
                or (t.tag_ == "VBN" and j + 1 < sent.end and doc[j + 1].pos_ == "NOUN")
                or (
                    t.lower_ == "and"
                    and head is not None
                    and j + 1 < sent.end
                    and doc[j + 1].pos_ == "NOUN"
                )
            ):
                if t.pos_ == "NOUN" or (
                    t.pos_ == "PROPN"
                    and head is None
                    and (j + 1 >= sent.end or doc[j + 1].pos_ not in {"NOUN", "PROPN", "ADJ", "-"})
                ):
                    head = j
                j += 1
                if t.pos_ == "NOUN" and (
                    j >= sent.end
                    or (doc[j].pos_ not in {"NOUN", "PROPN"} and doc[j].lower_ != "and")
                ):
                    break
                continue
            break
        if start < sent.end and doc[start].text == "%":
            return "percent", "percent", start + 1, change
        if (
            span.end + 1 < sent.end
            and doc[span.end].text == "-"
            and not doc[span.end - 1].whitespace_
            and not doc[span.end].whitespace_
            and doc[span.end + 1].pos_ in {"NOUN", "PROPN"}
        ):
            # "a 30-person team", "a New Five-Year Program": the noun joined to the number
            start = head = span.end + 1
        if head is None:
            return None, None, span.end, change
        if head != start and doc[start].tag_ == "NN" and doc[head].tag_ == "NN" and num.value > 1:
            head = start  # "a 60-plus nation coalition", "a 5,000-troop force": what is counted
        phrase = doc[start : head + 1].text.lower()
        lemma = doc[head].lemma_.lower()
        word = doc[head].lower_
        unit: str | None = None
        if lemma in lex.placeholders:
            found = self.number_of(sent, span.start)
            if found is not None:
                lemma, word, phrase, _ = found
        if lemma in lex.durations:
            return word, word, head + 1, change
        if phrase.startswith("square "):
            unit = "km2" if "kilomet" in phrase else "sq mi"
            nxt = head + 1
            if nxt + 1 < sent.end and doc[nxt].lower_ == "of":
                return doc[nxt + 1 : nxt + 2].text.lower() or "area", unit, head + 1, change
            return "area", unit, head + 1, change
        concept = None
        for key in sorted(lex.synonyms, key=len, reverse=True):
            if " " in key and key in phrase:
                concept = lex.synonyms[key]
                break
        concept = concept or lex.synonyms.get(lemma) or lex.synonyms.get(word) or word
        if concept in {"kilometres", "miles"}:
            unit = "km" if concept == "kilometres" else "mi"
        if concept == "percent":
            unit = "percent"
        outcome = self._casualty(doc[head])
        if outcome:
            concept = f"{concept} {outcome}"  # "kill more than 500 U.S. troops": the dead
        if change == "=":
            change = self.change_before(span)
        return concept, unit, head + 1, change

    def _casualty(self, noun: Token) -> str | None:
        """ "killed" when the counted people are the object of "kill" (or the subject of
        "were killed"), from the ``casualty_verbs`` map of the concept lexicon."""
        verbs = self.lex.casualty_verbs
        verb = noun.head
        if noun.dep_ == "conj":
            verb = noun.head.head
        if noun.dep_ in ("dobj", "nsubjpass", "conj") and verb.pos_ in ("VERB", "AUX"):
            out = verbs.get(verb.lemma_.lower())
            return str(out) if out else None
        return None

    def number_of(self, sent: Span, before: int) -> tuple[str, str, str, int] | None:
        """ "the number of US troops ... to just over the 3,000 mark": the counted noun."""
        doc = self.doc
        for t in doc[sent.start : before]:
            if (
                t.lemma_.lower() in self.lex.placeholders
                and t.i + 1 < before
                and doc[t.i + 1].lower_ == "of"
            ):
                for u in doc[t.i + 2 : before]:
                    if u.pos_ == "NOUN":
                        return u.lemma_.lower(), u.lower_, u.lower_, u.i
        return None

    def change_before(self, span: Span) -> _Change:
        doc = self.doc
        for t in doc[max(span.sent.start, span.start - 4) : span.start]:
            lemma = t.lemma_.lower()
            if lemma in self.lex.change_down_verbs:
                return "down"
            if lemma in self.lex.change_up_verbs:
                return "up"
        return "="

    def actor(self, span: Span, head_end: int, sent: Span, concept: str | None) -> str | None:
        """The actor a number belongs to: inside its phrase, just before it, or its verb's subject."""
        doc = self.doc
        if not self.actors:
            return None
        if head_end - 1 < len(doc) and doc[head_end - 1].lemma_.lower() in self.lex.durations:
            return None
        inside = [
            s
            for s in self.actors
            if span.start <= s.start and s.end <= head_end and s._.actor is not None
        ]
        if inside:
            return self.owner(inside[0])
        for s in self.actors:
            if (
                s.end in (span.start, span.start - 1)
                and s.sent.start == sent.start
                and s._.actor is not None
            ):
                if doc[s.end - 1].tag_ == "POS" or doc[s.end : span.start].text.strip() in {
                    "",
                    "'s",
                    "’s",
                }:
                    return self.owner(s)
        if head_end - 1 < len(doc):
            t = doc[head_end - 1]
            if t.lemma_.lower() in self.lex.placeholders or concept is not None:
                found = self.number_of(sent, span.start)
                if found is not None:
                    for s in self.actors:
                        if (
                            s._.actor is not None
                            and s.start <= found[3] <= s.end
                            and s.start < span.start
                        ):
                            return self.owner(s)
        verb = doc[head_end - 1] if head_end > span.start else span.root
        for _ in range(6):
            if verb.pos_ in {"VERB", "AUX"}:
                break
            if verb.head is verb:
                break
            verb = verb.head
        if verb.pos_ in {"VERB", "AUX"}:
            for _ in range(3):
                subj = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
                if subj:
                    a, b = subj[0].left_edge.i, subj[0].right_edge.i + 1
                    inner = [
                        s
                        for s in self.actors
                        if a <= s.start and s.end <= b and s._.actor is not None
                    ]
                    states = [
                        s
                        for s in inner
                        if s._.actor.actor_type in {"state", "government", "military"}
                    ]
                    pick = states or inner
                    if pick:
                        return self.owner(pick[0])
                    break
                if verb.head is verb:
                    break
                verb = verb.head
        return None

    @staticmethod
    def owner(span: Span) -> str:
        """The actor id a count belongs to: a person's troops are their country's."""
        ref = span._.actor
        if ref.actor_type == "person" and ref.country:
            return str(ref.country)
        return str(ref.actor_id)

    def date(self, sent: Span, num: _Num) -> str | None:
        """The date a number refers to: from its sentence when it names one, else published.

        The first date of the sentence outside the number, as precise as written: "20 October
        2016" or "Oct. 20, 2016" give 2016-10-20, "May 2016" 2016-05, "2016" 2016; a day and
        month without a year ("20 Oct.") take the year of the sentence, else of the document.
        """
        s = sent.text
        base = self.published
        low = s.lower()
        years = [
            m.group("y4")
            for m in _DATE.finditer(s)
            if m.group("y4")
            and not (
                sent.start_char + m.start() >= num.start and sent.start_char + m.end() <= num.end
            )
        ]
        for m in _DATE.finditer(s):
            a, b = sent.start_char + m.start(), sent.start_char + m.end()
            if a < num.end and num.start < b and m.group("y4") is None:
                continue
            if a >= num.start and b <= num.end:
                continue
            if m.group("y4"):
                return m.group("y4")
            month_word = (m.group("m1") or m.group("m2") or m.group("m3") or "").lower()
            if month_word not in _MONTHS:
                continue
            month = _MONTHS[month_word]
            year = m.group("y1") or m.group("y2") or m.group("y3")
            day = m.group("d1") or m.group("d2")
            if day is None:
                return f"{year}-{month:02d}"
            if not 1 <= int(day) <= 31:
                continue
            if year is None:
                if years:
                    year = years[0]
                elif base is not None:
                    year = str(base.year)
                else:
                    continue
            try:
                return dt.date(int(year), month, int(day)).isoformat()
            except ValueError:
                continue
        if base is None:
            return None
        if "yesterday" in low:
            return (base - dt.timedelta(days=1)).isoformat()
        if "last week" in low:
            return (base - dt.timedelta(days=7)).isoformat()
        if "last month" in low:
            first = base.replace(day=1) - dt.timedelta(days=1)
            return f"{first.year}-{first.month:02d}"
        if "last year" in low:
            return str(base.year - 1)
        return base.isoformat()


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
