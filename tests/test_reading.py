"""Bad input: each case refused with one line naming the file; good encodings accepted."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from dakg.errors import InputError
from dakg.loaders.reading import read_text

TEXT = "Mr. Yusupov would be tortured if returned to Uzbekistan — café."


def write(tmp_path: Path, data: bytes, name: str = "doc.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty file"),
        (b"   \n\n  ", "empty file"),
        (b"%PDF-1.4\x00\x01\x02binary", "binary file"),
        (b"caf\xe9 \x81 and \x8d", "not UTF-8, UTF-16 or cp1252"),
        (b"bell\x07 in the text", "binary file"),
    ],
)
def test_bad_input_is_refused_naming_the_file(tmp_path: Path, data: bytes, problem: str) -> None:
    path = write(tmp_path, data)
    with pytest.raises(InputError) as err:
        read_text(path)
    message = str(err.value)
    assert str(path) in message and problem in message
    assert "\n" not in message


def test_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, TEXT.encode() * 100)
    with pytest.raises(InputError, match="too large"):
        read_text(path, max_bytes=1000)
    assert read_text(path, max_bytes=10_000)[0].startswith("Mr. Yusupov")


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "cp1252"],
)
def test_accepted_encodings_decode_to_the_same_text(tmp_path: Path, data: bytes) -> None:
    assert read_text(write(tmp_path, data))[0] == TEXT
