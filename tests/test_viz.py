"""dakg viz without a browser: which pages a folder holds, what each page's data says
(counted against independent SPARQL on the store), offline and escaped output, seeded layout,
one-line errors and a previous folder never lost. The browser tests are in test_viz_browser.py."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from dakg.graph.reader import StoreReader, open_reader
from dakg.viz.site import draw

ID = "https://w3id.org/dakg/id/"
PREFIX = "PREFIX dakg: <https://w3id.org/dakg/ontology#>\n"
EVENTS = (
    "VALUES ?class { dakg:Transfer dakg:AssuranceEvent dakg:Harm dakg:Decision "
    "dakg:AdvocacyAction }"
)
ROLES = (
    "dakg:transferee|dakg:fromState|dakg:toState|dakg:viaPlace|dakg:soughtBy|dakg:givenBy|"
    "dakg:concerns|dakg:relatesToTransfer|dakg:victim|dakg:perpetrator|dakg:atPlace|"
    "dakg:decidedBy|dakg:about|dakg:appliesProvision|dakg:author|dakg:signatory|dakg:addressee"
)


@pytest.fixture(scope="module")
def views(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("views") / "dakg-views"
    draw(open_reader(built), out)
    return out


def page_data(path: Path) -> dict[str, Any]:
    """The JSON block a page draws from."""
    html = path.read_text(encoding="utf-8")
    match = re.search(r'<script type="application/json" id="dakg-data">(.*?)</script>', html, re.S)
    assert match, f"{path}: no data block"
    data: dict[str, Any] = json.loads(match[1])
    return data


def count(built: Path, query: str) -> int:
    rows = open_reader(built).select(PREFIX + query)
    return int(rows[0]["n"].value)  # type: ignore[union-attr]


def test_the_folder_has_a_page_for_every_case_person_state_and_document(
    built: Path, views: Path
) -> None:
    reader = open_reader(built)
    cases = {r["c"].value.rsplit("/", 1)[-1] for r in reader.select(
        PREFIX + "SELECT DISTINCT ?c WHERE { ?c a dakg:Case }")}  # type: ignore[union-attr]  # fmt: skip
    named = reader.select(
        PREFIX
        + f"""SELECT DISTINCT ?x ?k WHERE {{ {EVENTS} ?f a ?class ;
        {ROLES} ?x . VALUES ?k {{ dakg:Person dakg:Group dakg:State }} ?x a ?k
        FILTER NOT EXISTS {{ ?f dakg:reviewStatus dakg:Rejected }} }}"""
    )
    people = {r["x"].value.rsplit("/", 1)[-1] for r in named if not r["k"].value.endswith("State")}  # type: ignore[union-attr]
    states = {r["x"].value.rsplit("/", 1)[-1] for r in named if r["k"].value.endswith("State")}  # type: ignore[union-attr]
    documents = {r["d"].value.rsplit("/", 1)[-1] for r in reader.select(
        PREFIX + "SELECT DISTINCT ?d WHERE { ?d a dakg:Document }")}  # type: ignore[union-attr]  # fmt: skip
    assert {p.stem for p in (views / "case").glob("*.html")} == cases
    assert {p.stem for p in (views / "person").glob("*.html")} == people
    assert {p.stem for p in (views / "state").glob("*.html")} == states
    assert {p.stem for p in (views / "document").glob("*.html")} == documents
    assert {p.stem for p in (views / "text").glob("*.html")} == documents
    assert "maher-arar" in people and {"USA", "SYR", "UZB", "RUS"} <= states
    index = (views / "index.html").read_text(encoding="utf-8")
    for page in views.glob("*/*.html"):
        if page.parent.name != "assets":
            assert f'href="{page.parent.name}/{page.name}"' in index, page


def test_a_case_page_draws_each_fact_of_the_case_and_what_it_links(
    built: Path, views: Path
) -> None:
    data = page_data(views / "case" / "arar.html")
    facts = count(
        built,
        # events: the reports of one happening are one node (graph/events)
        f"""SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ {EVENTS}
        ?f a ?class .
        {{ ?f dakg:partOfCase <{ID}case/arar> }} UNION {{ <{ID}case/arar> dakg:concerns ?p .
           {{ ?s dakg:hasMember? ?p }} UNION {{ ?p dakg:hasMember ?s }}
           ?f dakg:transferee|dakg:concerns|dakg:victim|dakg:about ?s }}
        FILTER NOT EXISTS {{ ?f dakg:reviewStatus dakg:Rejected }}
        OPTIONAL {{ ?h dakg:includesFact ?f }} BIND(COALESCE(?h, ?f) AS ?e) }}""",
    )
    drawn = [n for n in data["nodes"] if n["id"] in data["details"] and "sources" in
             data["details"][n["id"]]]  # fmt: skip
    assert len(drawn) == facts == len(data["rows"])
    transfer = next(n for n in drawn if n["cls"] == "Transfer" and n["status"] == "Confirmed")
    roles = {e["label"] for e in data["edges"] if e["from"] == transfer["id"]}
    assert {"transferee", "from", "to"} <= roles
    arar = next(n for n in data["nodes"] if n["id"] == f"{ID}person/maher-arar")
    assert arar["label"] == "Maher Arar" and arar["cls"] == "Person"


def test_every_quote_in_a_panel_links_to_its_passage_at_its_offsets(
    built: Path, views: Path
) -> None:
    data = page_data(views / "case" / "arar.html")
    sources = [s for d in data["details"].values() for s in d.get("sources", []) if s["href"]]
    assert sources
    reader = open_reader(built)
    for source in sources:
        page, anchor = source["href"].split("#")
        target = (views / "case" / page).resolve()
        html = target.read_text(encoding="utf-8")
        assert f'id="{anchor}"' in html
        doc, start, end = re.fullmatch(r"q-(.+)-(\d+)-(\d+)", anchor).groups()  # type: ignore[union-attr]
        text = reader.select(
            PREFIX + f"SELECT ?t WHERE {{ <{ID}document/{doc}> dakg:cleanText ?t }}"
        )
        passage = text[0]["t"].value[int(start) : int(end)]  # type: ignore[union-attr]
        assert source["quote"] and source["quote"] in passage or passage in source["quote"]


def test_dates_are_shown_at_their_precision(views: Path) -> None:
    data = page_data(views / "graph" / "overview.html")
    dates = {d["date"] for d in data["details"].values() if d.get("date")}
    assert any(re.fullmatch(r"\d{4}", d) for d in dates)
    assert any(re.fullmatch(r"\d{4}-\d{2}", d) for d in dates)
    assert not any(d.endswith("-01-01") for d in dates if len(d) == 10)


def test_nothing_is_loaded_from_outside_the_folder(views: Path) -> None:
    for page in [*views.glob("*.html"), *views.glob("*/*.html")]:
        html = page.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:script|link|img|iframe|source)\b[^>]*>", html):
            assert not re.search(r"(src|href)=\"(https?:)?//", tag), (page, tag)
        for link in re.findall(r"<a\b[^>]*href=\"https?://[^>]*>", html):
            assert 'rel="noopener noreferrer"' in link, (page, link)
        assert "default-src &#39;none&#39;" in html or "default-src 'none'" in html
    assert (views / "assets" / "vendor" / "vis-network.LICENSE-MIT").exists()


def test_the_same_graph_draws_the_same_picture(built: Path, tmp_path: Path) -> None:
    import os

    for seed, name in (("1", "a"), ("2", "b")):  # Python's hash seed must not move a node
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([str(Path(sys.executable).parent / "dakg"), "viz", "--data-dir",
                        str(built), "-o", str(tmp_path / name)], check=True, env=env)  # fmt: skip
    for page in ("graph/overview.html", "case/russian-guantanamo-detainees.html"):
        first, second = page_data(tmp_path / "a" / page), page_data(tmp_path / "b" / page)
        assert [(n["id"], n["x"], n["y"]) for n in first["nodes"]] == [
            (n["id"], n["x"], n["y"]) for n in second["nodes"]
        ]
        assert len({(n["x"], n["y"]) for n in first["nodes"]}) == len(first["nodes"])


def test_the_json_block_cannot_be_closed_by_document_text() -> None:
    from dakg.viz.page import script_json

    text = script_json({"q": "</script><script>alert(1)</script><!-- \u2028 &amp;"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"q": "</script><script>alert(1)</script><!-- \u2028 &amp;"}


def test_a_single_file_holds_everything_it_needs(built: Path, tmp_path: Path) -> None:
    out = tmp_path / "arar.html"
    draw(open_reader(built), out, single_file=True, only=("case", "arar"))
    html = out.read_text(encoding="utf-8")
    assert not re.search(r"<(script|link)\b[^>]*(src|href)=", html)
    assert "vis-network" in html and 'id="text-ccr-2015-03-27-assurances-not-enough"' in html
    data = page_data(out)
    hrefs = [s["href"] for d in data["details"].values() for s in d.get("sources", [])]
    assert hrefs and all(h == "" or h.startswith("#q-") for h in hrefs)
    assert all(f'id="{h[1:]}"' in html for h in hrefs if h)


def test_refoulement_chains_are_paths_a_page_can_highlight(tmp_path: Path) -> None:
    from pyoxigraph import RdfFormat, Store

    store = Store()
    fixture = Path(__file__).parent / "queries" / "refoulement-chains.trig"
    store.load(path=str(fixture), format=RdfFormat.TRIG)
    drawn = draw(StoreReader(store, "fixture"), tmp_path / "v")
    data = page_data(drawn.path.parent / "graph" / "overview.html")
    assert data["paths"]
    chain = data["paths"][0]
    assert chain["label"].startswith("Refoulement chain: ") and "→" in chain["label"]
    ids = {n["id"] for n in data["nodes"]}
    assert set(chain["nodes"]) <= ids and len(chain["edges"]) >= 4


def dakg(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(Path(sys.executable).parent / "dakg"), *args], capture_output=True, text=True, cwd=cwd
    )


def test_an_unknown_case_is_a_one_line_error(built: Path, tmp_path: Path) -> None:
    result = dakg("viz", "--data-dir", str(built), "--case", "nobody", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "Error: no case named 'nobody' in the graph (dakg cases lists them)"
    ]
    assert not (tmp_path / "dakg-views").exists()


def test_an_unknown_state_is_a_one_line_error(built: Path, tmp_path: Path) -> None:
    result = dakg("viz", "--data-dir", str(built), "--state", "S", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_folder_that_is_not_views_is_never_replaced(built: Path, tmp_path: Path) -> None:
    precious = tmp_path / "notes"
    precious.mkdir()
    (precious / "mine.txt").write_text("keep me")
    result = dakg("viz", "--data-dir", str(built), "-o", str(precious), cwd=tmp_path)
    assert result.returncode == 1 and "not a folder of dakg views" in result.stderr
    assert (precious / "mine.txt").read_text() == "keep me"


def test_a_failed_drawing_keeps_the_previous_views(built: Path, tmp_path: Path) -> None:
    out = tmp_path / "v"
    draw(open_reader(built), out, only=("case", "arar"))
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    result = dakg("viz", "--data-dir", str(tmp_path / "no-store"), "-o", str(out), cwd=tmp_path)
    assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".v.")]
