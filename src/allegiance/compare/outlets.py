"""Compare how outlets tell the same story: what each covers, ties, tone, sources, numbers.

Works on records alone (no spaCy), grouped by outlet (or by document or year).
"""

from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from ..network.build import build_network
from ..network.ties import TieWeights
from ..schema import Act, Document, Mention, Quantity, Quote, Relation
from .affiliation import AFFILIATIONS, SourceLexicon, classify_source, default_source_lexicon
from .differences import outlet_differences
from .model import (
    ActorCoverage,
    OutletComparison,
    OutletProfile,
    ReportedNumber,
    SourceEntry,
    Sources,
    Tie,
    Tone,
)

__all__ = ["UNKNOWN", "ActorInfo", "GroupBy", "Rollup", "compare_outlets"]

logger = logging.getLogger("allegiance.compare")

#: Group name of documents with no outlet (or no published year, or no document record).
UNKNOWN = "unknown"

GroupBy = Literal["outlet", "doc_id", "year"]
Rollup = Literal["parent", "country"] | Mapping[str, str] | Callable[[str], str] | None

AnyRecord = Document | Mention | Relation | Act | Quote | Quantity

_ROUND = 4
_MISSING_WHAT = {"outlet": "an outlet", "year": "a published year", "doc_id": "a document record"}
_DETERMINER = re.compile(r"^(?:a|an|the|one|another|some)\s+", re.IGNORECASE)


def _has_name(text: str) -> bool:
    """Whether a speaker is named ("Col. John Dorrian", "the Pentagon"), not described
    ("publicly available information", "a statement")."""
    return any(w[:1].isupper() for w in _DETERMINER.sub("", text.strip()).split())


@dataclass(frozen=True)
class ActorInfo:
    """What is known of an actor beyond its id: name, type and where it rolls up to."""

    name: str
    actor_type: str | None = None
    parent_id: str | None = None
    country: str | None = None


class _Infos:
    """Actor facts: the given ones (e.g. the KB) first, then what the mention records say."""

    def __init__(self, mentions: Iterable[Mention], known: Mapping[str, ActorInfo] | None) -> None:
        self.known: Mapping[str, ActorInfo] = known or {}
        names: dict[str, Counter[str]] = defaultdict(Counter)
        first: dict[str, Mention] = {}
        for m in mentions:
            names[m.actor_id][m.actor_name] += 1
            first.setdefault(m.actor_id, m)
        self.seen = {
            actor_id: ActorInfo(
                name=names[actor_id].most_common(1)[0][0],
                actor_type=m.actor_type,
                parent_id=m.parent_id,
                country=m.country,
            )
            for actor_id, m in first.items()
        }

    def get(self, actor_id: str | None) -> ActorInfo | None:
        if not actor_id:
            return None
        info = self.known.get(actor_id)
        return info if info is not None else self.seen.get(actor_id)

    def chain(self, actor_id: str) -> list[str]:
        """The actor and its ancestors, nearest first."""
        chain = [actor_id]
        info = self.get(actor_id)
        while info is not None and info.parent_id and info.parent_id not in chain:
            chain.append(info.parent_id)
            info = self.get(info.parent_id)
        return chain


def _roll_parent(infos: _Infos, actor_id: str) -> str:
    # The top organisation below the state (Badr -> PMF, Quds Force -> IRGC), as the network
    # rolls up; a state stays itself.
    chain = infos.chain(actor_id)
    # A parent that is the chain's country is the state even when no record describes it.
    countries = {info.country for aid in chain if (info := infos.get(aid)) and info.country}
    top = chain[0]
    for i, aid in enumerate(chain):
        info = infos.get(aid)
        if aid in countries or (info is not None and info.actor_type == "state"):
            return top if i else aid
        top = aid
    return top


def _roll_country(infos: _Infos, actor_id: str) -> str:
    chain = infos.chain(actor_id)
    for aid in chain:
        info = infos.get(aid)
        if info is not None and info.country:
            return info.country
    return chain[-1]


def _roller(rollup: Rollup, infos: _Infos) -> Callable[[str], str]:
    if rollup is None:
        return lambda actor_id: actor_id
    if rollup == "parent":
        return lambda actor_id: _roll_parent(infos, actor_id)
    if rollup == "country":
        return lambda actor_id: _roll_country(infos, actor_id)
    if isinstance(rollup, Mapping):
        mapping = rollup
        return lambda actor_id: mapping.get(actor_id, actor_id)
    if callable(rollup):
        return rollup
    raise ValueError(
        f"rollup must be None, 'parent', 'country', a mapping or a function, not {rollup!r}"
    )


def _type_chain(actor_id: str | None, infos: _Infos) -> list[str | None]:
    if not actor_id:
        return []
    return [info.actor_type for aid in infos.chain(actor_id) if (info := infos.get(aid))]


class _Group:
    """Records of one outlet, collected in one pass."""

    def __init__(self) -> None:
        self.documents = 0
        self.mentions: Counter[str] = Counter()
        self.relations: list[Relation] = []
        self.quotes: list[Quote] = []
        self.quantities: list[tuple[Quantity, str | None]] = []


class _Comparer:
    def __init__(
        self,
        records: Iterable[AnyRecord],
        *,
        by: GroupBy,
        rollup: Rollup,
        actors: Mapping[str, ActorInfo] | None,
        lexicon: SourceLexicon,
        weights: TieWeights | None = None,
    ) -> None:
        if by not in ("outlet", "doc_id", "year"):
            raise ValueError(f"by must be 'outlet', 'doc_id' or 'year', not {by!r}")
        self.by = by
        self.lexicon = lexicon
        self.weights = weights
        docs: dict[str, Document] = {}
        rest: list[AnyRecord] = []
        for record in records:
            if isinstance(record, Document):
                docs[record.doc_id] = record
            else:
                rest.append(record)
        self.docs = docs
        self.infos = _Infos((r for r in rest if isinstance(r, Mention)), actors)
        self.roll = _roller(rollup, self.infos)
        # Names as written on relation arguments serve actors that are never a mention.
        self.arg_names: dict[str, Counter[str]] = defaultdict(Counter)
        self.groups: dict[str, _Group] = defaultdict(_Group)
        self._missing: set[str] = set()
        for doc in docs.values():
            self.groups[self._group_of(doc.doc_id)].documents += 1
        for record in rest:
            self._add(record)
        if self._missing:
            logger.warning(
                "%d document(s) without %s grouped as %r (e.g. %s)",
                len(self._missing),
                _MISSING_WHAT[by],
                UNKNOWN,
                sorted(self._missing)[0],
            )

    def _group_of(self, doc_id: str) -> str:
        doc = self.docs.get(doc_id)
        key: str | None
        if self.by == "doc_id":
            key = doc_id if doc is not None else None
        elif doc is None:
            key = None
        elif self.by == "outlet":
            key = doc.outlet.strip() if doc.outlet and doc.outlet.strip() else None
        else:
            key = doc.published[:4] if doc.published and doc.published[:4].isdigit() else None
        if key is None:
            self._missing.add(doc_id)
            return UNKNOWN
        return key

    def _add(self, record: AnyRecord) -> None:
        group = self.groups[self._group_of(record.doc_id)]
        if isinstance(record, Mention):
            group.mentions[self.roll(record.actor_id)] += 1
        elif isinstance(record, Relation):
            for arg in (record.source, record.target):
                if arg.actor_id and arg.actor_name:
                    self.arg_names[self.roll(arg.actor_id)][arg.actor_name] += 1
            group.relations.append(record)
        elif isinstance(record, Quote):
            group.quotes.append(record)
        elif isinstance(record, Quantity):
            doc = self.docs.get(record.doc_id)
            group.quantities.append((record, record.date or (doc.published if doc else None)))

    def name(self, actor_id: str) -> str:
        info = self.infos.get(actor_id)
        if info is not None:
            return info.name
        written = self.arg_names.get(actor_id)
        return written.most_common(1)[0][0] if written else actor_id

    # -- per-outlet parts ---------------------------------------------------------------

    def actors(self, group: _Group) -> tuple[ActorCoverage, ...]:
        total = sum(group.mentions.values())
        ranked = sorted(group.mentions.items(), key=lambda kv: (-kv[1], kv[0]))
        return tuple(
            ActorCoverage(actor_id=a, name=self.name(a), mentions=n, share=round(n / total, _ROUND))
            for a, n in ranked
        )

    def _facts(self, group: _Group) -> Iterable[tuple[str, str, int]]:
        # Negated and hypothetical relations are kept in the records but are not facts.
        for r in group.relations:
            if r.negated or r.hypothetical or not r.source.actor_id or not r.target.actor_id:
                continue
            yield self.roll(r.source.actor_id), self.roll(r.target.actor_id), r.sign

    def ties(self, group: _Group) -> tuple[Tie, ...]:
        # The network's own aggregation over this outlet's records: one rule for a tie's
        # sign and state everywhere (distinct weighted reports, docs/network.md).
        G = build_network([*group.relations, *group.quotes], rollup=self.roll, weights=self.weights)
        found = []
        for u, v, d in G.edges(data=True):
            a, b = sorted((str(u), str(v)))
            found.append(
                Tie(
                    a=a,
                    b=b,
                    a_name=self.name(a),
                    b_name=self.name(b),
                    sign=int(d["sign"]),
                    evidence=int(d["evidence"]),
                    state=str(d["state"]),
                    positive_mass=float(d["positive_mass"]),
                    negative_mass=float(d["negative_mass"]),
                    description=str(d.get("description") or ""),
                )
            )
        found.sort(key=lambda t: (-t.evidence, t.a, t.b))
        return tuple(found)

    def tone(self, group: _Group) -> dict[str, Tone]:
        signs: dict[str, list[int]] = defaultdict(list)
        for s, t, sign in self._facts(group):
            for actor in {s, t}:
                signs[actor].append(sign)
        ranked = sorted(signs.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        return {
            actor: Tone(
                positive=round(sum(1 for v in vs if v > 0) / len(vs), _ROUND),
                negative=round(sum(1 for v in vs if v < 0) / len(vs), _ROUND),
                n=len(vs),
            )
            for actor, vs in ranked
        }

    def _source(self, q: Quote) -> tuple[str, str, str | None, str] | None:
        """(grouping key, speaker label, role, affiliation) of a quote; None if unattributed."""
        speaker = q.speaker
        role = q.speaker_role.strip() if q.speaker_role and q.speaker_role.strip() else None
        # The speaker's own actor (not rolled up): its type chain walks the parents anyway.
        actor_id = speaker.actor_id if speaker is not None else None
        if q.anonymous:
            label = role or (speaker.text if speaker else None) or "anonymous source"
            label = _DETERMINER.sub("", label.strip())
            description = speaker.text if speaker else None
            key = label.casefold()
        elif speaker is not None and (actor_id or _has_name(speaker.text)):
            # One named person is one source however the quotes spell the name.
            label = speaker.actor_name or speaker.text
            known = self.infos.get(actor_id)
            if known is not None:
                label = known.name
            description = None
            key = f"id:{actor_id}" if actor_id else label.casefold()
        elif role is not None:
            label, description, key = role, None, role.casefold()
        else:
            return None
        affiliation = classify_source(
            self.lexicon,
            role=role,
            description=description,
            actor_types=_type_chain(actor_id, self.infos),
        )
        return key, label, role, affiliation

    def sources(self, group: _Group) -> Sources:
        named = anonymous = 0
        by_affiliation = dict.fromkeys(AFFILIATIONS, 0)
        # (key, anonymous) -> (label as first written, [(role, affiliation)...])
        entries: dict[tuple[str, bool], tuple[str, list[tuple[str | None, str]]]] = {}
        for q in group.quotes:
            source = self._source(q)
            if source is None:
                continue
            key, label, role, affiliation = source
            if q.anonymous:
                anonymous += 1
            else:
                named += 1
            by_affiliation[affiliation] += 1
            entries.setdefault((key, q.anonymous), (label, []))[1].append((role, affiliation))
        listed = []
        for (_, is_anonymous), (label, uses) in entries.items():
            roles = Counter(r for r, _ in uses if r)
            affiliations = Counter(a for _, a in uses)
            listed.append(
                SourceEntry(
                    speaker=label,
                    role=roles.most_common(1)[0][0] if roles else None,
                    anonymous=is_anonymous,
                    affiliation=affiliations.most_common(1)[0][0],
                    n=len(uses),
                )
            )
        listed.sort(key=lambda e: (-e.n, e.speaker.casefold()))
        return Sources(
            named=named, anonymous=anonymous, by_affiliation=by_affiliation, entries=tuple(listed)
        )

    def quantities(self, group: _Group) -> tuple[ReportedNumber, ...]:
        numbers = [
            ReportedNumber(
                concept=q.concept,
                actor_id=self.roll(q.actor_id) if q.actor_id else None,
                value=q.value,
                low=q.low,
                high=q.high,
                approximate=q.approximate,
                change=q.change,
                date=date,
                text=q.text,
            )
            for q, date in group.quantities
        ]
        numbers.sort(key=lambda n: (n.concept or "", n.actor_id or "", n.date or "", n.value))
        return tuple(numbers)

    def profiles(self) -> dict[str, OutletProfile]:
        return {
            name: OutletProfile(
                outlet=name,
                documents=group.documents,
                actors=self.actors(group),
                ties=self.ties(group),
                tone=self.tone(group),
                sources=self.sources(group),
                quantities=self.quantities(group),
            )
            for name, group in sorted(self.groups.items())
        }


def compare_outlets(
    records: Iterable[AnyRecord],
    *,
    by: GroupBy = "outlet",
    rollup: Rollup = None,
    min_mentions: int = 3,
    actors: Mapping[str, ActorInfo] | None = None,
    lexicon: SourceLexicon | None = None,
    weights: TieWeights | None = None,
) -> OutletComparison:
    """Profile what each outlet reports and lay out where outlets differ.

    Args:
        records: document, mention, relation, quote and quantity records (any order), e.g.
            from :func:`allegiance.schema.read_records`. Records whose document has no outlet
            (or no document record) are grouped as ``"unknown"``, with one logged warning.
        by: group documents by ``"outlet"``, by ``"doc_id"`` or by published ``"year"``.
        rollup: count actors at a coarser level, as the network does: ``"parent"`` (the top
            organisation below the state: Badr -> PMF, Quds Force -> IRGC), ``"country"``, a
            mapping from actor id to the id to count it as, or a function (e.g.
            ``lambda a: kb.roll_up(a, "parent")``).
        min_mentions: mentions an outlet needs to count as covering an actor in
            ``not_covered``.
        actors: names, types and parents of actors, preferred over what the mention records
            say (e.g. :class:`~allegiance.compare.KBActors` over the KB).
        lexicon: source-affiliation lexicon; defaults to the bundled one.
        weights: how reports weigh in a tie (as for
            :func:`~allegiance.network.build_network`, whose aggregation each outlet's ties
            use, so a tie's sign and state are the network's rule applied to that outlet).

    Returns:
        The per-outlet profiles and their differences; ``.to_dict()`` gives the JSON form.

    >>> from allegiance.schema import Document, Mention
    >>> recs = [Document(doc_id="d1", outlet="Fox News", n_chars=10, sha256="x"),
    ...         Mention(id="m1", doc_id="d1", text="Iran", start=0, end=4, actor_id="IRN",
    ...                 actor_name="Iran", actor_type="state", resolved_by="kb", confidence=1)]
    >>> compare_outlets(recs).to_dict()["outlets"]["Fox News"]["actors"]
    [{'actor_id': 'IRN', 'name': 'Iran', 'mentions': 1, 'share': 1.0}]
    """
    comparer = _Comparer(
        records,
        by=by,
        rollup=rollup,
        actors=actors,
        lexicon=lexicon or default_source_lexicon(),
        weights=weights,
    )
    profiles = comparer.profiles()
    return OutletComparison(
        outlets=profiles,
        differences=outlet_differences(
            profiles,
            min_mentions=min_mentions,
            country=lambda actor_id: _roll_country(comparer.infos, actor_id),
        ),
        by=by,
    )
