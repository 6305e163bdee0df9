"""Reading lexicon data files: the one layered loader behind every list of ``lexicon/data``.

Each loader reads its bundled files and then the user's ``--lexicon`` files over them with
:func:`lexicon_layers`. A user file may be written in two ways:

* **sectioned**, with top-level keys that name bundled files (``quote_cues:``, ``time:``,
  ``agents:``...), each holding entries in that file's shape; or
* **flat**, with the entries themselves (``verbs:``, ``currencies:``...): each entry goes to the
  bundled files that have an entry of that name and of that shape (a list of quote ``verbs``
  goes to ``quote_cues.yaml``, a mapping of trigger ``verbs`` to ``triggers.yaml``).

An entry no bundled file has (a typo), or one whose shape fits no bundled file, is a
:class:`~allegiance.errors.LexiconError` naming the file and the entry.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import LexiconError, Messages

__all__ = [
    "DATA_DIR",
    "lexicon_layers",
    "merge_word_lists",
    "read_layers",
    "read_mapping",
    "read_yaml",
    "user_layers",
    "word_list",
]

#: the bundled lexicon files (``lexicon/data/*.yaml``)
DATA_DIR = Path(__file__).resolve().parent / "data"


def read_yaml(path: str | Path) -> Any:
    """Read one YAML data file (every data file of the package is read here).

    Raises:
        LexiconError: one line naming the file and what is wrong with it (missing, not
            UTF-8, invalid YAML).
    """
    p = Path(path)
    try:
        return yaml.safe_load(p.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise LexiconError(f"{p}: no such file") from exc
    except OSError as exc:
        raise LexiconError(f"{p}: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise LexiconError(f"{p}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except yaml.YAMLError as exc:
        raise LexiconError(f"{p}: invalid YAML ({str(exc).splitlines()[0]})") from exc


def read_mapping(path: str | Path) -> dict[str, Any]:
    """Read a YAML file that must hold a mapping (an empty file is an empty mapping).

    Raises:
        LexiconError: one line naming the file and what is wrong with it.
    """
    p = Path(path)
    data = read_yaml(p) or {}
    if not isinstance(data, dict):
        raise LexiconError(f"{p}: a lexicon file must hold a mapping of sections")
    return data


def read_layers(paths: Iterable[str | Path]) -> list[tuple[Path, dict[str, Any]]]:
    """Read data files in layer order (bundled first, then the user's), each as a mapping.

    Raises:
        LexiconError: naming the first file that cannot be read or is not a mapping.
    """
    return [(Path(p), read_mapping(p)) for p in paths]


def _shape(value: Any) -> str:
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return "a single value"


@lru_cache(maxsize=1)
def _bundled_shapes() -> dict[str, dict[str, str]]:
    """For each bundled file (by stem), the shape of each of its top-level entries."""
    return {
        p.stem: {str(k): _shape(v) for k, v in read_mapping(p).items()}
        for p in sorted(DATA_DIR.glob("*.yaml"))
    }


def _is_section(key: str, value: Any, shapes: Mapping[str, Mapping[str, str]]) -> bool:
    """Whether a user file's top-level ``key`` names a bundled file rather than an entry.

    ``lemmas`` is both a file and its one entry: it is a section when its keys are entries of
    that file (``lemmas: {lemmas: {...}}``), an entry otherwise.
    """
    if key not in shapes:
        return False
    if key not in shapes[key]:
        return True
    return isinstance(value, Mapping) and bool(value) and all(str(k) in shapes[key] for k in value)


def _fitting(
    path: Path, entry: str, key: str, value: Any, shapes: Mapping[str, Mapping[str, str]]
) -> set[str]:
    """Of the bundled files ``shapes`` (stem -> entry shapes), those an entry ``key`` fits.

    Raises:
        LexiconError: naming ``entry`` when none of them has the entry, or in that shape.
    """
    owners = [stem for stem, entries in shapes.items() if key in entries]
    if not owners:
        raise LexiconError(
            Messages.LEXICON_ENTRY.format(
                path=path, entry=entry, reason="no bundled lexicon file has this entry"
            )
        )
    if value is None:  # null removes or empties the entry wherever it is
        return set(owners)
    fitting = {stem for stem in owners if shapes[stem][key] == _shape(value)}
    if not fitting:
        wanted = " or ".join(sorted({f"{shapes[o][key]} (as in {o}.yaml)" for o in owners}))
        raise LexiconError(
            Messages.LEXICON_ENTRY.format(path=path, entry=entry, reason=f"must be {wanted}")
        )
    return fitting


def user_layers(
    paths: Iterable[str | Path], stems: Sequence[str]
) -> list[tuple[Path, dict[str, Any]]]:
    """The parts of the user's lexicon files meant for the bundled files named ``stems``.

    Args:
        paths: user YAML files (sectioned or flat, see the module docstring), in order.
        stems: the bundled files the caller loads, by name without ``.yaml``.

    Raises:
        LexiconError: naming the file and entry when one cannot be read or fits no file.

    >>> user_layers([], ["quote_cues"])
    []
    """
    shapes = _bundled_shapes()
    wanted = set(stems)
    layers: list[tuple[Path, dict[str, Any]]] = []
    for raw in paths:
        path = Path(raw)
        part: dict[str, Any] = {}
        for key, value in read_mapping(path).items():
            key = str(key)
            if _is_section(key, value, shapes):
                if value is not None and not isinstance(value, Mapping):
                    raise LexiconError(
                        Messages.LEXICON_ENTRY.format(
                            path=path,
                            entry=key,
                            reason=f"a section for {key}.yaml must hold a mapping of its entries",
                        )
                    )
                own = {key: shapes[key]}
                for k, v in (value or {}).items():
                    _fitting(path, f"{key}.{k}", str(k), v, own)  # checked even if not wanted
                    if key in wanted:
                        part[str(k)] = v
            elif _fitting(path, key, key, value, shapes) & wanted:
                part[key] = value
        layers.append((path, part))
    return layers


def lexicon_layers(
    bundled: Sequence[str | Path], paths: Iterable[str | Path] = ()
) -> list[tuple[Path, dict[str, Any]]]:
    """The bundled files, then the parts of the user's files meant for them, each a mapping.

    ``bundled`` are files of ``lexicon/data`` (their stems choose what the user files give).

    >>> [p.name for p, _ in lexicon_layers([DATA_DIR / "time.yaml"])]
    ['time.yaml']
    """
    files = [Path(p) for p in bundled]
    return read_layers(files) + user_layers(paths, [p.stem for p in files])


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
