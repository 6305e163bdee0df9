"""Reading lexicon data files."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from ..errors import LexiconError, Messages

__all__ = ["merge_word_lists", "read_layers", "read_mapping", "word_list"]


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


def read_layers(paths: Iterable[str | Path]) -> list[tuple[Path, dict[str, Any]]]:
    """Read data files in layer order (bundled first, then the user's), each as a mapping.

    Raises:
        LexiconError: naming the first file that cannot be read or is not a mapping.
    """
    return [(Path(p), read_mapping(p)) for p in paths]


def word_list(value: Any, path: str | Path, entry: str) -> list[str]:
    """A list of words from a data file, lower-cased; ``null`` is an empty list.

    Raises:
        LexiconError: when the value is not a list of words (e.g. a bare string, a mapping).
    """
    if value is None:
        return []
    if isinstance(value, list) and any(isinstance(v, bool) for v in value):
        raise LexiconError(
            Messages.LEXICON_ENTRY.format(
                path=path,
                entry=entry,
                reason="a bare yes/no/on/off/true/false is read as true or false: quote it",
            )
        )
    if not isinstance(value, list) or not all(
        isinstance(v, str | int | float) and not isinstance(v, bool) for v in value
    ):
        raise LexiconError(
            Messages.LEXICON_ENTRY.format(path=path, entry=entry, reason="must be a list of words")
        )
    return [str(v).lower() for v in value]


def merge_word_lists(
    layers: Iterable[tuple[Path, Mapping[str, Any]]], names: Iterable[str]
) -> dict[str, frozenset[str]]:
    """The union, over all layers, of each named word list (a later layer adds words)."""
    names = tuple(names)
    merged: dict[str, set[str]] = {name: set() for name in names}
    for path, data in layers:
        for name in names:
            if name in data:
                merged[name].update(word_list(data[name], path, name))
    return {name: frozenset(words) for name, words in merged.items()}
