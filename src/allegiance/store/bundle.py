"""The analysis bundle read from the store (``allegiance analyze --store``).

The network and its measures come from :func:`~allegiance.store.network.network_from_store`
(relations streamed by actor pair); documents, relations, quotes and numbers are streamed and
only what the bundle embeds is kept. Without limits the bundle equals
:func:`allegiance.analysis.bundle_from_records` on the same records; with ``evidence_per_tie``
and ``max_records`` it embeds the network, the findings and each tie's heaviest evidence, and
``meta.truncated`` says what was left out and the query that gives the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from ..bundle import Bundle, add_events, run_meta
from ..errors import AnalysisError
from ..network.ties import TieWeights
from .core import CorpusStore
from .network import DocFilter, network_from_store

__all__ = ["bundle_from_store", "check_rules"]


def check_rules(store: CorpusStore, *, allow_mixed: bool = False) -> dict[str, int]:
    """The documents per rules key; an error when they differ, unless ``allow_mixed``.

    Raises:
        AnalysisError: when the store mixes records of different extraction rules.
    """
    keys = store.rules_keys()
    if len(keys) > 1 and not allow_mixed:
        detail = ", ".join(f"{n} under {k}" for k, n in keys.items())
        raise AnalysisError(
            f"{store.path}: documents were extracted under {len(keys)} different rules "
            f"({detail}); run `allegiance store reextract {store.path}` with the current "
            "options, or pass --mixed-rules to analyse them together"
        )
    return keys


def bundle_from_store(
    store_path: str | Path,
    *,
    level: str = "actor",
    min_evidence: int = 1,
    kb_paths: tuple[str, ...] = (),
    exact_node_limit: int = 2000,
    time_limit: float = 10.0,
    tie_weights: TieWeights | None = None,
    min_confidence: float = 0.0,
    include_history: bool = False,
    where: DocFilter | None = None,
    evidence_per_tie: int | None = None,
    max_records: int | None = None,
    allow_mixed: bool = False,
    meta: dict[str, Any] | None = None,
) -> Bundle:
    """Analyse the records of a store into the report bundle (docs/bundle.md, docs/store.md).

    Args:
        store_path: the DuckDB corpus store.
        level, min_evidence, kb_paths, exact_node_limit, time_limit, tie_weights,
            min_confidence, include_history: as for
            :func:`~allegiance.analysis.bundle_from_records`.
        where: which documents (``--since``, ``--until``, ``--only-outlet``, ``--actor``).
        evidence_per_tie: embed at most this many reports per tie (all when None).
        max_records: embed at most this many documents, quotes and numbers (all when None);
            the relations embedded are those of the ties' kept reports.
        allow_mixed: analyse documents extracted under different rules together.
        meta: extra metadata to put under ``meta``.
    """
    from ..network import network_summary
    from ..network.rollup import actor_rollup

    where = where or DocFilter()
    weights = tie_weights or TieWeights()
    with CorpusStore(store_path, read_only=True) as store:
        keys = check_rules(store, allow_mixed=allow_mixed)

        def read(kinds: tuple[str, ...], cond: str | None = None, params: Any = None) -> Any:
            found = store.records(
                kinds,
                doc_where=where.where if cond is None else cond,
                params=where.params if params is None else params,
            )
            return _confident(found, min_confidence)

        # names chained across the corpus are one actor, as in the in-memory path
        rollup = actor_rollup(read(("mention",)), level=level, kb_paths=kb_paths)
        graph = network_from_store(
            store, level=level, rollup=rollup, min_evidence=min_evidence, weights=weights,
            where=where, evidence_per_tie=evidence_per_tie, min_confidence=min_confidence,
            include_history=include_history,
        )  # fmt: skip
        summary = network_summary(graph, exact_node_limit=exact_node_limit, time_limit=time_limit)
        summary.counts.actors_mentioned = _actors_mentioned(store, where)
        limited = evidence_per_tie is not None or max_records is not None
        evidence = set(graph.graph.get("evidence", {})) if limited else None
        embedded, totals = _embed(read(_EMBEDDED), evidence, max_records)
        comparison = compare_by_outlet(store, where, rollup=rollup, weights=weights, read=read)
        bundle = Bundle(
            **dict(summary),
            meta=run_meta(
                n_documents=totals["documents"], level=level, since=where.since,
                until=where.until, include_history=include_history,
                min_confidence=min_confidence, store=str(store_path), rules_keys=keys,
                **(meta or {}),
            ),
            outlets=comparison.get("outlets", {}),
            outlet_differences=comparison.get("outlet_differences", {}),
            history=graph.graph.get("history", []),
            documents=embedded["documents"], relations=embedded["relations"],
            acts=embedded["acts"], quotes=embedded["quotes"], quantities=embedded["quantities"],
        )  # fmt: skip
        # events: one streaming pass over documents, mentions (names, countries) and relations
        add_events(bundle, read(("document", "mention", "relation")), kb_paths)
    _truncate(bundle, totals, store_path, evidence_per_tie, max_records)
    return bundle


_EMBEDDED = ("document", "relation", "act", "quote", "quantity")
_PLURAL = {"document": "documents", "relation": "relations", "act": "acts", "quote": "quotes",
           "quantity": "quantities"}  # fmt: skip


def _confident(records: Iterable[Any], min_confidence: float) -> Iterator[Any]:
    """The records, without the relations below ``min_confidence`` (as in memory)."""
    for record in records:
        if record.kind in ("relation", "act") and record.confidence < min_confidence:
            continue
        yield record


def _actors_mentioned(store: CorpusStore, where: DocFilter) -> int:
    """Every actor a mention names, after the roll-up (``counts.actors_mentioned``)."""
    row = store.con.execute(
        "SELECT count(DISTINCT ro.node) FROM mentions m JOIN _roll ro USING (actor_id) "
        f"WHERE m.doc_seq IN {where.docs()}",
        where.params,
    ).fetchone()
    return int(row[0]) if row else 0


def _embed(
    records: Iterable[Any], evidence: set[str] | None, max_records: int | None
) -> tuple[dict[str, list[dict[str, Any]]], dict[str, int]]:
    """The records the bundle embeds (by plural kind) and how many there are in all."""
    out: dict[str, list[dict[str, Any]]] = {plural: [] for plural in _PLURAL.values()}
    totals = dict.fromkeys(_PLURAL.values(), 0)
    for record in records:
        plural = _PLURAL[record.kind]
        totals[plural] += 1
        if record.kind == "relation":
            if evidence is None or getattr(record, "id", None) in evidence:
                out[plural].append(record.model_dump())
        elif max_records is None or len(out[plural]) < max_records:
            exclude = {"text"} if record.kind == "document" else None
            out[plural].append(record.model_dump(exclude=exclude))
    return out, totals


def _truncate(
    bundle: Bundle,
    totals: dict[str, int],
    store_path: str | Path,
    evidence_per_tie: int | None,
    max_records: int | None,
) -> None:
    """Cut the events and the outlets' numbers to the limits; ``meta.truncated`` says what
    was left out and how to get the rest."""
    cut_numbers = {}
    n_events = len(bundle.events)
    if max_records is not None and n_events > max_records:
        # the most reported events first; the event timeline keeps every month's counts
        ranked = sorted(bundle.events, key=lambda e: -len(e.get("reports") or []))
        bundle.events = ranked[:max_records]
    if evidence_per_tie is not None:
        # an event keeps its count (n_reports) and embeds its first reports only
        for event in bundle.events:
            event["reports"] = (event.get("reports") or [])[:evidence_per_tie]
            event["doc_ids"] = (event.get("doc_ids") or [])[:evidence_per_tie]
    if max_records is not None:
        # each outlet's profile lists every number it reports: keep the first max_records
        for name, profile in bundle.outlets.items():
            numbers = profile.get("quantities") or []
            if len(numbers) > max_records:
                cut_numbers[name] = len(numbers)
                profile["quantities"] = numbers[:max_records]
    embedded = {plural: len(getattr(bundle, plural)) for plural in _PLURAL.values()}
    embedded["events"] = len(bundle.events)
    totals = {**totals, "events": n_events}
    if embedded != totals or cut_numbers:
        bundle.meta.truncated = {
            "outlet_numbers": cut_numbers,
            "embedded": embedded,
            "total": totals,
            "evidence_per_tie": evidence_per_tie,
            "how_to_get_the_rest": (
                f'allegiance store query {store_path} "SELECT sentence.text, source.actor_id, '
                "target.actor_id, category FROM relations WHERE source.actor_id = 'A' AND "
                "target.actor_id = 'B'\" (or: allegiance store export STORE parquet/)"
            ),
        }


def actor_infos(store: CorpusStore, where: DocFilter) -> dict[str, Any]:
    """What the mention records say of each actor, by SQL: the most common name (the first
    written among equals), and the type, parent and country of its first mention."""
    from ..compare.outlets import ActorInfo

    rows = store.con.execute(
        f"""
        WITH m AS (SELECT * FROM mentions WHERE doc_seq IN {where.docs()}),
        names AS (
            SELECT actor_id, actor_name, count(*) AS n, min(seq) AS first
            FROM m GROUP BY actor_id, actor_name
        ),
        best AS (
            SELECT actor_id, arg_max(actor_name, n * 1e12 - first) AS name FROM names
            GROUP BY actor_id
        ),
        head AS (
            SELECT actor_id, arg_min(actor_type, seq) AS actor_type,
                   arg_min(parent_id, seq) AS parent_id, arg_min(country, seq) AS country,
                   min(seq) AS first
            FROM m GROUP BY actor_id
        )
        SELECT h.actor_id, b.name, h.actor_type, h.parent_id, h.country
        FROM head h JOIN best b USING (actor_id) ORDER BY h.first
        """,
        where.params,
    ).fetchall()
    return {
        str(a): ActorInfo(name=str(name), actor_type=t, parent_id=p, country=c)
        for a, name, t, p, c in rows
    }


def compare_by_outlet(
    store: CorpusStore,
    where: DocFilter,
    *,
    rollup: Callable[[str], str] | None,
    weights: TieWeights,
    read: Callable[..., Iterable[Any]] | None = None,
) -> dict[str, Any]:
    """The outlet comparison with one outlet's records in memory at a time.

    Each outlet's profile is :func:`~allegiance.compare.compare_outlets` on that outlet's
    documents, with the actor facts of the whole corpus (from SQL, as the in-memory path
    reads them from every mention); the differences are computed from the profiles.
    ``read(kinds, condition, params)`` reads the records (the store's, unfiltered, when None).
    """
    from ..compare import compare_outlets
    from ..compare.differences import outlet_differences
    from ..compare.model import OutletComparison
    from ..compare.outlets import UNKNOWN, _Infos, _roll_country

    infos = actor_infos(store, where)
    groups: dict[str, list[str | None]] = {}
    for (value,) in store.con.execute(
        f"SELECT DISTINCT d.outlet FROM documents d {'WHERE ' + where.where if where.where else ''}",
        where.params,
    ).fetchall():
        key = value.strip() if value and value.strip() else UNKNOWN
        groups.setdefault(key, []).append(value)
    profiles = {}
    for key in sorted(groups):
        values = [v for v in groups[key] if v is not None]
        parts = []
        if values:
            parts.append(f"d.outlet IN ({', '.join('?' * len(values))})")
        if None in groups[key]:
            parts.append("d.outlet IS NULL")
        cond = "(" + " OR ".join(parts) + ")"
        cond = f"{where.where} AND {cond}" if where.where else cond
        params = [*where.params, *values]
        records = (
            read(store_kinds(), cond, params)
            if read is not None
            else store.records(store_kinds(), doc_where=cond, params=params)
        )
        part = compare_outlets(records, rollup=rollup, actors=infos, weights=weights)
        profiles.update(part.outlets)
    known = _Infos((), infos)
    comparison = OutletComparison(
        outlets=dict(sorted(profiles.items())),
        differences=outlet_differences(
            profiles, min_mentions=3, country=lambda actor_id: _roll_country(known, actor_id)
        ),
        by="outlet",
    )
    return comparison.to_dict()


def store_kinds() -> tuple[str, ...]:
    """The record kinds an analysis reads."""
    return ("document", "mention", "relation", "act", "quote", "quantity")
