"""dakg export, checked by parsers that are not ours (Debian's rapper, pyoxigraph, rdflib):
what is written is the store's content (or a subset of it that never dangles), the same bytes
in two processes, refused when it breaks the shapes, and never half written."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from dakg.graph.reader import open_reader

ID = "https://w3id.org/dakg/id/"
DAKG = "https://w3id.org/dakg/ontology#"
SUFFIX = {"turtle": "ttl", "trig": "trig", "nquads": "nq", "ntriples": "nt", "jsonld": "jsonld"}
OXI = {"turtle": "TURTLE", "trig": "TRIG", "nquads": "N_QUADS", "ntriples": "N_TRIPLES",
       "jsonld": "JSON_LD"}  # fmt: skip


def dakg(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    binary = str(Path(sys.executable).parent / "dakg")
    return subprocess.run([binary, *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})})  # fmt: skip


def rapper() -> str:
    found = shutil.which("rapper")
    if found is None:
        message = "rapper is not installed: install it with `sudo tools/install-test-tools`"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found


@pytest.fixture(scope="module")
def exports(built: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every format of the whole store, rejected facts kept (the store's whole content)."""
    folder = tmp_path_factory.mktemp("exports")
    out = {}
    for fmt, suffix in SUFFIX.items():
        path = folder / f"all.{suffix}"
        result = dakg("export", "--data-dir", str(built), "--format", fmt, "--include-rejected",
                      "-o", str(path))  # fmt: skip
        assert result.returncode == 0, result.stderr
        out[fmt] = path
    return out


def parsed(path: Path, fmt: str) -> Any:
    """The file as a canonical pyoxigraph Dataset."""
    from pyoxigraph import CanonicalizationAlgorithm, Dataset, DefaultGraph, Quad, RdfFormat, parse  # noqa: I001

    dataset = Dataset()
    for item in parse(path=str(path), format=getattr(RdfFormat, OXI[fmt])):
        quad = item if isinstance(item, Quad) else Quad(*item, DefaultGraph())
        dataset.add(quad)
    dataset.canonicalize(CanonicalizationAlgorithm.UNSTABLE)
    return dataset


def store_content(built: Path, keep_graphs: bool) -> Any:
    from pyoxigraph import CanonicalizationAlgorithm, Dataset, DefaultGraph, Quad

    dataset = Dataset()
    for quad in open_reader(built).quads():
        dataset.add(quad if keep_graphs else Quad(quad.subject, quad.predicate, quad.object,
                                                  DefaultGraph()))  # fmt: skip
    dataset.canonicalize(CanonicalizationAlgorithm.UNSTABLE)
    return dataset


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "trig", "nquads", "jsonld"])
def test_every_format_holds_exactly_the_stores_content(
    built: Path, exports: dict[str, Path], fmt: str
) -> None:
    keep = fmt in ("trig", "nquads", "jsonld")
    if fmt == "jsonld":
        import rdflib
        from rdflib import Dataset as RdflibDataset

        rdflib.NORMALIZE_LITERALS = False  # compare lexical forms as written
        ours = RdflibDataset()
        ours.parse(exports[fmt], format="json-ld")  # rdflib's JSON-LD parser, not our writer
        nquads = exports[fmt].with_suffix(".from-rdflib.nq")
        ours.serialize(nquads, format="nquads")
        got = parsed(nquads, "nquads")
    else:
        got = parsed(exports[fmt], fmt)
    want = store_content(built, keep)
    assert len(got) == len(want) > 20000
    assert set(map(str, got)) == set(map(str, want))


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "trig"])
def test_rapper_reads_every_triple(
    built: Path, exports: dict[str, Path], fmt: str, tmp_path: Path
) -> None:
    """Debian's rapper reads our file; its own N-Triples/N-Quads output is then compared."""
    out = "nquads" if fmt == "trig" else "ntriples"
    result = subprocess.run([rapper(), "-q", "-i", fmt, "-o", out, str(exports[fmt])],
                            capture_output=True, text=True)  # fmt: skip
    assert result.returncode == 0, result.stderr
    copy = tmp_path / f"rapper.{SUFFIX[out]}"
    copy.write_text(result.stdout, encoding="utf-8")
    got = parsed(copy, out)
    want = store_content(built, fmt == "trig")
    assert len(got) == len(want)
    assert set(map(str, got)) == set(map(str, want))


def test_names_read_by_kind_and_the_jsonld_context_is_inlined(exports: dict[str, Path]) -> None:
    turtle = exports["turtle"].read_text(encoding="utf-8")
    assert "@prefix person: <https://w3id.org/dakg/id/person/> ." in turtle
    assert "person:maher-arar" in turtle and "id:person\\/" not in turtle
    heads = [line for line in turtle.splitlines() if line.startswith("@prefix")]
    assert heads == sorted(heads)
    data = json.loads(exports["jsonld"].read_text(encoding="utf-8"))
    shipped = json.loads((Path(__file__).parent.parent / "ontology" / "context.jsonld").read_text())
    assert data["@context"] == shipped["@context"]


def test_two_processes_write_the_same_bytes(built: Path, tmp_path: Path) -> None:
    for fmt, suffix in SUFFIX.items():
        outs = []
        for seed in ("1", "2"):
            out = tmp_path / f"{seed}.{suffix}"
            result = dakg("export", "--data-dir", str(built), "--format", fmt, "--case", "arar",
                          "-o", str(out), env={"PYTHONHASHSEED": seed})  # fmt: skip
            assert result.returncode == 0, result.stderr
            outs.append(out.read_bytes())
        assert outs[0] == outs[1], fmt


def subset(built: Path, tmp_path: Path, *args: str) -> Any:
    out = tmp_path / "subset.nq"
    result = dakg("export", "--data-dir", str(built), "--format", "nquads", "-o", str(out), *args)
    assert result.returncode == 0, result.stderr
    return parsed(out, "nquads")


def dangling(dataset: Any) -> set[str]:
    """Instance IRIs an export names but does not describe."""
    from pyoxigraph import NamedNode

    subjects = {q.subject.value for q in dataset if isinstance(q.subject, NamedNode)}
    objects = {q.object.value for q in dataset if isinstance(q.object, NamedNode)}
    return {o for o in objects if o.startswith(ID) and o not in subjects}


@pytest.mark.parametrize(
    "args",
    [("--case", "arar"), ("--person", "person:rasul-kudaev"),
     ("--document", "hrw-2006-09-06-yusupov-letter"),
     ("--graph", "case/russian-guantanamo-detainees")],
)  # fmt: skip
def test_a_subset_never_dangles_and_carries_its_texts(
    built: Path, tmp_path: Path, args: tuple[str, str]
) -> None:
    data = subset(built, tmp_path, *args)
    assert len(data) > 50
    assert dangling(data) == set()
    texts = [q for q in data if q.predicate.value == DAKG + "cleanText"]
    assert texts


def test_a_case_subset_holds_the_case_facts_and_its_quotes(built: Path, tmp_path: Path) -> None:
    from dakg.queries.library import load, run

    data = subset(built, tmp_path, "--case", "arar")
    subjects = {q.subject.value for q in data}
    facts = {r["fact"].value for r in run(open_reader(built), load("case-facts"),  # type: ignore[union-attr]
                                          {"case": "arar"}).rows}  # fmt: skip
    assert facts and facts <= subjects
    quotes = {q.object.value for q in data if q.predicate.value == "http://www.w3.org/ns/oa#exact"}
    assert any("Maher Arar" in quote for quote in quotes)


def test_rejected_facts_are_left_out_unless_asked(built: Path, tmp_path: Path) -> None:
    reader = open_reader(built)
    rejected = {r["f"].value for r in reader.select(  # type: ignore[union-attr]
        f"SELECT DISTINCT ?f WHERE {{ ?f <{DAKG}reviewStatus> <{DAKG}Rejected> }}")}  # fmt: skip
    assert rejected
    whole = tmp_path / "all.nt"
    dakg("export", "--data-dir", str(built), "--format", "ntriples", "-o", str(whole))
    text = whole.read_text(encoding="utf-8")
    assert not any(f"<{f}> " in text for f in rejected)
    dakg("export", "--data-dir", str(built), "--format", "ntriples", "--include-rejected",
         "-o", str(whole))  # fmt: skip
    text = whole.read_text(encoding="utf-8")
    assert all(f"<{f}> " in text for f in rejected)


def test_status_confirmed_exports_only_what_analysts_accepted(built: Path, tmp_path: Path) -> None:
    data = subset(built, tmp_path, "--graph", "case/arar", "--status", "confirmed",
                  "--status", "corrected")  # fmt: skip
    statuses: dict[str, set[str]] = {}
    for q in data:
        if q.predicate.value == DAKG + "reviewStatus":
            statuses.setdefault(q.subject.value, set()).add(q.object.value.rsplit("#", 1)[-1])
    facts = [s for s in statuses if "/evidence/" not in s]
    assert facts
    for fact in facts:
        assert statuses[fact] - {"Extracted"} <= {"Confirmed", "Corrected"}
        assert statuses[fact] & {"Confirmed", "Corrected"}, fact


def copy_store(built: Path, dest: Path) -> Path:
    shutil.copytree(built, dest, symlinks=True)
    return dest


def test_a_shape_violation_refuses_the_export_and_keeps_the_previous_file(
    built: Path, tmp_path: Path
) -> None:
    from pyoxigraph import Literal, NamedNode, Quad, Store

    from dakg.graph.store import current_path

    data = copy_store(built, tmp_path / "data")
    out = tmp_path / "arar.ttl"
    first = dakg("export", "--data-dir", str(data), "--case", "arar", "-o", str(out))
    assert first.returncode == 0, first.stderr
    before = out.read_bytes()
    store = Store(str(current_path(data)))
    transfer = f"{ID}transfer/transfer-838964ec9714"
    store.add(Quad(NamedNode(transfer), NamedNode(DAKG + "dateStart"), Literal("not a date"),
                   NamedNode("https://w3id.org/dakg/graph/case/arar")))  # fmt: skip
    store.flush()
    del store
    for args in (("--case", "arar"), ()):
        result = dakg("export", "--data-dir", str(data), *args, "-o", str(out))
        assert result.returncode == 1
        assert "does not conform" in result.stderr and transfer in result.stderr
        assert "Traceback" not in result.stderr
        assert out.read_bytes() == before
    forced = dakg("export", "--data-dir", str(data), "--case", "arar", "--force", "-o", str(out))
    assert forced.returncode == 0 and out.read_bytes() != before


def test_a_killed_export_leaves_the_previous_file(built: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.nq"
    assert dakg("export", "--data-dir", str(built), "--format", "nquads", "--include-rejected",
                "-o", str(out)).returncode == 0  # fmt: skip
    before = out.read_bytes()
    binary = str(Path(sys.executable).parent / "dakg")
    for delay in (0.5, 1.5, 2.5, 3.5, 4.5):
        process = subprocess.Popen(
            [binary, "export", "--data-dir", str(built), "--format", "nquads",
             "--include-rejected", "-o", str(out)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert out.read_bytes() == before  # the old file, or the same bytes written whole
    final = dakg("export", "--data-dir", str(built), "--format", "nquads", "--include-rejected",
                 "-o", str(out))  # fmt: skip
    assert final.returncode == 0
    assert [p.name for p in tmp_path.iterdir()] == ["all.nq"]  # leftovers of killed runs gone


def test_the_line_formats_equal_oxigraphs_writer(built: Path) -> None:
    from dakg.graph.export import canonical, lines, serialize

    quads = list(open_reader(built).quads())
    for fmt, keep in (("nquads", True), ("ntriples", False)):
        data, count = lines(quads, keep)
        assert data == serialize(canonical(quads, keep), fmt, {})
        assert count == data.count(b"\n") > 20000
