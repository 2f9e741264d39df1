"""Turn text extracted from a PDF into headings and paragraphs.

PDF text is hard-wrapped, hyphenated at line ends, carries page furniture (running
headers, page numbers), loses superscripts (footnote numbers glued to words) and may
have stretches in a broken font encoding. Everything here works from the shape of the
text alone: no rule knows a particular document, phrase or line number.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .footnotes import strip_footnote_markers
from .glyphs import repair_glyphs
from .hyphenation import HYPHENS, Vocabulary, build_vocabulary, join_lines
from .model import Block, BlockKind, Cleaned, Metadata

# Bullet glyphs as they come out of symbol fonts: "¶" and "ß" are Wingdings/Symbol
# bullets mis-mapped to Latin-1, U+F0B7 etc. are private-use symbol code points. A "ß"
# followed by a space cannot be German (it never starts a word). Dashes and "§" are left
# out: a wrapped line may well start with one mid-sentence.
BULLETS = "•◦▪▫●○■□‣∙·¶ß\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0a8\u2043\u2219"
_BULLET = re.compile(rf"^\s*[{re.escape(BULLETS)}]\s+(?=\S)")

_ROMAN = r"(?=[IVX])(?:X{0,3})(?:IX|IV|V?I{0,3})"
_LABELLED = re.compile(
    rf"^\s*(?:(?P<roman>{_ROMAN})|(?P<number>\d{{1,2}})|(?P<letter>[a-z])|(?P<upper>[A-Z]))"
    r"[.)]\s+(?P<title>[\"“‘(]?[A-Z].*)$"
)
_ANNEX = re.compile(
    r"^\s*(?:ANNEX|Annex|APPENDIX|Appendix|SCHEDULE|Schedule)\s+(?:[IVXL]+|\d+|[A-Z])\b"
    r"(?:\s*[.:\u2013\u2014-]\s*\S.*)?\s*$"
)
_SENTENCE_END = re.compile(r"[.!?:;][\"”’')\]]*(?:\s*\d{1,3})?\s*$")
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-\u2013\u2014]\s*)?(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?"
    r"(?:\s*[-\u2013\u2014])?\s*$",
    re.IGNORECASE,
)
_LOWER_START = re.compile(r"^[a-z][a-z\u2019'-]*(?=[\s,;.)]|:\s|$)")
_UPPER_START = re.compile(r"^[A-Z][A-Za-z\u2019'-]*(?=[\s,;:.)])")
_MINOR_WORDS = frozenset(
    "a an and as at by for from in into of on or per the to with v vs via de des du la le".split()
)

# Limits on what may be a heading: lines, words and characters.
HEADING_MAX_LINES = 3
HEADING_MAX_WORDS = 20
HEADING_MAX_CHARS = 200
TITLE_MAX_WORDS = 10
TITLE_MAX_CHARS = 80
# Short lines repeated this often are running headers/footers (all-caps ones: twice).
FURNITURE_REPEATS = 3
FURNITURE_MAX_WORDS = 8
# A paragraph broken at a page/blank line continues if its last line is this full.
FULL_LINE = 0.75
PROSE_MIN_WORDS = 6


@dataclass
class _Unit:
    """A stretch of lines that became one block, with what we know about it so far."""

    lines: list[str]
    kind: str  # "heading", "title" (unnumbered heading candidate), "bullet", "paragraph"
    level: int = 0
    after_blank: bool = True
    label: tuple[str, str] | None = None


def _blank(line: str) -> bool:
    """Whitespace-only lines separate paragraphs (PDF text often pads them with spaces)."""
    return not line.strip()


def drop_furniture(lines: Sequence[str]) -> list[str]:
    """Remove page numbers and short lines repeated across pages (running heads/feet)."""

    def key(line: str) -> str:
        return re.sub(r"\d+", "#", " ".join(line.split()))

    counts = Counter(key(line) for line in lines if not _blank(line))
    kept: list[str] = []
    for line in lines:
        if _blank(line):
            kept.append(line)
            continue
        if _PAGE_NUMBER.match(line):
            continue
        text = key(line)
        words = text.split()
        short = len(words) <= FURNITURE_MAX_WORDS and not _SENTENCE_END.search(text)
        shouting = text.isupper() and len(words) >= 2
        repeats = counts[text] >= (2 if shouting else FURNITURE_REPEATS)
        if short and repeats and not _BULLET.match(line):
            continue
        kept.append(line)
    return kept


def _label(line: str) -> tuple[str, str, int] | None:
    """(kind, label, level) when ``line`` opens with a section number, else None."""
    if _ANNEX.match(line):
        return ("annex", line.split()[1].rstrip(".:"), 1)
    match = _LABELLED.match(line)
    if not match:
        return None
    if match.group("roman"):
        return ("roman", match.group("roman"), 1)
    if match.group("number"):
        return ("number", match.group("number"), 2)
    if match.group("letter"):
        return ("letter", match.group("letter"), 3)
    return ("upper", match.group("upper"), 2)


def _roman_value(label: str) -> int:
    """The value of a roman section number, to tell whether one follows another."""
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for current, following in zip(label, label[1:] + " ", strict=True):
        value = values[current]
        total += -value if values.get(following, 0) > value else value
    return total


def _follows(kind: str, label: str, previous: str | None) -> bool:
    """Whether ``label`` is the successor of ``previous`` in the same numbering."""
    if previous is None:
        return label in {"1", "a", "A", "I"}
    if kind == "number":
        return int(label) == int(previous) + 1
    if kind == "roman":
        return _roman_value(label) == _roman_value(previous) + 1
    return len(label) == 1 and len(previous) == 1 and ord(label) == ord(previous) + 1


def _heading_shaped(lines: Sequence[str]) -> bool:
    """Short, few lines, and not ending like a sentence or a list item."""
    text = " ".join(" ".join(lines).split())
    return (
        0 < len(lines) <= HEADING_MAX_LINES
        and len(text.split()) <= HEADING_MAX_WORDS
        and len(text) <= HEADING_MAX_CHARS
        and not re.search(r"[.,;:]\s*$", text)
    )


def _title_shaped(line: str) -> bool:
    """A lone line in Title Case without final punctuation: an unnumbered heading?"""
    text = " ".join(line.split())
    words = text.split()
    if not words or len(words) > TITLE_MAX_WORDS or len(text) > TITLE_MAX_CHARS:
        return False
    if not text[0].isupper() or re.search(r"[.,;:!?]$", text):
        return False
    significant = [w.strip("()[]“”\"'") for w in words if w.lower() not in _MINOR_WORDS]
    significant = [w for w in significant if w and w[0].isalpha()]
    if not significant:
        return False
    capitalised = sum(1 for w in significant if w[0].isupper())
    return capitalised * 3 >= len(significant) * 2


def _ends_sentence(text: str) -> bool:
    """Ends in . ! ? : ; (maybe a quote, maybe a footnote number): nothing runs on."""
    return bool(_SENTENCE_END.search(text))


def _indented(line: str) -> bool:
    """Extracted PDF lines keep a leading space where a new text box (paragraph) began."""
    return line[:1].isspace()


def _chunks(lines: Sequence[str]) -> list[list[str]]:
    """Runs of non-blank lines (blank lines separate them)."""
    chunks: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if _blank(line):
            if current:
                chunks.append(current)
                current = []
        else:
            current.append(line)
    if current:
        chunks.append(current)
    return chunks


class _Splitter:
    """Cuts chunks into units, remembering the last section label of each numbering."""

    def __init__(self) -> None:
        """Start with no label seen in any numbering."""
        self.last_label: dict[str, str] = {}

    def split(self, chunk: list[str]) -> list[_Unit]:
        """Cut one chunk where a bullet, a section label or an indented sentence begins."""
        units: list[_Unit] = []
        start = 0
        for i in range(1, len(chunk)):
            if self._opens_unit(chunk, i):
                units.append(self._unit(chunk[start:i], after_blank=start == 0))
                start = i
        units.append(self._unit(chunk[start:], after_blank=start == 0))
        return units

    def _opens_unit(self, chunk: list[str], i: int) -> bool:
        """Whether line ``i`` of a chunk starts a new block though no blank line precedes."""
        line, previous = chunk[i], chunk[i - 1]
        if _BULLET.match(line):
            return True
        label = _label(line)
        if label and _heading_shaped(chunk[i:]):
            kind, value, _ = label
            if _ends_sentence(previous) or _follows(kind, value, self.last_label.get(kind)):
                return True
        return (
            _indented(line)
            and bool(_UPPER_START.match(line.strip()) or _label(line))
            and _ends_sentence(previous)
        )

    def _plausible_label(self, label: tuple[str, str, int]) -> bool:
        """Single letters also open citations and names ("v. United Kingdom", "J. Smith"):
        a lettered heading must continue its sequence (a, b, c...)."""
        kind, value, _ = label
        if kind not in {"letter", "upper"}:
            return True
        return _follows(kind, value, self.last_label.get(kind))

    def _unit(self, lines: list[str], after_blank: bool) -> _Unit:
        """Classify a unit, and remember its section label for the sequence checks."""
        first = lines[0]
        if _BULLET.match(first):
            lines = [_BULLET.sub("", first, count=1), *lines[1:]]
            return _Unit(lines, "bullet", after_blank=after_blank)
        label = _label(first)
        if label and _heading_shaped(lines) and self._plausible_label(label):
            kind, value, level = label
            self.last_label[kind] = value
            for deeper in ("number", "letter", "upper") if level == 1 else ("letter",):
                if deeper != kind:
                    self.last_label.pop(deeper, None)
            return _Unit(lines, "heading", level, after_blank, (kind, value))
        if len(lines) == 1 and _title_shaped(first):
            return _Unit(lines, "title", after_blank=after_blank)
        return _Unit(lines, "paragraph", after_blank=after_blank)


def _is_prose(unit: _Unit) -> bool:
    """A paragraph that opens like a sentence: a capitalised word, several words."""
    text = " ".join(unit.lines).strip()
    return bool(_UPPER_START.match(text)) and len(text.split()) >= PROSE_MIN_WORDS


def _resolve_titles(units: list[_Unit]) -> None:
    """Keep an unnumbered title as a heading only if a section visibly follows it."""
    for index, unit in enumerate(units):
        if unit.kind != "title":
            continue
        following = units[index + 1] if index + 1 < len(units) else None
        if following is not None and (
            following.kind in {"heading", "title", "bullet"} or _is_prose(following)
        ):
            unit.kind = "heading"
        else:
            unit.kind = "paragraph"
    level = 1
    previous: _Unit | None = None
    for unit in units:
        if unit.kind == "heading" and unit.label is None:
            if previous is not None and previous.kind == "heading":
                level = min(previous.level + 1, 3)
            unit.level = level
        previous = unit


def _continues(previous: _Unit, unit: _Unit) -> bool:
    """Whether ``unit`` is the rest of ``previous``, cut by a page break or blank line."""
    if previous.kind not in {"paragraph", "bullet"} or unit.kind != "paragraph":
        return False
    if not unit.after_blank:
        return False
    tail = previous.lines[-1].rstrip()
    head = unit.lines[0].strip()
    if len(tail) >= 2 and tail[-1] in HYPHENS and tail[-2].isalpha() and head[:1].isalpha():
        return True
    if _ends_sentence(tail):
        return False
    if _LOWER_START.match(head):
        return True
    width = max(len(line.strip()) for line in [*previous.lines, unit.lines[0]])
    words = len(" ".join(previous.lines).split())
    return (
        bool(_UPPER_START.match(head))
        and words >= PROSE_MIN_WORDS
        and len(tail.strip()) >= FULL_LINE * width
    )


def _merge(units: list[_Unit]) -> list[_Unit]:
    """Glue each paragraph to the one before it when a page break had cut it."""
    merged: list[_Unit] = []
    for unit in units:
        if merged and _continues(merged[-1], unit):
            merged[-1].lines.extend(unit.lines)
        else:
            merged.append(unit)
    return merged


def _blocks(units: list[_Unit], vocabulary: Vocabulary) -> list[Block]:
    """Text per unit; markers are taken out last so offsets index the final block text."""
    blocks: list[Block] = []
    last: int | None = None
    for unit in units:
        text = " ".join(join_lines(unit.lines, vocabulary).split())
        if not text:
            continue
        text, footnotes = strip_footnote_markers(text, last)
        if footnotes:
            last = footnotes[-1].number
        kind: BlockKind = "heading" if unit.kind == "heading" else "paragraph"
        blocks.append(Block(kind=kind, text=text, level=unit.level, footnotes=footnotes))
    return blocks


def clean_pdf_text(raw: str) -> Cleaned:
    """Clean raw PDF text into heading and paragraph blocks (see the module docstring).

    Steps: repair glyph-garbled runs; drop page furniture; cut at blank lines, bullets,
    section labels and indented new sentences; decide which lines are headings; glue
    paragraphs a page break cut in two; join lines, healing hyphenated breaks with the
    document's own vocabulary; take the footnote markers out along the running sequence.
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    lines = drop_furniture(repair_glyphs(text).split("\n"))
    vocabulary = build_vocabulary("\n".join(lines))
    splitter = _Splitter()
    units = [unit for chunk in _chunks(lines) for unit in splitter.split(chunk)]
    _resolve_titles(units)
    units = _merge(units)
    return Cleaned(blocks=_blocks(units, vocabulary), metadata=Metadata())
