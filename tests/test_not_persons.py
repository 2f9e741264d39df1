"""Courts, agencies and places are never persons, whatever the recogniser says (issue 13).

The names below are invented: they are in no gazetteer and no document of the repository, so
only the sentence's construction can tell what they are."""

from __future__ import annotations

from pathlib import Path

import pytest

from dakg.loaders.document import load_document
from dakg.loaders.extract import extract, to_json

TEXT = (
    "Lawyers said the Audiencia Provincial de Teruel approved the extradition of Karim Belhadj "
    "in June 2011. Karim Belhadj was handed over to Morocco and held in Oukacha for two weeks. "
    "His brother Samir Belhadj said that the Kerrouchen Tribunal never examined the risk. Mr. "
    "Belhadj said his detention at Tazmamart lasted a year, and that the Bouzarfa centre "
    "refused visits.\n"
)


@pytest.fixture(scope="module")
def persons(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    path = Path(tmp_path_factory.mktemp("names")) / "report.txt"
    path.write_text(TEXT, encoding="utf-8")
    return list(to_json(extract(load_document(path)))["persons"])


@pytest.mark.parametrize(
    "name", ["Audiencia Provincial", "Oukacha", "Kerrouchen", "Tazmamart", "Bouzarfa"]
)
def test_a_court_or_a_place_is_no_person(persons: list[str], name: str) -> None:
    assert not any(name in person for person in persons), persons


def test_the_people_are_still_persons(persons: list[str]) -> None:
    assert {"Karim Belhadj", "Samir Belhadj"} <= set(persons)
