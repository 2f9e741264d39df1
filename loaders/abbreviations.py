"""The abbreviations that end with a full stop without ending a sentence ("Mr.", "No.")."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PATH = Path(__file__).parent / "data" / "abbreviations.txt"


@cache
def abbreviations() -> frozenset[str]:
    """Lower-case abbreviations without their final full stop, from ``data/abbreviations.txt``."""
    lines = _PATH.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().casefold() for line in lines if line.strip()[:1] not in "#")
