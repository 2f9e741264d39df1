"""Dates with their precision: "2005" is a year, "August 2005" a month, "2005-08-14" a day.

Every dated fact keeps a start and an end day so that "2005" and "2005-08-14" compare and
sort on any SPARQL engine; the precision says how much of the date the source gave.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from .model import Precision

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_PERIODS: dict[str, Precision] = {"day": "day", "month": "month", "year": "year"}


def parse_date(text: str) -> tuple[str, Precision] | None:
    """Read a date written as ISO or in words; return its ISO form and precision."""
    text = text.strip()
    match = _ISO.match(text)
    if match:
        year, month, day = match.groups()
        try:
            date(int(year), int(month or 1), int(day or 1))
        except ValueError:
            return None
        if day:
            return f"{year}-{month}-{day}", "day"
        if month:
            return f"{year}-{month}", "month"
        return year, "year"
    data = _parser().get_date_data(text)
    if data.date_obj is None or data.period not in _PERIODS:
        return None
    found = data.date_obj.date()
    precision = _PERIODS[data.period]
    if precision == "year":
        return f"{found.year:04d}", precision
    if precision == "month":
        return f"{found.year:04d}-{found.month:02d}", precision
    return found.isoformat(), precision


def date_range(iso: str, precision: Precision) -> tuple[date, date]:
    """The first and last day that an ISO date of the given precision covers."""
    parts = [int(p) for p in iso.split("-")]
    if precision == "year":
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    if precision == "month":
        last = calendar.monthrange(parts[0], parts[1])[1]
        return date(parts[0], parts[1], 1), date(parts[0], parts[1], last)
    day = date(parts[0], parts[1], parts[2])
    return day, day


@cache
def _parser() -> DateDataParser:
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})
