"""What ingestion reads and reports: input documents, options, the run report, reader drafts."""

from __future__ import annotations

import codecs
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError, Messages
from ..schema import Document

logger = logging.getLogger("allegiance.ingest")


@dataclass(frozen=True, slots=True, kw_only=True)
class InputDocument:
    """One document to analyse: its text exactly as given, plus metadata.

    ``ignore`` holds character ranges of page furniture (bylines, "Most Read"...) from which
    nothing should be extracted; the text itself is never changed. ``lang`` is the language
    the document was read in (set by extraction: a guess from its text, else the model's).
    """

    doc_id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    #: where ``published`` came from ("metadata", "dateline", "text"; None when undated)
    published_from: str | None = None
    url: str | None = None
    source: str | None = None
    sha256: str
    ignore: tuple[tuple[int, int], ...] = ()
    lang: str | None = None

    def to_record(self, *, include_text: bool = False) -> Document:
        """The ``document`` record (see :mod:`allegiance.schema`).

        Args:
            include_text: also carry the text in the record.
        """
        return Document(
            doc_id=self.doc_id,
            title=self.title,
            outlet=self.outlet,
            published=self.published,
            published_from=self.published_from,  # type: ignore[arg-type]
            url=self.url,
            n_chars=len(self.text),
            sha256=self.sha256,
            source=self.source,
            text=self.text if include_text else None,
            lang=self.lang or "en",
        )


@dataclass(frozen=True, kw_only=True)
class IngestOptions:
    """How inputs are read: metadata defaults, limits and column names.

    ``outlet`` and ``published`` apply only to documents that lack them. ``max_bytes`` limits
    a file read whole (text, HTML, JSON, stdin text, URLs) and each record of a streamed file
    (JSON Lines, CSV/TSV), whose total size is not limited. ``furniture`` turns page-furniture
    recognition on (the default) or off; ``furniture_rules`` are user YAML files of extra rules
    (same shape as the bundled ``furniture.yaml``; a rule with the same name replaces it).
    ``encoding`` applies to inputs without a byte-order mark (a BOM always wins).
    ``max_json_depth`` is the deepest nesting of arrays and objects accepted in a JSON value.
    ``timeout`` limits each network operation of a URL, ``fetch_deadline`` the whole fetch.

    Raises:
        InputError: for an unknown ``encoding`` or a limit that is not positive.
    """

    outlet: str | None = None
    published: str | None = None
    max_bytes: int = 20_000_000
    id_field: str = "id"
    text_field: str = "text"
    title_field: str = "title"
    outlet_field: str = "outlet"
    published_field: str = "published"
    url_field: str = "url"
    timeout: float = 10.0
    fetch_deadline: float = 60.0
    encoding: str = "utf-8"
    max_json_depth: int = 64
    furniture: bool = True
    furniture_rules: tuple[str | Path, ...] = ()

    def __post_init__(self) -> None:
        try:
            text_codec = getattr(codecs.lookup(self.encoding), "_is_text_encoding", True)
        except (LookupError, TypeError):
            text_codec = False
        if not text_codec:
            raise InputError(Messages.BAD_ENCODING_OPTION.format(encoding=self.encoding))
        for name in ("max_bytes", "max_json_depth", "timeout", "fetch_deadline"):
            if not getattr(self, name) > 0:
                reason = f"must be positive, not {getattr(self, name)!r}"
                raise InputError(Messages.BAD_OPTION.format(name=name, reason=reason))


@dataclass
class IngestReport:
    """What happened while reading: documents read, inputs skipped, warnings.

    Attributes:
        read: number of documents yielded.
        skipped: ``(source, message)`` for every input or record that was skipped.
        warnings: every problem as a one-line message, in order (skips included).
        log: also log each message to the ``allegiance.ingest`` logger (the CLI turns this
            off and prints the messages itself).
    """

    read: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    log: bool = True

    def add_skip(self, source: str, message: str) -> None:
        """Record that ``source`` was skipped, with a one-line message naming it."""
        self.skipped.append((source, message))
        self._emit(message)

    def reject(self, source: str, message: str) -> None:
        """A document already counted as read was skipped later (e.g. by the model)."""
        self.read = max(0, self.read - 1)
        self.add_skip(source, message)

    def add_warning(self, message: str) -> None:
        """Record a one-line warning (the input is still processed)."""
        self._emit(message)

    def _emit(self, message: str) -> None:
        message = " ".join(message.split())
        self.warnings.append(message)
        if self.log:
            logger.warning("%s", message)

    def summary(self) -> str:
        """One line: ``"read 12 documents, skipped 2"``."""
        noun = "document" if self.read == 1 else "documents"
        return f"read {self.read} {noun}, skipped {len(self.skipped)}"


@dataclass(slots=True, kw_only=True)
class Draft:
    """A document as a reader found it, before ids, defaults and dedupe are applied."""

    text: str
    source: str
    doc_id: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: Any = None
    url: str | None = None
