"""Each assurance weighed factor by factor, with its evidence, and whether harm followed.

Reads the store only. The factors are the concepts of two schemes of the ontology: the
European Court's factors for weighing assurances (``dakg:AssuranceFactorScheme``) and the
call for action's circumstances in which reliance must be prohibited
(``dakg:RiskFactorScheme``). Each factor comes with the norm statement that sets it out (its
standard, with the document it is quoted from), and each finding the build recorded against
the assurance (``dakg:RiskFinding``) with its quote. A factor with no finding is "not found in
the documents", never "cleared".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dakg.errors import StoreError
from dakg.ontology.namespace import NS as DAKG

from .store import labels as label_of
from .store import open_read_only, select

if TYPE_CHECKING:
    from pyoxigraph import Store

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
SELECT ?a (SAMPLE(?k) AS ?key) (SAMPLE(?s) AS ?seekerIri) (SAMPLE(?g) AS ?giverIri)
       (SAMPLE(?p) AS ?aboutIri) (SAMPLE(?st) AS ?review) WHERE {
  ?a a dakg:AssuranceEvent ; dcterms:identifier ?k ; dakg:givenBy ?g .
  #REJECTED
  OPTIONAL { ?a dakg:reviewStatus ?st }
  OPTIONAL { ?a dakg:concerns ?p }
  OPTIONAL { ?a dakg:soughtBy ?s }
  #VALUES
  #CASE
} GROUP BY ?a ORDER BY ?key
"""
)
_NOT_REJECTED = "FILTER NOT EXISTS { ?a dakg:reviewStatus dakg:Rejected }"
_FACTORS = (
    PREFIXES
    + """
SELECT ?factor ?label ?scheme ?schemeLabel ?norm ?standard ?title WHERE {
  VALUES ?scheme { dakg:AssuranceFactorScheme dakg:RiskFactorScheme }
  ?factor skos:inScheme ?scheme ; skos:prefLabel ?label .
  ?scheme skos:prefLabel ?schemeLabel .
  OPTIONAL {
    ?norm dakg:namesFactor ?factor ; rdfs:label ?standard .
    OPTIONAL { ?norm prov:wasDerivedFrom/oa:hasSource/dcterms:title ?title }
  }
}
"""
)
_FINDINGS = (
    PREFIXES
    + """
SELECT ?factor ?exact ?document WHERE {
  #VALUES
  ?f dakg:assesses ?a ; dakg:riskFactor ?factor ; prov:wasDerivedFrom ?e .
  FILTER NOT EXISTS { ?f dakg:reviewStatus dakg:Rejected }
  ?e oa:hasSelector ?q ; oa:hasSource/dcterms:title ?document .
  ?q a oa:TextQuoteSelector ; oa:exact ?exact .
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
_ECTHR = DAKG + "AssuranceFactorScheme"
_IN_CASE = """
  FILTER (EXISTS { ?a dakg:partOfCase ?case }
          || (BOUND(?p) && EXISTS {
                ?case dakg:concerns ?q . { ?q dakg:hasMember? ?p } UNION { ?p dakg:hasMember ?q }
              }))
"""


@dataclass
class Flag:
    """A red flag (or a harm) against an assurance, with the passage that shows it."""

    factor: str
    quote: str
    document: str = ""


@dataclass
class FactorResult:
    """One factor weighed against one assurance: the standard it comes from and the
    findings (empty: not found in the documents)."""

    factor: str
    label: str
    scheme: str
    standard: str | None
    standard_source: str | None
    findings: list[Flag] = field(default_factory=list)


@dataclass
class AssuranceAssessment:
    """One assurance, factor by factor, and the harm that followed in the giving state."""

    key: str
    given_by: str
    about: str | None
    sought_by: str | None
    review: str | None = None
    factors: list[FactorResult] = field(default_factory=list)
    harm: list[Flag] = field(default_factory=list)

    @property
    def flags(self) -> list[Flag]:
        """Every finding, whatever its factor."""
        return [flag for result in self.factors for flag in result.findings]


def assess_assurances(
    root: Path, case: str | None = None, include_rejected: bool = False
) -> list[AssuranceAssessment]:
    """Every assurance not rejected (or those of one case), factor by factor, with harm."""
    from pyoxigraph import NamedNode

    from . import iris

    store = open_read_only(root)
    query = _ASSURANCES.replace("#CASE", _IN_CASE if case else "")
    query = query.replace("#REJECTED", "" if include_rejected else _NOT_REJECTED)
    if case:
        node = NamedNode(str(iris.instance("case", iris.slugify(case))))
        if not store.query(f"ASK {{ {node} a <{DAKG}Case> }}", use_default_graph_as_union=True):
            raise StoreError(f"{root}: no case '{case}' in the store (dakg cases lists them)")
        query = query.replace("#VALUES", _values(case=node))
    factors = _factors(store)
    out = []
    rows = select(store, query)
    names = label_of(
        store,
        {
            r[v].value
            for r in rows
            for v in ("giverIri", "aboutIri", "seekerIri")
            if r[v] is not None
        },
    )
    for row in rows:
        item = AssuranceAssessment(
            key=row["key"].value,
            given_by=names.get(row["giverIri"].value, row["giverIri"].value),
            about=_named(names, row["aboutIri"]),
            sought_by=_named(names, row["seekerIri"]),
            review=_value(row["review"], tail=True),
        )
        found: dict[str, list[Flag]] = {}
        for flag in select(store, _FINDINGS.replace("#VALUES", _values(a=row["a"]))):
            name = flag["factor"].value.rsplit("#", 1)[-1]
            found.setdefault(name, []).append(
                Flag(name, flag["exact"].value, flag["document"].value)
            )
        for name, (label, scheme, standard, source) in factors.items():
            item.factors.append(
                FactorResult(name, label, scheme, standard, source, found.get(name, []))
            )
        if row["aboutIri"] is not None:
            harms = _HARMS.replace("#VALUES", _values(p=row["aboutIri"], g=row["giverIri"]))
            for harm in select(store, harms):
                item.harm.append(Flag(harm["kind"].value, harm["exact"].value))
        out.append(item)
    return out


def _factors(store: Store) -> dict[str, tuple[str, str, str | None, str | None]]:
    """Factor name -> (label, scheme label, norm statement that sets it out, its source)."""
    found: dict[str, tuple[str, str, str | None, str | None]] = {}
    ecthr: dict[str, bool] = {}
    for row in select(store, _FACTORS):
        name = row["factor"].value.rsplit("#", 1)[-1]
        standard = _value(row["standard"])
        if name in found and found[name][2] is not None and standard is None:
            continue
        found[name] = (
            row["label"].value,
            row["schemeLabel"].value,
            standard,
            _value(row["title"]),
        )
        ecthr[name] = row["scheme"].value == _ECTHR
    # The European Court's factors first, then the call's circumstances.
    return dict(sorted(found.items(), key=lambda item: (not ecthr[item[0]], item[1][0])))


def _named(names: dict[str, str], term: Any) -> str | None:
    return names.get(term.value, term.value) if term is not None else None


def _value(term: Any, tail: bool = False) -> str | None:
    if term is None:
        return None
    return str(term.value).rsplit("#", 1)[-1] if tail else str(term.value)


def _values(**terms: object) -> str:
    """A VALUES clause binding variables to RDF terms (written in N-Triples syntax by
    pyoxigraph, so no text is spliced into the query)."""
    names = " ".join(f"?{name}" for name in terms)
    values = " ".join(str(term) for term in terms.values())
    return f"VALUES ({names}) {{ ({values}) }}"
