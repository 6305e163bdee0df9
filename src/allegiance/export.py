"""Writing records as JSONL, CSV or Parquet (one table per record kind for the tabular formats).

Output is written safely: whole documents at a time, through temporary files renamed into
place, with a note beside a partial output that says how far an interrupted run got (see
:class:`RecordWriter`).
"""

from __future__ import annotations

import contextlib
import csv
import datetime as _dt
import json
import os
import shutil
import signal
import tempfile
import threading
import types
import typing
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from pydantic import BaseModel

from .atomic import temp_beside, write_text_atomic
from .errors import InputError, Messages
from .schema import Act, Document, Mention, Quantity, Quote, Relation

__all__ = [
    "FORMATS",
    "KIND_MODELS",
    "RecordWriter",
    "columns",
    "document_groups",
    "flatten",
    "status_path",
    "write_records",
]

FORMATS = ("jsonl", "csv", "parquet")
KIND_MODELS: dict[str, type[BaseModel]] = {
    "document": Document,
    "mention": Mention,
    "relation": Relation,
    "act": Act,
    "quote": Quote,
    "quantity": Quantity,
}


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _nested_model(arg)
            if found is not None:
                return found
    return None


def columns(model: type[BaseModel], prefix: str = "") -> list[str]:
    """Flat column names of a record model: nested objects become ``source.actor_id``."""
    out: list[str] = []
    for name, info in model.model_fields.items():
        nested = _nested_model(info.annotation)
        if nested is not None:
            out.extend(columns(nested, f"{prefix}{name}."))
        else:
            out.append(f"{prefix}{name}")
    return out


def flatten(obj: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Flatten nested dicts with dotted keys (``None`` for a missing nested object)."""
    out: dict[str, Any] = {}
    for key, value in obj.items():
        if isinstance(value, dict):
            out.update(flatten(value, f"{prefix}{key}."))
        else:
            out[f"{prefix}{key}"] = value
    return out


def _row(record: BaseModel, kind: str) -> dict[str, Any]:
    """One flat row with every column of the kind (a missing nested object gives nulls)."""
    flat = flatten(record.model_dump())
    return {col: flat.get(col) for col in columns(KIND_MODELS[kind])}


def _table_path(out: Path, kind: str, ext: str) -> Path:
    if out.suffix == "" or out.is_dir():
        out.mkdir(parents=True, exist_ok=True)
        return out / f"{kind}s.{ext}"
    return out.with_name(f"{out.stem}.{kind}s.{ext}")


def status_path(out: str | Path) -> Path:
    """Where an interrupted or failed run says how far it got: ``OUT.partial.json``.

    The file exists only while the output at ``out`` is partial; a run that completes
    removes it.

    Example:
        >>> status_path("records.jsonl").name
        'records.jsonl.partial.json'
    """
    return Path(str(out).rstrip("/\\") + ".partial.json")


_HELD = (signal.SIGINT, signal.SIGTERM)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back while the block runs; deliver them after it.

    The Python-level handlers are swapped for one that only notes the signal (a signal mask
    would not do: the OS may deliver the signal to another thread of the process), and each
    noted signal is raised again once the old handlers are back.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[int] = []
    old = {s: signal.signal(s, lambda signum, frame: pending.append(signum)) for s in _HELD}
    try:
        yield
    finally:
        for s, handler in old.items():
            signal.signal(s, handler)
        for signum in dict.fromkeys(pending):
            signal.raise_signal(signum)


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")


class RecordWriter:
    """Writes the records of whole documents so that no run leaves a half-written file.

    Records go to temporary files beside the targets and are renamed over them when the run
    completes (:meth:`commit`). When it is interrupted or fails (:meth:`abort`), the records
    of the documents finished so far are renamed into place too, so each file ends on a
    complete line, and :func:`status_path` says that the output is partial and how far it
    got. With ``resume`` the records already in the targets are kept and :attr:`done` holds
    the sha256 of their documents, so that the run can skip them.

    JSONL goes to one file (or to ``stdout`` when ``out`` is None or "-", where nothing is
    renamed); CSV and Parquet write one table per record kind: into ``out`` when it is a
    directory (``mentions.csv``...), else beside it (``out.mentions.csv``...).

    Raises:
        InputError: for an unknown format, a tabular format without ``out``, ``resume``
            without a file, or records to resume from that hold no document records.
    """

    def __init__(
        self,
        fmt: str,
        out: str | Path | None,
        *,
        stdout: IO[str] | None = None,
        resume: bool = False,
    ) -> None:
        if fmt not in FORMATS:
            raise InputError(f"unknown format {fmt!r} (use one of {', '.join(FORMATS)})")
        self.fmt = fmt
        self.to_stdout = out is None or str(out) == "-"
        if self.to_stdout and fmt != "jsonl":
            raise InputError(
                f"--format {fmt} writes one file per record kind: give -o DIR or -o PREFIX"
            )
        if self.to_stdout and resume:
            raise InputError(Messages.RESUME_NEEDS_FILE)
        self.out = None if self.to_stdout else Path(str(out))
        self.stdout = stdout
        self.resume = resume
        #: records written this run, per kind
        self.counts: dict[str, int] = {}
        #: documents written this run, and those kept from an earlier run (``resume``)
        self.documents = 0
        self.kept = 0
        #: sha256 of the documents already in the output (``resume``)
        self.done: set[str] = set()
        self.last: dict[str, Any] | None = None
        self.started = _now()
        self._files: dict[str, IO[str]] = {}
        self._writers: dict[str, csv.DictWriter[str]] = {}
        self._tmp: dict[str, Path] = {}
        self._closed = False
        if self.out is not None and fmt == "jsonl":
            self._open_jsonl()
        elif self.out is not None and fmt == "parquet":
            self._tmpdir = Path(tempfile.mkdtemp(prefix=f".{self.out.name}.", dir=self._folder()))
            if resume:
                self._keep_parquet()
        elif self.out is not None and fmt == "csv" and resume:
            for kind in KIND_MODELS:
                if self._target(kind).exists():
                    self._open_csv(kind)

    # ------------------------------------------------------------ targets

    def _folder(self) -> Path:
        assert self.out is not None
        if self.out.suffix == "" or self.out.is_dir():
            self.out.mkdir(parents=True, exist_ok=True)
            return self.out
        self.out.parent.mkdir(parents=True, exist_ok=True)
        return self.out.parent

    def _target(self, kind: str) -> Path:
        assert self.out is not None
        if self.fmt == "jsonl":
            return self.out
        return _table_path(self.out, kind, self.fmt)

    def targets(self) -> list[Path]:
        """The files this run writes (or has written)."""
        if self.out is None:
            return []
        if self.fmt == "jsonl":
            return [self.out]
        return [self._target(kind) for kind in sorted(self._tmp or self._files)]

    # ------------------------------------------------------------ kept records (resume)

    def _note_kept(self, kind: str, sha: Any) -> None:
        if kind == "document" and isinstance(sha, str):
            self.done.add(sha)
            self.kept += 1

    def _open_jsonl(self) -> None:
        assert self.out is not None
        target = self.out
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = self._tmp["jsonl"] = temp_beside(target)
        fp = self._files["jsonl"] = tmp.open("w", encoding="utf-8")
        if not (self.resume and target.exists()):
            return
        # Keep every complete record; a last line cut short is dropped (its document is
        # then missing from `done` and is extracted again).
        with target.open(encoding="utf-8", errors="replace") as old:
            for line in old:
                if not line.endswith("\n"):
                    break
                try:
                    obj = json.loads(line)
                except ValueError:
                    continue
                if isinstance(obj, dict):
                    fp.write(line)
                    self._note_kept(str(obj.get("kind")), obj.get("sha256"))
        self._check_kept(target)

    def _open_csv(self, kind: str) -> None:
        target = self._target(kind)
        tmp = self._tmp[kind] = temp_beside(target)
        fp = self._files[kind] = tmp.open("w", encoding="utf-8", newline="")
        fieldnames = columns(KIND_MODELS[kind])
        writer = self._writers[kind] = csv.DictWriter(fp, fieldnames=fieldnames)
        writer.writeheader()
        if not (self.resume and target.exists()):
            return
        csv.field_size_limit(max(csv.field_size_limit(), 1 << 30))
        with target.open(encoding="utf-8", newline="", errors="replace") as old:
            for row in csv.DictReader(old):
                writer.writerow({c: row.get(c) for c in fieldnames})
                self._note_kept(kind, row.get("sha256"))
        if kind == "document":
            self._check_kept(target)

    def _keep_parquet(self) -> None:
        import duckdb

        con = duckdb.connect()
        try:
            for kind in KIND_MODELS:
                target = self._target(kind)
                if not target.exists():
                    continue
                fp = self._jsonl_table(kind)
                cur = con.execute("SELECT * FROM read_parquet(?)", [target.as_posix()])
                names = [d[0] for d in cur.description]
                while rows := cur.fetchmany(10_000):
                    for row in rows:
                        obj = dict(zip(names, row, strict=True))
                        fp.write(json.dumps(obj, default=str) + "\n")
                        self._note_kept(kind, obj.get("sha256"))
        except duckdb.Error as exc:
            raise InputError(f"{self.out}: cannot read the earlier Parquet output ({exc})") from exc
        finally:
            con.close()
        self._check_kept(self._target("document"))

    def _check_kept(self, target: Path) -> None:
        if target.exists() and target.stat().st_size and not self.kept:
            raise InputError(Messages.RESUME_NEEDS_DOCUMENTS.format(path=target))

    def _jsonl_table(self, kind: str) -> IO[str]:
        fp = self._files.get(kind)
        if fp is None:
            path = self._tmp[kind] = self._tmpdir / f"{kind}.jsonl"
            fp = self._files[kind] = path.open("w", encoding="utf-8")
        return fp

    # ------------------------------------------------------------ writing

    def write(self, group: Iterable[BaseModel]) -> None:
        """Write the records of one document (or of several whole documents) at once.

        SIGINT and SIGTERM wait until the group is written and counted, so that what the
        files hold and what :meth:`abort` reports always agree.
        """
        records = list(group)
        with _signals_held():
            self._write(records)
            for record in records:
                kind = record.kind  # type: ignore[attr-defined]
                self.counts[kind] = self.counts.get(kind, 0) + 1
                if kind == "document":
                    self.documents += 1
                    self.last = {
                        "doc_id": getattr(record, "doc_id", None),
                        "source": getattr(record, "source", None),
                    }

    def _write(self, records: list[BaseModel]) -> None:
        if self.fmt == "jsonl":
            text = "".join(r.model_dump_json(exclude_none=False) + "\n" for r in records)
            fp = self.stdout if self.to_stdout else self._files["jsonl"]
            assert fp is not None
            fp.write(text)
            fp.flush()
            return
        for record in records:
            kind = record.kind  # type: ignore[attr-defined]
            if self.fmt == "csv":
                if kind not in self._writers:
                    self._open_csv(kind)
                self._writers[kind].writerow(_row(record, kind))
            else:
                self._jsonl_table(kind).write(json.dumps(_row(record, kind)) + "\n")
        for fp in self._files.values():
            fp.flush()

    # ------------------------------------------------------------ ending

    def commit(self) -> list[Path]:
        """The run completed: put every file in place and drop any old partial-run note."""
        written = self._finish()
        if self.out is not None:
            with contextlib.suppress(FileNotFoundError):
                status_path(self.out).unlink()
        return written

    def abort(self, status: str, reason: str, **extra: Any) -> Path | None:
        """The run stopped early: keep the finished documents and say how far it got.

        Args:
            status: "interrupted" or "failed".
            reason: the signal's name or the error's message.
            extra: more to put in the note (e.g. the inputs and the ingest warnings).

        Returns:
            The path of the note (``OUT.partial.json``), or None when nothing is kept
            (stdout, or no document finished and nothing to resume from).
        """
        if self.out is None:
            self._closed = True
            return None
        if not self.documents and not self.kept:
            self._discard()
            return None
        self._finish()
        note = status_path(self.out)
        info = {
            "status": status,
            "reason": reason,
            "documents": self.documents + self.kept,
            "documents_this_run": self.documents,
            "documents_from_earlier_runs": self.kept,
            "last_document": self.last,
            "records_this_run": dict(sorted(self.counts.items())),
            "files": [str(p) for p in self.targets()],
            "started": self.started,
            "stopped": _now(),
            "version": _version(),
            **extra,
        }
        write_text_atomic(note, json.dumps(info, indent=2, default=str) + "\n")
        return note

    def _discard(self) -> None:
        for fp in self._files.values():
            fp.close()
        for tmp in self._tmp.values():
            with contextlib.suppress(OSError):
                tmp.unlink()
        if self.fmt == "parquet":
            shutil.rmtree(self._tmpdir, ignore_errors=True)
        self._closed = True

    def _finish(self) -> list[Path]:
        if self._closed:
            return self.targets()
        self._closed = True
        if self.out is None:
            return []
        for fp in self._files.values():
            fp.flush()
            os.fsync(fp.fileno())
            fp.close()
        if self.fmt == "parquet":
            return self._write_parquet()
        for kind, tmp in self._tmp.items():
            os.replace(tmp, self._target(kind))
        return self.targets()

    def _write_parquet(self) -> list[Path]:
        import duckdb

        con = duckdb.connect()
        written = []
        try:
            for kind, src in self._tmp.items():
                dest = self._target(kind)
                tmp = temp_beside(dest)
                con.execute(
                    "COPY (SELECT * FROM read_json_auto(?, format='newline_delimited')) "
                    f"TO '{tmp.as_posix()}' (FORMAT parquet)",
                    [src.as_posix()],
                )
                os.replace(tmp, dest)
                written.append(dest)
        finally:
            con.close()
            shutil.rmtree(self._tmpdir, ignore_errors=True)
        return written

    def __enter__(self) -> RecordWriter:
        return self

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if self._closed:
            return
        if exc_type is None:
            self.commit()
        else:
            self.abort("failed", f"{exc_type.__name__}: {exc}")


def document_groups(records: Iterable[BaseModel]) -> Iterator[list[BaseModel]]:
    """Split a flat stream of records into one list per document (each starts at a document)."""
    group: list[BaseModel] = []
    for record in records:
        if record.kind == "document" and group:  # type: ignore[attr-defined]
            yield group
            group = []
        group.append(record)
    if group:
        yield group


def write_records(
    records: Iterable[BaseModel], fmt: str, out: str | Path | None, stdout: IO[str] | None = None
) -> dict[str, int]:
    """Write records in ``fmt`` (through a :class:`RecordWriter`); return the count per kind.

    JSONL goes to ``out`` (or ``stdout`` when ``out`` is None or "-"). CSV and Parquet write one
    table per record kind: into ``out`` when it is a directory (``mentions.csv``...), else beside
    it (``out.mentions.csv``...). Files appear whole when the records end; if reading them
    fails half way, the records of the finished documents are kept (see :func:`status_path`).
    """
    with RecordWriter(fmt, out, stdout=stdout) as writer:
        for group in document_groups(records):
            writer.write(group)
    return writer.counts


def _version() -> str:
    from . import __version__

    return __version__
