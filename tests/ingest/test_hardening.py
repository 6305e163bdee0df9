"""Hostile input beside good input: deep JSON, UTF-16/32, declared encodings, slow URLs, fuzz."""

from __future__ import annotations

import codecs
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from allegiance.errors import AllegianceError, InputError
from allegiance.ingest import IngestOptions, IngestReport, read_documents

GOOD = "Iran backs the Shia militias in Iraq."


def _read(paths: list[Path | str], **options: object) -> tuple[list[str], IngestReport]:
    report = IngestReport(log=False)
    texts = [d.text for d in read_documents(paths, IngestOptions(**options), report)]  # type: ignore[arg-type]
    return texts, report


def test_deep_json_line_is_one_message_and_the_good_lines_stay(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    deep = (
        json.dumps({"id": "x", "text": "deep"})[:-1]
        + ', "meta": '
        + "[" * 100_000
        + "]" * 100_000
        + "}"
    )
    path.write_text(
        json.dumps({"id": "a", "text": "First good."}) + "\n" + deep + "\n"
        + json.dumps({"id": "b", "text": "Second good."}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    texts, report = _read([path])
    assert texts == ["First good.", "Second good."]
    assert len(report.skipped) == 1 and report.skipped[0][0] == f"{path}:2"
    assert "nested deeper than 64 levels" in report.skipped[0][1]


def test_deep_json_file_is_skipped_and_the_batch_goes_on(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 50_000 + "]" * 50_000, encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    texts, report = _read([deep, good])
    assert texts == [GOOD]
    assert "nested deeper" in report.skipped[0][1]
    shallow = tmp_path / "shallow.json"
    shallow.write_text(json.dumps({"text": "Nested meta.", "m": [[1]]}), encoding="utf-8")
    assert _read([shallow], max_json_depth=3)[0] == ["Nested meta."]
    assert _read([shallow], max_json_depth=2)[0] == []


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-8"])
@pytest.mark.parametrize("suffix", [".txt", ".jsonl", ".csv"])
def test_byte_order_marks_are_read_not_called_binary(
    tmp_path: Path, encoding: str, suffix: str
) -> None:
    bom = {
        "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32-le": codecs.BOM_UTF32_LE, "utf-8": codecs.BOM_UTF8,
    }[encoding]  # fmt: skip
    text = "Ankara warned Damascus — again."
    body = {
        ".txt": text + "\n",
        ".jsonl": json.dumps({"id": "1", "text": text}, ensure_ascii=False) + "\n"
        + json.dumps({"id": "2", "text": "Second line."}) + "\n",
        ".csv": f'id,text\n1,"{text}"\n2,Second line.\n',
    }[suffix]  # fmt: skip
    path = tmp_path / f"doc{suffix}"
    path.write_bytes(bom + body.encode(encoding))
    texts, report = _read([path])
    assert not report.skipped, report.warnings
    assert texts[0].rstrip("\n") == text
    if suffix != ".txt":
        assert texts[1] == "Second line."


def test_declared_encodings(tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Le ministre a parlé à Genève.".encode("latin-1"))
    texts, report = _read([latin], encoding="latin-1")
    assert texts == ["Le ministre a parlé à Genève."] and not report.warnings
    no_bom = tmp_path / "wide.jsonl"
    no_bom.write_bytes((json.dumps({"text": GOOD}) + "\n").encode("utf-16-le"))
    texts, report = _read([no_bom], encoding="utf-16-le")
    assert texts == [GOOD], report.warnings


def test_unknown_encoding_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unknown text encoding 'klingon'"):
        IngestOptions(encoding="klingon")
    from allegiance.cli import main

    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(good), "--encoding", "klingon"])
    assert result.exit_code == 2 and "unknown text encoding" in result.stderr
    assert "Traceback" not in result.output


class _Dribble(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", "1000")
        self.end_headers()
        for _ in range(1000):
            try:
                self.wfile.write(b"x")
                self.wfile.flush()
            except OSError:
                return
            time.sleep(0.3)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def dribbling() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Dribble)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/slow"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_url_that_trickles_is_cut_at_the_deadline(dribbling: str, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    started = time.monotonic()
    texts, report = _read([dribbling, good], timeout=5, fetch_deadline=1)
    assert time.monotonic() - started < 10  # bounded, not hanging (no speed claim)
    assert texts == [GOOD]
    assert report.skipped[0][0] == dribbling
    assert "deadline of 1 seconds" in report.skipped[0][1]


# ---------------------------------------------------------------- fuzz

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["id", "text", "title", "published", "x"]), children, max_size=4
        )
    ),
    max_leaves=12,
)
_FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _batch(tmp_path: Path, name: str, data: bytes) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    good2 = tmp_path / "good2.jsonl"
    good2.write_text(json.dumps({"id": "g2", "text": "Turkey shelled Kurdish positions."}) + "\n")
    fuzzed = tmp_path / name
    fuzzed.write_bytes(data)
    try:
        texts, _ = _read([good, fuzzed, good2])
    except AllegianceError:
        return  # our own errors are allowed; nothing else is
    assert GOOD in texts and "Turkey shelled Kurdish positions." in texts


@_FUZZ
@given(data=st.binary(max_size=600), suffix=st.sampled_from(
    [".txt", ".md", ".html", ".json", ".jsonl", ".csv", ".tsv"]))  # fmt: skip
def test_fuzz_arbitrary_bytes_never_raise_or_lose_good_documents(
    tmp_path: Path, data: bytes, suffix: str
) -> None:
    _batch(tmp_path, f"fuzz{suffix}", data)


@_FUZZ
@given(values=st.lists(json_values, max_size=4), whole=st.booleans())
def test_fuzz_json_shapes(tmp_path: Path, values: list[object], whole: bool) -> None:
    if whole:
        _batch(tmp_path, "fuzz.json", json.dumps(values).encode())
    else:
        _batch(tmp_path, "fuzz.jsonl", "".join(json.dumps(v) + "\n" for v in values).encode())


@_FUZZ
@given(rows=st.lists(st.lists(st.text(max_size=20), max_size=5), max_size=6),
       header=st.lists(st.sampled_from(["id", "text", "title", "x", ""]), max_size=4),
       delimiter=st.sampled_from([",", "\t"]))  # fmt: skip
def test_fuzz_csv_shapes(
    tmp_path: Path, rows: list[list[str]], header: list[str], delimiter: str
) -> None:
    import csv
    import io

    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    _batch(tmp_path, "fuzz.csv" if delimiter == "," else "fuzz.tsv", buf.getvalue().encode())
