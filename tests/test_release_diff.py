"""``dakg release --since``: built twice with one case-file review changed, the new release's
CHANGES.md lists exactly that fact as changed (its old and new values, not a removal and an
addition), and changes/ holds the quads added and removed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from dakg.cli import cli

from .conftest import ROOT

DOCUMENT = "ccr-2015-03-27-assurances-not-enough.txt"
KEY = "transfer-838964ec9714"  # the CCR note's transfer of Maher Arar, reviewed in arar.yaml
REVIEWED = f"  - fact: {KEY}\n    status: confirmed\n"
CORRECTED = f"  - fact: {KEY}\n    status: corrected\n    set: {{date: 2002-09-26}}\n"


def run(*args: str) -> None:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def releases(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("diff")
    corpus, data = root / "corpus", root / "data"
    (corpus / "cases").mkdir(parents=True)
    shutil.copy(ROOT / "corpus" / DOCUMENT, corpus / DOCUMENT)
    case = (ROOT / "corpus" / "cases" / "arar.yaml").read_text(encoding="utf-8")
    assert REVIEWED in case
    (corpus / "cases" / "arar.yaml").write_text(case, encoding="utf-8")
    run("build", "--corpus", str(corpus), "--data-dir", str(data), "-q")
    run("release", str(root / "old"), "--data-dir", str(data))
    (corpus / "cases" / "arar.yaml").write_text(case.replace(REVIEWED, CORRECTED), "utf-8")
    run("build", "--corpus", str(corpus), "--data-dir", str(data), "-q")
    run("release", str(root / "new"), "--data-dir", str(data), "--since", str(root / "old"))
    return root / "old", root / "new"


def test_changes_list_exactly_the_reviewed_fact_with_old_and_new_values(
    releases: tuple[Path, Path],
) -> None:
    _, new = releases
    text = (new / "CHANGES.md").read_text(encoding="utf-8")
    assert "## Facts: 0 added, 0 removed, 1 changed" in text
    changed = text.split("### Changed\n", 1)[1].split("\n#", 1)[0]
    keys = [line.split("`")[1] for line in changed.splitlines() if line.startswith("- `")]
    assert keys == [KEY]
    assert "  - reviewStatus: Confirmed → Corrected" in changed
    assert "  - dateStart: (none) → 2002-09-26" in changed
    assert "## People and groups: 0 changes" in text


def test_the_quads_added_and_removed_are_beside_it(releases: tuple[Path, Path]) -> None:
    _, new = releases
    fact = f"<https://w3id.org/dakg/id/transfer/{KEY}>"
    added = (new / "changes" / "added.nq").read_text(encoding="utf-8").splitlines()
    removed = (new / "changes" / "removed.nq").read_text(encoding="utf-8").splitlines()
    status = f"{fact} <https://w3id.org/dakg/ontology#reviewStatus> "
    assert any(line.startswith(status + "<https://w3id.org/dakg/ontology#Corrected>")
               for line in added)  # fmt: skip
    assert any(line.startswith(status + "<https://w3id.org/dakg/ontology#Confirmed>")
               for line in removed)  # fmt: skip
    assert any(line.startswith(f"{fact} <https://w3id.org/dakg/ontology#dateStart> \"2002-09-26\"")
               for line in added)  # fmt: skip
    sums = (new / "SHA256SUMS").read_text(encoding="utf-8")
    assert "CHANGES.md" in sums and "changes/added.nq" in sums


def test_since_a_folder_that_is_no_release_is_a_one_line_error(
    releases: tuple[Path, Path], tmp_path: Path
) -> None:
    data = releases[0].parent / "data"
    args = ["release", str(tmp_path / "r"), "--data-dir", str(data), "--since", str(tmp_path)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    message = f"Error: {tmp_path}: not a dakg release (no data.trig); --since needs one"
    assert result.output.strip() == message
    assert not (tmp_path / "r").exists()
