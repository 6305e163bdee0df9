"""Reported numbers: value, range, what is counted, whose, change and date.

The ``allegiance_quantities`` component fills ``doc._.quantities`` with
:class:`~allegiance.schema.Quantity` records. It reads numbers in digits and words
("1,500", "Ninety-Four", "1.5 million", "$500 million"), approximations and bounds ("nearly
5,000", "more than 500", "some 200", "just over the 3,000 mark"), ranges ("between 10 and 20",
"15 to 20 percent": value is the midpoint) and vague counts ("dozens of" 24, "scores of" 40,
"hundreds of" 200, "thousands of" 2,000, "tens of thousands of" 20,000, "millions of"
2,000,000: all approximate with a lower bound). Years, dates, clock times, ordinals, ages,
phone numbers, list numbering and numbers inside names ("Resolution 2254", "CTF 50") are not
quantities.
"""

from __future__ import annotations

from .component import QuantityExtractor
from .lexicon import QUANTITY_CONCEPTS, QUANTITY_UNITS, QuantityLexicon, load_quantity_lexicon
from .numbers import find_numbers
from .words import parse_number

__all__ = [
    "QUANTITY_CONCEPTS",
    "QUANTITY_UNITS",
    "QuantityExtractor",
    "QuantityLexicon",
    "find_numbers",
    "load_quantity_lexicon",
    "parse_number",
]
