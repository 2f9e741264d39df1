"""Each assurance with its red flags and whether harm followed, read from the store."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .store import open_read_only

PREFIXES = """
PREFIX dakg: <https://w3id.org/dakg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
_ASSURANCES = (
    PREFIXES
    + """
SELECT ?a (SAMPLE(?k) AS ?key) (SAMPLE(?gl) AS ?giver) (SAMPLE(?al) AS ?about)
       (SAMPLE(?sl) AS ?seeker) (SAMPLE(?g) AS ?giverIri) (SAMPLE(?p) AS ?aboutIri) WHERE {
  ?a a dakg:AssuranceEvent ; dcterms:identifier ?k ; dakg:givenBy ?g .
  FILTER NOT EXISTS { ?a dakg:reviewStatus dakg:Rejected }
  ?g rdfs:label ?gl .
  OPTIONAL { ?a dakg:concerns ?p . ?p rdfs:label ?al }
  OPTIONAL { ?a dakg:soughtBy/rdfs:label ?sl }
  #VALUES
  #CASE
} GROUP BY ?a ORDER BY ?key
"""
)
_FINDINGS = (
    PREFIXES
    + """
SELECT ?factor ?label ?exact WHERE {
  #VALUES
  ?f dakg:assesses ?a ; dakg:riskFactor ?factor ; prov:wasDerivedFrom ?e .
  ?factor skos:prefLabel ?label .
  ?e oa:hasSelector ?q . ?q a oa:TextQuoteSelector ; oa:exact ?exact .
} ORDER BY ?factor ?exact
"""
)
_HARMS = (
    PREFIXES
    + """
SELECT DISTINCT ?kind ?exact WHERE {
  #VALUES
  { ?h dakg:victim ?p } UNION { ?p dakg:hasMember ?m . ?h dakg:victim ?m }
  ?h a dakg:Harm ; dakg:atPlace ?g ; dakg:harmKind/skos:prefLabel ?kind ;
     prov:wasDerivedFrom/oa:hasSelector ?q .
  ?q a oa:TextQuoteSelector ; oa:exact ?exact .
  FILTER NOT EXISTS { ?h dakg:reviewStatus dakg:Rejected }
} ORDER BY ?kind
"""
)
_IN_CASE = """
  FILTER (EXISTS { ?a dakg:partOfCase ?case } || EXISTS { ?case dakg:concerns ?p })
"""


@dataclass
class Flag:
    """A red flag against an assurance, with the passage that shows it."""

    factor: str
    quote: str


@dataclass
class AssuranceAssessment:
    """One assurance, its red flags, and the harm that followed in the giving state."""

    key: str
    given_by: str
    about: str | None
    sought_by: str | None
    flags: list[Flag] = field(default_factory=list)
    harm: list[Flag] = field(default_factory=list)


def assess_assurances(root: Path, case: str | None = None) -> list[AssuranceAssessment]:
    """Every assurance not rejected (or those of one case), with flags and harm."""
    from pyoxigraph import NamedNode, QuerySolutions

    from . import iris

    store = open_read_only(root)
    query = _ASSURANCES.replace("#CASE", _IN_CASE if case else "")
    if case:
        node = NamedNode(str(iris.instance("case", iris.slugify(case))))
        query = query.replace("#VALUES", _values(case=node))
    rows = store.query(query, use_default_graph_as_union=True)
    assert isinstance(rows, QuerySolutions)
    out = []
    for row in rows:
        item = AssuranceAssessment(
            key=row["key"].value,
            given_by=row["giver"].value,
            about=row["about"].value if row["about"] is not None else None,
            sought_by=row["seeker"].value if row["seeker"] is not None else None,
        )
        findings = _FINDINGS.replace("#VALUES", _values(a=row["a"]))
        for flag in store.query(findings, use_default_graph_as_union=True):  # type: ignore[union-attr]
            item.flags.append(Flag(flag["label"].value, flag["exact"].value))
        if row["aboutIri"] is not None:
            harms = _HARMS.replace("#VALUES", _values(p=row["aboutIri"], g=row["giverIri"]))
            harm = store.query(harms, use_default_graph_as_union=True)
            for found in harm:  # type: ignore[union-attr]
                item.harm.append(Flag(found["kind"].value, found["exact"].value))
        out.append(item)
    return out


def _values(**terms: object) -> str:
    """A VALUES clause binding variables to RDF terms (written in N-Triples syntax by
    pyoxigraph, so no text is spliced into the query)."""
    names = " ".join(f"?{name}" for name in terms)
    values = " ".join(str(term) for term in terms.values())
    return f"VALUES ({names}) {{ ({values}) }}"
