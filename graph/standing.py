"""A state's standing towards a treaty over time, worked out once, at build time.

The reference tables record acts (signature, ratification, accession, succession, withdrawal)
and, per instrument, which states they cover up to which day (``data/treaty_tables.csv``).
From both this module cuts each covered state's time line into standings: "not a party" from
the beginning of time, "signatory, not a party" from a signature, "bound" from the in-force
day of a ratification, accession or succession, "not a party" again from a withdrawal; and
"uncertain" before a succession notification that gives no in-force day (the successor may
have been bound from its independence). A covered state's non-binding standing ends the day
after the table's "as of" date: beyond it the data says nothing ("no data"), while a state
bound on that date stays bound, with the date printed beside the answer. A state outside a
table gets standings only from its own acts, binding ones only: "not a party" would claim
what the table never checked.

The build writes every standing into the reference graph (``dakg:TreatyStanding``); the
obligations, ``dakg treaties``, the canned queries and the views read those nodes and apply
:func:`standing_over` (or its SPARQL twin in ``queries/treaty-status.rq``) to a span of days.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

Status = Literal[
    "bound", "uncertain", "not a party", "signatory, not a party", "no data", "date unknown"
]
BINDING: frozenset[str] = frozenset({"bound", "uncertain"})


@dataclass(frozen=True)
class Act:
    """One treaty action as the standings need it."""

    iri: str
    kind: Literal["start", "end", "signature", "succession"]
    day: date
    verified: bool


@dataclass(frozen=True)
class Table:
    """One reference table: an instrument, the states it covers, the day it is complete to."""

    iri: str
    instrument: str
    states: frozenset[str]
    as_of: date
    verified: bool


@dataclass
class Standing:
    """One stretch of days [start, end) over which a state stood one way towards a treaty;
    ``start`` None is "since ever", ``end`` None "still, as far as the data goes"."""

    status: Status
    start: date | None
    end: date | None
    verified: bool
    derived_from: list[str] = field(default_factory=list)
    as_of: date | None = None
    sources: list[str] = field(default_factory=list)  # the pages its acts were read in


def time_line(acts: list[Act], table: Table | None) -> list[Standing]:
    """The standings of one state towards one instrument, oldest first."""
    ordered = sorted(acts, key=lambda a: (a.day, a.kind != "end"))
    line: list[Standing] = []
    first_start = next((a for a in ordered if a.kind in {"start", "succession"}), None)
    opening: Status = (
        "uncertain"
        if first_start is not None and first_start.kind == "succession"
        else "not a party"
    )
    base = [table.iri] if table is not None else []
    current = Standing(opening, None, None, table.verified if table else True, list(base))
    if opening == "uncertain" and first_start is not None:
        current.derived_from = [first_start.iri] + base
        current.verified = first_start.verified
    ever_party = False
    for act in ordered:
        status: Status | None = None
        if act.kind in {"start", "succession"} and current.status != "bound":
            status, ever_party = "bound", True
        elif act.kind == "end" and current.status == "bound":
            status = "not a party"
        elif act.kind == "signature" and current.status == "not a party" and not ever_party:
            status = "signatory, not a party"
        if status is None:
            continue
        current.end = act.day
        line.append(current)
        current = Standing(status, act.day, None, act.verified, [act.iri] + base)
    line.append(current)
    line = [s for s in line if s.start is None or s.end is None or s.start < s.end]
    if table is None:
        return [s for s in line if s.status in BINDING]
    last_act = max((a.day for a in ordered), default=table.as_of)
    as_of = max(table.as_of, last_act)
    for standing in line:
        standing.as_of = as_of
    tail = line[-1]
    if tail.status not in BINDING:
        tail.end = as_of + timedelta(days=1)
    return line


def standing_over(
    standings: list[Standing], first: date, last: date
) -> tuple[Status, list[Standing]]:
    """The standing over every day from ``first`` to ``last``, and the stretches it rests on.

    One stretch covering the whole span gives its own status. A span across a change of
    binding (bound on some days, not on others) is "uncertain"; a span reaching past what the
    data covers is "no data"; not being a party throughout (with a signature within the span)
    is "not a party".
    """
    over = [
        s
        for s in standings
        if (s.start is None or s.start <= last) and (s.end is None or s.end > first)
    ]
    if not over:
        return "no data", []
    starts_covered = over[0].start is None or over[0].start <= first
    ends_covered = over[-1].end is None or over[-1].end > last
    statuses = {s.status for s in over}
    if len(over) == 1 and starts_covered and ends_covered:
        return over[0].status, over
    if statuses & BINDING:
        return ("bound" if statuses == {"bound"} and ends_covered else "uncertain"), over
    if not (starts_covered and ends_covered):
        return "no data", over
    return ("not a party" if len(statuses) > 1 else over[0].status), over
