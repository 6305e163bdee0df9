"""The shared ingest CLI options, exit status and summary (allegiance.cli.options)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner
from rich.console import Console

from allegiance.cli.options import (
    exit_status,
    ingest_options,
    ingest_options_from_kwargs,
    print_ingest_summary,
)
from allegiance.ingest import IngestOptions, IngestReport, read_documents


@click.command()
@click.argument("paths", nargs=-1)
@ingest_options
def toy(paths: tuple[str, ...], **kwargs: Any) -> None:
    """A command that reads documents like extract/analyze do."""
    options = ingest_options_from_kwargs(kwargs)
    strict = kwargs.pop("strict")
    assert not kwargs
    report = IngestReport(log=False)
    for doc in read_documents(paths, options, report):
        click.echo(f"{doc.doc_id}\t{doc.outlet}\t{doc.published}")
    print_ingest_summary(report)  # default: a rich console on (the runner's) stderr
    raise SystemExit(exit_status(report, strict))


def test_options_reach_the_reader(tmp_path: Path) -> None:
    p = tmp_path / "docs.csv"
    p.write_text("key,body\nk1,Iran backs Assad.\n")
    result = CliRunner().invoke(
        toy,
        [str(p), "--id-field", "key", "--text-field", "body", "--outlet", "Al Jazeera",
         "--published", "November 9, 2014"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout == "k1\tAl Jazeera\t2014-11-09\n"
    assert "read 1 document, skipped 0" in result.stderr


def test_warnings_printed_one_per_line_and_exit_status(tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_text("The US advises the Iraqi army.")
    missing = tmp_path / ("very-long-directory-name-" * 3) / "missing.txt"
    runner = CliRunner()
    result = runner.invoke(toy, [str(good), str(missing)])
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert lines[0] == f"warning: {missing}: no such file or directory"  # not wrapped
    assert lines[-1] == "read 1 document, skipped 1"
    assert "Traceback" not in result.output
    assert runner.invoke(toy, [str(good), str(missing), "--strict"]).exit_code == 1
    assert runner.invoke(toy, [str(missing)]).exit_code == 1


def test_max_bytes_accepts_units(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("Iran. " * 400)  # 2400 bytes
    runner = CliRunner()
    assert runner.invoke(toy, [str(p), "--max-bytes", "2k"]).exit_code == 1
    assert runner.invoke(toy, [str(p), "--max-bytes", "3kb"]).exit_code == 0
    bad = runner.invoke(toy, [str(p), "--max-bytes", "lots"])
    assert bad.exit_code == 2 and "is not a size" in bad.output


def test_options_from_kwargs_pops_only_ingest_options() -> None:
    kwargs: dict[str, Any] = {"outlet": None, "published": None, "timeout": 3.0, "strict": True,
                              "max_bytes": 10, "format": "jsonl"}  # fmt: skip
    options = ingest_options_from_kwargs(kwargs)
    assert options == IngestOptions(timeout=3.0, max_bytes=10)
    assert kwargs == {"strict": True, "format": "jsonl"}


@pytest.mark.parametrize(
    ("read", "skipped", "strict", "status"),
    [(1, 0, False, 0), (1, 2, False, 0), (1, 2, True, 1), (0, 0, False, 1), (3, 0, True, 0)],
)
def test_exit_status(read: int, skipped: int, strict: bool, status: int) -> None:
    report = IngestReport(log=False)
    report.read = read
    for i in range(skipped):
        report.add_skip(f"f{i}", f"f{i}: bad")
    assert exit_status(report, strict) == status


def test_summary_escapes_markup() -> None:
    report = IngestReport(log=False)
    report.add_warning("[bold]x.txt[/bold]: odd name")
    buf = io.StringIO()
    print_ingest_summary(report, Console(file=buf, width=200))
    assert buf.getvalue().splitlines() == [
        "warning: [bold]x.txt[/bold]: odd name",
        "read 0 documents, skipped 0",
    ]


def test_furniture_options_reach_ingest_options(tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text("rules: []\n")
    seen: list[IngestOptions] = []

    @click.command()
    @ingest_options
    def probe(**kwargs: Any) -> None:
        seen.append(ingest_options_from_kwargs(kwargs))

    runner = CliRunner()
    assert runner.invoke(probe, []).exit_code == 0
    assert (
        runner.invoke(probe, ["--furniture", "keep", "--furniture-rules", str(rules)]).exit_code
        == 0
    )
    assert seen[0].furniture is True and seen[0].furniture_rules == ()
    assert seen[1].furniture is False and seen[1].furniture_rules == (str(rules),)
    assert runner.invoke(probe, ["--furniture", "strip"]).exit_code == 2
