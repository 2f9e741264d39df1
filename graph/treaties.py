"""A state's standing towards every instrument on a date, and the avenues of complaint open
to a person then: what ``dakg treaties`` prints, read through the graph-reading layer.

The standing of each instrument is :func:`dakg.graph.obligations.bound_on` over the
standings the build worked out (one rule for every output). An avenue of complaint
(``data/complaint_avenues.csv``) is open when the state was bound by its instrument and, where
the instrument asks for one, had made the declaration accepting the body's competence (or
the instrument had since made it compulsory, as Protocol No. 11 did for the ECHR). The
declaration tables are incomplete, so a party with no declaration recorded gets "no data",
never "closed".
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import iris
from .obligations import Binding, bound_on, read_reference
from .reader import Reader, Row, iri, sparql, value

AVENUES = Path(__file__).parent / "data" / "complaint_avenues.csv"


@dataclass
class TableInfo:
    """A reference table behind an answer: what it is, where from, complete to which day."""

    iri: str
    label: str
    as_of: str
    sources: list[str] = field(default_factory=list)


@dataclass
class Avenue:
    """Whether a person could complain against the state to a body on the date."""

    avenue: str
    label: str
    body: str
    status: str  # open, closed, uncertain, no data
    reason: str
    declaration: str | None = None  # the declaration it rests on, when one is needed
    source: str = ""


@dataclass
class StateTreaties:
    """A state's standing towards every instrument over a span, with the tables used."""

    state: str
    label: str
    first: str
    last: str
    standings: list[Binding]
    tables: dict[str, list[TableInfo]]  # instrument IRI -> its tables
    avenues: list[Avenue]


def state_treaties(reader: Reader, state: str, first: date, last: date) -> StateTreaties:
    """``state`` (an IRI) towards every instrument the reference data knows, from first to
    last, and the avenues of complaint open then."""
    reference = read_reference(reader)
    tables = read_tables(reader)
    names = reader.labels(set(tables) - set(reference.labels))
    reference.labels.update(
        {i: names.get(i, i.rsplit("/", 1)[-1]) for i in tables if i not in reference.labels}
    )
    instruments = sorted(set(reference.labels), key=lambda i: reference.labels[i])
    standings = []
    for instrument in instruments:
        line = reference.standings.get((state, instrument), [])
        binding = bound_on(line, first, last, reference.labels.get(instrument, instrument))
        binding.instrument_iri = instrument
        if binding.as_of is None and binding.status != "no data" and tables.get(instrument):
            binding.as_of = max(t.as_of for t in tables[instrument])
        standings.append(binding)
    label = reader.labels([state]).get(state, state)
    avenues = complaint_avenues(reader, state, first, standings)
    return StateTreaties(state, label, str(first), str(last), standings, tables, avenues)


def read_tables(reader: Reader) -> dict[str, list[TableInfo]]:
    """Every reference table, by instrument IRI."""
    found: dict[str, TableInfo] = {}
    by_instrument: dict[str, list[TableInfo]] = {}
    for row in reader.select(sparql("treaty-tables")):
        table = value(row, "table")
        if table not in found:
            found[table] = TableInfo(table, value(row, "label"), value(row, "asOf"))
            by_instrument.setdefault(value(row, "instrument"), []).append(found[table])
        if row["source"] is not None and value(row, "source") not in found[table].sources:
            found[table].sources.append(value(row, "source"))
    return by_instrument


def complaint_avenues(
    reader: Reader, state: str, on: date, standings: list[Binding]
) -> list[Avenue]:
    """Each avenue of ``data/complaint_avenues.csv``, open or not to a person on ``on``."""
    by_slug = {b.instrument_iri.rsplit("/", 1)[-1]: b for b in standings}
    declarations = reader.select(sparql("state-declarations"), {"state": iri(state)})
    out = []
    with AVENUES.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        binding = by_slug.get(row["instrument"])
        avenue = Avenue(row["avenue"], row["label"], row["body"], "no data", "")
        avenue.source = row["source_url"]
        out.append(avenue)
        if binding is None or binding.status in {"no data", "date unknown"}:
            avenue.reason = "no data on the state's standing towards its instrument"
            continue
        if binding.status != "bound":
            avenue.status = "closed" if "not a party" in binding.status else binding.status
            avenue.reason = f"{binding.status} ({binding.instrument}) on the day"
            continue
        compulsory = row["compulsory_from"]
        if not row["declaration_article"]:
            avenue.status, avenue.reason = "open", f"party to the {binding.instrument}"
            continue
        if compulsory and on >= date.fromisoformat(compulsory):
            avenue.status = "open"
            avenue.reason = f"party, and individual application compulsory since {compulsory}"
            continue
        made = _declaration(declarations, row["instrument"], row["declaration_article"], on)
        if made is None:
            avenue.reason = (
                f"party, but no declaration under art. {row['declaration_article']} recorded "
                "(the declaration table is incomplete)"
            )
        else:
            avenue.status, avenue.declaration = "open", made
            avenue.reason = f"party, declaration under art. {row['declaration_article']} recorded"
    return out


def _declaration(rows: list[Row], instrument: str, article: str, on: date) -> str | None:
    """The first declaration of ``instrument`` on ``article`` made by ``on``, if recorded."""
    wanted = str(iris.instance("instrument", instrument))
    for row in rows:
        numbers = re.findall(r"\d+", value(row, "number"))
        if value(row, "instrument") != wanted or article not in numbers:
            continue
        day = row["day"]
        if day is None or date.fromisoformat(day.value) <= on:
            return value(row, "statement")
    return None
