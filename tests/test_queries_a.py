"""Canned queries on the bundled corpus: the rows researchers rely on (Arar's rendition to Syria,
the Uzbek assurance sought for Bekhzod Yusupov, the seven Russians returned in March 2004), and
the parameters on the queries' own fixtures."""

from __future__ import annotations

from pathlib import Path

from dakg.graph.reader import StoreReader, Term, open_reader
from dakg.queries.library import load, run, short

FIXTURES = Path(__file__).parent / "queries"
SEVEN = "group:hrw-2007-03-28-russia-guantanamo-seven-russians"

Cells = dict[str, str | None]


def cell(term: Term | None) -> str | None:
    if term is None:
        return None
    return short(term.value) if term.is_iri else term.value


def rows(built: Path, name: str, include_rejected: bool = False, **params: str) -> list[Cells]:
    """The rows of a canned query on the built corpus, IRIs as ``kind:slug``."""
    result = run(open_reader(built), load(name), params, include_rejected=include_rejected)
    return [{k: cell(v) for k, v in row.items()} for row in result.rows]


def fixture_rows(name: str, **params: str) -> list[Cells]:
    """The rows of a canned query on its own fixture, ``tests/queries/NAME.trig``."""
    from pyoxigraph import RdfFormat, Store

    store = Store()
    store.load(path=str(FIXTURES / f"{name}.trig"), format=RdfFormat.TRIG)
    result = run(StoreReader(store, name), load(name), params)
    return [{k: cell(v) for k, v in row.items()} for row in result.rows]


# assurances-followed-by-harm


def test_assurances_followed_by_harm_show_arar_tortured_in_syria_despite_its_assurances(
    built: Path,
) -> None:
    found = rows(built, "assurances-followed-by-harm", person="person:maher-arar")
    [row] = [r for r in found if r["harmKind"] == "torture"]
    assert row["giver"] == "state:SYR" and row["victim"] == "person:maher-arar"
    assert "with assurances from Syria and brutally tortured as a result" in (row["quote"] or "")


def test_assurances_followed_by_harm_show_russias_pledge_to_the_seven_broken(built: Path) -> None:
    found = rows(built, "assurances-followed-by-harm", giver="RUS")
    assert {r["giver"] for r in found} == {"state:RUS"}
    assert all(r["about"] == SEVEN for r in found)
    torture = [r for r in found if r["harmKind"] == "torture"]
    assert torture and all(r["victim"] == SEVEN for r in torture)
    assert "experienced torture and other abuse despite Moscow" in (torture[0]["quote"] or "")
    gumarov = {r["harmKind"] for r in found if r["victim"] == "person:ravil-gumarov"}
    assert {"ill-treatment", "conviction"} <= gumarov
    [conviction] = {r["date"] for r in found if r["harmKind"] == "conviction"}
    assert conviction == "May 2006"


def test_assurances_followed_by_harm_leave_out_harm_an_analyst_rejected(built: Path) -> None:
    # The case file rejects the detention of the seven at Guantanamo (before the return, by
    # the United States): it is shown only when rejected facts are asked for.
    harms = {r["harm"] for r in rows(built, "assurances-followed-by-harm", giver="RUS")}
    assert "outcome:outcome-42b971fadab7" not in harms
    everything = rows(built, "assurances-followed-by-harm", include_rejected=True, giver="RUS")
    assert "outcome:outcome-42b971fadab7" in {r["harm"] for r in everything}


def test_assurances_followed_by_harm_match_a_person_through_the_group_assured() -> None:
    # On the fixture: BBB's assurance concerns group g; ann is a member.
    assert [
        r["harm"] for r in fixture_rows("assurances-followed-by-harm", person="person:ann")
    ] == [
        "harm:h1",
        "harm:h2",
    ]
    assert [r["harm"] for r in fixture_rows("assurances-followed-by-harm", person="group:g")] == [
        "harm:h1",
        "harm:h2",
    ]
    assert [r["harm"] for r in fixture_rows("assurances-followed-by-harm", giver="DDD")] == [
        "harm:h7"
    ]


# person-timeline


def test_person_timeline_of_yusupov_runs_from_the_bia_ruling_to_the_proposed_removal(
    built: Path,
) -> None:
    found = rows(built, "person-timeline", person="person:bekhzod-yusupov")
    first, last = found[0], found[-1]
    assert (first["type"], first["date"], first["by"]) == (
        "dakg:Decision",
        "August 2005",
        "body:us-bia",
    )
    assert (last["type"], last["status"], last["from"], last["to"], last["date"]) == (
        "dakg:Transfer",
        "proposed",
        "state:USA",
        "state:UZB",
        None,
    )
    [sought] = [r for r in found if r["type"] == "dakg:AssuranceEvent"]
    assert (sought["kind"], sought["date"], sought["by"]) == (
        "assurance sought",
        None,  # July 19, 2006 is the date of ICE's letter that reports it
        "state:UZB",
    )
    assert all(r["via"] is None for r in found)


def test_person_timeline_of_gumarov_shows_the_march_2004_return_through_his_group(
    built: Path,
) -> None:
    found = rows(built, "person-timeline", person="person:ravil-gumarov")
    [moved] = [r for r in found if r["type"] == "dakg:Transfer" and r["status"] == "happened"]
    assert (moved["from"], moved["to"], moved["date"], moved["via"]) == (
        "state:USA",
        "state:RUS",
        "March 2004",
        SEVEN,
    )
    assert "returned to Russia in March 2004" in (moved["quote"] or "")
    dated = [r["dateStart"] for r in found if r["dateStart"] is not None]
    assert dated == sorted(dated) and found[-1]["dateStart"] is None
    # His own harm is named directly; other members' harm is not his.
    beaten = [r for r in found if r["kind"] == "ill-treatment"]
    assert beaten and all(r["via"] is None for r in beaten)
    assert "Gumarov was deprived of sleep for approximately one week" in (beaten[0]["quote"] or "")


# state-profile


def test_state_profile_of_russia_shows_it_received_the_seven_and_gave_assurances(
    built: Path,
) -> None:
    found = {r["role"]: r for r in rows(built, "state-profile", state="RUS")}
    assert list(found) == ["receiver", "giver of assurances", "place of harm"]
    assert found["giver of assurances"]["people"] == "1"
    assert int(found["receiver"]["facts"] or 0) >= 1
    assert int(found["place of harm"]["people"] or 0) >= 4  # the group and three of its men


def test_state_profile_of_the_united_states_shows_it_sent_people_and_sought_assurances(
    built: Path,
) -> None:
    found = {r["role"]: r for r in rows(built, "state-profile", state="USA")}
    assert {"sender", "seeker of assurances"} <= set(found)
    assert "receiver" not in found and "giver of assurances" not in found
    # one Russian pledge (two reports of it, one event) and one Uzbek
    assert found["seeker of assurances"]["facts"] == "2"


# transfers-to-non-party


def test_transfers_to_non_party_list_arars_rendition_to_syria_before_it_joined_cat(
    built: Path,
) -> None:
    found = rows(built, "transfers-to-non-party", instrument="instrument:cat")
    [arar] = [r for r in found if r["person"] == "person:maher-arar"]
    assert (arar["to"], arar["date"], arar["dateBasis"]) == ("state:SYR", "2002-10-08", "transfer")
    assert (arar["standing"], arar["partyFrom"]) == ("not a party", "2004-09-18")


def test_transfers_to_non_party_leave_out_the_seven_returned_to_russia_a_cat_party(
    built: Path,
) -> None:
    found = rows(built, "transfers-to-non-party", instrument="instrument:cat")
    assert SEVEN not in {r["person"] for r in found}
    assert "state:RUS" not in {r["to"] for r in found}


def test_transfers_to_non_party_of_the_echr_weigh_yusupovs_removal_as_of_the_letter(
    built: Path,
) -> None:
    found = rows(built, "transfers-to-non-party", instrument="instrument:echr")
    [yusupov] = [r for r in found if r["person"] == "person:bekhzod-yusupov"]
    assert (yusupov["to"], yusupov["status"], yusupov["dateBasis"]) == (
        "state:UZB",
        "proposed",
        "document",
    )
    assert yusupov["date"] == "as of 2006-09-06 (the document's date)"
    assert yusupov["standing"] == "not a party"  # Uzbekistan: no Council of Europe member


def test_transfers_to_non_party_give_nothing_for_an_instrument_no_norm_reads_as_a_ban() -> None:
    # On the fixture no norm reads the ICCPR as prohibiting torture, so nothing can be said.
    assert fixture_rows("transfers-to-non-party", instrument="instrument:iccpr") == []


# transfer-obligations


def test_transfer_obligations_bind_the_us_by_cat_article_3_with_its_understanding(
    built: Path,
) -> None:
    found = rows(built, "transfer-obligations", person="person:maher-arar", state="USA")
    [cat] = [r for r in found if r["instrument"] == "instrument:cat"]
    assert (cat["role"], cat["duty"], cat["bindingStatus"]) == (
        "sending",
        "dakg:NonRefoulementObligation",
        "dakg:Bound",
    )
    assert cat["date"] == "2002-10-08" and cat["partySince"] == "1994-11-20"
    assert cat["provisions"] == "https://w3id.org/dakg/id/instrument/cat/article/3"
    assert "treaty-statement/USA-cat-understanding-art-3" in (cat["qualifiedBy"] or "")
    assert "if it is more likely than not that he would be tortured" in (
        cat["qualifications"] or ""
    )


def test_transfer_obligations_hold_no_cat_obligation_for_syria_in_2002(built: Path) -> None:
    found = rows(built, "transfer-obligations", person="person:maher-arar", state="SYR")
    assert {r["instrument"] for r in found} == {"instrument:iccpr"}
    [iccpr] = found
    assert (iccpr["role"], iccpr["partySince"]) == ("receiving", "1976-03-23")


def test_transfer_obligations_find_the_groups_transfer_for_a_member(built: Path) -> None:
    found = rows(built, "transfer-obligations", person="person:ravil-gumarov", state="RUS")
    assert {r["transferee"] for r in found} == {SEVEN}
    assert {r["instrument"] for r in found} >= {"instrument:cat", "instrument:echr"}
    assert {r["date"] for r in found} == {"March 2004"}


# non-refoulement-sources


def test_non_refoulement_sources_read_cat_article_3_as_explicit_and_the_iccpr_as_derived(
    built: Path,
) -> None:
    found = rows(built, "non-refoulement-sources")
    kinds = {(r["provision"], r["kind"]) for r in found}
    assert ("instrument:cat/article/3", "dakg:ExplicitNonRefoulement") in kinds
    assert ("instrument:iccpr", "dakg:DerivedNonRefoulement") in kinds
    assert ("instrument:refugee-protocol/article/1-1", "dakg:IncorporatedNonRefoulement") in kinds
    [cat] = [r for r in found if r["provision"] == "instrument:cat/article/3"]
    assert cat["documentTitle"] == "IML Information Note on the Principle of Non-Refoulement"
    assert "Non-refoulement is included explicitly in Article 3" in (cat["quote"] or "")


def test_non_refoulement_sources_for_the_iccpr_keep_only_its_rows(built: Path) -> None:
    found = rows(built, "non-refoulement-sources", instrument="instrument:iccpr")
    assert [(r["provision"], r["kind"]) for r in found] == [
        ("instrument:iccpr", "dakg:DerivedNonRefoulement")
    ]


# absolute-bans-and-exceptions


def test_absolute_bans_and_exceptions_set_cat_article_3_against_refugee_article_33_2(
    built: Path,
) -> None:
    found = rows(built, "absolute-bans-and-exceptions")
    kinds = {(r["provision"], r["kind"]) for r in found}
    assert ("instrument:cat/article/3", "dakg:AbsoluteBan") in kinds
    assert ("instrument:refugee-convention/article/33-2", "dakg:PermittedException") in kinds
    [exception] = [r for r in found if r["kind"] == "dakg:PermittedException"]
    assert "Article 33 (2) of the 1951 Refugee Convention allows" in (exception["quote"] or "")
    absolute = [r["quote"] or "" for r in found if r["provision"] == "instrument:echr/article/3"]
    assert any("Article 3 “apply irrespective of the" in q for q in absolute)


# assurance-red-flags


def test_assurance_red_flags_show_the_systematic_torture_finding_for_uzbekistan(
    built: Path,
) -> None:
    found = rows(built, "assurance-red-flags", giver="UZB")
    assert {r["about"] for r in found} == {"person:bekhzod-yusupov"}
    systematic = [r for r in found if r["factor"] == "dakg:SystematicTorture"]
    assert {r["scheme"] for r in systematic} == {"dakg:RiskFactorScheme"}
    assert {r["factorLabel"] for r in systematic} == {"systematic torture"}
    quotes = [r["quote"] or "" for r in systematic]
    assert any(
        "the then-U.N. Special Rapporteur on Torture concluded that" in q and "is systematic" in q
        for q in quotes
    )


def test_assurance_red_flags_for_a_member_of_the_seven_are_russias(built: Path) -> None:
    found = rows(built, "assurance-red-flags", person="person:ravil-gumarov")
    assert found and {r["giver"] for r in found} == {"state:RUS"}
    assert "dakg:PoorComplianceRecord" in {r["factor"] for r in found}


# refoulement-chains


def test_refoulement_chains_find_no_chain_in_the_bundled_corpus(built: Path) -> None:
    # Arar was moved once (to Syria); no one in the corpus is sent on from where they went.
    assert rows(built, "refoulement-chains") == []
    assert load("refoulement-chains").needs


def test_refoulement_chains_person_parameter_keeps_that_persons_chains() -> None:
    found = fixture_rows("refoulement-chains", person="person:ann")
    assert [(r["origin"], r["via"], r["destination"]) for r in found] == [
        ("state:AAA", "state:BBB", "state:CCC"),
        ("state:AAA", "state:BBB", "state:DDD"),
    ]
    assert fixture_rows("refoulement-chains", person="person:bob") == []


# treaty-reservations


def test_treaty_reservations_give_the_us_understanding_of_cat_article_3(built: Path) -> None:
    found = rows(built, "treaty-reservations", state="USA", instrument="instrument:cat")
    [article3] = [r for r in found if r["provision"] == "instrument:cat/article/3"]
    assert article3["type"] == "dakg:Declaration"
    assert article3["date"] == "1994-10-21" and article3["verified"] == "true"
    assert "'if it is more likely than not that he would be tortured.'" in (article3["text"] or "")
    assert {r["state"] for r in found} == {"state:USA"}
    assert {r["instrument"] for r in found} == {"instrument:cat"}


def test_treaty_reservations_show_syrias_reservation_to_article_20(built: Path) -> None:
    found = rows(built, "treaty-reservations", state="SYR")
    [reservation] = found
    assert (reservation["type"], reservation["provision"]) == (
        "dakg:Reservation",
        "instrument:cat/article/20-under-28-1",
    )
    assert "does not recognize the competence of the Committee against Torture" in (
        reservation["text"] or ""
    )
