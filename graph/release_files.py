"""The files of a release besides the data: the README for partners, the checksums and the
zip, each the same bytes when the same store is released again.

The checksums are in the format ``sha256sum -c`` reads. The zip fixes everything a zip
records about its host (dates, permissions, order, system), so two zips of the same folder
are identical and a partner can compare theirs with the published digest.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from collections.abc import Mapping
from pathlib import Path

from dakg.errors import DakgError

from .describe import LICENCE, SourceDocument, file_role, release_info
from .files import write_atomically, write_bytes
from .reader import Reader

ZIP_DATE = (1980, 1, 1, 0, 0, 0)
ZIP_LEVEL = 9
README_TEMPLATE = Path(__file__).parent / "data" / "release-README.md"


def bundle_files(folder: Path, exclude: tuple[str, ...] = ()) -> list[str]:
    """The relative POSIX paths of every file under ``folder``, sorted, less ``exclude``."""
    names = []
    for path in folder.rglob("*"):
        if path.is_file():
            name = path.relative_to(folder).as_posix()
            if name not in exclude:
                names.append(name)
    return sorted(names)


def write_checksums(folder: Path, name: str = "SHA256SUMS") -> Path:
    """Write ``<sha256>  <path>`` for every file under ``folder`` (but the list itself) to
    ``folder/name``, so that ``sha256sum -c name`` run in the folder checks them all."""
    lines = []
    for relative in bundle_files(folder, exclude=(name,)):
        if "\n" in relative or "\\" in relative:
            raise DakgError(f"{folder / relative}: sha256sum cannot list a name with this in it")
        digest = hashlib.sha256((folder / relative).read_bytes()).hexdigest()
        lines.append(f"{digest}  {relative}\n")
    target = folder / name
    write_atomically(target, "".join(lines))
    return target


def deterministic_zip(folder: Path, zip_path: Path) -> Path:
    """Zip ``folder`` under its own name as the top directory, the same bytes every time:
    sorted entries, a fixed date and mode, Deflate at a fixed level. Written beside
    ``zip_path`` and renamed when complete; a zip inside the folder does not zip itself."""
    source, zip_path = folder.resolve(), zip_path.resolve()
    inside = zip_path.relative_to(source).as_posix() if zip_path.is_relative_to(source) else ""
    names = bundle_files(source, exclude=(inside,))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            data = (source / name).read_bytes()
            archive.writestr(_entry(f"{source.name}/{name}"), data, compresslevel=ZIP_LEVEL)
    write_bytes(zip_path, [buffer.getvalue()])
    return zip_path


def _entry(name: str) -> zipfile.ZipInfo:
    """A zip entry that records nothing of the host: fixed date, Unix mode 0644."""
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3  # Unix, whatever the host, so unzip reads the mode below
    info.external_attr = 0o100644 << 16
    return info


def partner_readme(reader: Reader, files: Mapping[str, str]) -> str:
    """The README of a release for partners, from ``graph/data/release-README.md``: what is
    in the bundle (``files`` maps names to roles, as for :func:`describe`), how to load and
    verify it, the build it comes from, and whose texts it quotes on what terms."""
    import jinja2

    release = release_info(reader)
    publishers: dict[tuple[str, str], list[SourceDocument]] = {}
    for doc in release.documents:
        for publisher in doc.publishers:
            publishers.setdefault((publisher.name, publisher.iri), []).append(doc)
    env = jinja2.Environment(
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = markdown_text
    env.filters["link"] = markdown_link
    template = env.from_string(README_TEMPLATE.read_text(encoding="utf-8"))
    names = sorted(files)
    return template.render(
        release=release,
        files=[(name, *file_role(name, files[name])) for name in names],
        trig=_pick(names, ".trig", "data"),
        turtle=_pick(names, ".ttl", "data", strict=True),
        docs=_pick(names, ".html", "ontology"),
        shapes=_pick(names, ".ttl", "shapes", strict=True),
        licence=LICENCE,
        publishers=sorted(publishers.items()),
        unpublished=[doc for doc in release.documents if not doc.publishers],
    )


def _pick(names: list[str], suffix: str, word: str, strict: bool = False) -> str | None:
    """The bundle file the README points to for a purpose: the first with ``suffix`` whose
    name has ``word`` in it, else (unless ``strict``) the first with ``suffix``."""
    fitting = [n for n in names if n.endswith(suffix)]
    named = [n for n in fitting if word in n.rsplit("/", 1)[-1]]
    if named:
        return named[0]
    return None if strict or not fitting else fitting[0]


def markdown_text(text: object) -> str:
    """Text that stays text in Markdown (a table cell included): no markup, links or HTML
    from a document's title can take effect."""
    out = " ".join(str(text).split())
    for char in "\\`*_[]<>|~":
        out = out.replace(char, "\\" + char)
    return out


def markdown_link(address: object) -> str:
    """An http(s) address as a Markdown autolink; anything else (``javascript:`` ...) as
    plain text, never a link."""
    from urllib.parse import quote

    text = str(address).strip()
    if not re.match(r"https?://", text, re.I):
        return markdown_text(text)
    return "<" + quote(text, safe=":/?#[]@!$&'()*+,;=%-._~") + ">"
