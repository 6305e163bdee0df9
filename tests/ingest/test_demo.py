"""The bundled demo corpus is found and reads cleanly."""

from __future__ import annotations

from allegiance.ingest import IngestReport, demo_corpus_paths, read_documents


def test_demo_corpus_reads_without_problems() -> None:
    paths = demo_corpus_paths()
    assert [p.parent.name for p in paths] == ["CENTCOM", "US_State_Department"]
    for p in paths:
        assert (p.parent / "LICENSE").is_file() and (p.parent / "ATTRIBUTION").is_file()
    report = IngestReport()
    docs = list(read_documents(paths, report=report))
    assert len(docs) == report.read > 0
    assert not report.skipped and not report.warnings
    assert all(d.outlet and d.url and d.title for d in docs)
    assert len({d.doc_id for d in docs}) == len(docs)
