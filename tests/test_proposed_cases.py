"""Cases the build proposes for people facing transfer whom no case file covers (issue 5),
and a corpus of one's own getting the same norms and obligations as the bundled one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from dakg.cli import cli
from dakg.graph.build import build
from dakg.graph.case_index import list_cases
from tests.test_build import select
from tests.test_cases import corpus_copy

GENRE = Path(__file__).parent / "genre" / "docs"


@pytest.fixture(scope="module")
def own_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built from two of our own genre documents (no case files, no norms' sources)."""
    corpus = tmp_path_factory.mktemp("own")
    for name in [
        "04_un-experts-2021-ukraine-kazakhstan.txt",
        "05_blog-2012-echr-othman-uk-jordan.txt",
    ]:
        shutil.copy(GENRE / name, corpus / name)
    root = tmp_path_factory.mktemp("data")
    report = build(corpus, root)
    assert report.warnings == []  # the norms' sources come along as reference documents
    return root


def test_the_bundled_cases_are_all_analysts(built: Path) -> None:
    assert {c.slug for c in list_cases(built)} == {
        "arar",
        "yusupov",
        "russian-guantanamo-detainees",
        "fakhruddinov",
    }
    assert not any(c.proposed for c in list_cases(built))


def test_a_person_no_case_file_covers_gets_a_proposed_case(own_corpus: Path) -> None:
    cases = {c.slug: c for c in list_cases(own_corpus)}
    othman = cases["omar-othman"]
    assert othman.proposed and othman.concerns == ["Omar Othman"]
    assert othman.facts["transfers"] >= 1 and othman.facts["assurances"] >= 1
    assert {"timur-abenov", "erlan-sadykov"} <= set(cases)
    rows = select(
        own_corpus,
        """SELECT ?f WHERE { ?f a dakg:Transfer ; dakg:partOfCase ?c .
           ?c a dakg:ProposedCase ;
              dakg:concerns <https://w3id.org/dakg/id/person/omar-othman> }""",
    )
    assert rows


def test_removing_a_case_file_makes_the_build_propose_one(tmp_path: Path, corpus: Path) -> None:
    copy = corpus_copy(corpus, tmp_path)
    (copy / "cases" / "arar.yaml").unlink()
    root = tmp_path / "data"
    build(copy, root)
    [arar] = [c for c in list_cases(root) if c.slug == "maher-arar"]
    assert arar.proposed and arar.facts["transfers"] == 1  # the added, dated one is gone too


def test_own_corpus_gets_norms_and_obligations_through_provisions(own_corpus: Path) -> None:
    rows = select(
        own_corpus,
        """SELECT ?state ?p WHERE { ?o a dakg:Obligation ; dakg:obligedState/dakg:iso3166Alpha3
           ?state ; dakg:arisesFrom ?p }""",
    )
    found = {(state, p.split("/instrument/")[1]) for state, p in rows}
    assert ("GBR", "echr/article/3") in found  # sending Othman to Jordan in 2013
    assert ("GBR", "cat/article/3") in found
    assert ("JOR", "iccpr/article/7") in found  # receiving him
    assert ("UKR", "cat/article/3") in found  # Ukraine, from the bulk UNTC rows


def test_cases_command(own_corpus: Path) -> None:
    result = CliRunner().invoke(
        cli, ["cases", "--data-dir", str(own_corpus)], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0, result.output
    assert "Proposed case: Omar Othman" in result.output
    assert "proposed by the build" in result.output


def test_assess_a_proposed_case_keeps_to_its_person(own_corpus: Path) -> None:
    from dakg.graph.assessment import assess_assurances

    found = assess_assurances(own_corpus, "omar-othman")
    assert found and {(a.given_by, a.about) for a in found} == {("Jordan", "Omar Othman")}
