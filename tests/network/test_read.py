"""Reading networks from files: sign spellings, self-loops, duplicate ties, empty and garbage input."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from allegiance.errors import InputError
from allegiance.network import GraphReadReport, parse_sign, read_graph, signed_graph


def _read(path: Path, **kwargs: object) -> tuple[nx.Graph, GraphReadReport]:
    report = GraphReadReport(log=False)
    return read_graph(path, report=report, **kwargs), report


def _csv(tmp_path: Path, text: str, name: str = "e.csv") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


@pytest.mark.parametrize(
    ("cell", "sign"),
    [
        ("+", 1), ("-", -1), ("+1", 1), ("-1", -1), ("1", 1), ("\u22121", -1), ("\u2212", -1),
        ("positive", 1), ("Negative", -1), ("pos", 1), ("NEG", -1), ("friendly", 1),
        ("hostile", -1), ("0", 0), ("-0.5", -1), (" + ", 1), ("neutral", 0),
    ],
)  # fmt: skip
def test_sign_spellings_are_read(tmp_path: Path, cell: str, sign: int) -> None:
    G, report = _read(_csv(tmp_path, f"source,target,sign\na,b,{cell}\n"))
    assert G["a"]["b"]["sign"] == sign
    assert report.warnings == []


@pytest.mark.parametrize("value", ["maybe", "", "nan", "++", None, [1]])
def test_parse_sign_rejects_non_signs(value: object) -> None:
    assert parse_sign(value) is None


def test_an_unreadable_sign_skips_its_row_with_one_line(tmp_path: Path) -> None:
    p = _csv(tmp_path, "a,b,+\nb,c,maybe\nc,d,-\n")
    G, report = _read(p)
    assert sorted(G.edges()) == [("a", "b"), ("c", "d")]
    assert report.skipped_rows == 1
    assert report.warnings == [
        f"{p}:2: sign 'maybe' is not a sign (use +, -, +1, -1, 0, positive, negative, "
        "friendly or hostile); row skipped"
    ]


def test_many_bad_rows_are_summarised(tmp_path: Path) -> None:
    p = _csv(tmp_path, "a,b,+\n" + "".join(f"x{i},y,?\n" for i in range(25)))
    G, report = _read(p)
    assert G.number_of_edges() == 1 and report.skipped_rows == 25
    assert len(report.warnings) == 11
    assert report.warnings[-1] == f"{p}: 15 more rows skipped (unreadable sign or missing actor)"


def test_blank_actor_and_short_rows_are_skipped(tmp_path: Path) -> None:
    G, report = _read(_csv(tmp_path, "a,b,+\n,c,-\nd,e\n"))
    assert list(G.edges()) == [("a", "b")]
    assert report.skipped_rows == 2
    assert ":2: missing source or target" in report.warnings[0]
    assert ":3: expected source,target,sign" in report.warnings[1]


def test_self_loops_are_skipped_and_counted(tmp_path: Path) -> None:
    p = _csv(tmp_path, "a,a,+\na,b,-\nb,b,-\n")
    G, report = _read(p)
    assert list(G.edges()) == [("a", "b")]
    assert report.self_loops == 2
    assert report.warnings == [f"{p}: 2 self-loops skipped (a tie needs two actors)"]


def test_agreeing_duplicates_merge_quietly(tmp_path: Path) -> None:
    G, report = _read(_csv(tmp_path, "a,b,+\nb,a,1\na,b,positive\n"))
    assert G.number_of_edges() == 1
    assert G["a"]["b"]["sign"] == 1 and G["a"]["b"]["evidence"] == 3
    assert report.merged == 2 and report.warnings == []


def test_conflicting_duplicates_take_the_sign_of_the_sum(tmp_path: Path) -> None:
    p = _csv(tmp_path, "a,b,+1\nb,a,-1\na,b,+\nc,d,+\nd,c,-\ne,f,-\n")
    G, report = _read(p)
    assert G["a"]["b"]["sign"] == 1
    assert G["a"]["b"]["weight"] == 1 and G["a"]["b"]["evidence"] == 3
    assert not G.has_edge("c", "d")
    assert report.conflicts == 2 and report.cancelled == 1
    assert report.warnings == [
        f"{p}: 2 pairs of actors with rows of both signs (e.g. a-b: 2 +, 1 -); kept with the "
        "sign of the sum of their rows, 1 dropped where the signs cancel"
    ]
    # the merged weight is a signed net, so signed_graph keeps the sign
    assert signed_graph(G)["a"]["b"]["sign"] == 1
    p = _csv(tmp_path, "a,b,-\nb,a,-\na,b,+\n")
    G, _ = _read(p)
    assert signed_graph(G)["a"]["b"]["sign"] == -1


@pytest.mark.parametrize("text", ["", "source,target,sign\n", "\n\n  \n", "a,a,+\n"])
def test_no_edges_warns_or_raises(tmp_path: Path, text: str) -> None:
    p = _csv(tmp_path, text)
    G, report = _read(p)
    assert G.number_of_edges() == 0
    assert report.warnings[-1] == f"{p}: no edges to analyse"
    with pytest.raises(InputError, match="no edges to analyse"):
        read_graph(p, report=GraphReadReport(log=False), require_edges=True)


def test_header_after_blank_lines_and_aliases(tmp_path: Path) -> None:
    G, report = _read(_csv(tmp_path, "\nfrom,to,weight\na,b,-2\n"))
    assert G["a"]["b"]["sign"] == -1 and report.warnings == []


def test_tsv_and_quoted_cells(tmp_path: Path) -> None:
    G, _ = _read(_csv(tmp_path, 'source\ttarget\tsign\n"New, York"\tb\t-\n', "e.tsv"))
    assert G["New, York"]["b"]["sign"] == -1


def test_warnings_are_logged_by_default(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level("WARNING", logger="allegiance.network"):
        read_graph(_csv(tmp_path, "a,a,+\na,b,+\n"))
    assert [r.getMessage() for r in caplog.records] == [
        f"{tmp_path / 'e.csv'}: 1 self-loop skipped (a tie needs two actors)"
    ]


def _graph_file(tmp_path: Path, fmt: str, G: nx.Graph) -> Path:
    p = tmp_path / f"g.{fmt}"
    if fmt == "graphml":
        nx.write_graphml(G, p)
    elif fmt == "gexf":
        nx.write_gexf(G, p)
    else:
        p.write_text(json.dumps(nx.node_link_data(G, edges="links")), encoding="utf-8")
    return p


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_graph_files_skip_self_loops_and_bad_signs(tmp_path: Path, fmt: str) -> None:
    G = nx.Graph()
    G.add_edge("a", "a", sign="+")
    G.add_edge("a", "b", sign="-")
    G.add_edge("b", "c", sign="maybe")
    G.add_edge("c", "d", sign="hostile")
    H, report = _read(_graph_file(tmp_path, fmt, G))
    assert sorted(H.edges()) == [("a", "b"), ("c", "d")]
    assert H["a"]["b"]["sign"] == -1 and H["c"]["d"]["sign"] == -1
    assert report.self_loops == 1 and report.skipped_rows == 1
    assert len(report.warnings) == 2
    assert "edge b-c: sign 'maybe' is not a sign" in report.warnings[0]


@pytest.mark.parametrize("fmt", ["graphml", "json"])
def test_parallel_edges_merge_by_the_rule(tmp_path: Path, fmt: str) -> None:
    G = nx.MultiGraph()
    G.add_edge("a", "b", sign=1)
    G.add_edge("a", "b", sign=-1)
    G.add_edge("b", "a", sign=-1)
    H, report = _read(_graph_file(tmp_path, fmt, G))
    assert not H.is_multigraph()
    assert H["a"]["b"]["sign"] == -1 and H["a"]["b"]["evidence"] == 3
    assert report.conflicts == 1


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("g.graphml", b"<graphml><graph><edge"),
        ("g.gexf", b"\x00\x01\x02garbage"),
        ("g.json", b"[" * 100_000 + b"]" * 100_000),
        ("g.json", b'{"nodes": 5}'),
        ("g.json", b'{"nodes": [], "links": [{"source": {"a": 1}, "target": 2}]}'),
        ("g.jsonl", b'{"kind": "relation"}\n'),
        ("g.jsonl", b"\xff\xfe\x00garbage"),
        ("g.csv", b"\xff\xfe\x00a,b,+"),
        ("g.jsonl", b"[" * 100_000),
    ],
)
def test_garbage_is_one_input_error(tmp_path: Path, name: str, content: bytes) -> None:
    p = tmp_path / name
    p.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_graph(p, report=GraphReadReport(log=False))
    message = str(info.value)
    assert str(p) in message and "\n" not in message


@pytest.mark.parametrize("name", ["g.graphml", "g.gexf", "g.json", "g.jsonl"])
def test_empty_graph_files_have_no_edges(tmp_path: Path, name: str) -> None:
    p = tmp_path / name
    p.write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="no edges to analyse"):
        read_graph(p, report=GraphReadReport(log=False), require_edges=True)


def test_a_directory_or_missing_file_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "d.csv").mkdir()
    with pytest.raises(InputError, match="cannot read"):
        read_graph(tmp_path / "d.csv")
    with pytest.raises(InputError, match="no such file"):
        read_graph(tmp_path / "missing.csv")
