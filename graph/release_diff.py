"""What changed since an earlier release, for partners who loaded it: ``CHANGES.md`` in words,
keyed by the facts' stable keys (the key a case file reviews by), and the quads added and
removed as N-Quads for machines.

A fact whose key is in both releases and whose statements differ is *changed*, with the old
and the new values of each statement (a corrected date is a change, not a removal and an
addition). Obligations are derived from transfers, and happenings from the reports they
join: their changes are listed under the fact they derive from. People and groups are
compared too: a new one, one gone, one merged into another (its facts now name the other),
one split from another (facts that named the other now name it)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dakg.errors import DakgError

from .export import DAKG, FACT_CLASSES
from .iris import ID

RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
RDFS_LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
DERIVED = {f"<{DAKG}Obligation>": f"<{DAKG}regardsTransfer>",
           f"<{DAKG}Happening>": f"<{DAKG}includesFact>"}  # fmt: skip
FACTS = {f"<{DAKG}{c}>" for c in FACT_CLASSES}
ENTITIES = {f"<{DAKG}Person>", f"<{DAKG}Group>"}
FACT_KINDS = {"transfer", "proposed-transfer", "assurance", "outcome", "decision", "advocacy",
              "role", "obligation", "happening"}  # fmt: skip
Quad = tuple[str, str, str, str]  # subject, predicate, object, graph: N-Triples terms


@dataclass
class Changes:
    """The differences between two releases' data."""

    added: list[str] = field(default_factory=list)  # fact IRIs
    removed: list[str] = field(default_factory=list)
    changed: dict[str, list[tuple[str, list[str], list[str]]]] = field(default_factory=dict)
    derived: dict[str, list[str]] = field(default_factory=dict)  # fact -> lines
    entities: list[str] = field(default_factory=list)
    quads_added: list[Quad] = field(default_factory=list)
    quads_removed: list[Quad] = field(default_factory=list)


def read_release(folder: Path) -> set[Quad]:
    """The quads of a release folder's ``data.trig``."""
    from pyoxigraph import DefaultGraph, RdfFormat, parse

    path = folder / "data.trig"
    if not path.is_file():
        raise DakgError(f"{folder}: not a dakg release (no data.trig); --since needs one")
    try:
        with path.open("rb") as handle:
            return {
                (
                    str(q.subject),
                    str(q.predicate),
                    str(q.object),
                    "" if isinstance(q.graph_name, DefaultGraph) else str(q.graph_name),
                )
                for q in parse(handle, format=RdfFormat.TRIG)  # fmt: skip
            }
    except (SyntaxError, ValueError, OSError) as err:
        raise DakgError(f"{path}: cannot be read as TriG ({err})") from None


def compare(old: set[Quad], new: set[Quad]) -> Changes:
    """Facts, derived statements and entities that differ, and every quad that does."""
    before, after = _statements(old), _statements(new)
    types_before, types_after = _types(before), _types(after)
    changes = Changes(quads_added=sorted(new - old), quads_removed=sorted(old - new))
    for iri in sorted(set(types_before) | set(types_after)):
        kinds = types_before.get(iri, set()) | types_after.get(iri, set())
        if kinds & FACTS:
            if iri not in before:
                changes.added.append(iri)
            elif iri not in after:
                changes.removed.append(iri)
            elif before[iri] != after[iri]:
                changes.changed[iri] = _differences(before[iri], after[iri])
        for kind, link in DERIVED.items():
            if kind in kinds:
                _derived(changes, iri, kind, link, before, after)
    changes.entities = _entity_changes(before, after, types_before, types_after)
    return changes


def _statements(quads: Iterable[Quad]) -> dict[str, set[tuple[str, str]]]:
    """Each subject's (predicate, object) pairs, whatever graph holds them."""
    out: dict[str, set[tuple[str, str]]] = {}
    for s, p, o, _ in quads:
        out.setdefault(s, set()).add((p, o))
    return out


def _types(statements: dict[str, set[tuple[str, str]]]) -> dict[str, set[str]]:
    return {s: {o for p, o in pairs if p == RDF_TYPE} for s, pairs in statements.items()}


def _differences(
    old: set[tuple[str, str]], new: set[tuple[str, str]]
) -> list[tuple[str, list[str], list[str]]]:
    """Per predicate that differs: its old values and its new ones."""
    out = []
    for predicate in sorted({p for p, _ in old ^ new}):
        was = sorted(o for p, o in old if p == predicate)
        now = sorted(o for p, o in new if p == predicate)
        out.append((predicate, was, now))
    return out


def _derived(
    changes: Changes,
    iri: str,
    kind: str,
    link: str,
    before: dict[str, set[tuple[str, str]]],
    after: dict[str, set[tuple[str, str]]],
) -> None:
    """A derived statement's change, listed under each fact it derives from."""
    old, new = before.get(iri, set()), after.get(iri, set())
    if old == new:
        return
    what = "added" if not old else "removed" if not new else "changed"
    sources = sorted({o for p, o in old | new if p == link})
    line = f"{short(kind)} {key(iri)} {what}"
    if what == "changed":
        line += ": " + "; ".join(_phrase(p, was, now) for p, was, now in _differences(old, new))
    for source in sources:
        changes.derived.setdefault(source, []).append(line)


def _entity_changes(
    before: dict[str, set[tuple[str, str]]],
    after: dict[str, set[tuple[str, str]]],
    types_before: dict[str, set[str]],
    types_after: dict[str, set[str]],
) -> list[str]:
    """People and groups new, gone, merged into another or split from another."""
    old = {s for s, t in types_before.items() if t & ENTITIES}
    new = {s for s, t in types_after.items() if t & ENTITIES}
    named_before, named_after = _naming(before), _naming(after)
    lines = []
    for entity in sorted(old - new):
        heirs = sorted({e for f in named_before.get(entity, set()) for e in
                        _names_of(after.get(f, set())) & new} - {entity})  # fmt: skip
        into = [h for h in heirs if h in old]
        label = _label(before, entity)
        if into:
            named = ", ".join(f"{key(h)} ({_label(after, h)})" for h in into)
            lines.append(f"merged: {key(entity)} ({label}) into {named}")
        else:
            lines.append(f"removed: {key(entity)} ({label})")
    for entity in sorted(new - old):
        label = _label(after, entity)
        origins = sorted({e for f in named_after.get(entity, set()) for e in
                          _names_of(before.get(f, set())) & old & new} - {entity})  # fmt: skip
        if origins:
            named = ", ".join(f"{key(o)} ({_label(after, o)})" for o in origins)
            lines.append(f"split: {key(entity)} ({label}) from {named}")
        else:
            lines.append(f"new: {key(entity)} ({label})")
    return lines


def _naming(statements: dict[str, set[tuple[str, str]]]) -> dict[str, set[str]]:
    """For each IRI, the facts whose statements name it."""
    out: dict[str, set[str]] = {}
    for subject, pairs in statements.items():
        if any(p == RDF_TYPE and o in FACTS for p, o in pairs):
            for _, o in pairs:
                out.setdefault(o, set()).add(subject)
    return out


def _names_of(pairs: set[tuple[str, str]]) -> set[str]:
    return {o for p, o in pairs if o.startswith("<") and p != RDF_TYPE}


def _label(statements: dict[str, set[tuple[str, str]]], iri: str) -> str:
    labels = sorted(o for p, o in statements.get(iri, set()) if p == RDFS_LABEL)
    return plain(labels[0]) if labels else key(iri)


def key(iri: str) -> str:
    """A fact's stable key (``transfer-838964ec9714``) or an entity's ``kind:slug``."""
    text = iri.strip("<>")
    if text.startswith(ID):
        kind, _, rest = text[len(ID) :].partition("/")
        return rest if kind in FACT_KINDS else f"{kind}:{rest}"
    return text


def short(term: str) -> str:
    """A term as a reader reads it: dakg's names without their namespace, literals as text."""
    if term.startswith("<"):
        text = term.strip("<>")
        if text.startswith(DAKG):
            return text[len(DAKG) :]
        if text.startswith(ID):
            return key(term)
        return text.rsplit("#", 1)[-1] if "#" in text else text
    return plain(term)


def plain(literal: str) -> str:
    """A literal's lexical form (its datatype and language left out)."""
    from pyoxigraph import Literal, RdfFormat, parse

    if not literal.startswith('"'):
        return literal
    try:
        [triple] = parse(f"<x:s> <x:p> {literal} .", format=RdfFormat.N_TRIPLES)
    except (SyntaxError, ValueError):
        return literal
    obj = triple.object
    return obj.value if isinstance(obj, Literal) else literal


def _phrase(predicate: str, was: list[str], now: list[str]) -> str:
    def values(terms: list[str]) -> str:
        return ", ".join(short(t) for t in terms) or "(none)"

    return f"{short(predicate)}: {values(was)} → {values(now)}"


def changes_markdown(changes: Changes, old: str, new: str) -> str:
    """CHANGES.md: the facts added, removed and changed, what derives from them, the people
    and groups, and the counts of quads in ``changes/``."""
    out = [f"# Changes since {old}", "", f"This release: {new}.", ""]
    out += [f"## Facts: {len(changes.added)} added, {len(changes.removed)} removed, "
            f"{len(changes.changed)} changed", ""]  # fmt: skip
    listed = set()
    for title, keys in (("Added", changes.added), ("Removed", changes.removed),
                        ("Changed", sorted(changes.changed))):  # fmt: skip
        if not keys:
            continue
        out += [f"### {title}", ""]
        for iri in keys:
            out.append(f"- `{key(iri)}`")
            for predicate, was, now in changes.changed.get(iri, []):
                out.append(f"  - {_phrase(predicate, was, now)}")
            for line in changes.derived.get(iri, []):
                out.append(f"  - derived: {line}")
            listed.add(iri)
        out.append("")
    others = sorted(set(changes.derived) - listed)
    if others:
        out += ["### Derived statements of unchanged facts", ""]
        for iri in others:
            out.append(f"- `{key(iri)}`")
            out += [f"  - derived: {line}" for line in changes.derived[iri]]
        out.append("")
    out += [f"## People and groups: {len(changes.entities)} changes", ""]
    out += [f"- {line}" for line in changes.entities] or ["(none)"]
    out += ["", "## Every statement", "",
            f"{len(changes.quads_added)} quads added (`changes/added.nq`), "
            f"{len(changes.quads_removed)} removed (`changes/removed.nq`), the build record's "
            "included.", ""]  # fmt: skip
    return "\n".join(out)


def build_of(quads: set[Quad]) -> str:
    """Which build a release's data comes from, in words."""
    builds = {s for s, p, o, _ in quads if p == RDF_TYPE and o == f"<{DAKG}Build>"}
    if not builds:
        return "a release without a build record"
    build = sorted(builds)[0]
    ended = [plain(o) for s, p, o, _ in quads
             if s == build and p == "<http://www.w3.org/ns/prov#endedAtTime>"]  # fmt: skip
    name = build.strip("<>").rsplit("/", 1)[-1][:12]
    return f"build {name}" + (f" of {ended[0][:19]}" if ended else "")


def write_changes(folder: Path, old: set[Quad], label: str) -> dict[str, str]:
    """CHANGES.md and changes/ in a release being written; the files and what they are."""
    new = read_release(folder)
    changes = compare(old, new)
    text = changes_markdown(changes, f"{label} ({build_of(old)})", build_of(new))
    (folder / "CHANGES.md").write_text(text, encoding="utf-8")
    (folder / "changes").mkdir()
    (folder / "changes" / "added.nq").write_bytes(nquads(changes.quads_added))
    (folder / "changes" / "removed.nq").write_bytes(nquads(changes.quads_removed))
    return {
        "CHANGES.md": f"what changed since {label}: facts by their keys, people and groups",
        "changes/added.nq": f"the quads added since {label} (N-Quads)",
        "changes/removed.nq": f"the quads removed since {label} (N-Quads)",
    }


def nquads(quads: list[Quad]) -> bytes:
    return "".join(" ".join(t for t in q if t) + " .\n" for q in quads).encode("utf-8")
