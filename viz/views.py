"""Which facts each view draws, and the drawing itself: the view's facts and the things
they point at go into a networkx graph, a seeded layout places them, and pyvis builds the
node and edge lists the page hands to vis-network (physics off, so one graph always draws
one picture)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .model import ID, Fact, GraphData, at_precision, kind_of, local, slug, style

SEED = 20050511
ITERATIONS = 100  # of the spring layout; rustworkx stops earlier once it settles


@dataclass
class View:
    """One page: what it shows and where it is written."""

    kind: str  # overview, obligations, case, person, state, document
    key: str  # the IRI it is about ("" for overview and obligations)
    title: str
    path: str  # relative to the folder: "case/arar.html"
    facts: list[str] = field(default_factory=list)


def all_views(data: GraphData) -> list[View]:
    """The folder's views: overview, obligations map, each case, each person and state
    named in at least one fact, each document."""
    views = [overview(data), obligations_map(data)]
    views += [case_view(data, key) for key in sorted(data.cases, key=lambda k: data.cases[k].slug)]
    named = {t for f in data.facts.values() if f.cls != "Obligation" for _, t in f.roles}
    people = sorted(n for n in named if data.kinds.get(n) in ("Person", "Group"))
    states = sorted(n for n in named if data.kinds.get(n) == "State")
    views += [entity_view(data, p, "person") for p in people]
    views += [entity_view(data, s, "state") for s in states]
    views += [document_view(data, d) for d in sorted(data.documents)]
    return views


def _events(data: GraphData) -> list[Fact]:
    return [f for f in data.facts.values() if f.cls != "Obligation"]


def overview(data: GraphData) -> View:
    """Every event of the graph with what it links."""
    return View("overview", "", "Overview: every event", "graph/overview.html",
                sorted(f.iri for f in _events(data)))  # fmt: skip


def obligations_map(data: GraphData) -> View:
    """Instruments -> provisions -> obligations -> transfers."""
    facts = sorted(f.iri for f in data.facts.values() if f.cls == "Obligation")
    return View("obligations", "", "Obligations map", "graph/obligations.html", facts)


def case_view(data: GraphData, key: str) -> View:
    case = data.cases[key]
    facts = sorted(f.iri for f in _events(data) if key in f.cases)
    title = f"Case: {case.title}" + (" (proposed by the build)" if case.proposed else "")
    return View("case", key, title, f"case/{case.slug}.html", facts)


def entity_view(data: GraphData, key: str, kind: str) -> View:
    """The events a person (with their groups, or a group with its members) or a state
    takes part in."""
    reach = {key}
    reach |= {g for g, m in data.members if m == key} | {m for g, m in data.members if g == key}
    facts = sorted(f.iri for f in _events(data) if reach & {t for _, t in f.roles})
    name = data.labels.get(key, slug(key))
    heading = (
        "State" if kind == "state" else "Person" if data.kinds.get(key) == "Person" else "Group"
    )
    return View(kind, key, f"{heading}: {name}", f"{kind}/{slug(key)}.html", facts)


def document_view(data: GraphData, key: str) -> View:
    """The facts one document is a source of."""
    facts = sorted(f.iri for f in data.facts.values() if key in f.documents)
    title = f"Document: {data.documents[key].title}"
    return View("document", key, title, f"document/{slug(key)}.html", facts)


def fact_label(data: GraphData, fact: Fact) -> str:
    """A short label: the kind (or class) and the date at its precision."""
    classes = style()["classes"]
    name = data.labels.get(fact.kind or "", "") or classes[fact.cls]["label"]
    if fact.cls == "Obligation":
        return name
    mark = {"Confirmed": "✓ ", "Corrected": "✓ ", "Rejected": "✗ "}.get(fact.status, "")
    return f"{mark}{name[:1].upper()}{name[1:]}" + (f" {fact.date}" if fact.date else "")


def nodes_and_edges(
    data: GraphData, view: View
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The view's graph through networkx (layout) and pyvis (node and edge lists)."""
    import networkx as nx
    from pyvis.network import Network

    classes, roles = style()["classes"], style()["roles"]
    graph = nx.MultiDiGraph()
    for key in view.facts:
        fact = data.facts[key]
        graph.add_node(key, cls=fact.cls)
        for role, target in fact.roles:
            target_fact = data.facts.get(target)
            cls = target_fact.cls if target_fact else data.kinds.get(target, _guess(target, data))
            graph.add_node(target, cls=cls)
            graph.add_edge(key, target, role=role)
    present = set(graph.nodes)
    for group, member in data.members:
        if group in present and member in present:
            graph.add_edge(group, member, role="hasMember")
    if view.kind == "obligations":
        for provision, instrument in sorted(data.instruments.items()):
            if provision in present:
                graph.add_node(instrument, cls="Instrument")
                graph.add_edge(provision, instrument, role="ofInstrument")
    positions = layout(list(graph.nodes), list(graph.edges()))
    net = Network(directed=True)
    for node in sorted(graph.nodes):
        cls = graph.nodes[node]["cls"]
        fact_ = data.facts.get(node)
        label = fact_label(data, fact_) if fact_ else data.labels.get(node, slug(node))
        # the look comes from the node's group (its class, see groups()); the page script
        # sets each title to the label, so that neither is written twice per node
        options: dict[str, Any] = {
            "label": label,
            "group": cls if cls in classes else "Thing",
            "x": positions[node][0],
            "y": positions[node][1],
            "cls": cls,
        }
        if fact_ is not None:
            options.update(_fact_style(fact_))
        net.add_node(node, **options)
        for default in ("shape", "color", "font"):  # pyvis's own, which would hide the group's
            if default not in options:
                net.nodes[-1].pop(default, None)
    for number, (source, target, attrs) in enumerate(
        sorted(graph.edges(data=True), key=lambda e: (e[0], e[1], e[2]["role"]))
    ):
        fact_ = data.facts.get(source)
        dashed = bool(fact_ and fact_.tentative and fact_.cls != "Obligation")
        net.add_edge(
            source,
            target,
            id=f"e{number}",
            label=roles.get(attrs["role"], attrs["role"]),
            role=attrs["role"],
            **({"dashes": True} if dashed else {}),
        )
    for edge in net.edges:
        edge.pop("arrows", None)  # every edge has one; the page sets it once
    return list(net.nodes), list(net.edges)


def groups() -> dict[str, dict[str, Any]]:
    """Each class's look, once per page rather than once per node: vis-network draws a
    node with its group's shape, colour and font unless the node says otherwise."""
    out = {}
    for cls, look in style()["classes"].items():
        light_text = look["shape"] in ("box", "database") and cls not in ("Provision", "Place")
        group: dict[str, Any] = {
            "shape": look["shape"],
            "color": {"background": look["color"], "border": "#222222"},
            "font": {"color": "#FFFFFF" if light_text else "#111111"},
        }
        group.update({k: look[k] for k in ("size", "widthConstraint") if k in look})
        out[cls] = group
    return out


def _fact_style(fact: Fact) -> dict[str, Any]:
    """Dashed when tentative, a thick border when an analyst confirmed it, grey if rejected."""
    out: dict[str, Any] = {"status": fact.status, "tentative": fact.tentative}
    if fact.cls == "Obligation":
        out["tentative"] = False
        return out
    out["shapeProperties"] = {"borderDashes": [4, 3] if fact.tentative else False}
    out["borderWidth"] = 4 if fact.status in ("Confirmed", "Corrected") else 1.5
    if fact.status == "Rejected":
        out["color"] = {"background": "#DDDDDD", "border": "#888888"}
        out["opacity"] = 0.6
    return out


def _guess(node: str, data: GraphData) -> str:
    """A class for a thing the graph did not type, from its IRI's kind segment."""
    kind = kind_of(node)
    return {
        "person": "Person",
        "group": "Group",
        "state": "State",
        "instrument": "Provision" if node.count("/") > len(ID.split("/")) else "Instrument",
        "body": "Body",
        "place": "Place",
        "organisation": "Organisation",
    }.get(kind, "Thing")


def layout(nodes: list[str], edges: list[tuple[str, str]]) -> dict[str, tuple[float, float]]:
    """Seeded positions in pixels: each connected part laid out on its own (events sit
    between the things they link), the parts packed in rows, largest first. The layout is
    rustworkx's Fruchterman-Reingold in Rust: networkx's own needs scipy above 500 nodes and
    takes minutes at 5,000 (README, "Large graphs")."""
    import math

    import networkx as nx

    simple = nx.Graph()
    simple.add_nodes_from(sorted(nodes))
    simple.add_edges_from(sorted(tuple(sorted((a, b))) for a, b in edges))
    parts = sorted(
        (sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c[0])
    )
    placed: dict[str, tuple[float, float]] = {}
    width = 260 * math.sqrt(max(simple.number_of_nodes(), 1)) + 400
    x = y = row_height = 0.0
    for part in parts:
        n = len(part)
        raw = {part[0]: (0.0, 0.0)} if n == 1 else _spring(part, simple)
        size = 0 if n == 1 else 95 * math.sqrt(n) + 60
        box = 2 * size + 180
        if x + box > width and x > 0:
            x, y, row_height = 0.0, y + row_height, 0.0
        for node, (px, py) in raw.items():
            placed[node] = (round(x + box / 2 + float(px) * size, 1),
                            round(y + box / 2 + float(py) * size, 1))  # fmt: skip
        x += box
        row_height = max(row_height, box)
    return placed


def _spring(part: list[str], simple: Any) -> dict[str, tuple[float, float]]:
    """One connected part, seeded, in [-1, 1]: nodes and edges go in sorted order, so the
    same graph always gets the same picture whatever Python's hash seed."""
    import math

    import rustworkx as rx

    index = {node: i for i, node in enumerate(part)}
    graph = rx.PyGraph()
    graph.add_nodes_from(part)
    graph.add_edges_from_no_data(
        sorted((index[a], index[b]) for a, b in (sorted(e) for e in simple.subgraph(part).edges))
    )
    pos = rx.spring_layout(graph, seed=SEED, k=1.8 / math.sqrt(len(part)), num_iter=ITERATIONS)
    return {part[i]: (xy[0], xy[1]) for i, xy in pos.items()}


__all__ = ["View", "all_views", "nodes_and_edges", "at_precision", "local"]
