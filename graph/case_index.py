"""The cases of the store, analysts' and proposed, with whom they concern and what they hold.

A case holds the facts linked to it (``dakg:partOfCase``) and every fact about the people it
concerns or the groups they belong to: transfers, assurances, harm and decisions. Facts an
analyst rejected are left out unless asked for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .store import open_read_only, select

_CASES = """
PREFIX dakg: <https://w3id.org/dakg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?case ?label ?proposed (GROUP_CONCAT(DISTINCT ?who; separator="; ") AS ?people) WHERE {
  ?case a dakg:Case ; rdfs:label ?label .
  BIND(EXISTS { ?case a dakg:ProposedCase } AS ?proposed)
  OPTIONAL { ?case dakg:concerns/rdfs:label ?who }
} GROUP BY ?case ?label ?proposed ORDER BY ?proposed ?label
"""
_FACTS = """
PREFIX dakg: <https://w3id.org/dakg/ontology#>
SELECT ?case ?class (COUNT(DISTINCT ?f) AS ?n) WHERE {
  VALUES ?class { dakg:Transfer dakg:AssuranceEvent dakg:Harm dakg:Decision }
  ?case a dakg:Case .
  {
    ?f dakg:partOfCase ?case
  } UNION {
    ?case dakg:concerns ?p .
    { ?x dakg:hasMember? ?p } UNION { ?p dakg:hasMember ?x }
    { ?f dakg:transferee ?x } UNION { ?f dakg:concerns ?x } UNION { ?f dakg:victim ?x }
    UNION { ?f dakg:about ?x }
  }
  ?f a ?class .
  #REJECTED
} GROUP BY ?case ?class
"""
_NOT_REJECTED = "FILTER NOT EXISTS { ?f dakg:reviewStatus dakg:Rejected }"
KINDS = {"Transfer": "transfers", "AssuranceEvent": "assurances", "Harm": "harm",
         "Decision": "decisions"}  # fmt: skip


@dataclass
class CaseSummary:
    """One case: its slug, title, whether the build proposed it, its people and facts."""

    slug: str
    title: str
    proposed: bool
    concerns: list[str]
    facts: dict[str, int] = field(default_factory=dict)


def list_cases(root: Path, include_rejected: bool = False) -> list[CaseSummary]:
    """Every case of the current store, analysts' first, with counts of their facts."""
    store = open_read_only(root)
    cases = {}
    for row in select(store, _CASES):
        cases[row["case"].value] = CaseSummary(
            slug=row["case"].value.rsplit("/", 1)[-1],
            title=row["label"].value,
            proposed=row["proposed"].value == "true",
            concerns=sorted(filter(None, row["people"].value.split("; "))),
            facts={kind: 0 for kind in KINDS.values()},
        )
    query = _FACTS.replace("#REJECTED", "" if include_rejected else _NOT_REJECTED)
    for row in select(store, query):
        kind = KINDS[row["class"].value.rsplit("#", 1)[-1]]
        cases[row["case"].value].facts[kind] = int(row["n"].value)
    return list(cases.values())
