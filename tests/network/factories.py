"""Synthetic records and signed graphs for the network tests."""

from __future__ import annotations

import networkx as nx
import numpy as np


def relation(
    rid: str,
    src: str,
    tgt: str,
    sign: int,
    *,
    doc: str = "d1",
    category: str | None = None,
    intensity: float | None = None,
    negated: bool = False,
    hypothetical: bool = False,
    symmetric: bool = False,
    sentence: str | None = None,
) -> dict:
    """A relation record dict in the schema's shape."""
    cat = category or {1: "COOPERATE", -1: "ASSAULT", 0: "CONSULT"}[sign]
    text = sentence or f"{src} {cat.lower()}s {tgt}."
    return {
        "kind": "relation",
        "id": rid,
        "doc_id": doc,
        "sentence": {"text": text, "start": 0, "end": len(text)},
        "source": {
            "text": src,
            "start": 0,
            "end": len(src),
            "actor_id": src,
            "actor_name": src.title(),
        },
        "target": {
            "text": tgt,
            "start": 0,
            "end": len(tgt),
            "actor_id": tgt,
            "actor_name": tgt.title(),
        },
        "category": cat,
        "quad_class": 1 if sign > 0 else 4 if sign < 0 else 1,
        "sign": sign,
        "intensity": intensity if intensity is not None else 5.0 * sign,
        "negated": negated,
        "hypothetical": hypothetical,
        "symmetric": symmetric,
        "trigger": {"text": "x", "start": 0, "end": 1},
        "confidence": 0.9,
    }


def document(doc_id: str, published: str | None, outlet: str | None) -> dict:
    """A document record dict."""
    return {
        "kind": "document",
        "doc_id": doc_id,
        "outlet": outlet,
        "published": published,
        "n_chars": 100,
        "sha256": "0" * 64,
    }


def mention(mid: str, actor: str, *, actor_type: str = "state", country: str | None = None) -> dict:
    """A mention record dict."""
    return {
        "kind": "mention",
        "id": mid,
        "doc_id": "d1",
        "text": actor,
        "start": 0,
        "end": len(actor),
        "actor_id": actor,
        "actor_name": actor.title(),
        "actor_type": actor_type,
        "country": country,
        "resolved_by": "kb",
        "confidence": 1.0,
    }


def signed_gnm(
    n: int, m: int, *, seed: int = 0, neg: float | None = 0.1, noise: float = 0.0
) -> nx.Graph:
    """A G(n, m) random graph with random signs (``neg`` share negative) or, with ``neg=None``,
    signs from a random two-camp split with a ``noise`` share flipped."""
    rng = np.random.default_rng(seed)
    G = nx.gnm_random_graph(n, m, seed=seed)
    side = rng.integers(0, 2, n)
    for a, b in G.edges:
        if neg is not None:
            s = -1 if rng.random() < neg else 1
        else:
            s = 1 if side[a] == side[b] else -1
            s = -s if rng.random() < noise else s
        G[a][b]["sign"] = s
    return G
