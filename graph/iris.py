"""Mint the IRIs of dakg: readable, deterministic, one thing one IRI.

Instances live under ``https://w3id.org/dakg/id/{kind}/{slug}``, named graphs under
``https://w3id.org/dakg/graph/...``. The same input always yields the same IRI.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef

ID = "https://w3id.org/dakg/id/"
GRAPH = "https://w3id.org/dakg/graph/"
ONTOLOGY_GRAPH = URIRef(GRAPH + "ontology")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """ASCII, lowercase, hyphen-separated: "Human Rights Watch" -> "human-rights-watch". A
    name with no letter or digit ("!!!", "---") gets a stable slug from its hash instead."""
    from anyascii import anyascii  # "Yıldız" -> "Yildiz", where NFKD keeps the dotless i

    ascii_text = unicodedata.normalize("NFKD", anyascii(text)).encode("ascii", "ignore").decode()
    slug = _NOT_SLUG.sub("-", ascii_text.casefold()).strip("-")
    if not slug:
        return "x-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    return slug


def instance(kind: str, slug: str) -> URIRef:
    """The IRI of an instance of ``kind`` (person, state, document, ...)."""
    return URIRef(f"{ID}{kind}/{slug}")


def document(stem: str) -> URIRef:
    return instance("document", slugify(stem))


def segment(stem: str, kind: str, number: int) -> URIRef:
    """A section, paragraph, sentence or footnote marker of a document, numbered from 1."""
    return URIRef(f"{document(stem)}/{kind}/{number}")


def organisation(name: str) -> URIRef:
    return instance("organisation", slugify(name))


def document_graph(stem: str) -> URIRef:
    """The named graph that holds one document's description, segments and facts."""
    return URIRef(f"{GRAPH}document/{slugify(stem)}")
