"""Extraction on the bundled corpus: the actors, transfers, assurances, harms, decisions and
advocacy the documents state, each with the passage it came from (issue 4)."""

from __future__ import annotations

from typing import Any

import pytest

from dakg.loaders.extract import extract, to_json
from dakg.loaders.model import Document

from .conftest import doc_named


@pytest.fixture(scope="module")
def found(documents: dict[str, Document]) -> dict[str, dict[str, Any]]:
    """``dakg extract --json`` of every bundled document, by file stem."""
    return {stem: to_json(extract(doc)) for stem, doc in documents.items()}


def items(found: dict[str, dict[str, Any]], prefix: str, category: str) -> list[dict[str, Any]]:
    [stem] = [s for s in found if s.startswith(prefix)]
    return list(found[stem][category])


def one(rows: list[dict[str, Any]], **fields: object) -> dict[str, Any]:
    """The single row whose fields have these values."""
    matches = [r for r in rows if all(r.get(k) == v for k, v in fields.items())]
    assert len(matches) == 1, f"{fields} matched {len(matches)} of {rows}"
    return matches[0]


def quotes(row: dict[str, Any]) -> str:
    return " | ".join(e["quote"] for e in row["evidence"])


@pytest.mark.parametrize(
    "person",
    [
        "Maher Arar",
        "Bekhzod Yusupov",
        "Ruhiddin Fakhruddinov",
        "Rasul Kudaev",
        "Ravil Gumarov",
        "Timur Ishmuratov",
        "Airat Vakhitov",
        "Carroll Bogert",
        "Holly Cartner",
        "Lucas Guttentag",
    ],
)
def test_persons(found: dict[str, dict[str, Any]], person: str) -> None:
    assert any(person in doc["persons"] for doc in found.values())


def test_mr_yusupov_and_kudaev_resolve_to_full_names(found: dict[str, dict[str, Any]]) -> None:
    assert "Yusupov" not in items(found, "hrw-2006", "persons")
    assert "Kudaev" not in items(found, "hrw-2007", "persons")


def test_arar_us_to_syria_inferred_through_jfk(found: dict[str, dict[str, Any]]) -> None:
    row = one(items(found, "ccr-", "transfers"), person="Maher Arar")
    assert (row["from"], row["to"], row["kind"]) == ("United States", "Syria", "rendition")
    assert any("JFK airport" in note for note in row["notes"])
    assert "Maher Arar was rendered to Syria in secret, through JFK airport" in quotes(row)


def test_fakhruddinov_kazakhstan_to_uzbekistan(found: dict[str, dict[str, Any]]) -> None:
    row = one(items(found, "hrw-2006", "transfers"), person="Ruhiddin Fakhruddinov")
    assert (row["from"], row["to"], row["date"]) == ("Kazakhstan", "Uzbekistan", "2005-11")
    assert "returned him from Kazakhstan to Uzbekistan in November 2005" in quotes(row)


def test_the_seven_russians_us_to_russia(found: dict[str, dict[str, Any]]) -> None:
    row = one(items(found, "hrw-2007", "transfers"), person="seven Russians")
    assert (row["from"], row["to"], row["date"]) == ("United States", "Russia", "2004-03")
    assert "after being returned to Russia in March 2004" in quotes(row)


def test_the_seven_russians_are_a_group_with_named_members(
    found: dict[str, dict[str, Any]],
) -> None:
    [group] = [g for g in items(found, "hrw-2007", "groups") if g["name"] == "seven Russians"]
    members = set(group["members"]) | set(group["inferred_members"])
    assert {"Rasul Kudaev", "Ravil Gumarov", "Timur Ishmuratov"} <= members


def test_yusupov_removal_is_proposed_not_a_transfer(found: dict[str, dict[str, Any]]) -> None:
    assert not [
        t for t in items(found, "hrw-2006", "transfers") if t["person"] == "Bekhzod Yusupov"
    ]
    row = one(items(found, "hrw-2006", "proposed_transfers"), person="Bekhzod Yusupov")
    assert (row["to"], row["status"]) == ("Uzbekistan", "proposed")
    assert "in order to remove an Uzbeki national, Bekhzod Yusupov" in quotes(row)


def test_assurances_from_syria_about_arar(found: dict[str, dict[str, Any]]) -> None:
    row = one(items(found, "ccr-", "assurances"), given_by="Syria")
    assert row["about"] == "Maher Arar"
    assert "with assurances from Syria" in quotes(row)


def test_assurances_sought_from_uzbekistan_about_yusupov(found: dict[str, dict[str, Any]]) -> None:
    rows = [a for a in items(found, "hrw-2006", "assurances") if a["about"] == "Bekhzod Yusupov"]
    row = one(rows, given_by="Uzbekistan", kind="sought")
    assert row["sought_by"] == "United States"
    assert "ICE is pursuing assurances from the government of Uzbekistan" in quotes(row)


def test_russian_assurances_reported_by_the_us_government(found: dict[str, dict[str, Any]]) -> None:
    row = one(items(found, "hrw-2007", "assurances"), attributed_to="United States")
    assert (row["given_by"], row["sought_by"], row["about"]) == (
        "Russia",
        "United States",
        "seven Russians",
    )
    assert (
        row["content"]
        == "to prosecute the detainees on terrorism charges and to treat them humanely"
    )
    assert quotes(row).startswith("The US government says that Russian authorities promised")


def test_arar_tortured_in_syria(found: dict[str, dict[str, Any]]) -> None:
    row = one(items(found, "ccr-", "outcomes"), person="Maher Arar", what="torture")
    assert row["where"] == "Syria"
    assert "brutally tortured as a result" in quotes(row)


@pytest.mark.parametrize("person", ["Ravil Gumarov", "Timur Ishmuratov"])
def test_beating_and_conviction_in_russia(found: dict[str, dict[str, Any]], person: str) -> None:
    outcomes = items(found, "hrw-2007", "outcomes")
    beaten = one(outcomes, person=person, what="ill-treatment")
    assert beaten["where"] == "Russia"
    assert "They were beaten in custody until they confessed" in quotes(beaten)
    convicted = one(outcomes, person=person, what="conviction")
    assert (convicted["where"], convicted["date"]) == ("Russia", "2006-05")
    assert "won a conviction in May 2006" in quotes(convicted)


def test_no_harm_from_a_negated_sentence(found: dict[str, dict[str, Any]]) -> None:
    for row in items(found, "hrw-2007", "outcomes"):
        if "during which they were not abused" in quotes(row):
            assert row["what"] != "ill-treatment", row


def test_cat_article_3_is_an_article(found: dict[str, dict[str, Any]]) -> None:
    assert "Convention against Torture art. 3" in items(found, "hrw-2005", "articles")
    assert "Convention against Torture art. 3" in items(found, "iom-", "articles")
    assert "1951 Refugee Convention art. 33 (2)" in items(found, "iom-", "articles")


def test_decisions(found: dict[str, dict[str, Any]]) -> None:
    bia = one(items(found, "hrw-2006", "decisions"), body="Board of Immigration Appeals")
    assert (bia["about"], bia["date"]) == ("Bekhzod Yusupov", "2005-08")
    assert "was legally entitled to deferral of removal" in bia["finding"]
    ice = one(
        items(found, "hrw-2006", "decisions"), body="U.S. Immigration and Customs Enforcement"
    )
    assert "Decision to Continue Detention" in quotes(ice)
    jury = one(items(found, "hrw-2007", "decisions"), body="jury")
    assert jury["date"] == "2005-09" and "were acquitted by the jury" in quotes(jury)
    court = one(items(found, "ccr-", "decisions"), about="Maher Arar")
    assert "The court dismissed our suit" in quotes(court)


def test_advocacy(found: dict[str, dict[str, Any]]) -> None:
    letter = one(items(found, "hrw-2006", "advocacy"), kind="letter")
    assert (letter["signatory"], letter["signatory2"]) == ("Holly Cartner", "Lucas Guttentag")
    assert {letter["author"], letter["author2"]} == {
        "Human Rights Watch",
        "American Civil Liberties Union",
    }
    addressees = {v for k, v in letter.items() if k.startswith("addressee")}
    assert {
        "Condoleeza Rice",
        "Michael Chertoff",
        "James P. DeHart",
        "Igor Timofeyev",
    } <= addressees
    brief = one(items(found, "ccr-", "advocacy"), kind="amicus brief")
    assert brief["addressee"] == "U.S. Court of Appeals for the Fourth Circuit"
    call = one(items(found, "hrw-2005", "advocacy"), kind="call for action")
    assert call["author"] == "Human Rights Watch"
    report = one(items(found, "hrw-2007", "advocacy"), kind="new report")
    assert report["title"].startswith("The ‘Stamp of Guantanamo:’")


def test_signatories_titles_are_role_facts(found: dict[str, dict[str, Any]]) -> None:
    role = one(items(found, "hrw-2006", "roles"), person="Holly Cartner")
    assert (role["title"], role["organisation"]) == (
        "Executive Director, Europe and Central Asia",
        "Human Rights Watch",
    )
    bogert = one(items(found, "hrw-2007", "roles"), person="Carroll Bogert")
    assert (bogert["title"], bogert["organisation"]) == ("associate director", "Human Rights Watch")


def test_every_evidence_quote_is_verbatim(
    found: dict[str, dict[str, Any]], documents: dict[str, Document]
) -> None:
    for stem, doc in found.items():
        clean = documents[stem].clean
        for category in ("transfers", "proposed_transfers", "assurances", "outcomes", "decisions"):
            for row in doc[category]:
                assert row["evidence"], row
                for evidence in row["evidence"]:
                    assert clean[evidence["start"] : evidence["end"]] == evidence["quote"]


def test_no_fact_from_site_furniture(found: dict[str, dict[str, Any]]) -> None:
    for doc in found.values():
        assert "Izium" not in str(doc) and "Qatar" not in doc["states"]


def test_fact_keys_are_stable(documents: dict[str, Document]) -> None:
    doc = doc_named(documents, "ccr-")
    first = [r["key"] for r in to_json(extract(doc))["transfers"]]
    second = [r["key"] for r in to_json(extract(doc))["transfers"]]
    assert first == second and first[0].startswith("transfer-")
