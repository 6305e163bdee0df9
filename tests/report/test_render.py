"""The HTML assembly: one self-contained file, data embedded as inert JSON."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from allegiance.report import embed_json, render_report, render_report_html

DATA_RE = re.compile(r'<script type="application/json" id="allegiance-data">(.*?)</script>', re.S)


def _embedded(html: str) -> dict[str, Any]:
    match = DATA_RE.search(html)
    assert match is not None
    data: dict[str, Any] = json.loads(match.group(1))
    return data


@pytest.mark.parametrize(
    "text",
    ["</script><script>alert(1)</script>", "<!-- x", "a & b > c", "line\u2028sep\u2029", "é “q”"],
)
def test_embed_json_escapes_markup_and_round_trips(text: str) -> None:
    out = embed_json({"t": text, "list": [text]})
    assert not re.search("[<>&\u2028\u2029]", out)
    assert json.loads(out) == {"t": text, "list": [text]}


def test_embed_json_turns_nan_into_null() -> None:
    assert json.loads(embed_json({"x": float("nan"), "y": float("inf")})) == {"x": None, "y": None}


def test_report_is_one_file_without_external_resources(sample_bundle: dict[str, Any]) -> None:
    html = render_report_html(sample_bundle)
    assert html.startswith("<!DOCTYPE html>")
    assert not re.search(r"<(script|img|iframe)[^>]*\ssrc=", html, re.I)
    assert not re.search(r"<link\b", html, re.I)
    assert "cytoscape" in html  # the library is inlined
    assert "Content-Security-Policy" in html
    # exactly three script elements: the data and the two inlined scripts
    assert len(re.findall(r"<script\b", html)) == 3


def test_embedded_data_is_the_bundle_plus_view(sample_bundle: dict[str, Any]) -> None:
    data = _embedded(render_report_html(sample_bundle))
    assert data["bundle"] == sample_bundle
    assert set(data["view"]) == {
        "findings",
        "headline",
        "summary",
        "camps",
        "timeline",
        "triangles",
        "alliances",
        "exposure",
    }


def test_hostile_text_stays_inside_the_json(
    hostile_bundle: dict[str, Any], payloads: tuple[str, ...]
) -> None:
    html = render_report_html(hostile_bundle)
    for p in payloads:
        assert p not in html
    assert "<img" not in html
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    assert title is not None and "<script" not in title.group(1)
    assert "&lt;script&gt;" in title.group(1)
    assert _embedded(html)["bundle"]["documents"][0]["outlet"] == payloads[0]


@pytest.mark.parametrize("bundle", [{}, {"meta": {}}, {"network": {"nodes": [], "edges": []}}])
def test_empty_bundles_render(bundle: dict[str, Any]) -> None:
    data = _embedded(render_report_html(bundle))
    assert data["view"]["findings"][0]["kind"] == "empty"


def test_render_report_writes_the_file(tmp_path: Any, sample_bundle: dict[str, Any]) -> None:
    out = render_report(sample_bundle, tmp_path / "deep" / "er" / "report.html")
    assert out.is_file()
    assert out.read_text(encoding="utf-8") == render_report_html(sample_bundle)
