"""Read ICEWS-style event files (tab-separated, with a header) as allegiance records.

Columns are found by their header names (case and spacing folded), so files whose columns come
in another order, or that add columns, are read too: Event ID, Event Date, Source Name,
Source Sectors, Source Country, Event Text, CAMEO Code, Intensity, Target Name, Target
Sectors, Target Country, Story ID, Sentence Number, Publisher, City, District, Province,
Country, Latitude, Longitude. Actors resolve through the KB: a name the KB knows ("Taliban",
"Iran") is that actor; ICEWS's generic actors ("Police (India)", "Citizen (Iraq)") become the
country's sub-actor by their sector words (``icews_sectors`` in the CAMEO table); any other
name keeps its own id ``icews:NAME``. Each bad row is one warning naming file:line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING

from ..errors import InputError
from ..lexicon import load_lexicon
from ..schema import Document, Relation
from .cameo import CameoTable, load_cameo, normalize_code
from .events import DEFAULT_CONFIDENCE, CodedEvent, ImportReport, event_records, iso_date
from .gdelt import _decode, _float, _lines

if TYPE_CHECKING:
    from ..kb import ActorKB

__all__ = ["ICEWS_COLUMNS", "read_icews"]

#: The columns of an ICEWS coded event file, in the order the Dataverse release has them.
ICEWS_COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
    "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
    "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude",
    "Longitude",
)  # fmt: skip
_REQUIRED = ("Event ID", "Event Date", "Source Name", "CAMEO Code", "Target Name")
_GENERIC = re.compile(r"^(?P<role>.+?)\s*\((?P<country>[^()]+)\)\s*$")


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1].replace('""', '"')
    return value


class _Actors:
    """Resolve ICEWS actor names to ids, caching per (name, sectors, country)."""

    def __init__(self, table: CameoTable, kb: ActorKB | None) -> None:
        self.table, self.kb = table, kb
        self.cache: dict[tuple[str, str, str], str] = {}

    def _country(self, name: str) -> str | None:
        if self.kb is None or not name:
            return None
        actor = self.kb.lookup(name)
        return actor.country if actor is not None and actor.type == "state" else None

    def resolve(self, name: str, sectors: str, country: str) -> str:
        key = (name, sectors, country)
        if key in self.cache:
            return self.cache[key]
        actor_id = self._resolve(name, sectors, country)
        self.cache[key] = actor_id
        return actor_id

    def _resolve(self, name: str, sectors: str, country: str) -> str:
        kb = self.kb
        if kb is not None:
            actor = kb.lookup(name)
            if actor is not None:
                return actor.id
        generic = _GENERIC.match(name)
        if generic:
            nation = self._country(generic["country"]) or self._country(country)
            words = f"{generic['role']},{sectors}".lower()
            if nation:
                for word, role in self.table.icews_sectors:
                    if word in words and kb is not None and f"{nation}.{role}" in kb:
                        return f"{nation}.{role}"
                return f"icews:{name}"
        return f"icews:{name}"


def read_icews(
    source: str | Path | IO[bytes],
    *,
    kb: ActorKB | None = None,
    table: CameoTable | None = None,
    confidence: float = DEFAULT_CONFIDENCE,
    report: ImportReport | None = None,
    name: str | None = None,
) -> Iterator[Document | Relation]:
    """Stream the document and relation records of an ICEWS event file.

    Args:
        source: a path or a binary file object (``name`` then names it in warnings).
        kb: the actor KB that names resolve through (without it every actor is ``icews:NAME``).
        table: the CAMEO correspondence (the packaged one by default).
        confidence: the confidence of every imported relation.
        report: collects warnings (one per bad row) and counts.

    Raises:
        InputError: when the file cannot be opened or its header lacks a required column.

    Example:
        >>> import io
        >>> data = ("Event ID\\tEvent Date\\tSource Name\\tCAMEO Code\\tTarget Name\\n"
        ...         "7\\t2016-03-01\\tMilitary (Syria)\\t190\\tRebel Group (Syria)\\n")
        >>> recs = list(read_icews(io.BytesIO(data.encode()), name="e.tab"))
        >>> recs[1].category, recs[1].source.actor_id, recs[0].published
        ('ASSAULT', 'icews:Military (Syria)', '2016-03-01')
    """
    where = name or (str(source) if isinstance(source, (str, Path)) else "<stream>")
    report = report if report is not None else ImportReport()
    table = table or load_cameo()
    lexicon = load_lexicon()
    actors = _Actors(table, kb)
    columns: dict[str, int] | None = None
    for lineno, raw in _lines(source):
        text = _decode(raw, f"{where}:{lineno}", report).rstrip("\r\n")
        if not text.strip():
            continue
        fields = [_unquote(f) for f in text.split("\t")]
        if columns is None:
            columns = _header(fields, where, lineno)
            continue
        report.counts["rows"] += 1
        row = _fit_row(fields, columns, f"{where}:{lineno}", report)
        if row is None:
            continue
        event = _row_event(row, columns, actors, f"{where}:{lineno}", report)
        if event is None:
            continue
        yield from event_records(
            event,
            table,
            lexicon,
            kb=kb,
            confidence=confidence,
            report=report,
        )


def _header(fields: list[str], where: str, lineno: int) -> dict[str, int]:
    """Column positions of an ICEWS header line, by normalised name."""
    columns = {_key(f): i for i, f in enumerate(fields)}
    missing = [c for c in _REQUIRED if _key(c) not in columns]
    if missing:
        raise InputError(
            f"{where}:{lineno}: not an ICEWS header: no {', '.join(map(repr, missing))} "
            f"column (ICEWS files start with a header line: {', '.join(ICEWS_COLUMNS[:5])}, ...)"
        )
    return columns


def _fit_row(
    fields: list[str], columns: dict[str, int], at: str, report: ImportReport
) -> list[str] | None:
    """The row's fields, one per header column; None (with a warning) when they do not fit."""
    need = max(columns[_key(c)] for c in _REQUIRED) + 1
    while len(fields) > len(columns) and fields[-1] == "":
        fields.pop()  # trailing tabs
    if need <= len(fields) < len(columns):
        fields += [""] * (len(columns) - len(fields))  # optional last columns left off
    if len(fields) != len(columns):
        report.counts["bad_rows"] += 1
        report.warn(f"{at}: {len(fields)} columns, the header has {len(columns)}; row skipped")
        return None
    return fields


def _row_event(
    fields: list[str], columns: dict[str, int], actors: _Actors, at: str, report: ImportReport
) -> CodedEvent | None:
    """The coded event of one ICEWS row; None (with a warning or a count) when it has none."""

    def get(col: str) -> str:
        i = columns.get(_key(col))
        return fields[i] if i is not None else ""

    event_id = get("Event ID")
    code = normalize_code(get("CAMEO Code"))
    if not event_id or code is None:
        report.counts["bad_rows"] += 1
        what = "no Event ID" if not event_id else f"CAMEO Code {get('CAMEO Code')!r} is not a code"
        report.warn(f"{at}: {what}; row skipped")
        return None
    day = iso_date(get("Event Date"))
    if day is None:
        report.warn(f"{at}: Event Date {get('Event Date')!r} is not a date; left empty")
    src, tgt = get("Source Name"), get("Target Name")
    if not src or not tgt:
        report.counts["one_sided"] += 1
        return None
    story, sentence = get("Story ID"), get("Sentence Number")
    return CodedEvent(
        dataset="icews",
        event_id=event_id,
        code=code,
        source_text=src,
        source_id=actors.resolve(src, get("Source Sectors"), get("Source Country")),
        target_text=tgt,
        target_id=actors.resolve(tgt, get("Target Sectors"), get("Target Country")),
        date=day,
        intensity=_float(get("Intensity")),
        outlet=get("Publisher") or None,
        title=f"ICEWS story {story}, sentence {sentence}" if story else None,
        verb=get("Event Text").lower() or None,
    )
