#!/usr/bin/env python3
"""Cross-check graph/data/treaty_actions.csv: recompute in-force dates, draw a random sample.

Two jobs, run from the repository root:

    .venv/bin/python tools/treaties/crosscheck.py            # recompute + print the sample
    .venv/bin/python tools/treaties/crosscheck.py --write    # ... and write the staging CSV

1. **Recompute.** Every `date_in_force` is recomputed from `date_deposited` by the treaty's
   entry-into-force article (RULES below, as described in graph/data/README-treaties.md): a
   ratification or accession binds the state DELAY after its deposit, but never before the
   treaty itself entered into force (a deposit up to the one that brought the treaty into force
   takes the treaty's own entry-into-force date). Signatures must have no in-force date; a
   succession has one only where a source gives it (no article computes it); withdrawal,
   expulsion and cessation rows are not checked. Every disagreement is printed; the exit
   status is 1 if there is any.

2. **Sample.** A stratified random sample (seed SEED) of signature, ratification, accession and
   succession rows, for a check against a second source. Strata are (instrument, UN M49 region),
   with regions from m49_regions.csv in this folder. Rule:
   - the population is frozen: the eligible rows (instruments in QUOTA only) among the first
     POPULATION_ROWS data rows of the table, i.e. the table as it stood when the sample was
     drawn on 2026-12-03 (merge_research.py only appends, so rows added later, of any
     instrument, do not shift the draw). Its fingerprint, the SHA-256 of the sorted keys
     "state|instrument|action|date_deposited" joined by newlines, must equal
     POPULATION_SHA256, or the script draws nothing and exits 2 (a row was edited, inserted
     or deleted above the cut: the original sample can no longer be reproduced; the in-force
     recomputation still runs);
   - the eligible rows are sorted (state, instrument, action, date_deposited), grouped into
     strata, and each stratum is shuffled with one random.Random(SEED), strata taken in
     sorted order;
   - each instrument gets QUOTA[instrument] rows (all rows if it has fewer), drawn round-robin
     over its regions (region order itself shuffled by the same generator): the next row of
     the first region, then of the second, and so on, skipping exhausted regions;
   - replacements (only with --replace): a sampled row whose `agrees` cell in the staging CSV
     is "not found" stays in the file and the next row of the same instrument's round-robin is
     appended, so the sample keeps QUOTA rows that could be checked (a replacement's draw label
     ends in " R"). A replacement that is itself "not found" is replaced in turn by the next
     run of --write --replace. A row once in the staging file stays in the sample even if
     the row it replaced is later found (the draw order is fixed, so the rows in the file are
     always a prefix of each instrument's round-robin). An instrument whose rows are exhausted
     (the ACHR has one row) gets no replacement. --write always keeps every filled cell of
     rows already in the file.

    .venv/bin/python tools/treaties/crosscheck.py --write --replace   # draw replacements
"""

from __future__ import annotations

import argparse
import calendar
import csv
import hashlib
import random
import sys
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TABLE = ROOT / "graph" / "data" / "treaty_actions.csv"
REGIONS = HERE / "m49_regions.csv"
STAGING = HERE / "research-2026-12-03b" / "crosscheck-2026-12-03.csv"

SEED = 20261203
# The sampled population: the first POPULATION_ROWS data rows of TABLE (see the docstring).
POPULATION_ROWS = 1614
POPULATION_SHA256 = "b4e7c275642e844c08d3a2c78d0a6dbe340070f008656d05f63d79d918057be3"

# instrument: (article, delay after deposit: ("days" | "months", n), date of the deposit that
# brought the treaty into force, the treaty's own entry into force). Source of every figure:
# graph/data/README-treaties.md, "How to read the columns"; the ACHR's (the eleventh deposit,
# Grenada's of 18 Jul 1978, art. 74(2)) from the IACHR Annual Report 2003 annex read for the
# regional rows; the two optional protocols' as in tools/treaties/untc_scrape.py.
RULES: dict[str, tuple[str, tuple[str, int], str | None, str | None]] = {
    "cat": ("CAT art. 27(2)", ("days", 30), "1987-05-27", "1987-06-26"),
    "iccpr": ("ICCPR art. 49(2)", ("months", 3), "1975-12-23", "1976-03-23"),
    "crc": ("CRC art. 49(2)", ("days", 30), "1990-08-03", "1990-09-02"),
    "icpped": ("ICPPED art. 39(2)", ("days", 30), "2010-11-23", "2010-12-23"),
    "refugee-convention": ("1951 Convention art. 43(2)", ("days", 90), "1954-01-22", "1954-04-22"),
    "refugee-protocol": ("1967 Protocol art. VIII(2)", ("days", 0), None, "1967-10-04"),
    "echr": ("ECHR art. 59(4) / former art. 66(3)", ("days", 0), None, "1953-09-03"),
    "achr": ("ACHR art. 74(2)", ("days", 0), "1978-07-18", "1978-07-18"),
    "iccpr-op1": ("ICCPR-OP1 art. 9(2)", ("months", 3), None, "1976-03-23"),
    "opcat": ("OPCAT art. 28(2)", ("days", 30), None, "2006-06-22"),
}

# Rows per instrument in the sample (6 x 7 + 7 + 1 = 50; the ACHR has a single row).
QUOTA = {
    "cat": 7,
    "iccpr": 7,
    "crc": 7,
    "icpped": 7,
    "refugee-convention": 7,
    "refugee-protocol": 7,
    "echr": 7,
    "achr": 1,
}
SAMPLED_ACTIONS = ("signature", "ratification", "accession", "succession")
KEY = ("state", "instrument", "action", "date_deposited")
SECOND = ("second_source_title", "second_source_url", "second_value", "agrees", "note")
COLUMNS = ("draw", "region", *KEY, "date_in_force", *SECOND)


def add_delay(deposit: date, delay: tuple[str, int]) -> date:
    """deposit + delay; a day missing in the target month becomes that month's last day."""
    unit, n = delay
    if unit == "days":
        return deposit + timedelta(days=n)
    month0 = deposit.month - 1 + n
    year, month = deposit.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(deposit.day, calendar.monthrange(year, month)[1]))


def expected_in_force(instrument: str, deposit: str) -> str:
    """The in-force date the treaty's article gives for a deposit on `deposit` (ISO dates)."""
    _article, delay, _threshold, treaty_in_force = RULES[instrument]
    computed = add_delay(date.fromisoformat(deposit), delay).isoformat()
    if treaty_in_force and computed < treaty_in_force:
        return treaty_in_force
    return computed


def recompute(rows: list[dict[str, str]]) -> list[str]:
    """One message per row whose date_in_force disagrees with RULES (rows of instruments
    without a rule are skipped; main() reports how many)."""
    problems = []
    for n, r in enumerate(rows, start=2):  # line 1 is the header
        if r["instrument"] not in RULES:
            continue
        where = f"line {n}: {r['state']} {r['instrument']} {r['action']} {r['date_deposited']}"
        if r["action"] == "signature":
            if r["date_in_force"]:
                problems.append(f"{where}: {r['action']} has date_in_force {r['date_in_force']}")
        elif r["action"] in ("ratification", "accession"):
            if not r["date_deposited"]:
                problems.append(f"{where}: no date_deposited")
                continue
            want = expected_in_force(r["instrument"], r["date_deposited"])
            if r["date_in_force"] != want:
                article = RULES[r["instrument"]][0]
                problems.append(
                    f"{where}: date_in_force {r['date_in_force'] or '(empty)'}, "
                    f"{article} gives {want}"
                )
    return problems


def load_regions() -> dict[str, str]:
    lines = [line for line in REGIONS.open(encoding="utf-8") if not line.startswith("#")]
    return {r["alpha3"]: r["region"] for r in csv.DictReader(lines)}


def population(rows: list[dict[str, str]]) -> tuple[list[dict[str, str]], str]:
    """The eligible rows among the first POPULATION_ROWS, and their SHA-256 fingerprint."""
    eligible = [
        r
        for r in rows[:POPULATION_ROWS]
        if r["action"] in SAMPLED_ACTIONS and r["instrument"] in QUOTA
    ]
    keys = sorted("|".join(r[k] for k in KEY) for r in eligible)
    return eligible, hashlib.sha256("\n".join(keys).encode("utf-8")).hexdigest()


def round_robin(
    rows: list[dict[str, str]], regions: dict[str, str]
) -> dict[str, list[dict[str, str]]]:
    """instrument -> all its rows in draw order (the sample is the first QUOTA); `rows` are
    the eligible rows of population()."""
    rng = random.Random(SEED)
    strata: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for r in sorted(rows, key=lambda r: tuple(r[k] for k in KEY)):
        strata[(r["instrument"], regions[r["state"]])].append(r)
    for key in sorted(strata):
        rng.shuffle(strata[key])
    order: dict[str, list[dict[str, str]]] = {}
    for instrument in sorted({i for i, _ in strata}):
        queues = [strata[k] for k in sorted(strata) if k[0] == instrument]
        rng.shuffle(queues)
        drawn, position = [], 0
        while any(position < len(q) for q in queues):
            drawn += [
                dict(q[position], region=regions[q[position]["state"]])
                for q in queues
                if position < len(q)
            ]
            position += 1
        order[instrument] = drawn
    return order


def sample(
    order: dict[str, list[dict[str, str]]],
    filled: dict[tuple[str, ...], dict[str, str]],
    replace: bool,
) -> list[dict[str, str]]:
    """QUOTA rows per instrument, plus (if replace) one replacement per row 'not found',
    plus every row already in the staging file (`filled`)."""
    out = []
    for instrument in sorted(order):
        queue, wanted, taken = order[instrument], QUOTA.get(instrument, 0), 0
        for position, r in enumerate(queue):
            key = tuple(r[k] for k in KEY)
            if wanted <= 0 and key not in filled:
                break
            row = {c: r.get(c, "") for c in COLUMNS}
            replacement = taken >= QUOTA[instrument]
            row["draw"] = f"{instrument}-{position + 1}" + (" R" if replacement else "")
            row.update({c: filled.get(key, {}).get(c, "") for c in SECOND})
            out.append(row)
            taken += 1
            if not replace or row["agrees"] != "not found":
                wanted -= 1
    return out


def draw(
    eligible: list[dict[str, str]],
    filled: dict[tuple[str, ...], dict[str, str]],
    args: argparse.Namespace,
) -> None:
    """Print the sample; with --write, write it to STAGING (never dropping a row already there)."""
    drawn = sample(round_robin(eligible, load_regions()), filled, args.replace)

    writer = csv.DictWriter(sys.stdout, fieldnames=COLUMNS[:7], extrasaction="ignore")
    writer.writeheader()
    writer.writerows(drawn)
    lost = set(filled) - {tuple(r[k] for k in KEY) for r in drawn}
    if args.write and lost:
        print(
            f"NOT WRITTEN: {len(lost)} row(s) of {STAGING.name} are not in this draw (the table"
            " changed since the sample was drawn?); keeping the file as it is.",
            file=sys.stderr,
        )
    elif args.write:
        STAGING.parent.mkdir(exist_ok=True)
        with STAGING.open("w", encoding="utf-8", newline="") as handle:
            out = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
            out.writeheader()
            out.writerows(drawn)
        print(f"wrote {len(drawn)} rows to {STAGING.relative_to(ROOT)}", file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help=f"write {STAGING.name}")
    parser.add_argument(
        "--replace", action="store_true", help='draw replacements for rows "not found"'
    )
    args = parser.parse_args()

    with TABLE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    filled: dict[tuple[str, ...], dict[str, str]] = {}
    if STAGING.exists():
        with STAGING.open(encoding="utf-8", newline="") as handle:
            filled = {tuple(r[k] for k in KEY): r for r in csv.DictReader(handle)}
    eligible, fingerprint = population(rows)
    if fingerprint != POPULATION_SHA256:
        print(
            f"POPULATION CHANGED: the eligible rows among the first {POPULATION_ROWS} data rows"
            f" of {TABLE.name} ({len(eligible)} rows) have SHA-256 {fingerprint}, not"
            f" {POPULATION_SHA256}; the sample of seed {SEED} cannot be reproduced. Nothing drawn.",
            file=sys.stderr,
        )
    else:
        print(
            f"population: {len(eligible)} eligible rows in the first {POPULATION_ROWS} data rows"
            f" (SHA-256 matches); {len(rows) - POPULATION_ROWS} later rows not drawn from",
            file=sys.stderr,
        )
        draw(eligible, filled, args)

    problems = recompute(rows)
    for p in problems:
        print("IN-FORCE DISAGREEMENT", p, file=sys.stderr)
    checked = sum(
        r["action"] in ("ratification", "accession") and r["instrument"] in RULES for r in rows
    )
    print(f"recomputed {checked} in-force dates: {len(problems)} disagreement(s)", file=sys.stderr)
    no_rule = sorted({r["instrument"] for r in rows if r["instrument"] not in RULES})
    if no_rule:
        skipped = sum(r["instrument"] in no_rule for r in rows)
        print(f"no rule, not checked: {skipped} rows of {', '.join(no_rule)}", file=sys.stderr)
    if fingerprint != POPULATION_SHA256:
        return 2
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
