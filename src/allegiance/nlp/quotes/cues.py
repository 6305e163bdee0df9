"""Speech cues and the token range of their speaker (subject, agent, the phrase before)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..marks import _MARKS
from ._base import _FUTURE_MODALS, _RunBase


class _Cues(_RunBase):
    """Which tokens cue reported speech and where their speaker is."""

    def is_cue(self, t: Token) -> bool:
        lemma = t.lemma_.lower()
        if t.lower_ == "told" and t.i > 0 and self.doc[t.i - 1].lower_ == "all":
            return False  # "All told, ...": an idiom
        if t.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            return False  # "listing four themes to explain …": a purpose, not a report
        if any(c.dep_ == "aux" and c.lower_ in _FUTURE_MODALS for c in t.children):
            return False  # "If Iran attacks, the US will respond": nothing is reported yet
        if lemma not in self.lex.verbs and t.pos_ == "VERB":
            return self.is_attribution_verb(t)
        if lemma not in self.lex.verbs or t.pos_ not in {"VERB", "AUX"}:
            return False
        if lemma in self.lex.weak_verbs:
            return any(c.dep_ in {"dobj", "ccomp"} for c in t.children)
        return True

    def is_attribution_verb(self, t: Token) -> bool:
        """A verb outside the cue lexicon used as an attribution by its place.

        ``"…," Austin continued.`` or ``…, he continued.``: a past-tense verb whose subject is
        a person or a personal pronoun, with nothing after it but adverbs, that follows a
        closing quotation mark or takes the clause before it as complement.
        """
        doc = self.doc
        if t.tag_ != "VBD":
            return False
        subj = [c for c in t.children if c.dep_ == "nsubj"]
        if len(subj) != 1 or subj[0].i > t.i:
            return False
        s = subj[0]
        if not (s.lower_ in {"he", "she", "they"} or self.person_at.covers(s.i)):
            return False
        seg = self.sent_of(t)
        if any(
            not (u.is_punct or u.pos_ in {"ADV", "PART"} or u.is_space)
            for u in doc[t.i + 1 : seg.end]
        ):
            return False
        k = s.left_edge.i - 1
        after_quote = k >= 1 and doc[k].text == "," and doc[k - 1].text in _MARKS + "’'"
        left_clause = any(c.dep_ == "ccomp" and c.i < t.i for c in t.children)
        return after_quote or left_clause

    def cue_in(self, a: int, b: int) -> list[Token]:
        return [t for t in self.doc[a:b] if not self.in_quote(t) and self.is_cue(t)]

    # -- speakers --------------------------------------------------------------------------
    def subject_of(self, cue: Token) -> tuple[int, int] | None:
        """Token range of the speaker of a cue verb (its subject, or the agent after it)."""
        doc = self.doc
        cue_sent = self.sent_of(cue)
        prev = cue.i - 1
        while prev >= cue_sent.start and doc[prev].pos_ == "ADV":
            prev -= 1
        after_quote = prev >= cue_sent.start and (
            doc[prev].text in _MARKS
            or (doc[prev].text == "," and prev > 0 and doc[prev - 1].text in _MARKS)
        )
        named = self.person_ending_at(prev, cue_sent)
        if named is not None:
            return named
        found, parsed = self.parsed_subject(cue)
        if found:
            return parsed
        if after_quote:
            return self.agent_after(cue)
        rng = self.phrase_after_comma(cue, cue_sent)
        if rng is None:
            rng = self.clause_subject(cue, cue_sent)
        if rng is None:
            rng = self.left_segments(cue)
        if rng is not None:
            return rng
        return self.agent_after(cue)

    def person_ending_at(self, prev: int, cue_sent: Span) -> tuple[int, int] | None:
        """A person named right before the cue, with the noun phrase words before the name."""
        doc = self.doc
        for e in self.person_at.covering(prev):
            if (
                e.end == prev + 1
                and e.start >= cue_sent.start
                and not self.in_quote(e[0])
                and e.root.dep_ != "pobj"
            ):
                seg = e.start
                while (
                    seg > cue_sent.start
                    and doc[seg - 1].text not in {",", ";", "\n"}
                    and (
                        doc[seg - 1].text not in _MARKS
                        and (
                            doc[seg - 1].pos_ in {"PROPN", "NOUN", "ADJ", "DET"}
                            or doc[seg - 1].lower_ == "and"
                        )
                    )
                ):
                    seg -= 1
                return seg, e.end
        return None

    def parsed_subject(self, cue: Token) -> tuple[bool, tuple[int, int] | None]:
        """The cue's subject in the parse, up a few conjoined or clausal heads.

        Returns ``(True, range)`` for a subject outside quotes, ``(True, None)`` for a passive
        subject ("claimed by X": the subject is what was said), ``(False, None)`` when the
        parse gives none.
        """
        verb: Token | None = cue
        for _ in range(4):
            if verb is None:
                break
            for c in verb.children:
                if c.dep_ == "nsubjpass":
                    return True, None
                if c.dep_ == "nsubj" and not self.in_quote(c):
                    a, b = c.left_edge.i, c.right_edge.i + 1
                    if c.i < cue.i:
                        b = min(b, cue.i)
                    return True, (a, b)
            if verb.dep_ in {"conj", "advcl", "xcomp", "parataxis"} and verb.head.i != verb.i:
                verb = verb.head
            else:
                break
        return False, None

    def phrase_after_comma(self, cue: Token, cue_sent: Span) -> tuple[int, int] | None:
        """A noun phrase between the last comma and the cue, whatever the parser attached it
        to ("…, the assistant secretary of defense said.")."""
        doc = self.doc
        comma = next(
            (k.i for k in reversed(doc[cue_sent.start : cue.i]) if k.text in {",", "\u2014"}),
            None,
        )
        if (
            comma is not None
            and cue.i - comma > 1
            and doc[comma + 1].pos_ in {"DET", "PROPN", "NOUN", "ADJ"}
            and not any(
                k.pos_ in {"VERB", "AUX", "PRON"} or k.text in _MARKS
                for k in doc[comma + 1 : cue.i]
            )
        ):
            return comma + 1, cue.i
        return None

    def clause_subject(self, cue: Token, cue_sent: Span) -> tuple[int, int] | None:
        """A subject the parser hung on a clause inside the attribution, left of the cue."""
        doc = self.doc
        for t in doc[cue_sent.start : cue.i]:
            if (
                t.dep_ in {"nsubj", "nsubjpass"}
                and not self.in_quote(t)
                and t.head.i < cue.i
                and t.head.head.i == cue.i
                and t.head.dep_ == "ccomp"
            ):
                stop = t.head.i if t.head.i > t.i else cue.i
                comma = next((k.i for k in doc[t.i : stop] if k.text == ","), stop)
                return t.left_edge.i, comma
        return None

    def agent_after(self, cue: Token) -> tuple[int, int] | None:
        """The noun phrase right after a cue: "said Col. John Dorrian, the spokesperson"."""
        doc = self.doc
        j = cue.i + 1
        end = min(len(doc), self.sent_of(cue).end + 30)
        while j < end and doc[j].pos_ == "ADV":
            j += 1
        if j + 1 < end and doc[j].text == "." and doc[j + 1].pos_ == "PROPN":
            j += 1  # "said. Col. David C. Lyons": a typo in the source
        if j >= end or doc[j].pos_ not in {"PROPN", "NOUN", "DET", "PRON", "ADJ", "NUM"}:
            return None
        k = j
        while (
            k < end
            and (
                doc[k].text not in {".", "?", "!", ";"}
                or (  # the dot of an abbreviation the tokenizer split off: "Col" "."
                    doc[k].text == "."
                    and not doc[k - 1].whitespace_
                    and doc[k - 1].text[:1].isupper()
                    and len(doc[k - 1].text) <= 4
                    and k + 1 < end
                    and doc[k + 1].text[:1].isupper()
                )
            )
            and "\n" not in doc[k].text + doc[k - 1].whitespace_
        ):
            if doc[k].text in _MARKS and not self.in_short_quote(doc[k]):
                break
            k += 1
        return j, k

    def in_short_quote(self, t: Token) -> bool:
        """Whether a quote mark belongs to a scare quote or nickname (“J.D.”)."""
        return not self.direct_near.covers(t.idx)

    def left_segments(self, cue: Token) -> tuple[int, int] | None:
        """Comma-separated noun phrases just before a cue whose parse lost its subject."""
        doc = self.doc
        start = self.sent_of(cue).start
        for j in range(cue.i - 1, start - 1, -1):
            if doc[j].text in _MARKS or "\n" in doc[j].text:
                start = j + 1
                break
        commas = [t.i for t in doc[start : cue.i] if t.text == ","]
        bounds = [start] + [c + 1 for c in commas]
        best: int | None = None
        for seg_start in reversed(bounds[-3:]):
            t = doc[seg_start] if seg_start < cue.i else None
            if t is None:
                continue
            seg_end = next((c for c in commas if c >= seg_start), cue.i)
            seg = doc[seg_start:seg_end]
            named = any(e.label_ == "PERSON" for e in self.person_at.inside(seg_start, seg_end))
            anon = any(
                w.lemma_.lower() in self.lex.anonymous_heads for w in seg if w.pos_ == "NOUN"
            )
            if (t.pos_ in {"DET", "NUM"} and anon) or named:
                best = seg_start
        if best is None:
            return None
        return best, cue.i
