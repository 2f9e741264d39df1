"""The embedded on-disk store: builds side by side, one ``current`` pointer, atomic swaps.

Layout of a data directory::

    dakg-data/
      current -> builds/20261124T233000123456Z   (a symlink, replaced atomically)
      builds/20261124T233000123456Z/             (a complete Oxigraph store)
      builds/20261124T234500654321Z.partial/     (a build under way, or a dead one's leftovers)
      .lock                                      (held by the build that is running)

A build writes a new store into a ``.partial`` folder, renames it when it is complete and
only then points ``current`` at it, so a failed or killed build never touches the store
that readers use. Old builds are pruned later, keeping the last two, so a store another
process opened a moment ago is not pulled from under it.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from dakg.errors import StoreError

if TYPE_CHECKING:
    from pyoxigraph import Store
    from rdflib import Dataset

DEFAULT_DATA_DIR = "dakg-data"
ENV_DATA_DIR = "DAKG_DATA_DIR"
KEEP = 2
_PARTIAL = ".partial"


def data_dir(option: str | os.PathLike[str] | None = None) -> Path:
    """The data directory: the option if given, else ``$DAKG_DATA_DIR``, else ``./dakg-data``."""
    return Path(option or os.environ.get(ENV_DATA_DIR) or DEFAULT_DATA_DIR)


def current_path(root: Path) -> Path:
    """The folder of the store that ``current`` points at."""
    pointer = root / "current"
    if not pointer.is_symlink() and not pointer.exists():
        raise StoreError(f"{root}: no built store here; run 'dakg build' first")
    target = pointer.resolve()
    if not target.is_dir():
        raise StoreError(f"{pointer}: points at {target}, which is missing")
    return target


def open_read_only(root: Path) -> Store:
    """Open the current store for reading; other readers and a running build are not disturbed."""
    from pyoxigraph import Store

    path = current_path(root)
    try:
        return Store.read_only(str(path))
    except OSError as err:
        raise StoreError(f"{path}: cannot open the store ({err})") from None


@contextmanager
def build_lock(root: Path) -> Iterator[None]:
    """Hold the data directory's build lock for a whole build, from before the first
    document is read: a second build is refused at once, not after working for a while."""
    try:
        (root / "builds").mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise StoreError(f"{root}: cannot create the data directory ({err.strerror})") from None
    with _locked(root):
        yield


@contextmanager
def new_build(root: Path, keep: int = KEEP) -> Iterator[Path]:
    """Yield a fresh folder to write a store into; on success make it the current store.
    The caller holds :func:`build_lock`.

    If the body raises, the folder is removed and ``current`` is left as it was.
    """
    builds = root / "builds"
    _remove_leftovers(builds)
    name = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    partial = builds / (name + _PARTIAL)
    try:
        yield partial
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    final = builds / name
    partial.rename(final)
    point_current(root, final)
    prune(root, keep)


def point_current(root: Path, target: Path) -> None:
    """Point ``current`` at ``target`` atomically (a new symlink renamed over the old)."""
    tmp = root / f".current.{os.getpid()}"
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    tmp.symlink_to(target.relative_to(root))
    os.replace(tmp, root / "current")


def complete_builds(root: Path) -> list[Path]:
    """The complete builds of the data directory, oldest first (their names are times)."""
    builds = root / "builds"
    if not builds.is_dir():
        return []
    return sorted(p for p in builds.iterdir() if p.is_dir() and not p.name.endswith(_PARTIAL))


def prune(root: Path, keep: int = KEEP) -> list[Path]:
    """Delete all complete builds but the newest ``keep``, never the current one nor one
    that a running ``dakg serve`` has pinned."""
    from .serve import pinned

    current = (root / "current").resolve()
    held = pinned(root) | {current}
    complete = complete_builds(root)
    removed = []
    for old in complete[:-keep] if keep else complete:
        if old.resolve() not in held:
            shutil.rmtree(old, ignore_errors=True)
            removed.append(old)
    return removed


def _remove_leftovers(builds: Path) -> None:
    """Remove what failed or killed builds left; the caller holds the lock."""
    for leftover in builds.glob("*" + _PARTIAL):
        shutil.rmtree(leftover, ignore_errors=True)


@contextmanager
def _locked(root: Path) -> Iterator[None]:
    with open(root / ".lock", "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StoreError(f"{root}: another build is running on this data directory") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def memory_store(dataset: Dataset) -> Store:
    """An in-memory Oxigraph copy of ``dataset``, for the build's own queries over it."""
    from pyoxigraph import RdfFormat
    from pyoxigraph import Store as MemoryStore

    store = MemoryStore()
    store.bulk_load(dataset.serialize(format="nquads", encoding="utf-8"), RdfFormat.N_QUADS)
    return store
