"""Build texts/ and quantities.jsonl from annotated.txt, and check every character offset.

Run from anywhere: ``python tests/data/quantities_news_gold/build.py`` (``--check`` only
verifies that the committed files are what annotated.txt gives).
"""

from __future__ import annotations

import json
import re
import sys
from fractions import Fraction
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARK = re.compile(r"⟦([^|⟧]+)\|([^|⟧]+)(?:\|([^⟧]*))?⟧")
HEAD = re.compile(r"^=== (\S+) \| (\S+)$", re.MULTILINE)
KEYS = {"u": "unit", "lo": "low", "hi": "high", "c": "concept"}


def _number(text: str) -> float:
    return float(Fraction(text)) if "/" in text else float(text)


def parse(source: str) -> tuple[dict[str, str], list[dict[str, object]]]:
    """Texts by doc id, and the JSONL rows (a document row, then its quantities)."""
    body = "\n".join(line for line in source.splitlines() if not line.startswith("#"))
    heads = list(HEAD.finditer(body))
    texts: dict[str, str] = {}
    rows: list[dict[str, object]] = []
    for k, h in enumerate(heads):
        chunk = body[h.end() : heads[k + 1].start() if k + 1 < len(heads) else len(body)]
        chunk = chunk.strip("\n")
        doc_id, domain = h.group(1), h.group(2)
        plain: list[str] = []
        pos = 0
        qs: list[dict[str, object]] = []
        offset = 0
        for m in MARK.finditer(chunk):
            plain.append(chunk[pos : m.start()])
            offset += m.start() - pos
            span, value, attrs = m.group(1), m.group(2), m.group(3) or ""
            row: dict[str, object] = {"doc_id": doc_id, "start": offset, "end": offset + len(span)}
            row["text"] = span
            extra = dict(kv.split("=", 1) for kv in attrs.split(";") if kv)
            for key in extra:
                if key not in KEYS:
                    raise SystemExit(f"{doc_id}: unknown attribute {key!r} in {m.group(0)}")
            if value == "r":
                low, high = _number(extra["lo"]), _number(extra["hi"])
                row["value"] = (low + high) / 2
                row["low"], row["high"] = low, high
            else:
                row["value"] = _number(value)
            for key in ("u", "c"):
                if key in extra:
                    row[KEYS[key]] = extra[key]
            qs.append(row)
            plain.append(span)
            offset += len(span)
            pos = m.end()
        plain.append(chunk[pos:])
        text = "".join(plain)
        if "⟦" in text or "⟧" in text:
            raise SystemExit(f"{doc_id}: unbalanced annotation mark")
        for q in qs:
            if text[int(q["start"]) : int(q["end"])] != q["text"]:  # type: ignore[call-overload]
                raise SystemExit(f"{doc_id}: offsets of {q['text']!r} do not match the text")
        texts[doc_id] = text
        rows.append({"doc_id": doc_id, "domain": domain, "annotated": True})
        rows.extend(qs)
    return texts, rows


def main(argv: list[str]) -> int:
    texts, rows = parse((HERE / "annotated.txt").read_text(encoding="utf-8"))
    jsonl = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    files = {HERE / "texts" / f"{d}.txt": t + "\n" for d, t in texts.items()}
    files[HERE / "quantities.jsonl"] = jsonl
    if "--check" in argv:
        stale = [str(p) for p, c in files.items() if not p.exists() or p.read_text("utf-8") != c]
        if stale:
            print("stale:", *stale, sep="\n  ")
            return 1
    else:
        (HERE / "texts").mkdir(exist_ok=True)
        for p, c in files.items():
            p.write_text(c, encoding="utf-8")
    n = sum(1 for r in rows if "start" in r)
    print(f"{len(texts)} documents, {n} quantities, offsets checked")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
