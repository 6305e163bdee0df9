"""The events map in a real headless Chromium: outlines and places drawn, nothing fetched."""

from __future__ import annotations

from typing import Any

import pytest

from allegiance.events import cluster_events, event_timeline

from ..report.test_report_browser import browser, open_report  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser


def _bundle() -> dict[str, Any]:
    records: list[dict[str, Any]] = []
    for i, (city, day) in enumerate([("Goma", 1), ("Goma", 1), ("Kinshasa", 9)]):
        text = f"Rebels attacked police in {city}, killing 12 officers."
        records += [
            {"kind": "document", "doc_id": f"d{i}", "outlet": f"Wire {i}", "published": f"2021-03-0{day}"},
            {"kind": "relation", "id": f"r{i}", "doc_id": f"d{i}", "category": "ASSAULT",
             "quad_class": 4, "sign": -1,
             "sentence": {"text": text, "start": 0, "end": len(text)},
             "source": {"text": "Rebels", "start": 0, "end": 6, "actor_id": "M23"},
             "target": {"text": "police", "start": 16, "end": 22, "actor_id": "COD.POL"}},
        ]  # fmt: skip
    events = cluster_events(records)
    edge = {"source": "M23", "target": "COD.POL", "n_reports": 3, "n_events": len(events),
            "state": "hostile", "relations": ["r0", "r1", "r2"]}  # fmt: skip
    return {
        "meta": {"corpus": "map test"},
        "network": {
            "nodes": [{"id": "M23", "name": "M23"}, {"id": "COD.POL", "name": "Congolese police"}],
            "edges": [edge],
        },
        "events": [e.model_dump() for e in events],
        "event_timeline": event_timeline(events),
    }


def test_map_draws_countries_and_one_circle_per_place_offline(open_report: Any) -> None:  # noqa: F811
    bundle = _bundle()
    assert len(bundle["events"]) == 2
    opened = open_report(bundle)
    page = opened.page
    assert page.locator("section#events").count() == 1
    assert page.locator("svg.event-map path").count() > 150  # country outlines
    assert page.locator("circle.event-place").count() == 2  # Goma and Kinshasa
    assert page.locator("table.events-table tbody tr").count() == 2
    assert "Goma" in page.locator("table.events-table").inner_text()
    # the tie counts events beside its reports
    assert page.locator("table.event-ties tbody tr td").all_inner_texts()[:3] == [
        "M23 – Congolese police",
        "2",
        "3",
    ]
    assert all(u.startswith(("file:", "data:", "about:")) for u in opened.requests)
    assert opened.errors == []


def test_a_bundle_without_events_says_so(open_report: Any) -> None:  # noqa: F811
    opened = open_report({"meta": {"corpus": "none"}})
    assert "No events were found" in opened.page.locator("section#events").inner_text()
    assert opened.errors == []
