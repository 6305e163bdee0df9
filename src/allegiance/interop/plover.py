"""Export relations (and event records) as PLOVER event records and as CAMEO-coded rows.

A PLOVER record (docs/interop.md) names the event type and mode, the quad class, the actor
(source) and the recipient (target) with their KB ids, country and sector codes, the date, the
evidence sentence and the document it comes from. Negated and hypothetical relations are not
events and are left out unless asked for; so are the stances ALIGN and OPPOSE, which PLOVER
does not have. ``kind: event`` records (one happening reported across articles) are accepted
as plain dicts and exported with the fields they carry.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

from pydantic import BaseModel

from .cameo import CameoTable, load_cameo

if TYPE_CHECKING:
    from ..kb import ActorKB

__all__ = [
    "CAMEO_COLUMNS",
    "ExportOptions",
    "cameo_rows",
    "plover_records",
    "write_cameo",
    "write_plover",
]

_STANCES = frozenset({"ALIGN", "OPPOSE"})

#: Columns of the CAMEO export (tab-separated, one header line), in the style of PETRARCH and
#: Phoenix output: dates as YYYYMMDD, CAMEO actor and event codes, then allegiance's own ids.
CAMEO_COLUMNS = (
    "id", "date", "source_code", "target_code", "event_code", "root_code", "quad_class",
    "intensity", "source_id", "target_id", "source_name", "target_name", "plover", "lossy",
    "doc_id", "url", "evidence",
)  # fmt: skip


@dataclass(frozen=True, kw_only=True)
class ExportOptions:
    """Which relations an export keeps (facts only by default)."""

    include_negated: bool = False
    include_hypothetical: bool = False
    include_stances: bool = False


def _as_dict(record: Any) -> dict[str, Any]:
    if isinstance(record, BaseModel):
        return record.model_dump()
    return dict(record)


def _stream(records: Iterable[Any]) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """(item, its document) pairs, in input order as far as the documents allow.

    A relation is yielded as soon as its document has been seen (``extract`` writes each
    document before its records); one whose document comes later waits until the end, so
    memory holds the document table and only the relations that wait.
    """
    docs: dict[str, dict[str, Any]] = {}
    waiting: list[dict[str, Any]] = []
    for rec in records:
        d = _as_dict(rec)
        kind = d.get("kind")
        if kind == "document":
            docs[str(d.get("doc_id"))] = d
        elif kind in ("relation", "event"):
            doc = docs.get(str(d.get("doc_id")))
            if doc is not None or d.get("doc_id") is None:
                yield d, doc or {}
            else:
                waiting.append(d)
    for d in waiting:
        yield d, docs.get(str(d.get("doc_id")), {})


def _actor_fields(prefix: str, arg: Any, kb: ActorKB | None, table: CameoTable) -> dict[str, Any]:
    if isinstance(arg, str):
        arg = {"actor_id": arg}
    arg = arg if isinstance(arg, Mapping) else {}
    actor_id = arg.get("actor_id")
    actor = kb.get(actor_id) if kb is not None and actor_id else None
    code = table.actor_code(actor_id, kb)
    return {
        prefix: arg.get("text") or arg.get("actor_name") or actor_id,
        f"{prefix}_id": actor_id,
        f"{prefix}_name": (actor.name if actor else None) or arg.get("actor_name"),
        f"{prefix}_country": (kb.country_of(actor_id) if kb is not None and actor_id else None)
        or arg.get("country"),
        f"{prefix}_sector": actor.sector if actor else None,
        f"{prefix}_type": actor.type if actor else None,
        f"{prefix}_cameo": code,
        f"{prefix}_agent": table.agent_code(actor_id),
    }


def _keep(item: Mapping[str, Any], options: ExportOptions, counts: Counter[str]) -> bool:
    if item.get("negated") and not options.include_negated:
        counts["negated"] += 1
        return False
    if item.get("hypothetical") and not options.include_hypothetical:
        counts["hypothetical"] += 1
        return False
    if item.get("category") in _STANCES and not options.include_stances:
        counts["stances"] += 1
        return False
    return True


def _date(item: Mapping[str, Any], doc: Mapping[str, Any]) -> str | None:
    time = item.get("time")
    if isinstance(time, Mapping) and time.get("start"):
        return str(time["start"])[:10]
    for key in ("date", "first_report", "first", "published"):
        if item.get(key):
            return str(item[key])[:10]
    published = doc.get("published")
    return str(published)[:10] if published else None


def plover_records(
    records: Iterable[Any],
    *,
    kb: ActorKB | None = None,
    table: CameoTable | None = None,
    options: ExportOptions | None = None,
    counts: Counter[str] | None = None,
) -> Iterator[dict[str, Any]]:
    """PLOVER event records (dicts) of the relation and event records among ``records``.

    Args:
        records: record models or dicts; document records supply date, url and outlet.
        kb: supplies each actor's country and sector codes.
        table: the CAMEO table, for the actors' CAMEO codes.
        options: which relations to keep (facts only by default).
        counts: when given, counts what was exported and what was left out, by reason.

    Example:
        >>> rel = {"kind": "relation", "id": "r1", "doc_id": "d1", "category": "ASSAULT",
        ...        "mode": "aerial", "quad_class": 4, "sign": -1, "intensity": -9.0,
        ...        "sentence": {"text": "US jets struck Iranian positions."},
        ...        "source": {"text": "US", "actor_id": "USA.MIL"},
        ...        "target": {"text": "Iranian positions", "actor_id": "IRN.MIL"}}
        >>> doc = {"kind": "document", "doc_id": "d1", "published": "2024-01-05"}
        >>> p = next(plover_records([doc, rel]))
        >>> p["event"], p["mode"], p["date"], p["actor_cameo"], p["recipient_agent"]
        ('ASSAULT', 'aerial', '2024-01-05', 'USAMIL', 'MIL')
    """
    table = table or load_cameo()
    options = options or ExportOptions()
    counts = counts if counts is not None else Counter()
    for item, doc in _stream(records):
        if not _keep(item, options, counts):
            continue
        category = item.get("category") or item.get("event")
        if not category:
            counts["no_category"] += 1
            continue
        sentence = item.get("sentence")
        trigger = item.get("trigger")
        provenance = item.get("provenance") or {}
        contexts = item.get("contexts") or item.get("context") or []
        out: dict[str, Any] = {
            "id": item.get("id"),
            "date": _date(item, doc),
            "event": category,
            "mode": item.get("mode"),
            "context": list(contexts) if isinstance(contexts, (list, tuple)) else [contexts],
            "quad_class": item.get("quad_class"),
            "intensity": item.get("intensity"),
        }
        out.update(_actor_fields("actor", item.get("source"), kb, table))
        out.update(_actor_fields("recipient", item.get("target"), kb, table))
        out.update(
            {
                "negated": bool(item.get("negated")),
                "hypothetical": bool(item.get("hypothetical")),
                "evidence": sentence.get("text") if isinstance(sentence, Mapping) else sentence,
                "trigger": trigger.get("text") if isinstance(trigger, Mapping) else trigger,
                "doc_id": item.get("doc_id"),
                "url": doc.get("url") or item.get("url"),
                "outlet": doc.get("outlet") or item.get("outlet"),
                "record_kind": item.get("kind"),
                "provenance": provenance.get("dataset") if provenance else "allegiance",
            }
        )
        for key in ("relations", "reports", "outlets", "location"):
            if key in item and item.get("kind") == "event":
                out[key] = item[key]
        counts["exported"] += 1
        yield out


def cameo_rows(
    records: Iterable[Any],
    *,
    kb: ActorKB | None = None,
    table: CameoTable | None = None,
    options: ExportOptions | None = None,
    counts: Counter[str] | None = None,
) -> Iterator[dict[str, Any]]:
    """The CAMEO-coded rows (dicts with :data:`CAMEO_COLUMNS`) of the relations and events.

    Each PLOVER category and mode goes through the table's ``from_plover`` section; the
    ``lossy`` column repeats the table's note where the CAMEO code says less or other.

    Example:
        >>> rel = {"kind": "relation", "id": "r1", "doc_id": "d1", "category": "AID",
        ...        "mode": "military", "quad_class": 2, "intensity": 7.0,
        ...        "source": {"text": "Tehran", "actor_id": "IRN.GOV"},
        ...        "target": {"text": "Hezbollah", "actor_id": "HEZBOLLAH"}}
        >>> row = next(cameo_rows([rel]))
        >>> row["event_code"], row["root_code"], row["quad_class"], row["source_code"]
        ('072', '07', 2, 'IRNGOV')
    """
    table = table or load_cameo()
    for p in plover_records(records, kb=kb, table=table, options=options, counts=counts):
        code = table.cameo(p["event"], p["mode"])
        day = p["date"]
        yield {
            "id": p["id"],
            "date": day.replace("-", "") if day else "",
            "source_code": p["actor_cameo"] or "",
            "target_code": p["recipient_cameo"] or "",
            "event_code": code.code,
            "root_code": code.code[:2],
            "quad_class": code.quad_class,
            "intensity": p["intensity"],
            "source_id": p["actor_id"],
            "target_id": p["recipient_id"],
            "source_name": p["actor_name"] or p["actor"],
            "target_name": p["recipient_name"] or p["recipient"],
            "plover": f"{p['event']}/{p['mode']}" if p["mode"] else p["event"],
            "lossy": code.lossy or "",
            "doc_id": p["doc_id"],
            "url": p["url"] or "",
            "evidence": " ".join(str(p["evidence"] or "").split()),
        }


def write_cameo(rows: Iterable[Mapping[str, Any]], fp: IO[str]) -> int:
    """Write CAMEO rows as tab-separated text with a header line; return the row count."""
    writer = csv.DictWriter(
        fp, fieldnames=CAMEO_COLUMNS, delimiter="\t", lineterminator="\n", extrasaction="ignore"
    )
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
        n += 1
    return n


def write_plover(records: Iterable[Mapping[str, Any]], fp: IO[str], *, array: bool = False) -> int:
    """Write PLOVER records as JSONL (or one JSON array when ``array``); return the count."""
    items = list(records) if array else records
    n = 0
    if array:
        json.dump(items, fp, ensure_ascii=False, indent=1)
        fp.write("\n")
        return len(items)  # type: ignore[arg-type]
    for item in items:
        fp.write(json.dumps(item, ensure_ascii=False))
        fp.write("\n")
        n += 1
    return n
