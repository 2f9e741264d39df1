"""Add UN treaty actions for all states to treaty_actions.csv from the 2015 UNTC scrape.

Source: the public GitHub dataset zmjones/untreaties, a scrape of the UN Treaty Collection
taken on 2015-03-14 (commit 003ce13). Files read: treaties/4-9.csv (CAT), 4-4 (ICCPR),
4-11 (CRC), 4-16 (ICPPED), 5-2 (1951 Refugee Convention), 5-5 (1967 Protocol), and
(converted 2026-12-03) 4-5 (ICCPR First Optional Protocol) and 4-9-b (OPCAT).

For every participant whose UNTC name maps to an ISO 3166-1 alpha-3 code (pycountry plus a
few explicit names), and every instrument for which that state has NO row yet in
treaty_actions.csv, one row is appended per date in the scrape: the signature, and the
ratification / accession / succession (UNTC "a" = accession, "d" = succession, "A" =
acceptance and "AA" = approval, both recorded as ratification). Existing rows are never
changed; the new rows are appended sorted by state, instrument, date. `date_in_force` is
computed by the treaty's entry-into-force article (see INSTRUMENTS), empty for signatures and
successions. The scrape has no column for withdrawals or denunciations, and keeps no UNTC
footnotes.

Before writing, the script recomputes `date_in_force` for every existing UN-treaty row that
has one and compares each existing row's date with the scrape (the self-check).

Rerun (idempotent: pairs that already have rows are skipped):

    # fetch the repository first, e.g. with git clone https://github.com/zmjones/untreaties
    .venv/bin/python tools/treaties/untc_scrape.py /path/to/untreaties/.git [--dry-run]
"""

from __future__ import annotations

import argparse
import calendar
import csv
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pycountry

COMMIT = "003ce1309cc2a27a5a3909f39b7e6634550bf173"
ADDED_ON = "2026-11-25"
# The two optional protocols were converted later, by the same rules.
ADDED_LATER = {"iccpr-op1": "2026-12-03", "opcat": "2026-12-03"}
CSV_PATH = Path(__file__).parents[2] / "graph" / "data" / "treaty_actions.csv"
UN_URL = "https://treaties.un.org/Pages/ViewDetails{}.aspx?src=TREATY&mtdsg_no={}&chapter={}{}"

# slug: (scrape file, UNTC title, UNTC url, days or months after deposit, treaty in force,
#        the rule as worded in the existing rows' notes)
INSTRUMENTS: dict[str, tuple[str, str, str, timedelta | int, date, str]] = {
    "cat": (
        "4-9",
        "UNTC, Status of Treaties, Chapter IV-9: Convention against Torture and Other Cruel, "
        "Inhuman or Degrading Treatment or Punishment",
        UN_URL.format("", "IV-9", "4", "&clang=_en"),
        timedelta(days=30),
        date(1987, 6, 26),
        "In-force date computed by CAT art. 27(2): 30th day after deposit; deposits up to the "
        "20th instrument (27 May 1987) take effect at the Convention's entry into force, "
        "26 Jun 1987 (art. 27(1)).",
    ),
    "iccpr": (
        "4-4",
        "UNTC, Status of Treaties, Chapter IV-4: International Covenant on Civil and "
        "Political Rights",
        UN_URL.format("", "IV-4", "4", "&clang=_en"),
        3,
        date(1976, 3, 23),
        "In-force date computed by ICCPR art. 49(2): three months after deposit; deposits up "
        "to the 35th instrument (23 Dec 1975) take effect at entry into force, 23 Mar 1976 "
        "(art. 49(1)).",
    ),
    "crc": (
        "4-11",
        "UNTC, Status of Treaties, Chapter IV-11: Convention on the Rights of the Child",
        UN_URL.format("", "IV-11", "4", "&clang=_en"),
        timedelta(days=30),
        date(1990, 9, 2),
        "In-force date computed by CRC art. 49(2): 30th day after deposit; deposits up to the "
        "20th instrument (3 Aug 1990) take effect at entry into force, 2 Sep 1990 "
        "(art. 49(1)).",
    ),
    "icpped": (
        "4-16",
        "UNTC, Status of Treaties, Chapter IV-16: International Convention for the Protection "
        "of All Persons from Enforced Disappearance",
        UN_URL.format("", "IV-16", "4", "&clang=_en"),
        timedelta(days=30),
        date(2010, 12, 23),
        "In-force date computed by ICPPED art. 39(2): 30th day after deposit; deposits up to "
        "the 20th instrument (23 Nov 2010) take effect at entry into force, 23 Dec 2010 "
        "(art. 39(1)).",
    ),
    "iccpr-op1": (
        "4-5",
        "UNTC, Status of Treaties, Chapter IV-5: Optional Protocol to the International "
        "Covenant on Civil and Political Rights",
        UN_URL.format("", "IV-5", "4", "&clang=_en"),
        3,
        date(1976, 3, 23),
        "In-force date computed by OP1 art. 9(2): three months after deposit; deposits up to "
        "the 10th instrument take effect at the Protocol's entry into force, 23 Mar 1976 "
        "(art. 9(1)).",
    ),
    "opcat": (
        "4-9-b",
        "UNTC, Status of Treaties, Chapter IV-9-b: Optional Protocol to the Convention against "
        "Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment",
        UN_URL.format("", "IV-9-b", "4", "&clang=_en"),
        timedelta(days=30),
        date(2006, 6, 22),
        "In-force date computed by OPCAT art. 28(2): 30th day after deposit; deposits up to "
        "the 20th instrument take effect at the Protocol's entry into force, 22 Jun 2006 "
        "(art. 28(1)).",
    ),
    "refugee-convention": (
        "5-2",
        "UNTC, Status of Treaties, Chapter V-2: Convention relating to the Status of "
        "Refugees (1951)",
        UN_URL.format("II", "V-2", "5", "&Temp=mtdsg2&clang=_en"),
        timedelta(days=90),
        date(1954, 4, 22),
        "In-force date computed by 1951 Convention art. 43(2): 90th day following deposit; "
        "deposits up to the 6th instrument (22 Jan 1954) take effect at entry into force, "
        "22 Apr 1954 (art. 43(1)).",
    ),
    "refugee-protocol": (
        "5-5",
        "UNTC, Status of Treaties, Chapter V-5: Protocol relating to the Status of Refugees (1967)",
        UN_URL.format("II", "V-5", "5", "&Temp=mtdsg2&clang=_en"),
        timedelta(days=0),
        date(1967, 10, 4),
        "In-force date computed by 1967 Protocol art. VIII(2): in force for the acceding "
        "State on the date of deposit (Protocol in force 4 Oct 1967, art. VIII(1)).",
    ),
}

# UNTC participant names that pycountry does not resolve by exact name.
NAME_OVERRIDES = {
    "Bolivia (Plurinational State of)": "BOL",
    "Democratic Republic of the Congo": "COD",
    "Holy See": "VAT",
    "Iran (Islamic Republic of)": "IRN",
    "Micronesia (Federated States of)": "FSM",
    "Republic of Korea": "KOR",
    "St. Kitts and Nevis": "KNA",
    "St. Lucia": "LCA",
    "St. Vincent and the Grenadines": "VCT",
    "State of Palestine": "PSE",
    "Swaziland": "SWZ",
    "The former Yugoslav Republic of Macedonia": "MKD",
    "Turkey": "TUR",
    "Türkiye": "TUR",
    "Venezuela (Bolivarian Republic of)": "VEN",
}

SUFFIX_ACTION = {
    "": "ratification",
    "a": "accession",
    "d": "succession",
    "A": "ratification",
    "AA": "ratification",
}
ACTION_ORDER = {"signature": 0, "ratification": 1, "accession": 1, "succession": 1}


def alpha3(name: str) -> str | None:
    """ISO alpha-3 code for a UNTC participant name, or None (never a fuzzy guess)."""
    if name in NAME_OVERRIDES:
        code = NAME_OVERRIDES[name]
        return code if pycountry.countries.get(alpha_3=code) else None
    for country in pycountry.countries:
        names = {getattr(country, f, None) for f in ("name", "official_name", "common_name")}
        if name in names:
            return str(country.alpha_3)
    return None


def git_show(git_dir: str, path: str) -> str:
    """A file of the fetched repository at COMMIT."""
    return subprocess.run(
        ["git", f"--git-dir={git_dir}", "show", f"{COMMIT}:{path}"],
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
    ).stdout


def read_scrape(git_dir: str, stem: str) -> list[list[str]]:
    """Rows (header dropped) of treaties/<stem>.csv at COMMIT of the fetched repository."""
    return list(csv.reader(git_show(git_dir, f"treaties/{stem}.csv").splitlines()))[1:]


def parse_cell(cell: str) -> tuple[date, str]:
    """'11 May 1994 a' -> (1994-05-11, 'a')."""
    day, month, year, *suffix = cell.split()
    return datetime.strptime(f"{day} {month} {year}", "%d %b %Y").date(), "".join(suffix)


def add_months(d: date, months: int) -> tuple[date, bool]:
    """d + months; True if the day had to be clamped to the end of a shorter month."""
    month0 = d.month - 1 + months
    year, month = d.year + month0 // 12, month0 % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(d.day, last)), d.day > last


def in_force(slug: str, deposit: date) -> tuple[date, bool]:
    """Entry into force for a ratification/accession deposited on `deposit`."""
    delay, treaty_in_force = INSTRUMENTS[slug][3], INSTRUMENTS[slug][4]
    if isinstance(delay, int):
        computed, clamped = add_months(deposit, delay)
    else:
        computed, clamped = deposit + delay, False
    if computed <= treaty_in_force:
        return treaty_in_force, False
    return computed, clamped


def scrape_actions(git_dir: str) -> tuple[list[tuple[str, str, str, date, str]], set[str]]:
    """(state, slug, action, date, UNTC suffix) for every date in the six files; unmapped names."""
    actions, unmapped = [], set()
    for slug, (stem, *_rest) in INSTRUMENTS.items():
        for row in read_scrape(git_dir, stem):
            code = alpha3(row[0])
            if code is None:
                unmapped.add(row[0])
                continue
            cells = row[1:]
            if len(cells) == 1:  # 5-5 (Protocol) has no signature column
                cells = ["", cells[0]]
            if cells[0]:
                actions.append((code, slug, "signature", parse_cell(cells[0])[0], ""))
            if cells[1]:
                deposit, suffix = parse_cell(cells[1])
                actions.append((code, slug, SUFFIX_ACTION[suffix], deposit, suffix))
    return actions, unmapped


def note_for(slug: str, action: str, suffix: str, clamped: bool) -> str:
    stem = INSTRUMENTS[slug][0]
    parts = [
        "Date read in the public GitHub dataset zmjones/untreaties (a scrape of this UNTC page, "
        f"commit {COMMIT[:7]} of 2015-03-14, file treaties/{stem}.csv), not on the live UNTC "
        "page."
    ]
    if suffix in ("A", "AA"):
        kind = "acceptance" if suffix == "A" else "approval"
        parts.append(
            f"UNTC marks this deposit as {kind} ('{suffix}'); recorded here as "
            "ratification (same legal effect)."
        )
    if action == "succession":
        parts.append(
            "Succession (UNTC 'd'): the entry-into-force article does not apply; UNTC "
            "practice treats a successor State as bound from its independence, date "
            "not computed here."
        )
    elif action != "signature":
        parts.append(INSTRUMENTS[slug][5])
        if clamped:
            parts.append(
                "The deposit day does not exist three months later; the last day of "
                "that month was used (not checked against UNTC)."
            )
    parts.append(
        f"Added in bulk on {ADDED_LATER.get(slug, ADDED_ON)} by tools/treaties/untc_scrape.py, "
        "not checked "
        "against any other source; actions after March 2015 are not included, nor "
        "UNTC's footnotes (e.g. on predecessor States or territorial application)."
    )
    return " ".join(parts)


def self_check(
    existing: list[dict[str, str]], actions: list[tuple[str, str, str, date, str]]
) -> list[str]:
    """Recompute existing in-force dates and compare existing dates with the scrape."""
    lines = []
    scraped = {(s, i, a): d.isoformat() for s, i, a, d, _ in actions}
    computed = matched = 0
    for row in existing:
        slug = row["instrument"]
        if slug not in INSTRUMENTS:
            continue
        if row["date_in_force"] and row["action"] not in ("signature", "succession"):
            computed += 1
            got = in_force(slug, date.fromisoformat(row["date_deposited"]))[0].isoformat()
            if got == row["date_in_force"]:
                matched += 1
            else:
                lines.append(
                    f"in-force MISMATCH {row['state']} {slug}: csv "
                    f"{row['date_in_force']}, computed {got}"
                )
        key = (row["state"], slug, row["action"])
        if key in scraped and scraped[key] != row["date_deposited"]:
            lines.append(
                f"date differs from scrape {key}: csv {row['date_deposited']}, "
                f"scrape {scraped[key]}"
            )
        elif key not in scraped:
            lines.append(f"not in scrape: {key} {row['date_deposited']}")
    lines.insert(0, f"self-check: {matched} of {computed} existing in-force dates reproduced")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("git_dir", help="git directory of zmjones/untreaties")
    parser.add_argument("--csv", type=Path, default=CSV_PATH)
    parser.add_argument("--dry-run", action="store_true", help="report, write nothing")
    args = parser.parse_args()

    with args.csv.open(encoding="utf-8", newline="") as fh:
        existing = list(csv.DictReader(fh))
    have = {(r["state"], r["instrument"]) for r in existing}
    actions, unmapped = scrape_actions(args.git_dir)
    for line in self_check(existing, actions):
        print(line)

    new = []
    for state, slug, action, deposit, suffix in actions:
        if (state, slug) in have:
            continue
        force, clamped = ("", False)
        if action not in ("signature", "succession"):
            force_date, clamped = in_force(slug, deposit)
            force = force_date.isoformat()
        _stem, title, url, *_rest = INSTRUMENTS[slug]
        new.append(
            [
                state,
                slug,
                action,
                deposit.isoformat(),
                force,
                title,
                url,
                "yes",
                note_for(slug, action, suffix, clamped),
            ]
        )
    new.sort(key=lambda r: (r[0], r[1], r[3], ACTION_ORDER[r[2]]))

    for slug in INSTRUMENTS:
        print(f"{slug}: {sum(r[1] == slug for r in new)} rows to add")
    print(f"states with new rows: {len({r[0] for r in new})}")
    print(f"unmapped UNTC names (skipped): {sorted(unmapped) or 'none'}")
    if not args.dry_run and new:
        with args.csv.open("a", encoding="utf-8", newline="") as fh:
            csv.writer(fh, lineterminator="\n").writerows(new)
        print(f"appended {len(new)} rows to {args.csv}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
