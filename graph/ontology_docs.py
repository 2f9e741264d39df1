"""The ontology's documentation as one HTML page, made by pyLODE, for partners who read the
vocabulary in a browser before they query it.

The page must open offline and come out the same every time. pyLODE 3.3 inlines its CSS and
icons, but it lists the classes of an ``owl:unionOf`` from a Python set of HTML elements (so
their order changes from run to run) and writes its schema.org JSON-LD in graph order; both
are put in a fixed order here. Any script or stylesheet fetched from http(s) would be dropped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from dakg.errors import DakgError

_SCHEMA_ORG = re.compile(
    r'(<script id="schema\.org" type="application/ld\+json">)(.*?)(</script>)', re.S
)
_EXTERNAL = (
    re.compile(r"<script\b[^>]*\bsrc\s*=\s*[\"']?(?:https?:)?//[^>]*>.*?</script\s*>", re.S | re.I),
    re.compile(r"<link\b[^>]*\bhref\s*=\s*[\"']?(?:https?:)?//[^>]*>", re.I),
)


def ontology_html(ontology: Path) -> str:
    """The HTML documentation of the ontology in ``ontology`` (Turtle), self-contained."""
    with _pylode() as (OntPub, PylodeError):
        try:
            html = str(OntPub(ontology=str(ontology), sort_subjects=True).make_html())
        except (PylodeError, OSError, SyntaxError, ValueError) as err:
            first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
            raise DakgError(f"{ontology}: pyLODE cannot document it ({first})") from None
    html = _SCHEMA_ORG.sub(lambda m: m.group(1) + _canonical_json(m.group(2)) + m.group(3), html)
    return strip_external(html)


def strip_external(html: str) -> str:
    """``html`` without scripts or stylesheets loaded from the network."""
    for pattern in _EXTERNAL:
        html = pattern.sub("", html)
    return html


@contextmanager
def _pylode() -> Iterator[tuple[Any, type[Exception]]]:
    """pyLODE's document maker and error, with two of its habits contained while it runs.

    It joins the members of a union or intersection from a set: they are sorted by their
    HTML. Importing it turns the root logger to DEBUG with a handler on stderr (its
    supermodel profile calls ``logging.basicConfig``), and its ``logging.info`` calls would add
    a handler to a root logger that has none: the root logger is kept as it was (a null
    handler stands in while pyLODE runs), so no library's debug lines reach users.
    """
    import logging

    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    try:
        import pylode.utils  # type: ignore[import-untyped]
        from pylode import OntPub, PylodeError

        root.setLevel(level)
        root.handlers[:] = handlers or [logging.NullHandler()]
        original = pylode.utils.intersperse

        def ordered(items: Sequence[Any], sep: Any) -> list[Any]:
            return list(original(sorted(items, key=str), sep))

        pylode.utils.intersperse = ordered
        try:
            yield OntPub, PylodeError
        finally:
            pylode.utils.intersperse = original
    finally:
        root.setLevel(level)
        root.handlers[:] = handlers


def _canonical_json(text: str) -> str:
    """The JSON-LD with keys and unordered arrays sorted (an ``@list`` keeps its order)."""

    def walk(node: Any, ordered: bool = False) -> Any:
        if isinstance(node, dict):
            return {k: walk(v, k == "@list") for k, v in sorted(node.items())}
        if isinstance(node, list):
            items = [walk(v) for v in node]
            return items if ordered else sorted(items, key=lambda v: json.dumps(v, sort_keys=True))
        return node

    data = walk(json.loads(text))
    return "\n" + json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n\t"
