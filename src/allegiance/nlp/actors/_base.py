"""What every part of the recognizer shares: its data and the phrase readings all use."""

from __future__ import annotations

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from ...kb import Actor, ActorKB
from ...kb.agents import AgentLexicon
from ..extensions import ActorRef
from ..gender import GenderData
from .mentions import _CONFIDENCE, _Cand
from .roles import AUTHOR_ID, ActorRoles


class _RecognizerBase:
    """The knowledge base, the word lists and the settings of an actor recognizer, and the
    readings of the words around a name that several of its parts use."""

    kb: ActorKB
    agents: AgentLexicon
    roles: ActorRoles
    gender: GenderData
    fuzzy_cutoff: float
    use_ner: bool
    lexicon_paths: list[str]
    _lower: PhraseMatcher  # knowledge-base forms matched on lower case
    _orth: PhraseMatcher  # forms matched as written

    def _counted_noun(self, tok: Token) -> bool:
        """Whether a word is one counted victims are named by ("killed 12 people")."""
        return tok.lower_ in self.agents.place("counted_nouns")

    def kb_ref(self, actor: Actor, resolved_by: str, confidence: float) -> ActorRef:
        """The mention-level reference to a knowledge-base actor (its country, its parent)."""
        return ActorRef(actor.id, actor.name, actor.type, self.kb.country_of(actor.id),
                        actor.parent, resolved_by, confidence)  # fmt: skip

    def _cand(self, start: int, end: int, actor: Actor, kind: str, by: str = "kb",
              conf: float | None = None) -> _Cand:  # fmt: skip
        return _Cand(start, end, actor.id, by, _CONFIDENCE.get(kind, 0.9) if conf is None else conf,
                     kind, actor.name, actor.type)  # fmt: skip

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
            pair = self._agent_pair(doc, j)
            if pair is not None:
                # a two-word agent ("Kenya's ruling party", "the Afghan coast guard")
                if pair[1] >= best_tier:
                    best, best_tier = doc[j + 1], pair[1]
                end = j + 2
                j += 2
                continue
            hit = self.agents.classify(tok.text)
            if hit is not None and tok.pos_ != "VERB":
                if hit[1] >= best_tier:
                    best, best_tier = tok, hit[1]
                end = j + 1
            elif (
                tok.pos_ == "NOUN"
                and tok.dep_ == "compound"
                and not tok.lower_.endswith("ing")  # "commanding general" is a title
                # so is "lieutenant general" (a title before a title)
                and not (tok.lower_ in self.agents.titles and tok.head.lower_ in self.agents.titles)
                and j < tok.head.i < limit
                and self.agents.classify(tok.head.text) is not None
            ):
                pass  # a noun naming the trade: "Australian wine exporters", "the oil ministry"
            elif tok.lower_ not in self.agents.modifiers or tok.tag_ in ("VBD", "VBZ", "VBP"):
                break  # a finite verb ends the phrase: "Russia deployed troops", "Iran backed"
            j += 1
        # "Pentagon Press Secretary Peter Cook": title words before a name are the person's
        titles = self.agents.titles
        while (
            end > start
            and end < len(doc)
            and doc[end - 1].lower_ in titles
            and (doc[end].lower_ in titles or self._names_a_person(doc, end))
        ):
            end -= 1
        k = end + (end < len(doc) and doc[end].text in {"'", "’"})
        if best is not None and k < len(doc) and doc[k].lower_ in self.agents.place("name_heads"):
            if doc[k].is_title or best.is_title:
                # "Brazil's Workers' Party", "India's Congress party": a party's name, no agent
                return start, None
            end = k + 1  # "Kenya's opposition party", "the Thai opposition movement"
        if best is not None and best.i >= end:
            best = None
            for tok in doc[start:end]:
                hit = self.agents.classify(tok.text)
                if hit is not None and tok.pos_ != "VERB":
                    best = tok
        return end, best

    def _agent_pair(self, doc: Doc, j: int) -> tuple[str, int] | None:
        """The agent class of the two words at ``j`` taken together ("ruling party")."""
        if j + 1 >= len(doc) or doc[j + 1].pos_ == "VERB":
            return None
        return self.agents.classify(f"{doc[j].text} {doc[j + 1].text}")

    @staticmethod
    def _names_a_person(doc: Doc, i: int) -> bool:
        """Whether a name after a title begins at ``i``: a person, or a proper name the entity
        recogniser took for an organisation ("President Joko Widodo" tagged ORG); "Defence
        Minister Pierre Joxe", not "President Bush's administration"."""
        tok = doc[i]
        if tok.ent_type_ == "PERSON":
            return True
        return (
            tok.ent_type_ == "ORG"
            and tok.ent_iob_ == "B"
            and tok.pos_ == "PROPN"
            and tok.is_title
            and i + 1 < len(doc)
            and doc[i + 1].ent_iob_ == "I"
            and doc[i + 1].pos_ == "PROPN"
        )

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

    def _honorific_gender(self, doc: Doc, start: int, name_start: int) -> str | None:
        """The gender an honorific before a name gives ("Mrs. Clinton"), or None."""
        k = name_start - 1
        if k >= 0 and doc[k].text == ".":
            k -= 1
        if k < 0 or k < start - 2:
            return None
        low = doc[k].lower_
        return self.gender.honorifics.get(low) or self.gender.honorifics.get(low.rstrip("."))

    def author_of(self, doc: Doc) -> Actor | None:
        """Who the author's first person is: the document's outlet when it speaks for itself
        (a department, a command: ``author_outlet_types``), else the generic author."""
        outlet = doc._.outlet
        if outlet:
            actor = self.kb.lookup(str(outlet))
            if actor is not None and actor.type in self.roles.author_outlet_types:
                return actor
        return self.kb.get(AUTHOR_ID)
