"""The network by the time relations are about: periods, history, the present network."""

from __future__ import annotations

import json

import pytest

from allegiance.analysis import bundle_from_records
from allegiance.network import build_network, uneasy_alliances
from allegiance.network.build import history_ties

from .factories import document, relation


def _timed(rel: dict, *, start=None, end=None, historical=False, how="explicit", text=None):
    rel["time"] = {
        "start": start,
        "end": end,
        "precision": "year" if start or end else None,
        "historical": historical,
        "how": how,
        "rule": "year" if start or end else "history:noun",
        "expression": {"text": text, "start": 0, "end": len(text)} if text else None,
        "marker": None if start or end else {"text": "the days of", "start": 0, "end": 11},
    }
    return rel


def _records():
    """A 2016 article: a tie now, a 2003 invasion, and a memory of the occupation."""
    return [
        document("d1", "2016-10-20", "Outlet"),
        relation("now", "USA", "IRN", 1),
        _timed(
            relation("invasion", "USA", "IRQ", -1),
            start="2003-01-01",
            end="2003-12-31",
            historical=True,
            text="in 2003",
        ),
        _timed(relation("memory", "USA", "SYR", -1), historical=True, how="reference"),
    ]


def test_historical_relations_are_left_out_of_the_present_network_and_kept_as_history():
    G = build_network(_records())
    assert set(map(frozenset, G.edges)) == {frozenset({"USA", "IRN"})}
    history = G.graph["history"]
    assert {(h["a"], h["b"]) for h in history} == {("IRQ", "USA"), ("SYR", "USA")}
    invasion = next(h for h in history if h["b"] == "USA" and h["a"] == "IRQ")
    assert (invasion["start"], invasion["end"], invasion["negative"]) == (
        "2003-01-01",
        "2003-12-31",
        1,
    )
    assert invasion["relations"][0]["text"] == "in 2003"


def test_include_history_counts_them():
    G = build_network(_records(), include_history=True)
    assert G.has_edge("USA", "IRQ") and G.has_edge("USA", "SYR")
    assert G["USA"]["IRQ"]["first"] == "2003-01-01" and G["USA"]["IRQ"]["last"] == "2003-12-31"
    assert G.graph["history"] == []


def test_a_window_uses_the_time_a_relation_is_about_not_its_publication():
    past = build_network(_records(), since="2003-01-01", until="2003-12-31")
    assert set(map(frozenset, past.edges)) == {frozenset({"USA", "IRQ"})}
    present = build_network(_records(), since="2016-01-01", until="2016-12-31")
    assert set(map(frozenset, present.edges)) == {frozenset({"USA", "IRN"})}
    # a memory without a date belongs to no window; history lists what a network leaves out
    assert {(h["a"], h["b"]) for h in present.graph["history"]} == {("IRQ", "USA"), ("SYR", "USA")}
    assert {(h["a"], h["b"]) for h in past.graph["history"]} == {("SYR", "USA")}
    counted = build_network(_records(), since="2016-01-01", include_history=True)
    assert counted.has_edge("USA", "SYR") and not counted.has_edge("USA", "IRQ")


def test_an_open_period_reaches_into_later_windows():
    recs = [
        document("d1", None, None),
        _timed(relation("since", "EGY", "ISR", 1), start="1979-01-01", text="since 1979"),
    ]
    assert build_network(recs, since="2010-01-01", until="2010-12-31").has_edge("EGY", "ISR")
    assert not build_network(recs, since="1970-01-01", until="1978-12-31").has_edge("EGY", "ISR")


def test_without_a_time_the_document_date_decides():
    recs = [document("d1", "2016-10-20", None), relation("r", "A", "B", 1)]
    assert build_network(recs, since="2016-10-01").has_edge("A", "B")
    assert not build_network(recs, until="2016-09-30").has_edge("A", "B")


def test_the_occupation_memory_is_no_common_enemy():
    """Iraq must not become the shared enemy of the US and Iran through a memory."""
    recs = [
        document("d1", "2014-11-01", "Al Jazeera"),
        relation("coop", "USA", "IRN", 1),
        relation("distrust", "USA", "IRN", -1, category="OPPOSE"),
        relation("u-isil", "USA", "ISIL", -1),
        relation("i-isil", "IRN", "ISIL", -1),
        relation("i-irq", "IRN", "IRQ", -1),
        _timed(relation("occupation", "USA", "IRQ", -1), historical=True, how="reference"),
    ]
    assert _shared_enemies(build_network(recs), "USA", "IRN") == {"ISIL"}
    with_history = build_network(recs, include_history=True)
    assert _shared_enemies(with_history, "USA", "IRN") == {"ISIL", "IRQ"}
    bundle = bundle_from_records_dicts(recs)
    assert [(h["a"], h["b"]) for h in bundle["history"]] == [("IRQ", "USA")]
    assert bundle["meta"]["include_history"] is False
    counted = bundle_from_records_dicts(recs, include_history=True)
    assert counted["history"] == [] and counted["meta"]["include_history"] is True
    edges = {frozenset((e["source"], e["target"])) for e in counted["network"]["edges"]}
    assert frozenset({"USA", "IRQ"}) in edges


def _shared_enemies(G, a, b):
    return {
        e["id"]
        for u in uneasy_alliances(G)
        if {u["a"], u["b"]} == {a, b}
        for e in u["shared_enemies"]
    }


def bundle_from_records_dicts(recs, **kwargs):
    from allegiance.bundle import dump_bundle
    from allegiance.schema import record_from_dict

    records = [record_from_dict(r) for r in recs]
    return dump_bundle(bundle_from_records(records, time_limit=1.0, **kwargs))


def test_history_ties_groups_by_pair_and_orders_by_count():
    rel = relation("r1", "A", "B", -1)
    rel2 = relation("r2", "B", "A", 1)
    out = history_ties(
        [
            ("A", "B", rel, {}),
            ("B", "A", rel2, {"outlet": "X"}),
            ("C", "A", relation("r3", "C", "A", -1), {}),
        ]
    )
    assert [(h["a"], h["b"], h["positive"], h["negative"]) for h in out] == [
        ("A", "B", 1, 1),
        ("A", "C", 0, 1),
    ]


@pytest.mark.parametrize("bad", ["2016-13-01", "last week"])
def test_bad_windows_still_fail_clearly(bad):
    from allegiance.errors import AnalysisError

    with pytest.raises(AnalysisError, match="ISO date"):
        build_network(_records(), since=bad)


def test_network_command_leaves_history_out_unless_asked(tmp_path):
    from click.testing import CliRunner

    from allegiance.cli import main

    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in _records()), encoding="utf-8")
    out = tmp_path / "ties.csv"
    result = CliRunner().invoke(main, ["network", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2  # header and USA - IRN
    result = CliRunner().invoke(main, ["network", str(path), "-o", str(out), "--include-history"])
    assert result.exit_code == 0, result.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 4
    table = CliRunner(env={"COLUMNS": "200"}).invoke(main, ["network", str(path)])
    assert "2 historical tie(s) left out" in " ".join(table.output.split())
