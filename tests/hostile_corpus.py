"""A corpus whose every name, title and quote is an XSS payload, for testing what views show.

``write_hostile_corpus`` writes a folder that ``dakg build`` accepts, in which the payloads
stand where views print text: a document's paragraphs and the sentences the extractor turns
into facts (so evidence quotes carry them), the manifest's titles and publishers, and an
analyst case file's title, persons, bodies, notes and citations. The main document is a copy
of the bundled CCR note with payloads written into it; small documents carry the remaining
titles and publishers.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from dakg.graph.iris import slugify
from dakg.loaders.corpus import bundled_corpus

NOTE = "ccr-2015-03-27-assurances-not-enough.txt"
# The note's sentence that yields a transfer, an assurance, an outcome and a finding.
ARAR = "Our own CCR client Maher Arar was rendered to Syria in secret"
ARAR_REST = ", through JFK airport with assurances from Syria and brutally tortured as a result."
MAIN = "hostile-note"
CASE = "hostile-payloads"


def split_payloads(payloads: list[str]) -> tuple[list[str], list[str]]:
    """Share the payloads between publishers and titles.

    A manifest publisher splits at ";" and names an organisation whose IRI is the slug of
    the name, so a publisher payload has no ";" and a slug no other publisher has; the rest
    are titles, which are kept whole.
    """
    publishers: list[str] = []
    titles: list[str] = []
    slugs: set[str] = set()
    for payload in payloads:
        key = slugify(payload)
        if ";" in payload or key in slugs:
            titles.append(payload)
        else:
            slugs.add(key)
            publishers.append(payload)
    return publishers, titles


def write_hostile_corpus(dest: Path, payloads: list[str]) -> None:
    """Write a buildable corpus folder at ``dest`` in which every payload is shown somewhere."""
    if len(payloads) < 8:
        raise ValueError("a hostile corpus needs at least 8 payloads")
    dest.mkdir(parents=True, exist_ok=True)
    publishers, titles = split_payloads(payloads)
    (dest / f"{MAIN}.txt").write_text(_main_text(payloads), encoding="utf-8")
    rows = [
        {
            "file": f"{MAIN}.txt",
            "title": titles[0],
            "publisher": "; ".join(publishers[: len(publishers) // 2]),
            "date": "2015-03-27",
            "kind": payloads[1],
            "url": "javascript:alert('DAKG-XSS')",
            "format": payloads[2],
        }
    ]
    rest = publishers[len(publishers) // 2 :]
    for number, title in enumerate(titles[1:], start=1):
        stem = f"hostile-{number:02d}"
        (dest / f"{stem}.txt").write_text(
            f"Test document {number} of the hostile corpus.\n\n{title}\n", encoding="utf-8"
        )
        publisher = rest[number - 1] if number <= len(rest) else publishers[0]
        rows.append({"file": f"{stem}.txt", "title": title, "publisher": publisher})
    for number, publisher in enumerate(rest[len(titles) - 1 :], start=len(titles)):
        stem = f"hostile-{number:02d}"
        (dest / f"{stem}.txt").write_text(
            f"Test document {number} of the hostile corpus.\n\n{publisher}\n", encoding="utf-8"
        )
        rows.append({"file": f"{stem}.txt", "title": publisher, "publisher": publisher})
    _write_manifest(dest / "MANIFEST.csv", rows)
    (dest / "cases").mkdir(exist_ok=True)
    (dest / "cases" / f"{CASE}.yaml").write_text(_case_yaml(payloads), encoding="utf-8")


def quoted_sentence(payload: str) -> str:
    """The transfer sentence of the main document that carries ``payload``."""
    return f"{ARAR} {payload}{ARAR_REST}"


def _main_text(payloads: list[str]) -> str:
    """The CCR note, its Arar sentence repeated once per payload, and a paragraph per payload."""
    text = (bundled_corpus() / NOTE).read_text(encoding="utf-8")
    head, sentence, tail = text.partition(ARAR + ARAR_REST)
    if not sentence:
        raise ValueError(f"the bundled {NOTE} no longer holds the Arar sentence")
    inserted = " ".join(quoted_sentence(p) for p in payloads)
    listed = "\n\n".join(f"A hostile paragraph: {p} (end)." for p in payloads)
    return f"{head}{inserted}{tail}\n\n{listed}\n"


def _write_manifest(path: Path, rows: list[dict[str, str]]) -> None:
    fields = ["file", "title", "publisher", "date", "kind", "url", "format"]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


def case_payloads(payloads: list[str]) -> list[str]:
    """The eight payloads the case file uses, in order: title, two persons, citation title,
    citation publisher and body, reviewer and finding, two notes. Their slugs differ, so each
    person names a person of its own (two names with one slug would share an IRI)."""
    from dakg.loaders.mentions import slug

    chosen: dict[str, str] = {}
    for payload in payloads:
        chosen.setdefault(slug(payload), payload)
    if len(chosen) < 8:
        raise ValueError("a hostile corpus needs 8 payloads with different slugs")
    return list(chosen.values())[:8]


def _case_yaml(payloads: list[str]) -> str:
    import yaml

    p = case_payloads(payloads)
    citation = {"title": p[3], "publisher": p[4], "date": "2006-09-18"}
    case: dict[str, Any] = {
        "case": CASE,
        "title": p[0],
        "concerns": [p[1], p[2]],
        "reviewer": p[5],
        "date": "2026-01-01",
        "facts": [
            {
                "kind": "transfer",
                "person": p[1],
                "from": "United States",
                "to": "Syria",
                "transfer_kind": "rendition",
                "date": "2002-10-08",
                "note": p[6],
                "quote": {"document": MAIN, "text": quoted_sentence(payloads[0])},
            },
            {
                "kind": "outcome",
                "person": p[2],
                "what": "torture",
                "where": "Syria",
                "date": "2002",
                "note": p[7],
                "citation": citation,
            },
            {
                "kind": "assurance",
                "about": p[1],
                "given_by": "Syria",
                "sought_by": "United States",
                "note": p[3],
                "citation": citation,
            },
            {
                "kind": "decision",
                "body": p[4],
                "about": p[2],
                "finding": p[5],
                "date": "2007-02-16",
                "citation": citation,
            },
        ],
    }

    class Plain(yaml.SafeDumper):  # a case file may not use anchors: write repeats out
        def ignore_aliases(self, data: object) -> bool:
            return True

    return str(yaml.dump(case, Dumper=Plain, allow_unicode=True, sort_keys=False, width=1000))
