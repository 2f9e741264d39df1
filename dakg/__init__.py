"""dakg: the knowledge graph of diplomatic-assurance cases, their actors and obligations."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("dakg")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"
