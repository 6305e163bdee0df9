"""The shipped country outlines: offline, complete enough for a world map, consistent."""

from __future__ import annotations

from allegiance.geo import Gazetteer, country_outlines


def test_outlines_cover_the_gazetteer_countries_with_valid_rings():
    data = country_outlines()
    countries = {c["id"]: c for c in data["countries"]}
    assert {"IRQ", "SYR", "USA", "FRA", "XKX"} <= set(countries)
    for c in countries.values():
        lon, lat = c["label"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        for ring in c["rings"]:
            assert len(ring) >= 4
            assert all(-180 <= x <= 180 and -90 <= y <= 90 for x, y in ring)


def test_country_places_take_their_label_point():
    gz = Gazetteer.load()
    iraq = gz.country("IRQ")
    assert iraq is not None and 29 < iraq.lat < 38 and 38 < iraq.lon < 49
