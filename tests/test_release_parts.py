"""The pieces of a release bundle: the VoID/DCAT description, the ontology's HTML, the
partner README, the checksums and the zip, each checked against the built corpus and the
real tools a partner would use."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import socket
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest

from dakg.graph.build_record import read_build_record
from dakg.graph.describe import describe, media_type, release_info
from dakg.graph.ontology_docs import ontology_html, strip_external
from dakg.graph.reader import Reader, iri, open_reader, value
from dakg.graph.release_files import (
    deterministic_zip,
    markdown_link,
    markdown_text,
    partner_readme,
    write_checksums,
)
from dakg.loaders.corpus import bundled_corpus

from .conftest import ROOT

VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
DCTERMS = "http://purl.org/dc/terms/"
DAKG = "https://w3id.org/dakg/ontology#"
FILES = {
    "data.trig": "the data, one named graph per source, in TriG",
    "data.ttl": "the data merged into one graph, in Turtle",
    "ontology.html": "the ontology's documentation",
    "shapes.ttl": "the SHACL shapes",
    "csv/transfers.csv": "transfers, one row per fact",
    "SHA256SUMS": "text/plain",
}
BASE = "file:///bundle/void.ttl"


@pytest.fixture(scope="module")
def reader(built: Path) -> Reader:
    return open_reader(built)


@pytest.fixture(scope="module")
def void_text(reader: Reader) -> str:
    return describe(reader, title="Diplomatic Assurances Knowledge Graph", files=FILES)


@pytest.fixture(scope="module")
def void(void_text: str) -> Any:
    """The description parsed by Oxigraph, as a partner's harvester would read it."""
    from pyoxigraph import RdfFormat, Store

    store = Store()
    store.load(void_text.encode(), format=RdfFormat.TURTLE, base_iri=BASE)
    return store


def ask(store: Any, query: str) -> list[dict[str, str]]:
    prefixes = f"PREFIX void: <{VOID}> PREFIX dcat: <{DCAT}> PREFIX dcterms: <{DCTERMS}> "
    prefixes += f"PREFIX dakg: <{DAKG}> "
    answer = store.query(prefixes + query)
    names = [v.value for v in answer.variables]
    return [{n: row[n].value for n in names} for row in answer]


def test_void_class_partitions_count_what_the_store_holds(reader: Reader, void: Any) -> None:
    partitions = ask(
        void, "SELECT ?c ?n WHERE { ?d void:classPartition [ void:class ?c ; void:entities ?n ] }"
    )
    counted = {row["c"]: int(row["n"]) for row in partitions}
    classes = {value(r, "c") for r in reader.select("SELECT DISTINCT ?c WHERE { ?s a ?c }")}
    assert set(counted) == classes
    for cls in classes:
        rows = reader.select("SELECT DISTINCT ?s WHERE { ?s a ?c }", {"c": iri(cls)})
        assert counted[cls] == len(rows), cls
    assert counted[DAKG + "Document"] == 5
    assert counted[DAKG + "Transfer"] == len(
        reader.select(f"SELECT DISTINCT ?t WHERE {{ ?t a <{DAKG}Transfer> }}")
    )


def test_void_partition_iris_come_from_local_names(void: Any) -> None:
    rows = ask(void, f"SELECT ?p WHERE {{ ?p void:class <{DAKG}AssuranceEvent> }}")
    assert [r["p"].rsplit("/", 2)[-2:] for r in rows] == [["class", "dakg-AssuranceEvent"]]
    rows = ask(
        void,
        "SELECT ?p WHERE { ?p void:property <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> }",
    )
    assert rows[0]["p"].endswith("/property/rdf-type")


def test_void_totals_count_the_distinct_triples(reader: Reader, void: Any) -> None:
    triples = {(q.subject, q.predicate, q.object) for q in reader.quads()}
    [row] = ask(
        void,
        "SELECT ?n ?s WHERE { ?d a void:Dataset ; void:triples ?n ; void:distinctSubjects ?s }",
    )
    assert int(row["n"]) == len(triples)
    assert int(row["s"]) == len({t[0] for t in triples})
    [typed] = ask(
        void,
        "SELECT ?n WHERE { ?d void:propertyPartition [ void:property "
        "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> ; void:triples ?n ] }",
    )
    rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    assert int(typed["n"]) == sum(1 for t in triples if t[1].value == rdf_type)


def test_void_times_are_the_build_record_end(reader: Reader, void: Any) -> None:
    record = read_build_record(reader)
    assert record is not None
    [row] = ask(
        void,
        "SELECT ?i ?m ?v WHERE { ?d a dcat:Dataset ; dcterms:issued ?i ; "
        "dcterms:modified ?m ; dcat:version ?v }",
    )
    assert row["i"] == row["m"] == record["ended"]
    build_id = record["build"].rsplit("/", 1)[-1]
    assert row["v"] == f"{record['version']}+build.{build_id}"


def test_void_is_the_same_bytes_twice(reader: Reader, void_text: str) -> None:
    again = describe(reader, title="Diplomatic Assurances Knowledge Graph", files=dict(FILES))
    assert again == void_text
    assert "_:" not in void_text
    for prefix in ("void", "dcat", "dcterms", "foaf", "prov", "xsd", "dakg"):
        assert f"@prefix {prefix}: " in void_text


def test_void_documents_carry_the_checksums_of_the_corpus_files(void: Any) -> None:
    rows = ask(
        void,
        "SELECT ?d ?file ?sha ?title WHERE { ?d a dcat:Resource ; "
        "dcterms:identifier ?file ; dakg:sha256 ?sha ; dcterms:title ?title }",
    )
    corpus = bundled_corpus()
    assert len(rows) == 5
    for row in rows:
        assert row["sha"] == hashlib.sha256((corpus / row["file"]).read_bytes()).hexdigest()
    publishers = ask(
        void,
        "SELECT ?name WHERE { "
        "<https://w3id.org/dakg/id/document/hrw-2006-09-06-yusupov-letter> "
        "dcterms:publisher/<http://xmlns.com/foaf/0.1/name> ?name }",
    )
    assert sorted(r["name"] for r in publishers) == [
        "American Civil Liberties Union",
        "Human Rights Watch",
    ]


def test_void_names_the_licence_and_the_ontology_version(void: Any) -> None:
    [row] = ask(
        void,
        "SELECT ?l ?rights ?o ?v WHERE { ?d a void:Dataset ; dcterms:license ?l ; "
        "dcterms:rights ?rights ; dcterms:conformsTo ?o . ?o dcat:version ?v }",
    )
    assert row["l"] == "https://creativecommons.org/licenses/by/4.0/"
    assert "publishers" in row["rights"]
    assert row["o"] == "https://w3id.org/dakg/ontology"
    ttl = (ROOT / "ontology" / "dakg.ttl").read_text(encoding="utf-8")
    assert f'owl:versionInfo "{row["v"]}"' in ttl


def test_void_distributions_are_relative_to_the_bundle(void: Any, void_text: str) -> None:
    rows = ask(
        void,
        "SELECT ?url ?type WHERE { ?d dcat:distribution [ dcat:downloadURL ?url ; "
        "dcat:mediaType ?type ] }",
    )
    found = {r["url"]: r["type"] for r in rows}
    assert found["file:///bundle/data.trig"] == "application/trig"
    assert found["file:///bundle/csv/transfers.csv"] == "text/csv"
    assert found["file:///bundle/SHA256SUMS"] == "text/plain"
    assert len(found) == len(FILES)
    assert "dcat:downloadURL <data.trig>" in void_text
    assert media_type("ontology.html") == "text/html"


@pytest.fixture(scope="module")
def ontology_page() -> str:
    return ontology_html(ROOT / "ontology" / "dakg.ttl")


def test_ontology_html_documents_the_classes(ontology_page: str) -> None:
    for name in ("Assurance event", "Transfer", "Diplomatic Assurances Knowledge Graph ontology"):
        assert name in ontology_page
    assert 'id="AssuranceEvent"' in ontology_page or "#AssuranceEvent" in ontology_page


def test_ontology_html_loads_nothing_from_the_network(ontology_page: str) -> None:
    tags = re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", ontology_page, re.I)
    for tag in tags:
        assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", tag, re.I), tag
    assert not re.search(r"@import|url\(\s*['\"]?https?:", ontology_page, re.I)


def test_ontology_html_is_made_offline_and_the_same_twice(
    ontology_page: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("no network in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert ontology_html(ROOT / "ontology" / "dakg.ttl") == ontology_page


def test_strip_external_drops_network_scripts_and_styles() -> None:
    page = (
        '<head><script src="https://cdn.example/x.js"></script>'
        '<link rel="stylesheet" href="//cdn.example/x.css">'
        '<link rel="icon" href="data:image/png;base64,AA=="><script>var a=1;</script></head>'
    )
    kept = strip_external(page)
    assert "cdn.example" not in kept
    assert "data:image/png" in kept and "var a=1;" in kept


def test_partner_readme_names_the_build_files_and_publishers(reader: Reader) -> None:
    text = partner_readme(reader, FILES)
    release = release_info(reader)
    assert release.build_id in text and release.ended in text
    assert (
        "| `data.trig` | the data, one named graph per source, in TriG | `application/trig` |"
        in text
    )
    assert "[`ontology.html`](ontology.html)" in text
    assert 'ds.parse("data.trig", format="trig")' in text
    for tool in (
        "oxigraph load --location db --file data.trig",
        "tdb2.tdbloader",
        "GraphDB",
        "ld_dir(",
        "rdf_loader_run()",
        "DB.DBA.TTLP_MT",
        "sha256sum -c SHA256SUMS",
    ):
        assert tool in text, tool
    assert "CC BY 4.0" in text
    hrw = text.index("**Human Rights Watch**")
    assert text.index("US Sent Guantanamo Detainees Home to Torture in Russia", hrw) > hrw
    assert "International Organization for Migration \\(International" not in text
    assert partner_readme(reader, dict(FILES)) == text


def test_markdown_text_keeps_a_title_inside_its_table_cell() -> None:
    assert markdown_text("a | b <script>\n[x](y)") == "a \\| b \\<script\\> \\[x\\](y)"


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    folder = tmp_path / "dakg-release"
    (folder / "csv").mkdir(parents=True)
    (folder / "data.ttl").write_text("<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
    (folder / "README.md").write_text("# Release\n", encoding="utf-8")
    (folder / "csv" / "transfers.csv").write_text("iri,label\nurn:a,Arar\n", encoding="utf-8")
    (folder / "name with space.txt").write_bytes(b"\x00\x01binary")
    return folder


def test_checksums_pass_sha256sum(bundle: Path) -> None:
    sha256sum = shutil.which("sha256sum")
    if sha256sum is None:
        pytest.skip("sha256sum (GNU coreutils) is not installed")
    sums = write_checksums(bundle)
    lines = sums.read_text(encoding="utf-8").splitlines()
    assert [line.split("  ", 1)[1] for line in lines] == [
        "README.md",
        "csv/transfers.csv",
        "data.ttl",
        "name with space.txt",
    ]
    ok = subprocess.run([sha256sum, "-c", "SHA256SUMS"], cwd=bundle, capture_output=True)
    assert ok.returncode == 0, ok.stdout
    assert write_checksums(bundle).read_bytes() == "\n".join(lines).encode() + b"\n"
    (bundle / "data.ttl").write_text("changed\n", encoding="utf-8")
    bad = subprocess.run([sha256sum, "-c", "SHA256SUMS"], cwd=bundle, capture_output=True)
    assert bad.returncode != 0


def test_zips_of_one_folder_are_identical_and_valid(bundle: Path, tmp_path: Path) -> None:
    first = deterministic_zip(bundle, tmp_path / "one.zip")
    for path in bundle.rglob("*"):
        os.utime(path, (1_700_000_000, 1_700_000_000))
        path.chmod(0o755 if path.is_dir() else 0o600)
    second = deterministic_zip(bundle, tmp_path / "two.zip")
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        assert archive.testzip() is None
        infos = archive.infolist()
        assert [i.filename for i in infos] == sorted(
            f"dakg-release/{p.relative_to(bundle).as_posix()}"
            for p in bundle.rglob("*")
            if p.is_file()
        )
        assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
        assert {i.external_attr >> 16 for i in infos} == {0o100644}
        assert {i.compress_type for i in infos} == {zipfile.ZIP_DEFLATED}
        assert archive.read("dakg-release/csv/transfers.csv") == b"iri,label\nurn:a,Arar\n"
    unzip = shutil.which("unzip")
    if unzip is not None:
        result = subprocess.run([unzip, "-t", str(first)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_zip_inside_its_folder_leaves_itself_out(bundle: Path) -> None:
    inside = deterministic_zip(bundle, bundle / "release.zip")
    with zipfile.ZipFile(inside) as archive:
        assert "dakg-release/release.zip" not in archive.namelist()
    assert deterministic_zip(bundle, bundle / "release.zip").read_bytes() == inside.read_bytes()


def test_partner_readme_keeps_hostile_titles_as_text(hostile: Path) -> None:
    """Titles and publishers full of markup stay text: no tag, link or table cell escapes."""
    text = partner_readme(open_reader(hostile), FILES)
    attribution = text[text.index("## Attribution and terms") :]
    assert attribution.count("**") >= 4
    assert not re.search(r"(?<!\\)<(?!https?://)[a-zA-Z/!]", attribution)
    for line in attribution.splitlines():
        if line.startswith("  - *"):
            assert not re.search(r"(?<!\\)[\[\]|]", line.split(", <")[0]), line


def test_markdown_link_links_only_web_addresses() -> None:
    assert markdown_link("https://example.org/a b") == "<https://example.org/a%20b>"
    assert markdown_link("javascript:alert(1)") == "javascript:alert(1)"
    assert markdown_link("<javascript:x>") == "\\<javascript:x\\>"
