"""A report from a large store, in headless Chromium: it says what it does not embed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.report.test_report_browser import browser, open_report  # noqa: F401

from .test_report_size import _report

pytestmark = pytest.mark.browser


def test_truncated_report_says_how_to_get_the_rest(open_report: Any, tmp_path: Path) -> None:  # noqa: F811
    _, bundle = _report(tmp_path, 240)
    r = open_report(bundle)
    assert r.errors == []
    text = r.page.inner_text("body")
    assert "Not embedded" in text
    assert "20 of 240 documents" in text and "allegiance store query" in text
    n = len(bundle["network"]["edges"])
    assert r.page.evaluate("window.__allegiance.cy.edges().length") == n
