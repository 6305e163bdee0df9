"""Fixtures for the report tests: the hand-written sample bundle, a hostile one, a large one."""

from __future__ import annotations

import copy
import json
import random
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
SAMPLE = HERE / "sample_bundle.json"
OUTPUT = HERE.parent / "_output"

IMG_PAYLOAD = '<img src=x onerror="window.__pwned=1">'
SCRIPT_PAYLOAD = "<script>window.__pwned=2;alert(1)</script>"
PAYLOADS = (IMG_PAYLOAD, SCRIPT_PAYLOAD)


@pytest.fixture
def sample_bundle() -> dict[str, Any]:
    """The hand-written Iraq 2014-2016 bundle (a fresh copy per test)."""
    bundle: dict[str, Any] = json.loads(SAMPLE.read_text(encoding="utf-8"))
    return bundle


def hostile(bundle: dict[str, Any]) -> dict[str, Any]:
    """Copy ``bundle`` with markup payloads in a title, an outlet, an actor name and a sentence."""
    b = copy.deepcopy(bundle)
    b["meta"]["corpus"] = SCRIPT_PAYLOAD
    b["meta"]["skipped"] = [IMG_PAYLOAD + " could not be read"]
    old_outlet = b["documents"][0]["outlet"]
    b["documents"][0]["title"] = SCRIPT_PAYLOAD + " title"
    b["documents"][0]["outlet"] = IMG_PAYLOAD
    for d in b["documents"]:
        if d["outlet"] == old_outlet:
            d["outlet"] = IMG_PAYLOAD
    b["outlets"][IMG_PAYLOAD] = b["outlets"].pop(old_outlet)
    b["documents"][0]["url"] = "javascript:window.__pwned=3"
    for n in b["network"]["nodes"]:
        if n["id"] == "USA":
            n["name"] = IMG_PAYLOAD + " United States"
    for r in b["relations"]:
        for side in ("source", "target"):
            if r[side]["actor_id"] == "USA":
                r[side]["actor_name"] = IMG_PAYLOAD + " United States"
    rel = next(r for r in b["relations"] if r["doc_id"] == b["documents"][0]["doc_id"])
    rel["sentence"]["text"] = SCRIPT_PAYLOAD + " " + IMG_PAYLOAD + " " + rel["sentence"]["text"]
    b["quotes"][0]["text"] = IMG_PAYLOAD
    b["uneasy_alliances"][0]["reason"].append(SCRIPT_PAYLOAD)
    return b


@pytest.fixture
def hostile_bundle(sample_bundle: dict[str, Any]) -> dict[str, Any]:
    """The sample bundle with ``<script>`` and ``<img onerror>`` payloads in its text fields."""
    return hostile(sample_bundle)


def make_large_bundle(n_actors: int = 500, n_edges: int = 3000, seed: int = 7) -> dict[str, Any]:
    """A random but well-formed bundle with many actors and ties (for responsiveness)."""
    rng = random.Random(seed)
    docs = [
        {"doc_id": f"d{i}", "title": f"Report {i}", "outlet": f"Outlet {i % 7}",
         "published": f"{2015 + i % 3}-{1 + i % 12:02d}-15", "url": None,
         "n_chars": 1000, "sha256": f"{i:064x}"}
        for i in range(60)
    ]  # fmt: skip
    ids = [f"A{i}" for i in range(n_actors)]
    # a skewed popularity so that a "top N" is meaningful
    weights = [1.0 / (1 + i) ** 0.8 for i in range(n_actors)]
    pairs: set[tuple[str, str]] = set()
    while len(pairs) < n_edges:
        a, b = rng.choices(ids, weights=weights, k=2)
        if a != b:
            pairs.add((min(a, b), max(a, b)))
    relations, edges = [], []
    for k, (a, b) in enumerate(sorted(pairs)):
        sign = rng.choice((1, 1, -1, -1, 0))
        rel_ids = []
        for j in range(rng.randint(1, 3)):
            doc = rng.choice(docs)
            rid = f"r{k}_{j}"
            rel_ids.append(rid)
            sent = f"{a} and {b} were reported together in sentence {rid}."
            relations.append({
                "id": rid, "doc_id": doc["doc_id"],
                "sentence": {"text": sent, "start": 0, "end": len(sent)},
                "source": {"text": a, "start": 0, "end": len(a), "actor_id": a, "actor_name": a},
                "target": {"text": b, "start": len(a) + 5, "end": len(a) + 5 + len(b),
                           "actor_id": b, "actor_name": b},
                "category": "COOPERATE" if sign > 0 else "OPPOSE", "mode": None,
                "quad_class": 2, "sign": sign or 1, "intensity": 3.0 * (sign or 1),
                "negated": False, "hypothetical": False, "symmetric": True,
                "trigger": {"text": "reported", "start": len(sent) - 30, "end": len(sent) - 22},
                "attributed_to": None, "confidence": 0.5,
            })  # fmt: skip
        edges.append({"source": a, "target": b, "sign": sign, "evidence": len(rel_ids),
                      "positive": len(rel_ids) if sign > 0 else 0,
                      "negative": len(rel_ids) if sign < 0 else 0,
                      "intensity_sum": 3.0 * sign * len(rel_ids), "intensity_mean": 3.0 * sign,
                      "first": "2015-01-15", "last": "2017-12-15", "outlets": ["Outlet 1"],
                      "relations": rel_ids})  # fmt: skip
    degree: dict[str, int] = {}
    for e in edges:
        for n in (e["source"], e["target"]):
            degree[n] = degree.get(n, 0) + 1
    nodes = [{"id": a, "name": f"Actor {a}", "type": "other", "country": None,
              "mentions": degree.get(a, 0) * 2, "degree": degree.get(a, 0), "camp": i % 3}
             for i, a in enumerate(ids)]  # fmt: skip
    return {
        "meta": {"generated": "2024-01-01T00:00:00", "version": "test", "corpus": "large random",
                 "n_documents": len(docs), "n_skipped": 0, "skipped": []},
        "documents": docs, "relations": relations,
        "network": {"nodes": nodes, "edges": edges},
    }  # fmt: skip


@pytest.fixture(scope="session")
def large_bundle() -> dict[str, Any]:
    """500 actors and 3,000 ties (generated, seeded)."""
    return make_large_bundle()


@pytest.fixture
def payloads() -> tuple[str, ...]:
    """The markup strings the hostile bundle carries."""
    return PAYLOADS


@pytest.fixture(scope="session")
def output_dir() -> Path:
    """Where the browser tests save screenshots (gitignored)."""
    OUTPUT.mkdir(parents=True, exist_ok=True)
    return OUTPUT


@pytest.fixture(scope="session")
def analyzed_bundles(tmp_path_factory: pytest.TempPathFactory, nlp: Any) -> dict[str, Any]:
    """Bundles that ``analyze`` really produced: on the demo corpus and on the seed articles
    (copied from ../shared at run time; that one is left out when they are absent)."""
    from allegiance.analysis import AnalyzeOptions, analyze
    from allegiance.nlp.pipeline import ExtractOptions

    seeds = HERE.parents[2] / "shared" / "seeds"  # as tests/conftest.py finds them
    options = AnalyzeOptions(extract=ExtractOptions(n_process=1), time_limit=5.0)
    bundles = {"demo": analyze(options=options)}
    if seeds.is_dir():
        folder = tmp_path_factory.mktemp("seed_report")
        for p in sorted(seeds.glob("*.txt")):
            (folder / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
        bundles["seeds"] = analyze([folder], options=options)
    return bundles
