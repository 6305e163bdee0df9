"""The CAMEO <-> PLOVER correspondence: event codes, quad classes and actor codes.

The table is data (``interop/data/cameo.yaml``) that a user's file extends or overrides key by
key. Importers (GDELT, ICEWS) read CAMEO event codes through :meth:`CameoTable.plover`; the
CAMEO exporter goes the other way with :meth:`CameoTable.cameo`. Cells where the two schemes do
not line up carry a ``lossy`` note, which the records keep and docs/interop.md lists.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import LexiconError
from ..lexicon.io import read_mapping
from ..schema import CATEGORIES

if TYPE_CHECKING:
    from ..kb import ActorKB

__all__ = ["CameoCode", "CameoTable", "PloverMapping", "load_cameo", "normalize_code"]

_SECTIONS = ("to_plover", "from_plover", "names", "quad_class", "roles", "groups")


def _default_path() -> Path:
    return Path(str(resources.files("allegiance.interop").joinpath("data/cameo.yaml")))


def normalize_code(value: Any) -> str | None:
    """A CAMEO event code as the table keys it, or ``None`` when it is not one.

    Spreadsheets drop the leading zero ("42" for "042", "874" for "0874"); a code whose first
    two digits are not a root (01..20) gets it back.

    >>> normalize_code("190"), normalize_code(42), normalize_code(" 874 "), normalize_code("---")
    ('190', '042', '0874', None)
    """
    text = str(value if value is not None else "").strip()
    if not text.isdigit() or not 2 <= len(text) <= 4:
        return None
    if not 1 <= int(text[:2]) <= 20:
        text = "0" + text
    if len(text) > 4 or not 1 <= int(text[:2]) <= 20:
        return None
    return text


@dataclass(frozen=True, slots=True)
class PloverMapping:
    """What a CAMEO code means in PLOVER: category (None: not coded), mode, lossy note."""

    code: str
    category: str | None
    mode: str | None = None
    lossy: str | None = None


@dataclass(frozen=True, slots=True)
class CameoCode:
    """The CAMEO code a PLOVER category (and mode) exports as, with its lossy note."""

    code: str
    name: str | None
    quad_class: int | None
    lossy: str | None = None


@dataclass(frozen=True)
class CameoTable:
    """The loaded correspondence (see the module docstring)."""

    to_plover: Mapping[str, PloverMapping]
    from_plover: Mapping[str, dict[str, Any]]
    names: Mapping[str, str]
    quad_classes: Mapping[str, int]
    roles: Mapping[str, str]
    groups: Mapping[str, str]
    non_countries: frozenset[str] = frozenset()
    icews_sectors: tuple[tuple[str, str], ...] = ()
    _group_codes: dict[str, str] = field(default_factory=dict)

    def plover(self, code: Any) -> PloverMapping | None:
        """The PLOVER reading of a CAMEO event code (longest listed prefix), or ``None``.

        ``None`` means the code is not a CAMEO code at all; a code that PLOVER does not cover
        (root 01) gives a mapping whose ``category`` is ``None``.

        >>> t = load_cameo()
        >>> m = t.plover("1951"); (m.code, m.category, m.mode)
        ('195', 'ASSAULT', 'aerial')
        >>> t.plover("010").category is None, t.plover("abc")
        (True, None)
        """
        norm = normalize_code(code)
        if norm is None:
            return None
        for n in range(len(norm), 1, -1):
            hit = self.to_plover.get(norm[:n])
            if hit is not None:
                return hit
        return None

    def name(self, code: Any) -> str | None:
        """The CAMEO wording of a code (of its longest named prefix)."""
        norm = normalize_code(code)
        if norm is None:
            return None
        for n in range(len(norm), 1, -1):
            if norm[:n] in self.names:
                return self.names[norm[:n]]
        return None

    def quad_class(self, code: Any) -> int | None:
        """The CAMEO/GDELT quad class of a code's root (1..4), or ``None``."""
        norm = normalize_code(code)
        return self.quad_classes.get(norm[:2]) if norm else None

    def cameo(self, category: str, mode: str | None = None) -> CameoCode:
        """The CAMEO code a PLOVER category (refined by mode when listed) exports as.

        >>> t = load_cameo()
        >>> t.cameo("ASSAULT", "aerial").code, t.cameo("ASSAULT").code, t.cameo("OPPOSE").lossy[:6]
        ('195', '190', 'OPPOSE')
        """
        spec = self.from_plover.get(category)
        if spec is None:
            raise LexiconError(f"no CAMEO code for category {category!r} in the CAMEO table")
        by_mode = (spec.get("modes") or {}).get(mode)
        code = str(by_mode or spec["code"])
        # The note is about the category's default code; a listed mode has its exact code.
        lossy = None if by_mode else spec.get("lossy")
        return CameoCode(code, self.name(code), self.quad_class(code), lossy)

    # -- actors --------------------------------------------------------------------------------
    def actor_id(
        self,
        code: str | None,
        *,
        country: str | None = None,
        group: str | None = None,
        kb: ActorKB | None = None,
    ) -> str | None:
        """The KB id a CAMEO actor code names ("IRNMIL" -> "IRN.MIL"), else ``cameo:CODE``.

        Args:
            code: the CAMEO actor code (3-letter parts), may be empty.
            country: the dataset's own country field when it has one (GDELT ActorNCountryCode).
            group: the known-group field when it has one (GDELT ActorNKnownGroupCode).
            kb: when given, only ids the KB has are returned as KB ids.

        >>> t = load_cameo()
        >>> t.actor_id("IRNMIL"), t.actor_id("IGOUNO"), t.actor_id("USABUS"), t.actor_id("")
        ('IRN.MIL', 'UN', 'cameo:USABUS', None)
        """
        code = (code or "").strip().upper()
        parts = [code[i : i + 3] for i in range(0, len(code), 3)]
        known = (lambda actor_id: actor_id in kb) if kb is not None else (lambda actor_id: True)
        for g in ([group.strip().upper()] if group and group.strip() else []) + parts:
            gid = self.groups.get(g)
            if gid and known(gid):
                return gid
        nation = (country or "").strip().upper() or None
        if nation is None and parts and parts[0] not in self.non_countries:
            nation = parts[0]
        if nation and not known(nation):
            nation = None
        if nation:
            for part in parts:
                role = self.roles.get(part)
                if role and known(f"{nation}.{role}"):
                    return f"{nation}.{role}"
            if len(parts) > 1:
                # A country's business, labour or opposition is not its state: keep the code.
                return f"cameo:{code}"
            return nation
        return f"cameo:{code}" if code else None

    def agent_code(self, actor_id: str | None) -> str | None:
        """The CAMEO agent (role) code of a sub-actor id ("IRN.MIL" -> "MIL"), else ``None``.

        >>> load_cameo().agent_code("USA.POL"), load_cameo().agent_code("USA")
        ('COP', None)
        """
        _, _, tail = (actor_id or "").partition(".")
        return next((code for code, role in self.roles.items() if role == tail), None)

    def actor_code(self, actor_id: str | None, kb: ActorKB | None = None) -> str | None:
        """The CAMEO actor code of a KB id ("IRN.MIL" -> "IRNMIL", "UN" -> "IGOUNO" style).

        Uses the ``roles`` and ``groups`` tables backwards; an id they do not cover (a person,
        an agency) gives the code of its nearest ancestor that has one ("PER.X" whose parent
        is "USA.GOV" -> "USAGOV"), else its country's code from the KB, else ``None``.

        >>> load_cameo().actor_code("IRN.MIL"), load_cameo().actor_code("UN")
        ('IRNMIL', 'UNO')
        """
        if not actor_id:
            return None
        if actor_id.startswith("cameo:"):
            return actor_id[6:]
        chain = [actor_id, *(kb.ancestors(actor_id) if kb is not None else ())]
        for aid in chain:
            code = self._own_code(aid, kb)
            if code:
                return code
        return kb.country_of(actor_id) if kb is not None else None

    def _own_code(self, actor_id: str, kb: ActorKB | None) -> str | None:
        if actor_id in self._group_codes:
            return self._group_codes[actor_id]
        head, _, tail = actor_id.partition(".")
        if kb is not None:
            base = kb.get(head)
            is_state = base is not None and base.type == "state"
        else:
            # KB conventions: people are PER.*, role-only actors GEN.*; the rest are ISO codes
            is_state = len(head) == 3 and head.isalpha() and head.isupper()
            is_state = is_state and head not in ("PER", "GEN")
        if not is_state:
            return None
        if not tail:
            return head
        agent = self.agent_code(actor_id)
        return head + agent if agent else None


def _mapping(key: str, value: Any, path: Path) -> PloverMapping:
    if isinstance(value, str) or value is None:
        value = {"category": value}
    if not isinstance(value, Mapping):
        raise LexiconError(f"{path}: to_plover {key!r}: must be a category or a mapping")
    category = value.get("category")
    mode = value.get("mode")
    if isinstance(category, str) and "/" in category:
        category, mode = category.split("/", 1)
    if category is not None and category not in CATEGORIES:
        raise LexiconError(f"{path}: to_plover {key!r}: unknown category {category!r}")
    return PloverMapping(key, category, mode, value.get("lossy"))


@lru_cache(maxsize=8)
def _load(paths: tuple[str, ...]) -> CameoTable:
    sections: dict[str, dict[str, Any]] = {s: {} for s in _SECTIONS}
    non_countries: set[str] = set()
    sectors: list[list[tuple[str, str]]] = []
    for p in (_default_path(), *map(Path, paths)):
        data = read_mapping(p)
        for section in _SECTIONS:
            block = data.get(section) or {}
            if not isinstance(block, Mapping):
                raise LexiconError(f"{p}: section {section!r} must be a mapping")
            for key, value in block.items():
                sections[section][str(key)] = (value, p)
        non_countries.update(str(x).upper() for x in data.get("non_countries") or ())
        sectors.append([])
        for i, item in enumerate(data.get("icews_sectors") or ()):
            if not isinstance(item, Mapping) or not item.get("word") or not item.get("role"):
                raise LexiconError(f"{p}: icews_sectors[{i}]: needs 'word' and 'role'")
            sectors[-1].append((str(item["word"]).lower(), str(item["role"])))
    to_plover = {}
    for key, (value, p) in sections["to_plover"].items():
        norm = normalize_code(key)
        if norm is None or norm != key:
            raise LexiconError(f'{p}: to_plover {key!r}: not a CAMEO code (quote it: "04")')
        to_plover[key] = _mapping(key, value, p)
    from_plover = {}
    for key, (value, p) in sections["from_plover"].items():
        if key not in CATEGORIES:
            raise LexiconError(f"{p}: from_plover {key!r}: unknown category")
        if not isinstance(value, Mapping) or normalize_code(value.get("code")) is None:
            raise LexiconError(f"{p}: from_plover {key!r}: needs a CAMEO 'code'")
        from_plover[key] = dict(value)
    missing = sorted(set(CATEGORIES) - set(from_plover))
    if missing:
        raise LexiconError(f"{_default_path()}: from_plover lacks {missing}")
    groups = {k.upper(): str(v) for k, (v, _) in sections["groups"].items()}
    return CameoTable(
        to_plover=to_plover,
        from_plover=from_plover,
        names={k: str(v) for k, (v, _) in sections["names"].items()},
        quad_classes={k: int(v) for k, (v, _) in sections["quad_class"].items()},
        roles={k.upper(): str(v) for k, (v, _) in sections["roles"].items()},
        groups=groups,
        non_countries=frozenset(non_countries),
        # later files first, so a user's sector words win over the packaged ones
        icews_sectors=tuple(pair for block in sectors[::-1] for pair in block),
        _group_codes={v: k for k, v in groups.items()},
    )


def load_cameo(paths: Iterable[str | Path] = ()) -> CameoTable:
    """Load the packaged CAMEO table and the user's files over it (cached).

    Raises:
        LexiconError: one line naming the file and the entry at fault.
    """
    return _load(tuple(str(p) for p in paths))
