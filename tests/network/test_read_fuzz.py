"""Fuzz read_graph: any bytes or CSV shape gives a graph or one InputError, nothing else."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from allegiance.errors import InputError
from allegiance.network import GraphReadReport, read_graph

SUFFIXES = (".csv", ".tsv", ".graphml", ".gexf", ".json", ".jsonl")
FUZZ = settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)

signs = st.sampled_from(
    ["+", "-", "+1", "-1", "1", "0", "\u22121", "positive", "negative", "pos", "neg",
     "friendly", "hostile", "", "maybe", "nan", "1e309", " - ", '"', "NaN"]
)  # fmt: skip
cells = st.one_of(signs, st.text(max_size=8), st.sampled_from(["a", "b", "c", "A", ""]))
rows = st.lists(st.lists(cells, min_size=0, max_size=5), max_size=12)
headers = st.one_of(
    st.none(),
    st.lists(
        st.sampled_from(["source", "target", "sign", "weight", "from", "to", "x", "outlets", ""]),
        min_size=1,
        max_size=5,
    ),
)


def _check(content: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / f"fuzz{suffix}"
        p.write_bytes(content)
        report = GraphReadReport(log=False)
        try:
            G = read_graph(p, report=report)
        except InputError as exc:
            assert "\n" not in str(exc)
            return
        assert isinstance(G, nx.Graph)
        assert nx.number_of_selfloops(G) == 0
        assert all("\n" not in w for w in report.warnings)


@FUZZ
@given(content=st.binary(max_size=300), suffix=st.sampled_from(SUFFIXES))
def test_arbitrary_bytes(content: bytes, suffix: str) -> None:
    _check(content, suffix)


@FUZZ
@given(
    header=headers,
    body=rows,
    delim=st.sampled_from([",", "\t"]),
    quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]),
    suffix=st.sampled_from(SUFFIXES),
)
def test_arbitrary_csv_shapes(
    header: list[str] | None, body: list[list[str]], delim: str, quoting: int, suffix: str
) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delim, quoting=quoting)
    if header is not None:
        writer.writerow(header)
    writer.writerows(body)
    _check(buf.getvalue().encode("utf-8"), suffix)


@FUZZ
@given(
    edges=st.lists(st.tuples(st.sampled_from("abcd"), st.sampled_from("abcd"), signs), max_size=10),
    suffix=st.sampled_from([".graphml", ".gexf", ".json"]),
)
def test_graph_files_with_odd_signs(edges: list[tuple[str, str, str]], suffix: str) -> None:
    G = nx.MultiGraph()
    for a, b, s in edges:
        G.add_edge(a, b, sign=s)
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / f"g{suffix}"
        if suffix == ".graphml":
            nx.write_graphml(G, p)
        elif suffix == ".gexf":
            nx.write_gexf(G, p)
        else:
            import json

            p.write_text(json.dumps(nx.node_link_data(G, edges="links")), encoding="utf-8")
        _check(p.read_bytes(), suffix)
