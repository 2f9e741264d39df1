"""``dakg push`` to a real Oxigraph server through the Graph Store Protocol: pushed twice, every
graph of the store is isomorphic to the local one; a partner's push leaves rejected facts out;
``--prune`` deletes only dakg's graphs the local store has not; a server that is down, or
that stops answering mid-push, is a one-line error, and the rerun resumes and completes.
And to a private Virtuoso: digest credentials, the same graphs, refused credentials.
(The reading surface through ``--endpoint`` on pushed stores is in test_serve.py.)"""

from __future__ import annotations

import shutil
import urllib.request
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from rdflib import XSD, Graph, Literal
from rdflib.compare import isomorphic

from dakg.cli import cli
from dakg.graph.iris import GRAPH
from dakg.graph.reader import EndpointReader, open_reader

from .servers import Server, oxigraph, stalling_proxy
from .test_reader import free_port
from .virtuoso import Virtuoso, client, graphs, private_virtuoso

REJECTED = (
    "ASK { ?f <https://w3id.org/dakg/ontology#reviewStatus> "
    "<https://w3id.org/dakg/ontology#Rejected> }"
)


def push(built: Path, store: str, *args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(
        cli, ["push", "--data-dir", str(built), "--store", store, *args], env=env
    )


def local_graphs(built: Path) -> dict[str, Graph]:
    """The store's named graphs, read by Oxigraph and rdflib (not by dakg's export)."""
    from pyoxigraph import RdfFormat, serialize

    triples: dict[str, list[Any]] = {}
    for quad in open_reader(built).quads():
        triples.setdefault(quad.graph_name.value, []).append(quad.triple)
    out = {}
    for name, part in triples.items():
        text = serialize(part, format=RdfFormat.N_TRIPLES)
        assert text is not None
        out[name] = Graph().parse(data=bytes(text).decode("utf-8"), format="nt")
    return out


def remote_graph(server: Server, name: str) -> Graph:
    url = f"{server.store}?graph={urllib.request.quote(name, safe='')}"
    request = urllib.request.Request(url, headers={"Accept": "application/n-triples"})
    with urllib.request.urlopen(request, timeout=60) as answer:
        return Graph().parse(data=answer.read().decode("utf-8"), format="nt")


def remote_names(server: Server) -> set[str]:
    rows = EndpointReader(server.query).select("SELECT DISTINCT ?g WHERE { GRAPH ?g {} }")
    return {r["g"].value for r in rows if r["g"] is not None}


def assert_same_graphs(built: Path, server: Server) -> None:
    local = local_graphs(built)
    assert remote_names(server) == set(local)
    for name, graph in local.items():
        there = remote_graph(server, name)
        assert len(there) == len(graph) and isomorphic(there, graph), name


@pytest.fixture(scope="module")
def data(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the built data directory: a push keeps its record of an interrupted push
    there."""
    copy = tmp_path_factory.mktemp("push") / "data"
    shutil.copytree(built, copy, symlinks=True)
    return copy


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Server]:
    with oxigraph(tmp_path / "store") as server:
        yield server


def test_pushing_twice_leaves_every_graph_as_it_is_here(data: Path, store: Server) -> None:
    local = local_graphs(data)
    triples = sum(len(g) for g in local.values())
    for _ in range(2):
        result = push(data, store.store)
        assert result.exit_code == 0, result.output
        assert f"pushed {len(local)} graphs ({triples:,} triples)" in result.output
    assert_same_graphs(data, store)
    # full fidelity: the analysts' rejections travel
    assert EndpointReader(store.query).ask(REJECTED)


def test_a_partners_push_leaves_rejected_facts_out(data: Path, store: Server) -> None:
    assert open_reader(data).ask(REJECTED)
    result = push(data, store.store, "--exclude-rejected")
    assert result.exit_code == 0, result.output
    assert not EndpointReader(store.query).ask(REJECTED)


def test_prune_deletes_only_dakg_graphs_the_local_store_has_not(data: Path, store: Server) -> None:
    stale, theirs = f"{GRAPH}document/withdrawn-report", "http://example.org/their-graph"
    for name in (stale, theirs):
        body = f'<{name}> <http://example.org/p> "kept?" .\n'.encode()
        url = f"{store.store}?graph={urllib.request.quote(name, safe='')}"
        request = urllib.request.Request(
            url, data=body, method="PUT", headers={"Content-Type": "application/n-triples"}
        )
        urllib.request.urlopen(request, timeout=30).close()
    result = push(data, store.store)
    assert result.exit_code == 0 and {stale, theirs} <= remote_names(store)
    result = push(data, store.store, "--prune", "--endpoint", store.query)
    assert result.exit_code == 0, result.output
    assert "1 pruned" in result.output
    assert theirs in remote_names(store) and stale not in remote_names(store)
    assert remote_names(store) - {theirs} == set(local_graphs(data))


def test_prune_without_a_query_endpoint_is_a_usage_error(data: Path, store: Server) -> None:
    result = push(data, store.store, "--prune", env={"DAKG_ENDPOINT": ""})
    assert result.exit_code == 2 and "--prune needs" in result.output


def test_a_server_that_is_down_is_a_one_line_error(data: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/store"
    result = push(data, url)
    assert result.exit_code == 1
    [line] = result.output.strip().splitlines()
    assert line.startswith("Error: <https://w3id.org/dakg/graph/") and url in line
    assert "connection refused" in line and "Traceback" not in result.output


def test_a_push_cut_off_by_a_timeout_resumes_and_completes(data: Path, store: Server) -> None:
    graphs = len(local_graphs(data))
    with stalling_proxy(store.store, answered=4, stall=6) as proxy:
        first = push(data, proxy, "--timeout", "2")
        assert first.exit_code == 1
        [line] = first.output.strip().splitlines()
        assert "did not answer within 2 s; run dakg push again to resume" in line
        assert line.startswith("Error: <https://w3id.org/dakg/graph/")
        again = push(data, proxy, "--timeout", "30")
    assert again.exit_code == 0, again.output
    assert f"pushed {graphs - 4} graphs" in again.output
    assert "4 already sent by the interrupted push" in again.output
    assert_same_graphs(data, store)
    assert not list((data / "push").glob("*.json"))  # a complete push forgets its record


# --- a second engine: Virtuoso, whose Graph Store endpoint asks for digest credentials ----


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    with private_virtuoso(tmp_path_factory.mktemp("virtuoso")) as server:
        yield server


def test_pushing_twice_to_virtuoso_leaves_every_graph_as_it_is_here(
    data: Path, virtuoso: Virtuoso
) -> None:
    local = local_graphs(data)
    for _ in range(2):
        result = push(data, virtuoso.crud, env=virtuoso.env)
        assert result.exit_code == 0, result.output
    assert graphs(virtuoso) == {name: len(g) for name, g in local.items()}
    with client(virtuoso) as http:
        for name, graph in local.items():
            answer = http.get(virtuoso.crud, params={"graph": name},
                              headers={"Accept": "text/turtle"})  # fmt: skip
            assert answer.status_code == 200, name
            there = Graph().parse(data=answer.text, format="turtle")
            assert isomorphic(numbers_as_values(there), numbers_as_values(graph)), name


NUMBERS = {XSD.integer, XSD.decimal, XSD.double, XSD.float}


def numbers_as_values(graph: Graph) -> Graph:
    """Numbers compared by value: Virtuoso keeps ``"1"^^xsd:decimal`` as an xsd:integer."""
    out = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype in NUMBERS:
            o = Literal(str(Decimal(str(o)).normalize()), datatype=XSD.decimal)
        out.add((s, p, o))
    return out


def test_credentials_virtuoso_refuses_are_a_one_line_error(data: Path, virtuoso: Virtuoso) -> None:
    wrong = {**virtuoso.env, "DAKG_ENDPOINT_PASSWORD": "not-the-password"}
    for env, says in ((wrong, "refused the credentials"), ({"DAKG_ENDPOINT_USER": ""},
                                                            "asks for credentials")):  # fmt: skip
        result = push(data, virtuoso.crud, env=env)
        assert result.exit_code == 1
        [line] = result.output.strip().splitlines()
        assert line.startswith("Error: <https://w3id.org/dakg/graph/") and says in line
        assert "DAKG_ENDPOINT_USER" in line and "Traceback" not in result.output


def test_an_endpoint_that_asks_for_digest_credentials_is_read_with_them(
    data: Path, virtuoso: Virtuoso
) -> None:
    import json

    assert push(data, virtuoso.crud, env=virtuoso.env).exit_code == 0
    guarded = virtuoso.sparql + "-auth"  # Virtuoso's query endpoint behind digest auth
    here = CliRunner().invoke(cli, ["info", "--json", "--data-dir", str(data)])
    there = CliRunner().invoke(cli, ["info", "--json", "--endpoint", guarded], env=virtuoso.env)
    assert there.exit_code == 0, there.output
    assert json.loads(there.output)["summary"] == json.loads(here.output)["summary"]
    wrong = {**virtuoso.env, "DAKG_ENDPOINT_PASSWORD": "not-the-password"}
    refused = CliRunner().invoke(cli, ["info", "--endpoint", guarded], env=wrong)
    assert refused.exit_code == 1
    [line] = refused.output.strip().splitlines()
    assert line.startswith(f"Error: {guarded}: HTTP 401") and "Traceback" not in refused.output
