"""Timelines: a set of facts in date order, each date drawn at its precision. A year-only
date spans its whole year and a month-only date its month; a day is a point. Facts the
sources date only relatively ("two weeks later") or not at all carry no date in the graph
and are listed apart, never placed on 1 January."""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any

from .model import GraphData, style

PRECISION_WORDS = {"YearPrecision": "year only", "MonthPrecision": "month only"}


def span_text(start: str, precision: str) -> str:
    """A date as a reader says it at its precision: "2003 (year only)", "May 2003",
    "12 May 2003"."""
    day = date.fromisoformat(start[:10])
    if precision == "YearPrecision":
        return f"{day.year} (year only)"
    if precision == "MonthPrecision":
        return f"{calendar.month_name[day.month]} {day.year}"
    return f"{day.day} {calendar.month_name[day.month]} {day.year}"


def _last_day(start: str, end: str, precision: str) -> date:
    """The span's last day: the graph's ``dateEnd``, or the end of the year or month."""
    first = date.fromisoformat(start[:10])
    if end and end[:10] >= start[:10]:
        return date.fromisoformat(end[:10])
    if precision == "YearPrecision":
        return date(first.year, 12, 31)
    if precision == "MonthPrecision":
        return date(first.year, first.month, calendar.monthrange(first.year, first.month)[1])
    return first


def timeline(data: GraphData, keys: list[str], anchor: str = "fact-") -> dict[str, Any]:
    """The rows of a timeline of ``keys`` (events; obligations are left out): the dated
    ones placed on one axis (left and width in percent of it), the others apart."""
    classes, statuses = style()["classes"], style()["statuses"]
    dated: list[tuple[date, date, str, dict[str, Any]]] = []
    undated: list[dict[str, Any]] = []
    for key in keys:
        fact = data.facts[key]
        if fact.cls == "Obligation":
            continue
        row = {
            "id": key,
            "anchor": anchor + key.rsplit("/", 1)[-1],
            "label": _what(data, fact),
            "type": classes[fact.cls]["label"],
            "cls": fact.cls,
            "color": classes[fact.cls]["color"],
            "status": statuses.get(fact.status, fact.status),
            "tentative": fact.tentative,
            "who": _who(data, fact),
            "disagreement": "; ".join(fact.disagreements),
        }
        if not fact.spans:
            undated.append(row)
            continue
        for start, end, precision in sorted(fact.spans):
            first, last = date.fromisoformat(start[:10]), _last_day(start, end, precision)
            dated.append((first, last, key, {**row, "precision": precision,
                          "date": span_text(start, precision), "start": first.isoformat(),
                          "end": last.isoformat(), "several": len(fact.spans) > 1}))  # fmt: skip
    dated.sort(key=lambda d: (d[0], d[1], d[2]))
    rows = [d[3] for d in dated]
    axis: dict[str, Any] = {"ticks": []}
    if dated:
        low = date(min(d[0] for d in dated).year, 1, 1)
        high = date(max(d[1] for d in dated).year, 12, 31)
        total = (high - low).days + 1
        for first, last, _, row in dated:
            row["left"] = round(100 * (first - low).days / total, 3)
            row["width"] = round(100 * ((last - first).days + 1) / total, 3)
            row["point"] = first == last
        years = list(range(low.year, high.year + 1))
        step = max(1, len(years) // 12)
        axis = {
            "start": low.isoformat(),
            "end": high.isoformat(),
            "ticks": [
                {"label": str(y), "left": round(100 * (date(y, 1, 1) - low).days / total, 3)}
                for y in years[::step]
            ],
        }
    undated.sort(key=lambda r: (r["cls"], r["label"], r["id"]))
    return {"rows": rows, "undated": undated, "axis": axis}


def _what(data: GraphData, fact: Any) -> str:
    """The fact's kind in words, without the date (the row shows it at its precision)."""
    classes = style()["classes"]
    name = data.labels.get(fact.kind or "", "") or classes[fact.cls]["label"]
    return name[:1].upper() + name[1:]


def _who(data: GraphData, fact: Any) -> str:
    """Who and where, in a line: "transferee: Maher Arar; from: United States; …"."""
    roles = style()["roles"]
    return "; ".join(
        f"{roles.get(role, role)}: {data.labels.get(target, target.rsplit('/', 1)[-1])}"
        for role, target in fact.roles
        if target not in data.facts
    )
