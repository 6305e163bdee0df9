"""One event, many reports: cluster the relations that report the same happening.

Blocking first: two reports can be one event only when they join the same actor pair (rolled
up to parents: "Iraqi troops" and "Iraq" are one side) in the same direction (either way for a
symmetric relation) and their categories share a family (``data/families.yaml``). Within a
block, a pair of reports is scored on four things:

- dates: publication dates a day apart or less agree; farther apart than ``max_days``, the
  reports are never one event (a veto); so are reports whose sentences name different days
  ("On Jan. 8" / "On Jan. 10"; for undated documents, the day their title names);
- places: the place of each report's sentence (:mod:`allegiance.geo`); two different countries,
  or two different cities, are a veto; the same place agrees;
- numbers: the figures in the sentences ("34 strikes", "at least 28 people") overlap or not;
- evidence text: rapidfuzz ``token_set_ratio`` of the two sentences.

A report joins the cluster it is most similar to on average, when that average reaches
``threshold`` and no member vetoes it; else it opens a new event (average link with
complete-link vetoes, so a chain of near neighbours cannot merge two happenings).
"""

from __future__ import annotations

import calendar
import datetime as _dt
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, cast

from rapidfuzz import fuzz

from ..schema import Event, EventReport, Place
from .split import CategoryFamilies, is_event_report

__all__ = ["EventOptions", "cluster_events", "event_timeline", "report_similarity"]

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?|[A-Za-z]+")
_MONTHS = {
    name.casefold(): i
    for i in range(1, 13)
    for name in (calendar.month_name[i], calendar.month_abbr[i])
} | {"sept": 9}
_DAY = re.compile(
    r"\b(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?\s+(\d{1,2})\b",
    re.IGNORECASE,
)


def _days_named(text: str) -> frozenset[tuple[int, int]]:
    """The (month, day) pairs a text names: "On Jan. 8, ..." -> {(1, 8)}.

    >>> sorted(_days_named("On Jan. 8 and January 9, strikes"))
    [(1, 8), (1, 9)]
    """
    return frozenset((_MONTHS[m.group(1).casefold()], int(m.group(2))) for m in _DAY.finditer(text))


_AFTER_LOCATIVE = re.compile(
    r"\b([A-Za-z]+) ((?:[A-Z][\w'’\-]+)(?: (?:[A-Z][\w'’\-]+|al|as|az|ad|ar|el|ez))*)"
)

#: the similarity of a part neither report informs on (a little below even: no evidence)
_UNKNOWN = 0.4


def _unknown_places(text: str, known: list[tuple[int, int]], gz: Any) -> frozenset[str]:
    """Capitalised names right after a locative word that no known place covers.

    >>> from allegiance.geo import Gazetteer
    >>> sorted(_unknown_places("Near Rawah, two strikes; near Mosul, one.", [(30, 35)], Gazetteer.load()))
    ['rawah']
    """
    out = set()
    for m in _AFTER_LOCATIVE.finditer(text):
        if m.group(1).casefold() not in gz.locative_words:
            continue
        s, e = m.span(2)
        if not any(a < e and s < b for a, b in known):
            out.add(m.group(2).casefold())
    return frozenset(out)


def _numbers(text: str) -> frozenset[str]:
    """The figures of a sentence, digits and number words alike ("five strikes" = "5")."""
    from ..nlp.quantities.words import _UNITS  # the one list of number words

    out = set()
    for tok in _NUMBER.findall(text):
        if tok[0].isdigit():
            out.add(tok.replace(",", "").removesuffix(".0"))
        elif tok.casefold() in _UNITS and tok.casefold() not in ("one", "zero"):
            out.add(str(_UNITS[tok.casefold()]))
    return frozenset(out)


@dataclass(frozen=True, kw_only=True)
class EventOptions:
    """How reports are clustered into events (docs/events.md).

    Attributes:
        threshold: least average similarity for a report to join an event.
        undated_margin: added to ``threshold`` when a report or a member has no date.
        max_days: reports published farther apart than this are never one event.
        weights: weights of the date, place, numbers and text similarities.
        min_place_confidence: places resolved with less confidence are ignored.
        families: extra YAML files for the category families.
        gazetteer_files: extra YAML files for the gazetteer (``allegiance.geo``).
    """

    threshold: float = 0.6
    #: added to the threshold when a report is undated: half the evidence is missing
    undated_margin: float = 0.1
    max_days: int = 3
    weights: Mapping[str, float] = field(
        default_factory=lambda: {"date": 0.3, "place": 0.25, "numbers": 0.1, "text": 0.35}
    )
    min_place_confidence: float = 0.3
    families: tuple[str, ...] = ()
    gazetteer_files: tuple[str, ...] = ()


@dataclass
class _Report:
    relation: Mapping[str, Any]
    block: tuple[Any, ...]
    date: _dt.date | None
    place: Place | None
    #: the document's main place, for the event's location only (never for similarity)
    fallback: Place | None
    numbers: frozenset[str]
    #: the days the sentence names ("On Jan. 8"), else those the undated document's title
    #: names ("January 9: Military airstrikes continue"), for a veto only
    days: frozenset[tuple[int, int]]
    text: str
    #: names after a locative word that the gazetteer does not know ("near Ayn Isa")
    unknown_places: frozenset[str]
    #: the gazetteer entries those names can denote
    unknown_ids: frozenset[int | None]
    sentence_key: tuple[Any, ...]
    outlet: str | None
    published: str | None


def _as_dict(record: Any) -> dict[str, Any]:
    return record.model_dump() if hasattr(record, "model_dump") else dict(record)


def _date(value: Any) -> _dt.date | None:
    try:
        return _dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _may_be(report: _Report, place: Place | None) -> bool:
    """Whether one of the report's unresolved place names can denote ``place``."""
    if place is None:
        return False
    return (
        place.geonameid in report.unknown_ids
        or place.as_written.casefold() in report.unknown_places
    )


def report_similarity(a: _Report, b: _Report, options: EventOptions) -> float | None:
    """Similarity of two reports in one block, or ``None`` when they cannot be one event."""
    if a.sentence_key == b.sentence_key:
        return 1.0
    w = options.weights
    parts: dict[str, float] = {}
    if a.days and b.days and not a.days & b.days:
        return None  # the texts name different days
    if a.date and b.date:
        days = abs((a.date - b.date).days)
        if days > options.max_days:
            return None
        parts["date"] = 1.0 if days <= 1 else 1.0 - (days - 1) / options.max_days
    else:
        parts["date"] = 0.5
    pa, pb = a.place, b.place
    if (a.unknown_places or b.unknown_places) and not (pa and pb):
        # a place left unresolved is still a place: "near Rawah" is not "near Mosul"; but
        # "near Raqqa" (unresolved: no Syrian context) may be the Ar Raqqah of the other report
        if (pa or a.unknown_places) and (pb or b.unknown_places):
            if not (_may_be(a, pb) or _may_be(b, pa) or a.unknown_places & b.unknown_places):
                return None
    if pa and pb:
        if pa.country and pb.country and pa.country != pb.country:
            return None
        if pa.feature == pb.feature == "city" and pa.geonameid != pb.geonameid:
            return None
        parts["place"] = 1.0 if pa.feature == pb.feature else 0.7
    else:
        parts["place"] = _UNKNOWN
    if a.numbers and b.numbers:
        parts["numbers"] = 1.0 if a.numbers & b.numbers else 0.2
    else:
        parts["numbers"] = _UNKNOWN
    parts["text"] = fuzz.token_set_ratio(a.text, b.text) / 100.0
    total = sum(w.get(k, 0.0) for k in parts) or 1.0
    return sum(w.get(k, 0.0) * v for k, v in parts.items()) / total


def cluster_events(
    records: Iterable[Any],
    *,
    rollup: Callable[[str], str] | None = None,
    options: EventOptions | None = None,
) -> list[Event]:
    """Cluster the relations of a corpus into events.

    Args:
        records: documents, mentions and relations (records or their dicts); others are
            ignored. Documents give outlets and dates (and their text, when kept, a fallback
            place); mentions give the document's countries.
        rollup: maps an actor id to the actor it is counted under (e.g. its parent).
        options: clustering settings.

    Returns:
        The events, most reported first. Stances, negated and hypothetical relations are
        not reports of events and are left out.

    Example:
        >>> events = cluster_events(read_records("records.jsonl"))  # doctest: +SKIP
        >>> events[0].n_reports, events[0].outlets                  # doctest: +SKIP
    """
    from ..geo import Gazetteer, document_countries, surname_forms

    options = options or EventOptions()
    roll = rollup or (lambda actor_id: actor_id)
    families = CategoryFamilies.load(options.families)
    corpus = _Corpus.gather(records, families)
    if not corpus.relations:
        return []
    gz = Gazetteer.load(options.gazetteer_files)
    priors = {
        d: document_countries(
            corpus.mention_countries.get(d, ()),
            (corpus.docs.get(d) or {}).get("text"),
            gazetteer=gz,
        )
        for d in {str(r["doc_id"]) for r in corpus.relations}
    }
    people = {
        d: surname_forms(str((corpus.docs.get(d) or {}).get("text") or ""), gazetteer=gz)
        for d in priors
    }
    fallback: dict[str, Place | None] = {}
    blocks: dict[tuple[Any, ...], list[_Report]] = defaultdict(list)
    for r in corpus.relations:
        doc_id = str(r["doc_id"])
        place = _relation_place(r, corpus, priors[doc_id], people[doc_id], gz, options)
        doc = corpus.docs.get(doc_id) or {}
        if place is None and doc.get("text") and doc_id not in fallback:
            fallback[doc_id] = _document_place(str(doc["text"]), priors[doc_id], gz, options)
        a = roll(str(r["source"]["actor_id"]))
        b = roll(str(r["target"]["actor_id"]))
        pair = tuple(sorted((a, b))) if r.get("symmetric") else (a, b)
        block = (*pair, families.family(str(r["category"])))
        rep = _report(r, doc, block, place, None if place else fallback.get(doc_id), gz)
        blocks[rep.block].append(rep)
    events: list[Event] = []
    for block, members in blocks.items():
        for cluster, cluster_sims in _cluster_block(members, options):
            events.append(_event(cluster, cluster_sims, block, corpus.names))
    events.sort(key=lambda e: (-e.n_reports, e.first_reported or "9999", e.id))
    return events


@dataclass
class _Corpus:
    """What clustering needs from the records: documents, mentions by document, relations."""

    docs: dict[str, dict[str, Any]] = field(default_factory=dict)
    mention_countries: dict[str, list[str | None]] = field(
        default_factory=lambda: defaultdict(list)
    )
    org_spans: dict[str, list[tuple[int, int]]] = field(default_factory=lambda: defaultdict(list))
    state_spans: dict[str, list[tuple[int, int]]] = field(default_factory=lambda: defaultdict(list))
    names: dict[str, str] = field(default_factory=dict)
    relations: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def gather(cls, records: Iterable[Any], families: CategoryFamilies) -> _Corpus:
        """One pass over the records; relations that are no event reports are left out."""
        out = cls()
        for record in records:
            r = _as_dict(record)
            kind = r.get("kind")
            if kind == "document":
                out.docs[str(r["doc_id"])] = r
            elif kind == "mention":
                doc_id = str(r["doc_id"])
                out.mention_countries[doc_id].append(r.get("country"))
                out.names.setdefault(str(r["actor_id"]), str(r.get("actor_name") or r["actor_id"]))
                span = (int(r["start"]), int(r["end"]))
                # an NER guess ("Ar Raqqah" taken for a person) yields to a locative word, as a
                # country named as an actor does; a known organisation's name never holds a place
                if (
                    r.get("actor_type") not in ("state", "government")
                    and r.get("resolved_by") != "ner"
                ):
                    out.org_spans[doc_id].append(span)
                else:
                    out.state_spans[doc_id].append(span)
            elif kind == "relation" and is_event_report(r, families):
                out.relations.append(r)
        return out


def _relation_place(
    r: dict[str, Any],
    corpus: _Corpus,
    prior: Any,
    people: Any,
    gz: Any,
    options: EventOptions,
) -> Place | None:
    """Where the sentence of relation ``r`` says it happened, the most specific place first."""
    from ..geo import resolve_places

    doc_id = str(r["doc_id"])
    sent = r.get("sentence") or {}
    text = str(sent.get("text") or "")
    offset = int(sent.get("start") or 0)
    args = [
        (int(arg["start"]) - offset, int(arg["end"]) - offset)
        for arg in (r.get("source") or {}, r.get("target") or {})
        if "start" in arg and "end" in arg
    ]
    orgs = [(s - offset, e - offset) for s, e in corpus.org_spans.get(doc_id, ()) if s >= offset]
    states = [
        (s - offset, e - offset) for s, e in corpus.state_spans.get(doc_id, ()) if s >= offset
    ]
    # a name inside an organisation's name ("Islamic State of Iraq") is never a place; a
    # country or phrase that is an argument ("the United States condemns", "ISIL near
    # Mosul") is where it happened only when a locative word says so
    found = [
        p
        for m, p in resolve_places(text, prior, gazetteer=gz, exclude=orgs, people=people)
        if p.confidence >= options.min_place_confidence
        and (m.locative or not any(s < m.end and m.start < e for s, e in states + args))
    ]
    # the most specific place first: a city over its country
    found.sort(key=lambda p: (p.feature != "city", -p.confidence))
    return found[0] if found else None


def _report(
    r: dict[str, Any],
    doc: dict[str, Any],
    block: tuple[Any, ...],
    place: Place | None,
    fallback: Place | None,
    gz: Any,
) -> _Report:
    """One relation as a report to cluster: its block, date, place, numbers and days named."""
    from ..geo import resolve_places

    doc_id = str(r["doc_id"])
    sent = r.get("sentence") or {}
    text = str(sent.get("text") or "")
    found_spans = [(m.start, m.end) for m, _ in resolve_places(text, {}, gazetteer=gz)]
    unknown = _unknown_places(text, found_spans, gz)
    return _Report(
        relation=r,
        block=block,
        date=_date(doc.get("published")),
        place=place,
        fallback=fallback,
        numbers=_numbers(text),
        unknown_places=unknown,
        unknown_ids=frozenset(
            e.geonameid for name in unknown for hits in gz.lookup(name) for e in hits
        ),
        days=_days_named(text)
        or (_days_named(str(doc.get("title") or "")) if not doc.get("published") else frozenset()),
        text=text,
        sentence_key=(doc_id, sent.get("start"), sent.get("end")),
        outlet=doc.get("outlet"),
        published=doc.get("published"),
    )


def _cluster_block(
    members: list[_Report], options: EventOptions
) -> list[tuple[list[_Report], list[float]]]:
    """Single-pass clustering of one block's reports in date order: (reports, similarities)."""
    members.sort(
        key=lambda x: (
            x.date or _dt.date.max,
            str(x.relation["doc_id"]),
            x.sentence_key[1] or 0,
        )
    )
    clusters: list[list[_Report]] = []
    cohesion: list[list[float]] = []
    latest_date: list[_dt.date | None] = []
    for rep in members:
        best, best_score, best_sims = None, -1.0, []
        for i, cluster in enumerate(clusters):
            latest = latest_date[i]
            if rep.date and latest and (rep.date - latest).days > options.max_days:
                continue  # reports come in date order: this event is over (keeps it linear)
            pair_sims = [report_similarity(rep, other, options) for other in cluster]
            known = [s for s in pair_sims if s is not None]
            if len(known) < len(pair_sims):
                continue  # a member vetoes
            score = sum(known) / len(known)
            if score > best_score:
                best, best_score, best_sims = i, score, known
        undated = best is not None and (
            rep.date is None or any(m.date is None for m in clusters[best])
        )
        needed = options.threshold + (options.undated_margin if undated else 0.0)
        if best is not None and best_score >= needed:
            clusters[best].append(rep)
            cohesion[best].extend(best_sims)
            if rep.date:
                latest_date[best] = max(filter(None, (latest_date[best], rep.date)))
        else:
            clusters.append([rep])
            cohesion.append([])
            latest_date.append(rep.date)
    return list(zip(clusters, cohesion, strict=True))


def _document_place(
    text: str, prior: Mapping[str, float], gz: Any, options: EventOptions
) -> Place | None:
    """The place a document is mostly about (its most named city, else country), at half the
    confidence: a fallback for reports whose sentence names no place."""
    from ..geo import resolve_places

    places = [p for _, p in resolve_places(text, prior, gazetteer=gz)]
    places = [p for p in places if p.confidence >= options.min_place_confidence]
    if not places:
        return None
    counts = Counter((p.feature, p.geonameid, p.country) for p in places)
    (feature, gid, country), n = max(counts.items(), key=lambda kv: (kv[1], kv[0][0] == "city"))
    chosen = next(
        p for p in places if (p.feature, p.geonameid, p.country) == (feature, gid, country)
    )
    share = n / len(places)
    return chosen.model_copy(update={"confidence": round(chosen.confidence * share * 0.5, 3)})


def _majority(values: Iterable[Any]) -> Any:
    counts = Counter(v for v in values if v is not None)
    return counts.most_common(1)[0][0] if counts else None


def _event(
    cluster: list[_Report],
    sims: list[float],
    block: tuple[Any, ...],
    names: Mapping[str, str],
) -> Event:
    rels = [rep.relation for rep in cluster]
    ids = sorted(str(r["id"]) for r in rels)
    digest = hashlib.sha1("\n".join(ids).encode("utf-8")).hexdigest()[:12]
    category = _majority(r["category"] for r in rels)
    quad = _majority(r.get("quad_class") for r in rels) or 1
    sign = _majority(int(r.get("sign") or 0) for r in rels) or 0
    places = [rep.place for rep in cluster if rep.place is not None]
    if not places:
        places = [rep.fallback for rep in cluster if rep.fallback is not None]
    location = None
    if places:
        key = _majority((p.feature, p.geonameid, p.country) for p in places)
        agree = [p for p in places if (p.feature, p.geonameid, p.country) == key]
        mean = sum(p.confidence for p in agree) / len(agree)
        location = agree[0].model_copy(
            update={"confidence": round(mean * len(agree) / len(places), 3)}
        )
    dates = sorted(str(rep.published)[:10] for rep in cluster if rep.published)
    src, tgt = block[0], block[1]
    return Event(
        id=f"ev-{digest}",
        category=category,
        mode=_majority(r.get("mode") for r in rels),
        quad_class=cast(Literal[1, 2, 3, 4], quad),
        sign=cast(Literal[-1, 0, 1], sign),
        source=src,
        target=tgt,
        source_name=names.get(src, src),
        target_name=names.get(tgt, tgt),
        symmetric=all(bool(r.get("symmetric")) for r in rels),
        reports=[
            EventReport(
                relation_id=str(rep.relation["id"]),
                doc_id=str(rep.relation["doc_id"]),
                outlet=rep.outlet,
                published=rep.published,
                category=rep.relation["category"],
                sentence=rep.text,
                place=rep.place,
            )
            for rep in cluster
        ],
        n_reports=len(cluster),
        outlets=sorted({rep.outlet for rep in cluster if rep.outlet}),
        doc_ids=sorted({str(rep.relation["doc_id"]) for rep in cluster}),
        first_reported=dates[0] if dates else None,
        last_reported=dates[-1] if dates else None,
        location=location,
        cohesion=round(sum(sims) / len(sims), 3) if sims else 1.0,
    )


def event_timeline(events: Iterable[Event | Mapping[str, Any]]) -> dict[str, Any]:
    """Events and their reports per month of first report: ``{"months": {month: {"events",
    "reports"}}, "undated": {"events", "reports"}}``.

    >>> event_timeline([{"first_reported": "2016-10-17", "n_reports": 3}])
    {'months': {'2016-10': {'events': 1, 'reports': 3}}, 'undated': {'events': 0, 'reports': 0}}
    """
    months: dict[str, dict[str, int]] = {}
    undated = {"events": 0, "reports": 0}
    for e in events:
        d = _as_dict(e)
        first = d.get("first_reported")
        slot = months.setdefault(str(first)[:7], {"events": 0, "reports": 0}) if first else undated
        slot["events"] += 1
        slot["reports"] += int(d.get("n_reports") or 0)
    return {"months": dict(sorted(months.items())), "undated": undated}
