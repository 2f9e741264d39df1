"""Operating a data directory (issue 14): the kept builds and rolling back, checking a corpus
without building, live progress per document, and a front door that imports little."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from dakg.cli import cli
from dakg.graph.build import build
from dakg.graph.builds import kept_builds, rollback
from dakg.graph.store import current_path

SMALL = "ccr-2015-03-27-assurances-not-enough"


@pytest.fixture(scope="module")
def small(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A two-document corpus with the Arar case file."""
    copy = tmp_path_factory.mktemp("ops") / "corpus"
    (copy / "cases").mkdir(parents=True)
    names = [SMALL, "hrw-2007-03-28-russia-guantanamo"]
    for name in names:
        shutil.copy(corpus / f"{name}.txt", copy)
    lines = (corpus / "MANIFEST.csv").read_text(encoding="utf-8").splitlines()
    kept = [lines[0]] + [line for line in lines if line.split(".txt", 1)[0] in names]
    (copy / "MANIFEST.csv").write_text("\n".join(kept) + "\n", encoding="utf-8")
    shutil.copy(corpus / "cases" / "arar.yaml", copy / "cases")
    return copy


def invoke(*args: str) -> tuple[int, str]:
    done = CliRunner().invoke(cli, list(args))
    return done.exit_code, done.output


def test_builds_lists_what_each_kept_build_holds_and_rollback_goes_back(
    small: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    first = build(small, data, keep=3)
    smaller = tmp_path / "smaller"  # the same corpus without one document
    shutil.copytree(small, smaller)
    (smaller / f"{SMALL}.txt").unlink()
    manifest = (smaller / "MANIFEST.csv").read_text(encoding="utf-8").splitlines()
    kept = [line for line in manifest if not line.startswith(SMALL)]
    (smaller / "MANIFEST.csv").write_text("\n".join(kept) + "\n", encoding="utf-8")
    build(smaller, data, keep=3)
    older, newer = kept_builds(data)
    assert newer.current and not older.current
    assert older.record is not None and newer.record is not None
    assert (older.record["documents"], newer.record["documents"]) == (2, 1)
    assert older.record["triples"] == first.triples
    assert older.corpus != newer.corpus and older.cases == newer.cases != ""
    code, shown = invoke("builds", "--data-dir", str(data))
    assert code == 0 and older.name in shown and newer.name in shown
    assert rollback(data).name == older.name
    assert current_path(data) == older.path
    code, out = invoke("rollback", newer.name[:18], "--data-dir", str(data))
    assert code == 0 and current_path(data) == newer.path
    code, out = invoke("rollback", "1999", "--data-dir", str(data))
    assert code == 1 and "no build named '1999'" in out and "Traceback" not in out


def test_keep_prunes_older_builds_but_never_a_served_one(small: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    build(small, data, keep=1)
    [served] = kept_builds(data)
    pins = data / "pins"
    pins.mkdir()
    (pins / str(os.getpid())).write_text(str(served.path), encoding="utf-8")  # as serve pins
    build(small, data, keep=1)
    build(small, data, keep=1)
    names = [b.name for b in kept_builds(data)]
    assert len(names) == 2 and served.name in names  # the newest and the served one
    assert [b.pinned for b in kept_builds(data)] == [True, False]


def test_check_passes_a_good_corpus_from_the_cache_a_build_left(
    small: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    build(small, data)
    cached = sorted((data / "cache" / "extractions").iterdir())
    assert len(cached) == 2
    code, out = invoke("check", "--corpus", str(small), "--data-dir", str(data))
    assert code == 0, out
    assert "2 document(s), 1 case file(s) checked (2 parsed): 0 problem(s)" in out
    assert sorted((data / "cache" / "extractions").iterdir()) == cached  # nothing parsed anew


def test_check_lists_every_problem_of_a_broken_corpus(small: Path, tmp_path: Path) -> None:
    broken = tmp_path / "corpus"
    shutil.copytree(small, broken)
    head = "case: {}\ntitle: t\nreviewer: r\ndate: 2026-12-03\n"
    (broken / "cases" / "a.yaml").write_text(
        head.format("a") + "facts:\n  - kind: outcome\n    person: Maher Arar\n"
        "    what: torture\n    quote:\n      document: " + SMALL + "\n"
        "      text: words that stand nowhere\n",
        encoding="utf-8",
    )
    (broken / "cases" / "b.yaml").write_text("case: b\ntitle: [unclosed\n", encoding="utf-8")
    (broken / "cases" / "c.yaml").write_text(
        head.format("c") + "reviews:\n  - fact: transfer-000000000000\n    status: confirmed\n",
        encoding="utf-8",
    )
    code, out = invoke("check", "--corpus", str(broken), "--data-dir", str(tmp_path / "d"),
                       "--strict")  # fmt: skip
    assert code == 1
    assert "a.yaml:6: the quote is not verbatim" in out
    assert "b.yaml:2: not valid YAML" in out
    assert "c.yaml:6: review of transfer-000000000000" in out
    assert "3 problem(s)" in out and "Traceback" not in out


def test_each_document_is_reported_as_soon_as_it_is_extracted(small: Path, tmp_path: Path) -> None:
    events: list[str] = []
    build(
        small,
        tmp_path / "data",
        on_step=lambda step: events.append(step),
        on_document=lambda name, facts, seconds: events.append(f"done {name} {facts > 0}"),
    )
    extracting = [e for e in events if e.startswith(("extracting", "done"))]
    assert extracting == [
        f"extracting {SMALL}", f"done {SMALL} True",
        "extracting hrw-2007-03-28-russia-guantanamo",
        "done hrw-2007-03-28-russia-guantanamo True",
    ]  # fmt: skip


def test_the_front_door_imports_no_heavy_library() -> None:
    code = (
        "import sys, dakg.cli; print(sorted(m for m in ('importlib.metadata', 'rdflib', "
        "'spacy', 'pyoxigraph', 'rich', 'networkx') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "[]", done.stderr
    version = subprocess.run(
        [sys.executable, "-m", "dakg", "--version"], capture_output=True, text=True
    )
    assert version.stdout.startswith("dakg, version ")
