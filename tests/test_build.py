"""The build: every document, section and sentence in a store that conforms; safe swaps."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from dakg.errors import ConformanceError, InputError
from dakg.graph import build as build_module
from dakg.graph.build import build, make_dataset
from dakg.graph.iris import document_graph
from dakg.graph.store import current_path, open_read_only
from dakg.graph.validate import validate
from dakg.loaders.model import Document
from dakg.ontology.namespace import DAKG

PREFIXES = """
PREFIX dakg: <https://w3id.org/dakg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""


def select(root: Path, query: str) -> list[tuple[str, ...]]:
    store = open_read_only(root)
    return [
        tuple(term.value for term in row)
        for row in store.query(PREFIXES + query, use_default_graph_as_union=True)  # type: ignore[union-attr]
    ]


def test_the_built_store_conforms_to_the_shapes(built: Path) -> None:
    from pyoxigraph import RdfFormat

    dataset = Dataset()
    data = open_read_only(built).dump(format=RdfFormat.N_QUADS)
    dataset.parse(data=data, format="nquads")
    validate(dataset)  # raises if it does not conform


@pytest.mark.parametrize("cls", ["Section", "Paragraph", "Sentence"])
def test_every_segment_is_in_the_store(
    built: Path, documents: dict[str, Document], cls: str
) -> None:
    rows = select(
        built,
        f"SELECT ?doc (COUNT(?s) AS ?n) WHERE {{ ?s a dakg:{cls} ; dakg:inDocument ?doc }}"
        " GROUP BY ?doc",
    )
    counts = {doc.rsplit("/", 1)[-1]: int(n) for doc, n in rows}
    expected = {
        stem: len({"Section": d.sections, "Paragraph": d.paragraphs, "Sentence": d.sentences}[cls])
        for stem, d in documents.items()
    }
    assert {k: v for k, v in expected.items() if v} == counts


def test_sentence_offsets_round_trip_in_the_store(
    built: Path, documents: dict[str, Document]
) -> None:
    rows = select(
        built,
        "SELECT ?clean ?start ?end ?text WHERE { ?s a dakg:Sentence ; dakg:inDocument ?d ;"
        " dakg:start ?start ; dakg:end ?end ; dakg:text ?text . ?d dakg:cleanText ?clean }",
    )
    assert len(rows) == sum(len(d.sentences) for d in documents.values()) > 400
    for clean, start, end, text in rows:
        assert clean[int(start) : int(end)] == text


def test_each_document_has_its_own_named_graph(built: Path, documents: dict[str, Document]) -> None:
    graphs = {g for (g,) in select(built, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}
    base = "https://w3id.org/dakg/graph/"
    cases = {
        base + "case/" + c
        for c in ["arar", "yusupov", "russian-guantanamo-detainees", "fakhruddinov"]
    }
    assert {str(document_graph(stem)) for stem in documents} | cases | {
        base + "ontology",
        base + "reference",
        base + "obligations",
        base + "events",
        base + "build",
    } == graphs


def test_document_metadata_in_the_store(built: Path) -> None:
    [(title, start, end, precision, text)] = select(
        built,
        "SELECT ?t ?s ?e ?p ?x WHERE { <https://w3id.org/dakg/id/document/"
        "iom-2014-non-refoulement-note> dcterms:title ?t ; dakg:dateStart ?s ; dakg:dateEnd ?e ;"
        " dakg:datePrecision ?p ; dakg:dateText ?x }",
    )
    assert title == "IML Information Note on the Principle of Non-Refoulement"
    assert (start, end, text) == ("2014-04-01", "2014-04-30", "2014-04")
    assert precision == str(DAKG.MonthPrecision)


def test_a_sentence_without_text_does_not_conform(documents: dict[str, Document]) -> None:
    dataset = make_dataset(list(documents.values())[:1])
    graph = next(g for g in dataset.graphs() if "document/" in str(g.identifier))
    sentence = next(graph.subjects(predicate=None, object=DAKG.Sentence))
    graph.remove((sentence, DAKG.text, None))
    with pytest.raises(ConformanceError, match=r"violation.*sentence/1"):
        validate(dataset)


def build_copy(corpus: Path, tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copytree(corpus, target, ignore=shutil.ignore_patterns("__*"))
    return target


def test_a_failed_build_leaves_the_previous_store(corpus: Path, tmp_path: Path) -> None:
    root = tmp_path / "data"
    build(corpus, root)
    before = current_path(root)
    bad = build_copy(corpus, tmp_path, "bad")
    (bad / "zz-broken.txt").write_bytes(b"\xff\xfe\x00")  # UTF-16 BOM, then half a character
    with pytest.raises(InputError, match="zz-broken.txt"):
        build(bad, root)
    assert current_path(root) == before
    assert len(open_read_only(root)) > 1000


def test_a_build_that_does_not_conform_leaves_the_previous_store(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "data"
    build(corpus, root)
    before = current_path(root)
    real = build_module.make_dataset

    def with_a_bad_sentence(docs: list[Document], *args: object, **kwargs: object) -> Dataset:
        dataset = real(docs)
        graph: Graph = dataset.graph(URIRef("https://w3id.org/dakg/graph/document/x"))
        graph.add(
            (URIRef("https://w3id.org/dakg/id/document/x/sentence/1"), DAKG.text, Literal("x"))
        )
        from rdflib import RDF

        graph.add(
            (URIRef("https://w3id.org/dakg/id/document/x/sentence/1"), RDF.type, DAKG.Sentence)
        )
        return dataset

    monkeypatch.setattr(build_module, "make_dataset", with_a_bad_sentence)
    with pytest.raises(ConformanceError):
        build(corpus, root)
    assert current_path(root) == before
    assert not list((root / "builds").glob("*.partial"))


def test_old_builds_are_pruned_keeping_two(corpus: Path, tmp_path: Path) -> None:
    root = tmp_path / "data"
    for _ in range(3):
        build(corpus, root)
    complete = [p for p in (root / "builds").iterdir() if p.is_dir()]
    assert len(complete) == 2
    assert current_path(root) == max(complete)


def test_a_killed_build_leaves_the_previous_store_and_its_leftovers_are_cleaned(
    corpus: Path, tmp_path: Path
) -> None:
    root = tmp_path / "data"
    build(corpus, root)
    before = current_path(root)
    count = len(open_read_only(root))
    shutil.rmtree(root / "cache")  # extracted afresh: a build long enough to be killed
    big = tmp_path / "big"
    big.mkdir()
    for i in range(8):
        for doc in corpus.glob("*.txt"):  # copies that differ, as distinct documents do
            text = doc.read_text(encoding="utf-8") + f"\n\nThis is copy number {i} of it.\n"
            (big / f"{i:03d}-{doc.name}").write_text(text, encoding="utf-8")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "dakg",
            "build",
            "-q",
            "--corpus",
            str(big),
            "--data-dir",
            str(root),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 300
    while not list((root / "builds").glob("*.partial")) and time.monotonic() < deadline:
        assert process.poll() is None, "the build finished before it could be killed"
        time.sleep(0.005)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert current_path(root) == before
    assert len(open_read_only(root)) == count
    # The killed build left a .partial folder (or, killed between its rename and the swap,
    # an unused complete one); the next build cleans the first and prunes the second.
    build(corpus, root)
    assert not list((root / "builds").glob("*.partial"))
    assert len([p for p in (root / "builds").iterdir() if p.is_dir()]) == 2
