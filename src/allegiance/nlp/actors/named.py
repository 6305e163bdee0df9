"""Named entities the knowledge base lacks: fuzzy matches, else provisional ``NER:`` actors;
ships, agreements, titles alone and unknown places are not actors."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ...geo.gazetteer import Gazetteer
from ...kb import normalize
from ...lexicon.references import load_references
from ..register import load_register
from .mentions import _CONFIDENCE, _Cand
from .places import _PlacesMixin

_NER_LABELS = frozenset({"ORG", "PERSON", "NORP", "GPE"})
_RELIGIOUS = frozenset(
    {"muslim", "muslims", "christian", "christians", "jewish", "jews", "islamist", "islamists",
     "catholic", "protestant", "orthodox", "shia", "sunni", "hindu", "buddhist", "sikh",
     "evangelical",
     "salafi", "salafist", "wahhabi", "islamic"}
)  # fmt: skip
_QUALIFIERS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
     "i", "ii", "iii", "one", "two", "three", "main", "new", "old"}
)  # fmt: skip

#: the words of an amount after a number ("1.8 billion")
_AMOUNT_WORDS = frozenset({"thousand", "million", "billion", "trillion", "bn", "m"})

#: the smallest city whose name after "in" is a place even when tagged as an organisation
_CITY_POPULATION = 100_000

_PERSONAL_FAMILIES = ("speaker", "we", "addressee", "they", "person", "it")


#: the last words of a party's name: an organisation the entity recogniser found is a party
_PARTY_HEADS = frozenset({"party", "democrats", "republicans", "conservatives", "socialists",
                          "liberals", "greens", "tories"})  # fmt: skip


def _never_names() -> frozenset[str]:
    """Every pronoun of references.yaml: a capitalised "We" or "They" is never a name."""
    refs = load_references()
    return frozenset().union(*(refs.family(k) for k in _PERSONAL_FAMILIES))


def _name_tail(doc: Doc, end: int) -> int:
    """The end of a person's name the entity recogniser cut short: the capitalised proper
    noun that the last name word is a part of ("Yoon Suk" + "Yeol", "Min Aung" + "Hlaing")."""
    while (
        end < len(doc)
        and doc[end].pos_ == "PROPN"
        and doc[end].is_title
        and doc[end].ent_type_ in ("", "PERSON")
        and doc[end - 1].dep_ in ("compound", "flat")
        and doc[end - 1].head.i == end
    ):
        end += 1
    return end


def _name_before_amount(ent: Span) -> Span:
    """ "fined Google 2.4 billion euros", "fined Apple 1.8 billion euros": the name the
    recogniser took into an amount (a money entity, or an organisation ending in the number)
    is an organisation of its own; other entities as they are."""
    if ent.label_ not in ("MONEY", "ORG"):
        return ent
    k = ent.start
    while k < ent.end and ent.doc[k].pos_ == "PROPN" and ent.doc[k].is_title:
        k += 1
    if k == ent.start or k == ent.end or not ent.doc[k].like_num:
        return ent
    if ent.label_ == "ORG" and not all(
        t.like_num or t.lower_ in _AMOUNT_WORDS for t in ent[k - ent.start :]
    ):
        return ent  # "Airbus A320" is a name with a number in it
    return Span(ent.doc, ent.start, k, label="ORG")


_DASHES = frozenset({"-", "—", "–", "--"})


def _past_dateline(ent: Span) -> Span | None:
    """ "BAMAKO - Suspected jihadists", "SEOUL - A South Korean court": the recogniser took a
    dateline and the first words of the story for one name. What follows the spaced dash is
    left (a name only if a proper noun is in it); other entities as they are."""
    doc = ent.doc
    if not (ent.start == 0 or doc[ent.start].is_sent_start):
        return ent
    for k in range(ent.start + 1, ent.end):
        dash = doc[k]
        if dash.text in _DASHES and doc[k - 1].whitespace_ and dash.whitespace_:
            if not all(t.is_upper or not t.is_alpha for t in doc[ent.start : k]):
                return ent  # "Ras al - Ain" is a name with a spaced dash in it
            rest = Span(doc, k + 1, ent.end, label=ent.label_)
            return rest if any(t.pos_ == "PROPN" for t in rest) else None
    return ent


def _gazetteer_city(name: str) -> bool:
    """Whether a name is the own name of a city of the gazetteer and no country ("El Fasher",
    "Kharkiv"), so that an organisation reading of it after a locative preposition is the
    small model's error; small towns and other names of a place ("Nokia", "Google") are
    not."""
    countries, cities = Gazetteer.load().lookup(name)
    return not countries and any(c.primary and c.population >= _CITY_POPULATION for c in cities)


class _NamedMixin(_PlacesMixin):
    """The named-entity pass over what the knowledge base did not claim."""

    def _ner_candidates(self, doc: Doc, taken: list[bool]) -> list[_Cand]:
        out: list[_Cand] = []
        ships: set[str] = set()  # names of ships met so far ("FS Forbin" ... "Forbin")
        for ent in map(_past_dateline, map(_name_before_amount, doc.ents)):
            if ent is None:
                continue
            if ent.label_ not in _NER_LABELS or any(taken[i] for i in range(ent.start, ent.end)):
                continue
            start, end = ent.start, ent.end
            while start < end and (doc[start].is_punct or doc[start].lower_ in {"the", "a", "an"}):
                start += 1
            while end > start and (doc[end - 1].is_punct and doc[end - 1].text not in {".", ")"}):
                end -= 1
            if doc[end - 1].lower_ in {"'s", "’s"}:
                end -= 1
            if start >= end:
                continue
            span = doc[start:end]
            text = span.text
            if not any(c.isupper() for c in text) or text.lower() in _never_names():
                continue
            if (
                doc[start].lower_ in self.agents.place("place_prepositions")
                or doc[end - 1].lower_ in self.agents.not_actors
            ):
                continue  # "Near Ar Raqqah" is a place phrase; "VBIED" is a weapon
            if self.kb.lookup(doc[start:end].text) is not None:
                continue  # a known name the knowledge-base pass read as a place ("to Kyiv")
            label = "PERSON" if self._titled(doc, span, ent.label_) else ent.label_
            struck = self._struck_place(doc, span, label)
            if struck is not None:
                out.append(struck)
                continue
            if self._not_an_actor(doc, span, label, ships):
                continue
            cand = self._ner_one(doc, span, label)
            if cand is not None:
                while cand.start < cand.end and taken[cand.start]:
                    cand.start += 1  # a title already claimed ("Pentagon spokesman")
                if cand.start < cand.end and not any(taken[i] for i in range(cand.start, cand.end)):
                    out.append(cand)
        return out + self._struck_cities(doc, taken, out)

    def _titled(self, doc: Doc, span: Span, label: str) -> bool:
        """Whether a name the small model took for a group or a body follows a person's title
        ("met President Mulino", "Prime Minister Kristersson said"): a person."""
        if label not in ("NORP", "ORG") or span.start == 0 or len(span) > 3:
            return False
        title = doc[span.start - 1]
        return (
            title.is_title
            and title.lower_.rstrip(".") in self.agents.titles
            and all(t.pos_ == "PROPN" and t.is_title for t in span)
        )

    def _struck_cities(self, doc: Doc, taken: list[bool], found: list[_Cand]) -> list[_Cand]:
        """Cities acted on that the entity recogniser missed or mislabelled ("shelled Aleppo"
        read as a work of art): a proper noun in a struck position (:meth:`_is_struck`) whose
        compound name is a gazetteer city's own name."""
        used = [False] * len(doc)
        for c in found:
            used[c.start : c.end] = [True] * (c.end - c.start)
        out: list[_Cand] = []
        for tok in doc:
            if tok.pos_ != "PROPN" or tok.ent_type_ in ("PERSON", "GPE", "ORG") or used[tok.i]:
                continue
            if not self._is_struck(tok):
                continue  # the parse first: the lookups below cost more
            start = tok.i
            while (
                start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound"
            ):
                start -= 1
            if any(taken[i] or used[i] for i in range(start, tok.i + 1)):
                continue
            span = doc[start : tok.i + 1]
            if self.kb.lookup(span.text) is None and _gazetteer_city(span.text):
                cand = self._struck_place(doc, span, "GPE")
                if cand is not None:
                    out.append(cand)
        return out

    def _struck_place(self, doc: Doc, span: Span, label: str) -> _Cand | None:
        """A town or region the knowledge base lacks, acted on (:meth:`_is_struck`), as a
        provisional actor of type ``place`` named by the gazetteer ("shelled Aleppo" and "strikes
        on Halab" are one ``NER:aleppo``); an organisation reading must be a city's own name
        ("Nokia" is not)."""
        if not self.use_ner or label not in ("GPE", "ORG", "PERSON"):
            return None
        if not self._is_struck(doc[span.end - 1]):
            return None
        if label == "PERSON" and not self._city_not_person(doc, span):
            return None
        countries, cities = Gazetteer.load().lookup(span.text)
        if countries or (label != "GPE" and not _gazetteer_city(span.text)):
            return None
        return self._place_cand(span.start, span.end, span.text, cities)

    def _city_not_person(self, doc: Doc, span: Span) -> bool:
        """Whether a one-word "person" the small model found is no one's name: no given name, no
        title before it, no verb with a verbal sense (register.yaml ``verbal_senses``: "attacked
        Houston over the bill"), and not the surname of a person named in full earlier
        ("struck Kharkiv"; not "Lloyd Austin ... critics blasted Austin")."""
        word = span.text
        if len(span) != 1 or word.lower() in self.gender.first_names:
            return False
        verb = doc[span.end - 1].head
        if verb.dep_ == "prep":
            verb = verb.head
        if verb.lemma_.lower() in load_register(tuple(self.lexicon_paths)).verbal_senses:
            return False  # "Republicans attacked Houston over the bill" may be a person
        if span.start > 0 and doc[span.start - 1].lower_.rstrip(".") in self.agents.titles:
            return False
        return not any(
            e.label_ == "PERSON" and len(e) > 1 and e[-1].text == word and e.end <= span.start
            for e in doc.ents
        )

    def _not_an_actor(self, doc: Doc, span: Span, label: str, ships: set[str]) -> bool:
        """Named things that are not actors: ships ("USS Mahan", then "Mahan"), weapon systems
        ("Patriot missiles": ``weapon_nouns``), agreements, laws and plans ("the Geneva Communique", "Cessation of Hostilities"), titles alone
        ("Staff Sgt"), and unknown places ("a leader in Raqqah", "to isolate Raqqah")."""
        roles = self.roles
        first = span[0].lower_.rstrip(".")
        if len(span) >= 2 and first in roles.non_actor_prefixes:
            ships.add(doc[span.start + 1 : span.end].text)
            return True
        if span.text in ships:
            return True
        if all(t.lower_ in self.agents.titles or t.is_punct for t in span):
            return True
        last = span[-1]
        if (
            last.dep_ == "compound"
            and last.head.i >= span.end
            and (last.head.lower_ in self.agents.weapon_nouns)
        ):
            return True  # "Patriot missiles", "Leopard tanks": a weapon system's name
        for t in span:  # "Qayyarah Airfield West", "Mosul Dam 2": a facility with a qualifier
            if (
                t.lower_ in self.agents.not_actors
                and t.i > span.start
                and all(u.lower_ in _QUALIFIERS or u.like_num for u in doc[t.i + 1 : span.end])
            ):
                return True
        if len(span) == 1 and not span.text.isupper() and self.agents.classify(span.text):
            return True  # "Troop levels are rising": an agent noun opening a sentence
        if (
            len(span) == 1
            and span.text.lower() in self.agents.modifiers
            and span.end < len(doc)
            and self.agents.classify(doc[span.end].text)
        ):
            return True  # "Riot police used water cannon": a modifier of an agent noun
        if label == "PERSON" and (
            (span.start > 0 and doc[span.start - 1].lower_.rstrip(".") in self.agents.titles)
            or (span.start > 0 and doc[span.start - 1].text == ".")
            or any(t.lower_ in self.gender.first_names and t.is_title for t in span)
        ):
            return False  # a person named with a title or a given name is never a place
        if label != "PERSON" and (
            span.root.lower_ in roles.non_actor_heads or span[-1].lower_ in roles.non_actor_heads
        ):
            return True  # "the Law of Armed Conflict", "the Food for Peace Programme"
        k = span.start - 1
        if k >= 0 and doc[k].lower_ == "the":
            k -= 1
        if (
            (len(span) == 1 or label == "GPE")
            and k >= 0
            and doc[k].lower_ in roles.place_prepositions
            and doc[k].dep_ == "prep"
        ):
            return True
        root = span.root
        if root.dep_ == "pobj" and root.head.lower_ == "of":
            gov = root.head.head  # "the town of Jurf Al Sakhar", "the liberation of Raqqah"
            # ("part of the 407th Air Expeditionary Group" is an organisation's part)
            if (label != "ORG" and gov.lower_ in self.agents.place("place_of_heads")) or (
                gov.lemma_.lower() in roles.place_verbs
            ):
                return True
        return (
            len(span) == 1 and root.dep_ == "dobj" and root.head.lemma_.lower() in roles.place_verbs
        )

    def _person_name_start(self, doc: Doc, start: int, end: int) -> int:
        """Where a person's name begins after titles and roles ("Maj. Adrian ...",
        "Chairperson Jane Doe": a role word before a known given name)."""
        name_start = start
        while name_start < end - 1 and (
            doc[name_start].lower_ in self.agents.titles or doc[name_start].text == "."
        ):
            name_start += 1
        names = self.gender.first_names
        if doc[name_start].lower_ not in names:
            for k in range(name_start + 1, end - 1):
                if doc[k].lower_ in names and doc[k].is_title:
                    return k
        return name_start

    def _ner_one(self, doc: Doc, span: Span, label: str) -> _Cand | None:
        start, end = span.start, span.end
        if label == "PERSON":
            end = _name_tail(doc, end)
        name_start = self._person_name_start(doc, start, end) if label == "PERSON" else start
        if label != "PERSON":
            while name_start < end - 1 and (
                doc[name_start].lower_ in self.agents.titles or doc[name_start].text == "."
            ):
                name_start += 1
        if label != "PERSON" and name_start > start and end - name_start == 1:
            if self.agents.classify(doc[name_start].text):
                return None  # "the Education Ministry": a portfolio of no named government
            # "the Labour Party", "the Trade Union": a title word is the name's own when
            # only a common head would be left
            name_start = start
        name = doc[name_start:end].text
        honorific = self._honorific_gender(doc, start, name_start)
        person_like = (
            label == "PERSON"
            or honorific is not None
            or any(t.lower_ in self.gender.first_names and t.is_title for t in doc[name_start:end])
        )
        if honorific is not None and end - name_start == 1:
            # "Mr. Clinton" and "Mrs. Clinton" are two people
            name = ("Mr. " if honorific == "male" else "Ms. ") + name
        agentive = doc[end - 1].dep_ in {"nsubj", "poss", "nsubjpass"}
        if label == "ORG" and _gazetteer_city(name) and self._is_place(doc, start, end):
            return None  # "fighting in El Fasher": a town the model took for a body
        if label == "GPE" and (self._is_place(doc, start, end) or not agentive):
            return None
        if label == "NORP":
            end2, agent = self._agent_phrase(doc, end, possessive=False)
            is_noun = doc[end - 1].tag_ in {"NNS", "NNPS"}
            if agent is None and not is_noun:
                return None
            end = end2 if agent is not None else end
        if self.fuzzy_cutoff <= 100:
            hit = self.kb.fuzzy(doc[name_start:end].text, cutoff=self.fuzzy_cutoff)
            # a person is matched only to people, and only a place name to a country: a
            # surname is never a state ("Mr. Oman")
            if (
                hit is not None
                and (hit[0].type == "person" or not person_like)
                and (hit[0].type != "state" or label == "GPE")
            ):
                actor, score = hit
                return self._cand(start, end, actor, "fuzzy", by="fuzzy", conf=0.9 * score / 100)
        if not self.use_ner:
            return None
        if label == "PERSON":
            start = self._title_start(doc, start)
            atype = "person"
        elif label == "NORP":
            atype = "religious_group" if name.lower() in _RELIGIOUS else "ethnic_group"
        elif label == "GPE":
            # every state is in the knowledge base: a place name it lacks that acts is a town's
            # authorities, or a name the small model misread ("Tiani accused France"), never a
            # state a description such as "the country" could stand for
            atype = "place" if _gazetteer_city(name) else "other"
        elif doc[end - 1].lower_ in _PARTY_HEADS:
            atype = "party"  # "the Labour Party", "the Liberal Democrats"
        else:
            atype = "other"
        key = normalize(name)
        if not key:
            return None
        return _Cand(start, end, f"NER:{key}", "ner", _CONFIDENCE["ner"], "ner", name, atype)
