"""Read a source file's bytes into text, refusing what is not a text document.

Real corpora contain stray PDFs, Word files and legacy encodings. A file is accepted as
UTF-8 (with or without BOM), UTF-16 with a BOM, or cp1252 when that decoding yields no C1
control characters and the bytes are mostly ASCII; anything else is refused with a message
naming the file. Invisible format characters (direction marks, zero-width spaces) are
dropped.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from dakg.errors import InputError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_C1 = re.compile("[\u0080-\u009f]")
_CONTROL = re.compile("[\u0000-\u0008\u000b\u000e-\u001f\u007f]")
# Invisible format characters: direction marks, embeddings and isolates, zero-width spaces
# and joiners, the soft hyphen. They carry no text but would stay inside names and quotes
# ("Ahmed Haddad" + U+202C), so they are dropped on reading.
_INVISIBLE = re.compile("[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# Real cp1252 documents (English, French, Spanish...) are mostly ASCII; bytes that decode
# to a majority of accented letters and symbols are another encoding read wrongly (UTF-16
# without a byte-order mark, a CJK or Cyrillic code page).
_MOSTLY_ASCII = 0.7


def decode(data: bytes, name: str) -> str:
    """Decode ``data`` (the bytes of the file called ``name``) by the rules above."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise InputError(f"{name}: invalid UTF-16 text ({err.reason})") from None
    elif b"\x00" in data:
        raise InputError(f"{name}: binary file (contains NUL bytes), not a text document")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = _decode_cp1252(data, name)
    if _CONTROL.search(text):
        raise InputError(f"{name}: binary file (contains control characters)")
    text = _INVISIBLE.sub("", text)
    if not text.strip():
        raise InputError(f"{name}: empty file (no text)")
    return text


def _decode_cp1252(data: bytes, name: str) -> str:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise InputError(f"{name}: not UTF-8, UTF-16 or cp1252 text") from None
    if _C1.search(text):
        raise InputError(f"{name}: not UTF-8, UTF-16 or cp1252 text") from None
    if sum(b < 0x80 for b in data) < _MOSTLY_ASCII * len(data):
        raise InputError(
            f"{name}: not UTF-8, UTF-16 with a byte-order mark or cp1252 text (mostly"
            " non-ASCII bytes: UTF-16 without a byte-order mark or another code page?)"
        )
    return text


def read_text(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, bytes]:
    """Return the decoded text of ``path`` and its raw bytes (for the checksum)."""
    try:
        size = path.stat().st_size
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from None
    if size > max_bytes:
        raise InputError(
            f"{path}: file too large ({size:,} bytes, limit {max_bytes:,};"
            " raise it with --max-size)"
        )
    if size == 0:
        raise InputError(f"{path}: empty file (0 bytes)")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from None
    return decode(data, str(path)), data
