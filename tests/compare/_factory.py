"""Synthetic records modelled on the founding articles (Al Jazeera 2014, Fox News 2016).

Small builders keep the tests readable; every record validates against the real schema.
"""

from __future__ import annotations

import itertools

from allegiance.schema import (
    ActorArg,
    Document,
    Mention,
    Quantity,
    Quote,
    Relation,
    SentenceRef,
    TextSpan,
)

__all__ = ["ACTORS", "doc", "mentions", "quantity", "quote", "relation", "seed_like_records"]

_ids = itertools.count()

#: actor id -> (name, type, parent, country)
ACTORS: dict[str, tuple[str, str, str | None, str | None]] = {
    "USA": ("United States", "state", None, "USA"),
    "USA_MIL": ("United States Armed Forces", "military", "USA", "USA"),
    "IRN": ("Iran", "state", None, "IRN"),
    "IRQ": ("Iraq", "state", None, "IRQ"),
    "TUR": ("Turkey", "state", None, "TUR"),
    "SYR": ("Syria", "state", None, "SYR"),
    "ASSAD": ("Bashar al-Assad", "person", "SYR", "SYR"),
    "ISIL": ("Islamic State", "insurgent", None, None),
    "PMF": ("Popular Mobilization Forces", "militia", "IRQ", "IRQ"),
    "BADR": ("Badr Organization", "militia", "PMF", "IRQ"),
    "KURDS": ("Kurds", "ethnic_group", None, None),
    "KIMMITT": ("Mark Kimmitt", "person", None, "USA"),
    "GALLOWAY": ("Adrian Rankine-Galloway", "person", "USA_MIL", "USA"),
    "KADMI": ("Moen Al Kadmi", "person", "PMF", "IRQ"),
}

_SENT = SentenceRef(text="A sentence.", start=0, end=11)


def _n() -> str:
    return str(next(_ids))


def doc(doc_id: str, outlet: str | None, published: str | None = None) -> Document:
    """A document record."""
    return Document(doc_id=doc_id, outlet=outlet, published=published, n_chars=1000, sha256=doc_id)


def mentions(doc_id: str, actor_id: str, n: int = 1) -> list[Mention]:
    """``n`` mentions of a known actor in a document."""
    name, actor_type, parent, country = ACTORS[actor_id]
    return [
        Mention(
            id=f"{doc_id}:m{_n()}",
            doc_id=doc_id,
            text=name,
            start=0,
            end=len(name),
            actor_id=actor_id,
            actor_name=name,
            actor_type=actor_type,  # type: ignore[arg-type]
            country=country,
            parent_id=parent,
            resolved_by="kb",
            confidence=1.0,
        )
        for _ in range(n)
    ]


def _arg(actor_id: str | None) -> ActorArg:
    name = ACTORS[actor_id][0] if actor_id in ACTORS else actor_id
    return ActorArg(text=name or "they", start=0, end=4, actor_id=actor_id, actor_name=name)


def relation(
    doc_id: str,
    source: str | None,
    target: str | None,
    category: str,
    sign: int,
    *,
    negated: bool = False,
    hypothetical: bool = False,
    sentence: SentenceRef | None = None,
) -> Relation:
    """A relation between two known actors, in a sentence of its own unless given one
    (the network counts one report per sentence, pair and polarity)."""
    n = _n()
    text = f"Sentence {n}."
    return Relation(
        id=f"{doc_id}:r{n}",
        doc_id=doc_id,
        sentence=sentence or SentenceRef(text=text, start=0, end=len(text)),
        source=_arg(source),
        target=_arg(target),
        category=category,  # type: ignore[arg-type]
        quad_class=None,
        sign=sign,  # type: ignore[arg-type]
        intensity=0.0,
        negated=negated,
        hypothetical=hypothetical,
        trigger=TextSpan(text="backs", start=2, end=7),
        confidence=0.9,
    )


def quote(
    doc_id: str,
    *,
    speaker: str | None = None,
    speaker_text: str | None = None,
    role: str | None = None,
    anonymous: bool = False,
    text: str = "We are helping them.",
) -> Quote:
    """A quote; ``speaker`` is a known actor id, ``speaker_text`` the words for an unnamed one."""
    arg = None
    if speaker is not None:
        arg = _arg(speaker)
    elif speaker_text is not None:
        arg = ActorArg(text=speaker_text, start=0, end=len(speaker_text))
    return Quote(
        id=f"{doc_id}:q{_n()}",
        doc_id=doc_id,
        text=text,
        start=0,
        end=len(text),
        direct=True,
        speaker=arg,
        speaker_role=role,
        anonymous=anonymous,
    )


def quantity(
    doc_id: str,
    value: float,
    concept: str | None,
    actor_id: str | None,
    *,
    text: str | None = None,
    low: float | None = None,
    high: float | None = None,
    approximate: bool = False,
    change: str = "=",
    date: str | None = None,
) -> Quantity:
    """A reported number."""
    words = text or f"{value:,.0f} {concept}"
    return Quantity(
        id=f"{doc_id}:n{_n()}",
        doc_id=doc_id,
        text=words,
        start=0,
        end=len(words),
        value=value,
        low=low,
        high=high,
        approximate=approximate,
        concept=concept,
        actor_id=actor_id,
        change=change,  # type: ignore[arg-type]
        date=date,
        sentence=_SENT,
    )


def seed_like_records() -> list:
    """The two outlets' records, as the extractors should produce them for the seeds."""
    aj, fox = "aj", "fox"
    records: list = [doc(aj, "Al Jazeera", "2014-11-10"), doc(fox, "Fox News", "2016-10-20")]
    for actor_id, n in {"USA": 6, "IRN": 8, "ISIL": 3, "PMF": 3, "ASSAD": 3, "IRQ": 4}.items():
        records += mentions(aj, actor_id, n)
    for actor_id, n in {"USA": 8, "IRN": 6, "ISIL": 5, "PMF": 6, "TUR": 3, "KURDS": 1}.items():
        records += mentions(fox, actor_id, n)
    records += [
        # Al Jazeera: enemies on the same side.
        relation(aj, "USA", "IRN", "OPPOSE", -1),
        relation(aj, "USA", "ISIL", "ASSAULT", -1),
        relation(aj, "IRN", "ISIL", "ASSAULT", -1),
        relation(aj, "IRN", "PMF", "AID", 1),
        relation(aj, "IRN", "PMF", "SUPPORT", 1),
        relation(aj, "IRN", "ASSAD", "SUPPORT", 1),
        relation(aj, "USA", "ASSAD", "ALIGN", 1, negated=True),  # the US does not back Assad
        relation(aj, "USA", "TUR", "COOPERATE", 1, hypothetical=True),
        # Fox News: an uneasy alliance.
        relation(fox, "USA", "IRN", "COOPERATE", 1),
        relation(fox, "IRN", "USA", "COOPERATE", 1),
        relation(fox, "USA", "ISIL", "ASSAULT", -1),
        relation(fox, "TUR", "IRN", "OPPOSE", -1),
        relation(fox, "KURDS", "PMF", "OPPOSE", -1),
        relation(fox, "PMF", "USA", "OPPOSE", -1),
        relation(fox, "IRN", "PMF", "ALIGN", 1),
        # Al Jazeera's sources.
        quote(aj, speaker="KIMMITT", role="Former US brigade general"),
        quote(aj, speaker="KIMMITT", role="Former US brigade general"),
        quote(aj, speaker_text="one Western diplomatic source", anonymous=True),
        quote(aj, speaker_text="A commander for the Badr Brigade", anonymous=True),
        # Fox News' sources.
        quote(fox, speaker="GALLOWAY", role="Pentagon spokesman"),
        quote(fox, speaker="GALLOWAY", role="Pentagon spokesman"),
        quote(fox, speaker="KADMI", role="PMF Deputy Chief"),
        quote(fox, speaker_text="Shwan Mohommad Tihi", role="former Iraqi Parliament member"),
        quote(
            fox, speaker_text="a U.S. military source", role="U.S. military source", anonymous=True
        ),
        quote(
            fox,
            speaker_text="the U.S. military source",
            role="U.S. military source",
            anonymous=True,
        ),
        quote(fox, speaker_text="the U.S. source", anonymous=True),
        quote(fox, speaker_text="One Kurdish Peshmerga lieutenant general", anonymous=True),
        quote(fox, speaker_text="he", role="Kurdish Peshmerga lieutenant general", anonymous=True),
        quote(fox, speaker_text="a senior official with the Asayish", anonymous=True),
        quote(fox, text="complicated"),  # scare quotes: no speaker, not a source
        # Numbers.
        quantity(aj, 1500, "troops", "USA", change="up", text="1,500 more troops"),
        quantity(
            aj, 3000, "troops", "USA", low=3000, approximate=True, text="just over the 3,000 mark"
        ),
        quantity(fox, 600, "troops", "USA", low=600, text="more than 600 troops"),
        quantity(
            fox,
            5000,
            "troops",
            "USA",
            high=5000,
            approximate=True,
            text="nearly 5,000",
            date="2016-10-20",
        ),
        quantity(fox, 200, "advisers", "USA", approximate=True, text="some 200 advisers"),
    ]
    return records
