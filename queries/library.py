"""The canned queries: ``queries/*.rq`` files with a ``#`` header, listed, bound and run.

A header holds one field a line, before the first line of SPARQL::

    # title: Transfers made despite assurances
    # description: Each transfer an assurance was given or sought for, and what followed.
    # question: Who was sent where despite diplomatic assurances, and what happened next?
    # param: person | entity | optional | person:maher-arar | whose transfers
    # provenance: transfer
    # needs: a fixture (the corpus has no chain)
    # happenings: one row each

``param`` gives name | type | optional or required | example | what it means; the types are
``entity`` (an IRI, ``kind:slug``, a bare slug or a label), ``state`` (ISO alpha-3, an IRI or
a name), ``date`` (ISO at its precision: binds ``?NAMEStart`` and ``?NAMEEnd``), ``string``
and ``integer``. A parameter is bound as an RDF term in a ``VALUES`` block, never spliced
into the text; an optional one left out is simply unbound. ``provenance`` names the column
that holds facts: each row then gets the fact's review status, its source (title, publisher,
date, address), the paragraph and sentence numbers and the quotes, asked apart so rows are
never multiplied. ``happenings: one row each`` says the query shows one fact per event
(a happening's principal fact, graph/events): the provenance column then cites every report
of the event. A query that mentions ``?includeRejected`` gets it bound, and leaves
rejected facts out unless asked (``FILTER(?includeRejected || NOT EXISTS {...})`` in its
outer group).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dakg.errors import QueryError
from dakg.graph.citations import add_provenance
from dakg.graph.reader import (
    Reader,
    Row,
    Term,
    iri,
    literal,
    query_form,
    review_filter,
    sparql,
)

HERE = Path(__file__).parent
TYPES = ("entity", "state", "date", "string", "integer")
XSD = "http://www.w3.org/2001/XMLSchema#"
ID = "https://w3id.org/dakg/id/"
DAKG = "https://w3id.org/dakg/ontology#"


@dataclass
class Param:
    """One parameter of a canned query, as its header declares it."""

    name: str
    type: str
    optional: bool
    example: str
    description: str


@dataclass
class CannedQuery:
    """A query of the library (or any ``.rq`` file) with its header read."""

    name: str
    path: Path | None
    text: str
    title: str = ""
    description: str = ""
    question: str = ""
    params: list[Param] = field(default_factory=list)
    provenance: str | None = None
    needs: str = ""
    happenings: bool = False

    @property
    def param_names(self) -> list[str]:
        return [p.name for p in self.params]


def parse(text: str, name: str, path: Path | None = None) -> CannedQuery:
    """Read the ``#`` header of a query's text; a malformed header names the file."""
    where = str(path) if path else name
    query = CannedQuery(name=name, path=path, text=text)
    for number, line in enumerate(text.splitlines(), 1):
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        match = re.match(r"#\s*([a-z]+)\s*:\s*(.*)$", line)
        if match is None:
            continue
        key, value = match[1], match[2].strip()
        if key == "param":
            parts = [p.strip() for p in value.split("|")]
            if len(parts) != 5 or parts[1] not in TYPES or parts[2] not in ("optional", "required"):
                raise QueryError(
                    f"{where}:{number}: a param line is 'name | type | optional or required |"
                    f" example | description', with a type among {', '.join(TYPES)}"
                )
            query.params.append(Param(parts[0], parts[1], parts[2] == "optional", *parts[3:]))
        elif key in ("title", "description", "question", "needs"):
            setattr(query, key, value)
        elif key == "provenance":
            query.provenance = value
        elif key == "happenings":
            query.happenings = value == "one row each"
    return query


def library() -> list[CannedQuery]:
    """Every canned query of ``queries/``, by name."""
    return [load(path.stem) for path in sorted(HERE.glob("*.rq"))]


def load(name: str) -> CannedQuery:
    """A canned query by name, or any ``.rq`` file by its path."""
    path = Path(name)
    if path.suffix == ".rq" and path.exists():
        return parse(path.read_text(encoding="utf-8"), path.stem, path)
    own = HERE / f"{name}.rq"
    if not re.fullmatch(r"[a-z0-9-]+", name) or not own.exists():
        known = ", ".join(p.stem for p in sorted(HERE.glob("*.rq")))
        raise QueryError(f"no query '{name}' (known: {known}; or give a path to a .rq file)")
    return parse(own.read_text(encoding="utf-8"), name, own)


def adhoc(text: str) -> CannedQuery:
    """A query given as text on the command line."""
    return parse(text, "sparql")


@dataclass
class Result:
    """What a query answered: its columns and rows, and what was asked."""

    columns: list[str]
    rows: list[Row]
    query: CannedQuery
    parameters: dict[str, str]


def run(
    reader: Reader,
    query: CannedQuery,
    given: Mapping[str, str] | None = None,
    include_rejected: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> Result:
    """Bind the parameters as RDF terms, run the query and add provenance columns."""
    form = query_form(query.text)
    if form not in ("SELECT", "ASK"):
        raise QueryError(f"{query.name}: only SELECT and ASK queries give rows ({form} given)")
    given = dict(given or {})
    values = bind_params(reader, query, given)
    if "?includeRejected" in query.text:
        values.update(review_filter(include_rejected))
    columns, rows = reader.results(query.text, values)
    rows = rows[offset : offset + limit if limit is not None else None]
    if query.provenance and query.provenance in columns:
        columns, rows = add_provenance(
            reader, columns, rows, query.provenance, whole_event=query.happenings
        )
    return Result(columns, rows, query, given)


def bind_params(reader: Reader, query: CannedQuery, given: Mapping[str, str]) -> dict[str, Term]:
    """The ``VALUES`` terms of the given parameters; unknown or missing ones are errors."""
    declared = {p.name: p for p in query.params}
    unknown = sorted(set(given) - set(declared))
    if unknown and query.params:
        raise QueryError(
            f"{query.name}: no parameter {', '.join(unknown)} (it takes: "
            f"{', '.join(declared) or 'none'})"
        )
    values: dict[str, Term] = {}
    for name, text in given.items():
        param = declared.get(name) or Param(name, "string", True, "", "")
        values.update(term_for(reader, param, text))
    for param in query.params:
        if not param.optional and param.name not in given:
            raise QueryError(
                f"{query.name}: the parameter {param.name} is required "
                f"(-p {param.name}={param.example})"
            )
    return values


def term_for(reader: Reader, param: Param, text: str) -> dict[str, Term]:
    """The RDF terms one parameter value binds, by its declared type."""
    name, kind = param.name, param.type
    if kind == "integer":
        if not re.fullmatch(r"[+-]?\d{1,18}", text.strip()):
            raise QueryError(f"{name}: {text!r} is not an integer")
        return {name: literal(str(int(text)), XSD + "integer")}
    if kind == "date":
        start, end = date_span(name, text)
        return {
            f"{name}Start": literal(start.isoformat(), XSD + "date"),
            f"{name}End": literal(end.isoformat(), XSD + "date"),
        }
    if kind == "entity":
        return {name: resolve_entity(reader, text)}
    if kind == "state":
        return {name: resolve_state(reader, text)}
    return {name: literal(text)}


def date_span(name: str, text: str) -> tuple[date, date]:
    """The first and last day an ISO date at its precision covers: "2005" is the year."""
    import calendar

    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text.strip())
    try:
        if match is None:
            raise ValueError
        year = int(match[1])
        if match[3]:
            day = date(year, int(match[2]), int(match[3]))
            return day, day
        if match[2]:
            month = int(match[2])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        raise QueryError(
            f"{name}: {text!r} is not an ISO date (2005, 2005-08 or 2005-08-14)"
        ) from None


def resolve_entity(reader: Reader, text: str, kind: str | None = None) -> Term:
    """An entity's IRI from its IRI, ``kind:slug``, bare slug or label; an unknown one or an
    ambiguous one is an error that lists the candidates."""
    value = text.strip()
    base = iri(ID + (f"{kind}/" if kind else ""))
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1]
    if re.match(r"https?://", value):
        term = iri(value)
        term.sparql()  # refuses what cannot be an IRI
        if not reader.ask(sparql("exists"), {"x": term}):
            raise QueryError(f"no entity <{value}> in the graph")
        return term
    prefixed = re.fullmatch(r"([a-z][a-z-]*):([A-Za-z0-9][A-Za-z0-9_.-]*)", value)
    if prefixed:
        term = iri(f"{ID}{prefixed[1]}/{prefixed[2]}")
        if reader.ask(sparql("exists"), {"x": term}):
            return term
        raise QueryError(f"no entity {value} in the graph ({term.value})")
    found: list[str] = []
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", value):
        rows = reader.select(sparql("entity-by-slug"), {"tail": literal("/" + value), "base": base})
        found = [r["x"].value for r in rows if r["x"] is not None]
    if not found:
        rows = reader.select(
            sparql("entity-by-label"), {"name": literal(value.casefold()), "base": base}
        )
        found = [r["x"].value for r in rows if r["x"] is not None]
    if len(found) == 1:
        return iri(found[0])
    if not found:
        hint = "dakg cases lists them" if kind == "case" else "try its IRI or kind:slug"
        raise QueryError(f"no {kind or 'entity'} named {value!r} in the graph ({hint})")
    names = reader.labels(found)
    listed = "; ".join(f"{short(i)} ({names.get(i, '?')})" for i in found)
    raise QueryError(f"{value!r} is ambiguous: {listed}")


def resolve_state(reader: Reader, text: str) -> Term:
    """A state's IRI from its ISO alpha-3 code, its IRI or ``state:XXX``, or a name."""
    value = text.strip()
    if re.fullmatch(r"[A-Za-z]{3}", value):
        term = iri(f"{ID}state/{value.upper()}")
        if reader.ask(sparql("exists"), {"x": term}):
            return term
    try:
        return resolve_entity(reader, value, "state")
    except QueryError:
        import pycountry

        try:
            country = pycountry.countries.lookup(value)
        except LookupError:
            raise QueryError(f"no state {value!r} (give its ISO alpha-3 code, e.g. SYR)") from None
        return iri(f"{ID}state/{country.alpha_3}")


def short(value: str) -> str:
    """``person:maher-arar`` for a dakg instance IRI; prefixed names for vocabulary."""
    from dakg.graph.prefixes import compact

    if value.startswith(ID):
        return value[len(ID) :].replace("/", ":", 1)
    return compact(value)
