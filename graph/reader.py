"""Reading the graph after a build: one seam with two halves, the embedded store and a SPARQL
1.1 endpoint, so no command knows which one it talks to.

Both halves take SPARQL text and parameters as RDF terms, bound in a ``VALUES`` block placed
first inside the outer group (never spliced into the text), and return rows of plain
:class:`Term` values. The embedded half reads the current store read-only with the union of
the named graphs as default graph; the remote half posts the query through SPARQLWrapper with
a timeout and credentials from the environment, and turns every failure into one line.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from dakg.errors import EndpointError, QueryError, StoreError

if TYPE_CHECKING:
    from pyoxigraph import Store

ENV_ENDPOINT = "DAKG_ENDPOINT"
ENV_USER = "DAKG_ENDPOINT_USER"
ENV_PASSWORD = "DAKG_ENDPOINT_PASSWORD"
DEFAULT_TIMEOUT = 60
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
QUAD_QUERY = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


@dataclass(frozen=True)
class Term:
    """One RDF term as plain values: an IRI, a literal (with its datatype or language; a plain
    string has neither) or a blank node, the kinds of the SPARQL results formats."""

    value: str
    kind: Literal["uri", "literal", "bnode"] = "literal"
    datatype: str | None = None
    lang: str | None = None

    @property
    def is_iri(self) -> bool:
        return self.kind == "uri"

    def sparql(self) -> str:
        """The term in SPARQL syntax, escaped by pyoxigraph; an IRI that cannot be one is an
        error, never text that would change the query."""
        from pyoxigraph import BlankNode, Literal, NamedNode

        try:
            if self.kind == "uri":
                return str(NamedNode(self.value))
            if self.kind == "bnode":
                return str(BlankNode(self.value))
            if self.lang:
                return str(Literal(self.value, language=self.lang))
            if self.datatype:
                return str(Literal(self.value, datatype=NamedNode(self.datatype)))
            return str(Literal(self.value))
        except ValueError as err:
            raise QueryError(f"{self.value!r} is not a valid {self.kind} ({err})") from None


Row = dict[str, Term | None]


def value(row: Row, name: str) -> str:
    """The text of a variable every row binds; an unbound one is a query error."""
    term = row.get(name)
    if term is None:
        raise QueryError(f"the query left ?{name} unbound")
    return term.value


def optional(row: Row, name: str) -> str | None:
    """The text of a variable a row may leave unbound."""
    term = row.get(name)
    return None if term is None else term.value


Values = Mapping[str, Term | Sequence[Term]]


def iri(value: str) -> Term:
    return Term(value, "uri")


def literal(value: str, datatype: str | None = None) -> Term:
    return Term(value, "literal", None if datatype == XSD_STRING else datatype)


# Tokens that may hold a brace or a '#' that is not a comment: strings and IRIs.
_SKIP = re.compile(
    r"""("{3}.*?"{3}|'{3}.*?'{3}|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\s]*>|#[^\n]*)""",
    re.S,
)
_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.I)
_UPDATE = re.compile(r"\b(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.I)


def _code(query: str) -> str:
    """The query with strings, IRIs and comments blanked (same length), to find keywords."""
    return _SKIP.sub(lambda m: " " * len(m.group(0)), query)


def query_form(query: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE; SPARQL Update or anything else is refused."""
    code = _code(query)
    form = _FORM.search(code)
    update = _UPDATE.search(code)
    if update is not None and (form is None or update.start() < form.start()):
        raise QueryError(f"SPARQL Update ({update.group(1).upper()}) is refused: dakg only reads")
    if form is None:
        raise QueryError("not a SPARQL query: expected SELECT, ASK, CONSTRUCT or DESCRIBE")
    return form.group(1).upper()


def bind(query: str, values: Values | None) -> str:
    """``query`` with one ``VALUES`` block per parameter placed first inside its outer group
    (after ``WHERE {``), each term written in SPARQL syntax by pyoxigraph."""
    if not values:
        return query
    code = _code(query)
    form = _FORM.search(code)
    where = re.compile(r"\bWHERE\b", re.I).search(code, form.end() if form else 0)
    start = code.find("{", where.end() if where else (form.end() if form else 0))
    if start < 0:
        raise QueryError("the query has no group to bind its parameters in")
    blocks = []
    for name, terms in values.items():
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(f"{name!r} is not a SPARQL variable name")
        listed = [terms] if isinstance(terms, Term) else list(terms)
        blocks.append(f"VALUES ?{name} {{ {' '.join(t.sparql() for t in listed)} }}")
    return query[: start + 1] + "\n  " + "\n  ".join(blocks) + "\n" + query[start + 1 :]


class Reader:
    """Reads the graph: SELECT rows and ASK answers, parameters bound as RDF terms."""

    source: str = ""

    def select(self, query: str, values: Values | None = None) -> list[Row]:
        """The rows of a SELECT over the union of the graphs."""
        variables, rows = self.results(query, values)
        return rows

    def results(self, query: str, values: Values | None = None) -> tuple[list[str], list[Row]]:
        """The variables and rows of a SELECT (or the one boolean row of an ASK)."""
        raise NotImplementedError

    def ask(self, query: str, values: Values | None = None) -> bool:
        _, rows = self.results(query, values)
        term = rows[0]["ask"] if rows else None
        return term is not None and term.value == "true"

    def quads(self) -> Iterator[Any]:
        """Every quad of the named graphs, as pyoxigraph ``Quad`` values (exports read the
        data itself, not rows about it)."""
        from pyoxigraph import Literal, NamedNode, Quad

        def node(term: Term) -> Any:
            if term.kind == "uri":
                return NamedNode(term.value)
            if term.kind == "bnode":
                return _blank(term.value)
            if term.lang:
                return Literal(term.value, language=term.lang)
            return Literal(term.value, datatype=NamedNode(term.datatype or XSD_STRING))

        for row in self.select(QUAD_QUERY):
            s, p, o, g = row["s"], row["p"], row["o"], row["g"]
            if s is not None and p is not None and o is not None and g is not None:
                yield Quad(node(s), node(p), node(o), node(g))

    def labels(self, iris: Iterable[str]) -> dict[str, str]:
        """One ``rdfs:label`` for each IRI, asked apart from the main query: the same label
        stands in every document graph that names the thing, and joining on it in the union
        multiplies the rows by the number of documents."""
        wanted = sorted(set(iris))
        if not wanted:
            return {}
        query = sparql("labels")
        out = {}
        for chunk in range(0, len(wanted), 500):
            rows = self.select(query, {"x": [iri(i) for i in wanted[chunk : chunk + 500]]})
            for row in rows:
                x, label = row["x"], row["label"]
                if x is not None and label is not None:
                    out[x.value] = label.value
        return out


class StoreReader(Reader):
    """The embedded half: an Oxigraph store, queried with the union of its named graphs as
    the default graph."""

    def __init__(self, store: Store, source: str = "memory") -> None:
        self.store = store
        self.source = source

    def quads(self) -> Iterator[Any]:
        """Straight from the store: no query, no conversion."""
        from pyoxigraph import DefaultGraph

        for quad in self.store.quads_for_pattern(None, None, None, None):
            if not isinstance(quad.graph_name, DefaultGraph):
                yield quad

    def results(self, query: str, values: Values | None = None) -> tuple[list[str], list[Row]]:
        from pyoxigraph import QueryBoolean, QuerySolutions

        text = bind(query, values)
        try:
            answer = self.store.query(text, use_default_graph_as_union=True)
        except SyntaxError as err:
            raise QueryError(f"the query is not valid SPARQL: {_first_line(str(err))}") from None
        if isinstance(answer, QueryBoolean):
            return _ask(bool(answer))
        if not isinstance(answer, QuerySolutions):
            raise QueryError("only SELECT and ASK queries give rows")
        names = [v.value for v in answer.variables]
        rows = [{name: _from_oxigraph(solution[name]) for name in names} for solution in answer]
        return names, rows


def _ask(answer: bool) -> tuple[list[str], list[Row]]:
    """An ASK's answer as the one row of one variable, ``ask``, both halves give."""
    return ["ask"], [{"ask": Term("true" if answer else "false", "literal", XSD_BOOLEAN)}]


def _from_oxigraph(term: Any) -> Term | None:
    from pyoxigraph import BlankNode, NamedNode

    if term is None:
        return None
    if isinstance(term, NamedNode):
        return Term(term.value, "uri")
    if isinstance(term, BlankNode):
        return Term(term.value, "bnode")
    if term.language:
        return Term(term.value, "literal", None, term.language)
    return literal(term.value, term.datatype.value)


class EndpointReader(Reader):
    """The remote half: a SPARQL 1.1 endpoint, asked by POST through SPARQLWrapper."""

    def __init__(self, url: str, timeout: int = DEFAULT_TIMEOUT) -> None:
        if not re.match(r"https?://", url):
            raise EndpointError(f"{url}: not an http(s) URL of a SPARQL endpoint")
        self.source = url
        self.timeout = timeout

    def results(self, query: str, values: Values | None = None) -> tuple[list[str], list[Row]]:
        body = self._post(bind(query, values))
        try:
            data = json.loads(body)
            if "boolean" in data:
                return _ask(bool(data["boolean"]))
            names = list(data["head"].get("vars", []))
            bindings = data["results"]["bindings"]
            rows = [{n: _from_json(b.get(n)) for n in names} for b in bindings]
        except (ValueError, KeyError, TypeError, AttributeError):
            raise EndpointError(
                f"{self.source}: the answer is not SPARQL JSON results (cut off by a timeout?)"
            ) from None
        return names, rows

    def _post(self, query: str) -> bytes:
        import socket
        import urllib.error

        from SPARQLWrapper import DIGEST, JSON, POST, SPARQLWrapper
        from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

        client = SPARQLWrapper(self.source)
        client.setMethod(POST)
        client.setReturnFormat(JSON)
        client.setTimeout(self.timeout)
        client.setQuery(query)
        # SPARQLWrapper guesses the form from the first keyword it sees, header comments
        # included, and would post a query that mentions "load" as an update.
        client.queryType = query_form(query)
        user = os.environ.get(ENV_USER)
        if user:
            client.setCredentials(user, os.environ.get(ENV_PASSWORD, ""))
        try:
            try:
                response = client.query().response
            except SPARQLWrapperException as err:
                # basic first; an endpoint that refuses it may want digest (Virtuoso's does)
                if not user or type(err).__name__ != "Unauthorized":
                    raise
                client.setHTTPAuth(DIGEST)
                response = client.query().response
            data: bytes = response.read()
            return data
        except SPARQLWrapperException as err:
            status = _STATUS.get(type(err).__name__, "an error")
            raise EndpointError(f"{self.source}: HTTP {status}: {_server_message(err)}") from None
        except urllib.error.HTTPError as err:
            raise EndpointError(
                f"{self.source}: HTTP {err.code}: {_first_line(_read(err)) or err.reason}"
            ) from None
        except urllib.error.URLError as err:
            reason = err.reason
            if isinstance(reason, TimeoutError | socket.timeout):
                raise EndpointError(f"{self.source}: no answer within {self.timeout} s") from None
            if isinstance(reason, ConnectionRefusedError):
                raise EndpointError(
                    f"{self.source}: connection refused (is the server running?)"
                ) from None
            raise EndpointError(f"{self.source}: unreachable ({reason})") from None
        except TimeoutError:
            raise EndpointError(f"{self.source}: no answer within {self.timeout} s") from None
        except (ConnectionError, OSError) as err:
            raise EndpointError(f"{self.source}: unreachable ({err})") from None


_STATUS = {
    "QueryBadFormed": "400",
    "Unauthorized": "401",
    "EndPointNotFound": "404",
    "URITooLong": "414",
    "EndPointInternalError": "500",
}


def _read(err: Any) -> str:
    try:
        return bytes(err.read()).decode("utf-8", "replace")
    except Exception:  # noqa: BLE001 - a body we cannot read is no message
        return ""


def _server_message(err: Exception) -> str:
    """The first line of the server's answer that SPARQLWrapper keeps inside its message."""
    import ast

    text = str(err)
    if "Response:\n" in text:
        raw = text.split("Response:\n", 1)[1]
        try:
            value = ast.literal_eval(raw)
            text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
        except (ValueError, SyntaxError):
            text = raw
    return _first_line(text) or type(err).__name__


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:300]
    return ""


def _blank(label: str) -> Any:
    """A blank node for a label an endpoint gave: as it is, or, when the label is not one a
    blank node may have (Virtuoso's ``nodeID://b10007``), one made from it, the same label
    giving the same node."""
    import hashlib

    from pyoxigraph import BlankNode

    try:
        return BlankNode(label)
    except ValueError:
        return BlankNode("b" + hashlib.sha256(label.encode("utf-8")).hexdigest()[:32])


def _from_json(binding: dict[str, str] | None) -> Term | None:
    if binding is None:
        return None
    kind = binding["type"]
    if kind == "uri":
        return Term(binding["value"], "uri")
    if kind == "bnode":
        return Term(binding["value"], "bnode")
    if binding.get("xml:lang"):
        return Term(binding["value"], "literal", None, binding["xml:lang"])
    datatype, text = binding.get("datatype"), binding["value"]
    if datatype == XSD_BOOLEAN and text in ("1", "0"):  # Virtuoso's form of true and false
        text = "true" if text == "1" else "false"
    return literal(text, datatype)


def open_reader(data_dir: Path, endpoint: str | None = None) -> Reader:
    """The endpoint's reader when a URL is given (or ``$DAKG_ENDPOINT`` is set), else the
    current store of ``data_dir``, opened read-only."""
    url = endpoint or os.environ.get(ENV_ENDPOINT)
    if url:
        return EndpointReader(url)
    from .store import current_path, open_read_only

    store = open_read_only(data_dir)
    return StoreReader(store, str(current_path(data_dir)))


def as_reader(source: Reader | Path) -> Reader:
    """A reader as it is, or the embedded store of a data directory."""
    return source if isinstance(source, Reader) else open_reader(source)


def sparql(name: str, folder: Path | None = None) -> str:
    """The text of ``graph/sparql/NAME.rq`` (the queries the reading commands run; another
    room passes its own ``folder``) after the project's PREFIX declarations, which
    ``graph/prefixes.py`` alone keeps."""
    from .prefixes import PREFIXES

    path = (folder or Path(__file__).parent / "sparql") / f"{name}.rq"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        raise StoreError(f"{path}: missing from the installation") from None
    head = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
    return head + text


def review_filter(include_rejected: bool) -> dict[str, Term]:
    """The binding of ``?includeRejected``, which every query that returns facts tests in
    its one filter: ``FILTER(?includeRejected || NOT EXISTS { ?f dakg:reviewStatus
    dakg:Rejected })``. Rejected facts stay in their graphs; readers leave them out unless
    asked."""
    return {"includeRejected": literal("true" if include_rejected else "false", XSD_BOOLEAN)}
