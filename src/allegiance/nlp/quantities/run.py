"""One pass of the quantity extractor over a document: numbers, ranges, modifiers, records."""

from __future__ import annotations

import re

from ...schema import Quantity, SentenceRef
from ..extensions import in_ignored
from ._base import _Atom, _Num
from .attributes import _Attributes
from .filters import _Filters
from .numbers import _read_atom, _Reading
from .words import _MODS, _MONTHS, _PHONE, _VAGUE, _VAGUE_RE, parse_number

#: concepts that only repeat the unit: what the figure is of is read off its clause instead
_UNIT_CONCEPTS = frozenset({"percent", "dollars", "money"})


class _QRun(_Filters, _Attributes):
    """One pass over a document: numbers found, non-quantities dropped, records written."""

    # -- main ------------------------------------------------------------------------------
    def run(self) -> list[Quantity]:
        text, lex = self.text, self.lex
        masked: list[tuple[int, int]] = [(m.start(), m.end()) for m in _PHONE.finditer(text)]
        atoms: list[_Atom] = []
        for a, b, value in self.fractions():
            masked.append((a, b))
            atoms.append(_Atom(a, b, value, "fraction", _Reading(value, value, 1.0, None, None)))
        for m in lex.atom.finditer(text):
            a, b = m.start(), m.end()
            if any(x < b and a < y for x, y in masked):
                continue
            read = _read_atom(m, text, lex)
            if read is None:
                continue
            atoms.append(_Atom(a, b, read.value, "digit" if m.group("dig") else "word", read, m))
        for m in _VAGUE_RE.finditer(text):
            v = _VAGUE[m.group(0).lower()]
            atoms.append(_Atom(m.start(), m.end(), v, "vague", _Reading(v, v, 1.0, None, None)))
        atoms.sort(key=lambda x: x.start)
        nums: list[_Num] = []
        i = 0
        while i < len(atoms):
            at = atoms[i]
            a, b, value = at.start, at.end, at.value
            num = _Num(a, b, value, unit=at.read.currency or at.read.unit)
            num.currency = at.read.currency is not None
            if at.kind in {"digit", "word"}:
                age_end = self.age(a, b, value, at.kind == "digit", at)
                if age_end is not None:
                    num.end, num.concept = age_end, "age"
                elif self.excluded(a, b, value, at.kind == "digit", at):
                    i += 1
                    continue
            if at.kind == "vague":
                num.low, num.approximate = value, True
            if at.match is not None and at.match.group("plus"):
                num.low, num.approximate = value, True
            if i + 1 < len(atoms) and num.concept is None:
                if self.range(at, atoms[i + 1], num):
                    i += 1
            if (
                num.concept is None
                and self.word_before(num.start)
                and (self.word_before(num.start)[0].lower() in lex.age_before)
            ):
                num.concept = "age"  # "aged 40", "children aged 2 to 19"
            self.modifiers(num)
            nums.append(num)
            i += 1
        return self.records(nums)

    def _changed(self, a: int, b: int) -> bool:
        """Whether a verb of change comes before the number at ``a:b`` ("rose $3.40")."""
        span = self.doc.char_span(a, b, alignment_mode="expand")
        return span is not None and self.change_before(span) != "="

    def range(self, at: _Atom, nxt: _Atom, num: _Num) -> bool:
        """Make ``num`` the range "15 to 20", "10-20", "between 10 and 20", "$1bn-$1.5bn".

        Each end keeps its own magnitude; the second end's magnitude applies to the first only
        when the first has none and is the smaller number as written ("1 to 2 million", but
        "$600,000 to $1.2 million" is 600,000 to 1,200,000).
        """
        text = self.text
        a, b, a2, b2 = at.start, at.end, nxt.start, nxt.end
        if at.kind == "fraction" or nxt.kind in {"fraction", "vague"}:
            return False
        gap = text[b:a2]
        between = re.search(r"between\s+$", text[max(0, a - 12) : a], re.IGNORECASE)
        if not (
            re.fullmatch(r"\s?(?:to|-|–)\s?", gap) or (between and re.fullmatch(r"\s+and\s+", gap))
        ):
            return False
        if (
            self._month_near(a)
            or re.match(r"(?:st|nd|rd|th)\b", text[b2 : b2 + 4])
            or any(w.lower().rstrip(".,") in _MONTHS for w in self.word_after(b2, 1))
        ):
            return False
        u1, u2 = at.read.currency or at.read.unit, nxt.read.currency or nxt.read.unit
        if (u1 and u2 and u1 != u2) or (at.read.unit and not u2):
            return False  # "rose 2.1% to $83.40", "fell 3.4% to 142,000": a change, then a level
        if at.read.currency and nxt.read.currency and "to" in gap and self._changed(a, b):
            return False  # "Brent rose $3.40 to $91.20", "sales fell €2bn to €40bn": the same
        lo, hi = at.value, nxt.value
        if at.read.mult == 1.0 and nxt.read.mult > 1.0 and at.read.raw < nxt.read.raw:
            lo = at.value * nxt.read.mult
        if not hi > lo:
            return False
        num.start = between.start() + max(0, a - 12) if between else a
        num.end, num.value, num.low, num.high = b2, (lo + hi) / 2, lo, hi
        if num.unit is None:
            num.unit = nxt.read.currency or nxt.read.unit
            num.currency = nxt.read.currency is not None
        return True

    def fractions(self) -> list[tuple[int, int, float]]:
        """Shares: "a third", "two-thirds", "one in four" (0.25, not 4), "1/16", "half of".

        "a third straight win" (an ordinal before a noun), "second half" and "half-time" are
        not shares; "3/10" is one only for the denominators of the unit lexicon.
        """
        text, lex = self.text, self.lex
        out: list[tuple[int, int, float]] = []
        for m in lex.fraction.finditer(text):
            a, b = m.start(), m.end()
            if in_ignored(self.doc, a, b):
                continue
            nxt_tok = self._token_at(b + 1) if text[b : b + 1] == " " else None
            before = [w.lower() for w in self.word_before(a, 2)]
            if m.group("den"):
                if nxt_tok is not None and nxt_tok.pos_ in {"NOUN", "ADJ", "PROPN", "NUM"}:
                    continue  # "a third straight meeting", "a quarter century"
                out.append((a, b, lex.fractions[m.group("den").lower()]))
            elif m.group("dens"):
                n = parse_number(m.group("n"))
                if n is None or not m.group("dens").lower().endswith("s"):
                    continue  # "two-third" is no share; "the 21-third" neither
                out.append((a, b, n * lex.fractions[m.group("dens").lower()]))
            elif m.group("x"):
                x, y = parse_number(m.group("x")), parse_number(m.group("y"))
                if x is None or y is None or not 0 < x < y or 1800 <= y <= 2100:
                    continue
                out.append((a, b, x / y))
            elif m.group("sn"):
                x, y = int(m.group("sn")), int(m.group("sd"))
                if 0 < x < y and y in lex.slash_denominators:
                    out.append((a, b, x / y))
            elif m.group("half"):
                two = " ".join(before)
                if (
                    re.match(r"\s+of\b", text[b : b + 4])
                    and not (before and before[-1] in {"first", "second", "latter", "the"})
                ) or ((before and before[-1] in lex.half_after) or two in lex.half_after):
                    out.append((a, b, 0.5))
        return out

    def modifiers(self, num: _Num) -> None:
        head = self.text[max(0, num.start - 20) : num.start].lower()
        for phrase, kind in _MODS:
            if re.search(rf"(?<!\w){re.escape(phrase)}\s+$", head):
                num.start -= len(head) - head.rfind(phrase)
                if "low" in kind:
                    num.low = num.value
                if "high" in kind:
                    num.high = num.value
                num.approximate = num.approximate or "~" in kind
                break

    # -- context ---------------------------------------------------------------------------
    def records(self, nums: list[_Num]) -> list[Quantity]:
        doc, _lex = self.doc, self.lex
        out: list[Quantity] = []
        doc_id = doc._.doc_id or ""
        for num in nums:
            span = doc.char_span(num.start, num.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            sent = span[-1].sent
            concept, unit, head_end, change = self.concept(span, sent, num)
            money = num.currency or (unit or "").split("/")[0] in self.currency_codes
            if num.unit:
                num.unit += self.rate(sent, span.end)  # "$83.40 a barrel": USD/barrel
            elif unit:
                num.unit = unit  # "6 billion euros", "2 million barrels per day"
            if money:
                concept = "dollars" if (num.unit or "").startswith("USD") else "money"
            elif num.unit and not unit:
                concept = "percent" if num.unit.startswith("percent") else concept or num.unit
            if concept in _UNIT_CONCEPTS or concept is None:
                concept = self.measured_of(span) or concept  # "unemployment fell to 6.3%"
            if num.concept:
                concept = num.concept
            actor_id = self.actor(span, head_end, sent, concept)
            out.append(
                Quantity(
                    id=f"{doc_id}:n{len(out)}",
                    doc_id=doc_id,
                    text=self.text[num.start : num.end],
                    start=num.start,
                    end=num.end,
                    value=num.value,
                    low=num.low,
                    high=num.high,
                    approximate=num.approximate,
                    unit=num.unit,
                    concept=concept,
                    actor_id=actor_id,
                    change=change,
                    date=self.date(sent, num),
                    sentence=SentenceRef(text=sent.text, start=sent.start_char, end=sent.end_char),
                )
            )
        return out
