"""``allegiance analyze`` on the founding articles: the terminal summary tells the bundle's account.

The seed texts are copied from ../shared/seeds into a temporary folder (never committed).
"""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from allegiance.cli import main

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def run(seed_texts, tmp_path_factory, nlp):
    folder = tmp_path_factory.mktemp("seeds")
    for name, text in seed_texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    bundle_path = folder / "bundle.json"
    # a wide terminal, so that rich does not wrap table cells
    result = CliRunner(env={"COLUMNS": "250"}).invoke(
        main, ["analyze", str(folder / "000_e62be7c73eca7f33.txt"),
               str(folder / "004_5ff732ae76819818.txt"), "-o", "", "--json", str(bundle_path)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())  # rich wraps lines at the terminal width
    return text, json.loads(bundle_path.read_text(encoding="utf-8"))


def test_summary_counts_are_the_bundles(run):
    text, bundle = run
    c = bundle["counts"]
    assert c["actors"] == len(bundle["network"]["nodes"])
    assert c["ties"] == len(bundle["network"]["edges"])
    assert c["friendly"] + c["hostile"] + c["mixed"] + c["neutral"] == c["ties"]
    assert f"{c['actors']} actors in ties ({c['actors_mentioned']} mentioned)" in text
    assert (
        f"{c['ties']} ties ({c['friendly']} friendly, {c['hostile']} hostile, "
        f"{c['mixed']} mixed, {c['neutral']} neutral)"
    ) in text
    states = [e["state"] for e in bundle["network"]["edges"]]
    assert states.count("mixed") == c["mixed"] >= 1


def test_two_camps_sentence_lists_two_sides_and_coalitions_their_own_count(run):
    text, bundle = run
    assert "split cleanly into two camps" in text
    sides = set(bundle["frustration"]["partition"].values())
    assert len(re.findall(r"Side \d+:", text)) == len(sides) == 2
    camps = bundle["coalitions"]["camps"]
    n = len(camps)
    assert f"Coalitions: {n} camp{'s' if n != 1 else ''}" in text
    assert len(re.findall(r"Camp \d+:", text)) == min(n, 4)


def test_uneasy_alliance_row_says_the_ties_state(run):
    text, bundle = run
    us_iran = [u for u in bundle["uneasy_alliances"] if {u["a"], u["b"]} == {"IRN", "USA"}]
    assert us_iran and us_iran[0]["state"] == "mixed"
    assert "mixed: material cooperation; hostile stance" in text
    edge = next(
        e for e in bundle["network"]["edges"] if {e["source"], e["target"]} == {"IRN", "USA"}
    )
    assert edge["state"] == us_iran[0]["state"]
    # compare reads the same aggregation: its tie for the pair is the network's
    ties = [
        t
        for o in bundle["outlets"].values()
        for t in o["ties"]
        if {t["a"], t["b"]} == {"IRN", "USA"}
    ]
    assert ties and all((t["state"], t["sign"]) == (edge["state"], edge["sign"]) for t in ties)


def test_the_us_iraq_occupation_memory_is_history_not_a_present_tie(run):
    text, bundle = run
    memory = [
        r
        for r in bundle["relations"]
        if "days of the US occupation" in r["sentence"]["text"]
        and {r["source"]["actor_id"], r["target"]["actor_id"]} == {"USA", "IRQ"}
    ]
    assert memory and all(r["time"] and r["time"]["historical"] for r in memory)
    edges = {frozenset((e["source"], e["target"])) for e in bundle["network"]["edges"]}
    assert frozenset({"USA", "IRQ"}) not in edges
    history = [h for h in bundle["history"] if {h["a"], h["b"]} == {"USA", "IRQ"}]
    assert history and {r["id"] for r in memory} <= {
        r["id"] for h in history for r in h["relations"]
    }
    assert "History:" in text and "Iraq — United States" in text
    # so Iraq is no longer a common enemy of the US and Iran
    us_iran = [u for u in bundle["uneasy_alliances"] if {u["a"], u["b"]} == {"IRN", "USA"}]
    assert us_iran and "IRQ" not in us_iran[0]["shared_enemies"]


def test_balance_lines_are_the_bundles_and_the_bundle_reads_back_typed(run):
    from allegiance.bundle import as_bundle, dump_bundle

    text, data = run
    bundle = as_bundle(data)  # the written bundle.json is a valid typed bundle
    assert dump_bundle(bundle) == data
    tri, fr = bundle.triangles, bundle.frustration
    assert tri is not None and fr is not None
    total = sum(tri.census.values())
    if total:
        assert f"Triangles: {total} (" in text
        assert f"{len(tri.unbalanced)} unbalanced" in text
    assert f"Frustration index: {fr.index} (" in text
    assert f"{bundle.meta.n_documents} documents ({bundle.meta.n_skipped} skipped)" in text
    assert f"{len(bundle.relations)} relations, {len(bundle.quotes)} quotes" in text
