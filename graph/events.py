"""One happening per event: the transfers and assurances that several sentences, documents
or case files report are resolved into one node of the graph ``graph/events``.

Per-document facts keep their keys and IRIs (case files review them by key, release diffs
key on them); a ``dakg:Happening`` groups those that report the same event, with
``dakg:includesFact`` to each and the reason they were merged. Two transfers are one when
they move the same person (or group) to the same state, from the same state or one not
named, with the same status and dates that can be the same day (an undated report matches
any date); two assurances when they concern the same person, are given by the same state,
sought by the same one (or one not named), with compatible dates. A case file's dated fact
thus joins the extracted undated one instead of adding a second event. Facts that disagree
on a destination or a date stay apart, and a case file's ``separate`` list undoes a merge.
Readers (``dakg obligations``, ``dakg assess``) take one answer per happening; a fact an
analyst rejects leaves its happening.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from .reader import Reader, StoreReader, optional, sparql, value

if TYPE_CHECKING:
    from pyoxigraph import Store
    from rdflib import Dataset

WHY = {
    "Transfer": "same person or group, same destination and origin (or none named), same "
    "status, dates that can be the same",
    "AssuranceEvent": "same person or group, same giving state, same seeking state (or none "
    "named), dates that can be the same",
}


@dataclass
class Reported:
    """One fact as the resolution sees it."""

    iri: str
    cls: str
    who: str | None
    origin: str | None
    to: str | None
    giver: str | None
    seeker: str | None
    status: str | None
    start: date | None
    end: date | None
    in_case: bool


def read_reported(reader: Reader) -> list[Reported]:
    """Every transfer and assurance not rejected."""
    out: dict[str, Reported] = {}
    for row in reader.select(sparql("event-facts")):
        iri = value(row, "fact")
        if iri in out:
            continue
        start, end = optional(row, "start"), optional(row, "end")
        out[iri] = Reported(
            iri,
            value(row, "class").rsplit("#", 1)[-1],
            optional(row, "who"),
            optional(row, "from"),
            optional(row, "to"),
            optional(row, "giver"),
            optional(row, "seeker"),
            optional(row, "status"),
            date.fromisoformat(start) if start else None,
            date.fromisoformat(end) if end else None,
            "/graph/case/" in value(row, "graph"),
        )
    return sorted(out.values(), key=lambda r: r.iri)


def same_happening(a: Reported, b: Reported) -> bool:
    """Whether two facts report one event (see the module's rule)."""
    if a.cls != b.cls or a.who is None or a.who != b.who:
        return False
    if a.start and b.start and a.end and b.end and (a.end < b.start or b.end < a.start):
        return False
    if a.cls == "Transfer":
        return (
            a.to is not None
            and a.to == b.to
            and _either(a.origin, b.origin)
            and a.status == b.status
        )
    return a.giver is not None and a.giver == b.giver and _either(a.seeker, b.seeker)


def _either(x: str | None, y: str | None) -> bool:
    return x is None or y is None or x == y


def resolve(reported: list[Reported], apart: frozenset[str] = frozenset()) -> list[list[Reported]]:
    """The happenings: groups of facts that report one event, each fact in one group; a fact
    whose key a case file lists under ``separate`` stands alone."""
    groups: list[list[Reported]] = []
    for fact in reported:
        alone = fact.iri.rsplit("/", 1)[-1] in apart
        joined = [
            g
            for g in groups
            if not alone
            and not any(o.iri.rsplit("/", 1)[-1] in apart for o in g)
            and all(same_happening(fact, other) for other in g)
        ]
        if joined:
            joined[0].append(fact)
        else:
            groups.append([fact])
    return groups


def add_happenings(dataset: Dataset, store: Store, apart: frozenset[str] = frozenset()) -> int:
    """Write one ``dakg:Happening`` per event reported more than once into ``graph/events``
    (the facts of ``apart`` kept out); return how many."""
    from rdflib import RDF, RDFS, Literal, URIRef
    from rdflib.namespace import PROV

    from dakg.ontology.namespace import DAKG

    from . import iris

    graph = dataset.graph(URIRef(iris.GRAPH + "events"))
    count = 0
    for group in resolve(read_reported(StoreReader(store)), apart):
        if len(group) < 2:
            continue
        anchor = group[0].iri.rsplit("/", 1)[-1]
        node = iris.instance("happening", anchor)
        graph.add((node, RDF.type, DAKG.Happening))
        graph.add((node, RDFS.label, Literal(f"{group[0].cls} reported {len(group)} times")))
        graph.add((node, RDFS.comment, Literal(f"Merged: {WHY[group[0].cls]}.")))
        for fact in group:
            graph.add((node, DAKG.includesFact, URIRef(fact.iri)))
            graph.add((node, PROV.wasDerivedFrom, URIRef(fact.iri)))
        count += 1
    return count
