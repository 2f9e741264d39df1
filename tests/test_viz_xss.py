"""Text from documents is data: the hostile corpus (130 payloads adapted from OWASP's XSS filter
evasion cheat sheet, in a document's text and quotes, titles, publishers, a case file and the
names of persons) is built and drawn, every page (views, dossiers, timelines) is opened in
Chromium with an alert and console hook, none runs, and each payload shows as text."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from dakg.graph.reader import open_reader
from dakg.viz.site import draw

from .browser import Viewer, open_view
from .xss import payloads


@pytest.fixture(scope="module")
def folder(hostile: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("hostile-views") / "views"
    draw(open_reader(hostile), out)
    return out


@pytest.fixture(scope="module")
def viewer(folder: Path) -> Iterator[Viewer]:
    with open_view(folder) as v:
        yield v


def flat(text: str) -> str:
    return " ".join(text.split())


def test_no_payload_runs_on_any_page_and_each_shows_as_text(folder: Path, viewer: Viewer) -> None:
    pages = sorted(p.relative_to(folder) for p in folder.rglob("*.html"))
    assert len(pages) > 100
    shown: list[str] = []
    tab = None
    for path in pages:
        tab = viewer.open(path, tab)
        if path.parts[0] not in ("text", "dossier", "timeline") and path.name != "index.html":
            tab.wait_for_selector("body[data-drawn=true]", timeout=15000)
        assert not viewer.xss_fired(tab), (path, viewer.calls(tab))
        shown.append(tab.inner_text("body"))
    assert viewer.hook_calls == []
    assert viewer.console_errors == [] and viewer.left_folder == []
    everything = flat("\n".join(shown))
    missing = [p for p in payloads() if flat(p) not in everything]
    assert missing == []


def test_the_panel_shows_hostile_names_and_quotes_as_text(folder: Path, viewer: Viewer) -> None:
    hostile = payloads()
    seen = 0
    for case in sorted((folder / "case").glob("*.html")):
        page = viewer.open(case.relative_to(folder))
        page.wait_for_selector("body[data-drawn=true]", timeout=15000)
        for node in page.evaluate("dakgView.nodes.getIds()"):
            page.evaluate("(id) => dakgView.select([id])", node)
            label = page.evaluate("(id) => dakgView.nodes.get(id).label", node)
            assert page.inner_text("#panel h2") == label
            quotes = page.locator("#panel blockquote").all_inner_texts()
            seen += sum(any(p in q for p in hostile) for q in quotes)
            seen += any(p == label for p in hostile)
        assert not viewer.xss_fired(page)
        assert page.evaluate("document.querySelectorAll('#panel script, #panel img, "
                             "#panel svg, #panel iframe').length") == 0  # fmt: skip
        page.close()
    assert seen > 5


def test_no_link_leads_to_a_script(folder: Path) -> None:
    for page in folder.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for href in re.findall(r'href="([^"]*)"', text):
            assert not html.unescape(href).strip().lower().startswith(("javascript:", "data:")), (
                page,
                href,
            )
