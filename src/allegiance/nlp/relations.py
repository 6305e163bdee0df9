"""Relations between actors, read off the dependency parse.

For each sentence the component finds trigger words from the lexicon (verbs, phrasal verbs,
event nouns, stance nouns, adjectives, "X-backed" compounds, prepositions such as "alongside"
and "against", fixed patterns such as "at war with"), collects their arguments through the
parse (subjects, objects, passive agents, prepositional objects, possessives, coordination,
relative clauses, appositions, pronouns and descriptions resolved to earlier actors), and
flags negation, modality (future, conditional, intended, asked-for, questions) and who claims
the relation (reported speech, "according to", quotes).

Work per sentence is linear in its tokens times the (small) number of arguments per trigger.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..lexicon.triggers import Lexicon, Pattern, Trigger, load_lexicon
from ..schema import ActorArg, Relation, SentenceRef, TextSpan
from .extensions import ACTORS_KEY, ActorRef, in_ignored, register_extensions
from .references import Resolver, load_references

if TYPE_CHECKING:
    from ..kb.store import Actor

__all__ = ["RelationExtractor"]

_SUBJ = ("nsubj", "nsubjpass", "csubj", "csubjpass")
_QUANTIFIERS = frozenset({"all", "some", "many", "most", "each", "both", "several", "few"})
_INCLUDE = frozenset({"include", "comprise"})  # "ISIL targets, which include ..."
_REL_PRONOUNS = {"who", "which", "that", "whom"}
_COPULAS = {"be", "become", "remain", "seem", "appear", "stay"}
_MODIFIER_DEPS = ("compound", "amod", "poss", "nmod", "npadvmod")
_NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "attr", "dative", "compound"}
_INSTRUMENTAL = {"use", "employ", "exploit", "deploy", "send", "dispatch", "mobilize", "mobilise"}
_HOLDING = {"hold", "control", "occupy", "run", "seize", "capture", "dominate"}
_RECEIVING = {"receive", "take", "face", "suffer", "endure", "sustain", "absorb", "get"}
_AGENTIVE_PASSIVES = {"involve", "engage", "implicate", "task"}
_POSSESSING = {"have", "send", "deploy", "dispatch", "station", "keep", "maintain", "commit"}
_ASPECTUAL = {"continue", "keep", "begin", "start", "resume", "remain", "tend"}
_MUTUAL_OBJECTS = {("each", "other"), ("one", "another")}
_ENEMY_WINDOW_TOKENS = 400  # how far back an unnamed asset's owner may have been named
_OBJECT_CONTROL = {
    "urge",
    "ask",
    "help",
    "allow",
    "force",
    "order",
    "encourage",
    "call",
    "push",
    "press",
    "enable",
    "permit",
    "persuade",
    "convince",
    "invite",
    "train",
    "assist",
    "empower",
    "equip",
    "aid",
    "support",
    "require",
    "pressure",
    "tell",
}


def _actor_ref(actor: Actor, resolved_by: str, confidence: float) -> ActorRef:
    """The mention-level reference to a knowledge-base actor."""
    return ActorRef(
        actor.id, actor.name, actor.type, actor.country, actor.parent, resolved_by, confidence
    )


def _subject_of_next_clause(tok: Token) -> bool:
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
    return verb.pos_ in ("VERB", "AUX") and not any(c.dep_ in _SUBJ for c in verb.children)


def _collective(pronoun: Token, antecedent: Span) -> bool:
    """Whether "they" takes in every conjunct of a coordinated antecedent: when it says so
    ("they both", "they all") or the coordination is a subject ("the US and Iran ... they");
    not for "no difference between the militias and ISIS ... we will kill them"."""
    if any(c.lower_ in ("both", "all", "together", "each") for c in pronoun.head.children):
        return True
    root = antecedent.root
    while root.dep_ == "conj":
        root = root.head
    return root.dep_ in ("nsubj", "nsubjpass")


def _interrogative(sent: Span) -> bool:
    """ "Are the US and Iran on the same side?" asks; "They back the war on ISIL, but for how
    long?" states, then asks about something else."""
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    if not words:
        return False
    first = words[0]
    return first.tag_ in ("WDT", "WP", "WP$", "WRB", "MD") or first.pos_ == "AUX"


def _done_with(verb: Token) -> bool:
    """ "They used IEDs to kill US troops": the purpose of a past use of an instrument is
    reported as done, unlike "to defeat Daesh" after a plan or a present commitment."""
    head = verb.head
    hops = 0
    while head.dep_ in ("pcomp", "prep", "pobj", "dobj") and hops < 4:
        head, hops = head.head, hops + 1  # "used the cover of fighting ISIS to slaughter X"
    return (
        verb.dep_ in ("advcl", "xcomp")
        and head.lemma_.lower() in _INSTRUMENTAL
        and head.tag_ in ("VBD", "VBN")
        and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children)
    )


@dataclass(frozen=True, slots=True)
class Arg:
    """A relation argument: the span as written and the actor it denotes."""

    start: int  # token offsets
    end: int
    actor: ActorRef
    via_reference: bool = False

    def key(self) -> tuple[str, int]:
        return (self.actor.actor_id, self.start)


@dataclass(slots=True)
class Candidate:
    source: Arg
    target: Arg
    trigger: Trigger
    trigger_start: int
    trigger_end: int
    anchor: Token  # the token whose clause carries the relation's modality
    confidence: float
    symmetric: bool
    rank: int  # lower wins when two candidates relate the same pair in a sentence


@Language.factory(
    "allegiance_relations",
    default_config={
        "lexicon_paths": [],
        "kb_paths": [],
        "reference_paths": [],
        "max_sentence_tokens": 200,
    },
    assigns=["doc._.relations"],
    requires=["token.dep", "token.lemma"],
)
def make_relations(
    nlp: Language,
    name: str,
    lexicon_paths: list[str],
    kb_paths: list[str],
    reference_paths: list[str],
    max_sentence_tokens: int,
) -> RelationExtractor:
    return RelationExtractor(
        nlp,
        name,
        lexicon_paths=lexicon_paths,
        kb_paths=kb_paths,
        reference_paths=reference_paths,
        max_sentence_tokens=max_sentence_tokens,
    )


class RelationExtractor:
    """spaCy component: fills ``doc._.relations`` with :class:`~allegiance.schema.Relation`."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        lexicon_paths: Iterable[str] = (),
        kb_paths: Iterable[str] = (),
        reference_paths: Iterable[str] = (),
        max_sentence_tokens: int = 200,
    ) -> None:
        register_extensions()
        self.name = name
        self.lexicon_paths = [str(p) for p in lexicon_paths]
        self.kb_paths = [str(p) for p in kb_paths]
        self.reference_paths = [str(p) for p in reference_paths]
        self.max_sentence_tokens = max_sentence_tokens
        self._load()

    def _load(self) -> None:
        from ..kb import ActorKB

        self.kb = ActorKB.load(self.kb_paths)
        self.lexicon: Lexicon = load_lexicon(tuple(self.lexicon_paths))
        self.references = load_references(tuple(self.reference_paths))
        by_first: dict[str, list[Pattern]] = {}
        for pattern in self.lexicon.patterns:
            by_first.setdefault(pattern.tokens[0], []).append(pattern)
        self._patterns = by_first

    # -- spaCy serialisation -------------------------------------------------------------
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        import json

        p = Path(path)
        p.mkdir(parents=True, exist_ok=True)
        (p / "cfg.json").write_text(
            json.dumps(
                {
                    "lexicon_paths": self.lexicon_paths,
                    "kb_paths": self.kb_paths,
                    "reference_paths": self.reference_paths,
                    "max_sentence_tokens": self.max_sentence_tokens,
                }
            )
        )

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> RelationExtractor:
        import json

        cfg = json.loads((Path(path) / "cfg.json").read_text())
        self.lexicon_paths = cfg["lexicon_paths"]
        self.kb_paths = cfg.get("kb_paths", [])
        self.reference_paths = cfg["reference_paths"]
        self.max_sentence_tokens = cfg["max_sentence_tokens"]
        self._load()
        return self

    # -- main entry ----------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        spans = list(doc.spans.get(ACTORS_KEY, [])) if ACTORS_KEY in doc.spans else []
        run = _DocRun(self, doc, spans)
        doc._.relations = run.relations()
        return doc


class _DocRun:
    """The state of one document's extraction."""

    def __init__(self, component: RelationExtractor, doc: Doc, spans: list[Span]) -> None:
        self.c = component
        self.lex = component.lexicon
        self.doc = doc
        self.tok2span: dict[int, Span] = {}
        for span in spans:
            if span._.actor is None:
                continue
            for i in range(span.start, span.end):
                self.tok2span[i] = span
        self.resolver = Resolver(doc, spans, component.references)
        self._span_starts = [s.start for s in self.resolver.spans]
        self.last_assault_source: Arg | None = None
        self.enemy_of: dict[str, tuple[ActorRef, int]] = {}  # each attacker's last target
        # how often each actor took part in a hostile act, and where it last did
        self.hostile: dict[str, tuple[int, int, ActorRef]] = {}
        self.doc_id = doc._.doc_id or "doc"

    # -- arguments -----------------------------------------------------------------------
    def span_arg(self, span: Span, via_reference: bool = False) -> Arg:
        return Arg(span.start, span.end, span._.actor, via_reference)

    def args(
        self, tok: Token, *, exclude: frozenset[str] = frozenset(), conj: bool = True
    ) -> list[Arg]:
        """The actors a token stands for: its own actor span, a resolved reference, actor
        modifiers ("ISIL vehicles"), "of" complements ("fighters of ISIL"), and conjuncts."""
        out = self._args_one(tok, exclude)
        if conj:
            for other in tok.conjuncts:
                if not _subject_of_next_clause(other):
                    out.extend(self._args_one(other, exclude))
        seen: set[tuple[str, int]] = set()
        unique = []
        for arg in out:
            arg = self._bound_possessive(arg)
            if arg.key() not in seen:
                seen.add(arg.key())
                unique.append(arg)
        return unique

    def _args_one(self, tok: Token, exclude: frozenset[str], depth: int = 0) -> list[Arg]:
        if tok.lower_ in _REL_PRONOUNS and tok.head.dep_ == "relcl":
            tok = tok.head.head
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
        if tok.lower_ in ("we", "us", "our") and tok.pos_ == "PRON":
            # inside a quote, "we" is the speaker's side, whatever the nearest name is
            speaker = self._quote_speaker(tok.idx)
            if speaker is not None and speaker.actor_id not in exclude:
                return [Arg(tok.i, tok.i + 1, speaker, True)]
        span = self.tok2span.get(tok.i)
        if span is not None and len(span) == 1 and tok.pos_ == "PRON" and exclude:
            # a pronoun cannot refer to a co-argument of its own clause ("they do not trust them")
            if span._.actor.actor_id in exclude:
                span = None
        if span is not None:
            out = [self.span_arg(span)]
            if tok.lower_ in ("they", "them", "their") and len(span) == 1:
                out.extend(self._they_conjuncts(span))
            # "Iraqi and Kurdish forces": a coordinated modifier outside the span, which
            # names the same kind of agent (the Iraqi forces, not Iraq)
            for child in tok.children:
                if child.dep_ in ("amod", "compound") and child.i not in range(
                    span.start, span.end
                ):
                    other = self.tok2span.get(child.i)
                    if other is not None and other != span:
                        out.append(self._as_agent(self.span_arg(other), tok))
            return out
        ref = self.resolver.reference_span(tok)
        if ref is not None:
            return [
                Arg(ref.start, ref.end, ante.actor, True)
                for ante in self.resolver.resolve(tok, exclude=exclude)
            ]
        if tok.lower_ in self.c.references.event_agents:
            # "killed by a coalition airstrike": the strike stands for its actor, and the
            # argument is the phrase that names both
            own = [
                Arg(min(a.start, tok.i), max(a.end, tok.i + 1), a.actor, a.via_reference)
                for a in self._modifier_actors(tok)
            ] or self._agent_phrase(tok)
            if own:
                return own
            if tok.dep_ == "dobj" and tok.head.lemma_.lower() in self.lex.light_verbs and depth < 2:
                # "the Coalition conducted 300 strikes delivering munitions in support of X"
                subj_toks, passive = self.subject_tokens(tok.head)
                if not passive:
                    return [a for t in subj_toks for a in self._args_one(t, exclude, depth + 1)]
            if self.last_assault_source is not None and tok.dep_ in _SUBJ:
                # "Near Mosul, five strikes destroyed ...": whoever conducted the last ones
                a = self.last_assault_source
                return [Arg(tok.i, tok.i + 1, a.actor, True)]
            return []
        out = self._modifier_actors(tok)
        if out and self._is_asset(tok):
            # "two ISIL fighting positions": the asset hit, standing for its owner
            start = min(tok.left_edge.i, *(a.start for a in out))
            while start < tok.i and not self.doc[start].is_alpha:
                start += 1
            out = [Arg(start, tok.i + 1, a.actor, a.via_reference) for a in out[:1]]
        out = out or self._possessed_agents(tok) or self._holders(tok, depth)
        if not out and (tok.pos_ in ("NOUN", "PROPN") or tok.lower_ in _QUANTIFIERS):
            for child in tok.children:
                if child.dep_ == "appos":
                    out.extend(self._args_one(child, exclude))
                    out.extend(a for c in child.conjuncts for a in self._args_one(c, exclude))
                elif child.dep_ == "prep" and child.lower_ in ("of", "under") and depth < 2:
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            for item in (pobj, *pobj.conjuncts):
                                if item is pobj or not _subject_of_next_clause(item):
                                    out.extend(self._args_one(item, exclude, depth + 1))
        return out

    def _holders(self, tok: Token, depth: int) -> list[Arg]:
        """ "villages held by ISIL", "territory controlled by the regime": what is attacked or
        retaken there is its holder's."""
        if tok.pos_ != "NOUN" or depth > 1:
            return []
        out: list[Arg] = []
        for acl in tok.children:
            if acl.dep_ != "acl" or acl.lemma_.lower() not in _HOLDING:
                continue
            for agent in acl.children:
                if agent.dep_ == "agent":
                    for pobj in agent.children:
                        if pobj.dep_ == "pobj":
                            out.extend(self._args_one(pobj, frozenset(), depth + 1))
        return out

    def _possessed_agents(self, tok: Token) -> list[Arg]:
        """ "The U.S. has ... some 200 advisers deployed alongside X": agents that the subject
        has, sends or deploys are its own (the advisers are US forces)."""
        if tok.pos_ != "NOUN" or self.c.kb.agents.classify(tok.text) is None:
            return []
        first = tok
        while first.dep_ == "conj" and first.head.pos_ == "NOUN":
            first = first.head
        verb = first.head
        if first.dep_ != "dobj" or verb.lemma_.lower() not in _POSSESSING:
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
        sub = self.c.kb.sub_actor(arg.actor.actor_id, head.text)
        if sub is None or sub.id == arg.actor.actor_id:
            return arg
        return Arg(
            arg.start, arg.end, _actor_ref(sub, "kb", arg.actor.confidence), arg.via_reference
        )

    def _they_conjuncts(self, pronoun: Span) -> list[Arg]:
        """ "The interests of the US and Iran converge as they both back the war": "they" is
        every actor coordinated with its antecedent (the nearest earlier mention of its
        actor within the sentence window)."""
        actor_id = pronoun._.actor.actor_id
        lower = self.resolver.window_start(pronoun.root)
        spans = self.resolver.spans
        for k in range(bisect_left(self._span_starts, pronoun.start) - 1, -1, -1):
            span = spans[k]
            if span.start < lower:
                break
            if span._.actor.actor_id == actor_id and span.root.pos_ != "PRON":
                if not _collective(pronoun.root, span):
                    return []
                return [
                    Arg(pronoun.start, pronoun.end, a.actor, True)
                    for a in self.resolver.conjuncts(span)
                    if a.actor.actor_id != actor_id
                ]
        return []

    def _bound_possessive(self, arg: Arg) -> Arg:
        """A possessive pronoun bound by a name earlier in its own sentence stands for that
        name ("The U.S. reaffirms its commitment to support X": the U.S. supports X)."""
        tok = self.doc[arg.start]
        if arg.end - arg.start != 1 or tok.dep_ != "poss" or tok.pos_ != "PRON":
            return arg
        spans = self.resolver.spans
        k = bisect_left(self._span_starts, tok.i) - 1
        sent_start = tok.sent.start
        while k >= 0 and spans[k].start >= sent_start:
            span = spans[k]
            if span._.actor.actor_id == arg.actor.actor_id and span.root.pos_ != "PRON":
                return Arg(span.start, span.end, arg.actor, True)
            k -= 1
        return arg

    def _quote_speaker(self, char: int) -> ActorRef | None:
        """The side a quoted "we" speaks for: the speaker's organisation (a known person's
        affiliation); ``None`` when only an unaffiliated person is known."""
        for quote in self.doc._.quotes or ():
            if not (quote.direct and quote.start <= char < quote.end):
                continue
            sp = quote.speaker
            if sp is None or not sp.actor_id:
                return None
            actor = self.c.kb.get(sp.actor_id)
            if actor is not None and actor.type == "person":
                actor = self.c.kb.get(actor.affiliation) if actor.affiliation else None
                if actor is None:
                    return None
            if actor is None:
                return None  # a name the KB does not know: its side is unknown
            return _actor_ref(actor, "coref", 0.7)
        return None

    def _modifier_actors(self, tok: Token) -> list[Arg]:
        if tok.lemma_.lower() in self.lex.patient_nouns:
            return []  # "his death", "ISIL's demise": not their act
        out: list[Arg] = []
        owners: list[Arg] = []
        for child in tok.children:
            if child.dep_ == "poss" and child.i not in self.tok2span:
                ref = self.resolver.reference_span(child)
                if ref is not None:
                    owners.extend(
                        Arg(ref.start, ref.end, a.actor, True) for a in self.resolver.resolve(child)
                    )
                continue
            if child.dep_ == "poss" and child.pos_ == "PRON":
                span = self.tok2span.get(child.i)
                if span is not None:
                    owners.append(self.span_arg(span))
                continue
            if child.dep_ in _MODIFIER_DEPS:
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

    def subject_tokens(self, verb: Token) -> tuple[list[Token], bool]:
        """The subject tokens of a predicate and whether the clause is passive."""
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
        subs = [c for c in verb.children if c.dep_ in _SUBJ]
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
            if head.lemma_ in _OBJECT_CONTROL:
                objs = [c for c in head.children if c.dep_ in ("dobj", "dative")]
                if objs:
                    return objs, passive
            return self.subject_tokens(head)[0], passive
        if verb.dep_ == "advcl" and (
            verb.tag_ in ("VBG", "VBN")
            or any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children)
        ):
            head = verb.head
            if head.lemma_ in _OBJECT_CONTROL and verb.tag_ == "VB":
                # "press the regime to cease ...": parsed as a purpose clause, still controlled
                objs = [c for c in head.children if c.dep_ in ("dobj", "dative")]
                if objs:
                    return objs, passive
            # purpose and participial clauses share the main clause's subject
            return self.subject_tokens(head)[0], passive
        if verb.dep_ == "acl" and verb.tag_ == "VB" and not self.args(verb.head, conj=False):
            # "leading efforts in the campaign to defeat X": whoever leads the campaign
            gov = self._governing_predicate(verb.head)
            if gov is not None:
                return self.subject_tokens(gov)[0], passive
        if verb.dep_ in ("acl", "relcl"):
            return [verb.head], passive or verb.tag_ == "VBN"
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
            if gov.pos_ == "ADJ" and gov.dep_ == "acomp":
                gov = gov.head  # "remains committed to carrying out attacks"
            elif (
                gov.lemma_ == "come"
                and gov.dep_ == "advcl"
                and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in gov.children)
            ):
                gov = gov.head  # "X are upping the ante when it comes to confronting ISIL"
            elif gov.pos_ == "NOUN" and not self.args(gov, conj=False):
                # "used the cover of fighting ISIS to ...": whoever used it fought
                gov = self._governing_predicate(gov) or gov
            if gov.pos_ in ("VERB", "AUX"):
                return self.subject_tokens(gov)[0], passive
        return [], passive

    @staticmethod
    def _governing_predicate(tok: Token, max_hops: int = 4) -> Token | None:
        """The verb a noun phrase hangs from through objects and prepositions, if any."""
        up, hops = tok, 0
        while hops < max_hops and up.dep_ in ("dobj", "pobj", "prep", "attr", "npadvmod"):
            up, hops = up.head, hops + 1
            if up.pos_ in ("VERB", "AUX"):
                return up
        return None

    # -- triggers ------------------------------------------------------------------------
    def relations(self) -> list[Relation]:
        records: list[Relation] = []
        for sent in self.doc.sents:
            if len(sent) > self.c.max_sentence_tokens:
                continue
            if self._inside_ignored(sent):
                continue
            # a sentence needs an actor or a reference that may resolve to one
            if not any(i in self.tok2span for i in range(sent.start, sent.end)) and not any(
                self.resolver.reference_span(t) for t in sent
            ):
                continue
            cands = [c for c in self.sentence_candidates(sent) if not self._touches_ignored(c)]
            for cand in self.select(cands):
                records.append(self.to_record(cand, sent, len(records)))
        return records

    def _inside_ignored(self, sent: Span) -> bool:
        return any(a <= sent.start_char and sent.end_char <= b for a, b in self.doc._.ignore or ())

    def _touches_ignored(self, cand: Candidate) -> bool:
        doc = self.doc
        for start, end in (
            (cand.source.start, cand.source.end),
            (cand.target.start, cand.target.end),
            (cand.trigger_start, cand.trigger_end),
        ):
            if in_ignored(doc, doc[start].idx, doc[end - 1].idx + len(doc[end - 1])):
                return True
        return False

    def sentence_candidates(self, sent: Span) -> Iterator[Candidate]:
        lex = self.lex
        for tok in sent:
            lemma = tok.lemma_.lower()
            low = tok.lower_
            # the tagger sometimes calls a plural noun a verb ("airstrikes"): trust the parse
            nominal = tok.pos_ in ("NOUN", "PROPN") or tok.dep_ in _NOMINAL_DEPS
            if (tok.pos_ in ("VERB", "AUX") and not nominal) or (
                tok.pos_ == "NOUN" and tok.dep_ == "ROOT"
            ):
                # "drove ISIS out of Sinjar": "out" is often parsed as a preposition
                particles = [
                    c
                    for c in tok.children
                    if c.dep_ in ("prt", "advmod")
                    or (c.dep_ == "prep" and c.lower_ in ("out", "back", "off", "away"))
                ]
                trig = None
                for prt in particles:
                    trig = lex.phrasal.get((lemma, prt.lower_))
                    if trig:
                        break
                if trig is None and tok.pos_ != "NOUN":
                    trig = lex.verbs.get(lemma)
                if trig is not None:
                    yield from self.verb(tok, trig)
            if nominal:
                ntrig = lex.nouns.get(lemma) or lex.nouns.get(low)
                if ntrig is not None:
                    yield from self.noun(tok, ntrig)
                strig = lex.stance_nouns.get(lemma) or lex.stance_nouns.get(low)
                if strig is not None:
                    yield from self.stance(tok, strig)
            if tok.pos_ == "ADJ" or tok.dep_ in ("acomp", "amod"):
                atrig = lex.adjectives.get(low) or lex.adjectives.get(lemma)
                if atrig is not None:
                    yield from self.adjective(tok, atrig)
            if low in lex.compounds and tok.i >= 2 and tok.nbor(-1).text in ("-", "–"):
                yield from self.compound(tok, lex.compounds[low])
            if low in lex.prepositions and tok.dep_ == "prep":
                yield from self.preposition(tok, lex.prepositions[low])
            for pattern in self._patterns_at(tok, sent):
                yield from self.pattern(tok, pattern, sent)

    def _patterns_at(self, tok: Token, sent: Span) -> Iterator[Pattern]:
        for pattern in self.c._patterns.get(tok.lower_, ()):
            n = len(pattern.tokens)
            if tok.i + n <= sent.end and all(
                self.doc[tok.i + k].lower_ == pattern.tokens[k] for k in range(n)
            ):
                yield pattern

    def _pairs(
        self,
        sources: list[Arg],
        targets: list[Arg],
        trig: Trigger,
        start: int,
        end: int,
        anchor: Token,
        conf: float,
        rank: int,
        *,
        symmetric: bool | None = None,
    ) -> Iterator[Candidate]:
        sym = trig.symmetric if symmetric is None else symmetric
        if trig.reverse:
            sources, targets = targets, sources
        hostile = self._hostile(trig)
        for s in sources:
            for t in targets:
                if s.actor.actor_id == t.actor.actor_id or (s.start < t.end and t.start < s.end):
                    continue
                if hostile and not t.via_reference:
                    self.enemy_of[s.actor.actor_id] = (t.actor, t.start)
                    for a in (s, t):
                        n = self.hostile.get(a.actor.actor_id, (0, 0, a.actor))[0]
                        self.hostile[a.actor.actor_id] = (n + 1, a.start, a.actor)
                c = conf * (0.85 if s.via_reference else 1.0) * (0.85 if t.via_reference else 1.0)
                c *= min(s.actor.confidence, t.actor.confidence) ** 0.5
                yield Candidate(s, t, trig, start, end, anchor, c, sym, rank)

    def _mutual(
        self,
        args: list[Arg],
        trig: Trigger,
        start: int,
        end: int,
        anchor: Token,
        conf: float,
        rank: int,
    ) -> Iterator[Candidate]:
        for i, a in enumerate(args):
            for b in args[i + 1 :]:
                yield from self._pairs(
                    [a], [b], trig, start, end, anchor, conf, rank, symmetric=True
                )

    def verb(self, verb: Token, trig: Trigger) -> Iterator[Candidate]:
        subj_toks, passive = self.subject_tokens(verb)
        agents = [
            pobj
            for c in verb.children
            if c.dep_ == "agent"
            for pobj in c.children
            if pobj.dep_ == "pobj"
        ]
        exclude: frozenset[str] = frozenset()
        if (
            passive
            and not agents
            and any(c.dep_ == "prep" and c.lower_ in trig.preps for c in verb.children)
        ):
            passive = False  # "Iranian troops are embedded with X": the subject is the actor
        if passive:
            sources = [a for t in agents for a in self.args(t)]
            exclude = frozenset(a.actor.actor_id for a in sources)
            patients = [a for t in subj_toks for a in self.args(t, exclude=exclude)]
            if sources and patients:
                yield from self._pairs(sources, patients, trig, verb.i, verb.i + 1, verb, 0.8, 1)
                self._remember(trig, sources)
            return
        sources = [a for t in subj_toks for a in self.args(t)]
        if not sources:
            return
        exclude = frozenset(a.actor.actor_id for a in sources)
        self._remember(trig, sources)
        found = False
        objs = [c for c in verb.children if c.dep_ in ("dobj", "dative", "attr", "oprd")]
        if not objs and verb.lemma_ in _OBJECT_CONTROL:
            # "will not allow ISIL to maintain ...", parsed with ISIL as the clause's subject
            objs = [
                g
                for c in verb.children
                if c.dep_ in ("ccomp", "xcomp")
                for g in c.children
                if g.dep_ == "nsubj"
            ]
        if not objs:
            # "arming and supporting X": the object is shared with a conjoined verb
            for conj in verb.conjuncts:
                if conj.i > verb.i:
                    objs = [c for c in conj.children if c.dep_ == "dobj"]
                    if objs:
                        break
        # "deliver a lasting defeat to ISIL", "received training from X": a light verb's
        # event noun says what the act is, and takes its own prepositions
        events = (
            [(o, ev) for o in objs if (ev := self._event(o)) is not None]
            if verb.lemma_.lower() in self.lex.light_verbs
            else []
        )
        for obj in objs:
            pair = (obj.lower_, next((c.lower_ for c in obj.children if c.dep_ == "amod"), ""))
            mutual = obj.lower_ in ("other", "another") and any(
                (c.lower_, obj.lower_) in _MUTUAL_OBJECTS for c in obj.children
            )
            if mutual or pair in _MUTUAL_OBJECTS:
                yield from self._mutual(sources, trig, verb.i, verb.i + 1, verb, 0.8, 1)
                found = True
                continue
            targets = []
            if trig.direct_object and (obj.dep_ in ("dobj", "dative") or obj.head != verb):
                targets = self.args(obj, exclude=exclude)
                if self._hostile(trig) and "from" not in trig.preps:
                    # (what is seized or captured "from" someone is not known to be the
                    # enemy's: "ISIL seized the tanks from the airfield")
                    targets.extend(self._asset_targets(obj, exclude))
            is_event = any(o is obj for o, _ in events)
            if not targets and obj.dep_ == "dobj" and not is_event:
                # the verb's preposition parsed onto its object ("deny safe haven for X",
                # "fired missiles at Saudi Arabia")
                for prep in obj.children:
                    sub = trig.preps.get(prep.lower_) if prep.dep_ == "prep" else None
                    pobjs = [c for c in prep.children if c.dep_ == "pobj"] if sub else []
                    found_here = [a for p in pobjs for a in self.args(p, exclude=exclude)]
                    if sub is not None and found_here:
                        found = True
                        yield from self._pairs(
                            sources, found_here, sub, verb.i, verb.i + 1, verb, 0.7, 1
                        )
            if targets and trig.official_as is not None:
                # "expelled the French ambassador": a diplomatic act on a government
                officials = [t for t in targets if t.actor.actor_type == "government"]
                targets = [t for t in targets if t.actor.actor_type != "government"]
                if officials:
                    found = True
                    yield from self._pairs(
                        sources, officials, trig.official_as, verb.i, verb.i + 1, verb, 0.8, 1
                    )
            if targets:
                found = True
                yield from self._pairs(sources, targets, trig, verb.i, verb.i + 1, verb, 0.8, 1)
        for prep in verb.children:
            # "provided weapons to X" often comes as a dative "to"
            if prep.dep_ not in ("prep", "agent") and not (
                prep.dep_ == "dative" and prep.pos_ == "ADP"
            ):
                continue
            key = prep.lower_
            start = verb.i
            end = prep.i + 1 if prep.i == verb.i + 1 else verb.i + 1
            if events and key in events[0][1].preps:
                sub = events[0][1].preps[key]
                start, end = events[0][0].i, events[0][0].i + 1
            elif events or key not in trig.preps:
                continue  # "received fire from X" is no aid received: the noun decides
            else:
                sub = trig.preps[key]
            if sub is None:
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                targets = self.args(pobj, exclude=exclude)
                if targets:
                    found = True
                    yield from self._pairs(
                        sources,
                        targets,
                        sub,
                        start,
                        end,
                        verb,
                        0.75,
                        1,
                        symmetric=sub.symmetric or trig.symmetric,
                    )
        if not found and trig.symmetric and len(sources) >= 2:
            yield from self._mutual(sources, trig, verb.i, verb.i + 1, verb, 0.7, 1)
        if not found and trig.category == "THREATEN":
            # "Turkey threatened to launch an operation against the YPG": the threat is made
            # (a fact) against whom the threatened act would hit
            threatened = [
                a
                for c in verb.children
                if c.dep_ == "xcomp"
                for t in c.subtree
                if t.dep_ in ("dobj", "pobj", "conj") and t.i in self.tok2span
                for a in self.args(t, exclude=exclude, conj=False)
            ]
            yield from self._pairs(sources, threatened, trig, verb.i, verb.i + 1, verb, 0.6, 2)

    def _hostile(self, trig: Trigger) -> bool:
        info = self.lex.info(trig)
        return info.sign < 0 and (info.quad_class == 4 or trig.category == "OPPOSE")

    def _asset_targets(self, obj: Token, exclude: frozenset[str]) -> list[Arg]:
        """ "Five strikes destroyed three ISIL-held buildings, two vehicles and a tunnel":
        assets named without their owner belong to the enemy the report is about (the
        attacker's own last target within a few sentences, else the actor most often in
        hostile acts there), each conjunct on its own; those listed under a phrase that names
        its owner ("ISIL targets, which include three tactical units") are that owner's."""
        enemy = next(
            (self.enemy_of[a] for a in sorted(exclude) if a in self.enemy_of), None
        ) or self._report_enemy(obj, exclude)
        named = self._args_one(obj, exclude)
        if named:
            enemy = (named[0].actor, obj.i)
        if enemy is None or obj.sent.start - enemy[1] > _ENEMY_WINDOW_TOKENS:
            return []
        out = []
        items, k = [obj], 0
        while k < len(items):  # a long list is often parsed as conjuncts and appositions
            items.extend(c for c in items[k].children if c.dep_ in ("conj", "appos"))
            # "ISIL targets, which include three tactical units and a command node"
            items.extend(
                g
                for c in items[k].children
                if c.dep_ == "relcl" and c.lemma_.lower() in _INCLUDE
                for g in c.children
                if g.dep_ == "dobj"
            )
            k += 1
        scanned: set[int] = set()
        if self._is_asset(obj):
            heads = self._list_heads(obj, {t.i for t in items})
            scanned = {t.i for t in heads}
            items.extend(heads)
        for tok in items:
            if not self._is_asset(tok):
                continue
            owners = self._args_one(tok, exclude)
            if owners:  # the phrase names its owner ("four ISIL vehicles")
                if tok is not obj and tok not in obj.conjuncts:
                    out.extend(owners)  # a conjunct's owner is already in args()
                continue
            if enemy[0].actor_id in exclude:
                continue
            start = self._phrase_start(tok, obj.i) if tok.i in scanned else tok.left_edge.i
            while start < tok.i and (self.doc[start].is_punct or self.doc[start].dep_ == "cc"):
                start += 1
            out.append(Arg(start, tok.i + 1, enemy[0], True))
        return out

    def _report_enemy(self, obj: Token, exclude: frozenset[str]) -> tuple[ActorRef, int] | None:
        """The actor most often in hostile acts (either side) within the last few
        sentences, not the attacker: whom an unattributed list of targets belongs to."""
        best: tuple[int, int, ActorRef] | None = None
        for actor_id, (n, pos, actor) in self.hostile.items():
            if actor_id in exclude or obj.sent.start - pos > _ENEMY_WINDOW_TOKENS:
                continue
            if best is None or (n, pos) > best[:2]:
                best = (n, pos, actor)
        return (best[2], best[1]) if best is not None else None

    def _event(self, tok: Token) -> Trigger | None:
        """The event-noun trigger a token is ("strikes", "support"), by lemma or form."""
        return self.lex.nouns.get(tok.lemma_.lower()) or self.lex.nouns.get(tok.lower_)

    def _is_asset(self, tok: Token) -> bool:
        return tok.lemma_.lower() in self.lex.assets or tok.lower_ in self.lex.assets

    def _list_heads(self, first: Token, seen: set[int]) -> list[Token]:
        """The heads of a comma list of noun phrases after ``first`` up to its end (";",
        a preposition, a finite verb), for lists the parser broke apart ("destroyed three
        buildings, a rocket propelled grenade launcher, a VBIED staging facility, and a
        VBIED;")."""
        out: list[Token] = []
        sent_end = first.sent.end
        k = first.i + 1
        while k < sent_end:
            tok = self.doc[k]
            if tok.text in (";", ":", ".") or tok.pos_ in ("ADP", "AUX", "PRON", "SCONJ"):
                break
            prev = self.doc[k - 1]
            if (
                tok.pos_ == "VERB"
                and tok.tag_ not in ("VBN", "VBG")
                and prev.pos_ not in ("NOUN", "PROPN", "ADJ")  # "a rocket propelled grenade"
            ):
                break
            nxt = self.doc[k + 1] if k + 1 < sent_end else None
            ends_phrase = nxt is None or (
                nxt.text in (",", ";", ".", ":") or nxt.pos_ in ("CCONJ", "ADP", "SCONJ", "DET")
            )
            if (tok.pos_ in ("NOUN", "PROPN") or self._is_asset(tok)) and ends_phrase:
                if k not in seen:
                    out.append(tok)
            k += 1
        return out

    def _phrase_start(self, tok: Token, lo: int) -> int:
        """Where the list item ending at ``tok`` begins (after the comma or conjunction)."""
        start = tok.i
        while (
            start - 1 > lo
            and self.doc[start - 1].text not in (",", ";")
            and (self.doc[start - 1].dep_ != "cc")
        ):
            start -= 1
        return start

    def _remember(self, trig: Trigger, sources: list[Arg]) -> None:
        if trig.category == "ASSAULT" and sources:
            self.last_assault_source = sources[0]

    def _agent_phrase(self, noun: Token) -> list[Arg]:
        """ "attacks by X", "attacks claimed by X", "strikes carried out by X"; "X claimed
        the attacks"; "the attacks, also claimed by X, killed ..." (parsed as a clause)."""
        preps: list[Token] = []
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "by":
                preps.append(child)
            elif child.dep_ == "acl" and child.tag_ == "VBN":
                preps.extend(g for g in child.children if g.dep_ == "agent")
        head = noun.head
        if noun.dep_ == "nsubj" and head.tag_ == "VBN":
            preps.extend(g for g in head.children if g.dep_ == "agent")
        elif noun.dep_ == "dobj" and head.lemma_.lower() in self.lex.claiming_verbs:
            subj_toks, passive = self.subject_tokens(head)
            if not passive:
                return [a for t in subj_toks for a in self.args(t)]
        elif (
            noun.dep_ == "pobj"
            and head.lower_ == "for"
            and head.head.lemma_.lower() == "responsibility"
            and head.head.head.lemma_.lower() in self.lex.claiming_verbs
        ):
            # "X claimed responsibility for the attack"
            subj_toks, passive = self.subject_tokens(head.head.head)
            if not passive:
                return [a for t in subj_toks for a in self.args(t)]
        return [
            a
            for prep in preps
            for pobj in prep.children
            if pobj.dep_ == "pobj"
            for a in self.args(pobj)
        ]

    def _noun_sources(self, noun: Token) -> tuple[list[Arg], Token]:
        """Who does what an event noun names: possessor, actor modifier, "by X", or the
        subject of a light verb ("conducted strikes", "provided support")."""
        sources = []
        for child in noun.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod"):
                sources.extend(self.args(child))
        sources.extend(self._agent_phrase(noun))
        anchor = noun
        # "the isolation of Raqqah and defeat of ISIL": a conjunct takes its first's place
        first = noun
        while first.dep_ in ("conj", "appos") and first.head.pos_ in ("NOUN", "PROPN"):
            first = first.head  # "... and defeat of ISIL"; "the same goal, the defeat of ISIL"
        if first is not noun and not sources:
            noun = first
        head = noun.head
        if (
            not sources
            and noun.dep_ == "pobj"
            and head.lower_ == "in"
            and head.head.dep_ == "dobj"
            and head.head.head.lemma_.lower() in self.lex.light_verbs
        ):
            noun = head.head  # "will provide $100 million in new assistance to X"
            head = noun.head
        elif (
            not sources
            and noun.dep_ == "pobj"
            and head.lower_ in ("including", "include")
            and head.head.pos_ in ("NOUN", "PROPN")
        ):
            # "conducted 10 airstrikes, including strikes against X": the whole's agent
            return self._noun_sources(head.head)
        if (
            not sources
            and noun.dep_ in ("dobj", "nsubjpass")
            and head.lemma_.lower() in self.lex.light_verbs
        ):
            subj_toks, passive = self.subject_tokens(head)
            if not passive:
                sources = [a for t in subj_toks for a in self.args(t)]
            anchor = head
        elif (
            not sources
            and noun.dep_ == "pobj"
            and head.dep_ == "prep"
            and head.head.pos_ in ("VERB", "AUX")
        ):
            # "joined the fight against ISIL", "took part in attacks on X"
            verb = head.head
            if verb.lemma_.lower() in self.lex.light_verbs or head.lower_ in ("in", "into"):
                subj_toks, passive = self.subject_tokens(verb)
                if not passive:
                    sources = [a for t in subj_toks for a in self.args(t)]
                anchor = verb
        elif noun.dep_ == "dobj" and head.lemma_.lower() in self.lex.light_verbs:
            anchor = head
        return sources, anchor

    def noun(self, noun: Token, trig: Trigger) -> Iterator[Candidate]:
        if noun.i in self.tok2span and self.tok2span[noun.i].root == noun:
            return  # the noun names an actor ("the Coalition") rather than an event
        received = list(self._received(noun, trig))
        if received:
            yield from received
            return
        if trig.category in ("SUPPORT", "AID", "COOPERATE") and noun.dep_ == "pobj":
            received = list(self._received_support(noun, trig))
            if received:
                yield from received
                return
        sources, anchor = self._noun_sources(noun)
        if trig.symmetric and trig.category in ("COOPERATE", "ALIGN") and self._soured(noun):
            trig = replace(trig, category="OPPOSE", mode="strained", preps={
                k: (None if v is None else replace(v, category="OPPOSE", mode="strained"))
                for k, v in trig.preps.items()
            })  # fmt: skip
        self._remember(trig, sources)
        mutual_before = len(sources) >= 2 and not any(
            c.dep_ == "prep" and c.lower_ in trig.preps for c in noun.children
        )
        if mutual_before and trig.symmetric and anchor is not noun:
            # "Saudi Arabia and Iran restored diplomatic relations"
            yield from self._mutual(sources, trig, noun.i, noun.i + 1, anchor, 0.7, 2)
        preps = list(noun.children)
        if (
            anchor is not noun
            and anchor.lemma_.lower() in self.lex.light_verbs
            and anchor.lemma_.lower() not in self.lex.verbs
        ):
            # "values the partnerships with our allies": the noun's preposition parsed
            # onto its light verb
            preps.extend(c for c in anchor.children if c.i > noun.i)
        for prep in preps:
            if prep.dep_ != "prep" or prep.lower_ not in trig.preps:
                continue
            sub = trig.preps[prep.lower_]
            if sub is None:
                continue
            pobjs = [c for c in prep.children if c.dep_ == "pobj"]
            for pobj in pobjs:
                targets = self.args(pobj)
                if sources and self._hostile(sub):
                    # "strikes against both tactical units and the oil infrastructure"
                    exclude = frozenset(a.actor.actor_id for a in sources)
                    targets.extend(self._asset_targets(pobj, exclude))
                if prep.lower_ == "between":
                    yield from self._mutual(targets, sub, noun.i, noun.i + 1, anchor, 0.7, 2)
                elif sources and targets:
                    self._remember(sub, sources)
                    yield from self._pairs(
                        sources,
                        targets,
                        sub,
                        noun.i,
                        noun.i + 1,
                        anchor,
                        0.7,
                        2,
                        symmetric=sub.symmetric or trig.symmetric,
                    )
        # "deliver ISIL a lasting defeat"
        if noun.dep_ == "dobj" and anchor is not noun and sources:
            for dative in anchor.children:
                if dative.dep_ == "dative" or (dative.dep_ == "dobj" and dative.i < noun.i):
                    yield from self._pairs(
                        sources, self.args(dative), trig, noun.i, noun.i + 1, anchor, 0.65, 2
                    )

    def _soured(self, noun: Token) -> bool:
        """ "tense relations", "relations ... have soured": ties that have turned hostile."""
        words = self.lex.souring_words
        if any(c.dep_ == "amod" and c.lower_ in words for c in noun.children):
            return True
        head = noun.head
        return noun.dep_ in ("nsubj", "nsubjpass") and (
            head.lemma_.lower() in words or head.lower_ in words
        )

    def _received(self, noun: Token, trig: Trigger) -> Iterator[Candidate]:
        """ "Iraqi forces continued to receive heavy fire from ISIL fighters", "came under
        attack from X": the one the event comes from acts on the clause's subject."""
        verb = noun.head
        if noun.dep_ == "pobj" and verb.lower_ == "under" and verb.head.lemma_ == "come":
            verb = verb.head
        elif noun.dep_ != "dobj" or verb.lemma_.lower() not in _RECEIVING:
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
        subj_toks, passive = self.subject_tokens(verb)
        if passive:
            return
        targets = [a for t in subj_toks for a in self.args(t)]
        sources = [a for t in froms for a in self.args(t)]
        yield from self._pairs(sources, targets, trig, noun.i, noun.i + 1, verb, 0.7, 2)

    def _received_support(self, noun: Token, trig: Trigger) -> Iterator[Candidate]:
        """ "With the support of the Coalition, the SDF retook X"; "aided by support from
        Turkey": the providers support the clause's subject."""
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
            for a in self.args(pobj)
        ]
        if not providers:
            return
        if gov.pos_ in ("NOUN", "PROPN"):
            # "Kurdish forces, with the help of US air strikes, drove ISIS out"
            helped = self.args(gov)
        else:
            subj_toks, passive = self.subject_tokens(gov)
            if passive and gov.dep_ != "advcl":
                return
            helped = [a for t in subj_toks for a in self.args(t)]
        yield from self._pairs(providers, helped, trig, noun.i, noun.i + 1, gov, 0.7, 2)

    def stance(self, noun: Token, trig: Trigger) -> Iterator[Candidate]:
        """Stance nouns: "X and Y are enemies", "X, an Iranian proxy", "Iran's ally Syria"."""
        partners: list[Arg] = []
        named: list[Arg] = []  # a demonym naming the ally itself ("its Russian backers")
        owners: list[Arg] = []
        for child in noun.children:
            if child.dep_ in ("poss", "amod", "compound", "nmod"):
                found = self.args(child)
                partners.extend(found)
                if child.dep_ != "poss":
                    named.extend(found)
                elif child.lower_ not in ("our", "my"):  # the speaker's side: too vague
                    owners.extend(found)
            elif child.dep_ == "prep" and child.lower_ in ("of", "to", "with"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found = self.args(pobj)
                        partners.extend(found)
                        owners.extend(found)
        heads: list[Arg] = []
        anchor = noun
        if noun.dep_ in ("attr", "oprd") and noun.head.lemma_ in _COPULAS:
            subj_toks, _ = self.subject_tokens(noun.head)
            heads = [a for t in subj_toks for a in self.args(t)]
            anchor = noun.head
        elif (regarded := self._regarded_as(noun)) is not None and not partners:
            # "Turkey regards the YPG as an enemy"
            heads, partners, anchor = regarded
        elif (
            noun.dep_ == "pobj"
            and noun.head.lower_ in ("as", "among")
            and noun.head.head.pos_ in ("VERB", "AUX")
        ):  # "X acts as Y's proxy"; "X has been among Y's staunchest supporters"
            subj_toks, _ = self.subject_tokens(noun.head.head)
            heads = [a for t in subj_toks for a in self.args(t)]
            anchor = noun.head.head
        elif noun.dep_ == "appos" or (
            noun.dep_ in ("compound", "nmod", "amod") and noun.head.i in self.tok2span
        ):
            heads = self.args(noun.head, conj=False)
        elif noun.dep_ == "nsubj" and noun.head.lemma_.lower() in _INCLUDE:
            # "Iran's allies include Hezbollah and the Houthis"
            heads = [a for c in noun.head.children if c.dep_ == "dobj" for a in self.args(c)]
            anchor = noun.head
        else:
            for child in noun.children:
                if child.dep_ == "appos":
                    heads.extend(self.args(child))
        if noun.i in self.tok2span:
            own = self.tok2span[noun.i]
            heads = [h for h in heads if h.start != own.start]
            # "our Coalition partners, especially the Turks": the noun names an actor, and
            # what stands in apposition to it is (part of) that actor, not its partner
            partners = [p for p in partners if p.start != own.start]
        if not heads and named and owners:
            heads, partners = named, owners  # "the regime and its Russian backers"
        elif heads and named and owners:
            partners = owners  # "the Syrian branch of al-Qaeda": the demonym only describes
        if not partners and len(heads) >= 2 and noun.tag_ in ("NNS", "NNPS"):
            yield from self._mutual(heads, trig, noun.i, noun.i + 1, anchor, 0.75, 1)
            return
        if trig.patron:
            yield from self._pairs(partners, heads, trig, noun.i, noun.i + 1, anchor, 0.75, 1)
        else:
            yield from self._pairs(heads, partners, trig, noun.i, noun.i + 1, anchor, 0.75, 1)

    def _regarded_as(self, noun: Token) -> tuple[list[Arg], list[Arg], Token] | None:
        """ "Turkey regards the YPG as a terrorist group", "X, which Turkey considers an
        enemy": (who regards, whom, the verb), for a noun that says what someone is taken for."""
        verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "as" else None
        if noun.dep_ in ("oprd", "xcomp") or (noun.dep_ == "ccomp" and noun.pos_ == "NOUN"):
            verb = noun.head  # "considers the YPG a terrorist group"
        if verb is None or verb.lemma_.lower() not in self.lex.regarding_verbs:
            return None
        subj_toks, passive = self.subject_tokens(verb)
        objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubj") and c.i > verb.i]
        objs += [c for c in noun.children if c.dep_ == "nsubj"]  # a small clause
        if passive:  # "the YPG is regarded as a terrorist group by Turkey"
            objs = subj_toks
            subj_toks = [
                p
                for holder in (verb, noun)
                for c in holder.children
                if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
                for p in c.children
                if p.dep_ == "pobj"
            ]
        holders = [a for t in subj_toks for a in self.args(t)]
        whom = [a for t in objs for a in self.args(t)]
        if verb.dep_ == "relcl" and not whom:
            whom = self.args(verb.head)  # "the YPG, which Turkey regards as ..."
        return holders, whom, verb

    def adjective(self, adj: Token, trig: Trigger) -> Iterator[Candidate]:
        if adj.dep_ == "amod" and adj.head.pos_ == "NOUN":
            regarded = self._regarded_as(adj.head)
            if regarded is not None:
                holders, whom, verb = regarded
                yield from self._pairs(holders, whom, trig, adj.i, adj.i + 1, verb, 0.7, 1)
                return
        if adj.dep_ in ("acomp", "attr", "oprd", "ROOT", "conj"):
            subj_toks, _ = self.subject_tokens(adj.head if adj.dep_ != "ROOT" else adj)
            if adj.dep_ == "ROOT":
                subj_toks = [c for c in adj.children if c.dep_ in _SUBJ]
            holders = [a for t in subj_toks for a in self.args(t)]
            anchor = adj.head if adj.dep_ != "ROOT" else adj
        elif adj.dep_ == "amod":
            holders = self.args(adj.head, conj=False)
            anchor = adj
        else:
            return
        if not holders:
            return
        for prep in adj.children:
            if prep.dep_ == "prep" and prep.lower_ in trig.preps:
                sub = trig.preps[prep.lower_] or trig
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        yield from self._pairs(
                            holders,
                            self.args(pobj),
                            sub,
                            adj.i,
                            adj.i + 1,
                            anchor,
                            0.7,
                            1,
                            symmetric=trig.symmetric,
                        )

    def compound(self, tok: Token, trig: Trigger) -> Iterator[Candidate]:
        """ "Iranian-backed militias", "the US-led coalition", "ISIL-held territory"."""
        src_span = self.tok2span.get(tok.i - 2)
        head = tok.head if tok.head != tok else tok
        if src_span is None:
            # "Iranian-backed": a demonym the actor layer left inside a larger phrase
            word = self.doc[tok.i - 2]
            actor = self.c.kb.lookup_adjective(word.text) or self.c.kb.lookup(word.text)
            if actor is None:
                return
            src = Arg(word.i, word.i + 1, _actor_ref(actor, "kb", 0.9))
            targets = [t for t in self.args(head, conj=False) if t.start > word.i]
            yield from self._pairs([src], targets, trig, tok.i - 2, tok.i + 1, tok, 0.75, 1)
            return
        src = self.span_arg(src_span)
        if src_span.start <= tok.i < src_span.end:
            return  # the whole compound is one actor name
        targets = self.args(head, conj=False)
        targets = [t for t in targets if not (t.start <= src.start < t.end)]
        yield from self._pairs([src], targets, trig, tok.i - 2, tok.i + 1, tok, 0.75, 1)

    def preposition(self, prep: Token, trig: Trigger) -> Iterator[Candidate]:
        """ "fought alongside X", "positions against ISIL": relate the clause's subject (or
        the modified actor) to the preposition's object."""
        pobjs = [pobj for pobj in prep.children if pobj.dep_ == "pobj"]
        targets = [a for pobj in pobjs for a in self.args(pobj)]
        if targets and self._hostile(trig):
            # "munitions against ISIL targets, which include three tactical units"
            for pobj in pobjs:
                extra = self._asset_targets(pobj, frozenset())
                targets.extend(a for a in extra if all(a.start != t.start for t in targets))
        if not targets:
            return
        gov = prep.head
        sources: list[Arg] = []
        anchor = gov
        if gov.i in self.tok2span:
            sources = self.args(gov, conj=False)
        elif gov.pos_ in ("VERB", "AUX"):
            # "advisers deployed alongside X": voice does not matter for the subject's side
            subj_toks, _ = self.subject_tokens(gov)
            sources = [a for t in subj_toks for a in self.args(t)]
        elif gov.pos_ == "NOUN" and (self._event(gov)):
            # an event noun has its own agent ("the regime's airstrikes against X"); the
            # clause's subject need not be it ("the US condemned attacks against civilians")
            sources, anchor = self._noun_sources(gov)
        elif gov.pos_ in ("NOUN", "PROPN"):
            # the clause's subject first ("Iraqi forces maintained their positions against X";
            # "conducted strikes ... using artillery against ISIL targets"), else the noun's own
            up, hops = gov, 0
            while up.head != up and hops < 6:
                up, hops = up.head, hops + 1
                if up.pos_ in ("VERB", "AUX"):
                    subj_toks, passive = self.subject_tokens(up)
                    if not passive or up.lemma_.lower() in _AGENTIVE_PASSIVES:
                        # "X was involved in the use of chemical weapons against Y"
                        sources = [a for t in subj_toks for a in self.args(t)]
                    anchor = up
                    break
            if not sources:
                sources, anchor = self._noun_sources(gov)
        yield from self._pairs(sources, targets, trig, prep.i, prep.i + 1, anchor, 0.6, 3)
        tool = gov
        if gov.pos_ == "VERB" and gov.lemma_.lower() in self.lex.instrument_verbs:
            # "using chemical weapons against civilians", the preposition on the verb
            tool = next((c for c in gov.children if c.dep_ == "dobj"), gov)
        if len(sources) == 1 and tool.pos_ in ("NOUN", "PROPN") and tool.i not in self.tok2span:
            tools = self._instruments(tool, sources[0])
            yield from self._pairs(tools, targets, trig, prep.i, prep.i + 1, anchor, 0.5, 3)

    def _instruments(self, noun: Token, user: Arg) -> list[Arg]:
        """ "strikes using attack and fighter aircraft as well as rocket artillery against X",
        "the use of IEDs and chemical weapons against Y": each weapon phrase, standing for
        the one actor that uses it."""
        verbs = self.lex.instrument_verbs
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
            if tok.i in self.tok2span:
                start = None  # an actor's own name is not its weapon
                continue
            if tok.lemma_.lower() in self.lex.instruments or tok.lower_ in self.lex.instruments:
                out.append(Arg(start, tok.i + 1, user.actor, user.via_reference))
                start = None
        return out

    def pattern(self, tok: Token, pattern: Pattern, sent: Span) -> Iterator[Candidate]:
        start, end = tok.i, tok.i + len(pattern.tokens)
        trig = pattern.trigger
        last = self.doc[end - 1]
        # who: the subject of the clause the pattern sits in ("X stands with Y": the verb);
        # a pattern on a noun belongs to that noun ("airstrikes in support of X": whoever
        # strikes; "supply routes in support of X": nobody named)
        gov = tok if tok.pos_ in ("VERB", "AUX") else tok.head
        heads: list[Arg] | None = None
        if (
            tok.pos_ == "ADP"
            and gov.pos_ in ("NOUN", "PROPN")
            and gov.i not in self.tok2span
            and not pattern.mutual
        ):
            if self._event(gov):
                heads, _ = self._noun_sources(gov)
            else:
                heads = self._modifier_actors(gov)
        hops = 0
        while gov.pos_ not in ("VERB", "AUX") and gov.head != gov and hops < 4:
            gov = gov.head
            hops += 1
        if heads is None and gov.dep_ == "acl" and gov.tag_ == "VBN" and self._event(gov.head):
            # "strikes coordinated with and in support of X": whoever strikes
            heads, _ = self._noun_sources(gov.head)
        if heads is None:
            subj_toks, passive = (
                self.subject_tokens(gov) if gov.pos_ in ("VERB", "AUX") else ([], False)
            )
            heads = [] if passive else [a for t in subj_toks for a in self.args(t)]
        if pattern.mutual:
            yield from self._mutual(heads, trig, start, end, gov, 0.7, 1)
            return
        targets: list[Arg] = []
        for child in last.children:
            if child.dep_ in ("pobj", "appos"):
                targets.extend(self.args(child))
        if not targets and end < sent.end:
            # the actor right after the pattern ("the war on a common enemy, ISIL")
            for k in range(end, min(sent.end, end + 4)):
                span = self.tok2span.get(k)
                if span is not None:
                    targets = [self.span_arg(span)]
                    break
        yield from self._pairs(heads, targets, trig, start, end, gov, 0.65, 2)

    # -- selection and records -----------------------------------------------------------
    def select(self, cands: list[Candidate]) -> list[Candidate]:
        """One relation per argument pair and trigger; a specific trigger beats a generic
        preposition for the same pair."""
        best: dict[tuple[Any, ...], Candidate] = {}
        for cand in cands:
            key = (cand.source.key(), cand.target.key(), cand.trigger_start)
            old = best.get(key)
            if old is None or (cand.rank, -cand.confidence) < (old.rank, -old.confidence):
                best[key] = cand
        chosen = sorted(
            best.values(), key=lambda c: (c.trigger_start, c.source.start, c.target.start)
        )
        specific_pairs = {frozenset((c.source.key(), c.target.key())) for c in chosen if c.rank < 3}
        return [
            c
            for c in chosen
            if c.rank < 3 or frozenset((c.source.key(), c.target.key())) not in specific_pairs
        ]

    def modality(self, cand: Candidate, sent: Span, *, depth: int = 0) -> tuple[bool, bool]:
        """(negated, hypothetical) of the clause that carries the relation."""
        lex = self.lex
        anchor = cand.anchor
        ender = None
        if anchor.lemma_.lower() in lex.ending_verbs and anchor.i != cand.trigger_start:
            ender = anchor  # "ended its support for X": the event noun's light verb
        elif anchor.dep_ == "xcomp" and anchor.head.lemma_.lower() in lex.ending_verbs:
            ender = anchor.head  # "stopped arming X"
        if ender is not None and depth == 0:
            at_ender = replace(cand, anchor=ender, trigger_start=ender.i)
            end_negated, end_hypothetical = self.modality(at_ender, sent, depth=1)
            if end_hypothetical:
                return False, False  # "urged Russia to cease airstrikes": they go on
            return not end_negated, False  # stopped: no longer; "did not stop": still
        negated = hypothetical = False
        if sent.text.rstrip().endswith("?") and _interrogative(sent):
            hypothetical = True
        trig_tok = self.doc[cand.trigger_start]
        for tok in {trig_tok, cand.anchor}:
            for child in tok.children:
                if child.dep_ == "det" and child.lower_ in ("no", "neither"):
                    negated = True
        tok = cand.anchor
        seen = 0
        while seen < 6:
            seen += 1
            for child in tok.children:
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
                    negated = True
                elif (
                    (
                        child.dep_ in ("aux", "auxpass")
                        and (
                            low in lex.modal_auxiliaries
                            or child.lemma_.lower() in lex.modal_auxiliaries
                        )
                    )
                    or (
                        child.dep_ == "aux"
                        and low == "to"
                        and tok.dep_
                        in ("xcomp", "advcl", "acl", "relcl", "ccomp", "pcomp", "csubj")
                        and not _done_with(tok)
                        and not (tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _ASPECTUAL)
                    )
                    or (child.dep_ == "mark" and low in ("if", "unless", "whether", "lest"))
                ):
                    hypothetical = True
                elif child.dep_ in ("nsubj", "nsubjpass") and any(
                    d.dep_ == "det" and d.lower_ in ("no", "neither") for d in child.children
                ):
                    negated = True
            if tok.dep_ == "pcomp" and tok.head.lower_ == "without":
                negated = True
            if tok.dep_ == "conj" and any(c.dep_ in _SUBJ for c in tok.children):
                break  # a conjoined clause with its own subject has its own modality
            if tok.dep_ in ("xcomp", "conj", "advcl", "ccomp", "acomp") and tok.head != tok:
                head = tok.head
                if tok.dep_ in ("xcomp", "ccomp", "acomp") and (
                    head.lemma_.lower() in lex.irrealis_verbs or head.lower_ in lex.irrealis_verbs
                ):
                    hypothetical = True
                if tok.dep_ in ("xcomp", "ccomp") and head.lemma_.lower() in lex.negating_verbs:
                    # "denies arming X", "refused to attack X"; "did not deny arming X" is no
                    # denial
                    denied = not any(c.dep_ == "neg" for c in head.children)
                    negated = negated != denied
                    break
                if tok.dep_ == "ccomp" and head.lemma_.lower() in lex.speech_verbs:
                    break  # reported speech: the claim's own modality only
                if tok.dep_ == "advcl" and not any(
                    c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children
                ):
                    break
                tok = head
                continue
            break
        # "going to", "be expected to"
        if cand.anchor.dep_ == "xcomp" and cand.anchor.head.lower_ in (
            "going",
            "expected",
            "likely",
            "set",
            "poised",
            "able",
            "unable",
        ):
            hypothetical = True
        return negated, hypothetical

    def attribution(self, cand: Candidate, sent: Span) -> ActorArg | None:
        """Who claims the relation: the subject of a governing speech verb, "according to X",
        or the speaker of a quote that contains the trigger."""
        tok = cand.anchor
        hops = 0
        while tok.head != tok and hops < 8:
            hops += 1
            speech = tok.dep_ in ("ccomp", "parataxis") and (
                tok.head.lemma_.lower() in self.lex.speech_verbs
            )
            accusation = (
                tok.dep_ == "pcomp"
                and tok.head.lower_ in ("of", "for", "with")
                and tok.head.head.lemma_.lower() in self.lex.accusing_verbs
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
                        for a in self.args(p)
                    ]
                    return self.actor_arg(agents[0]) if agents else None
            if speech or accusation:
                subj_toks, _ = self.subject_tokens(tok.head)
                for st in subj_toks:
                    args = self.args(st)
                    if args:
                        a = args[0]
                        return self.actor_arg(a)
                    span = self.doc[st.left_edge.i : st.right_edge.i + 1]
                    return ActorArg(text=span.text, start=span.start_char, end=span.end_char)
                break
            tok = tok.head
        for t in sent:
            if t.lower_ == "according" and t.i + 1 < sent.end and self.doc[t.i + 1].lower_ == "to":
                for pobj in self.doc[t.i + 1].children:
                    if pobj.dep_ == "pobj":
                        args = self.args(pobj)
                        if args:
                            return self.actor_arg(args[0])
                        span = self.doc[pobj.left_edge.i : pobj.right_edge.i + 1]
                        return ActorArg(text=span.text, start=span.start_char, end=span.end_char)
        trig_char = self.doc[cand.trigger_start].idx
        for quote in self.doc._.quotes or ():
            if quote.start <= trig_char < quote.end and quote.speaker is not None:
                speaker: ActorArg = quote.speaker
                return speaker
        return None

    def actor_arg(self, arg: Arg) -> ActorArg:
        span = self.doc[arg.start : arg.end]
        return ActorArg(
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            actor_id=arg.actor.actor_id,
            actor_name=arg.actor.actor_name,
        )

    def to_record(self, cand: Candidate, sent: Span, index: int) -> Relation:
        negated, hypothetical = self.modality(cand, sent)
        if negated and cand.trigger.negated_as is not None:
            # "do not trust" states distrust as a fact
            cand.trigger = cand.trigger.negated_as
            negated = False
        info = self.lex.info(cand.trigger)
        trig = self.doc[cand.trigger_start : cand.trigger_end]
        return Relation(
            id=f"{self.doc_id}:r{index}",
            doc_id=self.doc_id,
            sentence=SentenceRef(text=sent.text, start=sent.start_char, end=sent.end_char),
            source=self.actor_arg(cand.source),
            target=self.actor_arg(cand.target),
            category=cand.trigger.category,  # type: ignore[arg-type]
            mode=cand.trigger.mode,
            quad_class=info.quad_class,  # type: ignore[arg-type]
            sign=info.sign,  # type: ignore[arg-type]
            intensity=info.intensity,
            negated=negated,
            hypothetical=hypothetical,
            symmetric=cand.symmetric,
            trigger=TextSpan(text=trig.text, start=trig.start_char, end=trig.end_char),
            attributed_to=self.attribution(cand, sent),
            confidence=round(min(1.0, cand.confidence), 3),
        )
