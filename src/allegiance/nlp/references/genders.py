"""The gender a person's mention gives, once per mention of a document.

Shared by the two resolvers of the references package: the references component ("she"
refers to the nearest person who may be a woman) and the quote-speaker resolver ("'...,' she
said"). A mention's gender comes from an honorific or given name in it or just before it in
its sentence ("Mrs. Clinton", "Ana Ruiz", "Sen. Maria Lopez"), else from an earlier fuller
mention with the same last word ("Karen Doyle ... Doyle"), or from the knowledge base's name
of the person it resolved to ("Merkel": Angela Merkel); a person nothing tells about agrees
with both pronouns. The words are data (``references.yaml``, ``first_names.yaml``; see
:mod:`allegiance.nlp.gender`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Doc

from ..gender import GenderData

__all__ = ["PersonGenders"]

#: the person mentions before a token, latest first, as token ranges
Earlier = Callable[[int], Iterable[tuple[int, int]]]


class PersonGenders:
    """The gender of each person mention of one document, computed once.

    Args:
        doc: the document.
        data: honorifics, given names and gendered nouns.
        sentence_start: the first token of the sentence of a token.
    """

    def __init__(
        self,
        doc: Doc,
        data: GenderData,
        sentence_start: Callable[[int], int],
        full_names: dict[tuple[int, int], str] | None = None,
    ) -> None:
        self.doc = doc
        self.data = data
        self.sentence_start = sentence_start
        # the knowledge base's name of a person a mention resolved to ("Merkel": Angela Merkel)
        self.full_names = full_names or {}
        self._known: dict[tuple[int, int], str | None] = {}

    def of(self, start: int, end: int, earlier: Earlier) -> str | None:
        """The gender the mention over tokens ``start:end`` gives, or None.

        ``earlier(start)`` yields the person mentions before it, latest first: the first of
        them with more than one word and the same last word lends its gender.
        """
        key = (start, end)
        if key in self._known:
            return self._known[key]
        doc, data = self.doc, self.data
        gender = self._title_before(start)
        if gender is None:
            gender = data.of_words([t.text for t in doc[start:end] if not t.is_punct])
        if gender is None and key in self.full_names:
            gender = data.of_words(self.full_names[key].split())
        if gender is None:
            last = doc[end - 1].lower_
            for a, b in earlier(start):
                if b - a > 1 and doc[b - 1].lower_ == last:
                    gender = self.of(a, b, earlier)
                    if gender is not None:
                        break
        self._known[key] = gender
        return gender

    def _title_before(self, start: int) -> str | None:
        """The gender of an honorific just before a name ("Mr." "Lee", "Mrs" "." "Doyle") or of
        a gendered title next to it ("Congresswoman Jane Doe"); the words of the clause
        before ("Hillary Clinton debated Donald Trump") are not the name's."""
        doc, data = self.doc, self.data
        lo = max(self.sentence_start(start), start - 3)
        for t in reversed(doc[lo:start]):
            w = t.lower_
            gender = data.honorifics.get(w) or data.honorifics.get(w.rstrip("."))
            if gender is None and t.i == start - 1:
                gender = data.nouns.get(w)
            if gender is not None:
                return gender
            if not (t.is_punct or t.text[:1].isupper()):
                return None
        return None

    def agrees(self, start: int, end: int, pronoun: str, earlier: Earlier) -> bool:
        """Whether a pronoun ("she", "his") may refer to the person at ``start:end``."""
        wanted = self.data.pronouns.get(pronoun.lower())
        if wanted is None:
            return True
        gender = self.of(start, end, earlier)
        return gender is None or gender == wanted
