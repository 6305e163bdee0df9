"""Write tests/report/sample_bundle.json: a small, hand-written bundle for the report tests.

The sentences are written for this fixture (they paraphrase the picture of the seed articles,
they are not article text). Offsets, the network, triangles, camps and outlet tables are
derived here with deliberately simple code so that the fixture stays self-consistent; the real
analysis lives in allegiance.network and allegiance.compare.

Run: .venv/bin/python tests/report/build_sample_bundle.py
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

__all__ = ["build"]

ACTORS: dict[str, tuple[str, str, str | None]] = {
    "USA": ("United States", "state", "USA"),
    "IRN": ("Iran", "state", "IRN"),
    "ISIL": ("ISIL", "insurgent", None),
    "PMF": ("Shia militias", "militia", "IRQ"),
    "PESH": ("Kurdish Peshmerga", "military", "IRQ"),
    "IRQ_ARMY": ("Iraqi army", "military", "IRQ"),
    "IRQ_GOV": ("Iraqi government", "government", "IRQ"),
    "TUR": ("Turkey", "state", "TUR"),
    "SYR_GOV": ("Assad government", "government", "SYR"),
    "SUNNI": ("Sunni civilians", "religious_group", "IRQ"),
}

INTENSITY = {
    "OPPOSE": -5.0, "ASSAULT": -9.0, "REJECT": -4.0, "THREATEN": -6.0, "PROTEST": -5.0,
    "ACCUSE": -3.0, "COOPERATE": 4.0, "AID": 6.0, "SUPPORT": 4.0, "ALIGN": 6.0, "CONSULT": 2.0,
}  # fmt: skip
QUAD = {
    "OPPOSE": None, "ALIGN": None, "ASSAULT": 4, "REJECT": 3, "THREATEN": 3, "PROTEST": 4,
    "ACCUSE": 3, "COOPERATE": 2, "AID": 2, "SUPPORT": 1, "CONSULT": 1,
}  # fmt: skip

# Each relation: (sentence index, source words, source actor, target words, target actor,
# trigger words, category, mode, flags) with flags in {"neg", "hyp", "attr:<words>"}.
Rel = tuple[int, str, str, str, str, str, str, str | None, tuple[str, ...]]

DOCS: list[dict[str, Any]] = [
    {
        "doc_id": "aj-2014-11",
        "title": "Same enemy, different friends: Washington and Tehran in Iraq",
        "outlet": "Al Jazeera",
        "published": "2014-11-12",
        "sentences": [
            "The United States and Iran have been adversaries for decades, yet both now fight "
            "ISIL in northern Iraq.",
            "American advisers train the Iraqi army at bases near Baghdad.",
            "Iranian commanders lead Shia militias on the front lines north of Samarra.",
            "A former US general said Washington is not coordinating with Tehran.",
            "Militia leaders say they distrust the Americans and fought US troops after 2003.",
            "US jets struck ISIL positions near Amerli while militias advanced on the ground.",
            "“We share an enemy, not a cause,” said one Iraqi official who asked not to be named.",
            "About 3,100 American troops are now deployed in Iraq, officials said.",
            "Iran backs the Assad government in Syria, which Washington refuses to support.",
        ],
        "relations": [
            (0, "The United States", "USA", "Iran", "IRN", "adversaries", "OPPOSE", None, ()),
            (0, "Iran", "IRN", "ISIL", "ISIL", "fight", "ASSAULT", None, ()),
            (0, "The United States", "USA", "ISIL", "ISIL", "fight", "ASSAULT", None, ()),
            (
                1,
                "American advisers",
                "USA",
                "the Iraqi army",
                "IRQ_ARMY",
                "train",
                "COOPERATE",
                "military",
                (),
            ),
            (
                2,
                "Iranian commanders",
                "IRN",
                "Shia militias",
                "PMF",
                "lead",
                "COOPERATE",
                "military",
                (),
            ),
            (
                3,
                "Washington",
                "USA",
                "Tehran",
                "IRN",
                "coordinating",
                "COOPERATE",
                None,
                ("neg", "attr:A former US general"),
            ),
            (
                4,
                "Militia leaders",
                "PMF",
                "the Americans",
                "USA",
                "distrust",
                "OPPOSE",
                None,
                ("attr:Militia leaders",),
            ),
            (4, "Militia leaders", "PMF", "US troops", "USA", "fought", "ASSAULT", None, ()),
            (5, "US jets", "USA", "ISIL", "ISIL", "struck", "ASSAULT", "aerial", ()),
            (8, "Iran", "IRN", "the Assad government", "SYR_GOV", "backs", "ALIGN", None, ()),
            (
                8,
                "Washington",
                "USA",
                "the Assad government",
                "SYR_GOV",
                "refuses to support",
                "REJECT",
                None,
                (),
            ),
        ],
        "quotes": [
            (6, "We share an enemy, not a cause", None, None, "Iraqi official", True, True),
            (
                3,
                "Washington is not coordinating with Tehran",
                "A former US general",
                "USA",
                "former US general",
                False,
                False,
            ),
        ],
        "quantities": [
            (7, "About 3,100 American troops", 3100.0, "troops", "USA", "=", True),
        ],
    },
    {
        "doc_id": "gm-2015-06",
        "title": "Militias gain ground as Baghdad leans on volunteers",
        "outlet": "Gulf Monitor",
        "published": "2015-06-03",
        "sentences": [
            "Human rights groups accused Shia militias of abuses against Sunni civilians in "
            "Tikrit.",
            "Baghdad pays the salaries of many militia fighters, a ministry spokesman said.",
            "Kurdish Peshmerga commanders said they do not trust the militias.",
            "The Peshmerga and the Iraqi army fought side by side against ISIL near Sinjar.",
            "Roughly 100,000 volunteers have joined the militias, according to their own figures.",
            "Iranian advisers are embedded with Iraqi army units, a senior officer told reporters.",
            "“The militias are our shield,” said Hadi Karim, deputy chief of a militia umbrella "
            "group.",
            "The Iraqi army fights alongside militias in Anbar.",
        ],
        "relations": [
            (
                0,
                "Shia militias",
                "PMF",
                "Sunni civilians",
                "SUNNI",
                "abuses",
                "ASSAULT",
                None,
                ("attr:Human rights groups",),
            ),
            (
                1,
                "Baghdad",
                "IRQ_GOV",
                "militia fighters",
                "PMF",
                "pays the salaries",
                "AID",
                "economic",
                ("attr:a ministry spokesman",),
            ),
            (
                2,
                "Kurdish Peshmerga commanders",
                "PESH",
                "the militias",
                "PMF",
                "do not trust",
                "OPPOSE",
                None,
                (),
            ),
            (
                3,
                "The Peshmerga",
                "PESH",
                "the Iraqi army",
                "IRQ_ARMY",
                "fought side by side",
                "COOPERATE",
                "military",
                (),
            ),
            (3, "The Peshmerga", "PESH", "ISIL", "ISIL", "fought", "ASSAULT", None, ()),
            (3, "the Iraqi army", "IRQ_ARMY", "ISIL", "ISIL", "fought", "ASSAULT", None, ()),
            (
                5,
                "Iranian advisers",
                "IRN",
                "Iraqi army units",
                "IRQ_ARMY",
                "embedded with",
                "COOPERATE",
                "military",
                ("attr:a senior officer",),
            ),
            (
                7,
                "The Iraqi army",
                "IRQ_ARMY",
                "militias",
                "PMF",
                "fights alongside",
                "COOPERATE",
                "military",
                (),
            ),
        ],
        "quotes": [
            (
                6,
                "The militias are our shield",
                "Hadi Karim",
                "PMF",
                "deputy chief of a militia umbrella group",
                True,
                False,
            ),
            (
                5,
                "Iranian advisers are embedded with Iraqi army units",
                None,
                None,
                "senior officer",
                False,
                True,
            ),
        ],
        "quantities": [
            (4, "Roughly 100,000 volunteers", 100000.0, "fighters", "PMF", "=", True),
        ],
    },
    {
        "doc_id": "fox-2016-10",
        "title": "Mosul push puts US and Iran in the same battlespace",
        "outlet": "Fox News",
        "published": "2016-10-18",
        "sentences": [
            "The battle for Mosul has created an uneasy alliance in which the US is effectively "
            "working with Iran.",
            "Pentagon spokesman Col. Mark Reyes said US forces do not coordinate with Iranian "
            "units.",
            "Baghdad has barred the Shia militias from entering Mosul itself.",
            "The US now has nearly 5,000 troops in Iraq, up from about 3,100 two years ago.",
            "Washington advises units under Baghdad and Erbil, including Kurdish forces.",
            "If the militias enter the city, US officials warned, coalition aircraft could stop "
            "supporting the offensive.",
            "Iran has shipped weapons to the militias for two years.",
            "“We are not allies of Iran, and we never will be,” said Col. Mark Reyes.",
            "US and Iranian officials are reported to share intelligence through Iraqi "
            "intermediaries.",
        ],
        "relations": [
            (0, "the US", "USA", "Iran", "IRN", "working with", "COOPERATE", None, ()),
            (
                1,
                "US forces",
                "USA",
                "Iranian units",
                "IRN",
                "coordinate",
                "CONSULT",
                None,
                ("neg", "attr:Pentagon spokesman Col. Mark Reyes"),
            ),
            (2, "Baghdad", "IRQ_GOV", "the Shia militias", "PMF", "barred", "REJECT", None, ()),
            (4, "Washington", "USA", "Baghdad", "IRQ_GOV", "advises", "SUPPORT", None, ()),
            (4, "Washington", "USA", "Kurdish forces", "PESH", "advises", "SUPPORT", None, ()),
            (
                5,
                "US officials",
                "USA",
                "the militias",
                "PMF",
                "stop supporting",
                "THREATEN",
                None,
                ("hyp",),
            ),
            (6, "Iran", "IRN", "the militias", "PMF", "shipped weapons", "AID", "military", ()),
            (
                7,
                "We",
                "USA",
                "Iran",
                "IRN",
                "allies",
                "ALIGN",
                None,
                ("neg", "attr:Col. Mark Reyes"),
            ),
            (
                8,
                "US",
                "USA",
                "Iranian officials",
                "IRN",
                "share intelligence",
                "COOPERATE",
                "intelligence",
                (),
            ),
        ],
        "quotes": [
            (
                7,
                "We are not allies of Iran, and we never will be",
                "Col. Mark Reyes",
                "USA",
                "Pentagon spokesman",
                True,
                False,
            ),
            (
                5,
                "coalition aircraft could stop supporting the offensive",
                "US officials",
                "USA",
                "US officials",
                False,
                True,
            ),
        ],
        "quantities": [
            (3, "nearly 5,000 troops", 5000.0, "troops", "USA", "up", True),
        ],
    },
    {
        "doc_id": "gm-2016-11",
        "title": "Ankara eyes Tehran's reach as the Mosul battle grinds on",
        "outlet": "Gulf Monitor",
        "published": "2016-11-02",
        "sentences": [
            "Turkey views Iran's growing reach in northern Iraq with suspicion.",
            "Ankara has kept troops at a base near Bashiqa despite protests from Baghdad.",
            "Turkish officials said they would not let Shia militias enter Tal Afar.",
            "Tehran and Washington remain bitter rivals despite their parallel campaigns "
            "against ISIL.",
            "Some 600 more US troops will be sent to help retake Mosul, the Pentagon said.",
            "Militia fighters, now about 110,000 strong, shelled ISIL positions west of Mosul.",
            "“Nobody here trusts the Americans,” one militia commander said on condition of "
            "anonymity.",
            "The Assad government in Damascus counts on Iranian fighters to hold Aleppo.",
        ],
        "relations": [
            (0, "Turkey", "TUR", "Iran", "IRN", "suspicion", "OPPOSE", None, ()),
            (1, "Baghdad", "IRQ_GOV", "Ankara", "TUR", "protests", "PROTEST", None, ()),
            (
                2,
                "Turkish officials",
                "TUR",
                "Shia militias",
                "PMF",
                "would not let",
                "REJECT",
                None,
                (),
            ),
            (3, "Tehran", "IRN", "Washington", "USA", "rivals", "OPPOSE", None, ()),
            (
                4,
                "US troops",
                "USA",
                "Mosul",
                "IRQ_ARMY",
                "help retake",
                "AID",
                "military",
                ("hyp", "attr:the Pentagon"),
            ),
            (5, "Militia fighters", "PMF", "ISIL", "ISIL", "shelled", "ASSAULT", None, ()),
            (
                6,
                "one militia commander",
                "PMF",
                "the Americans",
                "USA",
                "trusts",
                "OPPOSE",
                None,
                (),
            ),
            (
                7,
                "The Assad government",
                "SYR_GOV",
                "Iranian fighters",
                "IRN",
                "counts on",
                "ALIGN",
                None,
                (),
            ),
        ],
        "quotes": [
            (6, "Nobody here trusts the Americans", None, None, "militia commander", True, True),
        ],
        "quantities": [
            (4, "Some 600 more US troops", 600.0, "troop reinforcements", "USA", "up", True),
            (5, "about 110,000 strong", 110000.0, "fighters", "PMF", "up", True),
        ],
    },
]


def _span(text: str, words: str, base: int, after: int = 0) -> dict[str, Any]:
    i = text.find(words, after)
    if i < 0:
        raise ValueError(f"{words!r} not in {text!r}")
    return {"text": words, "start": base + i, "end": base + i + len(words)}


def build() -> dict[str, Any]:
    """Assemble the sample bundle from DOCS (all offsets are document offsets)."""
    documents, relations, quotes, quantities = [], [], [], []
    for d in DOCS:
        text = " ".join(d["sentences"])
        starts, pos = [], 0
        for s in d["sentences"]:
            starts.append(pos)
            pos += len(s) + 1
        documents.append({
            "doc_id": d["doc_id"], "title": d["title"], "outlet": d["outlet"],
            "published": d["published"], "url": f"https://example.org/{d['doc_id']}",
            "n_chars": len(text), "sha256": hashlib.sha256(text.encode()).hexdigest(),
        })  # fmt: skip
        for k, (si, sw, sa, tw, ta, trig, cat, mode, flags) in enumerate(d["relations"]):
            sent, base = d["sentences"][si], starts[si]
            src = _span(sent, sw, base) | {"actor_id": sa, "actor_name": ACTORS[sa][0]}
            tgt = _span(sent, tw, base) | {"actor_id": ta, "actor_name": ACTORS[ta][0]}
            attr = None
            for f in flags:
                if f.startswith("attr:"):
                    attr = _span(sent, f[5:], base) | {"actor_id": None, "actor_name": None}
            intensity = INTENSITY[cat]
            relations.append({
                "id": f"{d['doc_id']}:r{k}", "doc_id": d["doc_id"],
                "sentence": {"text": sent, "start": base, "end": base + len(sent)},
                "source": src, "target": tgt, "category": cat, "mode": mode,
                "quad_class": QUAD[cat], "sign": 1 if intensity > 0 else -1,
                "intensity": intensity, "negated": "neg" in flags, "hypothetical": "hyp" in flags,
                "symmetric": cat in ("OPPOSE", "ALIGN", "COOPERATE"),
                "trigger": _span(sent, trig, base), "attributed_to": attr,
                "confidence": 0.8,
            })  # fmt: skip
        for k, (si, qtext, spk, spk_id, role, direct, anon) in enumerate(d["quotes"]):
            sent, base = d["sentences"][si], starts[si]
            q = _span(sent, qtext, base)
            speaker = None
            if spk is not None:
                speaker = _span(sent, spk, base) | {
                    "actor_id": spk_id,
                    "actor_name": ACTORS[spk_id][0] if spk_id else None,
                }
            quotes.append({
                "id": f"{d['doc_id']}:q{k}", "doc_id": d["doc_id"], **q, "direct": direct,
                "speaker": speaker, "speaker_role": role, "anonymous": anon,
                "cue": _span(sent, "said", base) if "said" in sent else None,
            })  # fmt: skip
        for k, (si, qtext, value, concept, actor, change, approx) in enumerate(d["quantities"]):
            sent, base = d["sentences"][si], starts[si]
            quantities.append({
                "id": f"{d['doc_id']}:n{k}", "doc_id": d["doc_id"], **_span(sent, qtext, base),
                "value": value, "low": None, "high": None, "approximate": approx,
                "unit": None, "concept": concept, "actor_id": actor, "change": change,
                "date": d["published"],
                "sentence": {"text": sent, "start": base, "end": base + len(sent)},
            })  # fmt: skip
    # the 2016 article also reports the 2014 figure: a dated quantity from the text
    fox = next(d for d in DOCS if d["doc_id"] == "fox-2016-10")
    sent = fox["sentences"][3]
    base = sum(len(s) + 1 for s in fox["sentences"][:3])
    quantities.append({
        "id": "fox-2016-10:n9", "doc_id": "fox-2016-10", **_span(sent, "about 3,100", base),
        "value": 3100.0, "low": None, "high": None, "approximate": True, "unit": None,
        "concept": "troops", "actor_id": "USA", "change": "=", "date": "2014-10",
        "sentence": {"text": sent, "start": base, "end": base + len(sent)},
    })  # fmt: skip
    doc_by_id = {d["doc_id"]: d for d in documents}
    return _analyse(documents, relations, quotes, quantities, doc_by_id)


def _analyse(
    documents: list[dict[str, Any]],
    relations: list[dict[str, Any]],
    quotes: list[dict[str, Any]],
    quantities: list[dict[str, Any]],
    doc_by_id: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    pair_rels: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    mentions: Counter[str] = Counter()
    for r in relations:
        a, b = r["source"]["actor_id"], r["target"]["actor_id"]
        mentions[a] += 1
        mentions[b] += 1
        if not (r["negated"] or r["hypothetical"]):
            pair_rels[tuple(sorted((a, b)))].append(r)  # type: ignore[arg-type]
    edges, sign_of = [], {}
    for (a, b), rs in sorted(pair_rels.items()):
        isum = sum(r["intensity"] for r in rs)
        sign = (isum > 0) - (isum < 0)
        sign_of[(a, b)] = sign
        dates = sorted(doc_by_id[r["doc_id"]]["published"] for r in rs)
        edges.append({
            "source": a, "target": b, "sign": sign, "evidence": len(rs),
            "positive": sum(r["sign"] > 0 for r in rs), "negative": sum(r["sign"] < 0 for r in rs),
            "intensity_sum": isum, "intensity_mean": isum / len(rs),
            "first": dates[0], "last": dates[-1],
            "outlets": sorted({doc_by_id[r["doc_id"]]["outlet"] for r in rs}),
            "relations": [r["id"] for r in rs],
        })  # fmt: skip
    nodes_ids = sorted({n for e in edges for n in (e["source"], e["target"])})

    def s(a: str, b: str) -> int | None:
        return sign_of.get((min(a, b), max(a, b)))

    # two camps by brute force (fine for ten actors)
    best: tuple[int, dict[str, int]] | None = None
    for bits in range(2 ** (len(nodes_ids) - 1)):
        part = {n: (bits >> i) & 1 for i, n in enumerate(nodes_ids)}
        cost = sum(
            1 for (a, b), sg in sign_of.items()
            if (sg > 0 and part[a] != part[b]) or (sg < 0 and part[a] == part[b])
        )  # fmt: skip
        if best is None or cost < best[0]:
            best = (cost, part)
    assert best is not None
    cost, part = best
    frustrated = [
        [a, b]
        for (a, b), sg in sign_of.items()
        if (sg > 0 and part[a] != part[b]) or (sg < 0 and part[a] == part[b])
    ]
    census: Counter[str] = Counter({"+++": 0, "++-": 0, "+--": 0, "---": 0})
    unbalanced = []
    for a, b, c in itertools.combinations(nodes_ids, 3):
        sab, sbc, sac = s(a, b), s(b, c), s(a, c)
        if not sab or not sbc or not sac:
            continue
        signs = [sab, sbc, sac]
        census["+" * signs.count(1) + "-" * signs.count(-1)] += 1
        if sab * sbc * sac < 0:
            rel_ids = [
                rid
                for p in ((a, b), (b, c), (a, c))
                for rid in next(
                    e["relations"] for e in edges if (e["source"], e["target"]) == tuple(sorted(p))
                )
            ]
            unbalanced.append({"nodes": [a, b, c], "signs": signs, "relations": rel_ids})
    total = sum(census.values())
    strong = (census["+++"] + census["+--"]) / total if total else None
    weak = (census["+++"] + census["+--"] + census["---"]) / total if total else None
    degree = Counter(n for e in edges for n in (e["source"], e["target"]))
    nodes = [{
        "id": n, "name": ACTORS[n][0], "type": ACTORS[n][1], "country": ACTORS[n][2],
        "mentions": mentions[n], "degree": degree[n], "camp": part[n],
    } for n in nodes_ids]  # fmt: skip
    camps = [[n for n in nodes_ids if part[n] == k] for k in (0, 1)]
    # uneasy alliances: mixed evidence, or hostile pairs that share an enemy and cooperate
    uneasy = []
    for e in edges:
        a, b = e["source"], e["target"]
        allr = [
            r for r in relations if {r["source"]["actor_id"], r["target"]["actor_id"]} == {a, b}
        ]
        pos = [r["id"] for r in allr if r["sign"] > 0 and not r["negated"]]
        neg = [r["id"] for r in allr if r["sign"] < 0 or (r["negated"] and r["sign"] > 0)]
        enemies = [c for c in nodes_ids if c not in (a, b) and s(a, c) == -1 and s(b, c) == -1]
        if e["positive"] and e["negative"]:
            reason = [
                f"mixed evidence: {e['positive']} cooperative and {e['negative']} hostile reports"
            ]
            if enemies:
                reason.append("both are hostile to " + ", ".join(ACTORS[c][0] for c in enemies))
            uneasy.append({
                "a": a, "b": b, "a_name": ACTORS[a][0], "b_name": ACTORS[b][0],
                "reason": reason, "shared_enemies": enemies, "positive_evidence": pos,
                "negative_evidence": neg, "score": round(min(len(pos), len(neg))
                                                          + 0.5 * len(enemies), 2),
            })  # fmt: skip
    uneasy.sort(key=lambda u: -u["score"])
    # exposure paths: a friend's friend who is a's enemy
    exposure: dict[str, list[dict[str, Any]]] = {}
    for a in nodes_ids:
        paths = []
        for f in nodes_ids:
            if s(a, f) != 1:
                continue
            for h in nodes_ids:
                if h in (a, f) or s(f, h) != 1 or s(a, h) != -1:
                    continue
                ev = sum(
                    e["evidence"] for e in edges if {e["source"], e["target"]} in ({a, f}, {f, h})
                )
                paths.append({"path": [a, f, h], "hostile_end": h, "evidence": ev})
        if paths:
            exposure[a] = sorted(paths, key=lambda p: -p["evidence"])
    outlets = _outlets(documents, relations, quotes, quantities, doc_by_id)
    return {
        "meta": {
            "generated": "2024-05-01T12:00:00+00:00", "version": "0.1.0",
            "corpus": "sample: Iraq 2014-2016 (hand-written test fixture)",
            "n_documents": len(documents), "n_skipped": 1,
            "skipped": ["notes.pdf: unsupported format (.pdf); skipped"],
        },
        "documents": documents, "relations": relations,
        "network": {"nodes": nodes, "edges": edges},
        "triangles": {"census": dict(census), "strong_balance_ratio": strong,
                      "weak_balance_ratio": weak, "unbalanced": unbalanced},
        "frustration": {"index": cost, "exact": True, "lower_bound": cost,
                        "partition": part, "frustrated_edges": frustrated, "seconds": 0.01},
        "coalitions": {"camps": camps, "stats": {"method": "two-camp partition",
                                                 "frustration": cost}},
        "uneasy_alliances": uneasy, "exposure_paths": exposure,
        "outlets": outlets["outlets"], "outlet_differences": outlets["differences"],
        "quotes": quotes, "quantities": quantities,
    }  # fmt: skip


def _outlets(
    documents: list[dict[str, Any]],
    relations: list[dict[str, Any]],
    quotes: list[dict[str, Any]],
    quantities: list[dict[str, Any]],
    doc_by_id: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    names = sorted({d["outlet"] for d in documents})
    out: dict[str, Any] = {}
    ties_by: dict[str, dict[tuple[str, str], int]] = {}
    for o in names:
        rs = [r for r in relations if doc_by_id[r["doc_id"]]["outlet"] == o]
        m: Counter[str] = Counter()
        pos: Counter[str] = Counter()
        neg: Counter[str] = Counter()
        tie_ev: dict[tuple[str, str], list[int]] = defaultdict(list)
        for r in rs:
            for side in ("source", "target"):
                aid = r[side]["actor_id"]
                m[aid] += 1
                if not (r["negated"] or r["hypothetical"]):
                    (pos if r["sign"] > 0 else neg)[aid] += 1
            if not (r["negated"] or r["hypothetical"]):
                key = tuple(sorted((r["source"]["actor_id"], r["target"]["actor_id"])))
                tie_ev[key].append(r["sign"])  # type: ignore[index]
        total = sum(m.values())
        ties = {k: (1 if sum(v) > 0 else -1 if sum(v) < 0 else 0) for k, v in tie_ev.items()}
        ties_by[o] = ties
        qs = [q for q in quotes if doc_by_id[q["doc_id"]]["outlet"] == o]
        aff: Counter[str] = Counter((q["speaker"] or {}).get("actor_name") or "unknown" for q in qs)
        out[o] = {
            "actors": [{"actor_id": a, "name": ACTORS[a][0], "mentions": n,
                        "share": round(n / total, 3)} for a, n in m.most_common()],
            "ties": [{"a": a, "b": b, "sign": sg, "evidence": len(tie_ev[(a, b)])}
                     for (a, b), sg in sorted(ties.items())],
            "tone": {a: {"positive": round(pos[a] / max(1, pos[a] + neg[a]), 3),
                         "negative": round(neg[a] / max(1, pos[a] + neg[a]), 3)} for a in m},
            "sources": {"named": sum(not q["anonymous"] for q in qs),
                        "anonymous": sum(bool(q["anonymous"]) for q in qs),
                        "by_affiliation": dict(aff)},
            "quantities": [q["id"] for q in quantities
                           if doc_by_id[q["doc_id"]]["outlet"] == o],
        }  # fmt: skip
    only_in, opposite = [], []
    all_ties = {k for t in ties_by.values() for k in t}
    for k in sorted(all_ties):
        have = [o for o in names if k in ties_by[o]]
        if len(have) == 1:
            only_in.append({"outlet": have[0], "a": k[0], "b": k[1], "sign": ties_by[have[0]][k]})
        signs = {ties_by[o][k] for o in have}
        if 1 in signs and -1 in signs:
            opposite.append({"a": k[0], "b": k[1], "signs": {o: ties_by[o][k] for o in have}})
    numbers = []
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for q in quantities:
        groups[(q["concept"], q["actor_id"])].append(q)
    for (concept, actor), qs in sorted(groups.items()):
        if len({q["value"] for q in qs}) < 2:
            continue
        values = [
            {
                "outlet": doc_by_id[q["doc_id"]]["outlet"],
                "value": q["value"],
                "date": q["date"],
                "text": q["text"],
            }
            for q in qs
        ]
        kind = "change_over_time" if len({v["date"] for v in values}) > 1 else "discrepancy"
        numbers.append({"concept": concept, "actor_id": actor, "values": values, "kind": kind})
    covered: dict[str, list[str]] = defaultdict(list)
    for o in names:
        for a in out[o]["actors"]:
            covered[a["actor_id"]].append(o)
    not_covered = [
        {"actor_id": a, "covered_by": c, "ignored_by": [o for o in names if o not in c]}
        for a, c in sorted(covered.items())
        if len(c) < len(names)
    ]
    return {
        "outlets": out,
        "differences": {
            "only_in": only_in,
            "opposite_sign": opposite,
            "numbers": numbers,
            "not_covered": not_covered,
        },
    }


if __name__ == "__main__":
    target = Path(__file__).with_name("sample_bundle.json")
    target.write_text(json.dumps(build(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {target}")
