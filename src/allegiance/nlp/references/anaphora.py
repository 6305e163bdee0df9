"""Pronouns and definite descriptions ("the regime", "this terrorist group") resolved to the
nearest fitting earlier mention within a few sentences."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator

from spacy.tokens import Doc, Token

from ...kb import ActorKB, normalize
from ...lexicon.references import ReferenceData
from ..actors._base import _RecognizerBase
from ..actors.mentions import _Cand, _SortedMentions, quoted_tokens
from .binding import (
    _binders,
    _clause_subject_actors,
    _is_speaker,
    _of_mention,
    _they_rank,
    local_kind,
    reflexive_binders,
)
from .genders import PersonGenders

__all__ = ["Anaphora"]

_GROUP_TYPES = frozenset({"insurgent", "militia", "rebel", "party"})

_Fits = Callable[[_Cand], bool]


#: the dependencies of a subject pronoun
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


class Anaphora:
    """One document's anaphora pass over ``mentions`` (sorted by start).

    Every lookup starts at the last mention before the token (found by bisection) and stops at
    the edge of its window, so that the cost per pronoun does not grow with the length of the
    document.
    """

    def __init__(
        self,
        rec: _RecognizerBase,
        doc: Doc,
        mentions: list[_Cand],
        taken: list[bool],
        refs: ReferenceData,
    ) -> None:
        self.rec, self.kb, self.doc = rec, rec.kb, doc
        self.mentions, self.taken = mentions, taken
        self.sent_of = [0] * len(doc)
        sent_start = [0] * len(doc)
        for k, sent in enumerate(doc.sents):
            for i in range(sent.start, sent.end):
                self.sent_of[i], sent_start[i] = k, sent.start
        # "she" is a person who may be a woman: the gender rules the quote speakers use too
        names = {
            (c.start, c.end): actor.name
            for c in mentions
            if c.type == "person" and (actor := rec.kb.get(c.actor_id)) is not None
        }
        self.genders = PersonGenders(doc, rec.gender, sent_start.__getitem__, names)
        self.out: list[_Cand] = []
        self.starts = [c.start for c in mentions]
        # the mentions and the resolved references so far, in the order of a stable sort of
        # ``[*mentions, *out]`` by start
        self.pool = _SortedMentions(mentions)
        self.known = _SortedMentions(mentions)
        self.refs = refs
        self.p_speaker, self.p_we = refs.family("speaker"), refs.family("we")
        self.p_person, self.p_they = refs.family("person"), refs.family("they")
        self.group_heads = refs.family("group_heads")
        self.gov_heads = refs.family("government_heads")
        self.organ_heads = refs.family("organ_heads")
        # "the Parliament", and a title written as a name: "the Deputy Secretary"
        self.named_heads = self.organ_heads | rec.agents.titles
        self.words: list[frozenset[str]] | None = None
        self.by_word: dict[str, list[int]] = {}
        self.first_named: dict[str, _Cand] = {}
        self.by_end: dict[int, list[_Cand]] = {}
        for cand in mentions:
            if cand.resolved_by != "coref":
                self.first_named.setdefault(cand.actor_id, cand)
            self.by_end.setdefault(cand.end, []).append(cand)
        self.quoted = quoted = quoted_tokens(doc)
        self.author = rec.author_of(doc)
        # first person singular outside quotations: opinion writing, where "we" is the writer's too
        self.opinion = any(
            t.lower_ in self.p_speaker and t.pos_ == "PRON" and not quoted[t.i] for t in doc
        )

    # -- lookups -----------------------------------------------------------------------------
    def nearest(self, i: int, ok: _Fits, window: int | None = None) -> _Cand | None:
        """The nearest earlier mention that fits, within ``window`` sentences back."""
        if window is None:
            window = self.refs.window_sentences
        mentions, sent_of = self.mentions, self.sent_of
        # mentions from bisect_left(starts, i) on start at or after i: none ends before it
        for j in range(bisect_left(self.starts, i) - 1, -1, -1):
            cand = mentions[j]
            if cand.end > i:
                continue
            if sent_of[cand.start] < sent_of[i] - window:
                return None
            if ok(cand):
                return cand
        return None

    def nearest_named(self, i: int, required: tuple[str, ...]) -> _Cand | None:
        """The nearest earlier mention whose normalised name or text has all the words
        ``required`` (any distance back), looked up by the first word."""
        mentions, doc = self.mentions, self.doc
        if self.words is None:
            # normalised once per mention, not once per comparison
            self.words = [
                frozenset(normalize(c.name).split())
                | frozenset(normalize(doc[c.start : c.end].text).split())
                for c in mentions
            ]
            for j, ws in enumerate(self.words):
                for w in ws:
                    self.by_word.setdefault(w, []).append(j)
        words = self.words
        with_first = self.by_word.get(required[0], [])
        for n in range(bisect_left(with_first, bisect_left(self.starts, i)) - 1, -1, -1):
            j = with_first[n]
            if mentions[j].end <= i and all(x in words[j] for x in required[1:]):
                return mentions[j]
        return None

    def salient(self, i: int, ok: _Fits, window: int) -> _Cand | None:
        """Like ``nearest``, but within the nearest sentence that offers a candidate, a
        subject (or the focus of "it was X who") beats a nearer object; earlier
        pronouns count, so chains ("their fighters ... they") are followed."""
        sent_of = self.sent_of
        best: _Cand | None = None
        for cand in self.pool.before(i):
            # mentions further back are all outside the window: none can become ``best``
            if sent_of[cand.start] < sent_of[i] - window:
                break
            if cand.end > i or not ok(cand):
                continue
            if best is not None and sent_of[cand.start] != sent_of[best.start]:
                break
            if best is None or _they_rank(self.doc, cand) > _they_rank(self.doc, best):
                best = cand
        return best

    def _people_before(self, i: int) -> Iterator[tuple[int, int]]:
        """The person mentions that end by token ``i``, the latest first."""
        for j in range(bisect_left(self.starts, i) - 1, -1, -1):
            cand = self.mentions[j]
            if cand.type == "person" and cand.end <= i:
                yield cand.start, cand.end

    def _names_actor(self, i: int) -> bool:
        """Whether token ``i`` is inside a mention other than a first-person pronoun."""
        first_person, doc = self.refs.first_person, self.doc
        return any(
            not (doc[c.start].pos_ == "PRON" and doc[c.start].lower_ in first_person)
            for c in self.pool.covering(i)
        )

    # -- results -----------------------------------------------------------------------------
    def add(self, start: int, end: int, ante: _Cand, actor_id: str | None = None) -> None:
        """A reference over ``start:end`` to ``ante`` (or to ``actor_id``, its sub-actor)."""
        actor = self.kb.get(actor_id) if actor_id else None
        if actor is not None:
            cand = self.rec._cand(
                start, end, actor, "coref", by="coref", conf=0.5 * ante.confidence
            )
        else:
            cand = _Cand(start, end, ante.actor_id, "coref", round(0.5 * ante.confidence, 3),
                         "coref", ante.name, ante.type)  # fmt: skip
        for k in range(start, end):
            self.taken[k] = True
        self.out.append(cand)
        self.pool.insert(cand)

    def add_author(self, i: int) -> None:
        """The author's first person at token ``i`` (not a candidate antecedent)."""
        if self.author is None:
            return
        cand = self.rec._cand(i, i + 1, self.author, "coref", by="coref", conf=0.6)
        self.taken[i] = True
        self.out.append(cand)

    # -- the pass ----------------------------------------------------------------------------
    def run(self) -> list[_Cand]:
        """Resolve every pronoun and definite description not yet taken; the new mentions."""
        for tok in self.doc:
            if self.taken[tok.i]:
                continue
            if _capitalised_us(tok):
                continue  # "agreed to US mediation": the United States, never "us"
            if tok.pos_ == "PRON" or tok.lower_ in self.p_we:
                self._pronoun(tok)
            elif tok.pos_ == "NOUN" or (
                tok.pos_ == "PROPN" and tok.lemma_.lower() in self.named_heads
            ):
                self._description(tok)
        return self.out

    def _pronoun(self, tok: Token) -> None:
        low = tok.lower_
        if low in self.p_speaker and not self.quoted[tok.i]:
            # the author's "I" is the author, never a person the text mentions
            self.add_author(tok.i)
        elif low in self.p_person or low in self.p_speaker:
            # "Lula invited him": an object pronoun is not its own clause's subject
            bound = _clause_subject_actors(self.doc, tok, self.pool.covering)

            def fits(c: _Cand) -> bool:
                return (
                    c.type == "person"
                    and c.actor_id not in bound
                    and self.genders.agrees(c.start, c.end, low, self._people_before)
                )

            # "Biden called Netanyahu. He urged him ...": a subject pronoun continues the
            # subject of the nearest sentence that names someone who fits, not its object
            named = (  # a name, not another pronoun ("I" in a quote is no "she")
                self.salient(tok.i, lambda c: fits(c) and self.doc[c.start].pos_ != "PRON", 1)
                if tok.dep_ in _SUBJECTS
                else None
            )
            ante = named or self.nearest(tok.i, fits)
            if ante is not None:
                self.add(tok.i, tok.i + 1, ante)
        elif low in self.p_we:
            self._we(tok)
        elif low == "themselves" and (own := reflexive_binders(tok, self.pool.covering)):
            self.add(tok.i, tok.i + 1, own[0])  # bound to its clause's subject
        elif low in self.p_they:
            # binding: "they do not trust them": an object pronoun is not its own
            # clause's subject
            bound = _clause_subject_actors(self.doc, tok, self.pool.covering)
            first_person = self.refs.first_person
            kind = local_kind(tok, self.refs.descriptions, self._names_actor)
            ante = self.salient(
                tok.i,
                lambda c: (
                    c.type != "person"
                    and (kind is None or c.type in kind)
                    and c.actor_id not in bound
                    and not self._victims(c)
                    and not self._named_state(c)  # "Ankara said they ...": not Ankara
                    # "they" is never "we" (but may be "the US", spelled like "us")
                    and not (
                        self.doc[c.start].lower_ in first_person
                        and self.doc[c.start].pos_ == "PRON"
                    )
                ),
                window=1,
            )
            if ante is not None:
                self.add(tok.i, tok.i + 1, ante)

    def _named_state(self, cand: _Cand) -> bool:
        """Whether a mention is a state or government named by a singular proper name
        ("Turkey", "Ankara", "the Kremlin"), which news refers back to as "it", not "they"
        (unless it is one of several: "The US and Britain condemned the coup. They ...")."""
        head = self.doc[cand.end - 1]
        return (
            cand.type in ("state", "government")
            and head.tag_ == "NNP"
            and head.dep_ != "conj"
            and not any(c.dep_ == "conj" for c in head.children)
        )

    def _victims(self, cand: _Cand) -> bool:
        """Whether a mention is counted victims ("killed 23 people"), whom a later "they" is
        not: the actor layer reads a bare "people" as civilians only there."""
        return cand.end - cand.start == 1 and self.rec._counted_noun(self.doc[cand.start])

    def _we(self, tok: Token) -> None:
        """ "we" is the speaker's side: the speaker's affiliation, or the organisation named in
        the speaker's sentence; never the nearest name (often the enemy)."""
        if self.opinion and not self.quoted[tok.i]:
            self.add_author(tok.i)  # an editorial "we" is the writer, not the nation
            return
        doc = self.doc
        speaker = self.nearest(tok.i, lambda c: c.type == "person" or _is_speaker(doc, c))
        if speaker is None:
            if not self.quoted[tok.i]:
                self.add_author(tok.i)  # "We condemn ...": the issuer of the statement
            return
        if speaker.type != "person":
            self.add(tok.i, tok.i + 1, speaker)
            return
        actor = self.kb.get(speaker.actor_id)
        if actor is not None and actor.affiliation:
            self.add(tok.i, tok.i + 1, speaker, actor.affiliation)
            return
        if speaker.resolved_by == "coref":  # "he added": where he was named
            speaker = self.first_named.get(speaker.actor_id, speaker)
        org = self._speaker_org(tok, speaker)
        if org is not None:
            self.add(tok.i, tok.i + 1, org)

    def _speaker_org(self, tok: Token, speaker: _Cand) -> _Cand | None:
        """The organisation of the speaker's title ("Pentagon Press Secretary X"), else the
        first named in the speaker's sentence; never what "our" itself qualifies ("our
        Kurdish partners")."""
        org = next((c for c in self.by_end.get(speaker.start, ()) if c.type != "person"), None)
        if org is not None:
            return org
        sent_of, starts = self.sent_of, self.starts
        k = sent_of[speaker.start]
        # the sentence's mentions are a run of the start-sorted list
        lo = bisect_left(sent_of, k)
        hi = bisect_left(sent_of, k + 1)
        return next((c for c in self.mentions[bisect_left(starts, lo) : bisect_left(starts, hi)]
                     if c.type != "person" and c.resolved_by != "coref"
                     and c.start != tok.i + 1), None)  # fmt: skip

    def _description(self, tok: Token) -> None:
        """A definite description: "the group", "the regime", "the secretary"."""
        taken = self.taken
        dets = [c for c in tok.children if c.dep_ == "det" and c.lower_ in self.refs.definite]
        if not dets or tok.i - dets[0].i > 4 or any(taken[k] for k in range(dets[0].i, tok.i)):
            return
        det = dets[0].i
        lemma = tok.lemma_.lower()
        if tok.i + 1 < len(self.doc) and taken[tok.i + 1]:
            return  # "the militant group Hamas", "the rebel group M23": the name that follows
        if lemma in self.group_heads:
            ante = self.nearest(tok.i, lambda c: c.type in _GROUP_TYPES, window=6)
        elif lemma in self.gov_heads:
            self._government(tok, det)
            return
        elif lemma in self.organ_heads:
            self._government(tok, det, organ=lemma)
            return
        else:
            # "the secretary" is the Secretary named before, "the assistant secretary"
            # is not: every modifier must be in the antecedent's name too
            mods = [c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")]
            ante = self.nearest_named(tok.i, (lemma, *mods))
        if ante is not None:
            self.add(det, tok.i + 1, ante)

    def _government(self, tok: Token, det: int, organ: str | None = None) -> None:
        """ "the regime", "the government": of the state its conjunct names, else the nearest
        government or state that is not its own clause's subject. With ``organ`` ("army",
        "court"), that organ of the same state, never the antecedent itself."""
        kb = self.kb
        word = organ or "government"
        # "the government and people of Iraq": the state its conjunct names
        owner = _of_mention(tok, self.pool.covering)
        country = kb.country_of(owner.actor_id) if owner is not None else None
        if owner is not None and country is not None:
            sub = kb.sub_actor(country, word)
            if sub is not None:
                self.add(det, tok.i + 1, owner, sub.id)
                return
        # "Russia has a responsibility to press the regime": not its own clause's
        # subject (nor the one who controls it), nor their country when they are the state or
        # one of its organs ("Iranian students denounced the regime": Iran's)
        binders = [m for s in _binders(tok) for m in self.known.covering(s.i)]
        bound = {
            kb.country_of(m.actor_id) or m.actor_id
            for m in binders
            if _of_the_state(kb, m.actor_id) and organ is None
        }
        # ... or of the country of its people, rebels or press ("Iranian students")
        ante = self.nearest(
            tok.i,
            lambda c: (
                (
                    c.type in {"government", "state"} or not _of_the_state(kb, c.actor_id)
                    if organ is None
                    else kb.country_of(c.actor_id) is not None  # "Kenyan police ... the court"
                )
                and (kb.country_of(c.actor_id) or c.actor_id) not in bound
            ),
            window=6,
        )
        # a court, a legislature or a justice ministry is no government of its own: "Kenya's
        # High Court blocked the government's plan" is Kenya's government
        other = ante is not None and ante.type == "government" and _not_executive(kb, ante.actor_id)
        if ante is not None and (ante.type != "government" or other or organ is not None):
            country = ante.actor_id if ante.type == "state" else kb.country_of(ante.actor_id)
            sub = kb.sub_actor(country, word) if country else None
            # an organ of its own clause's subject's state is that state's ("Kenya's
            # government accused the opposition"), but never the subject itself
            own = sub is not None and any(m.actor_id == sub.id for m in binders)
            if sub is not None and not own and (organ is None or kb.country_of(sub.id) == country):
                self.add(det, tok.i + 1, ante, sub.id)
            return
        if ante is not None:
            self.add(det, tok.i + 1, ante)


def _not_executive(kb: ActorKB, actor_id: str) -> bool:
    """Whether a government-type actor is a court or a legislature, not the executive."""
    actor = kb.get(actor_id)
    return actor is not None and actor.sector in ("judiciary", "legislature")


def _of_the_state(kb: ActorKB, actor_id: str) -> bool:
    """Whether the actor is a state, one of its organs (government, armed forces: it has a
    parent) or no part of a country at all; not a country's civilians, rebels or media."""
    actor = kb.get(actor_id)
    if actor is None or actor.type == "state" or actor.parent is not None:
        return True
    return kb.country_of(actor_id) is None


def _capitalised_us(tok: Token) -> bool:
    """ "US" in capitals outside an all-capitals line is the country's abbreviation, not the
    pronoun "us" ("Barak agreed to US mediation"; "LET US PRAY" is a shouted pronoun)."""
    if tok.text != "US":
        return False
    sent = tok.sent
    words = [t for t in sent if t.is_alpha and len(t.text) > 3]
    return not words or not all(t.is_upper for t in words)
