"""Reported speech: that-clauses, parenthetical attributions, "according to", transcripts."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ...schema import TextSpan
from ..extensions import in_ignored
from ..phrases import described_claim
from ..references.quote_speakers import name_words as _words
from ._base import _Source, _trim
from .cues import _Cues
from .describe import _Describe


class _Reported(_Cues, _Describe):
    """Reported speech found from cues outside quotation marks, and transcript lines."""

    def indirect(self, sent: Span, used: set[int]) -> None:
        doc = self.doc
        for t in sent:
            if t.i in used or self.in_quote(t):
                continue
            if t.lower_ == "according" and t.i + 1 < sent.end and doc[t.i + 1].lower_ == "to":
                obj = [c for c in doc[t.i + 1].children if c.dep_ == "pobj"]
                if not obj:
                    continue
                sa, sb = t.i + 2, obj[0].right_edge.i + 1
                src = self.describe(sa, sb, t.idx)
                self.add_reported(sent, t.i, sb, src, t, t.idx)
                continue
            if not self.is_cue(t) or self.answers_a_claim(t):
                continue
            if self.split_attribution(sent, t):
                continue
            line = self.line_of[t.i]
            # a clause with a few quoted words ('said it was "listening carefully" to their
            # concerns') is reported speech all the same; one wholly quoted is a direct quote
            comp = [
                c
                for c in t.children
                if c.dep_ == "ccomp"
                and line[0] <= c.i < line[1]
                and not all(self.in_quote(u) for u in c.subtree)
                and not self.in_quote(c.left_edge)
            ]
            comp.sort(key=lambda c: c.i < t.i)  # a clause after the cue first
            rng = self.subject_of(t)
            src = self.describe(rng[0], rng[1], t.idx) if rng else None
            if comp:
                c = comp[0]
                a, b = max(c.left_edge.i, line[0]), min(c.right_edge.i + 1, line[1])
                if b <= t.i and rng and rng[0] < b:
                    b = rng[0]
                while a < b and doc[a].dep_ == "mark":
                    a += 1
                self.add_span(a, self.before_claim(a, b), src, t)
            elif (
                rng
                and rng[0] - 1 > max(sent.start, line[0])
                and doc[rng[0] - 1].text == ","
                and rng[1] <= t.i
                and not any(u.pos_ in {"VERB", "AUX"} for u in doc[t.i + 1 : sent.end])
                and (t.lemma_.lower() == "tell" or not any(c.dep_ == "dobj" for c in t.children))
            ):
                # "…, the Defense Department's top leaders told Congress.": the clause before
                # the comma, whatever the parser made of it.
                self.add_span(max(sent.start, line[0]), rng[0] - 1, src, t)
            elif (
                t.dep_ in {"parataxis", "advcl"}
                or (t.dep_ == "conj" and t.i > t.head.i)
                or (t.dep_ == "ROOT" and rng and t.i > sent.start + 4)
            ):
                left_clause = any(c.dep_ == "ccomp" and c.i < t.i for c in t.children)
                # The attribution starts at its subject or cue, not at a clause (possibly on
                # an earlier line) the parser hung on the cue.
                edge = t.i if left_clause else t.left_edge.i
                sub0 = max(min(edge, rng[0] if rng else t.i), line[0])
                sub1 = max(t.right_edge.i + 1, rng[1] if rng else t.i + 1)
                if t.dep_ == "ROOT":
                    sub1 = rng[1] if rng and rng[0] > t.i else t.i + 1  # "…, said X."
                    while sub1 < sent.end and doc[sub1].dep_ in {
                        "npadvmod",
                        "advmod",
                        "dobj",
                        "dative",
                    }:
                        sub1 = doc[sub1].right_edge.i + 1
                    if sent.end - sub1 > 2:
                        self.register(src, t.idx)
                        continue
                self.add_reported(sent, sub0, sub1, src, t, t.idx)
            self.register(src, t.idx)

    def before_claim(self, a: int, b: int) -> int:
        """The end of a reported clause before a description of it as a claim that someone
        else answers ("drones struck a refinery, a claim Kyiv denied")."""
        doc = self.doc
        for k in range(a + 1, b - 2):
            if doc[k].text != ",":
                continue
            noun = doc[k + 2] if doc[k + 1].pos_ == "DET" else doc[k + 1]
            if noun.lemma_.lower() in self.lex.claim_nouns and any(
                c.dep_ in ("relcl", "nsubj", "appos") for c in noun.children
            ):
                return k
        return b

    def answers_a_claim(self, cue: Token) -> bool:
        """Whether the cue answers the clause before as a claim it describes ("Kinshasa
        accused Rwanda of sending troops, a charge Kigali has denied"): the clause is the
        first subject's, not the cue's (``claim_nouns``)."""
        return described_claim(cue, self.lex.claim_nouns) is not None

    def split_attribution(self, sent: Span, cue: Token) -> bool:
        """Reported speech whose attribution a rank abbreviation cut off as a sentence.

        "… from the continental United States, Pentagon Press Secretary Air Force Brig. Gen.
        Pat Ryder said today." may be split after "Brig.": the attribution sentence holds only
        the end of the speaker and the cue; the clause and the speaker's start are in the
        sentence before, after its last comma.
        """
        doc = self.doc
        k = self.seg_of[cue.i]
        if k == 0 or any(
            not (u.is_punct or (u.pos_ in {"ADV", "NOUN", "PART"} and u.dep_ != "dobj"))
            for u in doc[cue.i + 1 : sent.end]
        ):
            return False
        if any(u.pos_ not in {"PROPN", "PUNCT"} for u in doc[sent.start : cue.i]):
            return False
        prev = self.segments[k - 1]
        last = doc[prev.end - 1]
        if not (
            last.text == "."
            and prev.end - 2 >= prev.start
            and not doc[prev.end - 2].whitespace_
            and doc[prev.end - 2].text[:1].isupper()
            and len(doc[prev.end - 2].text) <= 5
            and self.line_of[prev.start] == self.line_of[cue.i]
        ):
            return False
        comma = next((u.i for u in reversed(prev) if u.text == ","), None)
        if comma is None or any(u.pos_ in {"VERB", "AUX"} for u in doc[comma : prev.end]):
            return False
        src = self.describe(comma + 1, cue.i, cue.idx)
        self.add_span(prev.start, comma, src, cue)
        self.register(src, cue.idx)
        return True

    def add_reported(
        self, sent: Span, c0: int, c1: int, src: _Source | None, cue: Token, pos: int
    ) -> None:
        """Reported speech: the part of the sentence outside the attribution [c0, c1)."""
        left, right = (sent.start, c0), (c1, sent.end)
        a, b = right if right[1] - right[0] >= 4 else left
        self.add_span(a, b, src, cue)
        self.register(src, pos)

    def add_span(self, a: int, b: int, src: _Source | None, cue: Token | None) -> None:
        doc = self.doc
        a, b = _trim(doc, a, b)
        if b - a < 3 or src is None:
            return
        s, e = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
        if self.direct_at.overlapping(s, e) or in_ignored(doc, s, e):
            return
        if cue is not None and "\n\n" in self.text[min(s, cue.idx) : max(e, cue.idx)]:
            return  # an attribution does not reach across paragraphs
        cue_span = (
            TextSpan(text=cue.text, start=cue.idx, end=cue.idx + len(cue.text)) if cue else None
        )
        self.out.append((s, e, False, src, cue_span))

    def transcript(self) -> None:
        text = self.text
        for m in re.finditer(r"(?m)^([A-Z][A-Z.' ]{1,40}):[ \t]+(\S.*)$", text):
            label = m.group(1).strip()
            if label.lower().rstrip(".") in self.lex.transcript_labels:
                continue
            a, b = m.start(2), m.end(2)
            while b > a and text[b - 1].isspace():
                b -= 1
            if in_ignored(self.doc, a, b):
                continue
            src = _Source(m.start(1), m.start(1) + len(label), label)
            src.words = _words(label)
            src.actor_id, src.actor_name = self.actor_for(src.start, src.end)
            self.out.append((a, b, True, src, None))
