"""Weigh each assurance against the red flags courts and NGOs name, with the passages.

For an assurance given by state S, a sentence of the document that names S (by name,
demonym or one of its bodies) and matches a risk factor's cues (``data/risk_factors.toml``)
is a finding: "Uzbekistan, a state that is notorious for practicing systematic torture" is
systematic torture in Uzbekistan. A body's finding about the person ("more likely than not
would be tortured") is personal risk. Each finding is a fact with its evidence.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from functools import cache
from pathlib import Path

from .model import Evidence, Extraction, Fact, Segment

_DATA = Path(__file__).parent / "data" / "risk_factors.toml"


@cache
def risk_factors() -> dict[str, tuple[str, list[re.Pattern[str]], list[re.Pattern[str]]]]:
    """Factor name -> (label, cue patterns, needed patterns)."""
    data = tomllib.loads(_DATA.read_text(encoding="utf-8"))
    return {
        name: (
            spec["label"],
            [re.compile(p, re.IGNORECASE) for p in spec["cues"]],
            [re.compile(p, re.IGNORECASE) for p in spec.get("needs", [])],
        )
        for name, spec in data.items()
    }


def assess(extraction: Extraction) -> list[Fact]:
    """Findings for every assurance event of a document."""
    document = extraction.document
    states_in: dict[str, set[int]] = {}
    for entity in extraction.entities.values():
        code = entity.key if entity.kind == "state" else entity.state
        if not code:
            continue
        for mention in entity.mentions:
            states_in.setdefault(code, set()).add(_sentence_index(document.sentences, mention))
    findings: list[Fact] = []
    decisions = [f for f in extraction.facts if f.kind == "decision"]
    for fact in extraction.facts:
        if fact.kind != "assurance" or not fact.fields.get("given_by"):
            continue
        code = str(fact.fields["given_by"]).split(":", 1)[1]
        for name, (_, cues, needs) in risk_factors().items():
            if name == "PersonalRisk":
                continue
            for index in sorted(states_in.get(code, set()) - {-1}):
                sentence = document.sentences[index]
                if any(c.search(sentence.text) for c in cues) and (
                    not needs or any(n.search(sentence.text) for n in needs)
                ):
                    findings.append(_finding(fact, name, sentence.text, sentence.start))
        about = fact.fields.get("about")
        cues = risk_factors()["PersonalRisk"][1]
        for decision in decisions:
            if not about or decision.fields.get("about") != about:
                continue
            for evidence in decision.evidence:
                if any(c.search(evidence.quote) for c in cues):
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
