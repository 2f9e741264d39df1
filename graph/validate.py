"""Check a dataset against the ontology's SHACL shapes before it may become the store."""

from __future__ import annotations

from rdflib import Dataset, Graph
from rdflib.namespace import SH
from rdflib.term import Node

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


def validate(dataset: Dataset, what: str = "the built graph") -> None:
    """Raise ``ConformanceError`` naming the shape, node and problem of the first violations.

    The shapes' SPARQL constraints (offsets against the clean text) are run by Oxigraph
    rather than by pySHACL's engine, which takes seconds per document for them; the node
    and property shapes go to pySHACL. Both read the same shapes file.
    """
    import pyshacl

    shapes = Graph().parse(SHAPES_PATH)
    constraints = _take_sparql_constraints(shapes)
    ontology = Graph().parse(ONTOLOGY_PATH)
    union = union_of(dataset)
    problems = _sparql_violations(union, shapes, constraints)
    conforms, report, _ = pyshacl.validate(
        union,
        shacl_graph=shapes,
        ont_graph=ontology,
        inference="none",
        allow_warnings=True,
        inplace=True,
    )
    if not conforms:
        assert isinstance(report, Graph)
        for result in report.subjects(SH.resultSeverity, SH.Violation):
            shape = report.value(result, SH.sourceShape)
            focus = report.value(result, SH.focusNode)
            path = report.value(result, SH.resultPath)
            message = report.value(result, SH.resultMessage)
            where = f" {path.n3(report.namespace_manager)}" if path is not None else ""
            problems.append(f"{focus} violates {shape}{where}: {message}")
    if problems:
        problems.sort()
        error = ConformanceError(
            f"{what} does not conform to {SHAPES_PATH.name}: {len(problems)}"
            f" violation(s); first: {problems[0]}"
        )
        error.problems = problems
        raise error


def _take_sparql_constraints(shapes: Graph) -> list[tuple[Node, Node]]:
    """Remove the SPARQL constraints from ``shapes``; return (node shape, constraint)."""
    taken = list(shapes.subject_objects(SH.sparql))
    for shape, constraint in taken:
        shapes.remove((shape, SH.sparql, constraint))
    return taken


def _sparql_violations(
    union: Graph, shapes: Graph, constraints: list[tuple[Node, Node]]
) -> list[str]:
    """Run each SPARQL constraint's SELECT over the data with Oxigraph."""
    if not constraints:
        return []
    from pyoxigraph import QuerySolutions, RdfFormat, Store

    store = Store()
    store.load(union.serialize(format="nt", encoding="utf-8"), format=RdfFormat.N_TRIPLES)
    problems = []
    for shape, constraint in constraints:
        header = "".join(
            f"PREFIX {shapes.value(d, SH.prefix)}: <{shapes.value(d, SH.namespace)}>\n"
            for prefixes in shapes.objects(constraint, SH.prefixes)
            for d in shapes.objects(prefixes, SH.declare)
        )
        select = str(shapes.value(constraint, SH.select))
        message = str(shapes.value(constraint, SH.message) or "SPARQL constraint violated")
        solutions = store.query(header + select)
        assert isinstance(solutions, QuerySolutions)
        for row in solutions:
            value = row["value"].value if row["value"] is not None else ""
            text = message.replace("{?value}", value).replace("{$this}", row["this"].value)
            problems.append(f"{row['this'].value} violates {shape}: {text}")
    return problems
