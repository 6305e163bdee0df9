"""The signed network from the store, without holding the corpus.

:func:`network_from_store` gives the graph :func:`allegiance.network.build_network` gives
on the same records, by the same rules (:class:`~allegiance.network.ties.TieAccumulator`),
but reads the relations from DuckDB sorted by actor pair, so that memory holds one tie's
reports at a time plus the aggregated ties: node facts come from SQL aggregation of the
mentions, attribution to an anonymous source from an SQL join with the quotes. With
``evidence_per_tie`` each tie keeps only its heaviest reports (and their relations in
``G.graph["evidence"]``); its counts, masses, state and dates are still over all reports.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import networkx as nx

from ..errors import AnalysisError
from ..network.ties import TieAccumulator, TieWeights, relation_kind, relation_mass
from .core import CorpusStore

__all__ = ["DocFilter", "network_from_store", "rollup_table"]


class DocFilter:
    """Which documents an analysis reads: an SQL condition on ``documents d`` and its
    parameters (``--since``, ``--until``, ``--outlet``, ``--actor``).

    >>> DocFilter(since="2024-01-01", outlet=["Reuters"]).where
    'd.published IS NOT NULL AND substr(d.published, 1, 10) >= ? AND d.outlet IN (?)'
    """

    def __init__(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        outlet: Sequence[str] = (),
        actor: Sequence[str] = (),
    ) -> None:
        from ..network.build import _parse_date

        parts: list[str] = []
        self.params: list[Any] = []
        self.since, self.until = since, until
        for value, op, flag in ((since, ">=", "--since"), (until, "<=", "--until")):
            if value is None:
                continue
            day = _parse_date(value)
            if day is None:
                raise AnalysisError(f"{flag} {value!r} is not an ISO date (YYYY-MM-DD)")
            if not parts or "published IS NOT NULL" not in parts[0]:
                parts.insert(0, "d.published IS NOT NULL")
            parts.append(f"substr(d.published, 1, 10) {op} ?")
            self.params.append(day.isoformat())
        if outlet:
            parts.append(f"d.outlet IN ({', '.join('?' * len(outlet))})")
            self.params.extend(outlet)
        if actor:
            parts.append(
                "d.seq IN (SELECT doc_seq FROM mentions WHERE actor_id IN "
                f"({', '.join('?' * len(actor))}))"
            )
            self.params.extend(actor)
        self.where = " AND ".join(parts)

    def docs(self) -> str:
        """A subquery of the chosen documents' ``seq``."""
        return f"(SELECT d.seq FROM documents d {'WHERE ' + self.where if self.where else ''})"


def rollup_table(
    store: CorpusStore, rollup: Callable[[str], str] | None, table: str = "_roll"
) -> None:
    """A temporary table ``(actor_id, node)`` mapping every stored actor id to its node."""
    ids = store.con.execute(
        "SELECT DISTINCT actor_id FROM mentions UNION "
        "SELECT DISTINCT source.actor_id FROM relations WHERE source.actor_id IS NOT NULL UNION "
        "SELECT DISTINCT target.actor_id FROM relations WHERE target.actor_id IS NOT NULL"
    ).fetchall()
    roll = rollup or (lambda a: a)
    store.con.execute(f"CREATE OR REPLACE TEMP TABLE {table} (actor_id VARCHAR, node VARCHAR)")
    rows = [[str(a), str(roll(str(a)))] for (a,) in ids if a is not None]
    if rows:
        store.con.executemany(f"INSERT INTO {table} VALUES (?, ?)", rows)


_RELATIONS = """
SELECT
    CASE WHEN ra.node <= rb.node THEN ra.node ELSE rb.node END AS pa,
    CASE WHEN ra.node <= rb.node THEN rb.node ELSE ra.node END AS pb,
    ra.node AS a, rb.node AS b, r.seq,
    r.id, r.doc_id, r.sentence, r.source, r.target, r.category, r.quad_class, r.sign,
    r.intensity, r.attributed_to, r.confidence, r.time, d.published, d.outlet,
    (r.attributed_to IS NOT NULL AND r.attributed_to."start" IS NOT NULL AND EXISTS (
        SELECT 1 FROM quotes q
        WHERE q.doc_id = r.doc_id AND q.anonymous AND q.speaker IS NOT NULL
          AND q.doc_seq IN {docs}
          AND q.speaker."start" < r.attributed_to."end"
          AND r.attributed_to."start" < q.speaker."end"
    )) AS anonymous
FROM relations r
JOIN documents d ON d.seq = r.doc_seq
JOIN _roll ra ON ra.actor_id = r.source.actor_id
JOIN _roll rb ON rb.actor_id = r.target.actor_id
WHERE r.doc_seq IN {docs}
  AND NOT r.negated AND NOT r.hypothetical
  AND ra.node <> rb.node
  AND (r.confidence IS NULL OR r.confidence >= ?)
"""
# ties in the order their first relation was written (the order build_network adds them)
_ORDERED = "SELECT * FROM ({q}) ORDER BY min(seq) OVER (PARTITION BY pa, pb), pa, pb, seq"

_NODES = """
SELECT ro.node,
    count(*) AS mentions,
    first(m.actor_name ORDER BY m.seq) FILTER (WHERE m.actor_id = ro.node) AS name,
    first(m.actor_type ORDER BY m.seq) FILTER (WHERE m.actor_id = ro.node) AS type,
    first(m.country ORDER BY m.seq) FILTER (WHERE m.actor_id = ro.node) AS country,
    first(m.country ORDER BY m.seq) FILTER (WHERE m.actor_id <> ro.node) AS child_country
FROM mentions m JOIN _roll ro ON ro.actor_id = m.actor_id
WHERE m.doc_seq IN {docs}
GROUP BY ro.node
"""


def _parse(value: Any) -> Any:
    from ..network.build import _parse_date

    return _parse_date(value)


def _iso(value: Any) -> str | None:
    day = _parse(value)
    return day.isoformat() if day else None


def network_from_store(
    store: CorpusStore,
    *,
    level: str = "actor",
    rollup: Callable[[str], str] | None = None,
    min_evidence: int = 1,
    weights: TieWeights | None = None,
    where: DocFilter | None = None,
    evidence_per_tie: int | None = None,
    batch: int = 10_000,
    min_confidence: float = 0.0,
    include_history: bool = False,
) -> nx.Graph:
    """The undirected network of the stored records (see the module docstring).

    Args:
        store: the corpus store.
        level, rollup, min_evidence, weights: as for :func:`~allegiance.network.build_network`.
        where: which documents to read (all when None).
        evidence_per_tie: keep at most this many reports per tie (heaviest first), with
            their relations as evidence; all when None.
        batch: relation rows fetched at a time.
        min_confidence, include_history: as for :func:`~allegiance.network.build_network`:
            historical relations are left out and listed in ``G.graph["history"]``.
    """
    from ..network.build import _about, _period_dict, history_ties

    if min_evidence < 1:
        raise AnalysisError(f"min_evidence must be at least 1, not {min_evidence}")
    if evidence_per_tie is not None and evidence_per_tie < 1:
        raise AnalysisError(f"evidence_per_tie must be at least 1, not {evidence_per_tie}")
    weights = weights or TieWeights()
    where = where or DocFilter()
    docs = where.docs()
    params = where.params
    rollup_table(store, rollup)
    G: nx.Graph = nx.Graph()
    G.graph.update(
        level=level,
        since=None,
        until=None,
        min_evidence=min_evidence,
        directed=False,
        min_confidence=min_confidence,
    )
    history: list[tuple[str, str, dict[str, Any], dict[str, Any]]] = []
    G.graph["tie_weights"] = weights.to_dict()
    nodes: dict[str, dict[str, Any]] = {}
    for node, mentions, name, typ, country, child_country in store.con.execute(
        _NODES.format(docs=docs), params
    ).fetchall():
        nodes[node] = {"mentions": int(mentions), "name": name, "type": typ,
                       "country": country, "_country": child_country}  # fmt: skip
    evidence: dict[str, dict[str, Any]] = {}
    arg_names: dict[str, tuple[int, str]] = {}
    query = _ORDERED.format(q=_RELATIONS.format(docs=docs))
    cur = store.con.execute(query, [*params, *params, min_confidence])
    cols = [c[0] for c in cur.description]
    pair: tuple[str, str] | None = None
    e: dict[str, Any] = {}
    tie = TieAccumulator()
    pending: dict[str, dict[str, Any]] = {}

    def close() -> None:
        if pair is None:
            return
        e.update(tie.summary(weights))
        e["evidence"] = e["n_reports"]
        if e["evidence"] < min_evidence:
            return
        e["intensity_mean"] = e["intensity_sum"] / e["n_relations"]
        if evidence_per_tie is not None and len(e["reports"]) > evidence_per_tie:
            ranked = sorted(e["reports"], key=lambda r: -r["mass"])[:evidence_per_tie]
            keep = {r["id"] for r in ranked}
            e["reports"] = [r for r in e["reports"] if r["id"] in keep]
            kept = {rid for r in e["reports"] for rid in r["relations"]}
            e["relations_total"] = len(e["relations"])
            e["relations"] = [rid for rid in e["relations"] if rid in kept]
        for rid in e["relations"]:
            if rid in pending:
                evidence[rid] = pending[rid]
        G.add_edge(*pair, **e)

    while rows := cur.fetchmany(batch):
        for row in rows:
            r = dict(zip(cols, row, strict=True))
            day_of_doc = _parse(r["published"])
            first, last, own, historical = _about(r, day_of_doc)
            if historical and not include_history:
                history.append((r["a"], r["b"], r, {"outlet": r["outlet"]}))
                continue
            key = (r["pa"], r["pb"])
            if key != pair:
                close()
                pair, e, tie, pending = key, {
                    "n_relations": 0, "intensity_sum": 0.0, "first": None, "last": None,
                    "outlets": [], "relations": [],
                }, TieAccumulator(), {}  # fmt: skip
            a, b = r["a"], r["b"]
            for node, arg in ((a, r["source"]), (b, r["target"])):
                name = arg.get("actor_name") or arg.get("text")
                seen = arg_names.get(node)
                if node == arg.get("actor_id") and name and (seen is None or r["seq"] < seen[0]):
                    arg_names[node] = (r["seq"], name)
            attribution = (
                "own" if not r["attributed_to"] else "anonymous" if r["anonymous"] else "named"
            )
            sign = int(r["sign"] or 0)
            intensity = float(r["intensity"] or 0.0)
            rid = str(r["id"])
            day = _iso(r["published"])
            report = tie.add(r, attribution, weights)  # type: ignore[arg-type]
            pending[rid] = {
                "id": rid, "doc_id": r["doc_id"], "sentence": (r["sentence"] or {}).get("text"),
                "category": r["category"], "kind": relation_kind(r), "sign": sign,
                "intensity": intensity, "attribution": attribution,
                "mass": relation_mass(r, attribution, weights),  # type: ignore[arg-type]
                "date": day, "about": _period_dict(r) if own or historical else None,
                "outlet": r["outlet"], "source": a, "target": b, "report": report["id"],
            }  # fmt: skip
            e["n_relations"] += 1
            e["intensity_sum"] += intensity
            for when in (first, last):
                if when is None:
                    continue
                iso = when.isoformat()
                e["first"] = iso if e["first"] is None or iso < e["first"] else e["first"]
                e["last"] = iso if e["last"] is None or iso > e["last"] else e["last"]
            outlet = r["outlet"]
            if outlet and outlet not in e["outlets"]:
                e["outlets"].append(outlet)
            e["relations"].append(rid)
    close()
    for node in G.nodes:
        info = nodes.get(node, {"mentions": 0})
        G.nodes[node].update(
            name=info.get("name") or arg_names.get(node, (0, None))[1] or str(node),
            type=info.get("type"),
            country=info.get("country") or info.get("_country"),
            mentions=info.get("mentions", 0),
        )
    names = {n: {"name": G.nodes[n].get("name")} for n in G.nodes}
    for node, info in nodes.items():
        names.setdefault(node, {"name": info.get("name")})
    G.graph["history"] = history_ties(history, names)
    G.graph["evidence"] = evidence
    return G
