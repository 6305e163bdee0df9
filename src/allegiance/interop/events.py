"""Turn one coded event of another dataset (GDELT, ICEWS) into allegiance records.

Convention (docs/interop.md): an imported event becomes a tiny synthetic document whose text is
one evidence line, ``"SOURCE [what CAMEO says happened] TARGET"``, for example
``"UNITED STATES [employ aerial weapons] IRAN"`` (ICEWS's own Event Text is the bracketed part). All
offsets of the relation (sentence, source, target, trigger) index into that line, so the
records validate and every analysis reads them like extracted ones. The document keeps the
dataset's date (``published``), source URL and outlet; the relation keeps the dataset, the
event id, the CAMEO code and its quad class in ``provenance``.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from ..schema import ActorArg, Document, Provenance, Relation, SentenceRef, TextSpan
from .cameo import CameoTable

if TYPE_CHECKING:
    from ..kb import ActorKB
    from ..lexicon import Lexicon

__all__ = ["DEFAULT_CONFIDENCE", "CodedEvent", "ImportReport", "event_records", "iso_date"]

log = logging.getLogger(__name__)

#: Confidence given to an imported relation: machine-coded events without the sentence that
#: supports them weigh half of a relation allegiance read itself (override per import).
DEFAULT_CONFIDENCE = 0.5


@dataclass
class ImportReport:
    """What an import read, kept and skipped; ``warnings`` are one line each (file:line: ...)."""

    log: bool = True
    warnings: list[str] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)

    def warn(self, message: str) -> None:
        self.warnings.append(message)
        if self.log:
            log.warning(message)

    def summary(self) -> str:
        """One line: rows read, relations written and why the others were not."""
        c = self.counts
        parts = [f"{c['rows']} rows read", f"{c['relations']} relations written"]
        for key, label in (
            ("bad_rows", "bad rows skipped"),
            ("one_sided", "one-sided events (no target) skipped"),
            ("not_plover", "events PLOVER does not code (CAMEO 01 statements) skipped"),
            ("self_loops", "events of an actor with itself skipped"),
        ):
            if c[key]:
                parts.append(f"{c[key]} {label}")
        return "; ".join(parts)


@dataclass(frozen=True, slots=True)
class CodedEvent:
    """One event as a dataset codes it, before it becomes records."""

    dataset: str
    event_id: str
    code: str
    source_text: str
    source_id: str
    target_text: str
    target_id: str
    date: str | None = None
    intensity: float | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    #: the dataset's own words for the event (ICEWS Event Text); the CAMEO table's otherwise
    verb: str | None = None


def iso_date(value: str) -> str | None:
    """``YYYYMMDD``, ``YYYYMMDDHHMMSS`` or ``YYYY-MM-DD`` as an ISO date, else ``None``.

    >>> iso_date("20240131"), iso_date("20240131120000"), iso_date("2024-01-31"), iso_date("2024")
    ('2024-01-31', '2024-01-31', '2024-01-31', None)
    """
    text = value.strip()
    if len(text) in (8, 12, 14) and text.isdigit():
        text = f"{text[:4]}-{text[4:6]}-{text[6:8]}"
    try:
        return date.fromisoformat(text[:10]).isoformat() if len(text) >= 10 else None
    except ValueError:
        return None


def outlet_of(url: str | None) -> str | None:
    """The host of a source URL without ``www.`` (the outlet), or ``None``."""
    if not url:
        return None
    host = urlparse(url.strip()).hostname or ""
    return host.removeprefix("www.") or None


def _name(actor_id: str, fallback: str, kb: ActorKB | None) -> str:
    actor = kb.get(actor_id) if kb is not None else None
    return actor.name if actor is not None else fallback


def event_records(
    event: CodedEvent,
    table: CameoTable,
    lexicon: Lexicon,
    *,
    kb: ActorKB | None = None,
    confidence: float = DEFAULT_CONFIDENCE,
    report: ImportReport | None = None,
) -> Iterator[Document | Relation]:
    """The document and relation records of one coded event (none when PLOVER has no category).

    Args:
        event: the event as read from the dataset.
        table: the CAMEO correspondence (:func:`~allegiance.interop.cameo.load_cameo`).
        lexicon: supplies each category's sign, quad class and default intensity.
        kb: gives actor names for KB ids.
        confidence: the relation's confidence.
        report: counts events skipped for having no PLOVER category or one actor twice.
    """
    counts = report.counts if report is not None else Counter[str]()
    mapping = table.plover(event.code)
    if mapping is None or mapping.category is None:
        counts["not_plover"] += 1
        return
    if event.source_id == event.target_id:
        counts["self_loops"] += 1
        return
    info = lexicon.categories[mapping.category]
    verb = event.verb or table.name(event.code) or mapping.category.lower()
    src, tgt = event.source_text.strip(), event.target_text.strip()
    line = f"{src} [{verb}] {tgt}"
    trigger_start = len(src) + 2
    target_start = trigger_start + len(verb) + 2
    text = line
    intensity = info.intensity if event.intensity is None else event.intensity
    doc_id = f"{event.dataset}:{event.event_id}"
    yield Document(
        doc_id=doc_id,
        title=event.title,
        outlet=event.outlet or outlet_of(event.url),
        published=event.date,
        url=event.url or None,
        n_chars=len(text),
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        source=event.dataset,
        text=text,
    )
    yield Relation(
        id=f"{doc_id}:r",
        doc_id=doc_id,
        sentence=SentenceRef(text=line, start=0, end=len(line)),
        source=ActorArg(
            text=src,
            start=0,
            end=len(src),
            actor_id=event.source_id,
            actor_name=_name(event.source_id, src, kb),
        ),
        target=ActorArg(
            text=tgt,
            start=target_start,
            end=target_start + len(tgt),
            actor_id=event.target_id,
            actor_name=_name(event.target_id, tgt, kb),
        ),
        category=mapping.category,  # type: ignore[arg-type]
        mode=mapping.mode,
        quad_class=info.quad_class,  # type: ignore[arg-type]
        sign=info.sign,  # type: ignore[arg-type]
        intensity=max(-10.0, min(10.0, float(intensity))),
        trigger=TextSpan(text=verb, start=trigger_start, end=trigger_start + len(verb)),
        confidence=confidence,
        provenance=Provenance(
            dataset=event.dataset,
            id=event.event_id,
            code=event.code,
            quad_class=table.quad_class(event.code),
        ),
    )
    counts["relations"] += 1
