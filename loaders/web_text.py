"""Clean the text of a web page: find the content inside the site's furniture.

Pages flattened to text lose the boundaries between their HTML blocks: a menu, a share
bar and a paragraph run together ("Skip to main contentHelp us", "abuse.Governments").
The cleaner first cuts the text where two blocks were glued (a sentence end touching a
capital, a lowercase word touching a capital, a change of script), then classifies the
blocks as furniture, prose or short lines, and keeps the stretch from the first to the
last prose block, the letter's closing (signatories, "cc:" list) and nothing else. The
page's subject tags are kept as metadata. The patterns live in
``data/web_boilerplate.toml``; nothing here knows one site or one document.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .dates import parse_date
from .footnotes import strip_footnote_markers
from .model import Block, Cleaned, Metadata

_DATA = Path(__file__).parent / "data" / "web_boilerplate.toml"
_FURNITURE_MAX = 200  # longer blocks are never dropped by a furniture pattern
_TERMINAL = tuple('.!?:;”"’)]')
_CLOSING_QUOTES = '”’"'
_OPENERS = "“‘[("
_MD_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)")
_AUTOLINK = re.compile(r"^<(https?://[^>\s]+)>$")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_MD_RULE = re.compile(r"^([-*_]\s*){3,}$")
_CC = re.compile(r"(?<=[a-z])(?=b?cc:\s*[A-Z])")
_BULLET = re.compile(r"^[-•·*]\s*(?=\w)")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATE_NEAR_START = re.compile(
    rf"^.{{0,40}}?\b({_MONTH},?\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}})",
    re.IGNORECASE,
)
_SALUTATION = re.compile(r"^(dear|to|re:|attn|subject)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Rules:
    drop: list[re.Pattern[str]]
    stop: list[re.Pattern[str]]
    tag_labels: dict[str, str]
    valedictions: list[re.Pattern[str]]
    particles: frozenset[str]


@cache
def _rules() -> _Rules:
    data = tomllib.loads(_DATA.read_text(encoding="utf-8"))

    def compile_all(key: str) -> list[re.Pattern[str]]:
        return [re.compile(p, re.IGNORECASE) for p in data[key]]

    return _Rules(
        drop=compile_all("drop"),
        stop=compile_all("stop"),
        tag_labels={label.casefold(): label for label in data["tag_labels"]},
        valedictions=compile_all("valedictions"),
        particles=frozenset(data["name_particles"]),
    )


def clean_web_text(raw: str) -> Cleaned:
    """Return the content blocks of a flattened web page and what the page says of itself."""
    rules = _rules()
    meta = Metadata()
    pieces: list[tuple[str, int]] = []  # (text, heading level or 0)
    text = unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n")
    for line in text.split("\n"):
        line = line.strip()
        autolink = _AUTOLINK.match(line)
        if autolink:
            meta.url = meta.url or autolink.group(1)
            continue
        heading = _MD_HEADING.match(line)
        level = 0
        if heading:
            level, line = len(heading.group(1)), heading.group(2)
        line = _MD_LINK.sub(r"\1", line)
        line = _MD_EMPHASIS.sub(r"\2", line)
        if _MD_RULE.match(line):
            continue
        for piece in unglue(line, rules.particles):
            pieces.append((piece, level))
    kinds = [_classify(piece, rules) for piece, _ in pieces]
    good = [i for i, kind in enumerate(kinds) if kind == "prose"]
    if not good:  # no paragraph of prose: keep whatever is not furniture
        blocks = [
            _block(t, lvl, False)
            for (t, lvl), k in zip(pieces, kinds, strict=True)
            if k != "furniture"
        ]
        return Cleaned(blocks=blocks, metadata=_page_metadata(pieces, 0, meta))
    first = good[0]
    stop = next(
        (i for i in range(first + 1, len(pieces)) if _matches(pieces[i][0], rules.stop)),
        len(pieces),
    )
    last = max(i for i in good if i < stop)
    _page_metadata(pieces, first, meta)
    # Headings marked up as such (Markdown "#") before the first paragraph are content.
    first = min([i for i in range(first) if pieces[i][1] and kinds[i] != "furniture"] + [first])
    blocks = _content(pieces, kinds, first, last)
    blocks += _closing(pieces, kinds, last, stop, rules)
    meta.tags = _tags(pieces, last, rules)
    return Cleaned(blocks=blocks, metadata=meta)


def unglue(line: str, particles: frozenset[str] = frozenset()) -> list[str]:
    """Cut a line where the flattening glued two blocks together."""
    cuts: list[int] = [0]
    for match in _CC.finditer(line):
        cuts.append(match.start())
    n = len(line)
    for i in range(1, n):
        prev, cur = line[i - 1], line[i]
        nxt = line[i + 1] if i + 1 < n else ""
        before = line[i - 2] if i >= 2 else ""
        if _is_cut(line, i, prev, cur, nxt, before, particles):
            cuts.append(i)
    cuts = sorted(set(cuts)) + [n]
    pieces = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        piece = _BULLET.sub("", line[start:end].strip())
        if piece:
            pieces.append(piece)
    return pieces


def _is_cut(
    line: str, i: int, prev: str, cur: str, nxt: str, before: str, particles: frozenset[str]
) -> bool:
    # A sentence end touching the next block: "abuse.Governments", "them.”The", "obligation.[1]"
    if cur.isupper() or cur in "“‘[":
        if (
            prev in ".!?"
            and (before.isalnum() or before in ')]”’"')
            and not _initialism(line, i - 1)
        ):
            return True
        if prev in _CLOSING_QUOTES and before in ".!?":
            return True
    # A list flattened into its sentence: "country:-there are", ";-governmental"
    if cur == "-" and prev in ":;" and nxt.islower():
        return True
    # "daily Brief(Almaty)": a bracket glued to a word opens a new block
    if prev == "(" and cur.isupper() and before.isalpha():
        return False
    if cur == "(" and prev.isalpha() and nxt.isupper():
        return True
    # "cc:Condoleeza", "Sincerely,Holly": punctuation that prose follows with a space
    if cur.isupper() and cur.isalpha() and prev in ":," and before.isalpha():
        return True
    if prev.isalpha() and cur.isalpha() and _script(prev) != _script(cur):
        return True
    if prev.islower() and cur.isupper() and cur.isalpha():
        word = _word_before(line, i)
        return len(word) >= 3 and not any(word == p for p in particles)
    if prev.isdigit() and cur.isupper() and nxt.islower():
        return not _footnote_number(line, i)
    if prev.isupper() and before.isupper() and cur.isupper() and nxt.islower():
        return i + 2 < len(line) and line[i + 2].islower()
    if prev.islower() and cur.isdigit():
        digits = re.match(r"\d+", line[i:])
        return len(_word_before(line, i)) >= 3 and digits is not None and len(digits.group()) >= 3
    return False


def _footnote_number(line: str, end: int) -> bool:
    """Whether the digits ending at ``end`` follow punctuation, as a footnote number does."""
    start = end
    while start > 0 and line[start - 1].isdigit():
        start -= 1
    return start > 0 and line[start - 1] in '.,;:)]”’"'


def _initialism(line: str, stop: int) -> bool:
    """Whether the full stop at ``stop`` ends an initialism or an initial ("U.S.", "P.")."""
    token = re.search(r"[A-Za-z.]*$", line[:stop])
    run = re.search(r"(?:^|[a-z])([A-Z](?:\.[A-Z])*)$", token.group() if token else "")
    return run is not None and (len(run.group(1)) == 1 or "." in run.group(1))


def _word_before(line: str, i: int) -> str:
    start = i
    while start > 0 and (line[start - 1].isalpha() or line[start - 1] == "'"):
        start -= 1
    return line[start:i]


@cache
def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    return name.split(" ")[0] if name else "UNKNOWN"


def _matches(text: str, patterns: list[re.Pattern[str]]) -> bool:
    return len(text) <= _FURNITURE_MAX and any(p.search(text) for p in patterns)


def _classify(text: str, rules: _Rules) -> str:
    if _matches(text, rules.drop):
        return "furniture"
    words = text.split()
    lower = sum(1 for w in words if w[:1].islower())
    if len(words) >= 8 and lower >= 0.4 * len(words):
        if text.endswith(_TERMINAL) or len(words) >= 20:  # long: prose, even when cut off
            return "prose"
    return "short"


def _content(pieces: list[tuple[str, int]], kinds: list[str], first: int, last: int) -> list[Block]:
    blocks: list[Block] = []
    seen: set[str] = set()
    for i in range(first, last + 1):
        text, level = pieces[i]
        if kinds[i] == "furniture":
            continue
        if kinds[i] == "prose":
            key = " ".join(text.split()).casefold()
            if key in seen:  # the page printed the paragraph twice
                continue
            seen.add(key)
        blocks.append(
            _block(text, level, heading=kinds[i] == "short" and _looks_like_heading(text))
        )
    return blocks


def _looks_like_heading(text: str) -> bool:
    return not text.endswith(_TERMINAL) and len(text.split()) <= 15 and text[:1].isupper()


def _block(text: str, level: int, heading: bool) -> Block:
    clean, footnotes = strip_footnote_markers(text)
    if heading or level:
        return Block(kind="heading", text=clean, level=level or 2, footnotes=footnotes)
    return Block(kind="paragraph", text=clean, footnotes=footnotes)


def _closing(
    pieces: list[tuple[str, int]], kinds: list[str], last: int, stop: int, rules: _Rules
) -> list[Block]:
    """A letter's valediction and the short lines after it: signatories, titles, cc list."""
    start = next(
        (
            i
            for i in range(last + 1, min(stop, last + 4))
            if _matches(pieces[i][0], rules.valedictions)
        ),
        None,
    )
    if start is None:
        return []
    blocks = []
    for i in range(start, stop):
        text = pieces[i][0]
        if kinds[i] != "short" or text.casefold() in rules.tag_labels:
            break
        blocks.append(Block(kind="paragraph", text=text))
    return blocks


def _tags(pieces: list[tuple[str, int]], last: int, rules: _Rules) -> dict[str, list[str]]:
    tags: dict[str, list[str]] = {}
    label: str | None = None
    for text, _ in pieces[last + 1 :]:
        found = rules.tag_labels.get(text.casefold())
        if found:
            label = found
            tags.setdefault(label, [])
        elif label is not None:
            if _matches(text, rules.drop) or _matches(text, rules.stop):
                label = None
            else:
                tags[label].append(text)
    return {k: v for k, v in tags.items() if v}


def _page_metadata(pieces: list[tuple[str, int]], first: int, meta: Metadata) -> Metadata:
    """Title, publisher and date from the page's head (``pieces[:first]``) and dateline."""
    head = [text for text, _ in pieces[:first]]
    for text in head:
        if " | " in text:
            title, _, publisher = text.rpartition(" | ")
            meta.title, meta.publisher = title.strip(), publisher.strip()
            break
    for text in head + ([pieces[first][0]] if first < len(pieces) else []):
        match = _DATE_NEAR_START.match(text)
        parsed = parse_date(match.group(1)) if match else None
        if parsed:
            meta.date, meta.date_precision = parsed
            break
    if meta.title is None:
        meta.title = next(
            (
                text
                for text in head
                if len(text.split()) >= 4
                and not _DATE_NEAR_START.match(text)
                and not _SALUTATION.match(text)
                and not text.endswith((".", ":"))
            ),
            None,
        )
    return meta
