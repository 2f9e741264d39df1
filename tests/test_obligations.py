"""Treaty reference data and what bound each state on the day of a transfer (issue 5)."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from dakg.graph.obligations import Binding, party_on, transfer_obligations
from dakg.graph.reference import DATA

ARAR_2002 = (date(2002, 1, 1), date(2002, 12, 31))


def test_syria_was_not_party_to_cat_in_2002_but_the_united_states_was(built: Path) -> None:
    syria = party_on(built, "SYR", "cat", *ARAR_2002)
    assert (syria.status, syria.since) == ("not a party", "2004-09-18")
    usa = party_on(built, "USA", "cat", *ARAR_2002)
    assert (usa.status, usa.since, usa.verified) == ("bound", "1994-11-20", True)
    assert any("treaties.un.org" in source for source in usa.sources)


def test_a_year_spanning_the_accession_is_uncertain(built: Path) -> None:
    year_2004 = party_on(built, "SYR", "cat", date(2004, 1, 1), date(2004, 12, 31))
    assert year_2004.status == "uncertain"


def test_russia_ceased_to_be_party_to_the_echr(built: Path) -> None:
    assert party_on(built, "RUS", "echr", date(2004, 3, 1), date(2004, 3, 31)).status == "bound"
    later = party_on(built, "RUS", "echr", date(2022, 9, 16), date(2022, 9, 16))
    assert (later.status, later.until) == ("not a party", "2022-09-16")


def test_the_seven_russians_were_sent_to_a_party_to_cat_iccpr_and_echr(built: Path) -> None:
    [row] = [
        r
        for r in transfer_obligations(built)
        if r.person == "seven Russians" and r.status == "Happened"
    ]
    receiving = {b.instrument: b.status for b in row.receiving_bound}
    assert receiving["Convention against Torture"] == "bound"
    assert receiving["International Covenant on Civil and Political Rights"] == "bound"
    assert receiving["European Convention on Human Rights"] == "bound"
    sending = {b.instrument: b.status for b in row.sending_bound}
    assert sending["Convention against Torture"] == "bound"


def test_an_undated_transfer_never_guesses(built: Path) -> None:
    # The threat to send the seven Russians (no date, and not a plan weighed as of a report)
    [row] = [r for r in transfer_obligations(built) if r.status == "Threatened" and not r.date]
    assert {b.status for b in row.sending_bound} == {"date unknown"}


@pytest.mark.parametrize("name", ["treaty_actions.csv", "treaty_statements.csv"])
def test_every_reference_row_cites_a_source_and_says_if_it_is_verified(name: str) -> None:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows
    for row in rows:
        assert row["source_url"].startswith("http") and row["source_title"]
        assert row["verified"] in {"yes", "no"}


def test_a_state_no_table_covers_and_with_no_act_is_no_data() -> None:
    from dakg.graph.obligations import bound_on

    assert bound_on([], date(2000, 1, 1), date(2000, 1, 1), "x") == Binding("x", "no data")


OBLIGATIONS = """
PREFIX dakg: <https://w3id.org/dakg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?state ?kind ?status ?provision ?since ?qualified WHERE {
  ?transfer a dakg:Transfer ; dakg:transferee/rdfs:label ?who ; dakg:dateText ?date .
  ?o a dakg:Obligation ; dakg:regardsTransfer ?transfer ; dakg:obligedState ?s ;
     dakg:obligationKind ?kind ; dakg:bindingStatus ?status ; dakg:arisesFrom ?provision ;
     dakg:partySince ?since .
  ?s dakg:iso3166Alpha3 ?state .
  OPTIONAL { ?o dakg:qualifiedBy/dakg:statementText ?qualified }
  #VALUES
}
"""


def _obligations(built: Path, who: str, when: str) -> dict[tuple[str, str], set[str]]:
    """(state, provision IRI tail) -> statuses, kinds, since and qualifications, as stored."""
    from dakg.graph.store import open_read_only

    out: dict[tuple[str, str], set[str]] = {}
    from pyoxigraph import Literal

    values = f"VALUES (?who ?date) {{ ({Literal(who)} {Literal(when)}) }}"  # terms, not text
    query = OBLIGATIONS.replace("#VALUES", values)
    rows = open_read_only(built).query(query, use_default_graph_as_union=True)
    for row in rows:  # type: ignore[union-attr]
        state, kind, status, provision, since, qualified = (
            term.value if term is not None else None for term in row
        )
        tail = provision.split("/id/instrument/", 1)[1]
        values = out.setdefault((state, tail), set())
        values |= {kind.rsplit("#", 1)[1], status.rsplit("#", 1)[1], since}
        if qualified:
            values.add(qualified)
    return out


def test_arar_obligations_in_the_graph_go_through_provisions(built: Path) -> None:
    found = _obligations(built, "Maher Arar", "2002-10-08")
    # The United States owed non-refoulement through CAT art. 3, with its understanding.
    cat3 = found[("USA", "cat/article/3")]
    assert {"NonRefoulementObligation", "Bound", "1994-11-20"} <= cat3
    assert any("more likely than not" in value for value in cat3)
    # Syria was bound by the ICCPR's art. 7 but not yet by the CAT (it acceded in 2004).
    assert {"TortureProhibitionObligation", "Bound", "1976-03-23"} <= found[
        ("SYR", "iccpr/article/7")
    ]
    assert not [key for key in found if key[0] == "SYR" and key[1].startswith("cat")]


def test_the_seven_russians_receiving_state_obligations(built: Path) -> None:
    found = _obligations(built, "seven Russians", "March 2004")
    for provision in ["cat/article/2", "iccpr/article/7", "echr/article/3"]:
        assert {"TortureProhibitionObligation", "Bound"} <= found[("RUS", provision)]
    assert "1998-05-05" in found[("RUS", "echr/article/3")]
    assert {"NonRefoulementObligation", "Bound"} <= found[("USA", "cat/article/3")]


def test_an_obligation_names_the_treaty_action_and_the_norms_it_rests_on(built: Path) -> None:
    from tests.test_build import select

    rows = select(
        built,
        """PREFIX dakg: <https://w3id.org/dakg/ontology#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?source ?class WHERE {
          ?o a dakg:Obligation ; dakg:obligedState ?s ; dakg:arisesFrom ?p ;
             prov:wasDerivedFrom ?source . ?source a ?class .
          ?s dakg:iso3166Alpha3 "USA" .
          FILTER(STRENDS(STR(?p), "/instrument/cat/article/3"))
        }""",
    )
    classes = {c.rsplit("#", 1)[1] for _, c in rows}
    assert {"Ratification", "NormStatement"} <= classes
    sources = {s.rsplit("/", 1)[1] for s, _ in rows}
    assert "norm-explicit-non-refoulement" in sources
    assert "norm-call-iccpr-7-enshrines-the-ban" in sources  # both readings stay


def test_a_transfer_dated_to_the_year_of_an_accession_gives_an_uncertain_obligation() -> None:
    from rdflib import RDF, RDFS, Dataset, Literal, URIRef
    from rdflib.namespace import XSD

    from dakg.graph import iris
    from dakg.graph.norms import add_norms
    from dakg.graph.obligations import add_obligations
    from dakg.graph.reference import REFERENCE_GRAPH, add_reference
    from dakg.ontology.namespace import DAKG

    dataset = Dataset()
    add_reference(dataset.graph(REFERENCE_GRAPH))
    add_norms(dataset.graph(REFERENCE_GRAPH), {})  # the cited treaty texts only
    graph = dataset.graph(URIRef(iris.GRAPH + "document/test"))
    transfer, person = iris.instance("transfer", "t1"), iris.instance("person", "x")
    graph.add((transfer, RDF.type, DAKG.Transfer))
    graph.add((transfer, DAKG.transferee, person))
    graph.add((person, RDFS.label, Literal("X")))
    graph.add((transfer, DAKG.transferStatus, DAKG.Happened))
    graph.add((transfer, DAKG.toState, iris.instance("state", "SYR")))
    graph.add((transfer, DAKG.dateStart, Literal("2004-01-01", datatype=XSD.date)))
    graph.add((transfer, DAKG.dateEnd, Literal("2004-12-31", datatype=XSD.date)))
    graph.add((transfer, DAKG.dateText, Literal("2004")))
    assert add_obligations(dataset) == 1
    obligations = dataset.graph(URIRef(iris.GRAPH + "obligations"))
    [node] = obligations.subjects(RDF.type, DAKG.Obligation)
    assert obligations.value(node, DAKG.bindingStatus) == DAKG.BindingUncertain
    assert str(obligations.value(node, DAKG.arisesFrom)).endswith("/instrument/cat/article/2")


def test_a_proposed_transfer_is_weighed_as_of_the_document_that_reports_it(built: Path) -> None:
    [row] = [r for r in transfer_obligations(built) if r.person == "Bekhzod Yusupov"]
    assert (row.status, row.date_basis) == ("Proposed", "document")
    assert row.date is not None and "2006-09-06" in row.date
    sending = {b.instrument: b for b in row.sending_bound}
    cat = sending["Convention against Torture"]
    assert (cat.status, cat.provisions) == ("bound", ["Convention against Torture art. 3"])
    assert any("more likely than not" in q for q in cat.qualified_by)
    receiving = {b.instrument: b for b in row.receiving_bound}
    assert receiving["Convention against Torture"].since == "1995-10-28"
    # A threat has no such date: it may have been made long before the report.
    [threat] = [r for r in transfer_obligations(built) if r.status == "Threatened"]
    assert threat.date is None and threat.date_basis is None


def test_bulk_rows_cover_states_the_curated_table_did_not(built: Path) -> None:
    ukraine = party_on(built, "UKR", "cat", date(2021, 6, 17), date(2021, 6, 17))
    assert (ukraine.status, ukraine.since) == ("bound", "1987-06-26")


def test_before_a_succession_notification_the_answer_is_uncertain(built: Path) -> None:
    before = party_on(built, "SRB", "iccpr", date(1995, 1, 1), date(1995, 12, 31))
    assert (before.status, before.since) == ("uncertain", "2001-03-12")
    after = party_on(built, "SRB", "iccpr", date(2005, 1, 1), date(2005, 12, 31))
    assert after.status == "bound"
