"""Case dossiers and timelines: the timeline places a year-only, a month-precise and a
day-precise date in order and draws each at its precision (checked in the real browser, by
the boxes it draws); an undated fact is listed apart; `dakg dossier --pdf` prints through
headless Chromium and every quote the store holds for the case's facts is in the PDF's text
(pdftotext); a views folder holds a dossier per case and timelines linked from the views;
user errors are one line."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from dakg.graph.build import build
from dakg.graph.reader import open_reader
from dakg.queries.library import load, run
from dakg.viz.dossier import write_dossier
from dakg.viz.site import draw

from .browser import INSTALL, Viewer, chromium_path, missing, open_view

PREFIX = (
    "PREFIX dakg: <https://w3id.org/dakg/ontology#>\n"
    "PREFIX oa: <http://www.w3.org/ns/oa#>\n"
    "PREFIX prov: <http://www.w3.org/ns/prov#>\n"
)
CITATION = "    citation: {title: A test citation, publisher: dakg tests, date: 2026-12-04}\n"
# One person's facts dated at three precisions (listed out of order) and one with no date.
CASE = (
    "case: date-precision\n"
    "title: Dates at three precisions (test)\n"
    "reviewer: dakg tests\n"
    "date: 2026-12-04\n"
    "facts:\n"
    "  - kind: outcome\n    person: Test Person\n    what: detention\n    where: Syria\n"
    "    date: 2003-05-12\n" + CITATION + "  - kind: transfer\n    person: Test Person\n"
    "    from: Canada\n    to: Syria\n    transfer_kind: deportation\n"
    '    date: "2003"\n' + CITATION + "  - kind: decision\n    person: Test Person\n"
    "    body: Committee against Torture\n    finding: violation\n"
    "    date: 2003-05\n" + CITATION + "  - kind: outcome\n    person: Test Person\n"
    "    what: torture\n    where: Syria\n" + CITATION
)


def dakg(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dakg", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=600,
    )


def squeeze(text: str) -> str:
    """Text without whitespace: a PDF breaks lines wherever the page ends them."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def precision(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A dossier of a case whose facts are dated at three precisions, and one undated."""
    root = tmp_path_factory.mktemp("precision")
    corpus = root / "corpus"
    (corpus / "cases").mkdir(parents=True)
    (corpus / "note.txt").write_text("A note that names no person and no transfer.\n")
    (corpus / "cases" / "precision.yaml").write_text(CASE, encoding="utf-8")
    build(corpus, root / "data")
    out = root / "dossier" / "date-precision.html"
    out.parent.mkdir()
    write_dossier(open_reader(root / "data"), "date-precision", out)
    return out


@pytest.fixture(scope="module")
def viewer(precision: Path) -> Iterator[Viewer]:
    with open_view(precision.parent) as v:
        yield v


def test_the_timeline_orders_dates_and_draws_each_at_its_precision(
    precision: Path, viewer: Viewer
) -> None:
    page = viewer.open(precision.name)
    rows = page.locator("table.timeline tr.tl-row")
    assert [rows.nth(i).get_attribute("data-precision") for i in range(rows.count())] == [
        "YearPrecision",
        "MonthPrecision",
        "DayPrecision",
    ]
    dates = page.locator("table.timeline td.tl-date").all_inner_texts()
    assert dates == ["2003 (year only)", "May 2003", "12 May 2003"]
    lane = page.locator("tr.tl-row .tl-lane").first.bounding_box()
    year, month, day = (page.locator("tr.tl-row .tl-bar").nth(i).bounding_box() for i in range(3))
    assert lane and year and month and day
    # the year spans its year: the whole axis, which runs over 2003 only
    assert year["width"] > 0.95 * lane["width"]
    # May is a twelfth of it, give or take the month's length and the bar's rounded ends
    assert 0.06 < month["width"] / year["width"] < 0.11
    assert year["x"] < month["x"] and month["x"] + month["width"] < year["x"] + year["width"]
    # the day is a point inside May
    centre = day["x"] + day["width"] / 2
    assert day["width"] <= month["width"]
    assert month["x"] <= centre <= month["x"] + month["width"]
    # the undated fact is listed apart, never placed on 1 January
    assert page.locator("ul.undated li").all_inner_texts() == [
        "Torture: at: Syria; victim: Test Person (confirmed by an analyst)"
    ]
    assert "1 January" not in page.inner_text("body")
    assert viewer.console_errors == [] and viewer.left_folder == []


def case_quotes(built: Path, case: str) -> tuple[list[str], set[str]]:
    """A case's facts (the canned query) and every quote the store holds for them."""
    reader = open_reader(built)
    facts = [
        row["fact"].value
        for row in run(reader, load("case-facts"), {"case": f"case:{case}"}).rows
        if row["fact"] is not None
    ]
    quotes = {
        row["exact"].value
        for row in reader.select(
            PREFIX
            + "SELECT DISTINCT ?exact WHERE { VALUES ?fact { "
            + " ".join(f"<{f}>" for f in facts)
            + " } { ?fact prov:wasDerivedFrom/oa:hasSelector/oa:exact ?exact } UNION "
            # a happening's principal fact stands for its event: every report's quotes count
            + "{ ?event dakg:principalFact ?fact ; dakg:includesFact ?report . "
            + "?report prov:wasDerivedFrom/oa:hasSelector/oa:exact ?exact } }"
        )
    }
    return facts, quotes


def test_dossiers_print_to_pdf_with_every_quote_of_their_case(
    built: Path, corpus: Path, tmp_path: Path
) -> None:
    chromium_path()
    if shutil.which("pdftotext") is None:
        missing(f"pdftotext is not installed: install it with `{INSTALL}`")
    cases = sorted(
        re.search(r"^case: *(\S+)", f.read_text(encoding="utf-8"), re.M).group(1)  # type: ignore[union-attr]
        for f in (corpus / "cases").glob("*.yaml")
    )
    assert len(cases) >= 4
    seen = 0
    for case in cases:
        pdf = tmp_path / f"{case}.pdf"
        done = dakg("dossier", case, "--pdf", "-o", str(pdf), "--data-dir", str(built),
                    env={"DAKG_CHROMIUM": chromium_path()})  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert pdf.read_bytes().startswith(b"%PDF")
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        facts, quotes = case_quotes(built, case)
        assert facts, case
        printed = squeeze(text)
        assert [q for q in sorted(quotes) if squeeze(q) not in printed] == [], case
        # every fact is there with its IRI, whose tail the PDF shows
        assert [f for f in facts if f.rsplit("/", 1)[-1] not in printed] == [], case
        seen += len(quotes)
    assert seen >= 20
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{c}.pdf" for c in cases)


def test_a_views_folder_holds_dossiers_and_timelines_linked_from_the_views(
    built: Path, tmp_path: Path
) -> None:
    out = tmp_path / "views"
    draw(open_reader(built), out)
    cases = sorted(p.stem for p in (out / "case").glob("*.html"))
    assert "arar" in cases
    assert sorted(p.stem for p in (out / "dossier").glob("*.html")) == cases
    for case in cases:
        assert f'href="../dossier/{case}.html"' in (out / "case" / f"{case}.html").read_text()
    people = sorted((out / "person").glob("*.html"))
    assert people
    for person in people:
        timeline = out / "timeline" / "person" / person.name
        assert timeline.is_file(), person.name
        assert f'href="../timeline/person/{person.name}"' in person.read_text()
    states = sorted((out / "state").glob("*.html"))
    assert states and all((out / "timeline" / "state" / s.name).is_file() for s in states)
    index = (out / "index.html").read_text()
    assert 'href="dossier/arar.html"' in index
    assert "<script" not in (out / "dossier" / "arar.html").read_text()


def test_an_unknown_case_and_a_missing_browser_are_one_line_errors(
    built: Path, tmp_path: Path
) -> None:
    done = dakg("dossier", "no-such-case", "--data-dir", str(built), "-o", str(tmp_path / "x"))
    assert done.returncode == 1 and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "no-such-case" in done.stderr and "Traceback" not in done.stderr
    pdf = tmp_path / "arar.pdf"
    done = dakg("dossier", "arar", "--pdf", "-o", str(pdf), "--data-dir", str(built),
                env={"DAKG_CHROMIUM": str(tmp_path / "no-browser")})  # fmt: skip
    assert done.returncode == 1 and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "Traceback" not in done.stderr and "chromium" in done.stderr.lower()
    assert list(tmp_path.iterdir()) == []
