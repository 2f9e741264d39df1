"""A group's event reaches every member the document names elsewhere: in a copula ("The men
are A, B and C", "They are ...", "The five are: ..."), a list or an apposition, with the
counted noun ("three refugees", "the four", "all four") carrying the event. Written against
tests/constructions, whose documents and gold were made by someone who never saw the rules."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from dakg.loaders.document import load_document
from dakg.loaders.extract import extract, to_json

DOCS = Path(__file__).parent / "constructions" / "docs"


@cache
def found(prefix: str) -> dict[str, Any]:
    [path] = DOCS.glob(f"{prefix}_*.txt")
    return to_json(extract(load_document(path)))


def rows(prefix: str, category: str, who: str, key: str = "person") -> list[dict[str, Any]]:
    return [r for r in found(prefix)[category] if r[key] == who]


def test_a_dateline_is_a_sentence_of_its_own_not_part_of_the_group() -> None:
    [path] = DOCS.glob("01_*.txt")
    document = load_document(path)
    texts = [s.text for s in document.sentences]
    at = texts.index("AMSTERDAM, 2 May 2017 -")
    assert texts[at + 1].startswith("Three refugees were deported")
    assert [g["name"] for g in found("01")["groups"]] == ["Three refugees"]


def test_members_named_by_a_copula_get_the_groups_transfer() -> None:
    [group] = found("01")["groups"]
    names = {"Dilshod Rakhimov", "Bekzod Tursunov", "Farrukh Ismoilov"}
    assert set(group["members"]) == names  # not the relatives, not the NGO
    for name in names:
        [move] = rows("01", "transfers", name)
        assert (move["from"], move["to"], move["date"]) == (
            "Netherlands",
            "Uzbekistan",
            "2017-02-14",
        )
        assert move["evidence"][0]["quote"].startswith("Three refugees were deported from")
    assert not rows("01", "transfers", "Three refugees")  # reported through its members


def test_a_pronoun_copula_names_the_four_and_the_first_name_of_the_list_is_a_person() -> None:
    assert "Mehmet Yıldırım" in found("05")["persons"]  # the recogniser missed it; the list did not
    for name in ("Mehmet Yıldırım", "Ayşe Korkmaz", "Hasan Demirci", "Emre Kaplan"):
        [move] = rows("05", "transfers", name)
        assert (move["from"], move["to"], move["kind"]) == ("Bulgaria", "Turkey", "extradition")
        assert "the extradition of four teachers" in move["evidence"][0]["quote"]
        [held] = [o for o in rows("05", "outcomes", name) if o["what"] == "detention"]
        assert held["evidence"][0]["quote"].startswith("Relatives said all four have been held")


def test_a_colon_list_after_the_five_are_names_all_five_for_the_assurance() -> None:
    [group] = found("07")["groups"]
    assert len(group["members"]) == 5
    for name in group["members"]:
        [given] = rows("07", "assurances", name, key="about")
        assert (given["given_by"], given["sought_by"]) == ("China", "Thailand")
        assert "Ministry of Foreign Affairs had assured it" in given["evidence"][0]["quote"]
