"""Analyst case files (``cases/*.yaml`` beside a corpus): read and check them.

A case file reviews extracted facts by their stable keys (confirm, correct, reject, mark
unsure) and adds facts, each with a verbatim quote from a corpus document or an external
citation. A case marked ``confidential: true`` asks views that leave the team to hide the
names of the persons it concerns. The file's form is checked against
``data/case.schema.json``; a problem is reported with the file and line. Quotes are verified
against the documents' clean text later, when the documents are known (``verify_quotes``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from dakg.errors import DakgError

from .model import Document

SCHEMA = Path(__file__).parent / "data" / "case.schema.json"
MAX_CASE_BYTES = 1_000_000  # the largest case file read: hand-written YAML, never a dump


class CaseFileError(DakgError):
    """A case file is malformed, or one of its quotes is not in the document it names."""


@dataclass
class Review:
    """An analyst's verdict on one extracted fact."""

    fact: str
    status: str
    line: int
    note: str | None = None
    set: dict[str, str] = field(default_factory=dict)


@dataclass
class AddedFact:
    """A fact the analyst adds, with its quote or citation."""

    fields: dict[str, Any]
    line: int


@dataclass
class CaseFile:
    """One case file as read."""

    path: Path
    slug: str
    title: str
    reviewer: str
    date: str
    concerns: list[str]
    reviews: list[Review]
    facts: list[AddedFact]
    merges: list[dict[str, str]] = field(default_factory=list)
    splits: list[dict[str, Any]] = field(default_factory=list)
    separate: list[str] = field(default_factory=list)  # fact keys kept out of happenings
    confidential: bool = False


@cache
def _validator() -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


def case_files(corpus: Path) -> list[Path]:
    """The case files of a corpus: ``corpus/cases/*.yaml`` (and ``*.yml``)."""
    folder = corpus / "cases"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in {".yaml", ".yml"})


def read_case(path: Path) -> CaseFile:
    """Read and check one case file; a problem raises ``CaseFileError`` with file and line."""
    import yaml

    size = path.stat().st_size
    if size > MAX_CASE_BYTES:
        raise CaseFileError(
            f"{path}: {size:,} bytes; a case file is at most {MAX_CASE_BYTES:,} (split it)"
        )
    try:
        text = path.read_text(encoding="utf-8")
        _refuse_aliases(path, text)
        node = yaml.compose(text)
        data = yaml.safe_load(text)
    except UnicodeDecodeError:
        raise CaseFileError(f"{path}: not UTF-8 text") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problem = getattr(err, "problem", None) or "not valid YAML"
        ended = "end of stream" in problem or "stream end" in problem
        if ended and getattr(err, "context_mark", None) is not None:
            # an unclosed quote or bracket: where it opened, not the end of the file
            mark = err.context_mark
            problem = f"{err.context}, never closed"
        line = f":{mark.line + 1}" if mark is not None else ""
        raise CaseFileError(f"{path}{line}: not valid YAML ({problem})") from None
    if not isinstance(data, dict):
        raise CaseFileError(f"{path}:1: a case file is a mapping (case:, title:, reviews:, ...)")
    data = _dates_as_text(data)
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        error = errors[0]
        where = _line(node, list(error.absolute_path))
        at = "/".join(str(p) for p in error.absolute_path) or "the file"
        raise CaseFileError(f"{path}:{where}: {at}: {error.message}")
    reviews = [
        Review(
            fact=item["fact"],
            status=item["status"],
            line=_line(node, ["reviews", i]),
            note=item.get("note"),
            set=dict(item.get("set", {})),
        )
        for i, item in enumerate(data.get("reviews", []))
    ]
    for review in reviews:
        if review.set and review.status != "corrected":
            raise CaseFileError(f"{path}:{review.line}: 'set' goes with status corrected only")
    facts = [
        AddedFact(fields=dict(item), line=_line(node, ["facts", i]))
        for i, item in enumerate(data.get("facts", []))
    ]
    return CaseFile(
        path=path,
        slug=data["case"],
        title=data["title"],
        reviewer=data["reviewer"],
        date=data["date"],
        concerns=list(data.get("concerns", [])),
        reviews=reviews,
        facts=facts,
        merges=list(data.get("merge", [])),
        splits=list(data.get("split", [])),
        separate=[item["fact"] for item in data.get("separate", [])],
        confidential=bool(data.get("confidential", False)),
    )


def _refuse_aliases(path: Path, text: str) -> None:
    """Anchors and aliases (``&a``, ``*a``) are refused before anything is expanded: a few
    hundred bytes of nested aliases expand to gigabytes, and a case file never needs them."""
    import yaml

    for event in yaml.parse(text):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise CaseFileError(
                f"{path}:{event.start_mark.line + 1}: YAML anchors and aliases (& and *) are"
                " not allowed in a case file; write each value out"
            )


def verify_quotes(case: CaseFile, documents: dict[str, Document]) -> None:
    """Every quote must stand verbatim in the clean text of the document it names."""
    for fact in case.facts:
        quote = fact.fields.get("quote")
        if not quote:
            continue
        document = documents.get(quote["document"])
        if document is None:
            raise CaseFileError(
                f"{case.path}:{fact.line}: no document {quote['document']!r} in the corpus"
            )
        if quote["text"] not in document.clean:
            raise CaseFileError(
                f"{case.path}:{fact.line}: the quote is not verbatim in {quote['document']}:"
                f" {quote['text'][:60]!r}"
            )


def _dates_as_text(data: Any) -> Any:
    """YAML reads 2002-10-08 as a date; the schema wants the text as written."""
    import datetime

    if isinstance(data, dict):
        return {k: _dates_as_text(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_dates_as_text(v) for v in data]
    if isinstance(data, datetime.date):
        return data.isoformat()
    return data


def _line(node: Any, path: list[Any]) -> int:
    """The line (1-based) of the YAML node at ``path`` (mapping keys, sequence indexes)."""
    from yaml.nodes import MappingNode, SequenceNode

    current = node
    for step in path:
        found = None
        if isinstance(current, MappingNode):
            found = next((v for k, v in current.value if k.value == step), None)
        elif isinstance(current, SequenceNode) and isinstance(step, int):
            found = current.value[step] if step < len(current.value) else None
        if found is None:
            break
        current = found
    return int(current.start_mark.line) + 1 if current is not None else 1
