"""Readers per input kind: files by extension, directories, stdin and http(s) URLs.

Each reader yields :class:`~allegiance.ingest.document.Draft` objects and reports problems
to the :class:`~allegiance.ingest.document.IngestReport`; none raises for bad input. Line
formats (JSON Lines, CSV/TSV) are read line by line so that memory stays flat; they are split
into lines after decoding, so that UTF-16/32 inputs split right. JSON values are checked for
nesting depth before they are parsed, and URLs are fetched under a total deadline.
"""

from __future__ import annotations

import codecs
import io
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import Messages
from .context import _Ctx
from .decode import _SNIFF, _decode, _Prefixed, _text_lines, looks_binary, sniff_encoding
from .fetch import _read_url
from .formats import (
    _delimited,
    _html,
    _is_object_line,
    _json_document,
    _json_lines,
    _plain,
    json_too_deep,
    split_headline,
)
from .model import Draft, IngestOptions, IngestReport

__all__ = [
    "SUPPORTED",
    "iter_drafts",
    "json_too_deep",
    "looks_binary",
    "sniff_encoding",
    "split_headline",
]

#: extension -> reader kind
SUPPORTED: dict[str, str] = {
    ".txt": "text",
    ".md": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
}

STDIN = "<stdin>"


def iter_drafts(
    paths: Iterable[str | Path], options: IngestOptions, report: IngestReport
) -> Iterator[Draft]:
    """Drafts from every input in order (files, directories, ``-``, URLs)."""
    ctx = _Ctx(options, report)
    for item in paths:
        name = os.fspath(item)
        if name == "-":
            yield from _read_stdin(ctx)
        elif name.lower().startswith(("http://", "https://")):
            yield from _read_url(name, ctx)
        elif Path(name).is_dir():
            yield from _read_dir(Path(name), ctx, set())
        else:
            yield from _read_file(Path(name), ctx, in_dir=False)


def _read_dir(top: Path, ctx: _Ctx, visited: set[str]) -> Iterator[Draft]:
    real = os.path.realpath(top)
    if real in visited:  # a symlink loop
        return
    visited.add(real)
    try:
        entries = sorted(os.scandir(top), key=lambda e: e.name)
    except OSError as exc:
        ctx.skip(str(top), Messages.CANNOT_READ.format(path=top, reason=exc.strerror or exc))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_dir():
            yield from _read_dir(path, ctx, visited)
        else:
            yield from _read_file(path, ctx, in_dir=True)


def _read_file(path: Path, ctx: _Ctx, *, in_dir: bool) -> Iterator[Draft]:
    source = str(path)
    kind = SUPPORTED.get(path.suffix.lower())
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        ctx.skip(source, Messages.MISSING_FILE.format(path=source))
        return
    except OSError as exc:
        ctx.skip(source, Messages.CANNOT_READ.format(path=source, reason=exc.strerror or exc))
        return
    if kind is None:
        message = Messages.UNSUPPORTED.format(path=source, ext=path.suffix or "(none)")
        if in_dir:
            ctx.warn(message + "; skipped")
        else:
            ctx.skip(source, message)
        return
    if size == 0:
        ctx.skip(source, Messages.EMPTY.format(path=source))
        return
    try:
        fp = path.open("rb")
    except OSError as exc:
        ctx.skip(source, Messages.CANNOT_READ.format(path=source, reason=exc.strerror or exc))
        return
    with fp:
        head = fp.read(_SNIFF)
        encoding, bom = sniff_encoding(head, ctx.options.encoding)
        if looks_binary(head, ctx.options.encoding):
            ctx.skip(source, Messages.BINARY.format(path=source))
            return
        if kind == "json":
            fp.seek(bom)
            kind = "jsonlines" if _first_line_is_object(fp, encoding, ctx.options) else "json"
        if kind in ("jsonl", "jsonlines", "csv", "tsv"):
            fp.seek(bom)
            lines = _text_lines(fp, source, ctx, encoding, limit=kind.startswith("json"))
            if kind in ("csv", "tsv"):
                yield from _delimited(lines, source, ctx, "\t" if kind == "tsv" else ",")
            else:
                yield from _json_lines(
                    lines, source, ctx, whole_file=kind == "jsonlines", in_dir=in_dir
                )
            return
        if size > ctx.options.max_bytes:
            ctx.skip(
                source,
                Messages.TOO_LARGE.format(path=source, size=size, limit=ctx.options.max_bytes),
            )
            return
        fp.seek(0)
        data = fp.read()
    if kind == "html":
        # trafilatura reads the page's own charset from bytes; a BOM or a declared encoding
        # other than UTF-8 is ours to apply.
        declared = codecs.lookup(ctx.options.encoding).name != "utf-8"
        yield from _html(_decode(data, source, ctx) if bom or declared else data, source, ctx,
                         url=None)  # fmt: skip
        return
    text = _decode(data, source, ctx)
    if kind == "json":
        yield from _json_document(text, source, ctx)
    else:
        yield from _plain(text, source, markdown=kind == "markdown")


def _first_line_is_object(fp: Any, encoding: str, options: IngestOptions) -> bool:
    """Whether a .json file is JSON Lines: its first non-blank line is a whole object."""
    wrapper = io.TextIOWrapper(fp, encoding=encoding, errors="replace", newline="")
    try:
        while True:
            line = wrapper.readline(options.max_bytes + 1)
            if not line:
                return False
            if line.strip():
                return _is_object_line(line, options.max_json_depth)
    finally:
        wrapper.detach()  # leave the file open for the reader


def _read_stdin(ctx: _Ctx) -> Iterator[Draft]:
    """JSON Lines when the first non-blank line is a JSON object, else one plain text."""
    stream = sys.stdin
    buffer = getattr(stream, "buffer", None)
    lines: Iterator[tuple[int, str]]
    if buffer is not None:
        head = buffer.read(4)
        encoding, bom = sniff_encoding(head, ctx.options.encoding)
        lines = _text_lines(_Prefixed(head[bom:], buffer), STDIN, ctx, encoding, limit=True)
    else:
        lines = enumerate(stream, 1)
    pending: list[tuple[int, str]] = []
    for lineno, line in lines:
        pending.append((lineno, line))
        if line.strip():
            break
    if not pending or not any(line.strip() for _, line in pending):
        ctx.skip(STDIN, Messages.EMPTY.format(path=STDIN))
        return
    if _is_object_line(pending[-1][1], ctx.options.max_json_depth):
        yield from _json_lines(_chain(pending, lines), STDIN, ctx, whole_file=False, in_dir=False)
        return
    parts = [line for _, line in pending]
    size = sum(len(p) for p in parts)
    for _, line in lines:
        size += len(line)
        if size > ctx.options.max_bytes:
            limit = ctx.options.max_bytes
            ctx.skip(
                STDIN, Messages.TOO_LARGE.format(path=STDIN, size=f"over {limit}", limit=limit)
            )
            return
        parts.append(line)
    yield from _plain("".join(parts).lstrip("\ufeff"), STDIN)


def _chain(
    first: list[tuple[int, str]], rest: Iterator[tuple[int, str]]
) -> Iterator[tuple[int, str]]:
    yield from first
    yield from rest
