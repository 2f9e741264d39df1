"""A group's members are the people the document names as its members: never the document's
own staff or spokespeople, and an inference goes when the facts it rests on are rejected."""

from __future__ import annotations

from pathlib import Path

from dakg.graph.build import build
from dakg.graph.reader import open_reader
from dakg.loaders.document import load_document
from dakg.loaders.extract import extract, to_json

from .test_cases import corpus_copy

RELEASE = "hrw-2007-03-28-russia-guantanamo.txt"
MEMBERS = """
PREFIX dakg: <https://w3id.org/dakg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?name WHERE {
  ?group a dakg:Group ; rdfs:label "seven Russians" ; dakg:hasMember ?m . ?m rdfs:label ?name
}
"""


def test_a_quoted_staff_member_is_never_a_member(corpus: Path) -> None:
    found = to_json(extract(load_document(corpus / RELEASE)))
    [group] = [g for g in found["groups"] if g["name"] == "seven Russians"]
    members = group["members"] + group["inferred_members"]
    assert {"Ravil Gumarov", "Airat Vakhitov"} <= set(members)  # "former detainee Airat ..."
    assert "Carroll Bogert" not in members  # HRW's associate director, quoted
    assert not any(o["person"] == "Carroll Bogert" for o in found["outcomes"])


def test_rejecting_the_facts_an_inference_rests_on_removes_the_member(
    corpus: Path, tmp_path: Path
) -> None:
    found = to_json(extract(load_document(corpus / RELEASE)))
    keys = [o["key"] for o in found["outcomes"] if o["person"] == "Rasul Kudaev"]
    assert keys
    reviews = "".join(f"  - fact: {k}\n    status: rejected\n" for k in keys)
    case = "case: test-reject\ntitle: t\nreviewer: r\ndate: 2026-12-03\nreviews:\n" + reviews
    copy = corpus_copy(corpus, tmp_path, {"test-reject": case})
    build(copy, tmp_path / "data")
    names = {r["name"].value for r in open_reader(tmp_path / "data").select(MEMBERS)}  # type: ignore[union-attr]
    assert "Ravil Gumarov" in names and "Rasul Kudaev" not in names
