"""http(s) inputs, served from a local server (no internet is used)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from allegiance.ingest import IngestOptions, IngestReport, read_documents

BODY = "Iraqi forces and Kurdish Peshmerga fighters advanced on Mosul on Monday. " * 4
PAGES: dict[str, tuple[str, bytes]] = {
    "/article.html": (
        "text/html; charset=utf-8",
        (
            "<html><head><title>Mosul push begins</title>"
            "<meta property='og:site_name' content='Example Times'></head><body>"
            f"<article><p>{BODY}</p><p>The US provides air support, officials said.</p>"
            "</article></body></html>"
        ).encode(),
    ),
    "/plain.txt": ("text/plain", b"Turkey watches Iran warily.\n"),
    "/docs.jsonl": ("application/x-ndjson", b'{"id": "u1", "text": "Iran backs Assad."}\n'),
    "/big.txt": ("text/plain", b"Iran. " * 100),
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path.startswith("/dribble"):
            self._dribble(headers=self.path == "/dribble-headers")
            return
        if self.path == "/garbage":  # not HTTP at all
            self.wfile.write(b"garbage\r\n\r\n")
            return
        page = PAGES.get(self.path)
        if page is None:
            self.send_error(404, "Not Found")
            return
        self.send_response(200)
        self.send_header("Content-Type", page[0])
        self.send_header("Content-Length", str(len(page[1])))
        self.end_headers()
        self.wfile.write(page[1])

    def _dribble(self, *, headers: bool) -> None:
        """One byte every 0.3 s: of the status line and headers, or of the body."""
        head = b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n"
        body = b"Iran backs Assad. " * 20
        try:
            if not headers:
                self.wfile.write(head)
                head = b""
            for i in range(len(head + body)):
                self.wfile.write((head + body)[i : i + 1])
                self.wfile.flush()
                time.sleep(0.3)
        except OSError:  # the client gave up
            pass

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True  # do not wait for dribbling handlers at the end
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_html_url(server: str) -> None:
    url = f"{server}/article.html"
    [doc] = list(read_documents(url))
    assert "Peshmerga fighters advanced on Mosul" in doc.text
    assert (doc.title, doc.outlet, doc.url, doc.source) == (
        "Mosul push begins",
        "Example Times",
        url,
        url,
    )


def test_plain_and_jsonl_urls(server: str) -> None:
    docs = list(read_documents([f"{server}/plain.txt", f"{server}/docs.jsonl"]))
    assert [d.text for d in docs] == ["Turkey watches Iran warily.\n", "Iran backs Assad."]
    assert docs[1].doc_id == "u1"


def test_http_error_and_size_limit(server: str) -> None:
    report = IngestReport()
    docs = list(
        read_documents(
            [f"{server}/missing", f"{server}/big.txt", f"{server}/plain.txt"],
            IngestOptions(max_bytes=100),
            report,
        )
    )
    assert len(docs) == 1
    messages = [m for _, m in report.skipped]
    assert messages[0] == f"{server}/missing: could not fetch (HTTP 404 Not Found); " + (
        "allegiance needs network access only for URLs"
    )
    assert "over the size limit of 100 bytes" in messages[1]


@pytest.mark.parametrize("path", ["/dribble-body", "/dribble-headers"])
def test_fetch_deadline_bounds_a_dribbling_server(server: str, path: str, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("The US advises the Iraqi army.", encoding="utf-8")
    report = IngestReport()
    start = time.monotonic()
    docs = list(
        read_documents([f"{server}{path}", good], IngestOptions(fetch_deadline=1.0), report)
    )
    assert time.monotonic() - start < 10  # a bound on hanging, not a speed claim
    assert [d.text for d in docs] == ["The US advises the Iraqi army."]
    assert report.warnings == [
        f"{server}{path}: not fetched within the deadline of 1 seconds, skipped "
        "(raise it with --fetch-deadline)"
    ]


def test_bad_status_line_is_one_line_skip(server: str) -> None:
    report = IngestReport()
    assert list(read_documents([f"{server}/garbage", f"{server}/plain.txt"], None, report))
    [(source, message)] = report.skipped
    assert source == f"{server}/garbage"
    assert message.startswith(f"{server}/garbage: could not fetch (")
