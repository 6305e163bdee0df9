"""References: surnames, acronyms, pronouns and descriptions resolved once per document.

The component ``allegiance_references`` (:mod:`.component`) is the only part of the pipeline
that resolves them; its answers are actor spans (``resolved_by == "coref"``) that the quote
and relation components read. The word lists are data (``lexicon/data/references.yaml``, read
by :mod:`allegiance.lexicon.references`); docs/references.md describes both.
"""

from __future__ import annotations

from ...lexicon.references import ReferenceData, definite_determiners, load_references, pronouns
from .binding import controlling_objects
from .component import ARGUMENT_REFERENCE, FACTORY, ReferenceResolver, make_reference_resolver
from .resolver import Antecedent, MentionIndex, Resolver

__all__ = [
    "ARGUMENT_REFERENCE",
    "FACTORY",
    "Antecedent",
    "MentionIndex",
    "ReferenceData",
    "ReferenceResolver",
    "Resolver",
    "controlling_objects",
    "definite_determiners",
    "load_references",
    "make_reference_resolver",
    "pronouns",
]
