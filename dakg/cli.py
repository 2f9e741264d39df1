"""The command line: a small front door that wires commands to the rooms.

Exit codes: 0 success; 1 an error the message explains (bad input, data that does not
conform, no store); 2 wrong usage (click's own). Heavy libraries are imported inside the
commands so that ``dakg --help`` stays fast.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from dakg import __version__
from dakg.errors import DakgError

DATA_DIR_HELP = "Data directory holding the store [default: $DAKG_DATA_DIR or ./dakg-data]."


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn a project error into a one-line message and exit code 1."""
    try:
        yield
    except DakgError as err:
        raise click.ClickException(str(err)) from None


def data_dir_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--data-dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help=DATA_DIR_HELP,
    )(func)


def reader_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--data-dir`` and ``--endpoint``: the embedded store or a SPARQL 1.1 endpoint."""
    func = click.option(
        "--endpoint",
        metavar="URL",
        default=None,
        help="Read a SPARQL 1.1 endpoint instead of the store [default: $DAKG_ENDPOINT]; "
        "credentials from $DAKG_ENDPOINT_USER and $DAKG_ENDPOINT_PASSWORD.",
    )(func)
    return data_dir_option(func)


def open_reader(data_dir: Path | None, endpoint: str | None) -> Any:
    """The graph-reading seam for a command's options."""
    from dakg.graph.reader import open_reader as seam
    from dakg.graph.store import data_dir as resolve

    return seam(resolve(data_dir), endpoint)


def format_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["table", "csv", "tsv", "json", "markdown"]),
        default="table",
        show_default=True,
        help="table on a terminal; csv, tsv and json are the W3C SPARQL results formats.",
    )(func)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dakg")
def cli() -> None:
    """dakg: the knowledge graph of diplomatic-assurance cases.

    Build the graph from a corpus of documents, then inspect it.

    Example: dakg build && dakg info
    """


@cli.command()
@click.option(
    "--corpus",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Folder of documents (.txt/.md, optional MANIFEST.csv) [default: the bundled corpus].",
)
@data_dir_option
@click.option(
    "--skip-bad", is_flag=True, help="Report and skip unreadable files instead of stopping."
)
@click.option(
    "--max-size",
    type=click.FloatRange(min=0, min_open=True),
    default=20.0,
    show_default=True,
    help="Largest document accepted, in megabytes.",
)
@click.option(
    "--strict", is_flag=True, help="Make a case-file review of a fact no longer found an error."
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@click.option("-v", "--verbose", is_flag=True, help="Also list each document loaded.")
def build(
    corpus: Path | None,
    data_dir: Path | None,
    skip_bad: bool,
    max_size: float,
    strict: bool,
    quiet: bool,
    verbose: bool,
) -> None:
    """Build the knowledge graph of a corpus into the on-disk store.

    The new store replaces the previous one only when it is complete and conforms to
    the SHACL shapes; a failed build leaves the previous store as it was.

    Example: dakg build --corpus ~/documents --data-dir ~/dakg-data
    """
    from dakg.graph.build import build as run_build
    from dakg.graph.store import data_dir as resolve
    from dakg.loaders.corpus import bundled_corpus

    root = resolve(data_dir)
    source = corpus or bundled_corpus()
    with user_errors(), _progress(enabled=not quiet) as (on_file, on_step):
        report = run_build(
            source,
            root,
            skip_bad=skip_bad,
            max_bytes=int(max_size * 1024 * 1024),
            on_file=on_file,
            on_step=on_step,
            strict=strict,
        )
    for message in report.skipped:
        click.echo(f"skipped: {message}", err=True)
    for message in report.warnings:
        click.echo(f"warning: {message}", err=True)
    if verbose and not quiet:
        for doc in report.documents:
            click.echo(
                f"  {doc.stem}: {len(doc.clean):,} characters, {len(doc.sections)} sections, "
                f"{len(doc.paragraphs)} paragraphs, {len(doc.sentences)} sentences",
                err=True,
            )
    if not quiet:
        click.echo(
            f"Built {len(report.documents)} document(s), {report.triples:,} triples "
            f"into {root / 'current'}"
        )


@contextmanager
def _progress(enabled: bool) -> Iterator[tuple[Callable[[str], None], Callable[[str], None]]]:
    """A rich progress display on a terminal; silence in a pipe or with --quiet."""
    if not enabled or not sys.stderr.isatty():
        yield (lambda _: None), (lambda _: None)
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as progress:
        task = progress.add_task("loading")
        yield (
            lambda name: progress.update(task, description=f"loading {name}"),
            lambda step: progress.update(task, description=step),
        )


@cli.command()
@data_dir_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of tables.")
def info(data_dir: Path | None, as_json: bool) -> None:
    """Show what the store holds: triples per named graph, instances per class, documents.

    Example: dakg info --json
    """
    from dakg.graph.info import store_info
    from dakg.graph.prefixes import compact
    from dakg.graph.store import data_dir as resolve

    with user_errors():
        summary = store_info(resolve(data_dir))
    if as_json:
        click.echo(json.dumps(summary, indent=2, ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console()
    console.print(Text(f"Store: {summary['store']}"))
    graphs = Table("named graph", "triples", title="Triples per named graph")
    for g in summary["graphs"]:
        graphs.add_row(Text(compact(g["graph"])), f"{g['triples']:,}")
    console.print(graphs)
    classes = Table("class", "instances", title="Instances per class")
    for c in summary["classes"]:
        classes.add_row(Text(compact(c["cls"])), f"{c['instances']:,}")
    console.print(classes)
    docs = Table("document", "date", "kind", "characters", "sentences", title="Documents")
    titles = Table("document", "title", "publisher", title="Titles and publishers")
    for d in summary["documents"]:
        name = Text(compact(d["document"]), no_wrap=True)
        docs.add_row(
            name, Text(d["date"]), Text(d["kind"]), f"{d['length']:,}", str(d["sentences"])
        )
        titles.add_row(name, Text(d["title"]), Text(d["publisher"]))
    console.print(docs)
    console.print(titles)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object for all files.")
@click.option(
    "--max-size",
    type=click.FloatRange(min=0, min_open=True),
    default=20.0,
    show_default=True,
    help="Largest document accepted, in megabytes.",
)
def extract(files: tuple[Path, ...], as_json: bool, max_size: float) -> None:
    """Extract entities and events from text files, for review (no build, no store).

    Every event carries its stable key and the passages it came from.

    Example: dakg extract corpus/*.txt --json > facts.json
    """
    from dakg.loaders.document import load_document
    from dakg.loaders.extract import extract as run_extract
    from dakg.loaders.extract import to_json

    results = {}
    with user_errors():
        for path in files:
            document = load_document(path, max_bytes=int(max_size * 1024 * 1024))
            results[path.name] = to_json(run_extract(document))
    if as_json:
        click.echo(json.dumps({"documents": results}, indent=2, ensure_ascii=False))
        return
    from dakg.report import print_report

    print_report(results)


@cli.command()
@data_dir_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of tables.")
@click.option("--include-rejected", is_flag=True, help="Also show transfers an analyst rejected.")
def obligations(data_dir: Path | None, as_json: bool, include_rejected: bool) -> None:
    """Which obligations bound each transfer's sending and receiving state on its date, and
    through which provisions.

    The sending state owes non-refoulement, the receiving state the prohibition of torture,
    through the provisions the curated norms name (every reading kept). A state is bound
    from the day its ratification, accession or succession took effect until a withdrawal
    did; a transfer dated only to a month or year gives "uncertain" where the state became
    (or ceased to be) bound within that span. Reservations and understandings on those
    provisions are listed with their text.

    Example: dakg obligations --json
    """
    from dataclasses import asdict

    from dakg.graph.obligations import transfer_obligations
    from dakg.graph.store import data_dir as resolve

    with user_errors():
        rows = transfer_obligations(resolve(data_dir), include_rejected)
    if as_json:
        click.echo(json.dumps([asdict(r) for r in rows], indent=2, ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console()
    for row in rows:
        title = (
            f"{row.person}: {row.sending or '?'} -> {row.receiving or '?'}, "
            f"{row.date or 'date unknown'} ({row.status.lower()})"
        )
        table = Table(
            "instrument",
            "sending state: non-refoulement",
            "receiving state: prohibition of torture",
            title=Text(title),
        )
        receiving = {b.instrument: b for b in row.receiving_bound}
        qualified: list[str] = []
        for bound in row.sending_bound or row.receiving_bound:
            other = receiving.get(bound.instrument)
            table.add_row(
                Text(bound.instrument),
                Text(_binding(bound) if row.sending_bound else "?"),
                Text(_binding(other) if other else "?"),
            )
            for b in (bound, other):
                if b is not None and b.status in {"bound", "uncertain"}:
                    qualified += [q for q in b.qualified_by if q not in qualified]
        console.print(table)
        for text in qualified:
            console.print(Text(f"  qualified by {text}"))


def _binding(bound: Any) -> str:
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


@cli.command()
@click.argument("case", required=False)
@data_dir_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of text.")
@click.option("--include-rejected", is_flag=True, help="Also weigh assurances an analyst rejected.")
@click.option("--all-factors", is_flag=True, help="Also list the factors with no finding.")
def assess(
    case: str | None,
    data_dir: Path | None,
    as_json: bool,
    include_rejected: bool,
    all_factors: bool,
) -> None:
    """Each assurance weighed against (a) the European Court's factors for weighing
    assurances and (b) the call for action's circumstances in which reliance must be
    prohibited: the red flags with their evidence, and the harm that followed.

    CASE is a case slug (as in corpus/cases/*.yaml); without it, every assurance. A factor
    with no finding is not found in the documents, which is not the same as cleared.

    Example: dakg assess yusupov
    """
    from dataclasses import asdict

    from dakg.graph.assessment import assess_assurances
    from dakg.graph.store import data_dir as resolve

    with user_errors():
        rows = assess_assurances(resolve(data_dir), case, include_rejected)
    if as_json:
        click.echo(json.dumps([asdict(r) for r in rows], indent=2, ensure_ascii=False))
        return
    from rich.console import Console
    from rich.text import Text

    console = Console()
    for row in rows:
        head = Text(f"Assurance given by {row.given_by}", style="bold")
        head.append(f" about {row.about or 'no one named'}")
        head.append(f", sought by {row.sought_by or 'not said'}  [{row.key}]", style="dim")
        if row.review == "Rejected":
            head.append("  (rejected by an analyst)", style="red")
        console.print(head)
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
        if not row.flags:
            console.print(Text("  no red flag found in the documents"))
        if row.harm:
            for harm in row.harm:
                console.print(Text(f"  followed by harm: {harm.factor}", style="yellow"))
                console.print(Text(f"    “{harm.quote}”", style="italic"))
        else:
            console.print(Text("  followed by harm: none recorded in the giving state"))


@cli.command()
@data_dir_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of text.")
@click.option("--include-rejected", is_flag=True, help="Also count facts an analyst rejected.")
def cases(data_dir: Path | None, as_json: bool, include_rejected: bool) -> None:
    """The cases of the graph: the analysts' (case files) and those the build proposes for
    people facing transfer whom no case file covers yet, with the facts each holds.

    Example: dakg cases
    """
    from dataclasses import asdict

    from dakg.graph.case_index import list_cases
    from dakg.graph.store import data_dir as resolve

    with user_errors():
        rows = list_cases(resolve(data_dir), include_rejected)
    if as_json:
        click.echo(json.dumps([asdict(r) for r in rows], indent=2, ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table("case", "from", "concerns", "transfers", "assurances", "harm", "decisions")
    for row in rows:
        table.add_row(
            Text(f"{row.slug}\n{row.title}"),
            Text("proposed by the build" if row.proposed else "case file"),
            Text(", ".join(row.concerns)),
            *(Text(str(row.facts[k])) for k in ("transfers", "assurances", "harm", "decisions")),
        )
    Console().print(table)


@cli.group()
def query() -> None:
    """The canned SPARQL queries: list them, show one, run one (or any .rq file or text).

    Example: dakg query run transfers-despite-assurances -p person=person:maher-arar
    """


@query.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print the headers as JSON.")
def query_list(as_json: bool) -> None:
    """List the canned queries: name, title and parameters.

    Example: dakg query list
    """
    from dakg.queries.library import library

    with user_errors():
        found = library()
    if as_json:
        from dataclasses import asdict

        items = [{k: v for k, v in asdict(q).items() if k not in ("path", "text")} for q in found]
        click.echo(json.dumps(items, indent=2, ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table("query", "what it answers", "parameters")
    for q in found:
        params = ", ".join(f"{p.name}{'?' if p.optional else ''} ({p.type})" for p in q.params)
        table.add_row(Text(q.name), Text(f"{q.title}\n{q.question}"), Text(params or "none"))
    Console().print(table)


@query.command("show")
@click.argument("name")
def query_show(name: str) -> None:
    """Print a canned query: its header and its SPARQL.

    Example: dakg query show treaty-status
    """
    from dakg.queries.library import load

    with user_errors():
        click.echo(load(name).text, nl=False)


@query.command("run")
@click.argument("name", required=False)
@click.option("--sparql", "text", metavar="QUERY", help="Run this SPARQL text instead of NAME.")
@click.option(
    "-p",
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="A parameter, bound as an RDF term (repeat for several).",
)
@reader_options
@format_option
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file (with NAME.meta.json beside it) instead of stdout.",
)
@click.option("--include-rejected", is_flag=True, help="Keep facts an analyst rejected.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many rows.")
@click.option(
    "--raw",
    is_flag=True,
    help="Do not neutralise CSV/TSV cells that a spreadsheet would run as formulas.",
)
def query_run(
    name: str | None,
    text: str | None,
    params: tuple[str, ...],
    data_dir: Path | None,
    endpoint: str | None,
    fmt: str,
    output: Path | None,
    include_rejected: bool,
    limit: int | None,
    raw: bool,
) -> None:
    """Run a canned query (by name), any .rq file (by path) or SPARQL text (--sparql).

    Parameters are bound as RDF terms, never spliced into the query; an entity is given as
    an IRI, kind:slug (person:maher-arar), a bare slug or a label. Rejected facts are left
    out unless --include-rejected. SPARQL Update is refused. In CSV and TSV, cells starting
    with =, +, -, @ get a leading apostrophe so a spreadsheet shows them as text; --raw keeps
    them as they are.

    Example: dakg query run treaty-status -p state=SYR -p on=2002-10-08 --format csv
    """
    from dakg.queries.library import adhoc, load, run

    if (name is None) == (text is None):
        raise click.UsageError("give a query NAME (or a .rq path) or --sparql TEXT, not both")
    given: dict[str, str] = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise click.UsageError(f"-p {item!r}: write NAME=VALUE")
        given[key.strip()] = value
    with user_errors():
        reader = open_reader(data_dir, endpoint)
        canned = adhoc(text) if text is not None else load(name or "")
        result = run(reader, canned, given, include_rejected, limit)
        _emit(
            reader,
            result.columns,
            result.rows,
            fmt,
            output,
            raw,
            canned.title or canned.name,
            meta=_meta(reader, result, fmt, include_rejected, limit),
        )


def _meta(reader: Any, result: Any, fmt: str, include_rejected: bool, limit: int | None) -> dict:
    """What a written result records beside it: the query, its parameters and the build."""
    from datetime import UTC, datetime

    from dakg.graph.build_record import read_build_record

    return {
        "query": result.query.name,
        "title": result.query.title,
        "file": str(result.query.path) if result.query.path else None,
        "sparql": result.query.text,
        "parameters": result.parameters,
        "include_rejected": include_rejected,
        "limit": limit,
        "format": fmt,
        "rows": len(result.rows),
        "source": reader.source,
        "run_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "build": read_build_record(reader),
    }


def _emit(
    reader: Any,
    columns: list[str],
    rows: list[Any],
    fmt: str,
    output: Path | None,
    raw: bool,
    title: str,
    meta: dict | None = None,
) -> None:
    """Print rows (a table on a terminal) or write them, atomically, with a sidecar."""
    from dakg.render import print_table, render

    iris = {t.value for r in rows for t in r.values() if t is not None and t.is_iri}
    names = reader.labels(iris) if fmt in ("table", "markdown") else {}
    if fmt == "table" and output is None:
        print_table(columns, rows, names, title)
        return
    text = render("csv" if fmt == "table" else fmt, columns, rows, names, raw)
    if output is None:
        click.echo(text, nl=False)
        return
    from dakg.graph.files import write_atomically

    write_atomically(output, text)
    if meta is not None:
        write_atomically(
            output.with_name(output.name + ".meta.json"),
            json.dumps(meta, indent=2, ensure_ascii=False) + "\n",
        )
    click.echo(f"wrote {len(rows)} row(s) to {output}", err=True)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="dakg")
