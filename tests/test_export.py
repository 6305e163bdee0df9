"""RecordWriter: whole documents, temporary files renamed into place, partial-run notes, resume."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import pytest

from allegiance.errors import InputError
from allegiance.export import RecordWriter, document_groups, status_path, write_records
from allegiance.schema import Document, Mention


def _doc(i: int) -> list:
    doc = Document(doc_id=f"d{i}", n_chars=10, sha256=f"{i:064x}", source=f"in.jsonl:{i}")
    mention = Mention(
        id=f"d{i}:m0", doc_id=f"d{i}", text="Iran", start=0, end=4, actor_id="IRN",
        actor_name="Iran", actor_type="state", resolved_by="kb", confidence=1.0,
    )  # fmt: skip
    return [doc, mention]


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_target_untouched_until_commit_then_replaced(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("old\n", encoding="utf-8")
    writer = RecordWriter("jsonl", out)
    writer.write(_doc(1))
    assert out.read_text(encoding="utf-8") == "old\n"  # not truncated at start
    writer.commit()
    assert [r["kind"] for r in _lines(out)] == ["document", "mention"]
    assert not list(tmp_path.glob(".out.jsonl.*"))  # no temporary file left


def test_abort_keeps_finished_documents_and_writes_a_note(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    writer = RecordWriter("jsonl", out)
    writer.write(_doc(1))
    writer.write(_doc(2))
    note = writer.abort("interrupted", "SIGTERM")
    assert note == status_path(out)
    records = _lines(out)
    assert [r["doc_id"] for r in records if r["kind"] == "document"] == ["d1", "d2"]
    info = json.loads(note.read_text(encoding="utf-8"))
    assert info["status"] == "interrupted" and info["documents"] == 2
    assert info["last_document"]["doc_id"] == "d2"


def test_abort_with_nothing_finished_leaves_the_target_alone(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text('{"kind": "document"}\n', encoding="utf-8")
    writer = RecordWriter("jsonl", out)
    assert writer.abort("interrupted", "SIGINT") is None
    assert out.read_text(encoding="utf-8") == '{"kind": "document"}\n'
    assert not status_path(out).exists()
    assert not list(tmp_path.glob(".out.jsonl.*"))


def test_resume_keeps_records_skips_done_and_drops_a_cut_line(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    first = RecordWriter("jsonl", out)
    first.write(_doc(1))
    first.write(_doc(2))
    first.abort("interrupted", "SIGTERM")
    with out.open("a", encoding="utf-8") as fp:
        fp.write('{"kind": "document", "doc_id": "d3", "sha')  # a line cut short
    second = RecordWriter("jsonl", out, resume=True)
    assert second.done == {f"{1:064x}", f"{2:064x}"}
    second.write(_doc(3))
    second.commit()
    ids = [r["doc_id"] for r in _lines(out) if r["kind"] == "document"]
    assert ids == ["d1", "d2", "d3"]
    assert not status_path(out).exists()  # complete now


def test_resume_needs_document_records(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text(json.dumps(_doc(1)[1].model_dump()) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="--resume needs the document records"):
        RecordWriter("jsonl", out, resume=True)


def test_resume_to_stdout_is_refused() -> None:
    with pytest.raises(InputError, match="-o FILE"):
        RecordWriter("jsonl", "-", resume=True)


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_tables_abort_and_resume(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "tables"
    first = RecordWriter(fmt, out)
    first.write(_doc(1))
    first.abort("failed", "ModelError: worker died")
    assert json.loads(status_path(out).read_text(encoding="utf-8"))["status"] == "failed"
    second = RecordWriter(fmt, out, resume=True)
    assert second.done == {f"{1:064x}"}
    second.write(_doc(2))
    second.commit()
    if fmt == "csv":
        with (out / "documents.csv").open(encoding="utf-8", newline="") as fp:
            ids = [row["doc_id"] for row in csv.DictReader(fp)]
    else:
        rows = duckdb.sql(f"SELECT doc_id FROM '{(out / 'documents.parquet').as_posix()}'")
        ids = [row[0] for row in rows.fetchall()]
    assert ids == ["d1", "d2"]
    assert not status_path(out).exists()
    assert sorted(p.name for p in out.iterdir()) == [f"documents.{fmt}", f"mentions.{fmt}"]


def test_write_records_error_midway_keeps_the_documents_before(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"

    def records():
        yield from _doc(1)
        yield from _doc(2)
        raise InputError("boom")

    with pytest.raises(InputError):
        write_records(records(), "jsonl", out)
    # d2's group was never closed by a following document: only d1 is known complete
    ids = [r["doc_id"] for r in _lines(out) if r["kind"] == "document"]
    assert ids == ["d1"]
    assert json.loads(status_path(out).read_text(encoding="utf-8"))["status"] == "failed"


def test_document_groups_split_at_each_document() -> None:
    records = [*_doc(1), *_doc(2)]
    assert [len(g) for g in document_groups(records)] == [2, 2]


def test_a_signal_during_a_write_is_delivered_after_it() -> None:
    import signal

    from allegiance.export import _signals_held

    seen: list[str] = []
    old = signal.signal(signal.SIGTERM, lambda *_: seen.append("handled"))
    try:
        with _signals_held():
            signal.raise_signal(signal.SIGTERM)
            seen.append("written")
        assert seen == ["written", "handled"]
    finally:
        signal.signal(signal.SIGTERM, old)
