"""dakg: the knowledge graph of diplomatic-assurance cases, their actors and obligations."""

from typing import Any


def __getattr__(name: str) -> Any:
    """``__version__``, read from the installed metadata only when asked: importing
    ``importlib.metadata`` costs more than half of ``dakg --help``."""
    if name != "__version__":
        raise AttributeError(f"module 'dakg' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("dakg")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "0.0.0"
