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

from .store import labels, select

if TYPE_CHECKING:
    from pyoxigraph import Store
    from rdflib import Dataset

PREFIXES = """
PREFIX dakg: <https://w3id.org/dakg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
_SUBJECTS = (
    PREFIXES
    + """
SELECT DISTINCT ?p WHERE {
  { ?f dakg:transferee ?p } UNION { ?f a dakg:AssuranceEvent ; dakg:concerns ?p }
  FILTER NOT EXISTS { ?f dakg:reviewStatus dakg:Rejected }
  FILTER NOT EXISTS {
    ?case a dakg:Case ; dakg:concerns ?c .
    FILTER(?c = ?p || EXISTS { ?p dakg:hasMember ?c } || EXISTS { ?c dakg:hasMember ?p })
  }
} ORDER BY ?p
"""
)
_FACTS = (
    PREFIXES
    + """
SELECT DISTINCT ?p ?f WHERE {
  #SUBJECTS
  ?p dakg:hasMember? ?x .
  { ?f dakg:transferee ?x } UNION { ?f a dakg:AssuranceEvent ; dakg:concerns ?x }
  UNION { ?f a dakg:Harm ; dakg:victim ?x } UNION { ?f a dakg:Decision ; dakg:about ?x }
  FILTER NOT EXISTS { ?f dakg:reviewStatus dakg:Rejected }
}
"""
)


def propose_cases(dataset: Dataset, store: Store) -> int:
    """Write a proposed case for each uncovered subject into ``graph/cases-proposed``;
    ``store`` is an in-memory copy of ``dataset``. Return how many."""
    from pyoxigraph import NamedNode
    from rdflib import RDF, RDFS, Literal, URIRef

    from dakg.ontology.namespace import DAKG

    from . import iris

    graph = dataset.graph(URIRef(iris.GRAPH + "cases-proposed"))
    taken = {
        str(c)
        for c in dataset.subjects(RDF.type, DAKG.Case)  # analyst slugs stay theirs
    }
    subjects = {}
    rows = select(store, _SUBJECTS)
    names = labels(store, {row["p"].value for row in rows})
    for row in rows:
        subject = row["p"].value
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
    values = "VALUES ?p { " + " ".join(str(NamedNode(s)) for s in subjects) + " }"
    for row in select(store, _FACTS.replace("#SUBJECTS", values)):
        graph.add((URIRef(row["f"].value), DAKG.partOfCase, subjects[row["p"].value]))
    return len(subjects)
