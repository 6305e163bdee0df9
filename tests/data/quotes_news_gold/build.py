"""Turn the hand annotations (annotations.txt) into JSONL gold with character offsets.

Run from the repository root: ``python tests/data/quotes_news_gold/build.py``. Each anchor must
follow an opening quotation mark; the quote runs to its closing mark (a paragraph left open
continues into the next paragraph that opens with a mark). Anchors are searched in text order
within each document; a missing anchor, an anchor not after a mark, or an unclosed quote is an
error, never a silent skip. The scan is written here on purpose, apart from the extractor's.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEXTS = HERE / "texts"
OPENING = '"“'
CLOSING = '"”'


def read_text_file(path: Path) -> dict[str, str]:
    """One document: its header fields (``key: value`` lines up to ``---``) and ``text``."""
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


def quote_end(text: str, start: int) -> int:
    """Offset of the closing mark of the quote opened just before ``start``."""
    j = start
    while j < len(text):
        c = text[j]
        if c in CLOSING:
            return j
        if c == "\n":
            k = j
            while k < len(text) and text[k].isspace():
                k += 1
            if k < len(text) and text[k] in OPENING:
                j = k + 1
                continue
            sys.exit(f"unclosed quote at {start}: {text[start : start + 40]!r}")
        j += 1
    sys.exit(f"unclosed quote at {start}")


def build(texts: dict[str, dict[str, str]]) -> list[dict[str, object]]:
    """Gold records from annotations.txt, checked against the texts."""
    rows: list[dict[str, object]] = []
    cursor: dict[str, int] = {}
    for line in (HERE / "annotations.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        doc_id, anchor, speaker, anon, role, source = (f.strip() for f in line.split("|"))
        doc = texts[doc_id]
        text = doc["text"]
        m = re.compile(r"(?<!\w)" + re.escape(anchor) + r"(?!\w)").search(
            text, cursor.get(doc_id, 0)
        )
        if m is None:
            sys.exit(f"{doc_id}: anchor {anchor!r} not found")
        start = m.start()
        if start == 0 or text[start - 1] not in OPENING:
            sys.exit(f"{doc_id}: anchor {anchor!r} does not follow an opening mark")
        end = quote_end(text, start)
        cursor[doc_id] = end
        rows.append(
            {
                "doc_id": doc_id,
                "collection": doc["domain"],
                "source_url": "",
                "start": start,
                "end": end,
                "text": text[start:end],
                "direct": True,
                "speaker": None if speaker == "-" else speaker,
                "speaker_role": role or None,
                "anonymous": anon == "1",
                "reporting_source": source or None,
            }
        )
    return rows


def check_complete(texts: dict[str, dict[str, str]], rows: list[dict[str, object]]) -> None:
    """Every double-quoted stretch of more than three words is annotated."""
    spans = [(r["doc_id"], r["start"], r["end"]) for r in rows]
    for doc_id, doc in texts.items():
        text = doc["text"]
        for m in re.finditer(r"[\"“]", text):
            a = m.end()
            if a >= len(text) or text[a].isspace() or (m.start() and text[m.start() - 1].isalnum()):
                continue
            if any(d == doc_id and s <= a <= e for d, s, e in spans):
                continue
            b = quote_end(text, a)
            if len(text[a:b].split()) > 3:
                sys.exit(f"{doc_id}: quote at {a} not annotated: {text[a:b]!r}")


def main() -> None:
    """Write quotes.jsonl beside annotations.txt."""
    texts = {}
    for path in sorted(TEXTS.glob("*.txt")):
        doc = read_text_file(path)
        texts[doc["id"]] = doc
    rows = build(texts)
    check_complete(texts, rows)
    with (HERE / "quotes.jsonl").open("w", encoding="utf-8") as fp:
        for row in rows:
            fp.write(json.dumps(row, ensure_ascii=False) + "\n")
    docs = {r["doc_id"] for r in rows}
    print(f"{len(rows)} quotes in {len(docs)} of {len(texts)} documents")


if __name__ == "__main__":
    main()
