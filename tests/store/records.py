"""Small hand-made records for the store tests (no model needed)."""

from __future__ import annotations

from allegiance.schema import (
    Act,
    ActorArg,
    Document,
    Mention,
    Quantity,
    Quote,
    Relation,
    SentenceRef,
    TextSpan,
)


def group(i: int, *, outlet: str = "Wire", published: str | None = "2024-03-05") -> list:
    """One document's records: a document, two mentions, a quote, two relations, a one-actor
    act, a number."""
    d = f"d{i}"
    text = f"Iran and Iraq signed a pact {i}. Iraq attacked Iran."
    s1 = SentenceRef(text=f"Iran and Iraq signed a pact {i}.", start=0, end=30)
    s2 = SentenceRef(text="Iraq attacked Iran.", start=31, end=50)
    iran = ActorArg(text="Iran", start=0, end=4, actor_id="IRN", actor_name="Iran")
    iraq = ActorArg(text="Iraq", start=9, end=13, actor_id="IRQ", actor_name="Iraq")
    return [
        Document(doc_id=d, n_chars=len(text), sha256=f"{i:064x}", outlet=outlet,
                 published=published, source=f"in.jsonl:{i}"),
        Mention(id=f"{d}:m0", doc_id=d, text="Iran", start=0, end=4, actor_id="IRN",
                actor_name="Iran", actor_type="state", country="IRN", resolved_by="kb",
                confidence=1.0),
        Mention(id=f"{d}:m1", doc_id=d, text="Iraq", start=9, end=13, actor_id="IRQ",
                actor_name="Iraq", actor_type="state", country="IRQ", resolved_by="kb",
                confidence=0.9),
        Quote(id=f"{d}:q0", doc_id=d, text="We will respond", start=0, end=15, direct=True,
              speaker=iran, anonymous=False),
        Relation(id=f"{d}:r0", doc_id=d, sentence=s1, source=iran, target=iraq,
                 category="AGREE", quad_class=1, sign=1, intensity=3.0, symmetric=True,
                 trigger=TextSpan(text="signed", start=14, end=20), confidence=0.8),
        Relation(id=f"{d}:r1", doc_id=d, sentence=s2, source=iraq, target=iran,
                 category="ASSAULT", quad_class=4, sign=-1, intensity=-9.0,
                 trigger=TextSpan(text="attacked", start=36, end=44), confidence=0.9,
                 attributed_to=ActorArg(text="officials", start=0, end=9)),
        Act(id=f"{d}:a0", doc_id=d, sentence=s2, source=iraq, category="MOBILIZE", quad_class=4,
            sign=-1, intensity=-6.0, trigger=TextSpan(text="attacked", start=36, end=44),
            confidence=0.6),
        Quantity(id=f"{d}:n0", doc_id=d, text=f"{i} soldiers", start=0, end=5, value=float(i),
                 unit="people", sentence=s2),
    ]  # fmt: skip
