"""Turn the hand annotations (annotations.txt) into JSONL gold with character offsets.

Run from the repository root: ``python tests/data/quotes_gold/build.py``. Anchors are searched
in text order within each document, so repeated phrases resolve to successive occurrences; a
missing anchor is an error, never a silent skip.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
RE3D = HERE.parent / "re3d-dev"
TEXTS = HERE / "texts"


def read_text_file(path: Path) -> dict[str, str]:
    """One document of texts/: its header fields (``key: value`` lines) and ``text``.

    The header ends at a line ``---``; everything after it, less the final newline, is the
    document text exactly as annotated.
    """
    raw = path.read_text(encoding="utf-8")
    head, sep, body = raw.partition("\n---\n")
    if not sep:
        sys.exit(f"{path}: no '---' line after the header")
    fields = {}
    for line in head.splitlines():
        key, _, value = line.partition(":")
        fields[key.strip()] = value.strip()
    fields["text"] = body[:-1] if body.endswith("\n") else body
    return fields


def load_texts() -> dict[str, tuple[str, str, str]]:
    """Map each document id to (text, collection, source URL)."""
    out: dict[str, tuple[str, str, str]] = {}
    for part in ("CENTCOM", "US_State_Department"):
        with (RE3D / part / "documents.json").open(encoding="utf-8-sig") as fp:
            for line in fp:
                if line.strip():
                    obj = json.loads(line)
                    out[obj["_id"]] = (obj["text"], part, obj.get("sourceUrl") or "")
    for path in sorted(TEXTS.glob("*.txt")):
        doc = read_text_file(path)
        out[doc["id"]] = (doc["text"], doc["outlet"], doc["source"])
    return out


def find_doc(texts: dict[str, tuple[str, str, str]], prefix: str) -> str:
    """The one document id starting with ``prefix``."""
    hits = [k for k in texts if k == prefix] or [k for k in texts if k.startswith(prefix)]
    if len(hits) != 1:
        sys.exit(f"document prefix {prefix!r} matches {len(hits)} documents")
    return hits[0]


def find(text: str, anchor: str, pos: int) -> int:
    """Offset of ``anchor`` at word boundaries at or after ``pos``, else exit."""
    m = re.compile(r"(?<!\w)" + re.escape(anchor) + r"(?!\w)").search(text, pos)
    if m is None:
        sys.exit(f"anchor {anchor!r} not found after {pos}")
    return m.start()


def build_quotes(texts: dict[str, tuple[str, str, str]]) -> list[dict[str, object]]:
    """Quote gold records from quotes_gold/annotations.txt."""
    rows: list[dict[str, object]] = []
    cursor: dict[str, int] = {}
    for line in (HERE / "annotations.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        prefix, first, last, speaker, kind, anon, role = (f.strip() for f in line.split("|"))
        doc_id = find_doc(texts, prefix)
        text, part, url = texts[doc_id]
        start = find(text, first, cursor.get(doc_id, 0))
        end = find(text, last, start) + len(last)
        cursor[doc_id] = end
        rows.append(
            {
                "doc_id": doc_id,
                "collection": part,
                "source_url": url,
                "start": start,
                "end": end,
                "text": text[start:end],
                "direct": kind == "D",
                "speaker": speaker,
                "speaker_role": role or None,
                "anonymous": anon == "1",
            }
        )
    return rows


def build_quantities(texts: dict[str, tuple[str, str, str]]) -> list[dict[str, object]]:
    """Quantity gold records (and empty documents) from quantities_gold/annotations.txt."""
    rows: list[dict[str, object]] = []
    doc_id = ""
    pos = 0
    path = HERE.parent / "quantities_gold" / "annotations.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("doc "):
            doc_id = find_doc(texts, line.split()[1])
            pos = 0
            rows.append(
                {
                    "doc_id": doc_id,
                    "collection": texts[doc_id][1],
                    "source_url": texts[doc_id][2],
                    "annotated": True,
                }
            )
            continue
        words, value, concept = (f.strip() for f in line.split("|"))
        text = texts[doc_id][0]
        start = find(text, words, pos)
        end = start + len(words)
        pos = end
        rows.append(
            {
                "doc_id": doc_id,
                "start": start,
                "end": end,
                "text": text[start:end],
                "value": float(value),
                "concept": concept,
            }
        )
    return rows


def main() -> None:
    """Write quotes.jsonl and quantities.jsonl beside their annotation files."""
    texts = load_texts()
    quotes = build_quotes(texts)
    with (HERE / "quotes.jsonl").open("w", encoding="utf-8") as fp:
        for row in quotes:
            fp.write(json.dumps(row, ensure_ascii=False) + "\n")
    quantities = build_quantities(texts)
    with (HERE.parent / "quantities_gold" / "quantities.jsonl").open("w", encoding="utf-8") as fp:
        for row in quantities:
            fp.write(json.dumps(row, ensure_ascii=False) + "\n")
    sentences = set()
    for row in quantities:
        if "start" in row:
            text = texts[str(row["doc_id"])][0]
            s = max(text.rfind(". ", 0, int(row["start"])), text.rfind("\n", 0, int(row["start"])))
            sentences.add((row["doc_id"], s))
    n_q = sum(1 for r in quantities if "start" in r)
    print(f"{len(quotes)} quotes; {n_q} quantities in {len(sentences)} sentences")


if __name__ == "__main__":
    main()
