"""Reading lexicon data files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..errors import LexiconError

__all__ = ["read_mapping"]


def read_mapping(path: str | Path) -> dict[str, Any]:
    """Read a YAML file that must hold a mapping (an empty file is an empty mapping).

    Raises:
        LexiconError: one line naming the file and what is wrong with it.
    """
    p = Path(path)
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise LexiconError(f"{p}: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        raise LexiconError(f"{p}: invalid YAML ({str(exc).splitlines()[0]})") from exc
    if not isinstance(data, dict):
        raise LexiconError(f"{p}: a lexicon file must hold a mapping of sections")
    return data
