"""The command line: help everywhere, one-line errors, documented exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from dakg.cli import cli


def test_version() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("dakg, version ")


def test_python_dash_m_works() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "dakg", "--help"], capture_output=True, text=True, check=True
    )
    assert "Usage:" in out.stdout and "build" in out.stdout


def test_help_does_not_import_heavy_libraries() -> None:
    code = (
        "import sys; from click.testing import CliRunner; from dakg.cli import cli;"
        "CliRunner().invoke(cli, ['build', '--help']);"
        "print(sorted(m for m in ('rdflib','pyoxigraph','pyshacl','networkx','pyvis','dateparser')"
        " if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_wrong_usage_exits_2() -> None:
    result = CliRunner().invoke(cli, ["build", "--no-such-option"])
    assert result.exit_code == 2


def test_info_without_a_store_is_a_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["info", "--data-dir", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and "run 'dakg build' first" in result.output
    assert result.output.count("\n") == 1


def test_bad_file_stops_the_build_with_one_line(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("A sentence that is long enough to be kept as prose here.\n")
    (corpus / "bad.txt").write_bytes(b"\x00\x01binary")
    result = CliRunner().invoke(
        cli, ["build", "--corpus", str(corpus), "--data-dir", str(tmp_path / "data")]
    )
    assert result.exit_code == 1
    assert (
        result.output
        == f"Error: {corpus / 'bad.txt'}: binary file (contains NUL bytes), not a text document\n"
    )
    assert not (tmp_path / "data" / "current").exists()


def test_skip_bad_reports_and_skips(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(
        "Mr. Arar was rendered to Syria in secret and tortured there for a year.\n"
    )
    (corpus / "empty.txt").write_bytes(b"")
    result = CliRunner().invoke(
        cli,
        ["build", "--corpus", str(corpus), "--data-dir", str(tmp_path / "data"), "--skip-bad"],
    )
    assert result.exit_code == 0, result.output
    assert f"skipped: {corpus / 'empty.txt'}: empty file" in result.output
    assert "Built 1 document(s)" in result.output


def test_info_json_lists_the_documents(built: Path) -> None:
    result = CliRunner().invoke(cli, ["info", "--json", "--data-dir", str(built)])
    assert result.exit_code == 0
    summary = json.loads(result.output)
    titles = {d["title"] for d in summary["documents"]}
    assert "US Sent Guantanamo Detainees Home to Torture in Russia" in titles
    assert len(summary["documents"]) == 5


def test_info_tables(built: Path) -> None:
    result = CliRunner().invoke(cli, ["info", "--data-dir", str(built)], terminal_width=200)
    assert result.exit_code == 0
    assert "Triples per named graph" in result.output
    assert "graph:ontology" in result.output and "dakg:Sentence" in result.output
    assert "Sentence" in result.output


def test_data_dir_from_the_environment(built: Path) -> None:
    result = CliRunner().invoke(cli, ["info", "--json"], env={"DAKG_DATA_DIR": str(built)})
    assert result.exit_code == 0 and len(json.loads(result.output)["documents"]) == 5


def test_extract_json_for_review(corpus: Path) -> None:
    result = CliRunner().invoke(
        cli, ["extract", "--json", str(corpus / "ccr-2015-03-27-assurances-not-enough.txt")]
    )
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)["documents"]["ccr-2015-03-27-assurances-not-enough.txt"]
    for key in (
        "persons",
        "states",
        "instruments",
        "bodies",
        "articles",
        "transfers",
        "assurances",
        "outcomes",
        "decisions",
        "proposed_transfers",
    ):
        assert key in found
    [transfer] = found["transfers"]
    assert transfer["key"].startswith("transfer-") and transfer["evidence"][0]["quote"]


def test_extract_report_is_readable(corpus: Path) -> None:
    result = CliRunner().invoke(
        cli,
        ["extract", str(corpus / "ccr-2015-03-27-assurances-not-enough.txt")],
        terminal_width=200,
    )
    assert result.exit_code == 0
    assert "transfer: person Maher Arar; from United States; to Syria" in result.output


def test_extract_refuses_a_bad_file_in_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00binary")
    result = CliRunner().invoke(cli, ["extract", str(bad)])
    assert result.exit_code == 1 and result.output.count("\n") == 1


def test_obligations_command_names_provisions_and_the_us_understanding(built: Path) -> None:
    result = CliRunner().invoke(
        cli, ["obligations", "--data-dir", str(built)], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0, result.output
    arar = result.output.split("Maher Arar: United States -> Syria, 2002-10-08")[1]
    arar = arar.split("seven Russians")[0]
    assert "bound (since 1994-11-20)" in arar and "through art. 3" in arar
    assert "through art. 7" in arar  # ICCPR, both states
    assert "more likely than not" in arar


def test_assess_command_lists_factor_findings_with_standards(built: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        cli, ["assess", "yusupov", "--data-dir", str(built)], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0, result.output
    assert "red flag: no effective system of protection against torture" in result.output
    assert "occurred with impunity" in result.output
    assert "standard: ecthr-factors-for-assurances" in result.output
    assert "not found in the documents" not in result.output
    full = runner.invoke(cli, ["assess", "yusupov", "--all-factors", "--data-dir", str(built)])
    assert "not found in the documents: general and vague assurances" in full.output
    data = json.loads(
        runner.invoke(cli, ["assess", "arar", "--json", "--data-dir", str(built)]).output
    )
    [syria] = data
    found = {f["factor"]: f["findings"] for f in syria["factors"]}
    assert "rendered to Syria in secret" in found["NoDomesticReview"][0]["quote"]


def test_assess_an_unknown_case_is_a_one_line_error(built: Path) -> None:
    result = CliRunner().invoke(cli, ["assess", "no-such-case", "--data-dir", str(built)])
    assert result.exit_code == 1
    assert "no case named 'no-such-case' in the graph" in result.output
    assert "Traceback" not in result.output
