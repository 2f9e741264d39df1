"""The graph-reading seam: parameters bound as terms (never spliced), updates refused,
endpoint failures as one-line errors, the build record, and what query output writes."""

from __future__ import annotations

import hashlib
import http.server
import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from dakg.cli import cli
from dakg.errors import EndpointError, QueryError
from dakg.graph.reader import EndpointReader, StoreReader, bind, iri, literal, open_reader
from dakg.queries.library import load, run
from dakg.render import to_csv

# --- binding ---------------------------------------------------------------------------


def test_values_go_first_inside_the_outer_where_past_braces_in_strings_and_comments() -> None:
    query = 'SELECT ?x WHERE { # a { brace\n ?x <http://x/p> "}{" }'
    bound = bind(query, {"x": iri("http://x/a")})
    head, rest = bound.split("WHERE {", 1)
    assert rest.lstrip().startswith("VALUES ?x { <http://x/a> }")
    assert rest.endswith('?x <http://x/p> "}{" }')


def test_a_literal_is_written_escaped() -> None:
    bound = bind("SELECT * WHERE { ?s ?p ?o }", {"o": literal('" } UNION { ?s ?p ?o } #')})
    assert 'VALUES ?o { "\\" } UNION { ?s ?p ?o } #" }' in bound


def test_an_iri_that_cannot_be_one_is_an_error_not_text() -> None:
    with pytest.raises(QueryError, match="not a valid uri"):
        bind("SELECT * WHERE { ?s ?p ?o }", {"s": iri("http://x> } UNION {")})


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }",
        "PREFIX x: <http://x/> DELETE WHERE { ?s ?p ?o }",
        "DROP ALL",
        "CLEAR DEFAULT",
        "LOAD <http://example.org/data.ttl>",
        "WITH <http://x/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    ],
)
def test_dakg_query_refuses_sparql_update(built: Path, update: str) -> None:
    result = CliRunner().invoke(cli, ["query", "run", "--sparql", update, "--data-dir", str(built)])
    assert result.exit_code == 1
    assert "SPARQL Update" in result.output and "refused" in result.output
    assert "Traceback" not in result.output


def test_a_select_mentioning_insert_in_a_string_is_not_an_update(built: Path) -> None:
    result = CliRunner().invoke(
        cli,
        ["query", "run", "--sparql", 'SELECT ("INSERT" AS ?x) WHERE {}', "--data-dir", str(built),
         "--format", "csv"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["x", "INSERT"]


# --- parameters crafted to break out of a literal or an IRI -----------------------------

PAYLOADS = ['" } UNION { ?s ?p ?o } #', "<http://x> } UNION {", "') } UNION { ?s ?p ?o } #", "\\"]


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize(
    ("query", "param", "plain"),
    [
        ("transfers-despite-assurances", "person", "person:maher-arar"),
        ("treaty-status", "state", "SYR"),
        ("treaty-status", "on", "2002-10-08"),
        ("transfers-despite-assurances", "to", "SYR"),
    ],
)
def test_a_crafted_parameter_gives_the_plain_rows_or_a_one_line_error(
    built: Path, query: str, param: str, plain: str, payload: str
) -> None:
    reader = open_reader(built)
    canned = load(query)
    others = {p.name: p.example for p in canned.params if not p.optional and p.name != param}
    expected = run(reader, canned, {**others, param: plain}).rows
    try:
        got = run(reader, canned, {**others, param: plain + payload}).rows
    except QueryError as err:
        assert "\n" not in str(err)
        return
    assert got == [] or got == expected


def test_a_string_parameter_is_a_literal(built: Path) -> None:
    reader = open_reader(built)
    query = load_text("SELECT ?n WHERE { BIND(STRLEN(?text) AS ?n) }", "text", "string")
    for payload in PAYLOADS:
        [row] = run(reader, query, {"text": payload}).rows
        assert row["n"] is not None and int(row["n"].value) == len(payload)


def test_an_integer_parameter_refuses_text(built: Path) -> None:
    query = load_text("SELECT ?n WHERE { BIND(?k + 1 AS ?n) }", "k", "integer")
    reader = open_reader(built)
    [row] = run(reader, query, {"k": "41"}).rows
    assert row["n"] is not None and row["n"].value == "42"
    with pytest.raises(QueryError, match="not an integer"):
        run(reader, query, {"k": "1 } UNION { ?s ?p ?o"})


def load_text(sparql: str, name: str, kind: str) -> object:
    from dakg.queries.library import parse

    head = f"# title: test\n# param: {name} | {kind} | required | 1 | a value\n"
    return parse(head + sparql, "test")


def test_an_ambiguous_label_lists_the_candidates(built: Path) -> None:
    from dakg.queries.library import resolve_entity

    reader = open_reader(built)
    with pytest.raises(QueryError, match="ambiguous") as err:
        resolve_entity(reader, "terrorism suspects")  # a group in two documents
    assert "\n" not in str(err.value)
    assert str(err.value).count("group:") == 2


def test_an_entity_is_found_by_iri_kind_slug_slug_and_label(built: Path) -> None:
    from dakg.queries.library import resolve_entity

    reader = open_reader(built)
    arar = "https://w3id.org/dakg/id/person/maher-arar"
    for given in (arar, f"<{arar}>", "person:maher-arar", "maher-arar", "Maher Arar", "maher arar"):
        assert resolve_entity(reader, given).value == arar


# --- endpoint failures ------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class _Handler(http.server.BaseHTTPRequestHandler):
    reply: tuple[int, str, bytes] = (200, "application/json", b"{}")
    delay = 0.0

    def do_POST(self) -> None:  # noqa: N802 - the server's name
        time.sleep(self.delay)
        status, kind, body = self.reply
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:
            pass

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def fake_endpoint() -> Iterator[type[_Handler]]:
    """A loopback HTTP server answering what the test sets, to reproduce failures."""
    handler = type("Handler", (_Handler,), {})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    handler.url = f"http://127.0.0.1:{server.server_address[1]}/query"  # type: ignore[attr-defined]
    yield handler
    server.shutdown()
    server.server_close()


def test_a_refused_connection_is_one_line() -> None:
    with pytest.raises(EndpointError, match="connection refused"):
        EndpointReader(f"http://127.0.0.1:{free_port()}/query").select("SELECT * WHERE {}")


def test_an_unreachable_host_is_one_line() -> None:
    with pytest.raises(EndpointError, match="unreachable|refused"):
        EndpointReader("http://no-such-host.invalid/query", timeout=5).select("ASK {}")


def test_an_http_error_gives_the_status_and_the_servers_first_line(fake_endpoint: type) -> None:
    fake_endpoint.reply = (500, "text/plain", b"Internal trouble: the disk is full\nmore")
    with pytest.raises(EndpointError, match="HTTP 500: Internal trouble: the disk is full"):
        EndpointReader(fake_endpoint.url).select("SELECT * WHERE {}")
    fake_endpoint.reply = (400, "text/plain", b"Parser error at line 1\n")
    with pytest.raises(EndpointError, match="HTTP 400: Parser error at line 1"):
        EndpointReader(fake_endpoint.url).select("SELECT * WHERE {}")
    fake_endpoint.reply = (503, "text/plain", b"Busy, try later")
    with pytest.raises(EndpointError, match="HTTP 503: Busy, try later"):
        EndpointReader(fake_endpoint.url).select("SELECT * WHERE {}")


def test_a_timeout_is_one_line(fake_endpoint: type) -> None:
    fake_endpoint.delay = 3
    with pytest.raises(EndpointError, match="no answer within 1 s"):
        EndpointReader(fake_endpoint.url, timeout=1).select("SELECT * WHERE {}")


def test_an_answer_that_is_not_sparql_results_is_one_line(fake_endpoint: type) -> None:
    fake_endpoint.reply = (200, "text/html", b"<html>Welcome</html>")
    with pytest.raises(EndpointError, match="not SPARQL JSON results"):
        EndpointReader(fake_endpoint.url).select("SELECT * WHERE {}")
    cut = b'{"head":{"vars":["x"]},"results":{"bindings":[{"x":{"type":"uri","val'
    fake_endpoint.reply = (200, "application/sparql-results+json", cut)
    with pytest.raises(EndpointError, match="not SPARQL JSON results"):
        EndpointReader(fake_endpoint.url).select("SELECT * WHERE {}")


def test_an_endpoint_failure_on_the_command_line_is_one_line_and_exit_1() -> None:
    url = f"http://127.0.0.1:{free_port()}/query"
    for command in (
        ["info"],
        ["obligations"],
        ["assess"],
        ["cases"],
        ["query", "run", "assurances"],
    ):
        result = CliRunner().invoke(cli, [*command, "--endpoint", url])
        assert result.exit_code == 1, command
        assert "connection refused" in result.output
        assert "Traceback" not in result.output


def test_the_endpoint_comes_from_the_environment(built: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/query"
    result = CliRunner().invoke(cli, ["info", "--data-dir", str(built)], env={"DAKG_ENDPOINT": url})
    assert result.exit_code == 1 and url in result.output


# --- the build record -------------------------------------------------------------------


def test_the_build_record_names_its_version_inputs_and_counts(built: Path, corpus: Path) -> None:
    result = CliRunner().invoke(cli, ["info", "--json", "--data-dir", str(built)])
    record = json.loads(result.output)["build"]
    assert record["version"] and record["documents"] == 5
    reader = open_reader(built)
    [count] = reader.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert record["triples"] == int(count["n"].value)  # type: ignore[union-attr]
    [facts] = reader.select(
        "PREFIX dakg: <https://w3id.org/dakg/ontology#> SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE {"
        " VALUES ?c { dakg:Transfer dakg:AssuranceEvent dakg:Harm dakg:Decision"
        " dakg:AdvocacyAction dakg:RoleFact } ?f a ?c }"
    )
    assert record["facts"] == int(facts["n"].value) > 50  # type: ignore[union-attr]
    assert record["started"] <= record["ended"]


def test_the_build_record_checksums_each_document(built: Path, corpus: Path) -> None:
    reader = open_reader(built)
    rows = reader.select(
        "PREFIX dakg: <https://w3id.org/dakg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>"
        " SELECT ?name ?sum WHERE { ?b a dakg:Build ; <http://www.w3.org/ns/prov#used> ?i ."
        " ?i dakg:inputRole 'document' ; rdfs:label ?name ; dakg:fileChecksum ?sum }"
    )
    sums = {r["name"].value: r["sum"].value for r in rows}  # type: ignore[union-attr]
    assert len(sums) == 5
    for name, digest in sums.items():
        assert hashlib.sha256((corpus / name).read_bytes()).hexdigest() == digest


def test_info_shows_the_build_first(built: Path) -> None:
    result = CliRunner().invoke(cli, ["info", "--data-dir", str(built)], terminal_width=80)
    lines = result.output.splitlines()
    assert lines[1].startswith("Build ") and "dakg" in lines[1]
    head = "\n".join(lines[:20])
    assert "transfers" in head and "people" in head and "Accession" not in head


# --- output ------------------------------------------------------------------------------


def test_csv_neutralises_formulas_unless_raw() -> None:
    rows = [{"x": literal("=HYPERLINK(\"http://x\")"), "n": literal("-3", "http://www.w3.org/2001/XMLSchema#integer")},
            {"x": literal("@SUM(A1)"), "n": literal("+1")}]  # fmt: skip
    text = to_csv(["x", "n"], rows)
    assert "'=HYPERLINK" in text and "'@SUM" in text and ",-3" in text and ",'+1" in text
    assert "'" not in to_csv(["x", "n"], rows, raw=True)


def test_query_output_to_a_file_has_a_sidecar(built: Path, tmp_path: Path) -> None:
    out = tmp_path / "rows.csv"
    result = CliRunner().invoke(
        cli,
        ["query", "run", "treaty-status", "-p", "state=SYR", "-p", "on=2002-10-08", "--format",
         "csv", "-o", str(out), "--data-dir", str(built)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "https://w3id.org/dakg/id/instrument/cat,not a party" in out.read_text()
    meta = json.loads((tmp_path / "rows.csv.meta.json").read_text())
    assert meta["query"] == "treaty-status"
    assert meta["parameters"] == {"state": "SYR", "on": "2002-10-08"}
    assert meta["build"]["build"].startswith("https://w3id.org/dakg/id/build/")
    assert not list(tmp_path.glob(".*tmp"))


def test_tables_stay_readable_at_80_columns(built: Path) -> None:
    result = CliRunner().invoke(
        cli,
        ["query", "run", "transfers-despite-assurances", "-p", "person=Maher Arar", "--data-dir",
         str(built)],
        terminal_width=80,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert max(len(line) for line in result.output.splitlines()) <= 80
    assert "Maher Arar" in result.output and "United States" in result.output
    assert (
        "Diplomatic Assurances Against Torture Are Not Enough"
        in result.output.replace("\n", " ").replace("  ", " ")
        or "Center" in result.output
    )


def test_a_store_reader_and_an_embedded_query_give_plain_terms(built: Path) -> None:
    reader = open_reader(built)
    assert isinstance(reader, StoreReader)
    [row] = reader.select("SELECT ?x WHERE { BIND(<https://w3id.org/dakg/id/state/SYR> AS ?x) }")
    assert row["x"] == iri("https://w3id.org/dakg/id/state/SYR")
