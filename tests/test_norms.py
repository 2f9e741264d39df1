"""Curated norms: each reading of an instrument on its verified quote, disagreements kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from dakg.errors import DakgError
from dakg.graph import norms
from dakg.graph.store import open_read_only
from dakg.loaders.model import Document

QUERY = """
PREFIX dakg: <https://w3id.org/dakg/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?kind ?doc ?exact WHERE {
  ?n a dakg:NormStatement ; dakg:normKind ?kind ; dakg:aboutProvision <PROVISION> ;
     prov:wasDerivedFrom ?e .
  ?e oa:hasSource ?doc ; oa:hasSelector [ oa:exact ?exact ] .
}
"""
ID = "https://w3id.org/dakg/id/"


def readings(root: Path, provision: str) -> set[tuple[str, str]]:
    rows = open_read_only(root).query(
        QUERY.replace("PROVISION", ID + "instrument/" + provision), use_default_graph_as_union=True
    )
    return {(r["kind"].value.rsplit("#", 1)[-1], r["doc"].value.rsplit("/", 1)[-1]) for r in rows}  # type: ignore[union-attr]


def test_explicit_non_refoulement_in_cat_article_3(built: Path) -> None:
    assert ("ExplicitNonRefoulement", "iom-2014-non-refoulement-note") in readings(
        built, "cat/article/3"
    )


def test_the_two_readings_of_the_iccpr_both_stay_with_their_sources(built: Path) -> None:
    assert ("DerivedNonRefoulement", "iom-2014-non-refoulement-note") in readings(built, "iccpr")
    assert ("AbsoluteBan", "hrw-2005-05-11-call-for-action") in readings(built, "iccpr/article/7")


def test_the_refugee_convention_allows_an_exception(built: Path) -> None:
    assert ("PermittedException", "iom-2014-non-refoulement-note") in readings(
        built, "refugee-convention/article/33-2"
    )


def test_the_calls_five_circumstances_prohibiting_reliance(built: Path) -> None:
    rows = open_read_only(built).query(
        "PREFIX dakg: <https://w3id.org/dakg/ontology#> SELECT ?n WHERE"
        " { ?n dakg:normKind dakg:ProhibitedReliance }",
        use_default_graph_as_union=True,
    )
    assert len(list(rows)) == 5  # type: ignore[arg-type]


def test_a_quote_that_is_not_verbatim_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, documents: dict[str, Document]
) -> None:
    bad = tmp_path / "norms.yaml"
    bad.write_text(
        "- id: wrong\n  kind: AbsoluteBan\n  about: [cat]\n  text: t\n"
        "  quote: {document: iom-2014-non-refoulement-note, text: not in the note}\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(norms, "NORMS", bad)
    from rdflib import Graph

    with pytest.raises(DakgError, match="wrong: the quote is not verbatim"):
        norms.add_norms(Graph(), documents)
