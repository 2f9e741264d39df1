"""Rows to what people read and tools load: a rich table on a terminal, the W3C SPARQL
results formats (JSON, CSV, TSV) and Markdown.

Text from documents is printed as data (``rich.text.Text``), never as markup. In CSV and
TSV a cell a spreadsheet would run as a formula (a leading ``=``, ``+``, ``-``, ``@``, tab
or carriage return) gets a leading apostrophe unless ``raw`` is asked for.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from typing import Any

from dakg.graph.reader import XSD_STRING, Row, Term

FORMATS = ("table", "csv", "tsv", "json", "markdown")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")
_NUMERIC = ("integer", "decimal", "double", "float", "int", "long")


def neutralise(text: str, term: Term | None = None) -> str:
    """A cell a spreadsheet will not run: formulas get a leading apostrophe (numbers keep
    their sign)."""
    if term is not None and term.datatype and term.datatype.rsplit("#", 1)[-1] in _NUMERIC:
        return text
    return "'" + text if text.startswith(_FORMULA) else text


def to_json(columns: Sequence[str], rows: Sequence[Row]) -> str:
    """The SPARQL 1.1 Query Results JSON Format."""
    bindings = []
    for row in rows:
        cells: dict[str, dict[str, str]] = {}
        for name in columns:
            term = row.get(name)
            if term is None:
                continue
            cell = {"type": term.kind, "value": term.value}
            if term.lang:
                cell["xml:lang"] = term.lang
            elif term.datatype and term.datatype != XSD_STRING:
                cell["datatype"] = term.datatype
            cells[name] = cell
        bindings.append(cells)
    data = {"head": {"vars": list(columns)}, "results": {"bindings": bindings}}
    return json.dumps(data, indent=2, ensure_ascii=False)


def to_csv(columns: Sequence[str], rows: Sequence[Row], raw: bool = False) -> str:
    """The SPARQL 1.1 Query Results CSV Format: plain values, full IRIs."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        cells = []
        for name in columns:
            term = row.get(name)
            text = "" if term is None else term.value
            cells.append(text if raw else neutralise(text, term))
        writer.writerow(cells)
    return out.getvalue()


def to_tsv(columns: Sequence[str], rows: Sequence[Row], raw: bool = False) -> str:
    """The SPARQL 1.1 Query Results TSV Format: terms in SPARQL syntax."""
    lines = ["\t".join(f"?{c}" for c in columns)]
    for row in rows:
        cells = []
        for name in columns:
            term = row.get(name)
            text = "" if term is None else term.sparql()
            cells.append(text if raw else neutralise(text, term))
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


def display(term: Term | None, names: Mapping[str, str]) -> str:
    """A cell for people: an IRI as its label or short name, a literal as its text."""
    from dakg.queries.library import short

    if term is None:
        return ""
    if term.is_iri:
        return names.get(term.value) or short(term.value)
    return term.value


def to_markdown(columns: Sequence[str], rows: Sequence[Row], names: Mapping[str, str]) -> str:
    """A Markdown table for reports (IRIs as labels; pipes and line breaks escaped)."""

    def cell(text: str) -> str:
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for row in rows:
        lines.append("| " + " | ".join(cell(display(row.get(c), names)) for c in columns) + " |")
    return "\n".join(lines) + "\n"


def print_table(
    columns: Sequence[str], rows: Sequence[Row], names: Mapping[str, str], title: str = ""
) -> None:
    """A rich table that wraps long cells and never cuts a name; rows with more columns
    than fit side by side are printed as records, one field a line."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console()
    if title:
        console.print(Text(title, style="bold"))
    if len(columns) <= 4:
        table = Table(show_lines=True)
        for name in columns:
            table.add_column(Text(name), overflow="fold")
        for row in rows:
            table.add_row(*(Text(display(row.get(c), names)) for c in columns))
        console.print(table)
    else:
        for number, row in enumerate(rows, 1):
            console.rule(Text(f"{number}", style="dim"), align="left")
            grid = Table.grid(padding=(0, 2))
            grid.add_column(style="dim", no_wrap=True)
            grid.add_column(overflow="fold")
            for name, value in fields(row, columns, names):
                grid.add_row(Text(name), Text(value))
            console.print(grid)
    console.print(Text(f"{len(rows)} row(s)", style="dim"))


def fields(row: Row, columns: Sequence[str], names: Mapping[str, str]) -> list[tuple[str, str]]:
    """A row's fields for people: the citation of its source in one line, the quote last."""
    from dakg.graph.citations import PROVENANCE_COLUMNS, citation

    out = []
    for name in columns:
        if name in PROVENANCE_COLUMNS:
            continue
        text = display(row.get(name), names)
        if text:
            out.append((name, text))
    if "review" in columns or "quote" in columns:
        source = citation(row)
        review = display(row.get("review"), names)
        if source:
            out.append(("source", source))
        if review:
            out.append(("review", review.rsplit(":", 1)[-1].lower()))
        quote = display(row.get("quote"), names)
        if quote:
            out.append(("quote", f"“{quote}”"))
    return out


def render(
    fmt: str,
    columns: Sequence[str],
    rows: Sequence[Row],
    names: Mapping[str, str] | None = None,
    raw: bool = False,
) -> str:
    """Rows as text in one of the file formats (not the terminal table)."""
    if fmt == "json":
        return to_json(columns, rows) + "\n"
    if fmt == "csv":
        return to_csv(columns, rows, raw)
    if fmt == "tsv":
        return to_tsv(columns, rows, raw)
    if fmt == "markdown":
        return to_markdown(columns, rows, names or {})
    raise ValueError(fmt)


def records(items: Sequence[Any]) -> tuple[list[str], list[Row]]:
    """Dataclass records (or dictionaries) as columns and rows of plain literals, for the
    summary commands' ``--format csv|tsv|markdown``; nested lists are joined with "; "."""
    from dataclasses import asdict, is_dataclass

    from dakg.graph.reader import literal

    dicts = [asdict(i) if is_dataclass(i) and not isinstance(i, type) else dict(i) for i in items]
    columns: list[str] = []
    for d in dicts:
        columns += [k for k in d if k not in columns]
    rows: list[Row] = []
    for d in dicts:
        row: Row = {}
        for key in columns:
            value = d.get(key)
            if value is None or value == [] or value == {}:
                row[key] = None
            elif isinstance(value, list | dict):
                row[key] = literal(_flat(value))
            else:
                row[key] = literal(str(value))
        rows.append(row)
    return columns, rows


def _flat(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_flat(v)}" for k, v in value.items() if v not in (None, [], ""))
    if isinstance(value, list):
        return "; ".join(_flat(v) for v in value)
    return str(value)
