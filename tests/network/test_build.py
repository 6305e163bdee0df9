"""build_network aggregation from synthetic relation records; loaders and exports."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from allegiance.errors import AnalysisError
from allegiance.network import build_network, read_graph, signed_graph, snapshots, write_graph
from allegiance.schema import record_from_dict

from .factories import document, mention, relation


@pytest.fixture()
def records() -> list[dict]:
    return [
        document("d1", "2024-01-10", "Reuters"),
        document("d2", "2024-03-05", "AP"),
        document("d3", "2025-02-01", "Reuters"),
        mention("m1", "USA", country="USA"),
        mention("m2", "USA", country="USA"),
        mention("m3", "IRN", country="IRN"),
        relation("r1", "USA", "IRN", -1, doc="d1", intensity=-8.0),
        relation("r2", "IRN", "USA", -1, doc="d2", intensity=-4.0),
        relation("r3", "USA", "IRN", 1, doc="d3", intensity=3.0),
        relation("r4", "USA", "IRN", 0, doc="d1", intensity=1.0),
        relation("r5", "USA", "IRN", 1, doc="d2", negated=True),
        relation("r6", "USA", "IRN", 1, doc="d2", hypothetical=True),
        relation("r7", "USA", "USA", 1, doc="d2"),
        relation("r8", "USA", "IRQ", 1, doc="d2"),
    ]


def test_aggregates_a_pair(records: list[dict]) -> None:
    G = build_network(records)
    e = G["USA"]["IRN"]
    assert e["evidence"] == 4
    assert (e["positive"], e["negative"], e["neutral"]) == (1, 2, 1)
    assert e["sign"] == -1
    assert e["intensity_sum"] == pytest.approx(-8.0)
    assert e["intensity_mean"] == pytest.approx(-2.0)
    assert (e["first"], e["last"]) == ("2024-01-10", "2025-02-01")
    assert sorted(e["outlets"]) == ["AP", "Reuters"]
    assert sorted(e["relations"]) == ["r1", "r2", "r3", "r4"]
    assert not G.has_edge("USA", "USA")


def test_node_attributes_from_mentions(records: list[dict]) -> None:
    G = build_network(records)
    assert G.nodes["USA"]["mentions"] == 2
    assert G.nodes["USA"]["type"] == "state"
    assert G.nodes["IRN"]["country"] == "IRN"
    assert G.nodes["IRQ"]["name"] == "Irq"
    assert G.nodes["IRQ"]["mentions"] == 0


def test_accepts_pydantic_models(records: list[dict]) -> None:
    G = build_network([record_from_dict(r) for r in records])
    assert G["USA"]["IRN"]["evidence"] == 4


def test_negated_and_hypothetical_optional(records: list[dict]) -> None:
    G = build_network(records, include_negated=True, include_hypothetical=True)
    e = G["USA"]["IRN"]
    assert sorted(e["relations"]) == ["r1", "r2", "r3", "r4", "r5", "r6"]
    # r5 and r6 are one sentence ("USA cooperates IRN." in d2): one report, not two votes
    assert (e["positive"], e["negative"]) == (2, 2)
    assert e["state"] == "mixed" and e["sign"] == -1


def test_time_window_and_min_evidence(records: list[dict]) -> None:
    G = build_network(records, since="2024-02-01", until="2024-12-31")
    assert sorted(G["USA"]["IRN"]["relations"]) == ["r2"]
    G = build_network(records, min_evidence=2)
    assert G.has_edge("USA", "IRN") and not G.has_edge("USA", "IRQ")
    with pytest.raises(AnalysisError):
        build_network(records, since="last year")


def test_rollup_merges_actors_and_drops_self_loops() -> None:
    recs = [
        relation("r1", "IRN.IRGC", "USA", -1),
        relation("r2", "IRN", "USA", 1),
        relation("r3", "IRN.IRGC", "IRN", 1),
    ]
    G = build_network(recs, level="country", rollup=lambda a: a.split(".")[0])
    assert sorted(G.nodes) == ["IRN", "USA"]
    assert G["IRN"]["USA"]["evidence"] == 2
    assert G.graph["level"] == "country"


def test_directed_and_symmetric() -> None:
    recs = [relation("r1", "A", "B", -1), relation("r2", "B", "A", 1, symmetric=True)]
    G = build_network(recs, directed=True)
    assert isinstance(G, nx.DiGraph)
    assert G["A"]["B"]["relations"] == ["r1", "r2"]
    assert G["B"]["A"]["relations"] == ["r2"]
    S = signed_graph(G)
    assert not S.is_directed() and S["A"]["B"]["sign"] == 1


def test_signed_graph_drops_neutral_ties() -> None:
    G = build_network([relation("r1", "A", "B", 0), relation("r2", "B", "C", -1)])
    S = signed_graph(G)
    assert not S.has_edge("A", "B") and S["B"]["C"]["sign"] == -1


def test_signed_graph_leaves_places_out() -> None:
    # two states that both shelled one city share no enemy by it; their own tie stays
    G = build_network(
        [
            relation("r1", "A", "CITY", -1),
            relation("r2", "B", "CITY", -1),
            relation("r3", "A", "B", -1),
        ]
    )
    G.nodes["CITY"]["type"] = "place"
    S = signed_graph(G)
    assert "CITY" not in S and S["A"]["B"]["sign"] == -1
    assert "CITY" in G  # the network itself keeps the place and its evidence


def test_evidence_table_keeps_sentences(records: list[dict]) -> None:
    G = build_network(records)
    ev = G.graph["evidence"]["r1"]
    assert ev["sentence"] == "USA assaults IRN."
    assert ev["outlet"] == "Reuters" and ev["date"] == "2024-01-10"


def test_snapshots(records: list[dict]) -> None:
    snaps = snapshots(records, "1Y")
    assert [g.graph["since"] for g in snaps] == ["2024-01-10", "2025-01-10"]
    assert sorted(snaps[0]["USA"]["IRN"]["relations"]) == ["r1", "r2", "r4"]
    assert snaps[1]["USA"]["IRN"]["relations"] == ["r3"]
    with pytest.raises(AnalysisError):
        snapshots(records, "a while")


@pytest.mark.parametrize(
    ("since", "until", "starts"),
    [
        ("2025-01-10", None, ["2025-01-10"]),  # the first window ends 2025-01-09
        (None, "2025-01-09", ["2024-01-10"]),
        ("2024-06-01", "2025-01-10", ["2024-01-10", "2025-01-10"]),
        ("2026-01-10", None, []),  # the second ends 2026-01-09
    ],
)
def test_snapshots_keep_the_windows_that_overlap_the_period(
    records: list[dict], since: str | None, until: str | None, starts: list[str]
) -> None:
    snaps = snapshots(records, "1Y", since=since, until=until)
    assert [g.graph["since"] for g in snaps] == starts
    with pytest.raises(AnalysisError, match="--since"):
        snapshots(records, "1Y", since="soon")


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json", "csv"])
def test_exports_read_back(records: list[dict], tmp_path: Path, fmt: str) -> None:
    G = build_network(records)
    path = write_graph(G, tmp_path / f"net.{fmt}")
    H = read_graph(path)
    assert H.number_of_edges() == G.number_of_edges()
    e = H["USA"]["IRN"]
    assert int(e["sign"]) == -1
    assert sorted(e["relations"]) == ["r1", "r2", "r3", "r4"]


def test_gephi_formats_are_plain_networkx(records: list[dict], tmp_path: Path) -> None:
    G = build_network(records)
    write_graph(G, tmp_path / "n.gexf")
    write_graph(G, tmp_path / "n.graphml")
    assert nx.read_gexf(tmp_path / "n.gexf").number_of_nodes() == 3
    H = nx.read_graphml(tmp_path / "n.graphml")
    assert H["USA"]["IRN"]["outlets"] in ("Reuters;AP", "AP;Reuters")


def test_read_records_jsonl(records: list[dict], tmp_path: Path) -> None:
    import json

    p = tmp_path / "records.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    assert read_graph(p)["USA"]["IRN"]["evidence"] == 4
