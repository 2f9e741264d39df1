"""A view's page: the data the script draws (escaped for a JSON block inside ``<script>``),
the side panel's details, the table of the same facts, and the document texts with every
quote marked at its offsets. Document text is data: jinja2 escapes it for HTML and
attributes, ``script_json`` for the script block, and the page script writes it only through
``textContent``."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .aggregate import MAX_NODES, aggregate
from .model import GraphData, slug, style
from .views import View, fact_label, groups

HERE = Path(__file__).parent
VIS_VERSION = "10.1.5"
LARGE = 1000  # nodes above which a page is lean: details beside it, table on demand
GLYPHS = {"diamond": "◆", "triangle": "▲", "star": "★", "square": "■", "triangleDown": "▼",
          "hexagon": "⬢", "dot": "●", "box": "▬", "ellipse": "◯", "database": "▤"}  # fmt: skip
SAFE_LINK = re.compile(r"https?://[^\s\"'<>]+\Z", re.IGNORECASE)


@dataclass(frozen=True)
class Links:
    """Where a page's links point: a folder's shared assets and text pages, or anchors
    inside one self-contained page."""

    single_file: bool

    def text(self, doc_slug: str, start: int | None = None, end: int | None = None) -> str:
        anchor = f"q-{doc_slug}-{start}-{end}" if start is not None else f"text-{doc_slug}"
        return f"#{anchor}" if self.single_file else f"../text/{doc_slug}.html#{anchor}"


@cache
def environment() -> Any:
    """jinja2 with autoescaping on for every template (they are all HTML)."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def render(template: str, **context: Any) -> str:
    return str(environment().get_template(template).render(**context))


def script_json(data: Any) -> str:
    """JSON that cannot end its ``<script>`` block nor open a comment or markup in it."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):  # fmt: skip
        text = text.replace(char, escaped)
    return text


def csp(inline_scripts: list[str] | None = None) -> str:
    """Nothing may load from outside the page's folder; inline scripts only by hash."""
    if inline_scripts is None:
        scripts = "'self'"
    else:
        hashes = [
            "'sha256-" + _b64(hashlib.sha256(s.encode("utf-8")).digest()) + "'"
            for s in inline_scripts
        ]
        scripts = " ".join(hashes) or "'none'"
    return (
        f"default-src 'none'; script-src {scripts}; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data: blob:; font-src 'self'; connect-src 'none'; "
        "base-uri 'none'; form-action 'none'; frame-src 'none'; object-src 'none'"
    )


def _b64(raw: bytes) -> str:
    import base64

    return base64.b64encode(raw).decode("ascii")


def safe_link(address: str | None) -> str:
    """An address to link out to, only when it is plainly http(s)."""
    return address if address and SAFE_LINK.match(address) else ""


def page_data(
    data: GraphData,
    view: View,
    nodes: list[dict[str, Any]],
    edges: list[dict[str, Any]],
    links: Links,
    stamp: dict[str, str],
    max_nodes: int = MAX_NODES,
    large: int = LARGE,
) -> dict[str, Any]:
    """Everything a view's page shows, as one JSON-able structure (so that redaction can
    walk all of it). Above ``max_nodes`` (0: no limit) it also holds the aggregated graph
    the page opens on; above ``large`` nodes the page is drawn lean (``folder_page``)."""
    classes = style()["classes"]
    statuses = style()["statuses"]
    in_view = {n["id"] for n in nodes}
    facts_of: dict[str, set[str]] = {}
    for edge in edges:
        if edge["from"] in data.facts:
            facts_of.setdefault(edge["to"], set()).add(edge["from"])
    details: dict[str, Any] = {}
    for node in nodes:
        key = node["id"]
        fact = data.facts.get(key)
        if fact is not None:
            cases = sorted(fact.cases)
            documents = sorted(slug(d) for d in fact.documents)
            details[key] = fact_details(data, key, links)
        else:
            linked = sorted(facts_of.get(key, set()))
            cases = sorted({c for f in linked for c in data.facts[f].cases})
            documents = sorted({slug(d) for f in linked for d in data.facts[f].documents})
            details[key] = {
                "label": data.labels.get(key, slug(key)),
                "type": classes.get(node["cls"], classes["Thing"])["label"],
                "iri": key,
                "facts": [{"id": f, "label": fact_label(data, data.facts[f])} for f in linked],
            }
        node["cases"] = [slug(c) for c in cases]
        node["documents"] = documents
        node.setdefault("status", "Entity")
    counts = Counter(n["cls"] for n in nodes)
    legend = [
        {"cls": cls, "label": look["label"], "color": look["color"],
         "glyph": GLYPHS.get(look["shape"], "●"), "count": counts[cls]}
        for cls, look in classes.items() if counts[cls]
    ]  # fmt: skip
    present_statuses = sorted({n["status"] for n in nodes if n["id"] in data.facts})
    view_cases = sorted({c for n in nodes for c in n["cases"]})
    view_docs = sorted({d for n in nodes for d in n["documents"]})
    doc_titles = {slug(k): d.title for k, d in data.documents.items()}
    return {
        "title": view.title,
        "kind": view.kind,
        "path": view.path,
        "stamp": stamp,
        "include_rejected": data.include_rejected,
        "nodes": nodes,
        "edges": edges,
        "groups": groups(),
        "details": details,
        "legend": legend,
        "statuses": [{"value": s, "label": statuses.get(s, s)} for s in present_statuses]
        + ([{"value": "Entity", "label": "people, states and other things"}]),
        "case_options": [
            {"value": slug(c), "label": data.cases[c].title if c in data.cases else slug(c)}
            for c in (f"{_case_iri(s)}" for s in view_cases)
        ],
        "document_options": [{"value": d, "label": doc_titles.get(d, d)} for d in view_docs],
        "paths": _paths(data, in_view, edges),
        "rows": sorted(view.facts, key=lambda k: (data.facts[k].start or "9999", k)),
        "counts": {"nodes": len(nodes), "edges": len(edges)},
        "limit": max_nodes,
        "large": len(nodes) > large,
        "aggregate": aggregate(data, nodes, edges) if 0 < max_nodes < len(nodes) else None,
        "related": [],  # links to the view's dossier or timeline, set by the folder
    }


def _case_iri(case_slug: str) -> str:
    from .model import ID

    return f"{ID}case/{case_slug}"


def fact_details(data: GraphData, key: str, links: Links) -> dict[str, Any]:
    fact = data.facts[key]
    classes, roles, statuses = style()["classes"], style()["roles"], style()["statuses"]
    return {
        "label": fact_label(data, fact),
        "type": classes[fact.cls]["label"],
        "kind": data.labels.get(fact.kind or "", ""),
        "iri": key,
        "date": fact.date,
        "status": statuses.get(fact.status, fact.status),
        "alleged": fact.alleged,
        "happened": fact.happened or "",
        "roles": [
            {
                "role": roles.get(r, r),
                "id": t,
                "label": fact_label(data, data.facts[t])
                if t in data.facts
                else data.labels.get(t, slug(t)),
            }
            for r, t in fact.roles
        ],
        "cases": [data.cases[c].title for c in sorted(fact.cases) if c in data.cases],
        "sources": [_source(data, s, links) for s in fact.sources],
        "reports": [slug(r) for r in fact.reports],
        "disagreements": fact.disagreements,
    }


def _source(data: GraphData, source: Any, links: Links) -> dict[str, Any]:
    """A quote with its document, paragraph and a link to the passage; or a citation."""
    if source.document and source.document in data.documents:
        doc = data.documents[source.document]
        return {
            "quote": source.quote or "",
            "title": doc.title,
            "publisher": "; ".join(doc.publishers),
            "published": doc.published,
            "paragraph": source.paragraph or "",
            "sentence": source.sentence or "",
            "href": links.text(slug(doc.iri), source.start, source.end)
            if source.start is not None
            else links.text(slug(doc.iri)),
            "address": safe_link(doc.address),
        }
    row = data.citations.get(source.source, {})

    def cell(name: str) -> str:
        term = row.get(name)
        return term.value if term is not None else ""

    return {
        "quote": source.quote or "",
        "title": cell("title") or data.labels.get(source.source, "a reference"),
        "publisher": cell("publisher"),
        "published": cell("date"),
        "paragraph": "",
        "sentence": "",
        "href": "",
        "address": safe_link(cell("address")),
        "citation": True,
    }


def _paths(data: GraphData, in_view: set[str], edges: list[dict[str, Any]]) -> list[Any]:
    """The refoulement chains of the view, each as the nodes and edges to highlight."""
    out = []
    for chain in data.chains:
        if not {chain.first, chain.second} <= in_view:
            continue
        ends = {chain.first, chain.second}
        chosen = [e for e in edges if e["from"] in ends and e["role"] in
                  ("fromState", "toState", "transferee")]  # fmt: skip
        nodes = sorted({chain.first, chain.second} | {e["to"] for e in chosen})
        out.append({"label": f"Refoulement chain: {chain.label}", "nodes": nodes,
                    "edges": sorted(e["id"] for e in chosen)})  # fmt: skip
    return out


def text_section(data: GraphData, doc_iri: str, text: str, redactor: Any | None = None) -> str:
    """A document's cleaned text with every quote of the graph marked at its offsets (an
    anchor at each quote's start for the panel's links), names redacted when asked."""
    doc = data.documents[doc_iri]
    doc_slug = slug(doc_iri)
    ranges = sorted(
        {
            (s.start, s.end)
            for f in data.facts.values()
            for s in f.sources
            if s.document == doc_iri
            and s.start is not None
            and s.end is not None
            and 0 <= s.start < s.end <= len(text)
        }  # fmt: skip
    )
    hidden = redactor.spans(text) if redactor is not None and redactor.active else []
    cuts = {0, len(text)} | {x for r in ranges for x in r} | {x for h in hidden for x in h[:2]}
    points = sorted(cuts)
    anchors: dict[int, list[str]] = {}
    for start, end in ranges:
        anchors.setdefault(start, []).append(f"q-{doc_slug}-{start}-{end}")
    pieces = []
    for a, b in zip(points, points[1:], strict=False):
        covering = next((h for h in hidden if h[0] <= a < h[1]), None)
        piece_text = text[a:b]
        redacted = False
        if covering is not None:
            piece_text = covering[2] if covering[0] == a else ""
            redacted = True
        pieces.append({
            "text": piece_text, "anchors": anchors.get(a, []), "redacted": redacted,
            "quote": any(s <= a < e for s, e in ranges),
        })  # fmt: skip
    meta = {
        "slug": doc_slug,
        "title": doc.title,
        "publishers": "; ".join(doc.publishers),
        "published": doc.published,
        "address": safe_link(doc.address),
        "address_text": "" if safe_link(doc.address) else doc.address,
        "redacted": bool(hidden),
        "pieces": pieces,
    }
    if redactor is not None and redactor.active:
        meta = {k: (redactor.walk(v) if k != "pieces" else v) for k, v in meta.items()}
    return render("text-section.html", doc=meta)


def asset(name: str) -> str:
    return (HERE / "assets" / name).read_text(encoding="utf-8")


def table_rows(page: dict[str, Any]) -> list[dict[str, Any]]:
    """The view's facts in date order, for readers who do not use the canvas; a large page
    leaves them to its script, which writes them when the reader opens the table."""
    if page["large"]:
        return []
    nodes = {n["id"]: n for n in page["nodes"]}
    return [{**page["details"][key], "id": key, "cls": nodes[key]["cls"],
             "status": nodes[key]["status"], "status_text": page["details"][key]["status"]}
            for key in page["rows"]]  # fmt: skip


def render_view(
    page: dict[str, Any],
    single_file: bool,
    texts: list[str] | None = None,
    index: str = "../index.html",
) -> str:
    """The view's HTML, from dakg's own template (never pyvis's, which loads CDNs)."""
    table = table_rows(page)
    data_json = script_json(page)
    if single_file:
        vis_js, view_js = asset("vendor/vis-network.min.js"), asset("dakg-view.js")
        return render(
            "view.html", page=page, inline=True, css=asset("dakg-view.css"), vis_js=vis_js,
            view_js=view_js, data_json=data_json, csp=csp([vis_js, view_js]), assets="",
            texts=texts or [], index="", table=table,
        )  # fmt: skip
    return render(
        "view.html", page=page, inline=False, css="", vis_js="", view_js="",
        data_json=data_json, csp=csp(), assets="../assets", texts=texts or [], index=index,
        table=table,
    )  # fmt: skip


def folder_page(page: dict[str, Any], path: str) -> dict[str, str]:
    """A folder's files for one view: its page and, for a large view, the facts' details
    beside it in a script the page loads only when a panel, the search or the table first
    needs them (a page read from disk may not fetch JSON, but it may load a script). Half
    of a large page is quotes, and a browser reads a page before drawing anything."""
    if not page["large"]:
        return {path: render_view(page, single_file=False)}
    name = path.rsplit("/", 1)[-1].removesuffix(".html") + ".details.js"
    lean = {**page, "details": None, "details_src": quote(name)}
    return {
        path: render_view(lean, single_file=False),
        path.rsplit("/", 1)[0] + "/" + name: f"dakgViewDetails({script_json(page['details'])});\n",
    }
