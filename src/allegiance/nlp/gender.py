"""Grammatical gender of people, for agreeing "he"/"she" with the person they refer to.

The data is in the lexicon: ``references.yaml`` (``pronoun_gender``, ``honorific_gender``,
``gendered_nouns``) and ``first_names.yaml`` (given names by the gender they usually signal).
A person whose gender nothing tells agrees with both pronouns.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..lexicon.io import lexicon_layers

__all__ = ["FIRST_NAMES", "GenderData", "load_gender_data"]

_DATA = Path(__file__).resolve().parents[1] / "lexicon" / "data"
#: The bundled given-name lists.
FIRST_NAMES = _DATA / "first_names.yaml"
_REFERENCES = _DATA / "references.yaml"


@dataclass(frozen=True)
class GenderData:
    """Which gender a pronoun asks for and which a name, honorific or noun gives."""

    pronouns: dict[str, str]
    honorifics: dict[str, str]
    nouns: dict[str, str]
    first_names: dict[str, str]

    def of_words(self, words: list[str]) -> str | None:
        """The gender the words of a speaker phrase give ("Mrs. Karen Doyle", "Ana Ruiz",
        "a police spokeswoman"), or None.

        An honorific or a gendered noun anywhere decides; else the first given name found.

        >>> data = load_gender_data()
        >>> data.of_words(["Union", "negotiator", "Ana", "Ruiz"]), data.of_words(["Mr.", "Lee"])
        ('female', 'male')
        """
        low = [w.lower() for w in words]
        for w in low:
            g = self.honorifics.get(w) or self.honorifics.get(w.rstrip(".")) or self.nouns.get(w)
            if g:
                return g
        for w in low:
            if w in self.first_names:
                return self.first_names[w]
        return None


@lru_cache(maxsize=4)
def load_gender_data(paths: tuple[str, ...] = ()) -> GenderData:
    """Load the bundled gender data, extended by user files with the same keys.

    Raises:
        LexiconError: when a file cannot be read or is not a mapping.
    """
    pronouns: dict[str, str] = {}
    honorifics: dict[str, str] = {}
    nouns: dict[str, str] = {}
    names: dict[str, str] = {}
    for _path, data in lexicon_layers((_REFERENCES, FIRST_NAMES), paths):
        for key, target in (
            ("pronoun_gender", pronouns),
            ("honorific_gender", honorifics),
            ("gendered_nouns", nouns),
        ):
            for word, gender in (data.get(key) or {}).items():
                target[str(word).lower()] = str(gender)
        for gender in ("male", "female"):
            for name in data.get(gender) or ():
                names[str(name).lower()] = gender
    return GenderData(pronouns, honorifics, nouns, names)
