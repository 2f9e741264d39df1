"""Redaction of the persons of confidential cases in views that leave the team (issue 10)."""

from __future__ import annotations

import re
import shutil
import stat
from pathlib import Path

import pytest

from dakg.graph.build import build
from dakg.graph.reader import Reader, StoreReader, open_reader
from dakg.graph.redact import (
    PERSON_BASE,
    KeyFileError,
    Redactor,
    _codes,
    load_redactor,
    no_redaction,
)

ARAR = PERSON_BASE + "maher-arar"
PREFIXES = """PREFIX dakg: <https://w3id.org/dakg/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


@pytest.fixture(scope="module")
def confidential(tmp_path_factory: pytest.TempPathFactory, corpus: Path) -> Path:
    """A data directory built from the bundled corpus with the Arar case marked confidential."""
    root = tmp_path_factory.mktemp("confidential")
    copy = root / "corpus"
    shutil.copytree(corpus, copy, ignore=shutil.ignore_patterns("__*"))
    arar = copy / "cases" / "arar.yaml"
    text = arar.read_text(encoding="utf-8")
    arar.write_text(text.replace("concerns:", "confidential: true\nconcerns:", 1), encoding="utf-8")
    build(copy, root / "data")
    return root / "data"


@pytest.fixture(scope="module")
def reader(confidential: Path) -> Reader:
    return open_reader(confidential, None)


@pytest.fixture(scope="module")
def key_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("key") / "team" / "pseudonym.key"


@pytest.fixture(scope="module")
def redactor(reader: Reader, key_file: Path) -> Redactor:
    return load_redactor(reader, key_file)


def strings(reader: Reader, query: str, name: str) -> list[str]:
    return sorted({t.value for row in reader.select(PREFIXES + query) if (t := row[name])})


def test_only_arar_gets_a_pseudonym_of_four_letters_or_digits(redactor: Redactor) -> None:
    assert redactor.active
    assert list(redactor.pseudonyms) == [ARAR]
    assert re.fullmatch(r"Person [A-Z0-9]{4}", redactor.pseudonyms[ARAR])


def test_every_name_of_arar_is_replaced_in_a_real_quote(redactor: Redactor, reader: Reader) -> None:
    quotes = strings(reader, 'SELECT ?q WHERE { ?s oa:exact ?q FILTER(CONTAINS(?q, "Arar")) }', "q")
    assert quotes
    pseudonym = redactor.pseudonyms[ARAR]
    for quote in quotes:
        redacted = redactor.text(quote)
        assert "Arar" not in redacted and "Maher" not in redacted
        assert pseudonym in redacted
        assert redactor.changed(quote)
        assert redacted.replace(pseudonym, "Maher Arar") == quote


def test_a_surname_alone_and_a_possessive_are_replaced_as_whole_words(
    redactor: Redactor,
) -> None:
    pseudonym = redactor.pseudonyms[ARAR]
    assert redactor.text("Mr. Arar's lawyer met Maher\nArar.") == (
        f"Mr. {pseudonym}'s lawyer met {pseudonym}."
    )
    assert redactor.text("MAHER ARAR") == pseudonym
    for untouched in ["Ararat", "Mr Arara", "Maherson", "ararat"]:
        assert redactor.text(untouched) == untouched
        assert not redactor.changed(untouched)


def test_his_iri_and_slug_are_replaced(redactor: Redactor) -> None:
    code = redactor.pseudonyms[ARAR].removeprefix("Person ").lower()
    assert redactor.text(ARAR) == f"{PERSON_BASE}person-{code}"
    assert redactor.text("person:maher-arar") == f"person:person-{code}"
    assert redactor.text("maher-arar") == f"person-{code}"
    assert redactor.text("id=maher-arar-2") == f"id=person-{code}-2"
    assert redactor.text(PERSON_BASE + "carroll-bogert") == PERSON_BASE + "carroll-bogert"


def test_the_confidential_cases_iri_and_slug_are_replaced(redactor: Redactor) -> None:
    case = "https://w3id.org/dakg/id/case/arar"
    hidden = redactor.text(case)
    assert re.fullmatch(r"https://w3id.org/dakg/id/case/case-[a-z0-9]{4,}", hidden)
    assert redactor.text("case/arar.html") == hidden.rsplit("/", 1)[-1].join(("case/", ".html"))
    assert redactor.text("case/yusupov.html") == "case/yusupov.html"


def test_no_other_persons_name_or_iri_changes(redactor: Redactor, reader: Reader) -> None:
    others = strings(
        reader,
        "SELECT ?p WHERE { ?p a dakg:Person }",
        "p",
    )
    names = strings(
        reader,
        "SELECT ?n WHERE { ?p a dakg:Person { ?p rdfs:label ?n } UNION { ?p skos:altLabel ?n }"
        f" FILTER(?p != <{ARAR}>) }}",
        "n",
    )
    assert len(others) > 10 and "Bekhzod Yusupov" in names
    for text in names + [p for p in others if p != ARAR]:
        assert redactor.text(text) == text


def test_the_case_title_and_the_citation_are_redacted(redactor: Redactor, reader: Reader) -> None:
    titles = strings(
        reader, "SELECT ?t WHERE { <https://w3id.org/dakg/id/case/arar> rdfs:label ?t }", "t"
    )
    [title] = [redactor.text(t) for t in titles]
    assert title.startswith(redactor.pseudonyms[ARAR] + ": rendition")
    cited = strings(
        reader,
        "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
        'SELECT ?t WHERE { ?c a dakg:Citation ; dcterms:title ?t FILTER(CONTAINS(?t, "Arar")) }',
        "t",
    )
    assert cited and not any("Arar" in redactor.text(t) for t in cited)


def test_the_pseudonym_is_stable_for_a_key_and_differs_with_another(
    reader: Reader, redactor: Redactor, key_file: Path, tmp_path: Path
) -> None:
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert re.fullmatch(r"[0-9a-f]{64}\n", key_file.read_text(encoding="ascii"))
    again = load_redactor(reader, key_file)
    assert again.pseudonyms == redactor.pseudonyms
    assert again.text(ARAR) == redactor.text(ARAR)
    other = load_redactor(reader, tmp_path / "other.key")
    assert other.pseudonyms[ARAR] != redactor.pseudonyms[ARAR]


def test_walk_redacts_every_string_and_marks_a_changed_quote(
    redactor: Redactor, reader: Reader
) -> None:
    [quote] = strings(
        reader, 'SELECT ?q WHERE { ?s oa:exact ?q FILTER(CONTAINS(?q, "Maher Arar")) }', "q"
    )
    data = {
        ARAR: {"label": "Maher Arar", "degree": 3, "alleged": None},
        "sources": [
            {"quote": quote, "start": 10},
            {"quote": "Syria gave assurances.", "start": 0},
        ],
        "edge": ("maher-arar", "state:SYR", 1.5, True),
    }
    walked = redactor.walk(data)
    pseudonym = redactor.pseudonyms[ARAR]
    iri = redactor.text(ARAR)
    assert walked == {
        iri: {"label": pseudonym, "degree": 3, "alleged": None},
        "sources": [
            {"quote": redactor.text(quote), "start": 10, "redacted": True},
            {"quote": "Syria gave assurances.", "start": 0},
        ],
        "edge": (iri.rsplit("/", 1)[1], "state:SYR", 1.5, True),
    }
    assert data["sources"][0] == {"quote": quote, "start": 10}  # the input is left alone


def test_spans_line_up_with_the_document_text(redactor: Redactor, reader: Reader) -> None:
    [text] = strings(
        reader,
        'SELECT ?t WHERE { ?d dakg:cleanText ?t FILTER(CONTAINS(?t, "Maher Arar")) }',
        "t",
    )
    spans = redactor.spans(text)
    assert spans and all(text[s:e] in {"Maher Arar", "Arar", "Maher"} for s, e, _ in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert {p for _, _, p in spans} == {redactor.pseudonyms[ARAR]}
    cut, at = [], 0
    for start, end, pseudonym in spans:
        cut += [text[at:start], pseudonym]
        at = end
    assert "".join(cut) + text[at:] == redactor.text(text)


def test_no_confidential_case_means_no_redaction_and_no_key(built: Path, tmp_path: Path) -> None:
    redactor = load_redactor(open_reader(built, None), tmp_path / "never.key")
    assert not redactor.active and not (tmp_path / "never.key").exists()
    data = {"quote": "Maher Arar", "x": ["maher-arar"]}
    assert redactor.walk(data) == data and not redactor.changed("Maher Arar")
    assert no_redaction().text(ARAR) == ARAR and no_redaction().spans("Maher Arar") == []


GROUP_CASE = """
@prefix dakg: <https://w3id.org/dakg/ontology#> .
@prefix id: <https://w3id.org/dakg/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .

id:case\\/g a dakg:Case ; dakg:confidential true ; dakg:concerns id:group\\/g .
id:group\\/g a dakg:Group ; rdfs:label "the two" ;
    dakg:hasMember id:person\\/gul-yildiz , id:person\\/ali-al-masri .
id:person\\/gul-yildiz a dakg:Person ; rdfs:label "Gül Yıldız" .
id:person\\/ali-al-masri a dakg:Person ; rdfs:label "Ali Al-Masri" ; skos:altLabel "Abu Ali" .
id:person\\/mrs-smith a dakg:Person ; rdfs:label "Mrs Smith" .
id:case\\/open a dakg:Case ; dakg:concerns id:person\\/mrs-smith .
"""


def group_reader(turtle: str) -> Reader:
    from pyoxigraph import NamedNode, RdfFormat, Store

    store = Store()
    store.load(turtle, format=RdfFormat.TURTLE, to_graph=NamedNode("https://w3id.org/dakg/g"))
    return StoreReader(store)


def test_the_members_of_a_group_a_confidential_case_concerns_are_redacted(
    tmp_path: Path,
) -> None:
    redactor = load_redactor(group_reader(GROUP_CASE), tmp_path / "k")
    yildiz = redactor.pseudonyms[PERSON_BASE + "gul-yildiz"]
    masri = redactor.pseudonyms[PERSON_BASE + "ali-al-masri"]
    assert yildiz != masri and len(redactor.pseudonyms) == 2
    assert (
        redactor.text("Gül Yıldız met Gul Yildiz and Yildiz")
        == f"{yildiz} met {yildiz} and {yildiz}"
    )
    assert redactor.text("Mr. Al-Masri, Masri, Abu Ali") == f"Mr. {masri}, {masri}, {masri}"
    assert redactor.text("Mrs Smith and the two") == "Mrs Smith and the two"


def test_clashing_codes_are_extended_until_they_differ() -> None:
    key = bytes(32)
    seen: dict[str, str] = {}
    pair = []
    for n in range(100_000):
        iri = f"{PERSON_BASE}p{n}"
        code = _codes([iri], key)[iri]
        if code in seen:
            pair = [seen[code], iri]
            break
        seen[code] = iri
    assert pair
    codes = _codes(pair, key)
    assert len(set(codes.values())) == 2 and all(len(c) > 4 for c in codes.values())
    assert codes == _codes(list(reversed(pair)), key)


def test_a_key_file_that_holds_no_key_is_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.key"
    bad.write_text("not a key\n", encoding="ascii")
    with pytest.raises(KeyFileError, match="bad.key: not a pseudonym key"):
        load_redactor(group_reader(GROUP_CASE), bad)


def test_a_redacted_push_leaves_no_name_of_arar_in_the_shared_store(
    confidential: Path, tmp_path: Path
) -> None:
    from click.testing import CliRunner

    from dakg.cli import cli
    from dakg.graph.reader import EndpointReader

    from .servers import oxigraph

    with oxigraph(tmp_path / "store") as server:
        result = CliRunner().invoke(cli, ["push", "--data-dir", str(confidential), "--store",
                                          server.store, "--redact"])  # fmt: skip
        assert result.exit_code == 0, result.output
        remote = EndpointReader(server.query)
        count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
        assert int(remote.select(count)[0]["n"].value) > 50_000  # type: ignore[union-attr]
        named = remote.select(
            "SELECT ?s ?o WHERE { ?s ?p ?o FILTER(CONTAINS(STR(?s), 'maher-arar') || "
            "(isLiteral(?o) && CONTAINS(LCASE(STR(?o)), 'maher arar'))) } LIMIT 3"
        )
        assert named == []
        # the local store still names him: only the shared copy is redacted
        assert open_reader(confidential, None).ask(
            "ASK { ?s ?p ?o FILTER(CONTAINS(STR(?s), 'maher-arar')) }"
        )
