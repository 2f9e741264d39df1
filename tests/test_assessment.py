"""Assurances weighed factor by factor: the European Court's factors and the call for
action's circumstances, each finding with its evidence and its standard (issue 5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dakg.graph.assessment import AssuranceAssessment, assess_assurances
from dakg.loaders.assess import risk_factors

ECTHR = {
    "VagueAssurances",
    "PoorComplianceRecord",
    "NoVerification",
    "NoProtectionSystem",
    "PriorIllTreatment",
    "NoDomesticReview",
}
CALL = {
    "SystematicTorture",
    "TargetedGroup",
    "PersonalRisk",
    "OnwardTransfer",
    "NoEffectiveControl",
}


def _one(built: Path, case: str, giver: str) -> AssuranceAssessment:
    [found] = [a for a in assess_assurances(built, case) if a.given_by == giver]
    return found


def test_every_assurance_is_weighed_against_both_lists_with_their_standards(built: Path) -> None:
    yusupov = _one(built, "yusupov", "Uzbekistan")
    by_name = {r.factor: r for r in yusupov.factors}
    assert set(by_name) == ECTHR | CALL
    for name in ECTHR:
        assert by_name[name].standard == "ecthr-factors-for-assurances"
        assert "Non-Refoulement" in str(by_name[name].standard_source)  # the IOM note
    assert by_name["TargetedGroup"].standard == "call-prohibit-reliance-targeted-group"
    assert "Call for Action" in str(by_name["TargetedGroup"].standard_source)
    # The European Court's factors come first.
    assert {r.factor for r in yusupov.factors[:6]} == ECTHR


def test_uzbekistan_impunity_is_a_failing_system_of_protection(built: Path) -> None:
    yusupov = _one(built, "yusupov", "Uzbekistan")
    [protection] = [r for r in yusupov.factors if r.factor == "NoProtectionSystem"]
    assert any("occurred with impunity" in f.quote for f in protection.findings)
    assert any("routinely deny that their agents employ" in f.quote for f in protection.findings)
    assert all("Yusupov" in f.document for f in protection.findings)  # the letter's title
    [targeted] = [r for r in yusupov.factors if r.factor == "TargetedGroup"]
    assert [f.quote for f in targeted.findings] == [
        "Uzbek law enforcement officers also continue to round-up and torture independent "
        "Muslims like Mr. Yusupov who are followers of Imam Nazarov."
    ]


def test_arar_secret_rendition_means_no_court_weighed_the_assurance(built: Path) -> None:
    arar = _one(built, "arar", "Syria")
    [review] = [r for r in arar.factors if r.factor == "NoDomesticReview"]
    assert len(review.findings) == 1
    assert "rendered to Syria in secret" in review.findings[0].quote
    assert {h.factor for h in arar.harm} == {"torture"}


def test_findings_are_in_the_graph_with_their_evidence(built: Path) -> None:
    from tests.test_build import select

    rows = select(
        built,
        """PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX oa: <http://www.w3.org/ns/oa#>
        SELECT ?given ?exact WHERE {
          ?f a dakg:RiskFinding ; dakg:riskFactor dakg:NoProtectionSystem ;
             dakg:assesses/dakg:givenBy/dakg:iso3166Alpha3 ?given ;
             prov:wasDerivedFrom/oa:hasSelector/oa:exact ?exact .
        }""",
    )
    assert any(given == "UZB" and "impunity" in exact for given, exact in rows)
    standards = select(
        built,
        """SELECT ?factor WHERE {
          ?n dakg:namesFactor ?factor ; dakg:normKind dakg:AssuranceFactor }""",
    )
    assert {f.rsplit("#", 1)[1] for (f,) in standards} == ECTHR


# Sentences of the genre written for this test: each names a factor, or mentions it in a way
# that must not count.
@pytest.mark.parametrize(
    ("factor", "sentence", "expected"),
    [
        ("NoVerification", "There was no independent monitoring of his detention.", True),
        ("NoVerification", "Embassy visits were refused after the first month.", True),
        ("NoVerification", "His lawyers were not allowed to see him for six weeks.", True),
        ("NoVerification", "Monitors from the embassy were given full access to him.", False),
        ("NoVerification", "Following a visit, the rapporteur found torture systematic.", False),
        ("VagueAssurances", "The note contained only vague assurances of humane treatment.", True),
        ("VagueAssurances", "The assurances were detailed and specific.", False),
        ("PoorComplianceRecord", "The government has repeatedly broken its assurances.", True),
        ("PoorComplianceRecord", "The government gave assurances in 2005.", False),
        ("NoProtectionSystem", "Police officers who torture act with impunity.", True),
        ("NoProtectionSystem", "The authorities refused to allow the Red Cross to visit.", True),
        ("NoProtectionSystem", "Officers accused of torture were prosecuted and convicted.", False),
        ("PriorIllTreatment", "He had previously been tortured in custody there in 2001.", True),
        ("PriorIllTreatment", "He feared he would be tortured.", False),
        ("NoDomesticReview", "He was flown out secretly before his lawyer could act.", True),
        ("NoDomesticReview", "He had no opportunity to challenge the assurances in court.", True),
        ("NoDomesticReview", "The High Court examined the assurances at length.", False),
        # Words near each other rather than set phrases.
        (
            "NoProtectionSystem",
            "Complaints of torture by police officers rarely lead to a prosecution.",
            True,
        ),
        ("NoProtectionSystem", "He has still not been prosecuted for his alleged role.", False),
        ("NoProtectionSystem", "Officials called the allegations of torture fabricated.", True),
        ("NoProtectionSystem", "The High Court dismissed his claim in May.", False),
        ("NoVerification", "Embassy staff were not allowed to see him for a month.", True),
        (
            "NoVerification",
            "The letter said he would have access to a lawyer and would not be tortured.",
            False,
        ),
        (
            "VagueAssurances",
            "The guarantee was two lines long and said nothing about monitoring.",
            True,
        ),
        ("VagueAssurances", "The Prosecutor General promised a fair trial.", False),
        ("PriorIllTreatment", "He was beaten by the police in 2009, he told the court.", True),
        ("PriorIllTreatment", "He would be beaten if returned.", False),
        (
            "NoEffectiveControl",
            "The ministry has little control over the militias holding him.",
            True,
        ),
    ],
)
def test_factor_cues(factor: str, sentence: str, expected: bool) -> None:
    assert risk_factors()[factor].matches(sentence) is expected


def test_every_factor_of_the_data_file_is_a_concept_of_the_ontology() -> None:
    from dakg.ontology.namespace import DAKG

    assert set(risk_factors()) == ECTHR | CALL
    for name, factor in risk_factors().items():
        assert DAKG[name]  # _fail=True: an unknown term raises
        assert factor.scheme == ("ecthr" if name in ECTHR else "call")


def test_rejected_assurances_and_transfers_leave_the_default_views(
    tmp_path: Path, corpus: Path
) -> None:
    from dakg.graph.build import build
    from dakg.graph.obligations import transfer_obligations
    from tests.test_build import select
    from tests.test_cases import corpus_copy

    copy = corpus_copy(
        corpus,
        tmp_path,
        {
            "zz-rejections": (
                "case: zz-rejections\ntitle: t\nreviewer: r\ndate: 2026-12-01\nreviews:\n"
                "  - fact: assurance-a1ff1fb6d000\n    status: rejected\n"
                "  - fact: transfer-7e2a30804d21\n    status: rejected\n"
            )
        },
    )
    root = tmp_path / "data"
    build(copy, root)
    assert "Syria" not in {a.given_by for a in assess_assurances(root)}
    [syria] = [a for a in assess_assurances(root, include_rejected=True) if a.given_by == "Syria"]
    assert syria.review == "Rejected"
    rejected = "https://w3id.org/dakg/id/transfer/transfer-7e2a30804d21"
    query = "SELECT ?o WHERE { ?o dakg:regardsTransfer ?t } VALUES ?t { <IRI> }"
    assert rejected not in {r.transfer for r in transfer_obligations(root)}
    assert rejected in {r.transfer for r in transfer_obligations(root, include_rejected=True)}
    derived = select(root, query.replace("IRI", rejected))
    assert derived == []  # no obligation is derived from a rejected transfer


# A short document of the genre, written for these tests.
WIRE = """Britain deports Karim Haddad despite torture fears

LONDON, 3 May 2011 - Britain deported Karim Haddad to Algeria on 2 May 2011 after the \
Algerian government gave diplomatic assurances that he would not be tortured. Algerian police \
had beaten Haddad in Algiers in 2004, his lawyers said.

The assurances of Algeria were examined by the Court of Appeal. It noted that torture in \
police custody there remains routine. Monitors from the British embassy were given full \
access to him.

France has also returned suspects there. The judges said that monitoring was impossible.
"""


def _findings(tmp_path: Path, text: str) -> set[tuple[str, str]]:
    from dakg.loaders.document import load_document
    from dakg.loaders.extract import extract

    path = tmp_path / "wire.txt"
    path.write_text(text, encoding="utf-8")
    extraction = extract(load_document(path))
    return {
        (str(f.fields["factor"]), f.evidence[0].quote)
        for f in extraction.facts
        if f.kind == "finding"
    }


def test_findings_of_a_new_document(tmp_path: Path) -> None:
    found = _findings(tmp_path, WIRE)
    factors = {factor for factor, _ in found}
    # Beaten in Algeria in 2004, before the transfer of 2011: prior ill-treatment.
    assert (
        "PriorIllTreatment",
        "Algerian police had beaten Haddad in Algiers in 2004, his lawyers said.",
    ) in found
    # "routine" torture in a sentence of the paragraph that began with the assurance's state.
    assert any(f == "SystematicTorture" and "remains routine" in q for f, q in found)
    # Full access is the opposite of a red flag; a paragraph about France is not about Algeria.
    assert "NoVerification" not in factors
    # A court examined the assurances: no finding of missing review.
    assert "NoDomesticReview" not in factors


def test_an_assurance_only_sought_is_never_shown_as_given(built: Path) -> None:
    from click.testing import CliRunner

    from dakg.cli import cli

    shown = CliRunner().invoke(cli, ["assess", "--data-dir", str(built)], terminal_width=200)
    assert shown.exit_code == 0, shown.output
    assert "Assurance sought by United States from Uzbekistan (only sought)" in shown.output
    assert "Assurance given by Uzbekistan" not in shown.output
    rows = assess_assurances(built)
    yusupov = [r for r in rows if r.about and "Yusupov" in r.about]
    assert yusupov and all(r.kind == "AssuranceSought" for r in yusupov)
