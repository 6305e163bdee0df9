"""``allegiance audit``: measure precision on any corpus by judging a sample of relations."""

from __future__ import annotations

import json

import click
from rich.console import Console
from rich.table import Table

__all__ = ["audit_group"]


@click.group("audit")
def audit_group() -> None:
    """Judge a random sample of relations by hand and score the verdicts.

    \b
    Example:
        allegiance audit sample records.jsonl -n 50 --seed 1 -o audit.csv
        allegiance audit score audit.csv
    """


@audit_group.command("sample")
@click.argument("source", type=click.Path(exists=True, dir_okay=False))
@click.option("-n", "n", type=click.IntRange(1), default=50, show_default=True, help="Sample size.")
@click.option(
    "--seed", type=int, default=1, show_default=True, help="Random seed (same seed, same sample)."
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    required=True,
    help="Audit sheet to write: CSV, or JSONL when the name ends in .jsonl.",
)
@click.option(
    "--min-confidence",
    type=click.FloatRange(0, 1),
    default=0.0,
    help="Sample only relations with at least this confidence.",
)
@click.option(
    "--all-relations",
    is_flag=True,
    help="Also sample negated and hypothetical relations (by default only those the network counts).",
)
def sample_cmd(
    source: str, n: int, seed: int, output: str, min_confidence: float, all_relations: bool
) -> None:
    """Sample N relations from SOURCE (records JSONL or an analysis bundle JSON) for judging.

    The sheet has one row per relation: id, doc_id, pair, category, sign, confidence,
    trigger, the evidence sentence, and empty verdict and note columns. Fill verdict with
    y (the sentence says this about these two actors) or n; leave it empty to skip.

    \b
    Example:
        allegiance extract articles/ -o records.jsonl
        allegiance audit sample records.jsonl -n 50 --seed 1 -o audit.csv
        allegiance audit sample bundle.json -n 30 --min-confidence 0.5 -o audit.jsonl
    """
    from ..eval.audit import load_relations, sample_relations, write_audit

    relations = load_relations(source)
    picked = sample_relations(
        relations, n, seed=seed, min_confidence=min_confidence, network_only=not all_relations
    )
    written = write_audit(picked, output)
    click.echo(
        f"wrote {written} of {len(relations)} relations to {output}; fill in 'verdict'", err=True
    )


@audit_group.command("score")
@click.argument("sheet", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def score_cmd(sheet: str, as_json: bool) -> None:
    """Precision of the judged relations in SHEET, with a Wilson 95% interval, by category.

    \b
    Example:
        allegiance audit score audit.csv
        allegiance audit score audit.jsonl --json
    """
    from ..eval.audit import score_audit

    scores = score_audit(sheet)
    if as_json:
        click.echo(json.dumps(scores.as_dict(), indent=2))
        return
    table = Table(title=f"audit: {sheet} ({scores.unjudged} not judged)")
    for col in ("", "judged", "correct", "precision", "95% interval"):
        table.add_column(col, justify="left" if not col else "right")
    rows = [("all", scores.overall), *sorted(scores.by_category.items())]
    for name, p in rows:
        lo, hi = p.interval
        table.add_row(
            name, str(p.judged), str(p.correct), f"{p.precision:.2f}", f"{lo:.2f}-{hi:.2f}"
        )
    Console().print(table)
