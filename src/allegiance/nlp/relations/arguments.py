"""Argument reading: the actors a token of the parse stands for.

``Arguments`` holds one document's state (actor spans by token, the reference resolver, the
memory of recent attackers and their targets) and reads a token's actors: its own actor span,
a resolved reference, actor modifiers ("ISIL vehicles"), "of" complements ("fighters of ISIL"),
conjuncts, appositions, event nouns standing for their agent, and the subjects of predicates.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from ...lexicon.triggers import Lexicon, Trigger
from ...schema import ActorArg
from ..extensions import ActorRef, AgentWords, coref_ref
from ..phrases import relative_clause
from ..references import ARGUMENT_REFERENCE, SPEAKER_REFERENCE, MentionIndex
from .candidates import Arg
from .fellows import _FellowsMixin
from .makers import _MakersMixin
from .protests import protest_noun
from .words import (
    MODIFIER_DEPS,
    NOMINAL_DEPS,
    REL_PRONOUNS,
    SUBJ,
)

if TYPE_CHECKING:
    from .resources import Resources

__all__ = ["Arguments", "nominal"]

#: the categories of a verb that answers an act ("condemned the move", "rejected the claims")
_ANSWERING = frozenset({"ACCUSE", "REJECT", "SUPPORT", "PROTEST", "OPPOSE", "CONCEDE"})


def nominal(tok: Token) -> bool:
    """Whether a token heads a noun phrase; the tagger sometimes calls a plural noun a verb
    ("airstrikes"): trust the parse."""
    return tok.pos_ in ("NOUN", "PROPN") or tok.dep_ in NOMINAL_DEPS


def subject_of_next_clause(tok: Token) -> bool:
    """A conjunct the parser attached to the wrong coordination: "the Iranians work with the
    militias and the US only works with units ...": "the US" is the subject of "works"
    (a finite verb right after it that has no subject of its own)."""
    doc = tok.doc
    k = tok.right_edge.i + 1
    while k < len(doc) and doc[k].pos_ in ("ADV", "PART") and doc[k].dep_ != "neg":
        k += 1
    if k >= len(doc):
        return False
    verb = doc[k]
    if verb.tag_ not in ("VBZ", "VBD", "VBP", "MD"):
        return False
    if verb.dep_ in ("aux", "auxpass"):
        verb = verb.head  # "... and the US will work with X"; an elliptic "is not" stays
    return verb.pos_ in ("VERB", "AUX") and not any(c.dep_ in SUBJ for c in verb.children)


def collective(pronoun: Token, antecedent: Span) -> bool:
    """Whether "they" takes in every conjunct of a coordinated antecedent: when it says so
    ("they both", "they all") or the coordination is a subject ("the US and Iran ... they");
    not for "no difference between the militias and ISIS ... we will kill them"."""
    if any(c.lower_ in ("both", "all", "together", "each") for c in pronoun.head.children):
        return True
    root = antecedent.root
    while root.dep_ == "conj":
        root = root.head
    return root.dep_ in ("nsubj", "nsubjpass")


def asked_by(tok: Token) -> Token | None:
    """The word that asks for ``tok``, when ``tok`` is its direct object or its "for"
    ("demanded the removal of X", "called for a ceasefire"); None otherwise."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "for":
        return head.head
    return head if tok.dep_ == "dobj" else None


class Arguments(_FellowsMixin, _MakersMixin):
    """The state of one document's extraction and the argument readers over it."""

    def __init__(self, component: Resources, doc: Doc, spans: list[Span]) -> None:
        self.c = component
        self.lex: Lexicon = component.lexicon
        self.doc = doc
        # the agent nouns and compound demonyms the actor component read
        self.agent_words: AgentWords = doc._.agent_words or AgentWords()
        self.tok2span: dict[int, Span] = {}
        self.arg_refs: dict[tuple[int, int, str], ActorRef] = {}
        # the references component gives "they" one span per coordinated antecedent
        self.shared: dict[int, list[Span]] = {}
        for span in spans:
            if span._.actor is None:
                continue
            for i in range(span.start, span.end):
                if i in self.tok2span and self.tok2span[i].start == span.start:
                    self.shared.setdefault(i, [self.tok2span[i]]).append(span)
                self.tok2span[i] = span
        self.index = MentionIndex(doc, spans, component.references)
        self._span_starts = [s.start for s in self.index.spans]
        self.last_assault_source: Arg | None = None
        self.enemy_of: dict[str, tuple[ActorRef, int]] = {}  # each attacker's last target
        # how often each actor took part in a hostile act, and where it last did
        self.hostile: dict[str, tuple[int, int, ActorRef]] = {}
        self.doc_id = doc._.doc_id or "doc"
        # the doers of the last sentence with relations, and the sentence counts (for "the
        # move", "the measures": an act just reported)
        self.last_doers: list[Arg] = []
        self.last_doers_sent = -9
        self.sent_index = 0

    # -- arguments -----------------------------------------------------------------------
    def span_arg(self, span: Span, via_reference: bool = False) -> Arg:
        via = via_reference or span.id_ in (ARGUMENT_REFERENCE, SPEAKER_REFERENCE)
        return Arg(span.start, span.end, span._.actor, via)

    def spans_at(self, i: int) -> list[Span]:
        """The actor spans over token ``i``: one, or one per antecedent of a "they"."""
        if i in self.shared:
            return self.shared[i]
        span = self.tok2span.get(i)
        return [] if span is None else [span]

    def args(
        self, tok: Token, *, exclude: frozenset[str] = frozenset(), conj: bool = True
    ) -> list[Arg]:
        """The actors a token stands for: its own actor span, a resolved reference, actor
        modifiers ("ISIL vehicles"), "of" complements ("fighters of ISIL"), and conjuncts."""
        out = self.args_one(tok, exclude)
        if conj:
            for other in tok.conjuncts:
                if not subject_of_next_clause(other):
                    out.extend(self.args_one(other, exclude))
            out.extend(self._of_conjuncts(tok, exclude))
        seen: set[tuple[str, int]] = set()
        unique = []
        for arg in out:
            arg = self._bound_possessive(arg)
            if arg.key() not in seen:
                seen.add(arg.key())
                unique.append(arg)
        return unique

    def _of_conjuncts(self, tok: Token, exclude: frozenset[str]) -> list[Arg]:
        """ "The leaders of Egypt and Jordan called on Israel": the other states after the
        "of" of a mention that takes in the first ("leaders of Egypt") are its fellows."""
        span = self.tok2span.get(tok.i)
        if span is None or span.root.i != tok.i:
            return []
        return [
            a
            for prep in tok.children
            if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i < span.end
            for g in prep.children
            if g.dep_ == "pobj" and g.i < span.end
            for other in g.conjuncts
            if other.i >= span.end
            for a in self.args_one(other, exclude)
        ]

    def _relative_head(self, tok: Token) -> Token:
        """What a relative pronoun stands for: the noun its clause modifies ("the M23, which
        Kinshasa says is backed by Rwanda": through the clause of a verb of saying)."""
        tok = relative_clause(tok.head, self.lex.alleging_verbs).head
        if tok.i not in self.tok2span and tok.lower_ not in self.c.references.event_agents:
            # "attacks in the town of X in Y Province, which killed ...": the relative
            # clause is the attacks', misattached to the place after them
            up, hops = tok, 0
            while tok.dep_ == "pobj" and hops < 4:
                up = tok.head.head
                if up.lower_ in self.c.references.event_agents:
                    tok = up
                    break
                if up.pos_ not in ("NOUN", "PROPN") or up.i in self.tok2span:
                    break
                tok, hops = up, hops + 1
        return tok

    def args_one(self, tok: Token, exclude: frozenset[str], depth: int = 0) -> list[Arg]:
        """The actors one token (not its conjuncts) stands for."""
        if tok.lower_ in REL_PRONOUNS and (
            relative_clause(tok.head, self.lex.alleging_verbs).dep_ == "relcl"
        ):
            tok = self._relative_head(tok)
        here = self._named_for(tok, self.spans_at(tok.i))
        if here and len(here[0]) == 1 and tok.pos_ == "PRON" and exclude:
            # a pronoun cannot refer to a co-argument of its own clause ("they do not trust them")
            here = [s for s in here if s._.actor.actor_id not in exclude]
        if here:
            span = here[-1]
            out = [self.span_arg(s) for s in here]
            if tok.lower_ in ("they", "them", "their") and len(span) == 1 and len(here) == 1:
                out.extend(self._they_conjuncts(span))
            out.extend(self._modifier_fellows(tok, span))
            return out
        ref = self.index.reference_span(tok)
        if ref is not None and not any(i in self.tok2span for i in range(ref.start, ref.end)):
            return []  # a reference the references component could not resolve
        if tok.lower_ in self.c.references.event_agents:
            # "killed by a coalition airstrike": the strike stands for its actor, and the
            # argument is the phrase that names both
            own = [
                Arg(min(a.start, tok.i), max(a.end, tok.i + 1), a.actor, a.via_reference)
                for a in self.modifier_actors(tok)
            ] or self.agent_phrase(tok)
            if own:
                return own
            if tok.dep_ == "dobj" and tok.head.lemma_.lower() in self.lex.light_verbs and depth < 2:
                # "the Coalition conducted 300 strikes delivering munitions in support of X"
                subj_toks, passive = self.subject_tokens(tok.head)
                if not passive:
                    return [a for t in subj_toks for a in self.args_one(t, exclude, depth + 1)]
            if self.last_assault_source is not None and tok.dep_ in SUBJ:
                # "Near Mosul, five strikes destroyed ...": whoever conducted the last ones
                a = self.last_assault_source
                return [Arg(tok.i, tok.i + 1, a.actor, True)]
            return []
        if tok.pos_ in ("NOUN", "ADJ") and tok.lower_ in self.lex.named_after_nouns:
            named = self._named_after(tok)
            if named:
                return named  # before its possessor: "its neighbour Armenia" is Armenia
        out = self.modifier_actors(tok)
        if out and self.is_asset(tok):
            # "two ISIL fighting positions": the asset hit, standing for its owner
            start = min(tok.left_edge.i, *(a.start for a in out))
            while start < tok.i and not self.doc[start].is_alpha:
                start += 1
            out = [Arg(start, tok.i + 1, a.actor, a.via_reference) for a in out[:1]]
        out = out or self._possessed_agents(tok) or self._holders(tok, depth)
        out = out or self._act_anaphor(tok, exclude)
        if not out and (tok.pos_ in ("NOUN", "PROPN") or tok.lower_ in self.lex.quantifiers):
            asked_for = self.asked_for(tok)
            for child in tok.children:
                if child.dep_ == "appos":
                    out.extend(self.args_one(child, exclude))
                    out.extend(a for c in child.conjuncts for a in self.args_one(c, exclude))
                elif (
                    child.dep_ == "prep"
                    # ("judges at the ICC", "officials from Kenya": an agent noun's body)
                    and (
                        child.lower_ in ("of", "under")
                        or (child.lower_ in ("at", "from") and tok.i in self.agent_words.nouns)
                    )
                    and depth < 2
                    and not asked_for
                    # "protested the arrest of activists by police": who undergoes the deed
                    # is not whom the stance concerns
                    and (tok.lemma_.lower() not in self.lex.patient_nouns or self._ousting(tok))
                ):
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            for item in (pobj, *pobj.conjuncts):
                                if item is pobj or not subject_of_next_clause(item):
                                    out.extend(self.args_one(item, exclude, depth + 1))
        return out

    def _act_anaphor(self, tok: Token, exclude: frozenset[str]) -> list[Arg]:
        """ "The EU imposed sanctions on Belarus. Minsk condemned the measures": a definite
        noun of an act (``act_anaphors``), bare, as the object of a stance or answer, stands
        for the one doer of the relations of the sentence right before."""
        lex = self.lex
        if tok.pos_ != "NOUN" or tok.dep_ != "dobj" or tok.lemma_.lower() not in lex.act_anaphors:
            return []
        # the definite determiners of references.yaml, and "such" ("such measures")
        dets = self.c.references.definite | {"such"}
        if not any(c.dep_ == "det" and c.lower_ in dets for c in tok.children):
            return []
        if any(
            c.dep_ in ("poss", "compound", "acl", "relcl", "appos")
            or (c.dep_ == "prep" and c.lower_ != "as")  # "condemned the measures as terror"
            for c in tok.children
        ):
            return []  # "the decision by Turkey", "its move": named by the phrase itself
        verb = lex.verbs.get(tok.head.lemma_.lower()) or lex.responses.get(tok.head.lemma_.lower())
        if verb is None or verb.category not in _ANSWERING:
            return []
        if self.sent_index - self.last_doers_sent != 1:
            return []
        doers = {a.actor.actor_id: a for a in self.last_doers if a.actor.actor_id not in exclude}
        if len(doers) != 1:
            return []  # none, or several: whose act it was is not clear
        doer = next(iter(doers.values()))
        return [Arg(tok.i, tok.i + 1, doer.actor, True)]

    def _named_after(self, tok: Token) -> list[Arg]:
        """ "thank our ally Turkey", "attacked its neighbour Armenia": the actor named right
        after a relational noun (``named_after_nouns``) that the small model parsed apart
        from it (the name hung on the verb) is the one the noun stands for."""
        nxt = tok.i + 1
        spans = [s for s in self.spans_at(nxt) if s.start == nxt] if nxt < len(self.doc) else []
        if not spans or self.doc[spans[0].end - 1].head.i not in (tok.i, tok.head.i):
            return []
        return [self.span_arg(spans[0])]

    def asked_for(self, tok: Token) -> bool:
        """ "demanded the release of X", "called for the return of X": what is asked for the
        person of the "of" complement is not asked of them (``asked_for_nouns``)."""
        return tok.lemma_.lower() in self.lex.asked_for_nouns and self._requested(tok)

    def _ousting(self, tok: Token) -> bool:
        """ "demanded the resignation of the minister", "called for the removal of President
        Mubarak": a demand that someone go is made of them (``ousting_nouns``), though they
        undergo it (``patient_nouns``)."""
        return tok.lemma_.lower() in self.lex.ousting_nouns and self._requested(tok)

    def _requested(self, tok: Token) -> bool:
        """Whether ``tok`` is what a request asks for: the object of a requesting verb or
        noun, or its "for" ("called for the release of X", "demands for the removal of X")."""
        head = asked_by(tok)
        if head is None:
            return False
        lemma = head.lemma_.lower()
        return lemma in self.lex.requesting_verbs or head.lower_ in self.lex.request_nouns

    def _possessed_agents(self, tok: Token) -> list[Arg]:
        """ "The U.S. has ... some 200 advisers deployed alongside X": agents that the subject
        has, sends or deploys are its own (the advisers are US forces)."""
        if tok.pos_ != "NOUN" or tok.i not in self.agent_words.nouns:
            return []
        first = tok
        while first.dep_ == "conj" and first.head.pos_ == "NOUN":
            first = first.head
        verb = first.head
        if first.dep_ != "dobj" or verb.lemma_.lower() not in self.lex.possessing_verbs:
            return []
        subj_toks, passive = self.subject_tokens(verb)
        if passive:
            return []
        out = []
        for subj in subj_toks:
            span = self.tok2span.get(subj.i)
            if span is None or span._.actor is None:
                continue
            agent = self._as_agent(self.span_arg(span), tok)
            out.append(Arg(tok.i, tok.i + 1, agent.actor, True))
        return out

    def _as_agent(self, arg: Arg, head: Token) -> Arg:
        """The part of a state or community that an agent noun names ("Iraqi ... forces")."""
        if arg.actor.actor_type not in ("state", "ethnic_group", "religious_group"):
            return arg
        sub = self.agent_words.part(arg.actor, head.text)
        if sub is None:
            return arg
        return Arg(arg.start, arg.end, sub, arg.via_reference)

    def _they_conjuncts(self, pronoun: Span) -> list[Arg]:
        """ "The interests of the US and Iran converge as they both back the war": "they" is
        every actor coordinated with its antecedent (the nearest earlier mention of its
        actor within the sentence window)."""
        actor_id = pronoun._.actor.actor_id
        lower = self.index.window_start(pronoun.root)
        spans = self.index.spans
        for k in range(bisect_left(self._span_starts, pronoun.start) - 1, -1, -1):
            span = spans[k]
            if span.start < lower:
                break
            if span._.actor.actor_id == actor_id and span.root.pos_ != "PRON":
                if not collective(pronoun.root, span):
                    return []
                return [
                    Arg(pronoun.start, pronoun.end, a.actor, True)
                    for a in self.index.conjuncts(span)
                    if a.actor.actor_id != actor_id
                ]
        return []

    def _bound_possessive(self, arg: Arg) -> Arg:
        """A possessive pronoun bound by a name earlier in its own sentence stands for that
        name ("The U.S. reaffirms its commitment to support X": the U.S. supports X)."""
        tok = self.doc[arg.start]
        if arg.end - arg.start != 1 or tok.dep_ != "poss" or tok.pos_ != "PRON":
            return arg
        spans = self.index.spans
        k = bisect_left(self._span_starts, tok.i) - 1
        sent_start = tok.sent.start
        while k >= 0 and spans[k].start >= sent_start:
            span = spans[k]
            if span._.actor.actor_id == arg.actor.actor_id and span.root.pos_ != "PRON":
                return Arg(span.start, span.end, arg.actor, True)
            k -= 1
        return arg

    def modifier_actors(self, tok: Token) -> list[Arg]:
        if tok.lemma_.lower() in self.lex.patient_nouns and not self._ousting(tok):
            return []  # "his death", "ISIL's demise": not their act
        out: list[Arg] = []
        owners: list[Arg] = []
        for child in tok.children:
            if child.dep_ == "poss" and (child.pos_ == "PRON" or child.i not in self.tok2span):
                owners.extend(self.span_arg(s) for s in self.spans_at(child.i))
                continue
            if child.dep_ in MODIFIER_DEPS:
                span = self.tok2span.get(child.i)
                if span is not None:
                    out.append(self.span_arg(span))
                    for conj in child.conjuncts:
                        cspan = self.tok2span.get(conj.i)
                        if cspan is not None:
                            out.append(self.span_arg(cspan))
        # "their fighters" are theirs, but "our partners" are not us, and "our Syrian
        # partners" are the Syrians
        if out or self.lex.stance_nouns.get(tok.lemma_.lower()):
            return out
        return owners

    def active_subject_args(self, verb: Token) -> list[Arg] | None:
        """The actor arguments of a predicate's subject, or None when the clause is passive
        (its grammatical subject is then no agent)."""
        subj_toks, passive = self.subject_tokens(verb)
        if passive:
            return None
        return [a for t in subj_toks for a in self.args(t)]

    def subject_tokens(self, verb: Token) -> tuple[list[Token], bool]:
        """The subject tokens of a predicate and whether the clause is passive."""
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
        subs = [c for c in verb.children if c.dep_ in SUBJ]
        # "The Red Cross operating in Iraq said ...", parsed with the participle as the
        # subject and the name as its subject: the name is the speaker
        subs = [
            next((g for g in c.children if g.dep_ == "nsubj"), c) if c.tag_ == "VBG" else c
            for c in subs
        ]
        if subs:
            return subs, passive
        if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            k = verb.i - 1
            while k > verb.head.i and self.doc[k].pos_ in ("ADV", "PART"):
                k -= 1
            left = self.doc[k]
            while left.dep_ != "conj" and left.head.i > verb.head.i and left.head.i < verb.i:
                left = left.head
            if left.dep_ == "conj" and left.pos_ in ("NOUN", "PROPN", "PRON"):
                return [left], passive  # "... and the US only works with X": see above
            head_subs, head_passive = self.subject_tokens(verb.head)
            return head_subs, passive or (head_passive and verb.tag_ == "VBN")
        if verb.dep_ == "xcomp":
            head = verb.head
            if head.lemma_ in self.lex.object_control_verbs:
                objs = [c for c in head.children if c.dep_ in ("dobj", "dative")]
                if objs:
                    return objs, passive
            return self.subject_tokens(head)[0], passive
        if verb.dep_ == "advcl" and (
            verb.tag_ in ("VBG", "VBN")
            or any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children)
        ):
            head = verb.head
            if head.lemma_ in self.lex.object_control_verbs and verb.tag_ == "VB":
                # "press the regime to cease ...": parsed as a purpose clause, still controlled
                objs = [c for c in head.children if c.dep_ in ("dobj", "dative")]
                if objs:
                    return objs, passive
            # purpose and participial clauses share the main clause's subject
            return self.subject_tokens(head)[0], passive
        return self._attached_subject(verb, passive)

    def _attached_subject(self, verb: Token, passive: bool) -> tuple[list[Token], bool]:
        """The subject of a clause attached to a noun or a preposition ("the campaign to defeat
        X", "accused the government of using ...")."""
        if (
            verb.dep_ == "acl"
            and (verb.tag_ == "VB" or (verb.tag_ == "VBG" and protest_noun(self.lex, verb.head)))
            and not self.args(verb.head, conj=False)
        ):
            # "leading efforts in the campaign to defeat X": whoever leads the campaign; "held
            # a demonstration calling for X's removal": whoever holds the protest
            gov = self.governing_predicate(verb.head)
            if gov is not None:
                return self.subject_tokens(gov)[0], passive
        if verb.dep_ == "acl" and verb.tag_ == "VB" and verb.head.lower_ in self.lex.asking_nouns:
            return [], passive  # "North Korea's demand to sever the alliance": the asked's act
        if verb.dep_ in ("acl", "relcl"):
            # a participle with an object of its own is a past verb the small model took for
            # a reduced relative ("Israeli air strikes killed at least 20 people")
            passive = passive or (
                verb.tag_ == "VBN" and not any(c.dep_ == "dobj" for c in verb.children)
            )
            return [verb.head], passive
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
            gov = verb.head.head
            if gov.lemma_.lower() in self.lex.judging_verbs and verb.head.lower_ in (
                "of",
                "for",
                "with",
            ):
                # "accused the government of using chemical weapons": the accused uses them
                objs = [c for c in gov.children if c.dep_ in ("dobj", "dative")]
                if objs:
                    return objs, passive
            if (gov.pos_ == "ADJ" and gov.dep_ == "acomp") or (
                gov.dep_ == "advmod" and gov.head.pos_ in ("VERB", "AUX")
            ):
                gov = gov.head  # "remains committed to carrying out", "stopped short of"
            elif (
                gov.lemma_ == "come"
                and gov.dep_ == "advcl"
                and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in gov.children)
            ):
                gov = gov.head  # "X are upping the ante when it comes to confronting ISIL"
            elif gov.pos_ == "NOUN" and not self.args(gov, conj=False):
                # "used the cover of fighting ISIS to ...": whoever used it fought
                gov = self.governing_predicate(gov) or gov
            if gov.pos_ in ("VERB", "AUX"):
                return self.subject_tokens(gov)[0], passive
        return [], passive

    @staticmethod
    def governing_predicate(tok: Token, max_hops: int = 4) -> Token | None:
        """The verb a noun phrase hangs from through objects and prepositions, if any."""
        up, hops = tok, 0
        while hops < max_hops and up.dep_ in ("dobj", "pobj", "prep", "attr", "npadvmod"):
            up, hops = up.head, hops + 1
            if up.pos_ in ("VERB", "AUX"):
                return up
        return None

    def event(self, tok: Token) -> Trigger | None:
        """The event-noun trigger a token is ("strikes", "support"), by lemma or form; a
        two-word entry by its modifier and the noun ("martial law")."""
        lemma = tok.lemma_.lower()
        nouns = self.lex.nouns
        for mod in tok.children:
            if mod.dep_ in ("amod", "compound") and mod.i == tok.i - 1:
                trig = nouns.get(f"{mod.lower_} {lemma}")
                if trig is not None:
                    return trig
        return nouns.get(lemma) or nouns.get(tok.lower_)

    def framed_event(self, tok: Token) -> Trigger | None:
        """The event a token names, itself or, for a frame noun of "of" (``frame_of_nouns``),
        through its "of": "the curfew", "the state of emergency"."""
        held = self.event(tok)
        if held is not None or tok.lemma_.lower() not in self.lex.frame_of_nouns:
            return held
        return next(
            (
                ev
                for of in tok.children
                if of.dep_ == "prep" and of.lower_ == "of"
                for g in of.children
                if g.dep_ == "pobj" and (ev := self.event(g)) is not None
            ),
            None,
        )

    def is_asset(self, tok: Token) -> bool:
        return tok.lemma_.lower() in self.lex.assets or tok.lower_ in self.lex.assets

    def actor_arg(self, arg: Arg) -> ActorArg:
        span = self.doc[arg.start : arg.end]
        # the reference each record argument was read as, for adopt_arguments
        # (a pronoun read through a reference is a coreference, whatever its antecedent was)
        ref = coref_ref(arg.actor) if arg.via_reference else arg.actor
        self.arg_refs[(span.start_char, span.end_char, arg.actor.actor_id)] = ref
        return ActorArg(
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            actor_id=arg.actor.actor_id,
            actor_name=arg.actor.actor_name,
        )
