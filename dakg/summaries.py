"""How the summary commands print: ``info``, ``obligations``, ``assess``, ``cases`` and
``show`` on a terminal. Document text is printed as data (``rich.text.Text``), never as
markup; tables wrap long cells and never cut a name."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dakg.graph.prefixes import compact


def _console() -> Any:
    from rich.console import Console

    return Console()


def print_info(summary: Any) -> None:
    """The build and the headline counts first, the reference data in a line, then detail."""
    from rich.table import Table
    from rich.text import Text

    console = _console()
    console.print(Text(f"Graph: {summary['store']}", style="bold"))
    build = summary.get("build")
    if build:
        console.print(
            Text(
                f"Build {build['build'].rsplit('/', 1)[-1]} by dakg {build['version']}, "
                f"{build['started']} to {build['ended']}: {build['documents']} documents, "
                f"{build['facts']:,} facts, {build['triples']:,} triples, "
                f"{build['inputs']} input files checksummed"
            )
        )
    else:
        console.print(Text("No build record (built by an older dakg)", style="dim"))
    headline = Table("what", "how many", title="What the graph holds")
    for key, count in summary["summary"].items():
        headline.add_row(Text(key), f"{count:,}")
    console.print(headline)
    reference = ", ".join(f"{n:,} {k}" for k, n in summary["reference"].items() if n)
    console.print(Text(f"Reference data: {reference}"))
    docs = Table("document", "date", "kind", "sentences", title="Documents")
    for d in summary["documents"]:
        name = Text(f"{d['title']}\n{compact(d['document'])}", overflow="fold")
        docs.add_row(name, Text(d["date"]), Text(d["kind"]), str(d["sentences"]))
    console.print(docs)
    graphs = Table("named graph", "triples", title="Triples per named graph")
    for g in summary["graphs"]:
        graphs.add_row(Text(compact(g["graph"]), overflow="fold"), f"{g['triples']:,}")
    console.print(graphs)
    classes = Table("class", "instances", title="Instances per class")
    for c in summary["classes"]:
        classes.add_row(Text(compact(c["cls"])), f"{c['instances']:,}")
    console.print(classes)


def print_obligations(rows: Sequence[Any]) -> None:
    """Per transfer: each instrument's hold on the sending and the receiving state."""
    from rich.table import Table
    from rich.text import Text

    console = _console()
    for row in rows:
        title = (
            f"{row.person}: {row.sending or '?'} -> {row.receiving or '?'}, "
            f"{row.date or 'date unknown'} ({row.status.lower()})"
        )
        table = Table(title=Text(title))
        for name in (
            "instrument",
            "sending state: non-refoulement",
            "receiving state: prohibition of torture",
        ):
            table.add_column(name, overflow="fold")
        receiving = {b.instrument: b for b in row.receiving_bound}
        qualified: list[str] = []
        for bound in row.sending_bound or row.receiving_bound:
            other = receiving.get(bound.instrument)
            table.add_row(
                Text(bound.instrument),
                Text(binding_text(bound) if row.sending_bound else "?"),
                Text(binding_text(other) if other else "?"),
            )
            for b in (bound, other):
                if b is not None and b.status in {"bound", "uncertain"}:
                    qualified += [q for q in b.qualified_by if q not in qualified]
        console.print(table)
        if row.disagreement:
            console.print(Text(f"  {row.disagreement}", style="yellow"))
        for text in qualified:
            console.print(Text(f"  qualified by {text}"))
    _print_as_of(console, [b for row in rows for b in row.sending_bound + row.receiving_bound])


def _print_as_of(console: Any, bindings: Sequence[Any]) -> None:
    """The day each instrument's table is complete to: past it, only "bound" still holds."""
    from rich.text import Text

    days = {b.instrument: b.as_of for b in bindings if b.as_of}
    if days:
        listed = "; ".join(f"{name} {day}" for name, day in sorted(days.items()))
        console.print(Text(f"Reference tables as of: {listed}.", style="dim"))


def print_treaties(result: Any) -> None:
    """A state's standing towards each instrument on a date, then its avenues of complaint."""
    from rich.table import Table
    from rich.text import Text

    from dakg.graph.obligations import phrase

    console = _console()
    span = result.first if result.first == result.last else f"{result.first} to {result.last}"
    table = Table(title=Text(f"{result.label}: treaty standing on {span}"))
    for name in ("instrument", "standing", "party period", "as of", "sources"):
        table.add_column(name, overflow="fold")
    for b in result.standings:
        period = f"{b.since or '…'} to {b.until or '…'}" if b.since or b.until else ""
        table.add_row(
            Text(b.instrument),
            Text(phrase(b)),
            Text(period),
            Text(b.as_of or ""),
            Text("\n".join(b.sources[:3])),
        )
    console.print(table)
    avenues = Table(title=Text(f"Avenues of complaint against {result.label} on {span}"))
    for name in ("avenue", "body", "open?", "why"):
        avenues.add_column(name, overflow="fold")
    for a in result.avenues:
        avenues.add_row(Text(a.label), Text(a.body), Text(a.status), Text(a.reason))
    console.print(avenues)
    console.print(
        Text(
            '"not a party": the table covers the state and records no act that made it a '
            'party then; "no data": no table covers it, or the day is past the table\'s date.',
            style="dim",
        )
    )


def binding_text(bound: Any) -> str:
    """A table cell: the status, since when, through which provisions, unverified or not."""
    status = bound.status
    since = bound.since
    note = f" (since {since})" if since and status in {"bound", "uncertain", "date unknown"} else ""
    unverified = "" if bound.verified else " [unverified]"
    cell = f"{status}{note}{unverified}"
    if bound.provisions and status in {"bound", "uncertain", "date unknown"}:
        named = [
            p.removeprefix(bound.instrument).strip() or "the whole instrument"
            for p in bound.provisions
        ]
        cell += "\nthrough " + "; ".join(named)
    return cell


def assurance_heading(row: Any) -> str:
    """Who gave it, or, for an assurance the documents say was only sought, who asked whom:
    never "given" when nobody is said to have given it."""
    seeker = row.sought_by or "a state not named"
    if row.kind == "AssuranceSought":
        return f"Assurance sought by {seeker} from {row.given_by} (only sought)"
    if "AssuranceSought" in row.stages:
        return f"Assurance sought by {seeker} and given by {row.given_by}"
    if row.kind == "AssuranceReliedOn":
        return f"Assurance from {row.given_by}, relied on"
    return f"Assurance given by {row.given_by}"


def print_assessment(rows: Sequence[Any], all_factors: bool) -> None:
    """Each assurance, its red flags with standard and source, and the harm that followed."""
    from rich.text import Text

    console = _console()
    for row in rows:
        head = Text(assurance_heading(row), style="bold")
        head.append(f" about {row.about or 'no one named'}")
        if "AssuranceSought" not in row.stages:
            head.append(f", sought by {row.sought_by or 'not said'}")
        head.append(f"  [{row.key}]", style="dim")
        if row.review == "Rejected":
            head.append("  (rejected by an analyst)", style="red")
        console.print(head)
        for report in row.reports:
            stage = report.factor.removeprefix("Assurance").lower()
            quote = f"“{report.quote}”" if report.quote else "(no passage: see the source)"
            console.print(Text(f"  reported {stage}: ") + Text(quote, style="italic"))
            console.print(Text(f"    {report.source}", style="dim"))
        scheme = None
        for result in row.factors:
            if not result.findings and not all_factors:
                continue
            if result.scheme != scheme:
                scheme = result.scheme
                console.print(Text(f"  {scheme}", style="underline"))
            if not result.findings:
                console.print(Text(f"    not found in the documents: {result.label}", style="dim"))
                continue
            standard = f" (standard: {result.standard}" + (
                f", {result.standard_source})" if result.standard_source else ")"
            )
            console.print(Text(f"    red flag: {result.label}", style="red") + Text(standard))
            for flag in result.findings:
                console.print(Text(f"      “{flag.quote}”", style="italic"))
                console.print(Text(f"        {flag.source}", style="dim"))
        if not row.flags:
            console.print(Text("  no red flag found in the documents"))
        if row.harm:
            for harm in row.harm:
                console.print(
                    Text(
                        f"  followed by harm: {harm.factor} of {harm.victim} in {harm.place}, "
                        f"{harm.date}",
                        style="yellow",
                    )
                )
                console.print(Text(f"    “{harm.quote}”", style="italic"))
                console.print(Text(f"      {harm.source}", style="dim"))
        else:
            console.print(Text("  followed by harm: none recorded in the giving state"))


def print_cases(rows: Sequence[Any]) -> None:
    """The cases with their people and how many facts of each kind they hold."""
    from rich.table import Table
    from rich.text import Text

    table = Table(show_lines=True)
    for name in ("case", "concerns", "facts"):
        table.add_column(name, overflow="fold")
    for row in rows:
        origin = "proposed by the build" if row.proposed else "case file"
        counts = ", ".join(f"{n} {kind}" for kind, n in row.facts.items())
        table.add_row(
            Text(f"{row.title}\n{row.slug} ({origin})"),
            Text("\n".join(row.concerns)),
            Text(counts),
        )
    _console().print(table)
