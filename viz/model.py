"""What the views draw, read once from the graph through the reader: the events with their
roles, dates, review status and sources, the things they point at, the cases and documents
they belong to, the obligations map and the refoulement chains. Every view is a subset of it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from dakg.graph.build_record import BuildRecord, read_build_record
from dakg.graph.case_index import list_cases
from dakg.graph.reader import Reader, Row, iri, optional, review_filter, sparql, value

HERE = Path(__file__).parent
QUERIES = HERE / "sparql"
DAKG = "https://w3id.org/dakg/ontology#"
ID = "https://w3id.org/dakg/id/"
# An analyst's word wins over the extractor's; among analysts', the most cautious wins.
STATUS_ORDER = ("Rejected", "Unsure", "Corrected", "Confirmed", "Extracted")


@cache
def style() -> dict[str, Any]:
    """Colours, shapes and role labels (``viz/style.json``)."""
    data: dict[str, Any] = json.loads((HERE / "style.json").read_text(encoding="utf-8"))
    return data


def local(iri_: str) -> str:
    """The local name of an IRI: ``Transfer`` for ``dakg:Transfer``."""
    return iri_.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def slug(iri_: str) -> str:
    """The last segment of an instance IRI: ``maher-arar``, ``USA``."""
    return iri_.rstrip("/").rsplit("/", 1)[-1]


def kind_of(iri_: str) -> str:
    """The kind segment of an instance IRI: ``person`` for ``/id/person/maher-arar``."""
    rest = iri_[len(ID) :] if iri_.startswith(ID) else ""
    return rest.split("/", 1)[0] if "/" in rest else ""


def at_precision(start: str | None, precision: str | None) -> str:
    """A date as fine as its source gave it: "2005", "2005-03" or "2005-03-14"."""
    if not start:
        return ""
    return {"YearPrecision": start[:4], "MonthPrecision": start[:7]}.get(
        local(precision or ""), start[:10]
    )


@dataclass
class Source:
    """One source of a fact: a passage of a document, or an analyst's citation."""

    source: str
    document: str | None = None
    quote: str | None = None
    start: int | None = None
    end: int | None = None
    paragraph: str | None = None
    sentence: str | None = None


@dataclass
class Fact:
    """An event (or an obligation) the views draw as a small node linking its roles."""

    iri: str
    cls: str
    status: str = "Extracted"
    alleged: bool = False
    happened: str | None = None
    start: str | None = None
    date: str = ""
    # every date its sources give: (first day, last day, precision), as in the graph
    spans: list[tuple[str, str, str]] = field(default_factory=list)
    kind: str | None = None
    roles: list[tuple[str, str]] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    cases: set[str] = field(default_factory=set)
    reports: list[str] = field(default_factory=list)  # the other facts of its happening
    disagreements: list[str] = field(default_factory=list)

    @property
    def documents(self) -> set[str]:
        return {s.document for s in self.sources if s.document}

    @property
    def tentative(self) -> bool:
        """Drawn dashed: alleged, not (yet) happened, or not confirmed by an analyst."""
        return (
            self.alleged
            or self.happened not in (None, "Happened")
            or self.status
            not in (
                "Confirmed",
                "Corrected",
            )
        )


@dataclass
class Document:
    """A source document: what a citation shows and where its page is."""

    iri: str
    title: str
    published: str = ""
    address: str = ""
    publishers: list[str] = field(default_factory=list)


@dataclass
class Case:
    """A case, an analyst's or a proposed one."""

    iri: str
    slug: str
    title: str
    proposed: bool


@dataclass
class Chain:
    """An indirect refoulement chain: a person moved on through a second state."""

    person: str
    first: str
    second: str
    label: str


@dataclass
class GraphData:
    """Everything the views draw, read once."""

    facts: dict[str, Fact]
    kinds: dict[str, str]
    members: list[tuple[str, str]]
    labels: dict[str, str]
    documents: dict[str, Document]
    citations: dict[str, Row]
    cases: dict[str, Case]
    chains: list[Chain]
    instruments: dict[str, str]
    build: BuildRecord | None
    include_rejected: bool


def read_graph(reader: Reader, include_rejected: bool = False) -> GraphData:
    """Read what the views need: a handful of whole-graph queries, never one per node."""
    facts: dict[str, Fact] = {}
    for row in reader.select(sparql("facts", QUERIES), review_filter(include_rejected)):
        key = value(row, "fact")
        fact = facts.setdefault(key, Fact(key, local(value(row, "class"))))
        status = local(optional(row, "status") or DAKG + "Extracted")
        if STATUS_ORDER.index(status) < STATUS_ORDER.index(fact.status):
            fact.status = status
        fact.alleged = fact.alleged or optional(row, "alleged") == "true"
        if optional(row, "happened"):
            fact.happened = local(value(row, "happened"))
        start = optional(row, "start")
        if start:
            span = (start[:10], (optional(row, "end") or start)[:10],
                    local(optional(row, "precision") or "DayPrecision"))  # fmt: skip
            if span not in fact.spans:
                fact.spans.append(span)
        if start and (fact.start is None or start < fact.start):
            fact.start = start
            fact.date = at_precision(start, optional(row, "precision"))
        fact.kind = optional(row, "kind") or fact.kind
    instruments = _read_obligations(reader, facts)
    for row in reader.select(sparql("roles", QUERIES)):
        fact_ = facts.get(value(row, "fact"))
        if fact_ is not None:
            fact_.roles.append((local(value(row, "role")), value(row, "target")))
    for f in facts.values():
        f.roles.sort()
    _read_sources(reader, facts)
    _fold_happenings(reader, facts)
    kinds = _read_kinds(reader)
    members = sorted(
        (value(r, "group"), value(r, "member")) for r in reader.select(sparql("members", QUERIES))
    )
    documents = _read_documents(reader)
    citation_sources = sorted(
        {s.source for f in facts.values() for s in f.sources if s.document is None}
    )
    citations: dict[str, Row] = {}
    for chunk in range(0, len(citation_sources), 200):
        part = [iri(s) for s in citation_sources[chunk : chunk + 200]]
        for row in reader.select(sparql("sources"), {"source": part}):
            citations[value(row, "source")] = row
    cases = _read_cases(reader, facts, include_rejected)
    chains = _read_chains(reader, include_rejected)
    named = set(facts) | {t for f in facts.values() for _, t in f.roles}
    named |= {x for pair in members for x in pair} | {f.kind for f in facts.values() if f.kind}
    named |= set(instruments.values())
    named |= {s.source for f in facts.values() for s in f.sources if s.document is None}
    labels = reader.labels(sorted(x for x in named if x))
    return GraphData(
        facts=facts,
        kinds=kinds,
        members=members,
        labels=labels,
        documents=documents,
        citations=citations,
        cases=cases,
        chains=chains,
        instruments=instruments,
        build=read_build_record(reader),
        include_rejected=include_rejected,
    )


def _read_obligations(reader: Reader, facts: dict[str, Fact]) -> dict[str, str]:
    """Obligations as fact-like nodes (instrument -> provision -> obligation -> transfer);
    returns each provision's instrument."""
    instruments: dict[str, str] = {}
    for row in reader.select(sparql("obligations", QUERIES)):
        if optional(row, "instrument"):
            instruments[value(row, "provision")] = value(row, "instrument")
        key = value(row, "obligation")
        fact = facts.setdefault(key, Fact(key, "Obligation", status="Derived"))
        fact.kind = optional(row, "kind") or fact.kind
        fact.happened = local(optional(row, "binding") or "") or None
        roles = [("obligedState", value(row, "state")), ("arisesFrom", value(row, "provision"))]
        if optional(row, "transfer"):
            roles.append(("regardsTransfer", value(row, "transfer")))
        fact.roles.extend(r for r in roles if r not in fact.roles)
    return instruments


def _read_sources(reader: Reader, facts: dict[str, Fact]) -> None:
    seen: set[tuple[str, str]] = set()
    for row in reader.select(sparql("evidence", QUERIES)):
        fact = facts.get(value(row, "fact"))
        source = value(row, "source")
        if fact is None or (fact.iri, source) in seen:
            continue
        seen.add((fact.iri, source))
        start, end = optional(row, "start"), optional(row, "end")
        fact.sources.append(
            Source(
                source=source,
                document=optional(row, "document"),
                quote=optional(row, "exact"),
                start=int(start) if start else None,
                end=int(end) if end else None,
                paragraph=optional(row, "paragraph"),
                sentence=optional(row, "sentence"),
            )
        )
    for fact in facts.values():
        fact.sources.sort(key=lambda s: (s.document or "", s.start or 0, s.source))


def _fold_happenings(reader: Reader, facts: dict[str, Fact]) -> None:
    """One node per event: each other report of a happening is folded into its principal
    fact (its roles and sources join; links to it point at the principal) and not drawn."""
    into: dict[str, str] = {}
    for row in reader.select(sparql("happenings", QUERIES)):
        principal, report = value(row, "principal"), value(row, "report")
        fact, other = facts.get(principal), facts.get(report)
        if fact is None or other is None:
            continue
        into[report] = principal
        if report not in fact.reports:
            fact.reports.append(report)
            fact.roles += [r for r in other.roles if r not in fact.roles]
            fact.spans += [s for s in other.spans if s not in fact.spans]
            fact.sources += [s for s in other.sources if s not in fact.sources]
            fact.status = min(fact.status, other.status, key=STATUS_ORDER.index)
        said = optional(row, "disagreement")
        if said and said not in fact.disagreements:
            fact.disagreements.append(said)
        if said and "on the date" in said and other.date and other.date not in fact.date:
            # the label shows every date the sources give, never one picked silently
            fact.date = " or ".join(sorted([*fact.date.split(" or "), other.date]))
    for report in into:
        del facts[report]
    for fact in facts.values():
        fact.roles = sorted({(role, into.get(target, target)) for role, target in fact.roles})


def _read_kinds(reader: Reader) -> dict[str, str]:
    """Each node's display class: the most specific the style knows."""
    classes = style()["classes"]
    subclasses = style()["subclasses"]
    order = list(classes)
    kinds: dict[str, str] = {}
    for row in reader.select(sparql("kinds", QUERIES)):
        name = local(value(row, "class"))
        shown = subclasses.get(name, name)
        node = value(row, "node")
        if shown in classes and (
            node not in kinds or order.index(shown) < order.index(kinds[node])
        ):
            kinds[node] = shown
    return kinds


def _read_documents(reader: Reader) -> dict[str, Document]:
    documents: dict[str, Document] = {}
    for row in reader.select(sparql("documents", QUERIES)):
        key = value(row, "document")
        doc = documents.setdefault(key, Document(key, value(row, "title")))
        doc.published = optional(row, "published") or doc.published
        doc.address = optional(row, "address") or doc.address
        publisher = optional(row, "publisher")
        if publisher and publisher not in doc.publishers:
            doc.publishers.append(publisher)
    for doc in documents.values():
        doc.publishers.sort()
    return documents


def _read_cases(reader: Reader, facts: dict[str, Fact], include_rejected: bool) -> dict[str, Case]:
    """Every case, and each fact's cases (the rule of ``queries/case-facts.rq``)."""
    from dakg.queries.library import load

    query = load("case-facts").text
    cases: dict[str, Case] = {}
    for summary in list_cases(reader, include_rejected):
        key = ID + "case/" + summary.slug
        cases[key] = Case(key, summary.slug, summary.title, summary.proposed)
        bound = {"case": iri(key), **review_filter(include_rejected)}
        for row in reader.select(query, bound):
            fact = facts.get(value(row, "fact"))
            if fact is not None:
                fact.cases.add(key)
    return cases


def _read_chains(reader: Reader, include_rejected: bool) -> list[Chain]:
    """The refoulement chains the canned query finds, each a path a view can highlight."""
    from dakg.queries.library import load

    needed = ("person", "first", "second", "origin", "via", "destination")
    rows = [
        r
        for r in reader.select(load("refoulement-chains").text, review_filter(include_rejected))
        if all(r.get(n) is not None for n in needed)
    ]
    names = reader.labels(sorted({value(r, n) for r in rows for n in needed}))

    def name(row: Row, column: str) -> str:
        return names.get(value(row, column), slug(value(row, column)))

    return [
        Chain(
            person=value(r, "person"),
            first=value(r, "first"),
            second=value(r, "second"),
            label=f"{name(r, 'person')}: "
            + " → ".join(name(r, n) for n in ("origin", "via", "destination")),
        )
        for r in rows
    ]
