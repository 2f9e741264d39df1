"""Each assurance weighed factor by factor, with its evidence, and whether harm followed.

Reads the store only. The factors are the concepts of two schemes of the ontology: the
European Court's factors for weighing assurances (``dakg:AssuranceFactorScheme``) and the
call for action's circumstances in which reliance must be prohibited
(``dakg:RiskFactorScheme``). Each factor comes with the norm statement that sets it out (its
standard, with the document it is quoted from), and each finding the build recorded against
the assurance (``dakg:RiskFinding``) with its quote. A factor with no finding is "not found in
the documents", never "cleared".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dakg.ontology.namespace import NS as DAKG

from .citations import add_provenance, citation
from .reader import Reader, as_reader, iri, review_filter, sparql, value

_ECTHR = DAKG + "AssuranceFactorScheme"


@dataclass
class Flag:
    """A red flag (or a harm) against an assurance, with the passage that shows it and
    where it stands (document, paragraph, sentence); for a harm, whom, where and when."""

    factor: str
    quote: str
    document: str = ""
    source: str = ""
    victim: str = ""
    place: str = ""
    date: str = ""


@dataclass
class FactorResult:
    """One factor weighed against one assurance: the standard it comes from and the
    findings (empty: not found in the documents)."""

    factor: str
    label: str
    scheme: str
    standard: str | None
    standard_source: str | None
    findings: list[Flag] = field(default_factory=list)


@dataclass
class AssuranceAssessment:
    """One assurance, factor by factor, and the harm that followed in the giving state."""

    key: str
    given_by: str
    about: str | None
    sought_by: str | None
    review: str | None = None
    kind: str = "AssuranceGiven"  # AssuranceSought: asked of given_by, never said to be given
    factors: list[FactorResult] = field(default_factory=list)
    harm: list[Flag] = field(default_factory=list)
    # Each report of the assurance (one per fact of its happening): its stage in ``factor``
    # ("AssuranceSought", "AssuranceGiven", …), its passage and source.
    reports: list[Flag] = field(default_factory=list)

    @property
    def stages(self) -> list[str]:
        """The stages the reports give, in order: sought before given before relied on."""
        order = ["AssuranceSought", "AssuranceGiven", "AssuranceReliedOn", "AssuranceBreached"]
        found = {r.factor for r in self.reports} | {self.kind}
        return [s for s in order if s in found]

    @property
    def flags(self) -> list[Flag]:
        """Every finding, whatever its factor."""
        return [flag for result in self.factors for flag in result.findings]


def assess_assurances(
    source: Reader | Path,
    case: str | None = None,
    include_rejected: bool = False,
    subjects: list[str] | None = None,
) -> list[AssuranceAssessment]:
    """Every assurance not rejected (or those of one case IRI, or about ``subjects``),
    factor by factor, with the harm that followed in the giving state."""
    from dakg.errors import StoreError

    from . import iris

    reader = as_reader(source)
    values: dict[str, Any] = dict(review_filter(include_rejected))
    if case:
        node = case if case.startswith(iris.ID) else str(iris.instance("case", iris.slugify(case)))
        if not reader.ask(sparql("is-case"), {"case": iri(node)}):
            raise StoreError(f"{reader.source}: no case '{case}' (dakg cases lists them)")
        values["case"] = iri(node)
    if subjects is not None:
        values["subject"] = [iri(s) for s in subjects]
    factors = _factors(reader)
    out = []
    seen: dict[str, AssuranceAssessment] = {}
    rows = reader.select(sparql("assessment-assurances"), values)
    names = reader.labels(
        t.value
        for r in rows
        for v in ("giverIri", "aboutIri", "seekerIri")
        if (t := r[v]) is not None
    )
    for row in rows:
        item = AssuranceAssessment(
            key=_text(row["key"]),
            given_by=_named(names, row["giverIri"]) or "",
            about=_named(names, row["aboutIri"]),
            sought_by=_named(names, row["seekerIri"]),
            review=_value(row["review"], tail=True),
            kind=_value(row["kind"], tail=True) or "AssuranceGiven",
        )
        _, [cited_fact] = add_provenance(reader, ["a"], [row], "a")
        item.reports.append(
            Flag(
                item.kind,
                _text(cited_fact["quote"]),
                _text(cited_fact["documentTitle"]),
                citation(cited_fact),
            )
        )
        found: dict[str, list[Flag]] = {}
        findings = reader.select(sparql("assessment-findings"), {"a": _term(row["a"])})
        _, cited = add_provenance(reader, ["finding", "factor"], findings, "finding")
        for flag in cited:
            name = _text(flag["factor"]).rsplit("#", 1)[-1]
            found.setdefault(name, []).append(
                Flag(name, _text(flag["quote"]), _text(flag["documentTitle"]), citation(flag))
            )
        for name, (label, scheme, standard, origin) in factors.items():
            item.factors.append(
                FactorResult(name, label, scheme, standard, origin, found.get(name, []))
            )
        if row["aboutIri"] is not None:
            harm_values = {"p": _term(row["aboutIri"]), "g": _term(row["giverIri"])}
            harms = reader.select(sparql("assessment-harm"), harm_values)
            _, cited = add_provenance(reader, ["harm", "kind"], harms, "harm")
            victims = reader.labels(_text(h["victim"]) for h in cited)
            for harm in cited:
                item.harm.append(
                    Flag(
                        _text(harm["kind"]),
                        _text(harm["quote"]),
                        _text(harm["documentTitle"]),
                        citation(harm),
                        victim=victims.get(_text(harm["victim"]), _text(harm["victim"])),
                        place=item.given_by,
                        date=_text(harm["date"]) or "date not given",
                    )
                )
        happening = _value(row["happening"]) or item.key
        if happening in seen:
            _fold(seen[happening], item)
        else:
            seen[happening] = item
            out.append(item)
    return out


def _fold(into: AssuranceAssessment, other: AssuranceAssessment) -> None:
    """Another report of the same assurance: its red flags, harm and passage join the
    first's, each passage once; the first report's key stands for the event. A pledge sought
    in one report and given in another is both (see :attr:`AssuranceAssessment.stages`); the
    event counts as given."""
    for mine, theirs in zip(into.factors, other.factors, strict=True):
        quotes = {f.quote for f in mine.findings}
        mine.findings += [f for f in theirs.findings if f.quote not in quotes]
    quotes = {h.quote for h in into.harm}
    into.harm += [h for h in other.harm if h.quote not in quotes]
    into.sought_by = into.sought_by or other.sought_by
    into.reports += other.reports
    if into.kind == "AssuranceSought":
        into.kind = other.kind


def _factors(reader: Reader) -> dict[str, tuple[str, str, str | None, str | None]]:
    """Factor name -> (label, scheme label, norm statement that sets it out, its source)."""
    found: dict[str, tuple[str, str, str | None, str | None]] = {}
    ecthr: dict[str, bool] = {}
    for row in reader.select(sparql("assessment-factors")):
        name = value(row, "factor").rsplit("#", 1)[-1]
        standard = _value(row["standard"])
        if name in found and found[name][2] is not None and standard is None:
            continue
        found[name] = (
            value(row, "label"),
            value(row, "schemeLabel"),
            standard,
            _value(row["title"]),
        )
        ecthr[name] = value(row, "scheme") == _ECTHR
    # The European Court's factors first, then the call's circumstances.
    return dict(sorted(found.items(), key=lambda item: (not ecthr[item[0]], item[1][0])))


def _named(names: dict[str, str], term: Any) -> str | None:
    return names.get(term.value, term.value) if term is not None else None


def _value(term: Any, tail: bool = False) -> str | None:
    if term is None:
        return None
    return str(term.value).rsplit("#", 1)[-1] if tail else str(term.value)


def _text(term: Any) -> str:
    return str(term.value) if term is not None else ""


def _term(term: Any) -> Any:
    assert term is not None
    return term
