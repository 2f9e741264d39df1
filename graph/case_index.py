"""The cases of the store, analysts' and proposed, with whom they concern and what they hold.

A case holds the facts linked to it (``dakg:partOfCase``) and every fact about the people it
concerns or the groups they belong to: transfers, assurances, harm and decisions. Facts an
analyst rejected are left out unless asked for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .reader import Reader, as_reader, iri, review_filter, sparql, value

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


def list_cases(
    source: Reader | Path, include_rejected: bool = False, subjects: list[str] | None = None
) -> list[CaseSummary]:
    """Every case of the graph (or those concerning one of ``subjects``), analysts' first,
    with the people it concerns and counts of its facts (names asked apart, never joined
    through a separator)."""
    reader = as_reader(source)
    cases = {}
    for row in reader.select(sparql("cases")):
        case, label = row["case"], row["label"]
        assert case is not None and label is not None
        proposed = row["proposed"] is not None and value(row, "proposed") == "true"
        cases[case.value] = CaseSummary(
            slug=case.value.rsplit("/", 1)[-1],
            title=label.value,
            proposed=proposed,
            concerns=[],
            facts={kind: 0 for kind in KINDS.values()},
        )
    people: dict[str, list[str]] = {}
    for row in reader.select(sparql("case-people")):
        if row["case"] is not None and row["who"] is not None:
            people.setdefault(value(row, "case"), []).append(value(row, "who"))
    if subjects is not None:
        wanted = set(subjects)
        cases = {c: v for c, v in cases.items() if wanted & set(people.get(c, []))}
    names = reader.labels(w for ws in people.values() for w in ws)
    for key, whos in people.items():
        if key in cases:
            cases[key].concerns = sorted(names.get(w, w) for w in whos)
    for row in reader.select(sparql("case-facts"), review_filter(include_rejected)):
        case_term, cls, n = row["case"], row["class"], row["n"]
        if case_term is None or cls is None or n is None or case_term.value not in cases:
            continue
        cases[case_term.value].facts[KINDS[cls.value.rsplit("#", 1)[-1]]] = int(n.value)
    return list(cases.values())


def subjects_of(reader: Reader, entity: str) -> list[str]:
    """The people and groups an entity stands for: a person with the groups they belong
    to, a group with its members, a case with the people it concerns and theirs."""
    rows = reader.select(sparql("subjects"), {"entity": iri(entity)})
    return sorted({value(r, "subject") for r in rows if r["subject"] is not None})
