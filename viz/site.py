"""Writing views: a folder (index, one page per view, the documents' texts, shared assets)
or one self-contained page to send by mail. A folder is written beside the old one and
swapped in only when complete, so a failed drawing never loses the previous views."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from dakg.errors import ViewError
from dakg.graph.files import replace_folder, staging_folder, write_atomically
from dakg.graph.reader import Reader, iri, sparql, value

from .aggregate import MAX_NODES
from .dossier import (
    Analysis,
    analysis,
    dossier_page,
    render_dossier,
    render_timeline,
    timeline_page,
)
from .model import QUERIES, GraphData, read_graph, slug
from .page import (
    LARGE,
    VIS_VERSION,
    Links,
    asset,
    csp,
    folder_page,
    page_data,
    render,
    render_view,
    text_section,
)
from .views import View, all_views, case_view, document_view, entity_view, nodes_and_edges

MARKER = ".dakg-views"
GROUPS = (("overview", "The whole graph"), ("obligations", "Obligations"), ("case", "Cases"),
          ("dossier", "Case dossiers (printable)"), ("person", "People and groups"),
          ("state", "States"), ("timeline", "Timelines of people, groups and states"),
          ("document", "Documents (their facts as a graph)"))  # fmt: skip


class Redaction(Protocol):
    """What the pages need of a redactor (``graph/redact.py``)."""

    @property
    def active(self) -> bool: ...
    def text(self, s: str) -> str: ...
    def walk(self, data: Any) -> Any: ...
    def spans(self, text: str) -> list[tuple[int, int, str]]: ...


@dataclass
class Drawn:
    """What a drawing wrote: the page to open and how many pages."""

    path: Path
    pages: int


def stamp(data: GraphData, filters: list[str]) -> dict[str, str]:
    """The provenance stamp every page carries: the build, the filters, the drawing time."""
    record = data.build
    built = (
        f"graph built {record['ended'][:19]} by dakg {record['version']} "
        f"(build {record['build'].rsplit('/', 1)[-1][:12]})"
        if record
        else "graph without a build record"
    )
    drawn = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return {
        "built": built,
        "filters": "; ".join(filters),
        "drawn": drawn,
        "text": f"{built} · {'; '.join(filters)} · drawn {drawn}",
    }


def filters_of(data: GraphData, redactor: Redaction | None) -> list[str]:
    shown = ["rejected facts shown" if data.include_rejected else "rejected facts hidden"]
    if redactor is not None and redactor.active:
        shown.append("names in confidential cases redacted")
    return shown


def document_texts(reader: Reader, documents: list[str]) -> dict[str, str]:
    """The cleaned texts of some documents, asked a few at a time."""
    texts: dict[str, str] = {}
    for chunk in range(0, len(documents), 20):
        part = [iri(d) for d in documents[chunk : chunk + 20]]
        for row in reader.select(sparql("document-text", QUERIES), {"document": part}):
            texts[value(row, "document")] = value(row, "text")
    return texts


def pick(data: GraphData, kind: str, key: str) -> View:
    """The one view ``--case``, ``--person`` or ``--state`` asked for."""
    if kind == "case":
        return case_view(data, key)
    if kind == "document":
        return document_view(data, key)
    return entity_view(data, key, kind)


def draw_folder(
    reader: Reader,
    out: Path,
    include_rejected: bool = False,
    only: tuple[str, str] | None = None,
    redactor: Redaction | None = None,
    max_nodes: int = MAX_NODES,
    large: int = LARGE,
) -> Drawn:
    """Write every view (or only one) with the index, the texts and the assets into ``out``."""
    data = read_graph(reader, include_rejected)
    views = [pick(data, *only)] if only else all_views(data)
    the_stamp = stamp(data, filters_of(data, redactor))
    redact = redactor if redactor is not None and redactor.active else None
    out = out.resolve()
    refusal = "exists and is not a folder of dakg views; choose another -o"
    work = staging_folder(out, MARKER, refusal, ViewError)
    try:
        _copy_assets(work / "assets")
        (work / MARKER).write_text("dakg views: this folder is replaced by the next dakg viz\n")
        links = Links(single_file=False)
        written = []
        read = analysis(reader, data) if any(v.kind == "case" for v in views) else None
        for view in views:
            nodes, edges = nodes_and_edges(data, view)
            page = page_data(data, view, nodes, edges, links, the_stamp, max_nodes, large)
            page["related"] = _related(data, view)
            path = view.path
            if redact is not None:
                page, path = redact.walk(page), redact.text(view.path)
            for name, text in folder_page(page, path).items():
                _write(work / name, text)
            written.append((view, path, page["title"], len(view.facts)))
            written += _write_companion(work, reader, data, view, the_stamp, read, redact)
        texts = document_texts(reader, sorted(data.documents))
        text_links = []
        for doc_iri, text in sorted(texts.items()):
            title = data.documents[doc_iri].title
            section = text_section(data, doc_iri, text, redact)
            if redact is not None:
                title = redact.text(title)
            page_html = render(
                "text.html", title=title, section=section, csp=csp(), assets="../assets",
                index="../index.html", view=f"../document/{slug(doc_iri)}.html",
                stamp=the_stamp["text"],
            )  # fmt: skip
            _write(work / "text" / f"{slug(doc_iri)}.html", page_html)
            text_links.append({"path": f"text/{slug(doc_iri)}.html", "title": title})
        groups = [
            {"title": heading, "views": [
                {"path": path, "title": title, "count": f"{n} facts"}
                for view, path, title, n in written if view.kind == kind]}
            for kind, heading in GROUPS
        ]  # fmt: skip
        index = render(
            "index.html", groups=[g for g in groups if g["views"]], texts=text_links,
            stamp=the_stamp["text"], csp=csp(), vis_version=VIS_VERSION, assets="assets",
        )  # fmt: skip
        _write(work / "index.html", index)
        _swap(work, out)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    first = out / written[0][1] if only else out / "index.html"
    return Drawn(first, len(written) + len(text_links) + 1)


def draw_single(
    reader: Reader,
    out: Path,
    include_rejected: bool = False,
    only: tuple[str, str] | None = None,
    redactor: Redaction | None = None,
    max_nodes: int = MAX_NODES,
    large: int = LARGE,
) -> Drawn:
    """One self-contained page: scripts, style, data and the cited texts inside it."""
    data = read_graph(reader, include_rejected)
    view = pick(data, *only) if only else all_views(data)[0]
    redact = redactor if redactor is not None and redactor.active else None
    nodes, edges = nodes_and_edges(data, view)
    page = page_data(data, view, nodes, edges, Links(single_file=True),
                     stamp(data, filters_of(data, redactor)), max_nodes, large)  # fmt: skip
    cited = sorted({d for k in view.facts for d in data.facts[k].documents if d in data.documents})
    texts = [
        text_section(data, d, t, redact) for d, t in sorted(document_texts(reader, cited).items())
    ]
    if redact is not None:
        page = redact.walk(page)
    write_atomically(out, render_view(page, single_file=True, texts=texts))
    return Drawn(out, 1)


def _related(data: GraphData, view: View) -> list[dict[str, str]]:
    """The pages a view links to beside the index: a case's dossier, a timeline."""
    if view.kind == "case":
        return [{"href": f"../dossier/{data.cases[view.key].slug}.html",
                 "label": "Printable dossier"}]  # fmt: skip
    if view.kind in ("person", "state"):
        return [{"href": f"../timeline/{view.path}", "label": "Timeline"}]
    return []


def _write_companion(
    work: Path,
    reader: Reader,
    data: GraphData,
    view: View,
    the_stamp: dict[str, str],
    read: Analysis | None,
    redact: Redaction | None,
) -> list[tuple[View, str, str, int]]:
    """A case view's dossier, a person's or a state's timeline (none for other views)."""
    if view.kind == "case":
        page = dossier_page(reader, data, view.key, the_stamp, True, read)
        path, kind = f"dossier/{data.cases[view.key].slug}.html", "dossier"
        render_page = render_dossier
    elif view.kind in ("person", "state"):
        page, path, kind = timeline_page(data, view, the_stamp), f"timeline/{view.path}", "timeline"
        render_page = render_timeline
    else:
        return []
    if redact is not None:
        page, path = redact.walk(page), redact.text(path)
    _write(work / path, render_page(page))
    entry = View(kind, view.key, page["title"], path, view.facts)
    return [(entry, path, page["title"], len(page["facts"]))]


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _copy_assets(dest: Path) -> None:
    """The page script, the style and vis-network with its licences."""
    source = Path(__file__).parent / "assets"
    shutil.copytree(source, dest, ignore=shutil.ignore_patterns("__pycache__"))
    assert asset("dakg-view.js")


def _swap(new: Path, out: Path) -> None:
    """Put the new folder in place of the old one; the old one is removed only after."""
    if out.exists() and not (out / MARKER).exists():
        raise ViewError(f"{out}: exists and is not a folder of dakg views; choose another -o")
    replace_folder(new, out)


def resolve_view(reader: Reader, kind: str, text: str) -> tuple[str, str]:
    """``(kind, IRI)`` of the one view asked for: a case, a person or group, or a state, by
    IRI, ``kind:slug``, slug or label (candidates listed when ambiguous)."""
    from dakg.errors import QueryError
    from dakg.queries.library import resolve_entity, resolve_state

    if kind == "state":
        return kind, resolve_state(reader, text).value
    if kind == "case":
        return kind, resolve_entity(reader, text, "case").value
    try:
        return kind, resolve_entity(reader, text, "person").value
    except QueryError as first:
        try:
            return kind, resolve_entity(reader, text, "group").value
        except QueryError:
            raise first from None


def draw(
    reader: Reader,
    out: Path,
    single_file: bool = False,
    include_rejected: bool = False,
    only: tuple[str, str] | None = None,
    redactor: Redaction | None = None,
    max_nodes: int = MAX_NODES,
    large: int = LARGE,
) -> Drawn:
    """Draw the views the options ask for (see ``dakg viz --help``); ``large``: the node
    count above which a page keeps its details beside it and writes its table on demand."""
    wanted = resolve_view(reader, *only) if only else None
    if single_file:
        return draw_single(reader, out, include_rejected, wanted, redactor, max_nodes, large)
    return draw_folder(reader, out, include_rejected, wanted, redactor, max_nodes, large)
