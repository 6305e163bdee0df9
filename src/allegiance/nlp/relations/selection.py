"""Selection: one candidate per argument pair and trigger."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

from ...lexicon.triggers import Trigger
from .candidates import Candidate
from .modality import ender, vowed
from .names import INSTRUMENTS, PREPOSITION

if TYPE_CHECKING:
    from .run import DocRun

__all__ = ["commitment", "select", "verb_reading"]

#: what a commitment to an act of that sign is: a threat to harm, a promise to help
_COMMITMENTS = {"THREATEN": -1, "AGREE": 1}
#: an intent stated to do an act of that sign: a promise to help, a threat to harm
_INTENT = {1: Trigger("AGREE", mode="intent"), -1: Trigger("THREATEN", mode="intent")}
#: how much surer the threat or promise made is than the act it announces
_ANNOUNCED = 0.9


def select(cands: list[Candidate], run: DocRun | None = None) -> list[Candidate]:
    """One relation per argument pair and trigger; a specific trigger beats a generic
    preposition for the same pair. With the document's ``run``, an act announced under a
    verb of threat or promise is also read as that threat or promise (:func:`commitment`),
    the act itself staying, hypothetical, a little less sure than the threat made."""
    if run is not None:
        cands = [c for cand in cands for c in _with_commitment(run, cand)]
    best: dict[tuple[Any, ...], Candidate] = {}
    for cand in cands:
        key = (cand.source.key(), cand.target.key(), cand.trigger_start)
        old = best.get(key)
        if old is None or (cand.rank, -cand.confidence) < (old.rank, -old.confidence):
            best[key] = cand
    chosen = sorted(best.values(), key=lambda c: (c.trigger_start, c.source.start, c.target.start))
    specific_pairs = {frozenset((c.source.key(), c.target.key())) for c in chosen if c.rank < 3}
    return [
        c
        for c in chosen
        if c.rank < 3 or frozenset((c.source.key(), c.target.key())) not in specific_pairs
    ]


def _with_commitment(run: DocRun, cand: Candidate) -> list[Candidate]:
    cand = verb_reading(run, cand) or cand
    made = commitment(run, cand)
    if made is None:
        return [cand]
    return [made, replace(cand, confidence=cand.confidence * _ANNOUNCED)]


def commitment(run: DocRun, cand: Candidate) -> Candidate | None:
    """ "Museveni threatened to ban opposition candidates", "the ministers agreed to provide
    aid to Romania": an act announced under a verb of threat or promise is not done, but the
    threat or the promise is, between the same two actors. So is an act its source states the
    intent to do (``intent_words``: "Norway is willing to send aid to Saudi Arabia",
    "Greece plans to impose restrictions on Turkey") or says it will do (``announcing_verbs``:
    "Nigeria announced it will withdraw its peacekeepers from Chad"): a promise when the act
    helps, a threat when it harms (THREATEN or AGREE, mode ``intent``). The candidate read at
    the governing word, or None when no such word governs the act's clause or the act's sign
    does not fit ("agreed to strike ISIL" is no agreement with ISIL)."""
    gov = _governor(run, cand.anchor)
    vower = vowed(run.lex, run.doc[cand.trigger_start]) if gov is None else None
    if vower is not None and _by_source(run, cand, vower):
        # "Iran vowed revenge against Israel": the threat is made
        return replace(
            cand, trigger=_INTENT[-1], trigger_start=vower.i, trigger_end=vower.i + 1, anchor=vower
        )
    sign = _leaning(run, cand.trigger)
    if ender(run.lex, cand) is not None:
        sign = -sign  # "vowed to halt aid to Egypt", "said it would end its support": a threat
    trig: Trigger | None = None
    if gov is not None and gov.pos_ == "VERB":
        trig = run.lex.verbs.get(gov.lemma_.lower())
        if trig is not None and (
            trig.category not in _COMMITMENTS or sign != _COMMITMENTS[trig.category]
        ):
            return None
    if trig is None and gov is not None and gov.lemma_.lower() in run.lex.intent_words:
        trig = _INTENT.get(sign)
    if trig is None and gov is None:
        gov = _announcer(run, cand)
        trig = None if gov is None else _INTENT.get(sign)
    if trig is None or gov is None or not _by_source(run, cand, gov):
        return None
    if trig.mode == "intent" and not _own_statement(run, cand, gov):
        return None
    return replace(
        cand,
        trigger=trig,
        trigger_start=gov.i,
        trigger_end=gov.i + 1,
        anchor=gov,
        # a threat is made by one side to the other ("threatened to cut ties with Russia")
        symmetric=cand.symmetric and trig.category != "THREATEN",
    )


def _governor(run: DocRun, anchor: Token) -> Token | None:
    """The word whose "to" clause holds the anchor, through aspectual verbs ("promised to
    continue military aid", "is willing to send")."""
    tok = _through_aspect(run, anchor)
    if tok.dep_ != "xcomp" or tok.head == tok:
        return None
    return tok.head if tok.head.pos_ in ("VERB", "ADJ") else None


def _leaning(run: DocRun, trig: Trigger) -> int:
    """The side an act takes: its sign, and for a cooperative act of no sign (talks,
    mediation, an appeal) the side of help: "agreed to hold talks with X" is an agreement,
    "is ready to mediate between X and Y" a promise."""
    info = run.lex.info(trig)
    if info.sign:
        return int(info.sign)
    return 1 if info.quad_class in (1, 2) else 0


def _own_statement(run: DocRun, cand: Candidate, gov: Token) -> bool:
    """Whether an intent is stated by the one who intends, not imputed by another: "India said
    Pakistan plans to attack India" is India's charge, no intent Pakistan stated; "Syria says
    it is willing to withdraw" is Syria's own."""
    tok = _clause_of(gov)
    if tok.dep_ != "ccomp" or tok.head.lemma_.lower() not in run.lex.speech_verbs:
        return True
    return _by_source(run, cand, tok.head, family=True)


def _by_source(run: DocRun, cand: Candidate, gov: Token, *, family: bool = False) -> bool:
    """Whether the one who threatens, promises or intends at ``gov`` is the act's source:
    "Arab citizens are seeking to join the SDF's fight against ISIL" is no threat of theirs
    to ISIL. The subject of ``gov`` or, for an adjective ("Norway is willing to"), of its
    copula; true when none is written ("agreed to by Iran"). With ``family``, a part of the
    source speaks for it ("Norway is willing to ..., Norway's foreign minister said")."""
    subjects = [c for c in _clause_of(gov).children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return True

    def key(actor_id: str) -> str:
        return actor_id.split(".")[0] if family else actor_id

    own = key(cand.source.actor.actor_id)
    return any(key(a.actor.actor_id) == own for s in subjects for a in run.args(s))


def _clause_of(gov: Token) -> Token:
    """The head of the clause ``gov`` states: itself, or for an adjective its copula ("Norway
    is willing to": is)."""
    return gov.head if gov.pos_ == "ADJ" and gov.dep_ in ("acomp", "xcomp") else gov


def _through_aspect(run: DocRun, anchor: Token) -> Token:
    """The clause of an act under aspectual verbs ("to continue supporting": continue)."""
    tok = anchor
    for _ in range(3):
        if tok.dep_ != "xcomp" or tok.head.lemma_.lower() not in run.lex.aspectual_verbs:
            break
        tok = tok.head
    return tok


def _announcer(run: DocRun, cand: Candidate) -> Token | None:
    """The speech verb by which the candidate's source says it will act: "Nigeria announced
    that it will withdraw", "the party has said it would boycott"; not a prediction about
    another ("Obama said Iran will attack Israel") nor an act it says it will not do."""
    act = _through_aspect(run, cand.anchor)
    head = act.head
    if (
        act.dep_ != "ccomp"
        or head.lemma_.lower() not in run.lex.announcing_verbs
        or not any(c.dep_ == "aux" and c.lower_ in run.lex.future_auxiliaries for c in act.children)
        or any(c.dep_ == "neg" for c in (*act.children, *cand.anchor.children))
    ):
        return None
    speakers = [c for c in head.children if c.dep_ == "nsubj"]
    return head if speakers and _by_source(run, cand, head, family=True) else None


def verb_reading(run: DocRun, cand: Candidate) -> Candidate | None:
    """ "Bush threatened further action against Russia", "Serb forces were engaged in ethnic
    cleansing against the Albanians": a stance read off a preposition on the object of a
    trigger verb is the verb's act when their signs agree (THREATEN, ASSAULT, not OPPOSE).
    None when the preposition hangs on the verb itself or on an event noun (those readings
    are their own), or no trigger verb of that sign governs it."""
    if cand.construction not in (PREPOSITION, INSTRUMENTS) or cand.trigger.category not in (
        "OPPOSE",
        "ALIGN",
    ):
        return None
    verb = cand.anchor
    prep = run.doc[cand.trigger_start]
    gov = prep.head
    if verb.pos_ != "VERB" or gov == verb or gov.pos_ != "NOUN" or run.event(gov):
        return None
    trig = run.lex.verbs.get(verb.lemma_.lower())
    if trig is None or trig.category in ("OPPOSE", "ALIGN"):
        return None
    if run.lex.info(trig).sign != run.lex.info(cand.trigger).sign:
        return None
    return replace(cand, trigger=trig, trigger_start=verb.i, trigger_end=verb.i + 1)
