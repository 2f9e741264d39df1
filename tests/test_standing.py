"""graph/standing.py: a state's time line towards a treaty, and the standing over a span."""

from __future__ import annotations

from datetime import date

from dakg.graph.standing import Act, Table, standing_over, time_line

D = date.fromisoformat
TABLE = Table("table:t", "t", frozenset({"AAA"}), D("2020-12-31"), True)


def line(acts: list[Act], table: Table | None = TABLE) -> list[tuple[str, str | None, str | None]]:
    return [
        (s.status, str(s.start) if s.start else None, str(s.end) if s.end else None)
        for s in time_line(acts, table)
    ]


def test_ratification_withdrawal_and_accession_again() -> None:
    acts = [
        Act("a1", "start", D("2000-01-01"), True),
        Act("a2", "end", D("2010-06-30"), True),
        Act("a3", "start", D("2015-01-01"), False),
    ]
    assert line(acts) == [
        ("not a party", None, "2000-01-01"),
        ("bound", "2000-01-01", "2010-06-30"),
        ("not a party", "2010-06-30", "2015-01-01"),
        ("bound", "2015-01-01", None),  # bound on the table's date: stays bound
    ]
    assert time_line(acts, TABLE)[-1].verified is False


def test_a_signature_makes_a_signatory_until_the_tables_date() -> None:
    assert line([Act("s", "signature", D("2001-03-01"), True)]) == [
        ("not a party", None, "2001-03-01"),
        ("signatory, not a party", "2001-03-01", "2021-01-01"),
    ]


def test_a_state_no_table_covers_gets_its_binding_stretches_only() -> None:
    acts = [Act("s", "signature", D("1990-01-01"), True), Act("r", "start", D("1995-01-01"), True)]
    assert line(acts, None) == [("bound", "1995-01-01", None)]
    assert line([Act("s", "signature", D("1990-01-01"), True)], None) == []


def test_before_a_succession_with_no_in_force_day_is_uncertain() -> None:
    assert line([Act("d", "succession", D("1995-05-05"), True)], None) == [
        ("uncertain", None, "1995-05-05"),
        ("bound", "1995-05-05", None),
    ]


def test_standing_over_a_span() -> None:
    standings = time_line(
        [Act("a1", "start", D("2000-01-01"), True), Act("a2", "end", D("2010-06-30"), True)], TABLE
    )
    assert standing_over(standings, D("1999-01-01"), D("1999-12-31"))[0] == "not a party"
    assert standing_over(standings, D("2000-01-01"), D("2000-12-31"))[0] == "bound"
    assert standing_over(standings, D("2010-01-01"), D("2010-12-31"))[0] == "uncertain"
    assert standing_over(standings, D("2020-12-31"), D("2020-12-31"))[0] == "not a party"
    assert standing_over(standings, D("2021-01-01"), D("2021-01-01"))[0] == "no data"
    assert standing_over(standings, D("2020-06-01"), D("2021-06-30"))[0] == "no data"
    assert standing_over([], D("2000-01-01"), D("2000-01-01"))[0] == "no data"
