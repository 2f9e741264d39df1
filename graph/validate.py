"""Check a dataset against the ontology's SHACL shapes before it may become the store."""

from __future__ import annotations

from rdflib import Dataset, Graph
from rdflib.namespace import SH

from dakg.errors import ConformanceError
from dakg.ontology.namespace import ONTOLOGY_PATH, SHAPES_PATH

from .iris import ONTOLOGY_GRAPH


def union_of(dataset: Dataset) -> Graph:
    """All named graphs but the ontology's as one graph: evidence in one graph satisfies
    a shape whose focus node lives in another."""
    union = Graph()
    for graph in dataset.graphs():
        if graph.identifier != ONTOLOGY_GRAPH:
            union += graph
    return union


def validate(dataset: Dataset) -> None:
    """Raise ``ConformanceError`` naming the shape, node and problem of the first violations."""
    import pyshacl

    shapes = Graph().parse(SHAPES_PATH)
    ontology = Graph().parse(ONTOLOGY_PATH)
    conforms, report, _ = pyshacl.validate(
        union_of(dataset),
        shacl_graph=shapes,
        ont_graph=ontology,
        inference="none",
        allow_warnings=True,
    )
    if conforms:
        return
    assert isinstance(report, Graph)
    problems = []
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        shape = report.value(result, SH.sourceShape)
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        where = f" {path.n3(report.namespace_manager)}" if path is not None else ""
        problems.append(f"{focus} violates {shape}{where}: {message}")
    problems.sort()
    raise ConformanceError(
        f"the built graph does not conform to {SHAPES_PATH.name}: {len(problems)} violation(s);"
        f" first: {problems[0]}"
    )
