"""The corpus store: one DuckDB file of documents, records and the runs that wrote them.

A run (:meth:`CorpusStore.begin_run`) appends whole documents (:meth:`CorpusStore.append`),
each with all its records, a batch of documents per transaction; a document whose sha256 is
already stored is skipped, so a run that was interrupted is resumed by running it again.
Every run records the versions and hashes that decide what extraction gives (its
*rules key*, :func:`rules_fingerprint`); documents written under another key are *stale*
(:meth:`CorpusStore.stale_documents`) and ``allegiance store reextract`` runs them again.
"""

from __future__ import annotations

import datetime as _dt
import functools
import json
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from ..errors import InputError
from ..export import _signals_held
from ..schema import SCHEMA_VERSION
from .fingerprint import RulesFingerprint, data_hash, model_identity, rules_fingerprint
from .tables import EXTRA_COLUMNS, KINDS, TABLES, column_types, create_statements, record_columns

if TYPE_CHECKING:
    import duckdb

    from ..ingest import InputDocument
    from ..nlp.pipeline import Records

__all__ = [
    "STORE_FORMAT",
    "CorpusStore",
    "RulesFingerprint",
    "data_hash",
    "model_identity",
    "rules_fingerprint",
]

#: version of the store's layout (kept in the ``meta`` table)
STORE_FORMAT = "1"


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")


def _connect(path: str | Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    import duckdb

    p = Path(path)
    if read_only and not p.exists():
        raise InputError(f"{p}: no such store (write one with allegiance extract --store)")
    try:
        return duckdb.connect(str(p), read_only=read_only)
    except duckdb.Error as exc:
        first = str(exc).splitlines()[0]
        raise InputError(f"{p}: cannot open the store ({first})") from exc


class CorpusStore:
    """One DuckDB corpus store (see docs/store.md for the tables).

    Args:
        path: the DuckDB file (created with its tables when missing).
        read_only: open for reading only (several readers may share the file).
        batch_documents: documents per transaction when appending.

    Raises:
        InputError: when the file cannot be opened or is not an allegiance store.

    Example:
        >>> with CorpusStore("corpus.duckdb") as store:      # doctest: +SKIP
        ...     store.counts()["documents"]
    """

    def __init__(
        self, path: str | Path, *, read_only: bool = False, batch_documents: int = 256
    ) -> None:
        self.path = Path(path)
        self._closed = False
        self.con = _connect(self.path, read_only)
        self.read_only = read_only
        self.batch_documents = batch_documents
        self.run_id: int | None = None
        #: documents and records appended by the current run, per kind
        self.run_counts: dict[str, int] = {}
        #: documents skipped by the current run because their sha256 was stored
        self.skipped = 0
        self._pending: list[tuple[list[Records], str | None, str, int | None]] = []
        self._pending_sha: set[str] = set()
        self._known: set[str] | None = None
        self._check_or_create()
        self._seq = self._max_seq() + 1

    # ------------------------------------------------------------ opening

    def _check_or_create(self) -> None:
        tables = {
            r[0] for r in self.con.execute("SELECT table_name FROM duckdb_tables()").fetchall()
        }
        if not tables and not self.read_only:
            for ddl in create_statements():
                self.con.execute(ddl)
            self.con.execute(
                "INSERT INTO meta VALUES ('store_format', ?), ('created', ?), ('schema_version', ?)",
                [STORE_FORMAT, _now(), SCHEMA_VERSION],
            )
            return
        missing = {"runs", "meta", *(t for t, _ in TABLES.values())} - tables
        if missing:
            self.con.close()
            raise InputError(
                f"{self.path}: not an allegiance store (missing tables: {', '.join(sorted(missing))})"
            )
        fmt = self.meta().get("store_format")
        if fmt != STORE_FORMAT:
            self.con.close()
            raise InputError(
                f"{self.path}: store format {fmt!r}, this version reads {STORE_FORMAT!r}"
            )

    def _max_seq(self) -> int:
        parts = " UNION ALL ".join(f"SELECT max(seq) AS s FROM {t}" for t, _ in TABLES.values())
        row = self.con.execute(f"SELECT coalesce(max(s), 0) FROM ({parts})").fetchone()
        return int(row[0]) if row else 0

    def meta(self) -> dict[str, str]:
        """The ``meta`` table (store format, creation time, schema version)."""
        return dict(self.con.execute("SELECT key, value FROM meta").fetchall())

    def close(self) -> None:
        """Close the file (a run still open is ended as ``interrupted``); closing twice is fine."""
        if self._closed:
            return
        if self.run_id is not None:
            self.end_run("interrupted")
        self.con.close()
        self._closed = True

    def __enter__(self) -> CorpusStore:
        return self

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if self.run_id is not None and not self._closed:
            self.end_run("complete" if exc_type is None else "failed")
        self.close()

    # ------------------------------------------------------------ runs

    def begin_run(
        self, command: str, fingerprint: RulesFingerprint, options: dict[str, Any] | None = None
    ) -> int:
        """Start a run: a row in ``runs`` with status ``running``; returns its id."""
        row = self.con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM runs").fetchone()
        assert row is not None
        run_id = int(row[0])
        self.con.execute(
            "INSERT INTO runs VALUES (?, ?, ?, NULL, 'running', ?, ?, ?, ?, ?, ?, ?, NULL)",
            [
                run_id, command, _now(), fingerprint.version, SCHEMA_VERSION, fingerprint.model,
                fingerprint.lexicon_hash, fingerprint.kb_hash, fingerprint.key,
                json.dumps({**fingerprint.options, **(options or {})}, sort_keys=True, default=str),
            ],
        )  # fmt: skip
        self.run_id = run_id
        self.run_counts = {}
        self.skipped = 0
        return run_id

    def end_run(self, status: str) -> None:
        """Write what is pending and close the run with ``status`` and its counts."""
        if self.run_id is None:
            return
        with _signals_held():
            self.flush()
            counts = {**self.run_counts, "skipped": self.skipped}
            self.con.execute(
                "UPDATE runs SET finished = ?, status = ?, counts = ? WHERE run_id = ?",
                [_now(), status, json.dumps(counts, sort_keys=True), self.run_id],
            )
        self.run_id = None

    def runs(self) -> list[dict[str, Any]]:
        """Every run, oldest first (``options`` and ``counts`` decoded)."""
        cur = self.con.execute("SELECT * FROM runs ORDER BY run_id")
        names = [d[0] for d in cur.description]
        out = []
        for row in cur.fetchall():
            run = dict(zip(names, row, strict=True))
            run["options"] = json.loads(run["options"] or "{}")
            run["counts"] = json.loads(run["counts"]) if run["counts"] else None
            out.append(run)
        return out

    # ------------------------------------------------------------ appending

    def has(self, sha256: str) -> bool:
        """Whether a document with this sha256 is stored (or pending in this run)."""
        if sha256 in self._pending_sha:
            return True
        if self._known is None:  # read once per run: one lookup per document is then cheap
            self._known = self.stored_sha256()
        return sha256 in self._known

    def stored_sha256(self) -> set[str]:
        """The sha256 of every stored document."""
        return {r[0] for r in self.con.execute("SELECT sha256 FROM documents").fetchall()}

    def append(
        self,
        group: Sequence[Records],
        *,
        body: str | None = None,
        ignore: Sequence[tuple[int, int]] = (),
        replaces: int | None = None,
    ) -> bool:
        """Add one document's records (its document record first) to the current run.

        Args:
            group: the document record, then its mentions, quotes, relations, quantities.
            body: the document's text, kept so that it can be extracted again.
            ignore: its page-furniture ranges (see :class:`~allegiance.ingest.InputDocument`).
            replaces: the ``doc_seq`` of a stored document that these records replace (it
                is removed with its records in the same transaction: ``store reextract``).

        Returns:
            False when the document was already stored (nothing is written).
        """
        if self.run_id is None:
            raise InputError(f"{self.path}: append outside a run (call begin_run first)")
        if not group or group[0].kind != "document":
            raise InputError(f"{self.path}: a group must start with its document record")
        sha = str(getattr(group[0], "sha256", ""))
        if replaces is None and self.has(sha):
            self.skipped += 1
            return False
        self._pending.append((list(group), body, json.dumps([list(r) for r in ignore]), replaces))
        self._pending_sha.add(sha)
        if len(self._pending) >= self.batch_documents:
            self.flush()
        return True

    def flush(self) -> None:
        """Write the pending documents in one transaction (SIGINT and SIGTERM wait for it)."""
        if not self._pending:
            return
        assert self.run_id is not None
        lines: dict[str, list[str]] = {kind: [] for kind in KINDS}
        counts: dict[str, int] = {}
        seq = self._seq
        gone = [r for *_, r in self._pending if r is not None]
        for group, body, ignore, _ in self._pending:
            doc_seq = seq
            for record in group:
                kind: str = record.kind
                extra = f',"run_id":{self.run_id},"seq":{seq},"doc_seq":{doc_seq}'
                if kind == "document":
                    extra += f',"body":{json.dumps(body)},"ignore_ranges":{json.dumps(ignore)}'
                lines[kind].append(record.model_dump_json()[:-1] + extra + "}")
                counts[kind] = counts.get(kind, 0) + 1
                seq += 1
        with _signals_held(), tempfile.TemporaryDirectory(prefix="allegiance-store-") as tmp:
            self.con.execute("BEGIN TRANSACTION")
            try:
                if gone:
                    self._delete(gone)
                for name, rows in lines.items():
                    if not rows:
                        continue
                    src = Path(tmp) / f"{name}.jsonl"
                    src.write_text("\n".join(rows) + "\n", encoding="utf-8")
                    table, spec = _json_spec(name)
                    self.con.execute(
                        f"INSERT INTO {table} SELECT * FROM read_json('{_sql_path(src)}', "
                        f"format = 'newline_delimited', columns = {spec})"
                    )
                self.con.execute("COMMIT")
            except Exception:
                self.con.execute("ROLLBACK")
                raise
            self._seq = seq
            for name, n in counts.items():
                self.run_counts[name] = self.run_counts.get(name, 0) + n
            if self._known is not None:
                self._known |= self._pending_sha
            self._pending = []
            self._pending_sha = set()

    def delete_documents(self, doc_seqs: Iterable[int]) -> int:
        """Remove documents (by ``doc_seq``) and all their records; returns how many."""
        seqs = sorted(set(doc_seqs))
        if not seqs:
            return 0
        self.con.execute("BEGIN TRANSACTION")
        try:
            self._delete(seqs)
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return len(seqs)

    def _delete(self, seqs: Sequence[int]) -> None:
        self._known = None
        self.con.execute("CREATE OR REPLACE TEMP TABLE _gone (doc_seq BIGINT)")
        self.con.executemany("INSERT INTO _gone VALUES (?)", [[s] for s in seqs])
        for table, _ in TABLES.values():
            self.con.execute(f"DELETE FROM {table} WHERE doc_seq IN (SELECT doc_seq FROM _gone)")
        self.con.execute("DROP TABLE _gone")

    # ------------------------------------------------------------ staleness

    def rules_keys(self) -> dict[str, int]:
        """How many documents were extracted under each rules key."""
        rows = self.con.execute(
            "SELECT r.rules_key, count(*) FROM documents d JOIN runs r USING (run_id) "
            "GROUP BY r.rules_key ORDER BY 2 DESC"
        ).fetchall()
        return {str(k): int(n) for k, n in rows}

    def stale_documents(self, key: str) -> list[int]:
        """``doc_seq`` of the documents extracted under another rules key than ``key``."""
        rows = self.con.execute(
            "SELECT d.doc_seq FROM documents d JOIN runs r USING (run_id) "
            "WHERE r.rules_key <> ? ORDER BY d.doc_seq",
            [key],
        ).fetchall()
        return [int(r[0]) for r in rows]

    def input_documents(self, doc_seqs: Sequence[int]) -> Iterator[InputDocument]:
        """The stored documents as extraction input (text, metadata, furniture ranges)."""
        from ..ingest import InputDocument

        cols = (
            "doc_id, body, title, outlet, published, published_from, url, source, sha256, "
            "ignore_ranges"
        )
        for i in range(0, len(doc_seqs), 500):
            chunk = list(doc_seqs[i : i + 500])
            marks = ", ".join("?" * len(chunk))
            cur = self.con.execute(
                f"SELECT {cols} FROM documents WHERE doc_seq IN ({marks}) ORDER BY doc_seq", chunk
            )
            for row in cur.fetchall():
                doc_id, body, title, outlet, published, published_from, url, source, sha, ignore = (
                    row
                )
                if body is None:
                    raise InputError(
                        f"{self.path}: document {doc_id} was stored without its text; "
                        "it cannot be extracted again"
                    )
                yield InputDocument(
                    doc_id=doc_id, text=body, title=title, outlet=outlet, published=published,
                    published_from=published_from, url=url, source=source, sha256=sha,
                    ignore=tuple((int(a), int(b)) for a, b in json.loads(ignore or "[]")),
                    lang=None,
                )  # fmt: skip

    # ------------------------------------------------------------ reading

    def counts(self) -> dict[str, int]:
        """Rows per table (``documents``, ``mentions``... and ``runs``)."""
        out = {}
        for table in [*(t for t, _ in TABLES.values()), "runs"]:
            row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
            out[table] = int(row[0]) if row else 0
        return out

    def records(
        self,
        kinds: Iterable[str] = KINDS,
        *,
        doc_where: str = "",
        params: Sequence[Any] = (),
        chunk: int = 256,
    ) -> Iterator[Records]:
        """Stream the stored records in the order they were written, document by document.

        Args:
            kinds: which kinds to read (documents are read to group the others anyway).
            doc_where: an SQL condition on ``documents d`` (e.g. ``d.outlet = ?``) that chooses
                the documents whose records are read.
            params: the parameters of ``doc_where``.
            chunk: documents read at a time (memory holds one chunk's records).
        """
        wanted = [k for k in KINDS if k in set(kinds)]
        where = f"WHERE {doc_where}" if doc_where else ""
        doc_seqs = [
            int(r[0])
            for r in self.con.execute(
                f"SELECT doc_seq FROM documents d {where} ORDER BY doc_seq", list(params)
            ).fetchall()
        ]
        chosen = f" AND doc_seq IN (SELECT d.seq FROM documents d {where})" if where else ""
        for i in range(0, len(doc_seqs), chunk):
            part = doc_seqs[i : i + chunk]
            bounds = [part[0], part[-1], *params]
            rows: list[tuple[int, type[BaseModel], str]] = []
            for kind in wanted:
                table, model = TABLES[kind]
                # each row as the record's JSON, parsed by the model (much faster than
                # Python values column by column)
                packed = ", ".join(f'"{c}" := "{c}"' for c in record_columns(kind))
                cur = self.con.execute(
                    f"SELECT seq, to_json(struct_pack({packed}))::VARCHAR FROM {table} "
                    f"WHERE doc_seq BETWEEN ? AND ?{chosen}",
                    bounds,
                )
                rows.extend((seq, model, text) for seq, text in cur.fetchall())
            rows.sort(key=lambda r: r[0])
            for _, model, text in rows:
                yield model.model_validate_json(text)  # type: ignore[misc]

    # ------------------------------------------------------------ Parquet

    def export_parquet(self, folder: str | Path, *, partition: str = "month") -> Path:
        """Write every table to Parquet under ``folder``, partitioned by document date.

        Each record table goes to ``folder/<table>/period=<P>/*.parquet`` where ``P`` is the
        document's ``published`` date cut to ``day`` (YYYY-MM-DD), ``month`` (YYYY-MM) or
        ``year`` (YYYY), or ``unknown``; ``runs`` goes to ``folder/runs.parquet``.
        """
        width = {"day": 10, "month": 7, "year": 4}.get(partition)
        if width is None:
            raise InputError(f"unknown partition {partition!r} (use day, month or year)")
        out = Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        period = (
            f"coalesce(CASE WHEN regexp_matches(d.published, '^\\d{{4}}(-\\d\\d){{0,2}}') "
            f"THEN substr(d.published, 1, {width}) END, 'unknown')"
        )
        for table, _ in TABLES.values():
            target = out / table
            if table == "documents":
                query = f"SELECT d.*, {period} AS period FROM documents d"
            else:
                query = (
                    f"SELECT t.*, {period} AS period FROM {table} t "
                    "JOIN documents d ON d.seq = t.doc_seq"
                )
            self.con.execute(
                f"COPY ({query}) TO '{_sql_path(target)}' "
                "(FORMAT parquet, PARTITION_BY (period), OVERWRITE_OR_IGNORE)"
            )
        self.con.execute(f"COPY runs TO '{_sql_path(out / 'runs.parquet')}' (FORMAT parquet)")
        return out

    def import_parquet(self, folder: str | Path, *, as_run: int | None = None) -> dict[str, int]:
        """Add the documents (and their records and runs) of an :meth:`export_parquet` folder.

        Documents whose sha256 is stored already are skipped; runs and sequence numbers are
        renumbered after the store's own, so the imported order is kept. With ``as_run`` the
        rows join that run of this store (its runs are not imported): how the Dask engine
        ingests the partitions its workers write.

        Returns:
            rows added per table (and ``skipped`` documents).

        Raises:
            InputError: when the folder holds no export.
        """
        src = Path(folder)
        if not (src / "runs.parquet").exists() or not (src / "documents").is_dir():
            raise InputError(f"{src}: not a store export (no runs.parquet and documents/)")
        self.flush()
        before = self.counts()
        con = self.con
        row = con.execute("SELECT coalesce(max(run_id), 0) FROM runs").fetchone()
        run_offset = int(row[0]) if row else 0
        seq_offset = self._max_seq() + 1

        con.execute("BEGIN TRANSACTION")
        try:
            _copy_export(con, src, run_offset, seq_offset, as_run)
            con.execute("DROP TABLE _docs")
            con.execute("DROP TABLE _keep")
            con.execute("COMMIT")
        except Exception as exc:
            con.execute("ROLLBACK")
            import duckdb

            if isinstance(exc, duckdb.Error):
                first = str(exc).splitlines()[0]
                raise InputError(f"{src}: cannot import the export ({first})") from exc
            raise
        self._seq = self._max_seq() + 1
        self._known = None
        after = self.counts()
        added = {t: after[t] - before[t] for t in after}
        row = con.execute(f"SELECT count(*) FROM {_read_export(src, 'documents')}").fetchone()
        added["skipped"] = (int(row[0]) if row else 0) - added["documents"]
        return added


def _read_export(src: Path, table: str) -> str:
    """The SQL that reads one table of a Parquet export folder."""
    return f"read_parquet('{_sql_path(src / table)}/**/*.parquet', hive_partitioning = true)"


def _copy_export(
    con: duckdb.DuckDBPyConnection, src: Path, run_offset: int, seq_offset: int, as_run: int | None
) -> None:
    """Copy the not yet stored documents of an export, their records and runs (in a transaction).

    Run ids are shifted by ``run_offset`` (or all set to ``as_run``) and sequence numbers so
    the export's first document gets ``seq_offset``.
    """

    def read(table: str) -> str:
        return _read_export(src, table)

    con.execute(
        f"CREATE OR REPLACE TEMP TABLE _docs AS SELECT * EXCLUDE (period) FROM {read('documents')}"
    )
    # the first copy of each sha256 not stored yet
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _keep AS SELECT min(seq) AS doc_seq FROM _docs "
        "WHERE sha256 NOT IN (SELECT sha256 FROM documents) GROUP BY sha256"
    )
    row = con.execute("SELECT coalesce(min(seq), 0) FROM _docs").fetchone()
    shift = seq_offset - (int(row[0]) if row else 0)
    runs = f"read_parquet('{_sql_path(src / 'runs.parquet')}')"
    run_expr = f"run_id + {run_offset}" if as_run is None else str(int(as_run))
    con.execute(
        f"INSERT INTO runs SELECT * REPLACE (run_id + {run_offset} AS run_id) FROM {runs} "
        f"WHERE {as_run is None} AND "
        f"run_id IN (SELECT DISTINCT run_id FROM _docs WHERE seq IN (SELECT doc_seq FROM _keep))"
    )
    for table, _ in TABLES.values():
        source = (
            "_docs" if table == "documents" else f"(SELECT * EXCLUDE (period) FROM {read(table)})"
        )
        cols = [c for c, _ in _table_columns(con, table)]
        names = ", ".join(f'"{c}"' for c in cols)
        if not (src / table).is_dir() or not any((src / table).rglob("*.parquet")):
            continue  # a table the export has no rows of (or an older export lacks)
        con.execute(
            f"INSERT INTO {table} ({names}) SELECT {names} FROM ("
            f"SELECT * REPLACE ({run_expr} AS run_id, seq + {shift} AS seq, "
            f"doc_seq + {shift} AS doc_seq) FROM {source} "
            "WHERE doc_seq IN (SELECT doc_seq FROM _keep))"
        )


def _table_columns(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple[str, str]]:
    rows = con.execute(
        "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ? "
        "AND NOT internal ORDER BY column_index",
        [table],
    ).fetchall()
    return [(str(a), str(b)) for a, b in rows]


@functools.cache
def _json_spec(kind: str) -> tuple[str, str]:
    """The table of a kind and the ``columns`` argument of ``read_json`` for its rows."""
    table, model = TABLES[kind]
    cols = [
        *column_types(model),
        *((n, t.replace(" NOT NULL", "")) for n, t in EXTRA_COLUMNS[table]),
    ]
    return table, "{" + ", ".join(f"'{n}': '{t}'" for n, t in cols) + "}"


def _sql_path(path: Path) -> str:
    return path.as_posix().replace("'", "''")
