"""Prepositional relations: "fought alongside X", "positions against ISIL".

``allegiance.relations.preposition.v1``: "some 200 advisers deployed alongside Iraqi and
Kurdish soldiers".
A preposition is generic evidence: a more specific trigger for the same pair wins (rank 3).
Weapons used against someone stand for their user (the ``instruments`` reading).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ...lexicon.triggers import Trigger
from .assets import asset_targets, instruments, is_weapon
from .candidates import Arg, Candidate
from .event_nouns import noun_sources
from .names import ASSET_TARGETS, INSTRUMENTS, PREPOSITION
from .registry import constructions

if TYPE_CHECKING:
    from .run import DocRun

__all__ = ["preposition"]


@constructions.register(PREPOSITION)
def preposition(run: DocRun, tok: Token, sent: Span) -> Iterator[Candidate]:
    """ "... the U.S. has nearly 5,000 men and women on Iraqi soil and some 200 advisers
    deployed alongside Iraqi and Kurdish soldiers": a preposition of the lexicon
    (``prepositions``) relates the clause's subject, or the actor or event noun it modifies,
    to its object."""
    trig = run.lex.prepositions.get(tok.lower_)
    if trig is not None and tok.dep_ == "prep":
        yield from read_preposition(run, tok, trig)


def read_preposition(run: DocRun, prep: Token, trig: Trigger) -> Iterator[Candidate]:
    """ "fought alongside X", "positions against ISIL": relate the clause's subject (or
    the modified actor) to the preposition's object."""
    pobjs = [pobj for pobj in prep.children if pobj.dep_ == "pobj"]
    targets = [a for pobj in pobjs for a in run.args(pobj)]
    if targets and run.is_hostile(trig) and run.enabled(ASSET_TARGETS):
        # "munitions against ISIL targets, which include three tactical units"
        for pobj in pobjs:
            extra = asset_targets(run, pobj, frozenset())
            targets.extend(a for a in extra if all(a.start != t.start for t in targets))
    if not targets:
        return
    gov = prep.head
    trig = _wielded(run, gov, trig)
    sources: list[Arg] = []
    anchor = gov
    if gov.i in run.tok2span:
        sources = run.args(gov, conj=False)
    elif gov.pos_ in ("VERB", "AUX"):
        if trig.category == "COOPERATE" and gov.lemma_.lower() not in run.lex.joint_verbs:
            return  # "was ranked alongside Google", "stood alongside Zelensky"
        # "advisers deployed alongside X": voice does not matter for the subject's side
        subj_toks, _ = run.subject_tokens(gov)
        sources = [a for t in subj_toks for a in run.args(t)]
    elif gov.pos_ == "NOUN" and (run.event(gov)):
        # an event noun has its own agent ("the regime's airstrikes against X"); the
        # clause's subject need not be it ("the US condemned attacks against civilians")
        sources, anchor = noun_sources(run, gov)
    elif gov.pos_ in ("NOUN", "PROPN"):
        # the clause's subject first ("Iraqi forces maintained their positions against X";
        # "conducted strikes ... using artillery against ISIL targets"), else the noun's own
        up, hops = gov, 0
        while up.head != up and hops < 6:
            up, hops = up.head, hops + 1
            if up.pos_ in ("VERB", "AUX"):
                subj_toks, passive = run.subject_tokens(up)
                if not passive or up.lemma_.lower() in run.lex.agentive_passives:
                    # "X was involved in the use of chemical weapons against Y"
                    sources = [a for t in subj_toks for a in run.args(t)]
                anchor = up
                break
        if not sources:
            sources, anchor = noun_sources(run, gov)
    if trig.mode == "military" and not any(
        a.actor.actor_type in _ARMED for a in (*sources, *targets)
    ):
        trig = replace(trig, mode=None)  # "Gandhi campaigned alongside Yadav": no armed side
    yield from run.pairs(
        sources, targets, trig, prep.i, prep.i + 1, anchor, 0.6, 3, construction=PREPOSITION
    )
    tool = gov
    if gov.pos_ == "VERB" and gov.lemma_.lower() in run.lex.instrument_verbs:
        # "using chemical weapons against civilians", the preposition on the verb
        tool = next((c for c in gov.children if c.dep_ == "dobj"), gov)
    if (
        run.enabled(INSTRUMENTS)
        and len(sources) == 1
        and tool.pos_ in ("NOUN", "PROPN")
        and tool.i not in run.tok2span
    ):
        tools = instruments(run, tool, sources[0])
        yield from run.pairs(
            tools, targets, trig, prep.i, prep.i + 1, anchor, 0.5, 3, construction=INSTRUMENTS
        )


#: actor types that make an act done together a military one
_ARMED = frozenset({"military", "militia", "rebel", "insurgent", "police", "state"})


def _wielded(run: DocRun, gov: Token, trig: Trigger) -> Trigger:
    """ "Police used live ammunition against demonstrators": a weapon (``instruments``) used
    against someone is the lexicon's ``wielded_as`` reading of the preposition, an attack."""
    reading = run.lex.wielded_as.get(trig.category)
    if gov.dep_ == "dobj" and gov.pos_ in ("NOUN", "PROPN"):
        gov = gov.head  # "used drones against Hezbollah", the preposition on the weapon
    if reading is None or gov.lemma_.lower() not in run.lex.instrument_verbs:
        return trig
    used = any(
        is_weapon(run, t) for c in gov.children if c.dep_ == "dobj" for t in (c, *c.conjuncts)
    )
    return reading if used else trig
