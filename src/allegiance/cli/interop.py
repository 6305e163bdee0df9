"""``allegiance export | import | kb``: the field's formats (PLOVER, CAMEO, GDELT, ICEWS, PETRARCH).

None of these commands loads spaCy; they read and write records and data files only.
"""

from __future__ import annotations

import sys
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import click

from ..errors import InputError
from .options import kb_option, print_warnings

__all__ = ["export_cmd", "import_cmd", "kb_group"]

_cameo_option = click.option(
    "--cameo",
    "cameo_paths",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    metavar="FILE",
    help="Extra CAMEO correspondence YAML (repeatable); overrides the bundled table key by key.",
)


@contextmanager
def _output(path: str) -> Any:
    """Write to ``path`` through a temporary file renamed at the end (``-``: stdout)."""
    if path == "-":
        yield sys.stdout
        return
    target = Path(path)
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        with tmp.open("w", encoding="utf-8", newline="") as fp:
            yield fp
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)


def _kb(kb_paths: tuple[str, ...]) -> Any:
    from ..kb import ActorKB

    return ActorKB.load(kb_paths)


@click.command("export")
@click.argument("fmt", metavar="plover|cameo", type=click.Choice(["plover", "cameo"]))
@click.argument("records", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "-o",
    "--output",
    default="-",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Output file (default stdout). PLOVER: JSONL, or one JSON array for a .json name; "
    "CAMEO: tab-separated with a header.",
)
@click.option("--include-negated", is_flag=True, help="Also export negated relations.")
@click.option("--include-hypothetical", is_flag=True, help="Also export hypothetical relations.")
@click.option(
    "--include-stances",
    is_flag=True,
    help="Also export the stances ALIGN and OPPOSE (not PLOVER events; CAMEO 050/110, lossy).",
)
@kb_option
@_cameo_option
def export_cmd(
    fmt: str,
    records: str,
    output: str,
    include_negated: bool,
    include_hypothetical: bool,
    include_stances: bool,
    kb_paths: tuple[str, ...],
    cameo_paths: tuple[str, ...],
) -> None:
    """Export the relations (and events) in RECORDS as PLOVER records or CAMEO-coded rows.

    RECORDS is JSONL from `allegiance extract` (or `allegiance import`). Each PLOVER record
    has the event type, mode, quad class, the actor and recipient with KB id, country, sector
    and CAMEO codes, the date, the evidence sentence and its document. CAMEO rows go through
    the CAMEO-PLOVER table; a `lossy` column says where the code says less (docs/interop.md).
    Negated and hypothetical relations and the stances are left out unless asked for.

    \b
    Example:
        allegiance export plover records.jsonl -o events.plover.jsonl
        allegiance export cameo records.jsonl -o events.cameo.tsv
    """
    from ..interop.cameo import load_cameo
    from ..interop.plover import (
        ExportOptions,
        cameo_rows,
        plover_records,
        write_cameo,
        write_plover,
    )
    from ..schema import read_records

    if records != "-" and not Path(records).exists():
        raise InputError(f"{records}: no such file or directory")
    source: Any = read_records(records if records != "-" else "/dev/stdin")
    options = ExportOptions(
        include_negated=include_negated,
        include_hypothetical=include_hypothetical,
        include_stances=include_stances,
    )
    counts: Counter[str] = Counter()
    kb, table = _kb(kb_paths), load_cameo(cameo_paths)
    with _output(output) as fp:
        if fmt == "plover":
            items = plover_records(source, kb=kb, table=table, options=options, counts=counts)
            write_plover(items, fp, array=output.lower().endswith(".json"))
        else:
            write_cameo(cameo_rows(source, kb=kb, table=table, options=options, counts=counts), fp)
    left = ", ".join(f"{n} {why}" for why, n in sorted(counts.items()) if why != "exported")
    click.echo(
        f"exported {counts['exported']} {fmt.upper()} records"
        + (f" (left out: {left})" if left else "")
        + (f" to {output}" if output != "-" else ""),
        err=True,
    )


@click.command("import")
@click.argument("fmt", metavar="gdelt|icews", type=click.Choice(["gdelt", "icews"]))
@click.argument("path", metavar="FILE", type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    default="-",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Records JSONL to write (default stdout): one document and one relation per event.",
)
@click.option(
    "--confidence",
    type=click.FloatRange(0, 1),
    default=0.5,
    show_default=True,
    help="Confidence of every imported relation (ties weigh reports by confidence).",
)
@kb_option
@_cameo_option
def import_cmd(
    fmt: str,
    path: str,
    output: str,
    confidence: float,
    kb_paths: tuple[str, ...],
    cameo_paths: tuple[str, ...],
) -> None:
    """Import a GDELT 2.0 events file or an ICEWS event file as allegiance records.

    Each event between two actors becomes a document (date, source URL, outlet) and a
    relation with provenance `gdelt` or `icews`: CAMEO codes go through the CAMEO-PLOVER
    table, GDELT's Goldstein score or ICEWS's intensity is the intensity, actor codes and
    names resolve to KB ids. Bad rows are one warning each (file:line); the rest is read.
    The output feeds `allegiance network`, `balance` and the other analyses.

    \b
    Example:
        allegiance import gdelt 20240105.export.CSV -o gdelt.jsonl
        allegiance import icews events.2016.tab -o icews.jsonl
        allegiance network gdelt.jsonl --level country -o gdelt_ties.csv
    """
    from ..interop.cameo import load_cameo
    from ..interop.events import ImportReport
    from ..interop.gdelt import read_gdelt
    from ..interop.icews import read_icews
    from ..schema import write_jsonl

    if not Path(path).exists():
        raise InputError(f"{path}: no such file or directory")
    reader = read_gdelt if fmt == "gdelt" else read_icews
    report = ImportReport(log=False)
    try:
        with _output(output) as fp:
            write_jsonl(
                reader(
                    path,
                    kb=_kb(kb_paths),
                    table=load_cameo(cameo_paths),
                    confidence=confidence,
                    report=report,
                ),
                fp,
            )
    finally:
        print_warnings(report.warnings)
    click.echo(f"{path}: {report.summary()}", err=True)


@click.group("kb")
def kb_group() -> None:
    """Knowledge-base tools: import actor dictionaries of other coders.

    \b
    Example:
        allegiance kb import-petrarch Phoenix.Countries.actors.txt -o petrarch_kb.yaml
        allegiance analyze articles/ --kb petrarch_kb.yaml
    """


@kb_group.command("import-petrarch")
@click.argument("dictionary", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "-o",
    "--output",
    default="-",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="YAML to write (default stdout): a KB file for --kb, or with --agents an agents file.",
)
@click.option(
    "--agents",
    is_flag=True,
    help="DICTIONARY is an agent dictionary (POLICE~ [~COP]): write agents.yaml with its words.",
)
@click.option(
    "--as-of",
    default=None,
    metavar="YYYY-MM-DD",
    help="Affiliate people with the role they held that day (default: their latest role).",
)
@click.option(
    "--people/--no-people",
    default=None,
    help="Every new entry is a person / none is (default: those with dated roles are).",
)
@kb_option
@_cameo_option
def import_petrarch_cmd(
    dictionary: str,
    output: str,
    agents: bool,
    as_of: str | None,
    people: bool | None,
    kb_paths: tuple[str, ...],
    cameo_paths: tuple[str, ...],
) -> None:
    """Read a PETRARCH/TABARI (CAMEO) actor dictionary into the KB format.

    Names the KB knows add their new spellings to that actor; a bare country code adds its
    names to the country; other entries become people (dated roles) or organisations under
    the actor of their code. Aliases the KB already gives another actor are dropped with a
    warning, so the file always loads with --kb. Each unreadable line is one warning.

    \b
    Example:
        allegiance kb import-petrarch actors.txt -o petrarch_kb.yaml
        allegiance kb import-petrarch leaders.txt --people --as-of 2016-06-30 -o leaders.yaml
        allegiance kb import-petrarch agents.txt --agents -o agents.yaml
    """
    from datetime import date

    from ..interop.cameo import load_cameo
    from ..interop.events import ImportReport
    from ..interop.petrarch import agents_yaml, kb_entries, kb_yaml, read_agents, read_petrarch

    if as_of is not None:
        try:
            as_of = date.fromisoformat(as_of).isoformat()
        except ValueError as exc:
            raise InputError(f"--as-of {as_of!r} is not an ISO date (YYYY-MM-DD)") from exc
    report = ImportReport(log=False)
    table = load_cameo(cameo_paths)
    fp: IO[str]
    try:
        if agents:
            text = agents_yaml(read_agents(dictionary, report), table, report, where=dictionary)
        else:
            entries = read_petrarch(dictionary, report)
            items = kb_entries(
                entries,
                _kb(kb_paths),
                table=table,
                as_of=as_of,
                people=people,
                report=report,
                where=dictionary,
            )
            text = kb_yaml(items, Path(dictionary).name)
        with _output(output) as fp:
            fp.write(text)
    finally:
        print_warnings(report.warnings)
    c = report.counts
    what = (
        f"{c['added']} words added"
        if agents
        else (f"{c['rows']} entries read; {c['added']} actors added, {c['extended']} extended")
    )
    click.echo(f"{dictionary}: {what}", err=True)
