"""Properties of the loader and the extraction on arbitrary input (issue 14), found with
hypothesis: any bytes are read as text or refused with one line naming the file; any text
that loads keeps every segment and every quote at its offsets, and extracts without raising.

The runs are reproducible in CI: a committed seed and a fixed number of examples. Inputs that
once failed, shrunk by hypothesis, are kept in ``property-regressions.json`` and replayed
first, so a fixed fault stays fixed.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from dakg.errors import InputError
from dakg.loaders.document import load_document
from dakg.loaders.extract import extract
from dakg.loaders.reading import decode

SEED = 20261203
REGRESSIONS = Path(__file__).with_name("property-regressions.json")
SETTINGS = settings(
    max_examples=60,
    deadline=None,
    database=None,  # nothing kept between runs but the committed regressions
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# Words of the genre, so that generated text reaches the rules and not only the reader.
WORDS = (
    "Maher Arar Bekhzod Yusupov Ahmed Agiza Sweden Egypt Syria Uzbekistan Russia the United "
    "States was were deported extradited returned rendered to from in on despite diplomatic "
    "assurances torture detained tortured Committee against Torture Human Rights Watch said "
    "that 8 October 2002 May 2005 1999 article 3 of the Convention , . ; ( ) \" ' - "
    "\u202c \u200b \u00ad é ç ö ñ 人权 Ω"
).split()
GENRE = st.lists(st.sampled_from(WORDS), min_size=1, max_size=80).map(" ".join)
PARAGRAPHS = st.lists(GENRE, min_size=1, max_size=6).map("\n\n".join)
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=600)


def regressions(kind: str) -> list[str]:
    found = json.loads(REGRESSIONS.read_text(encoding="utf-8"))
    return [entry["input"] for entry in found if entry["kind"] == kind]


def load_and_extract(text: str) -> None:
    """The property itself: load ``text`` as a file; it is refused with a one-line message
    naming the file, or every segment and every quote stands at its offsets."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.txt"
        path.write_text(text, encoding="utf-8", newline="")
        try:
            document = load_document(path)
        except InputError as err:
            message = str(err)
            assert message.startswith(str(path)) and "\n" not in message
            return
    clean = document.clean
    for segment in [*document.paragraphs, *document.sentences]:
        assert clean[segment.start : segment.end] == segment.text
    found = extract(document)
    for fact in found.facts:
        for evidence in fact.evidence:
            assert clean[evidence.start : evidence.end] == evidence.quote


def read_bytes(data: bytes) -> None:
    try:
        text = decode(data, "generated.txt")
    except InputError as err:
        assert str(err).startswith("generated.txt: ") and "\n" not in str(err)
        return
    assert isinstance(text, str) and text.strip()


@pytest.mark.parametrize("text", regressions("text"))
def test_earlier_failures_of_the_loader_stay_fixed(text: str) -> None:
    load_and_extract(text)


@pytest.mark.parametrize("data", regressions("bytes"))
def test_earlier_failures_of_the_reader_stay_fixed(data: str) -> None:
    read_bytes(bytes.fromhex(data))


@seed(SEED)
@SETTINGS
@given(st.one_of(PARAGRAPHS, ANY_TEXT))
def test_any_text_loads_with_its_offsets_or_is_refused_in_one_line(text: str) -> None:
    load_and_extract(text)


@seed(SEED)
@settings(SETTINGS, max_examples=300)
@given(st.binary(max_size=400))
def test_any_bytes_are_text_or_refused_in_one_line(data: bytes) -> None:
    read_bytes(data)
