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
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..schema import Place
from .gazetteer import Gazetteer, GazetteerEntry, normalise_name

__all__ = [
    "PlaceMention",
    "document_countries",
    "find_place_mentions",
    "place_mentions_from_doc",
    "resolve_mention",
    "resolve_places",
    "surname_forms",
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
    #: the country a following ", Country" or ", State" names: ISO alpha-3 ("ITA" after
    #: "Rome, Italy"), with a US state's code after a slash ("USA/VA")
    qualifier: str | None = None


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
    text: str,
    *,
    gazetteer: Gazetteer | None = None,
    exclude: Iterable[tuple[int, int]] = (),
    people: Collection[str] | None = None,
) -> list[PlaceMention]:
    """Names in ``text`` that the gazetteer knows, longest first, never overlapping.

    Args:
        text: any text (a sentence or a whole document).
        gazetteer: the gazetteer (default: the packaged one).
        exclude: character spans to skip (e.g. the names of organisations: "Islamic State
            of Iraq" holds no place).
        people: names used for people in the whole document (:func:`surname_forms`), when
            ``text`` is one of its sentences; by default learnt from ``text`` itself.

    >>> [m.text for m in find_place_mentions("Airstrikes hit ISIL near Mosul and in Syria.")]
    ['Mosul', 'Syria']
    """
    gz = gazetteer or Gazetteer.load()
    blocked = sorted(exclude)
    names_of_people = surname_forms(text, gazetteer=gz) if people is None else people
    out: list[PlaceMention] = []
    for m in _scan(text, gz):
        if _name_part(text, m.start, m.end, gz) is not None:
            continue
        if any(bs < m.end and m.start < be for bs, be in blocked):
            continue
        locative = _locative_before(text, m.start, gz)
        if locative is None and normalise_name(m.text) in names_of_people:
            continue
        out.append(PlaceMention(m.text, m.start, m.end, locative, _qualifier(text, m.end, gz)))
    return out


def _scan(text: str, gz: Gazetteer) -> list[PlaceMention]:
    """Every longest run of capitalised words (with name particles) the gazetteer knows."""
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
            if text[s0:end].endswith(("'s", "’s")):
                end -= 2  # a possessive: "Iraq's"
            while end > s0 and text[end - 1] in ".'’-" and text[s0:end].count(".") < 2:
                end -= 1
            countries, cities = gz.lookup(text[s0:end])
            if countries or cities:
                found = (s0, end, n)
                break
        if found is None:
            i += 1
            continue
        s, e, n = found
        out.append(PlaceMention(text[s:e], s, e))
        i += n
    return out


def _token_before(text: str, start: int) -> tuple[str, int] | None:
    """The whitespace-delimited token just before ``start`` on the same line, if spaces alone
    separate them."""
    j = start
    while j > 0 and text[j - 1] in " \t\u00a0":
        j -= 1
    if j == start or j == 0 or text[j - 1] == "\n":
        return None
    k = j
    while k > 0 and not text[k - 1].isspace():
        k -= 1
    return text[k:j], k


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    """English function words (spaCy's stop words): a capitalised one opening a sentence is not
    the first part of a name."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _abbreviation(token: str) -> bool:
    return token.endswith(".") and len(token) <= 5 and token[:1].isupper()


def _sentence_initial(text: str, start: int) -> bool:
    before = _token_before(text, start)
    if before is None:
        stripped = text[:start].rstrip(" \t")
        return not stripped or stripped[-1] in '\n.!?"“:;'
    token, _ = before
    return token[-1] in '.!?"“:' and not _abbreviation(token)


def _name_part(text: str, start: int, end: int, gz: Gazetteer) -> str | None:
    """Why a match is part of a longer name the gazetteer does not know, or ``None``:
    ``"after"`` when a capitalised word, title or ordinal precedes it ("Jeff Davis", "Capt.
    Davis", "5th Fleet", "Gulf of Aden"), ``"before"`` when one follows it ("Mosul Dam",
    "Central Command")."""
    before = _token_before(text, start)
    if before is not None:
        token, at = before
        low = token.casefold()
        if token[-1] in ".!?" and not _abbreviation(token):
            pass  # the match opens a sentence
        elif token[-1] in ',;:()[]"“”' or low in gz.locative_words | {"the"}:
            pass
        elif _abbreviation(token) or token[:1].isdigit():
            return "after"
        elif token[:1].isupper():
            # "Jeff Davis" is a name; "When Iraq", "But Syria" open a sentence
            if not (_sentence_initial(text, at) and low in _function_words()):
                return "after"
        elif low in gz.name_particles:
            earlier = _token_before(text, at)
            if (
                earlier
                and earlier[0][:1].isupper()
                and earlier[0][-1].isalnum()  # "Booker, of Cibolo" is a place after a name
                and earlier[0].casefold() not in gz.directions
            ):
                return "after"
    rest = text[end:]
    nxt = re.match(r"[ \t\u00a0]+(\S+)", rest)
    if nxt and nxt.group(1)[:1].isupper():
        return "before"
    return None


def surname_forms(text: str, *, gazetteer: Gazetteer | None = None) -> frozenset[str]:
    """Gazetteer names the text uses as the last part of a longer name ("Davis" in "Capt. Jeff
    Davis"): alone later on ("Davis said") they are the person, not the place.

    >>> sorted(surname_forms("Capt. Jeff Davis spoke. Davis said no."))
    ['davis']
    """
    gz = gazetteer or Gazetteer.load()
    out = set()
    for m in _scan(text, gz):
        if _name_part(text, m.start, m.end, gz) == "after":
            before = _token_before(text, m.start)
            if before and before[0][:1].isupper() and not _abbreviation(before[0]):
                out.add(normalise_name(m.text))
    return frozenset(out)


def _qualifier(text: str, end: int, gz: Gazetteer) -> str | None:
    """The country a ", Country" or ", State" after a city names ("Rome, Italy", "Cibolo,
    Texas"): ISO alpha-3, with the region's admin-1 code after a slash ("USA/TX")."""
    m = re.match(r",\s*((?:[A-Z][\w.'’\-]*\s?){1,3})", text[end:])
    if not m:
        return None
    words = m.group(1).split()
    for n in range(len(words), 0, -1):
        key = normalise_name(" ".join(words[:n]).rstrip(".,"))
        if key in gz.regions:
            return "/".join(gz.regions[key])
        hits = gz.countries.get(key)
        if hits:
            return hits[0].country
    return None


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
                _qualifier(doc.text, span.end_char, gz),
            )
        )
    return out


def document_countries(
    mention_countries: Iterable[str | None] = (),
    text: str | None = None,
    *,
    gazetteer: Gazetteer | None = None,
) -> dict[str, float]:
    """How much each country (ISO alpha-3) figures in a document as a place.

    A country named after a locative word ("in Syria") weighs 3, a country named otherwise 1,
    the country of an actor mention 0.5 (the outlet's own country is often the speaker, not
    the scene).

    >>> document_countries(["IRQ", "IRQ", None], "Fighting in Syria. Turkey said no.")
    {'IRQ': 1.0, 'SYR': 3.0, 'TUR': 1.0}
    """
    counts: dict[str, float] = {}
    for c in mention_countries:
        if c:
            counts[c] = counts.get(c, 0.0) + 0.5
    if text:
        gz = gazetteer or Gazetteer.load()
        for m in find_place_mentions(text, gazetteer=gz):
            countries, _ = gz.lookup(m.text)
            if countries and countries[0].country:
                iso3 = countries[0].country
                counts[iso3] = counts.get(iso3, 0.0) + (3.0 if m.locative else 1.0)
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
    countries: Mapping[str, float] | None = None,
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
    country, _, admin1 = (mention.qualifier or "").partition("/")
    qualified = [
        e for e in city_hits if e.country == country and (not admin1 or e.admin1 == admin1)
    ]
    if qualified:
        city_hits = qualified  # "Rome, Italy": the text says which
    elif admin1:
        # "Woodbridge, Virginia" but no Woodbridge in Virginia is known: no guess. (A country
        # after a comma may open the next clause instead: "in Baghdad, Iran has sent troops")
        return None
    if not city_hits:
        return None

    def score(e: GazetteerEntry) -> float:
        # population as a prior (its square root: Paris, France outweighs a small Paris in
        # the document's main country), times the weight of the document's countries
        share = prior.get(e.country or "", 0) / top
        return math.sqrt(e.population + 1) * (1 + 4 * share) * (1.0 if e.primary else 0.8)

    ranked = sorted(city_hits, key=score, reverse=True)
    best = ranked[0]
    in_document = prior.get(best.country or "", 0) > 0 or bool(qualified)
    if not (mention.locative or in_document or best.population >= _BIG_CITY):
        return None
    if not (in_document or best.population >= _BIG_CITY) and not best.primary:
        return None  # an alternate name of a place in no country of the document
    share = score(best) / sum(score(e) for e in ranked)
    evidence = 0.5 + 0.2 * bool(mention.locative) + 0.2 * in_document + 0.1 * best.primary
    return _place(mention, best, share * evidence)


def resolve_places(
    text: str,
    countries: Mapping[str, float] | None = None,
    *,
    gazetteer: Gazetteer | None = None,
    exclude: Iterable[tuple[int, int]] = (),
    mentions: Iterable[PlaceMention] | None = None,
    people: Collection[str] | None = None,
) -> list[tuple[PlaceMention, Place]]:
    """Find and resolve the places of a text (or of the given mentions).

    >>> [(m.text, p.name, p.country) for m, p in resolve_places("Strikes near Mosul.", {"IRQ": 1})]
    [('Mosul', 'Mosul', 'IRQ')]
    """
    gz = gazetteer or Gazetteer.load()
    found = (
        list(mentions)
        if mentions is not None
        else find_place_mentions(text, gazetteer=gz, exclude=exclude, people=people)
    )
    out = []
    for m in found:
        place = resolve_mention(m, countries, gazetteer=gz)
        if place is not None:
            out.append((m, place))
    return out
