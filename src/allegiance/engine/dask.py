"""Extraction on a Dask cluster (``allegiance extract --engine dask``; docs/store.md).

The driver reads the input, drops the documents the store holds, and sends partitions of
documents to the workers. Each worker builds the pipeline once (it is cached per process)
and extracts a partition exactly as the single-machine path does, writes its records as
Parquet (the store's export layout, through an in-memory store) and sends the files back, so
no shared file system is needed. The driver ingests the partitions in input order, one
transaction each, into one run of the store: the records are the single-machine path's, and
an interrupted run resumes by running it again.

Needs ``pip install 'allegiance[dask]'`` (dask and distributed).
"""

from __future__ import annotations

import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..store.core import CorpusStore, rules_fingerprint
from ..store.extract import StoreRun

if TYPE_CHECKING:
    from ..ingest import IngestReport, InputDocument
    from ..nlp.pipeline import ExtractOptions

__all__ = ["extract_partition", "extract_with_dask", "local_client"]

#: documents per task sent to a worker
PARTITION_DOCUMENTS = 32


def _dask() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise InputError(
            "--engine dask needs dask.distributed: pip install 'allegiance[dask]'"
        ) from exc
    return distributed


def local_client(n_workers: int = 2, *, processes: bool = True) -> Any:
    """A client of a new local cluster: ``n_workers`` single-threaded workers."""
    distributed = _dask()
    cluster = distributed.LocalCluster(
        n_workers=n_workers,
        threads_per_worker=1,
        processes=processes,
        dashboard_address=None,
        silence_logs=40,
    )
    return distributed.Client(cluster)


def extract_partition(
    documents: list[InputDocument], options: ExtractOptions
) -> tuple[dict[str, bytes], list[str]]:
    """On a worker: extract documents and return their records as Parquet files.

    Returns:
        ``{relative path: bytes}`` of a store export (:meth:`CorpusStore.export_parquet`)
        and the warnings about the documents.
    """
    import dataclasses

    from ..ingest import IngestReport
    from ..store.extract import extract_to_store

    report = IngestReport(log=False)
    with tempfile.TemporaryDirectory(prefix="allegiance-dask-") as tmp:
        with CorpusStore(Path(tmp) / "part.duckdb") as store:
            opts = dataclasses.replace(options, n_process=1)
            extract_to_store(store, documents, options=opts, report=report, command="partition")
            store.export_parquet(Path(tmp) / "out")
        files = {
            p.relative_to(Path(tmp) / "out").as_posix(): p.read_bytes()
            for p in sorted((Path(tmp) / "out").rglob("*.parquet"))
        }
    return files, list(report.warnings)


def _partitions(documents: Iterable[InputDocument], size: int) -> Iterator[list[InputDocument]]:
    part: list[InputDocument] = []
    for document in documents:
        part.append(document)
        if len(part) >= size:
            yield part
            part = []
    if part:
        yield part


def extract_with_dask(
    store: CorpusStore,
    documents: Iterable[InputDocument],
    *,
    options: ExtractOptions,
    report: IngestReport | None = None,
    scheduler: str | None = None,
    client: Any = None,
    run_options: dict[str, Any] | None = None,
    partition_documents: int = PARTITION_DOCUMENTS,
    progress: Callable[[int], None] | None = None,
) -> StoreRun:
    """Extract documents into the store on a Dask cluster (see the module docstring).

    Args:
        store: the corpus store (documents it holds are skipped).
        documents: the input documents, in order.
        options: extraction settings (``n_process`` is the number of local workers).
        report: collects the warnings.
        scheduler: a ``dask.distributed`` scheduler address; a local cluster when None.
        client: an existing ``distributed.Client`` (then ``scheduler`` is ignored).
        run_options: more to record in the run's ``options``.
        partition_documents: documents per task.
        progress: called with the number of documents stored so far.
    """
    own = client is None
    if own:
        client = _open_client(scheduler, options.n_process or 2)
    fingerprint = rules_fingerprint(options)
    run_id = store.begin_run("extract", fingerprint, {"engine": "dask", **(run_options or {})})
    fresh = _Fresh(documents, store.stored_sha256())
    skipped = 0  # by the store's import (stored meanwhile); ``fresh`` counts the others
    counts: dict[str, int] = {}
    status = "failed"
    written = 0
    in_flight: deque[Any] = deque()
    limit = 2 * max(1, len(client.scheduler_info().get("workers", {})) or 1)
    try:
        parts = _partitions(iter(fresh), partition_documents)
        while True:
            while len(in_flight) < limit:
                part = next(parts, None)
                if part is None:
                    break
                in_flight.append(client.submit(extract_partition, part, options, pure=False))
            if not in_flight:
                break
            files, warnings = in_flight.popleft().result()  # input order
            for message in warnings:
                if report is not None:
                    report.add_warning(message)
            if not files:
                continue
            skipped += _store_partition(store, files, run_id, counts)
            written = counts.get("document", 0)
            if progress is not None:
                progress(written)
        status = "complete"
    except BaseException as exc:
        status = "interrupted" if type(exc).__name__ in _INTERRUPTS else "failed"
        for future in in_flight:
            future.cancel()
        raise
    finally:
        store.run_counts = counts
        skipped += fresh.skipped
        store.skipped = skipped
        store.end_run(status)
        if own:
            _close(client)
    stale = len(store.stale_documents(fingerprint.key))
    return StoreRun(run_id, written, skipped, counts, stale)


_TABLE_KINDS = {"documents": "document", "mentions": "mention", "relations": "relation",
                "acts": "act", "quotes": "quote", "quantities": "quantity"}  # fmt: skip


def _store_partition(
    store: CorpusStore, files: dict[str, bytes], run_id: int, counts: dict[str, int]
) -> int:
    """Import one partition's Parquet files into the run; add to ``counts``; return the skipped."""
    with tempfile.TemporaryDirectory(prefix="allegiance-ingest-") as tmp:
        for rel, data in files.items():
            target = Path(tmp) / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        added = store.import_parquet(tmp, as_run=run_id)
    for table, n in added.items():
        if table not in ("skipped", "runs"):
            kind = _TABLE_KINDS[table]
            counts[kind] = counts.get(kind, 0) + n
    return added.get("skipped", 0)


class _Fresh:
    """The documents the store does not hold, each content once; counts the ones left out."""

    def __init__(self, documents: Iterable[InputDocument], done: set[str]) -> None:
        self.documents, self.done = documents, done
        self.seen: set[str] = set()
        self.skipped = 0

    def __iter__(self) -> Iterator[InputDocument]:
        for d in self.documents:
            if d.sha256 in self.done or d.sha256 in self.seen:
                self.skipped += 1
                continue
            self.seen.add(d.sha256)
            yield d


#: exceptions that mean the user stopped the run (the run is then marked interrupted)
_INTERRUPTS = ("Interrupted", "KeyboardInterrupt")


def _open_client(scheduler: str | None, n_workers: int) -> Any:
    """A client of the scheduler at ``scheduler``, or of a new local cluster."""
    distributed = _dask()
    return distributed.Client(scheduler) if scheduler else local_client(n_workers)


def _close(client: Any) -> None:
    """Close a client this module opened, and its local cluster."""
    cluster = getattr(client, "cluster", None)
    client.close()
    if cluster is not None:
        cluster.close()
