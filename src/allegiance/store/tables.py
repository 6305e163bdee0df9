"""The tables of the corpus store, derived from the record models (see docs/store.md).

Each record kind has one table whose columns are the record's fields, in the model's order,
with nested objects (``sentence``, ``source``, ``speaker``...) as DuckDB ``STRUCT`` columns,
so that SQL reads ``sentence.text`` or ``source.actor_id`` and a row reads back as the very
record it was written from. Every table adds ``run_id`` (the run that wrote the row),
``seq`` (grows in the order rows were written: the order of the records) and ``doc_seq``
(the ``seq`` of the row's document: the key that ties a record to its document). The
``documents`` table also keeps the text (``body``) and the ranges of page furniture
(``ignore_ranges``, JSON) so that a document can be extracted again without its input file.
"""

from __future__ import annotations

import types
import typing
from typing import Any, Literal

from pydantic import BaseModel

from ..schema import Act, Document, Mention, Quantity, Quote, Relation

__all__ = [
    "EXTRA_COLUMNS",
    "KINDS",
    "RUNS_COLUMNS",
    "TABLES",
    "column_types",
    "create_statements",
    "record_columns",
]

#: record kind -> (table name, model)
TABLES: dict[str, tuple[str, type[BaseModel]]] = {
    "document": ("documents", Document),
    "mention": ("mentions", Mention),
    "relation": ("relations", Relation),
    "act": ("acts", Act),
    "quote": ("quotes", Quote),
    "quantity": ("quantities", Quantity),
}
KINDS: tuple[str, ...] = tuple(TABLES)

_KEYS = [("run_id", "BIGINT NOT NULL"), ("seq", "BIGINT NOT NULL"), ("doc_seq", "BIGINT NOT NULL")]
#: columns after the record's own fields, per table
EXTRA_COLUMNS: dict[str, list[tuple[str, str]]] = {
    "documents": [*_KEYS, ("body", "VARCHAR"), ("ignore_ranges", "VARCHAR")],
    **{name: list(_KEYS) for name in ("mentions", "relations", "acts", "quotes", "quantities")},
}

#: the ``runs`` table: one row per run that wrote to the store
RUNS_COLUMNS: list[tuple[str, str]] = [
    ("run_id", "BIGINT PRIMARY KEY"),
    ("command", "VARCHAR NOT NULL"),
    ("started", "VARCHAR NOT NULL"),
    ("finished", "VARCHAR"),
    ("status", "VARCHAR NOT NULL"),
    ("version", "VARCHAR NOT NULL"),
    ("schema_version", "VARCHAR NOT NULL"),
    ("model", "VARCHAR"),
    ("lexicon_hash", "VARCHAR NOT NULL"),
    ("kb_hash", "VARCHAR NOT NULL"),
    ("rules_key", "VARCHAR NOT NULL"),
    ("options", "VARCHAR NOT NULL"),
    ("counts", "VARCHAR"),
]


def _scalar(annotation: Any) -> str:
    if annotation is bool:
        return "BOOLEAN"
    if annotation is int:
        return "BIGINT"
    if annotation is float:
        return "DOUBLE"
    if annotation is str:
        return "VARCHAR"
    if typing.get_origin(annotation) is Literal:
        return _scalar(type(typing.get_args(annotation)[0]))
    raise TypeError(f"no column type for {annotation!r}")  # pragma: no cover


def _type(annotation: Any) -> str:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _type(args[0])
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        inner = ", ".join(f'"{n}" {t}' for n, t in column_types(annotation))
        return f"STRUCT({inner})"
    return _scalar(annotation)


def column_types(model: type[BaseModel]) -> list[tuple[str, str]]:
    """(column, DuckDB type) of each field of a record model, nested models as STRUCTs.

    >>> dict(column_types(Relation))["sentence"]
    'STRUCT("text" VARCHAR, "start" BIGINT, "end" BIGINT)'
    """
    return [(name, _type(info.annotation)) for name, info in model.model_fields.items()]


def record_columns(kind: str) -> list[str]:
    """The record's own columns of a kind's table (what reads back as the record)."""
    return list(TABLES[kind][1].model_fields)


def create_statements() -> list[str]:
    """The DDL of the store: one table per record kind, ``runs`` and ``meta``."""
    runs = ",\n    ".join(f'"{n}" {t}' for n, t in RUNS_COLUMNS)
    out = [
        f"CREATE TABLE IF NOT EXISTS runs (\n    {runs}\n)",
        "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    ]
    for table, model in TABLES.values():
        cols = [*column_types(model), *EXTRA_COLUMNS[table]]
        body = ",\n    ".join(f'"{n}" {t}' for n, t in cols)
        out.append(f"CREATE TABLE IF NOT EXISTS {table} (\n    {body}\n)")
    return out
