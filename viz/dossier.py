"""Case dossiers: one printable page per case that a lawyer can attach to a submission.

The people, a timeline at each date's precision, the obligations in force on each
transfer's date by provision (with reservations), each assurance's red flags with their
evidence, every fact with its quote, document and paragraph, the case's network as a
picture, and the build that made it all. The page has no script: it reads and prints the
same everywhere, and ``--pdf`` prints it through headless Chromium. Document text is data:
jinja2 escapes every string."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from dakg.graph.reader import Reader

from .model import GraphData, slug, style
from .page import Links, asset, fact_details, render
from .timeline import span_text, timeline
from .views import View, case_view, nodes_and_edges

# The dossier's page: no script at all, styles inline, nothing loaded from anywhere.
CSP = (
    "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'; frame-src 'none'; object-src 'none'"
)


@dataclass
class Analysis:
    """The obligations of transfers and the weighed assurances, read once for many
    dossiers (a views folder) rather than once per case."""

    obligations: list[Any]
    assurances: list[Any]


def analysis(reader: Reader, data: GraphData, subjects: list[str] | None = None) -> Analysis:
    from dakg.graph.assessment import assess_assurances
    from dakg.graph.obligations import transfer_obligations

    return Analysis(
        transfer_obligations(reader, data.include_rejected, subjects),
        assess_assurances(reader, None, data.include_rejected, subjects),
    )


def dossier_page(
    reader: Reader,
    data: GraphData,
    case: str,
    stamp: dict[str, str],
    in_folder: bool = False,
    read: Analysis | None = None,
) -> dict[str, Any]:
    """Everything a case's dossier shows, as one JSON-able structure (redaction walks it)."""
    from dakg.graph.case_index import subjects_of

    view = case_view(data, case)
    subjects = subjects_of(reader, case)
    read = read or analysis(reader, data, subjects)
    links = Links(single_file=not in_folder)
    events = [k for k in view.facts if data.facts[k].cls != "Obligation"]
    reported = set(events) | {r for k in events for r in data.facts[k].reports}
    obligations = [row for row in read.obligations if row.transfer in reported]
    reported_slugs = {slug(k) for k in reported}
    assurances = [row for row in read.assurances if row.key in reported_slugs]
    nodes, edges = nodes_and_edges(data, view)
    record = dict(data.build) if data.build else None
    return {
        "title": data.cases[case].title,
        "slug": data.cases[case].slug,
        "proposed": data.cases[case].proposed,
        "iri": case,
        "stamp": stamp,
        "record": record,
        "people": [_person(data, s, in_folder) for s in subjects],
        "timeline": timeline(data, events),
        "obligations": [_obligations(row) for row in obligations],
        "assurances": [_assurance(row) for row in assurances],
        "facts": [_fact(data, k, links, in_folder) for k in _in_date_order(data, events)],
        "network": network_picture(nodes, edges),
        "documents": _documents(data, events),
        "view": f"../{view.path}" if in_folder else "",
    }


def _in_date_order(data: GraphData, keys: list[str]) -> list[str]:
    return sorted(keys, key=lambda k: (data.facts[k].start or "9999", k))


def _person(data: GraphData, key: str, in_folder: bool) -> dict[str, Any]:
    kind = data.kinds.get(key, "Person")
    members = sorted(data.labels.get(m, slug(m)) for g, m in data.members if g == key)
    groups = sorted(data.labels.get(g, slug(g)) for g, m in data.members if m == key)
    return {
        "label": data.labels.get(key, slug(key)),
        "iri": key,
        "kind": "Group" if kind == "Group" else "Person",
        "members": members,
        "groups": groups,
        "view": f"../person/{slug(key)}.html" if in_folder else "",
        "timeline": f"../timeline/person/{slug(key)}.html" if in_folder else "",
    }


def _fact(data: GraphData, key: str, links: Links, in_folder: bool) -> dict[str, Any]:
    """A fact with its review status and every source: quote, document, paragraph."""
    fact = data.facts[key]
    details = fact_details(data, key, links)
    dates = [span_text(start, precision) for start, _, precision in sorted(fact.spans)]
    sources = details["sources"]
    if not in_folder:
        for source in sources:
            source["href"] = ""
    return {
        "anchor": "fact-" + slug(key),
        "iri": key,
        "label": details["kind"] or details["type"],
        "type": details["type"],
        "cls": fact.cls,
        "dates": dates,
        "status": details["status"],
        "tentative": fact.tentative,
        "alleged": fact.alleged,
        "happened": fact.happened or "",
        "roles": details["roles"],
        "sources": sources,
        "disagreements": fact.disagreements,
    }


def _obligations(row: Any) -> dict[str, Any]:
    """A transfer's obligations, one row per instrument: the sending state's
    non-refoulement and the receiving state's prohibition of torture, with reservations."""
    from dakg.summaries import binding_text

    receiving = {b.instrument: b for b in row.receiving_bound}
    sending = {b.instrument: b for b in row.sending_bound}
    names = list(dict.fromkeys([*sending, *receiving]))
    rows, qualified, sources, as_of = [], [], [], {}
    for name in names:
        pair = [sending.get(name), receiving.get(name)]
        rows.append({
            "instrument": name,
            "sending": binding_text(pair[0]) if pair[0] else "not assessed",
            "receiving": binding_text(pair[1]) if pair[1] else "not assessed",
            "binds": any(b is not None and b.status in {"bound", "uncertain"} for b in pair),
        })  # fmt: skip
        for b in pair:
            if b is None:
                continue
            if b.status in {"bound", "uncertain"}:
                qualified += [q for q in b.qualified_by if q not in qualified]
            sources += [s for s in b.sources if s not in sources]
            if b.as_of:
                as_of[name] = b.as_of
    return {
        "transfer": row.transfer,
        "anchor": "fact-" + slug(row.transfer),
        "heading": f"{row.person}: {row.sending or '?'} → {row.receiving or '?'}, "
        f"{row.date or 'date unknown'} ({row.status.lower()})",
        "date_basis": row.date_basis or "",
        "disagreement": row.disagreement or "",
        "sending": row.sending or "?",
        "receiving": row.receiving or "?",
        "rows": rows,
        "qualified": qualified,
        "sources": sources,
        "as_of": "; ".join(f"{n} {d}" for n, d in sorted(as_of.items())),
    }


def _assurance(row: Any) -> dict[str, Any]:
    """An assurance: how it is reported, its red flags with evidence, the harm after it."""
    from dakg.summaries import assurance_heading

    flagged = [r for r in row.factors if r.findings]
    return {
        "key": row.key,
        "heading": assurance_heading(row),
        "about": row.about or "no one named",
        "review": row.review or "Extracted",
        "reports": [asdict(r) for r in row.reports],
        "flags": [
            {
                "label": r.label,
                "scheme": r.scheme,
                "standard": r.standard or "",
                "standard_source": r.standard_source or "",
                "findings": [asdict(f) for f in r.findings],
            }
            for r in flagged
        ],  # fmt: skip
        "not_found": [r.label for r in row.factors if not r.findings],
        "harm": [asdict(h) for h in row.harm],
    }


def _documents(data: GraphData, keys: list[str]) -> list[dict[str, Any]]:
    cited = sorted({d for k in keys for d in data.facts[k].documents if d in data.documents})
    return [
        {
            "title": data.documents[d].title,
            "publishers": "; ".join(data.documents[d].publishers),
            "published": data.documents[d].published,
            "address": data.documents[d].address,
            "iri": d,
        }
        for d in cited
    ]


def network_picture(
    nodes: list[dict[str, Any]], edges: list[dict[str, Any]], width: float = 1000.0
) -> dict[str, Any]:
    """The view's network as a still picture (an SVG the template draws): the same
    positions as the interactive view, scaled to the page."""
    if not nodes:
        return {"width": width, "height": 0, "nodes": [], "edges": []}
    xs = [float(n["x"]) for n in nodes]
    ys = [float(n["y"]) for n in nodes]
    # as wide as the page, and no taller than a printed page
    scale = min((width - 160) / max(max(xs) - min(xs), 1.0), 800 / max(max(ys) - min(ys), 1.0))
    height = (max(ys) - min(ys)) * scale + 80
    at = {
        n["id"]: (round((float(n["x"]) - min(xs)) * scale + 80, 1),
                  round((float(n["y"]) - min(ys)) * scale + 40, 1))
        for n in nodes
    }  # fmt: skip
    classes = style()["classes"]
    return {
        "width": width,
        "height": round(height, 1),
        "nodes": [
            {
                "x": at[n["id"]][0],
                "y": at[n["id"]][1],
                "color": classes.get(n["cls"], classes["Thing"])["color"],
                "label": n["label"] if len(n["label"]) <= 36 else n["label"][:35] + "…",
                "fact": n.get("status") not in (None, "Entity"),
            }
            for n in nodes
        ],
        "edges": [
            {
                "x1": at[e["from"]][0],
                "y1": at[e["from"]][1],
                "x2": at[e["to"]][0],
                "y2": at[e["to"]][1],
                "dashed": bool(e.get("dashes")),
            }
            for e in edges
        ],  # fmt: skip
    }


def render_dossier(page: dict[str, Any]) -> str:
    """The dossier's HTML: self-contained (styles inline, no script)."""
    return render("dossier.html", page=page, css=asset("dakg-dossier.css"), csp=CSP)


def timeline_page(data: GraphData, view: View, stamp: dict[str, str]) -> dict[str, Any]:
    """A person's or a state's timeline page (in a views folder): the timeline and every
    fact with its sources."""
    links = Links(single_file=False)
    events = [k for k in view.facts if data.facts[k].cls != "Obligation"]
    return {
        "title": view.title.replace(":", ": timeline of", 1),
        "stamp": stamp,
        "timeline": timeline(data, events),
        "facts": [_fact(data, k, links, True) for k in _in_date_order(data, events)],
        "view": f"../../{view.path}",
    }


def render_timeline(page: dict[str, Any]) -> str:
    return render("timeline.html", page=page, css=asset("dakg-dossier.css"), csp=CSP)


def write_dossier(
    reader: Reader,
    case_text: str,
    out: Path,
    pdf: bool = False,
    include_rejected: bool = False,
    redactor: Any | None = None,
) -> Path:
    """Write one case's dossier: a self-contained page, or (``pdf``) that page printed
    through headless Chromium. Either is written beside ``out`` and renamed into place."""
    import tempfile

    from dakg.graph.files import write_atomically
    from dakg.queries.library import resolve_entity

    from .model import read_graph
    from .site import filters_of, stamp

    case = resolve_entity(reader, case_text, "case").value
    data = read_graph(reader, include_rejected)
    page = dossier_page(reader, data, case, stamp(data, filters_of(data, redactor)))
    if redactor is not None and redactor.active:
        page = redactor.walk(page)
    html = render_dossier(page)
    if not pdf:
        write_atomically(out, html)
        return out
    from .pdf import find_browser, print_pdf

    find_browser()  # before any work: a missing browser is the user's first answer
    with tempfile.TemporaryDirectory(prefix="dakg-dossier-") as work:
        source = Path(work) / "dossier.html"
        source.write_text(html, encoding="utf-8")
        return print_pdf(source, out)
