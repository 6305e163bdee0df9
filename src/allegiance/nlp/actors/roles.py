"""The word lists of ``actor_roles.yaml`` that decide an actor's role in the text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ...lexicon.io import lexicon_layers

#: The bundled lexicon of actor roles (outlets as sources, generic actors, defined aliases,
#: non-actors, places).
ROLES_FILE = Path(__file__).resolve().parents[2] / "lexicon" / "data" / "actor_roles.yaml"
AUTHOR_ID = "GEN.AUTHOR"


@dataclass(frozen=True)
class ActorRoles:
    """The word lists of ``actor_roles.yaml`` (see that file for what each one decides)."""

    outlet_subject_verbs: frozenset[str]
    outlet_addressee_verbs: frozenset[str]
    outlet_with_nouns: frozenset[str]
    outlet_in_verbs: frozenset[str]
    outlet_possessed_nouns: frozenset[str]
    generic_examples: tuple[tuple[str, ...], ...]
    alias_cues: tuple[tuple[str, ...], ...]
    alias_cues_no_comma: tuple[tuple[str, ...], ...]
    non_actor_prefixes: frozenset[str]
    non_actor_heads: frozenset[str]
    place_prepositions: frozenset[str]
    place_verbs: frozenset[str]
    author_outlet_types: frozenset[str] = frozenset()
    member_generics: frozenset[str] = frozenset()


def load_actor_roles(paths: Sequence[str] = ()) -> ActorRoles:
    """Load ``actor_roles.yaml`` and user files over it (lists are added to).

    Raises:
        LexiconError: when a file cannot be read or is not a mapping.
    """
    words: dict[str, set[str]] = {}
    seqs: dict[str, set[tuple[str, ...]]] = {}
    for _path, data in lexicon_layers((ROLES_FILE,), paths):
        for key, value in data.items():
            if not isinstance(value, list):
                continue
            if value and isinstance(value[0], list):
                seqs.setdefault(key, set()).update(
                    tuple(str(w).lower() for w in v) for v in value if v
                )
            else:
                words.setdefault(key, set()).update(str(w).lower() for w in value)

    def w(key: str) -> frozenset[str]:
        return frozenset(words.get(key, ()))

    def q(key: str) -> tuple[tuple[str, ...], ...]:
        # longest cue first, so "also known as" is tried before "known as"
        return tuple(sorted(seqs.get(key, ()), key=lambda t: (-len(t), t)))

    return ActorRoles(
        outlet_subject_verbs=w("outlet_subject_verbs"),
        outlet_addressee_verbs=w("outlet_addressee_verbs"),
        outlet_with_nouns=w("outlet_with_nouns"),
        outlet_in_verbs=w("outlet_in_verbs"),
        outlet_possessed_nouns=w("outlet_possessed_nouns"),
        generic_examples=q("generic_examples"),
        alias_cues=q("alias_cues"),
        alias_cues_no_comma=q("alias_cues_no_comma"),
        non_actor_prefixes=w("non_actor_prefixes"),
        non_actor_heads=w("non_actor_heads"),
        place_prepositions=w("place_prepositions"),
        place_verbs=w("place_verbs"),
        author_outlet_types=w("author_outlet_types"),
        member_generics=w("member_generics"),
    )
