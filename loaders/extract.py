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
from .assurances import find_assurances
from .context import Context, find_groups
from .decisions import find_decisions
from .harms import find_harms
from .mentions import find_mentions
from .model import Document, Extraction, Fact
from .nlp import parse
from .transfers import find_transfers

_PRECISION_RANK = {"day": 3, "month": 2, "year": 1, None: 0}
_UNKEYED = {"content", "finding", "method", "verb", "status", "title", "demand"}


def extract(document: Document) -> Extraction:
    """Everything the rules find in ``document``."""
    doc = parse(document)
    ctx = Context(document, doc, find_mentions(document, doc))
    find_groups(ctx)
    transfers = find_transfers(ctx)
    facts = transfers + find_assurances(ctx) + find_harms(ctx) + find_decisions(ctx)
    facts += find_advocacy(ctx)
    _place_harms(facts)
    _members(ctx, facts)
    facts = _merge(document, facts)
    used = {v for f in facts for v in f.fields.values() if isinstance(v, str) and ":" in v}
    used |= {f.attributed_to for f in facts if f.attributed_to}
    entities = {
        ref: e for ref, e in ctx.mentions.entities.items() if e.mentions or ref in used
    }
    return Extraction(document=document, entities=entities, facts=facts)


def _place_harms(facts: list[Fact]) -> None:
    """A harm with no place happened where its victim was sent; harm in the sending state
    before the transfer is kept but noted, and is no outcome of the transfer."""
    sent = {
        f.fields["person"]: f for f in facts if f.kind == "transfer" and f.fields.get("to")
    }
    for fact in facts:
        if fact.kind != "outcome":
            continue
        transfer = sent.get(fact.fields["person"])
        if transfer is None:
            continue
        if fact.fields.get("where") is None:
            fact.fields["where"] = transfer.fields["to"]
            fact.notes.append("where: the state the victim was transferred to")
        elif fact.fields["where"] == transfer.fields.get("from") != transfer.fields["to"]:
            fact.notes.append("before the transfer")


def _members(ctx: Context, facts: list[Fact]) -> None:
    """Named persons harmed in the state a group was sent to, with no transfer of their own,
    are members of that group."""
    groups = {
        f.fields["to"]: f.fields["person"]
        for f in facts
        if f.kind == "transfer" and str(f.fields["person"]).startswith("group:")
    }
    moved = {f.fields["person"] for f in facts if f.kind == "transfer"}
    for fact in facts:
        person = fact.fields.get("person")
        where = fact.fields.get("where")
        if fact.kind != "outcome" or not str(person).startswith("person:") or person in moved:
            continue
        group = groups.get(str(where))
        if group:
            ctx.mentions.entities[group].members.add(str(person))


def fact_key(document: Document, fact: Fact) -> str:
    """A key from the document and the fact's normalised fields, not from the rule."""
    fields = {k: v for k, v in sorted(fact.fields.items()) if k not in _UNKEYED}
    payload = json.dumps([document.stem, fact.kind, fields, fact.date], sort_keys=True)
    return f"{fact.kind}-{hashlib.sha256(payload.encode()).hexdigest()[:12]}"


def _merge(document: Document, facts: list[Fact]) -> list[Fact]:
    """One fact per key; repeats add their evidence. A transfer that happened absorbs the
    proposed transfer of the same person to the same state; a dateless fact merges into the
    dated one it otherwise equals."""
    happened = {
        (f.fields["person"], f.fields["to"]) for f in facts if f.kind == "transfer"
    }
    facts = [
        f for f in facts
        if not (f.kind == "proposed_transfer" and (f.fields["person"], f.fields["to"]) in happened)
    ]
    facts = sorted(facts, key=lambda f: -_PRECISION_RANK[f.date_precision])
    merged: dict[str, Fact] = {}
    undated: dict[str, str] = {}
    for fact in facts:
        identity = json.dumps(
            [fact.kind, {k: v for k, v in sorted(fact.fields.items()) if k not in _UNKEYED}]
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
    return sorted(merged.values(), key=lambda f: (f.evidence[0].start if f.evidence else 0, f.kind))


def to_json(extraction: Extraction) -> dict[str, Any]:
    """The analyst's view of one document (the format of ``dakg extract --json``)."""
    entities = extraction.entities

    def label(ref: object) -> str | None:
        if not isinstance(ref, str) or ":" not in ref:
            return ref if isinstance(ref, str) else None
        entity = entities.get(ref)
        return entity.label if entity else ref.split(":", 1)[1]

    def names(kind: str) -> list[str]:
        return sorted({e.label for e in entities.values() if e.kind == kind})

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
        "persons": names("person"),
        "states": names("state"),
        "instruments": names("instrument"),
        "bodies": names("body"),
        "organisations": names("organisation"),
        "articles": names("article"),
        "groups": [
            {"name": g.label, "members": sorted(label(m) or m for m in g.members)}
            for g in entities.values() if g.kind == "group"
        ],
        "transfers": [],
        "proposed_transfers": [],
        "assurances": [],
        "outcomes": [],
        "decisions": [],
        "advocacy": [],
        "roles": [],
    }
    for fact in extraction.facts:
        f = fact.fields
        if fact.kind in {"transfer", "proposed_transfer"}:
            item: dict[str, object] = {
                "person": label(f["person"]), "from": label(f["from"]), "to": label(f["to"]),
                "date": fact.date, "kind": f["kind"],
            }
            if fact.kind == "proposed_transfer":
                item["status"] = f["status"]
            out["transfers" if fact.kind == "transfer" else "proposed_transfers"].append(
                item | common(fact)
            )
        elif fact.kind == "assurance":
            out["assurances"].append({
                "about": label(f["about"]), "given_by": label(f["given_by"]),
                "sought_by": label(f["sought_by"]), "date": fact.date, "kind": f["kind"],
                "content": f.get("content"),
            } | common(fact))
        elif fact.kind == "outcome":
            if "before the transfer" in fact.notes:
                continue
            out["outcomes"].append({
                "person": label(f["person"]), "what": f["what"], "where": label(f["where"]),
                "date": fact.date,
            } | common(fact))
        elif fact.kind == "decision":
            out["decisions"].append({
                "body": label(f["body"]), "about": label(f["about"]), "date": fact.date,
                "finding": f.get("finding"),
            } | common(fact))
        elif fact.kind == "advocacy":
            out["advocacy"].append(
                {k: label(v) for k, v in f.items()} | {"date": fact.date} | common(fact)
            )
        elif fact.kind == "role":
            out["roles"].append({k: label(v) for k, v in f.items()} | common(fact))
    return out
