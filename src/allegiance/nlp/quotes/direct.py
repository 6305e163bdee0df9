"""Direct quotes: the cue and speaker around quotation marks, headlines, lead-ins and the next line."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..marks import _MARKS, _STRIP
from ._base import _Source
from .cues import _Cues
from .describe import _Describe


class _Direct(_Cues, _Describe):
    """The speaker of a direct quote, and the outlet reporting it."""

    def attribute_direct(self, qa: int, qb: int) -> tuple[_Source | None, Token | None]:
        doc = self.doc
        ta, tb = self.tok(qa), self.tok(max(qa, qb - 1))
        s_left = self.sent_of(doc[ta])
        s_right = self.sent_of(doc[tb])
        l0 = s_left.start
        while l0 < ta and "\n" in self.text[doc[l0].idx : doc[ta].idx]:
            l0 += 1
        left = (l0, ta)
        r0 = min(tb + 1, len(doc))
        r1 = s_right.end
        # The attribution of a quote that ends its sentence may be split into the next one.
        if r1 < len(doc) and not doc[r0:r1].text.strip(_STRIP + '"“”.!?'):
            nxt = self.sent_of(doc[r1])
            # ... only when that sentence is the attribution alone ("Smith said."), not a
            # clause of its own ("The company plans to cut 900 jobs, a spokeswoman said.")
            verbs = sum(1 for u in nxt if u.pos_ in ("VERB", "AUX"))
            if len(nxt) <= 14 and nxt.text.strip()[:1] not in _MARKS and verbs <= 1:
                r1 = nxt.end
        for k in range(r0, r1):
            if "\n" in doc[k].text or "\n" in doc[k].whitespace_:
                r1 = k + 1
                break
        # Stop the right context at the next real quote.
        following = self.direct_at.first_starting_after(qb)
        if following is not None:
            r1 = min(r1, self.tok(following[0]))
        content = self.text[qa:qb].rstrip()
        right_first = content.endswith(",") or (content.endswith("?") and bool(self.cue_in(r0, r1)))
        order = [(r0, r1), left] if right_first else [left, (r0, r1)]
        for a, b in order:
            for cue in self.cue_in(a, b):
                rng = self.subject_of(cue)
                if rng is None:
                    continue
                src = self.describe(rng[0], rng[1], qa)
                if src is not None:
                    return src, cue
            if (a, b) == left and b > a and doc[b - 1].text == ":":
                src = self.statement_subject(doc[a:b])
                if src is not None:
                    return src, None
        k = qa - 1
        while k >= 0 and (
            self.text[k].isspace() or self.text[k] in _MARKS or self.text[k] in "\u200e\u200f"
        ):
            k -= 1
        seg = self.sent_of(doc[ta])
        colon_at = next(
            (u.i for u in doc[seg.start : min(ta, seg.start + 6)] if u.text == ":"), None
        )
        lead_in = self.round_up_lead_in(seg, ta, qa, qb)
        if lead_in is not None:
            return lead_in, None
        if (
            colon_at is not None
            and colon_at > seg.start
            and all(u.pos_ == "PROPN" or u.text == "." for u in doc[seg.start : colon_at])
        ):
            # A headline "Mattis: U.S. Military Becoming ‘Stronger, More Lethal’": the name
            # before the colon says what follows.
            src = self.describe(seg.start, colon_at, qa)
            if src is not None:
                return src, None
        if k >= 0 and self.text[k] == ":":
            colon = self.tok(k)
            sent = self.sent_of(doc[colon])
            src = self.statement_subject(doc[sent.start : colon + 1])
            if src is not None:
                return src, None
        below = self.next_line_speaker(qa, qb)
        if below is not None:
            return below, None
        return self.speakers.resolve("they", qa, None), None

    def round_up_lead_in(self, seg: Span, ta: int, qa: int, qb: int) -> _Source | None:
        """The speaker of a round-up line "Claire Dunmore, The Morning Post: '…'".

        A line opening with a name, a comma and an outlet (proper nouns only) before the
        colon that introduces the quote gives the quote to the name; the outlet is its
        reporting source.
        """
        doc = self.doc
        colon = next((u.i for u in doc[seg.start : min(ta, seg.start + 12)] if u.text == ":"), None)
        if colon is None or self.line_of[seg.start][0] != seg.start:
            return None
        words = doc[seg.start : colon]
        commas = [u.i for u in words if u.text == ","]
        if (
            len(commas) != 1
            or doc[seg.start].pos_ != "PROPN"
            or commas[0] - seg.start < 2
            or colon - commas[0] < 2
            or not all(u.pos_ in {"PROPN", "DET", "PUNCT", "CCONJ"} for u in words)
        ):
            return None
        src = self.describe(seg.start, commas[0], qa)
        outlet = self.describe(commas[0] + 1, colon, qa)
        if src is not None and outlet is not None:
            self.reporting[(qa, qb)] = outlet
        return src

    def next_line_speaker(self, qa: int, qb: int) -> _Source | None:
        """The speaker named on the line after a quote that stands alone on its line.

        "'We were promised 2,000 jobs.'" then the line "Joan Pierce, mayor of Casa Verde."
        (a name, titles before it, no verb before its first comma), or "That was how Wanjiru
        described it." (a lead of ``next_line_leads``). The next line must follow a single
        line break, not start a new paragraph, and hold no quotation mark.
        """
        text, doc = self.text, self.doc
        start = text.rfind("\n", 0, qa) + 1
        end = text.find("\n", qb)
        if (
            end < 0
            or text[start:qa].strip(_STRIP + _MARKS)
            or text[qb:end].strip(_STRIP + _MARKS + ".!?")
        ):
            return None
        nxt = text.find("\n", end + 1)
        nxt = len(text) if nxt < 0 else nxt
        line = text[end + 1 : nxt]
        if not line.strip() or line[:1].isspace() or any(m in line for m in _MARKS):
            return None
        a, b = self.tok(end + 1), self.tok(nxt - 1) + 1
        while a < b and doc[a].is_space:
            a += 1
        low = line.lower()
        lead = next((w for w in self.lex.next_line_leads if low.startswith(w + " ")), None)
        if lead is not None:
            for e in self.person_at.starting_in(a, b):
                if e[0].pos_ not in {"PRON", "DET"}:
                    return self.speakers.complete_name(self.speakers.describe_person(e), qa)
            return None
        if a >= b or not doc[a].text[:1].isupper():
            return None
        stop = next((u.i for u in doc[a:b] if u.text in {",", ".", ";"}), b)
        if stop - a > 8 or any(u.pos_ in {"VERB", "AUX"} for u in doc[a:stop]):
            return None
        src = self.describe(a, stop, qa)
        if src is None or src.document:
            return None
        return src

    def reporting_source_of(self, cue: Token, speaker: _Source | None) -> _Source | None:
        """The outlet or document a cue's sentence says reports the speaker's words.

        "The site quoted Mr. Vance as saying: '…'" (the subject of "quote"), "According to
        the Associated Press, Vance told a town hall: '…'" (the object of "according to").
        """
        doc = self.doc
        t: Token = cue
        for _ in range(3):
            if t.head.i == t.i:
                break
            t = t.head
            if t.lemma_.lower() == "quote" and t.pos_ == "VERB":
                subj = [c for c in t.children if c.dep_ == "nsubj"]
                if subj:
                    c = subj[0]
                    return self.describe(c.left_edge.i, min(c.right_edge.i + 1, t.i), cue.idx)
                return None
        seg = self.sent_of(cue)
        for u in seg:
            if u.lower_ == "according" and u.i + 1 < seg.end and doc[u.i + 1].lower_ == "to":
                obj = [c for c in doc[u.i + 1].children if c.dep_ == "pobj"]
                if not obj or self.in_quote(obj[0]):
                    continue
                a, b = u.i + 2, obj[0].right_edge.i + 1
                if speaker is not None and doc[a].idx <= speaker.start < doc[b - 1].idx + 1:
                    continue
                return self.describe(a, b, cue.idx)
        return None

    def statement_subject(self, span: Span) -> _Source | None:
        root = span.root
        for c in root.children:
            if c.dep_ in {"nsubj", "nsubjpass"}:
                return self.describe(
                    c.left_edge.i, min(c.right_edge.i + 1, span.end), span.start_char
                )
        return None
