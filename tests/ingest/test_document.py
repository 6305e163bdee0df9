"""read_documents: every reader, bad input, dedupe, ids, offsets, streaming."""

from __future__ import annotations

import hashlib
import io
import json
import logging
import sys
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from allegiance.ingest import IngestOptions, IngestReport, InputDocument, read_documents
from allegiance.schema import Document

RE3D_DEV = Path(__file__).resolve().parents[1] / "data" / "re3d-dev"
ARTICLE = (
    "Iran and the US fight a common enemy\n"
    "\n"
    "The interests of the US and Iran are converging as they both back the war on ISIL.\n"
    "\n"
    "Follow Imran khan on Twitter @ajimran\n"
)


def read(paths, options: IngestOptions | None = None) -> tuple[list[InputDocument], IngestReport]:
    report = IngestReport()
    return list(read_documents(paths, options, report)), report


# ---------------------------------------------------------------- readers


def test_txt_keeps_text_exactly_and_finds_headline_and_furniture(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    [doc], report = read(p)
    assert doc.text == ARTICLE
    assert doc.title == "Iran and the US fight a common enemy"
    assert doc.sha256 == hashlib.sha256(ARTICLE.encode()).hexdigest()
    assert doc.doc_id == doc.sha256[:16]
    assert doc.source == str(p)
    assert [doc.text[a:b] for a, b in doc.ignore] == ["Follow Imran khan on Twitter @ajimran"]
    assert report.summary() == "read 1 document, skipped 0"


def test_txt_without_headline_has_no_title(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("The US sent advisers to Iraq.\nIran sent troops.\n", encoding="utf-8")
    [doc], _ = read(p)
    assert doc.title is None


def test_markdown_heading_is_title(tmp_path: Path) -> None:
    text = "# Turkey watches Iran warily\nTurkey sent troops near Mosul.\n"
    p = tmp_path / "a.md"
    p.write_text(text, encoding="utf-8")
    [doc], _ = read(p)
    assert doc.title == "Turkey watches Iran warily"
    assert doc.text == text


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    body = "Iraqi forces and Kurdish Peshmerga fighters advanced on Mosul on Monday. " * 4
    html = (
        "<html><head><title>Mosul push begins</title>"
        "<meta property='og:site_name' content='Example Times'>"
        "<meta property='og:url' content='https://example.com/mosul'>"
        "<meta name='date' content='2016-10-20'></head><body>"
        "<nav><a href='/'>Home</a></nav>"
        f"<article><h1>Mosul push begins</h1><p>{body}</p>"
        "<p>The US provides air support to the coalition, officials said.</p></article>"
        "</body></html>"
    )
    p = tmp_path / "page.html"
    p.write_text(html, encoding="utf-8")
    [doc], report = read(p)
    assert "Peshmerga fighters advanced on Mosul" in doc.text
    assert "Home" not in doc.text
    assert doc.title == "Mosul push begins"
    assert doc.outlet == "Example Times"
    assert doc.published == "2016-10-20"
    assert doc.url == "https://example.com/mosul"
    assert report.read == 1


def test_json_object_and_list(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"id": "x1", "text": "Iran backs Assad.", "outlet": "AJ"}))
    many = tmp_path / "many.json"
    many.write_text(
        json.dumps(
            [
                {"id": 7, "text": "Turkey sent troops.", "published": "November 9, 2014"},
                {"text": "The PMF was formed in 2014.", "title": "PMF"},
            ],
            indent=2,
        )
    )
    docs, report = read([one, many])
    assert [d.doc_id for d in docs[:2]] == ["x1", "7"]
    assert docs[0].outlet == "AJ"
    assert docs[1].published == "2014-11-09"
    assert docs[2].title == "PMF"
    assert docs[2].doc_id == hashlib.sha256(b"The PMF was formed in 2014.").hexdigest()[:16]
    assert docs[1].source == f"{many}[0]"
    assert report.read == 3 and not report.skipped


def test_jsonl_fields_and_options_fill_only_missing_metadata(tmp_path: Path) -> None:
    p = tmp_path / "docs.jsonl"
    lines = [
        {"id": "a", "text": "Iran arms the militias.", "outlet": "Fox News", "url": "http://x/a"},
        {"id": "b", "text": "The US advises the Iraqi army.", "published": "2016-10-20T10:00:00Z"},
    ]
    p.write_text("\n".join(json.dumps(o) for o in lines) + "\n")
    docs, _ = read(p, IngestOptions(outlet="Al Jazeera", published="2014-11-09"))
    assert [(d.doc_id, d.outlet, d.published) for d in docs] == [
        ("a", "Fox News", "2014-11-09"),
        ("b", "Al Jazeera", "2016-10-20"),
    ]
    assert docs[0].url == "http://x/a"
    assert docs[1].source == f"{p}:2"


def test_unparseable_date_is_left_empty_with_warning(tmp_path: Path) -> None:
    p = tmp_path / "d.jsonl"
    p.write_text(json.dumps({"text": "Iran arms the militias.", "published": "last Tuesday"}))
    [doc], report = read(p)
    assert doc.published is None
    assert any("last Tuesday" in w for w in report.warnings)


@pytest.mark.parametrize(("ext", "delim"), [(".csv", ","), (".tsv", "\t")])
def test_csv_and_tsv(tmp_path: Path, ext: str, delim: str) -> None:
    p = tmp_path / f"docs{ext}"
    rows = [
        ["id", "text", "title", "outlet", "published", "url"],
        ["c1", 'He said, "We cleared this area."\nSecond line.', "T1", "AJ", "2014-11-09", ""],
        ["c2", "Baghdad barred the militias from Mosul.", "", "", "", ""],
    ]
    p.write_text("\n".join(delim.join(_quote(c) for c in r) for r in rows) + "\n")
    docs, report = read(p)
    assert [d.doc_id for d in docs] == ["c1", "c2"]
    assert docs[0].text == 'He said, "We cleared this area."\nSecond line.'
    assert (docs[0].title, docs[0].outlet, docs[0].published) == ("T1", "AJ", "2014-11-09")
    assert docs[1].title is None and docs[1].url is None
    assert docs[1].source == f"{p}:4"  # the first record spans two physical lines
    assert not report.skipped


def test_custom_column_names(tmp_path: Path) -> None:
    p = tmp_path / "docs.csv"
    p.write_text("key,body_text,source_site\nk1,Iran backs Assad.,Reuters\n")
    opts = IngestOptions(id_field="key", text_field="body_text", outlet_field="source_site")
    [doc], _ = read(p, opts)
    assert (doc.doc_id, doc.text, doc.outlet) == ("k1", "Iran backs Assad.", "Reuters")


def test_csv_without_text_column_is_skipped(tmp_path: Path) -> None:
    p = tmp_path / "docs.csv"
    p.write_text("a,b\n1,2\n")
    docs, report = read(p)
    assert docs == [] and len(report.skipped) == 1
    assert "'text' column" in report.skipped[0][1]


def test_directory_recursive_sorted_hidden_skipped_unsupported_warned(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Second document about Iraq.")
    (tmp_path / "a.txt").write_text("First document about Iran.")
    (tmp_path / "c.txt").write_text("Third document about Turkey.")
    (tmp_path / ".hidden.txt").write_text("Hidden document.")
    (tmp_path / "notes.pdf").write_text("not supported")
    docs, report = read(tmp_path)
    assert [d.text.split()[0] for d in docs] == ["First", "Second", "Third"]
    assert not report.skipped
    assert [w for w in report.warnings if "notes.pdf" in w and "unsupported" in w]


def test_re3d_documents_json(tmp_path: Path) -> None:
    path = RE3D_DEV / "CENTCOM" / "documents.json"
    docs, report = read(path)
    raw = [
        json.loads(line)
        for line in path.read_text(encoding="utf-8-sig").splitlines()
        if line.strip()
    ]
    assert len(docs) == len(raw) and not report.skipped
    for doc, obj in zip(docs, raw, strict=True):
        assert doc.doc_id == obj["_id"]
        assert doc.text == obj["text"]  # offsets of the gold annotations stay valid
        assert doc.title == obj["title"]
        assert doc.outlet == obj["sourceName"]
        assert doc.url == obj["sourceUrl"]


def test_re3d_directory_reads_only_documents(tmp_path: Path) -> None:
    docs, report = read(RE3D_DEV / "CENTCOM")
    assert {d.source.rsplit(":", 1)[0] for d in docs} == {
        str(RE3D_DEV / "CENTCOM" / "documents.json")
    }
    assert any("entities.json" in w and "not a documents file" in w for w in report.warnings)
    assert not report.skipped


def test_to_record_validates() -> None:
    doc = InputDocument(doc_id="d", text="Iran.", sha256="0" * 64, outlet="AJ")
    rec = doc.to_record()
    assert isinstance(rec, Document)
    assert (rec.n_chars, rec.text, rec.outlet) == (5, None, "AJ")
    assert doc.to_record(include_text=True).text == "Iran."


# ---------------------------------------------------------------- ids and duplicates


def test_doc_ids_are_stable_across_runs(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE)
    first, _ = read(p)
    second, _ = read(p)
    assert first[0].doc_id == second[0].doc_id == first[0].sha256[:16]


def test_duplicate_content_skipped_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text(ARTICLE)
    (tmp_path / "c.txt").write_text("Something else entirely about Syria.")
    docs, report = read([tmp_path, tmp_path / "b.txt"])
    assert [Path(d.source).name for d in docs] == ["a.txt", "c.txt"]
    assert len(report.skipped) == 2
    assert all(
        "same content as" in msg and str(tmp_path / "a.txt") in msg for _, msg in report.skipped
    )


# ---------------------------------------------------------------- bad input


def _bad_inputs(tmp_path: Path) -> dict[str, Path]:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n\n\t\n")
    big = tmp_path / "big.txt"
    big.write_text("Iran. " * 50)
    unsupported = tmp_path / "doc.docx"
    unsupported.write_text("Iran.")
    return {
        "binary": binary,
        "empty": empty,
        "blank": blank,
        "big": big,
        "unsupported": unsupported,
        "missing": tmp_path / "missing.txt",
    }


def test_each_bad_input_is_skipped_with_one_line_and_the_batch_completes(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    bad = _bad_inputs(tmp_path)
    good1 = tmp_path / "good1.txt"
    good1.write_text("The US advises the Iraqi army.")
    good2 = tmp_path / "good2.jsonl"
    good2.write_text(
        '{"id": "j1", "text": "Iran arms the militias."}\n'
        "{not json\n"
        '{"id": "j3", "title": "no text here"}\n'
        '{"id": "j4", "text": "Turkey watches Iran warily."}\n'
    )
    inputs = [good1, *bad.values(), good2]
    with caplog.at_level(logging.WARNING, logger="allegiance.ingest"):
        docs, report = read(inputs, IngestOptions(max_bytes=100))
    assert [d.doc_id for d in docs] == [
        hashlib.sha256(b"The US advises the Iraqi army.").hexdigest()[:16],
        "j1",
        "j4",
    ]
    reasons = {
        "binary": "binary",
        "empty": "empty",
        "blank": "empty",
        "big": "over the size limit",
        "unsupported": "unsupported input type '.docx'",
        "missing": "no such file",
    }
    skipped = dict(report.skipped)
    for key, reason in reasons.items():
        message = skipped[str(bad[key])]
        assert message.startswith(str(bad[key])) and reason in message
    assert skipped[f"{good2}:2"].startswith(f"{good2}:2: malformed JSON (")
    assert skipped[f"{good2}:3"] == f"{good2}:3: no 'text' field"
    assert len(report.skipped) == 8
    assert report.summary() == "read 3 documents, skipped 8"
    # every problem is one line, and logged as well
    assert all("\n" not in w for w in report.warnings)
    logged = [r.getMessage() for r in caplog.records]
    assert logged == report.warnings


def test_invalid_utf8_is_decoded_with_replacement_and_kept(tmp_path: Path) -> None:
    p = tmp_path / "latin.txt"
    p.write_bytes("Caf\xe9 talks in Baghdad.".encode("latin-1"))
    [doc], report = read(p)
    assert doc.text == "Caf\ufffd talks in Baghdad."
    assert report.warnings == [f"{p}: invalid UTF-8, decoded with replacement characters"]
    assert not report.skipped


def test_invalid_utf8_in_jsonl_line_names_the_line(tmp_path: Path) -> None:
    p = tmp_path / "docs.jsonl"
    p.write_bytes(b'{"text": "ok line"}\n{"text": "caf\xe9"}\n')
    docs, report = read(p)
    assert [d.text for d in docs] == ["ok line", "caf\ufffd"]
    assert report.warnings == [f"{p}:2: invalid UTF-8, decoded with replacement characters"]


def test_utf8_bom_is_not_part_of_the_text(tmp_path: Path) -> None:
    p = tmp_path / "bom.txt"
    p.write_bytes("\ufeffIran backs Assad.".encode())
    [doc], _ = read(p)
    assert doc.text == "Iran backs Assad."


def test_oversized_jsonl_record_skipped_but_rest_read(tmp_path: Path) -> None:
    p = tmp_path / "docs.jsonl"
    p.write_text(json.dumps({"text": "x" * 500}) + "\n" + json.dumps({"text": "short"}) + "\n")
    docs, report = read(p, IngestOptions(max_bytes=100))
    assert [d.text for d in docs] == ["short"]
    assert report.skipped[0][0] == f"{p}:1"


def test_nothing_raises_for_a_directory_of_junk(tmp_path: Path) -> None:
    for name, data in {
        "a.json": b"[1, 2, 3]",
        "b.json": b'"just a string"',
        "c.json": b"{broken",
        "d.jsonl": b"[]\n42\n",
        "e.csv": b'id,text\n1,"unterminated\n',
        "f.html": b"<html><body></body></html>",
    }.items():
        (tmp_path / name).write_bytes(data)
    docs, report = read(tmp_path)
    assert report.read == len(docs)
    assert len(report.skipped) >= 6


# ---------------------------------------------------------------- stdin and URLs


def test_stdin_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    data = '{"id": "s1", "text": "Iran backs Assad."}\n\n{"id": "s2", "text": "The US does not."}\n'
    monkeypatch.setattr(sys, "stdin", io.StringIO(data))
    docs, _ = read("-")
    assert [(d.doc_id, d.source) for d in docs] == [("s1", "<stdin>:1"), ("s2", "<stdin>:3")]


def test_stdin_plain_text_binary_buffer(monkeypatch: pytest.MonkeyPatch) -> None:
    stream = io.TextIOWrapper(io.BytesIO(ARTICLE.encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stream)
    [doc], _ = read(["-"])
    assert doc.text == ARTICLE and doc.source == "<stdin>"
    assert doc.title == "Iran and the US fight a common enemy"


def test_stdin_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n \n"))
    docs, report = read("-")
    assert docs == [] and report.skipped == [("<stdin>", "<stdin>: empty input, nothing to read")]


def test_unreachable_url_is_one_line_skip(tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_text("The US advises the Iraqi army.")
    url = "http://127.0.0.1:9/article"
    docs, report = read([url, good], IngestOptions(timeout=2))
    assert len(docs) == 1
    [(source, message)] = report.skipped
    assert source == url
    assert message.startswith(f"{url}: could not fetch (") and "\n" not in message


# ---------------------------------------------------------------- streaming


def _big_jsonl(path: Path, n: int, repeat: int = 5) -> None:
    with path.open("w", encoding="utf-8") as fp:
        for i in range(n):
            text = f"Document {i}: Iraqi forces and Iranian advisers met near Mosul. " * repeat
            fp.write(json.dumps({"id": f"d{i}", "text": text}) + "\n")


def test_read_documents_is_lazy(tmp_path: Path) -> None:
    p = tmp_path / "big.jsonl"
    _big_jsonl(p, 2000)
    report = IngestReport()
    stream = read_documents(p, report=report)
    assert isinstance(stream, Iterator)
    first = next(stream)
    assert first.doc_id == "d0"
    assert report.read == 1  # nothing beyond the first record was processed yet
    assert sum(1 for _ in stream) == 1999


def test_memory_stays_far_below_corpus_size(tmp_path: Path) -> None:
    p = tmp_path / "big.jsonl"
    _big_jsonl(p, 20_000, repeat=25)  # ~1.7 KB per document, still shorter than most news
    size = p.stat().st_size
    tracemalloc.start()
    try:
        n = sum(1 for _ in read_documents(p))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert n == 20_000
    # Only the dedupe index grows (two small ints per document); texts are never all held.
    assert peak < size / 10, (peak, size)


def _quote(cell: str) -> str:
    if any(c in cell for c in ',"\n\t'):
        return '"' + cell.replace('"', '""') + '"'
    return cell
