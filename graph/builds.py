"""The builds a data directory keeps, and going back to one.

Each complete build under ``builds/`` is a whole store with its own build record (time,
documents, facts, triples and every input's checksum), so listing them needs no side file:
each is opened read-only and its record read. Rolling back points ``current`` at an earlier
build with the same atomic swap a build uses, under the build lock.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from dakg.errors import StoreError

from .build_record import BuildRecord, read_build_record
from .reader import StoreReader, sparql, value
from .store import build_lock, complete_builds, point_current


@dataclass
class KeptBuild:
    """One complete build of the data directory, with what its record says."""

    name: str
    path: Path
    current: bool
    pinned: bool
    record: BuildRecord | None
    corpus: str  # a checksum of the documents' checksums: equal when the corpus is
    cases: str  # and of the case files'


def kept_builds(root: Path) -> list[KeptBuild]:
    """Every complete build, oldest first."""
    from pyoxigraph import Store

    from .serve import pinned

    current = (root / "current").resolve() if (root / "current").is_symlink() else None
    held = pinned(root)
    out = []
    for path in complete_builds(root):
        try:
            store = Store.read_only(str(path))
        except OSError as err:
            raise StoreError(f"{path}: cannot open the build ({err})") from None
        reader = StoreReader(store, str(path))
        by_role: dict[str, list[str]] = {}
        for row in reader.select(sparql("build-inputs")):
            by_role.setdefault(value(row, "role"), []).append(
                value(row, "name") + "\t" + value(row, "checksum")
            )
        out.append(
            KeptBuild(
                name=path.name,
                path=path,
                current=path.resolve() == current,
                pinned=path.resolve() in held,
                record=read_build_record(reader),
                corpus=_digest(by_role.get("document", [])),
                cases=_digest(by_role.get("case file", [])),
            )
        )
        del store
    return out


def _digest(lines: list[str]) -> str:
    return hashlib.sha256("\n".join(sorted(lines)).encode()).hexdigest()[:12] if lines else ""


def rollback(root: Path, name: str | None = None) -> KeptBuild:
    """Point ``current`` at the build ``name`` (a folder name under ``builds/``, or a unique
    prefix of one), or by default at the newest build older than the current one."""
    with build_lock(root):
        builds = kept_builds(root)
        if name is None:
            now = next((i for i, b in enumerate(builds) if b.current), len(builds))
            if now == 0:
                raise StoreError(f"{root}: no build older than the current one to roll back to")
            chosen = builds[now - 1]
        else:
            matches = [b for b in builds if b.name.startswith(name)]
            if len(matches) != 1:
                known = ", ".join(b.name for b in builds) or "none"
                what = "no build" if not matches else "more than one build"
                raise StoreError(f"{root}: {what} named {name!r} (kept: {known})")
            chosen = matches[0]
        point_current(root, chosen.path)
        chosen.current = True
        return chosen
