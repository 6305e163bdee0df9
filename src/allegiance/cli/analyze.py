"""``allegiance analyze``: the main job, with a terminal summary."""

from __future__ import annotations

import json
import sys
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..atomic import write_text_atomic
from ..bundle import Bundle, dump_bundle
from ..errors import Messages
from ..network.rollup import LEVELS
from .options import (
    exit_status,
    extract_options_from_kwargs,
    ingest_options,
    ingest_options_from_kwargs,
    model_options,
    network_filter_options,
    print_ingest_summary,
)
from .signals import Interrupted, exit_now, interruptible
from .store import STORE_ANALYSIS_KEYS, analyze_from_store, store_analysis_options

__all__ = ["analyze_cmd", "print_summary"]


@click.command("analyze")
@click.argument("paths", nargs=-1)
@click.option(
    "-o",
    "--output",
    default="report.html",
    show_default=True,
    help="Where to write the HTML report ('' to skip it).",
)
@click.option(
    "--json",
    "json_path",
    default=None,
    metavar="FILE",
    help="Also write the analysis bundle as JSON (documented in docs/bundle.md).",
)
@click.option(
    "--level",
    type=click.Choice(LEVELS),
    default="actor",
    show_default=True,
    help="Roll actors up to their parent organisation or country (needs the KB).",
)
@click.option(
    "--min-evidence",
    type=click.IntRange(1),
    default=1,
    show_default=True,
    help="Leave out ties with fewer distinct reports.",
)
@click.option(
    "--tie-weights",
    "tie_weights_path",
    default=None,
    metavar="FILE",
    help="YAML file of tie weights (own, named, anonymous, mixed_share...; docs/network.md).",
)
@network_filter_options
@store_analysis_options
@model_options
@ingest_options
def analyze_cmd(
    paths: tuple[str, ...],
    output: str,
    json_path: str | None,
    level: str,
    min_evidence: int,
    tie_weights_path: str | None,
    min_confidence: float,
    include_history: bool,
    **kwargs: Any,
) -> None:
    """Read articles and show who stands with whom: the network, camps, uneasy alliances.

    Ingests PATHS (files, directories, URLs, '-'), extracts actors, relations, quotes and
    numbers, builds the signed actor network, analyses its balance and camps, compares
    outlets, writes a self-contained HTML report and prints a summary. With no PATHS it
    runs on the bundled demo corpus (public-domain CENTCOM and State Department texts).

    \b
    Example:
        allegiance analyze
        allegiance analyze articles/ --outlet "Al Jazeera" -o report.html --json bundle.json
        allegiance analyze --store corpus.duckdb --since 2024-01-01 --evidence-per-tie 20
    """
    from ..analysis import AnalyzeOptions
    from ..errors import AllegianceError
    from ..ingest import IngestReport
    from ..network.ties import TieWeights

    try:
        tie_weights = TieWeights.load(tie_weights_path) if tie_weights_path else TieWeights()
    except AllegianceError as exc:
        raise click.UsageError(str(exc)) from exc
    strict = kwargs.pop("strict", False)
    stored = {key: kwargs.pop(key) for key in STORE_ANALYSIS_KEYS}
    ingest = ingest_options_from_kwargs(kwargs)
    options = AnalyzeOptions(
        extract=extract_options_from_kwargs(kwargs),
        ingest=ingest,
        level=level,
        min_evidence=min_evidence,
        tie_weights=tie_weights,
        min_confidence=min_confidence,
        include_history=include_history,
        since=stored["since"],
        until=stored["until"],
    )
    if not stored["store_path"]:
        for key, flag in (("only_outlets", "--only-outlet"), ("actors", "--actor")):
            if stored[key]:
                raise click.UsageError(f"{flag} filters a corpus store: give --store FILE")
    console = Console(stderr=True)
    report = IngestReport(log=False)
    bundle = _run(paths, stored, options, report, console)
    from_store = bool(stored["store_path"]) and not paths  # nothing read: the store is the input
    if not from_store:
        print_ingest_summary(report, console)
    if report.read == 0 and not from_store:
        sys.exit(exit_status(report, strict))
    written = []
    # Each output appears whole (a temporary file renamed into place) or not at all.
    if output:
        from ..report import render_report

        written.append(str(render_report(bundle, output)))
    if json_path:
        write_text_atomic(json_path, json.dumps(dump_bundle(bundle), indent=1))
        written.append(json_path)
    print_summary(bundle, Console(), written)
    sys.exit(0 if from_store else exit_status(report, strict))


def _run(
    paths: tuple[str, ...],
    stored: dict[str, Any],
    options: Any,
    report: Any,
    console: Console,
) -> Bundle:
    """The analysis, with a progress bar on a terminal; an interruption ends the command."""
    from ..analysis import analyze

    done = 0

    def advance(n: int) -> None:
        nonlocal done
        done = n
        bar.update(task, completed=n)

    with (
        interruptible(),
        Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.completed} documents"),
            TimeElapsedColumn(),
            console=console,
            transient=True,
            disable=not console.is_terminal,
        ) as bar,
    ):
        task = bar.add_task("Reading and extracting", total=None)
        try:
            if stored["store_path"]:
                bundle = analyze_from_store(paths, stored, options, report)
            else:
                bundle = analyze(list(paths), options=options, report=report, progress=advance)
        except Interrupted as stop:
            bar.stop()
            console.print(
                Messages.INTERRUPTED.format(signal=stop.name, done=done, where=Messages.NO_OUTPUT),
                soft_wrap=True,
                highlight=False,
            )
            exit_now(stop.exit_status)
    return bundle


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _members(bundle: Bundle, members: list[str], limit: int = 8) -> str:
    names = [bundle.name(a) for a in members[:limit]]
    more = f" +{len(members) - limit} more" if len(members) > limit else ""
    return ", ".join(names) + more


def print_summary(bundle: Bundle, console: Console, written: list[str]) -> None:
    """The terminal summary of an analysis bundle.

    Every number is read from the bundle (``counts``, ``uneasy_alliances``,
    ``frustration``, ``coalitions``), never recomputed, so the summary, the JSON bundle and
    the report agree.
    """
    meta, c = bundle.meta, bundle.counts
    console.print(
        f"[bold]{meta.n_documents}[/] documents ({meta.n_skipped} skipped) · "
        f"[bold]{c.actors}[/] actors in ties ({c.actors_mentioned} mentioned) · "
        f"[bold]{c.ties}[/] ties ([green]{c.friendly} friendly[/], [red]{c.hostile} "
        f"hostile[/], [yellow]{c.mixed} mixed[/], {c.neutral} neutral) · "
        f"{len(bundle.relations)} relations, {len(bundle.quotes)} quotes, "
        f"{len(bundle.quantities)} numbers"
    )
    _print_uneasy(bundle, console)
    if bundle.history and not meta.include_history:
        history = bundle.history
        pairs = ", ".join(f"{h.a_name or h.a} — {h.b_name or h.b}" for h in history[:4])
        more = f" +{len(history) - 4} more" if len(history) > 4 else ""
        console.print(
            f"History: {_plural(len(history), 'past tie')} left out of the network "
            f"(--include-history counts them): {pairs}{more}"
        )
    _print_balance(bundle, console)
    for path in written:
        console.print(f"Wrote [bold]{path}[/]")


def _print_uneasy(bundle: Bundle, console: Console) -> None:
    """The five strongest uneasy alliances as a table."""
    if not bundle.uneasy_alliances:
        return
    table = Table(title="Uneasy alliances (strongest first)", title_justify="left")
    for column in ("pair", "tie", "why"):
        table.add_column(column)
    table.add_column("reports +/−", justify="right")
    for u in bundle.uneasy_alliances[:5]:
        why = ", ".join(u.reason)
        if u.shared_enemies:
            why += " (against " + ", ".join(bundle.name(e) for e in u.shared_enemies[:3]) + ")"
        tie = (u.state or "") + (f": {u.description}" if u.description else "")
        table.add_row(
            f"{u.a_name or u.a} — {u.b_name or u.b}", tie, why, f"{u.positive}/{u.negative}"
        )
    console.print(table)


def _print_balance(bundle: Bundle, console: Console) -> None:
    """Triangles, the frustration index with its two sides, and the coalitions."""
    tri = bundle.triangles
    n_triangles = sum(int(n) for n in tri.census.values()) if tri is not None else 0
    if tri is not None and n_triangles:
        census = ", ".join(f"{k} {v}" for k, v in tri.census.items())
        strong, weak = tri.strong_balance_ratio, tri.weak_balance_ratio
        ratios = (
            f"; strong balance {strong:.0%}, weak {weak:.0%}"
            if strong is not None and weak is not None
            else ""
        )
        console.print(
            f"Triangles: {n_triangles} ({census}); {len(tri.unbalanced)} unbalanced{ratios}"
        )
    elif tri is not None:
        console.print("Triangles: none (balance needs closed triads of ties)")
    fr = bundle.frustration
    if fr is not None:
        exact = "exact" if fr.exact else f"heuristic, lower bound {fr.lower_bound}"
        console.print(
            f"Frustration index: {fr.index} ({exact}) — the fewest ties that "
            "must change for the network to split cleanly into two camps, which are:"
        )
        sides: dict[int, list[str]] = {}
        for actor, side in fr.partition.items():
            sides.setdefault(side, []).append(actor)
        for i, side in enumerate(sorted(sides), 1):
            console.print(f"  Side {i}: {_members(bundle, sides[side])}")
    camps = bundle.coalitions.camps if bundle.coalitions is not None else []
    if camps:
        console.print(
            f"Coalitions: {_plural(len(camps), 'camp')} (signed communities, "
            "fewest friendly ties between camps and hostile ties within):"
        )
        for i, camp in enumerate(camps[:4], 1):
            console.print(f"  Camp {i}: {_members(bundle, camp)}")
        if len(camps) > 4:
            console.print(f"  +{_plural(len(camps) - 4, 'more camp')}")
