"""One happening per event: the transfers, assurances, harm and decisions that several
sentences, documents or case files report are resolved into one node of ``graph/events``.

Per-document facts keep their keys and IRIs (case files review them by key, release diffs
key on them); a ``dakg:Happening`` groups those that report the same event, with
``dakg:includesFact`` to each, the reason they were merged and ``dakg:principalFact``, the
report readers show for it (a case file's first, then the fullest and most precisely dated).
Two reports are one event when they concern the same person (or group, known by its
members: each document names its own group node) and:

- transfers: the same destination, the same origin (or one not named), the same status;
- assurances: the same giving state, the same seeking state (or one not named), whatever
  the stage (sought, given, relied on): a pledge sought and then given is one event;
- harm: the same kind, at the same place (or one not named);
- decisions: the same deciding body (by its name: an unnamed "jury" is a node of its
  document);

and dates that can be the same day (an undated report matches any date). A case file's dated
fact thus joins the extracted undated one instead of adding a second event.

Sources can disagree on a transfer: two reports from different sources of the same move
(person, origin or none named, destination, status) dated less than a year apart, or of the
same person moved on overlapping dates from the same named state to different destinations.
Those are one happening too, and the happening says so (``dakg:sourcesDisagreeOn`` with each
value and its source): nothing is picked silently. A case file's ``separate`` list undoes
any merge, and a fact an analyst rejects leaves its happening.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from .reader import Reader, StoreReader, sparql, value

if TYPE_CHECKING:
    from pyoxigraph import Store
    from rdflib import Dataset

WHY = {
    "Transfer": "same person or group, same destination and origin (or none named), same "
    "status, dates that can be the same",
    "AssuranceEvent": "same person or group, same giving state, same seeking state (or none "
    "named), dates that can be the same",
    "Harm": "same person or group, same kind of harm, same place (or none named), dates that "
    "can be the same",
    "Decision": "same person or group, same deciding body, dates that can be the same",
}
DISAGREEING = {
    "date": "same person or group, same destination and origin (or none named), same status, "
    "reported by different sources with dates less than a year apart",
    "destination": "same person or group, same state of origin, overlapping dates, reported by "
    "different sources with different destinations",
}
NEAR = timedelta(days=366)


@dataclass
class Reported:
    """One fact as the resolution sees it (``who`` a person's IRI or a group's members,
    ``origin`` a decision's body by its name, ``to`` a harm's place, ``status`` a harm's
    kind)."""

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
    graph: str = ""
    when: str | None = None
    source: str | None = None

    @property
    def key(self) -> str:
        return self.iri.rsplit("/", 1)[-1]

    def where_from(self) -> str:
        """The document title (or case file) the fact comes from, for a disagreement."""
        if self.source:
            return self.source
        return "case file " + self.graph.rsplit("/", 1)[-1] if self.in_case else self.graph


def read_reported(reader: Reader) -> list[Reported]:
    """Every transfer, assurance, harm and decision not rejected. A group is known by its
    members: each document names its own group node ("the seven Russians" of one report and
    of another), and two groups with the same members are the same people."""
    members: dict[str, set[str]] = {}
    for row in reader.select(sparql("group-members")):
        members.setdefault(value(row, "group"), set()).add(value(row, "member"))

    def who(iri: str | None) -> str | None:
        known = members.get(iri or "")
        return "members:" + " ".join(sorted(known)) if known else iri

    roles: dict[str, dict[str, str]] = {}
    for row in reader.select(sparql("event-roles")):
        found = roles.setdefault(value(row, "fact"), {})
        role, said = value(row, "role"), value(row, "value")
        if role not in found or said < found[role]:  # several: the first, every run the same
            found[role] = said
    out: dict[str, Reported] = {}
    for row in reader.select(sparql("event-facts")):
        iri = value(row, "fact")
        if iri in out:
            continue
        has = roles.get(iri, {})
        start, end = has.get("start"), has.get("end")
        graph = value(row, "graph")
        out[iri] = Reported(
            iri,
            value(row, "class").rsplit("#", 1)[-1],
            who(has.get("who")),
            has.get("from") or _body(has.get("body")),
            has.get("to"),
            has.get("giver"),
            has.get("seeker"),
            has.get("status"),
            date.fromisoformat(start) if start else None,
            date.fromisoformat(end) if end else None,
            "/graph/case/" in graph,
            graph,
            has.get("text"),
            has.get("title"),
        )
    return sorted(out.values(), key=lambda r: r.iri)


def _body(label: str | None) -> str | None:
    return "body:" + " ".join(label.casefold().split()) if label else None


def _overlap(a: Reported, b: Reported) -> bool | None:
    """Whether two dated facts' spans meet (None: one is undated)."""
    if not (a.start and b.start and a.end and b.end):
        return None
    return not (a.end < b.start or b.end < a.start)


def _either(x: str | None, y: str | None) -> bool:
    return x is None or y is None or x == y


def same_happening(a: Reported, b: Reported) -> bool:
    """Whether two facts report one event on which they agree (see the module's rule)."""
    if a.cls != b.cls or a.who is None or a.who != b.who or _overlap(a, b) is False:
        return False
    if a.cls == "Transfer":
        return (
            a.to is not None
            and a.to == b.to
            and _either(a.origin, b.origin)
            and (a.status == b.status)
        )
    if a.cls == "AssuranceEvent":
        return a.giver is not None and a.giver == b.giver and _either(a.seeker, b.seeker)
    if a.cls == "Harm":
        return a.status is not None and a.status == b.status and _either(a.to, b.to)
    return a.origin is not None and a.origin == b.origin


def disagreement(a: Reported, b: Reported) -> str | None:
    """What two reports of one transfer from different sources disagree on ("date",
    "destination"), or None when they are not such a pair."""
    if a.cls != "Transfer" or a.cls != b.cls or a.who is None or a.who != b.who:
        return None
    if a.graph == b.graph or a.status != b.status:
        return None
    overlap = _overlap(a, b)
    if overlap is None:
        return None
    if not overlap and a.to is not None and a.to == b.to and _either(a.origin, b.origin):
        assert a.start and b.start and a.end and b.end
        gap = max(a.start, b.start) - min(a.end, b.end)
        return "date" if gap < NEAR else None
    if overlap and a.origin is not None and a.origin == b.origin and a.to and b.to:
        return "destination" if a.to != b.to else None
    return None


@dataclass
class Happening:
    """Facts that report one event, and what their sources disagree on."""

    facts: list[Reported]
    disagree: set[str]

    @property
    def principal(self) -> Reported:
        """The report readers show: a case file's, then the fullest, then the most
        precisely dated, then the first by source graph and key (so that the events one
        document reports are shown from the same document, whose group node they share)."""

        def rank(r: Reported) -> tuple[bool, int, int, str, str]:
            filled = sum(v is not None for v in (r.origin, r.to, r.giver, r.seeker, r.start))
            span = (r.end - r.start).days if r.start and r.end else 10**6
            return (not r.in_case, -filled, span, r.graph, r.key)

        return min(self.facts, key=rank)


def resolve(reported: list[Reported], apart: frozenset[str] = frozenset()) -> list[Happening]:
    """The happenings: groups of facts that report one event, each fact in one group; a fact
    whose key a case file lists under ``separate`` stands alone."""
    groups: list[Happening] = []
    for fact in reported:
        if fact.key in apart:
            groups.append(Happening([fact], set()))
            continue
        chosen = None
        for group in groups:
            if any(o.key in apart for o in group.facts):
                continue
            found = set()
            for other in group.facts:
                if same_happening(fact, other):
                    continue
                kind = disagreement(fact, other)
                if kind is None:
                    break
                found.add(kind)
            else:
                chosen = group
                chosen.disagree |= found
                break
        if chosen is not None:
            chosen.facts.append(fact)
        else:
            groups.append(Happening([fact], set()))
    return groups


def describe(happening: Happening, on: str) -> str:
    """One disagreement spelled out: each report's value and source."""

    def shown(r: Reported) -> str:
        if on == "date":
            return r.when or (r.start.isoformat() if r.start else "no date")
        return (r.to or "none named").rsplit("/", 1)[-1]

    parts = [f"{shown(r)} ({r.where_from()}, {r.key})" for r in happening.facts]
    return f"The sources disagree on the {on}: " + "; ".join(parts)


def add_happenings(dataset: Dataset, store: Store, apart: frozenset[str] = frozenset()) -> int:
    """Write one ``dakg:Happening`` per event reported more than once into ``graph/events``
    (the facts of ``apart`` kept out); return how many."""
    from rdflib import RDF, RDFS, Literal, URIRef

    from dakg.ontology.namespace import DAKG

    from . import iris

    graph = dataset.graph(URIRef(iris.GRAPH + "events"))
    count = 0
    for happening in resolve(read_reported(StoreReader(store)), apart):
        facts = happening.facts
        if len(facts) < 2:
            continue
        node = iris.instance("happening", facts[0].key)
        cls = facts[0].cls
        graph.add((node, RDF.type, DAKG.Happening))
        graph.add((node, RDFS.label, Literal(f"{cls} reported {len(facts)} times")))
        why = [WHY[cls]] + [DISAGREEING[d] for d in sorted(happening.disagree)]
        graph.add((node, RDFS.comment, Literal("Merged: " + "; or ".join(why) + ".")))
        graph.add((node, DAKG.principalFact, URIRef(happening.principal.iri)))
        for fact in facts:
            graph.add((node, DAKG.includesFact, URIRef(fact.iri)))
        for on in sorted(happening.disagree):
            graph.add((node, DAKG.sourcesDisagreeOn, Literal(describe(happening, on))))
        count += 1
    return count
