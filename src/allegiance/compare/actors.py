"""Actor facts for the comparison from actor knowledge-base YAML files (``--kb``).

The comparison needs only an actor's name, type, parent and country (for roll-up and for the
affiliation of quoted sources), which the mention records already carry; a user's KB file can
correct or complete them. Entries are read from the top-level ``actors`` list of the KB file
format (see docs/kb.md), with ``defaults`` applied; a person's ``affiliation`` is its parent.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from ..errors import KnowledgeBaseError, Messages
from ..schema import ACTOR_TYPES
from .outlets import ActorInfo

__all__ = ["read_actor_info"]


def _entry(path: Path, raw: Any, defaults: dict[str, Any]) -> tuple[str, ActorInfo]:
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or not raw["id"].strip():
        entry = raw.get("id", raw) if isinstance(raw, dict) else raw
        raise KnowledgeBaseError(
            Messages.KB_ENTRY.format(path=path, entry=entry, reason="an actor needs a string id")
        )
    data = {**defaults, **raw}
    actor_id = data["id"].strip()
    actor_type = data.get("type")
    if actor_type is not None and actor_type not in ACTOR_TYPES:
        raise KnowledgeBaseError(
            Messages.KB_ENTRY.format(
                path=path, entry=actor_id, reason=f"unknown actor type {actor_type!r}"
            )
        )
    parent = data.get("parent") or data.get("affiliation")
    return actor_id, ActorInfo(
        name=str(data.get("name") or actor_id),
        actor_type=actor_type,
        parent_id=str(parent) if parent else None,
        country=str(data["country"]) if data.get("country") else None,
    )


def read_actor_info(paths: Iterable[str | Path]) -> dict[str, ActorInfo]:
    """Read actor names, types, parents and countries from KB YAML files (later files win).

    Args:
        paths: actor KB files, each a mapping with an ``actors`` list (and optional
            ``defaults``).

    Returns:
        Actor id -> :class:`~allegiance.compare.ActorInfo`.

    Raises:
        KnowledgeBaseError: naming the file (and entry) that cannot be read.
    """
    infos: dict[str, ActorInfo] = {}
    for p in map(Path, paths):
        try:
            data = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
        except OSError as exc:
            raise KnowledgeBaseError(
                Messages.KB_FILE.format(path=p, reason=exc.strerror or str(exc))
            ) from exc
        except yaml.YAMLError as exc:
            reason = str(exc).splitlines()[0]
            raise KnowledgeBaseError(Messages.KB_FILE.format(path=p, reason=reason)) from exc
        if not isinstance(data, dict) or not isinstance(data.get("actors", []), list):
            raise KnowledgeBaseError(
                Messages.KB_FILE.format(path=p, reason="expected a mapping with an 'actors' list")
            )
        defaults = data.get("defaults") or {}
        if not isinstance(defaults, dict):
            raise KnowledgeBaseError(
                Messages.KB_FILE.format(path=p, reason="'defaults' must be a mapping")
            )
        for raw in data.get("actors", []):
            actor_id, info = _entry(p, raw, defaults)
            infos[actor_id] = info
    return infos
