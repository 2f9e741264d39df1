"""Describe what the extraction found in RDF: entities, events and their evidence.

Every fact is an n-ary node (a transfer, an assurance event, a harm, a decision, an
advocacy action, a role) that points with ``prov:wasDerivedFrom`` to evidence nodes: the
exact passage as W3C Web Annotation quote and position selectors into the document's clean
text, the rule that found it, its confidence and its review status ("extracted").
Entities get IRIs that do not depend on the document (``/id/person/maher-arar``,
``/id/state/SYR``), so the same person or state is one node across documents; a group or
an unnamed body is scoped to its document.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from dakg.loaders.model import Document, Entity, Evidence, Extraction, Fact
from dakg.ontology.namespace import DAKG

from . import iris
from .documents import add_date

OA = "http://www.w3.org/ns/oa#"
_CONTEXT = 32

BODY_CLASSES = {
    "court": DAKG.Court,
    "treaty-body": DAKG.TreatyBody,
    "special-procedure": DAKG.SpecialProcedure,
    "agency": DAKG.GovernmentAgency,
}
TRANSFER_KINDS = {
    "rendition": DAKG.Rendition,
    "deportation": DAKG.Deportation,
    "removal": DAKG.Removal,
    "extradition": DAKG.Extradition,
    "expulsion": DAKG.Expulsion,
    "return": DAKG.Return,
    "refoulement": DAKG.Refoulement,
}
STATUSES = {
    "happened": DAKG.Happened,
    "proposed": DAKG.Proposed,
    "threatened": DAKG.Threatened,
    "halted": DAKG.Halted,
}
HARMS = {
    "torture": DAKG.Torture,
    "ill-treatment": DAKG.IllTreatment,
    "detention": DAKG.Detention,
    "unfair trial": DAKG.UnfairTrial,
    "conviction": DAKG.Conviction,
    "death": DAKG.Death,
    "disappearance": DAKG.Disappearance,
    "harassment": DAKG.Harassment,
}
ASSURANCES = {
    "sought": DAKG.AssuranceSought,
    "given": DAKG.AssuranceGiven,
    "relied on": DAKG.AssuranceReliedOn,
    "breached": DAKG.AssuranceBreached,
}
FACT_CLASSES = {
    "transfer": DAKG.Transfer,
    "proposed_transfer": DAKG.Transfer,
    "assurance": DAKG.AssuranceEvent,
    "outcome": DAKG.Harm,
    "decision": DAKG.Decision,
    "advocacy": DAKG.AdvocacyAction,
    "role": DAKG.RoleFact,
    "finding": DAKG.RiskFinding,
    "norm": DAKG.NormStatement,
}


def entity_iri(entity: Entity) -> URIRef:
    """The IRI of an entity (groups and unnamed bodies carry their document in their key)."""
    if entity.kind == "state":
        return iris.instance("state", entity.key)
    if entity.kind == "article":
        instrument, _, number = entity.key.partition("/article/")
        return URIRef(f"{iris.instance('instrument', instrument)}/article/{number}")
    if entity.kind == "group":
        return iris.instance("group", entity.key)
    return iris.instance(entity.kind, entity.key)


def fact_iri(key: str) -> URIRef:
    """The IRI of a fact from its key ("transfer-…", "proposed_transfer-…", "norm-…"): the
    kind is the key's first word, so a curated norm's hyphenated id stays in its slug."""
    kind = key.split("-", 1)[0]
    return iris.instance(kind.replace("_", "-"), key)


def add_extraction(
    graph: Graph, extraction: Extraction, reviewed: frozenset[str] = frozenset()
) -> None:
    """Add the entities and facts of one document to its named graph. A fact no case file
    reviews gets its effective status here ("extracted"); a reviewed one in its case graph."""
    document = extraction.document
    nodes = {ref: entity_iri(e) for ref, e in extraction.entities.items()}
    for ref, entity in extraction.entities.items():
        _entity(graph, entity, nodes[ref], nodes)
    for fact in extraction.facts:
        status = None if fact.key in reviewed else DAKG.Extracted
        write_fact(graph, fact, document, nodes, status)


def _entity(graph: Graph, entity: Entity, node: URIRef, nodes: dict[str, URIRef]) -> None:
    cls = {
        "person": DAKG.Person,
        "state": DAKG.State,
        "organisation": DAKG.Organisation,
        "body": BODY_CLASSES.get(entity.type, DAKG.Body),
        "instrument": DAKG.Instrument,
        "article": DAKG.Rule if " rule " in f" {entity.label} " else DAKG.Article,
        "place": DAKG.Place,
        "group": DAKG.Group,
    }[entity.kind]
    graph.add((node, RDF.type, cls))
    graph.add((node, RDFS.label, Literal(entity.label)))
    for alias in sorted(entity.aliases - {entity.label}):
        if "\n" not in alias:
            graph.add((node, SKOS.altLabel, Literal(alias)))
    if entity.kind == "state":
        graph.add((node, DAKG.iso3166Alpha3, Literal(entity.key)))
    state = nodes.get(f"state:{entity.state}") or (
        iris.instance("state", entity.state) if entity.state else None
    )
    if state is not None and entity.kind == "body" and entity.type == "agency":
        graph.add((node, DAKG.agencyOf, state))
    if state is not None and entity.kind == "place":
        graph.add((node, DAKG.locatedIn, state))
    if state is not None and entity.kind in {"place", "body"}:
        graph.add((state, RDF.type, DAKG.State))
        graph.add((state, DAKG.iso3166Alpha3, Literal(entity.state)))
        _state_label(graph, state, entity.state)
    if entity.kind == "article":
        instrument = iris.instance("instrument", entity.instrument)
        graph.add((node, DAKG.ofInstrument, instrument))
        graph.add((node, DAKG.provisionNumber, Literal(entity.number)))
    for member in sorted(entity.members | entity.inferred_members):
        if member in nodes:
            graph.add((node, DAKG.hasMember, nodes[member]))
    if entity.inferred_members:
        names = ", ".join(sorted(m.split(":", 1)[1] for m in entity.inferred_members))
        graph.add(
            (
                node,
                RDFS.comment,
                Literal(
                    "members inferred (harmed where the group was sent, with no transfer"
                    f" of their own): {names}"
                ),
            )
        )


def _state_label(graph: Graph, node: URIRef, code: str) -> None:
    from dakg.loaders.gazetteer import state_table

    entry = state_table().get(code)
    if entry is not None:
        graph.add((node, RDFS.label, Literal(entry.label)))


def write_fact(
    graph: Graph,
    fact: Fact,
    document: Document | None,
    nodes: dict[str, URIRef],
    status: URIRef | None = DAKG.Extracted,
) -> URIRef:
    """Write one fact node, its fields, date, notes and evidence; return its IRI."""
    node = fact_iri(fact.key)
    graph.add((node, RDF.type, FACT_CLASSES[fact.kind]))
    f = fact.fields

    def ref(name: str) -> URIRef | None:
        value = f.get(name)
        return nodes.get(value) if value else None

    def link(prop: URIRef, name: str) -> None:
        target = ref(name)
        if target is not None:
            graph.add((node, prop, target))

    if fact.kind in {"transfer", "proposed_transfer"}:
        link(DAKG.transferee, "person")
        link(DAKG.fromState, "from")
        link(DAKG.toState, "to")
        kind = TRANSFER_KINDS.get(str(f.get("kind")))
        if kind is not None:
            graph.add((node, DAKG.transferKind, kind))
        graph.add((node, DAKG.transferStatus, STATUSES[str(f.get("status", "happened"))]))
    elif fact.kind == "assurance":
        link(DAKG.givenBy, "given_by")
        link(DAKG.soughtBy, "sought_by")
        link(DAKG.concerns, "about")
        graph.add((node, DAKG.assuranceKind, ASSURANCES[str(f["kind"])]))
        if f.get("content"):
            graph.add((node, DAKG.assuranceContent, Literal(f["content"])))
        related = f.get("transfer")
        if related:
            graph.add((node, DAKG.relatesToTransfer, fact_iri(related)))
    elif fact.kind == "outcome":
        link(DAKG.victim, "person")
        link(DAKG.perpetrator, "perpetrator")
        link(DAKG.atPlace, "where")
        graph.add((node, DAKG.harmKind, HARMS[str(f["what"])]))
        if f.get("method"):
            graph.add((node, DAKG.method, Literal(f["method"])))
        graph.add((node, DAKG.alleged, Literal(fact.alleged)))
    elif fact.kind == "decision":
        link(DAKG.decidedBy, "body")
        link(DAKG.about, "about")
        if f.get("finding"):
            graph.add((node, DAKG.finding, Literal(f["finding"])))
    elif fact.kind == "advocacy":
        for name, value in f.items():
            target = nodes.get(value) if value else None
            if target is None:
                continue
            prop = {
                "author": DAKG.author,
                "signatory": DAKG.signatory,
                "addressee": DAKG.addressee,
            }.get(name.rstrip("0123456789"))
            if prop is not None:
                graph.add((node, prop, target))
        if f.get("demand"):
            graph.add((node, DAKG.demand, Literal(f["demand"])))
        graph.add((node, RDFS.label, Literal(str(f.get("kind") or "advocacy"))))
    elif fact.kind == "finding":
        graph.add((node, DAKG.assesses, fact_iri(str(f["assurance"]))))
        graph.add((node, DAKG.riskFactor, DAKG[str(f["factor"])]))
    elif fact.kind == "role":
        link(DAKG.roleHolder, "person")
        link(DAKG.roleIn, "organisation")
        graph.add((node, DAKG.roleTitle, Literal(f["title"])))
    if fact.attributed_to and fact.attributed_to in nodes:
        graph.add((node, DAKG.attributedTo, nodes[fact.attributed_to]))
    if fact.date and fact.date_precision:
        add_date(graph, node, fact.date, fact.date_precision, fact.date_text or fact.date)
    for note in fact.notes:
        graph.add((node, RDFS.comment, Literal(note)))
    graph.add((node, DCTERMS.identifier, Literal(fact.key)))
    if status is not None:
        graph.add((node, DAKG.reviewStatus, status))
    if document is None:
        return node
    doc_node = iris.document(document.stem)
    for number, evidence in enumerate(fact.evidence, start=1):
        graph.add(
            (
                node,
                PROV.wasDerivedFrom,
                _evidence(graph, fact, number, evidence, document, doc_node),
            )
        )
    return node


def _evidence(
    graph: Graph, fact: Fact, number: int, evidence: Evidence, document: Document, doc_node: URIRef
) -> URIRef:
    """An evidence node: the passage, where it stands, how it was found, its review status."""
    node = iris.instance("evidence", f"{fact.key}-{number}")
    clean = document.clean
    quote_selector = URIRef(f"{node}/quote")
    position_selector = URIRef(f"{node}/position")
    graph.add((node, RDF.type, DAKG.Evidence))
    graph.add((node, URIRef(OA + "hasSource"), doc_node))
    graph.add((node, URIRef(OA + "hasSelector"), quote_selector))
    graph.add((node, URIRef(OA + "hasSelector"), position_selector))
    graph.add((quote_selector, RDF.type, URIRef(OA + "TextQuoteSelector")))
    graph.add((quote_selector, URIRef(OA + "exact"), Literal(evidence.quote)))
    graph.add(
        (
            quote_selector,
            URIRef(OA + "prefix"),
            Literal(clean[max(0, evidence.start - _CONTEXT) : evidence.start]),
        )
    )
    graph.add(
        (
            quote_selector,
            URIRef(OA + "suffix"),
            Literal(clean[evidence.end : evidence.end + _CONTEXT]),
        )
    )
    graph.add((position_selector, RDF.type, URIRef(OA + "TextPositionSelector")))
    graph.add(
        (position_selector, URIRef(OA + "start"), Literal(evidence.start, datatype=XSD.integer))
    )
    graph.add((position_selector, URIRef(OA + "end"), Literal(evidence.end, datatype=XSD.integer)))
    graph.add((node, DAKG.extractionRule, Literal(fact.rule)))
    confidence = Decimal(str(round(fact.confidence, 2)))
    graph.add((node, DAKG.confidence, Literal(confidence, datatype=XSD.decimal)))
    reviewed = fact.rule == "analyst"
    graph.add((node, DAKG.reviewStatus, DAKG.Confirmed if reviewed else DAKG.Extracted))
    sentence = _sentence_at(document, evidence.start)
    if sentence is not None:
        graph.add((node, DAKG.inSegment, iris.segment(document.stem, "sentence", sentence)))
    return node


def _sentence_at(document: Document, offset: int) -> int | None:
    for number, sentence in enumerate(document.sentences, start=1):
        if sentence.start <= offset < sentence.end:
            return number
    return None


def write_citation(graph: Graph, fact: URIRef, key: str, citation: dict[str, Any]) -> URIRef:
    """The external source a fact rests on when no corpus passage gives it: title, publisher,
    date, address, and (for reference data) the verbatim text, whether it was read, and where."""
    node = iris.instance("citation", key)
    graph.add((node, RDF.type, DAKG.Citation))
    graph.add((node, DCTERMS.title, Literal(citation["title"])))
    graph.add((node, DCTERMS.publisher, Literal(citation["publisher"])))
    if citation.get("date"):
        graph.add((node, DCTERMS.date, Literal(str(citation["date"]))))
    if citation.get("url"):
        graph.add((node, DCTERMS.source, Literal(citation["url"], datatype=XSD.anyURI)))
    if citation.get("text"):
        graph.add((node, DAKG.citedText, Literal(citation["text"])))
    if "verified" in citation:
        graph.add((node, DAKG.verified, Literal(bool(citation["verified"]))))
    if citation.get("note"):
        graph.add((node, RDFS.comment, Literal(citation["note"])))
    graph.add((fact, PROV.wasDerivedFrom, node))
    return node
