"""The network and bundle read from the store equal the in-memory ones on the same records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from allegiance.analysis import bundle_from_records as _bundle_from_records
from allegiance.bundle import dump_bundle
from allegiance.errors import AnalysisError
from allegiance.network import build_network
from allegiance.schema import ActorArg, Quote
from allegiance.store import CorpusStore
from allegiance.store.bundle import bundle_from_store as _bundle_from_store
from allegiance.store.core import RulesFingerprint
from allegiance.store.network import DocFilter, network_from_store

from .records import group


def bundle_from_store(*args, **kwargs):
    return dump_bundle(_bundle_from_store(*args, **kwargs))


def bundle_from_records(*args, **kwargs):
    return dump_bundle(_bundle_from_records(*args, **kwargs))


def _fp(tag: str = "a") -> RulesFingerprint:
    return RulesFingerprint(version="0", model="m", lexicon_hash=tag, kb_hash="k", options={})


def _corpus() -> list[list]:
    groups = []
    for i in range(9):
        g = group(i, outlet=["Wire", "Daily", "Herald"][i % 3], published=f"2024-0{1 + i % 4}-02")
        if i % 2:
            # an anonymous speaker whose span overlaps the relation's attribution
            g.append(
                Quote(
                    id=f"d{i}:q1",
                    doc_id=f"d{i}",
                    text="x",
                    start=0,
                    end=1,
                    direct=False,
                    speaker=ActorArg(text="officials", start=2, end=8),
                    anonymous=True,
                )
            )
        if i % 3 == 0:
            g = [
                g[0],
                *g[1:3],
                *(r.model_copy(update={"id": r.id + "x"}) for r in g[4:6]),
                *g[3:],
            ]  # a second report from the same sentences joins the first
        groups.append(g)
    return groups  # fmt: skip


def _store(path: Path, groups: list[list], tag: str = "a") -> Path:
    with CorpusStore(path) as store:
        store.begin_run("extract", _fp(tag))
        for g in groups:
            store.append(g)
    return path


def _same_graph(G1, G2) -> None:
    assert list(G1.nodes(data=True)) == list(G2.nodes(data=True))
    assert list(G1.edges(data=True)) == list(G2.edges(data=True))
    assert G1.graph == G2.graph


def test_network_equals_build_network(tmp_path: Path) -> None:
    groups = _corpus()
    path = _store(tmp_path / "c.duckdb", groups)
    records = [r for g in groups for r in g]
    with CorpusStore(path, read_only=True) as store:
        _same_graph(network_from_store(store), build_network(records))
        roll = {"IRN": "WEST", "IRQ": "IRQ"}.get
        _same_graph(
            network_from_store(store, rollup=lambda a: roll(a) or a, level="parent"),
            build_network(records, rollup=lambda a: roll(a) or a, level="parent"),
        )
        _same_graph(
            network_from_store(store, min_evidence=30), build_network(records, min_evidence=30)
        )
        G = network_from_store(store)
    edge = G.edges["IRN", "IRQ"]
    assert (edge["state"], edge["n_reports"], edge["n_relations"]) == ("hostile", 18, 24)
    # anonymous attribution found by the SQL join (odd documents)
    kinds = {ev["attribution"] for ev in G.graph["evidence"].values()}
    assert kinds == {"own", "named", "anonymous"}


def test_filters_are_queries_over_documents(tmp_path: Path) -> None:
    groups = _corpus()
    path = _store(tmp_path / "c.duckdb", groups)
    with CorpusStore(path, read_only=True) as store:
        for where, keep in [
            (DocFilter(outlet=["Daily", "Herald"]), lambda d: d.outlet in ("Daily", "Herald")),
            (DocFilter(since="2024-02-01", until="2024-03-31"),
             lambda d: "2024-02" <= d.published[:7] <= "2024-03"),
            (DocFilter(actor=["IRQ"]), lambda d: True),
            (DocFilter(actor=["NOBODY"]), lambda d: False),
        ]:  # fmt: skip
            records = [r for g in groups if keep(g[0]) for r in g]
            _same_graph(network_from_store(store, where=where), build_network(records))
    with pytest.raises(AnalysisError, match="--since 'soon'"):
        DocFilter(since="soon")


def _comparable(bundle: dict) -> dict:
    out = {k: v for k, v in bundle.items() if k not in ("meta", "frustration", "weak_balance")}
    for key in ("frustration", "weak_balance"):
        part = dict(bundle.get(key) or {})
        # the solvers' time, start heuristic and side labels vary from run to run
        sides: dict = {}
        for actor, side in (part.pop("partition", None) or {}).items():
            sides.setdefault(side, []).append(actor)
        part = {k: v for k, v in part.items() if k not in ("seconds", "stats")}
        part["sides"] = sorted(sorted(s) for s in sides.values())
        out[key] = part
    # a node's camp is the side of that partition: its label flips the same way
    network = dict(out.get("network") or {})
    camps: dict = {}
    nodes = []
    for node in network.get("nodes") or []:
        node = dict(node)
        camps.setdefault(node.pop("camp", None), []).append(node.get("id"))
        nodes.append(node)
    network["nodes"] = nodes
    network["camps"] = sorted(sorted(map(str, c)) for c in camps.values())
    out["network"] = network
    return json.loads(json.dumps(out, sort_keys=True, default=str))


def test_bundle_equals_bundle_from_records_and_truncates_evidence(tmp_path: Path) -> None:
    groups = _corpus()
    path = _store(tmp_path / "c.duckdb", groups)
    records = [r for g in groups for r in g]
    assert _comparable(bundle_from_store(path)) == _comparable(bundle_from_records(records))
    small = bundle_from_store(path, evidence_per_tie=2, max_records=3)
    full = bundle_from_records(records)
    assert small["counts"] == full["counts"]
    edges = small["network"]["edges"]
    assert all(len(e["reports"]) <= 2 for e in edges)
    kept = {rid for e in edges for rid in e["relations"]}
    assert {r["id"] for r in small["relations"]} == kept
    assert len(small["documents"]) == 3 and len(small["quotes"]) == 3
    # one-actor acts are embedded as the quotes are, and cut to max_records the same way
    assert len(full["acts"]) == len(groups) and len(small["acts"]) == 3
    cut = small["meta"]["truncated"]
    assert cut["total"]["relations"] == len(full["relations"])
    assert "allegiance store query" in cut["how_to_get_the_rest"]


def test_mixed_rules_are_refused_unless_asked(tmp_path: Path) -> None:
    groups = _corpus()
    path = _store(tmp_path / "c.duckdb", groups[:4], tag="old")
    _store(path, groups[4:], tag="new")
    with pytest.raises(AnalysisError, match="2 different rules.*store reextract"):
        bundle_from_store(path)
    assert bundle_from_store(path, allow_mixed=True)["meta"]["n_documents"] == 9
