"""The actor knowledge base: canonical actors, their surface forms, and their parent links.

Data files (``kb/data/*.yaml``, then any user files, in order) are merged key by key: an entry
whose ``id`` already exists replaces the fields it gives and keeps the others. Sub-actors
("IRN.MIL", "USA.GOV", "SHIA.MILITIA") are generated from the agent lexicon for every country
and community unless a file defines them. Everything is validated on load; an error names the
file and the entry.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import KnowledgeBaseError, LexiconError, Messages
from ..lexicon.io import read_yaml
from ..schema import ACTOR_TYPES
from .agents import AgentLexicon, load_agents

__all__ = ["DEFAULT_FILES", "Actor", "ActorKB", "normalize"]

logger = logging.getLogger(__name__)

#: The packaged data files, loaded in this order.
DEFAULT_FILES: tuple[str, ...] = (
    "countries.yaml",
    "igos.yaml",
    "groups.yaml",
    "communities.yaml",
    "generics.yaml",
    "outlets.yaml",
    "parties.yaml",
    "companies.yaml",
    "people.yaml",
)

_FIELDS = frozenset(
    {"id", "name", "type", "country", "parent", "sector", "aliases", "adjectives", "metonyms",
     "role", "affiliation"}
)  # fmt: skip
_LIST_FIELDS = ("aliases", "adjectives", "metonyms")
_COMMUNITY_TYPES = frozenset({"ethnic_group", "religious_group"})

#: the agent classes whose words, after a party's name, name the party itself ("Republican
#: leaders", "Labour MPs", "BJP lawmakers"); others name some other body ("Republican voters")
_PARTY_CLASSES = frozenset({"government", "legislature"})
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "–": "-", "—": "-"})
_POSSESSIVE = re.compile(r"'s?$")
_PUNCT = re.compile(r"[^\w\s&+]")
_SPACE = re.compile(r"\s+")


def normalize(surface: str) -> str:
    """The lookup key of a surface form: case, diacritics, dots, apostrophes and hyphens folded.

    Args:
        surface: text as written, e.g. ``"the U.S."`` or ``"Da’esh"``.

    Returns:
        The normalised key (may be empty).

    >>> normalize("the U.S.'s"), normalize("Da’esh"), normalize("Kata'ib  Hezbollah")
    ('us', 'daesh', 'kataib hezbollah')
    """
    s = unicodedata.normalize("NFKD", surface.translate(_APOSTROPHES))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower().strip()
    s = _POSSESSIVE.sub("", s)
    s = s.replace("'", "").replace(".", "")
    s = _PUNCT.sub(" ", s.replace("-", " ").replace("_", " ").replace("/", " "))
    s = _SPACE.sub(" ", s).strip()
    if s.startswith("the "):
        s = s[4:]
    return s


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical actor: a country, organisation, group, community or person."""

    id: str
    name: str
    type: str
    country: str | None = None
    parent: str | None = None
    sector: str | None = None
    aliases: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    role: str | None = None
    affiliation: str | None = None


@dataclass(slots=True)
class _Raw:
    fields: dict[str, Any]
    path: str
    generated: bool = False


def _data_dir() -> Path:
    return Path(str(resources.files("allegiance.kb").joinpath("data")))


def _err(path: str, entry: str, reason: str) -> KnowledgeBaseError:
    return KnowledgeBaseError(Messages.KB_ENTRY.format(path=path, entry=entry, reason=reason))


def _read_file(path: Path) -> tuple[dict[str, Any], list[Any]]:
    try:
        data = read_yaml(path)
    except LexiconError as exc:
        raise KnowledgeBaseError(str(exc)) from exc
    if isinstance(data, list):
        return {}, data
    if not isinstance(data, dict) or not isinstance(data.get("actors"), list):
        raise KnowledgeBaseError(
            Messages.KB_FILE.format(path=path, reason="expected a mapping with an 'actors' list")
        )
    defaults = data.get("defaults") or {}
    if not isinstance(defaults, dict):
        raise KnowledgeBaseError(
            Messages.KB_FILE.format(path=path, reason="'defaults' must be a mapping")
        )
    return defaults, data["actors"]


def _clean_entry(entry: Any, defaults: dict[str, Any], path: str, index: int) -> dict[str, Any]:
    if not isinstance(entry, dict):
        raise _err(path, f"#{index + 1}", "must be a mapping with at least 'id'")
    actor_id = entry.get("id")
    if not isinstance(actor_id, str) or not actor_id.strip():
        raise _err(path, f"#{index + 1}", "missing or empty 'id'")
    unknown = sorted(set(entry) - _FIELDS)
    if unknown:
        raise _err(path, actor_id, f"unknown field(s) {unknown}; allowed: {sorted(_FIELDS)}")
    out: dict[str, Any] = {}
    for key, value in entry.items():
        if key in _LIST_FIELDS:
            if value is None:
                value = []
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise _err(path, actor_id, f"'{key}' must be a list of strings")
            out[key] = tuple(v.strip() for v in value if v.strip())
        elif value is not None and not isinstance(value, str):
            raise _err(path, actor_id, f"'{key}' must be a string")
        else:
            out[key] = value.strip() if isinstance(value, str) else None
    for key, value in defaults.items():
        if key not in _FIELDS or key == "id":
            raise _err(path, "defaults", f"unknown field {key!r}")
        out.setdefault(key, value)
    return out


class ActorKB:
    """Canonical actors and the surface forms that name them.

    >>> kb = ActorKB.load()
    >>> kb.lookup("the U.S.").id, kb.lookup_adjective("Iranian").id
    ('USA', 'IRN')
    >>> kb.sub_actor("IRN", "troops").id, kb.roll_up("IRN.IRGC.QUDS", "country")
    ('IRN.MIL', 'IRN')
    """

    def __init__(
        self,
        actors: dict[str, Actor],
        aliases: dict[str, str],
        adjectives: dict[str, str],
        agents: AgentLexicon,
        surface: list[tuple[str, str]],
        metonyms: list[tuple[str, str]],
    ) -> None:
        self._actors = actors
        self._aliases = aliases
        self._adjectives = adjectives
        self.agents = agents
        self._surface = surface
        self._metonyms = metonyms
        self._fuzzy_keys: list[str] | None = None

    # -- loading ---------------------------------------------------------------------------
    @classmethod
    def load(
        cls,
        extra: Iterable[str | Path] = (),
        *,
        defaults: bool = True,
        lexicon_paths: Iterable[str | Path] = (),
    ) -> ActorKB:
        """Load the packaged data files and then the user's files, in order (cached).

        Args:
            extra: user YAML files that add actors or override entries key by key.
            defaults: load the packaged data first (``False``: only ``extra``).
            lexicon_paths: user lexicon files; their ``agents`` entries (agent classes and
                their words) extend ``lexicon/data/agents.yaml`` for the generated sub-actors.

        Raises:
            KnowledgeBaseError: naming the file and the entry that is wrong.
        """
        key = tuple(str(Path(p).resolve()) for p in extra)
        lexicon = tuple(str(Path(p).resolve()) for p in lexicon_paths)
        return _load_cached(key, defaults, lexicon)

    @classmethod
    def _build(cls, paths: Iterable[Path], lexicon_paths: tuple[str, ...] = ()) -> ActorKB:
        agents = load_agents(lexicon_paths)
        raw: dict[str, _Raw] = {}
        for path in paths:
            defaults, entries = _read_file(path)
            seen_here: set[str] = set()
            for i, entry in enumerate(entries):
                fields = _clean_entry(entry, defaults, str(path), i)
                actor_id = fields["id"]
                if actor_id in seen_here:
                    raise _err(str(path), actor_id, "defined twice in the same file")
                seen_here.add(actor_id)
                if actor_id in raw:
                    raw[actor_id].fields.update(fields)  # key-by-key override
                    raw[actor_id].path = str(path)
                else:
                    raw[actor_id] = _Raw(dict(fields), str(path))
        _generate_sub_actors(raw, agents)
        actors = _validate(raw)
        aliases, adjectives, surface, metonyms = _index(actors, raw)
        return cls(actors, aliases, adjectives, agents, surface, metonyms)

    # -- access ------------------------------------------------------------------------------
    def get(self, actor_id: str) -> Actor | None:
        """The actor with this id, or ``None``."""
        return self._actors.get(actor_id)

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._actors

    def __len__(self) -> int:
        return len(self._actors)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self._actors.values())

    def lookup(self, surface: str) -> Actor | None:
        """The actor an alias or metonym names, exactly after :func:`normalize`.

        Metonyms resolve to the government: ``lookup("Tehran")`` is ``IRN.GOV``.
        """
        actor_id = self._aliases.get(normalize(surface))
        return self._actors.get(actor_id) if actor_id else None

    def lookup_adjective(self, surface: str) -> Actor | None:
        """The actor a demonym or adjective names ("Iranian" → IRN, "Shiite" → SHIA)."""
        actor_id = self._adjectives.get(normalize(surface))
        return self._actors.get(actor_id) if actor_id else None

    def sub_actor(self, base_id: str, agent: str) -> Actor | None:
        """The part of an actor an agent noun names.

        ``("IRN", "troops")`` → IRN.MIL, ``("TUR", "government")`` → TUR.GOV, ``("SHIA",
        "militias")`` → SHIA.MILITIA; for an organisation its agents are the organisation
        itself (``("ISIL", "fighters")`` → ISIL), except a company's workers, who are not the
        company. ``None`` when the word is no agent noun.
        """
        base = self._actors.get(base_id)
        hit = self.agents.classify(agent)
        if base is None or hit is None:
            return None
        class_name = hit[0]
        if base.type == "state":
            return self._actors.get(f"{base.id}.{self.agents.classes[class_name].suffix}")
        if base.type in _COMMUNITY_TYPES:
            mapped = self.agents.community_map.get(class_name, class_name)
            if mapped == "self":
                # "Shia leaders" are the Shia community; it has no government ("Shia-led
                # government" names a country's)
                return base if hit[1] == 0 else None
            if mapped not in self.agents.community_classes:
                return None
            return self._actors.get(f"{base.id}.{self.agents.classes[mapped].suffix}")
        if base.type == "person":
            return None
        if base.sector == "business" and class_name == "civilians":
            return None  # "Boeing workers", "Hyundai strikers": a company's staff are not it
        if base.type == "party" and hit[1] > 0 and class_name not in _PARTY_CLASSES:
            return None  # "Republican voters", "ANC troops": not the party itself
        return base

    def fuzzy(self, surface: str, *, cutoff: float = 90) -> tuple[Actor, float] | None:
        """The actor whose alias is closest to ``surface`` (rapidfuzz ratio), when close enough.

        Only strings of at least 5 characters are tried, against aliases of at least 5.
        """
        from rapidfuzz import fuzz, process

        key = normalize(surface)
        if len(key) < 5:
            return None
        exact = self._aliases.get(key)
        if exact:
            return self._actors[exact], 100.0
        if self._fuzzy_keys is None:
            self._fuzzy_keys = [k for k in self._aliases if len(k) >= 5]
        hit = process.extractOne(key, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=cutoff)
        if hit is None:
            return None
        return self._actors[self._aliases[hit[0]]], float(hit[1])

    def ancestors(self, actor_id: str) -> list[str]:
        """The parent chain of an actor, nearest first."""
        chain: list[str] = []
        actor = self._actors.get(actor_id)
        while actor is not None and actor.parent and actor.parent not in chain:
            chain.append(actor.parent)
            actor = self._actors.get(actor.parent)
        return chain

    def country_of(self, actor_id: str) -> str | None:
        """The ISO alpha-3 country of an actor (its own or its nearest ancestor's)."""
        for aid in (actor_id, *self.ancestors(actor_id)):
            actor = self._actors.get(aid)
            if actor is not None and actor.country:
                return actor.country
        return None

    def roll_up(self, actor_id: str, level: str) -> str:
        """The actor to count a mention under at a coarser level.

        Args:
            actor_id: any actor id (unknown ids are returned unchanged).
            level: ``"actor"`` (unchanged), ``"parent"`` (the top organisation below the
                country, or the country itself) or ``"country"`` (the ISO id when the actor has
                a country, else its top ancestor).
        """
        if level == "actor" or actor_id not in self._actors:
            return actor_id
        chain = [actor_id, *self.ancestors(actor_id)]
        if level == "country":
            return self.country_of(actor_id) or chain[-1]
        if level != "parent":
            raise ValueError(f"unknown roll-up level {level!r} (use actor, parent or country)")
        top = chain[0]
        for aid in chain:
            actor = self._actors.get(aid)
            if actor is not None and actor.type == "state":
                return top if aid != chain[0] else aid
            top = aid
        return top

    def surface_forms(self) -> Iterator[tuple[str, str]]:
        """Every alias (and name) as written, with the actor id it names (for matchers)."""
        return iter(self._surface)

    def metonym_forms(self) -> Iterator[tuple[str, str]]:
        """Every metonym as written ("Tehran"), with the actor id it stands for (IRN.GOV)."""
        return iter(self._metonyms)

    def adjective_forms(self) -> Iterator[tuple[str, str]]:
        """Every demonym or adjective as written, with the actor id it names."""
        for actor in self._actors.values():
            for adj in actor.adjectives:
                yield adj, actor.id


@lru_cache(maxsize=8)
def _load_cached(extra: tuple[str, ...], defaults: bool, lexicon: tuple[str, ...] = ()) -> ActorKB:
    paths: list[Path] = [_data_dir() / name for name in DEFAULT_FILES] if defaults else []
    paths.extend(Path(p) for p in extra)
    return ActorKB._build(paths, lexicon)


def _adjective_of(fields: dict[str, Any]) -> str:
    adjectives = fields.get("adjectives") or ()
    return adjectives[0] if adjectives else fields.get("name") or fields["id"]


def _generate_sub_actors(raw: dict[str, _Raw], agents: AgentLexicon) -> None:
    for base_id, base in list(raw.items()):
        btype = base.fields.get("type")
        if btype == "state":
            class_names: Iterable[str] = agents.classes
        elif btype in _COMMUNITY_TYPES:
            class_names = agents.community_classes
        else:
            continue
        adj = _adjective_of(base.fields)
        for class_name in class_names:
            cls = agents.classes[class_name]
            sub_id = f"{base_id}.{cls.suffix}"
            generated: dict[str, Any] = {
                "id": sub_id,
                "name": cls.template.format(adj=adj, name=base.fields.get("name", base_id)),
                "type": cls.type,
                "sector": cls.sector,
                "country": base_id if btype == "state" else None,
                "parent": base_id if (cls.organ or btype != "state") else None,
                "aliases": (),
                "adjectives": (),
                "metonyms": (),
            }
            if sub_id in raw:
                for key, value in generated.items():
                    if raw[sub_id].fields.get(key) is None:
                        raw[sub_id].fields[key] = value
            else:
                raw[sub_id] = _Raw(generated, base.path, generated=True)


def _validate(raw: dict[str, _Raw]) -> dict[str, Actor]:
    for actor_id, item in raw.items():
        f = item.fields
        if not f.get("name"):
            raise _err(item.path, actor_id, "missing 'name'")
        if f.get("type") not in ACTOR_TYPES:
            raise _err(
                item.path,
                actor_id,
                f"unknown type {f.get('type')!r}; use one of {list(ACTOR_TYPES)}",
            )
        if f.get("type") == "state":
            f["country"] = f.get("country") or actor_id
        if f.get("type") == "person" and not f.get("parent"):
            f["parent"] = f.get("affiliation")
        for key in ("parent", "affiliation", "country"):
            ref = f.get(key)
            if ref and ref not in raw:
                raise _err(item.path, actor_id, f"{key} {ref!r} is not a known actor id")
        country = f.get("country")
        if country and raw[country].fields.get("type") != "state":
            raise _err(item.path, actor_id, f"country {country!r} is not a state")
    for actor_id, item in raw.items():
        seen = {actor_id}
        parent = item.fields.get("parent")
        while parent:
            if parent in seen:
                raise _err(item.path, actor_id, "parent links form a cycle")
            seen.add(parent)
            parent = raw[parent].fields.get("parent")
    return {
        actor_id: Actor(
            id=actor_id,
            name=f["name"],
            type=f["type"],
            country=f.get("country"),
            parent=f.get("parent"),
            sector=f.get("sector"),
            aliases=tuple(f.get("aliases") or ()),
            adjectives=tuple(f.get("adjectives") or ()),
            metonyms=tuple(f.get("metonyms") or ()),
            role=f.get("role"),
            affiliation=f.get("affiliation"),
        )
        for actor_id, item in ((a, r) for a, r in raw.items())
        for f in (item.fields,)
    }


def _index(
    actors: dict[str, Actor], raw: dict[str, _Raw]
) -> tuple[dict[str, str], dict[str, str], list[tuple[str, str]], list[tuple[str, str]]]:
    aliases: dict[str, str] = {}
    metonyms: list[tuple[str, str]] = []
    adjectives: dict[str, str] = {}
    surface: list[tuple[str, str]] = []

    def claim(table: dict[str, str], form: str, target: str, owner: str, what: str) -> None:
        key = normalize(form)
        if not key:
            return
        other = table.get(key)
        if other is not None and other != target:
            raise _err(
                raw[owner].path,
                owner,
                f"{what} {form!r} already names {other!r}; override that entry to move it",
            )
        table[key] = target

    for actor in actors.values():
        for alias in actor.aliases:
            claim(aliases, alias, actor.id, actor.id, "alias")
            surface.append((alias, actor.id))
        if actor.metonyms:
            gov = (
                f"{actor.id}.GOV"
                if actor.type == "state" and f"{actor.id}.GOV" in actors
                else actor.id
            )
            for metonym in actor.metonyms:
                claim(aliases, metonym, gov, actor.id, "metonym")
                metonyms.append((metonym, gov))
        for adj in actor.adjectives:
            claim(adjectives, adj, actor.id, actor.id, "adjective")
    # Names are looked up too, but never displace an alias (generated names are not surface forms).
    for actor in actors.values():
        if not raw[actor.id].generated:
            key = normalize(actor.name)
            if key and key not in aliases:
                aliases[key] = actor.id
                surface.append((actor.name, actor.id))
    return aliases, adjectives, surface, metonyms
