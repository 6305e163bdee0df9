"""One pass of the quote extractor over a document: quotes found, attributed, deduplicated."""

from __future__ import annotations

from ...schema import Quote, TextSpan
from ._base import _Source
from .direct import _Direct
from .reported import _Reported


class _Run(_Direct, _Reported):
    """The work on one document (keeps the recent sources for pronoun resolution)."""

    # -- quotes ----------------------------------------------------------------------------
    def quotes(self) -> list[Quote]:
        doc = self.doc
        pending = list(self.direct)
        for sent in self.segments:
            used: set[int] = set()
            while pending and pending[0][0] < sent.end_char:
                qa, qb = pending.pop(0)
                src, cue = self.attribute_direct(qa, qb)
                if cue is not None:
                    used.add(cue.i)
                    via = self.reporting_source_of(cue, src)
                    if via is not None:
                        self.reporting[(qa, qb)] = via
                cue_span = (
                    TextSpan(text=cue.text, start=cue.idx, end=cue.idx + len(cue.text))
                    if cue
                    else None
                )
                self.out.append((qa, qb, True, src, cue_span))
                self.register(src, qa)
            if sent.text.rstrip().endswith(":"):
                self.register(self.statement_subject(sent), sent.start_char)
            self.indirect(sent, used)
        self.transcript()
        # One record per stretch of text: of overlapping quotes of the same kind (two cues
        # reporting the same clause, a quote found twice) the longest stays.
        kept: list[tuple[int, int, bool, _Source | None, TextSpan | None]] = []
        for rec in sorted(self.out, key=lambda r: (r[0] - r[1], r[0])):
            if not any(k[2] == rec[2] and k[0] < rec[1] and rec[0] < k[1] for k in kept):
                kept.append(rec)
        kept.sort(key=lambda r: (r[0], r[1]))
        doc_id = doc._.doc_id or ""
        records: list[Quote] = []
        for s, e, direct, src, cue_span in kept:
            records.append(
                Quote(
                    id=f"{doc_id}:q{len(records)}",
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
                        self.reporting[(s, e)].arg()
                        if direct and (s, e) in self.reporting
                        else None
                    ),
                )
            )
        return records
