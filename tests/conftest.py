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


def build_with_transfer(
    corpus: Path, root: Path, sending: str, receiving: str, kind: str, day: str
) -> Path:
    """The bundled corpus plus a case file adding one transfer, built into ``root/data``: a
    data gap then shows whatever the extraction finds."""
    import shutil

    copy = root / "corpus"
    shutil.copytree(corpus, copy)
    (copy / "cases" / "added.yaml").write_text(
        f"case: {sending.lower()}-{receiving.lower()}\n"
        f"title: A transfer from {sending} to {receiving} (test)\n"
        "reviewer: dakg tests\n"
        "date: 2026-12-03\n"
        "facts:\n"
        "  - kind: transfer\n"
        "    person: Test Person\n"
        f"    from: {sending}\n"
        f"    to: {receiving}\n"
        f"    transfer_kind: {kind}\n"
        f"    date: {day}\n"
        "    citation:\n"
        "      title: A test citation\n"
        "      publisher: dakg tests\n"
        "      date: 2026-12-03\n",
        encoding="utf-8",
    )
    build(copy, root / "data")
    return root / "data"


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
