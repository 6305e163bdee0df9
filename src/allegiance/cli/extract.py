"""``allegiance extract`` and ``allegiance schema``."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

import click
from rich.console import Console

from .options import (
    exit_status,
    extract_options_from_kwargs,
    ingest_options,
    ingest_options_from_kwargs,
    model_options,
    print_ingest_summary,
)
from .progress import ExtractProgress, input_size
from .signals import Interrupted, exit_now, interruptible

if TYPE_CHECKING:
    from ..export import RecordWriter

__all__ = ["extract_cmd", "extract_options_from_kwargs", "model_options", "schema_cmd"]


@click.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "parquet"]),
    default="jsonl",
    show_default=True,
    help="Output format; csv and parquet write one table per record kind.",
)
@click.option(
    "-o",
    "--output",
    default="-",
    show_default=True,
    help="Output file (jsonl) or directory/prefix (csv, parquet); '-' is stdout.",
)
@click.option(
    "--kinds",
    default="document,mention,relation,act,quote,quantity",
    show_default=True,
    help="Comma-separated record kinds to write.",
)
@click.option("--include-text", is_flag=True, help="Keep each document's text in its record.")
@click.option(
    "--resume",
    is_flag=True,
    default=False,
    help="Continue an interrupted run: keep the records already in -o and skip their "
    "documents (same sha256).",
)
@click.option(
    "--store",
    "store_path",
    default=None,
    metavar="FILE",
    help="Append to this DuckDB corpus store instead of writing files; documents it holds "
    "are skipped (docs/store.md). Example: --store corpus.duckdb",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="With --store: 'dask' spreads the input over a Dask cluster (pip install "
    "'allegiance[dask]'). Example: --engine dask --scheduler tcp://head:8786",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    help="With --engine dask: a dask.distributed scheduler (default: a local cluster).",
)
@model_options
@ingest_options
def extract_cmd(
    paths: tuple[str, ...],
    fmt: str,
    output: str,
    kinds: str,
    include_text: bool,
    resume: bool,
    store_path: str | None,
    engine: str,
    scheduler: str | None,
    **kwargs: Any,
) -> None:
    """Extract records from articles: documents, actor mentions, relations, quotes, numbers.

    PATHS are files, directories, http(s) URLs or '-' for stdin (.txt, .md, .html, .json,
    .jsonl, .csv, .tsv). Records are written as JSON Lines (see `allegiance schema`).

    Output files are written whole documents at a time through a temporary file that is
    renamed at the end. On Ctrl-C or SIGTERM the records of the finished documents are kept,
    OUT.partial.json says how far the run got, and --resume continues it.

    \b
    Example:
        allegiance extract articles/ -o records.jsonl
        allegiance extract articles/ -o records.jsonl --resume   # after an interruption
        allegiance extract news.jsonl --format parquet -o out/
        allegiance extract articles/ --store corpus.duckdb   # skips what it holds
        cat story.txt | allegiance extract - --outlet "Al Jazeera" --published 2014-11-10
    """
    from ..ingest import IngestReport

    strict = kwargs.pop("strict", False)
    ingest = ingest_options_from_kwargs(kwargs)
    wanted = _wanted_kinds(kinds, resume)
    options = extract_options_from_kwargs(kwargs, include_text=include_text, kinds=wanted)
    if store_path or engine != "local":
        from .store import extract_into_store

        if not store_path:
            raise click.UsageError("--engine dask writes to a store: give --store FILE")
        extract_into_store(
            paths, store_path, options, ingest, strict=strict, engine=engine, scheduler=scheduler
        )
    report = IngestReport(log=False)
    console = Console(stderr=True)
    writer = _write_records(paths, fmt, output, resume, options, ingest, report, console)
    print_ingest_summary(report, console)
    if writer.counts:
        console.print("wrote " + ", ".join(_count(n, k) for k, n in sorted(writer.counts.items())))
    sys.exit(exit_status(report, strict))


_KINDS = frozenset({"document", "mention", "relation", "act", "quote", "quantity"})


def _wanted_kinds(kinds: str, resume: bool) -> frozenset[str]:
    """The record kinds --kinds names; a bad name, or --resume without documents, is a usage
    error."""
    wanted = frozenset(k.strip() for k in kinds.split(",") if k.strip())
    unknown = wanted - _KINDS
    if unknown:
        raise click.BadParameter(
            f"unknown kind(s): {', '.join(sorted(unknown))}", param_hint="--kinds"
        )
    if resume and "document" not in wanted:
        raise click.BadParameter("--resume needs document records", param_hint="--kinds")
    return wanted


def _write_records(
    paths: tuple[str, ...],
    fmt: str,
    output: str,
    resume: bool,
    options: Any,
    ingest: Any,
    report: Any,
    console: Console,
) -> RecordWriter:
    """Extract the documents and write their records, whole documents at a time; on Ctrl-C,
    SIGTERM or an error keep what is finished, say where it is, and stop."""
    from ..errors import Messages
    from ..export import RecordWriter
    from ..ingest import read_documents
    from ..nlp.pipeline import extract_grouped

    writer: RecordWriter | None = None
    groups = None
    with interruptible():
        try:
            writer = RecordWriter(fmt, output, stdout=sys.stdout, resume=resume)
            documents = read_documents(list(paths), ingest, report)
            if writer.done:
                console.print(Messages.RESUMED.format(path=output, done=len(writer.done)))
                documents = (d for d in documents if d.sha256 not in writer.done)
            with ExtractProgress(console, input_size(paths)) as progress:
                groups = extract_grouped(progress.watch(documents), options=options, report=report)
                for group in groups:
                    writer.write(group)
                    if group:
                        progress.done(group[0].doc_id)
            writer.commit()
        except Interrupted as stop:
            _close(groups)
            where = _stopped(writer, "interrupted", stop.name, paths)
            console.print(
                Messages.INTERRUPTED.format(signal=stop.name, done=_done(writer), where=where),
                soft_wrap=True,
                highlight=False,
            )
            exit_now(stop.exit_status)
        except Exception as exc:
            _close(groups)
            where = _stopped(writer, "failed", str(exc), paths)
            print_ingest_summary(report, console)
            console.print(
                Messages.FAILED_RUN.format(done=_done(writer), where=where),
                soft_wrap=True,
                highlight=False,
            )
            raise
    assert writer is not None
    return writer


def _close(groups: Any) -> None:
    """Close the extraction stream: its worker processes end with it."""
    if groups is not None:
        groups.close()


def _done(writer: Any) -> int:
    return 0 if writer is None else int(writer.documents)


def _stopped(writer: Any, status: str, reason: str, paths: tuple[str, ...]) -> str:
    """Keep what a stopped run finished; say where it is, in words."""
    from ..errors import Messages

    if writer is None:
        return Messages.NO_OUTPUT
    note = writer.abort(status, reason, inputs=list(paths))
    if note is None:
        if writer.to_stdout and writer.documents:
            return "the records of the finished documents went to standard output"
        return Messages.NO_OUTPUT
    files = ", ".join(str(p) for p in writer.targets())
    return Messages.PARTIAL_OUTPUT.format(
        done=writer.documents + writer.kept, path=files, status=note
    )


@click.command("schema")
@click.option("-o", "--output", default="-", help="Write to this file instead of stdout.")
@click.option(
    "--bundle",
    "of_bundle",
    is_flag=True,
    help="The JSON Schema of the analysis bundle (bundle.json) instead of the records'.",
)
def schema_cmd(output: str, of_bundle: bool) -> None:
    """Print the JSON Schema that every record (or, with --bundle, bundle.json) validates against.

    \b
    Example:
        allegiance schema -o docs/records.schema.json
        allegiance schema --bundle -o docs/bundle.schema.json
    """
    if of_bundle:
        from ..bundle import bundle_json_schema as json_schema
    else:
        from ..schema import json_schema

    text = json.dumps(json_schema(), indent=2, sort_keys=True) + "\n"
    if output == "-":
        click.echo(text, nl=False)
    else:
        with open(output, "w", encoding="utf-8") as fp:
            fp.write(text)


def _count(n: int, kind: str) -> str:
    """ "1 quote", "192 quantities"."""
    if n == 1:
        return f"1 {kind}"
    return f"{n} {kind[:-1]}ies" if kind.endswith("y") else f"{n} {kind}s"
