"""Shared fixtures: the bundled corpus, its loaded documents and one built store."""

from __future__ import annotations

from pathlib import Path

import pytest

from dakg.graph.build import build, load_corpus
from dakg.loaders.corpus import bundled_corpus
from dakg.loaders.model import Document

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def corpus() -> Path:
    return bundled_corpus()


@pytest.fixture(scope="session")
def documents(corpus: Path) -> dict[str, Document]:
    """The bundled documents, loaded once, by file stem."""
    return {doc.stem: doc for doc in load_corpus(corpus).documents}


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory, corpus: Path) -> Path:
    """A data directory holding a store built from the bundled corpus (read it, don't change it)."""
    root = tmp_path_factory.mktemp("data")
    build(corpus, root)
    return root


def doc_named(documents: dict[str, Document], prefix: str) -> Document:
    """The one document whose stem starts with ``prefix``."""
    [doc] = [d for stem, d in documents.items() if stem.startswith(prefix)]
    return doc


@pytest.fixture(scope="session")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory built from the hostile corpus: XSS payloads in a document's text,
    titles, publishers and a case file (tests/hostile_corpus.py)."""
    from .hostile_corpus import write_hostile_corpus
    from .xss import payloads

    root = tmp_path_factory.mktemp("hostile")
    write_hostile_corpus(root / "corpus", payloads())
    build(root / "corpus", root / "data")
    return root / "data"
