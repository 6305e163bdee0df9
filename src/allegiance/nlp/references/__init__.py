"""References: surnames, acronyms, pronouns and descriptions resolved once per document.

The component ``allegiance_references`` (:mod:`.component`) is the only part of the pipeline
that resolves them; its answers are actor spans (``resolved_by == "coref"``) that the quote
and relation components read. The word lists are data (``lexicon/data/references.yaml``, read
by :mod:`allegiance.lexicon.references`); docs/references.md describes both. A second, small
component, ``allegiance_speaker_references`` (:mod:`.speakers`), runs after quotes: a quoted
"we" is the side its speaker speaks for, which only the quotes know. The speakers of quotes
that are pronouns or descriptions ("he said", "the company said") are resolved here as well
(:mod:`.quote_speakers`, ``SpeakerResolver``), over the history of speakers the quote
component keeps and passes in.
"""

from __future__ import annotations

from ...lexicon.references import ReferenceData, definite_determiners, load_references, pronouns
from .binding import controlling_objects
from .component import ARGUMENT_REFERENCE, FACTORY, ReferenceResolver, make_reference_resolver
from .quote_speakers import QuoteReading, SpeakerResolver
from .resolver import Antecedent, MentionIndex, Resolver
from .speakers import SPEAKER_FACTORY, SPEAKER_REFERENCE, SpeakerReferences

__all__ = [
    "ARGUMENT_REFERENCE",
    "FACTORY",
    "SPEAKER_FACTORY",
    "SPEAKER_REFERENCE",
    "Antecedent",
    "MentionIndex",
    "QuoteReading",
    "ReferenceData",
    "ReferenceResolver",
    "Resolver",
    "SpeakerReferences",
    "SpeakerResolver",
    "controlling_objects",
    "definite_determiners",
    "load_references",
    "make_reference_resolver",
    "pronouns",
]
