"""The source a stretch of tokens names: a person, an unnamed source, a body or a document."""

from __future__ import annotations

import re

from spacy.tokens import Span

from ..marks import _STRIP
from ..references import definite_determiners, pronouns
from ..references.quote_speakers import name_words as _words
from ._base import _DETERMINERS, _RunBase, _Source, _trim


class _Describe(_RunBase):
    """A speaker phrase read as a source (names, roles, anonymity, references resolved)."""

    def describe(self, a: int, b: int, pos: int) -> _Source | None:
        """The source named by tokens [a, b): a person, an unnamed source, a document."""
        doc = self.doc
        a, b = _trim(doc, a, b)
        for k in range(b - 1, a - 1, -1):
            if "\n" in doc[k].text:
                a = k + 1  # a speaker never reaches back over a line break
                break
        a, b = _trim(doc, a, b)
        if a >= b:
            return None
        span = doc[a:b]
        if b - a == 1 and doc[a].lower_ in pronouns("speaker_subjects"):
            return self.describe_pronoun(doc[a].lower_, pos)
        earlier = self.earlier_mention(span)
        if earlier is not None:
            return earlier
        name = self.name_in(span)
        if name is not None:
            return self.named_source(span, name, pos)
        found = self.resolve_definite(span, pos)
        if found is not None:
            return found
        return self.unnamed_source(span)

    def describe_pronoun(self, word: str, pos: int) -> _Source | None:
        """The source a speaker pronoun ("he", "they", "it") refers to."""
        if word in pronouns("person"):
            found = self.speakers.resolve_personal(word, pos)
            if found is not None:
                return found
        return self.speakers.resolve(word, pos, None)

    def earlier_mention(self, span: Span) -> _Source | None:
        """The earlier named mention of a description the actors component resolved to a
        person ("the secretary")."""
        doc = self.doc
        for s in self.actor_at.inside(span.start, span.end):
            ref = s._.actor
            if (
                ref is not None
                and ref.actor_type == "person"
                and doc[s.start].pos_ in {"DET", "PRON"}
                and doc[s.start].dep_ != "poss"  # "his spokeswoman, Beth Moreno" is Moreno
            ):
                for e in reversed(self.persons):
                    other = e._.actor if e.has_extension("actor") else None
                    named = [x for x in self.actor_at.covering(e.start) if x._.actor]
                    ids = {other.actor_id} if other else {x._.actor.actor_id for x in named}
                    if (
                        e.end_char <= s.start_char
                        and ref.actor_id in ids
                        and doc[e.start].pos_ not in {"DET", "PRON"}
                    ):
                        return self.speakers.describe_person(e)
        return None

    def name_in(self, span: Span) -> tuple[int, int] | None:
        """The token range of the name a speaker phrase is about, if it holds one."""
        doc = self.doc
        a, b = span.start, span.end
        persons = [
            e for e in self.person_at.inside(a, b) if doc[e.start].pos_ not in {"DET", "PRON"}
        ]
        if not persons and self.has_actors:
            persons = [
                s
                for s in self.actor_at.inside(a, b)
                if s._.actor is not None and s._.actor.actor_type == "person"
            ]
        one_sentence = span.end <= span[0].sent.end  # a parse tree to read the phrase from
        heading = [p for p in persons if one_sentence and self.speakers.heads_phrase(p, span.root)]
        if heading:
            # "Sala's agent, Bruno Costa", "Ortiz, who hugged Bell,": not the possessor or
            # a name inside a clause or an object
            persons = heading
        if persons:
            return self.pick_name(span, persons)
        return self.proper_noun_name(span)

    def pick_name(self, span: Span, persons: list[Span]) -> tuple[int, int]:
        """The name the phrase is about: before its apposition, the one next to the verb
        that follows ("Pentagon Press Secretary Air Force Brig. Gen. Pat Ryder said", where a
        tagger may take "Air Force" for a name), else the one holding its head."""
        doc, b = self.doc, span.end
        comma = next((t.i for t in span if t.text == ","), b)
        lead = [p for p in persons if p.end <= comma] or persons
        root = span.root.i
        if b < len(doc) and doc[b].pos_ in {"VERB", "AUX"}:
            pick = lead[-1]
        else:
            pick = next(
                (p for p in persons if p.start <= root < p.end),
                next((p for p in persons if p.root.dep_ in {"nsubj", "nsubjpass"}), lead[0]),
            )
        return pick.start, pick.end

    def proper_noun_name(self, span: Span) -> tuple[int, int] | None:
        """A run of proper nouns ending the phrase or before its first comma is a name."""
        doc, lex = self.doc, self.lex
        a, b = span.start, span.end
        end = b
        for t in span:
            if t.text == ",":
                end = t.i
                break
        k = end
        while (
            k > a
            and doc[k - 1].pos_ == "PROPN"
            and doc[k - 1].lower_.rstrip(".") + "." not in lex.titles
        ):
            k -= 1
        head_lemma = doc[end - 1].lemma_.lower() if end > a else ""
        if (
            k < end
            and head_lemma not in lex.anonymous_heads
            and head_lemma not in lex.documents
            and not any(t.pos_ == "ADP" for t in doc[a:k])
        ):
            return k, end
        return None

    def named_source(self, span: Span, name: tuple[int, int], pos: int) -> _Source:
        """The source of a phrase holding a name: titles before it and an apposition after
        it ("Maj. Gen. Pat Ryder, the spokesman") are its role."""
        doc, lex = self.doc, self.lex
        a, b = span.start, span.end
        n0, n1 = name
        while n0 - 2 >= a and doc[n0 - 1].text == "-" and not doc[n0 - 2].whitespace_:
            n0 -= 2
        while n0 < n1 - 1 and (doc[n0].lower_ in lex.titles or doc[n0].lower_ + "." in lex.titles):
            n0 += 1
        pre = doc[a:n0].text.strip(_STRIP)
        if pre.lower().split(" ")[0] in definite_determiners():
            pre = pre.split(" ", 1)[1] if " " in pre else ""
        post = ""
        if n1 < b and doc[n1].text == ",":
            p1 = next((t.i for t in doc[n1:b] if t.pos_ in {"VERB", "AUX"}), b)
            post = doc[n1:p1].text.strip(_STRIP)
        role = ", ".join(x for x in (pre, post) if x) or None
        n_start, n_end = doc[n0].idx, doc[n1 - 1].idx + len(doc[n1 - 1].text)
        src = _Source(n_start, n_end, self.text[n_start:n_end], role=role)
        src.words = _words(src.text + " " + (role or ""))
        src.actor_id, src.actor_name = self.actor_for(n_start, n_end)
        if len(re.findall(r"\w+", src.text)) == 1 or not role:
            src = self.speakers.complete_name(src, pos)
        return src

    def resolve_definite(self, span: Span, pos: int) -> _Source | None:
        """The earlier source a definite description ("the company", "the secretary") is."""
        doc, lex = self.doc, self.lex
        head = span.root
        lemma = head.lemma_.lower()
        if doc[span.start].lower_ not in definite_determiners():
            return None
        if lemma in lex.organisation_nouns:
            # "the company said": the body named before, never a person whose role holds
            # the word ("the company's founder") nor the subject of the next sentence
            return self.speakers.resolve_organisation(lemma, pos)
        mods = tuple(
            t.lower_
            for t in span
            if t.pos_ in {"NOUN", "PROPN", "ADJ"} and t.i != head.i and not t.is_punct
        )
        found = self.speakers.resolve(lemma, pos, lemma, mods)
        if found is None and lemma not in lex.documents and not head.is_title:
            # "the chief of the bureau said. Gen. X told ...": a role the next sentence names;
            # a body's own name ("the Office for National Statistics said") is no role
            found = self.speakers.named_next(span.end)
        return found

    def unnamed_source(self, span: Span) -> _Source:
        """A source without a name: an unnamed person or body, or a document."""
        doc, lex = self.doc, self.lex
        a, b = span.start, span.end
        head = span.root
        lemma = head.lemma_.lower()
        sent_text = self.sent_of(span[0]).text.lower()
        s0, s1 = span.start_char, span.end_char
        src = _Source(s0, s1, self.text[s0:s1])
        src.document = lemma in lex.documents or any(
            t.lemma_.lower() in lex.documents for t in span
        )
        src.plural = head.tag_ in {"NNS", "NNPS"}
        anon_phrase = any(p in sent_text for p in lex.anonymous_phrases)
        src.anonymous = not src.document and (
            lemma in lex.anonymous_heads
            or anon_phrase
            or any(t.lemma_.lower() in lex.anonymous_heads for t in span if t.pos_ == "NOUN")
        )
        first = doc[a].lower_
        src.role = (
            doc[a + 1 : b].text if first in _DETERMINERS and b - a > 1 else span.text
        ) or None
        src.words = _words(src.text)
        src.actor_id, src.actor_name = self.actor_for(s0, s1)
        return src
