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


DISAGREEING = (
    "case: test-disagree\ntitle: t\nreviewer: r\ndate: 2026-12-03\nfacts:\n"
    "  - kind: transfer\n    person: Maher Arar\n    from: United States\n    to: Syria\n"
    "    transfer_kind: rendition\n    date: 2002-10-10\n    citation:\n"
    "      title: A second account\n      publisher: A test publisher\n      date: 2007-01-01\n"
)


def test_sources_that_disagree_on_the_date_are_one_event_that_says_so(
    corpus: Path, tmp_path: Path
) -> None:
    build(corpus_copy(corpus, tmp_path, {"test-disagree": DISAGREEING}), tmp_path / "data")
    [rendition] = arar(transfer_obligations(tmp_path / "data"))
    # both dates, each with its source; the standing is asked over the span they cover
    assert rendition.date == "2002-10-08 or 2002-10-10 (the sources disagree)"
    assert rendition.disagreement is not None
    assert "2002-10-08 (case file arar" in rendition.disagreement
    assert "2002-10-10 (case file test-disagree" in rendition.disagreement
    syria = {b.instrument: b.status for b in rendition.receiving_bound}
    assert syria["Convention against Torture"] == "not a party"


def test_the_canned_query_cites_every_report_of_the_event(built: Path) -> None:
    from dakg.queries.library import load, run

    result = run(open_reader(built), load("transfers-despite-assurances"),
                 {"person": "person:maher-arar"})  # fmt: skip
    [row] = result.rows
    assert row["date"].value == "2002-10-08"  # type: ignore[union-attr]
    titles = row["documentTitle"].value  # type: ignore[union-attr]
    # the case file's citation and the document's passage, one row
    assert "Report of the Events Relating to Maher Arar" in titles
    assert "Diplomatic Assurances Against Torture Are Not Enough" in titles
    assert "rendered to Syria" in row["quote"].value  # type: ignore[union-attr]


def test_the_views_draw_one_node_per_event(built: Path) -> None:
    from viz.model import read_graph

    data = read_graph(open_reader(built))
    renditions = [
        f for f in data.facts.values()
        if f.cls == "Transfer" and ("transferee", "https://w3id.org/dakg/id/person/maher-arar")
        in f.roles
    ]  # fmt: skip
    [rendition] = renditions
    assert rendition.reports and len({s.source for s in rendition.sources}) >= 2


SOUGHT_THEN_GIVEN = (
    "case: test-given\ntitle: t\nreviewer: r\ndate: 2026-12-03\nfacts:\n"
    "  - kind: assurance\n    about: Bekhzod Yusupov\n    given_by: Uzbekistan\n"
    "    sought_by: United States\n    citation:\n      title: A later account\n"
    "      publisher: A test publisher\n      date: 2007-01-01\n"
)


def test_a_pledge_sought_then_given_is_both_with_both_passages(
    corpus: Path, tmp_path: Path
) -> None:
    build(corpus_copy(corpus, tmp_path, {"test-given": SOUGHT_THEN_GIVEN}), tmp_path / "data")
    [pledge] = [a for a in assess_assurances(tmp_path / "data") if a.about == "Bekhzod Yusupov"]
    assert pledge.stages == ["AssuranceSought", "AssuranceGiven"]
    sources = {r.factor: r for r in pledge.reports}
    assert "pursuing assurances" in sources["AssuranceSought"].quote
    assert "A later account" in sources["AssuranceGiven"].source


def test_a_sought_assurance_is_never_shown_as_given(built: Path) -> None:
    [pledge] = [a for a in assess_assurances(built) if a.about == "Bekhzod Yusupov"]
    assert pledge.stages == ["AssuranceSought"] and pledge.kind == "AssuranceSought"


def test_harm_and_decisions_resolve_like_transfers() -> None:
    from datetime import date

    from dakg.graph.events import Reported, resolve

    def harm(iri: str, place: str | None, day: date | None, graph: str) -> Reported:
        return Reported(iri, "Harm", "p", None, place, None, None, "Torture", day, day,
                        False, graph)  # fmt: skip

    day = date(2003, 1, 1)
    groups = resolve([
        harm("h/1", "SYR", None, "g1"), harm("h/2", None, day, "g2"),
        harm("h/3", "JOR", None, "g2"),
    ])  # fmt: skip
    assert sorted(len(g.facts) for g in groups) == [1, 2]  # Jordan is another place

    def decision(iri: str, body: str, day: date | None) -> Reported:
        return Reported(iri, "Decision", "p", body, None, None, None, None, day, day, False, "g")

    groups = resolve([decision("d/1", "cat", day), decision("d/2", "cat", None),
                      decision("d/3", "hrc", day)])  # fmt: skip
    assert sorted(len(g.facts) for g in groups) == [1, 2]


def test_a_destination_disagreement_is_kept_with_both() -> None:
    from datetime import date

    from dakg.graph.events import Reported, describe, resolve

    day = date(2002, 10, 8)

    def moved(iri: str, to: str, graph: str) -> Reported:
        return Reported(iri, "Transfer", "p", "USA", to, None, None, "Happened", day, day,
                        False, graph, "8 October 2002", f"doc {graph}")  # fmt: skip

    [one] = resolve([moved("t/1", "SYR", "g1"), moved("t/2", "JOR", "g2")])
    assert one.disagree == {"destination"}
    assert describe(one, "destination") == (
        "The sources disagree on the destination: SYR (doc g1, 1); JOR (doc g2, 2)"
    )
    # the same document naming two destinations reports two moves
    assert len(resolve([moved("t/1", "SYR", "g1"), moved("t/2", "JOR", "g1")])) == 2


def test_the_csv_tables_count_each_event_once(built: Path, tmp_path: Path) -> None:
    import csv

    from dakg.graph.export_csv import write_tables

    write_tables(open_reader(built), tmp_path)
    with (tmp_path / "transfers.csv").open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["transferee"] == "Maher Arar"]
    assert len(rows) == 2 and len({r["event_iri"] for r in rows}) == 1
    assert sorted(r["stands_for_event"] for r in rows) == ["false", "true"]
    assert "/id/happening/" in rows[0]["event_iri"]


def test_a_case_export_carries_the_happening_and_every_report(built: Path) -> None:
    from dakg.graph.export import Selection, export_bytes, subset_seeds

    reader = open_reader(built)
    seeds = subset_seeds(reader, "case", "https://w3id.org/dakg/id/case/arar")
    data, _ = export_bytes(reader, "ntriples", Selection(seeds=seeds))
    text = data.decode("utf-8")
    assert (
        "/id/happening/transfer-838964ec9714> <https://w3id.org/dakg/ontology#principalFact>"
        in text
    )
    assert "/transfer/transfer-838964ec9714> <http://www.w3.org/ns/prov#wasDerivedFrom>" in text
