"""CSV tables for partners without RDF tools (issue 11): row counts, roles, sources, the data
dictionary, formula cells, filters, pseudonyms and the same bytes every time."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from dakg.graph.export_csv import columns, dictionary, write_tables
from dakg.graph.prefixes import PREFIXES
from dakg.graph.reader import Reader, StoreReader, open_reader
from dakg.graph.redact import PERSON_BASE, Redactor

ID = "https://w3id.org/dakg/id/"
ARAR = PERSON_BASE + "maher-arar"
ARAR_RENDITION = ID + "transfer/transfer-838964ec9714"
FACT_TABLES = {
    "transfers": "Transfer",
    "assurances": "AssuranceEvent",
    "harm": "Harm",
    "decisions": "Decision",
}
# IRI columns of sources, and of the treaty actions, statements and norms obligations rest on
NOT_ENTITIES = {
    "source_iri", "document_iri", "qualified_by_iri", "treaty_actions_iri", "norm_statements_iri",
    "derived_from_iri", "event_iri",
}  # fmt: skip
HEAD = "".join(f"PREFIX {p}: <{n}>\n" for p, n in PREFIXES.items())


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def count(reader: Reader, query: str) -> int:
    [row] = reader.select(HEAD + query)
    term = row["n"]
    assert term is not None
    return int(term.value)


@pytest.fixture(scope="module")
def reader(built: Path) -> Reader:
    return open_reader(built)


@pytest.fixture(scope="module")
def tables(reader: Reader, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("csv") / "tables"
    write_tables(reader, folder)
    return folder


def test_writes_every_table_and_the_dictionary(reader: Reader, tmp_path: Path) -> None:
    paths = write_tables(reader, tmp_path / "new")
    assert [p.name for p in paths] == [
        "entities.csv",
        "transfers.csv",
        "assurances.csv",
        "harm.csv",
        "decisions.csv",
        "obligations.csv",
        "treaty_standings.csv",
        "dictionary.csv",
    ]
    assert all(p.parent == tmp_path / "new" for p in paths)


def test_treaty_standings_say_not_a_party_in_words(tables: Path) -> None:
    rows = {r["key"]: r for r in read(tables / "treaty_standings.csv")}
    syria = rows["SYR-cat-0"]
    assert (syria["standing"], syria["standing_code"]) == ("not a party", "NotParty")
    assert (syria["until"], syria["as_of"]) == ("2004-09-18", "2022-05-29")
    assert rows["SYR-cat-1"]["standing"] == "bound"
    assert rows["SYR-cat-1"]["derived_from_iri"].startswith(
        "https://w3id.org/dakg/id/treaty-action/SYR-cat-accession-2004-08-19"
    )


@pytest.mark.parametrize("table", sorted(FACT_TABLES))
def test_one_row_per_fact_not_rejected(tables: Path, reader: Reader, table: str) -> None:
    expected = count(
        reader,
        f"SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE {{ ?f a dakg:{FACT_TABLES[table]} "
        "FILTER NOT EXISTS { ?f dakg:reviewStatus dakg:Rejected } }",
    )
    rows = read(tables / f"{table}.csv")
    assert expected > 0
    assert len(rows) == expected
    assert len({r["iri"] for r in rows}) == expected


def test_one_row_per_obligation_of_a_transfer_not_rejected(tables: Path, reader: Reader) -> None:
    expected = count(
        reader,
        "SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?o a dakg:Obligation ; "
        "dakg:regardsTransfer ?t FILTER NOT EXISTS { ?t dakg:reviewStatus dakg:Rejected } }",
    )
    assert expected == 21
    assert len(read(tables / "obligations.csv")) == expected


def test_rejected_harm_is_left_out_unless_asked(
    reader: Reader, tables: Path, tmp_path: Path
) -> None:
    rejected = count(
        reader,
        "SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { ?f a dakg:Harm ; "
        "dakg:reviewStatus dakg:Rejected }",
    )
    assert rejected > 0
    write_tables(reader, tmp_path / "all", include_rejected=True)
    rows = read(tmp_path / "all" / "harm.csv")
    assert sum(r["review_status"] == "Rejected" for r in rows) == rejected
    assert not any(r["review_status"] == "Rejected" for r in read(tables / "harm.csv"))


def test_the_arar_rendition_names_its_roles_and_quote(tables: Path) -> None:
    [row] = [r for r in read(tables / "transfers.csv") if r["iri"] == ARAR_RENDITION]
    assert row["key"] == "transfer-838964ec9714"
    assert (row["transferee"], row["transferee_iri"]) == ("Maher Arar", ARAR)
    assert (row["from"], row["from_iri"]) == ("United States", ID + "state/USA")
    assert (row["to"], row["to_iri"]) == ("Syria", ID + "state/SYR")
    assert (row["kind"], row["status"], row["review_status"]) == (
        "Rendition",
        "Happened",
        "Confirmed",
    )
    assert "Maher Arar was rendered to Syria" in row["quote"]
    assert row["document_iri"] == ID + "document/ccr-2015-03-27-assurances-not-enough"
    assert row["document_title"] == "Diplomatic Assurances Against Torture Are Not Enough"
    assert (row["paragraph"], row["sentence"], row["source_count"]) == ("1", "4", "1")
    assert row["source_address"].startswith("https://ccrjustice.org/")
    assert row["case_iri"] == ID + "case/arar"
    assert row["quote_redacted"] == "false"


def test_a_fact_with_several_sources_lists_them_in_step(tables: Path) -> None:
    [row] = [r for r in read(tables / "transfers.csv") if r["key"] == "transfer-7e2a30804d21"]
    assert row["source_count"] == "3"
    for name in ("source_iri", "quote", "document_iri", "paragraph", "sentence"):
        assert len(row[name].split(" | ")) == 3, name
    assert row["date_start"] == "2004-03-01" and row["date_precision"] == "MonthPrecision"


def test_entities_are_those_the_facts_name(tables: Path) -> None:
    entities = {r["iri"]: r for r in read(tables / "entities.csv")}
    assert entities[ARAR]["kind"] == "Person" and entities[ARAR]["label"] == "Maher Arar"
    assert entities[ID + "state/SYR"]["iso3166_alpha3"] == "SYR"
    assert entities[ID + "body/ecthr"]["kind"] == "Court"  # not also Body
    assert entities[ID + "instrument/cat/article/3"]["instrument_iri"] == ID + "instrument/cat"
    named = set()
    for table in (*FACT_TABLES, "obligations", "treaty_standings"):
        for row in read(tables / f"{table}.csv"):
            for name, cell in row.items():
                if name.endswith("_iri") and name not in NOT_ENTITIES:
                    named |= {i for i in cell.split(" | ") if i}
    facts = {r["iri"] for t in FACT_TABLES for r in read(tables / f"{t}.csv")}
    assert named - facts - set(entities) == set()
    assert ID + "state/TWN" not in entities  # a state no fact or standing names


def test_every_column_is_described_and_every_description_is_a_column(tables: Path) -> None:
    described: dict[str, set[str]] = {}
    for table, column, meaning in dictionary():
        assert meaning.strip()
        if column:
            described.setdefault(table, set()).add(column)
    written = {}
    for path in sorted(tables.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            written[path.stem] = set(next(csv.reader(f)))
    assert written == described
    rows = read(tables / "dictionary.csv")
    assert [(r["table"], r["column"], r["meaning"]) for r in rows] == dictionary()
    assert any("apostrophe" in r["meaning"] for r in rows if r["table"] == "(all)")


def test_headers_come_first_and_lines_end_in_line_feeds(tables: Path) -> None:
    for path in tables.glob("*.csv"):
        data = path.read_bytes()
        assert b"\r\n" not in data and data.endswith(b"\n")
        first = data.decode("utf-8").split("\n", 1)[0]
        assert first == ",".join(columns(path.stem))


def test_statuses_keep_only_facts_an_analyst_gave_them(reader: Reader, tmp_path: Path) -> None:
    write_tables(reader, tmp_path / "confirmed", statuses={"Confirmed", "Corrected"})
    for table, cls in FACT_TABLES.items():
        rows = read(tmp_path / "confirmed" / f"{table}.csv")
        assert {r["review_status"] for r in rows} <= {"Confirmed", "Corrected"}
        expected = count(
            reader,
            f"SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE {{ ?f a dakg:{cls} ; "
            "dakg:reviewStatus ?s VALUES ?s { dakg:Confirmed dakg:Corrected } }",
        )
        assert len(rows) == expected, table
    assert len(read(tmp_path / "confirmed" / "decisions.csv")) == 3  # of 16: 12 extracted


def test_a_subset_holds_its_facts_and_what_they_name(reader: Reader, tmp_path: Path) -> None:
    # The analysts' dated rendition: the build weighs obligations on dated transfers only.
    dated = ID + "transfer/transfer-eaa015d2e51b"
    write_tables(reader, tmp_path / "arar", facts={dated})
    assert [r["iri"] for r in read(tmp_path / "arar" / "transfers.csv")] == [dated]
    assert read(tmp_path / "arar" / "harm.csv") == []
    obligations = read(tmp_path / "arar" / "obligations.csv")
    assert obligations and {r["transfer_iri"] for r in obligations} == {dated}
    entities = {r["iri"] for r in read(tmp_path / "arar" / "entities.csv")}
    assert {ARAR, ID + "state/USA", ID + "state/SYR", ID + "case/arar"} <= entities
    assert ID + "state/RUS" not in entities


def test_two_runs_write_the_same_bytes(reader: Reader, tmp_path: Path) -> None:
    first = write_tables(reader, tmp_path / "one")
    second = write_tables(reader, tmp_path / "two")
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_pseudonyms_replace_names_in_every_cell(reader: Reader, tmp_path: Path) -> None:
    pseudonym = "Person QX1Z"
    redactor = Redactor(
        names={"Maher Arar": pseudonym, "Arar": pseudonym},
        identifiers={ARAR: PERSON_BASE + "person-qx1z", "maher-arar": "person-qx1z"},
        pseudonyms={ARAR: pseudonym},
    )
    write_tables(reader, tmp_path / "out", redactor=redactor)
    for path in (tmp_path / "out").glob("*.csv"):
        if path.name != "dictionary.csv":
            text = path.read_text(encoding="utf-8")
            assert "Arar" not in text and "maher-arar" not in text, path.name
    transfers = read(tmp_path / "out" / "transfers.csv")
    [row] = [r for r in transfers if r["key"] == "transfer-838964ec9714"]
    assert row["transferee"] == pseudonym
    assert row["transferee_iri"] == PERSON_BASE + "person-qx1z"
    assert row["quote"].endswith("[redacted]") and row["quote_redacted"] == "true"
    assert any(r["quote_redacted"] == "false" for r in transfers)


FORMULAS = """
@prefix dakg: <https://w3id.org/dakg/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix id: <https://w3id.org/dakg/id/> .

<https://w3id.org/dakg/graph/ontology> {
  dakg:Transfer rdfs:subClassOf dakg:Event . dakg:Event rdfs:subClassOf dakg:Fact .
  dakg:Person rdfs:subClassOf dakg:Agent . dakg:State rdfs:subClassOf dakg:Agent .
}
<https://w3id.org/dakg/graph/document/d> {
  id:transfer\\/t1 a dakg:Transfer ; dcterms:identifier "t1" ;
    dakg:transferee id:person\\/x ; dakg:fromState id:state\\/AAA ;
    dakg:dateText "@SUM(A1)" ; dakg:reviewStatus dakg:Extracted ;
    prov:wasDerivedFrom id:evidence\\/t1-1 .
  id:person\\/x a dakg:Person ; rdfs:label "=HYPERLINK(\\"http://x\\")" .
  id:state\\/AAA a dakg:State ; rdfs:label "+Aland" .
  id:evidence\\/t1-1 a dakg:Evidence ; oa:hasSource id:document\\/d ;
    oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact "-2+3 were sent" ] .
  id:document\\/d a dakg:Document ; dcterms:title "\\tTab title" .
}
"""


def test_formula_cells_are_neutralised(tmp_path: Path) -> None:
    from pyoxigraph import RdfFormat, Store

    store = Store()
    store.load(FORMULAS.encode("utf-8"), format=RdfFormat.TRIG)
    write_tables(StoreReader(store), tmp_path / "t")
    [row] = read(tmp_path / "t" / "transfers.csv")
    assert row["transferee"] == '\'=HYPERLINK("http://x")'
    assert row["from"] == "'+Aland"
    assert row["date_text"] == "'@SUM(A1)"
    assert row["quote"] == "'-2+3 were sent"
    assert row["document_title"] == "'\tTab title"
    entities = {r["iri"]: r for r in read(tmp_path / "t" / "entities.csv")}
    assert entities[ID + "person/x"]["label"] == '\'=HYPERLINK("http://x")'
    assert entities[ID + "state/AAA"]["kind"] == "State"


def test_a_folder_that_cannot_be_written_is_named(reader: Reader, tmp_path: Path) -> None:
    from dakg.errors import DakgError

    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(DakgError, match="entities.csv: cannot write"):
        write_tables(reader, blocker / "tables")
