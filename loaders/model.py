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


EntityKind = Literal[
    "person", "state", "organisation", "body", "instrument", "article", "place", "group"
]
FactKind = Literal[
    "transfer",
    "proposed_transfer",
    "assurance",
    "outcome",
    "decision",
    "advocacy",
    "role",
    "finding",
    "norm",
]


@dataclass(frozen=True)
class Evidence:
    """A passage of the clean text: ``clean[start:end] == quote``."""

    quote: str
    start: int
    end: int


@dataclass
class Entity:
    """Something the document names: a person, state, body, instrument, article, place, group.

    ``ref`` ("person:maher-arar", "state:SYR", "body:ecthr") is stable across documents, so
    the same person named in two documents is one node of the graph.
    """

    kind: EntityKind
    key: str
    label: str
    aliases: set[str] = field(default_factory=set)
    type: str = ""
    state: str = ""
    instrument: str = ""
    number: str = ""
    members: set[str] = field(default_factory=set)  # named in the text as members
    inferred_members: set[str] = field(default_factory=set)  # inferred from the facts
    roles: set[str] = field(default_factory=set)
    mentions: list[Evidence] = field(default_factory=list)

    @property
    def ref(self) -> str:
        return f"{self.kind}:{self.key}"


@dataclass
class Fact:
    """An extracted event or statement with the passages it came from.

    ``fields`` holds entity refs ("state:SYR") and plain values ("torture"); ``key`` is a hash
    of the document and those normalised fields, so it survives changes to the rules.
    """

    kind: FactKind
    fields: dict[str, str | None]
    evidence: list[Evidence]
    rule: str
    confidence: float
    date: str | None = None
    date_precision: Precision | None = None
    date_text: str | None = None
    alleged: bool = False
    attributed_to: str | None = None
    notes: list[str] = field(default_factory=list)
    key: str = ""
    citation: dict[str, str] | None = None  # an external source, for an analyst's fact


@dataclass
class Extraction:
    """Everything extracted from one document."""

    document: Document
    entities: dict[str, Entity]
    facts: list[Fact]
    skipped: str | None = None  # why nothing was extracted, when the rules cannot read it
