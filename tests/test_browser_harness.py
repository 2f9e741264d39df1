"""The browser harness itself: it blocks what leaves the folder and catches scripts that run."""

from __future__ import annotations

import base64
import html
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from .browser import Viewer, chromium_path, colour_count, open_view
from .xss import MARKER, payloads

# A 1x1 red PNG.
PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC"
)


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Viewer]:
    """One browser for the module, on a view folder with a sibling folder of its own."""
    root = tmp_path_factory.mktemp("harness")
    (root / "view").mkdir()
    other = root / "other"
    other.mkdir()
    (other / "pixel.png").write_bytes(PIXEL)
    (other / "outside.js").write_text("window.outsideRan = true;\n", encoding="utf-8")
    with open_view(root / "view") as viewer:
        yield viewer


@pytest.fixture
def viewer(shared: Viewer) -> Viewer:
    """The shared viewer with nothing recorded yet."""
    shared.reset()
    return shared


@pytest.fixture
def view(viewer: Viewer, request: pytest.FixtureRequest) -> Path:
    """A folder for this test's pages inside the shared view folder."""
    folder: Path = viewer.folder / request.node.name.replace("[", "-").replace("]", "")
    folder.mkdir()
    return folder


def page(folder: Path, body: str, name: str = "index.html") -> Path:
    path = folder / name
    path.write_text(
        f'<!doctype html><html><head><meta charset="utf-8"><title>t</title></head>'
        f"<body>{body}</body></html>",
        encoding="utf-8",
    )
    return path


def test_requests_that_leave_the_folder_are_recorded_and_not_loaded(
    viewer: Viewer, view: Path
) -> None:
    (view / "pixel.png").write_bytes(PIXEL)
    (view / "inside.js").write_text("window.insideRan = true;\n", encoding="utf-8")
    index = page(
        view,
        '<script src="https://example.com/remote.js"></script>'
        '<script src="inside.js"></script><script src="../../other/outside.js"></script>'
        '<img id="in" src="pixel.png"><img id="out" src="../../other/pixel.png">',
    )
    tab = viewer.open(index)
    outside = viewer.folder.parent / "other"
    assert sorted(viewer.left_folder) == sorted(  # Chromium fetches them in parallel
        [
            "https://example.com/remote.js",
            (outside / "outside.js").as_uri(),
            (outside / "pixel.png").as_uri(),
        ]
    )
    # The routing saw the file:// requests it let through as well as those it blocked.
    assert (view / "inside.js").as_uri() in viewer.requests
    assert tab.evaluate("() => [window.insideRan, window.outsideRan]") == [True, None]
    widths = tab.evaluate("() => ['in', 'out'].map(id => document.getElementById(id).naturalWidth)")
    assert widths == [1, 0]


def test_a_web_socket_is_refused_and_recorded(viewer: Viewer, view: Path) -> None:
    tab = viewer.open(page(view, '<script>new WebSocket("ws://example.com/socket");</script>'))
    tab.wait_for_timeout(200)
    assert viewer.left_folder == ["ws://example.com/socket"]


def test_an_inline_alert_fires(viewer: Viewer, view: Path) -> None:
    tab = viewer.open(page(view, "<script>alert(1)</script>"))
    assert viewer.xss_fired(tab)
    assert viewer.calls(tab) == ["[dakg-xss-hook] alert 1"]


def test_an_alert_in_a_child_frame_fires(viewer: Viewer, view: Path) -> None:
    tab = viewer.open(
        page(view, f"<iframe srcdoc=\"<script>alert('{MARKER}')</script>\"></iframe>")
    )
    assert viewer.xss_fired(tab)
    assert viewer.calls(tab) == [f"[dakg-xss-hook] alert {MARKER}"]


def test_a_console_log_fires_only_with_the_marker(viewer: Viewer, view: Path) -> None:
    logged = viewer.open(page(view, f"<script>console.log('a');console.log('{MARKER}')</script>"))
    plain = viewer.open(page(view, "<script>console.log('plain')</script>", "plain.html"))
    assert logged.evaluate("() => window.__xssFired") is True
    assert viewer.xss_fired(logged) and not viewer.xss_fired(plain)


def test_console_errors_and_uncaught_errors_are_recorded(viewer: Viewer, view: Path) -> None:
    tab = viewer.open(
        page(view, "<script>console.error('broken view');</script><script>null.x;</script>")
    )
    assert viewer.console_errors == [
        "broken view",
        "uncaught: Cannot read properties of null (reading 'x')",
    ]
    assert not viewer.xss_fired(tab)


def test_a_clean_page_records_nothing(viewer: Viewer, view: Path) -> None:
    index = page(view, "<h1>Arar</h1><script>document.title = 'ok';</script>")
    tab = viewer.open(index)
    assert tab.title() == "ok"
    assert viewer.requests == [index.as_uri()]
    assert viewer.left_folder == [] and viewer.console_errors == []
    assert viewer.hook_calls == [] and not viewer.xss_fired(tab)


def test_a_reused_tab_starts_a_fresh_hook_record(viewer: Viewer, view: Path) -> None:
    tab = viewer.open(page(view, "<script>alert(1)</script>", "alert.html"))
    tab = viewer.open(page(view, "<p>calm</p>", "calm.html"), tab)
    assert not viewer.xss_fired(tab)


def test_the_hook_adds_no_name_to_window(viewer: Viewer, view: Path) -> None:
    """Compare the page's globals with those of an isolated world, which no script touches."""
    tab = viewer.open(page(view, "<p>x</p>"))
    names = "Object.getOwnPropertyNames(window).sort()"
    cdp = viewer.context.new_cdp_session(tab)
    frame = cdp.send("Page.getFrameTree")["frameTree"]["frame"]["id"]
    world = cdp.send("Page.createIsolatedWorld", {"frameId": frame, "worldName": "bare"})
    bare = cdp.send(
        "Runtime.evaluate",
        {"expression": names, "contextId": world["executionContextId"], "returnByValue": True},
    )["result"]["value"]
    hooked = tab.evaluate(f"() => {names}")
    # Playwright's own bindings (routing WebSockets adds them) are not the hook's.
    assert [n for n in hooked if not n.startswith(("__pw", "__playwright"))] == [
        n for n in bare if not n.startswith(("__pw", "__playwright"))
    ]
    assert tab.evaluate("() => String(window.alert)") != "function alert() { [native code] }"


def test_payloads_written_raw_fire(viewer: Viewer, view: Path) -> None:
    raw = [
        "<script>alert('DAKG-XSS')</script>",
        "<svg/onload=alert('DAKG-XSS')>",
        "<SCRIPT SRC=data:text/javascript,alert('DAKG-XSS')></SCRIPT>",
        "<IFRAME SRC=\"javascript:alert('DAKG-XSS');\"></IFRAME>",
        "<iframe srcdoc=\"<script>alert('DAKG-XSS')</script>\"></iframe>",
        "<img src=x onerror=console.log('DAKG-XSS')>",
        "<svg onload=window.__xssFired=1>",
        next(p for p in payloads() if p.startswith('<img src=x onerror="&#0000106')),
    ]
    assert set(raw) <= set(payloads())
    silent = []
    tab = None
    for i, payload in enumerate(raw):
        tab = viewer.open(page(view, payload, f"raw-{i}.html"), tab)
        tab.wait_for_timeout(50)  # an iframe's script may run after the load event
        if not viewer.xss_fired(tab):
            silent.append(payload)
    assert silent == []


def test_payloads_shown_as_text_do_not_fire(viewer: Viewer, view: Path) -> None:
    """Escaped into text, attributes and a JSON block, every payload stays inert text."""
    items = "".join(f'<li title="{html.escape(p)}">{html.escape(p)}</li>' for p in payloads())
    data = json.dumps(payloads()).replace("<", "\\u003c").replace(">", "\\u003e")
    data = data.replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    tab = viewer.open(
        page(view, f'<ul>{items}</ul><script id="data" type="application/json">{data}</script>')
    )
    shown = tab.evaluate("() => [...document.querySelectorAll('li')].map(li => li.textContent)")
    titles = tab.evaluate("() => [...document.querySelectorAll('li')].map(li => li.title)")
    embedded = tab.evaluate("() => JSON.parse(document.getElementById('data').textContent)")
    assert shown == titles == embedded == payloads()
    assert not viewer.xss_fired(tab)
    assert viewer.hook_calls == viewer.left_folder == viewer.console_errors == []


def test_a_page_outside_the_folder_is_refused(viewer: Viewer) -> None:
    with pytest.raises(ValueError, match="not inside"):
        viewer.open(viewer.folder.parent / "other" / "pixel.png")


def test_a_screenshot_is_a_png_that_shows_the_page(
    viewer: Viewer, view: Path, tmp_path: Path
) -> None:
    blank = page(view, "", "blank.html")
    shown = page(
        view,
        '<h1 style="color:#036">Transfers</h1><div style="width:200px;height:80px;'
        'background:linear-gradient(90deg,#c00,#0c0,#00c)"></div>',
    )
    assert colour_count(viewer.screenshot(viewer.open(blank), tmp_path / "blank.png")) == 1
    assert colour_count(viewer.screenshot(viewer.open(shown), tmp_path / "shown.png")) > 50


@pytest.mark.parametrize(
    ("ci", "outcome"), [("true", pytest.fail.Exception), ("", pytest.skip.Exception)]
)
def test_a_missing_chromium_fails_on_ci_and_skips_elsewhere(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, ci: str, outcome: type[BaseException]
) -> None:
    monkeypatch.setenv("DAKG_CHROMIUM", str(tmp_path / "no-chromium"))
    monkeypatch.setenv("CI", ci)
    with pytest.raises(outcome, match="sudo tools/install-test-tools"):
        chromium_path()
