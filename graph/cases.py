"""Apply analyst case files to the extracted facts and describe them in the graph.

Each case file gets a named graph of its own (``/graph/case/{slug}``) with the case node
(``dakg:confidential true`` when the file says so, nothing when not), the effective review
status of every fact it reviews (the latest review wins: files are read in date order) and
the facts it adds. A corrected fact takes the analyst's values
(the extracted ones are kept as a note); a rejected fact stays in its document's graph
with the status "rejected", and default views and queries leave it out. A review whose
fact the extractor no longer produces is reported, not lost.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from pathlib import Path

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef

from dakg.errors import DakgError
from dakg.loaders.cases import CaseFile, CaseFileError, verify_quotes
from dakg.loaders.dates import parse_date
from dakg.loaders.gazetteer import gazetteer
from dakg.loaders.mentions import slug
from dakg.loaders.model import Document, Entity, Evidence, Extraction, Fact
from dakg.ontology.namespace import DAKG

from . import iris
from .facts import fact_iri, write_citation, write_fact

STATUS = {
    "extracted": DAKG.Extracted,
    "confirmed": DAKG.Confirmed,
    "corrected": DAKG.Corrected,
    "rejected": DAKG.Rejected,
    "unsure": DAKG.Unsure,
}
_REF_FIELDS = {
    "person": "person",
    "about": "person",
    "from": "state",
    "to": "state",
    "given_by": "state",
    "sought_by": "state",
    "where": "state",
    "body": "body",
}


@dataclass
class Applied:
    """What the case files did: effective statuses, added facts, stale reviews."""

    status: dict[str, tuple[CaseFile, str]] = field(default_factory=dict)
    added: dict[str, list[Fact]] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    stale: list[str] = field(default_factory=list)


def case_graph(slug_: str) -> URIRef:
    return URIRef(f"{iris.GRAPH}case/{slug_}")


def apply_cases(
    cases: list[CaseFile],
    extractions: dict[str, Extraction],
    documents: dict[str, Document],
    strict: bool = False,
) -> Applied:
    """Check the case files against the corpus and apply them to the extracted facts."""
    applied = Applied()
    for case in cases:
        _split(case, extractions)
        _merge(case, extractions)
    facts = {f.key: f for e in extractions.values() for f in e.facts}
    seen: dict[str, Path] = {}
    for case in sorted(cases, key=lambda c: (c.date, c.path.name)):
        if case.slug in seen:
            raise CaseFileError(f"{case.path}:1: case {case.slug!r} is also {seen[case.slug]}")
        seen[case.slug] = case.path
        verify_quotes(case, documents)
        for review in case.reviews:
            fact = facts.get(review.fact)
            if fact is None:
                message = (
                    f"{case.path}:{review.line}: review of {review.fact}: the extractor no"
                    " longer produces this fact (the review is kept)"
                )
                if strict:
                    raise CaseFileError(message)
                applied.stale.append(message)
                continue
            applied.status[review.fact] = (case, review.status)
            if review.status == "corrected":
                _correct(fact, review.set, case, applied)
        applied.added[case.slug] = [
            _added(case, item.fields, item.line, documents, applied) for item in case.facts
        ]
    rejected = {key for key, (_, status) in applied.status.items() if status == "rejected"}
    for extraction in extractions.values():
        _drop_rejected_inferences(extraction, rejected)
    return applied


def _drop_rejected_inferences(extraction: Extraction, rejected: set[str]) -> None:
    """A member inferred from harm facts (harmed where the group was sent) stops being one
    when an analyst rejects every fact the inference rested on."""
    for entity in extraction.entities.values():
        for member in sorted(entity.inferred_members):
            basis = [
                f.key
                for f in extraction.facts
                if f.kind == "outcome" and f.fields.get("person") == member
            ]
            if basis and all(key in rejected for key in basis):
                entity.inferred_members.discard(member)


def _rename(extraction: Extraction, old: str, new: str, label: str | None = None) -> None:
    """Point every fact of ``extraction`` that names ``old`` at ``new``; keep the name."""
    entities = extraction.entities
    source = entities.pop(old, None)
    if source is None:
        return
    kind, key = new.split(":", 1)
    target = entities.setdefault(new, replace(source, key=key, label=label or source.label))
    target.aliases |= source.aliases | {source.label}
    target.aliases.discard(target.label)
    for fact in extraction.facts:
        for field_name, value in list(fact.fields.items()):
            if value == old:
                fact.fields[field_name] = new
        if fact.attributed_to == old:
            fact.attributed_to = new
    for entity in entities.values():
        for members in (entity.members, entity.inferred_members):
            if old in members:
                members.discard(old)
                members.add(new)


def _merge(case: CaseFile, extractions: dict[str, Extraction]) -> None:
    """ "keep: person:a, merge: person:b": b's mentions and facts are a's."""
    for item in case.merges:
        labels = [
            e.entities[item["keep"]].label
            for e in extractions.values()
            if item["keep"] in e.entities
        ]
        for extraction in extractions.values():
            _rename(extraction, item["merge"], item["keep"], labels[0] if labels else None)


def _split(case: CaseFile, extractions: dict[str, Extraction]) -> None:
    """In the listed documents, an entity's mentions and facts belong to a new entity."""
    for item in case.splits:
        kind = item["entity"].split(":", 1)[0]
        new = f"{kind}:{slug(item['into'])}"
        for stem in item["documents"]:
            if stem not in extractions:
                raise CaseFileError(f"{case.path}: split names no document {stem!r}")
            _rename(extractions[stem], item["entity"], new, item["into"])


def _ref(name: str, value: str, applied: Applied) -> str:
    """An entity ref for a name written in a case file ("Syria" -> "state:SYR")."""
    kind = _REF_FIELDS.get(name)
    if kind == "state":
        entries = [e for e in gazetteer().by_label(value) if e.kind == "state"]
        if not entries:
            raise DakgError(f"not a state the gazetteer knows: {value!r}")
        ref = f"state:{entries[0].id}"
        applied.entities.setdefault(ref, Entity("state", entries[0].id, entries[0].label))
        return ref
    if kind == "body":
        entries = [e for e in gazetteer().by_label(value) if e.kind == "body"]
        key = entries[0].id if entries else slug(value)
        ref = f"body:{key}"
        label = entries[0].label if entries else value
        applied.entities.setdefault(ref, Entity("body", key, label))
        return ref
    ref = f"person:{slug(value)}"
    applied.entities.setdefault(ref, Entity("person", slug(value), value))
    return ref


def _correct(fact: Fact, values: dict[str, str], case: CaseFile, applied: Applied) -> None:
    for name, value in values.items():
        if name == "date":
            old = fact.date
            parsed = parse_date(value)
            if parsed:
                fact.date, fact.date_precision = parsed
                fact.date_text = value
            was = old or "undated"
            fact.notes.append(f"date corrected by {case.reviewer} ({case.path.name}); was {was}")
            continue
        try:
            new = _ref(name, value, applied)
        except DakgError as err:
            raise CaseFileError(f"{case.path}: {err}") from None
        was = fact.fields.get(name) or "not given"
        fact.notes.append(f"{name} corrected by {case.reviewer} ({case.path.name}); was {was}")
        fact.fields[name] = new


def _added(
    case: CaseFile,
    item: dict[str, str | dict[str, str]],
    line: int,
    documents: dict[str, Document],
    applied: Applied,
) -> Fact:
    fields: dict[str, str | None] = {}
    for name, value in item.items():
        if name in {"kind", "quote", "citation", "date", "note"}:
            continue
        if name == "transfer_kind":
            fields["kind"] = str(value)
        elif name in _REF_FIELDS:
            try:
                fields[name] = _ref(name, str(value), applied)
            except DakgError as err:
                raise CaseFileError(f"{case.path}:{line}: {err}") from None
        else:
            fields[name] = str(value)
    kind = str(item["kind"])
    if kind in {"transfer", "proposed_transfer"}:
        fields.setdefault("status", "happened" if kind == "transfer" else "proposed")
    if kind == "assurance":
        fields.setdefault("kind", "given")
    evidence: list[Evidence] = []
    quote = item.get("quote")
    if isinstance(quote, dict):
        clean = documents[quote["document"]].clean
        start = clean.index(quote["text"])
        evidence.append(Evidence(quote["text"], start, start + len(quote["text"])))
    citation = item.get("citation")
    fact = Fact(
        kind=kind,  # type: ignore[arg-type]
        fields=fields,
        evidence=evidence,
        rule="analyst",
        confidence=1.0,
        citation=dict(citation) if isinstance(citation, dict) else None,
        notes=[str(item["note"])] if item.get("note") else [],
    )
    if item.get("date"):
        parsed = parse_date(str(item["date"]))
        if parsed:
            fact.date, fact.date_precision = parsed
            fact.date_text = str(item["date"])
    payload = json.dumps([case.slug, kind, sorted(fields.items()), fact.date], sort_keys=True)
    fact.key = f"{kind}-{hashlib.sha256(payload.encode()).hexdigest()[:12]}"
    if isinstance(quote, dict):
        fact.notes.append(f"quote from {quote['document']}")
    return fact


def add_case(
    graph: Graph, case: CaseFile, applied: Applied, documents: dict[str, Document]
) -> None:
    """The case node, its reviews' effective statuses and its added facts."""
    node = iris.instance("case", case.slug)
    graph.add((node, RDF.type, DAKG.Case))
    graph.add((node, RDFS.label, Literal(case.title)))
    if case.confidential:
        graph.add((node, DAKG.confidential, Literal(True)))
    reviewer = iris.instance("person", slug(case.reviewer))
    graph.add((reviewer, RDF.type, DAKG.Person))
    graph.add((reviewer, RDFS.label, Literal(case.reviewer)))
    for name in case.concerns:
        person = iris.instance("person", slug(name))
        graph.add((node, DAKG.concerns, person))
        graph.add((person, RDF.type, DAKG.Person))
        graph.add((person, RDFS.label, Literal(name)))
    for key, (owner, status) in applied.status.items():
        if owner is not case:
            continue
        reviewed = fact_iri(key)
        graph.add((reviewed, DAKG.reviewStatus, STATUS[status]))
        graph.add((reviewed, DAKG.reviewer, reviewer))
        graph.add((reviewed, DAKG.reviewDate, Literal(case.date, datatype=XSD.date)))
        graph.add((reviewed, DAKG.partOfCase, node))
    nodes = {ref: _entity_iri(ref) for ref in applied.entities}
    for ref, entity in applied.entities.items():
        cls = {"state": DAKG.State, "body": DAKG.Body, "person": DAKG.Person}[entity.kind]
        graph.add((nodes[ref], RDF.type, cls))
        graph.add((nodes[ref], RDFS.label, Literal(entity.label)))
    for fact in applied.added.get(case.slug, []):
        document = None
        if fact.evidence:
            stem = next(s for s, d in documents.items() if fact.evidence[0].quote in d.clean)
            document = documents[stem]
        fact_node = write_fact(graph, fact, document, nodes, status=DAKG.Confirmed)
        graph.add((fact_node, DAKG.partOfCase, node))
        graph.add((fact_node, DAKG.reviewer, reviewer))
        graph.add((fact_node, DAKG.reviewDate, Literal(case.date, datatype=XSD.date)))
        if fact.citation:
            write_citation(graph, fact_node, fact.key, fact.citation)


def _entity_iri(ref: str) -> URIRef:
    kind, key = ref.split(":", 1)
    return iris.instance(kind, key)
