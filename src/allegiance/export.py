"""Writing records as JSONL, CSV or Parquet (one table per record kind for the tabular formats)."""

from __future__ import annotations

import csv
import json
import types
import typing
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from pydantic import BaseModel

from .errors import InputError
from .schema import Document, Mention, Quantity, Quote, Relation, write_jsonl

__all__ = ["FORMATS", "KIND_MODELS", "columns", "flatten", "write_records"]

FORMATS = ("jsonl", "csv", "parquet")
KIND_MODELS: dict[str, type[BaseModel]] = {
    "document": Document,
    "mention": Mention,
    "relation": Relation,
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


def write_records(
    records: Iterable[BaseModel], fmt: str, out: str | Path | None, stdout: IO[str] | None = None
) -> dict[str, int]:
    """Write records in ``fmt``; return the count per kind.

    JSONL goes to ``out`` (or ``stdout`` when ``out`` is None or "-"). CSV and Parquet write one
    table per record kind: into ``out`` when it is a directory (``mentions.csv``...), else beside
    it (``out.mentions.csv``...).
    """
    counts: dict[str, int] = {}

    def counted(recs: Iterable[BaseModel]) -> Iterable[BaseModel]:
        for r in recs:
            kind = r.kind  # type: ignore[attr-defined]
            counts[kind] = counts.get(kind, 0) + 1
            yield r

    if fmt == "jsonl":
        if out is None or str(out) == "-":
            assert stdout is not None
            write_jsonl(counted(records), stdout)
        else:
            with Path(out).open("w", encoding="utf-8") as out_fp:
                write_jsonl(counted(records), out_fp)
        return counts
    if out is None or str(out) == "-":
        raise InputError(
            f"--format {fmt} writes one file per record kind: give -o DIR or -o PREFIX"
        )
    base = Path(out)
    if fmt == "csv":
        files: dict[str, tuple[IO[str], csv.DictWriter[str]]] = {}
        try:
            for record in counted(records):
                kind = record.kind  # type: ignore[attr-defined]
                if kind not in files:
                    fp: IO[str] = _table_path(base, kind, "csv").open(
                        "w", encoding="utf-8", newline=""
                    )
                    writer = csv.DictWriter(fp, fieldnames=columns(KIND_MODELS[kind]))
                    writer.writeheader()
                    files[kind] = (fp, writer)
                files[kind][1].writerow(_row(record, kind))
        finally:
            for table, _ in files.values():
                table.close()
        return counts
    if fmt == "parquet":
        import tempfile

        import duckdb

        with tempfile.TemporaryDirectory() as tmp:
            tmp_files: dict[str, IO[str]] = {}
            try:
                for record in counted(records):
                    kind = record.kind  # type: ignore[attr-defined]
                    if kind not in tmp_files:
                        tmp_files[kind] = (Path(tmp) / f"{kind}.jsonl").open("w", encoding="utf-8")
                    tmp_files[kind].write(json.dumps(_row(record, kind)) + "\n")
            finally:
                for tmp_fp in tmp_files.values():
                    tmp_fp.close()
            con = duckdb.connect()
            for kind in tmp_files:
                src = (Path(tmp) / f"{kind}.jsonl").as_posix()
                dest = _table_path(base, kind, "parquet").as_posix()
                con.execute(
                    f"COPY (SELECT * FROM read_json_auto('{src}', format='newline_delimited')) "
                    f"TO '{dest}' (FORMAT parquet)"
                )
            con.close()
        return counts
    raise InputError(f"unknown format {fmt!r} (use one of {', '.join(FORMATS)})")
