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
from typing import Any

from .model import Document, Evidence, Extraction, Fact, Segment

_DATA = Path(__file__).parent / "data" / "risk_factors.toml"


@cache
def _data() -> dict[str, Any]:
    """``risk_factors.toml``, read once."""
    return tomllib.loads(_DATA.read_text(encoding="utf-8"))


def _compiled(patterns: list[str]) -> list[re.Pattern[str]]:
    return [re.compile(p, re.IGNORECASE) for p in patterns]


@dataclass(frozen=True)
class Near:
    """Two sets of words that must stand close together: "monitoring" near "no"."""

    a: list[re.Pattern[str]]
    b: list[re.Pattern[str]]
    within: int
    unless: list[re.Pattern[str]]
    needs: list[re.Pattern[str]]

    def matches(self, text: str) -> bool:
        if any(u.search(text) for u in self.unless):
            return False
        if self.needs and not any(n.search(text) for n in self.needs):
            return False
        spans_b = [m.span() for pattern in self.b for m in pattern.finditer(text)]
        for pattern in self.a:
            for m in pattern.finditer(text):
                if any(
                    max(m.start(), start) - min(m.end(), end) <= self.within
                    for start, end in spans_b
                ):
                    return True
        return False


@dataclass(frozen=True)
class RiskFactor:
    """One factor: its list ("ecthr" or "call"), label, cues or words near each other,
    needed words and scope."""

    scheme: str
    label: str
    cues: list[re.Pattern[str]]
    needs: list[re.Pattern[str]]
    scope: str
    near: list[Near]

    def matches(self, text: str) -> bool:
        found = any(c.search(text) for c in self.cues) or any(n.matches(text) for n in self.near)
        return found and (not self.needs or any(n.search(text) for n in self.needs))


@cache
def risk_factors() -> dict[str, RiskFactor]:
    """Factor name (a concept of the ontology) -> the factor."""
    return {
        name: RiskFactor(
            spec["scheme"],
            spec["label"],
            _compiled(spec.get("cues", [])),
            _compiled(spec.get("needs", [])),
            spec["scope"],
            [
                Near(
                    _compiled(n["a"]),
                    _compiled(n["b"]),
                    n["within"],
                    _compiled(n.get("unless", [])),
                    _compiled(n.get("needs", [])),
                )
                for n in spec.get("near", [])
            ],
        )
        for name, spec in _data().items()
        if isinstance(spec, dict)
    }


@cache
def _filters() -> tuple[list[re.Pattern[str]], list[re.Pattern[str]]]:
    """(general clauses removed before matching, negations that void a sentence)."""
    return _compiled(_data()["general"]), _compiled(_data()["negations"])


def specific(text: str) -> str | None:
    """The sentence without its general clauses, or None when it rejects a finding."""
    general, negations = _filters()
    if any(n.search(text) for n in negations):
        return None
    for pattern in general:
        text = pattern.sub(" ", text)
    return text


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
    states_in: dict[int, set[str]] = {}
    for code, indexes in sentences_of.items():
        if ":" not in code:
            for index in indexes:
                states_in.setdefault(index, set()).add(code)
    texts = [specific(s.text) for s in document.sentences]
    findings: list[Fact] = []
    decisions = [f for f in extraction.facts if f.kind == "decision"]
    for fact in extraction.facts:
        if fact.kind != "assurance" or not fact.fields.get("given_by"):
            continue
        code = str(fact.fields["given_by"]).split(":", 1)[1]
        about = fact.fields.get("about")
        people = _people(extraction, about)
        person = set().union(*(sentences_of.get(ref, set()) for ref in people))
        parties = _parties(extraction, fact, people, code)
        state = _continued(document, sentences_of.get(code, set()), states_in, parties)
        person = _continued(document, person, states_in, parties)
        scopes = {"state": state, "person": person, "either": state | person}
        for name, factor in risk_factors().items():
            for index in sorted(scopes[factor.scope]):
                text = texts[index]
                if text is not None and factor.matches(text):
                    sentence = document.sentences[index]
                    findings.append(_finding(fact, name, sentence.text, sentence.start))
        personal = risk_factors()["PersonalRisk"]
        for decision in decisions:
            if not about or decision.fields.get("about") != about:
                continue
            for evidence in decision.evidence:
                text = specific(evidence.quote)
                if text is not None and any(c.search(text) for c in personal.cues):
                    findings.append(_finding(fact, "PersonalRisk", evidence.quote, evidence.start))
        in_state = sentences_of.get(code, set())
        for harm in _harm_before(extraction, people, code, in_state):
            for evidence in harm.evidence:  # the passage that dates it, if repeats merged
                if harm.date_text and harm.date_text not in evidence.quote:
                    continue
                findings.append(_finding(fact, "PriorIllTreatment", evidence.quote, evidence.start))
    return _unique(findings)


def _people(extraction: Extraction, about: object) -> set[str]:
    """The person an assurance is about, or the group and its members."""
    if not about:
        return set()
    group = extraction.entities.get(str(about))
    members = group.members | group.inferred_members if group else set()
    return {str(about)} | members


def _parties(extraction: Extraction, assurance: Fact, people: set[str], code: str) -> set[str]:
    """The states of an assurance: the one that gave it, the one that sought it, and the one
    that sent (or would send) the person to the giver."""
    found = {code}
    for value in [assurance.fields.get("sought_by")] + [
        f.fields.get("from")
        for f in extraction.facts
        if f.kind in {"transfer", "proposed_transfer"}
        and f.fields.get("person") in people
        and f.fields.get("to") == f"state:{code}"
    ]:
        if value:
            found.add(str(value).split(":", 1)[1])
    return found


def _continued(
    document: Document, indexes: set[int], states_in: dict[int, set[str]], parties: set[str]
) -> set[int]:
    """The sentences of ``indexes`` and those after each in its paragraph that name no state
    but the assurance's parties: a paragraph goes on about what it began with."""
    out = set(indexes)
    for paragraph in document.paragraphs:
        inside = [
            i
            for i, s in enumerate(document.sentences)
            if paragraph.start <= s.start < paragraph.end
        ]
        carrying = False
        for index in inside:
            if index in indexes:
                carrying = True
            elif states_in.get(index, set()) - parties:
                carrying = False
            elif carrying:
                out.add(index)
    return out


def _harm_before(
    extraction: Extraction, people: set[str], code: str, in_state: set[int]
) -> list[Fact]:
    """Dated torture or ill-treatment of the person in the giving state before any transfer
    there: dated before it, or the person was never sent there (so it came first). A harm
    with no place counts when its sentence names the state or one of its places."""
    sent = [
        f
        for f in extraction.facts
        if f.kind == "transfer"
        and f.fields.get("person") in people
        and f.fields.get("to") == f"state:{code}"
    ]
    out = []
    for harm in extraction.facts:
        if harm.kind != "outcome" or harm.fields.get("person") not in people:
            continue
        if harm.fields.get("what") not in {"torture", "ill-treatment"}:
            continue
        where = harm.fields.get("where")
        sentences = {_sentence_index(extraction.document.sentences, e) for e in harm.evidence}
        if not _in_state(extraction, where, code) and (where or not sentences & in_state):
            continue
        if not harm.date:
            continue  # an undated harm may as well have followed the transfer
        if not sent or any(t.date and harm.date < t.date[: len(harm.date)] for t in sent):
            out.append(harm)
    return out


def _in_state(extraction: Extraction, where: object, code: str) -> bool:
    if not where:
        return False
    if where == f"state:{code}":
        return True
    entity = extraction.entities.get(str(where))
    return entity is not None and entity.state == code


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
