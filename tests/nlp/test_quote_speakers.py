"""The references package's quote-speaker resolver, given a quote history by hand."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from allegiance.nlp.gender import load_gender_data
from allegiance.nlp.quotes import load_quote_lexicon
from allegiance.nlp.references import SpeakerResolver
from allegiance.nlp.references.quote_speakers import Source, name_words


@dataclass
class _Reading:
    """A quote history written by hand: the speakers so far and one segment per sentence."""

    doc: Doc
    sources: list[tuple[int, Source]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.segments: list[Span] = list(self.doc.sents)
        self.seg_of = [0] * len(self.doc)
        for k, seg in enumerate(self.segments):
            for i in range(seg.start, seg.end):
                self.seg_of[i] = k

    def sent_of(self, t: Token) -> Span:
        return self.segments[self.seg_of[t.i]]

    def tok(self, char: int) -> int:
        return next((t.i for t in reversed(self.doc) if t.idx <= char), 0)

    def in_quote(self, t: Token) -> bool:
        return False

    def actor_for(self, start: int, end: int) -> tuple[str | None, str | None]:
        return None, None


def _resolver(nlp, text: str, sources=()) -> tuple[SpeakerResolver, Doc]:
    doc = nlp(text)
    reading = _Reading(doc, list(sources))
    return SpeakerResolver(doc, reading, load_gender_data(), load_quote_lexicon().verbs), doc


def test_a_pronoun_takes_the_person_of_its_gender(nlp) -> None:
    text = (
        "Mr. Daniel Okafor met Mrs. Helen Brandt in Geneva. Brandt argued that the deal was dead."
    )
    resolver, doc = _resolver(nlp, text)
    she = resolver.resolve_personal("she", len(text))
    he = resolver.resolve_personal("he", len(text))
    assert she is not None and "Brandt" in she.text
    assert he is not None and he.text == "Daniel Okafor"


def test_an_earlier_unnamed_source_of_the_history_is_a_candidate(nlp) -> None:
    text = "The fire spread quickly through the warehouse district overnight."
    spokeswoman = Source(0, 3, "a police spokeswoman", anonymous=True,
                         words=name_words("a police spokeswoman"))  # fmt: skip
    resolver, _ = _resolver(nlp, text, [(0, spokeswoman)])
    found = resolver.resolve_personal("she", len(text))
    assert found is not None and found.text == "a police spokeswoman"
    assert resolver.resolve_personal("he", len(text)) is None  # a woman is no "he"


def test_a_description_finds_the_source_whose_words_it_holds(nlp) -> None:
    text = "The committee met on Tuesday. The vote was postponed."
    chair = Source(
        0, 3, "Sen. Maria Lopez", role="chairwoman", words=name_words("Sen. Maria Lopez chairwoman")
    )
    resolver, _ = _resolver(nlp, text, [(0, chair)])
    assert resolver.resolve("the senator", len(text), "senator") is not None  # "Sen." spelled out
    assert resolver.resolve("the treasurer", len(text), "treasurer") is None


def test_the_company_is_the_organisation_named_as_a_subject_before(nlp) -> None:
    text = "Microsoft denied the claims on Friday. Its shares fell."
    resolver, _ = _resolver(nlp, text)
    found = resolver.resolve_organisation("company", len(text))
    assert found is not None and found.text == "Microsoft"
