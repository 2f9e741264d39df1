"""Summarise what a store holds: triples per graph, instances per class, documents."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

from .store import current_path, open_read_only

if TYPE_CHECKING:
    from pyoxigraph import Store


class GraphCount(TypedDict):
    graph: str
    triples: int


class ClassCount(TypedDict):
    cls: str
    instances: int


class DocumentRow(TypedDict):
    document: str
    title: str
    publisher: str
    date: str
    kind: str
    length: int
    sentences: int


class StoreInfo(TypedDict):
    store: str
    graphs: list[GraphCount]
    classes: list[ClassCount]
    documents: list[DocumentRow]


_GRAPHS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
_CLASSES = """
SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a ?c } }
GROUP BY ?c ORDER BY DESC(?n) ?c
"""
_DOCUMENTS = """
PREFIX dakg: <https://w3id.org/dakg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?d ?title
       (GROUP_CONCAT(DISTINCT ?publisherName; SEPARATOR="; ") AS ?publishers)
       (SAMPLE(?dateText) AS ?date) (SAMPLE(?kind) AS ?type) (SAMPLE(?length) AS ?len)
       (COUNT(DISTINCT ?sentence) AS ?sentences)
WHERE {
  ?d a dakg:Document ; dcterms:title ?title ; dakg:length ?length .
  OPTIONAL { ?d dcterms:publisher/rdfs:label ?publisherName }
  OPTIONAL { ?d dakg:dateText ?dateText }
  OPTIONAL { ?d dcterms:type ?kind }
  OPTIONAL { ?sentence a dakg:Sentence ; dakg:inDocument ?d }
}
GROUP BY ?d ?title ORDER BY ?d
"""


def _rows(store: Store, query: str, union: bool = False) -> list[list[str]]:
    from pyoxigraph import QuerySolutions

    solutions = store.query(query, use_default_graph_as_union=union)
    assert isinstance(solutions, QuerySolutions)
    names = [v.value for v in solutions.variables]
    return [[s[n].value if s[n] is not None else "" for n in names] for s in solutions]


def store_info(root: Path) -> StoreInfo:
    """Read the current store of the data directory ``root`` (read-only)."""
    store = open_read_only(root)
    graphs = [GraphCount(graph=g, triples=int(n)) for g, n in _rows(store, _GRAPHS)]
    classes = [ClassCount(cls=c, instances=int(n)) for c, n in _rows(store, _CLASSES)]
    documents = [
        DocumentRow(
            document=d,
            title=title,
            publisher=publishers,
            date=date,
            kind=kind,
            length=int(length),
            sentences=int(sentences),
        )
        for d, title, publishers, date, kind, length, sentences in _rows(store, _DOCUMENTS, True)
    ]
    return StoreInfo(
        store=str(current_path(root)), graphs=graphs, classes=classes, documents=documents
    )
