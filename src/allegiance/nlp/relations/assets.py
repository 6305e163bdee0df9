"""Assets and instruments: what is hit stands for its owner, what is used for its user.

* ``allegiance.relations.asset_targets.v1`` (reading, in verbs, event nouns and
  prepositions): "Five strikes destroyed three ISIL-held buildings, two vehicles and a
  tunnel": assets named without their owner belong to the enemy the report is about.
* ``allegiance.relations.instruments.v1`` (reading, in prepositions): "the use of IEDs and
  chemical weapons against Y": each weapon phrase stands for the one actor that uses it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..extensions import ActorRef
from .candidates import Arg
from .names import ASSET_TARGETS, INSTRUMENTS
from .registry import constructions
from .words import ENEMY_WINDOW_TOKENS

if TYPE_CHECKING:
    from .run import DocRun

__all__ = ["asset_targets", "instruments", "is_weapon"]


@constructions.register(ASSET_TARGETS)
def asset_targets(run: DocRun, obj: Token, exclude: frozenset[str]) -> list[Arg]:
    """ "Five strikes destroyed three ISIL-held buildings, two vehicles and a tunnel":
    assets named without their owner belong to the enemy the report is about (the
    attacker's own last target within a few sentences, else the actor most often in
    hostile acts there), each conjunct on its own; those listed under a phrase that names
    its owner ("ISIL targets, which include three tactical units") are that owner's."""
    enemy = next(
        (run.enemy_of[a] for a in sorted(exclude) if a in run.enemy_of), None
    ) or _report_enemy(run, obj, exclude)
    named = run.args_one(obj, exclude)
    if named:
        enemy = (named[0].actor, obj.i)
    if enemy is None or obj.sent.start - enemy[1] > ENEMY_WINDOW_TOKENS:
        return []
    out = []
    items, k = [obj], 0
    while k < len(items):  # a long list is often parsed as conjuncts and appositions
        items.extend(c for c in items[k].children if c.dep_ in ("conj", "appos"))
        # "ISIL targets, which include three tactical units and a command node"
        items.extend(
            g
            for c in items[k].children
            if c.dep_ == "relcl" and c.lemma_.lower() in run.lex.including_verbs
            for g in c.children
            if g.dep_ == "dobj"
        )
        k += 1
    scanned: set[int] = set()
    if run.is_asset(obj):
        heads = _list_heads(run, obj, {t.i for t in items})
        scanned = {t.i for t in heads}
        items.extend(heads)
    for tok in items:
        if not run.is_asset(tok):
            continue
        owners = run.args_one(tok, exclude)
        if owners:  # the phrase names its owner ("four ISIL vehicles")
            if tok is not obj and tok not in obj.conjuncts:
                out.extend(owners)  # a conjunct's owner is already in args()
            continue
        if enemy[0].actor_id in exclude:
            continue
        start = _phrase_start(run, tok, obj.i) if tok.i in scanned else tok.left_edge.i
        while start < tok.i and (run.doc[start].is_punct or run.doc[start].dep_ == "cc"):
            start += 1
        out.append(Arg(start, tok.i + 1, enemy[0], True))
    return out


def _report_enemy(run: DocRun, obj: Token, exclude: frozenset[str]) -> tuple[ActorRef, int] | None:
    """The actor most often in hostile acts (either side) within the last few
    sentences, not the attacker: whom an unattributed list of targets belongs to."""
    best: tuple[int, int, ActorRef] | None = None
    for actor_id, (n, pos, actor) in run.hostile.items():
        if actor_id in exclude or obj.sent.start - pos > ENEMY_WINDOW_TOKENS:
            continue
        if best is None or (n, pos) > best[:2]:
            best = (n, pos, actor)
    return (best[2], best[1]) if best is not None else None


def _list_heads(run: DocRun, first: Token, seen: set[int]) -> list[Token]:
    """The heads of a comma list of noun phrases after ``first`` up to its end (";",
    a preposition, a finite verb), for lists the parser broke apart ("destroyed three
    buildings, a rocket propelled grenade launcher, a VBIED staging facility, and a
    VBIED;")."""
    out: list[Token] = []
    sent_end = first.sent.end
    k = first.i + 1
    while k < sent_end:
        tok = run.doc[k]
        if tok.text in (";", ":", ".") or tok.pos_ in ("ADP", "AUX", "PRON", "SCONJ"):
            break
        prev = run.doc[k - 1]
        if (
            tok.pos_ == "VERB"
            and tok.tag_ not in ("VBN", "VBG")
            and prev.pos_ not in ("NOUN", "PROPN", "ADJ")  # "a rocket propelled grenade"
        ):
            break
        nxt = run.doc[k + 1] if k + 1 < sent_end else None
        ends_phrase = nxt is None or (
            nxt.text in (",", ";", ".", ":") or nxt.pos_ in ("CCONJ", "ADP", "SCONJ", "DET")
        )
        if (tok.pos_ in ("NOUN", "PROPN") or run.is_asset(tok)) and ends_phrase:
            if k not in seen:
                out.append(tok)
        k += 1
    return out


def _phrase_start(run: DocRun, tok: Token, lo: int) -> int:
    """Where the list item ending at ``tok`` begins (after the comma or conjunction)."""
    start = tok.i
    while (
        start - 1 > lo
        and run.doc[start - 1].text not in (",", ";")
        and (run.doc[start - 1].dep_ != "cc")
    ):
        start -= 1
    return start


def is_weapon(run: DocRun, tok: Token) -> bool:
    """Whether a noun is one of the lexicon's weapons and means (``instruments``)."""
    return tok.lemma_.lower() in run.lex.instruments or tok.lower_ in run.lex.instruments


@constructions.register(INSTRUMENTS)
def instruments(run: DocRun, noun: Token, user: Arg) -> list[Arg]:
    """ "strikes using attack and fighter aircraft as well as rocket artillery against X",
    "the use of IEDs and chemical weapons against Y": each weapon phrase, standing for
    the one actor that uses it."""
    verbs = run.lex.instrument_verbs
    first: Token | None = None
    if noun.lemma_.lower() in verbs:
        first = next(
            (g for c in noun.children if c.lower_ == "of" for g in c.children
             if g.dep_ == "pobj"),
            None,
        )  # fmt: skip
    else:
        first = noun
        while first.dep_ == "conj" and first.head.pos_ in ("NOUN", "PROPN"):
            first = first.head
        head = first.head
        used = (first.dep_ == "dobj" and head.lemma_.lower() in verbs) or (
            first.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in verbs
        )
        if not used:
            first = None
    if first is None:
        return []
    out: list[Arg] = []
    start: int | None = None
    for tok in sorted([first, *first.conjuncts], key=lambda t: t.i):
        if start is None:
            start = tok.left_edge.i
        if tok.i in run.tok2span:
            start = None  # an actor's own name is not its weapon
            continue
        if is_weapon(run, tok):
            out.append(Arg(start, tok.i + 1, user.actor, user.via_reference))
            start = None
    return out
