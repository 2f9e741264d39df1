"""Views opened alone in a real browser: a fixture's refoulement chain highlighted, and a
single-file page that needs nothing beside it. (Each test launches its own Chromium, so they
live apart from test_viz_browser.py's shared one.)"""

from __future__ import annotations

from pathlib import Path

from dakg.graph.reader import StoreReader, open_reader
from dakg.viz.site import draw

from .browser import open_view
from .test_viz_browser import CASE_ARAR, drawn, expected_counts, page_counts


def test_a_refoulement_chain_is_highlighted_from_the_fixture(tmp_path: Path) -> None:
    from pyoxigraph import RdfFormat, Store

    store = Store()
    store.load(path=str(Path(__file__).parent / "queries" / "refoulement-chains.trig"),
               format=RdfFormat.TRIG)  # fmt: skip
    out = tmp_path / "chain"
    draw(StoreReader(store, "fixture"), out)
    with open_view(out) as viewer:
        page = drawn(viewer, "graph/overview.html")
        options = page.locator("#path-select option").all_inner_texts()
        assert any(o.startswith("Refoulement chain: ") for o in options)
        page.select_option("#path-select", "0")
        chain = page.evaluate(
            "JSON.parse(document.getElementById('dakg-data').textContent).paths[0]"
        )
        assert sorted(page.evaluate("dakgView.network.getSelectedNodes()")) == chain["nodes"]
        assert sorted(page.evaluate("dakgView.network.getSelectedEdges()")) == chain["edges"]
        assert viewer.console_errors == [] and viewer.left_folder == []


def test_a_single_file_page_works_alone(built: Path, tmp_path: Path) -> None:
    out = tmp_path / "mail" / "arar.html"
    draw(open_reader(built), out, single_file=True, only=("case", "arar"))
    with open_view(out.parent) as viewer:
        page = drawn(viewer, "arar.html")
        assert page_counts(page) == expected_counts(built, CASE_ARAR)
        assert [Path(r).name for r in viewer.requests] == ["arar.html"]
        assert viewer.console_errors == []
