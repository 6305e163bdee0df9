"""Modality: whether a relation is negated or hypothetical (future, conditional, intended,
asked-for, asked about), read off the clause that carries it."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ...lexicon.triggers import Lexicon
from ..phrases import described_claim
from .arguments import asked_by
from .candidates import Candidate
from .protests import protest_act, protest_noun
from .words import SUBJ

if TYPE_CHECKING:
    from .run import DocRun

__all__ = [
    "cutting_noun",
    "done_with",
    "ender",
    "interrogative",
    "modality",
    "protest_purpose",
]


def interrogative(sent: Span) -> bool:
    """ "Are the US and Iran on the same side?" asks; "They back the war on ISIL, but for how
    long?" states, then asks about something else."""
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    if not words:
        return False
    first = words[0]
    return first.tag_ in ("WDT", "WP", "WP$", "WRB", "MD") or first.pos_ == "AUX"


def protest_purpose(lex: Lexicon, verb: Token) -> bool:
    """Whether ``verb`` says what a protest is for: "marched to demand X", "staged
    demonstrations to denounce X", "rallied, calling for X's removal"."""
    if verb.dep_ not in ("advcl", "xcomp", "acl", "relcl") or verb.pos_ not in ("VERB", "AUX"):
        return False
    head = verb.head
    if verb.dep_ in ("acl", "relcl"):  # "a hunger strike to denounce X"
        return protest_noun(lex, head)
    return protest_act(lex, head)


def done_with(lex: Lexicon, verb: Token) -> bool:
    """ "They used IEDs to kill US troops": the purpose of a past use of an instrument is
    reported as done, unlike "to defeat Daesh" after a plan or a present commitment; so is the
    purpose of a protest ("students marched to demand reforms")."""
    if protest_purpose(lex, verb):
        return True
    head = verb.head
    hops = 0
    while head.dep_ in ("pcomp", "prep", "pobj", "dobj") and hops < 4:
        head, hops = head.head, hops + 1  # "used the cover of fighting ISIS to slaughter X"
    return (
        verb.dep_ in ("advcl", "xcomp")
        and head.lemma_.lower() in lex.purpose_done_verbs
        and head.tag_ in ("VBD", "VBN")
        and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children)
    )


def cutting_noun(lex: Lexicon, tok: Token) -> Token | None:
    """The noun of a cut (``cutting_nouns``) whose "of", "to" or "on" is ``tok``: "a
    suspension of air links with Serbia", "a freeze on aid to Egypt"; else None."""
    prep = tok.head
    if (
        tok.dep_ == "pobj"
        and prep.lower_ in ("of", "to", "on")
        and prep.head.pos_ == "NOUN"
        and prep.head.lemma_.lower() in lex.cutting_nouns
    ):
        return prep.head
    return None


def ender(lex: Lexicon, cand: Candidate) -> Token | None:
    """The verb that ends the candidate's act: "ended its support for X" (the event noun's
    light verb), "stopped arming X"; or the noun of the cut ("announced a suspension of air
    links with Serbia")."""
    anchor = cand.anchor
    cut = cutting_noun(lex, anchor.doc[cand.trigger_start])
    if cut is not None:
        return cut
    if anchor.lemma_.lower() in lex.ending_verbs and anchor.i != cand.trigger_start:
        return anchor
    if anchor.dep_ == "xcomp" and anchor.head.lemma_.lower() in lex.ending_verbs:
        return anchor.head
    noun = anchor.doc[cand.trigger_start]
    if (
        noun.pos_ == "NOUN"
        and noun.dep_ in ("dobj", "nsubjpass")
        and noun.head.lemma_.lower() in lex.ending_verbs
        and noun.head.i != cand.trigger_start
    ):
        return noun.head  # "the minister's visit to Dhaka was cancelled"
    return None


def modality(run: DocRun, cand: Candidate, sent: Span, *, depth: int = 0) -> tuple[bool, bool]:
    """(negated, hypothetical) of the clause that carries the relation."""
    lex = run.lex
    stop = ender(lex, cand)
    if stop is not None and depth == 0:
        # a cut named by a noun has the modality of the clause that carries the noun
        at_ender = replace(cand, anchor=cand.anchor if stop.pos_ == "NOUN" else stop)
        at_ender = replace(at_ender, trigger_start=stop.i)
        end_negated, end_hypothetical = modality(run, at_ender, sent, depth=1)
        if end_hypothetical:
            return False, False  # "urged Russia to cease airstrikes": they go on
        return not end_negated, False  # stopped: no longer; "did not stop": still
    negated = hypothetical = False
    if sent.text.rstrip().endswith("?") and interrogative(sent):
        hypothetical = True
    trig_tok = run.doc[cand.trigger_start]
    for tok in {trig_tok, cand.anchor}:
        for child in tok.children:
            if child.dep_ == "det" and child.lower_ in ("no", "neither"):
                negated = True
    negated, hypothetical = _clause(lex, cand.anchor, negated, hypothetical)
    if _wished(lex, trig_tok) or vowed(lex, trig_tok) is not None:
        hypothetical = True
    # "going to", "be expected to"
    if cand.anchor.dep_ == "xcomp" and cand.anchor.head.lower_ in lex.prospective_heads:
        hypothetical = True
    return negated, hypothetical


def vowed(lex: Lexicon, noun: Token) -> Token | None:
    """The verb that vows the harmful act an event noun object names (``vowing_verbs``: "Iran
    vowed revenge against Israel", "the rebels promised reprisals against the army"), or None;
    a helping act vowed is left as it reads ("pledged support for Pakistan")."""
    if noun.dep_ != "dobj" or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    verb = noun.head
    trig = lex.nouns.get(noun.lemma_.lower())
    if verb.lemma_.lower() not in lex.vowing_verbs or trig is None or lex.info(trig).sign >= 0:
        return None
    return verb


def _wished(lex: Lexicon, noun: Token) -> bool:
    """Whether the event noun ``noun`` is asked for (``wishing_verbs``), not done: "called
    for a ceasefire between Israel and Hamas", "urged talks between India and Pakistan"."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    head = noun.head if noun.dep_ == "nsubjpass" else asked_by(noun)  # "talks were delayed"
    return (
        head is not None
        and head.pos_ in ("VERB", "AUX")
        and head.lemma_.lower() in lex.wishing_verbs
    )


def _marks(lex: Lexicon, tok: Token, child: Token) -> tuple[bool, bool]:
    """Whether a dependent of a clause's head negates it, and whether it makes it irrealis."""
    low = child.lower_
    if (
        child.dep_ == "neg"
        or (child.dep_ in ("advmod", "preconj") and low in ("never", "neither", "nor"))
        or (  # "no longer supports"
            child.dep_ == "advmod"
            and low == "longer"
            and any(g.lower_ == "no" for g in child.children)
        )
    ):
        return True, False
    if (
        (
            child.dep_ in ("aux", "auxpass")
            and (low in lex.modal_auxiliaries or child.lemma_.lower() in lex.modal_auxiliaries)
        )
        or (
            child.dep_ == "aux"
            and low == "to"
            and tok.dep_ in ("xcomp", "advcl", "acl", "relcl", "ccomp", "pcomp", "csubj")
            and not done_with(lex, tok)
            and not (tok.dep_ == "xcomp" and tok.head.lemma_.lower() in lex.aspectual_verbs)
            and not _taken(lex, tok)
            and not (tok.dep_ == "acl" and tok.head.lemma_.lower() in lex.decision_nouns)
            and not _performative(lex, tok, tok.head)
        )
        or (child.dep_ == "mark" and low in ("if", "unless", "whether", "lest"))
        or (child.dep_ == "mark" and low in ("until", "till") and _not_yet(tok))
    ):
        return False, True
    if child.dep_ in ("nsubj", "nsubjpass") and any(
        d.dep_ == "det" and d.lower_ in ("no", "neither") for d in child.children
    ):
        return True, False
    return False, False


def _taken(lex: Lexicon, tok: Token) -> bool:
    """Whether the "to" clause ``tok`` is done by the past act that governs it: one that made
    someone act ("prompted Mexico to recall its ambassador": ``causing_verbs``) or a vote or
    decision taken ("the Senate voted to condemn Russia": ``deciding_verbs``)."""
    head = tok.head
    return (
        tok.dep_ in ("xcomp", "ccomp")
        and head.tag_ in ("VBD", "VBN", "VBG")
        and (
            head.lemma_.lower() in lex.causing_verbs
            or (head.lemma_.lower() in lex.deciding_verbs and tok.dep_ == "xcomp")
        )
    )


def _not_yet(tok: Token) -> bool:
    """Whether an "until" clause is still to come, a condition: "will keep sanctions until
    Russia withdraws", "opposed the force until their demands are met" (present tense); "fought
    until the army drove them out" happened."""
    return tok.tag_ in ("VBP", "VBZ", "VB") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBP", "VBZ", "MD") for c in tok.children
    )


def _under_no(tok: Token) -> bool:
    """Whether a clause completes a noun denied by "no": "had no plans to meet X", "has no
    intention of negotiating with X"."""
    if tok.dep_ == "acl":
        noun = tok.head
    elif tok.dep_ == "pcomp" and tok.head.dep_ == "prep":
        noun = tok.head.head
    else:
        return False
    return noun.pos_ == "NOUN" and any(
        d.dep_ == "det" and d.lower_ in ("no", "neither") for d in noun.children
    )


def _preventer(lex: Lexicon, tok: Token) -> Token | None:
    """The verb that prevents the act at ``tok`` (``preventing_verbs``): "the US blocked Nvidia
    from selling chips to China", "the court prevented the government from deporting them",
    "Hungary vetoed an EU aid package for Ukraine", "China blocked a UN resolution condemning
    North Korea"; None when there is none."""
    if tok.dep_ == "pcomp" and tok.head.lower_ == "from":
        gov = tok.head.head
        if gov.dep_ == "dobj":  # "from" parsed onto the prevented party
            gov = gov.head
        return gov if gov.lemma_.lower() in lex.preventing_verbs else None
    # "Hungary vetoed an EU aid package"; "the US vetoed a resolution censuring Israel"
    noun = tok.head if tok.dep_ in ("compound", "acl") else tok
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() in lex.preventing_verbs:
        return noun.head
    return None


def _disputed_claim(lex: Lexicon, tok: Token) -> bool:
    """Whether ``tok`` heads the "that" clause of a claim noun (``claim_nouns``) that is the
    object of a verb disputing it (``disputing_verbs``): "denied reports that ..."."""
    claim = tok.head
    return (
        tok.dep_ in ("acl", "ccomp")
        and claim.lemma_.lower() in lex.claim_nouns
        and claim.dep_ == "dobj"
        and claim.head.lemma_.lower() in lex.disputing_verbs
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)
    )


def answers_claim(lex: Lexicon, verb: Token) -> bool:
    """Whether a verb answers the clause before it as a claim described after a comma
    ("Kinshasa accused Rwanda of sending troops, a charge Kigali has denied"): the clause is
    not under the verb, whatever the parse hung on it (``claim_nouns``)."""
    return described_claim(verb, lex.claim_nouns) is not None


def _performative(lex: Lexicon, tok: Token, head: Token) -> bool:
    """Whether ``tok`` is a speech act the speaker performs by wishing it ("I want to thank our
    ally Turkey", "we would like to congratulate the people of Chile", "I wish to condemn this
    attack": ``performative_verbs`` under ``performing_verbs`` with a first-person subject);
    "Russia wants to condemn X" and "I want to visit Kyiv" stay wishes."""
    return (
        tok.dep_ == "xcomp"
        and tok.lemma_.lower() in lex.performative_verbs
        and head.lemma_.lower() in lex.performing_verbs
        and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in head.children)
    )


#: prepositions whose gerund is what a noun is about, not an act done ("talks on joining")
_TOPIC_PREPOSITIONS = frozenset({"on", "about", "over", "regarding", "concerning"})

#: the tags of a finite verb (past, present)
_FINITE = frozenset({"VBD", "VBZ", "VBP"})


def _abstained(lex: Lexicon, prep: Token) -> bool:
    """Whether a "from" or "of" hangs on a verb of holding back (``abstaining_verbs``), alone
    ("refrained from") or with its adverb ("stopped short of", "shied away from")."""
    if prep.lower_ not in ("from", "of"):
        return False
    head = prep.head
    if head.pos_ in ("ADV", "ADJ", "ADP", "PART") and head.head.pos_ in ("VERB", "AUX"):
        return f"{head.head.lemma_.lower()} {head.lower_}" in lex.abstaining_verbs
    return head.lemma_.lower() in lex.abstaining_verbs


def _clause(lex: Lexicon, tok: Token, negated: bool, hypothetical: bool) -> tuple[bool, bool]:
    """Walk up from the anchor through the clauses whose modality it shares."""
    seen = 0
    while seen < 6:
        seen += 1
        for child in tok.children:
            neg, hyp = _marks(lex, tok, child)
            negated, hypothetical = negated or neg, hypothetical or hyp
        if tok.dep_ == "pcomp" and tok.head.lower_ in lex.negating_prepositions:
            negated = True  # "without consulting X", "voted against joining X"
        if tok.dep_ == "pcomp" and _abstained(lex, tok.head):
            negated = True  # "refrained from criticising X", "stopped short of condemning X"
        if (
            tok.dep_ == "pcomp"
            and tok.head.lower_ in _TOPIC_PREPOSITIONS
            and tok.head.head.pos_ in ("NOUN", "PROPN")
        ):
            hypothetical = True  # "talks on joining the EU", "a vote on leaving": a topic
        if _under_no(tok):
            negated = True  # "had no plans to meet X", "has no intention of negotiating"
        stopper = _preventer(lex, tok)
        if stopper is not None:
            # a prevented act is not done; "did not block the sale" lets it go ahead
            negated = negated != (not any(c.dep_ == "neg" for c in stopper.children))
            break
        if _disputed_claim(lex, tok):
            # "the Pentagon denied reports that US troops were fighting alongside X", "Iran
            # rejected claims that it supplied drones to Russia": the claim is denied
            claim = tok.head.head
            denied = not any(c.dep_ == "neg" for c in claim.children)
            negated = negated != denied
            break
        if tok.dep_ == "conj" and any(c.dep_ in SUBJ for c in tok.children):
            break  # a conjoined clause with its own subject has its own modality
        if tok.dep_ == "conj" and tok.tag_ in _FINITE and tok.head.tag_ == "VB":
            # "said she would not step down and accused the party": a finite verb joined to a
            # bare one under "would not" is said in its own tense, outside the modal
            break
        if tok.dep_ in ("xcomp", "conj", "advcl", "ccomp", "acomp") and tok.head != tok:
            head = tok.head
            if tok.dep_ == "ccomp" and answers_claim(lex, head):
                break  # "..., a charge Kigali has denied": the claim is the clause's own
            if _performative(lex, tok, head):
                break  # "I want to thank Turkey": saying so is doing it
            if (
                tok.dep_ in ("xcomp", "ccomp", "acomp")
                and (head.lemma_.lower() in lex.irrealis_verbs or head.lower_ in lex.irrealis_verbs)
                and not _taken(lex, tok)
            ):
                hypothetical = True
            if tok.dep_ in ("xcomp", "ccomp") and head.lemma_.lower() in lex.negating_verbs:
                # "denies arming X", "refused to attack X"; "did not deny arming X" is no
                # denial
                denied = not any(c.dep_ == "neg" for c in head.children)
                negated = negated != denied
                # an act denied or failed is a fact not done ("police failed to disperse the
                # protesters"), not one to come: only the denial's own mood counts ("will
                # refuse to attack")
                hypothetical = any(_marks(lex, head, c)[1] for c in head.children)
                break
            if tok.dep_ == "ccomp" and head.lemma_.lower() in lex.speech_verbs:
                break  # reported speech: the claim's own modality only
            if (
                tok.dep_ == "advcl"
                and not any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children)
                and not protest_purpose(lex, tok)  # "will march to demand X": as the march
            ):
                break
            tok = head
            continue
        break
    return negated, hypothetical
