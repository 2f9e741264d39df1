"""The commands researchers already use, read through the seam: a case or a person narrows
them, every quote names its document and its place, harm names whom, where and when, and
every output format works."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from dakg.cli import cli


def invoke(built: Path, *args: str, width: int = 80) -> str:
    result = CliRunner().invoke(cli, [*args, "--data-dir", str(built)], terminal_width=width)
    assert result.exit_code == 0, result.output
    return result.output


def test_obligations_of_one_case(built: Path) -> None:
    rows = json.loads(invoke(built, "obligations", "arar", "--format", "json"))
    assert {r["person"] for r in rows} == {"Maher Arar"}
    assert {(r["sending"], r["receiving"]) for r in rows} == {("United States", "Syria")}


def test_obligations_of_one_person_include_their_groups_transfers(built: Path) -> None:
    rows = json.loads(invoke(built, "obligations", "--person", "Ravil Gumarov", "--json"))
    assert rows and all(r["receiving"] == "Russia" for r in rows)
    assert any(r["date"] == "March 2004" for r in rows)


def test_obligations_as_csv(built: Path) -> None:
    text = invoke(built, "obligations", "arar", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {r["person"] for r in rows} == {"Maher Arar"}
    assert any("Convention against Torture" in r["receiving_bound"] for r in rows)


def test_cases_of_one_person(built: Path) -> None:
    rows = json.loads(invoke(built, "cases", "--person", "person:ravil-gumarov", "--json"))
    assert [r["slug"] for r in rows] == ["russian-guantanamo-detainees"]


def test_assess_quotes_name_their_document_and_place(built: Path) -> None:
    output = " ".join(invoke(built, "assess", "yusupov", width=200).split())
    assert "routinely deny that their agents employ torture" in output
    assert (
        "Letter to U.S. Officials Regarding Diplomatic assurances in the Case of Bekhzod Yusupov"
        " — American Civil Liberties Union; Human Rights Watch, 2006-09-06, ¶ 16, sentence 19"
    ) in output


def test_assess_harm_names_whom_where_and_when(built: Path) -> None:
    rows = json.loads(invoke(built, "assess", "russian-guantanamo-detainees", "--json"))
    harm = [h for r in rows for h in r["harm"]]
    assert any(
        h["victim"] in {"Ravil Gumarov", "Timur Ishmuratov"}
        and h["place"] == "Russia"
        and h["factor"] == "conviction"
        and h["date"] != "date not given"
        for h in harm
    ), harm
    assert all(h["document"] and h["source"] for h in harm)


def test_assess_of_one_person(built: Path) -> None:
    rows = json.loads(invoke(built, "assess", "--person", "Bekhzod Yusupov", "--json"))
    assert [(r["given_by"], r["about"]) for r in rows] == [("Uzbekistan", "Bekhzod Yusupov")]


def test_info_as_markdown(built: Path) -> None:
    text = invoke(built, "info", "--format", "markdown")
    assert "| transfers | 6 |" in text


def test_show_prints_what_the_graph_holds_about_a_person(built: Path) -> None:
    output = " ".join(invoke(built, "show", "Maher Arar", width=120).split())
    assert "Syria" in output and "rendered to Syria in secret" in output
    assert "Diplomatic Assurances Against Torture Are Not Enough" in output


def test_show_an_ambiguous_label_lists_the_candidates(built: Path) -> None:
    result = CliRunner().invoke(cli, ["show", "terrorism suspects", "--data-dir", str(built)])
    assert result.exit_code == 1
    assert "ambiguous" in result.output and "group:" in result.output


def test_query_list_shows_every_query() -> None:
    from dakg.queries.library import library

    result = CliRunner().invoke(cli, ["query", "list", "--json"])
    names = {q["name"] for q in json.loads(result.output)}
    assert names == {q.name for q in library()} and len(names) >= 20


def test_query_show_prints_the_header_and_sparql() -> None:
    result = CliRunner().invoke(cli, ["query", "show", "treaty-status"])
    assert result.output.startswith("# title: A state's treaty standing on a date")
    assert "SELECT" in result.output


def test_an_unknown_query_is_one_line() -> None:
    result = CliRunner().invoke(cli, ["query", "show", "no-such-query"])
    assert result.exit_code == 1 and "no query 'no-such-query'" in result.output


def test_a_missing_required_parameter_is_one_line(built: Path) -> None:
    result = CliRunner().invoke(
        cli, ["query", "run", "treaty-status", "-p", "state=SYR", "--data-dir", str(built)]
    )
    assert result.exit_code == 1
    assert "the parameter on is required (-p on=2002-10-08)" in result.output


def test_limit_and_offset_page_the_rows(built: Path) -> None:
    args = ["query", "run", "treaty-status", "-p", "state=SYR", "-p", "on=2002", "--format", "csv"]
    every = invoke(built, *args).splitlines()
    first = invoke(built, *args, "--limit", "2").splitlines()
    second = invoke(built, *args, "--limit", "2", "--offset", "2").splitlines()
    assert first[1:] == every[1:3] and second[1:] == every[3:5]
