"""Summarise what the graph holds: the build, the documents, people and facts first, the
reference data in a line, then triples per graph and instances per class."""

from __future__ import annotations

from pathlib import Path
from typing import TypedDict

from .build_record import BuildRecord
from .reader import Reader, as_reader, value


class GraphCount(TypedDict):
    graph: str
    triples: int


class ClassCount(TypedDict):
    cls: str
    instances: int


class DocumentRow(TypedDict):
    document: str
    title: str
    publisher: str
    date: str
    kind: str
    length: int
    sentences: int


class StoreInfo(TypedDict):
    store: str
    build: BuildRecord | None
    summary: dict[str, int]
    reference: dict[str, int]
    graphs: list[GraphCount]
    classes: list[ClassCount]
    documents: list[DocumentRow]


# What a reader looks for first, in this order; the reference data follows in one line.
HEADLINE = {
    "documents": "Document",
    "people": "Person",
    "groups": "Group",
    "transfers": "Transfer",
    "assurances": "AssuranceEvent",
    "harm": "Harm",
    "decisions": "Decision",
    "advocacy": "AdvocacyAction",
    "cases": "Case",
}
REFERENCE = {
    "states": "State",
    "instruments": "Instrument",
    "treaty actions": "TreatyAction",
    "signatures": "Signature",
    "ratifications": "Ratification",
    "accessions": "Accession",
    "successions": "Succession",
    "withdrawals": "Withdrawal",
    "norm statements": "NormStatement",
    "obligations": "Obligation",
}


def store_info(source: Reader | Path) -> StoreInfo:
    """What the graph holds: its build, the headline counts, then the detail."""
    from .build_record import read_build_record
    from .reader import sparql

    reader = as_reader(source)

    def pairs(name: str) -> list[tuple[str, int]]:
        out = []
        for row in reader.select(sparql(name)):
            key, n = row[next(iter(row))], row["n"]
            if key is not None and n is not None:
                out.append((key.value, int(n.value)))
        return out

    graphs = [GraphCount(graph=g, triples=n) for g, n in pairs("info-graphs")]
    classes = [ClassCount(cls=c, instances=n) for c, n in pairs("info-classes")]
    counts = {c["cls"].rsplit("#", 1)[-1]: c["instances"] for c in classes}
    publishers: dict[str, list[str]] = {}
    for row in reader.select(sparql("info-publishers")):
        if row["d"] is not None and row["publisher"] is not None:
            publishers.setdefault(value(row, "d"), []).append(value(row, "publisher"))
    names = reader.labels(p for ps in publishers.values() for p in ps)
    documents = []
    for row in reader.select(sparql("info-documents")):
        cells = {k: (v.value if v is not None else "") for k, v in row.items()}
        by = sorted(names.get(p, p) for p in publishers.get(cells["d"], []))
        documents.append(
            DocumentRow(
                document=cells["d"],
                title=cells["title"],
                publisher="; ".join(by),
                date=cells["date"],
                kind=cells["type"],
                length=int(cells["len"] or 0),
                sentences=int(cells["sentences"] or 0),
            )
        )
    counts["TreatyAction"] = sum(
        counts.get(k, 0) for k in ("Signature", "Ratification", "Accession", "Succession",
                                   "Withdrawal")
    )  # fmt: skip
    return StoreInfo(
        store=reader.source,
        build=read_build_record(reader),
        summary={key: counts.get(cls, 0) for key, cls in HEADLINE.items()},
        reference={key: counts.get(cls, 0) for key, cls in REFERENCE.items()},
        graphs=graphs,
        classes=classes,
        documents=documents,
    )
