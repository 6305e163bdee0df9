"""Assemble report.html from the template, the vendored scripts and the bundle as JSON.

Safety: the bundle goes into a ``<script type="application/json">`` element with every
character that could end that element or start markup escaped, and the page script only ever
inserts data with ``textContent``; nothing from the data is markup.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from allegiance.atomic import write_text_atomic
from allegiance.bundle import Bundle, dump_bundle
from allegiance.report.view import json_ready, view_model

__all__ = ["embed_json", "render_report", "render_report_html"]

_STATIC = ("cytoscape.min.js", "report.js", "report.css", "map.js")
_SLOT = re.compile(r"__ALLEGIANCE_([A-Z]+)__")
_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def embed_json(data: Any) -> str:
    """Serialise ``data`` as JSON that is safe inside an HTML ``<script>`` element.

    Args:
        data: JSON-ready data.

    Returns:
        JSON text in which ``<``, ``>``, ``&``, U+2028 and U+2029 appear only as ``\\uXXXX``
        escapes, so no ``</script>`` or ``<!--`` can occur; ``JSON.parse`` restores them.

    >>> embed_json({"t": "</script>"})
    '{"t": "\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(json_ready(data), ensure_ascii=False, allow_nan=False)
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group(0)], text)


@cache
def _asset(name: str) -> str:
    text = resources.files("allegiance.report").joinpath(name).read_text(encoding="utf-8")
    if name.endswith(".js") and re.search(r"</script|<!--", text, re.IGNORECASE):
        raise ValueError(f"{name} contains '</script' or '<!--' and cannot be inlined")
    return text


def _countries() -> Any:
    from ..geo import country_outlines

    return country_outlines()


def render_report_html(bundle: Bundle | Mapping[str, Any]) -> str:
    """Render the whole report as one HTML document (scripts and styles inline, no requests).

    Args:
        bundle: The analysis bundle (:class:`~allegiance.bundle.Bundle`, as the analysis
            returns it) or its JSON form (bundle.json, docs/bundle.md; any key may be missing).

    Returns:
        The HTML text.
    """
    given = dump_bundle(bundle) if isinstance(bundle, BaseModel) else bundle
    data: dict[str, Any] = json_ready(given) if isinstance(given, Mapping) else {}
    meta = data.get("meta") if isinstance(data.get("meta"), dict) else {}
    corpus = meta.get("corpus") if isinstance(meta, dict) else None
    parts = {
        "TITLE": html.escape(f"allegiance report: {corpus}" if corpus else "allegiance report"),
        "CSS": _asset("static/report.css"),
        "CYTOSCAPE": _asset("static/cytoscape.min.js"),
        # then the events map (docs/events.md): the shipped country outlines and its script
        "APP": _asset("static/report.js")
        + f"\nvar ALLEGIANCE_COUNTRIES = {embed_json(_countries())};\n"
        + _asset("static/map.js"),
        "DATA": embed_json({"bundle": data, "view": view_model(data)}),
    }
    # one pass, so text substituted for one slot is never scanned for another
    return _SLOT.sub(lambda m: parts[m.group(1)], _asset("template.html"))


def render_report(bundle: Bundle | Mapping[str, Any], path: str | Path) -> Path:
    """Write the report for ``bundle`` to ``path`` (parent folders are created) atomically.

    Args:
        bundle: The analysis bundle.
        path: Where to write the HTML file.

    Returns:
        The path written.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    # through a temporary file: an interrupted run never leaves half a report
    return write_text_atomic(target, render_report_html(bundle))
