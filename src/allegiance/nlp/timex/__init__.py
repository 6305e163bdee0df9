"""The time a relation is about: its time expression, resolved against the document date.

A relation reported in a 2016 article may be about last week, about 2003, or about "the days
of the US occupation". This module finds the time expression that governs a relation's
trigger, by the dependency parse, and resolves it:

- *explicit* dates: "on March 3, 2016", "in March 2016", "in 2014", "in the 1980s",
  "the 19th century", spans "between 2003 and 2011", "since 2014", "until 2011";
- *relative* expressions, resolved against the document's date: "yesterday", "on Tuesday",
  "last week", "earlier this month", "next year", "two years ago", "the past three years";
- *historical references* with no date of their own: "the days of the US occupation",
  "reminds some of ...", "dating back to ...", "Iraqis recall ...", "former allies",
  "Iran once backed ...", "used to".

A relation is *historical* when such a reference governs it, or when its period ends more
than ``past_after_days`` (time.yaml) before the document date. The words are data
(``lexicon/data/time.yaml``); the rules and their examples are in docs/time.md.

Only the trigger's own clause is searched: "Officials said on Tuesday that Iran sent troops"
gives the sending no time (Tuesday is when it was said), and a year that names a thing ("Iran
violated the 2014 agreement") is not the time of the violation.
"""

from __future__ import annotations

from . import component  # noqa: F401  (registers the spaCy factory allegiance_time)
from .lexicon import DEFAULT_TIME_LEXICON, TimeLexicon, load_time_lexicon
from .periods import Period, parse_expression
from .resolver import TimeResolver, annotate_relations

__all__ = [
    "DEFAULT_TIME_LEXICON",
    "Period",
    "TimeLexicon",
    "TimeResolver",
    "annotate_relations",
    "load_time_lexicon",
    "parse_expression",
]
