"""The quantity lexicon: number words, units, concepts and cues, read from YAML data files."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ...lexicon.io import lexicon_layers
from .words import _DIGITS, _WORDNUM

QUANTITY_CONCEPTS = (
    Path(__file__).resolve().parents[2] / "lexicon" / "data" / "quantity_concepts.yaml"
)

QUANTITY_UNITS = Path(__file__).resolve().parents[2] / "lexicon" / "data" / "quantity_units.yaml"


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
        rf"(?P<scale>(?:\s+(?:hundred|thousand|million|billion|trillion|crores?|lakhs?))*)"
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
    unit_words: dict[str, str] = field(default_factory=dict)
    level_prepositions: frozenset[str] = frozenset()
    level_verbs: frozenset[str] = frozenset()
    estimating_verbs: frozenset[str] = frozenset()
    rate_words: frozenset[str] = frozenset()
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
        unit_words={k.lower(): v for k, v in table("unit_words").items()},
        rate_words=words("rate_words"),
        level_prepositions=words("level_prepositions"),
        level_verbs=words("level_verbs"),
        estimating_verbs=words("estimating_verbs"),
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
    for _path, data in lexicon_layers((QUANTITY_CONCEPTS, QUANTITY_UNITS), paths):
        for key, value in data.items():
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
