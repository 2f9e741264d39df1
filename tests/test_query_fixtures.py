"""Each canned query against its own small fixture, exactly: ``tests/queries/NAME.trig``
holds the data (TriG, so named graphs can be given) and ``NAME.expected.json`` the
parameters, the columns compared and the rows expected, in order (IRIs written as
``kind:slug`` or prefixed names, literals as their text, unbound as null)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dakg.graph.reader import StoreReader, Term
from dakg.queries.library import library, run, short

HERE = Path(__file__).parent / "queries"


def fixture_reader(name: str) -> StoreReader:
    from pyoxigraph import RdfFormat, Store

    store = Store()
    store.load(path=str(HERE / f"{name}.trig"), format=RdfFormat.TRIG)
    return StoreReader(store, f"fixture {name}")


def cell(term: Term | None) -> str | None:
    """A cell as the expected files write it; a GROUP_CONCAT's parts ("; ") sorted, since
    SPARQL leaves their order to the engine."""
    if term is None:
        return None
    if term.is_iri:
        return short(term.value)
    return "; ".join(sorted(term.value.split("; ")))


@pytest.mark.parametrize("name", [q.name for q in library()])
def test_every_canned_query_has_a_fixture(name: str) -> None:
    assert (HERE / f"{name}.trig").exists(), f"tests/queries/{name}.trig is missing"
    assert (HERE / f"{name}.expected.json").exists()


@pytest.mark.parametrize("name", sorted(p.name.split(".")[0] for p in HERE.glob("*.expected.json")))
def test_canned_query_gives_the_expected_rows_on_its_fixture(name: str) -> None:
    expected = json.loads((HERE / f"{name}.expected.json").read_text(encoding="utf-8"))
    [query] = [q for q in library() if q.name == name]
    result = run(
        fixture_reader(name),
        query,
        expected.get("params", {}),
        include_rejected=expected.get("include_rejected", False),
    )
    columns = expected["columns"]
    got = [[cell(row.get(c)) for c in columns] for row in result.rows]
    assert got == expected["rows"]
