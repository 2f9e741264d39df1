"""Extractions kept on disk, so that ``dakg check`` (and a build after it) need not parse a
document again when nothing that decides its extraction has changed.

An entry's name is a hash of everything the extraction depends on: the document's name (its
facts' keys are minted from it), bytes and manifest entry, dakg's version, the source of the
rules (``loaders/*.py``) and their data (``loaders/data``, the ontology). Change any of them
and the entry is simply not found.
Entries are Python pickles written by dakg itself into the user's own data directory; an
entry that cannot be read is ignored and made again.
"""

from __future__ import annotations

import hashlib
import json
import pickle
from dataclasses import asdict
from functools import cache
from pathlib import Path

from dakg.errors import DakgError
from dakg.loaders.model import Document, Extraction

from .files import write_bytes

FOLDER = Path("cache") / "extractions"


@cache
def _code_digest() -> str:
    """A digest of the rules and their data: any change makes every entry a new one."""
    from dakg import __version__

    from .build_record import data_tables

    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(__version__.encode())
    for path in sorted((root / "loaders").glob("*.py")) + data_tables():
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _entry(root: Path, document: Document) -> Path:
    meta = json.dumps(asdict(document.metadata), sort_keys=True, default=str)
    # the stem too: fact keys and entity refs are minted from it
    parts = f"{_code_digest()}\n{document.stem}\n{document.sha256}\n{meta}"
    key = hashlib.sha256(parts.encode()).hexdigest()
    return root / FOLDER / f"{key[:32]}.pickle"


def cached_extract(root: Path | None, document: Document) -> Extraction:
    """The document's extraction: from the cache under ``root`` when there, else made (and
    kept there when ``root`` is given)."""
    from dakg.loaders.extract import extract

    if root is None:
        return extract(document)
    entry = _entry(root, document)
    try:
        found = pickle.loads(entry.read_bytes())  # noqa: S301 (dakg's own file, see above)
        if isinstance(found, Extraction):
            found.document = document
            return found
    except (OSError, pickle.PickleError, EOFError, AttributeError, TypeError):
        pass
    made = extract(document)
    try:
        write_bytes(entry, [pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL)])
    except DakgError:
        pass  # a cache that cannot be written is only slower
    return made
