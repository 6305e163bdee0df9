"""Reading re3d-format gold data: documents, entity spans and relations per document.

re3d (entity and relation extraction for defence and security analysis) stores each source in a
folder with three JSON Lines files (a UTF-8 byte-order mark may open them): ``documents.json``,
``entities.json`` and ``relations.json``. Annotations below confidence 0.5 are dropped, and so are
exact duplicates.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError, Messages

__all__ = ["MIN_CONFIDENCE", "Re3dDocument", "Re3dEntity", "Re3dGold", "Re3dRelation", "load_re3d"]

#: Annotations with a lower confidence are not gold.
MIN_CONFIDENCE = 0.5


@dataclass(frozen=True, slots=True)
class Re3dDocument:
    """One gold document."""

    id: str
    title: str
    text: str
    source_name: str | None = None
    source_url: str | None = None
    folder: str = ""


@dataclass(frozen=True, slots=True)
class Re3dEntity:
    """A gold entity span: character offsets into the document text, type and words."""

    doc_id: str
    begin: int
    end: int
    type: str
    value: str
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Re3dRelation:
    """A gold relation between two mention spans, with the words that express it."""

    doc_id: str
    type: str
    source_begin: int
    source_end: int
    target_begin: int
    target_end: int
    source: str
    target: str
    value: str
    begin: int | None = None
    end: int | None = None
    confidence: float = 1.0


@dataclass(slots=True)
class Re3dGold:
    """All gold documents with their entities and relations, keyed by document id."""

    documents: dict[str, Re3dDocument] = field(default_factory=dict)
    entities: dict[str, list[Re3dEntity]] = field(default_factory=dict)
    relations: dict[str, list[Re3dRelation]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.documents)

    def __iter__(self) -> Iterator[Re3dDocument]:
        return iter(self.documents.values())

    def entities_of(
        self, doc_id: str, types: frozenset[str] | set[str] | None = None
    ) -> list[Re3dEntity]:
        """The gold entities of one document, optionally only those of some types."""
        ents = self.entities.get(doc_id, [])
        return [e for e in ents if types is None or e.type in types]


def _read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    if not path.is_file():
        return
    text = path.read_text(encoding="utf-8-sig")
    for lineno, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line:
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(
                Messages.BAD_JSON.format(path=path, line=lineno, reason=exc.msg)
            ) from exc
        if isinstance(obj, dict):
            yield obj


def load_re3d(gold_dir: str | Path) -> Re3dGold:
    """Load every re3d folder under ``gold_dir`` (or ``gold_dir`` itself when it is one).

    Args:
        gold_dir: a directory holding ``documents.json`` or sub-folders that do.

    Returns:
        The gold documents, entities (confidence >= 0.5, deduplicated) and relations.

    Raises:
        InputError: when the directory does not exist, holds no re3d folder, or a line is bad.
    """
    root = Path(gold_dir)
    if not root.is_dir():
        raise InputError(Messages.MISSING_FILE.format(path=root))
    folders = sorted({p.parent for p in root.rglob("documents.json")})
    if not folders:
        raise InputError(Messages.KB_FILE.format(path=root, reason="no re3d documents.json found"))
    gold = Re3dGold()
    for folder in folders:
        for obj in _read_jsonl(folder / "documents.json"):
            doc = Re3dDocument(
                id=str(obj["_id"]),
                title=str(obj.get("title") or ""),
                text=str(obj.get("text") or ""),
                source_name=obj.get("sourceName"),
                source_url=obj.get("sourceUrl"),
                folder=folder.name,
            )
            gold.documents[doc.id] = doc
            gold.entities.setdefault(doc.id, [])
            gold.relations.setdefault(doc.id, [])
        seen_e: set[tuple[str, int, int, str]] = set()
        for obj in _read_jsonl(folder / "entities.json"):
            conf = float(obj.get("confidence", 1.0))
            key = (str(obj["documentId"]), int(obj["begin"]), int(obj["end"]), str(obj["type"]))
            if conf < MIN_CONFIDENCE or key in seen_e or key[0] not in gold.documents:
                continue
            seen_e.add(key)
            gold.entities[key[0]].append(
                Re3dEntity(key[0], key[1], key[2], key[3], str(obj.get("value", "")), conf)
            )
        seen_r: set[tuple[Any, ...]] = set()
        for obj in _read_jsonl(folder / "relations.json"):
            conf = float(obj.get("confidence", 1.0))
            doc_id = str(obj["documentId"])
            rkey = (doc_id, obj["type"], obj["sourceBegin"], obj["sourceEnd"], obj["targetBegin"],
                    obj["targetEnd"])  # fmt: skip
            if conf < MIN_CONFIDENCE or rkey in seen_r or doc_id not in gold.documents:
                continue
            seen_r.add(rkey)
            gold.relations[doc_id].append(
                Re3dRelation(
                    doc_id=doc_id,
                    type=str(obj["type"]),
                    source_begin=int(obj["sourceBegin"]),
                    source_end=int(obj["sourceEnd"]),
                    target_begin=int(obj["targetBegin"]),
                    target_end=int(obj["targetEnd"]),
                    source=str(obj.get("source", "")),
                    target=str(obj.get("target", "")),
                    value=str(obj.get("value", "")),
                    begin=obj.get("begin"),
                    end=obj.get("end"),
                    confidence=conf,
                )
            )
    for ents in gold.entities.values():
        ents.sort(key=lambda e: (e.begin, e.end))
    return gold
