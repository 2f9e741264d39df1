"""A plain (non-editable) install ships the corpus, ontology and data files under ``dakg``."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    [built] = out.glob("dakg-*.whl")
    return built


def test_the_wheel_maps_the_rooms_under_one_namespace(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in [
        "dakg/cli.py",
        "dakg/__main__.py",
        "dakg/py.typed",
        "dakg/graph/store.py",
        "dakg/loaders/web_text.py",
        "dakg/loaders/data/web_boilerplate.toml",
        "dakg/loaders/data/glyphs.tsv",
        "dakg/ontology/dakg.ttl",
        "dakg/ontology/shapes.ttl",
        "dakg/corpus/MANIFEST.csv",
        "dakg/corpus/iom-2014-non-refoulement-note.txt",
    ]:
        assert expected in names
    assert not any(n.split("/")[0] in {"graph", "loaders", "queries", "tests"} for n in names)


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A plain install of the wheel into a folder of its own."""
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), wheel],
        check=True,
        capture_output=True,
    )
    return target


def test_the_installed_package_type_checks_strictly(installed: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"), "-p", "dakg"],
        cwd=installed,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout


def test_an_installed_copy_builds_from_any_directory(installed: Path, tmp_path: Path) -> None:
    target = installed
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = "import sys; sys.path.insert(0, sys.argv.pop(1)); from dakg.cli import main; main()"
    result = subprocess.run(
        [sys.executable, "-c", code, str(target), "build", "-q"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert (elsewhere / "dakg-data" / "current").is_symlink()
    info = subprocess.run(
        [sys.executable, "-c", code, str(target), "info", "--json"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=True,
    )
    assert '"title": "IML Information Note on the Principle of Non-Refoulement"' in info.stdout
    where = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; sys.path.insert(0, sys.argv[1]);"
            "from dakg.loaders.corpus import bundled_corpus; print(bundled_corpus())",
            str(target),
        ],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.strip() == str(target / "dakg" / "corpus")
