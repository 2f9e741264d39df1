"""Which obligations bound a transfer's states on its date, and through which provisions.

Reads the store only: the treaty actions of the reference graph (with the day each took
effect for its state), the curated norms (which provisions carry non-refoulement, which
prohibit torture) and the transfers of the document and case graphs (with their first and
last possible day). A state is bound from the in-force day of its ratification, accession or
succession until a withdrawal takes effect. When a transfer is dated only to the month or
year and the state became bound (or ceased to be) within that span, the answer is
"uncertain", never a guess, and so it is before a succession notification that gives no day
from which the successor was bound; no action in the reference data is "no action recorded", not a
proven negative.

The sending state owes non-refoulement (the provisions the norms say state or derive it),
the receiving state the prohibition of torture (the provisions the norms say prohibit it);
both readings of a provision stay when sources disagree. The build writes each obligation
that bound (or may have bound) a state as a ``dakg:Obligation`` in the graph
``graph/obligations``, derived from the treaty action and the norm statements it rests on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .reader import Reader, StoreReader, as_reader, review_filter, sparql, value
from .reader import iri as iri_term

if TYPE_CHECKING:
    from pyoxigraph import Store
    from rdflib import Dataset

Status = Literal["bound", "not bound", "uncertain", "no action recorded", "date unknown"]
Role = Literal["sending", "receiving"]

# A proposed transfer with no date of its own is pending when the document reports it (a
# threat or a halt may lie anywhere before, so those are not dated this way).
NOT_DONE = frozenset({"Proposed"})
# Which norm kinds make a provision the source of each state's obligation.
ROLE_KINDS: dict[Role, frozenset[str]] = {
    "sending": frozenset(
        {
            "ExplicitNonRefoulement",
            "DerivedNonRefoulement",
            "AbsoluteBan",
            "IncorporatedNonRefoulement",
        }
    ),
    "receiving": frozenset({"TortureProhibition"}),
}


@dataclass
class Binding:
    """Whether a state was bound by ``instrument`` over a span of days, through which
    provisions (as the norms read them), and on which sources."""

    instrument: str
    status: Status
    since: str | None = None
    until: str | None = None
    verified: bool = True
    sources: list[str] = field(default_factory=list)
    provisions: list[str] = field(default_factory=list)
    readings: list[str] = field(default_factory=list)
    qualified_by: list[str] = field(default_factory=list)
    instrument_iri: str = ""
    actions: list[str] = field(default_factory=list)
    provision_iris: list[str] = field(default_factory=list)
    norm_iris: list[str] = field(default_factory=list)
    statement_iris: list[str] = field(default_factory=list)


@dataclass
class Period:
    """One stretch during which a state was party to an instrument."""

    start: date
    end: date | None
    verified: bool
    sources: list[str]
    actions: list[str]
    succession: bool = False  # dated by its notification: the state may be bound from before


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
    sending_iri: str | None = None
    receiving_iri: str | None = None
    date_basis: str | None = None  # "transfer", "document" (not yet made: as of the report)


@dataclass
class Provision:
    """A provision (or whole instrument) a norm statement says carries an obligation."""

    iri: str
    label: str
    norm: str
    reading: str


@dataclass
class Reference:
    """What the store holds about treaties: parties' periods, instrument labels, the
    provisions of each instrument by norm kind, and states' reservations by provision."""

    periods: dict[tuple[str, str], list[Period]]
    labels: dict[str, str]
    provisions: dict[tuple[str, str], list[Provision]]  # (instrument, kind) -> provisions
    statements: dict[tuple[str, str, str], list[tuple[str, str]]]  # (state, instr, prov)


def read_reference(reader: Reader) -> Reference:
    """Parties' periods by (state IRI, instrument IRI), labels, provisions and statements."""
    events: dict[tuple[str, str], list[tuple[date, str, bool, str, str]]] = {}
    labels: dict[str, str] = {}
    for row in reader.select(sparql("obligation-actions")):
        state, instrument = value(row, "state"), value(row, "instrument")
        labels[instrument] = instrument
        when = row["inForce"] or row["deposit"]
        if when is None:
            continue
        kind = "end" if value(row, "class").endswith("Withdrawal") else "start"
        if row["inForce"] is None and value(row, "class").endswith("Succession"):
            kind = "succession"
        verified = value(row, "verified") == "true"
        source = value(row, "source") if row["source"] is not None else ""
        events.setdefault((state, instrument), []).append(
            (date.fromisoformat(when.value), kind, verified, source, value(row, "action"))
        )
    periods: dict[tuple[str, str], list[Period]] = {}
    for key, items in events.items():
        current: Period | None = None
        for day, kind, verified, source, action in sorted(items):
            if kind in {"start", "succession"} and current is None:
                current = Period(
                    day, None, verified, [source] if source else [], [action], kind != "start"
                )
                periods.setdefault(key, []).append(current)
            elif kind == "end" and current is not None and current.end is None:
                current.end = day
                current.verified = current.verified and verified
                current.sources += [source] if source else []
                current.actions.append(action)
                current = None
    provisions: dict[tuple[str, str], list[Provision]] = {}
    rows = reader.select(sparql("obligation-provisions"))
    names = reader.labels(set(labels) | {value(row, "provision") for row in rows})
    labels.update({i: names.get(i, i) for i in labels})
    for row in rows:
        kind = value(row, "kind").rsplit("#", 1)[-1]
        iri = value(row, "provision")
        provisions.setdefault((value(row, "instrument"), kind), []).append(
            Provision(iri, names.get(iri, iri), value(row, "norm"), value(row, "id"))
        )
    statements: dict[tuple[str, str, str], list[tuple[str, str]]] = {}
    for row in reader.select(sparql("obligation-statements")):
        text = value(row, "text") if row["text"] is not None else ""
        label = f"{value(row, 'label')}: {text}" if text else value(row, "label")
        for provision in _articles(value(row, "provision")):
            key3 = (value(row, "state"), value(row, "instrument"), provision)
            statements.setdefault(key3, []).append((value(row, "statement"), label))
    return Reference(periods, labels, provisions, statements)


def _articles(provision: str) -> list[str]:
    """The article IRIs a statement's provision covers: "…/article/arts-1-16" is 1 to 16."""
    match = re.search(r"/article/arts?-(\d+)-(\d+)$", provision)
    if match is None:
        return [provision]
    base = provision[: match.start()]
    first, last = int(match[1]), int(match[2])
    return [f"{base}/article/{n}" for n in range(first, last + 1)] + [provision]


def bound_on(
    periods: list[Period], first: date | None, last: date | None, instrument: str
) -> Binding:
    """Whether a state with these party periods was bound on every day from first to last."""
    if not periods:
        return Binding(instrument, "no action recorded")
    if first is None or last is None:
        head = periods[0]
        until = str(head.end) if head.end else None
        return Binding(
            instrument, "date unknown", str(head.start), until, head.verified, head.sources
        )
    for period in periods:
        ends = period.end or date.max
        since, until = str(period.start), str(period.end) if period.end else None
        found: Status | None = None
        if period.start <= first and last < ends:
            found = "bound"
        elif period.start <= last and first < ends:  # becomes or ceases within the span
            found = "uncertain"
        if found is not None:
            return Binding(
                instrument,
                found,
                since,
                until,
                period.verified,
                period.sources,
                actions=period.actions,
            )
    head = periods[0]
    until = str(head.end) if head.end else None
    if head.succession and last < head.start:
        # A successor state's notification may confirm obligations that ran from its
        # independence, which the data does not give: not "not bound".
        return Binding(instrument, "uncertain", str(head.start), until, head.verified, head.sources)
    return Binding(instrument, "not bound", str(head.start), until, head.verified, head.sources)


def derive(
    reader: Reader, include_rejected: bool = False, subjects: list[str] | None = None
) -> list[TransferObligations]:
    """For every transfer the reader's graph holds (but those an analyst rejected, unless
    asked; only those of ``subjects``' people when given): the standing of each of its
    states towards every instrument then, with the provisions."""
    reference = read_reference(reader)
    out = []
    values: dict[str, Any] = dict(review_filter(include_rejected))
    if subjects is not None:
        values["p"] = [iri_term(s) for s in subjects]
    rows = reader.select(sparql("obligation-transfers"), values)
    iris = {t.value for row in rows for v in ("who", "from", "to") if (t := row[v]) is not None}
    names = reader.labels(iris)
    for row in rows:
        first = date.fromisoformat(value(row, "start")) if row["start"] is not None else None
        last = date.fromisoformat(value(row, "end")) if row["end"] is not None else None
        status = value(row, "status").rsplit("#", 1)[-1]
        when = value(row, "text") if row["text"] is not None else None
        basis = "transfer" if first is not None else None
        if first is None and status in NOT_DONE and row["docStart"] is not None:
            # A proposed transfer has no date of its own: what bound the states is asked as
            # of the day of the document that reports it as pending.
            first = date.fromisoformat(value(row, "docStart"))
            last = date.fromisoformat(value(row, "docEnd"))
            when, basis = f"as of {value(row, 'docText')} (the document's date)", "document"
        sending = value(row, "from") if row["from"] is not None else None
        receiving = value(row, "to") if row["to"] is not None else None
        out.append(
            TransferObligations(
                transfer=value(row, "transfer"),
                person=names.get(value(row, "who"), value(row, "who")),
                status=status,
                date=when,
                date_basis=basis,
                sending=names.get(sending) if sending else None,
                receiving=names.get(receiving) if receiving else None,
                sending_bound=_bindings(reference, sending, first, last, "sending"),
                receiving_bound=_bindings(reference, receiving, first, last, "receiving"),
                sending_iri=sending,
                receiving_iri=receiving,
            )
        )
    return out


def transfer_obligations(
    source: Reader | Path, include_rejected: bool = False, subjects: list[str] | None = None
) -> list[TransferObligations]:
    """The obligations of every transfer the graph holds (see :func:`derive`)."""
    return derive(as_reader(source), include_rejected, subjects)


def _bindings(
    reference: Reference, state: str | None, first: date | None, last: date | None, role: Role
) -> list[Binding]:
    """A state's standing towards every instrument of the reference data over a span, with
    the provisions through which each binds a state in this role."""
    if state is None:
        return []
    labels = reference.labels
    out = []
    for instrument in sorted(labels, key=lambda i: labels[i]):
        binding = bound_on(
            reference.periods.get((state, instrument), []), first, last, labels[instrument]
        )
        binding.instrument_iri = instrument
        found = [
            p
            for kind in sorted(ROLE_KINDS[role])
            for p in reference.provisions.get((instrument, kind), [])
        ]
        articles = [p for p in found if p.iri != instrument] or found
        for provision in articles:
            if provision.iri not in binding.provision_iris:
                binding.provision_iris.append(provision.iri)
                binding.provisions.append(provision.label)
        for provision in found:
            if provision.norm not in binding.norm_iris:
                binding.norm_iris.append(provision.norm)
                binding.readings.append(provision.reading)
        for provision_iri in binding.provision_iris:
            for iri, label in reference.statements.get((state, instrument, provision_iri), []):
                binding.statement_iris.append(iri)
                binding.qualified_by.append(label)
        out.append(binding)
    return out


def party_on(
    source: Reader | Path, state: str, instrument: str, first: date, last: date
) -> Binding:
    """Whether ``state`` (ISO alpha-3) was bound by ``instrument`` (its slug) from ``first``
    to ``last``, read from the graph's reference data."""
    from . import iris

    reference = read_reference(as_reader(source))
    state_iri = str(iris.instance("state", state))
    instrument_iri = str(iris.instance("instrument", instrument))
    label = reference.labels.get(instrument_iri, instrument)
    return bound_on(reference.periods.get((state_iri, instrument_iri), []), first, last, label)


def add_obligations(dataset: Dataset, store: Store | None = None) -> int:
    """Write, into the graph ``graph/obligations``, each obligation that bound (or may have
    bound) a transfer's state on its date through a provision of the norms; return how many.

    The same queries as ``dakg obligations`` answer, over ``store`` (an in-memory copy of
    the dataset, made here if not given), so the two never disagree.
    """
    from rdflib import RDF, RDFS, XSD, Literal, URIRef
    from rdflib.namespace import PROV

    from dakg.ontology.namespace import DAKG

    from . import iris
    from .store import memory_store

    reader = StoreReader(store if store is not None else memory_store(dataset))
    graph = dataset.graph(URIRef(iris.GRAPH + "obligations"))
    kinds = {
        "sending": DAKG.NonRefoulementObligation,
        "receiving": DAKG.TortureProhibitionObligation,
    }
    statuses = {"bound": DAKG.Bound, "uncertain": DAKG.BindingUncertain}
    count = 0
    for row in derive(reader):
        for role, state, bindings in (
            ("sending", row.sending_iri, row.sending_bound),
            ("receiving", row.receiving_iri, row.receiving_bound),
        ):
            for b in bindings:
                if b.status not in statuses or not b.provision_iris or state is None:
                    continue
                local = row.transfer.rsplit("/", 1)[-1]
                slug = b.instrument_iri.rsplit("/", 1)[-1]
                node = iris.instance("obligation", f"{local}-{role}-{slug}")
                graph.add((node, RDF.type, DAKG.Obligation))
                graph.add(
                    (node, RDFS.label, Literal(f"{b.instrument}: {role} state, {row.person}"))
                )
                graph.add((node, DAKG.obligedState, URIRef(state)))
                graph.add((node, DAKG.regardsTransfer, URIRef(row.transfer)))
                graph.add((node, DAKG.obligationKind, kinds[role]))
                graph.add((node, DAKG.bindingStatus, statuses[b.status]))
                assert b.since is not None
                graph.add((node, DAKG.partySince, Literal(b.since, datatype=XSD.date)))
                graph.add((node, DAKG.verified, Literal(b.verified)))
                for iri in b.provision_iris:
                    graph.add((node, DAKG.arisesFrom, URIRef(iri)))
                for iri in b.actions + b.norm_iris:
                    graph.add((node, PROV.wasDerivedFrom, URIRef(iri)))
                for iri in b.statement_iris:
                    graph.add((node, DAKG.qualifiedBy, URIRef(iri)))
                if row.date_basis == "document":
                    note = f"The transfer was not made; bound {row.date}."
                    graph.add((node, RDFS.comment, Literal(note)))
                count += 1
    return count
