"""Readers per input kind: files by extension, directories, stdin and http(s) URLs.

Each reader yields :class:`~allegiance.ingest.document.Draft` objects and reports problems
to the :class:`~allegiance.ingest.document.IngestReport`; none raises for bad input. Line
formats (JSON Lines, CSV/TSV) are read line by line so that memory stays flat; they are split
into lines after decoding, so that UTF-16/32 inputs split right. JSON values are checked for
nesting depth before they are parsed, and URLs are fetched under a total deadline.
"""

from __future__ import annotations

import codecs
import csv
import functools
import http.client
import io
import json
import os
import re
import socket
import ssl
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from ..errors import Messages
from .document import Draft, IngestOptions, IngestReport

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
_SNIFF = 8192
_CHUNK = 1 << 16
_USER_AGENT = "allegiance (+https://github.com/allegiance-osint/allegiance)"


@dataclass(frozen=True, slots=True)
class _Ctx:
    options: IngestOptions
    report: IngestReport

    def skip(self, source: str, message: str) -> None:
        self.report.add_skip(source, message)

    def warn(self, message: str) -> None:
        self.report.add_warning(message)

    def bad_field(self, source: str, line: int | str, reason: str) -> None:
        self.skip(
            f"{source}:{line}", Messages.BAD_FIELD.format(path=source, line=line, reason=reason)
        )


# ---------------------------------------------------------------- dispatch


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


# ---------------------------------------------------------------- bytes and text


class _Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


#: byte-order marks; UTF-32-LE first, since its mark starts with UTF-16-LE's
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def sniff_encoding(head: bytes, declared: str = "utf-8") -> tuple[str, int]:
    """The encoding of an input from its byte-order mark, else the declared one.

    Args:
        head: the first bytes of the input (at least 4 to recognise every mark).
        declared: the encoding to use when there is no byte-order mark.

    Returns:
        ``(encoding, length of the byte-order mark)``.

    Example:
        >>> sniff_encoding(b"\\xff\\xfeI\\x00r\\x00")
        ('utf-16-le', 2)
        >>> sniff_encoding(b"Iran", "latin-1")
        ('latin-1', 0)
    """
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name, len(bom)
    return declared, 0


def looks_binary(head: bytes, encoding: str = "utf-8") -> bool:
    """Whether the first bytes of an input look like a binary file rather than text.

    The bytes are decoded first (by their byte-order mark, else ``encoding``), so that
    UTF-16 and UTF-32 text, full of NUL bytes, is judged by its characters.

    Args:
        head: the first few kilobytes.
        encoding: the declared encoding, for inputs without a byte-order mark.

    Returns:
        True for NUL characters or when over 30% of the characters are not text.
    """
    if not head:
        return False
    encoding, skip = sniff_encoding(head, encoding)
    # An incremental decoder does not count a character cut at the end of the sample as bad.
    sample = codecs.getincrementaldecoder(encoding)(errors="replace").decode(head[skip:])
    if not sample:
        return False
    if "\x00" in sample:
        return True
    bad = sum(
        1 for ch in sample if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\t\n\r\f\v\b\x1b")
    )
    return bad > 0.3 * len(sample)


def _bad_text(source: str, encoding: str) -> str:
    if codecs.lookup(encoding).name == "utf-8":
        return Messages.BAD_UTF8.format(path=source)
    return Messages.BAD_ENCODING.format(path=source, encoding=encoding)


def _decode(data: bytes, source: str, ctx: _Ctx) -> str:
    """Bytes read whole, as text: by their byte-order mark (dropped), else the declared one."""
    encoding, skip = sniff_encoding(data[:4], ctx.options.encoding)
    data = data[skip:]
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        ctx.warn(_bad_text(source, encoding))
        return data.decode(encoding, errors="replace")


def _decode_chunk(
    decoder: codecs.IncrementalDecoder, chunk: bytes, final: bool
) -> tuple[str, bool]:
    """Decode one chunk strictly; on invalid bytes, again with replacement (and say so)."""
    try:
        return decoder.decode(chunk, final), False
    except UnicodeDecodeError:
        # A failed call leaves the decoder's buffered state as it was, so it can be retried.
        decoder.errors = "replace"
        try:
            return decoder.decode(chunk, final), True
        finally:
            decoder.errors = "strict"


def _utf8_size(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode("utf-8", "surrogatepass"))


def _text_lines(
    fp: _Readable, source: str, ctx: _Ctx, encoding: str, *, limit: bool
) -> Iterator[tuple[int, str]]:
    """Numbered lines (ends kept) of a byte stream, split on ``\\n`` after decoding.

    With ``limit``, a line over ``max_bytes`` (counted as UTF-8) is skipped with a message,
    and is never held whole in memory. A line with invalid bytes is kept, with replacement
    characters and a warning naming it.
    """
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    max_bytes = ctx.options.max_bytes
    lineno, size, damaged = 1, 0, False
    parts: list[str] = []
    while True:
        chunk = fp.read(_CHUNK)
        final = not chunk
        text, bad = _decode_chunk(decoder, chunk, final)
        pieces = text.split("\n")
        for i, piece in enumerate(pieces):
            complete = i < len(pieces) - 1
            if complete:
                piece += "\n"
            if piece:
                damaged = damaged or (bad and "\ufffd" in piece)
                if limit:
                    size += _utf8_size(piece)
                    if size > max_bytes:
                        parts.clear()
                    else:
                        parts.append(piece)
                else:
                    parts.append(piece)
            if not (complete or final) or (not parts and size == 0):
                continue
            where = f"{source}:{lineno}"
            if limit and size > max_bytes:
                ctx.skip(
                    where,
                    Messages.RECORD_TOO_LARGE.format(
                        path=source, line=lineno, size=size, limit=max_bytes
                    ),
                )
            else:
                if damaged:
                    ctx.warn(_bad_text(where, encoding))
                yield lineno, "".join(parts)
            lineno, parts, size, damaged = lineno + 1, [], 0, False
        if final:
            return


class _Prefixed:
    """A byte stream with its already-read first bytes put back in front (for stdin)."""

    def __init__(self, head: bytes, rest: _Readable) -> None:
        self._head = head
        self._rest = rest

    def read(self, size: int = -1, /) -> bytes:
        if self._head:
            head, self._head = self._head, b""
            return head
        return self._rest.read(size)


# ---------------------------------------------------------------- JSON nesting

# A JSON string (maybe unterminated) or one bracket: brackets inside strings do not count.
_JSON_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|[\[\]{}]', re.DOTALL)


class _TooDeep(Exception):
    """A JSON value nests deeper than the limit; ``offset`` is where it first does."""

    def __init__(self, offset: int) -> None:
        super().__init__(offset)
        self.offset = offset


def json_too_deep(text: str, limit: int) -> int | None:
    """Where JSON text first nests arrays/objects deeper than ``limit``, found without parsing.

    ``json.loads`` recurses once per level, so a deep enough value raises RecursionError;
    this scan is linear and cheap (and skipped when the text has few brackets).

    Args:
        text: JSON text (need not be valid).
        limit: the deepest nesting allowed.

    Returns:
        The character offset of the first bracket beyond the limit, or None.

    Example:
        >>> json_too_deep('{"a": [[1]], "b": "[[[["}', 2), json_too_deep("[[[1]]]", 2)
        (7, 2)
    """
    if text.count("[") + text.count("{") <= limit:
        return None
    depth = 0
    for match in _JSON_TOKEN.finditer(text):
        token = match.group()
        if token in ("[", "{"):
            depth += 1
            if depth > limit:
                return match.start()
        elif token in ("]", "}"):
            depth = max(depth - 1, 0)
    return None


def _parse_json(text: str, limit: int) -> Any:
    """``json.loads`` under a nesting limit: raises _TooDeep, or ValueError when malformed."""
    offset = json_too_deep(text, limit)
    if offset is not None:
        raise _TooDeep(offset)
    try:
        return json.loads(text)
    except RecursionError:  # a backstop: the scan should have caught it
        raise _TooDeep(0) from None


def _is_object_line(line: str, limit: int) -> bool:
    """Whether one line of text is a whole JSON object (a JSON Lines record)."""
    line = line.lstrip("\ufeff").strip()
    if not line.startswith("{"):
        return False
    try:
        return isinstance(_parse_json(line, limit), dict)
    except _TooDeep:
        return True  # read as JSON Lines, so that this line is reported with its number
    except ValueError:
        return False


def split_headline(text: str) -> str | None:
    """The title of a plain-text article: its first line when that looks like a headline.

    A headline is short (at most 25 words and 200 characters), does not end with a period
    and is followed by a blank line.

    Args:
        text: the whole text.

    Returns:
        The headline, or None.

    Example:
        >>> split_headline("Are the US and Iran on the same side in Iraq?\\n\\nThe interests...")
        'Are the US and Iran on the same side in Iraq?'
    """
    lines = text.lstrip("\r\n").splitlines()
    if len(lines) < 3 or lines[1].strip() or not any(line.strip() for line in lines[2:]):
        return None
    first = lines[0].strip().lstrip("#").strip()
    if not first or len(first) > 200 or len(first.split()) > 25:
        return None
    if first.endswith((".", ",", ";", ":")):
        return None
    return first


# ---------------------------------------------------------------- files


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


def _plain(text: str, source: str, *, markdown: bool = False) -> Iterator[Draft]:
    title = split_headline(text)
    if title is None and markdown:
        first = text.lstrip().split("\n", 1)[0]
        if first.startswith("# "):
            title = first[2:].strip() or None
    yield Draft(text=text, source=source, title=title)


def _html(data: bytes | str, source: str, ctx: _Ctx, *, url: str | None) -> Iterator[Draft]:
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    try:
        result = trafilatura.bare_extraction(data, url=url, with_metadata=True)
    except Exception as exc:  # trafilatura raises many kinds on odd markup
        ctx.skip(
            source,
            Messages.CANNOT_READ.format(path=source, reason=f"HTML extraction failed: {exc}"),
        )
        return
    if result is None:
        ctx.skip(source, Messages.NO_ARTICLE.format(path=source))
        return
    meta: dict[str, Any] = (
        result
        if isinstance(result, dict)  # trafilatura < 2 returns a dict, later a Document
        else {k: getattr(result, k, None) for k in ("text", "title", "sitename", "date", "url")}
    )
    text = meta.get("text") or ""
    if not text.strip():
        ctx.skip(source, Messages.NO_ARTICLE.format(path=source))
        return
    yield Draft(
        text=text,
        source=source,
        title=meta.get("title"),
        outlet=meta.get("sitename"),
        published=meta.get("date"),
        url=meta.get("url") or url,
    )


# ---------------------------------------------------------------- JSON, JSON Lines, CSV

_FALLBACKS: dict[str, tuple[str, ...]] = {
    # re3d's documents.json and other common spellings, used when the configured field is absent
    "id": ("_id", "doc_id", "id"),
    "text": ("text", "body", "content"),
    "title": ("title", "headline"),
    "outlet": ("outlet", "sourceName", "source_name", "sitename"),
    "published": ("published", "date", "publishedAt", "published_at"),
    "url": ("url", "sourceUrl", "source_url", "link"),
}


def _field(obj: dict[str, Any], configured: str, logical: str) -> Any:
    if configured in obj:
        return obj[configured]
    for name in _FALLBACKS[logical]:
        if name in obj:
            return obj[name]
    return None


def _has_text(obj: dict[str, Any], options: IngestOptions) -> bool:
    return _field(obj, options.text_field, "text") is not None


def _from_record(obj: Any, source: str, where: str, ctx: _Ctx) -> Draft | None:
    """A draft from one JSON object or CSV row; ``where`` names it in messages."""
    o = ctx.options
    if not isinstance(obj, dict):
        ctx.bad_field(source, _line(where), Messages.NOT_OBJECT)
        return None
    text = _field(obj, o.text_field, "text")
    if text is None:
        ctx.bad_field(source, _line(where), Messages.NO_TEXT_FIELD.format(field=o.text_field))
        return None
    if not isinstance(text, str):
        ctx.bad_field(source, _line(where), Messages.TEXT_NOT_STRING.format(field=o.text_field))
        return None
    return Draft(
        text=text,
        source=where,
        doc_id=_scalar(_field(obj, o.id_field, "id")),
        title=_scalar(_field(obj, o.title_field, "title")),
        outlet=_scalar(_field(obj, o.outlet_field, "outlet")),
        published=_field(obj, o.published_field, "published"),
        url=_scalar(_field(obj, o.url_field, "url")),
    )


def _scalar(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    return str(value)


def _line(where: str) -> str:
    return where.rsplit(":", 1)[-1]


def _json_lines(
    lines: Iterable[tuple[int, str]], source: str, ctx: _Ctx, *, whole_file: bool, in_dir: bool
) -> Iterator[Draft]:
    checked = not whole_file
    for lineno, line in lines:
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            obj = _parse_json(line, ctx.options.max_json_depth)
        except _TooDeep:
            limit = ctx.options.max_json_depth
            ctx.skip(where, Messages.JSON_TOO_DEEP.format(path=source, line=lineno, limit=limit))
            continue
        except ValueError as exc:
            reason = getattr(exc, "msg", str(exc))
            ctx.skip(where, Messages.BAD_JSON.format(path=source, line=lineno, reason=reason))
            continue
        if not checked:
            checked = True
            if isinstance(obj, dict) and not _has_text(obj, ctx.options):
                # e.g. re3d's entities.json beside documents.json
                message = Messages.NOT_DOCUMENTS.format(path=source, field=ctx.options.text_field)
                if in_dir:
                    ctx.warn(message)
                else:
                    ctx.skip(source, message)
                return
        draft = _from_record(obj, source, where, ctx)
        if draft is not None:
            yield draft


def _json_document(text: str, source: str, ctx: _Ctx) -> Iterator[Draft]:
    try:
        data = _parse_json(text, ctx.options.max_json_depth)
    except _TooDeep as deep:
        lineno = text.count("\n", 0, deep.offset) + 1
        limit = ctx.options.max_json_depth
        ctx.skip(source, Messages.JSON_TOO_DEEP.format(path=source, line=lineno, limit=limit))
        return
    except ValueError as exc:
        lineno = getattr(exc, "lineno", 0)
        reason = getattr(exc, "msg", str(exc))
        ctx.skip(source, Messages.BAD_JSON.format(path=source, line=lineno, reason=reason))
        return
    if isinstance(data, dict):
        draft = _from_record(data, source, f"{source}:1", ctx)
        if draft is not None:
            draft.source = source
            yield draft
    elif isinstance(data, list):
        for i, obj in enumerate(data):
            draft = _from_record(obj, source, f"{source}:{i + 1}", ctx)
            if draft is not None:
                draft.source = f"{source}[{i}]"
                yield draft
    else:
        ctx.skip(source, Messages.NOT_JSON_DOCUMENTS.format(path=source))


def _delimited(
    lines: Iterable[tuple[int, str]], source: str, ctx: _Ctx, delimiter: str
) -> Iterator[Draft]:
    o = ctx.options
    csv.field_size_limit(max(csv.field_size_limit(), o.max_bytes))
    reader = csv.reader((line for _, line in lines), delimiter=delimiter)
    header: list[str] | None = None
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            ctx.bad_field(source, reader.line_num, Messages.BAD_ROW.format(reason=exc))
            continue
        if header is None:
            header = [h.strip() for h in row]
            wanted = {o.text_field, *_FALLBACKS["text"]}
            if not wanted & set(header):
                message = Messages.NO_TEXT_COLUMN.format(
                    path=source, field=o.text_field, columns=", ".join(header)
                )
                ctx.skip(source, message)
                return
            continue
        if not any(cell.strip() for cell in row):
            continue
        where = f"{source}:{reader.line_num}"
        text_value = dict(zip(header, row, strict=False)).get(o.text_field)
        if text_value is not None and len(text_value) > o.max_bytes:
            reason = Messages.RECORD_TOO_LARGE.format(
                path=source, line=reader.line_num, size=len(text_value), limit=o.max_bytes
            )
            ctx.skip(where, reason)
            continue
        obj = {name: value for name, value in zip(header, row, strict=False) if value != ""}
        if o.text_field not in obj and not any(n in obj for n in _FALLBACKS["text"]):
            ctx.bad_field(
                source, reader.line_num, Messages.EMPTY_TEXT_FIELD.format(field=o.text_field)
            )
            continue
        draft = _from_record(obj, source, where, ctx)
        if draft is not None:
            yield draft


# ---------------------------------------------------------------- stdin and URLs


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


class _DeadlinePassed(Exception):
    """A URL was not fetched whole within the fetch deadline."""


class _DeadlineReader(io.RawIOBase):
    """A socket reader that never waits past the deadline.

    Before each read the socket timeout is set to ``min(timeout, time left)``, so a server
    that sends one byte every few seconds cannot keep the fetch going forever.
    """

    def __init__(
        self, raw: io.RawIOBase, sock: socket.socket, timeout: float, deadline: float
    ) -> None:
        super().__init__()
        self._raw = raw
        self._sock = sock
        self._timeout = timeout
        self._deadline = deadline

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int | None:
        remaining = self._deadline - time.monotonic()
        if remaining <= 0:
            raise _DeadlinePassed
        self._sock.settimeout(min(self._timeout, remaining))
        try:
            return self._raw.readinto(buffer)
        except TimeoutError:
            if time.monotonic() >= self._deadline:
                raise _DeadlinePassed from None
            raise

    def close(self) -> None:
        self._raw.close()
        super().close()


class _DeadlineResponse(http.client.HTTPResponse):
    """An HTTP response whose status line, headers and body are all read under the deadline."""

    def __init__(
        self, sock: socket.socket, *args: Any, timeout: float, deadline: float, **kwargs: Any
    ) -> None:
        super().__init__(sock, *args, **kwargs)
        raw = self.fp.detach()
        self.fp = io.BufferedReader(_DeadlineReader(raw, sock, timeout, deadline))


def _connection_factory(
    cls: type[http.client.HTTPConnection], timeout: float, deadline: float, **extra: Any
) -> Callable[..., http.client.HTTPConnection]:
    """A connection class stand-in for urllib: connects, and reads, under the deadline."""

    def connect(host: str, **kwargs: Any) -> http.client.HTTPConnection:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise _DeadlinePassed
        kwargs["timeout"] = min(timeout, remaining)
        connection = cls(host, **kwargs, **extra)
        connection.response_class = functools.partial(  # type: ignore[assignment]
            _DeadlineResponse, timeout=timeout, deadline=deadline
        )
        return connection

    return connect


class _DeadlineHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, timeout: float, deadline: float) -> None:
        super().__init__()
        self._connect = _connection_factory(http.client.HTTPConnection, timeout, deadline)

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._connect, req)


class _DeadlineHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, timeout: float, deadline: float) -> None:
        super().__init__()
        context = ssl.create_default_context()
        self._connect = _connection_factory(
            http.client.HTTPSConnection, timeout, deadline, context=context
        )

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._connect, req)


def _fetch(url: str, options: IngestOptions) -> tuple[bytes, str, str]:
    """The body (at most ``max_bytes + 1`` bytes), content type and final URL of a URL.

    Raises:
        _DeadlinePassed: when ``fetch_deadline`` passes first; urllib's and http.client's
        errors otherwise.
    """
    limit = options.max_bytes
    deadline = time.monotonic() + options.fetch_deadline
    opener = urllib.request.build_opener(
        _DeadlineHTTPHandler(options.timeout, deadline),
        _DeadlineHTTPSHandler(options.timeout, deadline),
    )
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})
    try:
        with opener.open(request, timeout=min(options.timeout, options.fetch_deadline)) as response:
            chunks: list[bytes] = []
            size = 0
            while size <= limit:
                chunk = response.read(min(_CHUNK, limit + 1 - size))
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
            ctype = (response.headers.get("Content-Type") or "").lower()
            return b"".join(chunks), ctype, response.geturl() or url
    except urllib.error.URLError as exc:
        # urllib wraps errors of connecting; a timeout then may be the deadline's
        if isinstance(exc.reason, TimeoutError) and time.monotonic() >= deadline:
            raise _DeadlinePassed from None
        raise


def _read_url(url: str, ctx: _Ctx) -> Iterator[Draft]:
    limit = ctx.options.max_bytes
    try:
        data, ctype, final_url = _fetch(url, ctx.options)
    except _DeadlinePassed:
        deadline = ctx.options.fetch_deadline
        ctx.skip(url, Messages.FETCH_DEADLINE.format(path=url, deadline=deadline))
        return
    except urllib.error.HTTPError as exc:
        ctx.skip(url, Messages.NO_NETWORK.format(path=url, reason=f"HTTP {exc.code} {exc.reason}"))
        return
    except urllib.error.URLError as exc:
        ctx.skip(url, Messages.NO_NETWORK.format(path=url, reason=exc.reason))
        return
    except (OSError, ValueError, http.client.HTTPException) as exc:  # timeouts, resets...
        ctx.skip(url, Messages.NO_NETWORK.format(path=url, reason=str(exc) or type(exc).__name__))
        return
    if len(data) > limit:
        ctx.skip(url, Messages.TOO_LARGE.format(path=url, size=f"over {limit}", limit=limit))
        return
    if not data.strip():
        ctx.skip(url, Messages.EMPTY.format(path=url))
        return
    if looks_binary(data[:_SNIFF], ctx.options.encoding):
        ctx.skip(url, Messages.BINARY.format(path=url))
        return
    if "text/plain" in ctype:
        for draft in _plain(_decode(data, url, ctx), url):
            draft.url = final_url
            yield draft
    elif "json" in ctype:
        text = _decode(data, url, ctx)
        lines = list(enumerate(text.splitlines(keepends=True), 1))
        first = next((line for _, line in lines if line.strip()), "")
        if _is_object_line(first, ctx.options.max_json_depth):
            yield from _json_lines(lines, url, ctx, whole_file=False, in_dir=False)
        else:
            yield from _json_document(text, url, ctx)
    else:
        yield from _html(data, url, ctx, url=final_url)
