"""Bytes to text: byte-order marks, encoding sniffing, binary detection and streamed decoding."""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from typing import Protocol

from ..errors import Messages
from .context import _Ctx

_SNIFF = 8192

_CHUNK = 1 << 16


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
