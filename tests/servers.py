"""Real SPARQL servers for the tests, on free loopback ports, stopped at the end: the Oxigraph
server of the ``oxigraph`` package (read-only on a built store, or writable and empty for a
push), and a proxy in front of one that stops answering after some requests (a server that
times out mid-push)."""

from __future__ import annotations

import http.server
import os
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from dakg.graph.serve import oxigraph_binary

from .test_reader import free_port


@dataclass(frozen=True)
class Server:
    """A store's two doors: SPARQL queries and the Graph Store Protocol."""

    query: str
    store: str


def wait_for(url: str, process: subprocess.Popen[bytes], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the server stopped with status {process.returncode}")
        try:
            request = urllib.request.Request(
                url + "?query=ASK%7B%7D", headers={"Accept": "application/sparql-results+json"}
            )
            with urllib.request.urlopen(request, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer within {seconds} s")


@contextmanager
def oxigraph(location: Path, read_only: bool = False) -> Iterator[Server]:
    """``oxigraph serve`` on ``location``, the union of the named graphs as default graph
    (how dakg reads a store)."""
    port = free_port()
    command = "serve-read-only" if read_only else "serve"
    process = subprocess.Popen(
        [oxigraph_binary(), command, "--location", str(location), "--bind", f"127.0.0.1:{port}",
         "--union-default-graph"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/query", process)
        yield Server(f"{base}/query", f"{base}/store")
    finally:
        os.killpg(process.pid, signal.SIGINT)
        process.wait(timeout=30)


@contextmanager
def stalling_proxy(target: str, answered: int, stall: float) -> Iterator[str]:
    """A proxy to ``target`` that passes ``answered`` requests on, then holds the next one
    ``stall`` seconds before passing it on (a server that stops answering mid-push), and
    passes on the ones after it again."""
    count = {"n": 0}
    lock = threading.Lock()

    class Handler(http.server.BaseHTTPRequestHandler):
        def _relay(self) -> None:
            with lock:
                count["n"] += 1
                late = count["n"] == answered + 1
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if late:
                time.sleep(stall)
            request = urllib.request.Request(
                target + self.path.removeprefix("/store"),
                data=body or None,
                method=self.command,
                headers={k: v for k, v in self.headers.items() if k.lower() == "content-type"},
            )
            try:
                with urllib.request.urlopen(request, timeout=60) as answer:
                    status, payload = answer.status, answer.read()
            except urllib.error.HTTPError as err:
                status, payload = err.code, err.read()
            try:
                self.send_response(status)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
            except OSError:
                pass  # the client gave up waiting

        do_PUT = do_DELETE = do_GET = do_POST = _relay

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/store"
    finally:
        server.shutdown()
        server.server_close()
