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


corpus_option = click.option(
    "--corpus",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Folder of documents (.txt/.md, optional MANIFEST.csv, case files in cases/)"
    " [default: the bundled corpus].",
)


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
@click.version_option(package_name="dakg", prog_name="dakg")  # read only for --version
def cli() -> None:
    """dakg: the knowledge graph of diplomatic-assurance cases.

    Build the graph from a corpus of documents, then inspect it.

    Example: dakg build && dakg info
    """


@cli.command()
@corpus_option
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
@click.option(
    "--keep",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="How many builds to keep for 'dakg rollback' (the current one and any a running"
    " 'dakg serve' holds are always kept).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@click.option("-v", "--verbose", is_flag=True, help="Also list each document loaded.")
def build(
    corpus: Path | None,
    data_dir: Path | None,
    skip_bad: bool,
    max_size: float,
    strict: bool,
    keep: int,
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
    with user_errors(), _progress(enabled=not quiet) as (on_file, on_step, on_document):
        report = run_build(
            source,
            root,
            skip_bad=skip_bad,
            max_bytes=int(max_size * 1024 * 1024),
            on_file=on_file,
            on_step=on_step,
            strict=strict,
            on_document=on_document,
            keep=keep,
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
def _progress(
    enabled: bool,
) -> Iterator[
    tuple[Callable[[str], None], Callable[[str], None], Callable[[str, int, float], None]]
]:
    """On a terminal, a rich progress display and a line per document as soon as it is
    extracted (name, facts, seconds); silence in a pipe or with --quiet."""
    if not enabled or not sys.stderr.isatty():
        yield (lambda _: None), (lambda _: None), (lambda *_: None)
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as progress:
        task = progress.add_task("loading")

        def done(name: str, facts: int, seconds: float) -> None:
            line = f"  {escape(name)}: {facts:,} facts, {seconds:.1f} s"
            progress.console.print(line, highlight=False)

        yield (
            lambda name: progress.update(task, description=f"loading {escape(name)}"),
            lambda step: progress.update(task, description=escape(step)),
            done,
        )


@cli.command()
@corpus_option
@data_dir_option
@click.option("--strict", is_flag=True, help="Make a review of a fact no longer found a problem.")
def check(corpus: Path | None, data_dir: Path | None, strict: bool) -> None:
    """Check the manifest, the documents and every case file as a build would (schema,
    quotes verbatim, reviewed fact keys that exist) without building: every problem on a
    line of its own with file and line, exit status 1 when there is one.

    Documents are parsed only when a case file names fact keys, and then read from the
    extraction cache a build leaves in the data directory when they have not changed.

    Example: dakg check --corpus ~/documents
    """
    from dakg.graph.check import check_corpus
    from dakg.graph.store import data_dir as resolve
    from dakg.loaders.corpus import bundled_corpus

    with user_errors():
        report = check_corpus(corpus or bundled_corpus(), resolve(data_dir), strict)
    for message in report.warnings:
        click.echo(f"warning: {message}", err=True)
    for message in report.problems:
        click.echo(message, err=True)
    summary = (
        f"{report.documents} document(s), {report.case_files} case file(s) checked"
        f" ({report.parsed} parsed): {len(report.problems)} problem(s)"
    )
    if report.problems:
        raise click.ClickException(summary)
    click.echo(summary)


@cli.command()
@data_dir_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def builds(data_dir: Path | None, as_json: bool) -> None:
    """List the builds the data directory keeps, oldest first, from their build records:
    when, how many documents, facts and triples, and checksums of the corpus and the case
    files (equal checksums: the same input). * marks the current build, "served" one a
    running 'dakg serve' holds.

    Example: dakg builds; dakg rollback 20261203T1
    """
    from dakg.graph.builds import kept_builds
    from dakg.graph.store import data_dir as resolve

    with user_errors():
        found = kept_builds(resolve(data_dir))
    rows = [
        {
            "build": b.name,
            "current": b.current,
            "served": b.pinned,
            "started": b.record["started"] if b.record else "",
            "documents": b.record["documents"] if b.record else None,
            "facts": b.record["facts"] if b.record else None,
            "triples": b.record["triples"] if b.record else None,
            "corpus": b.corpus,
            "case_files": b.cases,
        }
        for b in found
    ]
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table("", "build (written, UTC)", "docs", "facts", "triples", "corpus", "cases",
                  box=None)  # fmt: skip
    for b in found:
        counts = [f"{b.record[k]:,}" if b.record else "" for k in ("documents", "facts", "triples")]
        mark = ("*" if b.current else "") + ("served" if b.pinned else "")
        table.add_row(mark, b.name, *counts, b.corpus[:8], b.cases[:8])
    Console().print(table)


@cli.command()
@click.argument("build_name", metavar="[BUILD]", required=False)
@data_dir_option
def rollback(build_name: str | None, data_dir: Path | None) -> None:
    """Make an earlier build the current one (by default the one before the current), at
    once and atomically: readers see the old store or the other, never half of one. BUILD is
    a name 'dakg builds' lists, or a unique beginning of one.

    Example: dakg rollback; dakg rollback 20261203T154501
    """
    from dakg.graph.builds import rollback as run_rollback
    from dakg.graph.store import data_dir as resolve

    with user_errors():
        chosen = run_rollback(resolve(data_dir), build_name)
    click.echo(f"current -> builds/{chosen.name}")


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


def _summary(reader: Any, items: Any, fmt: str, as_json: bool, output: Path | None = None) -> bool:
    """Print ``items`` in a file format when one is asked for; False for the terminal view."""
    from dataclasses import asdict, is_dataclass

    if as_json or fmt == "json":
        data = (
            [asdict(i) if is_dataclass(i) and not isinstance(i, type) else i for i in items]
            if isinstance(items, list)
            else items
        )
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return True
    if fmt == "table":
        return False
    from dakg.render import records

    columns, rows = records(items if isinstance(items, list) else [items])
    _emit(reader, columns, rows, fmt, output, False, "")
    return True


def _subjects(reader: Any, case: str | None, person: str | None) -> list[str] | None:
    """The people and groups a case or a person stands for (None: everyone)."""
    from dakg.graph.case_index import subjects_of
    from dakg.queries.library import resolve_entity

    if case is None and person is None:
        return None
    found: list[str] = []
    if case is not None:
        found += subjects_of(reader, resolve_entity(reader, case, "case").value)
    if person is not None:
        found += subjects_of(reader, resolve_entity(reader, person).value)
    return sorted(set(found))


@cli.command()
@reader_options
@format_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (as --format json).")
def info(data_dir: Path | None, endpoint: str | None, fmt: str, as_json: bool) -> None:
    """Show what the graph holds: the build record, then documents, people, transfers,
    assurances, harm and decisions, the reference data in a line, then triples per named
    graph and instances per class.

    Example: dakg info --endpoint http://127.0.0.1:7878/query
    """
    from dakg.graph.info import store_info

    with user_errors():
        reader = open_reader(data_dir, endpoint)
        summary = store_info(reader)
        if as_json or fmt == "json":
            click.echo(json.dumps(summary, indent=2, ensure_ascii=False))
            return
        if fmt != "table":
            from dakg.graph.reader import literal

            rows = [
                {"what": literal(k), "count": literal(str(n))}
                for k, n in {**summary["summary"], **summary["reference"]}.items()
            ]
            _emit(reader, ["what", "count"], rows, fmt, None, False, "")
            return
    from dakg.summaries import print_info

    print_info(summary)


@cli.command()
@click.argument("case", required=False)
@click.option("--person", metavar="ENTITY", help="Only the transfers of this person or group.")
@reader_options
@format_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (as --format json).")
@click.option("--include-rejected", is_flag=True, help="Also show transfers an analyst rejected.")
def obligations(
    case: str | None,
    person: str | None,
    data_dir: Path | None,
    endpoint: str | None,
    fmt: str,
    as_json: bool,
    include_rejected: bool,
) -> None:
    """Which obligations bound each transfer's sending and receiving state on its date, and
    through which provisions.

    CASE (a case slug or IRI) or --person keeps the transfers of their people. The sending
    state owes non-refoulement, the receiving state the prohibition of torture, through the
    provisions the curated norms name (every reading kept). A state is bound from the day
    its ratification, accession or succession took effect until a withdrawal did; a
    transfer dated only to a month or year gives "uncertain" where the state became (or
    ceased to be) bound within that span. Reservations and understandings on those
    provisions are listed with their text.

    Example: dakg obligations arar --format json
    """
    from dakg.graph.obligations import transfer_obligations

    with user_errors():
        reader = open_reader(data_dir, endpoint)
        rows = transfer_obligations(reader, include_rejected, _subjects(reader, case, person))
        if _summary(reader, rows, fmt, as_json):
            return
    from dakg.summaries import print_obligations

    print_obligations(rows)


@cli.command()
@click.argument("state")
@click.option("--on", "on", metavar="DATE", help="A day, month or year (default: today).")
@reader_options
@format_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (as --format json).")
def treaties(
    state: str, on: str | None, data_dir: Path | None, endpoint: str | None, fmt: str, as_json: bool
) -> None:
    """A state's standing towards every instrument on a date, with the sources, and the
    avenues of complaint open to a person then (CAT art. 22, the ICCPR's First Optional
    Protocol, the ECHR).

    STATE is an ISO alpha-3 code (ESP), a name or an IRI. "not a party" is a fact the
    tables record; "signatory, not a party" a signature not followed by ratification;
    "no data" means no table covers the state or the day is past the table's "as of" date.

    Example: dakg treaties SYR --on 2002-10-08
    """
    from dataclasses import asdict
    from datetime import date

    from dakg.graph.treaties import state_treaties
    from dakg.queries.library import date_span, resolve_state

    with user_errors():
        reader = open_reader(data_dir, endpoint)
        first, last = date_span("--on", on or date.today().isoformat())
        result = state_treaties(reader, resolve_state(reader, state).value, first, last)
        # JSON: the whole answer; csv, tsv, markdown: one row per instrument.
        whole = as_json or fmt == "json"
        if _summary(reader, asdict(result) if whole else result.standings, fmt, as_json):
            return
    from dakg.summaries import print_treaties

    print_treaties(result)


@cli.command()
@click.argument("case", required=False)
@click.option("--person", metavar="ENTITY", help="Only the assurances about this person or group.")
@reader_options
@format_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (as --format json).")
@click.option("--include-rejected", is_flag=True, help="Also weigh assurances an analyst rejected.")
@click.option("--all-factors", is_flag=True, help="Also list the factors with no finding.")
def assess(
    case: str | None,
    person: str | None,
    data_dir: Path | None,
    endpoint: str | None,
    fmt: str,
    as_json: bool,
    include_rejected: bool,
    all_factors: bool,
) -> None:
    """Each assurance weighed against (a) the European Court's factors for weighing
    assurances and (b) the call for action's circumstances in which reliance must be
    prohibited: the red flags with their evidence and where it stands, and the harm that
    followed (whom, where, when).

    CASE is a case slug (as in corpus/cases/*.yaml) or IRI; --person keeps the assurances
    about a person or their group; without either, every assurance. A factor with no finding
    is not found in the documents, which is not the same as cleared.

    Example: dakg assess yusupov
    """
    from dakg.graph.assessment import assess_assurances

    with user_errors():
        reader = open_reader(data_dir, endpoint)
        subjects = _subjects(reader, None, person)
        case_iri = None
        if case is not None:
            from dakg.queries.library import resolve_entity

            case_iri = resolve_entity(reader, case, "case").value
        rows = assess_assurances(reader, case_iri, include_rejected, subjects)
        if _summary(reader, rows, fmt, as_json):
            return
    from dakg.summaries import print_assessment

    print_assessment(rows, all_factors)


@cli.command()
@click.option("--person", metavar="ENTITY", help="Only the cases about this person or group.")
@reader_options
@format_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (as --format json).")
@click.option("--include-rejected", is_flag=True, help="Also count facts an analyst rejected.")
def cases(
    person: str | None,
    data_dir: Path | None,
    endpoint: str | None,
    fmt: str,
    as_json: bool,
    include_rejected: bool,
) -> None:
    """The cases of the graph: the analysts' (case files) and those the build proposes for
    people facing transfer whom no case file covers yet, with the facts each holds.

    Example: dakg cases --format markdown
    """
    from dakg.graph.case_index import list_cases

    with user_errors():
        reader = open_reader(data_dir, endpoint)
        rows = list_cases(reader, include_rejected, _subjects(reader, None, person))
        if _summary(reader, rows, fmt, as_json):
            return
    from dakg.summaries import print_cases

    print_cases(rows)


@cli.command()
@click.argument("entity")
@reader_options
@format_option
@click.option("--include-rejected", is_flag=True, help="Also show facts an analyst rejected.")
def show(
    entity: str, data_dir: Path | None, endpoint: str | None, fmt: str, include_rejected: bool
) -> None:
    """Everything the graph holds about one person, group, state, case or other entity:
    each fact with its role, date, review status and source.

    ENTITY is an IRI, kind:slug (person:maher-arar), a bare slug or a label; an ambiguous
    label lists the candidates.

    Example: dakg show "Maher Arar"
    """
    from dakg.queries.library import load, run

    with user_errors():
        reader = open_reader(data_dir, endpoint)
        result = run(reader, load("entity-facts"), {"entity": entity}, include_rejected)
        _emit(
            reader,
            result.columns,
            result.rows,
            fmt,
            None,
            False,
            f"What the graph holds about {entity}",
        )


@cli.command()
@data_dir_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=7878, show_default=True)
@click.option("--timeout", type=click.IntRange(min=1), default=None, help="Query timeout, seconds.")
def serve(data_dir: Path | None, host: str, port: int, timeout: int | None) -> None:
    """Serve the current store read-only as a SPARQL 1.1 endpoint (the Oxigraph server),
    the union of the named graphs as default graph, until Ctrl-C.

    The server keeps the build it opened: a build made meanwhile completes, and the server
    goes on serving the old one until it is restarted; pruning never deletes a served build.
    Every reading command takes --endpoint URL to read it.

    Example: dakg serve --port 7878 & dakg info --endpoint http://127.0.0.1:7878/query
    """
    from dakg.graph.serve import serve as run_server
    from dakg.graph.store import data_dir as resolve

    def ready(url: str, build: Path) -> None:
        click.echo(f"Serving {build} at {url} (read-only; Ctrl-C stops)", err=True)
        click.echo(url)

    with user_errors():
        status = run_server(resolve(data_dir), host, port, timeout, ready)
    if status:
        raise click.ClickException(f"the Oxigraph server stopped with status {status}")


@cli.command()
@reader_options
@click.option("--case", "case", metavar="NAME", help="Draw only this case (slug, IRI or title).")
@click.option("--person", metavar="NAME", help="Draw only this person or group.")
@click.option("--state", metavar="NAME", help="Draw only this state (ISO code, name or IRI).")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder to write [default: ./dakg-views]; with --single-file, the page "
    "[default: ./dakg-view.html].",
)
@click.option("--single-file", is_flag=True, help="Write one self-contained page to send by mail.")
@click.option("--open", "open_", is_flag=True, help="Open the result in the web browser.")
@click.option("--include-rejected", is_flag=True, help="Also draw facts an analyst rejected.")
@click.option(
    "--redact",
    is_flag=True,
    help="Replace the names of persons in confidential case files by stable pseudonyms.",
)
@click.option(
    "--max-nodes",
    type=click.IntRange(min=0),
    default=None,
    help="A view with more nodes opens on its cases and states and draws the facts once a "
    "filter narrows it; 0 draws every view whole [default: 1500].",
)
def viz(
    data_dir: Path | None,
    endpoint: str | None,
    case: str | None,
    person: str | None,
    state: str | None,
    output: Path | None,
    single_file: bool,
    open_: bool,
    include_rejected: bool,
    redact: bool,
    max_nodes: int | None,
) -> None:
    """Draw the graph as interactive network views that work offline: an overview, the
    obligations map, one view per case, person, state and document, each document's text
    with its quotes marked, and an index linking them.

    Click a node for its sources; search, filter, highlight a path, read the same facts as a
    table, save a PNG with the legend and the provenance stamp.

    Example: dakg viz --case arar --single-file -o arar.html
    """
    chosen = [(k, v) for k, v in (("case", case), ("person", person), ("state", state)) if v]
    if len(chosen) > 1:
        raise click.UsageError("give at most one of --case, --person and --state")
    from dakg.graph.store import data_dir as resolve
    from dakg.viz.aggregate import MAX_NODES
    from dakg.viz.site import draw

    default = Path("dakg-view.html") if single_file else Path("dakg-views")
    with user_errors():
        reader = open_reader(data_dir, endpoint)
        redactor = None
        if redact:
            from dakg.graph.redact import load_redactor

            redactor = load_redactor(reader, resolve(data_dir) / "redaction.key")
        drawn = draw(
            reader,
            output or default,
            single_file=single_file,
            include_rejected=include_rejected,
            only=chosen[0] if chosen else None,
            redactor=redactor,
            max_nodes=MAX_NODES if max_nodes is None else max_nodes,
        )
    click.echo(
        f"wrote {drawn.path} ({drawn.pages} pages)" if drawn.pages > 1 else f"wrote {drawn.path}"
    )
    if open_:
        import webbrowser

        webbrowser.open(drawn.path.resolve().as_uri())


@cli.command()
@click.argument("case")
@reader_options
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="The file to write [default: dossier-CASE.html, or .pdf with --pdf].",
)
@click.option("--pdf", is_flag=True, help="Print the dossier to PDF through headless Chromium.")
@click.option("--include-rejected", is_flag=True, help="Also list facts an analyst rejected.")
@click.option(
    "--redact",
    is_flag=True,
    help="Replace the names of persons in confidential case files by stable pseudonyms.",
)
def dossier(
    case: str,
    data_dir: Path | None,
    endpoint: str | None,
    output: Path | None,
    pdf: bool,
    include_rejected: bool,
    redact: bool,
) -> None:
    """One printable page per case, to attach to a submission: the people, a timeline
    at each date's precision, the obligations in force on each transfer's date with
    reservations, each assurance's red flags with their evidence, every fact with its
    quote, document, paragraph and review status, the case's network, and the build.

    CASE is a case slug, IRI or title (dakg cases lists them). The page has no script
    and prints cleanly from any browser; --pdf prints it through headless Chromium.

    Example: dakg dossier arar --pdf
    """
    from dakg.graph.store import data_dir as resolve
    from dakg.viz.dossier import write_dossier

    with user_errors():
        reader = open_reader(data_dir, endpoint)
        redactor = None
        if redact:
            from dakg.graph.redact import load_redactor

            redactor = load_redactor(reader, resolve(data_dir) / "redaction.key")
        if output is None:
            from dakg.graph.iris import slugify

            output = Path(f"dossier-{slugify(case)}.{'pdf' if pdf else 'html'}")
        written = write_dossier(reader, case, output, pdf, include_rejected, redactor)
    click.echo(f"wrote {written}")


@cli.command("export")
@reader_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["turtle", "trig", "nquads", "ntriples", "jsonld", "csv"]),
    default="turtle",
    show_default=True,
    help="Triple formats (turtle, ntriples) carry the union of the graphs; quad formats "
    "(trig, nquads, jsonld) keep the named graphs; csv writes a folder of tables.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="File to write (a folder for csv) [default: standard output].",
)
@click.option("--case", "case", metavar="NAME", help="Only this case's facts and what they name.")
@click.option("--person", metavar="NAME", help="Only this person's (or group's) facts.")
@click.option("--document", metavar="NAME", help="Only the facts this document is a source of.")
@click.option(
    "--graph", "graph_name", metavar="IRI", help="Only this named graph (and what it names)."
)
@click.option("--include-rejected", is_flag=True, help="Keep facts an analyst rejected.")
@click.option(
    "--status",
    "statuses",
    multiple=True,
    type=click.Choice(["confirmed", "corrected", "unsure", "extracted"]),
    help="Only facts with this review status (repeat: --status confirmed --status corrected).",
)
@click.option("--redact", is_flag=True, help="Pseudonymise persons of confidential cases.")
@click.option("--force", is_flag=True, help="Write even when the export violates the shapes.")
def export_command(
    data_dir: Path | None,
    endpoint: str | None,
    fmt: str,
    output: Path | None,
    case: str | None,
    person: str | None,
    document: str | None,
    graph_name: str | None,
    include_rejected: bool,
    statuses: tuple[str, ...],
    redact: bool,
    force: bool,
) -> None:
    """Export the graph for partners, the same bytes for the same store: sorted, canonical
    blank nodes, the project's prefixes. A subset (--case, --person, --document, --graph)
    carries its facts, their evidence, the segments and texts their quotes point into and the
    descriptions of what they name. What is written is checked against the shapes first and
    replaces the previous file only when complete.

    Example: dakg export --format trig --case arar -o arar.trig
    """
    chosen = [(k, v) for k, v in (("case", case), ("person", person), ("document", document),
                                  ("graph", graph_name)) if v]  # fmt: skip
    if len(chosen) > 1:
        raise click.UsageError("give at most one of --case, --person, --document and --graph")
    if fmt == "csv" and output is None:
        raise click.UsageError("--format csv writes a folder: give it with -o")
    from dakg.errors import ConformanceError
    from dakg.graph.export import run_export
    from dakg.graph.store import data_dir as resolve
    from dakg.queries.library import resolve_entity

    with user_errors():
        reader = open_reader(data_dir, endpoint)
        subset = None
        if chosen:
            kind, name = chosen[0]
            if kind == "graph":
                subset = (kind, name)
            elif kind == "person":
                try:
                    subset = (kind, resolve_entity(reader, name, "person").value)
                except DakgError:
                    subset = (kind, resolve_entity(reader, name, "group").value)
            else:
                subset = (kind, resolve_entity(reader, name, kind).value)
        try:
            done = run_export(
                reader, fmt, output, subset, include_rejected,
                set(statuses), redact, force, resolve(data_dir) / "redaction.key",
            )  # fmt: skip
        except ConformanceError as err:
            for problem in err.problems:
                click.echo(problem, err=True)
            raise
    if output is not None:
        click.echo(f"wrote {output} ({done})", err=True)


@cli.command()
@data_dir_option
@click.option(
    "--store",
    required=True,
    metavar="URL",
    help="The store's Graph Store Protocol endpoint (Oxigraph: http://HOST:7878/store; "
    "Virtuoso: http://HOST:8890/sparql-graph-crud-auth); credentials from "
    "$DAKG_ENDPOINT_USER and $DAKG_ENDPOINT_PASSWORD, basic or digest.",
)
@click.option(
    "--endpoint",
    metavar="URL",
    default=None,
    help="The store's SPARQL query endpoint, to find its graphs for --prune "
    "[default: $DAKG_ENDPOINT].",
)
@click.option("--exclude-rejected", is_flag=True, help="Leave out facts an analyst rejected.")
@click.option("--redact", is_flag=True, help="Pseudonymise persons of confidential cases.")
@click.option(
    "--prune", is_flag=True, help="Also delete the store's dakg graphs that are not local."
)
@click.option(
    "--timeout",
    type=click.IntRange(min=1),
    default=120,
    show_default=True,
    help="Seconds to wait for each answer.",
)
def push(
    data_dir: Path | None,
    store: str,
    endpoint: str | None,
    exclude_rejected: bool,
    redact: bool,
    prune: bool,
    timeout: int,
) -> None:
    """Replace each named graph of a shared SPARQL store with the local one (SPARQL 1.1 Graph
    Store Protocol PUT): pushing twice leaves the same data. Every review status travels
    unless --exclude-rejected, so the reading commands filter there as here. Graphs the store
    has and the local store has not are left alone unless --prune. When a push fails, run it
    again: it resumes after the graphs already sent.

    Example: dakg push --store http://localhost:7878/store
    """
    import os

    from dakg.graph.push import push as push_graphs
    from dakg.graph.reader import ENV_ENDPOINT
    from dakg.graph.store import data_dir as resolve

    query_url = endpoint or os.environ.get(ENV_ENDPOINT)
    if prune and not query_url:
        raise click.UsageError("--prune needs the store's SPARQL query endpoint: give --endpoint")
    with user_errors():
        root = resolve(data_dir)
        reader = open_reader(data_dir, None)
        redactor = None
        if redact:
            from dakg.graph.redact import load_redactor

            redactor = load_redactor(reader, root / "redaction.key")
        with _push_progress() as on_graph:
            done = push_graphs(
                reader, store, root / "push", include_rejected=not exclude_rejected,
                redactor=redactor, prune_endpoint=query_url if prune else None,
                timeout=timeout, on_graph=on_graph,
            )  # fmt: skip
    triples = sum(n for _, n in done.sent)
    resumed = f", {done.resumed} already sent by the interrupted push" if done.resumed else ""
    pruned = f", {len(done.pruned)} pruned" if prune else ""
    click.echo(f"pushed {len(done.sent)} graphs ({triples:,} triples) to {store}{resumed}{pruned}")


@contextmanager
def _push_progress() -> Iterator[Callable[[int, int, str], None]]:
    """A progress bar per graph on a terminal; silence in a pipe."""
    if not sys.stderr.isatty():
        yield lambda *_: None
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    columns = (BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"))
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("pushing", total=None)

        def on_graph(number: int, total: int, name: str) -> None:
            label = name.rsplit("/graph/", 1)[-1]
            progress.update(task, completed=number - 1, total=total, description=escape(label))

        yield on_graph


@cli.command("release")
@click.argument("folder", type=click.Path(path_type=Path))
@reader_options
@click.option(
    "--zip", "zip_", is_flag=True, help="Also write FOLDER.zip (the same bytes every time)."
)
@click.option("--include-rejected", is_flag=True, help="Keep facts an analyst rejected.")
@click.option("--redact", is_flag=True, help="Pseudonymise persons of confidential cases.")
@click.option(
    "--since",
    metavar="OLD_DIR",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="An earlier release folder: also write CHANGES.md and changes/ (added and removed "
    "N-Quads) for partners who loaded it.",
)
def release_command(
    folder: Path,
    data_dir: Path | None,
    endpoint: str | None,
    zip_: bool,
    include_rejected: bool,
    redact: bool,
    since: Path | None,
) -> None:
    """Write a release for partners into FOLDER: the data in Turtle and TriG, the ontology,
    shapes and JSON-LD context, CSV tables with their dictionary, a VoID/DCAT description,
    the ontology's documentation, the validation report, a README and SHA-256 checksums.
    The same store gives the same bytes.

    Example: dakg release dakg-release-2026-12 --zip
    """
    from dakg.graph.release import release
    from dakg.graph.store import data_dir as resolve

    with user_errors():
        reader = open_reader(data_dir, endpoint)
        redactor = None
        if redact:
            from dakg.graph.redact import load_redactor

            redactor = load_redactor(reader, resolve(data_dir) / "redaction.key")
        written = release(reader, folder, zip_, include_rejected, redactor, since)
    for path in written:
        click.echo(f"wrote {path}")


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
    "--offset", type=click.IntRange(min=0), default=0, help="Skip this many rows first (pages)."
)
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
    offset: int,
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
        result = run(reader, canned, given, include_rejected, limit, offset)
        _emit(
            reader,
            result.columns,
            result.rows,
            fmt,
            output,
            raw,
            canned.title or canned.name,
            meta=_meta(reader, result, fmt, include_rejected, limit) | {"offset": offset},
        )


def _meta(
    reader: Any, result: Any, fmt: str, include_rejected: bool, limit: int | None
) -> dict[str, Any]:
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
    meta: dict[str, Any] | None = None,
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
