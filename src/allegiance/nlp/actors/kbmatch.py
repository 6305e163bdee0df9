"""Knowledge-base matches: aliases, metonyms and demonyms, with the agent phrase they head."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ...geo.gazetteer import Gazetteer
from ...kb import Actor, normalize
from .match_filters import _MatchFiltersMixin
from .mentions import _CONFIDENCE, _Cand, _greedy
from .places import _PlacesMixin


class _KBMatchMixin(_PlacesMixin, _MatchFiltersMixin):
    """The knowledge-base pass: matched names, grown into sub-actors ("Iranian troops") and
    person titles, and dropped where a country name is a place."""

    def _kb_candidates(self, doc: Doc) -> list[_Cand]:
        strings = doc.vocab.strings
        raw: list[_Cand] = []
        war: bool | None = None  # whether the document names the coalition's war, read once
        for match_id, start, end in [*self._lower(doc), *self._orth(doc)]:
            tag, actor_id = strings[match_id].split("|", 1)
            actor = self.kb.get(actor_id)
            if actor is None:
                continue
            if tag == "T" and (start == 0 or doc[start - 1].lower_ != "the"):
                continue
            if self._not_this_actor(doc, tag, start, end, actor):
                continue
            if actor.sector == "coalition" and end - start == 1 and doc[start].is_lower:
                # "Poland's ruling coalition", "coalition talks": no war coalition
                war = self._coalition_war(doc) if war is None else war
                if not war:
                    continue
            kind = {"A": "alias", "T": "alias", "M": "metonym", "J": "adjective"}[tag]
            raw.append(self._cand(start, end, actor, kind))
        raw = self._word_readings(doc, raw)
        # Longest first; at equal length an alias beats an adjective reading of the same words.
        base = _greedy(raw, kind_rank={"alias": 0, "metonym": 1, "adjective": 2})
        base.sort(key=lambda c: c.start)
        out: list[_Cand] = []
        i = 0
        while i < len(base):
            cand = base[i]
            nxt = base[i + 1] if i + 1 < len(base) else None
            joined = self._joined(doc, cand, nxt)
            if joined:
                out.extend(joined)
                i += 2
                continue
            # "Kurdish Peshmerga", "Syrian Kurdish fighters": the demonym qualifies what follows.
            if cand.kind == "adjective" and nxt is not None and nxt.start == cand.end:
                nxt_actor = self.kb.get(nxt.actor_id)
                if (organ := self._national_organ(doc, nxt, cand.actor_id)) is not None:
                    out.append(
                        self._cand(cand.start, nxt.end, organ, "compound")
                    )  # "Polish Senate"
                    i += 2
                    continue
                if nxt_actor is not None and nxt_actor.sector != "generic":
                    nxt.start = cand.start
                    i += 1
                    continue
                # "our Kurdish partners", "Turkish allies": the demonym's actor itself.
                if doc[nxt.end - 1].lower_ in self.agents.self_nouns and all(
                    t.lower_ in self.agents.modifiers for t in doc[cand.end : nxt.end - 1]
                ):
                    actor = self.kb.get(cand.actor_id)
                    assert actor is not None
                    out.append(self._cand(cand.start, nxt.end, actor, "compound"))
                    i += 2
                    continue
                # "Syrian opposition forces": the generic phrase is the demonym's agent phrase.
                resolved = self._resolve(doc, cand)
                if resolved is not None and resolved.end >= nxt.end:
                    out.append(resolved)
                    i += 2
                    continue
            resolved = self._resolve(doc, cand)
            if resolved is not None:
                out.append(self._short_of_name(cand, resolved, nxt))
            i += 1
        kept: list[_Cand] = []
        for cand in out:
            if cand.type == "person":
                start = self._title_start(doc, cand.start)
                # "Iraqi Prime Minister Haider al-Abadi": the demonym belongs to the title.
                while kept and kept[-1].kind == "adjective" and kept[-1].start >= start:
                    kept.pop()
                cand.start = max(start, kept[-1].end if kept else 0)
            kept.append(cand)
        return kept

    def _short_of_name(self, cand: _Cand, resolved: _Cand, nxt: _Cand | None) -> _Cand:
        """A generic phrase whose agent word begins the specific name after it stops short of
        the name ("the aid group Doctors Without Borders": "Doctors" is the group's name, not
        the generic's agent noun)."""
        nxt_actor = self.kb.get(nxt.actor_id) if nxt is not None else None
        if (
            nxt is None
            or nxt_actor is None
            or nxt_actor.sector == "generic"
            or not cand.end <= nxt.start < resolved.end
        ):
            return resolved
        if resolved.actor_id != cand.actor_id:
            return cand
        resolved.end = nxt.start
        return resolved

    def _coalition_war(self, doc: Doc) -> bool:
        """Whether a document names the military coalition's war (``coalition_context``): only
        there is a bare lower-case "coalition" that coalition; a capitalised or longer name
        always is."""
        words = self.agents.place("coalition_context")
        return any(t.lower_ in words for t in doc)

    def _alliance_members(self, doc: Doc, cand: _Cand, nxt: _Cand | None) -> _Cand | None:
        """ "NATO allies", "EU partners": the members of an alliance are the alliance ("US
        allies" are not the US: only alliances and organisations)."""
        if nxt is None or nxt.start != cand.end or cand.kind != "alias":
            return None
        actor = self.kb.get(cand.actor_id)
        nxt_actor = self.kb.get(nxt.actor_id)
        if (
            actor is not None
            and actor.type == "igo"
            and nxt_actor is not None
            and nxt_actor.sector == "generic"
            and doc[nxt.end - 1].lower_ in self.agents.self_nouns
        ):
            return self._cand(cand.start, nxt.end, actor, "alias")
        return None

    def _joined(self, doc: Doc, cand: _Cand, nxt: _Cand | None) -> list[_Cand]:
        """A match read with the next one: an alliance's members ("NATO allies") or a
        country's namesake of another's party ("South Korea's Democratic Party")."""
        members = self._alliance_members(doc, cand, nxt)
        if members is not None:
            return [members]
        if (
            nxt is not None
            and cand.kind == "alias"
            and nxt.start == cand.end + 1
            and doc[cand.end].tag_ == "POS"
            and (organ := self._national_organ(doc, nxt, cand.actor_id)) is not None
        ):
            # "Colombia's Senate" (the US Senate by name), as "Brazil's Supreme Court"
            return [self._cand(cand.start, nxt.end, organ, "compound")]
        namesake = self._foreign_namesake(doc, cand, nxt)
        if namesake is None:
            return []
        # "South Korea's" stays the country
        return [namesake] if cand.kind == "adjective" else [cand, namesake]

    def _foreign_namesake(self, doc: Doc, cand: _Cand, nxt: _Cand | None) -> _Cand | None:
        """A party or government name the knowledge base gives one country, qualified by
        another ("South Korea's Democratic Party", "the Korean Democratic Party", "South
        Sudan's Government of National Unity"): that country's own namesake, a provisional
        actor keyed by the country and the name; None otherwise ("the US Democratic Party",
        "Iraq's Kurdistan Democratic Party")."""
        if nxt is None:
            return None
        possessive = nxt.start == cand.end + 1 and doc[cand.end].tag_ == "POS"
        if not (
            (cand.kind == "adjective" and nxt.start == cand.end)
            or (cand.kind == "alias" and possessive)
        ):
            return None
        owner = self.kb.get(cand.actor_id)
        actor = self.kb.get(nxt.actor_id)
        if (
            owner is None
            or owner.type != "state"
            or actor is None
            or actor.type not in ("party", "government")
            or actor.country in (None, owner.id)
            or nxt.kind != "alias"
            or self._national_organ(doc, nxt, owner.id) is not None  # "the Polish Senate"
        ):
            return None
        name = doc[nxt.start : nxt.end].text
        start = nxt.start if possessive else cand.start
        key = normalize(f"{owner.name} {name}")
        return _Cand(start, nxt.end, f"NER:{key}", "ner", _CONFIDENCE["ner"], "ner", name,
                     actor.type)  # fmt: skip

    def _national_organ(self, doc: Doc, cand: _Cand, owner_id: str) -> Actor | None:
        """The organ of ``owner_id``'s country that a bare institution word names, when the
        knowledge base gives the word to another country's organ: "Senate", "Congress" are the
        US legislature's names, "the Polish Senate" is Poland's; None otherwise."""
        actor = self.kb.get(cand.actor_id)
        country = self.kb.country_of(owner_id)
        if (
            actor is None
            or country is None
            or cand.kind != "alias"
            or cand.end - cand.start > 3
            or actor.parent is None
            or actor.country in (None, country)
            or self.agents.classify(doc[cand.end - 1].text) is None
        ):
            return None
        # "the Polish Senate", "Brazilian federal police" (Iraq's Federal Police by name)
        return self.kb.sub_actor(country, doc[cand.end - 1].text)

    def _bare_institutions(self, doc: Doc, chosen: list[_Cand]) -> list[_Cand]:
        """A bare institution word ("Congress", "Senate") in a sentence about one other
        country's institutions and none of its own is that country's: "Argentine President
        Javier Milei vetoed a bill passed by Congress", "In Peru, Congress voted to remove the
        president". "Congress passed sanctions on Iran" stays the US Congress: Iran is only
        acted on."""
        by_sent = _by_sentence(doc, chosen)
        out = []
        for cand in chosen:
            sent = doc[cand.start].sent
            here = [m for m in by_sent[sent.start] if m is not cand]
            owner = self._national_owner(sent, here)
            named = {self.kb.country_of(m.actor_id) for m in here}
            # a bare word only: "the Syrian regime" names its own country
            bare = cand.end - cand.start == 1
            if owner is not None and bare and self.kb.country_of(cand.actor_id) not in named:
                organ = self._national_organ(doc, cand, owner)
                if organ is not None:
                    cand = self._cand(cand.start, cand.end, organ, "compound")
            out.append(cand)
        return out

    def _national_owner(
        self, sent: Span, here: list[_Cand], *, people: bool = False, demonyms: bool = True
    ) -> str | None:
        """The one country a sentence is about: the only one whose organs or (with
        ``demonyms``) bare demonyms it names (with ``people``, also its citizens, workers or
        opposition), or that it opens with ("In Peru, ..."); None when there are none or
        several."""
        envoys = self.agents.envoy_words
        national = {
            self.kb.country_of(m.actor_id)
            for m in here
            if (
                (self._national(m, sent.doc) and (demonyms or m.kind != "adjective"))
                or (people and self._of_its_people(m))
            )
            and sent.doc[m.end - 1].lower_ not in envoys  # "the Russian ambassador" is abroad
        }
        national |= self._fronted_country(sent)
        national.discard(None)
        # a demonym that may not name the country in question still names another one
        named = {self.kb.country_of(m.actor_id) for m in here if m.kind == "adjective"}
        if not demonyms and named - national - {None}:
            return None
        return next(iter(national)) if len(national) == 1 else None

    def _bare_organs(self, doc: Doc, chosen: list[_Cand]) -> list[_Cand]:
        """Police, prosecutors and courts named without a country, in a sentence about one
        country (``context_organs``): "Chilean students marched; police fired tear gas",
        "Brazil's opposition said prosecutors had charged its leader". Returns the new
        mentions."""
        words = self.agents.place("context_organs")
        covered = {i for c in chosen for i in range(c.start, c.end)}
        by_sent = _by_sentence(doc, chosen)
        out: list[_Cand] = []
        for tok in doc:
            if tok.i in covered or tok.pos_ not in ("NOUN", "PROPN") or tok.lower_ not in words:
                continue
            if any(c.dep_ in ("compound", "amod", "poss") and c.i in covered for c in tok.children):
                continue
            if any(
                c.dep_ == "prep"
                and c.lower_ in ("at", "of")
                and p.dep_ == "pobj"
                and p.i in covered
                for c in tok.children
                for p in c.children
            ):
                continue  # "judges at the International Criminal Court" are the court's
            sent = tok.sent
            # police facing a country's protesters are its own; a court, only with its organs;
            # what comes "from" a country is foreign ("charged the mayor with accepting bribes
            # from Turkish officials": not Turkey's prosecutors)
            owner = self._national_owner(
                sent,
                [c for c in by_sent[sent.start] if not _from_abroad(doc, c)],
                people=(self.agents.classify(tok.text) or ("",))[0] == "police",
                demonyms=False,  # "Russian hackers were charged by prosecutors": not Russia's
            )
            organ = self.kb.sub_actor(owner, tok.text) if owner is not None else None
            if organ is None:
                continue
            start = tok.i
            while (
                start > sent.start and doc[start - 1].dep_ == "compound" and doc[start - 1].is_title
            ):
                start -= 1  # "the Supreme Court"
            out.append(self._cand(start, tok.i + 1, organ, "compound", conf=0.7))
        return out

    def _of_its_people(self, cand: _Cand) -> bool:
        """Whether a mention is a country's people, workers or opposition ("Chilean students")."""
        actor = self.kb.get(cand.actor_id)
        return (
            actor is not None
            and actor.country is not None
            and actor.sector
            in (
                "civilians",
                "opposition",
            )
        )

    def _national(self, cand: _Cand, doc: Doc) -> bool:
        """Whether a mention is a country's own: a demonym, one of its organs, or one of its
        people named with its demonym ("Argentine President Javier Milei")."""
        actor = self.kb.get(cand.actor_id)
        if cand.kind == "adjective" or (
            actor is not None and actor.parent is not None and actor.parent == actor.country
        ):
            return True
        return (
            actor is not None
            and actor.type == "person"
            and actor.country is not None
            and any(
                (adj := self.kb.lookup_adjective(t.text)) is not None and adj.id == actor.country
                for t in doc[cand.start : cand.end]
            )
        )

    def _fronted_country(self, sent: Span) -> set[str | None]:
        """The country a sentence opens with as its setting: "In Peru, ..."."""
        if len(sent) < 3 or sent[0].lower_ != "in":
            return set()
        for k in range(2, min(6, len(sent))):
            if sent[k].text == ",":
                actor = self.kb.lookup(sent[1:k].text)
                return {actor.id} if actor is not None and actor.type == "state" else set()
        return set()

    def _word_readings(self, doc: Doc, raw: list[_Cand]) -> list[_Cand]:
        """Drop the readings a word's use rules out: a word beginning a longer place name, the
        name reading of a demonym modifying a noun."""
        # "the West Bank", "West Africa": a known word that begins a longer place name the
        # entity recogniser found is part of that name, not an actor of its own
        covered = {i for c in raw for i in range(c.start, c.end)}
        raw = [c for c in raw if not _begins_a_place_name(doc, c.start, c.end, covered)]
        # "the African National Congress", "the Social Democrats": a known name inside a
        # longer one is not the known actor
        named = {i for c in raw if c.kind != "adjective" for i in range(c.start, c.end)}
        raw = [c for c in raw if not self._inside_another_name(doc, c, covered, named)]
        # A word that is both a name and a demonym ("French", "US") modifying a noun is the
        # demonym: "objected to French mediation", "agreed to US mediation" are France's and
        # the United States' mediation, not a place "to France".
        adjectival = {
            (c.start, c.end)
            for c in raw
            if c.kind == "adjective"
            and doc[c.end - 1].dep_ in ("amod", "compound")
            and doc[c.end - 1].head.i >= c.end
            and doc[c.end - 1].head.pos_ == "NOUN"
            # "US forces", "US allies" keep the name's own readings
            and self.agents.classify(doc[c.end - 1].head.text) is None
            and doc[c.end - 1].head.lower_ not in self.agents.self_nouns
            # "a self-proclaimed ISIL capital": the name, not a demonym of a place
            and doc[c.end - 1].head.lower_ not in self.agents.place("place_of_heads")
        }
        raw = [c for c in raw if c.kind != "alias" or (c.start, c.end) not in adjectival]
        return raw

    def _inside_another_name(
        self, doc: Doc, cand: _Cand, covered: set[int], named: set[int]
    ) -> bool:
        """Whether a known name is part of a longer name of another actor: an organisation
        entity whose capitalised qualifiers before it include a word no known name, agent word
        or title covers ("Congress" in "the African National Congress"; not "the US
        Congress"),
        or a party name after a capitalised qualifier no name covers ("Social Democrats",
        "Christian Democrats", "Free Democrats" are not the US Democrats; "House Democrats"
        are)."""
        if cand.kind not in ("alias", "metonym") or cand.type == "state":
            return False

        def foreign(tok: Token, known: set[int]) -> bool:
            return (
                tok.is_alpha
                and (tok.is_title or tok.is_upper)
                and tok.i not in known
                and self.agents.classify(tok.text) is None
                and tok.lower_ not in self.agents.titles
                and tok.lower_ not in {"the", "house"}
            )

        if cand.type == "party" and cand.start > 0:
            prev = doc[cand.start - 1]
            if not prev.is_sent_start and foreign(prev, named):
                return True
        if doc[cand.start].ent_type_ != "ORG":
            return False
        # the qualifiers before it, capitalised words all ("the African National Congress";
        # not "Joint and Coalition partners"); words after a name are often its units
        # ("the Coalition's Small Group")
        i = cand.start
        while i > 0 and doc[i].ent_iob_ == "I":
            i -= 1
        before = [t for t in doc[i : cand.start] if t.lower_ != "the"]
        return (
            bool(before)
            and all(t.is_alpha and (t.is_title or t.is_upper) for t in before)
            and any(foreign(t, covered) for t in before)
        )

    def _resolve(self, doc: Doc, cand: _Cand) -> _Cand | None:
        actor = self.kb.get(cand.actor_id)
        assert actor is not None
        end, agent_tok = self._agent_phrase(doc, cand.end, possessive=cand.kind != "adjective")
        if (
            cand.kind == "adjective"
            and actor.type == "party"
            and not _party_adjective(doc, cand, agent_tok)
        ):
            return None
        if agent_tok is not None:
            # "a Paris court", "Moscow's troops": a capital's organs are its country's
            base = (self.kb.country_of(actor.id) if cand.kind == "metonym" else None) or actor.id
            sub = self.kb.sub_actor(base, self._agent_word(doc, agent_tok, end))
            if sub is not None:
                return self._cand(cand.start, end, sub, "compound")
            if cand.kind == "adjective":
                return None
        # "the government of Iraq", "the people of Syria"
        if actor.type == "state" and cand.start >= 2 and doc[cand.start - 1].lower_ == "of":
            head = doc[cand.start - 2]
            if self.agents.classify(head.text) is not None:
                sub = self.kb.sub_actor(actor.id, head.text)
                if sub is not None:
                    return self._cand(cand.start - 2, cand.end, sub, "compound")
        if cand.kind == "adjective" and self._given_name(doc, cand):
            return None  # "Christian Lindner", "German Gref": a person's given name
        if cand.kind == "adjective":
            head = doc[cand.end - 1].head
            if doc[cand.end - 1].dep_ not in {"amod", "compound", "nmod"} or head.i < cand.end:
                return None
            if (
                head.lower_ in self.agents.place("place_of_heads")
                or head.ent_type_ in {"GPE", "LOC", "FAC"}
            ) and not _acted_on(head):
                return None
            return cand
        if cand.kind == "metonym" and self._restricted_in(doc[cand.end - 1]):
            # "a curfew in Algiers": the city under it, not the government imposing it
            name = doc[cand.start : cand.end].text
            return self._place_cand(cand.start, cand.end, name, Gazetteer.load().lookup(name)[1])
        is_place_name = cand.kind == "metonym" or actor.type == "state"
        if is_place_name and self._is_place(doc, cand.start, cand.end, state=actor.type == "state"):
            return self._located_agents(doc, cand)
        return cand

    def _given_name(self, doc: Doc, cand: _Cand) -> bool:
        """Whether a demonym or a faith's adjective is the given name that opens a person's
        name the entity recogniser found ("Christian Lindner"; not "Christian militias")."""
        tok = doc[cand.start]
        return (
            cand.end - cand.start == 1
            and tok.ent_type_ == "PERSON"
            and tok.ent_iob_ == "B"
            and cand.end < len(doc)
            and doc[cand.end].ent_iob_ == "I"
            and doc[cand.end].is_title
            and tok.lower_ in self.gender.first_names
        )

    def _agent_word(self, doc: Doc, agent_tok: Token, end: int) -> str:
        """The word naming the part of an actor a phrase is: the agent noun, or its class's
        armed counterpart when an armed-force word follows ("Syrian opposition forces" are
        rebels, "Kenya's opposition" is the political opposition)."""
        if agent_tok.i > 0 and self._agent_pair(doc, agent_tok.i - 1) is not None:
            return f"{doc[agent_tok.i - 1].text} {agent_tok.text}"  # "ruling party"
        hit = self.agents.classify(agent_tok.text)
        armed = self.agents.classes[hit[0]].armed if hit is not None else None
        if armed is None or armed not in self.agents.classes:
            return agent_tok.text
        for tok in doc[agent_tok.i + 1 : end]:
            later = self.agents.classify(tok.text)
            if later is not None and later[0] == "military":
                words = self.agents.classes[armed].words
                return max(words, key=lambda w: words[w])
        return agent_tok.text

    def _located_agents(self, doc: Doc, cand: _Cand) -> _Cand | None:
        """ "Police in Nairobi", "demonstrators in Baghdad", "officials in Beijing",
        "lawmakers in Ukraine": agents named by where they are, with no demonym or name of
        their own, are that state's (its police, civilians, government, parliament). Only the
        classes whose members are the place's own (``located_classes``): "troops in Iraq" are
        often another state's, "US officials in Baghdad" are American, "its ambassador in
        Manila" is its own, an envoy is posted abroad (``posted_abroad``). None otherwise:
        the name stays a place."""
        prep = cand.start - 1 - (cand.start > 0 and doc[cand.start - 1].lower_ == "the")
        if prep < 1 or doc[prep].lower_ not in ("in", "from"):  # "rebels in the Ivory Coast"
            return None
        # "troops from Chad", "envoys from Kenya": where agents come from is whose they are
        origin = doc[prep].lower_ == "from"
        noun = doc[prep - 1]
        hit = self.agents.classify(noun.text)
        domestic = [
            c
            for c in noun.children
            if c.dep_ in ("amod", "compound")
            and c.i == noun.i - 1
            and c.lower_ in self.agents.place("domestic_modifiers")
        ]
        kind = self._kind_before(doc, noun)
        if kind is not None and hit is not None and kind[1] > hit[1]:
            # "opposition leaders in Venezuela": the opposition's leaders, not the state's
            hit, domestic = kind, [doc[noun.i - 1]]
        if (
            hit is None
            or (hit[0] not in self.agents.place("located_classes") and not domestic and not origin)
            or noun.pos_ not in ("NOUN", "PROPN")
            or doc[prep].head != noun
            or (noun.lemma_.lower() in self.agents.place("posted_abroad") and not origin)
            or any(
                c.dep_ == "poss"
                or (
                    c.dep_ in ("amod", "compound", "nmod")
                    and c not in domestic
                    and (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON"))
                )
                for c in noun.children
            )
        ):
            return None
        country = self.kb.country_of(cand.actor_id)
        word = doc[noun.i - 1].text if kind is not None and hit == kind else noun.text
        sub = self.kb.sub_actor(country, word) if country else None
        if sub is None or sub.id == country:
            return None
        return self._cand(domestic[0].i if domestic else noun.i, cand.end, sub, "compound")

    def _kind_before(self, doc: Doc, noun: Token) -> tuple[str, int] | None:
        """The agent class of the word right before an agent noun, when it modifies it
        ("opposition leaders", "rebel commanders")."""
        if noun.i == 0:
            return None
        mod = doc[noun.i - 1]
        if mod.head != noun or mod.dep_ not in ("amod", "compound"):
            return None
        return self.agents.classify(mod.text)


def _by_sentence(doc: Doc, mentions: list[_Cand]) -> dict[int, list[_Cand]]:
    """The mentions of each sentence, keyed by the sentence's first token."""
    out: dict[int, list[_Cand]] = {sent.start: [] for sent in doc.sents}
    for m in mentions:
        out[doc[m.start].sent.start].append(m)
    return out


def _begins_a_place_name(doc: Doc, start: int, end: int, covered: set[int]) -> bool:
    """Whether ``start:end`` is followed, inside the same place entity, by a capitalised word no
    known name covers ("West" in "the West Bank", "West Africa"); "Turkey Syria border" with
    both names known is two names."""
    if doc[start].ent_type_ not in ("GPE", "LOC") or end >= len(doc):
        return False
    nxt = doc[end]
    return (
        nxt.ent_iob_ == "I"
        and nxt.ent_type_ == doc[start].ent_type_
        and nxt.is_alpha
        and nxt.is_title
        and nxt.i not in covered
    )


def _acted_on(head: Token) -> bool:
    """Whether the places a demonym qualifies are what a clause acts on ("Iran shelled Iraqi
    towns", "Iraqi villages were bombed", "settlers attacked Palestinian villages"): the
    state's, as assets are their owner's; "in Iraqi towns" and a place named by it ("liberated
    the Syrian town of Dabiq") stay places."""
    return (
        head.dep_ in ("dobj", "nsubjpass")
        and head.head.pos_ == "VERB"
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)
    )


def _party_adjective(doc: Doc, cand: _Cand, agent_tok: Token | None) -> bool:
    """Whether a party's adjective ("Republican", "Democratic") names the party: before a
    word in lower case ("Republican leaders", "the Democratic nominee"), never inside another
    name ("Republican Guard", "Democratic Progressive Party") nor as a bare adjective opening
    a sentence ("Democratic reforms stalled")."""
    nxt = doc[cand.end] if cand.end < len(doc) else None
    if nxt is None or nxt.is_title or nxt.is_upper or not doc[cand.start].is_title:
        return False  # ... nor in lower case ("democratic elections")
    return agent_tok is not None or not doc[cand.start].is_sent_start


def _from_abroad(doc: Doc, cand: _Cand) -> bool:
    """Whether a mention is the object of "from" ("bribes from Turkish officials")."""
    root = doc[cand.start : cand.end].root
    return root.dep_ == "pobj" and root.head.lower_ == "from"
