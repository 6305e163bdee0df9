"""Progress of an extraction: a live bar on a terminal, plain lines otherwise.

On a terminal, ``extract`` draws documents done, words per second and the time left (judged
from the bytes of input read against the size of the input files, so it is shown only when the
input is local files). When stderr is not a terminal (a log, a pipe, CI), it prints a plain
line now and then and one at the end, with no colour codes or carriage returns.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

__all__ = ["ExtractProgress", "input_size"]


def input_size(paths: Iterable[str]) -> int | None:
    """Bytes of the local files PATHS name (directories walked), or None if any is not local.

    Example:
        >>> input_size(["-"]) is None
        True
    """
    total = 0
    for p in paths:
        if p == "-" or "://" in p:
            return None
        path = Path(p)
        if path.is_file():
            total += path.stat().st_size
        elif path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                total += sum(
                    (Path(root) / f).stat().st_size for f in files if not f.startswith(".")
                )
    return total or None


def _rate(words: int, seconds: float) -> str:
    return f"{words / seconds:,.0f}" if seconds > 0 else "-"


class ExtractProgress:
    """Counts documents and words as they are extracted and shows it on ``console``.

    Args:
        console: where to show progress (stderr in the commands).
        total_bytes: size of the input, for the bar and the time left (None: unknown).
        every: seconds between plain lines when ``console`` is not a terminal.
        clock: the time source (seconds).
    """

    def __init__(
        self,
        console: Console,
        total_bytes: int | None = None,
        *,
        every: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.console = console
        self.total = total_bytes
        self.every = every
        self.clock = clock
        self.documents = 0
        self.words = 0
        self.bytes = 0
        self._start = clock()
        self._last_line = self._start
        self._pending: dict[str, tuple[int, int]] = {}
        self._bar: Progress | None = None
        self._task: Any = None

    def __enter__(self) -> ExtractProgress:
        self._start = self._last_line = self.clock()
        if self.console.is_terminal:
            self._bar = Progress(
                SpinnerColumn(),
                TextColumn("extracting"),
                BarColumn(),
                TextColumn("{task.fields[documents]} documents"),
                TextColumn("{task.fields[rate]} words/s"),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                TimeElapsedColumn(),
                console=self.console,
                transient=True,
            )
            self._bar.__enter__()
            self._task = self._bar.add_task("extracting", total=self.total, documents=0, rate="-")
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.__exit__(kind, exc, tb)
            self._bar = None
        if kind is None:
            self.console.print(self.line(final=True), highlight=False, soft_wrap=True)

    def watch(self, documents: Iterable[Any]) -> Iterator[Any]:
        """Pass ``documents`` through, noting each one's words and bytes for :meth:`done`.

        The clock starts at the first document, once the model is loaded, so that words per
        second measure extraction alone."""
        first = True
        for doc in documents:
            if first:
                first = False
                self._start = self._last_line = self.clock()
            text = getattr(doc, "text", "") or ""
            self._pending[str(doc.doc_id)] = (len(text.split()), len(text.encode("utf-8")))
            yield doc

    def done(self, doc_id: str) -> None:
        """One document's records are written."""
        words, size = self._pending.pop(str(doc_id), (0, 0))
        self.documents += 1
        self.words += words
        self.bytes += size
        now = self.clock()
        if self._bar is not None:
            completed = min(self.bytes, self.total) if self.total else None
            self._bar.update(
                self._task,
                completed=completed,
                documents=f"{self.documents:,}",
                rate=_rate(self.words, now - self._start),
            )
        elif now - self._last_line >= self.every:
            self._last_line = now
            self.console.print(self.line(), highlight=False, soft_wrap=True)

    def line(self, *, final: bool = False) -> str:
        """The plain progress line: documents, words, words per second, time left."""
        seconds = self.clock() - self._start
        head = "extracted" if final else "extracting:"
        text = (
            f"{head} {self.documents:,} document{'s' if self.documents != 1 else ''}, "
            f"{self.words:,} words in {seconds:.1f} s ({_rate(self.words, seconds)} words/s)"
        )
        if not final and self.total and self.bytes and seconds > 0:
            left = max(0.0, (self.total - self.bytes) / (self.bytes / seconds))
            text += f", about {left:.0f} s left"
        return text
