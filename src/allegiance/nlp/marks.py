"""Quotation marks: the characters, and the text ranges they enclose."""

from __future__ import annotations

_OPEN = '"“„«'
_MARKS = '"“”„«»'
_STRIP = " \t\n\r\u200e\u200f\u00a0,;:-–—"
_SINGLE_OPEN = "‘'"
_SINGLE_CLOSE = "’'"


def find_quotation_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of the text inside quotation marks, multi-paragraph quotes joined.

    A quote opened in a paragraph and not closed there continues when the next paragraph
    opens with a quotation mark (the news convention); otherwise it ends with its paragraph.

    Single quotation marks (‘…’ or '…', as some outlets and headlines use them) count when
    they open before a word and close after one, outside any double-quoted text, within one
    paragraph; an apostrophe inside a word (don’t, Ryder’s) or before a number (’19) is not a
    mark.

    >>> t = 'He said "yes, we will." Then: “No”.'
    >>> [t[a:b] for a, b in find_quotation_spans(t)]
    ['yes, we will.', 'No']
    >>> t = "Mattis: Military Becoming ‘Stronger, More Lethal’; the troops’ base isn’t."
    >>> [t[a:b] for a, b in find_quotation_spans(t)]
    ['Stronger, More Lethal']
    """
    spans = _double_quotation_spans(text)
    singles = [
        (a, b)
        for a, b in _single_quotation_spans(text)
        if not any(x - 1 <= a and b <= y + 1 for x, y in spans)
    ]
    return sorted(spans + singles)


def _single_quotation_spans(text: str) -> list[tuple[int, int]]:
    """Ranges inside single quotation marks (one paragraph at most)."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    i = 0
    while i < n:
        c = text[i]
        if (
            c not in _SINGLE_OPEN
            or (i > 0 and not (text[i - 1].isspace() or text[i - 1] in "([—–-:"))
            or i + 1 >= n
            or not text[i + 1].isalpha()
        ):
            i += 1
            continue
        end = -1
        for j in range(i + 2, n):
            d = text[j]
            if d == "\n":
                break
            if (
                d in _SINGLE_CLOSE
                and not text[j - 1].isspace()
                and (j + 1 >= n or not text[j + 1].isalnum())
                and (d == "’" or c == "'")
            ):
                end = j
                break
        if end < 0:
            i += 1
            continue
        a, b = i + 1, end
        while b > a and text[b - 1] in " \t":
            b -= 1
        if b > a:
            spans.append((a, b))
        i = end + 1
    return spans


def _double_quotation_spans(text: str) -> list[tuple[int, int]]:
    """Ranges inside double quotation marks, multi-paragraph quotes joined."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        if text[i] not in _MARKS or text[i] in "”»" or i + 1 >= n or text[i + 1].isspace():
            i += 1
            continue
        start = i + 1
        j = start
        end = -1
        while j < n:
            c = text[j]
            if c == "\n":
                k = j
                while k < n and text[k].isspace():
                    k += 1
                if k < n and text[k] in _OPEN:
                    j = k + 1  # the quote continues in the next paragraph
                    continue
                end = j  # unclosed: the quote ends with its paragraph
                break
            if c in _MARKS:
                end = j
                break
            j += 1
        if end < 0:
            end = n
        a, b = start, end
        while a < b and text[a] in _STRIP:
            a += 1
        while b > a and text[b - 1] in " \t\n\r\u200e\u200f\u00a0":
            b -= 1
        if b > a:
            spans.append((a, b))
        i = end + 1
    return spans
