"""Attribution: who claims a relation (reported speech, accusations, "according to", quotes)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from ...schema import ActorArg
from .candidates import Candidate
from .modality import answers_claim

if TYPE_CHECKING:
    from .run import DocRun

__all__ = ["alleged", "attribution"]


def alleged(run: DocRun, cand: Candidate) -> bool:
    """Whether the relation is what someone is accused of ("Israel accused Iran of
    sheltering Hamas leaders": Iran sheltering them is Israel's charge, not a reported fact;
    what was reported is the accusation)."""
    tok = cand.anchor
    for _ in range(8):
        if tok.head == tok:
            return False
        if (
            tok.dep_ == "pcomp"
            and tok.head.lower_ in ("of", "for", "with")
            and tok.head.head.lemma_.lower() in run.lex.accusing_verbs
        ):
            return True
        if tok.dep_ not in ("conj", "xcomp", "pcomp", "prep", "dobj", "pobj"):
            return False
        tok = tok.head
    return False


def attribution(run: DocRun, cand: Candidate, sent: Span) -> ActorArg | None:
    """Who claims the relation: the subject of a governing speech verb, "according to X",
    or the speaker of a quote that contains the trigger."""
    tok = cand.anchor
    # "..., a charge Kigali has denied": the denial is no part of the claim it answers
    hops = 8 if answers_claim(run.lex, tok) else 0
    while tok.head != tok and hops < 8:
        hops += 1
        speech = (
            tok.dep_ in ("ccomp", "parataxis")
            and tok.head.lemma_.lower() in run.lex.speech_verbs
            and not answers_claim(run.lex, tok.head)
        )
        accusation = (
            tok.dep_ == "pcomp"
            and tok.head.lower_ in ("of", "for", "with")
            and tok.head.head.lemma_.lower() in run.lex.accusing_verbs
        )  # "rebels accused the government of using chemical weapons": the rebels say so
        if accusation:
            tok = tok.head
            accuser = tok.head
            if any(c.dep_ in ("auxpass", "nsubjpass") for c in accuser.children):
                # "Pakistan has been accused of ...": by whom, if said
                agents = [
                    a
                    for c in accuser.children
                    if c.dep_ == "agent"
                    for p in c.children
                    if p.dep_ == "pobj"
                    for a in run.args(p)
                ]
                return run.actor_arg(agents[0]) if agents else None
        if speech or accusation:
            subj_toks, _ = run.subject_tokens(tok.head)
            for st in subj_toks:
                args = run.args(st)
                if args:
                    a = args[0]
                    return run.actor_arg(a)
                span = run.doc[st.left_edge.i : st.right_edge.i + 1]
                return ActorArg(text=span.text, start=span.start_char, end=span.end_char)
            break
        tok = tok.head
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < sent.end and run.doc[t.i + 1].lower_ == "to":
            for pobj in run.doc[t.i + 1].children:
                if pobj.dep_ == "pobj":
                    args = run.args(pobj)
                    if args:
                        return run.actor_arg(args[0])
                    span = run.doc[pobj.left_edge.i : pobj.right_edge.i + 1]
                    return ActorArg(text=span.text, start=span.start_char, end=span.end_char)
    trig_char = run.doc[cand.trigger_start].idx
    for quote in run.doc._.quotes or ():
        if quote.start <= trig_char < quote.end and quote.speaker is not None:
            speaker: ActorArg = quote.speaker
            return speaker
    return None
