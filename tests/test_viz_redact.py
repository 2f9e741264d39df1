"""dakg viz --redact: with the Arar case file marked confidential, no page of the folder (nor
a single-file page) names him or spells his slug, his quotes are marked redacted, and his
pseudonym stands in labels, panels and document texts; without --redact his name shows."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dakg.graph.build import build
from dakg.graph.reader import open_reader

from .browser import open_view
from .test_viz import page_data

ARAR = "https://w3id.org/dakg/id/person/maher-arar"


@pytest.fixture(scope="module")
def confidential(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory built from the corpus with the Arar case file marked confidential."""
    root = tmp_path_factory.mktemp("confidential")
    copy = root / "corpus"
    shutil.copytree(corpus, copy)
    case = copy / "cases" / "arar.yaml"
    case.write_text(case.read_text(encoding="utf-8") + "confidential: true\n", encoding="utf-8")
    build(copy, root / "data")
    return root / "data"


def viz(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    dakg = str(Path(sys.executable).parent / "dakg")
    return subprocess.run([dakg, "viz", "--data-dir", str(data), *args], capture_output=True,
                          text=True)  # fmt: skip


def names_of_arar(data: Path) -> set[str]:
    rows = open_reader(data).select(
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT DISTINCT ?n WHERE "
        f"{{ {{ <{ARAR}> <http://www.w3.org/2000/01/rdf-schema#label> ?n }} UNION "
        f"{{ <{ARAR}> skos:altLabel ?n }} }}"
    )
    names = {r["n"].value for r in rows}  # type: ignore[union-attr]
    return names | {part for n in names for part in n.split() if len(part) > 2}


def test_no_page_names_a_person_of_a_confidential_case(confidential: Path, tmp_path: Path) -> None:
    out = tmp_path / "views"
    result = viz(confidential, "--redact", "-o", str(out))
    assert result.returncode == 0, result.stderr
    names = names_of_arar(confidential)
    assert "Arar" in names
    pages = [p for p in out.rglob("*.html")]
    assert len(pages) > 30
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for name in names:
            assert not re.search(rf"\b{re.escape(name)}\b", text), (page, name)
        assert not re.search(r"\b(maher-arar|arar)\b", text, re.IGNORECASE), page
    [person] = [p for p in (out / "person").glob("person-*.html")]
    data = page_data(person)
    label = data["details"][data["nodes"][0]["id"]] and next(
        n["label"] for n in data["nodes"] if n["cls"] == "Person"
    )
    assert re.fullmatch(r"Person [A-Z0-9]{4,}", label)
    quotes = [s for d in data["details"].values() for s in d.get("sources", []) if s["quote"]]
    assert any(s.get("redacted") and label in s["quote"] for s in quotes)
    assert "names in confidential cases redacted" in data["stamp"]["text"]
    ccr = (out / "text" / "ccr-2015-03-27-assurances-not-enough.html").read_text(encoding="utf-8")
    assert f'<span class="redacted">{label}</span>' in ccr
    assert len(list((out / "case").glob("case-*.html"))) == 1


def test_the_pseudonym_is_stable_and_names_show_without_redact(
    confidential: Path, tmp_path: Path
) -> None:
    viz(confidential, "--redact", "--person", "person:maher-arar", "-o", str(tmp_path / "a"))
    viz(confidential, "--redact", "--person", "person:maher-arar", "-o", str(tmp_path / "b"))
    first = {p.name for p in (tmp_path / "a" / "person").glob("*.html")}
    assert first == {p.name for p in (tmp_path / "b" / "person").glob("*.html")}
    plain = viz(confidential, "--person", "Maher Arar", "-o", str(tmp_path / "c"))
    assert plain.returncode == 0
    assert "Maher Arar" in (tmp_path / "c" / "person" / "maher-arar.html").read_text("utf-8")


def test_a_redacted_single_file_shows_the_pseudonym_in_the_panel(
    confidential: Path, tmp_path: Path
) -> None:
    out = tmp_path / "mail" / "case.html"
    result = viz(confidential, "--redact", "--single-file", "--case", "arar", "-o", str(out))
    assert result.returncode == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert "Arar" not in html and "arar" not in html
    with open_view(out.parent) as viewer:
        page = viewer.open("case.html")
        page.wait_for_selector("body[data-drawn=true]")
        person = page.evaluate("dakgView.nodes.get({filter: n => n.cls === 'Person'})[0]")
        page.evaluate("(id) => dakgView.select([id])", person["id"])
        assert page.inner_text("#panel h2") == person["label"]
        fact = page.evaluate("dakgView.nodes.get({filter: n => n.cls === 'AssuranceEvent'})[0].id")
        page.evaluate("(id) => dakgView.select([id])", fact)
        quote = page.inner_text("#panel blockquote")
        assert person["label"] in quote and "[names redacted]" in quote
        assert viewer.console_errors == [] and viewer.left_folder == []


def test_a_redacted_export_and_its_tables_name_nobody_of_the_case(
    confidential: Path, tmp_path: Path
) -> None:
    dakg = str(Path(sys.executable).parent / "dakg")
    names = names_of_arar(confidential)
    for fmt, out in (("trig", tmp_path / "arar.trig"), ("csv", tmp_path / "tables")):
        result = subprocess.run(
            [dakg, "export", "--data-dir", str(confidential), "--format", fmt, "--case", "arar",
             "--redact", "-o", str(out)], capture_output=True, text=True,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        files = [out] if out.is_file() else sorted(out.glob("*.csv"))
        text = "\n".join(f.read_text(encoding="utf-8") for f in files)
        assert "Person " in text
        for name in names:
            assert not re.search(rf"\b{re.escape(name)}\b", text), (fmt, name)
        assert not re.search(r"\b(maher-arar|arar)\b", text, re.IGNORECASE), fmt
    trig = (tmp_path / "arar.trig").read_text(encoding="utf-8")
    assert "names of persons in confidential cases are replaced by pseudonyms" in trig
