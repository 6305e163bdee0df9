"""Reading http(s) URLs with an overall deadline, a size limit and a clear error per failure."""

from __future__ import annotations

import functools
import http.client
import io
import socket
import ssl
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from typing import Any

from ..errors import Messages
from .context import _Ctx
from .decode import _CHUNK, _SNIFF, _decode, looks_binary
from .formats import _html, _is_object_line, _json_document, _json_lines, _plain
from .model import Draft, IngestOptions

_USER_AGENT = "allegiance (+https://github.com/allegiance-osint/allegiance)"


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
