"""Shared helpers of the relation tests."""

from __future__ import annotations


def family(actor_id: str | None) -> str:
    return (actor_id or "").split(".")[0]


def relations(nlp, text):
    return nlp(text)._.relations


def find(rels, source, target, *, categories=None):
    """Relations between actor families (either order for symmetric ones)."""
    out = []
    for r in rels:
        pair = (family(r.source.actor_id), family(r.target.actor_id))
        if pair == (source, target) or (r.symmetric and pair == (target, source)):
            if categories is None or r.category in categories:
                out.append(r)
    return out
