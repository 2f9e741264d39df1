"""Serve the current store read-only over SPARQL 1.1 with the Oxigraph server of the
``oxigraph`` PyPI package, the union of the named graphs as default graph.

The server opens the build that ``current`` points at and keeps it: a build made while it
runs completes and becomes current for everyone else, and the server goes on serving the
build it opened (restart it to pick up the new one). It pins that build in
``DATA_DIR/pins/<pid>`` so that pruning never deletes it while the server lives.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from dakg.errors import ServeError

from .store import current_path


def oxigraph_binary() -> str:
    """The ``oxigraph`` command installed beside this Python, or on the PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if found is None:
        raise ServeError("the 'oxigraph' server is not installed (pip install oxigraph)")
    return found


def check_port(host: str, port: int) -> None:
    """A port already taken is a one-line error before the server starts."""
    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as err:
        raise ServeError(f"{host}:{port}: cannot listen there ({err.strerror or err})") from None


def pin(root: Path, build: Path) -> Path:
    """Record that this process serves ``build``, so pruning keeps it."""
    pins = root / "pins"
    pins.mkdir(exist_ok=True)
    mark = pins / str(os.getpid())
    mark.write_text(str(build.resolve()), encoding="utf-8")
    return mark


def pinned(root: Path) -> set[Path]:
    """The builds live servers hold; pins of dead processes are removed."""
    held = set()
    for mark in (root / "pins").glob("*") if (root / "pins").is_dir() else []:
        try:
            os.kill(int(mark.name), 0)
        except (ValueError, ProcessLookupError):
            mark.unlink(missing_ok=True)
            continue
        except PermissionError:
            pass
        held.add(Path(mark.read_text(encoding="utf-8")).resolve())
    return held


def serve(
    root: Path,
    host: str = "127.0.0.1",
    port: int = 7878,
    timeout: int | None = None,
    on_ready: Callable[[str, Path], None] | None = None,
) -> int:
    """Run the server on the current build until it is stopped; return its exit status
    (0 when stopped by Ctrl-C or SIGTERM)."""
    build = current_path(root)
    check_port(host, port)
    command = [
        oxigraph_binary(),
        "serve-read-only",
        "--location",
        str(build),
        "--bind",
        f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "--union-default-graph",
    ]
    if timeout:
        command += ["--timeout-s", str(timeout)]
    mark = pin(root, build)
    stopping = False

    def stop(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True
        process.send_signal(signal.SIGINT)

    try:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL)
        previous = signal.signal(signal.SIGTERM, stop)
        if on_ready is not None:
            on_ready(f"http://{host}:{port}/query", build)
        try:
            status = process.wait()
        except KeyboardInterrupt:
            stopping = True
            process.send_signal(signal.SIGINT)
            status = process.wait()
        finally:
            signal.signal(signal.SIGTERM, previous)
    finally:
        mark.unlink(missing_ok=True)
    return 0 if stopping else status
