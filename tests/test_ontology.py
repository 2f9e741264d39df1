"""The ontology (dakg.ttl), its Python namespace and the SHACL shapes agree and hold together."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, PROV, RDF, RDFS, SH, SKOS
from rdflib.term import Node

from dakg.ontology.namespace import (
    DAKG,
    GRAPH,
    ID,
    NS,
    ONTOLOGY_IRI,
    ONTOLOGY_PATH,
    SHAPES_PATH,
)

# pyshacl reads a Dataset through rdflib's deprecated Dataset.default_context.
pytestmark = pytest.mark.filterwarnings(
    "ignore:Dataset.default_context is deprecated:DeprecationWarning"
)

DAKGSH = Namespace("https://w3id.org/dakg/shapes#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # rdflib's XSD warns when pytest probes it
OA = Namespace("http://www.w3.org/ns/oa#")
ERR = Namespace("http://www.daml.org/2002/03/agents/agent-ont#")  # owlrl's error messages
PROPERTY_TYPES = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property)
TERM_TYPES = (OWL.Class, RDFS.Class, *PROPERTY_TYPES, SKOS.Concept, SKOS.ConceptScheme)

PREFIXES = """
@prefix dakg: <https://w3id.org/dakg/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@base <https://w3id.org/dakg/id/> .
"""

# A document as the build emits it: clean text "Dear Minister\n\nWe write about Mr Yusupov.
# He faces return to Uzbekistan.\n", one section, one paragraph, two sentences, a footnote.
DOCUMENT_TTL = r"""
<document/hrw-test> a dakg:Document ;
    dcterms:title "Dear Minister" ;
    dcterms:publisher <organisation/human-rights-watch> ;
    dcterms:type "letter" ;
    dcterms:source "https://www.hrw.org/news/2006/09/06/letter"^^xsd:anyURI ;
    dcterms:format "web page" ;
    dcterms:subject "Region / Country: Uzbekistan" , "Topic: Torture" ;
    dakg:sha256 "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881" ;
    dakg:rawLength 120 ;
    dakg:length 73 ;
    dakg:cleanText "Dear Minister\n\nWe write about Mr Yusupov. He faces return to Uzbekistan.\n" ;
    dakg:dateStart "2006-09-06"^^xsd:date ;
    dakg:dateEnd "2006-09-06"^^xsd:date ;
    dakg:datePrecision dakg:DayPrecision ;
    dakg:dateText "September 6, 2006" ;
    dakg:metadataRecovered "date" .

<organisation/human-rights-watch> a dakg:Organisation ; rdfs:label "Human Rights Watch" .

<document/hrw-test/section/1> a dakg:Section ;
    dakg:inDocument <document/hrw-test> ;
    rdfs:label "Dear Minister" ;
    dakg:level 1 ;
    dakg:index 1 ;
    dakg:start 0 ;
    dakg:end 72 ;
    dakg:text "Dear Minister\n\nWe write about Mr Yusupov. He faces return to Uzbekistan." .

<document/hrw-test/paragraph/1> a dakg:Paragraph ;
    dakg:inDocument <document/hrw-test> ;
    dcterms:isPartOf <document/hrw-test/section/1> ;
    dakg:index 1 ;
    dakg:start 15 ;
    dakg:end 72 ;
    dakg:text "We write about Mr Yusupov. He faces return to Uzbekistan." .

<document/hrw-test/sentence/1> a dakg:Sentence ;
    dakg:inDocument <document/hrw-test> ;
    dcterms:isPartOf <document/hrw-test/paragraph/1> ;
    dakg:index 1 ;
    dakg:start 15 ;
    dakg:end 41 ;
    dakg:text "We write about Mr Yusupov." .

<document/hrw-test/sentence/2> a dakg:Sentence ;
    dakg:inDocument <document/hrw-test> ;
    dcterms:isPartOf <document/hrw-test/paragraph/1> ;
    dakg:index 2 ;
    dakg:start 42 ;
    dakg:end 72 ;
    dakg:text "He faces return to Uzbekistan." .

<document/hrw-test/footnote/1> a dakg:FootnoteMarker ;
    dakg:inDocument <document/hrw-test> ;
    dakg:footnoteNumber 1 ;
    dakg:offset 41 .
"""

# A transfer extracted from sentence 2, with the evidence that anchors it.
EVENT_TTL = """
<person/mr-yusupov> a dakg:Person ; rdfs:label "Mr Yusupov" .
<state/UZB> a dakg:State ; rdfs:label "Uzbekistan" ; dakg:iso3166Alpha3 "UZB" .

<evidence/e1> a dakg:Evidence ;
    oa:hasSource <document/hrw-test> ;
    oa:hasSelector <evidence/e1/quote> , <evidence/e1/position> ;
    dakg:inSegment <document/hrw-test/sentence/2> ;
    dakg:extractionRule "transfer.faces-return" ;
    dakg:confidence 0.8 ;
    dakg:reviewStatus dakg:Extracted .
<evidence/e1/quote> a oa:TextQuoteSelector ;
    oa:exact "return to Uzbekistan" ; oa:prefix "He faces " ; oa:suffix "." .
<evidence/e1/position> a oa:TextPositionSelector ; oa:start 51 ; oa:end 71 .

<event/t1> a dakg:Transfer ;
    dakg:transferee <person/mr-yusupov> ;
    dakg:toState <state/UZB> ;
    dakg:transferKind dakg:Return ;
    dakg:transferStatus dakg:Threatened ;
    dakg:attributedTo <organisation/human-rights-watch> ;
    dakg:confidence 0.8 ;
    dakg:reviewStatus dakg:Extracted ;
    dakg:dateStart "2006-01-01"^^xsd:date ;
    dakg:dateEnd "2006-12-31"^^xsd:date ;
    dakg:datePrecision dakg:YearPrecision ;
    dakg:dateText "2006" ;
    prov:wasDerivedFrom <evidence/e1> .
"""

# Disjointness and domains of the vocabularies dakg aligns to (PROV-O, FOAF, SKOS), as they
# would arrive if those ontologies were loaded beside dakg.ttl.
IMPORTED_AXIOMS_TTL = """
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
prov:Activity owl:disjointWith prov:Entity .
prov:wasDerivedFrom rdfs:domain prov:Entity ; rdfs:range prov:Entity .
prov:Organization rdfs:subClassOf prov:Agent .
foaf:Person owl:disjointWith foaf:Organization , foaf:Document .
foaf:Organization owl:disjointWith foaf:Document .
foaf:Person rdfs:subClassOf foaf:Agent .
foaf:Organization rdfs:subClassOf foaf:Agent .
foaf:Group rdfs:subClassOf foaf:Agent .
skos:Concept owl:disjointWith skos:ConceptScheme .
"""


def parse(*turtles: str) -> Graph:
    """One graph from inline Turtle snippets sharing ``PREFIXES``."""
    return Graph().parse(data=PREFIXES + "\n".join(turtles), format="turtle")


def as_dataset(*graphs: Graph) -> Dataset:
    """Each graph in its own named graph, as the build stores sources."""
    ds = Dataset()
    for i, g in enumerate(graphs):
        named = ds.graph(URIRef(f"{GRAPH}test/{i}"))
        for triple in g:
            named.add(triple)
    return ds


def is_term(node: Node) -> bool:
    return isinstance(node, URIRef) and str(node).startswith(NS)


def declared_terms(g: Graph) -> set[URIRef]:
    """Every dakg IRI the ontology types as a class, property, concept or scheme."""
    return {
        s
        for t in TERM_TYPES
        for s in g.subjects(RDF.type, t)
        if isinstance(s, URIRef) and is_term(s)
    }


def namespace_terms() -> set[URIRef]:
    return {URIRef(term) for term in dir(DAKG)}


def classes(g: Graph) -> set[Node]:
    return set(g.subjects(RDF.type, OWL.Class)) | set(g.subjects(RDF.type, RDFS.Class))


def properties(g: Graph) -> set[Node]:
    return {s for t in PROPERTY_TYPES for s in g.subjects(RDF.type, t)}


def closure(*graphs: Graph) -> Graph:
    import owlrl  # type: ignore[import-untyped]

    g = Graph()
    for part in graphs:
        g += part
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(g)
    return g


def validate(data: Graph | Dataset, shapes: Graph) -> tuple[bool, Graph, str]:
    from pyshacl import validate as shacl_validate

    conforms, report, text = shacl_validate(data, shacl_graph=shapes, inference="none")
    assert isinstance(report, Graph)
    return bool(conforms), report, str(text)


def results(report: Graph) -> Iterator[tuple[Node | None, Node | None, Node | None]]:
    """(focus node, path, source shape) of every validation result."""
    for r in report.subjects(RDF.type, SH.ValidationResult):
        yield (
            report.value(r, SH.focusNode),
            report.value(r, SH.resultPath),
            report.value(r, SH.sourceShape),
        )


def offenders(report: Graph) -> Iterator[tuple[Node | None, Node | None, Node | None]]:
    """(focus node, value, source shape) of every validation result."""
    for r in report.subjects(RDF.type, SH.ValidationResult):
        yield (
            report.value(r, SH.focusNode),
            report.value(r, SH.value),
            report.value(r, SH.sourceShape),
        )


def sh_in_lists(shapes: Graph) -> list[frozenset[Node]]:
    return [frozenset(Collection(shapes, head)) for head in shapes.objects(None, SH["in"])]


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_PATH, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES_PATH, format="turtle")


@pytest.fixture
def document() -> Graph:
    return parse(DOCUMENT_TTL)


@pytest.fixture
def event() -> Graph:
    return parse(EVENT_TTL)


def id_(path: str) -> URIRef:
    return URIRef(ID + path)


# --- the ontology --------------------------------------------------------------------------


def test_ontology_parses(ontology: Graph) -> None:
    assert (URIRef(ONTOLOGY_IRI), RDF.type, OWL.Ontology) in ontology


def test_ontology_has_version_info(ontology: Graph) -> None:
    assert ontology.value(URIRef(ONTOLOGY_IRI), OWL.versionInfo) == Literal("1.0.0")
    assert ontology.value(URIRef(ONTOLOGY_IRI), OWL.versionIRI) is not None


def test_every_term_has_an_english_label_and_definition(ontology: Graph) -> None:
    missing = []
    for term in sorted(declared_terms(ontology)):
        labels = [*ontology.objects(term, RDFS.label), *ontology.objects(term, SKOS.prefLabel)]
        definitions = list(ontology.objects(term, SKOS.definition))
        if not any(getattr(x, "language", None) == "en" for x in labels):
            missing.append(f"{term}: label")
        if not any(getattr(x, "language", None) == "en" for x in definitions):
            missing.append(f"{term}: skos:definition")
    assert missing == []


def test_every_subject_in_the_namespace_is_declared(ontology: Graph) -> None:
    subjects = {s for s in ontology.subjects() if is_term(s)}
    assert subjects - declared_terms(ontology) == set()


def test_no_iri_is_both_a_class_and_a_property(ontology: Graph) -> None:
    assert classes(ontology) & properties(ontology) == set()


def test_no_two_terms_differ_only_in_case(ontology: Graph) -> None:
    terms = [str(t).lower() for t in declared_terms(ontology)]
    assert len(terms) == len(set(terms))


def test_every_dakg_property_has_a_domain_and_a_range(ontology: Graph) -> None:
    props = {p for p in properties(ontology) if is_term(p)}
    assert {p for p in props if ontology.value(p, RDFS.domain) is None} == set()
    assert {p for p in props if ontology.value(p, RDFS.range) is None} == set()


def test_every_concept_is_a_top_concept_of_a_declared_scheme(ontology: Graph) -> None:
    schemes = set(ontology.subjects(RDF.type, SKOS.ConceptScheme))
    for concept in ontology.subjects(RDF.type, SKOS.Concept):
        scheme = ontology.value(concept, SKOS.inScheme)
        assert scheme in schemes, concept
        assert (concept, SKOS.topConceptOf, scheme) in ontology, concept
        assert (scheme, SKOS.hasTopConcept, concept) in ontology, concept


def test_date_precision_concepts_are_named_as_the_build_emits_them(ontology: Graph) -> None:
    for name in ("DayPrecision", "MonthPrecision", "YearPrecision"):
        assert (DAKG[name], SKOS.inScheme, DAKG.DatePrecisionScheme) in ontology


def test_owl_rl_closure_leaves_owl_nothing_empty(ontology: Graph) -> None:
    g = closure(ontology)
    assert list(g.subjects(RDF.type, OWL.Nothing)) == []
    assert list(g.objects(None, ERR.error)) == []


def test_owl_rl_closure_of_data_and_aligned_vocabularies_is_consistent(
    ontology: Graph, document: Graph, event: Graph
) -> None:
    g = closure(ontology, document, event, Graph().parse(data=IMPORTED_AXIOMS_TTL))
    assert list(g.subjects(RDF.type, OWL.Nothing)) == []
    assert list(g.objects(None, ERR.error)) == []


def test_owl_rl_closure_reports_a_person_who_is_an_organisation(ontology: Graph) -> None:
    clash = parse("<person/x> a dakg:Person , dakg:Organisation .")
    assert list(closure(ontology, clash).objects(None, ERR.error)) != []


# --- the Python namespace ------------------------------------------------------------------


def test_namespace_terms_are_all_in_the_ontology(ontology: Graph) -> None:
    assert namespace_terms() - declared_terms(ontology) == set()


def test_ontology_terms_are_all_in_the_namespace(ontology: Graph) -> None:
    assert declared_terms(ontology) - namespace_terms() == set()


def test_namespace_rejects_unknown_terms() -> None:
    with pytest.raises(AttributeError):
        DAKG.fromstate  # noqa: B018


# --- the shapes ----------------------------------------------------------------------------


def test_shapes_parse(shapes: Graph) -> None:
    assert set(shapes.subjects(RDF.type, SH.NodeShape))


def test_every_target_class_is_an_ontology_class(ontology: Graph, shapes: Graph) -> None:
    targets = set(shapes.objects(None, SH.targetClass))
    assert targets
    assert targets - classes(ontology) == set()


def test_shapes_mention_only_terms_of_the_ontology(shapes: Graph) -> None:
    mentioned = {n for triple in shapes for n in triple if is_term(n)}
    assert mentioned - namespace_terms() == set()


def test_every_concept_list_in_the_shapes_is_a_whole_scheme(ontology: Graph, shapes: Graph) -> None:
    schemes = {
        frozenset(ontology.subjects(SKOS.inScheme, s))
        for s in ontology.subjects(RDF.type, SKOS.ConceptScheme)
    }
    lists = sh_in_lists(shapes)
    assert lists
    assert [members for members in lists if members not in schemes] == []


def test_document_graph_conforms(shapes: Graph, document: Graph) -> None:
    conforms, _, text = validate(as_dataset(document), shapes)
    assert conforms, text


def test_event_with_evidence_conforms(shapes: Graph, document: Graph, event: Graph) -> None:
    conforms, _, text = validate(as_dataset(document, event), shapes)
    assert conforms, text


def test_sentence_without_text_does_not_conform(shapes: Graph, document: Graph) -> None:
    sentence = id_("document/hrw-test/sentence/1")
    document.remove((sentence, DAKG.text, None))
    conforms, report, _ = validate(as_dataset(document), shapes)
    assert not conforms
    assert (sentence, DAKG.text, DAKGSH["Segment-text"]) in set(results(report))


def test_segment_text_must_match_the_clean_text(shapes: Graph, document: Graph) -> None:
    sentence = id_("document/hrw-test/sentence/1")
    document.set((sentence, DAKG.text, Literal("We wrote about Mr Yusupov.")))
    conforms, report, _ = validate(as_dataset(document), shapes)
    assert not conforms
    assert (id_("document/hrw-test"), sentence, DAKGSH.DocumentShape) in set(offenders(report))


@pytest.mark.parametrize(
    "kind", ["Event", "Transfer", "AssuranceEvent", "Harm", "Decision", "AdvocacyAction"]
)
def test_event_without_derivation_does_not_conform(shapes: Graph, kind: str) -> None:
    node = id_("event/underived")
    conforms, report, _ = validate(parse(f"<event/underived> a dakg:{kind} ."), shapes)
    assert not conforms
    assert (node, PROV.wasDerivedFrom, DAKGSH["ExtractedFact-wasDerivedFrom"]) in set(
        results(report)
    )


def test_event_derived_from_a_non_evidence_node_does_not_conform(
    shapes: Graph, document: Graph, event: Graph
) -> None:
    transfer = id_("event/t1")
    event.set((transfer, PROV.wasDerivedFrom, id_("document/hrw-test")))
    conforms, report, _ = validate(as_dataset(document, event), shapes)
    assert not conforms
    assert (transfer, PROV.wasDerivedFrom, DAKGSH["ExtractedFact-wasDerivedFrom"]) in set(
        results(report)
    )


def test_transfer_without_transferee_does_not_conform(
    shapes: Graph, document: Graph, event: Graph
) -> None:
    transfer = id_("event/t1")
    event.remove((transfer, DAKG.transferee, None))
    conforms, report, _ = validate(as_dataset(document, event), shapes)
    assert not conforms
    assert (transfer, DAKG.transferee, DAKGSH["Transfer-transferee"]) in set(results(report))


def test_a_date_start_needs_a_date_end(shapes: Graph, document: Graph) -> None:
    doc = id_("document/hrw-test")
    document.remove((doc, DAKG.dateEnd, None))
    conforms, report, _ = validate(as_dataset(document), shapes)
    assert not conforms
    assert (doc, DAKG.dateEnd, DAKGSH["Dated-dateEnd"]) in set(results(report))


def test_a_bare_year_is_not_a_date(shapes: Graph, document: Graph) -> None:
    doc = id_("document/hrw-test")
    document.set((doc, DAKG.dateStart, Literal("2006", datatype=XSD.gYear)))
    conforms, report, _ = validate(as_dataset(document), shapes)
    assert not conforms
    assert (doc, DAKG.dateStart, DAKGSH["Dated-dateStart"]) in set(results(report))


def test_evidence_quote_must_match_the_clean_text(
    shapes: Graph, document: Graph, event: Graph
) -> None:
    evidence = id_("evidence/e1")
    event.set((id_("evidence/e1/position"), OA.start, Literal(50)))
    conforms, report, _ = validate(as_dataset(document, event), shapes)
    assert not conforms
    assert (id_("document/hrw-test"), evidence, DAKGSH.DocumentShape) in set(offenders(report))


def test_evidence_without_position_selector_does_not_conform(
    shapes: Graph, document: Graph, event: Graph
) -> None:
    evidence = id_("evidence/e1")
    event.remove((evidence, OA.hasSelector, id_("evidence/e1/position")))
    conforms, report, _ = validate(as_dataset(document, event), shapes)
    assert not conforms
    assert (evidence, OA.hasSelector, DAKGSH["Evidence-positionSelector"]) in set(results(report))


def test_confidence_must_be_a_decimal_between_0_and_1(
    shapes: Graph, document: Graph, event: Graph
) -> None:
    evidence = id_("evidence/e1")
    event.set((evidence, DAKG.confidence, Literal("1.5", datatype=XSD.decimal)))
    conforms, report, _ = validate(as_dataset(document, event), shapes)
    assert not conforms
    assert (evidence, DAKG.confidence, DAKGSH["Reviewed-confidence"]) in set(results(report))
