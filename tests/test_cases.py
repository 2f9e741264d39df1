"""Analyst case files: reviews and added facts in the store, bad forms refused (issue 5)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from dakg.graph.build import build
from dakg.graph.obligations import transfer_obligations
from dakg.graph.store import current_path, open_read_only
from dakg.loaders.cases import CaseFileError, read_case

PREFIXES = """
PREFIX dakg: <https://w3id.org/dakg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
"""


def select(root: Path, query: str) -> list[tuple[str, ...]]:
    rows = open_read_only(root).query(PREFIXES + query, use_default_graph_as_union=True)
    return [tuple(t.value if t is not None else "" for t in row) for row in rows]  # type: ignore[union-attr]


def status_of(root: Path, key: str) -> list[str]:
    rows = select(
        root, f'SELECT ?s WHERE {{ ?f dcterms:identifier "{key}" ; dakg:reviewStatus ?s }}'
    )
    return [s.rsplit("#", 1)[-1] for (s,) in rows]


def test_the_shipped_case_files_are_well_formed(corpus: Path) -> None:
    slugs = {read_case(p).slug for p in sorted((corpus / "cases").glob("*.yaml"))}
    assert slugs == {"arar", "yusupov", "russian-guantanamo-detainees", "fakhruddinov"}


def test_reviews_give_one_effective_status_per_fact(built: Path) -> None:
    assert status_of(built, "transfer-838964ec9714") == ["Confirmed"]
    assert status_of(built, "decision-b3d585fb473b") == ["Unsure"]
    assert status_of(built, "outcome-239189e4d88e") == ["Rejected"]
    multiple = select(
        built,
        "SELECT ?f WHERE { ?f dakg:reviewStatus ?a , ?b . ?f dcterms:identifier ?k ."
        " FILTER(?a != ?b) }",
    )
    assert multiple == []


def test_a_rejected_fact_stays_in_its_provenance_graph(built: Path) -> None:
    rows = select(
        built,
        'SELECT ?g WHERE { GRAPH ?g { ?f dcterms:identifier "outcome-239189e4d88e" ;'
        " prov:wasDerivedFrom ?e } }",
    )
    assert rows and rows[0][0].endswith("/graph/document/hrw-2007-03-28-russia-guantanamo")


def test_an_added_fact_with_a_citation_dates_arars_rendition(built: Path) -> None:
    rows = select(
        built,
        """SELECT ?start ?title ?status WHERE {
          ?t a dakg:Transfer ; dakg:transferee <https://w3id.org/dakg/id/person/maher-arar> ;
             dakg:dateStart ?start ; dakg:reviewStatus ?status ; prov:wasDerivedFrom ?c ;
             dakg:partOfCase <https://w3id.org/dakg/id/case/arar> .
          ?c a dakg:Citation ; dcterms:title ?title }""",
    )
    [(start, title, status)] = rows
    assert start == "2002-10-08" and title.startswith("Report of the Events Relating to Maher Arar")
    assert status.endswith("#Confirmed")


def test_an_added_fact_with_a_quote_has_verbatim_evidence(built: Path) -> None:
    rows = select(
        built,
        """SELECT ?exact ?start ?end ?clean WHERE {
          ?d a dakg:Decision ; prov:wasDerivedFrom ?e ;
             dakg:partOfCase <https://w3id.org/dakg/id/case/russian-guantanamo-detainees> .
          ?e oa:hasSource ?doc ; oa:hasSelector [ oa:exact ?exact ] ,
             [ oa:start ?start ; oa:end ?end ] .
          ?doc dakg:cleanText ?clean }""",
    )
    [(exact, start, end, clean)] = rows
    assert exact.startswith("However, local prosecutors got the verdict")
    assert clean[int(start) : int(end)] == exact


def test_syria_was_not_bound_by_cat_when_arar_was_sent_there(built: Path) -> None:
    [row] = [
        r
        for r in transfer_obligations(built)
        if r.person == "Maher Arar" and r.date == "2002-10-08"
    ]
    sending = {b.instrument: b for b in row.sending_bound}
    receiving = {b.instrument: b for b in row.receiving_bound}
    assert sending["Convention against Torture"].status == "bound"
    assert receiving["Convention against Torture"].status == "not a party"
    assert date.fromisoformat(receiving["Convention against Torture"].since or "") > date(
        2002, 10, 8
    )


def test_rejected_transfers_are_left_out_unless_asked(tmp_path: Path, corpus: Path) -> None:
    copy = corpus_copy(
        corpus,
        tmp_path,
        {
            "reject": (
                "case: reject-arar\ntitle: t\nreviewer: r\ndate: 2026-11-25\n"
                "reviews:\n  - fact: transfer-838964ec9714\n    status: rejected\n"
            )
        },
    )
    root = tmp_path / "data"
    build(copy, root)
    people = [r.person for r in transfer_obligations(root) if r.date is None]
    assert "Maher Arar" not in people
    everyone = [r.person for r in transfer_obligations(root, include_rejected=True)]
    assert everyone.count("Maher Arar") == 2


def test_a_correction_replaces_the_extracted_value(tmp_path: Path, corpus: Path) -> None:
    copy = corpus_copy(
        corpus,
        tmp_path,
        {
            "correct": (
                "case: correct-fakhruddinov\ntitle: t\nreviewer: r\ndate: 2026-11-30\n"
                "reviews:\n  - fact: transfer-958b41eecf23\n    status: corrected\n"
                "    set: {date: 2005-11-15}\n"
            )
        },
    )
    root = tmp_path / "data"
    build(copy, root)
    rows = select(
        root,
        'SELECT ?start ?s WHERE { ?t dcterms:identifier "transfer-958b41eecf23" ;'
        " dakg:dateStart ?start ; dakg:reviewStatus ?s }",
    )
    assert rows == [("2005-11-15", "https://w3id.org/dakg/ontology#Corrected")]


def corpus_copy(corpus: Path, tmp_path: Path, cases: dict[str, str] | None = None) -> Path:
    """A copy of ``corpus`` to change, with the case files ``cases`` (name -> YAML) added."""
    copy = tmp_path / "corpus"
    shutil.copytree(corpus, copy, ignore=shutil.ignore_patterns("__*"))
    for name, text in (cases or {}).items():
        (copy / "cases" / f"{name}.yaml").write_text(text, encoding="utf-8")
    return copy


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("case: x\ntitle: [unclosed\n", "x.yaml:2: not valid YAML"),
        (
            "case: x\ntitle: t\nreviewer: r\ndate: 2026-11-25\nreviews:\n"
            "  - fact: transfer-838964ec9714\n"
            "    status: approved\n",
            "x.yaml:7: reviews/0/status: 'approved' is not one of",
        ),
        ("case: Bad Slug\ntitle: t\nreviewer: r\ndate: 2026-11-25\n", "x.yaml:1: case:"),
        (
            "case: x\ntitle: t\nreviewer: r\ndate: 2026-11-25\nfacts:\n  - kind: outcome\n"
            "    person: Maher Arar\n    what: torture\n    quote:\n"
            "      document: ccr-2015-03-27-assurances-not-enough\n"
            "      text: tortured in Jordan\n",
            "x.yaml:6: the quote is not verbatim",
        ),
        (
            "case: x\ntitle: t\nreviewer: r\ndate: 2026-11-25\nreviews:\n"
            "  - fact: transfer-000000000000\n"
            "    status: confirmed\n",
            "x.yaml:6: review of transfer-000000000000",
        ),
        (
            "case: x\ntitle: t\nreviewer: r\ndate: 2026-11-25\nconfidential: secret\n",
            "x.yaml:5: confidential: 'secret' is not of type 'boolean'",
        ),
    ],
    ids=["yaml", "schema", "slug", "quote", "stale-strict", "confidential"],
)
def test_a_bad_case_file_stops_the_build_and_keeps_the_store(
    tmp_path: Path, corpus: Path, text: str, problem: str
) -> None:
    copy = corpus_copy(corpus, tmp_path)
    root = tmp_path / "data"
    build(copy, root)
    before = current_path(root)
    (copy / "cases" / "x.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(CaseFileError) as err:
        build(copy, root, strict=True)
    assert problem in str(err.value)
    assert "\n" not in str(err.value)
    assert current_path(root) == before


def test_a_stale_review_is_reported_and_the_build_goes_on(tmp_path: Path, corpus: Path) -> None:
    copy = corpus_copy(
        corpus,
        tmp_path,
        {
            "stale": (
                "case: stale\ntitle: t\nreviewer: r\ndate: 2026-11-25\n"
                "reviews:\n  - fact: outcome-000000000000\n    status: confirmed\n"
            )
        },
    )
    report = build(copy, tmp_path / "data")
    assert any("stale.yaml:6: review of outcome-000000000000" in w for w in report.warnings)


def test_assess_flags_systematic_torture_in_uzbekistan_with_its_evidence(built: Path) -> None:
    from dakg.graph.assessment import assess_assurances

    [yusupov] = [a for a in assess_assurances(built, "yusupov") if a.given_by == "Uzbekistan"]
    assert yusupov.about == "Bekhzod Yusupov" and yusupov.sought_by == "United States"
    systematic = [f.quote for f in yusupov.flags if f.factor == "SystematicTorture"]
    assert any("torture and similar ill-treatment is systematic" in q for q in systematic)
    assert any(
        f.factor == "PersonalRisk" and "more likely than not" in f.quote for f in yusupov.flags
    )
    assert yusupov.harm == []


def test_assess_shows_harm_after_the_russian_assurance_without_rejected_facts(built: Path) -> None:
    from dakg.graph.assessment import assess_assurances

    found = assess_assurances(built, "russian-guantanamo-detainees")
    assert {a.given_by for a in found} == {"Russia"}  # the case's assurances, and only them
    [russia] = found  # one pledge, reported twice in the release (one happening)
    kinds = {h.factor for h in russia.harm}
    assert {"torture", "ill-treatment", "conviction"} <= kinds
    assert not any("Guantanamo." in h.quote and h.factor == "detention" for h in russia.harm)


def test_merge_and_split_are_reversible(tmp_path: Path, corpus: Path) -> None:
    copy = corpus_copy(corpus, tmp_path)
    root = tmp_path / "data"
    victims = "SELECT DISTINCT ?v WHERE { ?h a dakg:Harm ; dakg:victim ?v }"
    gumarov = "https://w3id.org/dakg/id/person/ravil-gumarov"
    ishmuratov = "https://w3id.org/dakg/id/person/timur-ishmuratov"
    (copy / "cases" / "merge.yaml").write_text(
        "case: merge\ntitle: t\nreviewer: r\ndate: 2026-11-25\n"
        "merge:\n  - keep: person:ravil-gumarov\n    merge: person:timur-ishmuratov\n"
        "split:\n  - entity: person:carroll-bogert\n"
        "    documents: [hrw-2007-03-28-russia-guantanamo]\n"
        "    into: C. Bogert\n",
        encoding="utf-8",
    )
    build(copy, root)
    found = {v for (v,) in select(root, victims)}
    assert gumarov in found and ishmuratov not in found
    roles = select(root, "SELECT ?p WHERE { ?r a dakg:RoleFact ; dakg:roleHolder ?p }")
    assert ("https://w3id.org/dakg/id/person/c-bogert",) in roles
    (copy / "cases" / "merge.yaml").unlink()
    build(copy, root)
    assert {gumarov, ishmuratov} <= {v for (v,) in select(root, victims)}


def test_a_confidential_case_file_marks_its_case_in_its_own_graph(
    tmp_path: Path, corpus: Path
) -> None:
    from dakg.graph.reader import open_reader

    copy = corpus_copy(corpus, tmp_path)
    arar = copy / "cases" / "arar.yaml"
    arar.write_text(
        arar.read_text(encoding="utf-8").replace("concerns:", "confidential: true\nconcerns:", 1),
        encoding="utf-8",
    )
    assert read_case(arar).confidential is True
    root = tmp_path / "data"
    build(copy, root)
    rows = open_reader(root, None).select(
        "PREFIX dakg: <https://w3id.org/dakg/ontology#>\n"
        "SELECT ?g ?c ?v WHERE { GRAPH ?g { ?c dakg:confidential ?v } }"
    )
    assert [(r["g"].value, r["c"].value) for r in rows if r["g"] and r["c"]] == [
        ("https://w3id.org/dakg/graph/case/arar", "https://w3id.org/dakg/id/case/arar")
    ]
    [value] = [r["v"] for r in rows]
    assert value is not None
    assert (value.value, value.datatype) == ("true", "http://www.w3.org/2001/XMLSchema#boolean")


def test_a_case_file_is_not_confidential_unless_it_says_so(corpus: Path) -> None:
    assert not any(read_case(p).confidential for p in sorted((corpus / "cases").glob("*.yaml")))
