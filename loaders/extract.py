"""Extract a document's entities and facts, each with the passages it came from.

The rules (``transfers``, ``assurances``, ``harms``, ``decisions``, ``advocacy``) read the
parse; this module runs them, links what one fact says to another (a harm happens where
the victim was sent; named persons harmed where a group was sent are its members), merges
repeats, gives each fact its stable key and renders the JSON an analyst reviews.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from typing import Any

from .advocacy import find_advocacy
from .assess import assess
from .assurances import find_assurances
from .context import Context, find_groups
from .decisions import find_decisions
from .gazetteer import state_table
from .harms import find_harms
from .language import language_name, unreadable
from .mentions import find_mentions
from .model import Document, Entity, Extraction, Fact
from .nlp import parse
from .transfers import find_transfers

_PRECISION_RANK = {"day": 3, "month": 2, "year": 1, None: 0}
_UNKEYED = {"content", "finding", "method", "verb", "status", "title", "demand", "transfer"}
_KINDS = {"person", "state", "organisation", "body", "instrument", "article", "place", "group"}
_SAME_EVENT_ANY_KIND = {"transfer", "proposed_transfer"}  # "deported" and "their return"


def extract(document: Document) -> Extraction:
    """Everything the rules find in ``document``; nothing, with the reason, for a document
    in a language other than English (the rules read English only)."""
    language = unreadable(document.clean)
    if language is not None:
        reason = (
            f"written in {language_name(language)} ({language}); dakg extracts from English "
            "documents only, so nothing is extracted"
        )
        return Extraction(document=document, entities={}, facts=[], skipped=reason)
    doc = parse(document)
    ctx = Context(document, doc, find_mentions(document, doc))
    find_groups(ctx)
    transfers = find_transfers(ctx)
    facts = transfers + find_assurances(ctx) + find_harms(ctx) + find_decisions(ctx)
    facts += find_advocacy(ctx)
    _state_refs(ctx, facts)
    _fill_transfers(ctx, facts)
    _merge_groups(ctx, facts)
    _members(ctx, facts)
    _place_harms(ctx, facts)
    facts = _merge(document, facts)
    _relate_assurances(facts)
    used = {v for f in facts for v in f.fields.values() if isinstance(v, str) and ":" in v}
    used |= {f.attributed_to for f in facts if f.attributed_to}
    entities = {ref: e for ref, e in ctx.mentions.entities.items() if e.mentions or ref in used}
    extraction = Extraction(document=document, entities=entities, facts=facts)
    extraction.facts += assess(extraction)
    return extraction


_STATE_FIELDS = ("from", "to", "where", "given_by", "sought_by")


def _state_refs(ctx: Context, facts: list[Fact]) -> None:
    """Rules give states as ISO codes; facts hold entity refs, and every state they name
    is an entity of the document even where it was named through a body or a place."""
    states = state_table()
    for fact in facts:
        for name in _STATE_FIELDS:
            value = fact.fields.get(name)
            if value and ":" not in value:
                fact.fields[name] = f"state:{value}"
        for value in fact.fields.values():
            if value and value.startswith("state:") and value not in ctx.mentions.entities:
                entry = states[value.split(":", 1)[1]]
                ctx.mentions.entities[value] = Entity("state", entry.id, entry.label)


def _fill_transfers(ctx: Context, facts: list[Fact]) -> None:
    """Complete transfers from what the rest of the document says: a transfer whose sentence
    names no destination goes where the document's other transfers from the same state (or
    the same person's proposed transfer) go; the state that sought assurances about a person
    is the state that sent the person."""
    moves = [f for f in facts if f.kind in {"transfer", "proposed_transfer"}]
    for fact in moves:
        if fact.fields.get("to"):
            continue
        same = [
            m.fields["to"]
            for m in moves
            if m.fields.get("to")
            and (
                m.fields["person"] == fact.fields["person"]
                or (fact.fields.get("from") and m.fields.get("from") == fact.fields["from"])
            )
        ]
        # a state does not send someone to itself: that destination was another move's
        if len(set(same)) == 1 and same[0] != fact.fields.get("from"):
            fact.fields["to"] = same[0]
            fact.notes.append("to: the destination the document gives for the same move")
    assurances = [f for f in facts if f.kind == "assurance" and f.fields.get("about")]
    givers = {f.fields["about"]: f.fields["given_by"] for f in assurances if f.fields["given_by"]}
    for fact in moves:
        person = fact.fields["person"]
        giver = givers.get(person)
        if not fact.fields.get("to") and giver and giver != fact.fields.get("from"):
            fact.fields["to"] = giver
            fact.notes.append("to: the state whose assurances about the person were at stake")
    sought = {
        f.fields["about"]: f.fields["sought_by"]
        for f in facts
        if f.kind == "assurance" and f.fields.get("about") and f.fields.get("sought_by")
    }
    for fact in moves:
        person = fact.fields["person"]
        if (
            not fact.fields.get("from")
            and person in sought
            and sought[person] != fact.fields.get("to")
        ):
            fact.fields["from"] = sought[person]
            fact.notes.append("from: the state that sought assurances about the person")
    main = _main_actor(ctx)
    for fact in moves:
        if not fact.fields.get("from") and main and main != fact.fields.get("to"):
            fact.fields["from"] = main
            fact.confidence = min(fact.confidence, 0.4)
            fact.notes.append("from: the state the document is mostly about (an inference)")
    facts[:] = [
        f for f in facts if f.kind not in {"transfer", "proposed_transfer"} or f.fields.get("to")
    ]


def _main_actor(ctx: Context) -> str | None:
    """The state named as an actor in at least half of the document's state mentions."""
    counts: dict[str, int] = {}
    for mention in ctx.mentions.mentions:
        if mention.ref.startswith("state:") and mention.actor:
            counts[mention.ref] = counts.get(mention.ref, 0) + 1
    if not counts:
        return None
    ref, top = max(counts.items(), key=lambda item: item[1])
    return ref if top * 2 >= sum(counts.values()) and top >= 3 else None


def _place_harms(ctx: Context, facts: list[Fact]) -> None:
    """A harm with no place happened where its victim (or the victim's group) was sent;
    harm in the sending state before the transfer is kept but noted, and is no outcome of
    the transfer."""
    sent: dict[object, Fact] = {}
    for move in sorted(
        (f for f in facts if f.kind == "transfer"), key=lambda f: _PRECISION_RANK[f.date_precision]
    ):
        sent[move.fields["person"]] = move  # the most precisely dated transfer wins
    for group in (e for e in ctx.mentions.entities.values() if e.kind == "group"):
        for member in group.members | group.inferred_members:
            if group.ref in sent:
                sent.setdefault(member, sent[group.ref])
    for fact in facts:
        if fact.kind != "outcome" or "before the transfer" in fact.notes:
            continue
        transfer = sent.get(fact.fields["person"])
        if transfer is None:
            continue
        if fact.fields.get("where") is None:
            if fact.date and not transfer.date:
                fact.notes.append("where: unknown (dated harm, undated transfer)")
                continue
            if fact.date and transfer.date and fact.date < transfer.date[: len(fact.date)]:
                fact.notes.append("before the transfer")
                continue
            fact.fields["where"] = transfer.fields["to"]
            fact.notes.append("where: the state the victim was transferred to")
        elif fact.fields["where"] == transfer.fields.get("from") != transfer.fields["to"]:
            fact.notes.append("before the transfer")


def _relate_assurances(facts: list[Fact]) -> None:
    """An assurance about a person, given by the state the person was (or was to be) sent
    to, relates to that transfer."""
    moves = [f for f in facts if f.kind in {"transfer", "proposed_transfer"}]
    for fact in facts:
        if fact.kind != "assurance" or not fact.fields.get("about"):
            continue
        related = [
            m
            for m in moves
            if m.fields["person"] == fact.fields["about"]
            and m.fields["to"] == fact.fields["given_by"]
        ]
        if related:
            fact.fields["transfer"] = related[0].key


def _merge_groups(ctx: Context, facts: list[Fact]) -> None:
    """A described group ("former Guantanamo detainees") sent on the same move as a counted
    group ("the seven Russians") is that group: its facts move to the counted group."""
    moves = [
        f for f in facts if f.kind == "transfer" and str(f.fields["person"]).startswith("group:")
    ]
    counted = [f for f in moves if _counted(ctx, str(f.fields["person"]))]
    renamed: dict[str, str] = {}
    for move in moves:
        if move in counted:
            continue
        same = {
            str(c.fields["person"])
            for c in counted
            if c.fields["from"] == move.fields["from"]
            and c.fields["to"] == move.fields["to"]
            and (
                move.date is None
                or c.date is None
                or c.date.startswith(move.date)
                or move.date.startswith(c.date)
            )
        }
        if len(same) == 1:
            renamed[str(move.fields["person"])] = same.pop()
    for old, new in renamed.items():
        target = ctx.mentions.entities[new]
        source = ctx.mentions.entities.pop(old)
        target.aliases.add(source.label)
        target.mentions += source.mentions
        for fact in facts:
            for name, value in list(fact.fields.items()):
                if value == old:
                    fact.fields[name] = new
                    fact.notes.append(f"{name}: the same group as {source.label}")


def _counted(ctx: Context, ref: str) -> bool:
    entity = ctx.mentions.entities.get(ref)
    return entity is not None and any(t in _COUNTS or t.isdigit() for t in entity.label.split())


_COUNTS = {
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
}


def _members(ctx: Context, facts: list[Fact]) -> None:
    """Where a document tells of one group sent somewhere, the named persons it says were
    harmed, with no transfer of their own, are members of that group."""
    groups = {
        str(f.fields["person"])
        for f in facts
        if f.kind == "transfer" and str(f.fields["person"]).startswith("group:")
    }
    if len(groups) != 1:
        return
    group = ctx.mentions.entities[groups.pop()]
    moved = {f.fields["person"] for f in facts if f.kind == "transfer"}
    # The document's own staff and spokespeople are never members: whoever holds a role in an
    # organisation, or is the source a statement is attributed to.
    staff = {str(f.fields.get("person")) for f in facts if f.kind == "role"}
    staff |= {f.attributed_to for f in facts if f.attributed_to}
    for person in _described_as(ctx, group) - staff - moved:  # "former detainee X"
        if person not in group.members:
            group.inferred_members.add(person)
    for fact in facts:
        person = str(fact.fields.get("person"))
        if person in staff:
            continue
        if fact.kind == "outcome" and person.startswith("person:") and person not in moved:
            if person not in group.members:
                group.inferred_members.add(person)


def _described_as(ctx: Context, group: Entity) -> set[str]:
    """Persons the text introduces by the noun it calls the group by ("former detainee X",
    where the group is "former Guantanamo detainees"): members by the document's own words."""
    nouns = {n.split()[-1].lower().removesuffix("s") for n in {group.label, *group.aliases} if n}
    out: set[str] = set()
    for mention in ctx.mentions.mentions:
        if not mention.ref.startswith("person:"):
            continue
        span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or span.start == 0:
            continue
        before = ctx.doc[span.start - 1]
        described = before.lower_.removesuffix("s") in nouns
        if described and before.dep_ in {"compound", "amod", "nmod", "appos"}:
            out.add(mention.ref)
    return out


def _keyed(fact: Fact) -> dict[str, str | None]:
    """The fields that make a fact the fact it is (not its wording or the rule's guesses)."""
    skip = _UNKEYED | ({"kind"} if fact.kind in _SAME_EVENT_ANY_KIND else set())
    return {k: v for k, v in sorted(fact.fields.items()) if k not in skip}


def fact_key(document: Document, fact: Fact) -> str:
    """A key from the document and the fact's normalised fields, not from the rule."""
    fields = _keyed(fact)
    payload = json.dumps(
        [document.stem, fact.kind, fields, fact.date, fact.attributed_to], sort_keys=True
    )
    return f"{fact.kind}-{hashlib.sha256(payload.encode()).hexdigest()[:12]}"


def _merge(document: Document, facts: list[Fact]) -> list[Fact]:
    """One fact per key; repeats add their evidence. A transfer that happened absorbs the
    proposed transfer of the same person to the same state; a dateless fact merges into the
    dated one it otherwise equals."""
    happened = {(f.fields["person"], f.fields["to"]) for f in facts if f.kind == "transfer"}
    facts = [
        f
        for f in facts
        if not (
            f.kind == "proposed_transfer"
            and f.fields["status"] == "proposed"
            and (f.fields["person"], f.fields["to"]) in happened
        )
    ]
    facts = sorted(facts, key=lambda f: -_PRECISION_RANK[f.date_precision])
    merged: dict[str, Fact] = {}
    undated: dict[str, str] = {}
    for fact in facts:
        identity = json.dumps(
            [
                fact.kind,
                {k: v for k, v in sorted(fact.fields.items()) if k not in _UNKEYED},
                fact.attributed_to,
            ]
        )
        target_key = undated.get(identity) if fact.date is None else None
        if target_key is None:
            target_key = fact_key(document, fact)
        if target_key in merged:
            known = merged[target_key]
            known.evidence += [e for e in fact.evidence if e not in known.evidence]
            known.notes += [n for n in fact.notes if n not in known.notes]
            continue
        fact = replace(fact, key=target_key)
        merged[target_key] = fact
        undated.setdefault(identity, target_key)
    result = _absorb(list(merged.values()))
    return sorted(result, key=lambda f: (f.evidence[0].start if f.evidence else 0, f.kind))


def _absorb(facts: list[Fact]) -> list[Fact]:
    """A fact that leaves fields open ("flown back to Uzbekistan", no sending state) is a
    repeat of a fuller fact that agrees with it on every field it does give."""

    def given(fact: Fact) -> dict[str, str]:
        return {k: v for k, v in _keyed(fact).items() if v}

    kept: list[Fact] = []
    for fact in sorted(facts, key=lambda f: -len(given(f))):
        mine = given(fact)
        fuller = next(
            (
                k
                for k in kept
                if k.kind == fact.kind
                and k.attributed_to in {None, fact.attributed_to}
                and all(given(k).get(name) == value for name, value in mine.items())
                and (
                    fact.date is None
                    or k.date is None
                    or k.date.startswith(fact.date)
                    or fact.date.startswith(k.date)
                )
            ),
            None,
        )
        if fuller is None:
            kept.append(fact)
            continue
        fuller.evidence += [e for e in fact.evidence if e not in fuller.evidence]
        if fuller.date is None and fact.date:
            fuller.date, fuller.date_precision, fuller.date_text = (
                fact.date,
                fact.date_precision,
                fact.date_text,
            )
    return kept


def _with_members(extraction: Extraction) -> list[Fact]:
    """Each fact about a group, repeated for every member the text names (in place of the
    group's own line, which stays in the graph, linked to its members)."""
    out: list[Fact] = []
    stated = {(f.kind, json.dumps(_keyed(f))) for f in extraction.facts}
    for fact in extraction.facts:
        named = [
            extraction.entities[str(fact.fields.get(n))]
            for n in ("person", "about")
            if str(fact.fields.get(n)) in extraction.entities
        ]
        if not any(g.kind == "group" and g.members for g in named):
            out.append(fact)  # a group whose members are named is reported through them
        for name in ("person", "about"):
            group = extraction.entities.get(str(fact.fields.get(name)))
            if group is None or group.kind != "group":
                continue
            for member in sorted(group.members):
                copy = replace(
                    fact,
                    fields={**fact.fields, name: member},
                    notes=[*fact.notes, f"{name}: a member of {group.label}"],
                )
                if (copy.kind, json.dumps(_keyed(copy))) not in stated:
                    out.append(copy)
    return out


def to_json(extraction: Extraction) -> dict[str, Any]:
    """The analyst's view of one document (the format of ``dakg extract --json``)."""
    entities = extraction.entities

    def label(ref: object) -> str | None:
        if not isinstance(ref, str) or ref.split(":", 1)[0] not in _KINDS:
            return ref if isinstance(ref, str) else None
        entity = entities.get(ref)
        return entity.label if entity else ref.split(":", 1)[1]

    def names(kind: str) -> list[str]:
        return sorted(
            {e.label for e in entities.values() if e.kind == kind and e.type != "unnamed"}
        )

    def evidence(fact: Fact) -> list[dict[str, object]]:
        return [{"quote": e.quote, "start": e.start, "end": e.end} for e in fact.evidence]

    def common(fact: Fact) -> dict[str, object]:
        extra: dict[str, object] = {"key": fact.key, "evidence": evidence(fact)}
        if fact.alleged:
            extra["alleged"] = True
        if fact.attributed_to:
            extra["attributed_to"] = label(fact.attributed_to)
        if fact.notes:
            extra["notes"] = fact.notes
        return extra

    out: dict[str, Any] = {
        "title": extraction.document.metadata.title,
        **({"skipped": extraction.skipped} if extraction.skipped else {}),
        "persons": names("person"),
        "states": names("state"),
        "instruments": names("instrument"),
        "bodies": names("body"),
        "organisations": names("organisation"),
        "articles": names("article"),
        "groups": [
            {
                "name": g.label,
                "members": sorted(label(m) or m for m in g.members),
                "inferred_members": sorted(label(m) or m for m in g.inferred_members),
            }
            for g in entities.values()
            if g.kind == "group"
        ],
        "transfers": [],
        "proposed_transfers": [],
        "assurances": [],
        "outcomes": [],
        "decisions": [],
        "advocacy": [],
        "roles": [],
        "findings": [],
    }
    for fact in _with_members(extraction):
        f = fact.fields
        if fact.kind in {"transfer", "proposed_transfer"}:
            item: dict[str, object] = {
                "person": label(f["person"]),
                "from": label(f["from"]),
                "to": label(f["to"]),
                "date": fact.date,
                "kind": f["kind"],
            }
            if fact.kind == "proposed_transfer":
                item["status"] = f["status"]
            out["transfers" if fact.kind == "transfer" else "proposed_transfers"].append(
                item | common(fact)
            )
        elif fact.kind == "assurance":
            out["assurances"].append(
                {
                    "about": label(f["about"]),
                    "given_by": label(f["given_by"]),
                    "sought_by": label(f["sought_by"]),
                    "date": fact.date,
                    "kind": f["kind"],
                    "content": f.get("content"),
                    "transfer": f.get("transfer"),
                }
                | common(fact)
            )
        elif fact.kind == "outcome":
            if "before the transfer" in fact.notes:
                continue
            out["outcomes"].append(
                {
                    "person": label(f["person"]),
                    "what": f["what"],
                    "where": label(f["where"]),
                    "date": fact.date,
                }
                | common(fact)
            )
        elif fact.kind == "decision":
            out["decisions"].append(
                {
                    "body": label(f["body"]),
                    "about": label(f["about"]),
                    "date": fact.date,
                    "finding": f.get("finding"),
                }
                | common(fact)
            )
        elif fact.kind == "advocacy":
            out["advocacy"].append(
                {k: label(v) for k, v in f.items()} | {"date": fact.date} | common(fact)
            )
        elif fact.kind == "finding":
            out["findings"].append(dict(f) | common(fact))
        elif fact.kind == "role":
            out["roles"].append({k: label(v) for k, v in f.items()} | common(fact))
    return out
