"""Load one source file into a ``Document``: read, clean, join, segment.

The clean text is the cleaner's blocks joined by blank lines; every segment, section and
footnote marker is an offset into it, so ``clean[start:end]`` is always the segment's text.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from pathlib import Path

from dakg.errors import InputError

from .model import Block, Cleaned, Document, Footnote, Metadata, Section, Segment
from .pdf_text import clean_pdf_text
from .reading import DEFAULT_MAX_BYTES, read_text
from .segment import split_sentences
from .web_text import clean_web_text

_SEPARATOR = "\n\n"
_WRAPPED_LINE = re.compile(r"^.{30,110}$")


def load_document(
    path: Path, known: Metadata | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Document:
    """Read ``path`` and return its clean, segmented text with its metadata.

    ``known`` is what a manifest says of the file; whatever it leaves empty is recovered
    from the text and listed in ``metadata.recovered``.
    """
    text, data = read_text(path, max_bytes)
    known = known or Metadata()
    cleaned = clean_pdf_text(text) if is_pdf_text(text, known) else clean_web_text(text)
    if not any(block.text for block in cleaned.blocks):
        raise InputError(f"{path}: no text left once the page furniture is removed")
    metadata = _merge(known, cleaned.metadata, path)
    return assemble(path, data, cleaned, metadata)


def is_pdf_text(text: str, known: Metadata) -> bool:
    """PDF text is hard-wrapped: most lines are of a middling length and end mid-sentence."""
    if known.format:
        return "pdf" in known.format.casefold()
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    if len(lines) < 20:
        return False
    wrapped = sum(1 for line in lines if _WRAPPED_LINE.match(line) and not line.endswith("."))
    return wrapped / len(lines) > 0.5


def _merge(known: Metadata, found: Metadata, path: Path) -> Metadata:
    merged = replace(known, tags=dict(found.tags) or dict(known.tags), recovered=[])
    for field in ("title", "publisher", "date", "url"):
        if getattr(merged, field) is None and getattr(found, field) is not None:
            setattr(merged, field, getattr(found, field))
            merged.recovered.append(field)
            if field == "date":
                merged.date_precision = found.date_precision
    if merged.title is None:
        merged.title = path.stem.replace("-", " ").replace("_", " ")
        merged.recovered.append("title (from the file name)")
    return merged


def assemble(path: Path, data: bytes, cleaned: Cleaned, metadata: Metadata) -> Document:
    """Join the blocks into one clean text and derive every segment's offsets."""
    parts: list[str] = []
    placed: list[tuple[Block, int]] = []
    position = 0
    for block in cleaned.blocks:
        if not block.text:
            continue
        if parts:
            parts.append(_SEPARATOR)
            position += len(_SEPARATOR)
        placed.append((block, position))
        parts.append(block.text)
        position += len(block.text)
    clean = "".join(parts)
    paragraphs: list[Segment] = []
    sentences: list[Segment] = []
    footnotes: list[Footnote] = []
    headings: list[tuple[Block, Segment]] = []
    for block, start in placed:
        segment = Segment(start, start + len(block.text), block.text)
        footnotes += [Footnote(f.number, start + f.offset) for f in block.footnotes]
        if block.kind == "heading":
            headings.append((block, segment))
        else:
            paragraphs.append(segment)
            sentences += split_sentences(block.text, start)
    return Document(
        stem=path.stem,
        path=str(path),
        sha256=hashlib.sha256(data).hexdigest(),
        raw_length=len(data),
        clean=clean,
        metadata=metadata,
        sections=_sections(headings, len(clean)),
        paragraphs=paragraphs,
        sentences=sentences,
        footnotes=footnotes,
    )


def _sections(headings: list[tuple[Block, Segment]], length: int) -> list[Section]:
    """A section runs from its heading to the next heading of the same or a higher level."""
    sections = []
    for i, (block, segment) in enumerate(headings):
        end = next(
            (s.start - len(_SEPARATOR) for b, s in headings[i + 1 :] if b.level <= block.level),
            length,
        )
        sections.append(Section(block.text, block.level, segment.start, end, segment))
    return sections
