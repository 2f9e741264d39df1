"""The hostile strings the views must render inert, and the marker that proves one ran.

Every payload in ``data/xss-payloads.txt`` (adapted from OWASP's XSS Filter Evasion Cheat
Sheet, CC BY-SA 4.0; see the file's header) acts by ``alert('DAKG-XSS')`` or an equivalent
that carries MARKER, so the browser harness can tell a payload that ran from one shown as text.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

MARKER = "DAKG-XSS"
PAYLOADS = Path(__file__).parent / "data" / "xss-payloads.txt"


@cache
def _read() -> tuple[str, ...]:
    # Split on "\n" only: str.splitlines() would also break at U+2028/U+2029, which some
    # payloads carry on purpose.
    lines = PAYLOADS.read_text(encoding="utf-8").split("\n")
    return tuple(line for line in lines if line and not line.startswith("#"))


def payloads() -> list[str]:
    """The payloads in file order (a fresh list: callers may shuffle or slice it)."""
    return list(_read())
