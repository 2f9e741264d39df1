"""Cases the build proposes: one per person or group facing transfer that no analyst covers.

A person or group is a case's subject when a transfer moves them (or would) or an assurance
concerns them. When an analyst case file already concerns them, one of their members, or a
group they belong to, the analyst's case is theirs; otherwise the build proposes a
``dakg:ProposedCase`` (``/id/case/{slug}``) that gathers every fact about them or their
members (transfers, assurances, harm, decisions) that no analyst rejected. Analysts adopt
one by writing a case file with the same slug.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .reader import StoreReader, iri, sparql, value

if TYPE_CHECKING:
    from pyoxigraph import Store
    from rdflib import Dataset


def propose_cases(dataset: Dataset, store: Store) -> int:
    """Write a proposed case for each uncovered subject into ``graph/cases-proposed``;
    ``store`` is an in-memory copy of ``dataset``. Return how many."""
    from rdflib import RDF, RDFS, Literal, URIRef

    from dakg.ontology.namespace import DAKG

    from . import iris

    graph = dataset.graph(URIRef(iris.GRAPH + "cases-proposed"))
    taken = {
        str(c)
        for c in dataset.subjects(RDF.type, DAKG.Case)  # analyst slugs stay theirs
    }
    subjects = {}
    reader = StoreReader(store)
    rows = reader.select(sparql("proposed-subjects"))
    names = reader.labels(value(row, "p") for row in rows if row["p"] is not None)
    for row in rows:
        assert row["p"] is not None
        subject = value(row, "p")
        slug = iris.slugify(subject.rsplit("/", 1)[-1])
        node = iris.instance("case", slug)
        if str(node) in taken:
            continue
        taken.add(str(node))
        subjects[subject] = node
        graph.add((node, RDF.type, DAKG.ProposedCase))
        graph.add((node, RDF.type, DAKG.Case))  # queries need no inference
        graph.add((node, RDFS.label, Literal(f"Proposed case: {names.get(subject, subject)}")))
        graph.add((node, DAKG.concerns, URIRef(subject)))
    if not subjects:
        return 0
    found = reader.select(sparql("proposed-facts"), {"p": [iri(s) for s in subjects]})
    for row in found:
        fact, subject_term = row["f"], row["p"]
        assert fact is not None and subject_term is not None
        graph.add((URIRef(fact.value), DAKG.partOfCase, subjects[subject_term.value]))
    return len(subjects)
