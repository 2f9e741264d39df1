"""Weigh each assurance against the red flags courts and NGOs name, with the passages.

Two lists of factors (``data/risk_factors.toml``): the European Court's factors for weighing
assurances and the call for action's circumstances in which reliance must be prohibited. A
sentence in a factor's scope (naming the state that gave the assurance, the person it is
about, or either) that matches the factor's cues is a finding: "Uzbekistan, a state that is
notorious for practicing systematic torture" is systematic torture in Uzbekistan. A body's
finding about the person ("more likely than not would be tortured") is personal risk. Each
finding is a fact with its evidence.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .model import Evidence, Extraction, Fact, Segment

_DATA = Path(__file__).parent / "data" / "risk_factors.toml"


@dataclass(frozen=True)
class RiskFactor:
    """One factor: its list ("ecthr" or "call"), label, cues, needed words and scope."""

    scheme: str
    label: str
    cues: list[re.Pattern[str]]
    needs: list[re.Pattern[str]]
    scope: str

    def matches(self, text: str) -> bool:
        return any(c.search(text) for c in self.cues) and (
            not self.needs or any(n.search(text) for n in self.needs)
        )


@cache
def risk_factors() -> dict[str, RiskFactor]:
    """Factor name (a concept of the ontology) -> the factor."""
    data = tomllib.loads(_DATA.read_text(encoding="utf-8"))
    return {
        name: RiskFactor(
            spec["scheme"],
            spec["label"],
            [re.compile(p, re.IGNORECASE) for p in spec["cues"]],
            [re.compile(p, re.IGNORECASE) for p in spec.get("needs", [])],
            spec["scope"],
        )
        for name, spec in data.items()
    }


def assess(extraction: Extraction) -> list[Fact]:
    """Findings for every assurance event of a document."""
    document = extraction.document
    sentences_of: dict[str, set[int]] = {}  # entity ref or state code -> sentence indexes
    for entity in extraction.entities.values():
        indexes = {_sentence_index(document.sentences, m) for m in entity.mentions} - {-1}
        sentences_of.setdefault(entity.ref, set()).update(indexes)
        code = entity.key if entity.kind == "state" else entity.state
        if code:
            sentences_of.setdefault(code, set()).update(indexes)
    findings: list[Fact] = []
    decisions = [f for f in extraction.facts if f.kind == "decision"]
    for fact in extraction.facts:
        if fact.kind != "assurance" or not fact.fields.get("given_by"):
            continue
        code = str(fact.fields["given_by"]).split(":", 1)[1]
        about = fact.fields.get("about")
        person: set[int] = set()
        if about:
            group = extraction.entities.get(about)
            refs = {about} | (group.members | group.inferred_members if group else set())
            for ref in refs:
                person |= sentences_of.get(ref, set())
        scopes = {
            "state": sentences_of.get(code, set()),
            "person": person,
            "either": sentences_of.get(code, set()) | person,
        }
        for name, factor in risk_factors().items():
            for index in sorted(scopes.get(factor.scope, set())):
                sentence = document.sentences[index]
                if factor.matches(sentence.text):
                    findings.append(_finding(fact, name, sentence.text, sentence.start))
        personal = risk_factors()["PersonalRisk"]
        for decision in decisions:
            if not about or decision.fields.get("about") != about:
                continue
            for evidence in decision.evidence:
                if any(c.search(evidence.quote) for c in personal.cues):
                    findings.append(_finding(fact, "PersonalRisk", evidence.quote, evidence.start))
    return _unique(findings)


def _sentence_index(sentences: list[Segment], mention: Evidence) -> int:
    for i, sentence in enumerate(sentences):
        if sentence.start <= mention.start < sentence.end:
            return i
    return -1


def _finding(assurance: Fact, factor: str, quote: str, start: int) -> Fact:
    return Fact(
        kind="finding",
        fields={"assurance": assurance.key, "factor": factor},
        evidence=[Evidence(quote, start, start + len(quote))],
        rule=f"risk-{factor}",
        confidence=0.6,
    )


def _unique(findings: list[Fact]) -> list[Fact]:
    seen: dict[tuple[str, str, int], Fact] = {}
    for fact in findings:
        key = (str(fact.fields["assurance"]), str(fact.fields["factor"]), fact.evidence[0].start)
        seen.setdefault(key, fact)
    out = list(seen.values())
    for fact in out:
        payload = f"{fact.fields['assurance']}|{fact.fields['factor']}|{fact.evidence[0].start}"
        fact.key = f"finding-{hashlib.sha256(payload.encode()).hexdigest()[:12]}"
    return out
