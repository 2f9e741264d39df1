"""A call for an inquiry, a demand or a question about a transfer is no transfer (issue 13)."""

from __future__ import annotations

from pathlib import Path

from dakg.loaders.document import load_document
from dakg.loaders.extract import extract, to_json

ASKED = (
    "The Norwegian Helsinki Committee urged Norway to open an inquiry into the extradition of "
    "Rustam Kadyrov to Tajikistan. Deputies asked whether the deportation of Leyla Mammadova to "
    "Azerbaijan had been lawful. Activists demanded an investigation into the return of Oleg "
    "Sorokin to Russia.\n"
)
STATED = "In May 2019 Norway extradited Mr. Rustam Kadyrov to Tajikistan.\n"


def events(tmp_path: Path, text: str) -> dict[str, list[object]]:
    path = tmp_path / "text.txt"
    path.write_text(text, encoding="utf-8")
    found = to_json(extract(load_document(path)))
    return {k: found[k] for k in ("transfers", "proposed_transfers")}


def test_an_inquiry_a_question_or_a_demand_is_no_transfer(tmp_path: Path) -> None:
    assert events(tmp_path, ASKED) == {"transfers": [], "proposed_transfers": []}


def test_the_transfer_itself_is_still_found(tmp_path: Path) -> None:
    [transfer] = events(tmp_path, STATED)["transfers"]
    assert isinstance(transfer, dict) and transfer["person"] == "Rustam Kadyrov"
