"""Documents without a date take one from a dateline or date line, and say so."""

from __future__ import annotations

import json
from pathlib import Path

from allegiance.ingest import IngestOptions, IngestReport, read_documents


def _read(path: Path, options: IngestOptions | None = None):
    return list(read_documents(path, options, IngestReport(log=False)))


def test_dateline_dates_an_undated_document_and_the_record_says_where(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("Talks stall\n\nWASHINGTON, March 3, 2016 — The talks stalled.\n", "utf-8")
    [doc] = _read(p)
    assert (doc.published, doc.published_from) == ("2016-03-03", "dateline")
    record = doc.to_record()
    assert (record.published, record.published_from) == ("2016-03-03", "dateline")


def test_metadata_wins_over_the_text_and_the_text_over_the_default(tmp_path: Path) -> None:
    p = tmp_path / "docs.jsonl"
    rows = [
        {"id": "meta", "text": "Posted: 12 May 2015\nIran arms the militias.",
         "published": "2016-10-20"},
        {"id": "line", "text": "Posted: 12 May 2015\nIran arms the militias again."},
        {"id": "none", "text": "Iran sent troops on March 3, 2016."},
    ]  # fmt: skip
    p.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    docs = {d.doc_id: d for d in _read(p, IngestOptions(published="2014-11-09"))}
    assert (docs["meta"].published, docs["meta"].published_from) == ("2016-10-20", "metadata")
    assert (docs["line"].published, docs["line"].published_from) == ("2015-05-12", "text")
    assert (docs["none"].published, docs["none"].published_from) == ("2014-11-09", "metadata")


def test_undated_stays_undated(tmp_path: Path) -> None:
    p = tmp_path / "b.txt"
    p.write_text("Iran sent troops on March 3, 2016.\n", "utf-8")
    [doc] = _read(p)
    assert (doc.published, doc.published_from) == (None, None)
