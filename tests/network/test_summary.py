"""network_summary: one JSON-ready dict with every measure."""

from __future__ import annotations

import json

from allegiance.bundle import dump_bundle
from allegiance.network import build_network, network_summary

from .factories import relation


def test_summary_is_json_ready_and_consistent() -> None:
    recs = [
        relation("r1", "USA", "IRQ", 1), relation("r2", "IRQ", "IRN", 1),
        relation("r3", "USA", "IRN", -1), relation("r4", "USA", "ISIL", -1),
        relation("r5", "IRN", "ISIL", -1), relation("r6", "USA", "IRN", 1, intensity=2.0),
    ]  # fmt: skip
    out = dump_bundle(network_summary(build_network(recs)))
    json.dumps(out)
    assert set(out) >= {"network", "triangles", "frustration", "coalitions", "uneasy_alliances",
                        "exposure_paths"}  # fmt: skip
    nodes = {n["id"]: n for n in out["network"]["nodes"]}
    assert set(nodes) == {"USA", "IRQ", "IRN", "ISIL"}
    assert {n["camp"] for n in nodes.values()} <= {0, 1}
    assert out["frustration"]["exact"] is True
    assert out["triangles"]["census"]["++-"] == 1
    assert ["USA", "IRQ", "IRN"] in [p["path"] for p in out["exposure_paths"]["USA"]]
    assert any({u["a"], u["b"]} == {"USA", "IRN"} for u in out["uneasy_alliances"])
    edge = next(e for e in out["network"]["edges"] if {e["source"], e["target"]} == {"USA", "IRN"})
    assert sorted(edge["relations"]) == ["r3", "r6"]
