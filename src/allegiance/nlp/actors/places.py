"""Whether a country or capital name is used as a place ("in Iraq", "to Baghdad") or an actor."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from ...geo.gazetteer import GazetteerEntry
from ...kb import normalize
from ..phrases import head_words, modifiers, partitive_heads
from ._base import _RecognizerBase
from .mentions import _CONFIDENCE, _Cand

_DASHES = frozenset({"—", "–", "-", "--"})
_DATELINE_ENDS = _DASHES | {":"}


def _line_start(doc: Doc, start: int) -> bool:
    """Whether only upper-case words stand between ``start`` and the start of its line or
    sentence ("PORT SUDAN": "SUDAN" opens the line's name)."""
    k = start
    while k > 0 and not doc[k].is_sent_start and "\n" not in doc[k - 1].text:
        k -= 1
        if not (doc[k].is_alpha and (doc[k].is_upper or doc[k].is_title)) and doc[k].text != ",":
            return False  # (past a city and its comma: "ABUJA, Nigeria (Reuters) -")
    return True


def _credit(doc: Doc, i: int) -> bool:
    """Whether the "(" at ``i`` opens an agency credit that a dash follows ("(Reuters) -"),
    not an aside ("Iran (which denies it) said")."""
    close = next((t.i for t in doc[i + 1 : i + 5] if t.text == ")"), None)
    return close is not None and close + 1 < len(doc) and doc[close + 1].text in _DASHES


def _in_dateline(doc: Doc, start: int, end: int) -> bool:
    """Whether a name opens a line as its dateline: the place, then more place names, commas
    and a date, then a dash, a colon or an agency credit ("BAGHDAD —", "ABUJA, Nigeria
    (Reuters) -", "Nairobi, Jan. 5, 2019 —", "ADDIS ABABA, May 4 (Reuters) -"); not a clause
    ("Moscow, meanwhile, said"), nor a list ("Russia, China and Iran")."""
    if not _line_start(doc, start):
        return False
    for tok in doc[end : end + 9]:
        if tok.text == "(":
            return _credit(doc, tok.i)
        if tok.text in _DATELINE_ENDS:
            return True
        named = tok.is_alpha and (tok.is_title or tok.is_upper) and tok.ent_type_ != "ORG"
        if tok.text != "," and tok.ent_type_ != "DATE" and not named and not tok.like_num:
            return False
        if "\n" in tok.whitespace_ or (tok.i == end and tok.text != ","):
            return False  # a dateline's place is followed by its comma or its dash
    return False


class _PlacesMixin(_RecognizerBase):
    """The place readings of a name: after a locative preposition, in a dateline or a heading,
    after a city ("Palmyra, Syria"), before a facility."""

    def _is_place(self, doc: Doc, start: int, end: int, *, state: bool = False) -> bool:
        """Whether a country or capital name is used as a location ("in Iraq", "to Syria").
        A ``state`` left by a withdrawal is a party to it ("withdrew its troops from
        neighbouring Lebanon"), a capital stays a place ("withdrew from Kabul")."""
        tok = doc[end - 1]
        if tok.dep_ == "poss":
            # "over Washington's support" is an actor; "in Iraq's north" a place
            return tok.head.lower_ in self.agents.place("place_of_heads")
        seen = 0
        while tok.dep_ == "conj" and tok.head.i != tok.i and seen < 6:
            tok = tok.head
            seen += 1
        if tok.dep_ == "pobj" and tok.head.lower_ in self.agents.place("locative_prepositions"):
            return not self._is_addressee(tok.head, state=state)
        if (
            tok.dep_ == "pobj"
            and tok.head.lower_ == "of"
            and tok.head.head.lower_ in self.agents.place("place_of_heads")
        ):
            return True
        k = start - 1
        steps = 0
        while k >= 0 and steps < 3 and doc[k].lower_ in self.agents.place("place_words"):
            k -= 1
            steps += 1
        if (
            k >= 0
            and doc[k].lower_ in self.agents.place("locative_prepositions")
            and not (k < start - 1 and self._is_addressee(doc[k], state=state))
        ):
            return True
        return self._is_set_apart(doc, start, end)

    def _is_addressee(self, prep_tok: Token, *, state: bool = False) -> bool:
        """Whether the object of the locative preposition ``prep_tok`` is whom something is
        aimed at, given to or taken from rather than a place: "a threat to the United States",
        "support to Iraq", "fired missiles at X", "aid from Japan", a ``state`` withdrawn from
        ("pulled its ambassador from Qatar"); not "a visit to Iraq", "the road to Damascus"."""
        place = self.agents.place
        prep = prep_tok.lower_
        gov = prep_tok.head
        aimed = gov.head if gov.dep_ == "dobj" else gov  # "fired missiles at X"
        return (
            (
                prep in place("addressee_prepositions")
                and gov.pos_ == "NOUN"
                and (
                    gov.lemma_.lower() not in place("motion_nouns")
                    or (state and gov.lemma_.lower() in place("party_motion_nouns"))
                )
            )
            or (
                prep in place("addressee_prepositions")
                and gov.pos_ in ("ADJ", "VERB")
                and gov.lower_ in place("addressee_adjectives")
            )
            or (prep == "at" and aimed.lemma_.lower() in place("aiming_verbs"))
            or (prep == "to" and aimed.lemma_.lower() in place("giving_verbs"))
            or (
                prep == "to"
                and gov.pos_ == "VERB"
                and gov.lemma_.lower() in place("addressing_verbs")
            )
            or (prep == "to" and gov.pos_ in ("VERB", "AUX") and self._gives_to(gov))
            or (state and prep in place("locus_prepositions") and self._is_locus(gov))
            or (prep in place("visited_prepositions") and self._is_visit(gov))
            or (prep in place("addressee_prepositions") and self._visitors_trip(gov))
            or (state and prep == "to" and self._traded(gov, "trade_to_nouns"))
            or (
                prep == "from"
                and (
                    gov.lemma_.lower() in place("from_source_nouns")
                    or gov.lemma_.lower() in place("taking_verbs")
                    or (gov.dep_ == "dobj" and gov.head.lemma_.lower() in place("taking_verbs"))
                    # "drew condemnation from Turkey", "won backing from the EU": the "from"
                    # parsed onto the verb of a thing given
                    or (gov.pos_ in ("VERB", "AUX") and self._gives_to(gov))
                    # "withdrew from Georgia", "withdrew its ambassador from Venezuela",
                    # "Syria's withdrawal from Lebanon"
                    or (state and aimed.lemma_.lower() in place("leaving_verbs"))
                    or (state and gov.lemma_.lower() in place("party_motion_nouns"))
                    or (state and self._traded(gov, "trade_from_nouns"))
                    or (state and self._restricted_goods(gov))
                )
            )
        )

    def _visitors_trip(self, noun: Token) -> bool:
        """Whether a visit noun (``party_motion_nouns``) is a visitor's, so that the capital
        it goes to is the host government: "Erdogan postponed his visit to Baghdad", "Macron
        made a state visit to Beijing", "the Indian prime minister's visit to Dhaka"; "a visit
        to Beijing is expensive" stays a trip."""
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in self.agents.place(
            "party_motion_nouns"
        ):
            return False
        if any(c.dep_ == "poss" for c in noun.children):
            return True
        verb = noun.head
        return noun.dep_ == "dobj" and bool(self._visitor_heads(verb))

    def _visitor_heads(self, verb: Token) -> set[int]:
        """The subjects of ``verb`` that are visitors: named people, or officials, delegations
        and peacekeepers named with their country (``visitor_words``, the government class;
        "the Kenyan foreign minister", "a US delegation", "the first deployment of NATO
        peacekeeping troops"; not "the delegation")."""
        out = set()
        for subj in verb.children:
            if subj.dep_ != "nsubj":
                continue
            if subj.ent_type_ == "PERSON":
                out.add(subj.i)
                continue
            for head in partitive_heads(subj):
                deps = ("compound", "amod", "poss")
                hit = self.agents.classify(head.text)
                named = any(c.ent_type_ or c.pos_ == "PROPN" for c in modifiers(head, deps))
                if named and (
                    head_words(head, deps) & self.agents.place("visitor_words")
                    or (hit is not None and hit[0] == "government")
                ):
                    out.add(subj.i)
        return out

    def _traded(self, gov: Token, key: str) -> bool:
        """Whether ``gov`` is a trade noun of the list ``key`` or a verb whose object is one
        ("halted gas deliveries to Poland", the "to" parsed onto the verb)."""
        nouns = self.agents.place(key)
        if gov.pos_ in ("VERB", "AUX"):
            return any(o.dep_ == "dobj" and o.lemma_.lower() in nouns for o in gov.children)
        return gov.lemma_.lower() in nouns

    def _restricted_goods(self, gov: Token) -> bool:
        """Whether ``gov`` names goods a restriction is on ("tariffs on steel from China",
        "duties on electric vehicles imported from China"), so that the state they come from
        is the restricted one."""
        if gov.pos_ in ("VERB", "AUX") and gov.dep_ != "acl":
            # "imposed tariffs on steel from China", the "from" parsed onto the verb
            return any(
                o.dep_ == "dobj"
                and o.lemma_.lower() in self.agents.place("restriction_nouns")
                and any(c.lower_ == "on" for c in (*o.children, *gov.children))
                for o in gov.children
            )
        if gov.pos_ == "VERB":
            gov = gov.head  # "vehicles imported from China"
        return (
            gov.dep_ == "pobj"
            and gov.head.lower_ == "on"
            and gov.head.head.lemma_.lower() in self.agents.place("restriction_nouns")
        )

    def _is_locus(self, gov: Token, key: str = "locus_words") -> bool:
        """Whether a state "in" which ``gov`` happens is acted on (``locus_words``, or the
        list ``key``): a protest held or a restriction imposed there ("demonstrated in Serbia",
        "imposed a curfew in Montenegro", "declared a state of emergency in Haiti"); "fought in
        Syria" stays a place."""
        words = self.agents.place(key)

        def named(tok: Token) -> bool:
            lemma = tok.lemma_.lower()
            if lemma in words or tok.lower_ in words:
                return True
            if any(
                m.dep_ in ("amod", "compound") and f"{m.lower_} {lemma}" in words
                for m in tok.children
            ):
                return True  # "martial law"
            return any(  # "a state of emergency"
                of.dep_ == "prep" and of.lower_ == "of" and named(g)
                for of in tok.children
                for g in of.children
                if g.dep_ == "pobj"
            ) and lemma in self.agents.place("frame_of_nouns")

        if named(gov):
            return True
        # "imposed a curfew in Montenegro" with the place parsed onto the verb
        return gov.pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("dobj", "nsubjpass") and named(c) for c in gov.children
        )

    def _place_cand(
        self, start: int, end: int, text: str, cities: Sequence[GazetteerEntry]
    ) -> _Cand | None:
        """A town acted on as a provisional actor of type ``place``, named by the most
        populous gazetteer city of that name ("Halab" and "Aleppo" are one ``NER:aleppo``)."""
        name = max(cities, key=lambda c: c.population).name if cities else text
        key = normalize(name)
        if not key:
            return None
        return _Cand(start, end, f"NER:{key}", "ner", _CONFIDENCE["ner"], "ner", text, "place")

    def _is_struck(self, tok: Token) -> bool:
        """Whether the town or region whose name ends at ``tok`` is acted on, a target
        (``striking_words``): the object of a strike, a siege or an invasion ("Russian missiles
        struck Kharkiv", "Aleppo was shelled"), aimed at ("fired rockets at Haifa", "rockets
        into Sderot"), or under a restriction imposed there ("a curfew in Cizre"); "fighting in
        Aleppo", "fled to Raqqa", "recaptured Ramadi" leave it a place."""
        place = self.agents.place
        tok = self._place_phrase_head(tok)
        words = place("striking_words")
        head = tok.head
        if tok.dep_ in ("dobj", "nsubjpass"):
            return head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in words
        if tok.dep_ != "pobj" or head.dep_ != "prep":
            return False
        prep, gov = head.lower_, head.head
        aimed = gov.head if gov.dep_ == "dobj" else gov  # "fired rockets at Haifa"
        return (
            (prep in place("struck_prepositions") and gov.lemma_.lower() in words)
            or (
                prep in place("aimed_prepositions")
                and aimed.lemma_.lower() in place("aiming_verbs")
            )
            or self._restricted_in(tok)
        )

    def _restricted_in(self, tok: Token) -> bool:
        """Whether the town whose name ends at ``tok`` is where a restriction is imposed or
        lifted (``city_locus_words``: "a curfew in Algiers", "lifted the lockdown in the city
        of Shanghai")."""
        tok = self._place_phrase_head(tok)
        head = tok.head
        return (
            tok.dep_ == "pobj"
            and head.lower_ in self.agents.place("locus_prepositions")
            and self._is_locus(head.head, "city_locus_words")
        )

    def _place_phrase_head(self, tok: Token) -> Token:
        """The word whose place in the clause a town's name takes: its first conjunct, or the
        head of "the town of X" (``place_of_heads``)."""
        for _ in range(6):
            if tok.dep_ == "conj" and tok.head.i != tok.i:
                tok = tok.head
            elif (
                tok.dep_ == "pobj"
                and tok.head.lower_ == "of"
                and tok.head.head.lower_ in self.agents.place("place_of_heads")
            ):
                tok = tok.head.head
            else:
                break
        return tok

    def _is_visit(self, verb: Token) -> bool:
        """Whether ``verb`` is a visitor's arrival (``visiting_verbs``), so that the state or
        capital it is "in" is the host, a party: "Iraqi President Saddam Hussein arrived in
        Amman", "the Kenyan foreign minister arrived in Addis Ababa", "Bangladeshi
        peacekeepers arrived in Sierra Leone"; "refugees arrived in Vienna", "troops arrived in
        Kabul" stay places. A visitor is a named person, an official or a delegation
        (``visitor_words``, the government class) or peacekeepers."""
        place = self.agents.place
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in place("visiting_verbs"):
            return False
        return bool(self._visitor_heads(verb))

    def _gives_to(self, verb: Token) -> bool:
        """Whether the direct object of ``verb`` is something passed between actors, so that its
        "to" names the recipient: "suspended military aid to Egypt", "cut funding to Hungary",
        "sent weapons to the Kurds" (not "sent troops to Syria", "moved its offices to Doha")."""
        given = self.agents.place("from_source_nouns")

        def words(obj: Token) -> set[str]:
            # "sent search-and-rescue teams to Morocco", "humanitarian supplies"
            deps = ("compound", "amod", "nmod")
            conj = [c.lower_ for m in modifiers(obj, deps) for c in m.children if c.dep_ == "conj"]
            return head_words(obj, deps) | set(conj)

        return any(c.dep_ == "dobj" and words(c) & given for c in verb.children)

    def _is_set_apart(self, doc: Doc, start: int, end: int) -> bool:
        """A name set apart as a place: a dateline ("BAGHDAD —"), a heading line ("\\nSyria\\n"),
        the country after a city ("Palmyra, Syria"), or the name before a facility."""
        nxt = doc[end] if end < len(doc) else None
        before = doc[start - 1] if start > 0 else None
        if (before is None or "\n" in before.text) and (nxt is None or "\n" in nxt.text):
            return True
        if (
            before is not None
            and before.text == ","
            and start > 1
            and doc[start - 2].ent_type_ in {"GPE", "LOC", "FAC"}
            # "backed by Turkey, Saudi Arabia and Qatar", "include Belgium, Canada": a list of
            # states is not a city followed by its country
            and not self._is_state_name(doc, start - 2)
        ):
            return True  # "Palmyra, Syria"
        if _in_dateline(doc, start, end):
            return True  # "BAGHDAD —", "ABUJA, Nigeria (Reuters) -", "PORT SUDAN -"
        last = doc[end - 1]
        return (
            last.dep_ == "compound"
            and last.head.i >= end
            and self.agents.classify(last.head.text) is None
            and last.head.ent_type_
            in {"FAC", "GPE", "LOC", "ORG", "EVENT", "PRODUCT", "WORK_OF_ART"}
        )

    def _is_state_name(self, doc: Doc, i: int) -> bool:
        """Whether the entity at token ``i`` names a state (a list of states, not a city
        followed by its country)."""
        if not doc[i].ent_type_:
            return False
        start, end = i, i + 1
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        actor = self.kb.lookup(doc[start:end].text)
        return actor is not None and actor.type == "state"
