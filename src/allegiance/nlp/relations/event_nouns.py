"""Event nouns and light verbs: "conducted strikes against X", "Iran's support for Y".

* ``allegiance.relations.event_noun.v1``: an event noun of the lexicon (``nouns``) with its
  agent and its preposition: "A series of precision U.S. airstrikes against al-Qaida
  operatives this week killed more than 20 militants".
* ``allegiance.relations.received_event.v1`` (reading): "Iraqi forces received fire from
  ISIL fighters near the hospital": the one the event comes from acts on the clause's subject.
* ``allegiance.relations.received_support.v1`` (reading): "With support from 14 donor
  countries, the Syria Recovery Trust Fund is delivering ...": the providers support the
  clause's subject.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ...lexicon.triggers import Trigger
from .arguments import nominal
from .assets import asset_targets
from .candidates import Arg, Candidate
from .modality import cutting_noun, vowed
from .names import ASSET_TARGETS, EVENT_NOUN, RECEIVED_EVENT, RECEIVED_SUPPORT
from .protests import protest_noun
from .registry import constructions

if TYPE_CHECKING:
    from .run import DocRun

__all__ = ["event_noun", "frame_of", "noun_sources", "read_event_noun"]


def noun_sources(run: DocRun, noun: Token) -> tuple[list[Arg], Token]:
    """Who does what an event noun names: possessor, actor modifier, "by X", or the
    subject of a light verb ("conducted strikes", "provided support")."""
    sources = []
    given_to = {t.i for t in recipients(run, noun)}
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod") and child.i not in given_to:
            sources.extend(run.args(child))
    sources.extend(run.agent_phrase(noun))
    anchor = noun
    doer = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    if not sources and doer is not None and doer.lemma_.lower() in run.lex.doing_nouns:
        # "the US imposition of tariffs on Canada", "Russia's delivery of weapons to Syria":
        # the noun of a light verb names whose the act is
        sources = [a for c in doer.children if c.dep_ in ("poss", "compound", "amod")
                   for a in run.args(c)] + run.agent_phrase(doer)  # fmt: skip
    # "the isolation of Raqqah and defeat of ISIL": a conjunct takes its first's place
    first = noun
    while first.dep_ in ("conj", "appos") and first.head.pos_ in ("NOUN", "PROPN"):
        first = first.head  # "... and defeat of ISIL"; "the same goal, the defeat of ISIL"
    if first is not noun and not sources:
        noun = first
    head = noun.head
    if not sources and _measure_of(run, noun) is not None:
        # "will provide $100 million in new assistance to X", "gave X 5 million dollars of aid"
        noun = head.head
        head = noun.head
    elif (
        not sources
        and noun.dep_ == "pobj"
        and head.lower_ in ("including", "include")
        and head.head.pos_ in ("NOUN", "PROPN")
    ):
        # "conducted 10 airstrikes, including strikes against X": the whole's agent
        return noun_sources(run, head.head)
    if (
        not sources
        and noun.dep_ in ("dobj", "nsubjpass")
        and (
            head.lemma_.lower() in run.lex.light_verbs
            # "the union called a general strike against the government"
            or (head.lemma_.lower() in run.lex.staging_verbs and protest_noun(run.lex, noun))
            or vowed(run.lex, noun) is not None  # "Iran vowed revenge against Israel"
        )
    ):
        sources = run.active_subject_args(head) or []
        anchor = head
    elif (
        not sources
        and noun.dep_ == "pobj"
        and head.dep_ == "prep"
        and head.head.pos_ in ("VERB", "AUX")
    ):
        # "joined the fight against ISIL", "took part in attacks on X"
        verb = head.head
        if (
            verb.lemma_.lower() in run.lex.light_verbs
            # "engaged in fighting", "took part in the attack"; not "arrested two suspects in
            # the killing of X": a verb with an object of its own (``share_nouns`` apart) is
            # not the noun's doing
            or (
                head.lower_ in ("in", "into")
                and not any(
                    c.dep_ == "dobj" and c.lemma_.lower() not in run.lex.share_nouns
                    for c in verb.children
                )
            )
            or protest_noun(run.lex, noun, head)  # "workers went on strike"
        ):
            sources = run.active_subject_args(verb) or []
            anchor = verb
    elif noun.dep_ == "dobj" and head.lemma_.lower() in run.lex.light_verbs:
        anchor = head
    return sources, anchor


def frame_of(run: DocRun, noun: Token) -> Token:
    """The noun an event noun names the kind of, when that noun is a frame of no sense of its
    own (``frame_nouns``): "launched a mediation effort between the Emirates and Saudi
    Arabia", "an aid mission to Haiti", "a peace process with the rebels"; or one it is the
    "of" of (``frame_of_nouns``): "declared a state of emergency in Haiti"; else the noun."""
    head = noun.head
    if (
        noun.dep_ == "compound"
        and head.pos_ == "NOUN"
        and head.lemma_.lower() in run.lex.frame_nouns
        and run.event(head) is None
    ):
        return head
    if (
        noun.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.pos_ == "NOUN"
        and head.head.lemma_.lower() in run.lex.frame_of_nouns
    ):
        return head.head
    # "announced a suspension of air links with Serbia": the cut's agent cut the tie
    return cutting_noun(run.lex, noun) or noun


def _measure_of(run: DocRun, noun: Token) -> Token | None:
    """The amount a light verb's object counts of an event noun: "$100 million" in "will
    provide $100 million in new assistance", "5 million dollars" in "gave the Ivory Coast 5
    million dollars of aid"; None when the noun is no such amount's."""
    head = noun.head
    if noun.dep_ != "pobj" or head.lower_ not in ("in", "of") or head.head.dep_ != "dobj":
        return None
    amount = head.head
    if amount.head.lemma_.lower() not in run.lex.light_verbs:
        return None
    counted = amount.pos_ == "NUM" or any(c.dep_ == "nummod" for c in amount.children)
    return amount if head.lower_ == "in" or counted else None


def recipients(run: DocRun, noun: Token) -> list[Token]:
    """A name right after a giving verb and before its object, parsed as the object's
    modifier: the one given to, not the giver ("the EU gave Ukraine humanitarian aid", "China
    offered Pakistan military assistance"; the giver is the verb's subject). A modifier after
    a determiner ("sent the Ukraine aid package") or a possessor is not."""
    obj = noun if noun.dep_ == "dobj" else _measure_of(run, noun)
    if obj is None or obj.head.lemma_.lower() not in run.lex.giving_verbs:
        return []
    verb = obj.head
    if not any(c.dep_ == "nsubj" for c in verb.children):
        return []
    return [
        c
        for c in obj.children
        if c.dep_ in ("compound", "nmod", "amod")
        and c.pos_ == "PROPN"
        and c.left_edge.i == verb.i + 1
        and c.i in run.tok2span
    ]


@constructions.register(EVENT_NOUN)
def event_noun(run: DocRun, tok: Token, sent: Span) -> Iterator[Candidate]:
    """ "A series of precision U.S. airstrikes against al-Qaida operatives this week killed
    more than 20 militants"; "Coalition military forces conducted 23 strikes ... against ISIL":
    an event noun with its agent (possessor, modifier, "by X", a light verb's subject) and the
    preposition that names whom it concerns."""
    if not nominal(tok):
        return
    trig = run.event(tok)
    if trig is not None and trig.category != "PROTEST" and _a_protest(run, tok):
        # "workers went on strike over the bill", "a general strike against the junta": the
        # labour strike, not the military one (``protest_nouns``)
        trig = run.lex.nouns.get("protest", trig)
    if trig is not None:
        yield from read_event_noun(run, tok, trig)


def _a_protest(run: DocRun, noun: Token) -> bool:
    prep = noun.head if noun.dep_ == "pobj" else None
    return protest_noun(run.lex, noun, prep) or _workers_strike(run, noun)


def _workers_strike(run: DocRun, noun: Token) -> bool:
    """Whether a bare "strike" is staged by workers (``labour_strike_nouns``): the subject of
    the verb it is the object of, or its possessor, is one of ``striker_actors`` or a name
    ending in one of ``striker_words`` ("Hyundai workers staged a strike", "the union's
    strike"; not "the coalition conducted a strike")."""
    lex = run.lex
    if noun.lemma_.lower() not in lex.labour_strike_nouns:
        return False
    agents = [c for c in noun.children if c.dep_ == "poss"]
    if noun.dep_ == "dobj":
        agents += [c for c in noun.head.children if c.dep_ == "nsubj"]
    for tok in agents:
        for arg in run.args_one(tok, frozenset()):
            if (arg.actor.actor_id or "").lower() in lex.striker_actors:
                return True
            if run.doc[arg.end - 1].lower_ in lex.striker_words:
                return True
    return False


def read_event_noun(run: DocRun, noun: Token, trig: Trigger) -> Iterator[Candidate]:
    """The relations an event noun states."""
    if noun.i in run.tok2span and run.tok2span[noun.i].root == noun:
        return  # the noun names an actor ("the Coalition") rather than an event
    received = list(_received(run, noun, trig)) if run.enabled(RECEIVED_EVENT) else []
    if received:
        yield from received
        return
    if (
        trig.category in ("SUPPORT", "AID", "COOPERATE")
        and noun.dep_ == "pobj"
        and run.enabled(RECEIVED_SUPPORT)
    ):
        received = list(_received_support(run, noun, trig))
        if received:
            yield from received
            return
    if _restricted_trade(run, noun, trig):
        return
    trig = _shipped(run, noun, trig)
    holder = frame_of(run, noun)
    sources, anchor = noun_sources(run, holder)
    if trig.symmetric and trig.category in ("COOPERATE", "ALIGN") and _soured(run, noun):
        trig = replace(trig, category="OPPOSE", mode="strained", preps={
            k: (None if v is None else replace(v, category="OPPOSE", mode="strained"))
            for k, v in trig.preps.items()
        })  # fmt: skip
    run.remember(trig, sources)
    mutual_before = len(sources) >= 2 and not any(
        c.dep_ == "prep" and c.lower_ in trig.preps for c in holder.children
    )
    if mutual_before and trig.symmetric and anchor is not holder:
        # "Saudi Arabia and Iran restored diplomatic relations"
        yield from run.mutual(
            sources, trig, noun.i, noun.i + 1, anchor, 0.7, 2, construction=EVENT_NOUN
        )
    found = list(_prepositions(run, noun, trig, sources, anchor, holder))
    yield from found
    if not found and trig.category == "PROTEST":
        # "Samsung workers went on strike over pay": workers named by their employer strike
        # against it
        employers = _employers(run, sources)
        yield from run.pairs(
            sources, employers, trig, noun.i, noun.i + 1, anchor, 0.55, 2, construction=EVENT_NOUN
        )
    # "deliver ISIL a lasting defeat", "gave Kenya $300 million in loans"
    obj = noun if noun.dep_ == "dobj" else _measure_of(run, noun)
    if obj is not None and anchor is not noun and sources:
        given = [
            t for t in anchor.children if t.dep_ == "dative" or (t.dep_ == "dobj" and t.i < obj.i)
        ]
        for dative in given + recipients(run, noun):
            yield from run.pairs(
                sources,
                run.args(dative),
                trig,
                noun.i,
                noun.i + 1,
                anchor,
                0.65,
                2,
                construction=EVENT_NOUN,
            )


def _noun_preps(
    run: DocRun, noun: Token, trig: Trigger, anchor: Token, holder: Token
) -> list[Token]:
    """The prepositions an event noun may have: its own (or its frame's), those the small
    model hung on a conjunct or on the noun's light verb."""
    preps = list(holder.children)
    if holder is not noun:
        preps.extend(c for c in noun.children if c.dep_ == "prep")
    # "exports of gallium and germanium to the US": the small model coordinates the object of
    # "of" with the noun and hangs the noun's preposition on it (a conjunct naming no event)
    preps.extend(
        g
        for c in holder.children
        if c.dep_ == "conj" and c.pos_ == "NOUN" and run.event(c) is None
        for g in c.children
        if g.dep_ == "prep" and g.lower_ != "of"
    )
    if anchor is not holder and (
        (
            anchor.lemma_.lower() in run.lex.light_verbs
            and anchor.lemma_.lower() not in run.lex.verbs
        )
        or (trig.category == "PROTEST" and _a_protest(run, holder))
    ):
        # "values the partnerships with our allies", "went on strike over the bill": the
        # noun's preposition parsed onto its light verb
        preps.extend(c for c in anchor.children if c.i > holder.i)
    return preps


def _prepositions(
    run: DocRun,
    noun: Token,
    trig: Trigger,
    sources: list[Arg],
    anchor: Token,
    holder: Token | None = None,
) -> Iterator[Candidate]:
    """An event noun's prepositions: "strikes against X", "talks between X and Y"; those of
    its ``holder`` when it names the kind of a frame noun ("a mediation effort between X and
    Y", :func:`frame_of`)."""
    holder = holder or noun
    preps = _noun_preps(run, noun, trig, anchor, holder)
    # the state a protest or a restriction is in is its target only when no other is named
    # ("protests in Britain against the regime"): those prepositions are read last
    locus = run.lex.locus_prepositions
    preps.sort(key=lambda p: p.lower_ in locus)
    found = False
    for prep in preps:
        if found and prep.lower_ in locus:
            break
        # "granted asylum to X", "paid compensation to X": the light verb's "to" is often
        # parsed as a dative
        dative = prep.dep_ == "dative" and prep.pos_ == "ADP" and prep.head.i != holder.i
        if (prep.dep_ != "prep" and not dative) or prep.lower_ not in trig.preps:
            continue
        sub = trig.preps[prep.lower_]
        if sub is None:
            continue
        pobjs = [c for c in prep.children if c.dep_ == "pobj"]
        for pobj in pobjs:
            targets = run.args(pobj)
            if not targets and prep.lower_ == "on" and sub.category == "SANCTION":
                targets = _goods_origin(run, pobj, anchor)
            if sources and run.is_hostile(sub) and run.enabled(ASSET_TARGETS):
                # "strikes against both tactical units and the oil infrastructure"
                exclude = frozenset(a.actor.actor_id for a in sources)
                targets.extend(asset_targets(run, pobj, exclude))
            if prep.lower_ == "between" and not (sources and sub.mode == "mediation"):
                # "talks between X and Y"; but "Egypt's mediation between X and Y" is Egypt's
                # with each (below)
                yield from run.mutual(
                    targets, sub, noun.i, noun.i + 1, anchor, 0.7, 2, construction=EVENT_NOUN
                )
            elif sources and targets:
                found = True
                run.remember(sub, sources)
                yield from run.pairs(
                    sources,
                    targets,
                    sub,
                    noun.i,
                    noun.i + 1,
                    anchor,
                    0.6 if prep.lower_ in locus else 0.7,
                    2,
                    symmetric=sub.symmetric or trig.symmetric,
                    construction=EVENT_NOUN,
                )


#: the actor types of a name before "workers" that is their employer ("Samsung workers")
_EMPLOYERS = frozenset({"other", "business"})


def _employers(run: DocRun, sources: list[Arg]) -> list[Arg]:
    """The companies that name protesting workers ("Samsung workers", "Hyundai workers")."""
    out: list[Arg] = []
    for src in sources:
        if src.actor.actor_id != "GEN.LABOR":
            continue
        head = run.doc[src.end - 1]
        for c in head.children:
            if c.dep_ == "compound" and c.i < src.start:
                out.extend(
                    a for a in run.args_one(c, frozenset()) if a.actor.actor_type in _EMPLOYERS
                )
    return out


def _restricted_trade(run: DocRun, noun: Token, trig: Trigger) -> bool:
    """Whether a trade noun is what a restriction is on ("tariffs on steel imports from
    Canada", "imposed a ban on beef exports to China"): it states no trade of its own, the
    restriction names the partner (:func:`_goods_origin`)."""
    if trig.category != "COOPERATE" or trig.mode != "economic" or noun.dep_ != "pobj":
        return False
    prep = noun.head
    if prep.lower_ not in ("on", "against"):
        return False
    gov = prep.head
    # the "on" parsed onto the verb: "imposed tariffs on steel imports"
    heads = [gov, *(c for c in gov.children if c.dep_ == "dobj")]
    return any((ev := run.event(h)) is not None and ev.category == "SANCTION" for h in heads)


def _shipped(run: DocRun, noun: Token, trig: Trigger) -> Trigger:
    """A trade noun read by what it carries: "Russia's delivery of weapons to Syria" and "arms
    sales to Turkey" are military aid, "a shipment of aid to Gaza" aid; "gas deliveries to
    Poland" stay trade."""
    if trig.category != "COOPERATE" or trig.mode != "economic":
        return trig
    if any(c.dep_ == "compound" and c.lemma_.lower() in run.lex.armed_goods for c in noun.children):
        return _as_aid(trig, "military")  # "arms sales to Turkey", "weapons deliveries"
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for goods in prep.children:
            if goods.lemma_.lower() in run.lex.armed_goods:
                return _as_aid(trig, "military")
            carried = run.event(goods)
            if carried is not None and carried.category == "AID":
                return _as_aid(trig, carried.mode)
    return trig


def _as_aid(trig: Trigger, mode: str | None) -> Trigger:
    preps = {k: None if v is None else replace(v, category="AID", mode=mode)
             for k, v in trig.preps.items()}  # fmt: skip
    return replace(trig, category="AID", mode=mode, preps=preps)


def _goods_origin(run: DocRun, goods: Token, anchor: Token) -> list[Arg]:
    """The state goods come from, which a restriction on them is on: "tariffs on steel from
    China", "duties on electric vehicles imported from China", "a ban on beef imports from
    Brazil", "tariffs on American goods"; the "from" may be parsed onto the verb ("imposed
    tariffs on steel from China")."""
    froms: list[Token] = []
    out: list[Arg] = []
    for child in goods.children:
        if child.dep_ in ("amod", "compound"):
            out.extend(run.args(child))  # "tariffs on American goods"
        elif child.dep_ == "prep" and child.lower_ == "from":
            froms.append(child)
        elif child.dep_ == "acl" and child.tag_ == "VBN":  # "cars imported from Japan"
            froms.extend(g for g in child.children if g.dep_ == "prep" and g.lower_ == "from")
    if anchor.pos_ in ("VERB", "AUX"):
        froms.extend(c for c in anchor.children if c.dep_ == "prep" and c.lower_ == "from")
    for prep in froms:
        out.extend(a for pobj in prep.children if pobj.dep_ == "pobj" for a in run.args(pobj))
    return out


def _soured(run: DocRun, noun: Token) -> bool:
    """ "tense relations", "relations ... have soured": ties that have turned hostile."""
    words = run.lex.souring_words
    if any(c.dep_ == "amod" and c.lower_ in words for c in noun.children):
        return True
    head = noun.head
    return noun.dep_ in ("nsubj", "nsubjpass") and (
        head.lemma_.lower() in words or head.lower_ in words
    )


@constructions.register(RECEIVED_EVENT)
def _received(run: DocRun, noun: Token, trig: Trigger) -> Iterator[Candidate]:
    """ "Iraqi forces received fire from ISIL fighters near the hospital", "came under
    attack from X": the one the event comes from acts on the clause's subject."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "under" and verb.head.lemma_ == "come":
        verb = verb.head
    elif noun.dep_ != "dobj" or verb.lemma_.lower() not in run.lex.receiving_verbs:
        return
    froms = [
        pobj
        for holder in (noun, verb)
        for prep in holder.children
        if prep.dep_ == "prep" and prep.lower_ == "from"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]
    if not froms:
        return
    subj_toks, passive = run.subject_tokens(verb)
    if passive:
        return
    targets = [a for t in subj_toks for a in run.args(t)]
    sources = [a for t in froms for a in run.args(t)]
    yield from run.pairs(
        sources, targets, trig, noun.i, noun.i + 1, verb, 0.7, 2, construction=RECEIVED_EVENT
    )


@constructions.register(RECEIVED_SUPPORT)
def _received_support(run: DocRun, noun: Token, trig: Trigger) -> Iterator[Candidate]:
    """ "With support from 14 donor countries, the Syria Recovery Trust Fund is delivering
    ..."; "aided by support from Turkey": the providers support the clause's subject."""
    if noun.head.lower_ not in ("with", "by", "through", "thanks"):
        return
    gov = noun.head.head
    if gov.pos_ not in ("VERB", "AUX", "NOUN", "PROPN"):
        return
    providers = [
        a
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ in ("of", "from")
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        for a in run.args(pobj)
    ]
    if not providers:
        return
    if gov.pos_ in ("NOUN", "PROPN"):
        # "Kurdish forces, with the help of US air strikes, drove ISIS out"
        helped = run.args(gov)
    else:
        subj_toks, passive = run.subject_tokens(gov)
        if passive and gov.dep_ != "advcl":
            return
        helped = [a for t in subj_toks for a in run.args(t)]
    yield from run.pairs(
        providers, helped, trig, noun.i, noun.i + 1, gov, 0.7, 2, construction=RECEIVED_SUPPORT
    )
