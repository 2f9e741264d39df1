"""Sentence splitting: abbreviations and initials do not end sentences."""

from __future__ import annotations

from dakg.loaders.segment import split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_titles_and_initialisms_do_not_end_a_sentence() -> None:
    text = "Mr. Yusupov is held by the U.S. Department of State. James P. DeHart was told."
    assert texts(text) == [
        "Mr. Yusupov is held by the U.S. Department of State.",
        "James P. DeHart was told.",
    ]


def test_closing_quotes_stay_with_their_sentence() -> None:
    text = "He said “it is systematic.” The court agreed. (See No. 6.) Then it ended."
    assert texts(text) == [
        "He said “it is systematic.”",
        "The court agreed.",
        "(See No. 6.)",
        "Then it ended.",
    ]


def test_offsets_point_into_the_text() -> None:
    text = "  First one. Second one!  Third?"
    for sentence in split_sentences(text, offset=100):
        assert text[sentence.start - 100 : sentence.end - 100] == sentence.text
