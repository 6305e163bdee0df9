"""Read a network from a file: records JSONL, graphml, gexf, node-link json or a CSV edge list.

Every input goes through one rule for ties: signs are read in the common spellings
(:data:`SIGN_SPELLINGS`), self-loops are skipped, and several rows for one pair of actors
become one tie whose sign is the sign of the sum of the rows' signs. What was skipped or merged
is reported as one-line warnings in a :class:`GraphReadReport` (and logged to
``allegiance.network``); content that is not a graph raises :class:`~allegiance.errors.InputError`.
"""

from __future__ import annotations

import csv
import json
import logging
import math
import re
import sys
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from ..errors import InputError, Messages, RecordError
from .build import _LIST_ATTRS, _SEP, build_network

__all__ = ["SIGN_SPELLINGS", "GraphReadReport", "parse_sign", "read_graph", "read_record_files"]

logger = logging.getLogger("allegiance.network")

#: sign words (lower case) -> sign; numbers (``+1``, ``-1``, ``0.5``, ``−1`` with U+2212) are
#: read by their sign.
SIGN_SPELLINGS: dict[str, int] = {
    "+": 1,
    "pos": 1,
    "positive": 1,
    "friendly": 1,
    "-": -1,
    "neg": -1,
    "negative": -1,
    "hostile": -1,
    "neutral": 0,
}
_MINUS = str.maketrans({"\u2212": "-", "\u2013": "-", "\u2012": "-", "\ufe63": "-", "\uff0d": "-"})
_SOURCE = ("source", "from", "u", "src")
_TARGET = ("target", "to", "v", "dst", "tgt")
_SIGN_COLUMNS = ("sign", "weight")
_ROW_WARNINGS = 10
_SNIFF = 65536
#: what garbage makes the networkx readers and the JSON decoder raise
_UNREADABLE = (
    nx.NetworkXError,
    ValueError,
    KeyError,
    TypeError,
    AttributeError,
    IndexError,
    SyntaxError,
    RecursionError,
    OverflowError,
    csv.Error,
)


@dataclass
class GraphReadReport:
    """What :func:`read_graph` noticed while reading: one-line warnings and counts.

    Attributes:
        warnings: every problem as a one-line message, in order.
        skipped_rows: rows (or edges) skipped for an unreadable sign or a missing actor.
        self_loops: self-loops skipped.
        merged: rows folded into a tie already read (duplicates, agreeing or not).
        conflicts: pairs whose rows have both signs.
        cancelled: conflicting pairs dropped because their signs sum to 0.
        log: also log each warning to the ``allegiance.network`` logger (the CLI turns this
            off and prints the warnings itself).
    """

    warnings: list[str] = field(default_factory=list)
    skipped_rows: int = 0
    self_loops: int = 0
    merged: int = 0
    conflicts: int = 0
    cancelled: int = 0
    log: bool = True

    def warn(self, message: str) -> None:
        """Record a one-line warning (whitespace, newlines included, collapsed)."""
        message = " ".join(message.split())
        self.warnings.append(message)
        if self.log:
            logger.warning("%s", message)


def parse_sign(value: object) -> int | None:
    """The sign (-1, 0 or +1) of a cell, or None when it is not a sign.

    Accepts numbers (their sign), ``+``/``-``, ``+1``/``-1``, the Unicode minus and
    :data:`SIGN_SPELLINGS` (any case).

    Example:
        >>> [parse_sign(v) for v in ("+", "\u22121", "Hostile", 2.5, "0", "maybe")]
        [1, -1, -1, 1, 0, None]
    """
    if isinstance(value, bool | int | float):
        num = float(value)
    elif isinstance(value, str):
        text = value.strip().lower().translate(_MINUS)
        if text in SIGN_SPELLINGS:
            return SIGN_SPELLINGS[text]
        try:
            num = float(text)
        except ValueError:
            return None
    else:
        return None
    if math.isnan(num):
        return None
    return (num > 0) - (num < 0)


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


@dataclass
class _Tie:
    a: Hashable
    b: Hashable
    attrs: dict[str, Any]
    sign: int | None
    rows: int = 1
    positive: int = 0
    negative: int = 0
    total: int = 0

    def add(self, sign: int | None) -> None:
        if sign is None:
            return
        self.positive += sign > 0
        self.negative += sign < 0
        self.total += sign


def _merge_ties(
    rows: Iterable[tuple[Hashable, Hashable, int | None, dict[str, Any]]],
    H: nx.Graph,
    path: Path,
    report: GraphReadReport,
) -> nx.Graph:
    """Add ``(a, b, sign, attrs)`` rows to ``H``: skip self-loops, merge duplicate pairs.

    A pair read more than once becomes one tie: ``sign`` is the sign of the sum of its rows'
    signs, ``weight`` that sum and ``evidence`` the number of rows; the other attributes come
    from its first row. A pair whose rows disagree is kept with the majority sign, or dropped
    when the signs cancel, and counted in one warning. In a directed graph ``(a, b)`` and
    ``(b, a)`` are different pairs (:func:`~allegiance.network.signed_graph` combines them).
    """
    ties: dict[tuple[Hashable, Hashable], _Tie] = {}
    directed = H.is_directed()
    loops = merged = conflicts = cancelled = 0
    for a, b, sign, attrs in rows:
        if a == b:
            loops += 1
            continue
        key = (a, b) if directed or str(a) <= str(b) else (b, a)
        tie = ties.get(key)
        if tie is None:
            ties[key] = tie = _Tie(a, b, attrs, sign)
        else:
            tie.rows += 1
            merged += 1
        tie.add(sign)
    if loops:
        report.warn(Messages.SELF_LOOPS.format(path=path, count=loops, s="" if loops == 1 else "s"))
    example = ""
    for tie in ties.values():
        attrs = dict(tie.attrs)
        if tie.rows > 1 and tie.sign is not None:
            if tie.positive and tie.negative:
                conflicts += 1
                example = example or f"{tie.a}-{tie.b}: {tie.positive} +, {tie.negative} -"
                if tie.total == 0:
                    cancelled += 1
                    continue
            attrs.update(
                sign=(tie.total > 0) - (tie.total < 0), weight=tie.total, evidence=tie.rows
            )
        H.add_edge(tie.a, tie.b, **attrs)
    if conflicts:
        report.warn(
            Messages.CONFLICTING_TIES.format(
                path=path, count=conflicts, s="" if conflicts == 1 else "s", example=example,
                dropped=cancelled,
            )
        )  # fmt: skip
    elif merged:
        logger.info("%s: %d duplicate rows merged into the ties they repeat", path, merged)
    report.self_loops += loops
    report.merged += merged
    report.conflicts += conflicts
    report.cancelled += cancelled
    return H


def _number(text: str) -> Any:
    try:
        return int(text) if re.fullmatch(r"-?\d+", text) else float(text)
    except ValueError:
        return text


def _csv_rows(
    p: Path, report: GraphReadReport
) -> list[tuple[Hashable, Hashable, int | None, dict[str, Any]]]:
    """The rows of a CSV/TSV edge list; unreadable rows are skipped with a warning each."""
    out: list[tuple[Hashable, Hashable, int | None, dict[str, Any]]] = []
    problems: list[str] = []
    with p.open(encoding="utf-8-sig", newline="") as fp:
        first = fp.readline()
        fp.seek(0)
        delim = "\t" if "\t" in first or p.suffix.lower() == ".tsv" else ","
        reader = csv.reader(fp, delimiter=delim)
        header: list[str] | None = None
        seen_row = False
        try:
            for row in reader:
                line = reader.line_num
                if not row or not "".join(row).strip():
                    continue
                if not seen_row:
                    seen_row = True
                    if row[0].strip().lower() in _SOURCE:
                        header = [h.strip().lower() for h in row]
                        header = [
                            "source" if h in _SOURCE else "target" if h in _TARGET else h
                            for h in header
                        ]
                        continue
                rec: dict[str, str] = {}
                if header:
                    rec = dict(zip(header, row, strict=False))
                    a, b = rec.get("source"), rec.get("target")
                    s = next((rec[k] for k in _SIGN_COLUMNS if k in rec), None)
                elif len(row) >= 3:
                    a, b, s = row[0], row[1], row[2]
                else:
                    problems.append(
                        Messages.BAD_EDGE_ROW.format(
                            path=p, line=line, reason="expected source,target,sign"
                        )
                    )
                    continue
                a, b = (a or "").strip(), (b or "").strip()
                if not a or not b:
                    problems.append(
                        Messages.BAD_EDGE_ROW.format(
                            path=p, line=line, reason="missing source or target"
                        )
                    )
                    continue
                sign = parse_sign(s)
                if sign is None:
                    problems.append(Messages.BAD_SIGN.format(where=f"{p}:{line}", value=_shown(s)))
                    continue
                attrs: dict[str, Any] = {"sign": sign}
                for k, v in rec.items():
                    if k in ("source", "target", "sign") or not v:
                        continue
                    attrs[k] = [x for x in v.split(_SEP) if x] if k in _LIST_ATTRS else _number(v)
                out.append((a, b, sign, attrs))
        except csv.Error as exc:
            raise InputError(
                Messages.NOT_A_GRAPH.format(path=f"{p}:{reader.line_num}", reason=exc)
            ) from exc
    report.skipped_rows += len(problems)
    for message in problems[:_ROW_WARNINGS]:
        report.warn(message)
    if len(problems) > _ROW_WARNINGS:
        report.warn(Messages.MORE_BAD_ROWS.format(path=p, count=len(problems) - _ROW_WARNINGS))
    return out


def _graph_rows(
    G: nx.Graph, p: Path, report: GraphReadReport
) -> Iterable[tuple[Hashable, Hashable, int | None, dict[str, Any]]]:
    """The edges of a graph read by networkx, with lists split back and signs read."""
    problems = 0
    for a, b, d in G.edges(data=True):
        for k in _LIST_ATTRS:
            if isinstance(d.get(k), str):
                d[k] = [x for x in d[k].split(_SEP) if x]
        raw = d.get("sign", d.get("weight"))
        sign = None if raw is None else parse_sign(raw)
        if raw is not None and sign is None:
            problems += 1
            if problems <= _ROW_WARNINGS:
                report.warn(Messages.BAD_SIGN.format(where=f"{p}: edge {a}-{b}", value=_shown(raw)))
            continue
        if "sign" in d:
            d["sign"] = sign
        yield a, b, sign, d
    report.skipped_rows += problems
    if problems > _ROW_WARNINGS:
        report.warn(Messages.MORE_BAD_ROWS.format(path=p, count=problems - _ROW_WARNINGS))


def _from_networkx(G: nx.Graph, p: Path, report: GraphReadReport) -> nx.Graph:
    H: nx.Graph = nx.DiGraph() if G.is_directed() else nx.Graph()
    H.graph.update(G.graph)
    H.add_nodes_from(G.nodes(data=True))
    return _merge_ties(_graph_rows(G, p, report), H, p, report)


def _read(p: Path, suffix: str, report: GraphReadReport, build_kwargs: dict[str, Any]) -> nx.Graph:
    if suffix == ".graphml":
        return _from_networkx(nx.read_graphml(p), p, report)
    if suffix == ".gexf":
        return _from_networkx(nx.read_gexf(p), p, report)
    if suffix in (".csv", ".tsv", ".txt", ".edges"):
        return _merge_ties(_csv_rows(p, report), nx.Graph(), p, report)
    text = p.read_text(encoding="utf-8-sig")
    if text.lstrip().startswith("{") and suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            data = None
        if isinstance(data, dict) and "nodes" in data:
            links = "links" if "links" in data else "edges"
            return _from_networkx(nx.node_link_graph(data, edges=links), p, report)
    from ..schema import read_records

    return build_network(read_records(p), **build_kwargs)


def read_graph(
    path: str | Path,
    *,
    report: GraphReadReport | None = None,
    require_edges: bool = False,
    **build_kwargs: Any,
) -> nx.Graph:
    """Read a network: a records JSONL (built with :func:`build_network`), a graph exported by
    ``allegiance network`` (.graphml, .gexf, node-link .json) or a CSV/TSV edge list
    (``source,target,sign`` with or without header).

    Signs may be numbers (their sign counts), ``+``/``-``, ``+1``/``-1``, ``−1`` or a word of
    :data:`SIGN_SPELLINGS`. Self-loops are skipped; rows for the same pair (either order in an
    undirected graph) become one tie with the sign of their sum, ``weight`` the sum and
    ``evidence`` the row count, dropped when opposite signs cancel. A row whose sign cannot be
    read is skipped. Each of these is one warning in ``report`` (also logged to
    ``allegiance.network`` unless ``report.log`` is False); pass a report to collect them.

    Args:
        path: the file; its suffix says the format.
        report: collects the warnings; a fresh (logging) one when None.
        require_edges: raise instead of warn when the graph has no edges.
        **build_kwargs: passed to :func:`build_network` for records files.

    Raises:
        InputError: when the file is missing, cannot be read as any of these formats (one line
            naming the file), or has no edges and ``require_edges`` is set.

    Example:
        >>> import tempfile
        >>> p = Path(tempfile.mkdtemp()) / "ties.csv"
        >>> _ = p.write_text("a,b,+\\nb,c,hostile\\nc,c,-\\n", encoding="utf-8")
        >>> rep = GraphReadReport(log=False)
        >>> G = read_graph(p, report=rep)
        >>> G["b"]["c"]["sign"], rep.self_loops
        (-1, 1)
    """
    p = Path(path)
    rep = report if report is not None else GraphReadReport()
    if not p.exists():
        raise InputError(Messages.MISSING_FILE.format(path=p))
    suffix = p.suffix.lower()
    if suffix not in (".graphml", ".gexf", ".csv", ".tsv", ".txt", ".edges", ".json", ".jsonl",
                      ".ndjson"):  # fmt: skip
        raise InputError(
            f"{p}: unknown graph format {suffix!r} "
            "(use records .jsonl, .graphml, .gexf, .json or .csv)"
        )
    try:
        with p.open("rb") as fb:
            head = fb.read(_SNIFF)
        blank = len(head) < _SNIFF and not head.strip()
        G = nx.Graph() if blank else _read(p, suffix, rep, build_kwargs)
    except UnicodeDecodeError as exc:
        raise InputError(Messages.CANNOT_READ.format(path=p, reason="not UTF-8 text")) from exc
    except RecordError as exc:
        raise InputError(str(exc)) from exc
    except OSError as exc:
        raise InputError(Messages.CANNOT_READ.format(path=p, reason=exc.strerror or exc)) from exc
    except _UNREADABLE as exc:
        reason = (str(exc).splitlines() or [type(exc).__name__])[0]
        raise InputError(Messages.NOT_A_GRAPH.format(path=p, reason=reason)) from exc
    if G.number_of_edges() == 0:
        if require_edges:
            raise InputError(Messages.NO_EDGES.format(path=p))
        rep.warn(Messages.NO_EDGES.format(path=p))
    return G


def read_record_files(paths: Iterable[str | Path]) -> Iterator[Any]:
    """Stream the records of JSONL files written by ``allegiance extract``; ``-`` is stdin.

    The one records reader of the commands that analyse saved records.

    Raises:
        RecordError: naming the file (or ``<stdin>``) and line of the first invalid record.
    """
    from pydantic import ValidationError

    from ..schema import read_records, record_from_dict

    for path in paths:
        if str(path) != "-":
            yield from read_records(path)
            continue
        for lineno, line in enumerate(sys.stdin, 1):
            if not line.strip():
                continue
            try:
                yield record_from_dict(json.loads(line))
            except (json.JSONDecodeError, ValidationError) as exc:
                reason = str(exc).splitlines()[0]
                raise RecordError(
                    Messages.BAD_RECORD.format(path="<stdin>", line=lineno, reason=reason)
                ) from exc
