"""Shared helpers of the relation tests."""

from __future__ import annotations


def family(actor_id: str | None) -> str:
    return (actor_id or "").split(".")[0]


def relations(nlp, text):
    return nlp(text)._.relations


def names(actor_id: str | None, wanted: str) -> bool:
    """Whether an actor id is ``wanted`` itself or of its family ("NER:x", or "USA" for USA.GOV)."""
    return actor_id == wanted or family(actor_id) == wanted


def find_named(rels, source, target, *, category=None):
    """Relations from ``source`` to ``target``, each an actor id or a family (see ``names``)."""
    return [
        r
        for r in rels
        if names(r.source.actor_id, source)
        and names(r.target.actor_id, target)
        and (category is None or r.category == category)
    ]


def find(rels, source, target, *, categories=None):
    """Relations between actor families (either order for symmetric ones)."""
    out = []
    for r in rels:
        pair = (family(r.source.actor_id), family(r.target.actor_id))
        if pair == (source, target) or (r.symmetric and pair == (target, source)):
            if categories is None or r.category in categories:
                out.append(r)
    return out


def check_case(nlp, case):
    """A row of a construction table: the relation is found, with its modality."""
    _, text, source, target, categories, negated, hypothetical = case
    rels = relations(nlp, text)
    if source is None:
        hits = [r for r in rels if categories is None or r.category in categories]
    elif target is None:
        hits = [
            r
            for r in rels
            if family(r.source.actor_id) == source
            and (categories is None or r.category in categories)
        ]
    else:
        hits = find(rels, source, target, categories=categories)
    assert hits, (
        f"no relation {source}->{target} in "
        f"{[(r.source.text, r.category, r.target.text) for r in rels]}"
    )
    assert any(r.negated == negated and r.hypothetical == hypothetical for r in hits)


def check_pair(nlp, text, source, target, category):
    """A row of a pair table: a relation of that category between those families."""
    rels = relations(nlp, text)
    hit = [
        r
        for r in rels
        if r.category == category
        and family(r.source.actor_id) == source
        and (target is None or family(r.target.actor_id) == target)
    ]
    assert hit, [(r.source.actor_id, r.category, r.target.actor_id) for r in rels]


# the Fox News seed's paragraph on the militias, one sentence at a time below
MILITIAS_LEAD = (
    "But it is the Iranian-backed Shia militias who incite the most fear and hatred "
    "among coalition members. "
)
