"""Build the knowledge graph of a corpus into a new store and swap it in when it is valid."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset

from dakg.errors import InputError
from dakg.loaders.cases import CaseFile, case_files, read_case
from dakg.loaders.corpus import corpus_files
from dakg.loaders.document import load_document
from dakg.loaders.model import Document
from dakg.loaders.reading import DEFAULT_MAX_BYTES
from dakg.ontology.namespace import ONTOLOGY_PATH

from . import iris
from .cases import add_case, apply_cases, case_graph
from .documents import add_document
from .events import add_happenings
from .facts import add_extraction
from .norms import add_norms, reference_documents
from .obligations import add_obligations
from .proposed_cases import propose_cases
from .reference import REFERENCE_GRAPH, add_reference
from .store import KEEP, build_lock, memory_store, new_build
from .validate import validate

Progress = Callable[[str], None]
DocumentDone = Callable[[str, int, float], None]  # name, facts, seconds


@dataclass
class BuildReport:
    """What a build did: the documents it loaded, the files it skipped, where it wrote."""

    documents: list[Document] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    triples: int = 0
    store: Path | None = None


def load_corpus(
    corpus: Path,
    *,
    skip_bad: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_file: Progress | None = None,
    report: BuildReport | None = None,
) -> BuildReport:
    """Load every document of ``corpus``; a bad file stops it unless ``skip_bad``."""
    report = report or BuildReport()
    stems: dict[str, Path] = {}
    for path, known in corpus_files(corpus):
        if on_file:
            on_file(path.name)
        try:
            doc = load_document(path, known, max_bytes)
        except InputError as err:
            if not skip_bad:
                raise
            report.skipped.append(str(err))
            continue
        slug = iris.slugify(doc.stem)
        if slug in stems:
            raise InputError(f"{path}: has the same name as {stems[slug]} (rename one of them)")
        stems[slug] = path
        report.documents.append(doc)
    return report


def make_dataset(
    documents: list[Document],
    on_file: Progress | None = None,
    cases: list[CaseFile] | None = None,
    report: BuildReport | None = None,
    strict: bool = False,
    on_document: DocumentDone | None = None,
    cache_root: Path | None = None,
) -> Dataset:
    """One named graph per document (its description, segments, entities and facts), one
    per case file, one for the cases the build proposes, one for the reference data
    (treaties and norms), one for the obligations derived from them and one for the
    ontology. ``on_document`` hears of each document as soon as it is extracted (name,
    facts, seconds): the build's live progress. With ``cache_root`` (the data directory)
    an unchanged document's extraction is read from the extraction cache."""
    import time

    from .extraction_cache import cached_extract

    extractions = {}
    for doc in documents:
        if on_file:
            on_file(f"extracting {doc.stem}")
        began = time.perf_counter()
        extractions[doc.stem] = cached_extract(cache_root, doc)
        if on_document:
            on_document(doc.stem, len(extractions[doc.stem].facts), time.perf_counter() - began)
        if report is not None and extractions[doc.stem].skipped:
            report.warnings.append(f"{doc.path}: {extractions[doc.stem].skipped}")
    by_stem = {doc.stem: doc for doc in documents}
    applied = apply_cases(cases or [], extractions, by_stem, strict)
    if report is not None:
        report.warnings += applied.stale
    dataset = Dataset()
    dataset.graph(iris.ONTOLOGY_GRAPH).parse(ONTOLOGY_PATH)
    add_reference(dataset.graph(REFERENCE_GRAPH))
    reviewed = frozenset(applied.status)
    for doc in documents:
        graph = dataset.graph(iris.document_graph(doc.stem))
        add_document(graph, doc)
        add_extraction(graph, extractions[doc.stem], reviewed)
    for case in cases or []:
        add_case(dataset.graph(case_graph(case.slug)), case, applied, by_stem)
    for doc in reference_documents(by_stem):  # the bundled sources the norms quote
        add_document(dataset.graph(iris.document_graph(doc.stem)), doc)
        by_stem[doc.stem] = doc
    skipped = add_norms(dataset.graph(REFERENCE_GRAPH), by_stem)
    if report is not None:
        report.warnings += skipped
    store = memory_store(dataset)  # the build's own queries over what it made
    propose_cases(dataset, store)
    add_happenings(dataset, store, frozenset(k for case in cases or [] for k in case.separate))
    store = memory_store(dataset)  # the obligations read the happenings
    add_obligations(dataset, store)
    return dataset


def build(
    corpus: Path,
    data_dir: Path,
    *,
    skip_bad: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_file: Progress | None = None,
    on_step: Progress | None = None,
    strict: bool = False,
    on_document: DocumentDone | None = None,
    keep: int = KEEP,
) -> BuildReport:
    """Load, describe, validate and store ``corpus``; the previous store stays until the end.
    The data directory is locked for the whole build; the newest ``keep`` builds are kept
    (and the current one, and any a running ``dakg serve`` holds)."""
    with build_lock(data_dir):
        report, dataset = _graph(
            corpus, data_dir, skip_bad, max_bytes, on_file, on_step, strict, on_document
        )
        (on_step or (lambda _: None))("writing the store")
        with new_build(data_dir, keep) as target:
            report.triples = write_store(dataset, target)
        report.store = data_dir / "current"
        return report


def _graph(
    corpus: Path,
    data_dir: Path,
    skip_bad: bool,
    max_bytes: int,
    on_file: Progress | None,
    on_step: Progress | None,
    strict: bool,
    on_document: DocumentDone | None,
) -> tuple[BuildReport, Dataset]:
    """The build's graph, validated and with its record, and the report so far."""
    from datetime import UTC, datetime

    from .build_record import add_build_record

    started = datetime.now(UTC)
    report = load_corpus(corpus, skip_bad=skip_bad, max_bytes=max_bytes, on_file=on_file)
    if report.skipped and not report.documents:
        raise InputError(
            f"{corpus}: every document was unreadable ({len(report.skipped)} skipped);"
            " nothing built, the previous store is kept"
        )
    case_paths = case_files(corpus)
    cases = [read_case(path) for path in case_paths]
    step = on_step or (lambda _: None)
    step("building the graph")
    dataset = make_dataset(
        report.documents, on_step, cases, report, strict, on_document, cache_root=data_dir
    )
    step("validating against the SHACL shapes")
    validate(dataset)
    documents = [(doc.path, doc.sha256) for doc in report.documents]
    add_build_record(dataset, started, datetime.now(UTC), documents, case_paths, corpus)
    return report, dataset


def write_store(dataset: Dataset, path: Path) -> int:
    """Write ``dataset`` into a new Oxigraph store at ``path``; return the number of quads."""
    from pyoxigraph import RdfFormat, Store

    data = dataset.serialize(format="nquads", encoding="utf-8")
    store = Store(str(path))
    store.bulk_load(data, format=RdfFormat.N_QUADS)
    store.flush()
    count = len(store)
    del store
    return count
