"""Split paragraphs into sentences, keeping offsets into the clean text.

A sentence ends at ".", "!" or "?" (with any closing quotes or brackets) followed by space
and a capital, a digit or an opening quote, unless the word before the full stop is an
abbreviation listed in ``data/abbreviations.txt`` or an initial. A wire story's dateline
("OSLO - ", "AMSTERDAM, 2 May 2017 - ") is a sentence of its own: glued to the first sentence it
would be read as part of its subject.
"""

from __future__ import annotations

import re

from .abbreviations import abbreviations
from .model import Segment

_END = re.compile(r"[.!?]+[”’\"')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")
_TOKEN_BEFORE = re.compile(r"(\S+)$")
_INITIALISM = re.compile(r"(?:[A-Z]\.)+[A-Z]")
_DATELINE = re.compile(
    r"[A-Z]{2}[A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+)*"  # the place, in capitals
    r"(?:\s*\([^()\n]{1,40}\))?"  # an agency: "(Reuters)"
    r"(?:,[^\n–—]{1,40}?)?"  # a date: ", 2 May 2017"
    r"\s+(?:--|[-–—])(?=\s+[\"“‘'(]?[A-Z0-9])"
)


def split_sentences(text: str, offset: int = 0) -> list[Segment]:
    """Sentences of ``text``; their offsets are shifted by ``offset``."""
    known = abbreviations()
    sentences: list[Segment] = []
    start = 0
    dateline = _DATELINE.match(text)
    if dateline:
        _append(sentences, text, 0, dateline.end(), offset)
        start = dateline.end()
    for match in _END.finditer(text):
        if match.group().startswith(".") and _is_abbreviation(text[: match.start()], known):
            continue
        _append(sentences, text, start, match.end(), offset)
        start = match.end()
    _append(sentences, text, start, len(text), offset)
    return sentences


def _is_abbreviation(before: str, abbreviations: frozenset[str]) -> bool:
    token = _TOKEN_BEFORE.search(before)
    if token is None:
        return False
    word = token.group(1).lstrip("(“\"‘'[")
    if len(word) == 1 and word.isupper():
        return True
    last = word.rsplit("-", 1)[-1]  # "then-U.N."
    if _INITIALISM.fullmatch(last):
        return True
    return word.casefold() in abbreviations or last.casefold() in abbreviations


def _append(sentences: list[Segment], text: str, start: int, end: int, offset: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Segment(start + offset, end + offset, text[start:end]))
