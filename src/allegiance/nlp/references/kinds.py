"""Descriptions that a named actor just before stands for.

* A definite plural kind word after a named group of that kind: "The Arakan Army captured a
  town. The rebels also seized two bases" (the rebels are the Arakan Army, not rebels at
  large), "Hamas fired rockets ... The militants said". The word must be a bare description of
  ``references.yaml`` ("the rebels", never "the Syrian rebels" or "the rebels who refused to
  disarm"), its generic actor must be of a type the description names, and the sentences
  before it must name exactly one group of such a type: with two ("ISIL and the Nusra Front
  ... the militants") the word stays generic.
* A definite "the [demonym] company" after one named company of that country: "Nippon Steel
  bid for U.S. Steel. Biden blocked the Japanese company's bid" (Nippon Steel, not Japanese
  business at large); with two such companies, or none, it stays the country's businesses.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc

from ...kb import ActorKB
from ..actors.mentions import _Cand

__all__ = ["rebind_kinds", "rebind_sectors"]

#: how many sentences back the named group may be
WINDOW_SENTENCES = 2

#: the actor types a bare kind word may take from a named group (states and their organs are
#: read by the government anaphora instead)
GROUP_TYPES = frozenset({"insurgent", "militia", "rebel"})


def rebind_kinds(doc: Doc, chosen: list[_Cand], descriptions: Mapping[str, frozenset[str]]) -> None:
    """Give each definite plural kind word the one named group of its kind just before it."""
    kinds = [(c, t) for c in chosen if (t := _bare_kind(doc, c, descriptions))]
    if not kinds:
        return
    sent_of = _sentence_of(doc)
    named = sorted(
        (c for c in chosen if not c.actor_id.startswith("GEN.") and c.type in GROUP_TYPES),
        key=lambda c: c.start,
    )
    for cand, types in kinds:
        here = sent_of[cand.start]
        before = [
            c
            for c in named
            if c.end <= cand.start
            and here - sent_of[c.start] <= WINDOW_SENTENCES
            and c.type in types
        ]
        if not before or len({c.actor_id.split(".")[0] for c in before}) != 1:
            continue
        ante = before[-1]
        cand.refer_to(ante, 0.7)


def _bare_kind(doc: Doc, cand: _Cand, descriptions: Mapping[str, frozenset[str]]) -> frozenset[str]:
    """The actor types of a generic mention that is "the" and one plural description word
    and nothing else; empty for any other mention."""
    if not cand.actor_id.startswith("GEN.") or cand.end - cand.start != 1 or cand.start == 0:
        return frozenset()
    tok = doc[cand.start]
    if tok.tag_ != "NNS" or doc[cand.start - 1].lower_ != "the":
        return frozenset()
    if any(c.dep_ not in ("det", "case") for c in tok.children):
        return frozenset()  # "the rebels who refused", "the rebels in the north"
    types = descriptions.get(tok.lower_, frozenset())
    return types if cand.type in types else frozenset()


#: the sectors of a state's agents ("JPN.BUS") that a definite description of one of them may
#: take from a named actor of the same country and sector
SECTORS = frozenset({"business"})


def rebind_sectors(doc: Doc, chosen: list[_Cand], kb: ActorKB) -> None:
    """Give "the Japanese company" the one named Japanese company just before it."""
    sent_of: dict[int, int] | None = None
    for cand in chosen:
        part = kb.get(cand.actor_id)
        if (
            part is None
            or part.sector not in SECTORS
            or part.country is None
            or part.id != f"{part.country}.{part.id.split('.')[-1]}"
            or cand.start == 0
            or doc[cand.start - 1].lower_ != "the"
        ):
            continue
        sent_of = sent_of or _sentence_of(doc)
        here = sent_of[cand.start]
        before = []
        for c in chosen:
            actor = kb.get(c.actor_id) if c.end <= cand.start else None
            if (
                actor is not None
                and actor.id != part.id
                and actor.sector == part.sector
                and actor.country == part.country
                and here - sent_of[c.start] <= WINDOW_SENTENCES
            ):
                before.append(c)
        if len({c.actor_id for c in before}) != 1:
            continue
        ante = before[-1]
        cand.refer_to(ante, 0.7)


def _sentence_of(doc: Doc) -> dict[int, int]:
    """The sentence number of every token."""
    return {t.i: k for k, s in enumerate(doc.sents) for t in s}
