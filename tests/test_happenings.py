"""One event per happening (issue 13): the facts several documents, sentences or case files
report of one event are resolved into one dakg:Happening that every reader counts once."""

from __future__ import annotations

from pathlib import Path

from dakg.graph.assessment import assess_assurances
from dakg.graph.build import build
from dakg.graph.obligations import transfer_obligations
from dakg.graph.reader import open_reader

from .test_cases import corpus_copy


def arar(rows: list) -> list:  # type: ignore[type-arg]
    return [r for r in rows if r.person == "Maher Arar"]


def test_arars_rendition_is_one_event_with_the_case_files_date(built: Path) -> None:
    [rendition] = arar(transfer_obligations(built))
    assert rendition.date == "2002-10-08"
    syria = {b.instrument: b.status for b in rendition.receiving_bound}
    assert syria["Convention against Torture"] == "not a party"  # one answer
    reader = open_reader(built)
    rows = reader.select(
        "PREFIX dakg: <https://w3id.org/dakg/ontology#> "
        "PREFIX dcterms: <http://purl.org/dc/terms/> SELECT ?key WHERE { "
        "?h a dakg:Happening ; dakg:includesFact ?f . ?f dcterms:identifier ?key ; "
        "dakg:transferee/dcterms:identifier|dakg:transferee ?p . "
        "FILTER(CONTAINS(STR(?p), 'maher-arar')) }"
    )
    keys = {r["key"].value for r in rows}  # type: ignore[union-attr]
    # the extracted, undated report and the case file's dated one, each with its passage
    assert "transfer-838964ec9714" in keys and len(keys) == 2


def test_each_russian_pledge_is_one_assurance(built: Path) -> None:
    russian = [r for r in assess_assurances(built) if r.given_by == "Russia"]
    assert len(russian) == 1
    flags = [f.quote for f in russian[0].flags]
    assert len(flags) == len(set(flags))


def test_reviews_by_the_old_keys_still_apply(built: Path) -> None:
    reader = open_reader(built)
    rows = reader.select(
        "PREFIX dakg: <https://w3id.org/dakg/ontology#> "
        "PREFIX dcterms: <http://purl.org/dc/terms/> SELECT ?s WHERE { "
        '?f dcterms:identifier "transfer-838964ec9714" ; dakg:reviewStatus ?s }'
    )
    assert [r["s"].value.rsplit("#", 1)[-1] for r in rows] == ["Confirmed"]  # type: ignore[union-attr]


def test_without_the_case_files_transfer_the_extracted_happening_stays(
    corpus: Path, tmp_path: Path
) -> None:
    copy = corpus_copy(corpus, tmp_path)
    text = (copy / "cases" / "arar.yaml").read_text(encoding="utf-8")
    (copy / "cases" / "arar.yaml").write_text(text.split("\nfacts:\n")[0] + "\n", encoding="utf-8")
    build(copy, tmp_path / "data")
    [rendition] = arar(transfer_obligations(tmp_path / "data"))
    assert rendition.transfer.endswith("transfer-838964ec9714") and rendition.date is None


def test_dakg_show_lists_the_facts_merged_and_why(built: Path) -> None:
    from click.testing import CliRunner

    from dakg.cli import cli

    shown = CliRunner().invoke(
        cli, ["show", "Maher Arar", "--format", "csv", "--data-dir", str(built)]
    )
    assert shown.exit_code == 0, shown.output
    [line] = [x for x in shown.output.splitlines() if x.startswith(
        "https://w3id.org/dakg/id/transfer/transfer-838964ec9714,")]  # fmt: skip
    assert "/transfer/transfer-eaa015d2e51b" in line and "Merged: same person" in line


def test_a_case_file_keeps_two_reports_apart(corpus: Path, tmp_path: Path) -> None:
    case = (
        "case: test-apart\ntitle: t\nreviewer: r\ndate: 2026-12-03\n"
        "separate:\n  - fact: transfer-838964ec9714\n    note: a test\n"
    )
    build(corpus_copy(corpus, tmp_path, {"test-apart": case}), tmp_path / "data")
    assert len(arar(transfer_obligations(tmp_path / "data"))) == 2
