"""The overview of a view too large to draw node by node: one node per case and per state,
sized by what it holds, linked when a case's facts name the state. The page opens on it and
draws the facts themselves once a filter (a case, a document, a node clicked) brings them
below the limit; nothing is dropped, the detail is only not drawn until asked for."""

from __future__ import annotations

from collections import Counter
from typing import Any

from .model import GraphData, slug, style

MAX_NODES = 1500  # a view above this opens aggregated (dakg viz --max-nodes)
NO_CASE = "(in no case)"


def aggregate(
    data: GraphData, nodes: list[dict[str, Any]], edges: list[dict[str, Any]]
) -> dict[str, Any]:
    """The aggregated graph of a view's nodes: cases and states with their counts."""
    from .views import layout

    kinds = {n["id"]: n["cls"] for n in nodes}
    facts_in: Counter[str] = Counter()
    for node in nodes:
        if node["id"] in data.facts:
            for case in node["cases"] or [NO_CASE]:
                facts_in[case] += 1
    states = sorted(n["id"] for n in nodes if n["cls"] == "State")
    links: Counter[tuple[str, str]] = Counter()
    fact_nodes = {n["id"]: n for n in nodes if n["id"] in data.facts}
    for edge in edges:
        source = fact_nodes.get(edge["from"])
        if source is not None and kinds.get(edge["to"]) == "State":
            for case in source["cases"] or [NO_CASE]:
                links[(case, edge["to"])] += 1
    titles = {c.slug: c.title for c in data.cases.values()}
    case_look, state_look = style()["classes"]["Case"], style()["classes"]["State"]
    agg_nodes: list[dict[str, Any]] = []
    for case, count in sorted(facts_in.items()):
        label = f"{titles.get(case, case)} ({count} facts)"
        agg_nodes.append({
            "id": f"case:{case}", "label": label, "title": label, "shape": case_look["shape"],
            "color": {"background": case_look["color"], "border": "#222222"},
            "font": {"color": "#111111"}, "expand": {"case": "-" if case == NO_CASE else case},
            "value": count,
        })  # fmt: skip
    degree = Counter(state for _, state in links)
    for state in states:
        label = f"{data.labels.get(state, slug(state))} ({degree[state]} case links)"
        agg_nodes.append({
            "id": f"state:{state}", "label": label, "title": label, "shape": state_look["shape"],
            "color": {"background": state_look["color"], "border": "#222222"},
            "font": {"color": "#FFFFFF"}, "expand": {"around": state},
        })  # fmt: skip
    agg_edges: list[dict[str, Any]] = [
        {"id": f"a{i}", "from": f"case:{case}", "to": f"state:{state}", "label": str(n),
         "title": f"{n} facts", "width": min(1 + n / 2, 8)}
        for i, ((case, state), n) in enumerate(sorted(links.items()))
    ]  # fmt: skip
    positions = layout([n["id"] for n in agg_nodes], [(e["from"], e["to"]) for e in agg_edges])
    for node in agg_nodes:
        node["x"], node["y"] = positions[node["id"]]
    return {"nodes": agg_nodes, "edges": agg_edges}
