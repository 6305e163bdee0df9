"""``allegiance eval``: scores against gold annotations."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import click
from rich.console import Console
from rich.table import Table

from .extract import model_options

if TYPE_CHECKING:
    from ..eval.plover import PloverScores

__all__ = ["eval_group"]


def _thresholds(ctx: click.Context, param: click.Parameter, value: str | None) -> list[float]:
    if value is None:
        return []
    try:
        out = [float(v) for v in value.split(",") if v.strip()]
    except ValueError as exc:
        raise click.BadParameter(f"not a comma-separated list of numbers: {value!r}") from exc
    if not out or any(not 0.0 <= v <= 1.0 for v in out):
        raise click.BadParameter("thresholds are numbers between 0 and 1, e.g. 0,0.3,0.5,0.7")
    return out


def _threshold_option(f: Any) -> Any:
    f = click.option(
        "--confidence-weights",
        "weights_path",
        type=click.Path(exists=True, dir_okay=False),
        default=None,
        metavar="FILE",
        help="YAML of relation-confidence weights overriding the bundled ones "
        "(src/allegiance/nlp/data/confidence.yaml) for --thresholds and --min-confidence.",
    )(f)
    return click.option(
        "--thresholds",
        metavar="T1,T2,...",
        default=None,
        callback=_thresholds,
        help="Score again keeping only relations whose confidence reaches each threshold "
        "(one pipeline run), e.g. --thresholds 0,0.3,0.5,0.7.",
    )(f)


def _weights(path: str | None) -> Any:
    from ..nlp.confidence import load_confidence_model

    return load_confidence_model((path,) if path else ())


def _weights_and_pipeline(
    weights_path: str | None,
    model: str | None,
    kb_paths: tuple[str, ...],
    lexicon_paths: tuple[str, ...],
    max_sentence_tokens: int,
) -> tuple[Any, Any]:
    """The confidence weights (a bad file fails before the model loads), then the pipeline."""
    from ..nlp.pipeline import build_pipeline

    weights = _weights(weights_path)
    nlp = build_pipeline(
        model,
        kb_paths=kb_paths,
        lexicon_paths=lexicon_paths,
        max_sentence_tokens=max_sentence_tokens,
    )
    return weights, nlp


@click.group("eval")
def eval_group() -> None:
    """Score extraction against gold annotations.

    \b
    Example:
        allegiance eval re3d tests/data/re3d-dev
        allegiance eval plover ../shared/data/plover-dev/PLOVER_GSR_CAMEO.txt --details
    """


@eval_group.command("re3d")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@_threshold_option
@model_options
def re3d_cmd(
    gold_dir: str,
    as_json: bool,
    thresholds: list[float],
    weights_path: str | None,
    model: str | None,
    kb_paths: tuple[str, ...],
    lexicon_paths: tuple[str, ...],
    max_sentence_tokens: int,
    **_: Any,
) -> None:
    """Precision, recall and F1 of actor mentions and signed relations on re3d-format gold.

    Mentions are scored against gold Organisation, Person and Nationality spans (overlap
    counts); relations against AlliesOf/Likes (+) and FightingAgainst/Dislikes (-), matching
    when both argument spans overlap, in either order. re3d is not exhaustive, so precision
    is a lower bound. With --thresholds, relations are scored again at each confidence
    threshold (see docs/eval.md).

    \b
    Example:
        allegiance eval re3d tests/data/re3d-dev --json
        allegiance eval re3d tests/data/re3d-dev --thresholds 0,0.3,0.5,0.7
    """

    weights, nlp = _weights_and_pipeline(
        weights_path, model, kb_paths, lexicon_paths, max_sentence_tokens
    )
    if thresholds:
        from ..eval.thresholds import re3d_by_threshold

        rows = re3d_by_threshold(gold_dir, nlp, thresholds, weights)
        if as_json:
            click.echo(json.dumps([{"threshold": t, **s.as_dict()} for t, s in rows], indent=2))
            return
        table = Table(title=f"re3d relations by confidence threshold: {gold_dir}")
        for col in ("threshold", "precision", "recall", "F1", "predicted", "correct"):
            table.add_column(col, justify="right")
        for t, s in rows:
            table.add_row(
                f"{t:.2f}", f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}",
                str(s.n_pred), str(s.tp),
            )  # fmt: skip
        Console().print(table)
        return
    from ..eval.relations import evaluate_re3d

    scores = evaluate_re3d(gold_dir, nlp)
    if as_json:
        click.echo(json.dumps(scores.as_dict(), indent=2))
        return
    table = Table(title=f"re3d: {gold_dir} ({scores.n_documents} documents)")
    for col in ("", "precision", "recall", "F1", "gold", "predicted"):
        table.add_column(col, justify="right" if col else "left")
    rows_: list[tuple[str, Any]] = [
        ("mentions", scores.mentions),
        ("relations", scores.relations),
    ]
    for name, s in rows_:
        table.add_row(
            name,
            f"{s.precision:.3f}",
            f"{s.recall:.3f}",
            f"{s.f1:.3f}",
            str(s.n_gold),
            str(s.n_pred),
        )
    Console().print(table)


_QUAD_NAMES = {
    1: "1 verbal coop",
    2: "2 material coop",
    3: "3 verbal conflict",
    4: "4 material conflict",
}


@eval_group.command("plover")
@click.argument("gold_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option(
    "--details",
    is_flag=True,
    help="Also print detection per gold event label and the confusion table of quad classes.",
)
@click.option(
    "--baseline",
    is_flag=True,
    help="Score the sentence co-occurrence baseline (every pair of actor mentions in a "
    "sentence, quad class of the first trigger word) with the same scorer.",
)
@click.option(
    "--min-confidence",
    type=click.FloatRange(0, 1),
    default=0.0,
    show_default=True,
    help="Ignore relations whose confidence is below this.",
)
@_threshold_option
@model_options
def plover_cmd(
    gold_file: str,
    as_json: bool,
    details: bool,
    baseline: bool,
    min_confidence: float,
    thresholds: list[float],
    weights_path: str | None,
    model: str | None,
    kb_paths: tuple[str, ...],
    lexicon_paths: tuple[str, ...],
    max_sentence_tokens: int,
    **_: Any,
) -> None:
    """Event detection rate and quad-class accuracy on PLOVER gold records.

    A record (one sentence) is detected when a non-negated relation links the gold source and
    target actor texts, in either order: by its argument spans or by another mention of the
    same actor in the sentence ("it" for "Hungary"; the count by argument spans alone is shown
    too); quad accuracy
    is the share of detected records whose relation has the gold event's quad class. Records
    without a gold source or target are counted apart. "Prediction precision" is the share of
    relations that link a gold pair (rough: the gold codes one event per sentence).

    \b
    Example:
        allegiance eval plover ../shared/data/plover-dev/PLOVER_GSR_CAMEO.txt --details
        allegiance eval plover PLOVER_GSR_CAMEO.txt --baseline --json
    """
    from ..eval.plover import evaluate_plover

    weights, nlp = _weights_and_pipeline(
        weights_path, model, kb_paths, lexicon_paths, max_sentence_tokens
    )
    if thresholds:
        from ..eval.thresholds import plover_by_threshold

        by_t = plover_by_threshold(gold_file, nlp, thresholds, weights)
        if as_json:
            click.echo(json.dumps([{"threshold": t, **s.as_dict()} for t, s in by_t], indent=2))
        else:
            Console().print(_plover_threshold_table(gold_file, by_t))
        return
    scores = evaluate_plover(
        gold_file,
        nlp,
        baseline=baseline,
        min_confidence=min_confidence,
        lexicon_paths=lexicon_paths,
        confidence_model=weights,
    )
    if as_json:
        click.echo(json.dumps(scores.as_dict(), indent=2))
        return
    console = Console()
    console.print(_plover_table(gold_file, scores, baseline))
    if details:
        console.print(_plover_event_table(scores))
        console.print(_plover_confusion_table(scores))


def _plover_threshold_table(gold_file: str, by_t: list[tuple[float, PloverScores]]) -> Table:
    """PLOVER scores at each confidence threshold, one row a threshold."""
    table = Table(title=f"PLOVER by confidence threshold: {gold_file}")
    for col in ("threshold", "detection", "quad acc.", "relations", "linking gold", "prec."):
        table.add_column(col, justify="right")
    for t, s in by_t:
        table.add_row(
            f"{t:.2f}", f"{s.detection:.3f}", f"{s.quad_accuracy:.3f}",
            str(s.n_predictions), str(s.n_predictions_matching),
            f"{s.prediction_precision:.3f}",
        )  # fmt: skip
    return table


def _plover_table(gold_file: str, scores: PloverScores, baseline: bool) -> Table:
    """The headline PLOVER scores: records, detection, quad accuracy, precision."""
    what = "co-occurrence baseline" if baseline else "allegiance"
    table = Table(title=f"PLOVER ({what}): {gold_file}")
    table.add_column("")
    table.add_column("value", justify="right")
    for name, value in (
        ("records", str(scores.n_records)),
        ("scorable (source and target)", str(scores.n_scorable)),
        ("detected", str(scores.detected)),
        ("detection rate", f"{scores.detection:.3f}"),
        ("detected by argument spans alone", str(scores.detected_spans)),
        ("quad accuracy (detected)", f"{scores.quad_accuracy:.3f}"),
        ("relations", str(scores.n_predictions)),
        ("prediction precision", f"{scores.prediction_precision:.3f}"),
    ):
        table.add_row(name, value)
    return table


def _plover_event_table(scores: PloverScores) -> Table:
    """Detection and quad accuracy per gold event label."""
    by_event = Table(title="by gold event label")
    for col in ("event", "records", "detected", "detection", "quad acc."):
        by_event.add_column(col, justify="left" if col == "event" else "right")
    for event, c in sorted(scores.by_event.items()):
        by_event.add_row(
            event, str(c.n), str(c.detected), f"{c.detection:.2f}", f"{c.quad_accuracy:.2f}"
        )
    return by_event


def _plover_confusion_table(scores: PloverScores) -> Table:
    """Gold quad class against predicted quad class of the detected records."""
    confusion = Table(title="quad classes of detected records (rows: gold, columns: predicted)")
    predicted_cols: list[int | None] = [1, 2, 3, 4, None]
    confusion.add_column("gold")
    for p in predicted_cols:
        confusion.add_column("none" if p is None else str(p), justify="right")
    for g in (1, 2, 3, 4):
        confusion.add_row(
            _QUAD_NAMES[g], *(str(scores.confusion.get((g, p), 0)) for p in predicted_cols)
        )
    return confusion
