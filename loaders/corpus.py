"""Find the documents of a corpus folder and what its manifest says of each."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from dakg.errors import InputError

from .manifest import read_manifest
from .model import Metadata

DOCUMENT_SUFFIXES = (".txt", ".md")


def bundled_corpus() -> Path:
    """The corpus that ships inside the package."""
    return Path(str(files("dakg.corpus")))


def corpus_files(corpus: Path) -> list[tuple[Path, Metadata | None]]:
    """The corpus's documents in name order, each with its manifest entry if it has one.

    Documents are the ``.txt`` and ``.md`` files of the folder (READMEs excepted) and
    whatever the manifest lists; a listed file that is missing is an error.
    """
    if not corpus.is_dir():
        raise InputError(f"{corpus}: not a folder of documents")
    manifest = read_manifest(corpus)
    for name in manifest:
        if not (corpus / name).is_file():
            raise InputError(f"{corpus / 'MANIFEST.csv'}: lists {name}, which is not in {corpus}")
    paths = {
        p.name: p
        for p in corpus.iterdir()
        if p.is_file()
        and p.suffix.lower() in DOCUMENT_SUFFIXES
        and not p.name.upper().startswith("README")
    }
    paths.update({name: corpus / name for name in manifest})
    if not paths:
        raise InputError(f"{corpus}: no documents (.txt or .md files) in this folder")
    return [(paths[name], manifest.get(name)) for name in sorted(paths)]
