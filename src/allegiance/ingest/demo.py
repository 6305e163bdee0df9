"""The bundled demo corpus: a public-domain re3d subset (CENTCOM and US State Department)."""

from __future__ import annotations

from pathlib import Path

__all__ = ["DEMO_DIR", "demo_corpus_paths"]

DEMO_DIR = Path(__file__).resolve().parent.parent / "data" / "demo"


def demo_corpus_paths() -> list[Path]:
    """The ``documents.json`` files of the demo corpus, in sorted order.

    Returns:
        Paths to pass to :func:`~allegiance.ingest.read_documents`.

    Example:
        >>> [p.parent.name for p in demo_corpus_paths()]
        ['CENTCOM', 'US_State_Department']
    """
    return sorted(DEMO_DIR.glob("*/documents.json"))
