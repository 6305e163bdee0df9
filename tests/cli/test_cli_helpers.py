"""The helpers the long commands were split into: the PLOVER tables and --kinds parsing."""

from __future__ import annotations

import re

import click
import pytest
from rich.console import Console

from allegiance.cli.eval import (
    _plover_confusion_table,
    _plover_event_table,
    _plover_table,
    _plover_threshold_table,
)
from allegiance.cli.extract import _wanted_kinds
from allegiance.eval.plover import CategoryScore, PloverScores


def _text(table) -> str:
    console = Console(width=200, record=True)
    console.print(table)
    return console.export_text()


def _scores() -> PloverScores:
    return PloverScores(
        n_records=10,
        n_unscorable=2,
        detected=4,
        quad_correct=3,
        n_predictions=8,
        n_predictions_matching=2,
        detected_spans=3,
        by_event={"AGREE": CategoryScore(n=5, detected=2, quad_correct=1)},
        confusion={(1, 1): 3, (3, None): 1},
    )


def test_plover_table_shows_the_counts_and_rates_of_its_scores() -> None:
    text = _text(_plover_table("gold.txt", _scores(), baseline=False))
    assert "PLOVER (allegiance): gold.txt" in text
    assert re.search(r"scorable \(source and target\) +│ +8 ", text)
    assert re.search(r"detection rate +│ +0\.500 ", text)  # 4 of 8 scorable
    assert re.search(r"detected by argument spans alone +│ +3 ", text)
    assert re.search(r"prediction precision +│ +0\.250 ", text)  # 2 of 8 relations
    assert "co-occurrence baseline" in _text(_plover_table("g", _scores(), baseline=True))


def test_plover_detail_tables_give_each_event_and_each_gold_quad_class_a_row() -> None:
    events = _text(_plover_event_table(_scores()))
    assert "AGREE" in events and "0.40" in events and "0.50" in events
    rows = [
        r
        for r in _text(_plover_confusion_table(_scores())).splitlines()
        if "coop" in r or "conflict" in r
    ]
    assert len(rows) == 4
    assert rows[0].split("│")[2].strip() == "3"  # gold 1, predicted 1
    assert rows[2].split("│")[-2].strip() == "1"  # gold 3, predicted none (a stance)


def test_plover_threshold_table_has_a_row_per_threshold() -> None:
    text = _text(_plover_threshold_table("gold.txt", [(0.0, _scores()), (0.5, _scores())]))
    assert "0.00" in text and "0.50" in text
    assert text.count("0.500") == 2


def test_wanted_kinds_reads_a_comma_list() -> None:
    assert _wanted_kinds(" relation, quote ,", resume=False) == {"relation", "quote"}


@pytest.mark.parametrize(
    ("kinds", "resume", "message"),
    [("relation,rumour", False, "unknown kind(s): rumour"), ("relation", True, "--resume needs")],
)
def test_wanted_kinds_refuses_unknown_kinds_and_resume_without_documents(
    kinds: str, resume: bool, message: str
) -> None:
    with pytest.raises(click.BadParameter, match=message.replace("(", r"\(").replace(")", r"\)")):
        _wanted_kinds(kinds, resume=resume)
