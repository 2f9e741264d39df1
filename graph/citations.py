"""Where each fact stands: its review status, the citation of its source (title, publisher,
date, address) and the quotes with their paragraph and sentence numbers, asked apart from the
query that found the facts so that rows are never multiplied by their evidence."""

from __future__ import annotations

from .reader import Reader, Row, Term, iri, literal, sparql, value

PROVENANCE_COLUMNS = (
    "review", "document", "documentTitle", "publisher", "published", "address", "paragraph",
    "sentence", "quote",
)  # fmt: skip


def citation(row: Row) -> str:
    """ "Title — Publisher, date, ¶ 4, sentence 12, address": where a quote stands."""

    def cell(name: str) -> str:
        term = row.get(name)
        return term.value if term is not None else ""

    parts = [p for p in (cell("publisher"), cell("published")) if p]
    if cell("paragraph"):
        parts.append(f"¶ {cell('paragraph')}")
    if cell("sentence"):
        parts.append(f"sentence {cell('sentence')}")
    if cell("address"):
        parts.append(cell("address"))
    head = cell("documentTitle")
    return f"{head} — {', '.join(parts)}" if head and parts else head or ", ".join(parts)


def add_provenance(
    reader: Reader, columns: list[str], rows: list[Row], column: str, whole_event: bool = False
) -> tuple[list[str], list[Row]]:
    """Each fact row with its review status, its source's citation and its quotes (joined in
    the order they stand in the text), asked apart so rows are never multiplied. With
    ``whole_event``, a happening's principal fact (graph/events) stands for the event: its
    sources and quotes are those of every report of it."""
    facts = sorted({t.value for r in rows if (t := r[column]) is not None and t.is_iri})
    reports = {f: [f] for f in facts}
    if whole_event:
        for chunk in range(0, len(facts), 200):
            part = [iri(f) for f in facts[chunk : chunk + 200]]
            for row in reader.select(sparql("happening-reports"), {"fact": part}):
                reports[value(row, "fact")].append(value(row, "report"))
    asked = sorted({r for rs in reports.values() for r in rs})
    found_for: dict[str, list[Row]] = {}
    for chunk in range(0, len(asked), 200):
        part = [iri(f) for f in asked[chunk : chunk + 200]]
        for row in reader.select(sparql("provenance"), {"fact": part}):
            fact = row["fact"]
            if fact is not None:
                found_for.setdefault(fact.value, []).append(row)
    evidence = {f: [r for m in ms for r in found_for.get(m, [])] for f, ms in reports.items()}
    sources = {
        value(r, "source") for rs in evidence.values() for r in rs if r["source"] is not None
    }
    cited: dict[str, Row] = {}
    ordered = sorted(sources)
    for chunk in range(0, len(ordered), 200):
        part = [iri(s) for s in ordered[chunk : chunk + 200]]
        for row in reader.select(sparql("sources"), {"source": part}):
            if row["source"] is not None:
                cited[value(row, "source")] = row
    extra = [c for c in PROVENANCE_COLUMNS if c not in columns]
    out = []
    for row in rows:
        fact = row[column]
        found = evidence.get(fact.value, []) if fact is not None else []
        out.append({**row, **_cite(found, cited, extra)})
    return columns + extra, out


def _cite(found: list[Row], cited: dict[str, Row], extra: list[str]) -> Row:
    """One row's provenance cells from its fact's evidence rows."""
    # One effective status a fact has; should two ever stand, an analyst's wins.
    statuses = sorted({t.value for r in found if (t := r["status"]) is not None})
    reviewed = [s for s in statuses if not s.endswith("#Extracted")]
    chosen = (reviewed or statuses)[:1]
    status = iri(chosen[0]) if chosen else None
    quotes: dict[str, tuple[int, str, str, str]] = {}
    sources: list[Row] = []
    for r in found:
        src = r["source"]
        if src is not None and src.value in cited and cited[src.value] not in sources:
            sources.append(cited[src.value])
        if r["exact"] is not None:
            start = int(value(r, "start")) if r["start"] is not None else 0
            para = value(r, "paragraph") if r["paragraph"] is not None else ""
            sent = value(r, "sentence") if r["sentence"] is not None else ""
            quotes.setdefault(value(r, "exact"), (start, para, sent, value(r, "exact")))
    ordered = sorted(quotes.values())

    def joined(key: str) -> Term | None:
        seen = [t.value for s in sources if (t := s[key]) is not None]
        unique = list(dict.fromkeys(seen))
        return literal("; ".join(unique)) if unique else None

    def positions(index: int) -> Term | None:
        cells = list(dict.fromkeys(str(q[index]) for q in ordered if q[index]))
        return literal(", ".join(cells)) if cells else None

    documents = list(dict.fromkeys(value(s, "document") for s in sources if s["document"]))
    cells: Row = {
        "review": Term(status.value, "uri") if status is not None else None,
        "document": iri(documents[0]) if len(documents) == 1 else joined("document"),
        "documentTitle": joined("title"),
        "publisher": joined("publisher"),
        "published": joined("date"),
        "address": joined("address"),
        "paragraph": positions(1),
        "sentence": positions(2),
        "quote": literal(" … ".join(q[3] for q in ordered)) if ordered else None,
    }
    return {k: cells[k] for k in extra}
