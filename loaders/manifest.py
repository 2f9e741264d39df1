"""Read a corpus's ``MANIFEST.csv``: what is known of each file before reading it."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from dakg.errors import ManifestError

from .dates import parse_date
from .model import Metadata

MANIFEST_NAME = "MANIFEST.csv"
_REQUIRED = ("file",)
_ISO_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_KNOWN = ("file", "title", "publisher", "date", "kind", "url", "format")


def read_manifest(corpus: Path) -> dict[str, Metadata]:
    """Map file names to their manifest metadata; an absent manifest maps nothing."""
    path = corpus / MANIFEST_NAME
    if not path.exists():
        return {}
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in _REQUIRED if c not in (reader.fieldnames or [])]
            if missing:
                raise ManifestError(f"{path}: missing column(s) {', '.join(missing)}")
            rows = list(reader)
    except (UnicodeDecodeError, csv.Error) as err:
        raise ManifestError(f"{path}: not a readable CSV file ({err})") from None
    entries: dict[str, Metadata] = {}
    for line, row in enumerate(rows, start=2):
        name = (row.get("file") or "").strip()
        if not name:
            raise ManifestError(f"{path}:{line}: empty 'file' value")
        if name in entries:
            raise ManifestError(f"{path}:{line}: {name} is listed twice")
        entries[name] = _metadata(row, f"{path}:{line}")
    return entries


def _metadata(row: dict[str, str | None], where: str) -> Metadata:
    def value(key: str) -> str | None:
        text = (row.get(key) or "").strip()
        return text or None

    meta = Metadata(
        title=value("title"),
        publisher=value("publisher"),
        kind=value("kind"),
        url=value("url"),
        format=value("format"),
    )
    raw_date = value("date")
    if raw_date:
        # ISO only: "03/06/2019" is March or June depending on who wrote it
        parsed = parse_date(raw_date) if _ISO_DATE.fullmatch(raw_date) else None
        if parsed is None:
            raise ManifestError(
                f"{where}: the date {raw_date!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)"
            )
        meta.date, meta.date_precision = parsed
    return meta
