"""``allegiance network | balance | whatif | paths | coalitions``: the signed actor network.

These commands read saved records, exported graphs or CSV edge lists; they never load spaCy
or :mod:`allegiance.nlp`, so they start fast.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..bundle import Balance, dump_bundle
from ..errors import AnalysisError, InputError
from ..network import (
    EXPORT_FORMATS,
    GraphReadReport,
    balance_summary,
    build_network,
    coalitions,
    exposure_paths,
    parse_sign,
    read_graph,
    signed_graph,
    snapshots,
    whatif,
    write_graph,
)
from ..network.rollup import LEVELS, actor_rollup
from .options import kb_option, network_filter_options, print_warnings

__all__ = ["balance_cmd", "coalitions_cmd", "network_cmd", "paths_cmd", "whatif_cmd"]


def _dump(obj: Any) -> str:
    return json.dumps(obj, indent=2, default=str, ensure_ascii=False)


def _name(G: Any, node: Any) -> str:
    """The display name of ``node`` (its ``name`` attribute, else its id)."""
    data = G.nodes[node] if node in G else {}
    return str(data.get("name") or node)


def resolve_actor(G: Any, text: str, what: str = "--actor") -> Any:
    """The node of ``G`` that ``text`` names: an id, else a name (case and spacing ignored).

    Raises:
        click.BadParameter: no node has that id or name (with the closest names), or the name
            is shared by several nodes (with their ids, to pick one).
    """
    if text in G:
        return text
    key = " ".join(text.split()).casefold()
    for node in G.nodes:
        if str(node).casefold() == key:
            return node
    hits = [n for n in G.nodes if " ".join(_name(G, n).split()).casefold() == key]
    if len(hits) == 1:
        return hits[0]
    if hits:
        ids = ", ".join(f"{n} ({_name(G, n)})" for n in sorted(hits, key=str))
        raise click.BadParameter(
            f"{text!r} names {len(hits)} actors: {ids}; give an id", param_hint=what
        )
    names = sorted({_name(G, n) for n in G.nodes} | {str(n) for n in G.nodes})
    close = difflib.get_close_matches(text, names, n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    raise click.BadParameter(f"no actor with the id or name {text!r}{hint}", param_hint=what)


def _load(path: str) -> Any:
    """Read GRAPH for an analysis: each read warning one line on stderr; no edges is an error."""
    report = GraphReadReport(log=False)
    try:
        return read_graph(path, report=report, require_edges=True)
    finally:
        print_warnings(report.warnings)


@click.command("network")
@click.argument("records", type=click.Path(dir_okay=False))
@click.option(
    "--export",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    default=None,
    help="Export format (default: from the -o suffix; a summary table without -o).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help="Output file ('-' for stdout; with --window a suffix _SINCE is added).",
)
@click.option(
    "--level",
    type=click.Choice(LEVELS),
    default="actor",
    show_default=True,
    help="Roll actors up to their parent organisation or country (needs the KB).",
)
@click.option(
    "--since",
    default=None,
    help="Keep relations about a time on or after YYYY-MM-DD (their own time, else the "
    "document date).",
)
@click.option(
    "--until",
    default=None,
    help="Keep relations about a time on or before YYYY-MM-DD (their own time, else the "
    "document date).",
)
@click.option("--window", default=None, help="Write one snapshot per window, e.g. 365D, 6M, 1Y.")
@click.option(
    "--min-evidence",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Leave out ties with fewer distinct reports.",
)
@click.option("--directed", is_flag=True, help="One tie per (source, target) instead of per pair.")
@click.option("--include-negated", is_flag=True, help="Also count negated relations.")
@click.option("--include-hypothetical", is_flag=True, help="Also count hypothetical relations.")
@network_filter_options
@kb_option
def network_cmd(
    records: str,
    fmt: str | None,
    output: str | None,
    level: str,
    since: str | None,
    until: str | None,
    window: str | None,
    min_evidence: int,
    directed: bool,
    include_negated: bool,
    include_hypothetical: bool,
    min_confidence: float,
    include_history: bool,
    kb_paths: tuple[str, ...],
) -> None:
    """Build the signed actor network from RECORDS (JSONL from `allegiance extract`).

    Each tie aggregates its relations: evidence count, intensity, net sign, first and last
    date, outlets and relation ids. Exports are readable by Gephi (graphml, gexf), networkx
    (node-link json) or a spreadsheet (csv edge list).

    \b
    Example:
        allegiance network records.jsonl --export gexf -o network.gexf
        allegiance network records.jsonl --level country --min-evidence 2 -o ties.csv
        allegiance network records.jsonl --window 6M -o snap.graphml
        allegiance network records.jsonl --min-confidence 0.5 -o ties.csv
        allegiance network records.jsonl --since 2014-01-01 --until 2014-12-31
    """
    from ..schema import read_records

    if not Path(records).exists():
        raise InputError(f"{records}: no such file or directory")
    recs = list(read_records(records))
    kwargs: dict[str, Any] = {
        "level": level,
        "rollup": actor_rollup(recs, level=level, kb_paths=kb_paths),
        "min_evidence": min_evidence,
        "directed": directed,
        "include_negated": include_negated,
        "include_hypothetical": include_hypothetical,
        "min_confidence": min_confidence,
        "include_history": include_history,
    }
    if fmt is None and output and output != "-":
        fmt = Path(output).suffix.lstrip(".").lower() or None
        if fmt not in EXPORT_FORMATS:
            raise InputError(f"{output}: cannot tell the format from the suffix; pass --export")
    if window:
        graphs = snapshots(recs, window, since=since, until=until, **kwargs)
    else:
        graphs = [build_network(recs, since=since, until=until, **kwargs)]
    console = Console()
    for G in graphs:
        if output and fmt:
            if output == "-":
                if fmt != "json":
                    raise InputError("only --export json can be written to stdout")
                import networkx as nx

                click.echo(_dump(nx.node_link_data(G, edges="links")))
                continue
            out = Path(output)
            if window:
                out = out.with_name(f"{out.stem}_{G.graph['since']}{out.suffix}")
            write_graph(G, out, fmt)
            click.echo(
                f"wrote {out} ({G.number_of_nodes()} actors, {G.number_of_edges()} ties)", err=True
            )
        else:
            _print_network(console, G)


def _print_network(console: Console, G: Any) -> None:
    span = f" {G.graph.get('since')} .. {G.graph.get('until')}" if G.graph.get("since") else ""
    table = Table(title=f"{G.number_of_nodes()} actors, {G.number_of_edges()} ties{span}")
    for col in ("source", "target", "sign", "evidence", "+", "-", "intensity", "first", "last"):
        table.add_column(col)
    edges = sorted(G.edges(data=True), key=lambda e: -int(e[2].get("evidence", 0)))
    for a, b, d in edges[:40]:
        table.add_row(
            escape(str(G.nodes[a].get("name", a))), escape(str(G.nodes[b].get("name", b))),
            {1: "+", -1: "-", 0: "0"}.get(int(d.get("sign", 0)), "?"),
            str(d.get("evidence", "")), str(d.get("positive", "")), str(d.get("negative", "")),
            f"{d.get('intensity_mean', 0):.1f}", str(d.get("first") or ""), str(d.get("last") or ""),
        )  # fmt: skip
    console.print(table)
    history = G.graph.get("history") or []
    if history:
        console.print(
            f"{len(history)} historical tie(s) left out (--include-history counts them): "
            + ", ".join(
                f"{escape(str(h['a_name']))} – {escape(str(h['b_name']))}" for h in history[:5]
            )
        )


@click.command("balance")
@click.argument("graph", type=click.Path(dir_okay=False))
@click.option("--exact", is_flag=True, help="Prove the frustration index optimal (HiGHS MILP).")
@click.option(
    "--time-limit",
    type=click.FloatRange(min=0.01),
    default=None,
    help="Seconds for the frustration index (reports the gap when hit).",
)
@click.option("--weak", is_flag=True, help="Also weak balance: any number of camps.")
@click.option("--seed", type=int, default=0, show_default=True, help="Heuristic random seed.")
@click.option("--json", "as_json", is_flag=True, help="Print the results as one JSON object.")
def balance_cmd(
    graph: str, exact: bool, time_limit: float | None, weak: bool, seed: int, as_json: bool
) -> None:
    """Structural balance of GRAPH: triangle census, frustration index L, two camps.

    GRAPH is a records JSONL, a graph exported by `allegiance network` (graphml, gexf,
    json) or a CSV edge list with columns source,target,sign (header optional).

    \b
    Example:
        allegiance balance records.jsonl
        allegiance balance highland_tribes.csv --exact --weak --json
        allegiance balance big.csv --time-limit 30
    """
    G = _load(graph)
    report = balance_summary(G, exact=exact, time_limit=time_limit, weak=weak, seed=seed)
    if as_json:
        click.echo(_dump(dump_bundle(report)))
        return
    _print_balance(Console(), G, report)


def _print_balance(console: Console, G: Any, report: Balance) -> None:
    """The balance of a network as tables and lines, read from its :class:`Balance`."""
    t = Table(title=f"{report.nodes} actors, {report.edges} signed ties "
                    f"({report.negative_edges} negative)")  # fmt: skip
    for col in ("triangle", "count", "strong", "weak"):
        t.add_column(col)
    for kind, n in report.triangles.census.items():
        t.add_row(kind, str(n), "yes" if kind in ("+++", "+--") else "no",
                  "no" if kind == "++-" else "yes")  # fmt: skip
    console.print(t)

    def pct(x: float | None) -> str:
        return "n/a" if x is None else f"{100 * x:.1f}%"

    console.print(f"strongly balanced: {pct(report.triangles.strong_balance_ratio)}   "
                  f"weakly balanced: {pct(report.triangles.weak_balance_ratio)}")  # fmt: skip
    fr = report.frustration
    status = (
        "proved optimal" if fr.exact else f"lower bound {fr.lower_bound}, gap {100 * fr.gap:.1f}%"
    )
    console.print(f"frustration index L = {fr.index} ({status}, {fr.seconds:.2f} s)")
    camps: dict[int, list[str]] = {0: [], 1: []}
    for node, c in fr.partition.items():
        camps[c].append(_name(G, node))
    for c, members in camps.items():
        more = f" +{len(members) - 30} more" if len(members) > 30 else ""
        console.print(
            f"camp {c} ({len(members)}): "
            + escape(", ".join(sorted(members, key=str.casefold)[:30]))
            + more
        )
    if fr.frustrated_edges:
        console.print(
            "frustrated ties: "
            + escape(
                ", ".join(f"{_name(G, a)} - {_name(G, b)}" for a, b in fr.frustrated_edges[:30])
            )
        )
    wb = report.weak_balance
    if wb is not None:
        console.print(f"weak balance: {wb.index} disagreeing ties, {len(wb.clusters)} camps"
                      + (" (proved optimal)" if wb.exact else ""))  # fmt: skip
        for i, cl in enumerate(wb.clusters):
            console.print(f"  camp {i}: " + escape(", ".join(_name(G, n) for n in cl[:30])))


def _parse_pair(text: str, what: str) -> tuple[str, str]:
    a, sep, b = text.partition(":")
    if not sep or not a or not b:
        raise click.BadParameter(f"{text!r} is not like A:B", param_hint=what)
    return a.strip(), b.strip()


def _parse_flip(text: str) -> tuple[str, str, int]:
    pair, sep, sign = text.rpartition("=")
    if not sep:
        raise click.BadParameter(f"{text!r} is not like A:B=+ or A:B=-", param_hint="--flip")
    value = parse_sign(sign)
    if not value:
        raise click.BadParameter(f"sign {sign!r} is not + or -", param_hint="--flip")
    a, b = _parse_pair(pair, "--flip")
    return a, b, value


@click.command("whatif")
@click.argument("graph", type=click.Path(dir_okay=False))
@click.option(
    "--flip",
    "flips",
    multiple=True,
    metavar="A:B=+|-",
    help="Set the tie between A and B to + or - (repeatable).",
)
@click.option(
    "--remove", "removals", multiple=True, metavar="A:B", help="Remove the tie (repeatable)."
)
@click.option("--exact/--heuristic", default=None, help="Solve L exactly (default: small graphs).")
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
def whatif_cmd(
    graph: str, flips: tuple[str, ...], removals: tuple[str, ...], exact: bool | None, as_json: bool
) -> None:
    """What if a tie flips or disappears? Triads that change balance, new L, camp moves.

    \b
    Example:
        allegiance whatif highland_tribes.csv --flip 5:8=+
        allegiance whatif network.graphml --flip USA:IRN=+ --remove USA:ISIL --json
    """
    if not flips and not removals:
        raise click.UsageError("give at least one --flip or --remove")
    result = whatif(
        _load(graph),
        flips=[_parse_flip(f) for f in flips],
        removals=[_parse_pair(r, "--remove") for r in removals],
        exact=exact,
    )
    if as_json:
        click.echo(_dump(result))
        return
    console = Console()
    b, a = result["before"], result["after"]
    console.print(f"frustration index L: {b['index']} -> {a['index']} "
                  f"({'exact' if a['exact'] and b['exact'] else 'heuristic'})")  # fmt: skip
    t = Table(title=f"{len(result['triangles'])} triangles change balance")
    for col in ("triangle", "before", "after"):
        t.add_column(col)
    for tri in result["triangles"]:
        t.add_row(
            escape(" / ".join(map(str, tri["nodes"]))),
            str(tri["before"]),
            str(tri["after"] or "gone"),
        )
    console.print(t)
    if result["moved"]:
        console.print("change camp: " + escape(", ".join(str(m["actor"]) for m in result["moved"])))
    else:
        console.print("no actor changes camp")


@click.command("paths")
@click.argument("graph", type=click.Path(dir_okay=False))
@click.option(
    "--actor",
    required=True,
    help='Actor to start from: its id or its name (e.g. USA or "United States").',
)
@click.option(
    "--max-length",
    type=click.IntRange(min=1),
    default=3,
    show_default=True,
    help="Most positive ties in a chain.",
)
@click.option(
    "--score",
    type=click.Choice(["min", "product"]),
    default="min",
    show_default=True,
    help="Rank chains by their weakest link or by the product of evidence counts.",
)
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
def paths_cmd(
    graph: str, actor: str, max_length: int, score: str, limit: int, as_json: bool
) -> None:
    """Exposure paths: chains of friendly ties from ACTOR to one of its enemies.

    \b
    Example:
        allegiance paths records.jsonl --actor USA
        allegiance paths records.jsonl --actor "United States"
        allegiance paths network.graphml --actor USA --max-length 2 --json
    """
    G = _load(graph)
    node = resolve_actor(G, actor)
    found = exposure_paths(G, node, max_length=max_length, score=score, limit=limit)
    if as_json:
        click.echo(_dump(found))
        return
    console = Console()
    who = _name(G, node)
    if not found:
        console.print(f"no exposure paths from {escape(who)}")
        return
    t = Table(title=f"exposure paths from {escape(who)}")
    for col in ("chain", "evidence", "score"):
        t.add_column(col)
    for p in found:
        t.add_row(
            escape(" -> ".join(map(str, p["names"]))),
            ", ".join(map(str, p["evidence"])),
            str(p["score"]),
        )
    console.print(t)


@click.command("coalitions")
@click.argument("graph", type=click.Path(dir_okay=False))
@click.option(
    "--k",
    type=click.IntRange(min=2),
    default=None,
    help="Number of camps (default: let weak balance choose).",
)
@click.option(
    "--resolution",
    type=click.FloatRange(min=0.0),
    default=1.0,
    show_default=True,
    help="Weight of a hostile tie inside a camp against a friendly tie across camps.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
def coalitions_cmd(graph: str, k: int | None, resolution: float, as_json: bool) -> None:
    """Coalitions: camps friendly within and hostile between, with their tie signs.

    \b
    Example:
        allegiance coalitions highland_tribes.csv --k 3
        allegiance coalitions records.jsonl --json
    """
    G = _load(graph)
    try:
        result = coalitions(signed_graph(G), k, resolution=resolution)
    except AnalysisError:
        raise
    if as_json:
        click.echo(_dump(result))
        return
    console = Console()
    t = Table(
        title=f"{result['k']} camps, {result['disagreements']} disagreeing ties ({result['method']})"
    )
    for col in ("camp", "size", "+ within", "- within", "members"):
        t.add_column(col)
    for c in result["camps"]:
        t.add_row(str(c["id"]), str(c["size"]), str(c["positive"]), str(c["negative"]),
                  escape(", ".join(map(str, c["names"][:15]))))  # fmt: skip
    console.print(t)
    if result["between"]:
        bt = Table(title="between camps")
        for col in ("camps", "+", "-"):
            bt.add_column(col)
        for row in result["between"]:
            bt.add_row(f"{row['a']}-{row['b']}", str(row["positive"]), str(row["negative"]))
        console.print(bt)
