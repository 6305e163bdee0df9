"""Write one small article in every supported input format and run `allegiance analyze` on them.

Usage: python scripts/formats_check.py ALLEGIANCE_EXECUTABLE WORK_DIR

Fails (exit 1) unless every file is read, none is skipped, and the bundle holds one document
per format with at least one relation. Used by scripts/fresh_install.sh in CI.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

# Short wire-style texts written for this check (one per format: identical texts would be
# skipped as duplicates).
TEXTS = {
    "txt": "Iran backs the Shia militias in Iraq.\n\nThe militias fought ISIS near Tikrit.",
    "md": "# Talks in Geneva\n\nRussia and the United States agreed to resume talks on Syria.",
    "html": "Turkey condemned the attack on its embassy. The Kurdish fighters denied any role.",
    "json": "The European Union imposed sanctions on Belarus after the disputed election.",
    "jsonl": "Hezbollah fighters clashed with Syrian rebels near the Lebanese border.",
    "csv": "China and Pakistan signed a trade agreement in Islamabad on Monday.",
    "tsv": "Protesters in Caracas accused the government of Venezuela of fraud.",
}


def write_inputs(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.txt").write_text(TEXTS["txt"] + "\n", encoding="utf-8")
    (folder / "b.md").write_text(TEXTS["md"] + "\n", encoding="utf-8")
    paragraphs = "".join(f"<p>{s}.</p>" for s in TEXTS["html"].rstrip(".").split(". "))
    (folder / "c.html").write_text(
        "<!doctype html><html><head><title>Embassy attack</title>"
        '<meta property="og:site_name" content="Example Wire"></head>'
        f"<body><nav>Home | World</nav><article><h1>Embassy attack</h1>{paragraphs}"
        "</article><footer>Copyright</footer></body></html>",
        encoding="utf-8",
    )
    (folder / "d.json").write_text(
        json.dumps({"id": "json-1", "text": TEXTS["json"], "published": "2020-08-14"}),
        encoding="utf-8",
    )
    (folder / "e.jsonl").write_text(
        json.dumps({"id": "jsonl-1", "text": TEXTS["jsonl"], "outlet": "Wire"}) + "\n",
        encoding="utf-8",
    )
    for name, delimiter in (("f.csv", ","), ("g.tsv", "\t")):
        with (folder / name).open("w", encoding="utf-8", newline="") as fp:
            writer = csv.writer(fp, delimiter=delimiter)
            writer.writerow(["id", "title", "text"])
            key = name.rsplit(".", 1)[1]
            writer.writerow([f"{key}-1", "Headline", TEXTS[key]])


def main() -> int:
    exe, work = sys.argv[1], Path(sys.argv[2])
    inputs = work / "inputs"
    write_inputs(inputs)
    bundle_path = work / "bundle.json"
    result = subprocess.run(
        [exe, "analyze", str(inputs), "-o", str(work / "report.html"), "--json", str(bundle_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    sys.stderr.write(result.stderr)
    if result.returncode != 0:
        print(f"formats check: analyze exited {result.returncode}", file=sys.stderr)
        return 1
    bundle = json.loads(bundle_path.read_text(encoding="utf-8"))
    n_docs = bundle["meta"]["n_documents"]
    problems = []
    if n_docs != len(TEXTS):
        problems.append(f"{n_docs} documents read, expected {len(TEXTS)}")
    if bundle["meta"].get("n_skipped"):
        problems.append(f"skipped: {bundle['meta'].get('skipped')}")
    if not bundle.get("relations"):
        problems.append("no relations extracted")
    if not (work / "report.html").stat().st_size:
        problems.append("empty report")
    if problems:
        print("formats check failed: " + "; ".join(problems), file=sys.stderr)
        return 1
    print(f"formats check: {n_docs} documents, one per format, {len(bundle['relations'])} relations")
    return 0


if __name__ == "__main__":
    sys.exit(main())
