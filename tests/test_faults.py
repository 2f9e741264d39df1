"""The faults a probe and a newcomer found (issue 14), each with its reproducer: a one-line
error naming the file (and line), exit 1, and the previous store intact."""

from __future__ import annotations

import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from dakg.cli import cli
from dakg.errors import StoreError
from dakg.graph.build import build
from dakg.graph.store import build_lock, current_path
from dakg.loaders.document import load_document
from dakg.loaders.extract import extract

SMALL = "ccr-2015-03-27-assurances-not-enough"


@pytest.fixture(scope="module")
def small(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A one-document corpus and a store built from it: (corpus, data directory)."""
    folder = tmp_path_factory.mktemp("small")
    copy = folder / "corpus"
    (copy / "cases").mkdir(parents=True)
    shutil.copy(corpus / f"{SMALL}.txt", copy)
    lines = (corpus / "MANIFEST.csv").read_text(encoding="utf-8").splitlines()
    manifest = [lines[0]] + [line for line in lines if line.startswith(SMALL)]
    (copy / "MANIFEST.csv").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    build(copy, folder / "data")
    return copy, folder / "data"


def failing_build(corpus: Path, data: Path, *extra: str) -> str:
    """Run ``dakg build`` in a child (a regression may hang or eat memory: it is stopped);
    assert it fails with one line, no traceback, and leaves ``current`` as it was."""
    before = current_path(data)
    done = subprocess.run(
        [sys.executable, "-m", "dakg", "build", "--corpus", str(corpus), "--data-dir", str(data),
         *extra],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert current_path(data) == before
    return done.stderr.strip().splitlines()[-1]


def with_files(small: tuple[Path, Path], tmp_path: Path, files: dict[str, bytes]) -> Path:
    """A copy of the small corpus with ``files`` (relative path -> bytes) added."""
    copy = tmp_path / "corpus"
    shutil.copytree(small[0], copy)
    for name, data in files.items():
        (copy / name).write_bytes(data)
    return copy


CASE_HEAD = "case: x\ntitle: t\nreviewer: r\ndate: 2026-12-03\n"


def test_a_yaml_alias_bomb_is_refused_before_it_is_expanded(
    small: tuple[Path, Path], tmp_path: Path
) -> None:
    levels = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, 9):
        refs = ",".join([f"*a{n - 1}"] * 9)
        levels.append(f"a{n}: &a{n} [{refs}]")
    bomb = (CASE_HEAD + "\n".join(levels) + "\n").encode()
    assert len(bomb) < 1000
    corpus = with_files(small, tmp_path, {"cases/bomb.yaml": bomb})
    line = failing_build(corpus, small[1])
    assert "bomb.yaml:5:" in line and "anchors and aliases" in line


def test_an_oversized_case_file_is_refused(small: tuple[Path, Path], tmp_path: Path) -> None:
    big = (CASE_HEAD + "# " + "x" * 1_100_000 + "\n").encode()
    corpus = with_files(small, tmp_path, {"cases/big.yaml": big})
    assert "big.yaml: 1,100,0" in failing_build(corpus, small[1])


def test_an_unclosed_quote_is_reported_where_it_opens(
    small: tuple[Path, Path], tmp_path: Path
) -> None:
    text = b'case: x\ntitle: "never closed\nreviewer: r\ndate: 2026-12-03\nnote: n\n'
    corpus = with_files(small, tmp_path, {"cases/open.yaml": text})
    assert "open.yaml:2: not valid YAML" in failing_build(corpus, small[1])


def test_a_document_over_a_million_characters_is_parsed_in_pieces(tmp_path: Path) -> None:
    # distinct paragraphs (the cleaner drops a paragraph repeated word for word), then an event
    filler = [
        f"Paragraph {n} of the annex lists the titles of the reports that the committee"
        " received in that year."
        for n in range(10_000)
    ]
    event = (
        "Human Rights Watch said that Maher Arar was rendered by the United States to Syria"
        " in October 2002 despite diplomatic assurances."
    )
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join([*filler, event]), encoding="utf-8")
    document = load_document(path)
    assert len(document.clean) > 1_000_000
    found = extract(document)
    [transfer] = [f for f in found.facts if f.kind == "transfer"]
    [evidence] = transfer.evidence
    assert evidence.start > 1_000_000
    assert document.clean[evidence.start : evidence.end] == evidence.quote


def test_parsing_in_pieces_finds_what_parsing_whole_finds(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dakg.loaders import nlp

    document = load_document(corpus / "iom-2014-non-refoulement-note.txt")
    whole = sorted(f.key for f in extract(document).facts)
    monkeypatch.setattr(nlp, "PIECE", 3000)
    assert sorted(f.key for f in extract(document).facts) == whole


@pytest.mark.parametrize("name", ["!!!.txt", "---.txt"])
def test_a_file_named_without_letters_builds(
    small: tuple[Path, Path], tmp_path: Path, name: str
) -> None:
    text = b"Human Rights Watch said on 3 May 2005 that Sweden expelled two men to Egypt.\n"
    corpus = with_files(small, tmp_path, {name: text})
    manifest = (corpus / "MANIFEST.csv").read_text(encoding="utf-8")
    manifest += f"{name},A title,!!!,2005-05-03,note,,text\n"
    (corpus / "MANIFEST.csv").write_text(manifest, encoding="utf-8")
    report = build(corpus, tmp_path / "data")
    assert len(report.documents) == 2


def test_assessing_a_case_named_without_letters_is_a_clear_error(
    small: tuple[Path, Path],
) -> None:
    done = CliRunner().invoke(cli, ["assess", "!!!", "--data-dir", str(small[1])])
    assert done.exit_code == 1 and "no case named '!!!'" in done.output
    assert "Traceback" not in done.output


def test_a_name_holding_a_semicolon_stays_one_person(
    small: tuple[Path, Path], tmp_path: Path
) -> None:
    from dakg.graph.case_index import list_cases

    case = (CASE_HEAD + "concerns: ['Doe; Jane']\n").encode()
    corpus = with_files(small, tmp_path, {"cases/x.yaml": case})
    build(corpus, tmp_path / "data")
    [summary] = [c for c in list_cases(tmp_path / "data") if c.slug == "x"]
    assert summary.concerns == ["Doe; Jane"]


def test_cjk_utf16_without_a_byte_order_mark_is_refused(
    small: tuple[Path, Path], tmp_path: Path
) -> None:
    data = "人权观察".encode("utf-16-le") * 160  # no NUL byte, none undefined in cp1252
    assert len(data) == 1280 and data.startswith(bytes.fromhex("ba4e4367c289df5b"))
    corpus = with_files(small, tmp_path, {"cjk.txt": data})
    line = failing_build(corpus, small[1])
    assert "cjk.txt: not UTF-8, UTF-16 with a byte-order mark or cp1252" in line


def test_invisible_controls_never_stay_inside_names(tmp_path: Path) -> None:
    path = tmp_path / "marks.txt"
    path.write_text(
        "Maher Arar\u202c was rendered to Syria in 2002 despite assurances.\n\n"
        "Human Rights Watch said that Bekhzod\u200b Yusupov was detained in the United States.\n",
        encoding="utf-8",
    )
    found = extract(load_document(path))
    labels = [e.label for e in found.entities.values()]
    assert "Maher Arar" in labels
    assert not [x for x in labels if any(unicodedata.category(c) == "Cf" for c in x)]


def test_a_second_build_is_refused_before_it_reads_anything(
    small: tuple[Path, Path],
) -> None:
    read: list[str] = []
    with build_lock(small[1]), pytest.raises(StoreError, match="another build is running"):
        build(small[0], small[1], on_file=read.append)
    assert read == []


def test_skipping_every_file_keeps_the_previous_store(
    small: tuple[Path, Path], tmp_path: Path
) -> None:
    corpus = tmp_path / "bad"
    corpus.mkdir()
    (corpus / "a.txt").write_bytes(b"\x00\x01binary")
    (corpus / "b.txt").write_bytes(b"")
    line = failing_build(corpus, small[1], "--skip-bad")
    assert "every document was unreadable (2 skipped)" in line


@pytest.mark.parametrize("day", ["03/06/2019", "14 August 2005", "2005-13"])
def test_a_manifest_date_must_be_iso(small: tuple[Path, Path], tmp_path: Path, day: str) -> None:
    corpus = with_files(small, tmp_path, {})
    manifest = (corpus / "MANIFEST.csv").read_text(encoding="utf-8")
    (corpus / "MANIFEST.csv").write_text(manifest.replace("2015-03-27", day), encoding="utf-8")
    line = failing_build(corpus, small[1])
    assert "MANIFEST.csv:2:" in line and "not an ISO date" in line
