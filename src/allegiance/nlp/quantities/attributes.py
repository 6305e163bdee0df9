"""What a quantity is about: the concept counted, whose it is, its change and its date."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Span, Token

from ._base import _Num, _RunBase
from .words import _DATE, _MONTHS, _Change


class _Attributes(_RunBase):
    """The attribute rules of a quantity run."""

    def concept(
        self, span: Span, sent: Span, num: _Num
    ) -> tuple[str | None, str | None, int, _Change]:
        """Concept, unit, token end of the counted phrase, and change of a number (read
        after it, "500 more troops", else before it, "cut 500 troops", "fell 8.5%")."""
        concept, unit, end, change = self._counted(span, sent, num)
        return concept, unit, end, self.change_before(span) if change == "=" else change

    def _counted(
        self, span: Span, sent: Span, num: _Num
    ) -> tuple[str | None, str | None, int, _Change]:
        doc, lex = self.doc, self.lex
        j = span.end
        change: _Change = "="
        if j < sent.end and doc[j].lower_ in lex.change_up:
            change, j = "up", j + 1
        elif j < sent.end and doc[j].lower_ in lex.change_down:
            change, j = "down", j + 1
        if j < sent.end and doc[j].lower_ == "of":
            j += 1
            while j < sent.end and doc[j].pos_ in {"DET", "PRON"}:
                j += 1
        start = j
        head = self._phrase_head(sent, start)
        if start < sent.end and doc[start].text == "%":
            return "percent", "percent", start + 1, change
        if (
            span.end + 1 < sent.end
            and doc[span.end].text == "-"
            and not doc[span.end - 1].whitespace_
            and not doc[span.end].whitespace_
            and doc[span.end + 1].pos_ in {"NOUN", "PROPN"}
        ):
            # "a 30-person team", "a New Five-Year Program": the noun joined to the number
            start = head = span.end + 1
        if head is not None and head > start and doc[head].ent_type_ in ("DATE", "TIME"):
            head = None  # "climbed 12 percent last year": a date after the figure counts nothing
        if head is None:
            return None, None, span.end, change
        if head != start and doc[start].tag_ == "NN" and doc[head].tag_ == "NN" and num.value > 1:
            head = start  # "a 60-plus nation coalition", "a 5,000-troop force": what is counted
        phrase = doc[start : head + 1].text.lower()
        lemma = doc[head].lemma_.lower()
        word = doc[head].lower_
        unit: str | None = None
        if lemma in lex.placeholders:
            found = self.number_of(sent, span.start)
            if found is not None:
                lemma, word, phrase, _ = found
        if lemma in lex.durations:
            return word, word, head + 1, change
        key = next((k for k in (phrase, word, lemma) if k in lex.unit_words), None)
        if key is not None:
            # "6 billion euros", "40,000 tonnes of grain": the unit, and what it measures
            concept, end = self._measured(sent, head + 1)
            concept = concept or lex.synonyms.get(lemma) or lex.synonyms.get(word)
            return concept, lex.unit_words[key] + self.rate(sent, head + 1), end, change
        if phrase.startswith("square "):
            unit = "km2" if "kilomet" in phrase else "sq mi"
            nxt = head + 1
            if nxt + 1 < sent.end and doc[nxt].lower_ == "of":
                return doc[nxt + 1 : nxt + 2].text.lower() or "area", unit, head + 1, change
            return "area", unit, head + 1, change
        concept = None
        for key in sorted(lex.synonyms, key=len, reverse=True):
            if " " in key and key in phrase:
                concept = lex.synonyms[key]
                break
        concept = concept or lex.synonyms.get(lemma) or lex.synonyms.get(word) or word
        if concept in {"kilometres", "miles"}:
            unit = "km" if concept == "kilometres" else "mi"
        if concept == "percent":
            unit = "percent"
        outcome = self._casualty(doc[head])
        if outcome:
            concept = f"{concept} {outcome}"  # "kill more than 500 U.S. troops": the dead
        return concept, unit, head + 1, change

    def _measured(self, sent: Span, j: int) -> tuple[str | None, int]:
        """What a unit word measures: the "of" phrase after it ("tonnes of grain"), and the
        token end of the phrase."""
        doc, lex = self.doc, self.lex
        if self.rate(sent, j):
            j += 2
        if j >= sent.end or doc[j].lower_ != "of":
            return None, j
        k = j + 1
        if k < sent.end and doc[k].lower_ in ("the", "this", "that"):
            return None, j  # "within 7.5 kilometres of the dam": a distance from it
        while k < sent.end and doc[k].pos_ in {"DET", "PRON"}:
            k += 1
        head = self._phrase_head(sent, k)
        if head is None:
            return None, j
        lemma, word = doc[head].lemma_.lower(), doc[head].lower_
        return lex.synonyms.get(lemma) or lex.synonyms.get(word) or word, head + 1

    def rate(self, sent: Span, j: int) -> str:
        """ "/day" when a rate word and a noun follow token ``j`` - 1 ("a barrel", "per day")."""
        doc = self.doc
        if j + 1 < sent.end and doc[j].lower_ in self.lex.rate_words and doc[j + 1].pos_ == "NOUN":
            return "/" + doc[j + 1].lemma_.lower()
        return ""

    def _phrase_head(self, sent: Span, start: int) -> int | None:
        """The head noun of the counted phrase from token ``start`` (at most 7 tokens on)."""
        doc = self.doc
        j = start
        head: int | None = None
        while j < sent.end and j - start < 7:
            t = doc[j]
            if (
                (t.pos_ in {"NOUN", "PROPN", "ADJ", "NUM", "ADV"} and t.lower_ not in {"in", "on"})
                or t.text == "-"
                or (t.tag_ == "VBN" and j + 1 < sent.end and doc[j + 1].pos_ == "NOUN")
                or (
                    t.lower_ == "and"
                    and head is not None
                    and j + 1 < sent.end
                    and doc[j + 1].pos_ == "NOUN"
                )
            ):
                if t.pos_ == "NOUN" or (
                    t.pos_ == "PROPN"
                    and head is None
                    and (j + 1 >= sent.end or doc[j + 1].pos_ not in {"NOUN", "PROPN", "ADJ", "-"})
                ):
                    head = j
                j += 1
                if t.pos_ == "NOUN" and (
                    j >= sent.end
                    or (doc[j].pos_ not in {"NOUN", "PROPN"} and doc[j].lower_ != "and")
                ):
                    break
                continue
            break
        return head

    def _casualty(self, noun: Token) -> str | None:
        """ "killed" when the counted people are the object of "kill" (or the subject of
        "were killed"), from the ``casualty_verbs`` map of the concept lexicon."""
        verbs = self.lex.casualty_verbs
        verb = noun.head
        if noun.dep_ == "conj":
            verb = noun.head.head
        if noun.dep_ in ("dobj", "nsubjpass", "conj") and verb.pos_ in ("VERB", "AUX"):
            out = verbs.get(verb.lemma_.lower())
            return str(out) if out else None
        return None

    def measured_of(self, span: Span) -> str | None:
        """What a percentage, a sum or a bare count is of, read off its clause: the subject of
        the verb of change or level it completes ("Unemployment fell to 6.3 percent",
        "revenue climbed 12 percent"), the object an estimate puts at it ("put the crowd at
        150,000"); None for a pronoun or a name ("it rose 3%", "the US sent $500 million")."""
        lex = self.lex
        tok, hops, via_at = span.root, 0, False
        while tok.pos_ not in ("VERB", "AUX") and tok.head is not tok and hops < 4:
            via_at = via_at or (tok.dep_ == "prep" and tok.lower_ == "at")
            tok, hops = tok.head, hops + 1
        lemma = tok.lemma_.lower()
        if lemma in lex.estimating_verbs and via_at:
            deps = ("dobj",)
        elif lemma in lex.level_verbs and not any(
            c.dep_ == "dobj" and not (c.left_edge.i <= span.root.i <= c.right_edge.i)
            for c in tok.children
        ):
            deps = ("nsubj",)  # not "the firm increased prices by 5%": an agent's act
        else:
            return None
        heads = [c for c in tok.children if c.dep_ in deps and c.i < span.start]
        if not heads or heads[0].pos_ != "NOUN":
            return None
        head = heads[0]
        words = [head.lemma_.lower()]
        k = head.i - 1
        while k >= 0 and self.doc[k].dep_ == "compound" and self.doc[k].head == head:
            words.insert(0, self.doc[k].lower_)
            k -= 1
        return " ".join(words)

    def number_of(self, sent: Span, before: int) -> tuple[str, str, str, int] | None:
        """ "the number of US troops ... to just over the 3,000 mark": the counted noun."""
        doc = self.doc
        for t in doc[sent.start : before]:
            if (
                t.lemma_.lower() in self.lex.placeholders
                and t.i + 1 < before
                and doc[t.i + 1].lower_ == "of"
            ):
                for u in doc[t.i + 2 : before]:
                    if u.pos_ == "NOUN":
                        return u.lemma_.lower(), u.lower_, u.lower_, u.i
        return None

    def change_before(self, span: Span) -> _Change:
        doc = self.doc
        reach = 8 if span.start > 0 and doc[span.start - 1].lower_ == "by" else 4
        before = list(doc[max(span.sent.start, span.start - reach) : span.start])
        if before and before[-1].lower_ in self.lex.level_prepositions:
            return "="  # "rose to $83.40", "cut its forces to 3,000": the level reached
        for t in before:
            lemma = t.lemma_.lower()
            if lemma in self.lex.change_down_verbs:
                return "down"
            if lemma in self.lex.change_up_verbs:
                return "up"
        return "="

    def actor(self, span: Span, head_end: int, sent: Span, concept: str | None) -> str | None:
        """The actor a number belongs to: inside its phrase, just before it, or its verb's subject."""
        doc = self.doc
        if not self.actors:
            return None
        if head_end - 1 < len(doc) and doc[head_end - 1].lemma_.lower() in self.lex.durations:
            return None
        inside = [
            s
            for s in self.actors
            if span.start <= s.start and s.end <= head_end and s._.actor is not None
        ]
        if inside:
            return self.owner(inside[0])
        for s in self.actors:
            if (
                s.end in (span.start, span.start - 1)
                and s.sent.start == sent.start
                and s._.actor is not None
            ):
                if doc[s.end - 1].tag_ == "POS" or doc[s.end : span.start].text.strip() in {
                    "",
                    "'s",
                    "’s",
                }:
                    return self.owner(s)
        if head_end - 1 < len(doc):
            t = doc[head_end - 1]
            if t.lemma_.lower() in self.lex.placeholders or concept is not None:
                found = self.number_of(sent, span.start)
                if found is not None:
                    for s in self.actors:
                        if (
                            s._.actor is not None
                            and s.start <= found[3] <= s.end
                            and s.start < span.start
                        ):
                            return self.owner(s)
        verb = doc[head_end - 1] if head_end > span.start else span.root
        for _ in range(6):
            if verb.pos_ in {"VERB", "AUX"}:
                break
            if verb.head.i == verb.i:
                break
            verb = verb.head
        if verb.pos_ in {"VERB", "AUX"}:
            for _ in range(3):
                subj = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
                if subj:
                    a, b = subj[0].left_edge.i, subj[0].right_edge.i + 1
                    inner = [
                        s
                        for s in self.actors
                        if a <= s.start and s.end <= b and s._.actor is not None
                    ]
                    states = [
                        s
                        for s in inner
                        if s._.actor.actor_type in {"state", "government", "military"}
                    ]
                    pick = states or inner
                    if pick:
                        return self.owner(pick[0])
                    break
                if verb.head.i == verb.i:
                    break
                verb = verb.head
        return None

    @staticmethod
    def owner(span: Span) -> str:
        """The actor id a count belongs to: a person's troops are their country's."""
        ref = span._.actor
        if ref.actor_type == "person" and ref.country:
            return str(ref.country)
        return str(ref.actor_id)

    def date(self, sent: Span, num: _Num) -> str | None:
        """The date a number refers to: from its sentence when it names one, else published.

        The first date of the sentence outside the number, as precise as written: "20 October
        2016" or "Oct. 20, 2016" give 2016-10-20, "May 2016" 2016-05, "2016" 2016; a day and
        month without a year ("20 Oct.") take the year of the sentence, else of the document.
        """
        s = sent.text
        base = self.published
        low = s.lower()
        years = [
            m.group("y4")
            for m in _DATE.finditer(s)
            if m.group("y4")
            and not (
                sent.start_char + m.start() >= num.start and sent.start_char + m.end() <= num.end
            )
        ]
        for m in _DATE.finditer(s):
            a, b = sent.start_char + m.start(), sent.start_char + m.end()
            if a < num.end and num.start < b and m.group("y4") is None:
                continue
            if a >= num.start and b <= num.end:
                continue
            if m.group("y4"):
                return m.group("y4")
            month_word = (m.group("m1") or m.group("m2") or m.group("m3") or "").lower()
            if month_word not in _MONTHS:
                continue
            month = _MONTHS[month_word]
            year = m.group("y1") or m.group("y2") or m.group("y3")
            day = m.group("d1") or m.group("d2")
            if day is None:
                return f"{year}-{month:02d}"
            if not 1 <= int(day) <= 31:
                continue
            if year is None:
                if years:
                    year = years[0]
                elif base is not None:
                    year = str(base.year)
                else:
                    continue
            try:
                return dt.date(int(year), month, int(day)).isoformat()
            except ValueError:
                continue
        if base is None:
            return None
        if "yesterday" in low:
            return (base - dt.timedelta(days=1)).isoformat()
        if "last week" in low:
            return (base - dt.timedelta(days=7)).isoformat()
        if "last month" in low:
            first = base.replace(day=1) - dt.timedelta(days=1)
            return f"{first.year}-{first.month:02d}"
        if "last year" in low:
            return str(base.year - 1)
        return base.isoformat()
