"""The main job: ingest, extract, build the network, analyse it, compare outlets, report.

:func:`analyze` returns a JSON-ready bundle (documented in docs/bundle.md) that
:func:`allegiance.report.render_report` turns into the HTML report.
"""

from __future__ import annotations

import datetime as _dt
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .ingest import IngestOptions, IngestReport, demo_corpus_paths, read_documents
from .network.ties import TieWeights
from .nlp.pipeline import ExtractOptions, extract
from .schema import Document, Mention, Quantity, Quote, Relation

__all__ = ["AnalyzeOptions", "analyze", "analyze_store", "bundle_from_records"]

logger = logging.getLogger(__name__)

Record = Document | Mention | Relation | Quote | Quantity


@dataclass(frozen=True, kw_only=True)
class AnalyzeOptions:
    """Settings of one ``analyze`` run."""

    extract: ExtractOptions = field(default_factory=ExtractOptions)
    ingest: IngestOptions = field(default_factory=IngestOptions)
    level: str = "actor"
    min_evidence: int = 1
    exact_node_limit: int = 2000
    time_limit: float = 10.0
    tie_weights: TieWeights = field(default_factory=TieWeights)
    min_confidence: float = 0.0
    #: the period of the network (ISO dates, inclusive), by the time relations are about
    since: str | None = None
    until: str | None = None
    #: also count historical relations in the network (they are always listed in ``history``)
    include_history: bool = False


def bundle_from_records(
    records: Iterable[Record],
    *,
    level: str = "actor",
    min_evidence: int = 1,
    kb_paths: tuple[str, ...] = (),
    exact_node_limit: int = 2000,
    time_limit: float = 10.0,
    meta: dict[str, Any] | None = None,
    tie_weights: TieWeights | None = None,
    min_confidence: float = 0.0,
    since: str | None = None,
    until: str | None = None,
    include_history: bool = False,
) -> dict[str, Any]:
    """Analyse records (e.g. read back from ``allegiance extract``) into the report bundle.

    Args:
        records: documents, mentions, relations, quotes and quantities.
        level: roll-up of actors in the network: "actor", "parent" or "country".
        min_evidence: ties with less evidence are left out of the network.
        kb_paths: user knowledge-base files (for roll-up).
        exact_node_limit: solve the frustration index exactly up to this many nodes.
        time_limit: seconds for the frustration solver.
        meta: extra metadata (corpus, skipped inputs) to put under ``meta``.
        tie_weights: how reports weigh in a tie and when it is mixed (docs/network.md).
        min_confidence: relations with a lower confidence are left out (of every output).
        since, until: the period of the network (ISO dates): relations about that period, by
            their own time when they have one, else their document's date (docs/time.md).
        include_history: count historical relations in the network too; by default they
            are left out of it and listed under ``history``.

    The network, its summary, ``counts`` and the outlet comparison come from one
    aggregation (the same roll-up and weights), so every output tells one account.
    """
    from .compare import compare_outlets
    from .kb import ActorKB
    from .kb.merge import corpus_merges, merged_rollup
    from .network import build_network, network_summary

    records = [
        r for r in records if not (isinstance(r, Relation) and r.confidence < min_confidence)
    ]
    rollup: Callable[[str], str] | None = None
    kb = ActorKB.load(list(kb_paths))
    if level != "actor":
        rollup = lambda actor_id: kb.roll_up(actor_id, level)  # noqa: E731
    # names chained across the corpus (a surname, a defined name) are one actor
    rollup = merged_rollup(corpus_merges(records, kb), rollup)
    weights = tie_weights or TieWeights()
    graph = build_network(
        records,
        level=level,
        rollup=rollup,
        min_evidence=min_evidence,
        weights=weights,
        since=since,
        until=until,
        include_history=include_history,
    )
    summary = network_summary(graph, exact_node_limit=exact_node_limit, time_limit=time_limit)
    _normalise_summary(summary)
    summary["counts"]["actors_mentioned"] = len(
        {(rollup or str)(r.actor_id) for r in records if isinstance(r, Mention)}
    )
    comparison = compare_outlets(records, rollup=rollup, weights=weights).to_dict()
    docs = [r for r in records if isinstance(r, Document)]
    bundle: dict[str, Any] = {
        "meta": {
            "generated": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
            "version": _version(),
            "n_documents": len(docs),
            "level": level,
            "since": since,
            "until": until,
            "include_history": include_history,
            **(meta or {}),
        },
        "documents": [d.model_dump(exclude={"text"}) for d in docs],
        "relations": [r.model_dump() for r in records if isinstance(r, Relation)],
        **summary,
        "outlets": comparison.get("outlets", {}),
        "outlet_differences": comparison.get("outlet_differences", {}),
        "quotes": [r.model_dump() for r in records if isinstance(r, Quote)],
        "quantities": [r.model_dump() for r in records if isinstance(r, Quantity)],
        "history": graph.graph.get("history", []),
    }
    _add_events(bundle, records, kb_paths)
    return bundle


def _add_events(
    bundle: dict[str, Any], records: Iterable[Record], kb_paths: tuple[str, ...]
) -> None:
    """Cluster the relations into events (docs/events.md): ``events``, ``event_timeline``, and
    ``n_events`` beside ``n_reports`` on every tie."""
    from .events import cluster_events, event_timeline
    from .kb import ActorKB
    from .network.ties import count_events

    kb = ActorKB.load(list(kb_paths))
    events = cluster_events(records, rollup=lambda actor_id: kb.roll_up(actor_id, "country"))
    bundle["events"] = [e.model_dump() for e in events]
    bundle["event_timeline"] = event_timeline(events)
    event_of = {rep.relation_id: e.id for e in events for rep in e.reports}
    for edge in (bundle.get("network") or {}).get("edges") or []:
        edge["n_events"] = count_events(edge.get("relations") or [], event_of)


def _normalise_summary(summary: dict[str, Any]) -> None:
    """Bundle shapes documented in docs/bundle.md: camps as lists of actor ids and shared
    enemies as actor ids, with the full detail kept beside them."""
    coalitions = summary.get("coalitions")
    if isinstance(coalitions, dict):
        camps = coalitions.get("camps") or []
        if camps and isinstance(camps[0], dict):
            coalitions["camp_details"] = camps
            coalitions["camps"] = [list(c.get("members", [])) for c in camps]
    for item in summary.get("uneasy_alliances") or []:
        shared = item.get("shared_enemies") or []
        if shared and isinstance(shared[0], dict):
            item["shared_enemy_details"] = shared
            item["shared_enemies"] = [d.get("actor", d.get("id")) for d in shared]


def _version() -> str:
    from . import __version__

    return __version__


def analyze(
    paths: Iterable[str | Path] | None = None,
    *,
    options: AnalyzeOptions | None = None,
    report: IngestReport | None = None,
    progress: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    """Run the whole job on articles and return the bundle.

    Args:
        paths: files, directories, URLs or "-"; ``None`` or empty runs on the bundled demo
            corpus (public-domain CENTCOM and State Department texts).
        options: extraction, ingest and analysis settings.
        report: collects what was read and skipped.
        progress: called with the number of documents processed so far.

    Example:
        >>> bundle = analyze(["articles/"])          # doctest: +SKIP
        >>> bundle["uneasy_alliances"][0]["a_name"]  # doctest: +SKIP
    """
    options = options or AnalyzeOptions()
    report = report if report is not None else IngestReport()
    path_list = [str(p) for p in paths or ()]
    corpus = (
        ", ".join(path_list)
        if path_list
        else "bundled demo corpus (re3d: CENTCOM, US State Department)"
    )
    if not path_list:
        path_list = [str(p) for p in demo_corpus_paths()]
    ex = options.extract
    nlp = ex.pipeline()
    records: list[Record] = []
    n = 0
    documents = read_documents(path_list, options.ingest, report)
    stream = extract(documents, options=ex, nlp=nlp, report=report)
    try:
        for record in stream:
            records.append(record)
            if isinstance(record, Document):
                n += 1
                if progress is not None:
                    progress(n)
    finally:
        stream.close()  # an interrupted run ends its worker processes here
    return bundle_from_records(
        records,
        level=options.level,
        min_evidence=options.min_evidence,
        kb_paths=ex.kb_paths,
        exact_node_limit=options.exact_node_limit,
        time_limit=options.time_limit,
        tie_weights=options.tie_weights,
        min_confidence=options.min_confidence,
        since=options.since,
        until=options.until,
        include_history=options.include_history,
        meta={"corpus": corpus, "n_skipped": len(report.skipped), "skipped": list(report.warnings)},
    )


def analyze_store(
    store_path: str | Path,
    *,
    options: AnalyzeOptions | None = None,
    where: Any = None,
    evidence_per_tie: int | None = None,
    max_records: int | None = None,
    allow_mixed: bool = False,
    meta: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The bundle of the records in a corpus store, read by SQL and streaming (docs/store.md).

    Without ``evidence_per_tie`` and ``max_records`` it equals :func:`bundle_from_records` on
    the stored records; ``where`` is a :class:`allegiance.store.network.DocFilter`.

    Example:
        >>> bundle = analyze_store("corpus.duckdb", evidence_per_tie=20)  # doctest: +SKIP
    """
    from .store.bundle import bundle_from_store

    options = options or AnalyzeOptions()
    return bundle_from_store(
        store_path,
        level=options.level,
        min_evidence=options.min_evidence,
        kb_paths=options.extract.kb_paths,
        exact_node_limit=options.exact_node_limit,
        time_limit=options.time_limit,
        tie_weights=options.tie_weights,
        where=where,
        evidence_per_tie=evidence_per_tie,
        max_records=max_records,
        allow_mixed=allow_mixed,
        meta={"corpus": str(store_path), **(meta or {})},
    )
