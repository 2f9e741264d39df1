"""Beware the union: the same label stands in every document graph that names a thing. Built
twice under two names, a document leaves the entity rows as they were; a query listing facts
gains exactly one row per duplicated fact (never a factor), and one listing events (one row
per happening, graph/events) keeps its rows, each citing both copies."""

from __future__ import annotations

import shutil

import pytest

from dakg.graph.build import build
from dakg.graph.case_index import list_cases
from dakg.graph.info import store_info
from dakg.graph.obligations import transfer_obligations
from dakg.graph.reader import Reader, open_reader
from dakg.queries.library import library, run

from .conftest import ROOT

NAME = "hrw-2007-03-28-russia-guantanamo.txt"
DOC = "https://w3id.org/dakg/id/document/hrw-2007-03-28-russia-guantanamo"
COPY = "https://w3id.org/dakg/id/document/copy-of-hrw-2007-03-28-russia-guantanamo"


@pytest.fixture(scope="module")
def once_and_twice(tmp_path_factory: pytest.TempPathFactory) -> tuple[Reader, Reader]:
    readers = []
    for copies in (1, 2):
        corpus = tmp_path_factory.mktemp(f"corpus{copies}")
        shutil.copy(ROOT / "corpus" / NAME, corpus / NAME)
        if copies == 2:
            shutil.copy(ROOT / "corpus" / NAME, corpus / ("copy-of-" + NAME))
        root = tmp_path_factory.mktemp(f"data{copies}")
        build(corpus, root)
        readers.append(open_reader(root))
    return readers[0], readers[1]


def test_entities_do_not_multiply(once_and_twice: tuple[Reader, Reader]) -> None:
    once, twice = (store_info(r) for r in once_and_twice)
    for key in ("people", "groups", "cases"):
        assert twice["summary"][key] >= once["summary"][key] > 0 or key == "cases"
    assert twice["summary"]["people"] == once["summary"]["people"]
    assert twice["reference"] == once["reference"] | {
        "obligations": twice["reference"]["obligations"]
    }


def test_fact_rows_grow_by_one_per_duplicated_fact(once_and_twice: tuple[Reader, Reader]) -> None:
    once, twice = once_and_twice
    checked = events = 0
    for query in library():
        if not query.provenance or any(not p.optional for p in query.params):
            continue
        first = run(once, query).rows
        second = run(twice, query).rows
        from_document = [
            r for r in first if r["document"] is not None and DOC in r["document"].value
        ]
        if query.happenings:
            # the copy reports the same events: no new row, and each row cites both copies
            assert len(second) == len(first), query.name
            cited = [r for r in second if r["document"] is not None and DOC in r["document"].value]
            assert all(COPY in r["document"].value for r in cited), query.name  # type: ignore[union-attr]
            events += bool(cited)
        else:
            assert len(second) == len(first) + len(from_document), query.name
            checked += bool(from_document)
    assert checked >= 2 and events >= 5


def test_obligations_count_each_duplicated_transfer_once(
    once_and_twice: tuple[Reader, Reader],
) -> None:
    once, twice = once_and_twice
    assert len(transfer_obligations(twice)) == len(transfer_obligations(once)) > 0


def test_case_people_are_listed_once(once_and_twice: tuple[Reader, Reader]) -> None:
    for reader in once_and_twice:
        for case in list_cases(reader):
            assert len(case.concerns) == len(set(case.concerns))
