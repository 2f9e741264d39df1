"""Append a research pass's rows to the reference tables, skipping what they already hold.

A research pass (``tools/treaties/research-*/``) writes rows in the columns of
``graph/data/treaty_actions.csv`` or ``treaty_statements.csv``, each with its source and note.
This script appends them unchanged, in the tables' order, except rows already present: an
action with the same state, instrument, action and date, or a statement with the same state,
instrument, kind and article numbers. Undated acts and statements are kept (they change no
standing, but say where a date is missing). Idempotent; ``--dry-run`` only reports.

    .venv/bin/python tools/treaties/merge_research.py actions FILE.csv [--dry-run]
    .venv/bin/python tools/treaties/merge_research.py statements FILE.csv [--dry-run]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

DATA = Path(__file__).parents[2] / "graph" / "data"
TABLES = {"actions": DATA / "treaty_actions.csv", "statements": DATA / "treaty_statements.csv"}


def key(kind: str, row: dict[str, str]) -> tuple[str, ...]:
    """What makes two rows the same act or statement."""
    if kind == "actions":
        day = row["date_deposited"] or row["date_in_force"]
        return (row["state"], row["instrument"], row["action"], day)
    articles = " ".join(re.findall(r"\d+", row["provision"].split("(")[0]))
    return (row["state"], row["instrument"], row["kind"], articles)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=sorted(TABLES))
    parser.add_argument("rows", type=Path)
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()
    table = TABLES[args.kind]
    with table.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        columns = list(reader.fieldnames or [])
        have = {key(args.kind, row) for row in reader}
    with args.rows.open(encoding="utf-8", newline="") as handle:
        incoming = list(csv.DictReader(handle))
    new = []
    for row in incoming:
        if list(row) != columns:
            print(f"{args.rows}: columns differ from {table.name}", file=sys.stderr)
            return 1
        if key(args.kind, row) in have:
            print(f"skip (already there): {key(args.kind, row)}")
            continue
        have.add(key(args.kind, row))
        new.append(row)
    print(f"{len(new)} of {len(incoming)} rows to append to {table.name}")
    if not args.dry_run and new:
        with table.open("a", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, columns, lineterminator="\n")
            writer.writerows(new)
    return 0


if __name__ == "__main__":
    sys.exit(main())
