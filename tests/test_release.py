"""dakg release: a bundle a partner can load and verify — the checksums verify with the real
sha256sum, the data parses with Debian's rapper, the README says how to load it into five
stores, and the same store gives the same folder and zip, byte for byte."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .test_export import rapper


def dakg(*args: str, seed: str = "0") -> subprocess.CompletedProcess[str]:
    binary = str(Path(sys.executable).parent / "dakg")
    return subprocess.run([binary, *args], capture_output=True, text=True,
                          env={**os.environ, "PYTHONHASHSEED": seed})  # fmt: skip


@pytest.fixture(scope="module")
def bundle(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("one") / "release"
    result = dakg("release", str(folder), "--zip", "--data-dir", str(built), seed="1")
    assert result.returncode == 0, result.stderr
    return folder


def test_the_bundle_holds_what_a_partner_needs(bundle: Path) -> None:
    names = {p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file()}
    assert {"data.ttl", "data.trig", "ontology.ttl", "ontology.html", "shapes.ttl",
            "context.jsonld", "void.ttl", "validation.txt", "README.md", "SHA256SUMS",
            "tables/transfers.csv", "tables/dictionary.csv"} <= names  # fmt: skip
    readme = (bundle / "README.md").read_text(encoding="utf-8")
    for store in ("rdflib", "Oxigraph", "Fuseki", "GraphDB", "Virtuoso", "sha256sum -c"):
        assert store in readme
    assert "Human Rights Watch" in readme  # whose texts the quotes come from
    assert "conforms" in (bundle / "validation.txt").read_text(encoding="utf-8")
    from pyoxigraph import RdfFormat, parse

    report = {(t.predicate.value, t.object.value) for t in
              parse(path=str(bundle / "validation.ttl"), format=RdfFormat.TURTLE)}  # fmt: skip
    assert ("http://www.w3.org/ns/shacl#conforms", "true") in report


def test_the_checksums_verify_with_sha256sum(bundle: Path) -> None:
    result = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=bundle, capture_output=True,
                            text=True)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    listed = (bundle / "SHA256SUMS").read_text().splitlines()
    assert len(listed) >= 15 and all(line.endswith(": OK") for line in result.stdout.splitlines())


def test_rapper_reads_the_data_and_the_description(bundle: Path) -> None:
    for name, syntax in (("data.ttl", "turtle"), ("data.trig", "trig"), ("void.ttl", "turtle")):
        result = subprocess.run([rapper(), "-c", "-i", syntax, str(bundle / name)],
                                capture_output=True, text=True)  # fmt: skip
        assert result.returncode == 0, result.stderr
        assert "returned" in result.stderr


def test_the_same_store_gives_the_same_bytes(built: Path, bundle: Path, tmp_path: Path) -> None:
    again = tmp_path / "release"
    result = dakg("release", str(again), "--zip", "--data-dir", str(built), seed="2")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "release.zip").read_bytes() == (bundle.parent / "release.zip").read_bytes()
    with zipfile.ZipFile(tmp_path / "release.zip") as archive:
        assert archive.testzip() is None
        assert "release/data.trig" in archive.namelist()


def test_a_folder_that_is_not_a_release_is_never_replaced(built: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep")
    result = dakg("release", str(mine), "--data-dir", str(built))
    assert result.returncode == 1 and "not a dakg release folder" in result.stderr
    assert (mine / "notes.txt").read_text() == "keep"


def test_a_failed_release_keeps_the_previous_one(built: Path, bundle: Path, tmp_path: Path) -> None:
    copy = tmp_path / "release"
    shutil.copytree(bundle, copy)
    result = dakg("release", str(copy), "--data-dir", str(tmp_path / "no-store"))
    assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1
    assert (copy / "data.ttl").read_bytes() == (bundle / "data.ttl").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["release"]
