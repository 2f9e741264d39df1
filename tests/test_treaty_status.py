"""One answer to "was this state bound": the canned ``treaty-status`` query and
``dakg obligations`` agree, on the fixture's edge cases and on every transfer of the corpus."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dakg.graph.obligations import bound_on, read_reference, transfer_obligations
from dakg.graph.reader import Reader, iri, open_reader
from dakg.queries.library import load, run

from .test_query_fixtures import fixture_reader

ID = "https://w3id.org/dakg/id/"


def status(reader: Reader, state: str, on: str, instrument: str) -> str:
    result = run(
        reader, load("treaty-status"), {"state": state, "on": on, "instrument": instrument}
    )
    [row] = result.rows
    term = row["status"]
    assert term is not None
    return term.value


@pytest.mark.parametrize(
    ("state", "on", "expected"),
    [
        ("AAA", "1999", "not a party"),  # in force from 2000-01-01
        ("AAA", "2000", "bound"),
        ("AAA", "2010", "uncertain"),  # withdrew within the year
        ("AAA", "2000-01-01", "bound"),
        ("AAA", "2010-06-29", "bound"),
        ("AAA", "2010-06-30", "not a party"),  # the withdrawal's day
        ("AAA", "2012", "not a party"),
        ("AAA", "2015-02", "bound"),  # acceded again
        ("BBB", "1994", "uncertain"),  # before a succession with no in-force day
        ("BBB", "1996", "bound"),
        ("AAA", "2030", "bound"),  # bound on the table's date, and no later act recorded
        ("CCC", "2000", "not a party"),
        ("CCC", "2001", "not a party"),  # signed within the year: not a party throughout
        ("CCC", "2005", "signatory, not a party"),  # a signature binds nothing
        ("CCC", "2020-12-31", "signatory, not a party"),
        ("CCC", "2021-01-01", "no data"),  # past the table's date
        ("DDD", "2005", "no data"),  # no table covers DDD for t
    ],
)
def test_treaty_status_on_the_fixture_follows_the_obligations_rule(
    state: str, on: str, expected: str
) -> None:
    reader = fixture_reader("treaty-status")
    assert status(reader, state, on, "instrument:t") == expected
    key = (ID + f"state/{state}", ID + "instrument/t")
    periods = read_reference(reader).standings.get(key, [])
    first, last = _span(on)
    assert bound_on(periods, first, last, "t").status == expected


def _span(on: str) -> tuple[date, date]:
    from dakg.queries.library import date_span

    return date_span("on", on)


def _on(first: date, last: date) -> str:
    """The ISO date at the precision a span covers."""
    if first == last:
        return first.isoformat()
    if first.day == 1 and (last.month, last.day) == (12, 31) and first.month == 1:
        return str(first.year)
    return first.isoformat()[:7]


def test_treaty_status_agrees_with_dakg_obligations_on_every_transfer(built: Path) -> None:
    reader = open_reader(built)
    compared = 0
    for row in transfer_obligations(reader):
        span = reader.select(
            "PREFIX dakg: <https://w3id.org/dakg/ontology#> "
            "SELECT ?s ?e WHERE { ?t dakg:dateStart ?s ; dakg:dateEnd ?e }",
            {"t": iri(row.transfer)},
        )
        if not span:
            continue  # undated: obligations says "date unknown", the query needs a date
        first = date.fromisoformat(span[0]["s"].value)  # type: ignore[union-attr]
        last = date.fromisoformat(span[0]["e"].value)  # type: ignore[union-attr]
        for state, bindings in ((row.sending_iri, row.sending_bound),
                                (row.receiving_iri, row.receiving_bound)):  # fmt: skip
            assert state is not None
            result = run(reader, load("treaty-status"), {"state": state, "on": _on(first, last)})
            by_instrument = {r["instrument"].value: r["status"].value for r in result.rows}  # type: ignore[union-attr]
            for binding in bindings:
                assert by_instrument[binding.instrument_iri] == binding.status, (
                    row.person,
                    state,
                    binding.instrument,
                )
                compared += 1
    assert compared >= 40


def test_treaty_status_agrees_on_states_with_successions_and_withdrawals(built: Path) -> None:
    reader = open_reader(built)
    reference = read_reference(reader)
    tricky = sorted(
        {
            r["state"].value  # type: ignore[union-attr]
            for r in reader.select(
                "PREFIX dakg: <https://w3id.org/dakg/ontology#> SELECT DISTINCT ?state WHERE {"
                " ?a dakg:actingState ?state . { ?a a dakg:Succession } UNION"
                " { ?a a dakg:Withdrawal } }"
            )
        }
    )
    assert len(tricky) >= 10
    for on in ("1992", "2002-10-08", "2016", "2022-09", "2030"):
        first, last = _span(on)
        for state in tricky:
            for r in run(reader, load("treaty-status"), {"state": state, "on": on}).rows:
                instrument = r["instrument"].value  # type: ignore[union-attr]
                periods = reference.standings.get((state, instrument), [])
                expected = bound_on(periods, first, last, instrument).status
                assert r["status"].value == expected, (state, instrument, on)  # type: ignore[union-attr]


def test_syria_was_not_party_to_cat_when_arar_was_sent_there(built: Path) -> None:
    reader = open_reader(built)
    assert status(reader, "SYR", "2002-10-08", "instrument:cat") == "not a party"
    assert status(reader, "USA", "2002-10-08", "instrument:cat") == "bound"
