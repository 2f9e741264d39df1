"""Which treaties bound a state on a given day, and each transfer's states on its date.

Reads the store only: the treaty actions of the reference graph (with the day each took
effect for its state) and the transfers of the document graphs (with their first and last
possible day). A state is bound from the in-force day of its ratification, accession or
succession until a withdrawal takes effect. When a transfer is dated only to the month or
year and the state became bound (or ceased to be) within that span, the answer is
"uncertain", never a guess; no action in the reference data is "no action recorded", not a
proven negative.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from .store import open_read_only

if TYPE_CHECKING:
    from pyoxigraph import Store

Status = Literal["bound", "not bound", "uncertain", "no action recorded", "date unknown"]

_ACTIONS = """
PREFIX dakg: <https://w3id.org/dakg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?state ?instrument ?label ?class ?inForce ?deposit ?verified ?source WHERE {
  ?action dakg:actingState ?state ; dakg:ofInstrument ?instrument ; a ?class ;
          dakg:verified ?verified .
  FILTER(?class IN (dakg:Ratification, dakg:Accession, dakg:Succession, dakg:Withdrawal))
  ?instrument rdfs:label ?label .
  OPTIONAL { ?action dakg:inForceDate ?inForce }
  OPTIONAL { ?action dakg:depositDate ?deposit }
  OPTIONAL { ?action prov:wasDerivedFrom ?source }
}
"""
_TRANSFERS = """
PREFIX dakg: <https://w3id.org/dakg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?transfer (SAMPLE(?name) AS ?who) (SAMPLE(?f) AS ?from) (SAMPLE(?fl) AS ?fromLabel)
       (SAMPLE(?t) AS ?to) (SAMPLE(?tl) AS ?toLabel) (SAMPLE(?s) AS ?start) (SAMPLE(?e) AS ?end)
       (SAMPLE(?x) AS ?text) (SAMPLE(?st) AS ?status) WHERE {
  ?transfer a dakg:Transfer ; dakg:transferee/rdfs:label ?name ; dakg:transferStatus ?st .
  #REJECTED
  OPTIONAL { ?transfer dakg:fromState ?f . ?f rdfs:label ?fl }
  OPTIONAL { ?transfer dakg:toState ?t . ?t rdfs:label ?tl }
  OPTIONAL { ?transfer dakg:dateStart ?s ; dakg:dateEnd ?e ; dakg:dateText ?x }
}
GROUP BY ?transfer
ORDER BY ?start ?who
"""


_NOT_REJECTED = "FILTER NOT EXISTS { ?transfer dakg:reviewStatus dakg:Rejected }"


@dataclass
class Binding:
    """Whether ``state`` was bound by ``instrument`` over a span of days, and why."""

    instrument: str
    status: Status
    since: str | None = None
    until: str | None = None
    verified: bool = True
    sources: list[str] = field(default_factory=list)


@dataclass
class Period:
    """One stretch during which a state was party to an instrument."""

    start: date
    end: date | None
    verified: bool
    sources: list[str]


def _periods(store: Store) -> tuple[dict[tuple[str, str], list[Period]], dict[str, str]]:
    """Parties' periods by (state IRI, instrument IRI), and instrument labels."""
    events: dict[tuple[str, str], list[tuple[date, str, bool, str]]] = {}
    labels: dict[str, str] = {}
    for row in store.query(_ACTIONS, use_default_graph_as_union=True):  # type: ignore[union-attr]
        state, instrument = row["state"].value, row["instrument"].value
        labels[instrument] = row["label"].value
        when = row["inForce"] or row["deposit"]
        if when is None:
            continue
        kind = "end" if row["class"].value.endswith("Withdrawal") else "start"
        verified = row["verified"].value == "true"
        source = row["source"].value if row["source"] is not None else ""
        events.setdefault((state, instrument), []).append(
            (date.fromisoformat(when.value), kind, verified, source)
        )
    periods: dict[tuple[str, str], list[Period]] = {}
    for key, items in events.items():
        current: Period | None = None
        for day, kind, verified, source in sorted(items):
            if kind == "start" and current is None:
                current = Period(day, None, verified, [source] if source else [])
                periods.setdefault(key, []).append(current)
            elif kind == "end" and current is not None and current.end is None:
                current.end = day
                current.verified = current.verified and verified
                current.sources += [source] if source else []
                current = None
    return periods, labels


def bound_on(
    periods: list[Period], first: date | None, last: date | None, instrument: str
) -> Binding:
    """Whether a state with these party periods was bound on every day from first to last."""
    if not periods:
        return Binding(instrument, "no action recorded")
    if first is None or last is None:
        return Binding(instrument, "date unknown", str(periods[0].start))
    for period in periods:
        ends = period.end or date.max
        since, until = str(period.start), str(period.end) if period.end else None
        sources = period.sources
        if period.start <= first and last < ends:
            return Binding(instrument, "bound", since, until, period.verified, sources)
        if period.start <= last and first < ends:  # becomes or ceases within the span
            return Binding(instrument, "uncertain", since, until, period.verified, sources)
    first_start = periods[0]
    return Binding(
        instrument,
        "not bound",
        str(first_start.start),
        str(first_start.end) if first_start.end else None,
        first_start.verified,
        first_start.sources,
    )


@dataclass
class TransferObligations:
    """The treaties that bound a transfer's sending and receiving states on its date."""

    transfer: str
    person: str
    status: str
    date: str | None
    sending: str | None
    receiving: str | None
    sending_bound: list[Binding]
    receiving_bound: list[Binding]


def transfer_obligations(root: Path, include_rejected: bool = False) -> list[TransferObligations]:
    """For every transfer in the store (but those an analyst rejected, unless asked): which
    treaties bound each of its states then."""
    store = open_read_only(root)
    periods, labels = _periods(store)
    out = []
    rejected = "" if include_rejected else _NOT_REJECTED
    query = _TRANSFERS.replace("#REJECTED", rejected)
    for row in store.query(query, use_default_graph_as_union=True):  # type: ignore[union-attr]
        first = date.fromisoformat(row["start"].value) if row["start"] is not None else None
        last = date.fromisoformat(row["end"].value) if row["end"] is not None else None

        out.append(
            TransferObligations(
                transfer=row["transfer"].value,
                person=row["who"].value,
                status=row["status"].value.rsplit("#", 1)[-1],
                date=row["text"].value if row["text"] is not None else None,
                sending=row["fromLabel"].value if row["fromLabel"] is not None else None,
                receiving=row["toLabel"].value if row["toLabel"] is not None else None,
                sending_bound=_bindings(periods, labels, row["from"], first, last),
                receiving_bound=_bindings(periods, labels, row["to"], first, last),
            )
        )
    return out


def _bindings(
    periods: dict[tuple[str, str], list[Period]],
    labels: dict[str, str],
    state: object,
    first: date | None,
    last: date | None,
) -> list[Binding]:
    """A state's standing towards every instrument of the reference data over a span."""
    if state is None:
        return []
    iri = state.value  # type: ignore[attr-defined]
    order = sorted(labels, key=lambda i: labels[i])
    return [bound_on(periods.get((iri, i), []), first, last, labels[i]) for i in order]


def party_on(root: Path, state: str, instrument: str, first: date, last: date) -> Binding:
    """Whether ``state`` (ISO alpha-3) was bound by ``instrument`` (its slug) from ``first``
    to ``last``, read from the store's reference graph."""
    from . import iris

    periods, labels = _periods(open_read_only(root))
    state_iri = str(iris.instance("state", state))
    instrument_iri = str(iris.instance("instrument", instrument))
    label = labels.get(instrument_iri, instrument)
    return bound_on(periods.get((state_iri, instrument_iri), []), first, last, label)
