"""``allegiance store``: the DuckDB corpus store (info, reextract, export, import, query),
and the ``--store`` branch of ``allegiance extract``."""

from __future__ import annotations

import csv
import json
import sys
from typing import Any

import click
from rich.console import Console

from .options import extract_options_from_kwargs, model_options
from .signals import Interrupted, exit_now, interruptible

__all__ = ["extract_into_store", "store_group"]


def extract_into_store(
    paths: tuple[str, ...],
    store_path: str,
    options: Any,
    ingest: Any,
    *,
    strict: bool,
    engine: str = "local",
    scheduler: str | None = None,
) -> None:
    """``allegiance extract PATHS --store FILE``: append to the store, skip what it holds."""
    from ..errors import Messages
    from ..ingest import IngestReport, read_documents
    from ..store import CorpusStore
    from ..store.extract import extract_to_store
    from .options import exit_status, print_ingest_summary

    console = Console(stderr=True)
    report = IngestReport(log=False)
    store = CorpusStore(store_path)
    before = store.counts()["documents"]
    with interruptible():
        try:
            documents = read_documents(list(paths), ingest, report)
            run_options = {"inputs": list(paths), "engine": engine}
            if engine == "dask":
                from ..engine.dask import extract_with_dask

                run = extract_with_dask(
                    store, documents, options=options, report=report, scheduler=scheduler,
                    run_options=run_options,
                )  # fmt: skip
            else:
                run = extract_to_store(
                    store, documents, options=options, report=report, run_options=run_options
                )
        except Interrupted as stop:
            done = store.counts()["documents"] - before
            store.close()
            where = f"the {done} finished documents are in {store_path}; run again to resume"
            console.print(
                Messages.INTERRUPTED.format(signal=stop.name, done=done, where=where),
                soft_wrap=True,
                highlight=False,
            )
            exit_now(stop.exit_status)
        finally:
            store.close()
    print_ingest_summary(report, console)
    parts = ", ".join(f"{n} {k}" for k, n in sorted(run.counts.items()) if k != "document")
    console.print(
        f"{store_path}: run {run.run_id} stored {run.written} documents"
        + (f" ({parts})" if parts else "")
        + f"; {run.skipped} already stored were skipped",
        highlight=False,
    )
    if run.stale:
        console.print(
            f"{store_path}: {run.stale} documents were extracted under other rules; "
            f"`allegiance store reextract {store_path}` brings them up to date",
            highlight=False,
        )
    sys.exit(exit_status(report, strict))


@click.group("store")
def store_group() -> None:
    """The DuckDB corpus store: what it holds, stale documents, Parquet, SQL.

    \b
    Example:
        allegiance extract articles/ --store corpus.duckdb
        allegiance store info corpus.duckdb
        allegiance analyze --store corpus.duckdb -o report.html
    """


@store_group.command("info")
@click.argument("store_path", metavar="STORE", type=click.Path(exists=True, dir_okay=False))
@model_options
@click.option("--json", "as_json", is_flag=True, help="Print the information as JSON.")
def info_cmd(store_path: str, as_json: bool, **kwargs: Any) -> None:
    """Rows per table, the runs, and how many documents are stale for the current rules.

    The model options say which rules are current (as for `extract`).

    \b
    Example:
        allegiance store info corpus.duckdb
        allegiance store info corpus.duckdb --lexicon my_triggers.yaml --json
    """
    from ..store import CorpusStore, rules_fingerprint

    options = extract_options_from_kwargs(kwargs)
    key = rules_fingerprint(options).key
    with CorpusStore(store_path, read_only=True) as store:
        info: dict[str, Any] = {
            "store": store_path,
            "meta": store.meta(),
            "counts": store.counts(),
            "rules_key": key,
            "documents_by_rules_key": store.rules_keys(),
            "stale": len(store.stale_documents(key)),
            "runs": store.runs(),
        }
    if as_json:
        click.echo(json.dumps(info, indent=1, default=str))
        return
    console = Console()
    counts = info["counts"]
    console.print(", ".join(f"{n} {t}" for t, n in counts.items()), highlight=False)
    for run in info["runs"]:
        c = run.get("counts") or {}
        console.print(
            f"run {run['run_id']} {run['command']} {run['status']} {run['started']} "
            f"rules {run['rules_key']} ({run['model']}): {c.get('document', 0)} documents, "
            f"{c.get('skipped', 0)} skipped",
            highlight=False,
        )
    stale = info["stale"]
    console.print(
        f"{stale} stale documents (current rules {key})"
        + (f"; run `allegiance store reextract {store_path}`" if stale else ""),
        highlight=False,
    )


@store_group.command("reextract")
@click.argument("store_path", metavar="STORE", type=click.Path(exists=True, dir_okay=False))
@click.option("--limit", type=click.IntRange(1), default=None, help="Re-extract at most this many.")
@click.option("--include-text", is_flag=True, help="Keep each document's text in its record.")
@model_options
def reextract_cmd(store_path: str, limit: int | None, include_text: bool, **kwargs: Any) -> None:
    """Extract again the documents stored under other rules (version, model, lexicon, KB).

    Each stale document's records are replaced in one transaction, from the text the store
    keeps; an interrupted reextract resumes when run again.

    \b
    Example:
        allegiance store reextract corpus.duckdb
        allegiance store reextract corpus.duckdb --lexicon my_triggers.yaml --limit 1000
    """
    from ..ingest import IngestReport
    from ..store import CorpusStore
    from ..store.extract import reextract
    from .options import print_ingest_summary

    options = extract_options_from_kwargs(kwargs, include_text=include_text)
    console = Console(stderr=True)
    report = IngestReport(log=False)
    with interruptible(), CorpusStore(store_path) as store:
        try:
            run = reextract(store, options=options, report=report, limit=limit)
        except Interrupted as stop:
            console.print(f"interrupted by {stop.name}; run again to resume", highlight=False)
            exit_now(stop.exit_status)
    print_ingest_summary(report, console)
    console.print(
        f"{store_path}: re-extracted {run.written} documents; {run.stale} still stale",
        highlight=False,
    )


@store_group.command("export")
@click.argument("store_path", metavar="STORE", type=click.Path(exists=True, dir_okay=False))
@click.argument("folder")
@click.option(
    "--partition",
    type=click.Choice(["day", "month", "year"]),
    default="month",
    show_default=True,
    help="Partition the tables by the documents' date cut to this.",
)
def export_cmd(store_path: str, folder: str, partition: str) -> None:
    """Write every table to Parquet under FOLDER, partitioned by document date.

    \b
    Example:
        allegiance store export corpus.duckdb parquet/ --partition month
        duckdb -c "SELECT count(*) FROM 'parquet/relations/**/*.parquet'"
    """
    from ..store import CorpusStore

    with CorpusStore(store_path, read_only=True) as store:
        out = store.export_parquet(folder, partition=partition)
    click.echo(f"wrote {out}/<table>/period=<{partition}>/*.parquet and {out}/runs.parquet")


@store_group.command("import")
@click.argument("store_path", metavar="STORE", type=click.Path(dir_okay=False))
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
def import_cmd(store_path: str, folder: str) -> None:
    """Add the documents of a Parquet export (FOLDER) to STORE; stored ones are skipped.

    \b
    Example:
        allegiance store import corpus.duckdb parquet/
    """
    from ..store import CorpusStore

    with CorpusStore(store_path) as store:
        added = store.import_parquet(folder)
    click.echo(
        f"{store_path}: added {added['documents']} documents ({added['relations']} relations); "
        f"{added['skipped']} already stored were skipped"
    )


@store_group.command("query")
@click.argument("store_path", metavar="STORE", type=click.Path(exists=True, dir_okay=False))
@click.argument("sql")
def query_cmd(store_path: str, sql: str) -> None:
    """Run one read-only SQL query on the store and print the rows as CSV.

    \b
    Example:
        allegiance store query corpus.duckdb \\
          "SELECT sentence.text FROM relations WHERE source.actor_id = 'USA' LIMIT 20"
    """
    import duckdb

    from ..errors import InputError
    from ..store import CorpusStore

    with CorpusStore(store_path, read_only=True) as store:
        try:
            cur = store.con.execute(sql)
        except duckdb.Error as exc:
            raise InputError(f"{store_path}: {str(exc).splitlines()[0]}") from exc
        writer = csv.writer(sys.stdout)
        writer.writerow([d[0] for d in cur.description or []])
        while rows := cur.fetchmany(10_000):
            writer.writerows(rows)


def store_analysis_options(f: Any) -> Any:
    """``analyze``'s options for reading a corpus store (docs/store.md)."""
    options = [
        click.option("--store", "store_path", default=None, metavar="FILE",
                     help="Analyse this DuckDB corpus store (PATHS, if any, are extracted "
                          "into it first). Example: --store corpus.duckdb"),
        click.option("--since", default=None, metavar="DATE",
                     help="The network of the period from this ISO date: relations about it "
                          "(their own time, else the document's; with --store: documents "
                          "published since). Example: --since 2014-01-01"),
        click.option("--until", default=None, metavar="DATE",
                     help="The network of the period to this ISO date (as --since)."),
        click.option("--only-outlet", "only_outlets", multiple=True, metavar="NAME",
                     help="With --store: only documents of this outlet (repeatable)."),
        click.option("--actor", "actors", multiple=True, metavar="ID",
                     help="With --store: only documents that mention this actor id "
                          "(repeatable). Example: --actor IRN"),
        click.option("--evidence-per-tie", type=click.IntRange(1), default=None, metavar="N",
                     help="With --store: embed only each tie's N heaviest reports (the "
                          "counts stay whole); the report says how to query the rest."),
        click.option("--max-records", type=click.IntRange(0), default=None, metavar="N",
                     help="With --store: embed at most N documents, quotes and numbers."),
        click.option("--mixed-rules", is_flag=True, default=False,
                     help="With --store: analyse documents extracted under different rules "
                          "together (else an error says to run `store reextract`)."),
    ]  # fmt: skip
    for option in reversed(options):
        f = option(f)
    return f


STORE_ANALYSIS_KEYS = (
    "store_path", "since", "until", "only_outlets", "actors", "evidence_per_tie",
    "max_records", "mixed_rules",
)  # fmt: skip


def analyze_from_store(
    paths: tuple[str, ...], settings: dict[str, Any], options: Any, report: Any
) -> Any:
    """``analyze --store``: extract PATHS into the store (if any), then analyse the store."""
    from ..analysis import analyze_store
    from ..ingest import read_documents
    from ..store import CorpusStore
    from ..store.extract import extract_to_store
    from ..store.network import DocFilter

    store_path = settings["store_path"]
    if paths:
        with CorpusStore(store_path) as store:
            documents = read_documents(list(paths), options.ingest, report)
            extract_to_store(
                store, documents, options=options.extract, report=report, command="analyze",
                run_options={"inputs": list(paths)},
            )  # fmt: skip
    where = DocFilter(
        since=settings["since"], until=settings["until"], outlet=settings["only_outlets"],
        actor=settings["actors"],
    )  # fmt: skip
    bundle = analyze_store(
        store_path, options=options, where=where, evidence_per_tie=settings["evidence_per_tie"],
        max_records=settings["max_records"], allow_mixed=settings["mixed_rules"],
    )  # fmt: skip
    if not bundle.meta.n_documents:
        from ..errors import AnalysisError

        raise AnalysisError(f"{store_path}: no stored document matches the filters")
    return bundle
