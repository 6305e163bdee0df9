"""Give the demo documents the publication dates they carry themselves.

The re3d files of the demo corpus (src/allegiance/data/demo/*/documents.json) have no date
field. Each document still says when it was published, in one of three places; this script
reads them, in this order, and writes ``published`` (ISO date), ``publishedPrecision``
("day" or "month") and ``publishedFrom`` (where the date was read) into each line:

1. the address: State Department pages sit under ``/YYYY/MM/`` (year and month);
2. the title's date line: CENTCOM daily releases open with it ("January 9: Military
   airstrikes continue ..."): month and day, the year from 1 or 3;
3. the text: the first full date written in it ("Nov. 6, 2016"), for releases that report
   the day's event; only its year and month are taken (precision "month"), as the event may
   be a day or two before the release.

A document with none of these keeps ``published`` null: no date is guessed. With precision
"month" the day is written as 01 (the report's timeline counts by month). The rest of each
line is kept byte for byte, so the re3d text and offsets are unchanged, and running the
script twice changes nothing.

Usage: python scripts/demo_dates.py [--check]   (--check: exit 1 if a file would change)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from pathlib import Path

DEMO = Path(__file__).resolve().parent.parent / "src" / "allegiance" / "data" / "demo"
ADDED = ("published", "publishedPrecision", "publishedFrom")

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_MONTH = r"(?P<month>[A-Z][a-z]{2,8})\.?"
_URL_MONTH = re.compile(r"/(?P<year>(?:19|20)\d\d)/(?P<month>0[1-9]|1[0-2])/")
_TITLE_LINE = re.compile(rf"^{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?:")
# "Nov. 6, 2016", and a span of days: "October 25-26, 2016"
_TEXT_DATE = re.compile(
    rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}})?,\s+"
    r"(?P<year>(?:19|20)\d\d)\b"
)


def _month(name: str) -> int | None:
    return _MONTHS.get(name.lower())


def find_date(title: str, text: str, url: str) -> tuple[str | None, str | None, str | None]:
    """The (ISO date, precision, source) a document carries, or three Nones.

    Example:
        >>> find_date("January 9: Military airstrikes", "", "https://x/2017/01/1.htm")
        ('2017-01-09', 'day', 'url+title')
        >>> find_date("Statement", "They advanced Nov. 6, 2016.", "http://x/Article/1/")
        ('2016-11-01', 'month', 'text')
        >>> find_date("Statement", "No date here.", "http://x/Article/1/")
        (None, None, None)
    """
    year = month = None
    source = None
    if m := _URL_MONTH.search(url or ""):
        year, month, source = int(m["year"]), int(m["month"]), "url"
    else:
        for m in _TEXT_DATE.finditer(text or ""):
            if (mo := _month(m["month"])) is not None:
                year, month, source = int(m["year"]), mo, "text"
                break
    if year is None or month is None:
        return None, None, None
    day = 1
    precision = "month"
    t = _TITLE_LINE.match((title or "").strip())
    if t and _month(t["month"]) == month:
        day, precision, source = int(t["day"]), "day", f"{source}+title"
    try:
        iso = date(year, month, day).isoformat()
    except ValueError:
        return None, None, None
    return iso, precision, source


def _with_dates(line: str) -> str:
    obj = json.loads(line.lstrip("\ufeff"))
    base = line.rstrip("\r\n")
    end = line[len(base) :]
    # Drop fields this script wrote before, so that a rerun is a no-op.
    for key in ADDED:
        base = re.sub(rf',\s*"{key}"\s*:\s*(?:"[^"]*"|null)', "", base)
    iso, precision, source = find_date(
        obj.get("title", ""), obj.get("text", ""), obj.get("sourceUrl", "")
    )
    extra = ", ".join(
        f'"{k}" : {json.dumps(v)}' for k, v in zip(ADDED, (iso, precision, source), strict=True)
    )
    body = base.rstrip()
    if not body.endswith("}"):
        raise SystemExit(f"not a JSON object line: {line[:60]!r}")
    return f"{body[:-1].rstrip()}, {extra} }}{end}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report files that would change")
    args = parser.parse_args(argv)
    changed = 0
    for path in sorted(DEMO.glob("*/documents.json")):
        old = path.read_text(encoding="utf-8")
        new = "".join(
            _with_dates(line) if line.strip() else line for line in old.splitlines(keepends=True)
        )
        for a, b in zip(old.splitlines(), new.splitlines(), strict=True):
            if json.loads(a.lstrip("\ufeff"))["text"] != json.loads(b.lstrip("\ufeff"))["text"]:
                raise SystemExit(f"{path}: a text would change")
        if new != old:
            changed += 1
            if not args.check:
                path.write_text(new, encoding="utf-8")
        dated = sum(
            1
            for line in new.splitlines()
            if line.strip() and json.loads(line.lstrip("\ufeff"))["published"]
        )
        total = sum(1 for line in new.splitlines() if line.strip())
        print(
            f"{path.parent.name}: {dated} of {total} documents dated{' (would change)' if new != old else ''}"
        )
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
