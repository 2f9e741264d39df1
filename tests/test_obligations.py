"""Treaty reference data and what bound each state on the day of a transfer (issue 5)."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from dakg.graph.obligations import Binding, party_on, transfer_obligations
from dakg.graph.reference import DATA

ARAR_2002 = (date(2002, 1, 1), date(2002, 12, 31))


def test_syria_was_not_party_to_cat_in_2002_but_the_united_states_was(built: Path) -> None:
    syria = party_on(built, "SYR", "cat", *ARAR_2002)
    assert (syria.status, syria.since) == ("not bound", "2004-09-18")
    usa = party_on(built, "USA", "cat", *ARAR_2002)
    assert (usa.status, usa.since, usa.verified) == ("bound", "1994-11-20", True)
    assert any("treaties.un.org" in source for source in usa.sources)


def test_a_year_spanning_the_accession_is_uncertain(built: Path) -> None:
    year_2004 = party_on(built, "SYR", "cat", date(2004, 1, 1), date(2004, 12, 31))
    assert year_2004.status == "uncertain"


def test_russia_ceased_to_be_party_to_the_echr(built: Path) -> None:
    assert party_on(built, "RUS", "echr", date(2004, 3, 1), date(2004, 3, 31)).status == "bound"
    later = party_on(built, "RUS", "echr", date(2023, 1, 1), date(2023, 1, 31))
    assert (later.status, later.until) == ("not bound", "2022-09-16")


def test_the_seven_russians_were_sent_to_a_party_to_cat_iccpr_and_echr(built: Path) -> None:
    [row] = [
        r
        for r in transfer_obligations(built)
        if r.person == "seven Russians" and r.status == "Happened"
    ]
    receiving = {b.instrument: b.status for b in row.receiving_bound}
    assert receiving["Convention against Torture"] == "bound"
    assert receiving["International Covenant on Civil and Political Rights"] == "bound"
    assert receiving["European Convention on Human Rights"] == "bound"
    sending = {b.instrument: b.status for b in row.sending_bound}
    assert sending["Convention against Torture"] == "bound"


def test_an_undated_transfer_never_guesses(built: Path) -> None:
    [row] = [r for r in transfer_obligations(built) if r.person == "Maher Arar" and not r.date]
    assert {b.status for b in row.sending_bound} <= {"date unknown", "no action recorded"}


@pytest.mark.parametrize("name", ["treaty_actions.csv", "treaty_statements.csv"])
def test_every_reference_row_cites_a_source_and_says_if_it_is_verified(name: str) -> None:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows
    for row in rows:
        assert row["source_url"].startswith("http") and row["source_title"]
        assert row["verified"] in {"yes", "no"}


def test_binding_without_any_action_is_no_proven_negative() -> None:
    from dakg.graph.obligations import bound_on

    assert bound_on([], date(2000, 1, 1), date(2000, 1, 1), "x") == Binding(
        "x", "no action recorded"
    )
