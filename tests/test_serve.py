"""Real SPARQL servers (Oxigraph on the store, Oxigraph and Virtuoso after a push): the whole
query library and the summary commands give the same rows through ``--endpoint`` as on the
embedded store, and ``dakg serve`` starts, serves, keeps
its build through later builds and stops cleanly on Ctrl-C."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from dakg.cli import cli
from dakg.graph.reader import EndpointReader, Row, open_reader
from dakg.graph.store import current_path
from dakg.queries.library import library, run

from .conftest import ROOT
from .servers import oxigraph, wait_for
from .test_reader import free_port
from .virtuoso import private_virtuoso


@pytest.fixture(scope="module", params=["served", "pushed", "virtuoso"])
def endpoint(
    request: pytest.FixtureRequest, built: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A SPARQL endpoint holding the built store: the Oxigraph server on the store itself
    (read-only), an empty Oxigraph server the store was pushed to with ``dakg push``, or a
    private Virtuoso it was pushed to (a second engine: its own planner, its own literals,
    its system graphs in the default graph)."""
    if request.param == "served":
        with oxigraph(current_path(built), read_only=True) as server:
            yield server.query
        return
    if request.param == "virtuoso":
        with private_virtuoso(tmp_path_factory.mktemp("virtuoso")) as virtuoso:
            result = CliRunner().invoke(
                cli, ["push", "--data-dir", str(built), "--store", virtuoso.crud], env=virtuoso.env
            )
            assert result.exit_code == 0, result.output
            LOSSY.add(virtuoso.sparql)
            yield virtuoso.sparql
        return
    with oxigraph(tmp_path_factory.mktemp("pushed") / "store") as server:
        result = CliRunner().invoke(
            cli, ["push", "--data-dir", str(built), "--store", server.store]
        )
        assert result.exit_code == 0, result.output
        yield server.query


def normalised(rows: list[Row]) -> set[tuple[tuple[str, str, str], ...]]:
    """Rows as sets of (variable, kind, value), literal forms made comparable: numbers by
    value, booleans by truth, plain and xsd:string literals alike, an empty GROUP_CONCAT as
    no value (Oxigraph leaves it unbound, Virtuoso binds ""), and the items of a "; " list in
    any order (GROUP_CONCAT's order is the engine's)."""
    out = set()
    for row in rows:
        cells = []
        for name, term in sorted(row.items()):
            if term is None or (term.kind == "literal" and term.value == ""):
                continue
            value = term.value
            if "; " in value and term.kind == "literal":
                value = "; ".join(sorted(value.split("; ")))
            kind = term.datatype.rsplit("#", 1)[-1] if term.datatype else term.kind
            if kind in ("integer", "decimal", "double", "float"):
                value = repr(float(value))
            elif kind == "boolean":
                value = str(value in ("true", "1"))
            cells.append((name, kind, value))
        out.add(tuple(cells))
    return out


@pytest.mark.parametrize("name", [q.name for q in library()])
def test_every_canned_query_gives_the_same_rows_on_the_server(
    built: Path, endpoint: str, name: str
) -> None:
    [query] = [q for q in library() if q.name == name]
    params = {p.name: p.example for p in query.params if not p.optional}
    embedded = run(open_reader(built), query, params).rows
    remote = run(EndpointReader(endpoint), query, params).rows
    assert normalised(remote) == normalised(embedded)
    if not query.needs:
        assert embedded, f"{name} has no rows on the corpus and its header does not say why"


@pytest.mark.parametrize(
    "command",
    [["obligations", "--json"], ["assess", "--json"], ["cases", "--json"],
     ["assess", "yusupov", "--json"], ["obligations", "--person", "Maher Arar", "--json"]],
)  # fmt: skip
def test_summary_commands_answer_the_same_through_the_endpoint(
    built: Path, endpoint: str, command: list[str]
) -> None:
    here = CliRunner().invoke(cli, [*command, "--data-dir", str(built)])
    there = CliRunner().invoke(cli, [*command, "--endpoint", endpoint])
    assert here.exit_code == 0 and there.exit_code == 0, there.output
    assert json.loads(there.output) == json.loads(here.output)
    assert json.loads(here.output)


def test_info_answers_the_same_through_the_endpoint(built: Path, endpoint: str) -> None:
    here = json.loads(CliRunner().invoke(cli, ["info", "--json", "--data-dir", str(built)]).output)
    there = json.loads(CliRunner().invoke(cli, ["info", "--json", "--endpoint", endpoint]).output)
    assert there["store"] == endpoint
    for key in ("build", "summary", "reference", "graphs", "classes", "documents"):
        assert there[key] == here[key], key
    assert here["summary"]["transfers"] == 6


# --- dakg serve -------------------------------------------------------------------------


def dakg() -> str:
    return str(Path(sys.executable).parent / "dakg")


def start_serve(root: Path, port: int) -> tuple[subprocess.Popen[bytes], str]:
    process = subprocess.Popen(
        [dakg(), "serve", "--data-dir", str(root), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )  # fmt: skip
    assert process.stdout is not None
    url = process.stdout.readline().decode().strip()
    assert url == f"http://127.0.0.1:{port}/query"
    wait_for(url, process)
    return process, url


def small_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    name = "ccr-2015-03-27-assurances-not-enough.txt"
    shutil.copy(ROOT / "corpus" / name, folder / name)
    return folder


def test_dakg_serve_serves_and_stops_cleanly_on_ctrl_c(built: Path) -> None:
    process, url = start_serve(built, free_port())
    try:
        rows = EndpointReader(url).select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        assert int(rows[0]["n"].value) > 10_000  # type: ignore[union-attr]
        assert list((built / "pins").glob("*"))
    finally:
        os.killpg(process.pid, signal.SIGINT)
        status = process.wait(timeout=30)
    assert status == 0
    assert not list((built / "pins").glob("*"))


def test_a_build_while_serving_completes_and_the_served_build_is_never_pruned(
    tmp_path: Path,
) -> None:
    root = tmp_path / "data"
    corpus = small_corpus(tmp_path)
    build = [dakg(), "build", "--corpus", str(corpus), "--data-dir", str(root), "-q"]
    subprocess.run(build, check=True)
    served = current_path(root)
    process, url = start_serve(root, free_port())
    try:
        for _ in range(3):  # more builds than are kept
            subprocess.run(build, check=True)
        assert current_path(root) != served
        assert served.is_dir(), "pruning deleted the build a server holds"
        assert EndpointReader(url).ask("ASK { ?s ?p ?o }")
    finally:
        os.killpg(process.pid, signal.SIGINT)
        process.wait(timeout=30)


def test_a_port_in_use_is_a_one_line_error(built: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--data-dir", str(built), "--port", str(port)])
    assert result.exit_code == 1
    assert f"127.0.0.1:{port}: cannot listen there" in result.output
    assert "Traceback" not in result.output


def test_serving_a_missing_store_is_a_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--data-dir", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert "no built store here; run 'dakg build' first" in result.output


def test_views_drawn_through_the_endpoint_match_the_store(
    built: Path, endpoint: str, tmp_path: Path
) -> None:
    from dakg.graph.reader import EndpointReader, open_reader
    from dakg.viz.site import draw

    from .test_viz import page_data

    draw(open_reader(built), tmp_path / "local")
    result = subprocess.run(
        [dakg(), "viz", "--endpoint", endpoint, "-o", str(tmp_path / "remote")],
        capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    local = sorted(p.relative_to(tmp_path / "local") for p in (tmp_path / "local").rglob("*.html"))
    remote = sorted(
        p.relative_to(tmp_path / "remote") for p in (tmp_path / "remote").rglob("*.html")
    )
    assert local == remote
    for page in ("graph/overview.html", "case/arar.html", "state/UZB.html"):
        a, b = page_data(tmp_path / "local" / page), page_data(tmp_path / "remote" / page)
        assert a["nodes"] == b["nodes"] and a["edges"] == b["edges"] and a["rows"] == b["rows"]
        assert a["details"] == b["details"]
    assert EndpointReader(endpoint).ask("ASK { ?s ?p ?o }")


def test_an_export_through_the_endpoint_has_the_same_bytes(
    built: Path, endpoint: str, tmp_path: Path
) -> None:
    for fmt in ("trig", "turtle"):
        local, remote = tmp_path / f"local.{fmt}", tmp_path / f"remote.{fmt}"
        args = ["export", "--format", fmt, "--case", "arar"]
        first = subprocess.run([dakg(), *args, "--data-dir", str(built), "-o", str(local)],
                               capture_output=True, text=True)  # fmt: skip
        second = subprocess.run([dakg(), *args, "--endpoint", endpoint, "-o", str(remote)],
                                capture_output=True, text=True)  # fmt: skip
        assert first.returncode == 0 and second.returncode == 0, second.stderr
        if endpoint not in LOSSY:
            assert local.read_bytes() == remote.read_bytes()
        else:  # the same statements, numbers by value and booleans by truth
            assert literal_forms(local, fmt) == literal_forms(remote, fmt)


LOSSY: set[str] = set()  # endpoints that store literals in a canonical form of their own


def literal_forms(path: Path, fmt: str) -> set[tuple[str, ...]]:
    """An export's statements, numbers by value and booleans by truth."""
    from pyoxigraph import Literal, RdfFormat, parse

    out = set()
    for quad in parse(path=str(path), format=RdfFormat.TRIG if fmt == "trig" else RdfFormat.TURTLE):
        terms = []
        for term in (quad.subject, quad.predicate, quad.object):
            if isinstance(term, Literal) and term.datatype.value.rsplit("#", 1)[-1] in (
                "integer",
                "decimal",
                "double",
                "float",
            ):
                terms.append(repr(float(term.value)))
            elif isinstance(term, Literal) and term.datatype.value.endswith("#boolean"):
                terms.append(str(term.value in ("true", "1")))
            else:
                terms.append(str(term))
        out.add(tuple(terms))
    return out
