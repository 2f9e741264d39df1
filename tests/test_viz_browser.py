"""The views in a real browser (Debian's Chromium, offline, every request recorded): what a
page draws matches independent SPARQL on the store, the picture is not blank and lies in the
viewport, a click fills the panel with the sources, search, filters, paths, the table and the
PNG all work, no console error, and nothing leaves the folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dakg.graph.reader import open_reader
from dakg.viz.site import draw

from .browser import Viewer, colour_count, open_view

ID = "https://w3id.org/dakg/id/"
PREFIX = "PREFIX dakg: <https://w3id.org/dakg/ontology#>\n"
ROLES = (
    "dakg:transferee dakg:fromState dakg:toState dakg:viaPlace dakg:soughtBy dakg:givenBy "
    "dakg:concerns dakg:relatesToTransfer dakg:victim dakg:perpetrator dakg:atPlace "
    "dakg:decidedBy dakg:about dakg:appliesProvision dakg:author dakg:signatory dakg:addressee"
)
EVENTS = "dakg:Transfer dakg:AssuranceEvent dakg:Harm dakg:Decision dakg:AdvocacyAction"


@pytest.fixture(scope="module")
def folder(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("browser") / "views"
    draw(open_reader(built), out)
    return out


@pytest.fixture(scope="module")
def viewer(folder: Path) -> Iterator[Viewer]:
    with open_view(folder) as v:
        yield v


def drawn(viewer: Viewer, path: str) -> Any:
    page = viewer.open(path)
    page.wait_for_selector("body[data-drawn=true]", timeout=15000)
    return page


def expected_counts(built: Path, facts_pattern: str) -> tuple[int, int]:
    """Nodes and edges of a view, counted on the store: the events the pattern selects, the
    things they point at by role, and group memberships among those things."""
    reader = open_reader(built)
    # each fact drawn as its event: a happening's reports are one node (graph/events)
    pattern = facts_pattern.replace("?f", "?reported")
    select = f"""VALUES ?class {{ {EVENTS} }} ?reported a ?class . {pattern}
        FILTER NOT EXISTS {{ ?reported dakg:reviewStatus dakg:Rejected }}
        OPTIONAL {{ ?event dakg:includesFact ?reported ; dakg:principalFact ?shown }}
        BIND(COALESCE(?shown, ?reported) AS ?f)"""
    targets = f"""{select} VALUES ?role {{ {ROLES} }} ?reported ?role ?to . FILTER(isIRI(?to))
        OPTIONAL {{ ?toEvent dakg:includesFact ?to ; dakg:principalFact ?toShown }}
        BIND(COALESCE(?toShown, ?to) AS ?t)"""
    facts = reader.select(PREFIX + f"SELECT DISTINCT ?f WHERE {{ {select} }}")
    links = reader.select(PREFIX + f"SELECT DISTINCT ?f ?role ?t WHERE {{ {targets} }}")
    nodes = {r["f"].value for r in facts} | {r["t"].value for r in links}  # type: ignore[union-attr]
    members = reader.select(PREFIX + "SELECT DISTINCT ?g ?m WHERE { ?g dakg:hasMember ?m }")
    memberships = [r for r in members if {r["g"].value, r["m"].value} <= nodes]  # type: ignore[union-attr]
    return len(nodes), len(links) + len(memberships)


def page_counts(page: Any) -> tuple[int, int]:
    nodes, edges = page.evaluate("[dakgView.nodes.length, dakgView.edges.length]")
    return nodes, edges


CASE_ARAR = f"""{{ ?f dakg:partOfCase <{ID}case/arar> }} UNION {{ <{ID}case/arar> dakg:concerns ?p .
    {{ ?s dakg:hasMember? ?p }} UNION {{ ?p dakg:hasMember ?s }}
    ?f dakg:transferee|dakg:concerns|dakg:victim|dakg:about ?s }}"""
PERSON_KUDAEV = f"""{{ ?f ?r <{ID}person/rasul-kudaev> }} UNION
    {{ ?g dakg:hasMember <{ID}person/rasul-kudaev> . ?f ?r ?g }}"""
STATE_UZB = f"?f ?r <{ID}state/UZB> ."
OVERVIEW = ""


@pytest.mark.parametrize(
    ("path", "pattern"),
    [
        ("case/arar.html", CASE_ARAR),
        ("person/rasul-kudaev.html", PERSON_KUDAEV),
        ("state/UZB.html", STATE_UZB),
        ("graph/overview.html", OVERVIEW),
    ],
)
def test_a_page_draws_as_many_nodes_and_edges_as_the_store_holds(
    built: Path, viewer: Viewer, path: str, pattern: str, tmp_path: Path
) -> None:
    page = drawn(viewer, path)
    assert page_counts(page) == expected_counts(built, pattern)
    shot = viewer.screenshot(page, tmp_path / "page.png", full_page=False)
    assert colour_count(shot) > 50
    inside = page.evaluate(
        """() => { const n = dakgView.network, box = document.getElementById('network')
              .getBoundingClientRect(), pos = n.getPositions();
            return Object.values(pos).filter(p => { const d = n.canvasToDOM(p);
              return d.x >= 0 && d.y >= 0 && d.x <= box.width && d.y <= box.height; }).length; }"""
    )
    assert inside == page_counts(page)[0]
    assert viewer.console_errors == [] and viewer.left_folder == []


def test_every_kind_of_page_opens_without_errors_or_requests_leaving(
    folder: Path, viewer: Viewer
) -> None:
    kinds = ["index.html", "graph/obligations.html", "document/hrw-2006-09-06-yusupov-letter.html",
             "text/hrw-2006-09-06-yusupov-letter.html", "case/yusupov.html"]  # fmt: skip
    for path in kinds:
        page = viewer.open(path)
        if "text/" not in path and path != "index.html":
            page.wait_for_selector("body[data-drawn=true]", timeout=15000)
        assert not viewer.xss_fired(page)
        page.close()
    assert viewer.console_errors == [] and viewer.left_folder == []
    assert all(r.startswith("file://") for r in viewer.requests)


def test_clicking_a_transfer_fills_the_panel_with_its_quotes(built: Path, viewer: Viewer) -> None:
    page = drawn(viewer, "case/yusupov.html")
    transfer = page.evaluate("dakgView.nodes.get({filter: n => n.cls === 'Transfer'})[0].id")
    quotes = open_reader(built).select(
        PREFIX + "PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX oa: <http://www.w3.org/ns/oa#>"
        " SELECT DISTINCT ?q WHERE {"
        f" <{transfer}> prov:wasDerivedFrom/oa:hasSelector/oa:exact ?q }}"
    )
    assert quotes
    point = page.evaluate(
        """(id) => { const n = dakgView.network, d = n.canvasToDOM(n.getPositions([id])[id]),
            box = document.getElementById('network').getBoundingClientRect();
            return [box.left + d.x, box.top + d.y]; }""",
        transfer,
    )
    page.mouse.click(*point)
    panel = page.locator("#panel")
    shown = panel.locator("blockquote").all_inner_texts()
    assert sorted(shown) == sorted(r["q"].value for r in quotes)  # type: ignore[union-attr]
    assert "Transfer" in panel.inner_text()
    link = panel.locator(".cite a").first.get_attribute("href")
    assert link is not None and link.startswith("../text/") and "#q-" in link


def test_search_finds_a_person(viewer: Viewer) -> None:
    page = drawn(viewer, "graph/overview.html")
    page.fill("#search-box", "kudaev")
    page.click("#search button[type=submit]")
    assert page.inner_text("#search-result") == "1 found"
    assert page.evaluate("dakgView.network.getSelectedNodes()") == [f"{ID}person/rasul-kudaev"]
    assert page.locator("#panel h2").inner_text() == "Rasul Kudaev"


def test_filters_hide_a_type_in_the_drawing_and_the_table(viewer: Viewer) -> None:
    page = drawn(viewer, "graph/overview.html")
    harm = page.evaluate("dakgView.nodes.get({filter: n => n.cls === 'Harm'}).length")
    before = page.evaluate("dakgView.nodeView.length")
    rows = page.locator("#facts-table tbody tr:not([hidden])").count()
    page.uncheck("input[name=type][value=Harm]")
    assert harm > 0
    assert page.evaluate("dakgView.nodeView.length") == before - harm
    assert page.locator("#facts-table tbody tr:not([hidden])").count() == rows - harm
    page.select_option("#filter-case", "arar")
    shown = page.evaluate("dakgView.nodeView.get().map(n => n.cases.includes('arar'))")
    assert shown and all(shown)


def test_the_table_is_keyboard_navigable(viewer: Viewer) -> None:
    page = drawn(viewer, "case/russian-guantanamo-detainees.html")
    rows = page.locator("#facts-table tbody tr")
    rows.nth(0).focus()
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.getAttribute('data-id')")
    assert focused == rows.nth(1).get_attribute("data-id")
    page.keyboard.press("Enter")
    assert page.evaluate("dakgView.network.getSelectedNodes()") == [focused]


def test_save_as_png_holds_the_drawing_the_legend_and_the_stamp(
    viewer: Viewer, tmp_path: Path
) -> None:
    page = drawn(viewer, "case/arar.html")
    with page.expect_download() as download:
        page.click("#save-png")
    saved = tmp_path / "view.png"
    download.value.save_as(saved)
    assert download.value.suggested_filename == "dakg-case-arar.png"
    canvas = page.evaluate("document.querySelector('#network canvas').height")
    height = int.from_bytes(saved.read_bytes()[20:24], "big")
    assert height > canvas + 60
    assert colour_count(saved) > 50
    stamp = page.inner_text("#stamp")
    assert "graph built" in stamp and "drawn" in stamp and "rejected facts hidden" in stamp
