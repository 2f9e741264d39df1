"""Tests of the PDF cleaner and its helpers against the real IOM note in the corpus."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from dakg.loaders.footnotes import strip_footnote_markers
from dakg.loaders.glyphs import TABLE_PATH, has_garbled, load_table, repair_glyphs
from dakg.loaders.hyphenation import (
    Vocabulary,
    build_vocabulary,
    dehyphenate,
    english_words,
    join_hyphenated,
    join_lines,
    word_list_load_seconds,
)
from dakg.loaders.model import Block, Cleaned
from dakg.loaders.pdf_text import clean_pdf_text, drop_furniture

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
NOTE = CORPUS / "iom-2014-non-refoulement-note.txt"


@pytest.fixture(scope="module")
def raw() -> str:
    return NOTE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def cleaned(raw: str) -> Cleaned:
    return clean_pdf_text(raw)


@pytest.fixture(scope="module")
def headings(cleaned: Cleaned) -> list[Block]:
    return [block for block in cleaned.blocks if block.kind == "heading"]


@pytest.fixture(scope="module")
def paragraphs(cleaned: Cleaned) -> list[str]:
    return [block.text for block in cleaned.blocks if block.kind == "paragraph"]


# --- glyph repair -------------------------------------------------------------------

# Every garbled heading line of the note: (garbled line, repaired line, whole heading).
GARBLED_HEADINGS = [
    ("мΦ 5ŜŬƴƛǝƻƴ", "1. Definition", "1. Definition"),
    ("нΦ wŜŀƭ Ǌƛǎƪ", "2. Real risk", "2. Real risk"),
    (
        "мΦ Non-refoulement applies to migrants regardless",
        "1. Non-refoulement applies to migrants regardless",
        "1. Non-refoulement applies to migrants regardless of status",
    ),
    (
        "нΦ bƻƴ-ǊŜŦƻǳƭŜƳŜƴǘ ŀƴŘ ǊƛƎƘǘ ǘƻ ŜƴǘŜǊ ǘƘŜ {ǘŀǘŜΩǎ",
        "2. Non-refoulement and right to enter the State\u2019s",
        "2. Non-refoulement and right to enter the State\u2019s territory",
    ),
    (
        "оΦ bƻƴ-ǊŜŦƻǳƭŜƳŜƴǘ Ŏŀƴ ŀǇǇƭȅ ŜȄǘǊŀǘŜǊǊƛǘƻǊƛŀƭƭȅ",
        "3. Non-refoulement can apply extraterritorially",
        "3. Non-refoulement can apply extraterritorially",
    ),
    (
        "пΦ LƴŘƛǊŜŎǘ ǊŜŦƻǳƭŜƳŜƴǘ ŀƴŘ ŜȄǇǳƭǎƛƻƴ ǘƻ ǎŀŦŜ ŀǊŜŀǎ",
        "4. Indirect refoulement and expulsion to safe areas",
        "4. Indirect refoulement and expulsion to safe areas",
    ),
    (
        "рΦ {ŜŎǳǊƛǘȅ ŜȄŎŜǇǝƻƴǎ ǳƴŘŜǊ ǘƘŜ мфрм wŜŦǳƎŜŜ /ƻƴ-",
        "5. Security exceptions under the 1951 Refugee Con-",
        "5. Security exceptions under the 1951 Refugee Convention and human rights instruments",
    ),
    (
        "тΦ WǳŘƛŎƛŀƭ ǊŜƳŜŘƛŜǎ ŀƴŘ ǎǳǎǇŜƴǎƛǾŜ ŜũŜŎǘ",
        "7. Judicial remedies and suspensive effect",
        "7. Judicial remedies and suspensive effect",
    ),
    (
        "мΦ ¢ƻǊǘǳǊŜ ŀƴŘ /ǊǳŜƭΣ LƴƘǳƳŀƴ ƻǊ 5ŜƎǊŀŘƛƴƎ",
        "1. Torture and Cruel, Inhuman or Degrading",
        "1. Torture and Cruel, Inhuman or Degrading Treatment or Punishment",
    ),
    ("нΦ wƛƎƘǘ ǘƻ ƭƛŦŜ", "2. Right to life", "2. Right to life"),
    (
        "оΦ hǘƘŜǊ ǊƛƎƘǘǎ ǿƘƛŎƘ Ƴŀȅ ǘǊƛƎƎŜǊ ǘƘŜ ŀǇǇƭƛŎŀǝƻƴ ƻŦ",
        "3. Other rights which may trigger the application of",
        "3. Other rights which may trigger the application of the principle",
    ),
    (
        "пΦ {ǇŜŎƛŬŎ ǇǊƻǘŜŎǝƻƴ ŦƻǊ ŎƘƛƭŘǊŜƴ",
        "4. Specific protection for children",
        "4. Specific protection for children",
    ),
    ("ǊŜŦƻǳƭŜƳŜƴǘ", "refoulement", "V. Other issues related to non-refoulement"),
    ("мΦ 5ƛǇƭƻƳŀǝŎ ŀǎǎǳǊŀƴŎŜǎ", "1. Diplomatic assurances", "1. Diplomatic assurances"),
    ("нΦ /ƻƭƭŜŎǝǾŜ 9ȄǇǳƭǎƛƻƴǎ", "2. Collective Expulsions", "2. Collective Expulsions"),
]


def test_every_garbled_line_is_listed(raw: str) -> None:
    garbled_lines = [
        line.strip() for line in raw.splitlines() if re.search(r"[\u0100-\u04FF]", line)
    ]
    assert garbled_lines == [garbled for garbled, _, _ in GARBLED_HEADINGS]


@pytest.mark.parametrize(("garbled", "repaired", "heading"), GARBLED_HEADINGS)
def test_garbled_heading_repaired(
    raw: str, headings: list[Block], garbled: str, repaired: str, heading: str
) -> None:
    assert garbled in raw
    assert repair_glyphs(garbled) == repaired
    assert heading in [block.text for block in headings]


def test_table_covers_every_garbled_character(raw: str) -> None:
    table = load_table()
    garbled = set(re.findall(r"[\u0100-\u04FF]", raw))
    assert garbled <= set(table.mapping)
    assert {"Ŭ", "ǝ", "ũ"} <= set(table.mapping)  # the ligatures fi, ti, ff


def test_table_file_shape() -> None:
    rows = [
        line.rstrip("\n").split("\t")
        for line in TABLE_PATH.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("# ")
    ]
    assert rows[0] == ["garbled", "replacement", "note"]
    for row in rows[1:]:
        assert len(row) == 3
        assert row[2].startswith(("verified", "inferred"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{ǘŀǘŜΩǎ", "State\u2019s"),
        ("/ǊǳŜƭΣ", "Cruel,"),
        ("мфрм wŜŦǳƎŜŜ", "1951 Refugee"),
        ("  мΦ Non-refoulement", "  1. Non-refoulement"),
        ("plain text, untouched", "plain text, untouched"),
        ("Русский | English | Français", "Русский | English | Français"),
        ("от мо с у", "от мо с у"),  # Cyrillic words made of the digit glyphs
        ("ΦΣΩ chapter", "ΦΣΩ chapter"),
        ("cũng Řím", "cũng Řím"),  # Vietnamese / Czech letters from the same blocks
        ("Ŝ", "Ŝ"),  # a lone glyph proves nothing
    ],
)
def test_repair_glyphs_only_touches_garbled_runs(text: str, expected: str) -> None:
    assert repair_glyphs(text) == expected


def test_no_garbled_character_left(cleaned: Cleaned) -> None:
    table = load_table()
    leftovers = {ch for ch in table.mapping if not ch.isascii()}
    for block in cleaned.blocks:
        assert not has_garbled(block.text), block.text
        assert not leftovers & set(block.text), block.text


# --- structure ------------------------------------------------------------------------

EXPECTED_HEADINGS = [
    (1, "Introduction and Purpose"),
    (1, "I. Definition and basic concept"),
    (2, "1. Definition"),
    (2, "2. Real risk"),
    (1, "III. General Principles"),
    (2, "1. Non-refoulement applies to migrants regardless of status"),
    (2, "2. Non-refoulement and right to enter the State\u2019s territory"),
    (2, "3. Non-refoulement can apply extraterritorially"),
    (2, "4. Indirect refoulement and expulsion to safe areas"),
    (2, "5. Security exceptions under the 1951 Refugee Convention and human rights instruments"),
    (2, "6. Violations can arise from non-State actors"),
    (2, "7. Judicial remedies and suspensive effect"),
    (1, "IV. Specific human rights triggering the application of the principle of non-refoulement"),
    (2, "1. Torture and Cruel, Inhuman or Degrading Treatment or Punishment"),
    (2, "2. Right to life"),
    (2, "3. Other rights which may trigger the application of the principle"),
    (3, "a. Slavery and Forced Labour"),
    (3, "b. Right to a fair trial"),
    (3, "c. Freedom of Thought, Conscience, and Religion"),
    (3, "d. Prohibition on Enforced Disappearances"),
    (2, "4. Specific protection for children"),
    (1, "V. Other issues related to non-refoulement"),
    (2, "1. Diplomatic assurances"),
    (2, "2. Collective Expulsions"),
    (1, "Summary of Key Principles"),
    (2, "General Principles"),
    (1, "ANNEX I: Selected Instruments and documents"),
    (2, "Selected Instruments and Documents"),
    (2, "Regional Instruments"),
]


def test_headings_in_order_with_levels(headings: list[Block]) -> None:
    assert [(block.level, block.text) for block in headings] == EXPECTED_HEADINGS


def test_epigraph_and_back_matter_kept(cleaned: Cleaned, paragraphs: list[str]) -> None:
    assert cleaned.blocks[1].text.startswith("\u201c\u2026[F]rom the perspective of people")
    assert cleaned.blocks[1].text.endswith("a question of life [or] death.\u201d")
    assert "Arab Charter on Human Rights (revised), 22 May 2004." in paragraphs
    assert "17 route des Morillons, CH-1211 Geneva" in paragraphs


@pytest.mark.parametrize(
    "fragment",
    [
        "general statements on the human rights situation in a country, reports from",
        "\u201cobligation not to extradite, deport, expel or otherwise remove a person",
        "and torture as \u201can aggravated form of inhumane treatment",
        "expelling or extraditing a migrant to another State. Regional human rights courts",
        "risks to suffer a violation of the following rights:",
        "committed to the principle that humane and orderly migration benefits",
    ],
)
def test_paragraph_across_page_break_is_one(paragraphs: list[str], fragment: str) -> None:
    assert sum(fragment in text for text in paragraphs) == 1


def test_bullets_are_paragraphs_without_bullet(paragraphs: list[str]) -> None:
    assert (
        "The non-refoulement principle is widely accepted as a peremptory norm of "
        "customary international law." in paragraphs
    )
    assert "Multiple rapes;" in paragraphs
    assert not [text for text in paragraphs if text[:1] in {"\u00b6", "\u00df"}]


def test_whitespace_normalised(cleaned: Cleaned) -> None:
    for block in cleaned.blocks:
        assert block.text == " ".join(block.text.split())


def test_furniture_rules_are_general() -> None:
    raw = (
        "ANNUAL REPORT\n\nThe first paragraph runs on to the\n\n12\n\n"
        "ANNUAL REPORT\n\nnext page and ends here.\n\n13\n\nANNUAL REPORT\n"
    )
    kept = [line for line in drop_furniture(raw.split("\n")) if line.strip()]
    assert kept == ["The first paragraph runs on to the", "next page and ends here."]
    blocks = clean_pdf_text(raw).blocks
    assert [block.text for block in blocks] == [
        "The first paragraph runs on to the next page and ends here."
    ]


# --- hyphenation ----------------------------------------------------------------------

HYPHENATION = [
    ("re-\nfugees", "refugees"),
    ("Ame-\nrican", "American"),
    ("eva-\nluate", "evaluate"),
    ("extradit-\ned", "extradited"),
    ("non-\nrefoulement", "non-refoulement"),
    ("ill-\ntreatment", "ill-treatment"),
    ("non-\ngovernmental", "non-governmental"),
    ("regar-\ndless", "regardless"),
    # more breaks of the note itself
    ("quasi-\ngovernmental", "quasi-governmental"),
    ("ill-\ntreated", "ill-treated"),
    ("non-\nnationals", "non-nationals"),
    ("re-\nfoulement", "refoulement"),
    ("Con-\nvention", "Convention"),
    ("jurispru-\ndence", "jurisprudence"),
    ("te-\nleological", "teleological"),
    ("where-\nver", "wherever"),
    ("hosti-\nlities", "hostilities"),
    ("regulari-\nzation", "regularization"),
    ("per-\nsecución", "persecución"),
    ("back-\nground", "background"),
    ("out-\nside", "outside"),
    ("order-\nly", "orderly"),
    ("Ar-\nticle", "Article"),
    ("an-\nother", "another"),
    ("nation-\nal", "national"),
    ("Enfor-\nced", "Enforced"),
    ("non- \n refoulement", "non-refoulement"),
]


@pytest.fixture(scope="module")
def vocabulary(raw: str) -> Vocabulary:
    return build_vocabulary(repair_glyphs(raw))


@pytest.mark.parametrize(("broken", "expected"), HYPHENATION)
def test_dehyphenate(vocabulary: Vocabulary, broken: str, expected: str) -> None:
    assert dehyphenate(broken, vocabulary) == expected
    left, right = re.split(r"-\s*\n\s*", broken)
    assert join_hyphenated(left, right, vocabulary) == expected


@pytest.mark.parametrize(
    "phrase",
    [
        "reports from non-governmental and international organizations",
        "regardless of nationality or statelessness",
        "expelled, returned or extradited.",
        "the prohibition of refoulement, States have",
        "a quasi-governmental role.",
        "the 1951 Refugee Convention and human rights instruments",
    ],
)
def test_cleaned_text_dehyphenated(cleaned: Cleaned, phrase: str) -> None:
    assert any(phrase in block.text for block in cleaned.blocks)


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        ("inter", "national", "international"),  # one "Inter-American" proves no prefix
        ("post", "pone", "postpone"),
        ("non", "etheless", "nonetheless"),  # "non-" keeps its hyphen only before a word
        ("self", "determination", "self-determination"),  # listed hyphenated compound
    ],
)
def test_prefix_rule_is_narrow(
    vocabulary: Vocabulary, left: str, right: str, expected: str
) -> None:
    assert join_hyphenated(left, right, vocabulary) == expected


def test_join_lines_without_document_vocabulary() -> None:
    assert join_lines(["the situation of re-", "fugees and mi-", "  grants"]) == (
        "the situation of refugees and migrants"
    )
    assert join_lines(["Geneva, CH-", "1211"]) == "Geneva, CH-1211"


def test_word_list_is_cached_and_quick() -> None:
    seconds = word_list_load_seconds()
    start = time.perf_counter()
    first = english_words()
    second = english_words()
    assert first is second
    assert time.perf_counter() - start < 5
    assert seconds < 5
    assert "refugee" in first


# --- footnote markers -------------------------------------------------------------------


def _marker(cleaned: Cleaned, number: int) -> tuple[str, int]:
    found = [
        (block.text, footnote.offset)
        for block in cleaned.blocks
        for footnote in block.footnotes
        if footnote.number == number
    ]
    assert len(found) == 1, number
    return found[0]


@pytest.mark.parametrize(
    ("number", "before", "after"),
    [
        (1, "can be a question of life [or] death.\u201d", ""),
        (3, "the Status of Refugees.", " Section III divides"),
        (13, "as a norm of jus cogens,", " meaning that it is"),
        (21, "rights situation in a country,", " reports from non-governmental"),
        (32, "status as a refugee.", ""),
        (47, "that would cause irreparable harm,", " notably in case"),
        (52, "not a relevant consideration\u201d", " and the \u201cnature"),
        (66, "a violation of article 3.", " To prevent irreparable harm"),
        (97, "apply to the specific crimes alleged", " and that the punishment"),
        (100, "the death penalty will be imposed\u201d.", ""),
        (152, "in the application of article 13.\u201d", ""),
    ],
)
def test_markers_in_document(cleaned: Cleaned, number: int, before: str, after: str) -> None:
    text, offset = _marker(cleaned, number)
    assert text[:offset].endswith(before)
    assert text[offset:].startswith(after)
    if not after:
        assert offset == len(text)


def test_marker_sequence(cleaned: Cleaned) -> None:
    numbers = [f.number for block in cleaned.blocks for f in block.footnotes]
    assert numbers == sorted(numbers)
    # 119 is not in the extracted text (the page ends mid-sentence before it).
    assert set(range(1, 153)) - set(numbers) == {119}
    assert len(numbers) == len(set(numbers)) == 151


def test_no_number_left_glued_to_words(cleaned: Cleaned) -> None:
    for block in cleaned.blocks:
        assert not re.search(r"[a-z][.,\u201d]?\d", block.text), block.text


@pytest.mark.parametrize(
    ("text", "expected", "markers"),
    [
        ("obligation).1No exceptions", "obligation). No exceptions", [(1, 12)]),
        ("Status of Refugees.3 Section III", "Status of Refugees. Section III", [(3, 19)]),
        ("a country,21 reports", "a country, reports", [(21, 10)]),
        ("life [or] death.\u201d1", "life [or] death.\u201d", [(1, 17)]),
        ("jus cogens,13 meaning", "jus cogens, meaning", [(13, 11)]),
        ("maintain status as a refugee. 32", "maintain status as a refugee.", [(32, 29)]),
        ("irreparable harm,47 notably", "irreparable harm, notably", [(47, 17)]),
        ("[1]The nonrefoulement obligation", "The nonrefoulement obligation", [(1, 0)]),
        ("the obligation.[1]The next", "the obligation. The next", [(1, 15)]),
        ("torture.\u00b9\u00b2 Next", "torture. Next", [(12, 8)]),
    ],
)
def test_strip_footnote_markers(text: str, expected: str, markers: list[tuple[int, int]]) -> None:
    stripped, found = strip_footnote_markers(text)
    assert stripped == expected
    assert [(f.number, f.offset) for f in found] == markers


def test_sequence_lets_weak_markers_through() -> None:
    assert strip_footnote_markers("crimes alleged97 and that", last=96)[0] == (
        "crimes alleged and that"
    )
    assert strip_footnote_markers("crimes alleged97 and that")[0] == "crimes alleged97 and that"
    assert strip_footnote_markers("of article 3.66 To prevent", last=65)[0] == (
        "of article 3. To prevent"
    )
    assert strip_footnote_markers("of article 2.3 (a)", last=61)[0] == "of article 2.3 (a)"


@pytest.mark.parametrize(
    "text",
    [
        "in 2005",
        "It was adopted in 2005.",
        "Article 33 (2) of the Convention",
        "articles 6,7 and 9",
        "May 11, 2005",
        "Call 1.212.290.4700 now",
        "at 8:00PM today",
        "No. 6",
        "Conclusion No. 6",
        "Resolution 1998/50 of 17 April 1998.",
        "rule 39 of the Rules of the Court",
        "Conclusion No. 6 (XXVIII) (1977).",
        "a 43-page report",
        "the U.S. government",
        "2201 C Street NW",
        "a 10 km\u00b2 area",
    ],
)
def test_strip_footnote_markers_leaves_numbers(text: str) -> None:
    assert strip_footnote_markers(text) == (text, [])
    assert strip_footnote_markers(text, last=5) == (text, [])
