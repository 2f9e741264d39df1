"""Canned queries on the bundled corpus: the rows researchers rely on, with their sources.

Harm, convictions, advocacy, decisions, assurances, cases, documents, review and conflicts;
each fixture's edge cases are in ``tests/queries/NAME.trig``.
"""

from __future__ import annotations

from pathlib import Path

from dakg.graph.reader import StoreReader, open_reader
from dakg.queries.library import load, run, short

ROOT = Path(__file__).resolve().parent.parent
Cells = dict[str, str | None]


def rows(built: Path, name: str, include_rejected: bool = False, **params: str) -> list[Cells]:
    """The rows of a canned query, IRIs written as ``kind:slug`` or prefixed names."""
    result = run(open_reader(built), load(name), params, include_rejected=include_rejected)
    return [
        {
            column: None if term is None else short(term.value) if term.is_iri else term.value
            for column, term in row.items()
        }
        for row in result.rows
    ]


def in_corpus(quote: str) -> bool:
    """Whether every part of a provenance quote stands in a bundled document."""
    texts = [p.read_text(encoding="utf-8") for p in (ROOT / "corpus").glob("*.txt")]
    return all(any(part in text for text in texts) for part in quote.split(" … "))


RUSSIANS = "group:hrw-2007-03-28-russia-guantanamo-seven-russians"


# torture-methods-by-state


def test_torture_methods_show_the_beatings_in_russian_custody(built: Path) -> None:
    found = rows(built, "torture-methods-by-state", state="RUS")
    by_victim = {r["victim"]: r for r in found}
    assert {"person:rasul-kudaev", "person:ravil-gumarov", "person:timur-ishmuratov"} <= set(
        by_victim
    )
    kudaev = by_victim["person:rasul-kudaev"]
    assert kudaev["state"] == "state:RUS" and kudaev["method"] == "beat"
    assert kudaev["harmKind"] == "dakg:IllTreatment"
    assert "Kudaev was repeatedly beaten in custody" in (kudaev["quote"] or "")
    assert in_corpus(kudaev["quote"] or "")


def test_torture_methods_list_each_harm_once(built: Path) -> None:
    harms = [r["harm"] for r in rows(built, "torture-methods-by-state")]
    assert harms and len(harms) == len(set(harms))


# convictions-after-return


def test_gumarov_and_ishmuratov_were_convicted_in_russia_after_their_return(
    built: Path,
) -> None:
    found = rows(built, "convictions-after-return", state="RUS")
    convicted = {r["person"]: r for r in found}
    assert {"person:ravil-gumarov", "person:timur-ishmuratov"} <= set(convicted)
    gumarov = convicted["person:ravil-gumarov"]
    assert gumarov["harmKind"] == "dakg:Conviction" and gumarov["date"] == "May 2006"
    assert gumarov["transfer"] == "transfer:transfer-7e2a30804d21"
    assert gumarov["returned"] == "March 2004" and gumarov["review"] == "dakg:Confirmed"
    assert "won a conviction in May 2006" in (gumarov["quote"] or "")


def test_convictions_after_return_leave_out_harm_in_the_sending_state(built: Path) -> None:
    found = rows(built, "convictions-after-return")
    assert all(r["state"] != "state:USA" for r in found)
    assert "person:bekhzod-yusupov" not in {r["person"] for r in found}


# advocacy-actions


def test_the_hrw_aclu_letter_about_yusupov_was_addressed_to_us_officials(built: Path) -> None:
    [letter] = rows(built, "advocacy-actions", addressee="person:condoleeza-rice")
    assert letter["kind"] == "letter" and letter["date"] == "2006-09-06"
    assert set((letter["authors"] or "").split("; ")) == {"organisation:hrw", "organisation:aclu"}
    addressees = set((letter["addressees"] or "").split("; "))
    assert {"person:condoleeza-rice", "person:michael-chertoff"} <= addressees
    assert "person:holly-cartner" in (letter["signatories"] or "")
    assert letter["documentTitle"] == (
        "Letter to U.S. Officials Regarding Diplomatic assurances in the Case of Bekhzod Yusupov"
    )


def test_advocacy_by_aclu_includes_the_demand_to_refrain_from_seeking_assurances(
    built: Path,
) -> None:
    found = rows(built, "advocacy-actions", author="organisation:aclu", addressee="USA")
    demands = [r["demand"] for r in found]
    assert (
        "to refrain from seeking inherently untrustworthy diplomatic assurances from the Uzbek"
        " authorities" in demands
    )
    assert all("organisation:aclu" in (r["authors"] or "") for r in found)


# entity-facts


def test_every_fact_about_maher_arar_includes_his_rendition_and_torture(built: Path) -> None:
    found = rows(built, "entity-facts", entity="person:maher-arar")
    roles = {(r["fact"], r["role"]) for r in found}
    assert ("transfer:transfer-838964ec9714", "dakg:transferee") in roles
    assert ("outcome:outcome-e950c99e54d2", "dakg:victim") in roles
    assert ("assurance:assurance-a1ff1fb6d000", "dakg:concerns") in roles
    dated = [r for r in found if r["fact"] == "transfer:transfer-eaa015d2e51b"]
    assert dated[0]["date"] == "2002-10-08" and dated[0]["precision"] == "day"
    assert dated[0]["documentTitle"] == (
        "Report of the Events Relating to Maher Arar: Analysis and Recommendations"
    )


def test_every_fact_about_gumarov_includes_the_return_of_his_group(built: Path) -> None:
    found = rows(built, "entity-facts", entity="person:ravil-gumarov")
    [return_] = [r for r in found if r["fact"] == "transfer:transfer-7e2a30804d21"]
    assert return_["role"] == "dakg:transferee" and return_["through"] == RUSSIANS
    assert return_["date"] == "March 2004"


def test_entity_facts_leave_out_a_rejected_harm(built: Path) -> None:
    # The harm to the 80 detainees still held at Guantanamo, rejected in the case file.
    group = "group:hrw-2007-03-28-russia-guantanamo-some-80-detainees"
    facts = {r["fact"] for r in rows(built, "entity-facts", entity=group)}
    assert "outcome:outcome-239189e4d88e" not in facts
    kept = rows(built, "entity-facts", include_rejected=True, entity=group)
    assert "outcome:outcome-239189e4d88e" in {r["fact"] for r in kept}


def test_entity_facts_of_a_quoted_staff_member_hold_her_role_and_no_harm(built: Path) -> None:
    facts = {r["fact"] for r in rows(built, "entity-facts", include_rejected=True,
                                      entity="person:carroll-bogert")}  # fmt: skip
    assert facts == {"role:role-d8e3a863bf00"}


# facts-per-document


def test_facts_per_document_count_the_harm_the_russia_release_reports(built: Path) -> None:
    found = rows(built, "facts-per-document", document="document:hrw-2007-03-28-russia-guantanamo")
    counts = {r["factClass"]: int(r["facts"] or 0) for r in found}
    assert found[0]["title"] == "US Sent Guantanamo Detainees Home to Torture in Russia"
    assert found[0]["date"] == "2007-03-28"
    # 13 harm facts are drawn from the release; analysts rejected 3 of them.
    assert counts["dakg:Harm"] == 10
    assert counts["dakg:Transfer"] == 2 and counts["dakg:AssuranceEvent"] == 2
    rejected_too = rows(
        built,
        "facts-per-document",
        include_rejected=True,
        document="document:hrw-2007-03-28-russia-guantanamo",
    )
    assert {r["factClass"]: r["facts"] for r in rejected_too}["dakg:Harm"] == "13"


def test_facts_per_document_give_one_row_per_document_and_class(built: Path) -> None:
    found = rows(built, "facts-per-document")
    keys = [(r["document"], r["factClass"]) for r in found]
    assert len(keys) == len(set(keys))
    assert ("document:iom-2014-non-refoulement-note", "dakg:NormStatement") in keys


# facts-needing-review


def test_the_unsure_decision_on_arars_suit_needs_review_first(built: Path) -> None:
    found = rows(built, "facts-needing-review")
    assert found[0]["fact"] == "decision:decision-b3d585fb473b"
    assert found[0]["status"] == "dakg:Unsure"
    assert "dismissed our suit" in (found[0]["quote"] or "")


def test_facts_needing_review_leave_out_confirmed_and_rejected_facts(built: Path) -> None:
    found = {r["fact"]: r for r in rows(built, "facts-needing-review")}
    assert "transfer:transfer-7e2a30804d21" not in found  # confirmed in a case file
    assert "outcome:outcome-239189e4d88e" not in found  # rejected
    assert found["assurance:assurance-de3c20193b9e"]["status"] == "dakg:Extracted"
    assert found["assurance:assurance-de3c20193b9e"]["minConfidence"] == "0.75"


def test_facts_needing_review_below_a_confidence_keep_the_risk_findings(built: Path) -> None:
    found = rows(
        built,
        "facts-needing-review",
        percent="70",
        document="document:hrw-2006-09-06-yusupov-letter",
    )
    classes = {r["factClass"] for r in found}
    assert classes == {"dakg:RiskFinding"}
    assert all(float(r["minConfidence"] or 1) < 0.7 for r in found)
    assert len(found) >= 5  # the letter's red flags against the sought assurance


# conflicting-facts


def test_arars_undated_rendition_does_not_conflict_with_his_case_file(built: Path) -> None:
    assert rows(built, "conflicting-facts") == []
    assert rows(built, "conflicting-facts", transferee="person:maher-arar") == []


def test_conflicts_of_a_member_include_those_about_the_group() -> None:
    from pyoxigraph import RdfFormat, Store

    store = Store()
    store.load(path=str(ROOT / "tests/queries/conflicting-facts.trig"), format=RdfFormat.TRIG)
    result = run(StoreReader(store), load("conflicting-facts"), {"transferee": "person:bob"})
    pairs = [
        (short(r["person"].value), short(r["first"].value), short(r["second"].value))
        for r in result.rows
        if r["person"] and r["first"] and r["second"]
    ]
    assert pairs == [
        ("group:g", "transfer:t6", "transfer:t8"),
        ("person:bob", "transfer:t6", "transfer:t7"),
    ]


# decisions


def test_decisions_about_yusupov_are_the_bia_deferral_and_ices_detention(built: Path) -> None:
    found = rows(built, "decisions", about="person:bekhzod-yusupov")
    by_body = {r["body"]: r for r in found}
    bia, ice = by_body["body:us-bia"], by_body["body:us-ice"]
    assert (bia["date"], bia["precision"]) == ("August 2005", "month")
    assert "legally entitled to deferral of removal" in (bia["finding"] or "")
    assert (ice["date"], ice["precision"]) == ("July 19, 2006", "day")
    assert "Decision to Continue Detention" in (ice["quote"] or "")
    assert [r["body"] for r in found] == ["body:us-bia", "body:us-ice"]


def test_decisions_by_a_body_leave_out_the_others(built: Path) -> None:
    found = rows(built, "decisions", body="body:un-sr-torture")
    assert found and {r["body"] for r in found} == {"body:un-sr-torture"}
    assert any("torture and similar ill-treatment is systematic" in (r["finding"] or "")
               for r in found)  # fmt: skip


# assurances


def test_russias_assurance_about_the_seven_russians_was_sought_by_the_usa(built: Path) -> None:
    # two reports of one pledge: one row, with both wordings and both passages
    [promise] = rows(built, "assurances", giver="RUS", person="person:ravil-gumarov")
    assert promise["seeker"] == "state:USA" and promise["about"] == RUSSIANS
    assert set((promise["content"] or "").split(" | ")) == {
        "to prosecute the detainees on terrorism charges and to treat them humanely",
        "that they would be treated humanely",
    }
    assert promise["transfer"] == "transfer:transfer-7e2a30804d21"
    assert "Russian authorities promised to prosecute the detainees" in (promise["quote"] or "")


def test_the_uzbek_assurance_for_yusupov_was_sought_for_his_proposed_removal(
    built: Path,
) -> None:
    [sought] = rows(built, "assurances", giver="UZB")
    assert sought["about"] == "person:bekhzod-yusupov"
    assert sought["assuranceKind"] == "dakg:AssuranceSought"
    assert sought["date"] is None  # July 19, 2006 is the date of ICE's letter reporting it
    assert sought["transfer"] == "proposed-transfer:proposed_transfer-c502eeaa51e2"


# case-facts


def test_the_yusupov_case_holds_the_assurance_decisions_and_detention(built: Path) -> None:
    found = rows(built, "case-facts", case="case:yusupov")
    facts = [r["fact"] for r in found]
    assert facts[:2] == ["decision:decision-b5d6d4e8a670", "decision:decision-ed46cf12bdf7"]
    assert set(facts[2:]) == {  # undated: the assurance's date is not its letter's
        "assurance:assurance-38f45ef73446",
        "outcome:outcome-8be7c859b6dc",
        "proposed-transfer:proposed_transfer-c502eeaa51e2",
    }
    assert all(r["review"] == "dakg:Confirmed" for r in found)


def test_the_russian_detainees_case_holds_the_return_but_no_rejected_harm(built: Path) -> None:
    found = {r["fact"]: r for r in rows(built, "case-facts", case="russian-guantanamo-detainees")}
    assert found["transfer:transfer-7e2a30804d21"]["date"] == "March 2004"
    assert found["outcome:outcome-6ab85a647917"]["factClass"] == "dakg:Harm"
    assert "outcome:outcome-42b971fadab7" not in found  # rejected: detention at Guantanamo
