"""Whole documents: offsets round-trip, metadata from the manifest or the text itself."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dakg.errors import InputError, ManifestError
from dakg.loaders.corpus import corpus_files
from dakg.loaders.document import load_document
from dakg.loaders.manifest import read_manifest
from dakg.loaders.model import Document

from .conftest import doc_named


def test_the_bundled_corpus_has_five_documents(documents: dict[str, Document]) -> None:
    assert sorted(documents) == [
        "ccr-2015-03-27-assurances-not-enough",
        "hrw-2005-05-11-call-for-action",
        "hrw-2006-09-06-yusupov-letter",
        "hrw-2007-03-28-russia-guantanamo",
        "iom-2014-non-refoulement-note",
    ]


def test_every_segment_round_trips(documents: dict[str, Document]) -> None:
    for doc in documents.values():
        for seg in doc.paragraphs + doc.sentences + [s.heading for s in doc.sections]:
            assert doc.clean[seg.start : seg.end] == seg.text, doc.stem
        for section in doc.sections:
            assert doc.clean[section.start :].startswith(section.title)
            assert section.end <= len(doc.clean)


def test_sentences_lie_inside_paragraphs(documents: dict[str, Document]) -> None:
    for doc in documents.values():
        spans = [(p.start, p.end) for p in doc.paragraphs]
        for s in doc.sentences:
            assert any(a <= s.start and s.end <= b for a, b in spans)


def test_no_sentence_is_cut_after_an_abbreviation(documents: dict[str, Document]) -> None:
    for doc in documents.values():
        for s in doc.sentences:
            assert not s.text.endswith((" Mr.", " U.S.", " Dr.", " No.")), s.text


def test_metadata_from_the_manifest(documents: dict[str, Document]) -> None:
    meta = doc_named(documents, "hrw-2006").metadata
    assert meta.publisher == "Human Rights Watch; American Civil Liberties Union"
    assert (meta.date, meta.date_precision, meta.kind) == ("2006-09-06", "day", "letter")
    assert meta.recovered == []
    iom = doc_named(documents, "iom-").metadata
    assert (iom.date, iom.date_precision) == ("2014-04", "month")


def test_metadata_recovered_without_a_manifest(corpus: Path, tmp_path: Path) -> None:
    for name in [
        "hrw-2007-03-28-russia-guantanamo.txt",
        "ccr-2015-03-27-assurances-not-enough.txt",
    ]:
        shutil.copyfile(corpus / name, tmp_path / name)
    [(ccr, none1), (hrw, none2)] = corpus_files(tmp_path)
    assert none1 is None and none2 is None
    meta = load_document(hrw).metadata
    assert meta.title == "US Sent Guantanamo Detainees Home to Torture in Russia"
    assert meta.publisher == "Human Rights Watch"
    assert (meta.date, meta.date_precision) == ("2007-03-28", "day")
    assert meta.recovered == ["title", "publisher", "date"]
    ccr_meta = load_document(ccr).metadata
    assert (ccr_meta.date, ccr_meta.url) == (
        "2015-03-27",
        "https://ccrjustice.org/home/get-involved/tools-resources/inside-ccr/"
        "diplomatic-assurances-against-torture-are-not-enough",
    )


def test_files_outside_the_manifest_still_load(corpus: Path, tmp_path: Path) -> None:
    shutil.copytree(corpus, tmp_path / "c", ignore=shutil.ignore_patterns("__*"))
    extra = tmp_path / "c" / "note.md"
    extra.write_text("# A note\n\nThe court dismissed the suit over the rendition in 2009.\n")
    files = dict((p.name, meta) for p, meta in corpus_files(tmp_path / "c"))
    assert len(files) == 6 and files["note.md"] is None
    doc = load_document(extra)
    assert doc.sections[0].title == "A note"
    assert doc.sentences[0].text == "The court dismissed the suit over the rendition in 2009."


@pytest.mark.parametrize(
    ("manifest", "problem"),
    [
        ("title,date\nx,2005\n", "missing column(s) file"),
        ("file,date\nmissing.txt,2005\n", "lists missing.txt"),
        ("file,date\na.txt,someday\n", "the date 'someday' is not an ISO date"),
        ("file,date\na.txt,2005\na.txt,2006\n", "a.txt is listed twice"),
    ],
)
def test_a_bad_manifest_is_refused(tmp_path: Path, manifest: str, problem: str) -> None:
    (tmp_path / "a.txt").write_text("Some text of a document that is long enough to be prose.\n")
    (tmp_path / "MANIFEST.csv").write_text(manifest)
    with pytest.raises((ManifestError, InputError), match="MANIFEST.csv") as err:
        corpus_files(tmp_path)
    assert problem in str(err.value)


def test_the_manifest_reads_every_bundled_file(corpus: Path) -> None:
    assert len(read_manifest(corpus)) == 5
