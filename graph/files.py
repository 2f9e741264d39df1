"""Files dakg writes for users: written beside the target and renamed, so a reader never
sees half a file and a failure leaves the previous one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from dakg.errors import DakgError


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` through a temporary file in the same folder."""
    write_bytes(path, [text.encode("utf-8")])


def write_bytes(path: Path, chunks: Iterable[bytes]) -> None:
    """Write through a temporary file in the same folder, synced, then renamed: a killed
    export leaves the previous file and no half file."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _remove_leftovers(folder, path.name)
        handle, tmp = tempfile.mkstemp(
            prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=folder
        )
        try:
            with os.fdopen(handle, "wb") as stream:
                _copy(chunks, stream)
                stream.flush()
                os.fsync(stream.fileno())
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it private; an export is to share
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as err:
        raise DakgError(f"{path}: cannot write ({err.strerror or err})") from None


def _remove_leftovers(folder: Path, name: str) -> None:
    """Temporary files of earlier exports to this name whose process is gone (killed)."""
    for leftover in folder.glob(f".{name}.*.tmp"):
        pid = leftover.name[len(name) + 2 :].split(".", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            leftover.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _copy(chunks: Iterable[bytes], stream: BinaryIO) -> None:
    for chunk in chunks:
        stream.write(chunk)


def staging_folder(
    folder: Path, marker: str, refusal: str, error: type[DakgError] = DakgError
) -> Path:
    """A new empty folder beside ``folder`` to build its replacement in (then
    :func:`replace_folder`); a ``folder`` that exists without ``marker`` is not dakg's to
    replace, and ``refusal`` says so."""
    if folder.exists() and not (folder / marker).exists():
        raise error(f"{folder}: {refusal}")
    folder.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))


def replace_folder(new: Path, folder: Path) -> None:
    """Put a completed folder in place of the old one, removing the old one only after."""
    import shutil

    old = folder.with_name(f".{folder.name}.old-{os.getpid()}") if folder.exists() else None
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
        folder.rename(old)
    new.rename(folder)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
