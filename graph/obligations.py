"""Which obligations bound a transfer's states on its date, and through which provisions.

Reads the store only: the treaty standings of the reference graph (``graph/standing.py``
works them out at build time from the treaty actions and the tables that cover each state),
the curated norms (which provisions carry non-refoulement, which prohibit torture) and the
transfers of the document and case graphs (with their first and last possible day). The
answer over a transfer's span is :func:`dakg.graph.standing.standing_over`'s: "bound",
"uncertain" (the state became or ceased to be bound within a month- or year-precision span,
or before a succession notification that gives no in-force day), "not a party", "signatory,
not a party", or "no data" (no table covers the state, or the day is past the table's "as
of" date), never a guess.

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

from .reader import (
    Reader,
    StoreReader,
    as_reader,
    literal,
    optional,
    review_filter,
    sparql,
    value,
)
from .reader import iri as iri_term
from .standing import BINDING, Standing, Status, standing_over

if TYPE_CHECKING:
    from pyoxigraph import Store
    from rdflib import Dataset

Role = Literal["sending", "receiving"]
TABLE = "https://w3id.org/dakg/ontology#TreatyTable"
# The binding status concepts of the standings, by IRI (their labels in the ontology).
STATUSES: dict[str, Status] = {
    "https://w3id.org/dakg/ontology#Bound": "bound",
    "https://w3id.org/dakg/ontology#BindingUncertain": "uncertain",
    "https://w3id.org/dakg/ontology#NotParty": "not a party",
    "https://w3id.org/dakg/ontology#SignatoryNotParty": "signatory, not a party",
}

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
    as_of: str | None = None  # the day the table it was read from is complete to


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
    disagreement: str | None = None  # what the happening's sources disagree on, each value


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

    standings: dict[tuple[str, str], list[Standing]]
    labels: dict[str, str]
    provisions: dict[tuple[str, str], list[Provision]]  # (instrument, kind) -> provisions
    statements: dict[tuple[str, str, str], list[tuple[str, str]]]  # (state, instr, prov)


def read_reference(reader: Reader) -> Reference:
    """Standings by (state IRI, instrument IRI), labels, provisions and statements."""
    found: dict[str, Standing] = {}
    keys: dict[str, tuple[str, str]] = {}
    labels: dict[str, str] = {}
    for row in reader.select(sparql("obligation-standings")):
        iri, instrument = value(row, "standing"), value(row, "instrument")
        labels[instrument] = instrument
        standing = found.get(iri)
        if standing is None:
            standing = found[iri] = Standing(
                STATUSES[value(row, "status")],
                _day(row["from"]),
                _day(row["until"]),
                value(row, "verified") == "true",
                as_of=_day(row["asOf"]),
            )
            keys[iri] = (value(row, "state"), instrument)
        basis = value(row, "basis") if row["basis"] is not None else None
        if basis is not None and value(row, "basisClass") != TABLE:
            if basis not in standing.derived_from:
                standing.derived_from.append(basis)
        if row["source"] is not None and value(row, "source") not in standing.sources:
            standing.sources.append(value(row, "source"))
    standings: dict[tuple[str, str], list[Standing]] = {}
    for iri, standing in found.items():
        standings.setdefault(keys[iri], []).append(standing)
    for line in standings.values():
        line.sort(key=lambda s: s.start or date.min)
    for standing in found.values():  # in one order whatever order the store answers in
        standing.sources.sort()
        standing.derived_from.sort()
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
    for listed in statements.values():
        listed.sort()
    return Reference(standings, labels, provisions, statements)


def _articles(provision: str) -> list[str]:
    """The article IRIs a statement's provision covers: "…/article/arts-1-16" is 1 to 16."""
    match = re.search(r"/article/arts?-(\d+)-(\d+)$", provision)
    if match is None:
        return [provision]
    base = provision[: match.start()]
    first, last = int(match[1]), int(match[2])
    return [f"{base}/article/{n}" for n in range(first, last + 1)] + [provision]


def _day(term: Any) -> date | None:
    return date.fromisoformat(term.value) if term is not None else None


def bound_on(
    standings: list[Standing], first: date | None, last: date | None, instrument: str
) -> Binding:
    """How a state with these standings stood towards ``instrument`` on every day from
    first to last (:func:`standing_over`), with the party period nearest to the span: the
    one it rests on, or else the next one to begin (``since``) and the last one to end
    (``until``)."""
    as_of = max((str(s.as_of) for s in standings if s.as_of), default=None)
    parties = [s for s in standings if s.status in BINDING]
    if first is None or last is None:
        head = next((s for s in parties if s.status == "bound"), None)
        if head is None:
            return Binding(instrument, "date unknown", as_of=as_of)
        return _binding(instrument, "date unknown", [head], head, None, as_of)
    status, over = standing_over(standings, first, last)
    rests = [s for s in over if s.status in BINDING]
    ahead = [s for s in parties if s.start is not None and s.start > last]
    behind = [s for s in parties if s.end is not None and s.end <= first]
    nearest = rests[0] if rests else (ahead[0] if ahead else None)
    since = nearest.start if nearest and nearest.start else None
    if since is None and nearest is not None:  # uncertain since ever: until its first party day
        since = next((s.start for s in parties if s.start is not None), None)
    until = rests[-1].end if rests else (behind[-1].end if behind else None)
    return _binding(instrument, status, over, since, until, as_of)


def _binding(
    instrument: str,
    status: Status,
    over: list[Standing],
    since: Standing | date | None,
    until: date | None,
    as_of: str | None,
) -> Binding:
    if isinstance(since, Standing):
        since = since.start
    sources = list(dict.fromkeys(src for s in over for src in s.sources))
    actions = list(dict.fromkeys(a for s in over for a in s.derived_from if "/treaty-action/" in a))
    return Binding(
        instrument,
        status,
        str(since) if since else None,
        str(until) if until else None,
        all(s.verified for s in over),
        sources,
        actions=actions,
        as_of=as_of,
    )


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
    rows = _one_per_happening(reader.select(sparql("obligation-transfers"), values))
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
                disagreement=optional(row, "disagreement") or None,
            )
        )
    return out


def _one_per_happening(rows: list[Any]) -> list[Any]:
    """One row per event: of the facts a happening groups (graph/events), its principal fact
    stands for it (a case file's dated fact over an undated report), and an origin another
    report names fills a gap. Where the sources disagree on the date, the span covers every
    reported date and the date lists them all; where they disagree on the destination, each
    destination keeps its row. Either way the row says so."""
    groups: dict[tuple[str, str | None], list[Any]] = {}
    for row in rows:
        key = optional(row, "happening") or value(row, "transfer")
        split = "destination" in (optional(row, "disagreement") or "")
        groups.setdefault((key, optional(row, "to") if split else None), []).append(row)
    out = []
    for group in groups.values():
        principal = [r for r in group if optional(r, "principal") == value(r, "transfer")]
        chosen = dict(principal[0] if principal else group[0])
        for row in group:
            if not principal and _narrower(row, chosen):
                chosen = {**row, "from": chosen["from"]}
            if chosen["from"] is None and row["from"] is not None:
                chosen["from"] = row["from"]
        if "the date" in (optional(chosen, "disagreement") or ""):
            dated = [r for r in group if r["start"] is not None]
            chosen["start"] = min((r["start"] for r in dated), key=lambda t: t.value)
            chosen["end"] = max((r["end"] for r in dated), key=lambda t: t.value)
            texts = dict.fromkeys(value(r, "text") for r in dated)
            chosen["text"] = literal(" or ".join(texts) + " (the sources disagree)")
        out.append(chosen)
    return out


def _narrower(row: Any, than: Any) -> bool:
    """Whether ``row``'s date is more precise than ``than``'s (any date beats none)."""
    if row["start"] is None:
        return False
    if than["start"] is None:
        return True
    span = date.fromisoformat(value(row, "end")) - date.fromisoformat(value(row, "start"))
    other = date.fromisoformat(value(than, "end")) - date.fromisoformat(value(than, "start"))
    return span < other


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
            reference.standings.get((state, instrument), []), first, last, labels[instrument]
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
    return bound_on(reference.standings.get((state_iri, instrument_iri), []), first, last, label)


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


def phrase(b: Binding) -> str:
    """The standing in words a lawyer reads correctly: "not a party to the 1951 Refugee
    Convention" is a fact, "no data" says the tables do not tell."""
    name = b.instrument if b.instrument.startswith("the ") else f"the {b.instrument}"
    if b.status == "bound":
        text = f"bound by {name} since {b.since}" + (f", until {b.until}" if b.until else "")
    elif b.status == "uncertain":
        text = f"uncertain: the standing towards {name} changed within the span"
        text += f" (party from {b.since})" if b.since else ""
    elif b.status == "not a party":
        text = f"not a party to {name}"
        if b.since:
            text += f" (became one on {b.since})"
        elif b.until:
            text += f" (ceased to be one on {b.until})"
    elif b.status == "signatory, not a party":
        text = f"signatory to {name}, not a party"
    elif b.status == "no data":
        text = f"no data on {name}"
        text += f" after {b.as_of}" if b.as_of else ": no table covers this state"
    else:
        text = f"date unknown; party to {name} since {b.since}" if b.since else "date unknown"
    if b.status != "no data" and b.as_of:
        text += f" [tables as of {b.as_of}]"
    return text + ("" if b.verified else " [unverified]")
