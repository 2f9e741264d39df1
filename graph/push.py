"""Push the local store to a shared SPARQL store, graph by graph, through the SPARQL 1.1 Graph
Store Protocol: each named graph is PUT, so the remote copy of a graph is replaced, never
added to, and pushing twice leaves the same data.

What is pushed is what an export of the whole store holds (``graph/export.py``): every review
status travels by default, so the reading commands on the shared store filter as they do here;
``--exclude-rejected`` and ``--redact`` make a partner's copy. A push records each graph it has
sent in ``DATA_DIR/push/``; when a push fails, the next one skips the graphs already sent with the
same content and resumes with the one that failed. A complete push removes that record.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx  # this module is imported only by the commands that push

from dakg.errors import PushError

from .export import Selection, check, excluded_facts, lines, redacted, select_quads
from .files import write_atomically
from .iris import GRAPH
from .reader import ENV_PASSWORD, ENV_USER, EndpointReader, Reader, sparql, value

TURTLE = "text/turtle"  # N-Triples is Turtle, and every Graph Store endpoint reads Turtle
DEFAULT_TIMEOUT = 120


@dataclass
class Pushed:
    """What a push did."""

    sent: list[tuple[str, int]] = field(default_factory=list)  # (graph, triples)
    resumed: int = 0  # graphs an interrupted push had already sent
    pruned: list[str] = field(default_factory=list)


def graphs_to_push(
    reader: Reader, include_rejected: bool = True, redactor: Any | None = None
) -> dict[str, bytes]:
    """Each named graph's triples as sorted N-Triples, as an export of the store holds them."""
    selection = Selection(include_rejected=include_rejected, label="the push")
    quads = select_quads(reader, selection)
    check(reader, quads, selection, not excluded_facts(reader, selection))
    if redactor is not None and redactor.active:
        quads = redacted(quads, redactor)
    by_graph: dict[str, list[Any]] = {}
    for quad in quads:
        name = getattr(quad.graph_name, "value", "")
        by_graph.setdefault(name, []).append(quad)
    return {name: lines(part, keep_graphs=False)[0] for name, part in sorted(by_graph.items())}


def push(
    reader: Reader,
    store: str,
    journal_dir: Path,
    include_rejected: bool = True,
    redactor: Any | None = None,
    prune_endpoint: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    on_graph: Callable[[int, int, str], None] | None = None,
) -> Pushed:
    """PUT every graph to ``store`` (a Graph Store Protocol URL); with ``prune_endpoint``
    (the store's SPARQL query endpoint) also DELETE the dakg graphs it holds that the local
    store does not."""
    graphs = graphs_to_push(reader, include_rejected, redactor)
    journal = Journal(journal_dir, store)
    done = journal.read()
    pushed = Pushed()
    with client(store, timeout) as http:
        for number, (name, body) in enumerate(graphs.items(), start=1):
            digest = hashlib.sha256(body).hexdigest()
            if done.get(name) == digest:
                pushed.resumed += 1
                continue
            if on_graph is not None:
                on_graph(number, len(graphs), name)
            send(http, store, "PUT", name, body)
            done[name] = digest
            journal.write(done)
            pushed.sent.append((name, body.count(b"\n")))
        if prune_endpoint is not None:
            for name in remote_graphs(prune_endpoint, timeout) - set(graphs):
                send(http, store, "DELETE", name)
                pushed.pruned.append(name)
    journal.clear()
    return pushed


def remote_graphs(endpoint: str, timeout: float) -> set[str]:
    """The dakg graphs (under dakg's graph namespace) a store holds; a store's own graphs,
    such as Virtuoso's system graphs, are never dakg's to prune."""
    rows = EndpointReader(endpoint, int(timeout)).select(sparql("push-remote-graphs"))
    return {value(r, "g") for r in rows if value(r, "g").startswith(GRAPH)}


@contextmanager
def client(store: str, timeout: float) -> Iterator[Any]:
    """An HTTP client for the store, with the credentials of ``--endpoint``."""
    if not store.startswith(("http://", "https://")):
        raise PushError(f"{store}: not an http(s) URL of a Graph Store endpoint")
    user = os.environ.get(ENV_USER)
    auth = EitherAuth(user, os.environ.get(ENV_PASSWORD, "")) if user else None
    with httpx.Client(timeout=timeout, auth=auth, follow_redirects=False) as http:
        yield http


def send(http: Any, store: str, method: str, graph: str, body: bytes | None = None) -> None:
    """One Graph Store request; any failure is a one-line error naming the graph."""
    params = {"graph": graph} if graph else {"default": ""}
    headers = {"Content-Type": TURTLE} if body is not None else {}
    what = f"<{graph}>" if graph else "the default graph"
    try:
        answer = http.request(method, store, params=params, content=body, headers=headers)
    except httpx.TimeoutException:
        raise PushError(
            f"{what}: {store} did not answer within {http.timeout.read:.0f} s; "
            "run dakg push again to resume"
        ) from None
    except httpx.HTTPError as err:
        refused = isinstance(err, httpx.ConnectError) and "refused" in str(err).lower()
        reason = "connection refused (is the server running?)" if refused else str(err)
        raise PushError(f"{what}: {store}: {reason}; run dakg push again to resume") from None
    if method == "DELETE" and answer.status_code == 404:
        return
    if answer.status_code == 401:
        hint = "refused the credentials" if http.auth else "asks for credentials"
        raise PushError(f"{what}: {store} {hint} (set ${ENV_USER} and ${ENV_PASSWORD})")
    if answer.status_code >= 400:
        message = " ".join(answer.text.split())[:200] or answer.reason_phrase
        raise PushError(f"{what}: {store} answered {answer.status_code}: {message}")


class EitherAuth(httpx.Auth):
    """HTTP basic or digest authentication, whichever the server's challenge asks for
    (Virtuoso's Graph Store endpoint asks for digest; most others for basic)."""

    requires_request_body = True

    def __init__(self, user: str, password: str) -> None:
        self.basic = httpx.BasicAuth(user, password)
        self.digest = httpx.DigestAuth(user, password)
        self.chosen: httpx.Auth | None = None

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self.chosen is None:
            response = yield request
            challenge = response.headers.get("www-authenticate", "")
            if response.status_code != 401 or not challenge:
                return
            digest = challenge.lower().startswith("digest")
            self.chosen = self.digest if digest else self.basic
        yield from self.chosen.auth_flow(request)


class Journal:
    """The graphs a push has sent to one store, kept until the push completes."""

    def __init__(self, folder: Path, store: str) -> None:
        self.path = folder / (hashlib.sha256(store.encode("utf-8")).hexdigest()[:16] + ".json")
        self.store = store

    def read(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("store") != self.store:
            return {}
        sent = data.get("sent")
        return {str(k): str(v) for k, v in sent.items()} if isinstance(sent, dict) else {}

    def write(self, sent: dict[str, str]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(self.path, json.dumps({"store": self.store, "sent": sent}, indent=1))

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)
        with suppress(OSError):  # the folder goes too once no push is pending
            self.path.parent.rmdir()
