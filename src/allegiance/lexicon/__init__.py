"""Trigger lexicon data and its loader."""

from .triggers import DEFAULT_LEXICON, CategoryInfo, Lexicon, Pattern, Trigger, load_lexicon

__all__ = ["DEFAULT_LEXICON", "CategoryInfo", "Lexicon", "Pattern", "Trigger", "load_lexicon"]
