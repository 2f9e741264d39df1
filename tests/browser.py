"""Open view folders in a real Chromium, offline, and report what the pages tried to do.

The views are static folders opened from disk, so the tests open them the same way: file://
URLs in Debian's Chromium driven by Playwright, with every request that is not a file inside
the folder aborted and recorded. Playwright's routing does see file:// requests (the harness
tests prove it by blocking a script and an image from a sibling folder), so no CDP session is
needed. data:, blob: and about: URLs never leave the machine and Chromium does not route them;
they are allowed, which lets an injected ``<script src="data:...">`` run and be caught by the
hook instead of being hidden by the block. WebSockets are refused and recorded too.

An init script, run in every frame before the page's own scripts, replaces alert, confirm and
prompt and wraps the console methods: any dialog call, or a console call carrying MARKER, sets
``window.__xssFired`` (the only name it adds to window) and reports itself on the console, so a
payload that ran in a child frame is caught as well. Dialogs that still open are dismissed and
count as fired.

Usage::

    with open_view(folder) as viewer:
        page = viewer.open("index.html")
        assert not viewer.xss_fired(page)
        assert viewer.left_folder == [] and viewer.console_errors == []
"""

from __future__ import annotations

import json
import os
import struct
import tempfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn
from urllib.parse import unquote, urlsplit

import pytest

from .xss import MARKER

if TYPE_CHECKING:
    from playwright.sync_api import (
        BrowserContext,
        ConsoleMessage,
        Dialog,
        Error,
        Page,
        Route,
        WebSocketRoute,
    )

CHROMIUM = "/usr/bin/chromium"
INSTALL = "sudo tools/install-test-tools"
HOOK = "[dakg-xss-hook]"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Belt and braces beside the routing: no host name resolves.
    "--host-resolver-rules=MAP * ~NOTFOUND",
]
# Schemes that name no file and no host: the content is inline.
INLINE_SCHEMES = ("data", "blob", "about")

INIT_SCRIPT = """
(() => {
  const marker = %(marker)s, hook = %(hook)s;
  const say = console.info.bind(console);
  const text = (args) => args.map((a) => { try { return String(a); } catch (e) { return "?"; } })
    .join(" ");
  const fire = (what, args) => {
    window.__xssFired = true;
    try { say(hook + " " + what + " " + text(args)); } catch (e) {}
  };
  for (const name of ["alert", "confirm", "prompt"]) {
    window[name] = function (...args) {
      fire(name, args);
      return name === "confirm" ? false : null;
    };
  }
  for (const name of ["log", "info", "warn", "error", "debug"]) {
    const original = console[name].bind(console);
    console[name] = function (...args) {
      if (text(args).includes(marker)) { window.__xssFired = true; }
      return original(...args);
    };
  }
})();
"""


def missing(message: str) -> NoReturn:
    """Skip a browser test on a workstation without the browser; fail it on CI (CI=true)."""
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def chromium_path() -> str:
    """The Chromium to drive: $DAKG_CHROMIUM, else Debian's /usr/bin/chromium."""
    path = os.environ.get("DAKG_CHROMIUM") or CHROMIUM
    if not (Path(path).is_file() and os.access(path, os.X_OK)):
        missing(f"Chromium is not installed at {path}: install it with `{INSTALL}`")
    return path


@dataclass
class Viewer:
    """One headless Chromium context opening pages of ``folder``, and what it recorded."""

    folder: Path
    context: BrowserContext
    requests: list[str] = field(default_factory=list)
    left_folder: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    hook_calls: list[str] = field(default_factory=list)
    _calls: dict[Page, list[str]] = field(default_factory=dict)

    def open(self, page_path: Path | str, tab: Page | None = None) -> Page:
        """A new tab showing ``page_path`` (relative to the folder, or inside it), loaded.

        Pass ``tab`` (a page this viewer opened) to navigate it instead: a new tab costs about
        0.2 s, a navigation 0.1 s. The tab's hook record starts afresh.
        """
        path = Path(page_path)
        path = (path if path.is_absolute() else self.folder / path).resolve()
        if not path.is_relative_to(self.folder):
            raise ValueError(f"{path} is not inside {self.folder}")
        if tab is None:
            page = self.context.new_page()
            calls: list[str] = []
            self._calls[page] = calls
            page.on("console", lambda message: self._console(message, calls))
            page.on("pageerror", lambda error: self._page_error(error))
            page.on("dialog", lambda dialog: self._dialog(dialog, calls))
        else:
            page = tab
            self._calls[page].clear()
        page.goto(path.as_uri(), wait_until="load")
        return page

    def reset(self) -> None:
        """Close every tab and forget what was recorded, to reuse one browser for many tests."""
        for page in self.context.pages:
            page.close()
        for record in (self.requests, self.left_folder, self.console_errors, self.hook_calls):
            record.clear()
        self._calls.clear()

    def xss_fired(self, page: Page) -> bool:
        """Did anything on ``page`` (any frame) call a dialog or log MARKER?"""
        # Compared, not tested for truth: an element with id="__xssFired" is also window.__xssFired.
        fired = bool(page.evaluate("() => window.__xssFired === true || window.__xssFired === 1"))
        return fired or bool(self._calls.get(page))

    def calls(self, page: Page) -> list[str]:
        """What the hook recorded on ``page``: the dialog or console call and its arguments."""
        return list(self._calls.get(page, []))

    def screenshot(self, page: Page, path: Path, full_page: bool = True) -> Path:
        """Write a PNG of ``page`` to ``path``."""
        page.screenshot(path=str(path), full_page=full_page)
        return path

    def inside(self, url: str) -> bool:
        """Is ``url`` a file inside the folder, or inline content (data:, blob:, about:)?"""
        parts = urlsplit(url)
        if parts.scheme in INLINE_SCHEMES:
            return True
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            return False
        return Path(unquote(parts.path)).resolve().is_relative_to(self.folder)

    def _route(self, route: Route) -> None:
        url = route.request.url
        self.requests.append(url)
        if self.inside(url):
            route.continue_()
        else:
            self.left_folder.append(url)
            route.abort("blockedbyclient")

    def _web_socket(self, socket: WebSocketRoute) -> None:
        self.requests.append(socket.url)
        self.left_folder.append(socket.url)
        socket.close()

    def _console(self, message: ConsoleMessage, calls: list[str]) -> None:
        text = message.text
        if text.startswith(HOOK) or MARKER in text:
            calls.append(text)
            self.hook_calls.append(text)
        if message.type == "error":
            self.console_errors.append(text)

    def _page_error(self, error: Error) -> None:
        self.console_errors.append(f"uncaught: {error.message}")

    def _dialog(self, dialog: Dialog, calls: list[str]) -> None:
        text = f"{HOOK} dialog {dialog.type} {dialog.message}"
        calls.append(text)
        self.hook_calls.append(text)
        dialog.dismiss()


@contextmanager
def open_view(folder: Path) -> Iterator[Viewer]:
    """Launch headless Chromium (fresh profile, network blocked) on ``folder`` and close it after.

    Console errors include Chromium's own "Failed to load resource" line for every request the
    harness blocked, so a page that tries to leave the folder also has console errors.
    """
    if not folder.is_dir():
        raise ValueError(f"{folder}: not a folder")
    executable = chromium_path()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("the playwright package is missing: pip install -e '.[test]' installs it")
    folder = folder.resolve()
    init = INIT_SCRIPT % {"marker": json.dumps(MARKER), "hook": json.dumps(HOOK)}
    with tempfile.TemporaryDirectory(prefix="dakg-chromium-") as profile, sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            profile,
            executable_path=executable,
            headless=True,
            args=FLAGS,
            viewport={"width": 1280, "height": 800},
            service_workers="block",
        )
        try:
            viewer = Viewer(folder=folder, context=context)
            context.add_init_script(init)
            context.route("**/*", viewer._route)
            context.route_web_socket("**/*", viewer._web_socket)
            for page in context.pages:  # the tab a persistent context starts with
                page.close()
            yield viewer
        finally:
            context.close()


def colour_count(png: Path, limit: int = 1000) -> int:
    """How many distinct pixel colours an 8-bit RGB(A) PNG holds, counting up to ``limit``.

    A screenshot of a page that drew nothing has one colour; Pillow is not a dependency, so
    the rows are inflated and unfiltered here.
    """
    data = png.read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{png}: not a PNG file")
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError(f"{png}: only 8-bit, non-interlaced RGB or RGBA PNGs are read")
    size = 3 if colour == 2 else 4
    stride = width * size
    raw = zlib.decompress(idat)
    previous = bytearray(stride)
    seen: set[bytes] = set()
    for y in range(height):
        start = y * (stride + 1)
        row = _unfilter(raw[start], bytearray(raw[start + 1 : start + 1 + stride]), previous, size)
        if row != previous or y == 0:
            seen.update(bytes(row[x : x + size]) for x in range(0, stride, size))
        if len(seen) >= limit:
            return len(seen)
        previous = row
    return len(seen)


def _unfilter(kind: int, row: bytearray, previous: bytearray, size: int) -> bytearray:
    """Undo one PNG row filter (None, Sub, Up, Average, Paeth) in place."""
    if kind == 0:
        return row
    for i in range(len(row)):
        left = row[i - size] if i >= size else 0
        up = previous[i]
        corner = previous[i - size] if i >= size else 0
        if kind == 1:
            row[i] = (row[i] + left) & 0xFF
        elif kind == 2:
            row[i] = (row[i] + up) & 0xFF
        elif kind == 3:
            row[i] = (row[i] + (left + up) // 2) & 0xFF
        elif kind == 4:
            guess = left + up - corner
            pa, pb, pc = abs(guess - left), abs(guess - up), abs(guess - corner)
            best = left if pa <= pb and pa <= pc else up if pb <= pc else corner
            row[i] = (row[i] + best) & 0xFF
    return row
