"""One pass of the quote extractor over a document: quotes found, attributed, deduplicated."""

from __future__ import annotations

from ...schema import Quote, TextSpan
from ._base import _Source
from .direct import _Direct
from .reported import _Reported

#: a quote found: character range, whether direct, its speaker and its cue
_Found = tuple[int, int, bool, _Source | None, TextSpan | None]


class _Run(_Direct, _Reported):
    """The work on one document (keeps the recent sources for pronoun resolution)."""

    # -- quotes ----------------------------------------------------------------------------
    def quotes(self) -> list[Quote]:
        """Every quote of the document as a record, in text order."""
        pending = list(self.direct)
        for sent in self.segments:
            used: set[int] = set()
            while pending and pending[0][0] < sent.end_char:
                qa, qb = pending.pop(0)
                self.add_direct(qa, qb, used)
            if sent.text.rstrip().endswith(":"):
                self.register(self.statement_subject(sent), sent.start_char)
            self.indirect(sent, used)
        self.transcript()
        doc_id = self.doc._.doc_id or ""
        records: list[Quote] = []
        for found in self.one_per_stretch():
            records.append(self.record(found, f"{doc_id}:q{len(records)}", doc_id))
        return records

    def add_direct(self, qa: int, qb: int, used: set[int]) -> None:
        """Attribute the direct quote [qa, qb); its cue token joins ``used``."""
        src, cue = self.attribute_direct(qa, qb)
        if cue is not None:
            used.add(cue.i)
            via = self.reporting_source_of(cue, src)
            if via is not None:
                self.reporting[(qa, qb)] = via
        cue_span = (
            TextSpan(text=cue.text, start=cue.idx, end=cue.idx + len(cue.text)) if cue else None
        )
        self.out.append((qa, qb, True, src, cue_span))
        self.register(src, qa)

    def one_per_stretch(self) -> list[_Found]:
        """One quote per stretch of text, in text order: of overlapping quotes of the same
        kind (two cues reporting the same clause, a quote found twice) the longest stays."""
        kept: list[_Found] = []
        for rec in sorted(self.out, key=lambda r: (r[0] - r[1], r[0])):
            if not any(k[2] == rec[2] and k[0] < rec[1] and rec[0] < k[1] for k in kept):
                kept.append(rec)
        kept.sort(key=lambda r: (r[0], r[1]))
        return kept

    def record(self, found: _Found, quote_id: str, doc_id: str) -> Quote:
        """The :class:`~allegiance.schema.Quote` record of a quote found."""
        s, e, direct, src, cue_span = found
        return Quote(
            id=quote_id,
            doc_id=doc_id,
            text=self.text[s:e],
            start=s,
            end=e,
            direct=direct,
            speaker=src.arg() if src else None,
            speaker_role=src.role if src else None,
            anonymous=bool(src and src.anonymous),
            cue=cue_span,
            reporting_source=(
                self.reporting[(s, e)].arg() if direct and (s, e) in self.reporting else None
            ),
        )
