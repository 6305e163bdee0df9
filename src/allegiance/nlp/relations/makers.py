"""Who made a deed or said the words a noun names: "violations by X", "sanctions imposed by
X", "accusations from Washington", "attacks claimed by X"; read by ``Arguments``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ...lexicon.triggers import Lexicon, Trigger
from .candidates import Arg


class _MakersMixin:
    """The makers of deeds and words, for the argument readers."""

    lex: Lexicon

    if TYPE_CHECKING:

        def args(
            self, tok: Token, *, exclude: frozenset[str] = ..., conj: bool = ...
        ) -> list[Arg]: ...

        def args_one(self, tok: Token, exclude: frozenset[str], depth: int = 0) -> list[Arg]: ...

        def subject_tokens(self, verb: Token) -> tuple[list[Token], bool]: ...

        def event(self, tok: Token) -> Trigger | None: ...

        def is_asset(self, tok: Token) -> bool: ...

    def _holders(self, tok: Token, depth: int) -> list[Arg]:
        """ "villages held by ISIL", "territory controlled by the regime": what is attacked or
        retaken there is its holder's. So is a deed its doer's: "violations by Israeli
        forces", "sanctions imposed by Russia", "a bill signed by the minister" (``by`` on the
        noun, or a ``deed_verbs`` participle with its agent): protesting, condemning or
        welcoming the deed concerns the one who did it."""
        if tok.pos_ != "NOUN" or depth > 1:
            return []
        out: list[Arg] = []
        for child in [*tok.children, *self._stray_makers(tok)]:
            if (child.dep_ == "prep" and child.lower_ == "by" and not self.is_asset(tok)) or (
                child.dep_ == "prep" and child.lower_ == "from" and self._made_from(tok)
            ):
                agents = [child]
            elif child.dep_ == "acl" and (
                child.lemma_.lower() in self.lex.holding_verbs
                or (child.tag_ == "VBN" and child.lemma_.lower() in self.lex.deed_verbs)
            ):
                agents = [a for a in child.children if a.dep_ == "agent"]
            else:
                continue
            for agent in agents:
                for pobj in agent.children:
                    if pobj.dep_ == "pobj":
                        out.extend(self.args_one(pobj, frozenset(), depth + 1))
        return out

    def _said_noun(self, tok: Token) -> bool:
        """A claim or a request (``claim_nouns``, ``request_nouns``): someone's words."""
        lex = self.lex
        return any(
            w in lex.claim_nouns or w in lex.request_nouns for w in (tok.lemma_.lower(), tok.lower_)
        )

    def _made_from(self, tok: Token) -> bool:
        """Whether a "from" on the noun names who made it: "accusations from Washington",
        "demands from the union", "new support from Germany", "rocket fire from Hamas"; not
        a deed whose "from" is its party ("withdrawal from Lebanon", "independence from
        Britain": a trigger reading "from" itself)."""
        if self._said_noun(tok):
            return True
        ev = self.event(tok)
        return ev is not None and "from" not in ev.preps and ev.category != "RETREAT"

    def _stray_makers(self, tok: Token) -> list[Token]:
        """A "by" or "from" that the small model hung on the active verb of which a claim,
        request or deed is the object, right after it: "Moscow dismissed the charges by Kyiv",
        "condemned the rocket fire from Hamas"."""
        verb = tok.head
        if tok.dep_ != "dobj" or not self._made_from(tok):
            return []
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
            return []
        return [
            c
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ in ("by", "from") and c.i == tok.right_edge.i + 1
        ]

    def agent_phrase(self, noun: Token) -> list[Arg]:
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
