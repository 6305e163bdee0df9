"""http(s) inputs, served from a local server (no internet is used)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

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
        page = PAGES.get(self.path)
        if page is None:
            self.send_error(404, "Not Found")
            return
        self.send_response(200)
        self.send_header("Content-Type", page[0])
        self.send_header("Content-Length", str(len(page[1])))
        self.end_headers()
        self.wfile.write(page[1])

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
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
