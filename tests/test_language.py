"""A document the rules cannot read (not English) is said to be skipped, never read in silence."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from dakg.cli import cli
from dakg.loaders.document import load_document
from dakg.loaders.extract import extract, to_json
from dakg.loaders.language import detect

FRENCH = (
    "Le Comité contre la torture a rendu publique sa décision sur l'expulsion d'un "
    "ressortissant vers son pays d'origine. Il a estimé que l'État partie avait violé "
    "l'article 3 de la Convention en renvoyant le requérant malgré les assurances "
    "diplomatiques des autorités du pays de destination. Le requérant a été détenu dès son "
    "arrivée et sa famille est restée sans nouvelles pendant plusieurs semaines.\n"
)
SPANISH = (
    "El Tribunal Supremo autorizó la extradición del ciudadano a su país de origen, aunque "
    "organizaciones de derechos humanos advirtieron que corría el riesgo de sufrir torturas. "
    "Las autoridades del país requirente ofrecieron garantías diplomáticas que, según los "
    "abogados del detenido, no eran suficientes ni verificables por ningún organismo.\n"
)
ENGLISH_WITH_A_FOREIGN_MENU = (
    "Accueil | Actualités | Contact\n\n"
    "The Committee against Torture found that Norway had breached article 3 of the Convention "
    "when it deported Ahmad Sadiqi to Iran despite diplomatic assurances from Iran. He was "
    "detained on arrival and his family heard nothing for weeks, the Committee said in its "
    "decision published on Monday.\n"
)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_french_and_spanish_are_recognised() -> None:
    assert detect(FRENCH)[0] == "fr" and detect(SPANISH)[0] == "es"


def test_a_french_document_is_skipped_with_its_reason(tmp_path: Path) -> None:
    found = extract(load_document(write(tmp_path, "avis.txt", FRENCH)))
    assert found.facts == [] and found.entities == {}
    assert found.skipped is not None and "French (fr)" in found.skipped
    assert "nothing is extracted" in to_json(found)["skipped"]


def test_an_english_page_with_a_foreign_menu_is_read(tmp_path: Path) -> None:
    found = extract(load_document(write(tmp_path, "page.txt", ENGLISH_WITH_A_FOREIGN_MENU)))
    assert found.skipped is None
    states = {e.label for e in found.entities.values() if e.kind == "state"}
    assert {"Norway", "Iran"} <= states


def test_dakg_extract_and_build_say_which_file_was_skipped(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    spanish = write(corpus, "sentencia.txt", SPANISH)
    write(corpus, "page.txt", ENGLISH_WITH_A_FOREIGN_MENU)
    shown = CliRunner().invoke(cli, ["extract", str(spanish)])
    assert shown.exit_code == 0 and "skipped: written in Spanish (es)" in shown.output
    built = CliRunner().invoke(
        cli, ["build", "--corpus", str(corpus), "--data-dir", str(tmp_path / "data")]
    )
    assert built.exit_code == 0, built.output
    assert f"{spanish}: written in Spanish (es)" in built.output
