"""A report from a large store stays small: the network, the findings, the top evidence."""

from __future__ import annotations

from pathlib import Path

from allegiance.bundle import dump_bundle
from allegiance.report import render_report
from allegiance.schema import ActorArg
from allegiance.store import CorpusStore
from allegiance.store.bundle import bundle_from_store
from allegiance.store.core import RulesFingerprint

from .records import group

ACTORS = ["IRN", "IRQ", "USA", "RUS", "TUR", "SYR", "ISR", "SAU", "EGY", "JOR", "QAT", "ARE"]


def _group(i: int) -> list:
    """group(i) with its two actors drawn from a pool, so the corpus has many ties."""
    a, b = ACTORS[i % 12], ACTORS[(i * 5 + 1) % 12]
    if a == b:
        b = ACTORS[(i + 1) % 12]
    g = group(i, outlet=f"Outlet {i % 5}", published=f"2024-{1 + i % 12:02d}-01")
    out = [g[0]]
    for r in g[1:]:
        if r.kind == "mention":
            r = r.model_copy(update={"actor_id": a if r.actor_id == "IRN" else b})
        elif r.kind == "relation":
            first, second = (a, b) if r.source.actor_id == "IRN" else (b, a)
            src = ActorArg(text=first, start=0, end=4, actor_id=first, actor_name=first)
            tgt = ActorArg(text=second, start=9, end=13, actor_id=second, actor_name=second)
            r = r.model_copy(update={"source": src, "target": tgt})
        out.append(r)
    return out


def _report(tmp_path: Path, n: int) -> tuple[int, dict]:
    path = tmp_path / f"c{n}.duckdb"
    fp = RulesFingerprint(version="0", model="m", lexicon_hash="-", kb_hash="-", options={})
    with CorpusStore(path) as store:
        store.begin_run("extract", fp)
        for i in range(n):
            store.append(_group(i))
    bundle = bundle_from_store(path, evidence_per_tie=3, max_records=20)
    html = render_report(bundle, tmp_path / f"r{n}.html")
    return html.stat().st_size, dump_bundle(bundle)


def test_report_size_does_not_grow_with_the_corpus(tmp_path: Path) -> None:
    small, b_small = _report(tmp_path, 120)
    big, b_big = _report(tmp_path, 960)
    assert b_big["counts"]["ties"] == b_small["counts"]["ties"] > 10
    assert b_big["meta"]["truncated"]["total"]["relations"] == 2 * 960
    # each tie embeds at most 3 reports, each of one sentence's relations (here one)
    assert len(b_big["relations"]) <= 3 * b_big["counts"]["ties"]
    assert all(len(e["reports"]) <= 3 for e in b_big["network"]["edges"])
    assert big <= 1.1 * small, (small, big)
    assert "how_to_get_the_rest" in (tmp_path / "r960.html").read_text(encoding="utf-8")
