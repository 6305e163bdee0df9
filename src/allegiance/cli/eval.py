"""``allegiance eval``: scores against gold annotations."""

from __future__ import annotations

import json
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from .extract import model_options

__all__ = ["eval_group"]


@click.group("eval")
def eval_group() -> None:
    """Score extraction against gold annotations.

    \b
    Example:
        allegiance eval re3d tests/data/re3d-dev
    """


@eval_group.command("re3d")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@model_options
def re3d_cmd(
    gold_dir: str,
    as_json: bool,
    model: str | None,
    kb_paths: tuple[str, ...],
    lexicon_paths: tuple[str, ...],
    n_process: int | None,
    **_: Any,  # the other model options (language check, sentence cap) do not apply
) -> None:
    """Precision, recall and F1 of actor mentions and signed relations on re3d-format gold.

    Mentions are scored against gold Organisation, Person and Nationality spans (overlap
    counts); relations against AlliesOf/Likes (+) and FightingAgainst/Dislikes (-), matching
    when both argument spans overlap, in either order. re3d is not exhaustive, so precision
    is a lower bound.

    \b
    Example:
        allegiance eval re3d tests/data/re3d-dev --json
    """
    from ..eval.relations import evaluate_re3d
    from ..nlp.pipeline import build_pipeline

    nlp = build_pipeline(model, kb_paths=kb_paths, lexicon_paths=lexicon_paths)
    scores = evaluate_re3d(gold_dir, nlp)
    if as_json:
        click.echo(json.dumps(scores.as_dict(), indent=2))
        return
    table = Table(title=f"re3d: {gold_dir} ({scores.n_documents} documents)")
    for col in ("", "precision", "recall", "F1", "gold", "predicted"):
        table.add_column(col, justify="right" if col else "left")
    rows: list[tuple[str, Any]] = [("mentions", scores.mentions), ("relations", scores.relations)]
    for name, s in rows:
        table.add_row(
            name,
            f"{s.precision:.3f}",
            f"{s.recall:.3f}",
            f"{s.f1:.3f}",
            str(s.n_gold),
            str(s.n_pred),
        )
    Console().print(table)
