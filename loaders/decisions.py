"""Decisions of courts, boards, committees and agencies: who decided what about whom.

A decision verb ("held", "ruled", "ordered", "dismissed", "acquitted") whose subject (or
"by" agent) is a body, or a decision noun ("decision", "judgment", "verdict") with a body.
An unnamed court ("an Italian court") is named by its phrase; "the court" refers to a court
named in the same or the previous sentence, and otherwise stays unnamed.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .context import Context, lexicon
from .mentions import slug
from .model import Entity, Fact
from .nlp import sentence_of, text_of

if TYPE_CHECKING:
    from spacy.tokens import Token


def find_decisions(ctx: Context) -> list[Fact]:
    """Every decision of a body the document reports."""
    words = lexicon()["decision"]
    verbs, nouns = set(words["verbs"]), set(words["nouns"])
    facts: list[Fact] = []
    for token in ctx.doc:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and lemma in verbs:
            actors = [ctx.child(token, "nsubj"), *ctx.preps(token, "by")]
            if token.dep_ in {"advcl", "conj", "xcomp"}:  # "..., holding that"
                actors.append(ctx.child(token.head, "nsubj"))
        elif token.pos_ in {"NOUN", "PROPN"} and (lemma in nouns or token.lower_ in nouns):
            verb = next((a for a in token.ancestors if a.pos_ in {"VERB", "AUX"}), None)
            actors = [*ctx.preps(token, "by"), ctx.child(token, "poss", "compound")]
            actors.append(ctx.child(verb, "nsubj") if verb is not None else None)
        else:
            continue
        if ctx.negated(token) or ctx.modal(token):
            continue
        body = next((b for a in actors if a is not None for b in [_body(ctx, a)] if b), None)
        if body is None:
            continue
        if lemma == "say" and not _is_court(ctx, body):
            continue
        about = _about(ctx, token)
        fact = Fact(
            kind="decision",
            fields={"body": body, "about": about, "finding": _finding(token), "verb": lemma},
            evidence=ctx.evidence(token),
            rule=f"decision-{token.pos_.lower()}",
            confidence=0.7,
        )
        dated = ctx.date(token)
        if dated:
            fact.date, fact.date_precision, fact.date_text = dated
        facts.append(fact)
    return facts


def _body(ctx: Context, actor: Token) -> str | None:
    refs = ctx.refs(actor, {"body"})
    if refs:
        return refs[0]
    words = set(lexicon()["decision"]["bodies"])
    if actor.lemma_.lower() not in words:
        return None
    definite = any(c.lower_ == "the" for c in actor.children)
    modifiers = [c for c in actor.children if c.dep_ in {"amod", "compound"}]
    if definite and not modifiers:
        named = _antecedent(ctx, actor)
        if named:
            return named
    start, end = ctx.phrase(actor)
    label = re.sub(r"^(the|an?|its|their)\s+", "", text_of(ctx.doc)[start:end], flags=re.I)
    states = ctx.states_in(start, end)
    key = re.sub(r"[^a-z0-9]+", "-", label.casefold()).strip("-")
    key = f"{key}-{states[0].lower()}" if states else f"{slug(ctx.document.stem)}-{key}"
    entity = ctx.mentions.entities.setdefault(
        f"body:{key}",
        Entity("body", key, label, type="unnamed", state=states[0] if states else ""),
    )
    return entity.ref


def _antecedent(ctx: Context, actor: Token) -> str | None:
    """A court named in this or the previous sentence."""
    sent = sentence_of(actor)
    start = sentence_of(ctx.doc[sent.start - 1]).start_char if sent.start > 0 else sent.start_char
    courts = [
        m.ref
        for m in ctx.mentions.mentions
        if start <= m.start < actor.idx and m.ref.startswith("body:") and _is_court(ctx, m.ref)
    ]
    return courts[-1] if courts else None


def _is_court(ctx: Context, ref: str) -> bool:
    entity = ctx.mentions.entities.get(ref)
    if entity is None:
        return False
    return entity.type in {"court", "treaty-body"} or bool(
        re.search(r"court|tribunal|board|commission|committee|jury", entity.label, re.I)
    )


def _about(ctx: Context, token: Token) -> str | None:
    kinds = {"person", "group"}
    for child in token.subtree:
        if child.i != token.i and child.dep_ in {"dobj", "nsubj", "nsubjpass", "pobj", "poss"}:
            refs = ctx.refs(child, kinds)
            if refs:
                return refs[0]
    if token.dep_ in {"conj"} or token.pos_ == "VERB":
        subject = ctx.child(token, "nsubjpass")
        if subject is not None:
            refs = ctx.refs(subject, kinds)
            if refs:
                return refs[0]
    refs = ctx.topic_persons(token)
    return refs[0] if refs else None


def _finding(token: Token) -> str:
    """What was decided: the clause or object the decision word governs."""
    parts = [c for c in token.children if c.dep_ in {"ccomp", "xcomp", "dobj", "acl", "advcl"}]
    if not parts:
        return sentence_of(token).text.strip()
    start = min(p.left_edge.i for p in parts)
    end = max(p.right_edge.i for p in parts)
    return f"{token.text} {token.doc[start : end + 1].text}".strip(" ,.")
