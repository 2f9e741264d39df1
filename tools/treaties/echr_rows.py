#!/usr/bin/env python3
"""Add the ECHR ratification rows read on the Council of Europe's country pages
(tools/treaties/research-2026-12-03/echr.csv, rows with verified=yes) to
graph/data/treaty_actions.csv, for the member states the table did not cover yet.

The in-force date is the one read ("ENTRY INTO FORCE of the European Convention on Human
Rights <date>"). The deposit date is the one read where a source gave it; otherwise, for a
state that ratified after the Convention's entry into force (3 September 1953), it is taken
equal to the in-force date by Article 59(3), and the note says so. Rows already in the table
are never changed. Run from the repository root: python tools/treaties/echr_rows.py
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RESEARCH = Path(__file__).parent / "research-2026-12-03" / "echr.csv"
TABLE = ROOT / "graph" / "data" / "treaty_actions.csv"
ENTRY = "1953-09-03"
COE_URL = r"https?://(?:[^\s'\";/]*\.)?coe\.int/[^\s'\";]*"


def main() -> None:
    with TABLE.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    covered = {r["state"] for r in rows if r["instrument"] == "echr"}
    added = []
    for r in csv.DictReader(RESEARCH.open(encoding="utf-8", newline="")):
        state, in_force = r["state_iso3"], r["entry_into_force"]
        dated = re.fullmatch(r"\d{4}-\d\d-\d\d", in_force)
        if r["verified"] != "yes" or state in covered or not dated:
            continue
        deposit = r["ratification"] if re.fullmatch(r"\d{4}-\d\d-\d\d", r["ratification"]) else ""
        note = f"In-force date read on the Council of Europe's page: {r['source_detail']}"
        if not deposit:
            if in_force <= ENTRY:
                continue  # an original party's deposit date cannot be inferred
            deposit = in_force
            note += (
                " The deposit date was not read: it is taken equal to the in-force date by"
                " ECHR art. 59(3) (the Convention enters into force for a later ratifier on"
                " the deposit of its instrument of ratification)."
            )
        urls = re.findall(COE_URL, r["source_detail"])
        if not urls:
            continue  # a row is verified only with the official page it was read on
        added.append(
            {
                "state": state,
                "instrument": "echr",
                "action": "ratification",
                "date_deposited": deposit,
                "date_in_force": in_force,
                "source_title": "Council of Europe, Impact of the European Convention on Human"
                f" Rights: {r['state_name']}",
                "source_url": urls[0],
                "verified": "yes",
                "note": note,
            }
        )
    with TABLE.open("a", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        for row in sorted(added, key=lambda x: x["state"]):
            writer.writerow(row)
    print(f"added {len(added)} ECHR rows: {', '.join(sorted(a['state'] for a in added))}")


if __name__ == "__main__":
    main()
