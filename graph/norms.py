"""Curated norms (``data/norms.yaml``): what instruments require, each on a verified quote.

Each entry becomes a ``dakg:NormStatement`` about provisions or instruments, with an evidence
node anchoring its quote in a corpus document, or, for a provision the corpus does not quote
(the Refugee Convention's art. 33(1)), a citation of the treaty text. A quote that is not
verbatim stops the build with the file and entry. The documents the norms quote are the
bundled corpus's: a corpus built without them gets them as reference documents (their text
and segments, not their extracted facts), so every corpus has the same norms.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from rdflib import RDF, RDFS, Graph, Literal, URIRef

from dakg.errors import DakgError
from dakg.loaders.model import Document, Evidence, Fact
from dakg.ontology.namespace import DAKG

from . import iris
from .facts import write_citation, write_fact

NORMS = Path(__file__).parent / "data" / "norms.yaml"


@cache
def _entries(path: Path) -> list[dict[str, Any]]:
    """The norms file, read once per build process."""
    import yaml

    return list(yaml.safe_load(path.read_text(encoding="utf-8")))


def reference_documents(present: dict[str, Document]) -> list[Document]:
    """The bundled documents the norms quote that ``present`` lacks, loaded from the package."""
    from dakg.loaders.corpus import bundled_corpus, corpus_files
    from dakg.loaders.document import load_document

    wanted = {e["quote"]["document"] for e in _entries(NORMS) if "quote" in e} - set(present)
    return [
        load_document(path, known)
        for path, known in corpus_files(bundled_corpus())
        if path.stem in wanted
    ]


def add_norms(graph: Graph, documents: dict[str, Document]) -> list[str]:
    """Add the norm statements whose sources are present; return what was left out."""
    from dakg.loaders.gazetteer import gazetteer

    skipped = []
    for entry in _entries(NORMS):
        fact = Fact(
            kind="norm",
            fields={"id": entry["id"]},
            evidence=[],
            rule="curated",
            confidence=1.0,
            key=f"norm-{entry['id']}",
        )
        document = None
        if "citation" in entry:
            node = write_fact(graph, fact, None, {}, status=DAKG.Confirmed)
            write_citation(graph, node, fact.key, entry["citation"])
        else:
            quote = entry["quote"]
            document = documents.get(quote["document"])
            if document is None:
                skipped.append(f"{NORMS}: {entry['id']}: {quote['document']} is not in this corpus")
                continue
            start = document.clean.find(quote["text"])
            if start < 0:
                raise DakgError(
                    f"{NORMS}: {entry['id']}: the quote is not verbatim in {quote['document']}"
                )
            fact.evidence = [Evidence(quote["text"], start, start + len(quote["text"]))]
            node = write_fact(graph, fact, document, {}, status=DAKG.Confirmed)
        graph.add((node, DAKG.normKind, DAKG[entry["kind"]]))
        graph.add((node, DAKG.statementText, Literal(entry["text"])))
        graph.add((node, RDFS.label, Literal(entry["id"])))
        for about in entry["about"]:
            graph.add((node, DAKG.aboutProvision, _provision(graph, about, gazetteer())))
        for factor in entry.get("factors", []):
            graph.add((node, DAKG.namesFactor, DAKG[factor]))
    return skipped


def _provision(graph: Graph, path: str, names: object) -> URIRef:
    """The node of "cat" (an instrument) or "cat/article/3" (one of its articles)."""
    instrument, _, number = path.partition("/article/")
    inst = iris.instance("instrument", instrument)
    graph.add((inst, RDF.type, DAKG.Instrument))
    entry = names.get("instrument", instrument)  # type: ignore[attr-defined]
    graph.add((inst, RDFS.label, Literal(entry.label if entry else instrument)))
    if not number:
        return inst
    node = URIRef(f"{inst}/article/{number}")
    rule = instrument.endswith("rules-of-court")
    written = number.replace("-", " (") + ")" if "-" in number else number  # as extracted
    label = f"{entry.label if entry else instrument} {'rule' if rule else 'art.'} {written}"
    graph.add((node, RDF.type, DAKG.Rule if rule else DAKG.Article))
    graph.add((node, DAKG.ofInstrument, inst))
    graph.add((node, DAKG.provisionNumber, Literal(written)))
    graph.add((node, RDFS.label, Literal(label)))
    return node
