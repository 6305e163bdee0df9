"""Short forms a document defines: surnames after a full name ("Galloway" after "Maj. Adrian
Rankine-Galloway") and acronyms defined in parentheses ("Syrian Democratic Forces (SDF)")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..actors._base import _RecognizerBase
from ..actors.mentions import _Cand

__all__ = ["Surnames"]


class Surnames:
    """The short forms a document defines: surface -> [(antecedent, first token it applies
    from)], in document order; a surname goes to the full name that agrees with it."""

    def __init__(self, rec: _RecognizerBase, doc: Doc) -> None:
        self.rec, self.doc = rec, doc
        self.refs: dict[str, list[tuple[_Cand, int]]] = {}
        # the first words of full names, which an honorific may take ("Yoon Suk Yeol" ... "Mr.
        # Yoon", "Xi Jinping" ... "Mr. Xi": family names written first)
        self.first: dict[str, list[tuple[_Cand, int]]] = {}
        self.titles = rec.agents.titles
        self._gender: dict[int, str | None] = {}

    def name_words(self, c: _Cand) -> list[Token]:
        """The capitalised words of a mention's name, titles and demonyms left out ("Chinese
        Foreign Minister Wang Yi": Wang, Yi)."""
        return [t for t in self.doc[c.start : c.end] if t.is_alpha and t.is_title
                and t.lower_ not in self.titles
                and self.rec.kb.lookup_adjective(t.text) is None]  # fmt: skip

    def gender(self, c: _Cand) -> str | None:
        if id(c) not in self._gender:
            words = [t.text for t in self.doc[c.start : c.end]]
            self._gender[id(c)] = self.rec.gender.of_words(words)
        return self._gender[id(c)]

    def pick(self, form: str, i: int, want: str | None, given: frozenset[str]) -> _Cand | None:
        """The antecedent of ``form`` at token ``i``: the last one defined before it that
        agrees with the gender ``want`` and has the given names ``given``."""
        best = agreeing = None
        for ante, from_i in self.refs.get(form, ()):
            if from_i > i:
                break
            if ante.type == "person":
                g = self.gender(ante)
                if want is not None and g is not None and g != want:
                    continue
                if given and not given <= {t.lower_ for t in self.name_words(ante)}:
                    continue
                if want is not None and g == want:
                    agreeing = ante  # a known gender that agrees beats an unknown one
            best = ante
        return agreeing or best

    def collect(self, chosen: list[_Cand]) -> None:
        """Record the surnames of full names and the acronyms defined after a name."""
        doc, refs = self.doc, self.refs
        for cand in sorted(chosen, key=lambda c: c.start):
            if cand.type == "person":
                name_toks = self.name_words(cand)
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
                    firsts = self.first.setdefault(name_toks[0].text, [])
                    if not any(e[0].actor_id == cand.actor_id for e in firsts):
                        firsts.append((cand, cand.end))
            if cand.end - cand.start >= 2 and cand.end + 2 < len(doc):
                op, acr, cl = doc[cand.end], doc[cand.end + 1], doc[cand.end + 2]
                if op.text == "(" and cl.text == ")" and acr.is_upper and len(acr.text) >= 2:
                    if not refs.get(acr.text):  # the first definition holds
                        refs[acr.text] = [(cand, cand.end)]

    def relink(self, chosen: list[_Cand]) -> None:
        """A provisional name that is a defined surname ("Galloway") becomes its full name."""
        doc = self.doc
        for cand in chosen:
            if cand.resolved_by != "ner":
                continue
            words = self.name_words(cand)
            last = doc[cand.end - 1]
            form = last.text
            if len(words) >= 2 and last.i >= 2 and doc[last.i - 1].text == "-":
                form = doc[last.i - 2 : last.i + 1].text
            given = frozenset(t.lower_ for t in words[:-1] if t.text not in form)
            want = self.gender(cand) if cand.type == "person" else None
            ante = self.pick(form, cand.start, want, given)
            if ante is None and len(words) == 1:
                ante = self._family_first(form, cand.start, titled=self._honorific(cand))
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
                cand.refer_to(ante, 0.85)

    def _honorific(self, cand: _Cand) -> bool:
        """Whether a mention opens with an honorific ("Mr. Yoon", "Ms Kim"; the gender data's)."""
        honorifics = self.rec.gender.honorifics
        low = self.doc[cand.start].lower_
        return low in honorifics or low.rstrip(".") in honorifics

    def _family_first(self, form: str, i: int, *, titled: bool) -> _Cand | None:
        """The one person named before token ``i`` whose full name opens with ``form``: after
        an honorific ("Mr. Xi"), or bare when the person is of a country whose family name
        comes first (``family_first_countries``: "Wang Yi" ... "Wang")."""
        found = {e[0].actor_id: e[0] for e in self.first.get(form, ()) if e[1] <= i}
        if len(found) != 1:
            return None
        ante = next(iter(found.values()))
        if titled:
            return ante
        actor = self.rec.kb.get(ante.actor_id)
        first = self.rec.agents.family_first_countries
        return ante if actor is not None and actor.country in first else None

    def bare(self, taken: list[bool]) -> list[_Cand]:
        """Mentions of the defined forms no other pass took ("Galloway said", "the SDF")."""
        rec, doc, refs = self.rec, self.doc, self.refs
        out: list[_Cand] = []
        for tok in doc:
            if not refs:
                break
            if taken[tok.i] or tok.text not in refs:
                continue
            want = rec._honorific_gender(doc, max(0, tok.i - 2), tok.i)
            ante = self.pick(tok.text, tok.i, want, frozenset())
            if ante is None:
                continue
            start = rec._title_start(doc, tok.i) if ante.type == "person" else tok.i
            while start < tok.i and taken[start]:
                start += 1
            cand = _Cand(start, tok.i + 1, ante.actor_id, "coref", round(0.85 * ante.confidence, 3),
                         "coref", ante.name, ante.type)  # fmt: skip
            for i in range(cand.start, cand.end):
                taken[i] = True
            out.append(cand)
        return out
