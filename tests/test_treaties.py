"""dakg treaties STATE --on DATE (issue 12): a state's standing towards every instrument on a
date, with the tables' "as of" dates and the avenues of complaint, read from the real tables."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from dakg.cli import cli
from dakg.graph.obligations import Binding, derive, phrase
from dakg.graph.reader import open_reader

from .conftest import build_with_transfer

ROOT = Path(__file__).resolve().parent.parent


def treaties(data: Path, state: str, on: str) -> dict[str, Any]:
    result = CliRunner().invoke(
        cli, ["treaties", state, "--on", on, "--json", "--data-dir", str(data)]
    )
    assert result.exit_code == 0, result.output
    found: dict[str, Any] = json.loads(result.output)
    return found


def standing(data: Path, state: str, on: str, instrument: str) -> dict[str, Any]:
    [row] = [s for s in treaties(data, state, on)["standings"]
             if s["instrument_iri"].endswith(f"/instrument/{instrument}")]  # fmt: skip
    return row


def test_spain_and_germany_are_bound_by_the_echr_and_say_since_when(built: Path) -> None:
    spain = standing(built, "ESP", "2015-06-01", "echr")
    assert (spain["status"], spain["since"]) == ("bound", "1979-10-04")
    assert spain["as_of"] and spain["sources"]
    germany = standing(built, "Germany", "2010-05-01", "echr")
    assert (germany["status"], germany["since"]) == ("bound", "1953-09-03")
    assert standing(built, "ESP", "1978", "echr")["status"] == "signatory, not a party"


def test_a_state_that_joined_cat_after_2015_is_bound_from_its_day(built: Path) -> None:
    # Fiji acceded on 2016-03-14: in force on the 30th day (CAT art. 27(2)).
    assert standing(built, "FJI", "2016-04-12", "cat")["status"] == "not a party"
    after = standing(built, "FJI", "2016-04-13", "cat")
    assert (after["status"], after["since"]) == ("bound", "2016-04-13")


def test_syria_was_not_a_party_to_cat_when_arar_was_sent_there(built: Path) -> None:
    syria = standing(built, "SYR", "2002-10-08", "cat")
    assert (syria["status"], syria["since"]) == ("not a party", "2004-09-18")
    assert phrase(Binding(**{k: syria[k] for k in ("instrument", "status", "since", "as_of")})) == (
        "not a party to the Convention against Torture (became one on 2004-09-18)"
        f" [tables as of {syria['as_of']}]"
    )


def test_a_state_outside_the_tables_is_no_data_not_not_a_party(built: Path) -> None:
    # Taiwan is in ISO 3166 but no UN member: the UN tables do not cover it.
    assert standing(built, "TWN", "2020-01-01", "cat")["status"] == "no data"
    # Past a table's date a non-party is no data, while a party stays bound.
    assert standing(built, "USA", "2030-01-01", "crc")["status"] == "no data"
    assert standing(built, "USA", "2030-01-01", "cat")["status"] == "bound"
    # A non-member of the OAS is not a party to the American Convention.
    assert standing(built, "ESP", "2000-01-01", "achr")["status"] == "not a party"


def test_the_avenues_of_complaint_follow_declarations_and_protocol_11(built: Path) -> None:
    def avenues(state: str, on: str) -> dict[str, str]:
        return {a["avenue"]: a["status"] for a in treaties(built, state, on)["avenues"]}

    canada = avenues("CAN", "2010-01-01")  # art. 22 declaration of 1989-11-13
    assert canada["cat-22"] == "open" and canada["iccpr-op1"] == "open"
    assert canada["echr-34"] == "closed"
    usa = avenues("USA", "2010-01-01")
    assert usa["iccpr-op1"] == "closed"  # not a party to the Protocol
    assert avenues("TUR", "1990-01-01")["echr-34"] == "open"  # art. 25 declaration, 1987
    assert avenues("DEU", "2010-01-01")["echr-34"] == "open"  # compulsory since 1998
    assert avenues("SYR", "2002-10-08")["cat-22"] == "closed"


def test_a_case_files_transfer_from_spain_gets_the_echr_obligation(
    corpus: Path, tmp_path: Path
) -> None:
    data = build_with_transfer(corpus, tmp_path, "Spain", "Morocco", "extradition", "2016-03-01")
    [row] = [t for t in derive(open_reader(data))
             if (t.sending_iri or "").endswith("/ESP")]  # fmt: skip
    sending = {b.instrument_iri.rsplit("/", 1)[-1]: b for b in row.sending_bound}
    assert sending["echr"].status == "bound"
    assert any(p.endswith("/echr/article/3") for p in sending["echr"].provision_iris)
    receiving = {b.instrument_iri.rsplit("/", 1)[-1]: b for b in row.receiving_bound}
    assert receiving["cat"].status == "bound" and receiving["echr"].status == "not a party"


def test_every_in_force_date_agrees_with_its_treaty_article() -> None:
    """tools/treaties/crosscheck.py recomputes each in-force date from its deposit."""
    import csv

    path = ROOT / "tools" / "treaties" / "crosscheck.py"
    spec = importlib.util.spec_from_file_location("crosscheck", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with (ROOT / "graph" / "data" / "treaty_actions.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    checked = [r for r in rows if r["instrument"] in module.RULES and r["date_in_force"]]
    assert len(checked) > 1000
    assert module.recompute(rows) == []
