"""Reference data: treaty actions and states' statements, each with its cited source.

The data files beside this module (``data/treaty_actions.csv``,
``data/treaty_statements.csv``; see ``data/README-treaties.md``) are curated by the team
from the UN Treaty Collection, the Council of Europe treaty office and the OAS. Every row
names its source; a row that could not be read in its source is ``verified`` false and is
never presented as certain. They go into one named graph of their own.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from dakg.errors import DakgError
from dakg.ontology.namespace import DAKG

from . import iris
from .documents import add_date

DATA = Path(__file__).parent / "data"
REFERENCE_GRAPH = URIRef(iris.GRAPH + "reference")
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
    """Add every treaty action and statement, with its source, to ``graph``."""
    from dakg.loaders.gazetteer import gazetteer, state_table

    states = state_table()
    for line, row in enumerate(_rows("treaty_actions.csv"), start=2):
        where = f"{DATA / 'treaty_actions.csv'}:{line}"
        state, instrument, action = row["state"], row["instrument"], row["action"]
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
    for row in _rows("treaty_statements.csv"):
        state, instrument = row["state"], row["instrument"]
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
        if row["provision"]:
            graph.add((node, DAKG.toProvision, _article(graph, instrument, row["provision"])))
        if row["date"]:
            add_date(graph, node, row["date"], "day", row["date"])
        if row["text"]:
            graph.add((node, DAKG.statementText, Literal(row["text"])))
        _sourced(graph, node, row)


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
