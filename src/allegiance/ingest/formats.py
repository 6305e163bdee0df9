"""Readers of one format each: plain text, Markdown, HTML, JSON, JSON Lines, CSV and TSV."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import Messages
from .context import _Ctx
from .model import Draft, IngestOptions

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
