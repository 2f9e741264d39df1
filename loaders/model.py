"""The shapes the loaders hand on: blocks from a cleaner, then a segmented document.

Cleaners (``web_text``, ``pdf_text``) turn raw text into ``Block``s; ``document``
joins the blocks into one clean text and segments it, so every offset in a
``Document`` points into ``Document.clean``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph"]
Precision = Literal["day", "month", "year"]


@dataclass(frozen=True)
class Footnote:
    """A footnote marker taken out of the text: its number and where it stood."""

    number: int
    offset: int


@dataclass
class Block:
    """One heading or paragraph of cleaned text, with the markers taken out of it."""

    kind: BlockKind
    text: str
    level: int = 0
    footnotes: list[Footnote] = field(default_factory=list)


@dataclass
class Metadata:
    """What is known of a document: from the manifest, else recovered from its text."""

    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    date_precision: Precision | None = None
    kind: str | None = None
    url: str | None = None
    format: str | None = None
    tags: dict[str, list[str]] = field(default_factory=dict)
    recovered: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Segment:
    """A stretch of the clean text: ``clean[start:end] == text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Section:
    """A heading and the stretch of text it governs (heading included)."""

    title: str
    level: int
    start: int
    end: int
    heading: Segment


@dataclass
class Cleaned:
    """A cleaner's result: the blocks and the metadata it found in the page itself."""

    blocks: list[Block]
    metadata: Metadata = field(default_factory=Metadata)


@dataclass
class Document:
    """A loaded source document: clean text, metadata and segmentation."""

    stem: str
    path: str
    sha256: str
    raw_length: int
    clean: str
    metadata: Metadata
    sections: list[Section]
    paragraphs: list[Segment]
    sentences: list[Segment]
    footnotes: list[Footnote]
