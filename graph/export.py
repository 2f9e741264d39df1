"""Exports for partners: the store (or a subset of it) as Turtle, TriG, N-Quads, N-Triples or
JSON-LD, the same bytes every time.

Quads are read through the reader, so a shared endpoint exports like the embedded store.
A subset starts from facts (a case's, a person's, a document's, a graph's) and adds the
description of everything they name, so nothing dangles. Blank nodes are renamed canonically
and quads sorted before Oxigraph's writers see them; prefixes are the project's plus one per
kind of instance (``person:maher-arar``). What is written is checked against the shapes first
and written to a temporary file that is renamed only when complete.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dakg.errors import DakgError

from .files import replace_folder, write_bytes
from .iris import GRAPH, ID
from .prefixes import PREFIXES
from .reader import Reader, iri, sparql, value

DAKG = "https://w3id.org/dakg/ontology#"
PROV = "http://www.w3.org/ns/prov#"
OA = "http://www.w3.org/ns/oa#"
RDFS_COMMENT = "http://www.w3.org/2000/01/rdf-schema#comment"
FACT_CLASSES = ("Transfer", "AssuranceEvent", "Harm", "Decision", "AdvocacyAction", "RoleFact")
# name: (Oxigraph format name, keeps named graphs, file suffix)
FORMATS = {
    "turtle": ("TURTLE", False, ".ttl"),
    "trig": ("TRIG", True, ".trig"),
    "nquads": ("N_QUADS", True, ".nq"),
    "ntriples": ("N_TRIPLES", False, ".nt"),
    "jsonld": ("JSON_LD", True, ".jsonld"),
}
CHUNK = 1 << 20
CONTEXT_PATH = Path(__file__).resolve().parent.parent / "ontology" / "context.jsonld"


@dataclass
class Selection:
    """What to export: everything, or the facts a subset starts from, and which facts to
    leave out (rejected ones unless asked, and any outside the chosen review statuses)."""

    seeds: set[str] | None = None
    graphs: set[str] | None = None
    include_rejected: bool = False
    statuses: set[str] = field(default_factory=set)
    label: str = "the whole store"


def statuses_of(reader: Reader) -> dict[str, set[str]]:
    """Each fact's review statuses (a fact reviewed by an analyst has the extractor's and
    the analyst's)."""
    out: dict[str, set[str]] = {}
    for row in reader.select(sparql("export-statuses")):
        out.setdefault(value(row, "fact"), set()).add(value(row, "status").rsplit("#", 1)[-1])
    return out


def excluded_facts(reader: Reader, selection: Selection) -> set[str]:
    """Facts left out: rejected ones (unless asked) and, with ``--status``, any an analyst
    did not give one of the chosen statuses."""
    wanted = {s.capitalize() for s in selection.statuses}
    out = set()
    for fact, statuses in statuses_of(reader).items():
        analyst = statuses - {"Extracted"} or {"Extracted"}
        if "Rejected" in analyst and not selection.include_rejected:
            out.add(fact)
        elif wanted and not analyst & wanted:
            out.add(fact)
    return out


def select_quads(reader: Reader, selection: Selection) -> list[Any]:
    """The quads an export holds."""
    quads = list(reader.quads())
    dropped = excluded_facts(reader, selection)
    owned = _owned(quads, dropped)
    if selection.seeds is None and selection.graphs is None:
        return [q for q in quads if not _touches(q, owned)]
    by_subject: dict[str, list[Any]] = {}
    for quad in quads:
        by_subject.setdefault(_key(quad.subject), []).append(quad)
    frontier = set(selection.seeds or set()) - owned
    if selection.graphs is not None:
        frontier |= {
            _key(q.subject)
            for q in quads
            if q.graph_name.value in selection.graphs and _key(q.subject) not in owned
        }
    kept: list[Any] = []
    seen: set[str] = set()
    while frontier:
        node = frontier.pop()
        if node in seen:
            continue
        seen.add(node)
        for quad in by_subject.get(node, []):
            if _touches(quad, owned):
                continue
            kept.append(quad)
            target = _key(quad.object)
            if _described_here(quad.object) and target not in seen:
                frontier.add(target)
    return kept


def _key(term: Any) -> str:
    """A node's key: its IRI, or ``_:label`` for a blank node."""
    from pyoxigraph import BlankNode

    return f"_:{term.value}" if isinstance(term, BlankNode) else str(term.value)


def _described_here(term: Any) -> bool:
    """Instances and blank nodes travel with a subset; ontology and vocabulary terms do not."""
    from pyoxigraph import BlankNode, NamedNode

    return isinstance(term, BlankNode) or (
        isinstance(term, NamedNode) and term.value.startswith(ID)
    )


def _owned(quads: list[Any], facts: set[str]) -> set[str]:
    """Left-out facts with their evidence and its selectors (nobody else points at them), and
    the happenings one of whose reports is left out (a happening stands for all its reports:
    the kept ones then travel as separate facts)."""
    owned = set(facts)
    owned |= {
        _key(q.subject)
        for q in quads
        if q.predicate.value == DAKG + "includesFact" and q.object.value in facts
    }
    evidence = {
        _key(q.object)
        for q in quads
        if q.predicate.value == PROV + "wasDerivedFrom" and q.subject.value in facts
        and "/id/evidence/" in _key(q.object)
    }  # fmt: skip
    owned |= evidence
    owned |= {
        _key(q.object)
        for q in quads
        if q.predicate.value == OA + "hasSelector" and _key(q.subject) in evidence
    }
    return owned


def _touches(quad: Any, owned: set[str]) -> bool:
    return _key(quad.subject) in owned or _key(quad.object) in owned


def canonical(quads: Iterable[Any], keep_graphs: bool) -> list[Any]:
    """Blank nodes renamed canonically, duplicates gone, sorted: the same data gives the same
    list in every process. Triple formats take the union of the graphs."""
    from pyoxigraph import BlankNode, CanonicalizationAlgorithm, Dataset, DefaultGraph, Quad

    def plain(q: Any) -> Any:
        return q if keep_graphs else Quad(q.subject, q.predicate, q.object, DefaultGraph())

    unique = {plain(q) for q in quads}
    with_blanks = [q for q in unique if isinstance(q.subject, BlankNode)
                   or isinstance(q.object, BlankNode)]  # fmt: skip
    rest = [q for q in unique if not (isinstance(q.subject, BlankNode)
                                      or isinstance(q.object, BlankNode))]  # fmt: skip
    if with_blanks:
        blanks = Dataset(with_blanks)
        blanks.canonicalize(CanonicalizationAlgorithm.UNSTABLE)
        rest.extend(blanks)
    return sorted(rest, key=str)  # the quad's N-Quads text: subject, predicate, object, graph


def prefixes_for(quads: Iterable[Any]) -> dict[str, str]:
    """The project's prefixes and one per kind of instance and of graph, so that names read
    ``person:maher-arar`` and ``graph-document:hrw-…``."""
    found = dict(PREFIXES)
    kinds: set[tuple[str, str]] = set()
    terms: set[Any] = set()
    for quad in quads:
        terms.update((quad.subject, quad.object, quad.graph_name))
    for term in terms:
        text = getattr(term, "value", "")
        if not isinstance(text, str) or not text.startswith("https://w3id.org/dakg/"):
            continue
        for base, name in ((ID, "{}"), (GRAPH, "graph-{}")):
            if text.startswith(base):
                kind = text[len(base) :].split("/", 1)[0]
                if kind and kind.replace("-", "").replace("_", "").isalnum():
                    kinds.add((name.format(kind), f"{base}{kind}/"))
    for name, base in sorted(kinds):
        found.setdefault(name, base)
    return found


def serialize(quads: list[Any], fmt: str, prefixes: dict[str, str]) -> bytes:
    """Bytes in ``fmt``, from quads already canonical and sorted."""
    from pyoxigraph import RdfFormat
    from pyoxigraph import serialize as write

    name, keep_graphs, _ = FORMATS[fmt]
    if fmt == "jsonld":
        return jsonld(quads)
    if not keep_graphs:
        quads = [q.triple for q in quads]
    out = write(quads, format=getattr(RdfFormat, name), prefixes=prefixes)
    assert out is not None
    return _sorted_prefixes(bytes(out))


def _sorted_prefixes(data: bytes) -> bytes:
    """The ``@prefix`` lines in name order (the writer's own order is not promised)."""
    lines = data.split(b"\n")
    head = 0
    while head < len(lines) and lines[head].startswith(b"@prefix "):
        head += 1
    return b"\n".join(sorted(lines[:head]) + lines[head:])


def jsonld(quads: list[Any]) -> bytes:
    """JSON-LD compacted with the context shipped in ``ontology/`` and inlined, named graphs
    kept, every array that is not an RDF list sorted, keys sorted."""
    import rdflib
    from pyoxigraph import RdfFormat
    from pyoxigraph import serialize as write
    from rdflib import Dataset

    context = json.loads(CONTEXT_PATH.read_text(encoding="utf-8"))
    dataset = Dataset()
    nquads = write(quads, format=RdfFormat.N_QUADS)
    assert nquads is not None
    normalise, rdflib.NORMALIZE_LITERALS = rdflib.NORMALIZE_LITERALS, False
    try:  # rdflib would rewrite "…Z" as "…+00:00": keep every literal as the store has it
        dataset.parse(data=bytes(nquads).decode("utf-8"), format="nquads")
        text = dataset.serialize(format="json-ld", context=context["@context"], auto_compact=True)
    finally:
        rdflib.NORMALIZE_LITERALS = normalise
    data = _ordered(json.loads(text))
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def _ordered(node: Any, in_list: bool = False) -> Any:
    """Arrays sorted by their JSON text, except the members of an ``@list``."""
    if isinstance(node, dict):
        return {k: _ordered(v, k == "@list") for k, v in node.items()}
    if isinstance(node, list):
        items = [_ordered(v) for v in node]
        return items if in_list else sorted(items, key=lambda v: json.dumps(v, sort_keys=True))
    return node


def redacted(quads: list[Any], redactor: Any) -> list[Any]:
    """Names, IRIs and slugs of persons in confidential cases replaced; a changed quote or
    text gets a comment saying so (offsets still count in the text as it was)."""
    from pyoxigraph import Literal, NamedNode, Quad

    def term(t: Any) -> Any:
        if isinstance(t, NamedNode):
            return NamedNode(redactor.text(t.value))
        if isinstance(t, Literal):
            changed = redactor.text(t.value)
            if changed == t.value:
                return t
            if t.language:
                return Literal(changed, language=t.language)
            return Literal(changed, datatype=t.datatype)
        return t

    out = []
    note = Literal("redacted: names of persons in confidential cases are replaced by "
                   "pseudonyms; offsets count in the unredacted text")  # fmt: skip
    for q in quads:
        new = Quad(term(q.subject), term(q.predicate), term(q.object), term(q.graph_name)
                   if isinstance(q.graph_name, NamedNode) else q.graph_name)  # fmt: skip
        out.append(new)
        if isinstance(q.object, Literal) and new.object != q.object:
            out.append(Quad(new.subject, NamedNode(RDFS_COMMENT), note, new.graph_name))
    return out


def check(reader: Reader, quads: list[Any], selection: Selection, whole: bool) -> None:
    """Validate against the shapes. A whole, unfiltered export of a store the build
    validated reuses that validation when the store still holds the triples it recorded."""
    if whole and _untouched(reader, quads):
        return
    from pyoxigraph import RdfFormat
    from pyoxigraph import serialize as write
    from rdflib import Dataset

    from .validate import validate

    dataset = Dataset()
    nquads = write(quads, format=RdfFormat.N_QUADS)
    assert nquads is not None
    dataset.parse(data=bytes(nquads).decode("utf-8"), format="nquads")
    validate(dataset, what=f"the export of {selection.label}")


def _untouched(reader: Reader, quads: list[Any]) -> bool:
    from .build_record import read_build_record

    record = read_build_record(reader)
    return record is not None and int(record["triples"]) == len(quads)


@dataclass
class Exported:
    """What an export wrote."""

    path: Path | None
    quads: int
    fmt: str


def export(
    reader: Reader,
    fmt: str,
    out: Path | None,
    selection: Selection | None = None,
    redactor: Any | None = None,
    force: bool = False,
) -> Exported:
    """Select, validate, canonicalise and write (``out`` None: standard output)."""
    data, count = export_bytes(reader, fmt, selection, redactor, force)
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        write_bytes(out, (data[i : i + CHUNK] for i in range(0, len(data), CHUNK)))
    return Exported(out, count, fmt)


def export_bytes(
    reader: Reader,
    fmt: str,
    selection: Selection | None = None,
    redactor: Any | None = None,
    force: bool = False,
) -> tuple[bytes, int]:
    """The serialised export and how many triples or quads it holds."""
    selection = selection or Selection()
    if fmt not in FORMATS:
        raise DakgError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")
    quads = select_quads(reader, selection)
    whole = selection.seeds is None and selection.graphs is None
    if not force:
        check(reader, quads, selection, whole and not excluded_facts(reader, selection))
    if redactor is not None and redactor.active:
        quads = redacted(quads, redactor)
    if fmt in ("nquads", "ntriples"):
        return lines(quads, FORMATS[fmt][1])
    ordered = canonical(quads, FORMATS[fmt][1])
    return serialize(ordered, fmt, prefixes_for(ordered)), len(ordered)


def lines(quads: Iterable[Any], keep_graphs: bool) -> tuple[bytes, int]:
    """N-Quads or N-Triples as sorted lines: the same bytes Oxigraph's writer gives for the
    canonical, sorted quads (a test holds them equal), without building a quad per line."""
    from pyoxigraph import BlankNode

    texts: set[str] = set()
    blanks = []
    for q in quads:
        if isinstance(q.subject, BlankNode) or isinstance(q.object, BlankNode):
            blanks.append(q)
        else:
            texts.add(str(q) if keep_graphs else str(q.triple))
    texts.update(str(q) if keep_graphs else str(q.triple) for q in canonical(blanks, keep_graphs))
    return "".join(f"{t} .\n" for t in sorted(texts)).encode("utf-8"), len(texts)


def subset_seeds(reader: Reader, kind: str, entity: str) -> set[str]:
    """The facts a subset starts from, with the entity itself: a case's facts, a person's
    (with their groups) or a document's, and the obligations regarding the transfers among
    them."""
    rows = reader.select(sparql(f"export-{kind}-facts"), {"x": iri(entity)})
    facts = {value(r, "fact") for r in rows if r.get("fact") is not None}
    if facts:
        # the happenings of these facts (graph/events), which bring their other reports
        for row in reader.select(sparql("export-happenings-of"),
                                 {"fact": [iri(f) for f in sorted(facts)]}):  # fmt: skip
            facts.add(value(row, "happening"))
        for row in reader.select(sparql("export-obligations-of"),
                                 {"transfer": [iri(f) for f in sorted(facts)]}):  # fmt: skip
            facts.add(value(row, "obligation"))
    return facts | {entity}


def graph_named(reader: Reader, name: str) -> str:
    """A named graph's IRI from its IRI or its path (``document/hrw-…``)."""
    full = name if name.startswith(("http://", "https://")) else GRAPH + name.strip("/")
    if not reader.ask(sparql("export-graph-exists"), {"g": iri(full)}):
        raise DakgError(f"no graph <{full}> in the store (dakg info lists them)")
    return full


def run_export(
    reader: Reader,
    fmt: str,
    out: Path | None,
    subset: tuple[str, str] | None,
    include_rejected: bool,
    statuses: set[str],
    redact: bool,
    force: bool,
    key_file: Path,
) -> str:
    """``dakg export``: the selection, the redactor, then RDF or the CSV tables. ``subset``
    is (kind, IRI) already resolved, or (``graph``, name)."""
    selection = Selection(include_rejected=include_rejected, statuses=statuses)
    if subset is not None:
        kind, entity = subset
        if kind == "graph":
            selection.graphs = {graph_named(reader, entity)}
        else:
            selection.seeds = subset_seeds(reader, kind, entity)
        selection.label = f"{kind} {entity}"
    redactor = None
    if redact:
        from .redact import load_redactor

        redactor = load_redactor(reader, key_file)
    if fmt == "csv":
        assert out is not None
        return _tables(reader, out, selection, redactor)
    done = export(reader, fmt, out, selection, redactor, force)
    return f"{done.quads} {'quads' if FORMATS[fmt][1] else 'triples'}"


def _tables(reader: Reader, out: Path, selection: Selection, redactor: Any) -> str:
    """The CSV tables into a folder written beside the old one and swapped in."""
    import shutil

    from .export_csv import write_tables

    facts = None
    if selection.seeds is not None or selection.graphs is not None:
        facts = {_key(q.subject) for q in select_quads(reader, selection)}
    out = out.resolve()
    if out.exists() and not out.is_dir():
        raise DakgError(f"{out}: exists and is not a folder")
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        written = write_tables(reader, work, facts=facts,
                               include_rejected=selection.include_rejected,
                               statuses=selection.statuses or None, redactor=redactor)  # fmt: skip
        replace_folder(work, out)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return f"{len(written)} tables"
