"""A private OpenLink Virtuoso (Debian's virtuoso-opensource 7.2) for the tests that read, or
push to, a store that is not Oxigraph.

Each use gets a fresh database in its own folder, its SQL and HTTP ports on free loopback ports,
``dba``/``dba`` as the credentials, and is killed (its whole process group) at exit::

    with private_virtuoso(tmp_path / "virtuoso") as virtuoso:
        load(virtuoso, open_reader(built).quads())
        rows = EndpointReader(virtuoso.sparql).select("SELECT * WHERE { ?s ?p ?o } LIMIT 1")

What the tests rely on, found with real runs of 7.2.5 (07.20.3229):

- ``/sparql`` answers queries without credentials, as the ``SPARQL`` user, who may only read:
  no grant is needed to read, and none is made (SPARQL Update there is refused).
- ``/sparql-graph-crud-auth`` is the Graph Store Protocol with HTTP digest authentication only
  (a basic ``Authorization`` gets 401 with no challenge). PUT answers 201 for a new graph and 200
  for a replaced one (the old triples are gone), DELETE 200, or 404 for a graph it does not hold.
  Every body is read by the Turtle parser whatever its ``Content-Type``.
- A chunked body (``Transfer-Encoding: chunked``, e.g. httpx given an iterator) is answered 201
  and stores nothing: send bytes, with a ``Content-Length``.
- Numbers and booleans come back canonical (``"042"`` as ``42``, ``"3.0"`` as ``3``, stored
  booleans as ``1``/``0`` in JSON results, and a computed boolean, such as ``BOUND(?x)`` or
  ``true``, as an ``xsd:integer``); strings, language tags, dates and non-ASCII text round-trip.
- The default graph of a query is the union of every graph, Virtuoso's own included
  (:data:`SYSTEM_GRAPHS`, about 2,500 triples on a fresh database).
- ``[SPARQL] ResultSetMaxRows`` would cut answers at 10,000 rows without saying so; the
  configuration here raises it, and sets no execution-time limit (Virtuoso's limit returns
  partial answers as if complete).
"""

from __future__ import annotations

import http.client
import os
import shutil
import signal
import subprocess
import time
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from .browser import INSTALL, missing
from .test_reader import free_port

# Debian installs the server as /usr/bin/virtuoso-t; the upstream layouts keep it under lib.
CANDIDATES = (
    "/usr/bin/virtuoso-t",
    "/usr/lib/virtuoso-opensource-7/bin/virtuoso-t",
    "/usr/local/virtuoso-opensource/bin/virtuoso-t",
)
USER = "dba"
PASSWORD = "dba"  # a fresh database's administrator
STARTUP_SECONDS = 60.0
# The graphs a fresh 7.2.5 database holds before anything is loaded.
SYSTEM_GRAPHS = frozenset(
    {
        "http://www.openlinksw.com/schemas/virtrdf#",
        "http://www.w3.org/ns/ldp#",
        "http://localuriqaserver/sparql",
    }
)
NTRIPLES = "application/n-triples"

INI = """\
[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{isql_port}
DisableUnixSocket = 1
MaxClientConnections = 8
CheckpointInterval = 0
CaseMode = 2
DirsAllowed = ., {folder}
NumberOfBuffers = 4000
MaxDirtyBuffers = 3000

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {folder}
MaxClientConnections = 8
ServerThreads = 8
MaxKeepAlives = 8
KeepAliveTimeout = 10
Charset = UTF-8
EnabledGzipContent = 0

[SPARQL]
ResultSetMaxRows = 10000000
"""


@dataclass(frozen=True)
class Virtuoso:
    """A running private Virtuoso: its endpoints and its administrator's credentials."""

    sparql: str  # the SPARQL query endpoint, open to anyone, read-only
    crud: str  # the Graph Store Protocol endpoint, digest authentication
    user: str
    password: str
    isql_port: int
    folder: Path

    @property
    def auth(self) -> httpx.DigestAuth:
        return httpx.DigestAuth(self.user, self.password)

    @property
    def env(self) -> dict[str, str]:
        """The environment that gives dakg this server's credentials."""
        return {"DAKG_ENDPOINT_USER": self.user, "DAKG_ENDPOINT_PASSWORD": self.password}


def virtuoso_binary() -> str:
    """The ``virtuoso-t`` server: on the PATH or where the packages put it; skip (fail on CI)
    when it is not installed."""
    found = shutil.which("virtuoso-t")
    if found:
        return found
    for path in CANDIDATES:
        if os.path.isfile(path) and os.access(path, os.X_OK):
            return path
    missing(
        "Virtuoso is not installed (virtuoso-t not found): install virtuoso-opensource with "
        f"`{INSTALL}`"
    )


@contextmanager
def private_virtuoso(folder: Path) -> Iterator[Virtuoso]:
    """A Virtuoso on a fresh database in ``folder``, answering on loopback until exit."""
    binary = virtuoso_binary()
    folder = folder.resolve()
    folder.mkdir(parents=True, exist_ok=True)
    isql_port, http_port = free_port(), free_port()
    while http_port == isql_port:
        http_port = free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(
        INI.format(folder=folder, isql_port=isql_port, http_port=http_port), encoding="utf-8"
    )
    base = f"http://127.0.0.1:{http_port}"
    server = Virtuoso(
        sparql=f"{base}/sparql",
        crud=f"{base}/sparql-graph-crud-auth",
        user=USER,
        password=PASSWORD,
        isql_port=isql_port,
        folder=folder,
    )
    with (folder / "virtuoso.out").open("wb") as out:
        process = subprocess.Popen(
            [binary, "+configfile", str(ini), "+foreground"],
            cwd=folder, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    try:
        wait_until_ready(server, process)
        yield server
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.wait(timeout=30)


def wait_until_ready(
    server: Virtuoso, process: subprocess.Popen[bytes], seconds: float = STARTUP_SECONDS
) -> None:
    """Return once ``ASK {}`` is answered; an AssertionError with the log's tail if the server
    stops or does not answer in time."""
    query = server.sparql + "?" + urllib.parse.urlencode({"query": "ASK {}"})
    request = urllib.request.Request(query, headers={"Accept": "application/sparql-results+json"})
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(
                f"Virtuoso stopped with status {process.returncode} before answering:\n"
                + log_tail(server.folder)
            )
        try:
            with urllib.request.urlopen(request, timeout=2) as answer:
                if answer.status == 200 and b"boolean" in answer.read():
                    return
        except (OSError, http.client.HTTPException):
            pass
        time.sleep(0.2)
    raise AssertionError(
        f"Virtuoso did not answer {server.sparql} within {seconds:.0f} s:\n"
        + log_tail(server.folder)
    )


def log_tail(folder: Path, lines: int = 30) -> str:
    """The last lines of the server's log and console output."""
    parts = []
    for name in ("virtuoso.log", "virtuoso.out"):
        try:
            text = (folder / name).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        tail = "\n".join(text.splitlines()[-lines:])
        if tail.strip():
            parts.append(f"--- {name}\n{tail}")
    return "\n".join(parts) or "(no log)"


def client(server: Virtuoso, timeout: float = 120) -> httpx.Client:
    """An HTTP client that answers the Graph Store endpoint's digest challenge."""
    return httpx.Client(auth=server.auth, timeout=timeout)


def put(server: Virtuoso, graph: str, ntriples: bytes, session: httpx.Client | None = None) -> int:
    """PUT ``ntriples`` (bytes: a chunked body would be stored as nothing) as the whole of
    ``graph``; the status (201 created, 200 replaced). Any other status fails the test."""
    with _session(server, session) as own:
        answer = own.put(
            server.crud, params={"graph": graph}, content=ntriples,
            headers={"Content-Type": NTRIPLES},
        )  # fmt: skip
    assert answer.status_code in (200, 201), f"PUT <{graph}>: {answer.status_code} {answer.text}"
    return answer.status_code


def delete(server: Virtuoso, graph: str, session: httpx.Client | None = None) -> int:
    """DELETE ``graph``: 200, or 404 when the server does not hold it."""
    with _session(server, session) as own:
        answer = own.delete(server.crud, params={"graph": graph})
    assert answer.status_code in (200, 404), f"DELETE <{graph}>: {answer.status_code}"
    return answer.status_code


def load(server: Virtuoso, quads: Iterable[Any]) -> dict[str, int]:
    """PUT each named graph of ``quads`` (pyoxigraph ``Quad`` values, such as
    ``Reader.quads()``) as N-Triples; the triples sent per graph. Default-graph quads are an
    error: a Virtuoso default graph is the union, not a graph one can PUT to."""
    from pyoxigraph import DefaultGraph, RdfFormat, Triple, serialize

    graphs: dict[str, list[Any]] = {}
    for quad in quads:
        assert not isinstance(quad.graph_name, DefaultGraph), f"a default-graph quad: {quad}"
        graphs.setdefault(quad.graph_name.value, []).append(
            Triple(quad.subject, quad.predicate, quad.object)
        )
    with client(server) as session:
        for name, triples in sorted(graphs.items()):
            body = serialize(triples, format=RdfFormat.N_TRIPLES)
            assert body is not None
            put(server, name, body, session)
    return {name: len(triples) for name, triples in graphs.items()}


def graphs(server: Virtuoso) -> dict[str, int]:
    """The graphs that hold triples and their sizes, Virtuoso's own :data:`SYSTEM_GRAPHS` left
    out (``GRAPH ?g {}`` lists nothing on Virtuoso: a graph is known by its triples)."""
    query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    answer = httpx.post(
        server.sparql, data={"query": query},
        headers={"Accept": "application/sparql-results+json"}, timeout=120,
    )  # fmt: skip
    answer.raise_for_status()
    rows = answer.json()["results"]["bindings"]
    sizes = {row["g"]["value"]: int(row["n"]["value"]) for row in rows}
    return {g: n for g, n in sizes.items() if g not in SYSTEM_GRAPHS}


def isql(server: Virtuoso, sql: str) -> str:
    """Run SQL (``;``-separated statements) as ``dba`` through Debian's ``isql-vt`` client;
    its output. Fails the test on an error."""
    binary = shutil.which("isql-vt") or shutil.which("isql")
    assert binary, "isql-vt is not installed (it comes with virtuoso-opensource)"
    done = subprocess.run(
        [binary, f"127.0.0.1:{server.isql_port}", server.user, server.password, f"exec={sql}"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    output = done.stdout + done.stderr
    assert done.returncode == 0 and "*** Error" not in output, output
    return output


@contextmanager
def _session(server: Virtuoso, session: httpx.Client | None) -> Iterator[httpx.Client]:
    if session is not None:
        yield session
        return
    with client(server) as own:
        yield own
