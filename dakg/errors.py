"""The errors dakg raises for users: each says what is wrong and where, in one line.

The command line turns any of these into a one-line message and exit code 1; anything
else is a bug and keeps its traceback.
"""

from __future__ import annotations


class DakgError(Exception):
    """Base class: a problem the message explains to the user."""


class InputError(DakgError):
    """A source document cannot be read: empty, binary, badly encoded or too large."""


class ManifestError(DakgError):
    """A corpus manifest is malformed."""


class ConformanceError(DakgError):
    """The built graph (or an export) does not conform to the SHACL shapes."""

    problems: list[str] = []  # every violation, sorted, for a report


class StoreError(DakgError):
    """The on-disk store is missing, locked or unreadable."""


class QueryError(DakgError):
    """A query or one of its parameters is invalid, unknown or ambiguous."""


class EndpointError(DakgError):
    """A SPARQL endpoint cannot be reached or does not answer with SPARQL results."""


class ServeError(DakgError):
    """The SPARQL server cannot be started."""


class ViewError(DakgError):
    """A view cannot be drawn or written where it was asked."""


class PushError(DakgError):
    """A push to a shared store failed: the graph, the store and the server's answer."""
