"""Facts in the store: n-ary events with Web Annotation evidence, shared reference nodes."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF
from rdflib.namespace import PROV

from dakg.errors import ConformanceError
from dakg.graph.build import make_dataset
from dakg.graph.store import open_read_only
from dakg.graph.validate import validate
from dakg.loaders.model import Document
from dakg.ontology.namespace import DAKG

from .conftest import doc_named

PREFIXES = """
PREFIX dakg: <https://w3id.org/dakg/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


def select(root: Path, query: str) -> list[tuple[str, ...]]:
    store = open_read_only(root)
    result = store.query(PREFIXES + query, use_default_graph_as_union=True)
    return [tuple(term.value if term is not None else "" for term in row) for row in result]  # type: ignore[union-attr]


def test_arar_transfer_with_its_evidence(built: Path) -> None:
    rows = select(
        built,
        """SELECT ?from ?to ?exact ?start ?end ?clean ?rule ?status WHERE {
          ?t a dakg:Transfer ; dakg:transferee <https://w3id.org/dakg/id/person/maher-arar> ;
             dakg:fromState ?from ; dakg:toState ?to ; dakg:transferStatus dakg:Happened ;
             prov:wasDerivedFrom ?e .
          ?e oa:hasSource ?doc ; dakg:extractionRule ?rule ; dakg:reviewStatus ?status ;
             oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact ?exact ] ,
                            [ a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end ] .
          ?doc dakg:cleanText ?clean }""",
    )
    [(origin, to, exact, start, end, clean, rule, status)] = rows
    assert origin.endswith("/state/USA") and to.endswith("/state/SYR")
    assert "rendered to Syria in secret, through JFK airport" in exact
    assert clean[int(start) : int(end)] == exact
    assert rule.startswith("transfer-") and status.endswith("#Extracted")


def test_every_evidence_quote_matches_its_position(built: Path) -> None:
    rows = select(
        built,
        """SELECT ?exact ?start ?end ?clean WHERE {
          ?e a dakg:Evidence ; oa:hasSource ?doc ;
             oa:hasSelector [ oa:exact ?exact ] , [ oa:start ?start ; oa:end ?end ] .
          ?doc dakg:cleanText ?clean }""",
    )
    assert len(rows) > 50
    for exact, start, end, clean in rows:
        assert clean[int(start) : int(end)] == exact


def test_one_node_per_organisation_across_documents(built: Path) -> None:
    rows = select(
        built,
        """SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE {
          GRAPH ?g { <https://w3id.org/dakg/id/organisation/hrw> a dakg:Organisation } }""",
    )
    assert int(rows[0][0]) >= 3


def test_cat_article_3_links_to_its_instrument(built: Path) -> None:
    rows = select(
        built,
        """SELECT ?label WHERE {
          <https://w3id.org/dakg/id/instrument/cat/article/3> dakg:ofInstrument ?i ;
             rdfs:label ?label . ?i a dakg:Instrument }""",
    )
    assert ("Convention against Torture art. 3",) in rows


def test_harm_of_the_russians_is_dated_and_placed(built: Path) -> None:
    rows = select(
        built,
        """SELECT ?start ?end ?precision ?text WHERE {
          ?h a dakg:Harm ; dakg:victim <https://w3id.org/dakg/id/person/ravil-gumarov> ;
             dakg:harmKind dakg:Conviction ; dakg:atPlace <https://w3id.org/dakg/id/state/RUS> ;
             dakg:dateStart ?start ; dakg:dateEnd ?end ; dakg:datePrecision ?precision ;
             dakg:dateText ?text }""",
    )
    assert rows == [("2006-05-01", "2006-05-31", str(DAKG.MonthPrecision), "May 2006")]


def test_a_fact_without_evidence_fails_the_shapes(documents: dict[str, Document]) -> None:
    dataset = make_dataset([doc_named(documents, "ccr-")])
    graph = next(g for g in dataset.graphs() if "document/ccr-" in str(g.identifier))
    transfer = next(graph.subjects(RDF.type, DAKG.Transfer))
    graph.remove((transfer, PROV.wasDerivedFrom, None))
    with pytest.raises(ConformanceError, match="transfer"):
        validate(dataset)
