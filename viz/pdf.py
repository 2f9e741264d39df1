"""Printing a page to PDF through headless Chromium, the browser the views are made for.
Offline: no host name resolves and no background request is made. The PDF is written
beside the target and renamed into place, so a failed print never leaves half a file."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from dakg.errors import ViewError

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
ENV_BROWSER = "DAKG_CHROMIUM"
INSTALL = "apt-get install chromium (or set DAKG_CHROMIUM to a Chromium or Chrome binary)"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--no-pdf-header-footer",
]


def find_browser() -> str:
    """The Chromium to print with: ``$DAKG_CHROMIUM``, else the first on the PATH."""
    named = os.environ.get(ENV_BROWSER)
    if named:
        if shutil.which(named) is None:
            raise ViewError(f"{named}: not found ({ENV_BROWSER}); {INSTALL}")
        return named
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    raise ViewError(f"--pdf needs headless Chromium, which is not installed: {INSTALL}")


def print_pdf(html: Path, pdf: Path, timeout: int = 180) -> Path:
    """Print ``html`` (a self-contained page) to ``pdf`` with the page's print stylesheet."""
    browser = find_browser()
    pdf = pdf.resolve()
    pdf.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".dakg-print-", dir=pdf.parent) as work:
        target = Path(work) / "print.pdf"
        profile = Path(work) / "profile"
        command = [browser, *FLAGS, f"--user-data-dir={profile}",
                   f"--print-to-pdf={target}", html.resolve().as_uri()]  # fmt: skip
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise ViewError(f"{pdf}: Chromium did not finish printing in {timeout} s") from None
        if not target.exists() or target.stat().st_size == 0:
            said = (done.stderr.strip().splitlines() or ["no output"])[-1]
            raise ViewError(f"{pdf}: Chromium wrote no PDF ({said})")
        os.replace(target, pdf)
    return pdf
