"""Repair text that a PDF font emitted in a fixed substitution encoding.

Some PDFs embed a font whose character map is wrong, so extracted text comes out as
e.g. "мΦ 5ŜŬƴƛǝƻƴ" for "1. Definition". The substitution is fixed per font, so it is kept
as data (``data/glyphs.tsv``). Garbled stretches are found by their characters, never by
their position: a run is repaired only when every character belongs to the table and at
least one of them is a letter that ordinary text practically never uses (Latin
Extended-A/B glyphs such as Ŝ ƴ ƛ ǘ), and only when the decoded words look like words.
That keeps genuine Cyrillic or Greek (a "Русский" language menu, a "ΦΣΩ" acronym) intact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

TABLE_PATH = Path(__file__).parent / "data" / "glyphs.tsv"

# Characters that pass through the broken font unchanged and may sit inside a garbled
# word (the hyphen of "bƻƴ-ǊŜŦƻǳƭŜƳŜƴǘ" = "Non-refoulement").
NEUTRAL = frozenset("-")

_TOKEN = re.compile(r"\S+")
# What a decoded word may look like: Capitalised, lower-case, UPPER-case or a number,
# pieces joined by hyphens or apostrophes, optionally ending in , . ; :
_WORD_PART = re.compile(r"(?:[A-Z]?[a-z]+|[A-Z]+|\d+)")
_PLAUSIBLE = re.compile(
    rf"(?:{_WORD_PART.pattern})(?:[-\u2019'](?:{_WORD_PART.pattern})?)*[.,;:]?|\d+[.)]"
)


@dataclass(frozen=True)
class GlyphTable:
    """The substitution table plus the character classes derived from it."""

    mapping: dict[str, str]
    distinctive: frozenset[str]
    digits: frozenset[str]
    period: frozenset[str]

    def decode(self, text: str) -> str:
        """Replace every table character in ``text`` (no detection: callers decide)."""
        return "".join(self.mapping.get(ch, ch) for ch in text)


def _is_distinctive(garbled: str, replacement: str) -> bool:
    """A letter glyph from Latin Extended-A/B: the mark of a garbled run."""
    return 0x0100 <= ord(garbled) <= 0x024F and replacement.isalpha()


@lru_cache(maxsize=4)
def load_table(path: Path = TABLE_PATH) -> GlyphTable:
    """Read the TSV once (cached): header row, then garbled / replacement / note."""
    mapping: dict[str, str] = {}
    with path.open(encoding="utf-8") as handle:
        rows = [line.rstrip("\n") for line in handle if not line.startswith("# ")]
    for row in rows[1:]:
        if not row.strip():
            continue
        garbled, replacement, *_ = row.split("\t")
        if len(garbled) != 1:
            raise ValueError(f"{path}: garbled entry must be one character: {garbled!r}")
        mapping[garbled] = replacement
    return GlyphTable(
        mapping=mapping,
        distinctive=frozenset(g for g, r in mapping.items() if _is_distinctive(g, r)),
        digits=frozenset(g for g, r in mapping.items() if r.isdigit() and not g.isascii()),
        period=frozenset(g for g, r in mapping.items() if r == "." and not g.isascii()),
    )


def _eligible(token: str, table: GlyphTable) -> bool:
    """Every character is a table glyph or passes through the font unchanged."""
    return all(ch in table.mapping or ch in NEUTRAL for ch in token)


def _is_number_label(token: str, table: GlyphTable) -> bool:
    """The heading-number pattern: garbled digits followed by the garbled period ("мΦ")."""
    return (
        len(token) >= 2
        and token[-1] in table.period
        and all(ch in table.digits for ch in token[:-1])
    )


def _is_marked(token: str, table: GlyphTable) -> bool:
    """A word of two or more glyphs, one of them distinctive: a lone "Ŝ" proves nothing."""
    return len(token) >= 2 and any(ch in table.distinctive for ch in token)


def _plausible(decoded: list[str]) -> bool:
    """Decoded words must read like words, else the run was not garbled text."""
    return all(_PLAUSIBLE.fullmatch(word) for word in decoded)


def _repair_line(line: str, table: GlyphTable) -> str:
    """Repair the garbled runs of one line (runs never cross a line break)."""
    tokens = list(_TOKEN.finditer(line))
    if not tokens:
        return line
    replacements: dict[int, str] = {}
    run: list[re.Match[str]] = []

    def close_run() -> None:
        if not run:
            return
        if any(_is_marked(m.group(), table) for m in run):
            decoded = [table.decode(m.group()) for m in run]
            if _plausible(decoded):
                for m, text in zip(run, decoded, strict=True):
                    replacements[m.start()] = text
        else:
            for m in run:
                if _is_number_label(m.group(), table):
                    replacements[m.start()] = table.decode(m.group())
        run.clear()

    for m in tokens:
        if _eligible(m.group(), table):
            run.append(m)
        else:
            close_run()
    close_run()
    if not replacements:
        return line
    out: list[str] = []
    pos = 0
    for m in tokens:
        if m.start() in replacements:
            out.append(line[pos : m.start()])
            out.append(replacements[m.start()])
            pos = m.end()
    out.append(line[pos:])
    return "".join(out)


def repair_glyphs(text: str) -> str:
    """Decode the garbled runs in ``text``; everything else is returned unchanged."""
    table = load_table()
    if not any(ch in table.mapping and not ch.isascii() for ch in text):
        return text
    return "\n".join(_repair_line(line, table) for line in text.split("\n"))


def has_garbled(text: str) -> bool:
    """Whether ``text`` still holds a character that only the garbled alphabet uses."""
    table = load_table()
    return any(ch in table.distinctive for ch in text)
