"""The main job: ingest, extract, build the network, analyse it, compare outlets, report.

:func:`analyze` returns the typed bundle (:class:`allegiance.bundle.Bundle`, documented in
docs/bundle.md) that :func:`allegiance.report.render_report` turns into the HTML report and
:func:`allegiance.bundle.dump_bundle` into bundle.json.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .bundle import Bundle, add_events, run_meta
from .ingest import IngestOptions, IngestReport, demo_corpus_paths, read_documents
from .network.ties import TieWeights
from .nlp.pipeline import ExtractOptions, extract
from .schema import Act, Document, Mention, Quantity, Quote, Relation

__all__ = ["AnalyzeOptions", "analyze", "analyze_store", "bundle_from_records"]

logger = logging.getLogger(__name__)

Record = Document | Mention | Relation | Act | Quote | Quantity


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
) -> Bundle:
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

    Returns:
        The :class:`~allegiance.bundle.Bundle`; :func:`~allegiance.bundle.dump_bundle` gives
        its JSON form (bundle.json).

    The network, its summary, ``counts`` and the outlet comparison come from one
    aggregation (the same roll-up and weights), so every output tells one account.
    """
    from .compare import compare_outlets
    from .network import build_network, network_summary
    from .network.rollup import actor_rollup

    records = [
        r for r in records if not (isinstance(r, (Relation, Act)) and r.confidence < min_confidence)
    ]
    rollup = actor_rollup(records, level=level, kb_paths=kb_paths)
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
    summary.counts.actors_mentioned = len(
        {(rollup or str)(r.actor_id) for r in records if isinstance(r, Mention)}
    )
    comparison = compare_outlets(records, rollup=rollup, weights=weights).to_dict()
    docs = [r for r in records if isinstance(r, Document)]
    settings = {"level": level, "since": since, "until": until,
                "include_history": include_history, "min_confidence": min_confidence}  # fmt: skip
    bundle = Bundle(
        **dict(summary),
        meta=run_meta(n_documents=len(docs), **settings, **(meta or {})),
        documents=[d.model_dump(exclude={"text"}) for d in docs],
        relations=[r.model_dump() for r in records if isinstance(r, Relation)],
        acts=[r.model_dump() for r in records if isinstance(r, Act)],
        outlets=comparison.get("outlets", {}),
        outlet_differences=comparison.get("outlet_differences", {}),
        quotes=[r.model_dump() for r in records if isinstance(r, Quote)],
        quantities=[r.model_dump() for r in records if isinstance(r, Quantity)],
        history=graph.graph.get("history", []),
    )
    add_events(bundle, records, kb_paths)
    return bundle


def analyze(
    paths: Iterable[str | Path] | None = None,
    *,
    options: AnalyzeOptions | None = None,
    report: IngestReport | None = None,
    progress: Callable[[int], None] | None = None,
) -> Bundle:
    """Run the whole job on articles and return the bundle (:class:`~allegiance.bundle.Bundle`).

    Args:
        paths: files, directories, URLs or "-"; ``None`` or empty runs on the bundled demo
            corpus (public-domain CENTCOM and State Department texts).
        options: extraction, ingest and analysis settings.
        report: collects what was read and skipped.
        progress: called with the number of documents processed so far.

    Example:
        >>> bundle = analyze(["articles/"])          # doctest: +SKIP
        >>> bundle.uneasy_alliances[0].a_name        # doctest: +SKIP
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
        **_network_settings(options),
        since=options.since,
        until=options.until,
        meta={"corpus": corpus, "n_skipped": len(report.skipped), "skipped": list(report.warnings)},
    )


def _network_settings(options: AnalyzeOptions) -> dict[str, Any]:
    """The settings of ``options`` that the in-memory and the store bundle builders share."""
    return {
        "level": options.level,
        "min_evidence": options.min_evidence,
        "kb_paths": options.extract.kb_paths,
        "exact_node_limit": options.exact_node_limit,
        "time_limit": options.time_limit,
        "tie_weights": options.tie_weights,
        "min_confidence": options.min_confidence,
        "include_history": options.include_history,
    }


def analyze_store(
    store_path: str | Path,
    *,
    options: AnalyzeOptions | None = None,
    where: Any = None,
    evidence_per_tie: int | None = None,
    max_records: int | None = None,
    allow_mixed: bool = False,
    meta: dict[str, Any] | None = None,
) -> Bundle:
    """The bundle of the records in a corpus store, read by SQL and streaming (docs/store.md).

    Without ``evidence_per_tie`` and ``max_records`` it equals :func:`bundle_from_records` on
    the stored records; ``where`` is a :class:`allegiance.store.network.DocFilter` (which
    documents: their outlet, actors and publication dates). ``options.min_confidence`` and
    ``options.include_history`` apply as in :func:`analyze`.

    Example:
        >>> bundle = analyze_store("corpus.duckdb", evidence_per_tie=20)  # doctest: +SKIP
    """
    from .store.bundle import bundle_from_store

    options = options or AnalyzeOptions()
    return bundle_from_store(
        store_path,
        **_network_settings(options),
        where=where,
        evidence_per_tie=evidence_per_tie,
        max_records=max_records,
        allow_mixed=allow_mixed,
        meta={"corpus": str(store_path), **(meta or {})},
    )
