"""``dakg release``: a folder (and optionally a zip) a partner can load, check and cite: the
data in Turtle and TriG, the ontology, shapes and JSON-LD context, CSV tables with their
dictionary, a VoID/DCAT description, the ontology's documentation, the validation report, a
README and SHA-256 checksums. The same store gives the same bytes, zip included."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from dakg.ontology.namespace import ONTOLOGY_PATH, SHAPES_PATH

from .export import CONTEXT_PATH, Selection, _sorted_prefixes, export_bytes, select_quads
from .files import replace_folder, staging_folder
from .reader import Reader
from .release_diff import read_release, write_changes

MARKER = ".dakg-release"
TITLE = "dakg: diplomatic-assurance cases, their actors and the obligations that bind them"
FILES = {
    "data.ttl": "the data: the union of the named graphs (Turtle)",
    "data.trig": "the data with its named graphs: one per document, case file and derived "
    "graph (TriG)",
    "ontology.ttl": "the ontology (OWL)",
    "ontology.html": "the ontology's documentation (pyLODE)",
    "shapes.ttl": "the SHACL shapes the data conforms to",
    "context.jsonld": "the JSON-LD context of dakg's exports",
    "validation.txt": "the SHACL validation report of this release, in words",
    "validation.ttl": "the SHACL validation report of this release (sh:ValidationReport)",
    "void.ttl": "this description (VoID and DCAT)",
    "README.md": "how to load, verify and cite this release",
}


def release(
    reader: Reader,
    folder: Path,
    zip_: bool = False,
    include_rejected: bool = False,
    redactor: Any | None = None,
    since: Path | None = None,
) -> list[Path]:
    """Write the bundle into ``folder`` (replaced only when complete, and only if it is a
    release folder), then ``folder.zip`` when asked; with ``since`` (an earlier release
    folder) also what changed since it. Returns what was written."""
    from .export_csv import write_tables
    from .ontology_docs import ontology_html
    from .release_files import deterministic_zip, partner_readme, write_checksums

    folder = folder.resolve()
    old = read_release(since) if since is not None else None  # before it may be replaced
    work = staging_folder(folder, MARKER, "exists and is not a dakg release folder; choose another")
    try:
        selection = Selection(include_rejected=include_rejected)
        turtle, _ = export_bytes(reader, "turtle", selection, redactor)
        (work / "data.ttl").write_bytes(turtle)
        trig, quads = export_bytes(reader, "trig", selection, redactor)
        (work / "data.trig").write_bytes(trig)
        shutil.copyfile(ONTOLOGY_PATH, work / "ontology.ttl")
        shutil.copyfile(SHAPES_PATH, work / "shapes.ttl")
        shutil.copyfile(CONTEXT_PATH, work / "context.jsonld")
        (work / "ontology.html").write_text(ontology_html(ONTOLOGY_PATH), encoding="utf-8")
        (work / "validation.txt").write_text(_report(reader, selection, quads), encoding="utf-8")
        (work / "validation.ttl").write_bytes(_shacl_report(reader))
        tables = write_tables(reader, work / "tables", include_rejected=include_rejected,
                              redactor=redactor)  # fmt: skip
        files = dict(FILES)
        files.update({f"tables/{t.name}": _table_role(t.name) for t in tables})
        if old is not None and since is not None:
            files.update(write_changes(work, old, f"the release in {since.name}"))
        files["SHA256SUMS"] = "SHA-256 checksums of every file (sha256sum -c SHA256SUMS)"
        from .describe import describe

        (work / "void.ttl").write_text(describe(reader, title=TITLE, files=files),
                                       encoding="utf-8")  # fmt: skip
        (work / "README.md").write_text(partner_readme(reader, files), encoding="utf-8")
        write_checksums(work)
        (work / MARKER).write_text("a dakg release: replaced by the next dakg release\n")
        umask = os.umask(0)
        os.umask(umask)
        work.chmod(0o777 & ~umask)  # mkdtemp makes it private; a release is to share
        replace_folder(work, folder)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    written = [folder]
    if zip_:
        written.append(deterministic_zip(folder, folder.with_name(folder.name + ".zip")))
    return written


def _table_role(name: str) -> str:
    if name == "dictionary.csv":
        return "what every column of the CSV tables means"
    return f"the {name.removesuffix('.csv')} as a CSV table, each row with its source"


def _report(reader: Reader, selection: Selection, quads: int) -> str:
    """The validation report: the data of this release checked against the shapes (the
    export refuses data that does not conform, so a written release always conforms)."""
    from importlib.metadata import version

    checked = len(select_quads(reader, selection))
    return (
        "SHACL validation report\n"
        f"Shapes: shapes.ttl (the ontology's SHACL shapes)\n"
        f"Data: data.trig ({quads} quads in named graphs; {checked} before canonical"
        " de-duplication)\n"
        "Result: conforms (0 violations)\n"
        f"Checked by: pySHACL {version('pyshacl')} for node and property shapes, Oxigraph "
        f"{version('pyoxigraph')} for the SPARQL constraints (quote offsets against the"
        " clean text); a whole-store release of an unchanged store reuses the build's"
        " validation, any other is validated as it is exported.\n"
    )


def _shacl_report(reader: Reader) -> bytes:
    """The report in SHACL's own vocabulary: the release's data conforms (it would not have
    been written otherwise), against which shapes, for which build."""
    from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, serialize

    from .describe import release_info

    info = release_info(reader)
    sh = "http://www.w3.org/ns/shacl#"
    report = NamedNode(f"{info.dataset}/validation-report")
    triples = [
        Triple(report, NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
               NamedNode(sh + "ValidationReport")),
        Triple(report, NamedNode(sh + "conforms"),
               Literal("true", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))),
        Triple(report, NamedNode("http://purl.org/dc/terms/subject"), NamedNode(info.dataset)),
        Triple(report, NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom"),
               NamedNode(info.build)),
        Triple(report, NamedNode("http://purl.org/dc/terms/references"),
               NamedNode("https://w3id.org/dakg/shapes")),
    ]  # fmt: skip
    out = serialize(sorted(triples, key=str), format=RdfFormat.TURTLE,
                    prefixes={"sh": sh, "dcterms": "http://purl.org/dc/terms/",
                              "prov": "http://www.w3.org/ns/prov#"})  # fmt: skip
    assert out is not None
    return _sorted_prefixes(bytes(out))
