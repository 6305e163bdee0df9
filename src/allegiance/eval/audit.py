"""Auditing extracted relations by hand: sample them with their evidence, then score verdicts.

Gold sets say how the extractor does on their texts; on a new corpus the quick way to know its
precision is to read a random sample of the relations the network would use and judge each one.
:func:`sample_relations` draws the sample (reproducibly, from a seed) and :func:`write_audit`
writes it as CSV or JSONL with an empty ``verdict`` column; a person fills it in (``y`` / ``n``,
or leaves it empty to skip) and :func:`score_audit` computes precision with a Wilson 95%
interval, overall and by category.
"""

from __future__ import annotations

import csv
import json
import math
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError, Messages
from ..schema import Relation, read_records

__all__ = [
    "AUDIT_FIELDS",
    "AuditScores",
    "Precision",
    "load_relations",
    "read_audit",
    "sample_relations",
    "score_audit",
    "wilson_interval",
    "write_audit",
]

#: The columns of an audit sheet, in order.
AUDIT_FIELDS: tuple[str, ...] = (
    "id",
    "doc_id",
    "pair",
    "category",
    "sign",
    "confidence",
    "trigger",
    "sentence",
    "verdict",
    "note",
)
_YES = frozenset({"y", "yes", "1", "true", "correct", "c", "ok", "+"})
_NO = frozenset({"n", "no", "0", "false", "wrong", "w", "x", "-"})
_SKIP = frozenset({"", "?", "skip", "unsure"})


def load_relations(path: str | Path) -> list[dict[str, Any]]:
    """The relation records of an analysis bundle (JSON) or of a records file (JSONL).

    Raises:
        InputError: when the file is missing or holds neither.
        RecordError: naming the line of an invalid record in a JSONL file.
    """
    p = Path(path)
    if not p.is_file():
        raise InputError(Messages.MISSING_FILE.format(path=p))
    with p.open(encoding="utf-8-sig") as fp:
        head = fp.read(1)
        while head.isspace():
            head = fp.read(1)
    if head == "{":
        try:
            obj = json.loads(p.read_text(encoding="utf-8-sig"))
        except json.JSONDecodeError:
            obj = None  # several objects: a JSONL records file
        if isinstance(obj, dict) and isinstance(obj.get("relations"), list):
            return [r for r in obj["relations"] if isinstance(r, dict)]
        if isinstance(obj, dict) and obj.get("kind") is None:
            raise InputError(
                Messages.CANNOT_READ.format(
                    path=p, reason="a JSON object without 'relations': not an analysis bundle"
                )
            )
    return [r.model_dump() for r in read_records(p) if isinstance(r, Relation)]


def sample_relations(
    relations: Iterable[dict[str, Any]],
    n: int,
    *,
    seed: int = 1,
    min_confidence: float = 0.0,
    network_only: bool = True,
) -> list[dict[str, Any]]:
    """A reproducible random sample of ``n`` relations (all of them when there are fewer).

    Args:
        relations: relation records as dicts.
        n: sample size.
        seed: the random seed; the same input and seed give the same sample.
        min_confidence: leave out relations below this confidence.
        network_only: only the relations the network counts (not negated, not hypothetical).

    >>> rels = [{"id": f"r{i}", "confidence": 0.9} for i in range(10)]
    >>> [r["id"] for r in sample_relations(rels, 3, seed=1)] == [
    ...     r["id"] for r in sample_relations(reversed(rels), 3, seed=1)]
    True
    """
    pool = [
        r
        for r in relations
        if float(1.0 if r.get("confidence") is None else r["confidence"]) >= min_confidence
        and not (network_only and (r.get("negated") or r.get("hypothetical")))
    ]
    pool.sort(key=lambda r: str(r.get("id")))  # the sample depends on the seed, not file order
    rng = random.Random(seed)
    picked = rng.sample(pool, min(n, len(pool)))
    return sorted(picked, key=lambda r: str(r.get("id")))


def _name(arg: Any) -> str:
    if not isinstance(arg, dict):
        return "?"
    name = arg.get("actor_name") or arg.get("actor_id") or "?"
    text = arg.get("text")
    return f"{name} ({text})" if text and text != name else str(name)


def _row(rel: dict[str, Any]) -> dict[str, Any]:
    sentence = rel.get("sentence") or {}
    trigger = rel.get("trigger") or {}
    arrow = " <-> " if rel.get("symmetric") else " -> "
    category = str(rel.get("category", ""))
    if rel.get("mode"):
        category += f"/{rel['mode']}"
    return {
        "id": rel.get("id", ""),
        "doc_id": rel.get("doc_id", ""),
        "pair": _name(rel.get("source")) + arrow + _name(rel.get("target")),
        "category": category,
        "sign": rel.get("sign", ""),
        "confidence": rel.get("confidence", ""),
        "trigger": trigger.get("text", "") if isinstance(trigger, dict) else "",
        "sentence": " ".join(str(sentence.get("text", "")).split())
        if isinstance(sentence, dict)
        else "",
        "verdict": "",
        "note": "",
    }


def _format(path: Path, fmt: str | None) -> str:
    if fmt:
        return fmt
    return "jsonl" if path.suffix.lower() in (".jsonl", ".json") else "csv"


def write_audit(
    relations: Sequence[dict[str, Any]], path: str | Path, *, fmt: str | None = None
) -> int:
    """Write an audit sheet (CSV, or JSONL for a ``.jsonl`` path); return the rows written."""
    p = Path(path)
    rows = [_row(r) for r in relations]
    with p.open("w", encoding="utf-8", newline="") as fp:
        if _format(p, fmt) == "jsonl":
            for row in rows:
                fp.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            writer = csv.DictWriter(fp, fieldnames=AUDIT_FIELDS)
            writer.writeheader()
            writer.writerows(rows)
    return len(rows)


def read_audit(path: str | Path) -> list[tuple[int, dict[str, Any]]]:
    """The rows of a filled audit sheet with their line numbers (CSV or JSONL).

    Raises:
        InputError: when the file is missing, malformed or has no ``verdict`` column.
    """
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(Messages.CANNOT_READ.format(path=p, reason=exc.strerror)) from exc
    rows: list[tuple[int, dict[str, Any]]] = []
    if text.lstrip().startswith("{"):
        for lineno, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(
                    Messages.BAD_JSON.format(path=p, line=lineno, reason=exc.msg)
                ) from exc
            if not isinstance(obj, dict):
                raise InputError(
                    Messages.BAD_FIELD.format(path=p, line=lineno, reason="not an object")
                )
            rows.append((lineno, obj))
    else:
        reader = csv.DictReader(text.splitlines())
        if reader.fieldnames is None or "verdict" not in reader.fieldnames:
            raise InputError(
                Messages.CANNOT_READ.format(
                    path=p, reason="no 'verdict' column (not an audit sheet)"
                )
            )
        rows = [(i + 2, row) for i, row in enumerate(reader)]
    for lineno, row in rows:
        if "verdict" not in row:
            raise InputError(Messages.BAD_FIELD.format(path=p, line=lineno, reason="no 'verdict'"))
    return rows


def wilson_interval(correct: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval of a proportion (95% with the default ``z``).

    >>> lo, hi = wilson_interval(8, 10)
    >>> round(lo, 3), round(hi, 3)
    (0.49, 0.943)
    >>> wilson_interval(0, 0)
    (0.0, 1.0)
    """
    if n == 0:
        return (0.0, 1.0)
    p = correct / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


@dataclass(frozen=True, slots=True)
class Precision:
    """Judged relations, how many were right, and the precision with its 95% interval."""

    correct: int
    judged: int

    @property
    def precision(self) -> float:
        return self.correct / self.judged if self.judged else 0.0

    @property
    def interval(self) -> tuple[float, float]:
        return wilson_interval(self.correct, self.judged)

    def as_dict(self) -> dict[str, Any]:
        lo, hi = self.interval
        return {
            "judged": self.judged,
            "correct": self.correct,
            "precision": round(self.precision, 4),
            "low": round(lo, 4),
            "high": round(hi, 4),
        }


@dataclass(frozen=True)
class AuditScores:
    """Precision of an audit, overall and by category (the category without its mode)."""

    overall: Precision
    by_category: dict[str, Precision]
    unjudged: int

    def as_dict(self) -> dict[str, Any]:
        return {
            **self.overall.as_dict(),
            "unjudged": self.unjudged,
            "by_category": {k: v.as_dict() for k, v in sorted(self.by_category.items())},
        }


def score_audit(path: str | Path) -> AuditScores:
    """Score a filled audit sheet.

    A verdict of ``y``/``yes``/``1``/``correct`` counts a right relation, ``n``/``no``/``0``/
    ``wrong`` a wrong one; an empty verdict (or ``?``) is not judged.

    Raises:
        InputError: naming the file and line of a verdict it cannot read.
    """
    p = Path(path)
    overall = [0, 0]
    cats: dict[str, list[int]] = {}
    unjudged = 0
    for lineno, row in read_audit(p):
        verdict = str(row.get("verdict") or "").strip().lower()
        if verdict in _SKIP:
            unjudged += 1
            continue
        if verdict not in _YES and verdict not in _NO:
            raise InputError(
                Messages.BAD_FIELD.format(
                    path=p,
                    line=lineno,
                    reason=f"verdict {verdict!r} is neither y(es) nor n(o) (leave it empty to skip)",
                )
            )
        ok = verdict in _YES
        category = str(row.get("category") or "?").split("/")[0]
        for counts in (overall, cats.setdefault(category, [0, 0])):
            counts[0] += ok
            counts[1] += 1
    return AuditScores(
        overall=Precision(*overall),
        by_category={k: Precision(*v) for k, v in cats.items()},
        unjudged=unjudged,
    )
