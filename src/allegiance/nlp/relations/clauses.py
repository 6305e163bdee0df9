"""Requests stated by a clause, and answers to requests.

Registered constructions:

* ``allegiance.relations.request_clause.v1``: a requesting verb or noun whose clause names who
  is asked ("Washington demanded that Hamas renounce its armed struggle", "the ILO reiterated
  its demand that Israel ease restrictions"), or a statement that someone must or should act
  ("Russia said that Sudan must return the helicopter"): REQUEST from the one who asks to the
  subject of the clause.
* ``allegiance.relations.response.v1``: an answer to someone's request, offer or call
  ("Berlin rejected calls by Belarus's rulers for aid", "the government accepted demands from
  the rebels", "Haniyeh has refused to respond to a demand from the US President"): the
  answering verb's category (lexicon ``responses``) from the one who answers to the one who
  asked.
* ``allegiance.relations.denied_claim.v1``: a claim described after a comma and denied
  ("Kinshasa accused Rwanda of sending troops, a charge Kigali has denied"; "..., an
  allegation the company rejects"): REJECT from the one who denies to the one who claimed.

Words are data: ``requesting_verbs``, ``request_nouns``, ``obligation_modals``,
``claim_nouns`` and ``disputing_verbs`` in ``relation_words.yaml``, ``responses`` in
``triggers.yaml``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ...lexicon.triggers import Trigger
from ..phrases import described_claim
from .arguments import nominal
from .candidates import Arg, Candidate
from .event_nouns import noun_sources
from .names import DENIED_CLAIM, REQUEST_CLAUSE, REQUESTED_ACT, RESPONSE
from .protests import protest_noun
from .registry import constructions

if TYPE_CHECKING:
    from .run import DocRun

__all__ = ["denied_claim", "request_clause", "requested_act", "response"]

_REQUEST = Trigger("REQUEST")
_REJECT = Trigger("REJECT")
_OBLIGATION = Trigger("REQUEST", mode="obligation")
# a finite clause under a requesting verb: "demanded that X renounce" (subjunctive), "urged
# that X stops"; a past or perfect one reports a fact ("insisted that X had attacked")
_REQUESTED_TAGS = ("VB", "VBP", "VBZ")


def _asker(run: DocRun, tok: Token) -> tuple[list[Arg], Token]:
    """Who asks: the verb's subject, or for a noun its own agent ("its demand"); a verb
    that modifies a noun ("issued a declaration demanding that ...") is its light verb's
    subject's."""
    if nominal(tok):
        return noun_sources(run, tok)
    subj_toks, passive = run.subject_tokens(tok)
    if passive:
        return [], tok
    sources = [a for t in subj_toks for a in run.args(t)]
    if not sources and tok.dep_ == "acl" and tok.head.dep_ == "dobj":
        verb = tok.head.head
        subj_toks, passive = run.subject_tokens(verb)
        if not passive:
            sources = [a for t in subj_toks for a in run.args(t)]
    return sources, tok


def _obliged(run: DocRun, clause: Token) -> bool:
    """ "Sudan must return", "the US should lift": the clause says someone is to act."""
    return any(c.dep_ == "aux" and c.lower_ in run.lex.obligation_modals for c in clause.children)


def _clauses(tok: Token) -> Iterator[Token]:
    """The complement clauses of a verb or noun; a request noun's clause is often parsed onto
    the verb it is the object of ("reiterated its demand today that Israel ease ...")."""
    for c in tok.children:
        if c.dep_ in ("ccomp", "acl") and c.pos_ in ("VERB", "AUX"):
            yield c
    if tok.dep_ == "dobj" and tok.pos_ == "NOUN":
        for c in tok.head.children:
            if (
                c.dep_ == "ccomp"
                and c.i > tok.i
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            ):
                yield c


@constructions.register(REQUEST_CLAUSE)
def request_clause(run: DocRun, tok: Token, sent: Span) -> Iterator[Candidate]:
    """ "Washington along with its allies demanded that Hamas renounce its armed struggle
    against Israel"; "Russia said on Tuesday that Sudan must return a Mi-26 helicopter":
    the one who asks requests of the clause's subject."""
    lemma = tok.lemma_.lower()
    if nominal(tok):
        if lemma not in run.lex.request_nouns and tok.lower_ not in run.lex.request_nouns:
            return
        requesting = True
    elif tok.pos_ in ("VERB", "AUX"):
        requesting = lemma in run.lex.requesting_verbs
        own = run.lex.verbs.get(lemma)
        if not requesting and own is not None and own.category != "REQUEST":
            return  # "agreed that their countries should cooperate" is no request
    else:
        return
    clauses = [
        c
        for c in _clauses(tok)
        if any(s.dep_ == "nsubj" for s in c.children)
        and (_obliged(run, c) or (requesting and c.tag_ in _REQUESTED_TAGS and not _has_aux(c)))
        # "has said U.S. Steel should remain American-owned": a state said to be right, no act
        # asked of anyone (a requesting verb asks it: "urged that Britain remain in the union")
        and (requesting or not _state_only(run, c))
    ]
    if not clauses:
        return
    sources, anchor = _asker(run, tok)
    if not sources:
        return
    exclude = frozenset(a.actor.actor_id for a in sources)
    own = run.lex.verbs.get(lemma) if not nominal(tok) else run.event(tok)
    for clause in clauses:
        trig = own if own is not None and own.category == "REQUEST" else None
        trig = trig or (_OBLIGATION if _obliged(run, clause) and not requesting else _REQUEST)
        targets = [
            a for s in clause.children if s.dep_ == "nsubj" for a in run.args(s, exclude=exclude)
        ]
        yield from run.pairs(
            sources,
            targets,
            trig,
            tok.i,
            tok.i + 1,
            anchor,
            0.65,
            2,
            construction=REQUEST_CLAUSE,
        )


def _state_only(run: DocRun, clause: Token) -> bool:
    """Whether a clause says what someone is, not what they are to do: a copula without a
    verb to do ("should remain American-owned", not "must be ready to mediate")."""
    if clause.lemma_.lower() not in run.lex.copulas:
        return False
    return not any(
        t.dep_ == "xcomp" and t.pos_ in ("VERB", "AUX")
        for c in clause.children
        for t in (c, *c.children)
    )


def _has_aux(clause: Token) -> bool:
    return any(c.dep_ == "aux" for c in clause.children)


def _requesters(run: DocRun, noun: Token, *, joint: bool = True) -> list[Arg]:
    """Who made a request, offer or call: "calls by X", "a demand from X", "X's demands";
    who staged a protest ("prevented the demonstration staged by students")."""
    kind = run.event(noun)
    if kind is not None and kind.category == "PROTEST":
        return run.agent_phrase(noun) + [
            a for c in noun.children if c.dep_ == "poss" for a in run.args(c)
        ]
    if kind is not None and kind.symmetric and "with" in kind.preps and joint:
        # "rejected any negotiations with the RSF", "accepted a truce with the rebels": the
        # answer goes to the other party of the joint act offered
        return [
            a
            for prep in noun.children
            if prep.dep_ == "prep" and prep.lower_ == "with"
            for p in prep.children
            if p.dep_ == "pobj"
            for a in run.args(p)
        ]
    if noun.lemma_.lower() not in run.lex.request_nouns and noun.lower_ not in (
        run.lex.request_nouns
    ):
        return []
    out = [
        a
        for c in noun.children
        if c.dep_ in ("poss", "compound", "amod", "nmod")
        for a in run.args(c)
    ]
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("by", "from", "of"):
            out.extend(a for p in prep.children if p.dep_ == "pobj" for a in run.args(p))
    return out


def _requests(verb: Token) -> Iterator[Token]:
    """The nouns a verb answers: its object ("rejected calls"), a prepositional object
    ("conceded to demands", "respond to a demand")."""
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            yield c
        elif c.dep_ in ("prep", "dative") and c.lower_ in ("to", "with"):
            yield from (p for p in c.children if p.dep_ == "pobj")


@constructions.register(RESPONSE)
def response(run: DocRun, tok: Token, sent: Span) -> Iterator[Candidate]:
    """ "Berlin rejected recent calls by Belarus's rulers for immediate economic aid";
    "Newly appointed Palestinian Prime Minister Ismail Haniyeh has refused to respond to a
    demand from the US President": the answer goes to whoever asked."""
    if tok.pos_ not in ("VERB", "AUX") or nominal(tok):
        return
    trig = run.lex.responses.get(tok.lemma_.lower())
    if trig is None:
        return
    verb, anchor = tok, tok
    head = tok.head
    if tok.dep_ == "xcomp" and head.lemma_.lower() in run.lex.negating_verbs:
        # "refused to respond to a demand from X": a refusal is the answer, and a fact
        refusal = run.lex.responses.get(head.lemma_.lower())
        if refusal is None or refusal.category != "REJECT":
            return
        trig, anchor = refusal, head
    sources = run.active_subject_args(anchor)
    if not sources:
        return
    exclude = frozenset(a.actor.actor_id for a in sources)
    targets = [
        a
        for noun in _requests(verb)
        # (what is done to a protest is done to its makers; a tie broken is a cut)
        for a in _requesters(run, noun, joint=trig.category != "COERCE")
        if a.actor.actor_id not in exclude
    ]
    yield from run.pairs(
        sources, targets, trig, tok.i, tok.i + 1, anchor, 0.65, 1, construction=RESPONSE
    )


# the prepositions of a requested act that name whom it would concern ("sanctions against X",
# "a truce with X", "an admission by X", "a U.N. presence": its modifier)
_ACT_PREPS = ("against", "on", "with", "by", "from")


@constructions.register(REQUESTED_ACT)
def requested_act(run: DocRun, tok: Token, sent: Span) -> Iterator[Candidate]:
    """ "Archbishop Desmond Tutu on Sunday called for sanctions against Nigeria"; "Bosnian
    Serbs demanded a truce with Moslem forces"; "Poland's parliament has demanded an immediate
    admission by Moscow ...": asking for an act is a request of whom the act concerns."""
    if tok.pos_ not in ("VERB", "AUX") or nominal(tok):
        return
    lemma = tok.lemma_.lower()
    if lemma not in run.lex.requesting_verbs or lemma in run.lex.ordering_verbs:
        return  # "ordered airstrikes against ISIL" orders the act done: the act's own reading
    if any(c.dep_ == "oprd" for c in tok.children):
        return  # "called the attack on Israel a crime" names the act, asks for nothing
    # "called a general strike" stages the strike ("called for a strike" asks for it)
    acts = [
        c
        for c in tok.children
        if c.dep_ == "dobj" and c.pos_ == "NOUN" and not protest_noun(run.lex, c)
    ]
    acts += [
        p
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "for"
        for p in c.children
        if p.dep_ == "pobj" and p.pos_ == "NOUN"
    ]
    acts = [a for a in acts if a.i not in run.tok2span and run.index.reference_span(a) is None]
    if not acts:
        return
    sources = run.active_subject_args(tok)
    if not sources:
        return
    exclude = frozenset(a.actor.actor_id for a in sources)
    targets: list[Arg] = []
    for act in acts:
        # "requested immediate support from the Coalition" asks an ally for help: no
        # request against it
        kind = run.event(act)
        friendly = kind is not None and run.lex.info(kind).sign > 0
        for c in act.children:
            if c.dep_ in ("amod", "compound") and c.i in run.tok2span:
                targets.extend(run.args(c, exclude=exclude))
            elif (
                c.dep_ == "prep"
                and c.lower_ in _ACT_PREPS
                and not (friendly and c.lower_ == "from")
            ):
                for p in c.children:
                    if p.dep_ == "pobj":
                        targets.extend(run.args(p, exclude=exclude))
    trig = run.lex.verbs.get(lemma)
    if trig is None or trig.category != "REQUEST":
        trig = _REQUEST
    yield from run.pairs(
        sources, targets, trig, tok.i, tok.i + 1, tok, 0.6, 2, construction=REQUESTED_ACT
    )


def _claiming_verb(last: Token, comma: int, claiming: frozenset[str]) -> Token | None:
    """The verb that makes the claim ending at ``last``: the nearest verb above it, or above
    that the verb of saying or accusing it hangs from ("accused France of plotting to attack
    Niger, a claim Paris rejected": "accused", not "attack")."""
    verbs = [t for t in last.ancestors if t.pos_ in ("VERB", "AUX") and t.i < comma]
    return next((v for v in verbs if v.lemma_.lower() in claiming), verbs[0] if verbs else None)


@constructions.register(DENIED_CLAIM)
def denied_claim(run: DocRun, tok: Token, sent: Span) -> Iterator[Candidate]:
    """ "Kinshasa accused Rwanda of sending troops, a charge Kigali has denied": whoever
    denies a claim described after a comma rejects whoever made it (the subject of the
    clause before). The small model parses "a charge Kigali has denied" either as the verb's
    subject with the denier in apposition, or as a relative clause on the claim noun."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in run.lex.disputing_verbs:
        return
    lex, doc = run.lex, run.doc
    claim = described_claim(tok, lex.claim_nouns)
    if claim is None:
        return
    if claim.head == tok and claim.dep_ == "nsubj":
        deniers = [a for a in claim.children if a.dep_ == "appos"]  # "a charge, Kigali, denied"
    else:  # "an allegation Google denies", "a claim Kyiv denied" (a relative clause)
        deniers = [c for c in tok.children if c.dep_ == "nsubj"]
    comma = claim.left_edge.i - 1
    clause = next(
        (c for c in tok.children if c.dep_ == "ccomp" and c.i < comma),
        None,
    ) or _claiming_verb(doc[comma - 1], comma, lex.speech_verbs | lex.accusing_verbs)
    while clause is not None and clause.dep_ == "ccomp" and clause.head.i < comma:
        clause = clause.head  # "Moscow said drones struck a refinery, a claim Kyiv denied"
    if clause is None or clause.lemma_.lower() not in lex.speech_verbs | lex.accusing_verbs:
        return  # a claim whose maker is not said
    sources = [a for d in deniers for a in run.args(d)]
    exclude = frozenset(a.actor.actor_id for a in sources)
    targets = [a for a in run.active_subject_args(clause) or [] if a.actor.actor_id not in exclude]
    yield from run.pairs(
        sources, targets, _REJECT, tok.i, tok.i + 1, tok, 0.6, 1, construction=DENIED_CLAIM
    )
