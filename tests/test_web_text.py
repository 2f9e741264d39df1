"""Web pages: furniture gone, content kept (a letter's closing included), tags as metadata."""

from __future__ import annotations

import pytest

from dakg.loaders.model import Document
from dakg.loaders.web_text import clean_web_text, unglue

from .conftest import doc_named

FURNITURE = [
    "Skip to main content",
    "Skip to cookie privacy notice",
    "Donate Now",
    "Share this via",
    "More Reading",
    "Most Viewed",
    "Get updates",
    "Enter an email address",
    "Privacy Policy",
    "350 Fifth Avenue",
    "666 Broadway",
    "Main: 212-614-6464",
    "tax deductible",
    "Region / Country",
    "Terrorism / Counterterrorism",
    "Russian Police are Torturing Anti-War Activists",  # a "More Reading" item
    "العربية",
    "Get the latest",
]


@pytest.mark.parametrize("phrase", FURNITURE)
def test_no_furniture_left_in_any_clean_text(documents: dict[str, Document], phrase: str) -> None:
    for doc in documents.values():
        assert phrase not in doc.clean, f"{phrase!r} left in {doc.stem}"


def test_a_paragraph_printed_twice_is_kept_once(documents: dict[str, Document]) -> None:
    doc = doc_named(documents, "hrw-2005")
    assert doc.clean.count("Governments in Europe and North America are increasingly") == 1


def test_the_ccr_footer_printed_three_times_is_gone(documents: dict[str, Document]) -> None:
    doc = doc_named(documents, "ccr-")
    assert "Center for Constitutional Rights" not in doc.clean
    assert "Maher Arar was rendered to Syria in secret, through JFK airport" in doc.clean


def test_markdown_links_keep_their_text(documents: dict[str, Document]) -> None:
    doc = doc_named(documents, "ccr-")
    assert "submitted an amicus brief to the Fourth Circuit" in doc.clean
    assert "(#)" not in doc.clean


def test_a_letters_signatories_and_cc_list_are_content(documents: dict[str, Document]) -> None:
    lines = doc_named(documents, "hrw-2006").clean.split("\n\n")
    closing = lines[lines.index("Sincerely,") :]
    assert closing[:5] == [
        "Sincerely,",
        "Holly Cartner",
        "Executive Director",
        "Europe and Central Asia",
        "Human Rights Watch",
    ]
    assert closing[5:9] == [
        "Lucas Guttentag",
        "Director",
        "Immigrants’ Rights Project",
        "American Civil Liberties Union",
    ]
    assert "cc:" in closing
    for name in ["Condoleeza Rice", "James P. DeHart", "Michael Chertoff", "Igor Timofeyev"]:
        assert name in closing
    assert closing[-1] == "Washington, D.C. 20528"


def test_subject_tags_are_metadata_not_text(documents: dict[str, Document]) -> None:
    doc = doc_named(documents, "hrw-2007")
    assert doc.metadata.tags == {
        "Region / Country": ["Europe/Central Asia United States Russia"],
        "Topic": ["Terrorism / Counterterrorism Torture Guantanamo"],
    }
    assert "Topic" not in doc.clean


def test_glued_paragraphs_are_cut_apart(documents: dict[str, Document]) -> None:
    paragraphs = [p.text for p in doc_named(documents, "hrw-2006").paragraphs]
    assert paragraphs[1].endswith("would violate U.S. obligations under CAT.")
    assert paragraphs[2].startswith("In August 2005, the Board of Immigration Appeals (BIA)")


def test_a_footnote_number_does_not_cut_a_paragraph(documents: dict[str, Document]) -> None:
    doc = doc_named(documents, "hrw-2005")
    assert "(the nonrefoulement obligation). No exceptions are allowed" in doc.clean
    [marker] = [
        f for f in doc.footnotes if f.number == 1 and doc.clean[f.offset :].startswith(" No")
    ]
    assert doc.clean[marker.offset - 2 : marker.offset] == ")."


@pytest.mark.parametrize(
    ("line", "pieces"),
    [
        ("Skip to main contentHelp us", ["Skip to main content", "Help us"]),
        ("of abuse.Governments in", ["of abuse.", "Governments in"]),
        ("from them.”The Convention", ["from them.”", "The Convention"]),
        ("May 11, 2005 8:00PM EDTCall for Action", ["May 11, 2005 8:00PM EDT", "Call for Action"]),
        (
            "2201 C Street NWWashington, DC 20520James P. DeHart",
            ["2201 C Street NW", "Washington, DC 20520", "James P. DeHart"],
        ),
        ("under the U.S. government. NGOs said", ["under the U.S. government. NGOs said"]),
        ("obligations under CAT.In August", ["obligations under CAT.", "In August"]),
        ("the U.S.Department", ["the U.S.Department"]),
        ("Unioncc:Condoleeza Rice", ["Union", "cc:", "Condoleeza Rice"]),
        (
            "country:-there are grounds;-governmental authorities",
            ["country:", "there are grounds;", "governmental authorities"],
        ),
    ],
)
def test_unglue(line: str, pieces: list[str]) -> None:
    assert unglue(line, frozenset({"Mac", "Mc", "De"})) == pieces


def test_title_publisher_and_date_are_recovered_from_the_page(corpus) -> None:  # type: ignore[no-untyped-def]
    raw = (corpus / "hrw-2006-09-06-yusupov-letter.txt").read_text(encoding="utf-8")
    meta = clean_web_text(raw).metadata
    assert meta.title == (
        "Letter to U.S. Officials Regarding Diplomatic assurances in the Case of Bekhzod Yusupov"
    )
    assert meta.publisher == "Human Rights Watch"
    assert (meta.date, meta.date_precision) == ("2006-09-06", "day")
