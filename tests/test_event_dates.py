"""A date belongs to the event it modifies, not to whatever date stands in the sentence."""

from __future__ import annotations

from pathlib import Path

from dakg.loaders.document import load_document
from dakg.loaders.extract import extract, to_json

TEXT = (
    "Spain extradited Farid Nasimov to Morocco in March 2012. On 12 May 2013 a consular "
    "officer visited Farid Nasimov in Zaki prison, where he had been detained since his "
    "arrival. In June 2014 he was sentenced to ten years in Rabat.\n"
)


def test_a_detention_is_not_dated_by_a_later_visit(tmp_path: Path) -> None:
    path = tmp_path / "visit.txt"
    path.write_text(TEXT, encoding="utf-8")
    found = to_json(extract(load_document(path)))
    detentions = [o for o in found["outcomes"] if o["what"] == "detention"]
    assert detentions and all(o["date"] != "2013-05-12" for o in detentions)
    convictions = [o for o in found["outcomes"] if o["what"] == "conviction"]
    assert [o["date"] for o in convictions] == ["2014-06"]
