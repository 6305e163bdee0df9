"""Place mentions in text, resolved to the gazetteer: country first, then populated places.

A place mention is a run of capitalised words (with the particles of Arabic and European
names: "Dayr az Zawr", "Deir ez-Zor") that the gazetteer knows, or a GPE/LOC/FAC entity of a
spaCy doc. A country name resolves to its country. A city name resolves to the most likely
populated place of that name given the document's countries (the countries its actors belong
to and the countries it names), its population and whether the name is the place's own or an
alternate one. A name is taken as a place only when the evidence is enough: a locative word
before it ("in", "near", "outside"), a country of the document, or a very large city. Every
resolved place carries a confidence.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..schema import Place
from .gazetteer import Gazetteer, GazetteerEntry

__all__ = [
    "PlaceMention",
    "document_countries",
    "find_place_mentions",
    "place_mentions_from_doc",
    "resolve_mention",
    "resolve_places",
]

_WORD = re.compile(r"[^\W\d_][\w'’‘ʿʾ.\-]*", re.UNICODE)
_ENT_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: a city needs a locative word, a document country or this many people to count as a place
_BIG_CITY = 1_000_000


@dataclass(frozen=True)
class PlaceMention:
    """A name in the text that may be a place."""

    text: str
    start: int
    end: int
    #: the locative word just before it ("in", "near", "south of"), if any
    locative: str | None = None


def _locative_before(text: str, start: int, gz: Gazetteer) -> str | None:
    words = re.findall(r"[A-Za-z]+", text[max(0, start - 40) : start].casefold())
    if words and words[-1] == "the":
        words = words[:-1]
    if not words:
        return None
    if words[-1] == "of" and len(words) >= 2 and words[-2] in gz.directions:
        return f"{words[-2]} of"
    return words[-1] if words[-1] in gz.locative_words else None


def find_place_mentions(
    text: str, *, gazetteer: Gazetteer | None = None, exclude: Iterable[tuple[int, int]] = ()
) -> list[PlaceMention]:
    """Names in ``text`` that the gazetteer knows, longest first, never overlapping.

    Args:
        text: any text (a sentence or a whole document).
        gazetteer: the gazetteer (default: the packaged one).
        exclude: character spans to skip (e.g. the names of organisations: "Islamic State
            of Iraq" holds no place).

    >>> [m.text for m in find_place_mentions("Airstrikes hit ISIL near Mosul and in Syria.")]
    ['Mosul', 'Syria']
    """
    gz = gazetteer or Gazetteer.load()
    blocked = sorted(exclude)
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    out: list[PlaceMention] = []
    i = 0
    while i < len(words):
        s0, _ = words[i]
        if not text[s0].isupper():
            i += 1
            continue
        found = None
        for n in range(min(gz.max_words, len(words) - i), 0, -1):
            last_s, last_e = words[i + n - 1]
            if not text[last_s].isupper():
                continue
            inner = [text[s:e] for s, e in words[i + 1 : i + n - 1]]
            if any(not (w[:1].isupper() or w.casefold() in gz.name_particles) for w in inner):
                continue
            gap = text[words[i][1] : last_s] if n > 1 else ""
            if any(ch in gap for ch in ",;:()\n"):
                continue
            end = last_e
            while end > s0 and text[end - 1] in ".'’-" and text[s0:end].count(".") < 2:
                end -= 1
            surface = text[s0:end]
            countries, cities = gz.lookup(surface)
            if countries or cities:
                found = (s0, end, n)
                break
        if found is None:
            i += 1
            continue
        s, e, n = found
        if _inside_longer_name(text, words, i, n, gz):
            i += n
            continue
        if not any(bs < e and s < be for bs, be in blocked):
            out.append(PlaceMention(text[s:e], s, e, _locative_before(text, s, gz)))
        i += n
    return out


def _inside_longer_name(
    text: str, words: list[tuple[int, int]], i: int, n: int, gz: Gazetteer
) -> bool:
    """A match that is part of a longer capitalised name the gazetteer does not know ("Isa" in
    "Ayn Isa", "Mosul" in "Mosul Dam", "Central" in "Central Command") is not a place."""

    def joined(a: int, b: int) -> bool:  # words a and b are separated by spaces only
        return text[words[a][1] : words[b][0]].strip() == ""

    if i > 0 and joined(i - 1, i):
        prev = text[words[i - 1][0] : words[i - 1][1]]
        if prev.endswith(".") and len(prev) <= 5:
            return True  # a title or initial: "Col. Davis", "Gen. Austin"
        if prev[:1].isupper() and prev.casefold() not in gz.locative_words | {"the"}:
            # a capitalised word opening the sentence is not part of the name ("Near", "Today")
            before = text[: words[i - 1][0]].rstrip()
            if before and before[-1] not in '.!?\n"“':
                return True
    j = i + n
    if j < len(words) and joined(j - 1, j):
        nxt = text[words[j][0] : words[j][1]]
        if nxt[:1].isupper():
            return True
    return False


def place_mentions_from_doc(doc: Any, *, gazetteer: Gazetteer | None = None) -> list[PlaceMention]:
    """The GPE, LOC and FAC entities of a spaCy doc as place mentions (offsets in ``doc.text``)."""
    gz = gazetteer or Gazetteer.load()
    out = []
    for ent in doc.ents:
        if ent.label_ not in _ENT_LABELS:
            continue
        span = ent[1:] if ent[0].lower_ == "the" and len(ent) > 1 else ent
        out.append(
            PlaceMention(
                span.text,
                span.start_char,
                span.end_char,
                _locative_before(doc.text, span.start_char, gz),
            )
        )
    return out


def document_countries(
    mention_countries: Iterable[str | None] = (),
    text: str | None = None,
    *,
    gazetteer: Gazetteer | None = None,
) -> Counter[str]:
    """How often each country (ISO alpha-3) figures in a document: its actors and its names.

    >>> document_countries(["IRQ", "IRQ", None], "Fighting in Syria.")
    Counter({'IRQ': 2, 'SYR': 1})
    """
    counts: Counter[str] = Counter(c for c in mention_countries if c)
    if text:
        gz = gazetteer or Gazetteer.load()
        for m in find_place_mentions(text, gazetteer=gz):
            countries, cities = gz.lookup(m.text)
            if countries:
                counts.update({countries[0].country: 1} if countries[0].country else {})
    return counts


def _place(mention: PlaceMention, entry: GazetteerEntry, confidence: float) -> Place:
    return Place(
        as_written=mention.text,
        name=entry.name,
        feature="country" if entry.feature == "country" else "city",
        country=entry.country,
        lat=entry.lat,
        lon=entry.lon,
        geonameid=entry.geonameid,
        confidence=round(max(0.0, min(1.0, confidence)), 3),
    )


def resolve_mention(
    mention: PlaceMention,
    countries: Mapping[str, int] | None = None,
    *,
    gazetteer: Gazetteer | None = None,
) -> Place | None:
    """The place a mention denotes, or ``None`` when the evidence is too weak.

    Args:
        mention: the name and the locative word before it.
        countries: the document's countries and their weights (:func:`document_countries`).
        gazetteer: the gazetteer (default: the packaged one).

    >>> resolve_mention(PlaceMention("Mosul", 0, 5, "near"), {"IRQ": 3}).country
    'IRQ'
    """
    gz = gazetteer or Gazetteer.load()
    prior = dict(countries or {})
    top = max(prior.values(), default=0) or 1
    country_hits, city_hits = gz.lookup(mention.text)
    if country_hits:
        entry = max(country_hits, key=lambda e: prior.get(e.country or "", 0))
        return _place(mention, entry, 0.95 if mention.locative else 0.85)
    if not city_hits:
        return None

    def score(e: GazetteerEntry) -> float:
        share = prior.get(e.country or "", 0) / top  # the document's main country weighs most
        return math.log10(e.population + 10) * (1 + 4 * share) * (1.0 if e.primary else 0.8)

    ranked = sorted(city_hits, key=score, reverse=True)
    best = ranked[0]
    in_document = prior.get(best.country or "", 0) > 0
    if not (mention.locative or in_document or best.population >= _BIG_CITY):
        return None
    if not (in_document or best.population >= _BIG_CITY) and not best.primary:
        return None  # an alternate name of a place in no country of the document
    share = score(best) / sum(score(e) for e in ranked)
    evidence = 0.5 + 0.2 * bool(mention.locative) + 0.2 * in_document + 0.1 * best.primary
    return _place(mention, best, share * evidence)


def resolve_places(
    text: str,
    countries: Mapping[str, int] | None = None,
    *,
    gazetteer: Gazetteer | None = None,
    exclude: Iterable[tuple[int, int]] = (),
    mentions: Iterable[PlaceMention] | None = None,
) -> list[tuple[PlaceMention, Place]]:
    """Find and resolve the places of a text (or of the given mentions).

    >>> [(m.text, p.name, p.country) for m, p in resolve_places("Strikes near Mosul.", {"IRQ": 1})]
    [('Mosul', 'Mosul', 'IRQ')]
    """
    gz = gazetteer or Gazetteer.load()
    found = (
        list(mentions)
        if mentions is not None
        else find_place_mentions(text, gazetteer=gz, exclude=exclude)
    )
    out = []
    for m in found:
        place = resolve_mention(m, countries, gazetteer=gz)
        if place is not None:
            out.append((m, place))
    return out
