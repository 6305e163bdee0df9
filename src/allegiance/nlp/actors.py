"""Actor mentions: find who is named in a text and resolve each mention to a canonical actor.

The component ``allegiance_actors`` fills ``doc.spans["actors"]`` with non-overlapping spans in
document order, each carrying ``span._.actor`` (an :class:`~allegiance.nlp.extensions.ActorRef`),
``span.label_`` (the actor type) and ``span.kb_id_`` (the actor id). In order of trust:

1. knowledge-base aliases and metonyms, matched case- and punctuation-tolerantly ("U.S." = "US");
   a demonym or name followed by agent nouns becomes the sub-actor ("Iranian troops" → IRN.MIL,
   "Iraq's army", "the government of Iraq"); a demonym before a named group is absorbed ("Kurdish
   Peshmerga fighters" → Peshmerga). Country names and capitals used as places ("in Iraq",
   "to Baghdad") are not actors; bare demonyms ("an Iraqi city") are not either;
2. named entities the KB lacks: first tried by fuzzy match against KB aliases ("fuzzy"), else kept
   as provisional actors ``NER:<normalised name>`` ("ner");
3. short references resolved within the document: surnames after a full name ("Galloway" after
   "Maj. Adrian Rankine-Galloway") and acronyms defined in the text ("Syrian Democratic Forces
   (SDF)") ("coref").

Titles before a person's name ("Defense Secretary", "Maj.") belong to the person mention, not to
its name or id. Nothing inside ``doc._.ignore`` is kept.

Identity rules (docs/kb.md, "Actor identity"; words in ``lexicon/data/actor_roles.yaml``): names
the text defines as one ("X, known as Y", "Y (X)") are one actor; a surname goes to the agreeing
full name (given name, honorific gender); outlets that report or are told are sources, not
actors; generic actors give way to named examples ("partners such as China"); ships,
agreements, programmes and unknown places are not actors; the first person outside quotations
is the author (``GEN.AUTHOR``); a fuzzy match never makes a person's name a country.
"""

from __future__ import annotations

import json
import shutil
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..kb import Actor, ActorKB, normalize
from ..lexicon.io import read_mapping
from .extensions import ACTORS_KEY, ActorRef, in_ignored
from .gender import GenderData, load_gender_data
from .references import controlling_objects, load_references, pronouns

__all__ = ["FACTORY", "ActorRecognizer", "make_actor_recognizer"]

FACTORY = "allegiance_actors"

_NER_LABELS = frozenset({"ORG", "PERSON", "NORP", "GPE"})
_RELIGIOUS = frozenset(
    {"muslim", "muslims", "christian", "christians", "jewish", "jews", "islamist", "islamists",
     "catholic", "protestant", "orthodox", "shia", "sunni", "hindu", "buddhist", "sikh",
     "evangelical",
     "salafi", "salafist", "wahhabi", "islamic"}
)  # fmt: skip
_GROUP_TYPES = frozenset({"insurgent", "militia", "rebel", "party"})
_RANK = {"kb": 0, "coref": 1, "fuzzy": 2, "ner": 3}
#: The bundled lexicon of actor roles (outlets as sources, generic actors, defined aliases,
#: non-actors, places).
ROLES_FILE = Path(__file__).resolve().parents[1] / "lexicon" / "data" / "actor_roles.yaml"
AUTHOR_ID = "GEN.AUTHOR"
_QUALIFIERS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
     "i", "ii", "iii", "one", "two", "three", "main", "new", "old"}
)  # fmt: skip
_DASHES = frozenset({"—", "–", "-", "--", ":"})
_OPEN_QUOTES = frozenset("“«‘")
_CLOSE_QUOTES = frozenset("”»’")


_DATELINE_ENDS = frozenset({"—", "–", "-", "--", "(", ":"})


def _dated(doc: Doc, comma: int) -> bool:
    """Whether a date, then an agency credit or a dash, follows the comma at ``comma``: the
    rest of a dateline ("BRUSSELS, May 4 (Reuters) -"), not a clause ("Moscow, meanwhile,")."""
    window = doc[comma + 1 : comma + 9]
    if not len(window) or window[0].ent_type_ != "DATE":
        return False
    return any(t.text in _DATELINE_ENDS for t in window[1:])


@dataclass(frozen=True)
class ActorRoles:
    """The word lists of ``actor_roles.yaml`` (see that file for what each one decides)."""

    outlet_subject_verbs: frozenset[str]
    outlet_addressee_verbs: frozenset[str]
    outlet_with_nouns: frozenset[str]
    outlet_in_verbs: frozenset[str]
    outlet_possessed_nouns: frozenset[str]
    generic_examples: tuple[tuple[str, ...], ...]
    alias_cues: tuple[tuple[str, ...], ...]
    alias_cues_no_comma: tuple[tuple[str, ...], ...]
    non_actor_prefixes: frozenset[str]
    non_actor_heads: frozenset[str]
    place_prepositions: frozenset[str]
    place_verbs: frozenset[str]
    author_outlet_types: frozenset[str] = frozenset()


def load_actor_roles(paths: Sequence[str] = ()) -> ActorRoles:
    """Load ``actor_roles.yaml`` and user files over it (lists are added to).

    Raises:
        LexiconError: when a file cannot be read or is not a mapping.
    """
    words: dict[str, set[str]] = {}
    seqs: dict[str, set[tuple[str, ...]]] = {}
    for path in (ROLES_FILE, *map(Path, paths)):
        data = read_mapping(path)
        for key, value in data.items():
            if not isinstance(value, list):
                continue
            if value and isinstance(value[0], list):
                seqs.setdefault(key, set()).update(
                    tuple(str(w).lower() for w in v) for v in value if v
                )
            else:
                words.setdefault(key, set()).update(str(w).lower() for w in value)

    def w(key: str) -> frozenset[str]:
        return frozenset(words.get(key, ()))

    def q(key: str) -> tuple[tuple[str, ...], ...]:
        # longest cue first, so "also known as" is tried before "known as"
        return tuple(sorted(seqs.get(key, ()), key=lambda t: (-len(t), t)))

    return ActorRoles(
        outlet_subject_verbs=w("outlet_subject_verbs"),
        outlet_addressee_verbs=w("outlet_addressee_verbs"),
        outlet_with_nouns=w("outlet_with_nouns"),
        outlet_in_verbs=w("outlet_in_verbs"),
        outlet_possessed_nouns=w("outlet_possessed_nouns"),
        generic_examples=q("generic_examples"),
        alias_cues=q("alias_cues"),
        alias_cues_no_comma=q("alias_cues_no_comma"),
        non_actor_prefixes=w("non_actor_prefixes"),
        non_actor_heads=w("non_actor_heads"),
        place_prepositions=w("place_prepositions"),
        place_verbs=w("place_verbs"),
        author_outlet_types=w("author_outlet_types"),
    )


def quoted_tokens(doc: Doc) -> list[bool]:
    """For each token, whether it sits inside quotation marks. Quotes pair within a paragraph
    (a line); one left open runs to the end of its paragraph."""
    text = doc.text
    inside = bytearray(len(text) + 1)
    state = False
    for k, ch in enumerate(text):
        if ch == "\n":
            state = False
        elif ch in _OPEN_QUOTES and ch != "‘":
            state = True
        elif ch in _CLOSE_QUOTES and ch != "’":
            state = False
        elif ch == '"':
            state = not state
        inside[k] = state
    return [bool(inside[t.idx]) for t in doc]


_CONFIDENCE = {"alias": 0.95, "metonym": 0.8, "adjective": 0.9, "compound": 0.9, "ner": 0.5}


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    actor_id: str
    resolved_by: str
    confidence: float
    kind: str  # alias, metonym, adjective, compound, ner, fuzzy, coref
    name: str = ""
    type: str = "other"


def _variants(form: str) -> set[str]:
    """Spellings of a surface form that the tokenizer may see ("U.S." / "US", ’ / ')."""
    if form[:4].lower() == "the ":
        form = form[4:]  # mentions leave out the article
    out = {form, form.replace("’", "'"), form.replace("'", "’")}
    if "." in form:
        out |= {v.replace(".", "") for v in list(out)}
    if "-" in form:
        out |= {v.replace("-", " ") for v in list(out)}
    return {v.strip() for v in out if v.strip()}


def _case_sensitive(form: str, stop_words: Iterable[str]) -> bool:
    letters = [c for c in form if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) <= 3:
        return True
    return " " not in form and form.lower() in stop_words


class ActorRecognizer:
    """spaCy component that finds actor mentions and resolves them against the knowledge base.

    Args:
        nlp: the pipeline (its vocabulary and tokenizer build the matchers).
        name: the component name.
        kb_paths: user YAML files that extend or override the packaged knowledge base.
        fuzzy_cutoff: minimum rapidfuzz ratio (0-100) for a fuzzy match of a named entity.
        use_ner: keep named entities the KB lacks as provisional actors.
        roles_paths: user files in the format of ``lexicon/data/actor_roles.yaml`` whose lists
            add to the bundled ones (outlet roles, alias cues, non-actors, places).
    """

    def __init__(
        self,
        nlp: Language,
        name: str = FACTORY,
        *,
        kb_paths: Sequence[str] = (),
        fuzzy_cutoff: float = 90,
        use_ner: bool = True,
        roles_paths: Sequence[str] = (),
    ) -> None:
        self.nlp = nlp
        self.name = name
        self.kb_paths = [str(p) for p in kb_paths]
        self.fuzzy_cutoff = float(fuzzy_cutoff)
        self.use_ner = bool(use_ner)
        self.roles_paths = [str(p) for p in roles_paths]
        self._build()

    # -- set-up ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.kb = ActorKB.load(self.kb_paths)
        self.agents = self.kb.agents
        self.roles = load_actor_roles(self.roles_paths)
        self.gender: GenderData = load_gender_data()
        vocab = self.nlp.vocab
        self._lower = PhraseMatcher(vocab, attr="LOWER")
        self._orth = PhraseMatcher(vocab, attr="ORTH")
        stop_words = self.nlp.Defaults.stop_words
        lower: dict[str, set[str]] = {}
        orth: dict[str, set[str]] = {}
        groups: tuple[tuple[str, Iterator[tuple[str, str]]], ...] = (
            ("A", self.kb.surface_forms()),
            ("M", self.kb.metonym_forms()),
            ("J", self.kb.adjective_forms()),
        )
        for tag, forms in groups:
            for form, actor_id in forms:
                actor = self.kb.get(actor_id)
                # "the West": a generic name given with its article needs it in the text
                article = (
                    tag == "A"
                    and actor is not None
                    and actor.sector == "generic"
                    and form[:4].lower() == "the "
                    and form[4:5].isupper()
                )
                key = f"{'T' if article else tag}|{actor_id}"

                # a generic actor is named by common nouns; one of its aliases written with a
                # capital is a proper name and matches only so ("the West", not "west of Raqqa")
                proper = (
                    actor is not None
                    and actor.sector == "generic"
                    and form.removeprefix("the ")[:1].isupper()
                )
                for variant in _variants(form):
                    if proper or _case_sensitive(variant, stop_words):
                        orth.setdefault(key, set()).update({variant, variant.upper()})
                    else:
                        # Tokenised as written: lower-cased "u.s." splits differently from "U.S.".
                        lower.setdefault(key, set()).add(variant)
        for table, matcher in ((lower, self._lower), (orth, self._orth)):
            texts = sorted({t for variants in table.values() for t in variants})
            docs = dict(zip(texts, self.nlp.tokenizer.pipe(texts), strict=True))  # type: ignore[union-attr]
            for key, variants in table.items():
                matcher.add(key, [docs[t] for t in sorted(variants)])

    # -- main --------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        """Find actor mentions and store them in ``doc.spans["actors"]``."""
        kb_cands = self._kb_candidates(doc)
        taken = [False] * len(doc)
        chosen: list[_Cand] = []
        for cand in _greedy(kb_cands):
            for i in range(cand.start, cand.end):
                taken[i] = True  # an outlet that is a source stays taken: no actor there
            if not self._is_source_outlet(doc, cand):
                chosen.append(cand)
        if self.use_ner or self.fuzzy_cutoff <= 100:
            for cand in self._ner_candidates(doc, taken):
                chosen.append(cand)
                for i in range(cand.start, cand.end):
                    taken[i] = True
        chosen = self._specific_over_generic(doc, chosen)
        chosen.extend(self._defined_aliases(doc, chosen, taken))
        chosen.extend(self._coref_candidates(doc, chosen, taken))
        spans: list[Span] = []
        for cand in sorted(chosen, key=lambda c: c.start):
            span = Span(doc, cand.start, cand.end, label=cand.type, kb_id=cand.actor_id)
            if in_ignored(doc, span.start_char, span.end_char):
                continue
            span._.actor = self._ref(cand)
            spans.append(span)
        doc.spans[ACTORS_KEY] = spans
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        """Process a stream of documents."""
        for doc in stream:
            yield self(doc)

    def _ref(self, cand: _Cand) -> ActorRef:
        actor = self.kb.get(cand.actor_id)
        if actor is None:
            return ActorRef(
                actor_id=cand.actor_id,
                actor_name=cand.name,
                actor_type=cand.type,
                resolved_by=cand.resolved_by,
                confidence=round(cand.confidence, 3),
            )
        return ActorRef(
            actor_id=actor.id,
            actor_name=actor.name,
            actor_type=actor.type,
            country=self.kb.country_of(actor.id),
            parent_id=actor.parent,
            resolved_by=cand.resolved_by,
            confidence=round(cand.confidence, 3),
        )

    def _cand(self, start: int, end: int, actor: Actor, kind: str, by: str = "kb",
              conf: float | None = None) -> _Cand:  # fmt: skip
        return _Cand(start, end, actor.id, by, _CONFIDENCE.get(kind, 0.9) if conf is None else conf,
                     kind, actor.name, actor.type)  # fmt: skip

    # -- knowledge-base matches --------------------------------------------------------------
    def _kb_candidates(self, doc: Doc) -> list[_Cand]:
        strings = doc.vocab.strings
        raw: list[_Cand] = []
        for match_id, start, end in [*self._lower(doc), *self._orth(doc)]:
            tag, actor_id = strings[match_id].split("|", 1)
            actor = self.kb.get(actor_id)
            if actor is None:
                continue
            if tag == "T" and (start == 0 or doc[start - 1].lower_ != "the"):
                continue
            kind = {"A": "alias", "T": "alias", "M": "metonym", "J": "adjective"}[tag]
            raw.append(self._cand(start, end, actor, kind))
        # Longest first; at equal length an alias beats an adjective reading of the same words.
        base = _greedy(raw, kind_rank={"alias": 0, "metonym": 1, "adjective": 2})
        base.sort(key=lambda c: c.start)
        out: list[_Cand] = []
        i = 0
        while i < len(base):
            cand = base[i]
            nxt = base[i + 1] if i + 1 < len(base) else None
            # "NATO allies", "EU partners": the members of an alliance are the alliance
            # ("US allies" are not the US: only alliances and organisations)
            cand_actor = self.kb.get(cand.actor_id)
            nxt_actor = self.kb.get(nxt.actor_id) if nxt is not None else None
            if (
                nxt is not None
                and nxt.start == cand.end
                and cand.kind == "alias"
                and cand_actor is not None
                and cand_actor.type == "igo"
                and nxt_actor is not None
                and nxt_actor.sector == "generic"
                and doc[nxt.end - 1].lower_ in self.agents.self_nouns
            ):
                out.append(self._cand(cand.start, nxt.end, cand_actor, "alias"))
                i += 2
                continue
            # "Kurdish Peshmerga", "Syrian Kurdish fighters": the demonym qualifies what follows.
            if cand.kind == "adjective" and nxt is not None and nxt.start == cand.end:
                nxt_actor = self.kb.get(nxt.actor_id)
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
                out.append(resolved)
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

    def _resolve(self, doc: Doc, cand: _Cand) -> _Cand | None:
        actor = self.kb.get(cand.actor_id)
        assert actor is not None
        end, agent_tok = self._agent_phrase(doc, cand.end, possessive=cand.kind != "adjective")
        if agent_tok is not None:
            sub = self.kb.sub_actor(actor.id, agent_tok.text)
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
        if cand.kind == "adjective":
            head = doc[cand.end - 1].head
            if doc[cand.end - 1].dep_ not in {"amod", "compound", "nmod"} or head.i < cand.end:
                return None
            if head.lower_ in self.agents.place("place_of_heads") or head.ent_type_ in {
                "GPE",
                "LOC",
                "FAC",
            }:
                return None
            return cand
        is_place_name = cand.kind == "metonym" or actor.type == "state"
        if is_place_name and self._is_place(doc, cand.start, cand.end):
            return None
        return cand

    def _agent_phrase(self, doc: Doc, start: int, *, possessive: bool) -> tuple[int, Token | None]:
        """Scan modifiers and agent nouns after a name; return the phrase end and its agent noun."""
        j = start
        if possessive and j < len(doc) and doc[j].lower_ in {"'s", "’s", "'"}:
            j += 1
        best: Token | None = None
        best_tier = -1
        end = start
        limit = min(len(doc), j + 5)
        while j < limit:
            tok = doc[j]
            hit = self.agents.classify(tok.text)
            if hit is not None and tok.pos_ != "VERB":
                if hit[1] >= best_tier:
                    best, best_tier = tok, hit[1]
                end = j + 1
            elif tok.lower_ not in self.agents.modifiers:
                break
            j += 1
        # "Pentagon Press Secretary Peter Cook": title words before a name are the person's
        titles = self.agents.titles
        while (
            end > start
            and end < len(doc)
            and doc[end - 1].lower_ in titles
            and (doc[end].lower_ in titles or doc[end].ent_type_ == "PERSON")
        ):
            end -= 1
        if best is not None and best.i >= end:
            best = None
            for tok in doc[start:end]:
                hit = self.agents.classify(tok.text)
                if hit is not None and tok.pos_ != "VERB":
                    best = tok
        return end, best

    def _is_place(self, doc: Doc, start: int, end: int) -> bool:
        """Whether a country or capital name is used as a location ("in Iraq", "to Syria")."""
        tok = doc[end - 1]
        if tok.dep_ == "poss":
            # "over Washington's support" is an actor; "in Iraq's north" a place
            return tok.head.lower_ in self.agents.place("place_of_heads")
        seen = 0
        while tok.dep_ == "conj" and tok.head is not tok and seen < 6:
            tok = tok.head
            seen += 1
        if tok.dep_ == "pobj" and tok.head.lower_ in self.agents.place("locative_prepositions"):
            gov = tok.head.head
            # "a threat to the United States", "support to Iraq": the noun's addressee;
            # "a visit to Iraq", "the road to Damascus" are places
            aimed = gov.head if gov.dep_ == "dobj" else gov  # "fired missiles at X"
            return not (
                (
                    tok.head.lower_ in self.agents.place("addressee_prepositions")
                    and gov.pos_ == "NOUN"
                    and gov.lemma_.lower() not in self.agents.place("motion_nouns")
                )
                or (
                    tok.head.lower_ == "at"
                    and aimed.lemma_.lower() in self.agents.place("aiming_verbs")
                )
                or (
                    tok.head.lower_ == "to"
                    and aimed.lemma_.lower() in self.agents.place("giving_verbs")
                )
                or (
                    tok.head.lower_ == "from"
                    and (
                        gov.lemma_.lower() in self.agents.place("from_source_nouns")
                        or gov.lemma_.lower() in self.agents.place("taking_verbs")
                        or (
                            gov.dep_ == "dobj"
                            and gov.head.lemma_.lower() in self.agents.place("taking_verbs")
                        )
                    )
                )
            )
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
        if k >= 0 and doc[k].lower_ in self.agents.place("locative_prepositions"):
            return True
        # A dateline ("BAGHDAD —"), a heading line ("\nSyria\n"), "Palmyra, Syria".
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
        if doc[start].is_sent_start and nxt is not None and nxt.text in {"—", "–", "-", "(", ":"}:
            return True
        if doc[start].is_sent_start and nxt is not None and nxt.text == "," and _dated(doc, end):
            return True  # "ADDIS ABABA, May 4 (Reuters) -", "Nairobi, Jan. 5, 2019 —"
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

    def _title_start(self, doc: Doc, start: int) -> int:
        """Extend a person mention left over titles ("Defense Secretary", "Maj.", "Iraqi")."""
        titles = self.agents.titles
        k = start - 1
        moved = start
        while k >= 0:
            tok = doc[k]
            low = tok.lower_
            if low in titles or (low == "." and k > 0 and doc[k - 1].lower_ in titles):
                moved = k
            elif low == "of" and moved == k + 1 and k > 0 and doc[k - 1].lower_ in titles:
                moved = k  # "Secretary of State John Kerry", "Chief of Staff"
            elif (
                moved < start
                and self.kb.lookup_adjective(tok.text) is not None
                and tok.pos_ != "VERB"
            ):
                moved = k  # "Iraqi Prime Minister ..."
                k -= 1
                break
            else:
                break
            k -= 1
        return moved

    # -- outlets, generic actors, defined aliases ------------------------------------------------
    def _is_source_outlet(self, doc: Doc, cand: _Cand) -> bool:
        """Whether an outlet mention is a source of the text rather than an actor in it: a
        dateline or credit ("WASHINGTON (AP) -", "(Reuters)"), the outlet a person talks to
        ("told FoxNews.com", "in an interview with CNN"), the one that reports ("Reuters
        reported", "according to Al Jazeera", "wrote in The Guardian") or owns the report
        ("a BBC correspondent")."""
        actor = self.kb.get(cand.actor_id)
        if actor is None or actor.sector != "outlet":
            return False
        roles = self.roles
        start, end = cand.start, cand.end
        before = doc[start - 1] if start > 0 else None
        after = doc[end] if end < len(doc) else None
        if before is not None and before.text == "(" and after is not None and after.text == ")":
            return True
        line_start = before is None or "\n" in before.text or doc[start].is_sent_start
        if line_start and after is not None and after.text in _DASHES:
            return True
        root = doc[start:end].root
        head = root.head
        lemma = head.lemma_.lower()
        if root.dep_ in ("nsubj", "nsubjpass", "compound") and lemma in roles.outlet_subject_verbs:
            return root.dep_ != "nsubjpass"
        if root.dep_ in ("dobj", "dative") and lemma in roles.outlet_addressee_verbs:
            return True
        if root.dep_ == "pobj":
            prep, gov = head.lower_, head.head
            glemma = gov.lemma_.lower()
            if prep == "to" and (
                gov.lower_ == "according" or glemma in roles.outlet_addressee_verbs
            ):
                return True
            if prep == "with" and glemma in roles.outlet_with_nouns:
                return True
            if prep in ("in", "on") and glemma in roles.outlet_in_verbs:
                return True
            if prep == "by" and glemma in roles.outlet_subject_verbs:
                return True  # "reported by Reuters"
        if root.dep_ in ("poss", "compound", "nmod") and head.lemma_.lower() in (
            roles.outlet_possessed_nouns
        ):
            return True
        return False

    def _specific_over_generic(self, doc: Doc, chosen: list[_Cand]) -> list[_Cand]:
        """Drop a generic mention followed by examples that name actors ("trading partners
        such as China", "donors including Japan"): the named ones are the actors."""
        by_start = {c.start: c for c in chosen}
        out: list[_Cand] = []
        for cand in chosen:
            actor = self.kb.get(cand.actor_id)
            if actor is not None and actor.sector == "generic":
                j = cand.end + (1 if cand.end < len(doc) and doc[cand.end].text == "," else 0)
                for cue in self.roles.generic_examples:
                    if [t.lower_ for t in doc[j : j + len(cue)]] == list(cue):
                        k = j + len(cue)
                        if k < len(doc) and doc[k].lower_ == "the":
                            k += 1
                        other = by_start.get(k)
                        other_actor = self.kb.get(other.actor_id) if other is not None else None
                        if other is not None and (
                            other_actor is None or other_actor.sector != "generic"
                        ):
                            break
                else:
                    out.append(cand)
                continue
            out.append(cand)
        return out

    def _defined_aliases(self, doc: Doc, chosen: list[_Cand], taken: list[bool]) -> list[_Cand]:
        """Names the text defines as one actor: "X, known as Y", "X, also called Y", "Y (X)".

        The more specific reading wins (a knowledge-base name over a generic phrase or a
        provisional name) and every mention of the other actor in the document takes it.
        A defined name nobody recognised becomes a mention of the actor. Returns the new
        mentions.
        """
        by_start = {c.start: c for c in chosen}
        pairs: list[tuple[_Cand, _Cand]] = []
        new: list[_Cand] = []
        for cand in sorted(chosen, key=lambda c: c.start):
            j = cand.end
            if j >= len(doc):
                continue
            if doc[j].text == "(":
                other = by_start.get(j + 1)
                if other is not None and other.end < len(doc) and doc[other.end].text == ")":
                    pairs.append((cand, other))
                continue
            comma = doc[j].text == ","
            cues = self.roles.alias_cues if comma else self.roles.alias_cues_no_comma
            j += 1 if comma else 0
            for cue in cues:
                if [t.lower_ for t in doc[j : j + len(cue)]] != list(cue):
                    continue
                k = j + len(cue)
                while k < len(doc) and (doc[k].lower_ == "the" or doc[k].text in {'"', "“", "‘"}):
                    k += 1
                other = by_start.get(k)
                if other is not None:
                    pairs.append((cand, other))
                elif cue != ("or",) and k < len(doc) and doc[k].pos_ == "PROPN" and not taken[k]:
                    e = k
                    while (
                        e < len(doc)
                        and not taken[e]
                        and (
                            doc[e].pos_ == "PROPN"
                            or (
                                doc[e].text == "-"
                                and e + 1 < len(doc)
                                and doc[e + 1].pos_ == "PROPN"
                            )
                        )
                    ):
                        e += 1
                    twin = _Cand(k, e, cand.actor_id, "coref", round(0.85 * cand.confidence, 3),
                                 "coref", cand.name, cand.type)  # fmt: skip
                    for i in range(k, e):
                        taken[i] = True
                    new.append(twin)
                break
        for a, b in pairs:
            self._unify(a, b, [*chosen, *new])
        return new

    def _unify(self, a: _Cand, b: _Cand, mentions: list[_Cand]) -> None:
        """Make two mentions one actor, keeping the more specific one's identity."""
        if a.actor_id == b.actor_id:
            return
        if (a.type == "person") != (b.type == "person") and "ner" not in (
            a.resolved_by,
            b.resolved_by,
        ):
            return  # a person and an organisation the knowledge base knows stay two
        if a.kind == "alias" and b.kind == "alias":
            return  # two names the knowledge base tells apart stay apart

        def rank(c: _Cand) -> tuple[int, bool, int]:
            actor = self.kb.get(c.actor_id)
            generic = actor is not None and actor.sector == "generic"
            tier = (
                3
                if generic
                else {"alias": 0, "metonym": 0, "fuzzy": 1}.get(
                    c.kind, 2 if c.resolved_by == "kb" else 3
                )
            )
            # a provisional name's person reading is the weaker one ("Ittihad al-Muzarain")
            return tier, c.resolved_by == "ner" and c.type == "person", -(c.end - c.start)

        win, lose = (a, b) if rank(a) <= rank(b) else (b, a)
        old = lose.actor_id
        for m in mentions:
            if m.actor_id == old:
                m.actor_id, m.name, m.type = win.actor_id, win.name, win.type
                m.resolved_by, m.kind = "coref", "coref"
                m.confidence = round(min(m.confidence, win.confidence), 3)

    # -- named entities ------------------------------------------------------------------------
    def _ner_candidates(self, doc: Doc, taken: list[bool]) -> list[_Cand]:
        out: list[_Cand] = []
        ships: set[str] = set()  # names of ships met so far ("FS Forbin" ... "Forbin")
        for ent in doc.ents:
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
            if self._not_an_actor(doc, span, ent.label_, ships):
                continue
            cand = self._ner_one(doc, span, ent.label_)
            if cand is not None:
                while cand.start < cand.end and taken[cand.start]:
                    cand.start += 1  # a title already claimed ("Pentagon spokesman")
                if cand.start < cand.end and not any(taken[i] for i in range(cand.start, cand.end)):
                    out.append(cand)
        return out

    def _not_an_actor(self, doc: Doc, span: Span, label: str, ships: set[str]) -> bool:
        """Named things that are not actors: ships ("USS Mahan", then "Mahan"), agreements,
        laws and plans ("the Geneva Communique", "Cessation of Hostilities"), titles alone
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
        for t in span:  # "Qayyarah Airfield West", "Mosul Dam 2": a facility with a qualifier
            if (
                t.lower_ in self.agents.not_actors
                and t.i > span.start
                and all(u.lower_ in _QUALIFIERS or u.like_num for u in doc[t.i + 1 : span.end])
            ):
                return True
        if len(span) == 1 and not span.text.isupper() and self.agents.classify(span.text):
            return True  # "Troop levels are rising": an agent noun opening a sentence
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
        name_start = self._person_name_start(doc, start, end) if label == "PERSON" else start
        if label != "PERSON":
            while name_start < end - 1 and (
                doc[name_start].lower_ in self.agents.titles or doc[name_start].text == "."
            ):
                name_start += 1
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
            atype = "state"
        else:
            atype = "other"
        key = normalize(name)
        if not key:
            return None
        return _Cand(start, end, f"NER:{key}", "ner", _CONFIDENCE["ner"], "ner", name, atype)

    def _honorific_gender(self, doc: Doc, start: int, name_start: int) -> str | None:
        """The gender an honorific before a name gives ("Mrs. Clinton"), or None."""
        k = name_start - 1
        if k >= 0 and doc[k].text == ".":
            k -= 1
        if k < 0 or k < start - 2:
            return None
        low = doc[k].lower_
        return self.gender.honorifics.get(low) or self.gender.honorifics.get(low.rstrip("."))

    # -- within-document coreference --------------------------------------------------------------
    def author_of(self, doc: Doc) -> Actor | None:
        """Who the author's first person is: the document's outlet when it speaks for itself
        (a department, a command: ``author_outlet_types``), else the generic author."""
        outlet = doc._.outlet
        if outlet:
            actor = self.kb.lookup(str(outlet))
            if actor is not None and actor.type in self.roles.author_outlet_types:
                return actor
        return self.kb.get(AUTHOR_ID)

    def _coref_candidates(self, doc: Doc, chosen: list[_Cand], taken: list[bool]) -> list[_Cand]:
        """Surnames after a full name and acronyms defined in parentheses.

        A surname goes to the nearest earlier full name that agrees with it: the same given
        name when one is written, the gender of an honorific ("Mrs. Clinton" is not "Bill
        Clinton"); with no agreeing full name it stays its own person.
        """
        # surface -> [(antecedent, first token it applies from)], in document order
        refs: dict[str, list[tuple[_Cand, int]]] = {}
        titles = self.agents.titles
        gender_of: dict[int, str | None] = {}

        def name_words(c: _Cand) -> list[Token]:
            return [t for t in doc[c.start : c.end] if t.is_alpha and t.is_title
                    and t.lower_ not in titles]  # fmt: skip

        def gender(c: _Cand) -> str | None:
            if id(c) not in gender_of:
                gender_of[id(c)] = self.gender.of_words([t.text for t in doc[c.start : c.end]])
            return gender_of[id(c)]

        def pick(form: str, i: int, want: str | None, given: frozenset[str]) -> _Cand | None:
            best = agreeing = None
            for ante, from_i in refs.get(form, ()):
                if from_i > i:
                    break
                if ante.type == "person":
                    g = gender(ante)
                    if want is not None and g is not None and g != want:
                        continue
                    if given and not given <= {t.lower_ for t in name_words(ante)}:
                        continue
                    if want is not None and g == want:
                        agreeing = ante  # a known gender that agrees beats an unknown one
                best = ante
            return agreeing or best

        for cand in sorted(chosen, key=lambda c: c.start):
            if cand.type == "person":
                name_toks = name_words(cand)
                if len(name_toks) >= 2:
                    last = name_toks[-1]
                    # "Rankine-Galloway": both the whole hyphenated name and its last part.
                    forms = {last.text}
                    if last.i >= 2 and doc[last.i - 1].text == "-" and doc[last.i - 2].is_title:
                        forms.add(doc[last.i - 2 : last.i + 1].text)
                    for form in forms:
                        entries = refs.setdefault(form, [])
                        if not any(e[0].actor_id == cand.actor_id for e in entries):
                            entries.append((cand, cand.end))
            if cand.end - cand.start >= 2 and cand.end + 2 < len(doc):
                op, acr, cl = doc[cand.end], doc[cand.end + 1], doc[cand.end + 2]
                if op.text == "(" and cl.text == ")" and acr.is_upper and len(acr.text) >= 2:
                    if not refs.get(acr.text):  # the first definition holds
                        refs[acr.text] = [(cand, cand.end)]
        for cand in chosen:
            if cand.resolved_by != "ner":
                continue
            words = name_words(cand)
            last = doc[cand.end - 1]
            form = last.text
            if len(words) >= 2 and last.i >= 2 and doc[last.i - 1].text == "-":
                form = doc[last.i - 2 : last.i + 1].text
            given = frozenset(t.lower_ for t in words[:-1] if t.text not in form)
            ante = pick(form, cand.start, gender(cand) if cand.type == "person" else None, given)
            if (
                ante is not None
                and ante is not cand
                and ante.actor_id != cand.actor_id
                and (
                    doc[cand.start : cand.end].text == form  # the surname alone, any label
                    or (
                        (cand.end - cand.start == 1 or cand.type == "person")
                        and (cand.type == "person") == (ante.type == "person")
                    )
                )
            ):
                cand.actor_id, cand.name, cand.type = ante.actor_id, ante.name, ante.type
                cand.resolved_by, cand.kind = "coref", "coref"
                cand.confidence = round(0.85 * ante.confidence, 3)
        out: list[_Cand] = []
        for tok in doc:
            if not refs:
                break
            if taken[tok.i] or tok.text not in refs:
                continue
            want = self._honorific_gender(doc, max(0, tok.i - 2), tok.i)
            ante = pick(tok.text, tok.i, want, frozenset())
            if ante is None:
                continue
            start = self._title_start(doc, tok.i) if ante.type == "person" else tok.i
            while start < tok.i and taken[start]:
                start += 1
            cand = _Cand(start, tok.i + 1, ante.actor_id, "coref", round(0.85 * ante.confidence, 3),
                         "coref", ante.name, ante.type)  # fmt: skip
            for i in range(cand.start, cand.end):
                taken[i] = True
            out.append(cand)
        out.extend(self._anaphora(doc, sorted([*chosen, *out], key=lambda c: c.start), taken))
        return out

    def _anaphora(self, doc: Doc, mentions: list[_Cand], taken: list[bool]) -> list[_Cand]:
        """Pronouns and definite descriptions ("the regime", "this terrorist group") resolved to
        the nearest fitting earlier mention within a few sentences.

        ``mentions`` is sorted by start. Every lookup starts at the last mention before the
        token (found by bisection) and stops at the edge of its window, so that the cost per
        pronoun does not grow with the length of the document.
        """
        if not doc.has_annotation("SENT_START"):
            return []
        sent_of = [0] * len(doc)
        for k, sent in enumerate(doc.sents):
            for i in range(sent.start, sent.end):
                sent_of[i] = k
        out: list[_Cand] = []
        starts = [c.start for c in mentions]
        # the mentions and the resolved references so far, in the order of a stable sort of
        # ``[*mentions, *out]`` by start
        pool = _SortedMentions(mentions)
        known = _SortedMentions(mentions)
        refs = load_references()
        p_speaker, p_we = refs.family("speaker"), refs.family("we")
        p_person, p_they, definite = refs.family("person"), refs.family("they"), refs.definite
        group_heads, gov_heads = refs.family("group_heads"), refs.family("government_heads")
        words: list[frozenset[str]] | None = None
        by_word: dict[str, list[int]] = {}
        first_named: dict[str, _Cand] = {}
        by_end: dict[int, list[_Cand]] = {}
        for cand in mentions:
            if cand.resolved_by != "coref":
                first_named.setdefault(cand.actor_id, cand)
            by_end.setdefault(cand.end, []).append(cand)

        def nearest(i: int, ok: Any, window: int = refs.window_sentences) -> _Cand | None:
            # mentions from bisect_left(starts, i) on start at or after i: none ends before it
            for j in range(bisect_left(starts, i) - 1, -1, -1):
                cand = mentions[j]
                if cand.end > i:
                    continue
                if sent_of[cand.start] < sent_of[i] - window:
                    return None
                if ok(cand):
                    return cand
            return None

        def nearest_named(i: int, required: tuple[str, ...]) -> _Cand | None:
            """The nearest earlier mention whose normalised name or text has all the words
            ``required`` (any distance back), looked up by the first word."""
            nonlocal words
            if words is None:
                # normalised once per mention, not once per comparison
                words = [
                    frozenset(normalize(c.name).split())
                    | frozenset(normalize(doc[c.start : c.end].text).split())
                    for c in mentions
                ]
                for j, ws in enumerate(words):
                    for w in ws:
                        by_word.setdefault(w, []).append(j)
            with_first = by_word.get(required[0], [])
            for n in range(bisect_left(with_first, bisect_left(starts, i)) - 1, -1, -1):
                j = with_first[n]
                if mentions[j].end <= i and all(x in words[j] for x in required[1:]):
                    return mentions[j]
            return None

        def salient(i: int, ok: Any, window: int) -> _Cand | None:
            """Like ``nearest``, but within the nearest sentence that offers a candidate, a
            subject (or the focus of "it was X who") beats a nearer object; earlier
            pronouns count, so chains ("their fighters ... they") are followed."""
            best: _Cand | None = None
            for cand in pool.before(i):
                # mentions further back are all outside the window: none can become ``best``
                if sent_of[cand.start] < sent_of[i] - window:
                    break
                if cand.end > i or not ok(cand):
                    continue
                if best is not None and sent_of[cand.start] != sent_of[best.start]:
                    break
                if best is None or _they_rank(doc, cand) > _they_rank(doc, best):
                    best = cand
            return best

        def add(start: int, end: int, ante: _Cand, actor_id: str | None = None) -> None:
            actor = self.kb.get(actor_id) if actor_id else None
            if actor is not None:
                cand = self._cand(
                    start, end, actor, "coref", by="coref", conf=0.5 * ante.confidence
                )
            else:
                cand = _Cand(start, end, ante.actor_id, "coref", round(0.5 * ante.confidence, 3),
                             "coref", ante.name, ante.type)  # fmt: skip
            for k in range(start, end):
                taken[k] = True
            out.append(cand)
            pool.insert(cand)

        quoted = quoted_tokens(doc)
        author = self.author_of(doc)
        # first person singular outside quotations: opinion writing, where "we" is the writer's too
        opinion = any(t.lower_ in p_speaker and t.pos_ == "PRON" and not quoted[t.i] for t in doc)

        def add_author(i: int) -> None:
            if author is None:
                return
            cand = self._cand(i, i + 1, author, "coref", by="coref", conf=0.6)
            taken[i] = True
            out.append(cand)

        for tok in doc:
            if taken[tok.i]:
                continue
            low = tok.lower_
            if tok.pos_ == "PRON" or low in p_we:
                if low in p_speaker and not quoted[tok.i]:
                    # the author's "I" is the author, never a person the text mentions
                    add_author(tok.i)
                elif low in p_person or low in p_speaker:
                    ante = nearest(tok.i, lambda c: c.type == "person")
                    if ante is not None:
                        add(tok.i, tok.i + 1, ante)
                elif low in p_we:
                    if opinion and not quoted[tok.i]:
                        add_author(tok.i)  # an editorial "we" is the writer, not the nation
                        continue
                    # "we" is the speaker's side: the speaker's affiliation, or the organisation
                    # named in the speaker's sentence; never the nearest name (often the enemy).
                    speaker = nearest(tok.i, lambda c: c.type == "person" or _is_speaker(doc, c))
                    if speaker is None:
                        if not quoted[tok.i]:
                            add_author(tok.i)  # "We condemn ...": the issuer of the statement
                        continue
                    if speaker.type != "person":
                        add(tok.i, tok.i + 1, speaker)
                        continue
                    actor = self.kb.get(speaker.actor_id)
                    if actor is not None and actor.affiliation:
                        add(tok.i, tok.i + 1, speaker, actor.affiliation)
                        continue
                    if speaker.resolved_by == "coref":  # "he added": where he was named
                        speaker = first_named.get(speaker.actor_id, speaker)
                    k = sent_of[speaker.start]
                    # the organisation of the speaker's title ("Pentagon Press Secretary X"),
                    # else the first named in the speaker's sentence; never what "our" itself
                    # qualifies ("our Kurdish partners")
                    org = next((c for c in by_end.get(speaker.start, ())
                                if c.type != "person"), None)  # fmt: skip
                    if org is None:
                        # the sentence's mentions are a run of the start-sorted list
                        lo = bisect_left(sent_of, k)
                        hi = bisect_left(sent_of, k + 1)
                        org = next((c for c in mentions[bisect_left(starts, lo)
                                                         : bisect_left(starts, hi)]
                                    if c.type != "person" and c.resolved_by != "coref"
                                    and c.start != tok.i + 1), None)  # fmt: skip
                    if org is not None:
                        add(tok.i, tok.i + 1, org)
                elif low in p_they:
                    # binding: "they do not trust them": an object pronoun is not its own
                    # clause's subject
                    bound = _clause_subject_actors(doc, tok, pool.covering)
                    ante = salient(
                        tok.i,
                        lambda c, b=bound: (
                            c.type != "person"
                            and c.actor_id not in b
                            and doc[c.start].lower_ not in refs.first_person
                        ),
                        window=1,
                    )
                    if ante is not None:
                        add(tok.i, tok.i + 1, ante)
                continue
            if tok.pos_ != "NOUN":
                continue
            dets = [c for c in tok.children if c.dep_ == "det" and c.lower_ in definite]
            if not dets or tok.i - dets[0].i > 4 or any(taken[k] for k in range(dets[0].i, tok.i)):
                continue
            lemma = tok.lemma_.lower()
            if lemma in group_heads:
                ante = nearest(tok.i, lambda c: c.type in _GROUP_TYPES, window=6)
            elif lemma in gov_heads:
                # "the government and people of Iraq": the state its conjunct names
                owner = _of_mention(tok, pool.covering)
                country = self.kb.country_of(owner.actor_id) if owner is not None else None
                if owner is not None and country is not None:
                    sub = self.kb.sub_actor(country, "government")
                    if sub is not None:
                        add(dets[0].i, tok.i + 1, owner, sub.id)
                        continue
                # "Russia has a responsibility to press the regime": not its own clause's
                # subject (nor the one who controls it), nor their country
                bound = {
                    self.kb.country_of(m.actor_id) or m.actor_id
                    for s in _binders(tok)
                    for m in known.covering(s.i)
                }
                ante = nearest(
                    tok.i,
                    lambda c, b=bound: (
                        c.type in {"government", "state"}
                        and (self.kb.country_of(c.actor_id) or c.actor_id) not in b
                    ),
                    window=6,
                )
                if ante is not None and ante.type == "state":
                    sub = self.kb.sub_actor(ante.actor_id, "government")
                    if sub is not None:
                        add(dets[0].i, tok.i + 1, ante, sub.id)
                        continue
            else:
                # "the secretary" is the Secretary named before, "the assistant secretary"
                # is not: every modifier must be in the antecedent's name too
                mods = [c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")]
                ante = nearest_named(tok.i, (lemma, *mods))
            if ante is not None:
                add(dets[0].i, tok.i + 1, ante)
        return out

    # -- serialisation -----------------------------------------------------------------------------
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the settings and copies of the user's KB files."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        copies = []
        for i, kb_path in enumerate(self.kb_paths):
            target = path / f"kb_{i}{Path(kb_path).suffix or '.yaml'}"
            shutil.copyfile(kb_path, target)
            copies.append(target.name)
        roles = []
        for i, roles_path in enumerate(self.roles_paths):
            target = path / f"roles_{i}{Path(roles_path).suffix or '.yaml'}"
            shutil.copyfile(roles_path, target)
            roles.append(target.name)
        cfg = {"kb_files": copies, "roles_files": roles, "fuzzy_cutoff": self.fuzzy_cutoff,
               "use_ner": self.use_ner}  # fmt: skip
        (path / "cfg.json").write_text(json.dumps(cfg, indent=2), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> ActorRecognizer:
        """Restore what :meth:`to_disk` saved and rebuild the matchers."""
        path = Path(path)
        cfg: dict[str, Any] = json.loads((path / "cfg.json").read_text(encoding="utf-8"))
        self.kb_paths = [str(path / name) for name in cfg.get("kb_files", [])]
        self.fuzzy_cutoff = float(cfg.get("fuzzy_cutoff", self.fuzzy_cutoff))
        self.use_ner = bool(cfg.get("use_ner", self.use_ner))
        self.roles_paths = [str(path / name) for name in cfg.get("roles_files", [])]
        self._build()
        return self


class _SortedMentions:
    """Mentions sorted by start (ties in insertion order), with lookups by position.

    Lookups cost the number of mentions they return or pass over, not the number held: the
    spans are short, so only those starting less than the longest span before a token can
    cover it.
    """

    def __init__(self, mentions: Iterable[_Cand]) -> None:
        self._items: list[_Cand] = []
        self._starts: list[int] = []
        self._order: dict[int, int] = {}  # id -> insertion number
        self._longest = 0
        for cand in mentions:
            self.insert(cand)

    def insert(self, cand: _Cand) -> None:
        """Add a mention after those with the same or an earlier start."""
        k = bisect_right(self._starts, cand.start)
        self._items.insert(k, cand)
        self._starts.insert(k, cand.start)
        self._order[id(cand)] = len(self._order)
        self._longest = max(self._longest, cand.end - cand.start)

    def before(self, i: int) -> Iterator[_Cand]:
        """The mentions that start before token ``i``, nearest first (in reverse order)."""
        items = self._items
        for k in range(bisect_left(self._starts, i) - 1, -1, -1):
            yield items[k]

    def covering(self, i: int) -> list[_Cand]:
        """The mentions over token ``i``, in insertion order."""
        items, starts = self._items, self._starts
        hits: list[_Cand] = []
        k = bisect_right(starts, i) - 1
        while k >= 0 and starts[k] > i - self._longest:
            if items[k].end > i:
                hits.append(items[k])
            k -= 1
        hits.sort(key=lambda c: self._order[id(c)])
        return hits


def _of_mention(tok: Token, covering: Callable[[int], list[_Cand]]) -> _Cand | None:
    """The mention in an "of" complement of a noun or its coordination ("the government
    and people of Iraq"), if any; ``covering(i)`` lists the mentions over token ``i``."""
    for head in (tok, *tok.conjuncts):
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ != "of":
                continue
            for pobj in prep.children:
                for m in covering(pobj.i):
                    return m
    return None


def _never_names() -> frozenset[str]:
    """Every pronoun of references.yaml: a capitalised "We" or "They" is never a name."""
    refs = load_references()
    return frozenset().union(*(refs.family(k) for k in _PERSONAL_FAMILIES))


_PERSONAL_FAMILIES = ("speaker", "we", "addressee", "they", "person", "it")


def _they_rank(doc: Doc, cand: _Cand) -> tuple[bool, bool]:
    """How well a mention suits "they": plural groups first ("the US stands with the Iraqi
    people as they confront ISIL"), then subjects."""
    root = doc[cand.start : cand.end].root
    plural = (
        root.lower_ in pronouns("they")
        or root.tag_ == "NNS"  # forces, militias, troops
        or (root.tag_ == "NNPS" and cand.type not in ("state", "government", "igo"))
    )
    return plural, _is_subject_like(doc, cand)


def _is_subject_like(doc: Doc, cand: _Cand) -> bool:
    """A mention that is its clause's subject, the focus of a cleft ("it is the militias
    who ..."), or the possessor of either ("their fighters who used IEDs")."""
    root = doc[cand.start : cand.end].root
    if root.dep_ == "poss":
        root = root.head
    if root.dep_ in ("nsubj", "nsubjpass"):
        return True
    return root.dep_ == "attr" and any(
        c.dep_ == "relcl" and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
        for c in root.children
    )


def _clause_subject_actors(
    doc: Doc, tok: Token, covering: Callable[[int], list[_Cand]]
) -> set[str]:
    """The actors of the subject of the clause an object pronoun sits in; ``covering(i)``
    lists the mentions over token ``i``."""
    if tok.dep_ not in ("dobj", "pobj", "dative") or tok.lower_ not in ("them", "themselves"):
        return set()
    verb = tok.head if tok.dep_ != "pobj" else tok.head.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return {m.actor_id for s in subjects for m in covering(s.i)}


def _binders(tok: Token) -> list[Token]:
    """Subjects (and controlling objects) of the clauses an object sits in, up the chain of
    controlled clauses ("Kerry urged him to press the regime": Kerry, him)."""
    if tok.dep_ not in ("dobj", "pobj", "dative"):
        return []
    verb = tok.head if tok.dep_ != "pobj" else tok.head.head
    out: list[Token] = []
    for _ in range(4):
        out.extend(c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))
        if verb.dep_ not in ("xcomp", "advcl", "acl", "ccomp") or verb.head is verb:
            break
        out.extend(controlling_objects(verb))
        head = verb.head
        if head.pos_ not in ("VERB", "AUX"):
            head = head.head  # "a responsibility to press": the noun's clause
        verb = head
    return out


_SPEECH = frozenset(
    {"say", "tell", "state", "add", "announce", "declare", "write", "note", "explain"}
)


def _is_speaker(doc: Doc, cand: _Cand) -> bool:
    """Whether a mention is the subject of a speech verb ("CENTCOM said")."""
    tok = doc[cand.end - 1]
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _SPEECH


def _greedy(cands: list[_Cand], kind_rank: dict[str, int] | None = None) -> list[_Cand]:
    """Non-overlapping candidates: longest first, then by resolution rank, then leftmost."""
    kind_rank = kind_rank or {}
    order = sorted(
        cands,
        key=lambda c: (
            -(c.end - c.start),
            _RANK.get(c.resolved_by, 9),
            kind_rank.get(c.kind, 5),
            c.start,
        ),
    )
    used: set[int] = set()
    out: list[_Cand] = []
    for cand in order:
        if any(i in used for i in range(cand.start, cand.end)):
            continue
        used.update(range(cand.start, cand.end))
        out.append(cand)
    return out


@Language.factory(
    FACTORY,
    default_config={"kb_paths": [], "fuzzy_cutoff": 90, "use_ner": True, "roles_paths": []},
    assigns=["doc.spans"],
    requires=["token.dep", "token.pos", "doc.ents"],
)
def make_actor_recognizer(
    nlp: Language,
    name: str,
    kb_paths: list[str],
    fuzzy_cutoff: float,
    use_ner: bool,
    roles_paths: list[str],
) -> ActorRecognizer:
    """Factory of the ``allegiance_actors`` component."""
    return ActorRecognizer(
        nlp,
        name,
        kb_paths=kb_paths,
        fuzzy_cutoff=fuzzy_cutoff,
        use_ner=use_ner,
        roles_paths=roles_paths,
    )
