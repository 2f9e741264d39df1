"""The release described for catalogues: a VoID and DCAT dataset in Turtle, so a partner's
harvester (or a person) sees what a bundle holds, where it comes from and on what terms.

Everything is read from the store (counts by SPARQL, times and checksums from the build
record), never from the clock or the loaders, so the same store gives the same bytes. Every
node has a minted IRI (no blank nodes) and the triples are sorted before Oxigraph writes them.
Download addresses are relative file names, resolved against wherever the bundle is put.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import quote

from dakg.errors import StoreError

from .iris import ID
from .prefixes import PREFIXES, compact
from .reader import Reader, iri, optional, sparql, value

VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
DCTERMS = "http://purl.org/dc/terms/"
FOAF = "http://xmlns.com/foaf/0.1/"
PROV = "http://www.w3.org/ns/prov#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
DAKG = PREFIXES["dakg"]
WRITTEN_PREFIXES = {
    "dakg": DAKG,
    "dcat": DCAT,
    "dcterms": DCTERMS,
    "foaf": FOAF,
    "prov": PROV,
    "void": VOID,
    "xsd": XSD,
}
LICENCE = "https://creativecommons.org/licenses/by/4.0/"
PUBLISHER = "dakg team"
RIGHTS = (
    "dakg's data is licensed under CC BY 4.0. The quotations and document texts it contains "
    "remain the property of their publishers and keep their publishers' terms: they are "
    "quoted for research; ask the publisher for any reuse beyond quotation."
)
DESCRIPTION = (
    "A knowledge graph of diplomatic-assurance cases: transfers of people to states where "
    "they risk torture on the strength of diplomatic assurances, the people, states and "
    "bodies involved, the obligations that bind the states, and for every fact the passage "
    "of the source document it was derived from."
)
SOFTWARE = ID + "software/dakg"
# Placeholder base for download addresses, cut from the written text to leave them relative.
_HERE = "https://dakg.invalid/bundle/"
MEDIA_TYPES = {
    ".ttl": "text/turtle",
    ".trig": "application/trig",
    ".nq": "application/n-quads",
    ".nt": "application/n-triples",
    ".jsonld": "application/ld+json",
    ".json": "application/json",
    ".csv": "text/csv",
    ".html": "text/html",
    ".md": "text/markdown",
    ".txt": "text/plain",
    ".zip": "application/zip",
}
Add = Callable[[str, str, "str | int"], None]
Text = Callable[..., None]
_MEDIA_TYPE = re.compile(r"[a-z]+/[A-Za-z0-9.+-]+")
_DATES = (
    (re.compile(r"\d{4}-\d{2}-\d{2}"), "date"),
    (re.compile(r"\d{4}-\d{2}"), "gYearMonth"),
    (re.compile(r"\d{4}"), "gYear"),
)


@dataclass(frozen=True)
class Publisher:
    iri: str
    name: str


@dataclass(frozen=True)
class SourceDocument:
    """A document the build read, as the build record and the document graph say."""

    iri: str
    file: str
    sha256: str
    title: str
    date: str | None
    address: str | None
    publishers: tuple[Publisher, ...]


@dataclass(frozen=True)
class Release:
    """What the store says about where a release comes from."""

    build: str
    build_id: str
    version: str
    started: str
    ended: str
    ontology: str
    ontology_title: str
    ontology_version: str
    documents: tuple[SourceDocument, ...]

    @property
    def dataset(self) -> str:
        """The release's IRI: one per build, so a rebuild of the same input names it again."""
        return f"{ID}release/{self.build_id}"

    @property
    def full_version(self) -> str:
        return f"{self.version}+build.{self.build_id}"


def media_type(name: str) -> str:
    """The media type of a bundle file, from its suffix (checksum lists are plain text)."""
    for suffix, kind in MEDIA_TYPES.items():
        if name.endswith(suffix):
            return kind
    return "text/plain" if name.upper().startswith("SHA256SUMS") else "application/octet-stream"


def file_role(name: str, role: str) -> tuple[str, str]:
    """(role, media type) of one entry of ``files``: the value is a role in words, its media
    type taken from the name; a value that is itself a media type is used as one."""
    if _MEDIA_TYPE.fullmatch(role):
        return name, role
    return role, media_type(name)


def release_info(reader: Reader) -> Release:
    """The build, ontology and source documents of the store."""
    from .build_record import read_build_record

    record = read_build_record(reader)
    if record is None:
        raise StoreError(f"{reader.source}: the graph has no build record; rebuild it")
    build = record["build"]
    onto = reader.select(sparql("describe-ontology"), {"ontology": iri(DAKG.rstrip("#"))})
    if not onto:
        raise StoreError(f"{reader.source}: the graph holds no dakg ontology; rebuild it")
    ontology_version = optional(onto[0], "version") or optional(onto[0], "modified") or ""
    publishers: dict[str, list[str]] = {}
    for row in reader.select(sparql("describe-publishers")):
        publishers.setdefault(value(row, "document"), []).append(value(row, "publisher"))
    names = reader.labels(p for ps in publishers.values() for p in ps)
    documents = []
    for row in reader.select(sparql("describe-documents"), {"build": iri(build)}):
        doc = value(row, "document")
        listed = [Publisher(p, names.get(p, p)) for p in publishers.get(doc, [])]
        documents.append(
            SourceDocument(
                iri=doc,
                file=value(row, "file"),
                sha256=value(row, "sha256"),
                title=value(row, "title"),
                date=optional(row, "date"),
                address=optional(row, "address"),
                publishers=tuple(sorted(listed, key=lambda p: (p.name, p.iri))),
            )
        )
    return Release(
        build=build,
        build_id=build.rstrip("/").rsplit("/", 1)[-1],
        version=record["version"],
        started=record["started"],
        ended=record["ended"],
        ontology=value(onto[0], "ontology"),
        ontology_title=optional(onto[0], "title") or "",
        ontology_version=ontology_version,
        documents=tuple(documents),
    )


def describe(reader: Reader, *, title: str, files: Mapping[str, str]) -> str:
    """The release as a VoID and DCAT dataset, in Turtle; ``files`` maps each file name of
    the bundle to its role (or its media type), one ``dcat:Distribution`` each."""
    from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, serialize

    release = release_info(reader)
    triples: set[Triple] = set()

    def add(s: str, p: str, o: str | int) -> None:
        """An IRI object, or an xsd:integer for a count."""
        obj = Literal(o) if isinstance(o, int) else NamedNode(o)
        triples.add(Triple(NamedNode(s), NamedNode(p), obj))

    def text(s: str, p: str, words: str, datatype: str | None = None) -> None:
        obj = Literal(words, datatype=NamedNode(datatype)) if datatype else Literal(words)
        triples.add(Triple(NamedNode(s), NamedNode(p), obj))

    _dataset(release, title, reader, add, text)
    _provenance(release, add, text)
    for name, role in sorted(files.items()):
        words, kind = file_role(name, role)
        node = f"{release.dataset}/file/{quote(name, safe='/-._~')}"
        add(release.dataset, DCAT + "distribution", node)
        add(node, RDF_TYPE, DCAT + "Distribution")
        text(node, DCTERMS + "title", words)
        text(node, DCTERMS + "identifier", name)
        add(node, DCAT + "downloadURL", _HERE + quote(name, safe="/-._~"))
        text(node, DCAT + "mediaType", kind)
        add(node, DCTERMS + "license", LICENCE)
    ordered = sorted(triples, key=str)
    data = serialize(ordered, format=RdfFormat.TURTLE, prefixes=WRITTEN_PREFIXES)
    assert data is not None
    return data.decode("utf-8").replace(f"<{_HERE}", "<")


def _dataset(release: Release, title: str, reader: Reader, add: Add, text: Text) -> None:
    """The dataset itself: who, what, when, on what terms, and how big."""
    ds = release.dataset
    for kind in (VOID + "Dataset", DCAT + "Dataset"):
        add(ds, RDF_TYPE, kind)
    text(ds, DCTERMS + "title", title)
    text(ds, DCTERMS + "description", DESCRIPTION)
    team = f"{ID}organisation/dakg-team"
    add(ds, DCTERMS + "publisher", team)
    add(team, RDF_TYPE, FOAF + "Organization")
    text(team, FOAF + "name", PUBLISHER)
    add(ds, DCTERMS + "license", LICENCE)
    text(ds, DCTERMS + "rights", RIGHTS)
    text(ds, DCAT + "version", release.full_version)
    text(ds, DCTERMS + "issued", release.ended, XSD + "dateTime")
    text(ds, DCTERMS + "modified", release.ended, XSD + "dateTime")
    add(ds, DCTERMS + "conformsTo", release.ontology)
    text(ds, VOID + "uriSpace", ID)
    [totals] = reader.select(sparql("describe-totals"))
    for var, prop in (
        ("triples", "triples"),
        ("subjects", "distinctSubjects"),
        ("properties", "properties"),
        ("objects", "distinctObjects"),
    ):
        add(ds, VOID + prop, int(value(totals, var)))
    classes = reader.select(sparql("describe-classes"))
    add(ds, VOID + "classes", len(classes))
    for row in classes:
        cls = value(row, "class")
        node = f"{ds}/class/{_slug(cls)}"
        add(ds, VOID + "classPartition", node)
        add(node, VOID + "class", cls)
        add(node, VOID + "entities", int(value(row, "entities")))
    vocabularies = set()
    for row in reader.select(sparql("describe-properties")):
        prop = value(row, "property")
        node = f"{ds}/property/{_slug(prop)}"
        add(ds, VOID + "propertyPartition", node)
        add(node, VOID + "property", prop)
        add(node, VOID + "triples", int(value(row, "triples")))
        add(node, VOID + "distinctSubjects", int(value(row, "subjects")))
        add(node, VOID + "distinctObjects", int(value(row, "objects")))
        vocabularies.add(_namespace(prop))
    for vocabulary in sorted(vocabularies):
        add(ds, VOID + "vocabulary", vocabulary)


def _provenance(release: Release, add: Add, text: Text) -> None:
    """The build that made the data, the software and ontology it used, and the documents
    it read with their checksums."""
    ds = release.dataset
    add(ds, PROV + "wasGeneratedBy", release.build)
    add(release.build, RDF_TYPE, PROV + "Activity")
    text(release.build, PROV + "startedAtTime", release.started, XSD + "dateTime")
    text(release.build, PROV + "endedAtTime", release.ended, XSD + "dateTime")
    text(release.build, DAKG + "softwareVersion", release.version)
    add(release.build, PROV + "wasAssociatedWith", SOFTWARE)
    add(SOFTWARE, RDF_TYPE, PROV + "SoftwareAgent")
    text(SOFTWARE, FOAF + "name", "dakg")
    text(SOFTWARE, DCAT + "version", release.version)
    add(release.ontology, RDF_TYPE, DCTERMS + "Standard")
    if release.ontology_title:
        text(release.ontology, DCTERMS + "title", release.ontology_title)
    if release.ontology_version:
        text(release.ontology, DCAT + "version", release.ontology_version)
    for doc in release.documents:
        add(ds, PROV + "wasDerivedFrom", doc.iri)
        add(release.build, PROV + "used", doc.iri)
        add(doc.iri, RDF_TYPE, DCAT + "Resource")
        add(doc.iri, RDF_TYPE, PROV + "Entity")
        text(doc.iri, DCTERMS + "title", doc.title)
        text(doc.iri, DCTERMS + "identifier", doc.file)
        text(doc.iri, DAKG + "sha256", doc.sha256)
        if doc.address:
            add(doc.iri, DCTERMS + "source", doc.address)
        if doc.date:
            text(doc.iri, DCTERMS + "date", doc.date, _date_type(doc.date))
        for publisher in doc.publishers:
            add(doc.iri, DCTERMS + "publisher", publisher.iri)
            add(publisher.iri, RDF_TYPE, FOAF + "Agent")
            text(publisher.iri, FOAF + "name", publisher.name)


def _date_type(date: str) -> str | None:
    """xsd:date, xsd:gYearMonth or xsd:gYear for a date as written; other text stays text."""
    from datetime import date as day

    for pattern, name in _DATES:
        if pattern.fullmatch(date):
            try:
                day.fromisoformat((date + "-01-01")[:10])
            except ValueError:
                return None
            return XSD + name
    return None


def _namespace(term: str) -> str:
    cut = max(term.rfind("#"), term.rfind("/"))
    return term[: cut + 1]


def _slug(term: str) -> str:
    """``dakg-Document`` for dakg:Document: the prefix keeps dcterms:type and rdf:type apart;
    a term outside the known prefixes gets a digest of its namespace instead."""
    short = compact(term)
    if short != term:
        prefix, local = short.split(":", 1)
    else:
        local = term[len(_namespace(term)) :] or "term"
        prefix = hashlib.sha256(_namespace(term).encode()).hexdigest()[:8]
    return quote(f"{prefix}-{local}", safe="-._~")
