"""Describe a loaded document in RDF: its metadata, its segments and footnote markers."""

from __future__ import annotations

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from dakg.loaders.dates import date_range
from dakg.loaders.model import Document, Section, Segment
from dakg.ontology.namespace import DAKG

from . import iris

PRECISIONS = {"day": DAKG.DayPrecision, "month": DAKG.MonthPrecision, "year": DAKG.YearPrecision}


def add_document(graph: Graph, doc: Document) -> URIRef:
    """Add ``doc``'s description and segmentation to ``graph``; return the document IRI."""
    node = iris.document(doc.stem)
    meta = doc.metadata
    graph.add((node, RDF.type, DAKG.Document))
    graph.add((node, DCTERMS.title, Literal(meta.title)))
    for name in _publishers(meta.publisher):
        org = iris.organisation(name)
        graph.add((node, DCTERMS.publisher, org))
        graph.add((org, RDF.type, DAKG.Organisation))
        graph.add((org, RDFS.label, Literal(name, lang="en")))
    if meta.kind:
        graph.add((node, DCTERMS.type, Literal(meta.kind)))
    if meta.url:
        graph.add((node, DCTERMS.source, Literal(meta.url, datatype=XSD.anyURI)))
    if meta.format:
        graph.add((node, DCTERMS.format, Literal(meta.format)))
    for label, values in meta.tags.items():
        for value in values:
            graph.add((node, DCTERMS.subject, Literal(f"{label}: {value}")))
    for field in meta.recovered:
        graph.add((node, DAKG.metadataRecovered, Literal(field)))
    if meta.date and meta.date_precision:
        add_date(graph, node, meta.date, meta.date_precision, meta.date)
    graph.add((node, DAKG.sha256, Literal(doc.sha256)))
    graph.add((node, DAKG.rawLength, Literal(doc.raw_length, datatype=XSD.integer)))
    graph.add((node, DAKG.length, Literal(len(doc.clean), datatype=XSD.integer)))
    graph.add((node, DAKG.cleanText, Literal(doc.clean)))
    _add_segments(graph, doc, node)
    return node


def add_date(graph: Graph, node: URIRef, iso: str, precision: str, text: str) -> None:
    """Give ``node`` a start and end day, a precision and the date as written."""
    start, end = date_range(iso, precision)  # type: ignore[arg-type]
    graph.add((node, DAKG.dateStart, Literal(start, datatype=XSD.date)))
    graph.add((node, DAKG.dateEnd, Literal(end, datatype=XSD.date)))
    graph.add((node, DAKG.datePrecision, PRECISIONS[precision]))
    graph.add((node, DAKG.dateText, Literal(text)))


def _publishers(text: str | None) -> list[str]:
    return [name.strip() for name in (text or "").split(";") if name.strip()]


def _add_segments(graph: Graph, doc: Document, node: URIRef) -> None:
    section_nodes: list[tuple[Section, URIRef]] = []
    for number, section in enumerate(doc.sections, start=1):
        seg = Segment(section.start, section.end, doc.clean[section.start : section.end])
        section_node = _segment(graph, doc, node, "section", number, seg, DAKG.Section)
        graph.add((section_node, RDFS.label, Literal(section.title)))
        graph.add((section_node, DAKG.level, Literal(section.level, datatype=XSD.integer)))
        section_nodes.append((section, section_node))
    paragraph_nodes = []
    for number, paragraph in enumerate(doc.paragraphs, start=1):
        p_node = _segment(graph, doc, node, "paragraph", number, paragraph, DAKG.Paragraph)
        container = _innermost(section_nodes, paragraph)
        if container is not None:
            graph.add((p_node, DCTERMS.isPartOf, container))
        paragraph_nodes.append((paragraph, p_node))
    cursor = 0
    for number, sentence in enumerate(doc.sentences, start=1):
        s_node = _segment(graph, doc, node, "sentence", number, sentence, DAKG.Sentence)
        while paragraph_nodes[cursor][0].end < sentence.end:
            cursor += 1
        graph.add((s_node, DCTERMS.isPartOf, paragraph_nodes[cursor][1]))
    for number, footnote in enumerate(doc.footnotes, start=1):
        f_node = iris.segment(doc.stem, "footnote", number)
        graph.add((f_node, RDF.type, DAKG.FootnoteMarker))
        graph.add((f_node, DAKG.inDocument, node))
        graph.add((f_node, DAKG.footnoteNumber, Literal(footnote.number, datatype=XSD.integer)))
        graph.add((f_node, DAKG.offset, Literal(footnote.offset, datatype=XSD.integer)))


def _segment(
    graph: Graph,
    doc: Document,
    document_node: URIRef,
    kind: str,
    number: int,
    seg: Segment,
    cls: URIRef,
) -> URIRef:
    node = iris.segment(doc.stem, kind, number)
    graph.add((node, RDF.type, cls))
    graph.add((node, DAKG.inDocument, document_node))
    graph.add((node, DAKG.index, Literal(number, datatype=XSD.integer)))
    graph.add((node, DAKG.start, Literal(seg.start, datatype=XSD.integer)))
    graph.add((node, DAKG.end, Literal(seg.end, datatype=XSD.integer)))
    graph.add((node, DAKG.text, Literal(seg.text)))
    return node


def _innermost(sections: list[tuple[Section, URIRef]], seg: Segment) -> URIRef | None:
    """The deepest section whose stretch contains ``seg``."""
    best = None
    for section, node in sections:
        if section.start <= seg.start and seg.end <= section.end:
            if best is None or section.level >= best[0].level:
                best = (section, node)
    return best[1] if best else None
