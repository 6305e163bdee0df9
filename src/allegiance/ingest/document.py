"""Documents as read from the inputs, the ingest options, the run report, and the reader.

:func:`read_documents` is a generator: it streams documents one at a time from files,
directories, stdin and URLs, so that memory stays flat however large the corpus. Bad input
never raises: every problem becomes one line in the :class:`IngestReport` (and a log warning)
naming the file (and line) and the reason, and the rest of the batch is processed.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import Messages
from .dates import date_from_text, normalise_date
from .furniture import FurnitureRule, find_furniture, load_furniture_rules
from .model import Draft, IngestOptions, IngestReport, InputDocument
from .readers import iter_drafts

__all__ = ["Draft", "IngestOptions", "IngestReport", "InputDocument", "read_documents"]


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


_TAIL = re.compile(r"(.*?)(?::([1-9]\d{0,9})|\[(0|[1-9]\d{0,9})\])\Z", re.DOTALL)


class _SourceNames:
    """Remembers sources ("path:line", "path[i]", "path") as small ints, losslessly.

    Dedupe must remember where each content was first seen; one int per document (the file
    path stored once) keeps that memory small as the corpus grows.
    """

    def __init__(self) -> None:
        self._index: dict[str, int] = {}
        self._prefixes: list[str] = []

    def pack(self, source: str) -> int:
        match = _TAIL.match(source)
        if match is None:
            prefix, number, kind = source, 0, 0
        elif match[2] is not None:
            prefix, number, kind = match[1], int(match[2]), 1
        else:
            prefix, number, kind = match[1], int(match[3]), 2
        index = self._index.get(prefix)
        if index is None:
            index = self._index[prefix] = len(self._prefixes)
            self._prefixes.append(prefix)
        return ((index << 34) | number) << 2 | kind

    def unpack(self, packed: int) -> str:
        kind, packed = packed & 3, packed >> 2
        prefix, number = self._prefixes[packed >> 34], packed & ((1 << 34) - 1)
        return prefix if kind == 0 else f"{prefix}:{number}" if kind == 1 else f"{prefix}[{number}]"


class _Finisher:
    """Turns drafts into documents: ids, hashes, defaults, dates, furniture, dedupe."""

    def __init__(self, options: IngestOptions, report: IngestReport) -> None:
        self.options = options
        self.report = report
        # First 8 bytes of each sha256 -> where that content was first seen. Memory grows by
        # two small ints per document, never by its text.
        self.seen: dict[int, int] = {}
        self.names = _SourceNames()
        # Loaded once per run; a malformed user file raises InputError naming file and rule.
        self.furniture_rules: tuple[FurnitureRule, ...] | None = (
            load_furniture_rules(options.furniture_rules)
            if options.furniture and options.furniture_rules
            else None
        )
        self.default_published = normalise_date(options.published) if options.published else None
        if options.published and self.default_published is None:
            report.add_warning(
                Messages.BAD_DATE.format(path="--published", value=options.published)
            )

    def _furniture(self, text: str) -> tuple[tuple[int, int], ...]:
        if not self.options.furniture:
            return ()
        return tuple(find_furniture(text, self.furniture_rules))

    def finish(self, draft: Draft) -> InputDocument | None:
        if not draft.text.strip():
            self.report.add_skip(draft.source, Messages.EMPTY.format(path=draft.source))
            return None
        digest = hashlib.sha256(draft.text.encode("utf-8", "surrogatepass")).digest()
        key = int.from_bytes(digest[:8], "big")
        first = self.seen.get(key)
        if first is not None:
            name = self.names.unpack(first)
            self.report.add_skip(
                draft.source, Messages.DUPLICATE.format(path=draft.source, first=name)
            )
            return None
        self.seen[key] = self.names.pack(draft.source)
        sha = digest.hex()
        published = None
        if _clean(draft.published) is not None:
            published = normalise_date(draft.published)
            if published is None:
                self.report.add_warning(
                    Messages.BAD_DATE.format(path=draft.source, value=draft.published)
                )
        published_from = "metadata" if published else None
        if published is None:
            # a dateline or date line at the top of the text, before the run's default
            found = date_from_text(draft.text)
            if found is not None:
                published, published_from = found
        if published is None and self.default_published:
            published, published_from = self.default_published, "metadata"
        doc = InputDocument(
            doc_id=_clean(draft.doc_id) or sha[:16],
            text=draft.text,
            title=_clean(draft.title),
            outlet=_clean(draft.outlet) or self.options.outlet,
            published=published,
            published_from=published_from,
            url=_clean(draft.url),
            source=draft.source,
            sha256=sha,
            ignore=self._furniture(draft.text),
        )
        self.report.read += 1
        return doc


def read_documents(
    paths: Iterable[str | Path] | str | Path,
    options: IngestOptions | None = None,
    report: IngestReport | None = None,
) -> Iterator[InputDocument]:
    """Stream documents from files, directories, ``-`` (stdin) and http(s) URLs.

    Formats: ``.txt``/``.md``, ``.html``/``.htm``, ``.json`` (object, list or JSON Lines such
    as re3d's ``documents.json``), ``.jsonl``, ``.csv``/``.tsv``. Directories are read
    recursively in sorted order. Content already seen in the run is skipped and reported once.
    Bad inputs are reported in ``report`` and skipped; nothing is raised for them.

    Args:
        paths: one path/URL/``-`` or an iterable of them.
        options: reading options (defaults: :class:`IngestOptions`).
        report: collects counts and one-line messages (a fresh one when omitted).

    Yields:
        One :class:`InputDocument` per document, in input order.

    Example:
        >>> import tempfile, pathlib
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (d / "a.txt").write_text("Iran and the US both fight ISIL.\\n")
        >>> [doc.text for doc in read_documents(d)]
        ['Iran and the US both fight ISIL.\\n']
    """

    opts = options or IngestOptions()
    rep = report if report is not None else IngestReport()
    if isinstance(paths, str | Path):
        paths = [paths]
    finisher = _Finisher(opts, rep)
    for draft in iter_drafts(paths, opts, rep):
        doc = finisher.finish(draft)
        if doc is not None:
            yield doc
