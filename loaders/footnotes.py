"""Take footnote reference numbers out of running text, remembering where they stood.

Extracted text loses superscript formatting, so "Refugees.³ Section" arrives as
"Refugees.3 Section" and "harm,⁴⁷ notably" as "harm,47 notably". A number is taken for a
marker only in shapes ordinary numbers do not take: glued to the punctuation or closing
quote that ends a clause, after a sentence at the very end of a paragraph, in brackets
opening a footnote body ("[1]The ..."). Weaker shapes (glued to a bare word, glued after
a digit as in "article 3.66") count only when they continue the document's running
sequence of markers, which callers pass in as ``last``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .abbreviations import abbreviations
from .model import Footnote

_NUMBER = r"[1-9]\d{0,2}"
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")

# Glued to clause-ending punctuation or a closing quote/bracket: ".3", ",21", ".”1", ")1".
_AFTER_PUNCT = re.compile(
    rf"(?<=[.,;:!?)\]\u201d\u2019\"'])(?P<n>{_NUMBER})(?![\d\w])|"
    rf"(?<=[.,;:!?)\]\u201d\u2019\"'])(?P<m>{_NUMBER})(?=[A-Z])"
)
# Glued to a lower-case word of three letters or more: "alleged97 and".
_AFTER_WORD = re.compile(rf"(?<=[a-z]{{3}})(?P<n>{_NUMBER})(?=[\s,.;:]|$)")
# A bracketed number at the start of a line or glued to the preceding text: "[1]The".
_BRACKETED = re.compile(rf"(?:(?<=^)|(?<=\n)|(?<=\S))\[(?P<n>{_NUMBER})\]")
# Superscript digits after punctuation or a word of three letters or more (not "km²").
_SUPERSCRIPT = re.compile(
    r"(?:(?<=[a-z]{3})|(?<=[.,;:!?)\]\u201d\u2019\"']))(?P<n>[¹²³⁴-⁹][⁰¹²³⁴-⁹]{0,2})"
)
# After the sentence that ends a paragraph, separated by blanks: "refugee. 32".
_AT_END = re.compile(
    rf"(?:[.!?][\u201d\u2019\"]?|[\u201d\u2019\"][.!?])(?P<gap>[ \t]+)(?P<n>{_NUMBER})\s*$"
)


# How far ahead of the running sequence a strong candidate may jump, and a weak one.
STRONG_JUMP = 20
WEAK_JUMP = 3


@dataclass(frozen=True)
class _Candidate:
    """A possible marker: the span to cut, its number, and how much evidence it has."""

    start: int
    end: int
    number: int
    strength: str  # "strong", "weak" (needs the sequence) or "next" (must be last + 1)


def _word_before(text: str, index: int) -> str:
    """The letters immediately before ``index`` (the word a period belongs to)."""
    match = re.search(r"[A-Za-z]+$", text[:index])
    return match.group().lower() if match else ""


def _candidates(text: str) -> list[_Candidate]:
    """Every span that could be a marker, strongest reading first at each position."""
    found: list[_Candidate] = []
    for match in _AFTER_PUNCT.finditer(text):
        group = "n" if match.group("n") else "m"
        start, end = match.span(group)
        punct = text[start - 1]
        before = text[start - 2] if start >= 2 else ""
        if punct == "." and _word_before(text, start - 1) in abbreviations():
            continue
        if before.isdigit():
            strength = "next"  # "article 3.66": a marker only if it is the next one
        elif before.isspace() or not before:
            continue  # ", 2005" or a bare ".5" is not glued to any text
        else:
            strength = "strong"
        found.append(_Candidate(start, end, int(match.group(group)), strength))
    for match in _AFTER_WORD.finditer(text):
        word_start = match.start() - len(_word_before(text, match.start()))
        if word_start > 0 and not (text[word_start - 1].isspace() or text[word_start - 1] in '(“"'):
            continue
        found.append(_Candidate(match.start(), match.end(), int(match.group("n")), "weak"))
    for match in _BRACKETED.finditer(text):
        found.append(_Candidate(match.start(), match.end(), int(match.group("n")), "strong"))
    for match in _SUPERSCRIPT.finditer(text):
        digits = match.group("n").translate(_SUPERSCRIPTS)
        found.append(_Candidate(match.start(), match.end(), int(digits), "strong"))
    tail = _AT_END.search(text)
    if tail and _word_before(text, tail.start()) not in abbreviations():
        found.append(_Candidate(tail.start("gap"), tail.end("n"), int(tail.group("n")), "end"))
    found.sort(key=lambda c: (c.start, -c.end))
    return found


def _accept(candidate: _Candidate, last: int | None) -> bool:
    """Whether the candidate fits the running sequence well enough for its strength."""
    n = candidate.number
    if candidate.strength == "strong":
        return last is None or n <= last + STRONG_JUMP
    if candidate.strength == "end":
        return last is None or last < n <= last + STRONG_JUMP
    if last is None:
        return False
    if candidate.strength == "weak":
        return last < n <= last + WEAK_JUMP
    return n == last + 1


def strip_footnote_markers(text: str, last: int | None = None) -> tuple[str, list[Footnote]]:
    """Remove footnote markers from ``text``; return the text and the markers taken.

    ``last`` is the number of the previous marker in the same document (``None`` when
    unknown); it lets weak candidates through when they continue the sequence. Each
    ``Footnote.offset`` indexes the returned text at the place the marker stood. When
    the marker was glued between two words ("obligation).1No") a space is put back
    after the offset so the words stay apart.
    """
    out: list[str] = []
    markers: list[Footnote] = []
    pos = 0
    length = 0
    for candidate in _candidates(text):
        if candidate.start < pos or not _accept(candidate, last):
            continue
        kept = text[pos : candidate.start]
        out.append(kept)
        length += len(kept)
        markers.append(Footnote(number=candidate.number, offset=length))
        last = candidate.number
        pos = candidate.end
        following = text[pos : pos + 1]
        if following.isalpha() and length and not out[-1][-1:].isspace():
            out.append(" ")
            length += 1
    out.append(text[pos:])
    return "".join(out), markers
