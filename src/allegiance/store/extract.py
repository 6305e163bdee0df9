"""Extraction into the store: ``extract --store`` and ``store reextract``."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .core import CorpusStore, rules_fingerprint

if TYPE_CHECKING:
    from ..ingest import IngestReport, InputDocument
    from ..nlp.pipeline import ExtractOptions

__all__ = ["StoreRun", "extract_to_store", "reextract"]


@dataclass
class StoreRun:
    """What one run did: its id, documents written and skipped, records per kind."""

    run_id: int
    written: int
    skipped: int
    counts: dict[str, int]
    stale: int = 0


class _Texts:
    """Passes documents through and keeps each one's text until its records come back.

    Records come back in input order, so everything before the document whose records
    arrive was dropped by extraction (too long, other language): memory holds only the
    documents in flight.
    """

    def __init__(self, documents: Iterable[InputDocument]) -> None:
        self._source = iter(documents)
        self._held: deque[tuple[str, str, tuple[tuple[int, int], ...]]] = deque()

    def __iter__(self) -> Iterator[InputDocument]:
        for document in self._source:
            self._held.append((document.sha256, document.text, tuple(document.ignore)))
            yield document

    def take(self, sha256: str) -> tuple[str | None, tuple[tuple[int, int], ...]]:
        while self._held:
            sha, text, ignore = self._held.popleft()
            if sha == sha256:
                return text, ignore
        return None, ()


def extract_to_store(
    store: CorpusStore,
    documents: Iterable[InputDocument],
    *,
    options: ExtractOptions,
    report: IngestReport | None = None,
    command: str = "extract",
    run_options: dict[str, Any] | None = None,
    progress: Callable[[int], None] | None = None,
    replace: dict[str, int] | None = None,
) -> StoreRun:
    """Extract documents into the store in one run; those stored already are skipped.

    The document records keep their text only with ``options.include_text`` (as in
    ``extract``); the store keeps the text apart in any case, for ``store reextract``.
    An interruption (an exception, Ctrl-C) ends the run as ``interrupted`` or ``failed``
    with the documents finished so far stored: running the same command again resumes.
    ``replace`` maps the sha256 of stored documents to their ``doc_seq``: their new records
    replace the old ones (``store reextract``) instead of being skipped.
    """
    import dataclasses

    from ..nlp.pipeline import extract_grouped

    fingerprint = rules_fingerprint(options)
    run_id = store.begin_run(command, fingerprint, run_options)
    replace = replace or {}
    done = store.stored_sha256() - set(replace)
    skipped_before = [0]

    def fresh(docs: Iterable[InputDocument]) -> Iterator[InputDocument]:
        seen: set[str] = set()
        for d in docs:
            if d.sha256 in done or d.sha256 in seen:
                skipped_before[0] += 1
                continue
            seen.add(d.sha256)
            yield d

    texts = _Texts(fresh(documents))
    keep_text = options.include_text
    opts = dataclasses.replace(options, include_text=False)
    groups = extract_grouped(texts, options=opts, report=report)
    status = "failed"
    try:
        for n, group in enumerate(groups, 1):
            sha = str(getattr(group[0], "sha256", ""))
            body, ignore = texts.take(sha)
            if keep_text:
                group = [group[0].model_copy(update={"text": body}), *group[1:]]
            store.append(group, body=body, ignore=ignore, replaces=replace.get(sha))
            if progress is not None:
                progress(n)
        status = "complete"
    except BaseException as exc:
        status = (
            "interrupted"
            if isinstance(exc, KeyboardInterrupt) or (type(exc).__name__ == "Interrupted")
            else "failed"
        )
        raise
    finally:
        groups.close()
        store.skipped += skipped_before[0]
        store.end_run(status)
    counts = dict(store.run_counts)
    skipped = store.skipped
    written = counts.get("document", 0)
    stale = len(store.stale_documents(fingerprint.key))
    return StoreRun(run_id, written, skipped, counts, stale)


def reextract(
    store: CorpusStore,
    *,
    options: ExtractOptions,
    report: IngestReport | None = None,
    limit: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> StoreRun:
    """Extract again the documents stored under other rules than ``options`` give.

    Each stale document is extracted from its stored text, and its new records replace the
    old ones in the same transaction (runs with ``command`` ``reextract``, a chunk of
    documents each), so an interrupted reextract leaves every document either old or new,
    never both or neither, and resumes when run again.
    """
    key = rules_fingerprint(options).key
    stale = store.stale_documents(key)
    if limit is not None:
        stale = stale[:limit]
    total = StoreRun(0, 0, 0, {}, 0)

    def shifted(base: int) -> Callable[[int], None] | None:
        if progress is None:
            return None
        return lambda n: progress(base + n)

    chunk = 256
    for i in range(0, len(stale), chunk):
        documents = list(store.input_documents(stale[i : i + chunk]))
        replace = {
            str(r[0]): int(r[1])
            for r in store.con.execute(
                "SELECT sha256, doc_seq FROM documents WHERE doc_seq IN "
                f"({', '.join('?' * len(stale[i : i + chunk]))})",
                stale[i : i + chunk],
            ).fetchall()
        }
        run = extract_to_store(
            store,
            documents,
            options=options,
            report=report,
            command="reextract",
            progress=shifted(i),
            replace=replace,
        )
        total.run_id = run.run_id
        total.written += run.written
        total.skipped += run.skipped
        for k, v in run.counts.items():
            total.counts[k] = total.counts.get(k, 0) + v
    total.stale = len(store.stale_documents(key))
    return total
