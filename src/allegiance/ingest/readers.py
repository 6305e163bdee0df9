"""Readers per input kind: files by extension, directories, stdin and http(s) URLs.

Each reader yields :class:`~allegiance.ingest.document.Draft` objects and reports problems
to the :class:`~allegiance.ingest.document.IngestReport`; none raises for bad input. Line
formats (JSON Lines, CSV/TSV) are read line by line so that memory stays flat.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import sys
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from ..errors import Messages
from .document import Draft, IngestOptions, IngestReport

__all__ = ["SUPPORTED", "iter_drafts", "looks_binary", "split_headline"]

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


def looks_binary(head: bytes) -> bool:
    """Whether the first bytes of an input look like a binary file rather than text.

    Args:
        head: the first few kilobytes.

    Returns:
        True for NUL bytes or when over 30% of the characters are not text.
    """
    if not head:
        return False
    if b"\x00" in head:
        return True
    sample = head.decode("utf-8", errors="replace")
    bad = sum(
        1 for ch in sample if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\t\n\r\f\v\b\x1b")
    )
    return bad > 0.3 * len(sample)


def _decode(data: bytes, source: str, ctx: _Ctx, *, first: bool = True) -> str:
    encoding = ctx.options.encoding
    if first and encoding.lower().replace("_", "-") in ("utf-8", "utf8"):
        encoding = "utf-8-sig"  # a byte-order mark is not part of the text
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        ctx.warn(Messages.BAD_UTF8.format(path=source))
        return data.decode(encoding, errors="replace")
    except LookupError:
        ctx.warn(Messages.UNKNOWN_ENCODING.format(path=source, encoding=encoding))
        return data.decode("utf-8", errors="replace")


def _decoded_lines(
    fp: IO[bytes], source: str, ctx: _Ctx, *, limit: bool
) -> Iterator[tuple[int, str]]:
    for lineno, raw in enumerate(fp, 1):
        if limit and len(raw) > ctx.options.max_bytes:
            ctx.skip(
                f"{source}:{lineno}",
                Messages.RECORD_TOO_LARGE.format(
                    path=source, line=lineno, size=len(raw), limit=ctx.options.max_bytes
                ),
            )
            continue
        yield lineno, _decode(raw, f"{source}:{lineno}", ctx, first=lineno == 1)


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
        if looks_binary(head):
            ctx.skip(source, Messages.BINARY.format(path=source))
            return
        fp.seek(0)
        if kind == "json":
            kind = "jsonlines" if _first_line_is_object(fp) else "json"
            fp.seek(0)
        if kind in ("jsonl", "jsonlines"):
            lines = _decoded_lines(fp, source, ctx, limit=True)
            yield from _json_lines(
                lines, source, ctx, whole_file=kind == "jsonlines", in_dir=in_dir
            )
            return
        if kind in ("csv", "tsv"):
            lines = _decoded_lines(fp, source, ctx, limit=False)
            yield from _delimited(lines, source, ctx, "\t" if kind == "tsv" else ",")
            return
        if size > ctx.options.max_bytes:
            ctx.skip(
                source,
                Messages.TOO_LARGE.format(path=source, size=size, limit=ctx.options.max_bytes),
            )
            return
        data = fp.read()
    if kind == "html":
        yield from _html(data, source, ctx, url=None)
        return
    text = _decode(data, source, ctx)
    if kind == "json":
        yield from _json_document(text, source, ctx)
    else:
        yield from _plain(text, source, markdown=kind == "markdown")


def _first_line_is_object(fp: Iterable[bytes]) -> bool:
    """Whether a .json file is JSON Lines: its first non-blank line is a whole object."""
    for raw in fp:
        line = raw.decode("utf-8", errors="replace").lstrip("\ufeff").strip()
        if not line:
            continue
        try:
            return isinstance(json.loads(line), dict)
        except ValueError:
            return False
    return False


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
            obj = json.loads(line)
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
        data = json.loads(text)
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
        lines = _decoded_lines(buffer, STDIN, ctx, limit=True)
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
    first = pending[-1][1].lstrip("\ufeff").strip()
    is_jsonl = False
    with contextlib.suppress(ValueError):
        is_jsonl = isinstance(json.loads(first), dict)
    if is_jsonl:
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


def _read_url(url: str, ctx: _Ctx) -> Iterator[Draft]:
    limit = ctx.options.max_bytes
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=ctx.options.timeout) as response:
            data = response.read(limit + 1)
            ctype = (response.headers.get("Content-Type") or "").lower()
            final_url = response.geturl() or url
    except urllib.error.HTTPError as exc:
        ctx.skip(url, Messages.NO_NETWORK.format(path=url, reason=f"HTTP {exc.code} {exc.reason}"))
        return
    except urllib.error.URLError as exc:
        ctx.skip(url, Messages.NO_NETWORK.format(path=url, reason=exc.reason))
        return
    except (OSError, ValueError) as exc:  # timeouts, resets, malformed URLs
        ctx.skip(url, Messages.NO_NETWORK.format(path=url, reason=exc))
        return
    if len(data) > limit:
        ctx.skip(url, Messages.TOO_LARGE.format(path=url, size=f"over {limit}", limit=limit))
        return
    if not data.strip():
        ctx.skip(url, Messages.EMPTY.format(path=url))
        return
    if looks_binary(data[:_SNIFF]):
        ctx.skip(url, Messages.BINARY.format(path=url))
        return
    if "text/plain" in ctype:
        for draft in _plain(_decode(data, url, ctx), url):
            draft.url = final_url
            yield draft
    elif "json" in ctype:
        text = _decode(data, url, ctx)
        lines = enumerate(text.splitlines(), 1)
        if _first_line_is_object(iter(text.encode().splitlines())):
            yield from _json_lines(lines, url, ctx, whole_file=False, in_dir=False)
        else:
            yield from _json_document(text, url, ctx)
    else:
        yield from _html(data, url, ctx, url=final_url)
