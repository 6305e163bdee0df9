"""Build the signed actor network from relation records, and write it.

One edge per actor pair aggregates every relation between them: how much evidence, its
intensity, the net sign, first and last date, the outlets and the relation ids behind it.
The evidence sentences are kept in ``G.graph["evidence"]`` (relation id -> dict) so analyses
can quote them; exports drop that table and flatten lists so Gephi can read the files; :mod:`.read`
reads them back.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import networkx as nx
from pydantic import BaseModel

from ..errors import AnalysisError, InputError
from ._arrays import edge_sign
from .aggregate import (
    about,
    add_to_tie,
    close_tie,
    evidence_entry,
    finish_nodes,
    history_names,
    in_window,
    new_graph,
    new_tie,
    parse_date,
    period_dict,
)
from .ties import TieAccumulator, TieWeights, quote_speakers, relation_attribution, tie_state

__all__ = [
    "EXPORT_FORMATS",
    "build_network",
    "history_ties",
    "signed_graph",
    "snapshots",
    "write_graph",
]

EXPORT_FORMATS = ("graphml", "gexf", "json", "csv")
_LIST_ATTRS = ("outlets", "relations")
_SUMMED = (
    "evidence", "n_reports", "n_relations", "positive", "negative", "neutral", "intensity_sum",
    "positive_mass", "negative_mass", "material_positive", "material_negative",
    "verbal_positive", "verbal_negative", "stance_positive", "stance_negative",
)  # fmt: skip
#: Edge attributes of the CSV edge list, after source, target and sign.
CSV_KEYS = (
    "state", "evidence", "positive", "negative", "neutral", "positive_mass", "negative_mass",
    "material_positive", "material_negative", "verbal_positive", "verbal_negative",
    "stance_positive", "stance_negative", "weight", "intensity_sum", "intensity_mean",
    "first", "last", "outlets", "relations",
)  # fmt: skip
_SEP = ";"


def _as_dict(record: Any) -> dict[str, Any]:
    if isinstance(record, BaseModel):
        return record.model_dump()
    if isinstance(record, dict):
        return record
    raise InputError(f"not a record: {type(record).__name__} (expected a record model or dict)")


# kept under their old names for the modules that import them
_parse_date, _about, _period_dict = parse_date, about, period_dict


def _actor(arg: dict[str, Any] | None) -> tuple[str | None, str | None]:
    if not arg:
        return None, None
    actor_id = arg.get("actor_id")
    name = arg.get("actor_name") or arg.get("text")
    return actor_id, name


@dataclass(frozen=True)
class _Rules:
    """Which relations a network counts, and how (the options of :func:`build_network`)."""

    lo: date | None
    hi: date | None
    directed: bool
    include_negated: bool
    include_hypothetical: bool
    include_history: bool
    weights: TieWeights
    min_confidence: float

    def kept(self, r: dict[str, Any]) -> bool:
        """Whether a relation may count at all (modality and confidence)."""
        if (r.get("negated") and not self.include_negated) or (
            r.get("hypothetical") and not self.include_hypothetical
        ):
            return False
        conf = r.get("confidence")  # a relation without one is kept
        return not (self.min_confidence > 0 and conf is not None and conf < self.min_confidence)

    def counted(self, first: date | None, last: date | None, own: bool, historical: bool) -> bool:
        """Whether a relation about this period counts in the network."""
        if self.lo or self.hi:
            # a relation about that period counts, historical or not; a reference to the
            # past without a date of its own only with include_history (by its document)
            return (own or not historical or self.include_history) and in_window(
                first, last, own, self.lo, self.hi
            )
        return not historical or self.include_history


def _collect(
    records: Iterable[Any], roll: Callable[[str], str]
) -> tuple[dict[str, dict[str, Any]], list[Any], list[Any], dict[str, dict[str, Any]]]:
    """Documents by id, relations, quotes, and what the mentions say of each node."""
    docs: dict[str, dict[str, Any]] = {}
    relations: list[dict[str, Any]] = []
    quotes: list[dict[str, Any]] = []
    nodes: dict[str, dict[str, Any]] = {}
    for rec in records:
        d = _as_dict(rec)
        kind = d.get("kind")
        if kind == "document":
            docs[str(d.get("doc_id"))] = d
        elif kind == "relation":
            relations.append(d)
        elif kind == "quote":
            quotes.append(d)
        elif kind == "mention" and d.get("actor_id"):
            node = roll(str(d["actor_id"]))
            info = nodes.setdefault(node, {"mentions": 0})
            info["mentions"] += 1
            if node == d["actor_id"]:
                info.setdefault("name", d.get("actor_name"))
                info.setdefault("type", d.get("actor_type"))
                info.setdefault("country", d.get("country"))
            else:
                info.setdefault("_country", d.get("country"))
    return docs, relations, quotes, nodes


class _Aggregation:
    """The ties being aggregated: their attributes, reports, evidence, and the past."""

    def __init__(self, rules: _Rules, speakers: Any) -> None:
        self.rules, self.speakers = rules, speakers
        self.agg: dict[tuple[str, str], dict[str, Any]] = {}
        self.ties: dict[tuple[str, str], TieAccumulator] = {}
        self.evidence: dict[str, dict[str, Any]] = {}
        self.history: list[tuple[str, str, dict[str, Any], dict[str, Any]]] = []
        self.names: dict[str, str] = {}

    def add(self, r: dict[str, Any], a: str, b: str, doc: dict[str, Any]) -> None:
        """Count one relation between the nodes ``a`` and ``b`` (or keep it as history)."""
        rules = self.rules
        day = parse_date(doc.get("published"))
        first, last, own, historical = about(r, day)
        if not rules.counted(first, last, own, historical):
            if historical:
                self.history.append((a, b, r, doc))
            return
        for node, arg in ((a, r.get("source")), (b, r.get("target"))):
            aid, name = _actor(arg)
            if node == aid and name:
                self.names.setdefault(node, name)
        pairs = [(a, b)]
        if rules.directed and r.get("symmetric"):
            pairs.append((b, a))
        elif not rules.directed and str(b) < str(a):
            pairs = [(b, a)]
        attribution = relation_attribution(r, self.speakers)
        rid = str(r.get("id"))
        entry = evidence_entry(
            r, attribution=attribution, weights=rules.weights, day=day,
            with_period=own or historical, outlet=doc.get("outlet"), pair=(a, b),
        )  # fmt: skip
        self.evidence[rid] = entry
        for pair in pairs:
            e = self.agg.setdefault(pair, new_tie())
            report = self.ties.setdefault(pair, TieAccumulator()).add(r, attribution, rules.weights)
            entry["report"] = report["id"]
            add_to_tie(e, rid, float(r.get("intensity") or 0.0), (first, last), doc.get("outlet"))

    def fill(self, G: nx.Graph, nodes: dict[str, dict[str, Any]], min_evidence: int) -> None:
        """Add the ties with enough evidence to ``G``, name its nodes, and keep the history
        and the evidence of its ties in ``G.graph``."""
        for pair, e in self.agg.items():
            if close_tie(e, self.ties[pair], self.rules.weights, min_evidence):
                G.add_edge(*pair, **e)
        finish_nodes(G, nodes, self.names)
        G.graph["history"] = history_ties(self.history, history_names(G, nodes))
        G.graph["evidence"] = {
            rid: ev
            for rid, ev in self.evidence.items()
            if G.has_edge(ev["source"], ev["target"]) or G.has_edge(ev["target"], ev["source"])
        }


def build_network(
    records: Iterable[Any],
    *,
    level: str = "actor",
    rollup: Callable[[str], str] | None = None,
    since: str | date | None = None,
    until: str | date | None = None,
    min_evidence: int = 1,
    directed: bool = False,
    include_negated: bool = False,
    include_hypothetical: bool = False,
    include_history: bool = False,
    weights: TieWeights | None = None,
    min_confidence: float = 0.0,
) -> nx.Graph:
    """Aggregate relation records into a signed, weighted, time-stamped actor network.

    A tie aggregates distinct *reports*, not relations: at most one per (sentence, pair,
    polarity), so one sentence read as both an ASSAULT and an OPPOSE counts once. Each report
    weighs its intensity, confidence and attribution (:class:`~allegiance.network.ties.
    TieWeights`; rules in docs/network.md).

    Each edge carries the attributes of ``network.edges`` in docs/bundle.md: ``evidence``
    (distinct reports), the reports by polarity, their masses (also by kind), ``weight``,
    ``sign`` (the dominant side), ``state`` (friendly, hostile, mixed, neutral),
    ``description``, ``reports``, intensities, ``first``/``last``, ``outlets`` and
    ``relations`` (ids). Nodes carry ``name``, ``type``, ``country`` and ``mentions``.
    Self-loops, including those created by roll-up, are dropped.

    Args:
        records: record models or dicts (documents supply dates and outlets by ``doc_id``;
            mentions supply node attributes; quotes tell which sources are anonymous);
            other kinds are ignored.
        level: label of the roll-up level, stored in ``G.graph["level"]``.
        rollup: maps an actor id to the id it rolls up to (parent, country); identity if None.
        since, until: keep relations about a time within [since, until] (inclusive): the
            relation's own ``time`` when it has one (a period that overlaps the window), else
            its document's date; relations with neither are dropped when either is given.
        min_evidence: drop edges with fewer reports.
        directed: one edge per (source, target); symmetric relations add both directions.
        include_negated, include_hypothetical: keep negated / hypothetical relations.
        include_history: also count historical relations (``time.historical``: "the days of
            the US occupation"); by default they are left out unless a window overlaps their
            own period, and listed in ``G.graph["history"]`` (:func:`history_ties`).
        weights: how reports weigh and when a tie is mixed; the defaults when None.
        min_confidence: drop relations whose ``confidence`` is below this (one without a
            confidence is kept).

    Returns:
        An ``nx.Graph`` (or ``nx.DiGraph`` when ``directed``).

    Example:
        >>> rel = {"kind": "relation", "id": "r1", "doc_id": "d1", "category": "ASSAULT",
        ...        "sign": -1, "intensity": -9.0, "sentence": {"text": "A hit B."},
        ...        "source": {"actor_id": "A"}, "target": {"actor_id": "B"}}
        >>> G = build_network([rel])
        >>> G["A"]["B"]["sign"], G["A"]["B"]["state"], G["A"]["B"]["relations"]
        (-1, 'hostile', ['r1'])
    """
    lo, hi = _check(since, until, min_evidence)
    weights = weights or TieWeights()
    rules = _Rules(lo, hi, directed, include_negated, include_hypothetical, include_history,
                   weights, float(min_confidence))  # fmt: skip
    roll = rollup or (lambda a: a)
    docs, relations, quotes, nodes = _collect(records, roll)
    G = new_graph(
        directed, level=level, since=lo.isoformat() if lo else None,
        until=hi.isoformat() if hi else None, min_evidence=min_evidence,
        min_confidence=min_confidence, weights=weights,
    )  # fmt: skip
    ties = _Aggregation(rules, quote_speakers(quotes))
    for r in relations:
        src_id, tgt_id = _actor(r.get("source"))[0], _actor(r.get("target"))[0]
        if not rules.kept(r) or not src_id or not tgt_id:
            continue
        a, b = roll(str(src_id)), roll(str(tgt_id))
        if a != b:
            ties.add(r, a, b, docs.get(str(r.get("doc_id")), {}))
    ties.fill(G, nodes, min_evidence)
    return G


def _check(
    since: str | date | None, until: str | date | None, min_evidence: int
) -> tuple[date | None, date | None]:
    """The period as days; an error for a date that is not ISO or a min_evidence below 1."""
    lo, hi = parse_date(since), parse_date(until)
    if since is not None and lo is None:
        raise AnalysisError(f"--since {since!r} is not an ISO date (YYYY-MM-DD)")
    if until is not None and hi is None:
        raise AnalysisError(f"--until {until!r} is not an ISO date (YYYY-MM-DD)")
    if min_evidence < 1:
        raise AnalysisError(f"min_evidence must be at least 1, not {min_evidence}")
    return lo, hi


def history_ties(
    relations: Iterable[tuple[str, str, dict[str, Any], dict[str, Any]]],
    nodes: dict[str, dict[str, Any]] | None = None,
) -> list[dict[str, Any]]:
    """Historical relations grouped by pair: the ties of the past, kept beside the network.

    Args:
        relations: ``(a, b, relation, document)`` for each historical relation left out of
            the network (actors already rolled up).
        nodes: node attributes by actor id (for names).

    Returns:
        One dict per pair, most reported first: ``a``, ``b``, ``a_name``, ``b_name``,
        ``positive``, ``negative``, ``neutral`` (relations by sign), ``start``/``end`` (the
        earliest and latest day their times give, None when no date is said) and
        ``relations``: ``[{"id", "doc_id", "category", "sign", "sentence", "start", "end",
        "text"}]`` where ``text`` is the time expression or the words that mark the past.

    Example:
        >>> rel = {"id": "r1", "category": "ASSAULT", "sign": -1, "sentence": {"text": "s"},
        ...        "time": {"historical": True, "marker": {"text": "the days of"}}}
        >>> history_ties([("USA", "IRQ", rel, {})])[0]["relations"][0]["text"]
        'the days of'
    """
    nodes = nodes or {}
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for a, b, r, doc in relations:
        if a == b:
            continue
        key = (a, b) if str(a) <= str(b) else (b, a)
        tie = pairs.setdefault(
            key,
            {
                "a": key[0],
                "b": key[1],
                "a_name": (nodes.get(key[0]) or {}).get("name") or key[0],
                "b_name": (nodes.get(key[1]) or {}).get("name") or key[1],
                "positive": 0,
                "negative": 0,
                "neutral": 0,
                "start": None,
                "end": None,
                "relations": [],
            },
        )
        sign = int(r.get("sign") or 0)
        tie["positive" if sign > 0 else "negative" if sign < 0 else "neutral"] += 1
        about = period_dict(r)
        for when in (about["start"], about["end"]):
            if when is None:
                continue
            tie["start"] = when if tie["start"] is None or when < tie["start"] else tie["start"]
            tie["end"] = when if tie["end"] is None or when > tie["end"] else tie["end"]
        tie["relations"].append(
            {
                "id": str(r.get("id")),
                "doc_id": r.get("doc_id"),
                "category": r.get("category"),
                "sign": sign,
                "sentence": (r.get("sentence") or {}).get("text"),
                "start": about["start"],
                "end": about["end"],
                "text": about["text"],
                "outlet": doc.get("outlet"),
            }
        )
    return sorted(pairs.values(), key=lambda t: (-len(t["relations"]), t["a"], t["b"]))


_WINDOW = re.compile(r"^\s*(\d+)\s*([DWMY])\s*$", re.IGNORECASE)


def _window_days(window: str) -> tuple[int, str]:
    m = _WINDOW.match(window)
    if not m:
        raise AnalysisError(f"window {window!r} is not like 365D, 8W, 6M or 1Y")
    return int(m.group(1)), m.group(2).upper()


def _advance(day: date, count: int, unit: str) -> date:
    if unit == "D":
        return day + timedelta(days=count)
    if unit == "W":
        return day + timedelta(weeks=count)
    months = count * (12 if unit == "Y" else 1)
    year, month = divmod(day.month - 1 + months, 12)
    y, mth = day.year + year, month + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(y, mth, d)
        except ValueError:
            continue
    raise AnalysisError(f"cannot advance {day} by {count}{unit}")  # pragma: no cover


def snapshots(
    records: Iterable[Any],
    window: str = "365D",
    *,
    since: str | date | None = None,
    until: str | date | None = None,
    **kwargs: Any,
) -> list[nx.Graph]:
    """A time series of networks over consecutive windows covering the dated relations.

    Windows start at the earliest document date and tile forward without overlap; each graph
    has ``G.graph["since"]`` and ``G.graph["until"]`` (inclusive). Relations without a date
    appear in no snapshot.

    Args:
        records: as for :func:`build_network` (read into memory once).
        window: length like ``"365D"``, ``"8W"``, ``"6M"`` or ``"1Y"``.
        since, until: keep only the windows that overlap this period (ISO dates).
        **kwargs: passed on to :func:`build_network`.

    Returns:
        One graph per window, oldest first.
    """
    count, unit = _window_days(window)
    if count < 1:
        raise AnalysisError(f"window {window!r} must be at least 1")
    recs = [_as_dict(r) for r in records]
    days = sorted(
        d
        for r in recs
        if r.get("kind") == "document"
        for d in [_parse_date(r.get("published"))]
        if d is not None
    )
    lo, hi = _parse_date(since), _parse_date(until)
    for given, parsed, flag in ((since, lo, "--since"), (until, hi, "--until")):
        if given is not None and parsed is None:
            raise AnalysisError(f"{flag} {given!r} is not an ISO date (YYYY-MM-DD)")
    if not days:
        return []
    out: list[nx.Graph] = []
    start = days[0]
    while start <= days[-1]:
        end = _advance(start, count, unit)
        last = end - timedelta(days=1)
        if (lo is None or last >= lo) and (hi is None or start <= hi):
            out.append(build_network(recs, since=start, until=last, **kwargs))
        start = end
    return out


def signed_graph(G: nx.Graph) -> nx.Graph:
    """An undirected graph whose every edge has ``sign`` in {-1, +1}.

    Directed pairs are combined (their ``weight``, or else ``sign``, summed; evidence, masses
    and relation ids merged, the ``state`` recomputed); net-zero edges and self-loops are
    dropped. A mixed tie is kept with the sign of its dominant side (its ``state`` stays
    ``"mixed"``), so balance and camps read it as that side. Node attributes are kept. Places
    acted on (nodes of type ``place``: "shelled Aleppo") take no side, so they and their ties
    are left out: two states that both struck one city share no enemy by it.

    Raises:
        AnalysisError: when an edge carries no sign.
    """
    H = nx.Graph()
    H.graph.update({k: v for k, v in G.graph.items()})
    places = {n for n, d in G.nodes(data=True) if d.get("type") == "place"}
    H.add_nodes_from((n, d) for n, d in G.nodes(data=True) if n not in places)
    acc: dict[tuple[Hashable, Hashable], dict[str, Any]] = {}
    share = float((G.graph.get("tie_weights") or {}).get("mixed_share", TieWeights.mixed_share))
    for a, b, data in G.edges(data=True):
        if a == b or a in places or b in places:
            continue
        s = edge_sign(data, "a signed graph")
        w = data.get("weight", s)
        try:
            w = float(w)
        except (TypeError, ValueError):
            w = float(s)
        key = (a, b) if (b, a) not in acc else (b, a)
        cur = acc.get(key)
        if cur is None:
            acc[key] = {**data, "_w": w, "_s": s}
            acc[key]["relations"] = list(data.get("relations") or [])
            continue
        cur["_w"] += w
        cur["_s"] += s
        for k in _SUMMED:
            if k in data and k in cur:
                cur[k] += data[k]
        cur["relations"] = list(dict.fromkeys(cur["relations"] + list(data.get("relations") or [])))
    for (a, b), data in acc.items():
        w, s = data.pop("_w"), data.pop("_s")
        net = w if w else s
        sign = (net > 0) - (net < 0)
        if sign == 0:
            continue
        if not data["relations"]:
            data.pop("relations")
        if "positive_mass" in data and "negative_mass" in data:
            data["state"] = tie_state(data["positive_mass"], data["negative_mass"], share)
        H.add_edge(a, b, **{**data, "sign": sign})
    return H


# ------------------------------------------------------------------------------------
# reading and writing
# ------------------------------------------------------------------------------------


def _flatten(G: nx.Graph) -> nx.Graph:
    """A copy with only scalar attributes (lists joined with ';', None dropped)."""
    H = G.__class__()
    for key, value in G.graph.items():
        if isinstance(value, str | int | float | bool):
            H.graph[key] = value

    def clean(attrs: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for k, v in attrs.items():
            if v is None:
                continue
            if isinstance(v, list | tuple | set):
                out[k] = _SEP.join(str(x) for x in v)
            elif isinstance(v, dict):
                out[k] = json.dumps(v, sort_keys=True)
            elif isinstance(v, bool | int | float | str):
                out[k] = v
            else:
                out[k] = str(v)
        return out

    for n, d in G.nodes(data=True):
        H.add_node(str(n), **clean(d))
    for a, b, d in G.edges(data=True):
        # the per-report dicts stay in the JSON export; GraphML and GEXF keep the totals
        H.add_edge(str(a), str(b), **clean({k: v for k, v in d.items() if k != "reports"}))
    return H


def write_graph(G: nx.Graph, path: str | Path, fmt: str | None = None) -> Path:
    """Write a network as graphml, gexf (Gephi), node-link json or a CSV edge list.

    Args:
        G: the network.
        path: output file.
        fmt: one of :data:`EXPORT_FORMATS`; guessed from the suffix when None.

    Returns:
        The path written.
    """
    p = Path(path)
    fmt = (fmt or p.suffix.lstrip(".")).lower()
    if fmt not in EXPORT_FORMATS:
        raise InputError(f"{p}: unknown export format {fmt!r} (use {', '.join(EXPORT_FORMATS)})")
    if fmt == "json":
        data = nx.node_link_data(G, edges="links")
        p.write_text(json.dumps(data, indent=1, default=str), encoding="utf-8")
    elif fmt == "csv":
        keys = CSV_KEYS
        with p.open("w", encoding="utf-8", newline="") as fp:
            w = csv.writer(fp)
            w.writerow(["source", "target", "sign", *keys])
            for a, b, d in G.edges(data=True):
                row = [a, b, d.get("sign", "")]
                for k in keys:
                    v = d.get(k)
                    row.append(
                        _SEP.join(map(str, v)) if isinstance(v, list) else ("" if v is None else v)
                    )
                w.writerow(row)
    elif fmt == "graphml":
        nx.write_graphml(_flatten(G), p)
    else:
        nx.write_gexf(_flatten(G), p)
    return p
