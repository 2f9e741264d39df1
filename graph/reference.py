"""Reference data: treaty actions and states' statements, each with its cited source.

The data files beside this module (``data/treaty_actions.csv``,
``data/treaty_statements.csv``; see ``data/README-treaties.md``) are curated by the team
from the UN Treaty Collection, the Council of Europe treaty office and the OAS. Every row
names its source; a row that could not be read in its source is ``verified`` false and is
never presented as certain. They go into one named graph of their own.
"""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path
from typing import Any

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV

from dakg.errors import DakgError
from dakg.ontology.namespace import DAKG

from . import iris
from .documents import add_date
from .standing import Act, Table, time_line

DATA = Path(__file__).parent / "data"
REFERENCE_GRAPH = URIRef(iris.GRAPH + "reference")
WIKIDATA = "http://www.wikidata.org/entity/"
ACTIONS = {
    "signature": DAKG.Signature,
    "ratification": DAKG.Ratification,
    "accession": DAKG.Accession,
    "succession": DAKG.Succession,
    "withdrawal": DAKG.Withdrawal,
    "denunciation": DAKG.Withdrawal,
    # Expulsion from the Council of Europe did not itself end a state's obligations under the
    # ECHR (Russia ceased to be a party six months later): recorded, but it ends nothing.
    "expulsion": DAKG.TreatyAction,
    "cessation": DAKG.Withdrawal,
}
STANDINGS = {
    "bound": DAKG.Bound,
    "uncertain": DAKG.BindingUncertain,
    "not a party": DAKG.NotParty,
    "signatory, not a party": DAKG.SignatoryNotParty,
}
STATEMENTS = {
    "reservation": DAKG.Reservation,
    "understanding": DAKG.Declaration,
    "declaration": DAKG.Declaration,
}


def _rows(name: str) -> list[dict[str, str]]:
    path = DATA / name
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _day(value: str, where: str) -> Literal | None:
    if not value:
        return None
    try:
        return Literal(date.fromisoformat(value), datatype=XSD.date)
    except ValueError:
        raise DakgError(f"{where}: not an ISO date: {value!r}") from None


def add_reference(graph: Graph) -> None:
    """Add every treaty action and statement, with its source, every table's coverage and
    each state's standings worked out from them, to ``graph``."""
    from dakg.loaders.gazetteer import gazetteer, state_table

    states = state_table()
    acts: dict[tuple[str, str], list[Act]] = {}
    for line, row in enumerate(_rows("treaty_actions.csv"), start=2):
        where = f"{DATA / 'treaty_actions.csv'}:{line}"
        state, instrument, action = row["state"], row["instrument"], row["action"]
        _check(row, where, states, kinds=ACTIONS, kind=action)
        node = iris.instance(
            "treaty-action", f"{state}-{instrument}-{action}-{row['date_deposited'] or 'undated'}"
        )
        graph.add((node, RDF.type, ACTIONS[action]))
        graph.add((node, RDFS.label, Literal(f"{states[state].label}: {action} of {instrument}")))
        _state(graph, state, states[state].label)
        graph.add((node, DAKG.actingState, iris.instance("state", state)))
        _instrument(graph, instrument, gazetteer().get("instrument", instrument))
        graph.add((node, DAKG.ofInstrument, iris.instance("instrument", instrument)))
        deposited = _day(row["date_deposited"], where)
        if deposited is not None:
            graph.add((node, DAKG.depositDate, deposited))
        in_force = _day(row["date_in_force"], where)
        if in_force is not None:
            graph.add((node, DAKG.inForceDate, in_force))
        _sourced(graph, node, row)
        act = _act(str(node), action, in_force or deposited, row)
        if act is not None:
            acts.setdefault((state, instrument), []).append(act)
    _add_standings(graph, acts, states)
    _add_identifiers(graph, states)
    for line, row in enumerate(_rows("treaty_statements.csv"), start=2):
        state, instrument = row["state"], row["instrument"]
        where = f"{DATA / 'treaty_statements.csv'}:{line}"
        _check(row, where, states, kinds=STATEMENTS, kind=row["kind"])
        node = iris.instance(
            "treaty-statement",
            f"{state}-{instrument}-{row['kind']}-{iris.slugify(row['provision'] or 'general')}",
        )
        graph.add((node, RDF.type, STATEMENTS[row["kind"]]))
        graph.add(
            (node, RDFS.label, Literal(f"{states[state].label}: {row['kind']} ({instrument})"))
        )
        graph.add((node, DAKG.actingState, iris.instance("state", state)))
        graph.add((node, DAKG.ofInstrument, iris.instance("instrument", instrument)))
        if row["provision"] and not row["provision"].startswith("general"):
            graph.add((node, DAKG.toProvision, _article(graph, instrument, row["provision"])))
        if row["date"]:
            add_date(graph, node, row["date"], "day", row["date"])
        if row["text"]:
            graph.add((node, DAKG.statementText, Literal(row["text"])))
        _sourced(graph, node, row)


def _check(
    row: dict[str, str], where: str, states: dict[str, Any], kinds: dict[str, Any], kind: str
) -> None:
    """One line naming the row and the problem, for what would otherwise fail deep inside."""
    if row["state"] not in states:
        raise DakgError(f"{where}: unknown state code {row['state']!r} (ISO alpha-3)")
    if kind not in kinds:
        raise DakgError(f"{where}: unknown kind {kind!r} (one of {', '.join(sorted(kinds))})")
    url = row.get("source_url", "")
    if url and not re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+", url):
        raise DakgError(f"{where}: source_url is not a URL: {url[:80]!r}")


def _act(iri: str, action: str, day: Literal | None, row: dict[str, str]) -> Act | None:
    """The act a row records, as the standings see it (undated acts change nothing)."""
    if day is None or action == "expulsion":
        return None
    kind: Any = {"signature": "signature", "withdrawal": "end", "denunciation": "end"}.get(
        action, "end" if action == "cessation" else "start"
    )
    if action == "succession" and not row["date_in_force"]:
        kind = "succession"
    return Act(iri, kind, day.toPython(), row["verified"].strip().lower() == "yes")


def _tables() -> list[tuple[Table, dict[str, str]]]:
    """The reference tables of ``data/treaty_tables.csv``, each with its row: "all" is every
    state of ``data/un-members.csv``; ``except`` lists the states a table does not cover."""
    members = frozenset(row["iso3"] for row in _rows("un-members.csv"))
    tables = []
    for line, row in enumerate(_rows("treaty_tables.csv"), start=2):
        where = f"{DATA / 'treaty_tables.csv'}:{line}"
        listed = frozenset(row["states"].split()) if row["states"] != "all" else members
        as_of = _day(row["as_of"], where)
        if as_of is None:
            raise DakgError(f"{where}: a table needs its as_of date")
        table = Table(
            str(iris.instance("treaty-table", row["table"])),
            row["instrument"],
            listed - frozenset(row["except"].split()),
            as_of.toPython(),
            row["verified"].strip().lower() == "yes",
        )
        tables.append((table, row))
    return tables


def _add_standings(
    graph: Graph, acts: dict[tuple[str, str], list[Act]], states: dict[str, Any]
) -> None:
    """Each table's node and every standing of every state a table covers or acts name."""
    from dakg.loaders.gazetteer import gazetteer

    covered: dict[tuple[str, str], Table] = {}
    for table, row in _tables():
        node = URIRef(table.iri)
        graph.add((node, RDF.type, DAKG.TreatyTable))
        graph.add((node, RDFS.label, Literal(row["title"])))
        graph.add((node, DAKG.ofInstrument, iris.instance("instrument", table.instrument)))
        graph.add((node, DAKG.asOf, Literal(table.as_of, datatype=XSD.date)))
        _sourced(graph, node, row)
        for state in table.states:  # the newest table that covers the state decides
            known = covered.get((state, table.instrument))
            if known is None or known.as_of < table.as_of:
                covered[(state, table.instrument)] = table
    for state, instrument in sorted(set(covered) | set(acts)):
        if state not in states:
            continue
        _state(graph, state, states[state].label)
        _instrument(graph, instrument, gazetteer().get("instrument", instrument))
        line = time_line(acts.get((state, instrument), []), covered.get((state, instrument)))
        for n, standing in enumerate(line):
            node = iris.instance("treaty-standing", f"{state}-{instrument}-{n}")
            graph.add((node, RDF.type, DAKG.TreatyStanding))
            graph.add((node, DAKG.actingState, iris.instance("state", state)))
            graph.add((node, DAKG.ofInstrument, iris.instance("instrument", instrument)))
            graph.add((node, DAKG.bindingStatus, STANDINGS[standing.status]))
            for prop, day in (
                (DAKG.standingFrom, standing.start),
                (DAKG.standingUntil, standing.end),
            ):
                if day is not None:
                    graph.add((node, prop, Literal(day, datatype=XSD.date)))
            if standing.as_of is not None:
                graph.add((node, DAKG.asOf, Literal(standing.as_of, datatype=XSD.date)))
            graph.add((node, DAKG.verified, Literal(standing.verified)))
            for source in standing.derived_from:
                graph.add((node, PROV.wasDerivedFrom, URIRef(source)))


SCHEMES = {"untc": "UNTC", "unts": "UNTS", "cets": "CETS", "oas": "OAS"}


def _add_identifiers(graph: Graph, states: dict[str, Any]) -> None:
    """Each instrument's treaty-series numbers and each state's Wikidata item, where read in
    a source (``data/identifiers.csv``); an unverified one is left out."""
    for line, row in enumerate(_rows("identifiers.csv"), start=2):
        if row["verified"].strip().lower() != "yes":
            continue
        subject = row["subject"]
        kind = "state" if subject in states else "instrument"
        node = iris.instance(kind, subject)
        if row["scheme"] == "wikidata":
            if not re.fullmatch(r"Q\d+", row["value"]):
                raise DakgError(f"{DATA / 'identifiers.csv'}:{line}: not a Wikidata item")
            graph.add((node, OWL.sameAs, URIRef(WIKIDATA + row["value"])))
        elif row["scheme"] in SCHEMES:
            graph.add(
                (node, DCTERMS.identifier, Literal(f"{SCHEMES[row['scheme']]} {row['value']}"))
            )


def _article(graph: Graph, instrument: str, provision: str) -> URIRef:
    """The article node a statement bears on ("art. 3" of the CAT)."""
    number = provision.lower().replace("article", "").replace("art.", "").strip()
    node = URIRef(f"{iris.instance('instrument', instrument)}/article/{iris.slugify(number)}")
    graph.add((node, RDF.type, DAKG.Article))
    graph.add((node, DAKG.ofInstrument, iris.instance("instrument", instrument)))
    graph.add((node, DAKG.provisionNumber, Literal(number)))
    from dakg.loaders.gazetteer import gazetteer

    entry = gazetteer().get("instrument", instrument)
    graph.add((node, RDFS.label, Literal(f"{entry.label if entry else instrument} art. {number}")))
    return node


def _state(graph: Graph, code: str, label: str) -> None:
    node = iris.instance("state", code)
    graph.add((node, RDF.type, DAKG.State))
    graph.add((node, RDFS.label, Literal(label)))
    graph.add((node, DAKG.iso3166Alpha3, Literal(code)))


def _instrument(graph: Graph, key: str, entry: object) -> None:
    node = iris.instance("instrument", key)
    graph.add((node, RDF.type, DAKG.Instrument))
    label = getattr(entry, "label", None) or key
    graph.add((node, RDFS.label, Literal(label)))


def _sourced(graph: Graph, node: URIRef, row: dict[str, str]) -> None:
    source = URIRef(row["source_url"]) if row["source_url"] else None
    if source is not None:
        graph.add((node, PROV.wasDerivedFrom, source))
        graph.add((source, DCTERMS.title, Literal(row["source_title"])))
    graph.add((node, DAKG.verified, Literal(row["verified"].strip().lower() == "yes")))
    if row["note"]:
        graph.add((node, RDFS.comment, Literal(row["note"])))
