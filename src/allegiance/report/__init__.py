"""The self-contained interactive HTML report: one file, offline, data shown as text only.

>>> html = render_report_html({"meta": {"corpus": "empty"}})
>>> html.startswith("<!DOCTYPE html>")
True
"""

from allegiance.report.render import embed_json, render_report, render_report_html
from allegiance.report.view import key_findings, view_model

__all__ = ["embed_json", "key_findings", "render_report", "render_report_html", "view_model"]
