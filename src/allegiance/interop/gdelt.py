"""Read GDELT event files (2.0: 61 tab-separated columns, no header) as allegiance records.

Each event with two actors and a CAMEO code that PLOVER covers becomes a document and a
relation (convention in :mod:`.events`, mapping in docs/interop.md): Actor1 is the source,
Actor2 the target, EventCode goes through the CAMEO table, GoldsteinScale is the intensity,
SQLDATE the date, SOURCEURL the url and its host the outlet; QuadClass and the code stay in the
relation's provenance. The reader is tolerant of the files' known quirks: a header line or not,
GDELT 1.0 rows (57 or 58 columns), trailing empty columns, short or long rows, bad dates, empty
codes and bytes that are not UTF-8; a ``.zip`` as published is read directly. Each bad row is one warning naming file:line; the rest is read.
"""

from __future__ import annotations

import math
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING

from ..errors import InputError
from ..lexicon import load_lexicon
from ..schema import Document, Relation
from .cameo import CameoTable, load_cameo, normalize_code
from .events import DEFAULT_CONFIDENCE, CodedEvent, ImportReport, event_records, iso_date

if TYPE_CHECKING:
    from ..kb import ActorKB

__all__ = ["GDELT_COLUMNS", "read_gdelt"]

_ACTOR = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
    "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
)  # fmt: skip
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

#: The 61 columns of a GDELT 2.0 events export file, in order (GDELT 2.0 event codebook).
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR), *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{c}" for who in ("Actor1", "Actor2", "Action") for c in _GEO),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip
#: GDELT 1.0 lacks the three ADM2Code columns; its daily files end with DATEADDED and
#: SOURCEURL (58 columns), its historical backfiles with DATEADDED only (57).
_V1_COLUMNS = tuple(c for c in GDELT_COLUMNS if not c.endswith("ADM2Code"))
_LAYOUTS = {61: GDELT_COLUMNS, 58: _V1_COLUMNS, 57: _V1_COLUMNS[:-1]}


def _decode(raw: bytes, where: str, report: ImportReport) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        # GDELT rows carry names and URLs from every language; a few come in Latin-1/CP1252.
        report.warn(f"{where}: invalid UTF-8, read as Windows-1252")
        return raw.decode("cp1252", errors="replace")


def _layout(fields: list[str]) -> tuple[str, ...] | None:
    n = len(fields)
    while n > 57 and n not in _LAYOUTS and fields[n - 1] == "":
        n -= 1  # trailing tabs
    if n in _LAYOUTS:
        del fields[n:]
        return _LAYOUTS[n]
    return None


def _float(value: str) -> float | None:
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _lines(source: str | Path | IO[bytes]) -> Iterator[tuple[int, bytes]]:
    if isinstance(source, (str, Path)):
        path = Path(source)
        try:
            if path.suffix.lower() == ".zip":
                # GDELT and ICEWS publish their files zipped, one data file per archive
                with zipfile.ZipFile(path) as archive:
                    members = [m for m in archive.namelist() if not m.endswith("/")]
                    if len(members) != 1:
                        raise InputError(
                            f"{path}: a zip archive of {len(members)} files; unzip it and "
                            "import the events file"
                        )
                    with archive.open(members[0]) as fp:
                        yield from enumerate(fp, 1)
            else:
                with path.open("rb") as fp:
                    yield from enumerate(fp, 1)
        except zipfile.BadZipFile as exc:
            raise InputError(f"{path}: not a readable zip archive ({exc})") from exc
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    else:
        yield from enumerate(source, 1)


def read_gdelt(
    source: str | Path | IO[bytes],
    *,
    kb: ActorKB | None = None,
    table: CameoTable | None = None,
    confidence: float = DEFAULT_CONFIDENCE,
    report: ImportReport | None = None,
    name: str | None = None,
) -> Iterator[Document | Relation]:
    """Stream the document and relation records of a GDELT events file.

    Args:
        source: a path or a binary file object (``name`` then names it in warnings).
        kb: the actor KB; actor codes map to its ids (``IRNMIL`` -> ``IRN.MIL``), codes it
            does not know stay as ``cameo:CODE``.
        table: the CAMEO correspondence (the packaged one by default).
        confidence: the confidence of every imported relation.
        report: collects warnings (one per bad row) and counts.

    Raises:
        InputError: when the file cannot be opened.

    Example:
        >>> import io
        >>> row = ["1", "20240105"] + [""] * 59
        >>> row[5:8] = ["USA", "UNITED STATES", "USA"]; row[15:18] = ["IRN", "IRAN", "IRN"]
        >>> row[26] = "195"; row[30] = "-10"; row[60] = "https://example.org/a"
        >>> recs = list(read_gdelt(io.BytesIO("\\t".join(row).encode()), name="x.csv"))
        >>> recs[1].category, recs[1].mode, recs[1].sentence.text, recs[0].published
        ('ASSAULT', 'aerial', 'UNITED STATES [employ aerial weapons] IRAN', '2024-01-05')
    """
    where = name or (str(source) if isinstance(source, (str, Path)) else "<stream>")
    report = report if report is not None else ImportReport()
    table = table or load_cameo()
    lexicon = load_lexicon()
    for lineno, raw in _lines(source):
        text = _decode(raw, f"{where}:{lineno}", report).rstrip("\r\n")
        if not text.strip():
            continue
        fields = text.split("\t")
        if fields[0].strip().upper() == "GLOBALEVENTID":
            continue  # a header line (files cut from BigQuery or spreadsheets have one)
        report.counts["rows"] += 1
        layout = _layout(fields)
        if layout is None:
            report.counts["bad_rows"] += 1
            report.warn(
                f"{where}:{lineno}: {len(fields)} columns, expected 61 (GDELT 2.0) or 57/58 "
                "(GDELT 1.0); row skipped"
            )
            continue
        row = dict(zip(layout, (f.strip() for f in fields), strict=True))
        event = _row_event(row, where, lineno, table, kb, report)
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


def _row_event(
    row: dict[str, str],
    where: str,
    lineno: int,
    table: CameoTable,
    kb: ActorKB | None,
    report: ImportReport,
) -> CodedEvent | None:
    """The coded event of one GDELT row; None (with a warning or a count) when it has none."""
    event_id = row["GLOBALEVENTID"]
    if not event_id.isdigit():
        report.counts["bad_rows"] += 1
        report.warn(f"{where}:{lineno}: GLOBALEVENTID {event_id!r} is not a number; row skipped")
        return None
    code = next(
        (
            c
            for c in (row["EventCode"], row["EventBaseCode"], row["EventRootCode"])
            if normalize_code(c) is not None
        ),
        None,
    )
    if code is None:
        report.counts["bad_rows"] += 1
        report.warn(
            f"{where}:{lineno}: no CAMEO event code (EventCode {row['EventCode']!r}); row skipped"
        )
        return None
    day = iso_date(row["SQLDATE"])
    if day is None:
        day = iso_date(row.get("DATEADDED", ""))
        report.warn(
            f"{where}:{lineno}: SQLDATE {row['SQLDATE']!r} is not a date; "
            + (f"DATEADDED {day} used" if day else "left empty")
        )
    ids = []
    for n in ("1", "2"):
        ids.append(
            table.actor_id(
                row[f"Actor{n}Code"],
                country=row[f"Actor{n}CountryCode"],
                group=row[f"Actor{n}KnownGroupCode"],
                kb=kb,
            )
        )
    if ids[0] is None or ids[1] is None:
        report.counts["one_sided"] += 1
        return None
    url = row.get("SOURCEURL") or None
    return CodedEvent(
        dataset="gdelt",
        event_id=event_id,
        code=normalize_code(code) or code,
        source_text=row["Actor1Name"] or row["Actor1Code"],
        source_id=ids[0],
        target_text=row["Actor2Name"] or row["Actor2Code"],
        target_id=ids[1],
        date=day,
        intensity=_float(row["GoldsteinScale"]),
        url=url,
    )
