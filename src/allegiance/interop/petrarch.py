"""Read PETRARCH/TABARI (CAMEO) actor and agent dictionaries into allegiance's KB format.

An actor dictionary holds entries of a name line, synonym lines and code lines::

    # comment                          <!-- a comment block -->
    UNITED_STATES_ [USA]               a name with its code on the same line
    +AMERICA_                          a synonym (words joined by _, a trailing _ ends the word)
    BARACK_OBAMA_                      a person...
    [USAELI 19610804-20090119]         ...with date-restricted roles
    [USAGOV 20090120-20170120]
    [USAELI >20170121]                 (also <DATE; dates YYYYMMDD or YYMMDD)

Each entry is looked up in the KB first: a name or synonym it knows makes the entry an override
of that actor that adds the new spellings. An entry whose code is a bare country code adds its
names to the country. Any other entry becomes a new actor: a person when it has date-restricted
roles (``affiliation`` = the KB actor of the role held on ``as_of``, default the latest), else an
organisation under the KB actor of its code ("[IRNMIL]" -> parent ``IRN.MIL``). An alias the KB
or an earlier entry already has is dropped with a warning, so the written file always loads.

An agent dictionary (``POLICE~ [~COP]``, ``SOLDIER~ {SOLDIERS} [~MIL]``) adds its words to the
agent classes of ``lexicon/data/agents.yaml``; :func:`agents_yaml` writes a complete agents file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from ..errors import InputError
from ..kb.store import normalize
from ..lexicon.io import DATA_DIR, read_mapping
from .cameo import CameoTable, load_cameo
from .events import ImportReport

if TYPE_CHECKING:
    from ..kb import ActorKB

__all__ = [
    "AgentWord",
    "PetrarchEntry",
    "PetrarchRole",
    "agents_yaml",
    "kb_entries",
    "kb_yaml",
    "read_agents",
    "read_petrarch",
]

_CODE = re.compile(r"\[\s*~?([A-Z0-9]{3,})(?:\s+([<>]?\d{6,8})(?:\s*-\s*(\d{6,8}))?)?\s*\]")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_SMALL = frozenset({"of", "the", "and", "for", "in", "on", "al", "el", "bin", "ibn", "de", "du"})
#: CAMEO role code -> KB actor type, for new organisations
_ROLE_TYPES = {
    "GOV": "government", "MIL": "military", "COP": "police", "SPY": "government",
    "LEG": "government", "JUD": "government", "REB": "rebel", "INS": "insurgent",
    "SEP": "rebel", "UAF": "militia", "MED": "media", "PTY": "party", "OPP": "party",
    "NGO": "ngo", "IGO": "igo", "CVL": "other",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class PetrarchRole:
    """One code of an entry, valid from ``start`` to ``end`` (ISO dates, None: open)."""

    code: str
    start: str | None = None
    end: str | None = None

    def valid_on(self, day: str) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class PetrarchEntry:
    """One actor entry: its names as written (first is the main one) and its roles."""

    names: list[str]
    roles: list[PetrarchRole] = field(default_factory=list)
    line: int = 0


@dataclass(frozen=True, slots=True)
class AgentWord:
    """One agent dictionary word ("police") and its CAMEO role code ("COP")."""

    word: str
    code: str
    line: int


def _day(value: str | None) -> str | None:
    if not value:
        return None
    digits = value.lstrip("<>")
    if len(digits) == 6:  # YYMMDD: TABARI's two-digit years (00-29 are 20xx)
        century = "20" if int(digits[:2]) < 30 else "19"
        digits = century + digits
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8])).isoformat()
    except ValueError:
        return None


def _role(match: re.Match[str], where: str, report: ImportReport) -> PetrarchRole | None:
    code, first, last = match.group(1), match.group(2), match.group(3)
    if first is None:
        return PetrarchRole(code)
    start, end = _day(first), _day(last)
    if start is None or (last and end is None):
        report.warn(f"{where}: bad date in {match.group(0)!r}; code skipped")
        return None
    if first.startswith("<"):
        return PetrarchRole(code, None, start)
    if first.startswith(">"):
        return PetrarchRole(code, start, None)
    return PetrarchRole(code, start, end if last else start)


def _phrase(raw: str) -> str:
    """A dictionary phrase ("UNITED_STATES_") as a display name ("United States")."""
    words = [w for w in raw.strip().strip("_").replace("_", " ").split() if w]
    if len(words) == 1 and len(words[0]) <= 3 and words[0].isupper():
        return words[0]  # an acronym: UN, US (the KB matches these only in capitals)
    out = []
    for i, w in enumerate(words):
        lw = w.lower()
        if i and lw in _SMALL:
            out.append(lw)
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(out)


def _lines(path: str | Path) -> Iterator[tuple[int, str]]:
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror})") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")

    # Comment blocks may span lines: blank them but keep the line numbers.
    def blank(m: re.Match[str]) -> str:
        return "\n" * m.group(0).count("\n")

    text = _COMMENT.sub(blank, text)
    for lineno, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if line:
            yield lineno, line


def read_petrarch(path: str | Path, report: ImportReport | None = None) -> list[PetrarchEntry]:
    """The entries of a PETRARCH/TABARI actor dictionary, one warning per unreadable line.

    >>> import tempfile, os
    >>> text = "UNITED_STATES_ [USA]\\n+AMERICA_\\nBARACK_OBAMA_\\n[USAGOV 20090120-20170120]\\n"
    >>> with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
    ...     _ = f.write(text)
    >>> [(e.names, [r.code for r in e.roles]) for e in read_petrarch(f.name)]
    [(['United States', 'America'], ['USA']), (['Barack Obama'], ['USAGOV'])]
    >>> os.unlink(f.name)
    """
    report = report if report is not None else ImportReport()
    entries: list[PetrarchEntry] = []
    current: PetrarchEntry | None = None
    for lineno, line in _lines(path):
        where = f"{path}:{lineno}"
        if any(c in line for c in "!&{}"):
            report.warn(f"{where}: pattern macros ({line[:40]!r}) are not read; line skipped")
            continue
        codes = list(_CODE.finditer(line))
        rest = _CODE.sub(" ", line).strip()
        if rest.startswith("+"):
            name = _phrase(rest[1:])
            if current is None or not name:
                report.warn(f"{where}: synonym {rest!r} before any actor; line skipped")
                continue
            current.names.append(name)
        elif rest:
            if not re.fullmatch(r"[\w'.\-]+", rest):
                report.warn(f"{where}: cannot read {line[:60]!r}; line skipped")
                continue
            current = PetrarchEntry([_phrase(rest)], line=lineno)
            entries.append(current)
        elif not codes:
            report.warn(f"{where}: cannot read {line[:60]!r}; line skipped")
            continue
        for m in codes:
            if current is None:
                report.warn(f"{where}: code {m.group(0)!r} before any actor; line skipped")
                break
            role = _role(m, where, report)
            if role is not None:
                current.roles.append(role)
    return entries


def read_agents(path: str | Path, report: ImportReport | None = None) -> list[AgentWord]:
    """The words of a PETRARCH agent dictionary (``POLICE~ [~COP]``; plurals in braces)."""
    report = report if report is not None else ImportReport()
    words: list[AgentWord] = []
    for lineno, line in _lines(path):
        m = _CODE.search(line)
        head = _CODE.sub(" ", line)
        if m is None or "!" in head or "&" in head:
            report.warn(f"{path}:{lineno}: not an agent line like 'POLICE~ [~COP]'; skipped")
            continue
        main, _, braces = head.partition("{")
        for phrase in (main, braces.partition("}")[0]):
            form = " ".join(phrase.replace("~", " ").replace("_", " ").split()).lower()
            if form:
                words.append(AgentWord(form, m.group(1)[-3:], lineno))
    return words


# -- to the KB format ----------------------------------------------------------------------------


def _snake(name: str) -> str:
    return re.sub(r"[^A-Z0-9]+", "_", normalize(name).upper()).strip("_")


def _pick(roles: list[PetrarchRole], as_of: str | None) -> PetrarchRole | None:
    if not roles:
        return None
    if as_of:
        valid = [r for r in roles if r.valid_on(as_of)]
        if valid:
            return valid[-1]
        # no role that day: the last one held before it, else the first one after it
        before = [r for r in roles if r.end is not None and r.end < as_of]
        if before:
            return max(before, key=lambda r: r.end or "")
        return min(roles, key=lambda r: r.start or "")
    # the latest: open-ended first, then the latest end
    return max(roles, key=lambda r: (r.end is None, r.end or "", r.start or ""))


def _describe(roles: list[PetrarchRole]) -> str:
    parts = []
    for r in roles:
        span = f"{r.start or '…'}–{r.end or '…'}" if (r.start or r.end) else ""
        parts.append(f"CAMEO {r.code} {span}".strip())
    return "; ".join(parts)


def _existing(entry: PetrarchEntry, kb: ActorKB, code_id: str | None) -> Any:
    """The KB actor an entry is about: its main name's, or a synonym's that fits its code."""
    for i, name in enumerate(entry.names):
        actor = kb.lookup(name)
        if actor is None:
            continue
        if i == 0 or code_id is None or actor.id == code_id:
            return actor
        if code_id in kb.ancestors(actor.id) or kb.country_of(actor.id) == kb.country_of(code_id):
            return actor
    return None


def kb_entries(
    entries: Iterable[PetrarchEntry],
    kb: ActorKB,
    *,
    table: CameoTable | None = None,
    as_of: str | None = None,
    people: bool | None = None,
    report: ImportReport | None = None,
    where: str = "<dictionary>",
) -> list[dict[str, Any]]:
    """KB entries (dicts in the format of docs/kb.md) for PETRARCH entries, valid for ``kb``.

    Args:
        entries: from :func:`read_petrarch`.
        kb: the KB the file will extend (packaged plus the user's files); aliases it already
            has for another actor are dropped with a warning.
        table: the CAMEO table (roles and groups) for the codes.
        as_of: ISO date: people are affiliated with the role they held that day.
        people: True: every new entry is a person (a dictionary of people); False: none is;
            None: an entry with date-restricted roles is a person, the others organisations.
        report: collects one warning per dropped alias or unusable entry.
        where: the dictionary's name, for warnings.
    """
    table = table or load_cameo()
    report = report if report is not None else ImportReport()
    out: dict[str, dict[str, Any]] = {}
    aliases = _Aliases(kb, report, where)
    for entry in entries:
        report.counts["rows"] += 1
        role = _pick(entry.roles, as_of)
        code_id = _code_actor(role, table, kb)
        existing = _existing(entry, kb, code_id)
        if existing is None and role is not None and code_id and len(role.code) == 3:
            existing = kb.get(code_id)  # a bare country or group code: more names for it
        if existing is not None:
            new = aliases.take(existing.id, entry.names, entry.line)
            if new:
                ext = out.setdefault(
                    existing.id, {"id": existing.id, "aliases": list(existing.aliases)}
                )
                ext["aliases"] += [n for n in new if n not in ext["aliases"]]
                report.counts["extended"] += 1
            continue
        if role is None:
            report.counts["bad_rows"] += 1
            report.warn(f"{where}:{entry.line}: {entry.names[0]!r} has no code; entry skipped")
            continue
        person = people if people is not None else any(r.start or r.end for r in entry.roles)
        base = ("PER." if person else "") + _snake(entry.names[0])
        actor_id, n = base, 2
        while actor_id in kb or actor_id in out:
            actor_id, n = f"{base}_{n}", n + 1
        names = aliases.take(actor_id, entry.names, entry.line)
        item = _new_item(entry, role, code_id, person, actor_id, kb)
        if not names:
            report.counts["bad_rows"] += 1
            report.warn(
                f"{where}:{entry.line}: every name of {entry.names[0]!r} names another actor; "
                "entry skipped"
            )
            continue
        item["aliases"] = names
        out[actor_id] = {k: v for k, v in item.items() if v is not None}
        report.counts["added"] += 1
    return list(out.values())


class _Aliases:
    """The names new entries take, each for one actor: none the KB gives another actor."""

    def __init__(self, kb: ActorKB, report: ImportReport, where: str) -> None:
        self.kb, self.report, self.where = kb, report, where
        self.claimed: dict[str, str] = {}

    def take(self, actor_id: str, names: Iterable[str], line: int) -> list[str]:
        """The ``names`` that ``actor_id`` may add (a warning for each one dropped)."""
        kept = []
        for name in names:
            key = normalize(name)
            if not key:
                continue
            other = self.claimed.get(key)
            known = self.kb.lookup(name)
            if known is not None and known.id != actor_id:
                other = other or known.id
            if other is not None and other != actor_id:
                self.report.warn(
                    f"{self.where}:{line}: {name!r} already names {other}; alias dropped"
                )
                continue
            if (
                known is not None
                and known.id == actor_id
                and (name in known.aliases or key == normalize(known.name))
            ):
                continue  # the KB has it already
            self.claimed[key] = actor_id
            kept.append(name)
        return kept


def _code_actor(role: PetrarchRole | None, table: CameoTable, kb: ActorKB) -> str | None:
    """The KB actor of a role's CAMEO code (its country's when the KB has no sub-actor)."""
    code_id = table.actor_id(role.code, kb=kb) if role else None
    if code_id is not None and code_id.startswith("cameo:"):
        # a role the KB has no sub-actor for (ELI, BUS): the code's country
        code_id = table.actor_id(role.code[:3], kb=kb) if role else None
        code_id = None if code_id is None or code_id.startswith("cameo:") else code_id
    return code_id


def _new_item(
    entry: PetrarchEntry,
    role: PetrarchRole,
    code_id: str | None,
    person: bool,
    actor_id: str,
    kb: ActorKB,
) -> dict[str, Any]:
    """The KB entry of a new actor, without its aliases."""
    item: dict[str, Any] = {"id": actor_id, "name": entry.names[0]}
    country = kb.country_of(code_id) if code_id else None
    if person:
        item["type"] = "person"
        if code_id:
            item["affiliation"] = code_id
        item["role"] = _describe(entry.roles)
    else:
        agent = role.code[3:6] if len(role.code) >= 6 else role.code[:3]
        item["type"] = _ROLE_TYPES.get(agent, "other")
        under = kb.get(code_id) if code_id else None
        if under is not None and under.type != "state":
            item["parent"] = under.id
        item["sector"] = (under.sector if under is not None else None) or item["type"]
        item["role"] = _describe(entry.roles)
    if country:
        item["country"] = country
    return item


def kb_yaml(entries: list[dict[str, Any]], source: str) -> str:
    """The KB YAML text of the entries, with a header naming the dictionary it came from."""
    head = (
        f"# Actors imported from the PETRARCH dictionary {source} by `allegiance kb import-petrarch`.\n"
        "# Entries whose id exists in the KB extend it (their alias lists include the old ones).\n"
    )
    return head + yaml.safe_dump(
        {"actors": entries}, sort_keys=False, allow_unicode=True, width=100
    )


def agents_yaml(
    words: Iterable[AgentWord],
    table: CameoTable | None = None,
    report: ImportReport | None = None,
    where: str = "<agents>",
) -> str:
    """A complete agents file: the packaged ``agents.yaml`` with the dictionary's words added.

    Words go to the class whose KB suffix the CAMEO role maps to (``COP`` -> police), at
    tier 1; words already listed and roles without a class are skipped (one warning each).
    """

    table = table or load_cameo()
    report = report if report is not None else ImportReport()
    data = read_mapping(DATA_DIR / "agents.yaml")
    by_suffix = {spec["suffix"]: name for name, spec in data["classes"].items()}
    known = {
        str(w).lower()
        for spec in data["classes"].values()
        for items in (spec.get("words") or {}).values()
        for w in items or ()
    }
    for w in words:
        suffix = table.roles.get(w.code)
        cls = by_suffix.get(suffix or "")
        if cls is None:
            report.warn(f"{where}:{w.line}: role {w.code} has no agent class; {w.word!r} skipped")
            continue
        if w.word in known:
            continue
        tiers = data["classes"][cls].setdefault("words", {})
        tiers.setdefault(1, []).append(w.word)
        known.add(w.word)
        report.counts["added"] += 1
    head = (
        f"# agents.yaml with the words of the PETRARCH agent dictionary {where}\n"
        "# (an `agents:` section: pass it with --lexicon, see docs/lexicon.md)\n"
    )
    return head + yaml.safe_dump({"agents": data}, sort_keys=False, allow_unicode=True, width=100)
