"""Corrections of the model's lemmatizer, as a spaCy ``attribute_ruler`` fed from data.

The trigger and cue lexicons are looked up by lemma, so a verb that the model lemmatizes wrongly
("fined" -> "fin", "waged" -> "wag") can never be a trigger. The corrections are data
(``lexicon/data/lemmas.yaml``, and the ``lemmas`` section of any ``--lexicon`` file); they are
applied by spaCy's own attribute ruler, placed right after the lemmatizer.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language

from ..errors import LexiconError, Messages
from ..lexicon.io import lexicon_layers

__all__ = ["DEFAULT_LEMMAS", "LEMMA_PIPE", "add_lemma_fixes", "load_lemma_fixes"]

DEFAULT_LEMMAS = Path(__file__).resolve().parents[1] / "lexicon" / "data" / "lemmas.yaml"
LEMMA_PIPE = "allegiance_lemmas"


def load_lemma_fixes(paths: Iterable[str | Path] = ()) -> dict[tuple[str, str], str]:
    """``(form, POS) -> lemma`` from the bundled file and the ``lemmas`` sections of ``paths``.

    Raises:
        LexiconError: naming the file and the entry that is not a list of forms.
    """
    fixes: dict[tuple[str, str], str] = {}
    for path, data in lexicon_layers((DEFAULT_LEMMAS,), paths):
        section = data.get("lemmas") or {}
        if not isinstance(section, dict):
            raise LexiconError(f"{path}: 'lemmas' must be a mapping of lemma to word forms")
        for lemma, value in section.items():
            forms, pos = _entry(value, path, str(lemma))
            for form in forms:
                for tag in pos:
                    fixes[(form.lower(), tag)] = str(lemma).lower()
    return fixes


def _entry(value: Any, path: Path, lemma: str) -> tuple[list[str], list[str]]:
    pos: Any = ["VERB"]
    if isinstance(value, dict):
        pos = value.get("pos", pos)
        value = value.get("forms")
    if isinstance(pos, str):
        pos = [pos]
    if not isinstance(value, list) or not all(isinstance(f, str) for f in value):
        reason = "expected a list of word forms (or {forms: [...], pos: [...]})"
        raise LexiconError(Messages.LEXICON_ENTRY.format(path=path, entry=lemma, reason=reason))
    if not isinstance(pos, list) or not all(isinstance(p, str) for p in pos):
        reason = "pos must be a part-of-speech tag or a list of them"
        raise LexiconError(Messages.LEXICON_ENTRY.format(path=path, entry=lemma, reason=reason))
    return value, [p.upper() for p in pos]


def add_lemma_fixes(nlp: Language, lexicon_paths: Iterable[str | Path] = ()) -> None:
    """Add the corrections as an attribute ruler after the model's lemmatizer (if it has one).

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> add_lemma_fixes(nlp)
    >>> LEMMA_PIPE in nlp.pipe_names
    False
    """
    if "lemmatizer" not in nlp.pipe_names or LEMMA_PIPE in nlp.pipe_names:
        return
    ruler = nlp.add_pipe("attribute_ruler", name=LEMMA_PIPE, after="lemmatizer")
    for (form, pos), lemma in sorted(load_lemma_fixes(lexicon_paths).items()):
        ruler.add([[{"LOWER": form, "POS": pos}]], {"LEMMA": lemma})  # type: ignore[attr-defined]
