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
    distributed = _dask()
    own = client is None
    if own:
        client = (
            distributed.Client(scheduler) if scheduler else local_client(options.n_process or 2)
        )
    fingerprint = rules_fingerprint(options)
    run_id = store.begin_run("extract", fingerprint, {"engine": "dask", **(run_options or {})})
    done = store.stored_sha256()
    seen: set[str] = set()
    skipped = 0

    def fresh() -> Iterator[InputDocument]:
        nonlocal skipped
        for d in documents:
            if d.sha256 in done or d.sha256 in seen:
                skipped += 1
                continue
            seen.add(d.sha256)
            yield d

    counts: dict[str, int] = {}
    status = "failed"
    written = 0
    in_flight: deque[Any] = deque()
    limit = 2 * max(1, len(client.scheduler_info().get("workers", {})) or 1)
    try:
        parts = _partitions(fresh(), partition_documents)
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
            with tempfile.TemporaryDirectory(prefix="allegiance-ingest-") as tmp:
                for rel, data in files.items():
                    target = Path(tmp) / rel
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(data)
                added = store.import_parquet(tmp, as_run=run_id)
            skipped += added.get("skipped", 0)
            for table, n in added.items():
                if table not in ("skipped", "runs"):
                    kind = {"documents": "document", "mentions": "mention",
                            "relations": "relation", "quotes": "quote",
                            "quantities": "quantity"}[table]  # fmt: skip
                    counts[kind] = counts.get(kind, 0) + n
            written = counts.get("document", 0)
            if progress is not None:
                progress(written)
        status = "complete"
    except BaseException as exc:
        status = (
            "interrupted"
            if type(exc).__name__ in ("Interrupted", "KeyboardInterrupt")
            else "failed"
        )
        for future in in_flight:
            future.cancel()
        raise
    finally:
        store.run_counts = counts
        store.skipped = skipped
        store.end_run(status)
        if own:
            cluster = getattr(client, "cluster", None)
            client.close()
            if cluster is not None:
                cluster.close()
    stale = len(store.stale_documents(fingerprint.key))
    return StoreRun(run_id, written, skipped, counts, stale)
