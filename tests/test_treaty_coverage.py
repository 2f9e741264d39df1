"""The ECHR for the Council of Europe members whose in-force date was read on the Council's own
pages (issue 12, first part): each is bound by the Convention on 2020-01-01, through the
canned treaty-status query and through a transfer an analyst adds in a case file."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from dakg.graph.reader import open_reader
from dakg.queries.library import load, run

from .conftest import build_with_transfer

TABLE = Path(__file__).resolve().parent.parent / "graph" / "data" / "treaty_actions.csv"


TABLES = TABLE.with_name("treaty_tables.csv")
# Members whose dates no source read gave (README-treaties.md): Cyprus, and Greece since its
# re-ratification of 1974. They must answer "no data", never "not a party".
GAPS = {"CYP", "GRC"}


def echr_gaps() -> set[str]:
    with TABLES.open(encoding="utf-8", newline="") as handle:
        [row] = [r for r in csv.DictReader(handle) if r["table"] == "coe-echr"]
    return set(row["except"].split())


def echr_members() -> list[str]:
    """The 46 members of the Council of Europe: every state with an ECHR ratification or
    succession, and those the table leaves out; Russia is no longer one."""
    with TABLE.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["instrument"] == "echr"]
    acts = {r["state"] for r in rows if r["action"] in {"ratification", "succession"}}
    return sorted((acts | echr_gaps()) - {"RUS"})


def echr_status(data: Path, state: str, on: str) -> str:
    given = {"state": state, "on": on, "instrument": "instrument:echr"}
    result = run(open_reader(data), load("treaty-status"), given)
    [row] = result.rows
    assert row["status"] is not None
    return row["status"].value


def test_the_table_covers_most_members_with_their_official_page() -> None:
    members = echr_members()
    assert len(members) == 46 and {"DEU", "FRA", "NLD", "POL", "UKR"} <= set(members)
    with TABLE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    added = [r for r in rows if r["instrument"] == "echr" and "Impact of" in r["source_title"]]
    assert added and all("coe.int/" in r["source_url"] and r["verified"] == "yes" for r in added)


def test_the_council_has_46_members_and_only_two_gaps() -> None:
    assert len(echr_members()) == 46
    assert echr_gaps() - {"MNE"} == GAPS  # Montenegro: bound from 2006, sources conflict before


@pytest.mark.parametrize("state", echr_members())
def test_every_member_is_bound_on_2020_01_01_or_says_no_data(built: Path, state: str) -> None:
    expected = "no data" if state in GAPS else "bound"
    assert echr_status(built, state, "2020-01-01") == expected


def test_russia_is_bound_until_it_ceased_to_be_a_party(built: Path) -> None:
    assert echr_status(built, "RUS", "2022-09-15") == "bound"
    assert echr_status(built, "RUS", "2022-09-16") == "not a party"


def test_germany_is_bound_by_article_3_for_a_transfer_a_case_file_adds(
    corpus: Path, tmp_path: Path
) -> None:
    from dakg.graph.obligations import derive

    data = build_with_transfer(corpus, tmp_path, "Germany", "Tunisia", "deportation", "2010-05-01")
    found = [t for t in derive(open_reader(data))
             if (t.sending_iri or "").endswith("/DEU")]  # fmt: skip
    assert found
    echr = [b for b in found[0].sending_bound if b.instrument_iri.endswith("/instrument/echr")]
    assert echr and echr[0].status == "bound"
    assert any(p.endswith("/echr/article/3") for p in echr[0].provision_iris)
