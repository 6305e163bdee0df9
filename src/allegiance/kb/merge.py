"""Merging actors across a corpus: what one document says about a name holds for the others.

Within a document the actor component already chains names (a surname to the full name before
it, a name the text defines as another's). Across documents, from the mention records alone:

- **defined names**: when a document defines a phrase as a named actor ("The Shia militias,
  known as Popular Mobilization Forces"), its mentions of the phrase carry the named actor
  (resolved by ``coref``); the same phrase read elsewhere as a generic, generated or provisional
  actor (``SHIA.MILITIA``) becomes that actor, unless the corpus defines it two ways;
- **surnames**: a provisional person named by a surname only (``NER:rankine galloway``) is the
  one provisional person of the corpus whose full name ends so (``NER:adrian rankine galloway``),
  when there is exactly one and the honorific does not disagree ("Ms. Lopez" is not "Carlos
  Lopez"); identical full names already share their id.

Actors the knowledge base names (countries, organisations, people) are never merged away.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from .store import ActorKB, normalize

__all__ = ["corpus_merges", "merged_rollup"]

_HONORIFIC = {"mr": "male", "ms": "female"}


def _as_dict(record: Any) -> dict[str, Any]:
    if isinstance(record, dict):
        return record
    dump = getattr(record, "model_dump", None)
    return dump() if callable(dump) else {}


def _mergeable(actor_id: str, kb: ActorKB) -> bool:
    """Whether an actor may be merged into another: provisional, generic or generated."""
    if actor_id.startswith("NER:"):
        return True
    actor = kb.get(actor_id)
    if actor is None:
        return True
    if actor.sector == "generic":
        return True
    named = kb.lookup(actor.name)
    return named is None or named.id != actor_id  # generated sub-actors ("Shia militias")


def corpus_merges(
    records: Iterable[Any],
    kb: ActorKB | None = None,
    *,
    given_names: dict[str, str] | None = None,
) -> dict[str, str]:
    """The actor ids of a corpus that stand for another actor: ``{merged id: kept id}``.

    Args:
        records: record models or dicts; only mentions are read.
        kb: the knowledge base (the packaged one when None).
        given_names: given name -> gender, to check an honorific against a full name (the
            bundled first-name lists when None).

    >>> recs = [
    ...     {"kind": "mention", "doc_id": "a", "text": "Adrian Rankine-Galloway",
    ...      "actor_id": "NER:adrian rankine galloway", "actor_type": "person", "resolved_by": "ner"},
    ...     {"kind": "mention", "doc_id": "b", "text": "Rankine-Galloway",
    ...      "actor_id": "NER:rankine galloway", "actor_type": "person", "resolved_by": "ner"}]
    >>> corpus_merges(recs)
    {'NER:rankine galloway': 'NER:adrian rankine galloway'}
    """
    kb = kb or ActorKB.load()
    if given_names is None:
        from ..nlp.gender import load_gender_data

        given_names = load_gender_data().first_names
    read: dict[str, set[str]] = {}  # phrase -> actor ids it was read as (not by coreference)
    defined: dict[str, set[str]] = {}  # phrase -> actor ids a definition gave it
    people: set[str] = set()
    for rec in records:
        d = _as_dict(rec)
        if d.get("kind") != "mention" or not d.get("actor_id"):
            continue
        actor_id = str(d["actor_id"])
        key = normalize(str(d.get("text") or ""))
        if not key:
            continue
        table = defined if d.get("resolved_by") == "coref" else read
        table.setdefault(key, set()).add(actor_id)
        if d.get("actor_type") == "person" and actor_id.startswith("NER:"):
            people.add(actor_id)
    merges: dict[str, str] = {}
    for key, targets in defined.items():
        if len(targets) != 1:
            continue  # defined two ways: nothing is certain
        (target,) = targets
        for other in read.get(key, ()):
            if other != target and _mergeable(other, kb) and other not in merges:
                merges[other] = target
    full = [p for p in people if len(p[4:].split()) >= 2 and p[4:].split()[0] not in _HONORIFIC]
    for person in sorted(people):
        words = person[4:].split()
        want = _HONORIFIC.get(words[0]) if len(words) >= 2 else None
        surname = words[1:] if want else words
        if not want and len(words) != 1 and person not in _hyphen_surnames(full, words):
            continue
        fits = [
            f
            for f in full
            if f != person
            and f[4:].split()[-len(surname) :] == surname
            and len(f[4:].split()) > len(surname)
            and (want is None or given_names.get(f[4:].split()[0], want) == want)
        ]
        # the fullest names only: "galloway" is "adrian rankine galloway", through
        # "rankine galloway"
        fits = [f for f in fits if not any(g != f and g.endswith(" " + f[4:]) for g in fits)]
        if len(fits) == 1 and person not in merges:
            merges[person] = fits[0]
    return {a: _follow(a, merges) for a in merges}


def _hyphen_surnames(full: list[str], words: list[str]) -> set[str]:
    """The two-word keys that are a hyphenated surname of a fuller name ("rankine galloway"
    of "adrian rankine galloway")."""
    key = " ".join(words)
    return {f"NER:{key}" for f in full if f[4:].endswith(" " + key) and f[4:] != key}


def _follow(actor_id: str, merges: dict[str, str]) -> str:
    seen = {actor_id}
    while actor_id in merges and merges[actor_id] not in seen:
        actor_id = merges[actor_id]
        seen.add(actor_id)
    return actor_id


def merged_rollup(
    merges: dict[str, str], rollup: Callable[[str], str] | None = None
) -> Callable[[str], str] | None:
    """A roll-up that first applies the corpus merges (None when there is nothing to do)."""
    if not merges:
        return rollup
    if rollup is None:
        return lambda actor_id: merges.get(actor_id, actor_id)
    inner = rollup
    return lambda actor_id: inner(merges.get(actor_id, actor_id))
