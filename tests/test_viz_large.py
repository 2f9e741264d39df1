"""A view above the node limit, in the real browser: a scaled corpus of distinct synthetic
documents (benchmarks/scaled_corpus.py) is built through the real pipeline and drawn with a
low limit; the overview opens on its cases and states, fewer nodes than the limit, each case
sized by its facts; a case clicked or chosen in the filter draws that case's facts, every one
the store's canned query lists for it."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dakg.graph.build import build
from dakg.graph.reader import open_reader
from dakg.queries.library import load, run
from dakg.viz.site import draw

from .browser import Viewer, open_view

LIMIT = 60
ROOT = Path(__file__).resolve().parent.parent


def scaled_corpus(out: Path, documents: int) -> Path:
    spec = importlib.util.spec_from_file_location(
        "scaled_corpus", ROOT / "benchmarks" / "scaled_corpus.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("scaled_corpus", module)  # its dataclasses look their module up
    spec.loader.exec_module(module)
    module.write_corpus(out, documents, seed=7)
    return out


@pytest.fixture(scope="module")
def scaled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("scaled")
    build(scaled_corpus(root / "corpus", 30), root / "data")
    draw(open_reader(root / "data"), root / "views", max_nodes=LIMIT)
    return root / "data", root / "views"


@pytest.fixture(scope="module")
def viewer(scaled: tuple[Path, Path]) -> Iterator[Viewer]:
    with open_view(scaled[1]) as v:
        yield v


def page_json(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    start = text.index('id="dakg-data">') + len('id="dakg-data">')
    return json.loads(text[start : text.index("</script>", start)])  # type: ignore[no-any-return]


def drawn_ids(page: Any) -> list[str]:
    return page.evaluate("dakgView.network.body.nodeIndices.slice()")  # type: ignore[no-any-return]


def test_the_overview_opens_aggregated_and_expands_on_a_case(
    scaled: tuple[Path, Path], viewer: Viewer
) -> None:
    data_dir, views = scaled
    data = page_json(views / "graph" / "overview.html")
    assert len(data["nodes"]) > LIMIT and data["limit"] == LIMIT
    page = viewer.open("graph/overview.html")
    page.wait_for_selector("body[data-drawn=true]", timeout=15000)
    assert page.get_attribute("body", "data-mode") == "aggregate"
    opened = drawn_ids(page)
    assert 0 < len(opened) < LIMIT
    assert sorted(opened) == sorted(n["id"] for n in data["aggregate"]["nodes"])
    # every case of the overview's facts is there, sized by its facts
    cases = {c for n in data["nodes"] if n["id"] in data["details"] for c in n["cases"]}
    agg = {n["id"]: n for n in data["aggregate"]["nodes"]}
    assert {f"case:{c}" for c in cases} <= set(agg)
    assert page.locator("#aggregate-note").is_visible()

    # click the case with the most facts that still fits under the limit
    reader = open_reader(data_dir)
    fitting = []
    for case in sorted(cases):
        nodes = [n["id"] for n in data["nodes"] if case in n["cases"]]
        if len(nodes) <= LIMIT:
            fitting.append((len(nodes), case, nodes))
    assert fitting
    _, case, nodes = max(fitting)
    page.evaluate(
        "(id) => dakgView.network.emit('click', {nodes: [id], edges: []})", f"case:{case}"
    )
    page.wait_for_selector("body[data-mode=detail]", timeout=5000)
    shown = drawn_ids(page)
    assert sorted(shown) == sorted(nodes)
    assert page.input_value("#filter-case") == case
    store = {
        row["fact"].value
        for row in run(reader, load("case-facts"), {"case": f"case:{case}"}).rows
        if row["fact"] is not None
    }
    assert store and store <= set(shown)

    # back to the aggregate, then the filter alone expands too
    page.click("#draw-overview")
    page.wait_for_selector("body[data-mode=aggregate]", timeout=5000)
    page.select_option("#filter-case", case)
    page.wait_for_selector("body[data-mode=detail]", timeout=5000)
    assert sorted(drawn_ids(page)) == sorted(nodes)
    # and "draw all" draws every node
    page.click("#draw-overview")
    page.click("#draw-whole")
    page.wait_for_selector("body[data-mode=detail]", timeout=5000)
    assert len(drawn_ids(page)) == len(data["nodes"])
    assert viewer.console_errors == [] and viewer.left_folder == []


def test_a_view_under_the_limit_is_drawn_whole(scaled: tuple[Path, Path], viewer: Viewer) -> None:
    _, views = scaled
    case = sorted((views / "case").glob("*.html"))[0]
    data = page_json(case)
    assert data["aggregate"] is None and len(data["nodes"]) <= LIMIT
    page = viewer.open(case.relative_to(views))
    page.wait_for_selector("body[data-drawn=true]", timeout=15000)
    assert page.get_attribute("body", "data-mode") == "detail"
    assert len(drawn_ids(page)) == len(data["nodes"])
    assert page.locator("#aggregate-note").count() == 0


@pytest.fixture(scope="module")
def lean(scaled: tuple[Path, Path]) -> Path:
    """The same graph drawn whole, every view above a low node count drawn lean."""
    data_dir, views = scaled
    out = views / "lean"  # inside the folder the module's browser may open
    draw(open_reader(data_dir), out, max_nodes=0, large=LIMIT)
    return out


def test_a_lean_page_loads_its_details_and_table_only_when_asked(
    scaled: tuple[Path, Path], lean: Path, viewer: Viewer
) -> None:
    _, views = scaled
    full, thin = views / "graph" / "overview.html", lean / "graph" / "overview.html"
    whole = page_json(full)
    data = page_json(thin)
    assert data["large"] and data["details"] is None and whole["details"]
    beside = (thin.parent / data["details_src"]).read_text(encoding="utf-8")
    assert beside.startswith("dakgViewDetails(") and beside.endswith(");\n")
    assert json.loads(beside[len("dakgViewDetails(") : -3]) == whole["details"]
    # the page itself carries no quote (but those that are a document's title, in the
    # document filter): they are all in the file beside it
    titles = {o["label"] for o in data["document_options"]}
    quotes = {s["quote"] for d in whole["details"].values() for s in d.get("sources", [])}
    html = thin.read_text(encoding="utf-8")
    assert len(quotes - titles) > 100
    assert not any(q in html for q in quotes - titles if len(q) > 40)
    assert html.count("<tr") == 1  # only the table's head: its rows come when asked

    page = viewer.open("graph/overview.html")
    page.wait_for_selector("body[data-drawn=true]", timeout=15000)
    written = page.locator("#facts-table tbody tr")
    expected = [(r.get_attribute("data-id"), r.get_attribute("data-status"), r.inner_text())
                for r in written.all()]  # fmt: skip
    assert len(expected) == len(whole["rows"]) > LIMIT
    page = viewer.open("lean/graph/overview.html")
    page.wait_for_selector("body[data-drawn=true]", timeout=15000)
    assert page.get_attribute("body", "data-mode") == "detail"
    assert not page.is_visible("#facts-table")
    # a click loads the details: the panel shows the fact's quotes
    fact = next(k for k in whole["rows"] if whole["details"][k]["sources"])
    page.evaluate("(id) => { dakgView.network.emit('click', {nodes: [id], edges: []}); }", fact)
    page.wait_for_selector("#panel blockquote", timeout=5000)
    assert page.inner_text("#panel h2") == whole["details"][fact]["label"]
    assert (
        page.locator("#panel blockquote")
        .all_inner_texts()[0]
        .startswith(whole["details"][fact]["sources"][0]["quote"][:30])
    )
    # the table, written on demand, has the rows the template writes for a small page
    page.click("#write-table")
    page.wait_for_selector("#facts-table tbody tr", timeout=10000)
    assert page.is_visible("#facts-table") and page.locator("#write-table").count() == 0
    rows = [(r.get_attribute("data-id"), r.get_attribute("data-status"), r.inner_text())
            for r in page.locator("#facts-table tbody tr").all()]  # fmt: skip
    assert rows == expected
    # and its filters still hide the rows of the facts they hide
    case = next(c for n in data["nodes"] for c in n["cases"])
    page.select_option("#filter-case", case)
    shown = page.locator("#facts-table tbody tr:not([hidden])").count()
    assert shown == sum(1 for k in data["rows"] if case in whole_node(whole, k)["cases"])
    assert viewer.console_errors == [] and viewer.left_folder == []


def whole_node(page: dict[str, Any], key: str) -> dict[str, Any]:
    return next(n for n in page["nodes"] if n["id"] == key)
