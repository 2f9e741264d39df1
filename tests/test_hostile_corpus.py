"""The hostile corpus builds, and its payloads reach the store where views will read them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dakg.graph.iris import slugify
from dakg.graph.reader import Reader, open_reader

from .hostile_corpus import case_payloads, quoted_sentence, split_payloads
from .xss import MARKER, payloads

PREFIXES = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX dakg: <https://w3id.org/dakg/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>
"""


@pytest.fixture(scope="module")
def reader(hostile: Path) -> Reader:
    """The hostile corpus, built once for the session (conftest.py)."""
    return open_reader(hostile, None)


def values(reader: Reader, where: str) -> list[str]:
    """The values of ``?v`` in the rows of ``SELECT ?v WHERE { where }``."""
    rows = reader.select(f"{PREFIXES} SELECT ?v WHERE {{ {where} }}")
    return [term.value for row in rows if (term := row["v"]) is not None]


def test_the_payload_list_is_long_and_marked() -> None:
    found = payloads()
    assert len(found) >= 60
    assert len(set(found)) == len(found)
    assert all(p == p.strip() and "\n" not in p for p in found)
    assert "DAKG\u2028\";alert('DAKG-XSS');//" in found  # U+2028 did not split the line
    assert sum(MARKER in p for p in found) > len(found) * 3 // 4


def test_publishers_take_no_semicolon_and_never_share_a_slug() -> None:
    publishers, titles = split_payloads(payloads())
    assert sorted(publishers + titles) == sorted(payloads())
    assert not any(";" in p for p in publishers)
    assert len({slugify(p) for p in publishers}) == len(publishers)


def test_every_payload_is_a_document_title_or_publisher(reader: Reader) -> None:
    # The store also describes documents it cites (reference data): keep the corpus's own.
    ours = 'FILTER(STRSTARTS(STR(?d), "https://w3id.org/dakg/id/document/hostile-"))'
    titles = values(reader, f"?d a dakg:Document ; dcterms:title ?v {ours}")
    publishers = values(reader, f"?d a dakg:Document ; dcterms:publisher/rdfs:label ?v {ours}")
    assert set(payloads()) == set(titles) | set(publishers)
    expected_publishers, expected_titles = split_payloads(payloads())
    assert set(expected_titles) <= set(titles)
    assert set(expected_publishers) <= set(publishers)


def test_persons_are_named_by_payloads(reader: Reader) -> None:
    labels = values(reader, "?p a dakg:Person ; rdfs:label ?v")
    title, first, second, _, _, reviewer, _, _ = case_payloads(payloads())
    assert {first, second, reviewer} <= set(labels)


def test_the_case_title_notes_and_citations_are_payloads(reader: Reader) -> None:
    title, _, _, cited, publisher, finding, note, other_note = case_payloads(payloads())
    assert values(reader, "?c a dakg:Case ; rdfs:label ?v").count(title) == 1
    comments = set(values(reader, "?f rdfs:comment ?v"))
    assert {note, other_note, cited} <= comments
    assert cited in values(reader, "?c dcterms:title ?v")
    assert publisher in values(reader, "?b a dakg:Body ; rdfs:label ?v")
    assert finding in values(reader, "?s ?p ?v FILTER(isLiteral(?v))")


def test_evidence_quotes_carry_payloads(reader: Reader) -> None:
    quotes = values(reader, "?selector oa:exact ?v")
    assert quoted_sentence(payloads()[0]) in quotes
    carried = [p for p in payloads() if any(p in quote for quote in quotes)]
    assert len(carried) > len(payloads()) * 3 // 4


def test_a_document_source_is_a_javascript_url(reader: Reader) -> None:
    sources = values(reader, "?d a dakg:Document ; dcterms:source ?v")
    assert sources == [f"javascript:alert({json.dumps(MARKER)[1:-1]!r})"]
