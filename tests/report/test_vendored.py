"""The vendored graph library is the pinned file, with its licence beside it."""

from __future__ import annotations

import hashlib
import re
from importlib import resources


def test_cytoscape_matches_the_recorded_checksum_and_has_its_licence() -> None:
    static = resources.files("allegiance.report").joinpath("static")
    notes = static.joinpath("VENDORED.md").read_text(encoding="utf-8")
    recorded = re.search(r"sha256 of `cytoscape.min.js`: `([0-9a-f]{64})`", notes)
    assert recorded is not None
    digest = hashlib.sha256(static.joinpath("cytoscape.min.js").read_bytes()).hexdigest()
    assert digest == recorded.group(1)
    assert "| 3.33.1 |" in notes
    licence = static.joinpath("LICENSE.cytoscape").read_text(encoding="utf-8")
    assert "Permission is hereby granted, free of charge" in licence
