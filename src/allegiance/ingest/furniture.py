"""Recognise page furniture (bylines, share buttons, "Most Read" lists) in plain text.

Scraped articles keep the page around the story: "Follow X on Twitter", "More from Features",
reporter lines, copyright notices. Nothing should be extracted from them, yet the text must
stay exactly as given so that offsets hold. :func:`find_furniture` therefore returns character
ranges to ignore and never edits the text. The rules are data (``furniture.yaml``); a user's
YAML file of the same shape adds rules or replaces them by name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import InputError, LexiconError, Messages
from ..lexicon.io import read_yaml

__all__ = ["DEFAULT_RULES_PATH", "FurnitureRule", "find_furniture", "load_furniture_rules"]

DEFAULT_RULES_PATH = Path(__file__).with_name("furniture.yaml")

#: A personal name: 2-4 capitalised words ("John Smith", "Hollie McKay", "Mark O'Neil Jr.").
_NAME = r"(?:[A-Z][\w'’.-]*\s+(?:(?:al|bin|de|van|von|der|la|du)[- ])?){1,3}[A-Z][\w'’-]+"
#: A line that may be a bare headline in a "More from"/"Most Read" list.
_MAX_HEADLINE_WORDS = 20


@dataclass(frozen=True, slots=True)
class FurnitureRule:
    """One furniture rule: a whole-line pattern and its limits."""

    name: str
    regex: re.Pattern[str]
    max_words: int = 30
    starts_list: bool = False


def _compile(entry: Any, path: Path, index: int) -> FurnitureRule:
    if not isinstance(entry, dict):
        raise InputError(
            Messages.FURNITURE_RULE.format(path=path, entry=index, reason="not a mapping")
        )
    name = entry.get("name")
    pattern = entry.get("pattern")
    if not isinstance(name, str) or not isinstance(pattern, str):
        raise InputError(
            Messages.FURNITURE_RULE.format(
                path=path, entry=name or index, reason="needs 'name' and 'pattern'"
            )
        )
    unknown = set(entry) - {"name", "pattern", "ignorecase", "max_words", "starts_list"}
    if unknown:
        raise InputError(
            Messages.FURNITURE_RULE.format(
                path=path, entry=name, reason=f"unknown keys {sorted(unknown)}"
            )
        )
    flags = re.IGNORECASE if entry.get("ignorecase", False) else 0
    try:
        regex = re.compile(pattern.replace("{NAME}", _NAME), flags)
    except re.error as exc:
        raise InputError(Messages.FURNITURE_RULE.format(path=path, entry=name, reason=exc)) from exc
    max_words = entry.get("max_words", 30)
    if not isinstance(max_words, int) or max_words < 1:
        raise InputError(
            Messages.FURNITURE_RULE.format(
                path=path, entry=name, reason="max_words must be a positive integer"
            )
        )
    return FurnitureRule(name, regex, max_words, bool(entry.get("starts_list", False)))


def _read_rules(path: Path) -> list[FurnitureRule]:
    try:
        data = read_yaml(path)
    except LexiconError as exc:
        reason = str(exc).removeprefix(f"{path}: ")
        raise InputError(Messages.FURNITURE_FILE.format(path=path, reason=reason)) from exc
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise InputError(Messages.FURNITURE_SHAPE.format(path=path))
    return [_compile(entry, path, i) for i, entry in enumerate(data["rules"])]


def load_furniture_rules(extra: Iterable[str | Path] = ()) -> tuple[FurnitureRule, ...]:
    """Load the bundled rules, then each extra file's rules (same name replaces).

    Args:
        extra: paths of user YAML files with a ``rules`` list like ``furniture.yaml``.

    Returns:
        The rules in order.

    Raises:
        InputError: naming the file and the rule that is malformed.
    """
    rules: dict[str, FurnitureRule] = {}
    for path in (DEFAULT_RULES_PATH, *map(Path, extra)):
        for rule in _read_rules(path):
            rules[rule.name] = rule
    return tuple(rules.values())


@lru_cache(maxsize=1)
def _default_rules() -> tuple[FurnitureRule, ...]:
    return load_furniture_rules()


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line's stripped content; (start, start) for blank lines."""
    spans = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")
        lead = len(body) - len(body.lstrip())
        content = body.strip()
        start = pos + lead
        spans.append((start, start + len(content)))
        pos += len(raw)
    return spans


def _match(line: str, rules: Sequence[FurnitureRule]) -> FurnitureRule | None:
    words = len(line.split())
    for rule in rules:
        if words <= rule.max_words and rule.regex.fullmatch(line):
            return rule
    return None


def _headline_like(line: str) -> bool:
    return (
        0 < len(line.split()) <= _MAX_HEADLINE_WORDS
        and not line.endswith((".", ":", ";", ","))
        and not line[0].islower()
    )


def find_furniture(
    text: str, rules: Sequence[FurnitureRule] | None = None
) -> list[tuple[int, int]]:
    """Character ranges of the lines of ``text`` that are page furniture.

    A line is furniture when a rule matches it whole, or when it is a bare headline in the
    list under a "More from X"/"Most Read" heading. The last headline of such a list is kept
    when article text follows it, since it may be a subheading of the story.

    Args:
        text: the document text exactly as given.
        rules: the rules to apply (default: the bundled ``furniture.yaml``).

    Returns:
        Sorted, non-overlapping ``(start, end)`` ranges (Python string indices into ``text``).

    Example:
        >>> text = "Iran backs the militias.\\n\\nFollow Imran khan on Twitter @ajimran\\n"
        >>> [text[a:b] for a, b in find_furniture(text)]
        ['Follow Imran khan on Twitter @ajimran']
    """
    active = _default_rules() if rules is None else rules
    spans = _lines(text)
    marked: list[tuple[int, int]] = []
    i = 0
    while i < len(spans):
        start, end = spans[i]
        i += 1
        if start == end:
            continue
        rule = _match(text[start:end], active)
        if rule is None:
            continue
        marked.append((start, end))
        if not rule.starts_list:
            continue
        # Collect the bare headlines listed under the heading (blank lines allowed).
        run: list[int] = []
        j = i
        while j < len(spans):
            s, e = spans[j]
            if s == e:
                j += 1
                continue
            line = text[s:e]
            if _match(line, active) is not None or not _headline_like(line):
                break
            run.append(j)
            j += 1
        if run and j < len(spans) and _match(text[slice(*spans[j])], active) is None:
            run.pop()  # article text follows: the last short line may be a subheading
        marked.extend(spans[k] for k in run)
        if run:
            i = run[-1] + 1
    return marked
