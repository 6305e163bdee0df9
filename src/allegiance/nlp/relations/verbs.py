"""Verbs with their subject, objects and prepositional complements; particle verbs; passive
agents.

Registered constructions:

* ``allegiance.relations.verb.v1``: a verb trigger with its subject and object or
  prepositional complement ("Iran has been arming and supporting Iraqi army and Shia militia
  operations in Diyala province").
* ``allegiance.relations.particle_verb.v1``: a verb and particle listed together
  (``phrasal`` in the lexicon): "Kurdish forces drove ISIS out of Sinjar".
* ``allegiance.relations.passive_agent.v1`` (reading): the agent of a passive verb acts on
  its subject: "ISIS was driven out by Kurdish Peshmerga forces."
"""

from __future__ import annotations

from collections.abc import Generator, Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ...lexicon.triggers import Trigger
from ..phrases import head_words, partitive_heads
from .arguments import nominal
from .assets import asset_targets
from .candidates import Arg, Candidate
from .names import ASSET_TARGETS, PARTICLE_VERB, PASSIVE_AGENT, VERB
from .registry import constructions
from .run import DocRun
from .words import MUTUAL_OBJECTS

__all__ = ["particle_verb", "passive_agent", "verb", "verb_trigger"]


def verb_trigger(run: DocRun, tok: Token) -> tuple[Trigger, bool] | None:
    """The verb trigger of a token and whether it is a particle verb's."""
    if not ((tok.pos_ in ("VERB", "AUX") and not nominal(tok)) or (
        tok.pos_ == "NOUN" and tok.dep_ == "ROOT"
    )):  # fmt: skip
        return None
    lemma = tok.lemma_.lower()
    # "drove ISIS out of Sinjar": "out" is often parsed as a preposition
    for prt in tok.children:
        if prt.dep_ in ("prt", "advmod") or (
            prt.dep_ == "prep" and prt.lower_ in run.lex.particle_prepositions
        ):
            trig = run.lex.phrasal.get((lemma, prt.lower_))
            if trig:
                return trig, True
    if tok.pos_ != "NOUN":
        single = run.lex.verbs.get(lemma)
        if single is not None:
            return single, False
    return None


@constructions.register(PARTICLE_VERB)
def particle_verb(run: DocRun, tok: Token, sent: Span) -> Iterator[Candidate]:
    """ "Kurdish forces drove ISIS out of Sinjar": a verb and particle listed together."""
    found = verb_trigger(run, tok)
    if found is not None and found[1]:
        yield from read_verb(run, tok, found[0], PARTICLE_VERB)


@constructions.register(VERB)
def verb(run: DocRun, tok: Token, sent: Span) -> Iterator[Candidate]:
    """ "Iran has been arming and supporting Iraqi army and Shia militia operations": a verb
    trigger with its subject and object or prepositional complement."""
    found = verb_trigger(run, tok)
    if found is not None and not found[1]:
        yield from read_verb(run, tok, found[0], VERB)


def read_verb(run: DocRun, verb: Token, trig: Trigger, name: str) -> Iterator[Candidate]:
    """The relations a verb trigger states with its arguments."""
    subj_toks, passive = run.subject_tokens(verb)
    agents = [
        pobj
        for c in verb.children
        if c.dep_ == "agent"
        for pobj in c.children
        if pobj.dep_ == "pobj"
    ]
    if (
        passive
        and not agents
        and any(c.dep_ == "prep" and c.lower_ in trig.preps for c in verb.children)
    ):
        passive = False  # "Iranian troops are embedded with X": the subject is the actor
    if passive:
        if run.enabled(PASSIVE_AGENT):
            yield from passive_agent(run, verb, trig, subj_toks, agents)
        return
    sources = [a for t in subj_toks for a in run.args(t)]
    if not sources and not subj_toks:
        sources = _predicate_subjects(run, verb)
    if not sources:
        return
    clause = _VerbClause(run, verb, trig, name, sources)
    run.remember(trig, sources)
    yield from clause.candidates()


def _predicate_subjects(run: DocRun, verb: Token) -> list[Arg]:
    """ "he is prepared to lift the ban on X", "Norway is willing to send material": the "to"
    clause of a predicate adjective (lexicon ``irrealis_verbs`` marks it hypothetical) is the
    copula's subject's act."""
    head = verb.head
    if verb.dep_ != "xcomp" or head.pos_ != "ADJ" or head.dep_ != "acomp":
        return []
    subj_toks, passive = run.subject_tokens(head.head)
    if passive:
        return []
    return [a for t in subj_toks for a in run.args(t)]


def _mediated_parties(run: DocRun, verb: Token, exclude: frozenset[str]) -> list[Arg]:
    """The parties to what a go-between brought about, for "a truce brokered by Saudi Arabia":
    the noun's "between" ("a ceasefire between Israel and Hamas brokered by Egypt") or the
    subjects of the clause the noun is in ("the army and the RSF agreed to a truce brokered
    by Saudi Arabia")."""
    if verb.dep_ != "acl" or verb.head.pos_ != "NOUN":
        return []
    noun = verb.head
    out = [
        a
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ == "between"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        for a in run.args(pobj, exclude=exclude)
    ]
    if out:
        return out
    gov, hops = noun, 0
    while gov.dep_ in ("pobj", "prep", "dobj") and hops < 3:
        gov, hops = gov.head, hops + 1
    if gov is noun or gov.pos_ not in ("VERB", "AUX"):
        return []
    subj_toks, passive = run.subject_tokens(gov)
    return [] if passive else [a for t in subj_toks for a in run.args(t, exclude=exclude)]


@constructions.register(PASSIVE_AGENT)
def passive_agent(
    run: DocRun, verb: Token, trig: Trigger, subj_toks: list[Token], agents: list[Token]
) -> Iterator[Candidate]:
    """ "ISIS was driven out by Kurdish Peshmerga forces": the agent acts on the subject."""
    sources = [a for t in agents for a in run.args(t)]
    exclude = frozenset(a.actor.actor_id for a in sources)
    patients = [a for t in subj_toks for a in run.args(t, exclude=exclude)]
    if not patients and trig.mode == "mediation" and sources:
        patients = _mediated_parties(run, verb, exclude)
    if sources and patients:
        yield from run.pairs(
            sources, patients, trig, verb.i, verb.i + 1, verb, 0.8, 1, construction=PASSIVE_AGENT
        )
        run.remember(trig, sources)


@dataclass
class _VerbClause:
    """An active verb trigger and its subject's actors, read for objects and complements."""

    run: DocRun
    verb: Token
    trig: Trigger
    name: str
    sources: list[Arg]

    def __post_init__(self) -> None:
        self.exclude = frozenset(a.actor.actor_id for a in self.sources)
        self.found_object = False
        self.objs = self._objects()
        # "deliver a lasting defeat to ISIL", "received training from X": a light verb's
        # event noun says what the act is, and takes its own prepositions
        self.events = (
            [(o, ev) for o in self.objs if (ev := self.run.event(o)) is not None]
            if self.verb.lemma_.lower() in self.run.lex.light_verbs
            else []
        )

    def _objects(self) -> list[Token]:
        verb = self.verb
        objs = [c for c in verb.children if c.dep_ in ("dobj", "dative", "attr", "oprd")]
        if not objs:
            # "met Ethiopian Prime Minister Abiy Ahmed", the name parsed as an adverbial noun
            # phrase: a named actor after the verb is its object ("met Monday" is a date)
            objs = [
                c
                for c in verb.children
                if c.dep_ == "npadvmod"
                and c.i > verb.i
                and c.pos_ == "PROPN"
                and c.ent_type_ not in ("DATE", "TIME")
                and c.i in self.run.tok2span
            ]
        if not objs and verb.lemma_ in self.run.lex.object_control_verbs:
            # "will not allow ISIL to maintain ...", parsed with ISIL as the clause's subject
            objs = [
                g
                for c in verb.children
                if c.dep_ in ("ccomp", "xcomp")
                for g in c.children
                if g.dep_ == "nsubj"
            ]
        if not objs:
            # "kidnapped up to 16 Russian advisers", parsed as a particle and a preposition:
            # the counted noun is the object
            objs = [
                pobj
                for prt in verb.children
                if prt.dep_ == "prt" and prt.lower_ == "up"
                for prep in prt.children
                if prep.dep_ == "prep" and prep.lower_ == "to"
                for pobj in prep.children
                if pobj.dep_ == "pobj" and any(c.dep_ == "nummod" for c in pobj.children)
            ]
        if not objs and not any(
            c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "cc" and c.lower_ in ("but", "yet"))
            for c in verb.children
        ):
            # "arming and supporting X": the object is shared with a conjoined verb (not
            # "agreed to keep the border open but rejected talks with X": a verb with its own
            # complement, or set against the other, has its own object)
            for conj in verb.conjuncts:
                if conj.i > verb.i:
                    objs = [c for c in conj.children if c.dep_ == "dobj"]
                    if objs:
                        break
        return objs

    def _pairs(
        self,
        targets: list[Arg],
        trig: Trigger,
        conf: float,
        rank: int = 1,
        *,
        span: tuple[int, int] | None = None,
        symmetric: bool | None = None,
    ) -> Iterator[Candidate]:
        start, end = span or (self.verb.i, self.verb.i + 1)
        return self.run.pairs(
            self.sources,
            targets,
            trig,
            start,
            end,
            self.verb,
            conf,
            rank,
            construction=self.name,
            symmetric=symmetric,
        )

    def candidates(self) -> Iterator[Candidate]:
        if self.verb.lemma_.lower() in self.run.lex.ordering_verbs and not any(
            c.dep_ in ("xcomp", "ccomp") for c in self.verb.children
        ):
            return  # "ordered airstrikes against ISIL": the strikes say it (a light verb)
        found = False
        for obj in self.objs:
            found = (yield from self._object(obj)) or found
        self.found_object = found
        found = (yield from self._complements()) or found
        verb, trig = self.verb, self.trig
        if not found and trig.symmetric and len(self.sources) >= 2:
            yield from self.run.mutual(
                self.sources, trig, verb.i, verb.i + 1, verb, 0.7, 1, construction=self.name
            )
        if not found and trig.category == "THREATEN":
            # "Turkey threatened to launch an operation against the YPG": the threat is made
            # (a fact) against whom the threatened act would hit
            threatened = [
                a
                for c in verb.children
                if c.dep_ == "xcomp"
                for t in c.subtree
                if t.dep_ in ("dobj", "pobj", "conj")
                and (
                    t.i in self.run.tok2span
                    # "threatened to impose restrictions against German goods"
                    or any(
                        m.dep_ in ("amod", "compound", "poss") and m.i in self.run.tok2span
                        for m in t.children
                    )
                )
                for a in self.run.args(t, exclude=self.exclude, conj=False)
            ]
            yield from self._pairs(threatened + self._conditioned(), trig, 0.6, 2)

    def _conditioned(self) -> list[Arg]:
        """ "threatened to hold a general strike unless Israel rescinded its annexation": the
        threat is made against the one whose act would lift it."""
        out: list[Arg] = []
        holders = [self.verb, *(c for c in self.verb.children if c.dep_ == "xcomp")]
        for holder in holders:
            for cond in holder.children:
                if cond.dep_ != "advcl" or not any(
                    m.dep_ == "mark" and m.lower_ in ("unless", "if") for m in cond.children
                ):
                    continue
                out.extend(
                    a
                    for subj in cond.children
                    if subj.dep_ == "nsubj"
                    for a in self.run.args(subj, exclude=self.exclude)
                )
        return out

    def _prep_target(self, obj: Token) -> bool:
        """Whether a ``prep_first`` trigger has an actor in one of its prepositions, on the verb
        or the object ("freed the Yazidis from ISIS": ISIS is acted on, not the Yazidis)."""
        if not self.trig.prep_first:
            return False
        heads = [self.verb, obj, *(c for c in obj.children if c.dep_ == "prep")]
        return any(
            prep.dep_ == "prep"
            and prep.lower_ in self.trig.preps
            and any(
                self.run.args(p, exclude=self.exclude)
                for p in prep.subtree
                if p.dep_ == "pobj" and p.head == prep
            )
            for head in heads
            for prep in head.children
        )

    def _object(self, obj: Token) -> Generator[Candidate, None, bool]:
        """Candidates with one object; whether the object said anything."""
        run, verb, trig, exclude = self.run, self.verb, self.trig, self.exclude
        pair = (obj.lower_, next((c.lower_ for c in obj.children if c.dep_ == "amod"), ""))
        mutual = obj.lower_ in ("other", "another") and any(
            (c.lower_, obj.lower_) in MUTUAL_OBJECTS for c in obj.children
        )
        if mutual or pair in MUTUAL_OBJECTS:
            yield from run.mutual(
                self.sources, trig, verb.i, verb.i + 1, verb, 0.8, 1, construction=self.name
            )
            return True
        found = False
        targets = []
        if trig.direct_object and (obj.dep_ in ("dobj", "dative", "npadvmod") or obj.head != verb):
            targets = [] if self._prep_target(obj) else run.args(obj, exclude=exclude)
            if run.is_hostile(trig) and "from" not in trig.preps and run.enabled(ASSET_TARGETS):
                # (what is seized or captured "from" someone is not known to be the
                # enemy's: "ISIL seized the tanks from the airfield")
                targets.extend(asset_targets(run, obj, exclude))
        is_event = any(o.i == obj.i for o, _ in self.events)
        # "called the attack on Israel a crime" names its object: the "on" is the attack's
        named = any(c.dep_ == "oprd" for c in verb.children)
        if (
            not targets
            and obj.dep_ == "dobj"
            and not is_event
            and not named
            and not run.asked_for(obj)
        ):
            # the verb's preposition parsed onto its object ("deny safe haven for X",
            # "fired missiles at Saudi Arabia")
            for prep in obj.children:
                if found and prep.lower_ in run.lex.locus_prepositions:
                    continue
                sub = self._withdrawn(trig.preps.get(prep.lower_)) if prep.dep_ == "prep" else None
                pobjs = [c for c in prep.children if c.dep_ == "pobj"] if sub else []
                found_here = [a for p in pobjs for a in run.args(p, exclude=exclude)]
                if sub is not None and found_here:
                    found = True
                    yield from self._pairs(found_here, sub, 0.7)
        if targets and verb.lemma_.lower() in run.lex.ordering_verbs:
            targets = [t for t in targets if not self._own_force(t)]
        if targets and trig.official_as is not None:
            # "expelled the French ambassador": a diplomatic act on a government
            officials = [t for t in targets if t.actor.actor_type == "government"]
            targets = [t for t in targets if t.actor.actor_type != "government"]
            if officials:
                found = True
                yield from self._pairs(officials, trig.official_as, 0.8)
        if targets and trig.actor_as is not None:
            # "Spain recognised Palestine" (the actor itself), not "recognised the victory of
            # the opposition" (a deed of one): the verb's reading on an actor
            itself = [t for t in targets if t.start <= obj.i < t.end]
            targets = [t for t in targets if not t.start <= obj.i < t.end]
            if itself:
                found = True
                yield from self._pairs(itself, trig.actor_as, 0.8)
        if targets:
            found = True
            yield from self._pairs(targets, trig, 0.8)
        return found

    def _own_force(self, target: Arg) -> bool:
        """Whether a target is the armed force or police of a source's own state ("Putin
        ordered Russian troops to withdraw": a command, not a demand)."""
        return target.actor.actor_type in ("military", "police") and any(
            s.actor.country is not None and s.actor.country == target.actor.country
            for s in self.sources
        )

    def _withdrawn(self, sub: Trigger | None) -> Trigger | None:
        """ "Nigeria withdrew its peacekeeping force from Chad", "withdrew its ambassador from
        Venezuela": what is withdrawn served the other (``withdrawn_benefits``), so taking it
        back is the lexicon's ``withdrawn_as`` reading, a sanction; "withdrew its troops from
        Lebanon" stays a retreat."""
        lex = self.run.lex
        if sub is not None and self.verb.lemma_.lower() in lex.easing_verbs:
            return self._eased(sub)
        if sub is not None and sub.category in lex.peacekept_as and self._peacekeepers():
            return lex.peacekept_as[sub.category]
        if sub is None or sub.category not in lex.withdrawn_as:
            return sub
        for obj in self.verb.children:
            if obj.dep_ not in ("dobj", "nsubjpass"):
                continue
            words = {obj.lemma_.lower(), obj.lower_}
            words.update(c.lower_ for c in obj.children if c.dep_ in ("compound", "amod"))
            if words & lex.withdrawn_benefits:
                return lex.withdrawn_as[sub.category]
        return sub

    def _posted_to(self) -> list[Token]:
        """ "Algeria recalled its ambassador to France", "withdrew its diplomats in Niger":
        where a withdrawn envoy (``withdrawn_benefits``) is posted is whom it is withdrawn
        from, for a verb that reads "from"."""
        if "from" not in self.trig.preps:
            return []
        return [
            prep
            for obj in self.verb.children
            if obj.dep_ == "dobj" and obj.lemma_.lower() in self.run.lex.withdrawn_benefits
            for prep in obj.children
            if prep.dep_ == "prep" and prep.lower_ in ("to", "in")
        ]

    def _peacekeepers(self) -> bool:
        """Whether the verb's subject is peacekeepers (``peacekeeping_words``): "Bangladeshi
        peacekeeping troops arrived in Sierra Leone"."""
        words = self.run.lex.peacekeeping_words
        # "the first deployment of NATO peacekeeping troops", "a batch of peacekeepers"
        return any(
            head_words(head) & words
            for subj in self.verb.children
            if subj.dep_ in ("nsubj", "nsubjpass")
            for head in partitive_heads(subj)
        )

    def _eased(self, sub: Trigger) -> Trigger:
        """ "Serbia lifted the curfew in Montenegro", "the US eased sanctions on Cuba": what
        easing a restriction is, by the eased object's event noun (``eased_as``: a
        concession); "lifted the blockade of Gaza" stays the verb's own reading."""
        eased = self.run.lex.eased_as
        for obj in self.verb.children:
            if obj.dep_ not in ("dobj", "nsubjpass"):
                continue
            held = self.run.framed_event(obj)  # "lifted the state of emergency"
            if held is None:
                continue
            reading = eased.get(f"{held.category}/{held.mode}") or eased.get(held.category)
            if reading is not None:
                return reading
        return sub

    def _readied_for(self, prep: Token) -> list[Arg]:
        """A force readied for a hostile act is readied against the act's target: "Britain
        mobilized reservists for a possible war against Iraq", "Venezuela deployed soldiers
        in preparation for a conflict with Guyana" (a mobilising verb's "against")."""
        run, trig = self.run, self.trig
        if trig.category != "MOBILIZE" or trig.preps.get("against") is None:
            return []
        nouns = [c for c in prep.children if c.dep_ == "pobj"] if prep.dep_ == "prep" else []
        if prep.lower_ == "in":  # "in preparation for", "in readiness for"
            nouns = [
                g
                for n in nouns
                if n.lemma_.lower() in run.lex.readying_nouns
                for f in n.children
                if f.dep_ == "prep" and f.lower_ == "for"
                for g in f.children
                if g.dep_ == "pobj"
            ]
        elif prep.lower_ != "for":
            return []
        out: list[Arg] = []
        for noun in nouns:
            act = run.event(noun)
            if act is None or not run.is_hostile(act):
                continue
            for c in noun.children:
                if c.dep_ == "prep" and c.lower_ in act.preps:
                    out.extend(
                        a
                        for p in c.children
                        if p.dep_ == "pobj"
                        for a in run.args(p, exclude=self.exclude)
                    )
        return out

    def _complements(self) -> Generator[Candidate, None, bool]:
        """Candidates with the verb's prepositional objects ("provided weapons to X"); the
        state it happens in (``locus_prepositions``) only when it names no other target
        ("Albanians demonstrated in Serbia", not "... in Serbia against the war")."""
        verb, trig, events = self.verb, self.trig, self.events
        found = self.found_object
        locus = self.run.lex.locus_prepositions
        posted = self._posted_to()
        for prep in sorted([*verb.children, *posted], key=lambda c: c.lower_ in locus):
            if found and prep.lower_ in locus:
                break
            # "provided weapons to X" often comes as a dative "to"
            if prep.dep_ not in ("prep", "agent") and not (
                prep.dep_ == "dative" and prep.pos_ == "ADP"
            ):
                continue
            aimed, against = self._readied_for(prep), trig.preps.get("against")
            if aimed and against is not None:
                found = True
                yield from self._pairs(aimed, against, 0.6)
                continue
            key = "from" if prep in posted else prep.lower_
            start = verb.i
            end = prep.i + 1 if prep.i == verb.i + 1 else verb.i + 1
            if events and key in events[0][1].preps:
                sub = events[0][1].preps[key]
                start, end = events[0][0].i, events[0][0].i + 1
            elif events or key not in trig.preps:
                continue  # "received fire from X" is no aid received: the noun decides
            else:
                sub = self._withdrawn(trig.preps[key])
            if sub is None:
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                targets = self.run.args(pobj, exclude=self.exclude)
                if targets:
                    found = True
                    yield from self._pairs(
                        targets,
                        sub,
                        0.6 if key in locus else 0.75,
                        span=(start, end),
                        symmetric=sub.symmetric or trig.symmetric,
                    )
        return found
