"""CSV tables for partners without RDF tools: entities, transfers, assurances, harm, decisions
and obligations, with a data dictionary, the same bytes for the same store.

The columns are data: ``data/export-tables.json`` names each one, says what it means and
where its value comes from (a property, a path of properties, or one of the computed
columns below), and ``dictionary.csv`` is written from it. A property path step ending in
``?`` is followed when the node has it and skipped when not (a provision's instrument, or the
instrument itself). The graph is read by three whole-graph queries and the labels, never row
by row.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from dakg.errors import DakgError

from .iris import ID
from .prefixes import PREFIXES
from .reader import Reader, Term, optional, sparql, value

TABLES_FILE = Path(__file__).parent / "data" / "export-tables.json"
SEP = " | "
ALL = "(all)"
DAKG = PREFIXES["dakg"]
RDF_TYPE = PREFIXES["rdf"] + "type"
IDENTIFIER = PREFIXES["dcterms"] + "identifier"
DERIVED = PREFIXES["prov"] + "wasDerivedFrom"
REVIEW = DAKG + "reviewStatus"
REGARDS = DAKG + "regardsTransfer"
ENTITY_TOPS = ("Agent", "Place", "Instrument", "Provision", "Case")
REDACTED = " [redacted]"
Cells = dict[str, list[str]]


@cache
def spec() -> dict[str, Any]:
    """The tables as ``export-tables.json`` describes them, ``same_as`` columns filled in."""
    data: dict[str, Any] = json.loads(TABLES_FILE.read_text(encoding="utf-8"))
    tables = data["tables"]
    for table in tables.values():
        filled = []
        for col in table["columns"]:
            if "same_as" in col:
                [col] = [c for c in tables[col["same_as"]]["columns"] if c["name"] == col["name"]]
            filled.append(col)
        table["columns"] = filled
    return data


def columns(table: str) -> list[str]:
    """The header of ``table``."""
    return [c["name"] for c in spec()["tables"][table]["columns"]]


def notes() -> list[str]:
    """The conventions every table follows (encoding, lists, codes, formulas, pseudonyms),
    for a README to repeat."""
    return list(spec()["notes"])


def dictionary() -> list[tuple[str, str, str]]:
    """(table, column, meaning) rows: the conventions, then each table and its columns."""
    rows = [(ALL, "", note) for note in notes()]
    for name, table in spec()["tables"].items():
        rows.append((name, "", table["description"]))
        rows += [(name, c["name"], c["meaning"]) for c in table["columns"]]
    return rows


@dataclass
class Graph:
    """What the queries gave: each node's statements, sources and labels."""

    out: dict[str, dict[str, list[Term]]] = field(default_factory=dict)
    evidence: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    supers: dict[str, set[str]] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    events: dict[str, str] | None = None  # fact -> its happening, read when first asked

    def objects(self, node: str, prop: str) -> list[Term]:
        return self.out.get(node, {}).get(prop, [])

    def happening(self, fact: str) -> str | None:
        """The happening (graph/events) the fact is one report of, if another joins it."""
        if self.events is None:
            self.events = {
                t.value: node
                for node in self.out
                if DAKG + "Happening" in self.types(node)
                for t in self.objects(node, DAKG + "includesFact")
            }
        return self.events.get(fact)

    def types(self, node: str) -> set[str]:
        return {t.value for t in self.objects(node, RDF_TYPE)}

    def is_a(self, node: str, cls: str) -> bool:
        return any(t == cls or cls in self.supers.get(t, set()) for t in self.types(node))

    def analyst(self, fact: str) -> set[str]:
        """The fact's review statuses, an analyst's taking the place of Extracted (as the
        RDF export reads them); empty for what nobody reviews (obligations)."""
        found = {_code(t.value) for t in self.objects(fact, REVIEW)}
        return found - {"Extracted"} or found

    def status(self, fact: str) -> str:
        """The one status a row shows: an analyst's wins over Extracted."""
        return min(self.analyst(fact), default="")


Computed = Callable[[Graph, str], list[str]]


def write_tables(
    reader: Reader,
    folder: Path,
    *,
    facts: set[str] | None = None,
    include_rejected: bool = False,
    statuses: set[str] | None = None,
    redactor: Any | None = None,
) -> list[Path]:
    """Write every table and ``dictionary.csv`` into ``folder``; the paths, in table order.

    ``facts`` limits the fact tables to those IRIs (and entities.csv to what they name);
    rejected facts are left out unless ``include_rejected``; ``statuses`` keeps the facts whose
    analyst status is one of them; an active ``redactor`` pseudonymises every cell.
    """
    graph = read_graph(reader)
    wanted = {s.capitalize() for s in statuses} if statuses else None

    def passes(fact: str) -> bool:
        found = graph.analyst(fact)
        if "Rejected" in found and not include_rejected:
            return False
        return wanted is None or bool(found & wanted)

    tables: dict[str, list[Cells]] = {}
    named: set[str] = set()
    for name, table in spec()["tables"].items():
        if "class" not in table:
            continue
        cls = _expand(table["class"])
        chosen = []
        for node in sorted(graph.out):
            if not graph.is_a(node, cls):
                continue
            if cls == DAKG + "Obligation":
                transfers = [t.value for t in graph.objects(node, REGARDS)]
                if not all(passes(t) for t in transfers):
                    continue
                if facts is not None and node not in facts and not set(transfers) & facts:
                    continue
            elif not passes(node) or (facts is not None and node not in facts):
                continue
            chosen.append(node)
        tables[name] = [_row(graph, node, table["columns"], named) for node in chosen]
    entity_columns = spec()["tables"]["entities"]["columns"]
    tables["entities"] = [_row(graph, e, entity_columns, set()) for e in _entities(graph, named)]
    described = [dict(zip(columns("dictionary"), r, strict=True)) for r in dictionary()]
    paths = []
    for name in spec()["tables"]:
        path = folder / f"{name}.csv"
        rows = described if name == "dictionary" else _finish(tables[name], redactor)
        _write(path, columns(name), rows)
        paths.append(path)
    return paths


def read_graph(reader: Reader) -> Graph:
    """The statements, sources, subclass pairs and labels the tables are made from."""
    graph = Graph()
    for row in reader.select(sparql("export-csv-nodes")):
        node, prop, obj = row["node"], row["p"], row["o"]
        if node is not None and prop is not None and obj is not None:
            graph.out.setdefault(node.value, {}).setdefault(prop.value, []).append(obj)
    for props in graph.out.values():
        for name, objs in props.items():
            props[name] = sorted(set(objs), key=lambda t: (t.value, t.kind))
    for row in reader.select(sparql("export-csv-classes")):
        graph.supers.setdefault(value(row, "sub"), set()).add(value(row, "super"))
    cited = {value(r, "source"): r for r in reader.select(sparql("sources")) if r["source"]}
    seen: set[tuple[str, str]] = set()
    rows = reader.select(sparql("export-csv-evidence"))
    for row in sorted(rows, key=lambda r: [(k, t.value if t else "") for k, t in r.items()]):
        fact, source = value(row, "fact"), value(row, "source")
        if (fact, source) in seen:  # a passage in two sentences: the first one stands
            continue
        seen.add((fact, source))
        about = cited.get(source, {})
        graph.evidence.setdefault(fact, []).append(
            {
                "source_iri": source,
                "quote": optional(row, "exact") or optional(row, "cited") or "",
                "start": optional(row, "start") or "",
                "paragraph": optional(row, "paragraph") or "",
                "sentence": optional(row, "sentence") or "",
                "document_iri": optional(about, "document") or "",
                "document_title": optional(about, "title") or "",
                "publisher": optional(about, "publisher") or "",
                "document_date": optional(about, "date") or "",
                "source_address": optional(about, "address") or "",
            }
        )
    for found in graph.evidence.values():
        found.sort(key=lambda e: (e["document_iri"], _int(e["start"]), e["source_iri"]))
    iris = {t.value for props in graph.out.values() for ts in props.values() for t in ts}
    # Instances, and the concepts whose labels are the wording a reader needs ("not a party").
    wanted = (i for i in iris | set(graph.out) if i.startswith((ID, DAKG)))
    graph.labels = reader.labels(wanted)
    return graph


def _row(graph: Graph, node: str, cols: list[dict[str, Any]], named: set[str]) -> Cells:
    """One table row for ``node``, each cell its list of values; the IRIs its role columns
    hold are added to ``named``."""
    row: Cells = {}
    for col in cols:
        if "computed" in col:
            row[col["name"]] = COMPUTED[col["computed"]](graph, node)
            continue
        targets = _follow(graph, [node], col["property"])
        kind = col["value"]
        if kind in ("iri", "label"):
            iris = sorted({t.value for t in targets if t.is_iri})
            named.update(iris)
            cells = iris if kind == "iri" else [graph.labels.get(i, "") for i in iris]
        elif kind == "code":
            cells = sorted({_code(t.value) for t in targets})
        else:
            cells = sorted({t.value for t in targets})
        row[col["name"]] = cells
    return row


def _follow(graph: Graph, nodes: list[str], path: str | list[str]) -> list[Term]:
    """The values at the end of a property path; a step ending in ``?`` is skipped where
    the node lacks it."""
    steps = [path] if isinstance(path, str) else path
    terms = [Term(n, "uri") for n in nodes]
    for step in steps:
        maybe = step.endswith("?")
        prop = _expand(step.rstrip("?"))
        following: list[Term] = []
        for term in terms:
            found = graph.objects(term.value, prop) if term.is_iri else []
            following += found or ([term] if maybe else [])
        terms = following
    return terms


def _entities(graph: Graph, named: set[str]) -> list[str]:
    """The entities the fact rows name, and those these entities name in turn."""
    tops = [DAKG + t for t in ENTITY_TOPS]
    cols = spec()["tables"]["entities"]["columns"]
    found: set[str] = set()
    frontier = sorted(named)
    while frontier:
        node = frontier.pop()
        if node in found or not any(graph.is_a(node, t) for t in tops):
            continue
        found.add(node)
        more: set[str] = set()
        _row(graph, node, cols, more)
        frontier += sorted(more - found)
    return sorted(found)


def _finish(rows: list[Cells], redactor: Any | None) -> list[dict[str, str]]:
    """Rows pseudonymised (when asked), their values joined, made safe for spreadsheets and
    sorted by IRI."""
    from dakg.render import neutralise

    active = redactor is not None and bool(redactor.active)
    out = []
    for row in rows:
        cells = dict(row)
        if active:
            assert redactor is not None
            cells = {name: [redactor.text(v) for v in values] for name, values in row.items()}
            if "quote" in row:
                pairs = list(zip(row["quote"], cells["quote"], strict=True))
                cells["quote"] = [new + REDACTED if new != old else old for old, new in pairs]
                changed = any(new != old for old, new in pairs)
                cells["quote_redacted"] = ["true" if changed else "false"]
        out.append({name: neutralise(SEP.join(values)) for name, values in cells.items()})
    return sorted(out, key=lambda r: (r.get("iri", ""), sorted(r.items())))


def _write(path: Path, header: list[str], rows: Iterable[dict[str, str]]) -> None:
    """One table: header first, ``\\n`` line ends, quoted only where RFC 4180 needs it."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(header)
            for row in rows:
                writer.writerow([row.get(c, "") for c in header])
    except OSError as err:
        raise DakgError(f"{path}: cannot write the table ({err.strerror or err})") from None


def _expand(name: str) -> str:
    """``dakg:Transfer`` as a full IRI, by the project's prefixes."""
    prefix, _, local = name.partition(":")
    return PREFIXES[prefix] + local if prefix in PREFIXES and local else name


def _code(iri: str) -> str:
    """An ontology concept's local name (``Rendition``); any other IRI as it is."""
    return iri[len(DAKG) :] if iri.startswith(DAKG) else iri


def _int(text: str) -> int:
    return int(text) if text.isdigit() else -1


def _sources(name: str) -> Computed:
    """A source column: one item per source of the fact, in the order of its sources."""

    def cell(graph: Graph, fact: str) -> list[str]:
        return [e[name] for e in graph.evidence.get(fact, [])]

    return cell


def _kind(graph: Graph, node: str) -> list[str]:
    """The node's most specific dakg classes (a Court, not also a Body)."""
    mine = {t for t in graph.types(node) if t.startswith(DAKG)}
    broader = {s for t in mine for s in graph.supers.get(t, set())}
    return sorted(_code(t) for t in mine - broader)


def _derived(cls: str, hop: bool = False) -> Computed:
    """What an obligation rests on, of one class (treaty actions, norm statements), or
    (``hop``) where those were read."""

    def cell(graph: Graph, node: str) -> list[str]:
        found = [t.value for t in graph.objects(node, DERIVED) if graph.is_a(t.value, DAKG + cls)]
        if hop:
            found = [s.value for f in found for s in graph.objects(f, DERIVED)]
        return sorted(set(found))

    return cell


def _key(graph: Graph, node: str) -> list[str]:
    """The fact's ``dcterms:identifier``; an obligation has none and is known by its IRI's
    last segment."""
    keys = [t.value for t in graph.objects(node, IDENTIFIER)]
    return keys or [node.rstrip("/").rsplit("/", 1)[-1]]


def _event(graph: Graph, node: str) -> list[str]:
    """The event a fact reports: its happening, or the fact itself when no other joins it."""
    return [graph.happening(node) or node]


def _stands_for_event(graph: Graph, node: str) -> list[str]:
    """Whether the row is the report that stands for its event (count these to count events)."""
    event = graph.happening(node)
    shown = [t.value for t in graph.objects(event, DAKG + "principalFact")] if event else [node]
    return ["true" if node in shown else "false"]


def _disagreement(graph: Graph, node: str) -> list[str]:
    event = graph.happening(node)
    said = graph.objects(event, DAKG + "sourcesDisagreeOn") if event else []
    return sorted(t.value for t in said)


COMPUTED: dict[str, Computed] = {
    "iri": lambda graph, node: [node],
    "event": _event,
    "stands_for_event": _stands_for_event,
    "sources_disagree": _disagreement,
    "key": _key,
    "label": lambda graph, node: [graph.labels.get(node, "")],
    "kind": _kind,
    "review_status": lambda graph, node: [graph.status(node)],
    "source_count": lambda graph, node: [str(len(graph.evidence.get(node, [])))],
    "quote_redacted": lambda graph, node: ["false"],
    "treaty_actions": _derived("TreatyAction"),
    "treaty_action_sources": _derived("TreatyAction", hop=True),
    "norm_statements": _derived("NormStatement"),
    **{
        name: _sources(name)
        for name in (
            "source_iri",
            "quote",
            "document_title",
            "document_iri",
            "publisher",
            "document_date",
            "paragraph",
            "sentence",
            "source_address",
        )
    },  # fmt: skip
}
