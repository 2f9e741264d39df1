"""The build record: a ``graph/build`` named graph holding one ``dakg:Build`` (a
``prov:Activity``) with its start and end, dakg's version, every file it read with its
checksum, and what it made. ``info`` shows it first; views, exports and releases cite it as
the dataset version, and it travels to any endpoint with the data.

The build's IRI is minted from what it read (version and checksums), so the same input
names the same build; its times say when this one ran.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

from . import iris
from .reader import Reader, sparql

if TYPE_CHECKING:
    from rdflib import Dataset

BUILD_GRAPH = iris.GRAPH + "build"
_FACTS = ("Transfer", "AssuranceEvent", "Harm", "Decision", "AdvocacyAction", "RoleFact")


class BuildRecord(TypedDict):
    """What ``info`` and the sidecars show of a build."""

    build: str
    version: str
    started: str
    ended: str
    documents: int
    facts: int
    triples: int
    inputs: int


def data_tables() -> list[Path]:
    """The data files a build reads besides the corpus: ontology, gazetteers, treaties."""
    root = Path(__file__).resolve().parent.parent
    found: list[Path] = []
    for folder, pattern in (("ontology", "*.ttl"), ("loaders/data", "*"), ("graph/data", "*")):
        found += [p for p in sorted((root / folder).glob(pattern)) if p.is_file()]
    # Templates and descriptions for exports are read after a build, never by it.
    after = {"export-tables.json", "release-README.md", "README-treaties.md"}
    return [p for p in found if p.suffix != ".py" and p.name not in after]


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def add_build_record(
    dataset: Dataset,
    started: datetime,
    ended: datetime,
    documents: list[tuple[str, str]],
    case_files: list[Path],
    corpus: Path,
) -> None:
    """Write the record of this build into ``graph/build``; ``documents`` are (path, sha256)
    of the documents loaded. The triple count includes the record itself."""
    from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
    from rdflib.namespace import PROV

    from dakg import __version__
    from dakg.ontology.namespace import DAKG

    package = Path(__file__).resolve().parent.parent
    inputs: list[tuple[str, str, str]] = []
    for name, digest in documents:
        inputs.append(("document", _relative(Path(name), corpus), digest))
    for case in case_files:
        inputs.append(("case file", _relative(case, corpus), _sha256(case)))
    for table in data_tables():
        inputs.append(("data table", str(table.relative_to(package)), _sha256(table)))
    inputs.sort()
    key = hashlib.sha256(
        "\n".join([__version__] + [f"{r}\t{n}\t{d}" for r, n, d in inputs]).encode()
    ).hexdigest()[:16]
    node = iris.instance("build", key)
    record = Graph()
    record.add((node, RDF.type, DAKG.Build))
    record.add((node, RDFS.label, Literal(f"dakg {__version__} build {key}")))
    record.add((node, DAKG.softwareVersion, Literal(__version__)))
    record.add((node, PROV.startedAtTime, Literal(started.isoformat(), datatype=XSD.dateTime)))
    record.add((node, PROV.endedAtTime, Literal(ended.isoformat(), datatype=XSD.dateTime)))
    for number, (role, name, digest) in enumerate(inputs, 1):
        used = URIRef(f"{node}/input/{number}")
        record.add((node, PROV.used, used))
        record.add((used, RDF.type, DAKG.InputFile))
        record.add((used, RDFS.label, Literal(name)))
        record.add((used, DAKG.inputRole, Literal(role)))
        record.add((used, DAKG.fileChecksum, Literal(digest)))
    classes = {DAKG[cls] for cls in _FACTS}
    facts = {s for s, _, o, _ in dataset.quads((None, RDF.type, None, None)) if o in classes}
    record.add((node, DAKG.documentCount, Literal(len(documents))))
    record.add((node, DAKG.factCount, Literal(len(facts))))
    quads = sum(len(g) for g in dataset.graphs())
    total = quads + len(record) + 1
    record.add((node, DAKG.tripleCount, Literal(total)))
    graph = dataset.graph(URIRef(BUILD_GRAPH))
    for triple in record:
        graph.add(triple)


def _relative(path: Path, corpus: Path) -> str:
    try:
        return str(path.resolve().relative_to(corpus.resolve()))
    except ValueError:
        return path.name


def read_build_record(reader: Reader) -> BuildRecord | None:
    """The newest build record the graph holds (None for a graph built before records)."""
    rows = reader.select(sparql("build-record"))
    if not rows:
        return None
    row: dict[str, Any] = {k: (v.value if v is not None else "") for k, v in rows[0].items()}
    return BuildRecord(
        build=row["build"],
        version=row["version"],
        started=row["started"],
        ended=row["ended"],
        documents=int(row["documents"]),
        facts=int(row["facts"]),
        triples=int(row["triples"]),
        inputs=int(row["inputs"]),
    )
