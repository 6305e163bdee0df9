"""The cue and unnamed-source lexicons (``quote_cues.yaml``, ``anonymous_sources.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...lexicon.io import lexicon_layers

_DATA = Path(__file__).resolve().parents[2] / "lexicon" / "data"
#: The bundled cue lexicon and unnamed-source lexicon.
QUOTE_CUES = _DATA / "quote_cues.yaml"
ANONYMOUS_SOURCES = _DATA / "anonymous_sources.yaml"


@dataclass(frozen=True)
class QuoteLexicon:
    """Words that signal reported speech and unnamed sources (from the YAML data files)."""

    verbs: frozenset[str]
    weak_verbs: frozenset[str]
    according_to: tuple[str, ...]
    statement_nouns: frozenset[str]
    transcript_labels: frozenset[str]
    titles: frozenset[str]
    max_scare_words: int
    anonymous_heads: frozenset[str]
    anonymous_phrases: tuple[str, ...]
    documents: frozenset[str]
    organisation_nouns: frozenset[str] = frozenset()
    next_line_leads: tuple[str, ...] = ()
    claim_nouns: frozenset[str] = frozenset()

    def to_dict(self) -> dict[str, Any]:
        """A plain dict (the two YAML files merged) for saving with the pipeline."""
        return {
            "verbs": sorted(self.verbs),
            "weak_verbs": sorted(self.weak_verbs),
            "according_to": list(self.according_to),
            "statement_nouns": sorted(self.statement_nouns),
            "transcript_labels": sorted(self.transcript_labels),
            "titles": sorted(self.titles),
            "max_scare_words": self.max_scare_words,
            "heads": sorted(self.anonymous_heads),
            "phrases": list(self.anonymous_phrases),
            "documents": sorted(self.documents),
            "organisation_nouns": sorted(self.organisation_nouns),
            "next_line_leads": list(self.next_line_leads),
            "claim_nouns": sorted(self.claim_nouns),
        }


def _from_dict(data: dict[str, Any]) -> QuoteLexicon:
    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key, []) or [])

    return QuoteLexicon(
        verbs=words("verbs"),
        weak_verbs=words("weak_verbs"),
        according_to=tuple(str(w).lower() for w in data.get("according_to", []) or []),
        statement_nouns=words("statement_nouns"),
        transcript_labels=words("transcript_labels"),
        titles=words("titles"),
        max_scare_words=int(data.get("max_scare_words", 3)),
        anonymous_heads=words("heads"),
        anonymous_phrases=tuple(str(w).lower() for w in data.get("phrases", []) or []),
        documents=words("documents"),
        organisation_nouns=words("organisation_nouns"),
        next_line_leads=tuple(str(w).lower() for w in data.get("next_line_leads", []) or []),
        claim_nouns=words("claim_nouns"),
    )


def load_quote_lexicon(paths: list[str] | tuple[str, ...] = ()) -> QuoteLexicon:
    """Load the bundled cue and unnamed-source lexicons, extended by user YAML files.

    Args:
        paths: user files with any of the keys of ``quote_cues.yaml`` and
            ``anonymous_sources.yaml``; their lists are added to the bundled ones, scalars
            replace them.

    Raises:
        LexiconError: when a file cannot be read or is not a mapping.
    """
    merged: dict[str, Any] = {}
    for _path, data in lexicon_layers((QUOTE_CUES, ANONYMOUS_SOURCES), paths):
        for key, value in data.items():
            if isinstance(value, list):
                merged[key] = list(merged.get(key, [])) + value
            else:
                merged[key] = value
    return _from_dict(merged)
