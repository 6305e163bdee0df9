"""Progress of ``allegiance extract``: a bar on a terminal, plain lines otherwise."""

from __future__ import annotations

import io
import json
from pathlib import Path

from click.testing import CliRunner
from rich.console import Console

from allegiance.cli import main
from allegiance.cli.progress import ExtractProgress, input_size


class Doc:
    def __init__(self, doc_id: str, text: str) -> None:
        self.doc_id, self.text = doc_id, text


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


DOCS = [Doc(f"d{i}", "Iran backs the militias in Diyala. " * (i + 1)) for i in range(4)]


def _run(console: Console, clock: Clock, total: int | None) -> ExtractProgress:
    with ExtractProgress(console, total, every=10, clock=clock) as progress:
        for doc in progress.watch(DOCS):
            clock.now += 6
            progress.done(doc.doc_id)
    return progress


def test_not_a_terminal_gives_plain_lines_then_a_summary() -> None:
    out = io.StringIO()
    clock = Clock()
    total = sum(len(d.text.encode()) for d in DOCS) * 2
    progress = _run(Console(file=out, force_terminal=False, width=200), clock, total)
    text = out.getvalue()
    assert "\r" not in text and "\x1b" not in text
    lines = text.splitlines()
    # one line per 10 s of the 24 s run (at 12 s and 24 s), then the summary
    assert len(lines) == 3, lines
    assert lines[0].startswith("extracting: 2 documents, 18 words in 12.0 s (2 words/s)")
    assert "s left" in lines[0]
    assert lines[-1] == "extracted 4 documents, 60 words in 24.0 s (2 words/s)"
    assert (progress.documents, progress.words) == (4, 60)


def test_a_terminal_gets_a_live_bar_with_documents_rate_and_eta() -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=160)
    total = sum(len(d.text.encode()) for d in DOCS) * 2
    _run(console, Clock(), total)
    text = out.getvalue()
    assert "documents" in text and "words/s" in text and "ETA" in text
    assert text.splitlines()[-1].endswith("extracted 4 documents, 60 words in 24.0 s (2 words/s)")


def test_input_size_is_the_bytes_of_local_files_only(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("abc", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("defg", encoding="utf-8")
    (tmp_path / ".hidden").write_text("x" * 100, encoding="utf-8")
    assert input_size([str(tmp_path)]) == 7
    assert input_size([str(tmp_path / "a.txt"), "-"]) is None
    assert input_size(["https://example.org/a.html"]) is None


def test_extract_prints_a_plain_progress_line_when_not_a_terminal(tmp_path: Path, nlp) -> None:
    path = tmp_path / "news.jsonl"
    texts = ["Iran backs the Shia militias in Diyala.", "Turkey is wary of Iran."]
    path.write_text(
        "".join(json.dumps({"id": f"a{i}", "text": t}) + "\n" for i, t in enumerate(texts)),
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["extract", str(path), "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stderr and "\r" not in result.stderr
    line = next(x for x in result.stderr.splitlines() if x.startswith("extracted "))
    assert line.startswith("extracted 2 documents, 12 words in ")
    assert line.endswith(" words/s)")
