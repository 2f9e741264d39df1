"""Assurance events: who sought, who gave, whom they concern, what was promised.

An assurance word ("assurances", "guarantees", "promised", "Moscow's pledge") with a giving
state: "assurances from Syria", "Tunisian guarantees", "Russian authorities promised",
"assured by the ministry's officials". The seeking state is the subject of "seek", "pursue",
"obtain", "rely on" or the "to" of a pledge. A statement about assurances in general
(no giving state) is no event. "The US government says that ..." records who says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .context import Context, lexicon
from .model import Fact
from .nlp import sentence_of

if TYPE_CHECKING:
    from spacy.tokens import Token


def find_assurances(ctx: Context) -> list[Fact]:
    """Every assurance sought from, given by or relied on from a named state."""
    words = lexicon()["assurance"]
    facts: list[Fact] = []
    for token in ctx.doc:
        lemma = token.lemma_.lower()
        noun = token.pos_ in {"NOUN", "PROPN"} and lemma in words["nouns"]
        verb = token.pos_ == "VERB" and (lemma in words["verbs"] or _carried(ctx, token, words))
        if not (noun or verb):
            continue
        given_by = _giver(ctx, token, verb)
        if given_by is None or ctx.negated(token) or _hypothetical(ctx, token):
            continue
        governor = _governor(token)
        sought_by = _seeker(ctx, token, governor, given_by)
        about = _about(ctx, token)
        kind = _kind(governor, words)
        fact = Fact(
            kind="assurance",
            fields={
                "about": about,
                "given_by": given_by,
                "sought_by": sought_by,
                "kind": kind,
                "content": _content(token),
            },
            evidence=ctx.evidence(token),
            rule=f"assurance-{'verb' if verb else 'noun'}",
            confidence=0.75,
            attributed_to=_attribution(ctx, token),
        )
        dated = ctx.date(token)
        if dated:
            fact.date, fact.date_precision, fact.date_text = dated
        facts.append(fact)
    return facts


def _carried(ctx: Context, token: Token, words: dict[str, list[str]]) -> bool:
    """A verb of saying whose clause promises protection from harm carries a promise: of a
    document ("a note saying he would not be ill-treated", "sent a note saying ...") or of
    an actor, about the future ("the embassy wrote that he will not be subjected to harm")."""
    if token.lemma_.lower() not in words["carrier_verbs"]:
        return False
    head = token.head
    carried = head.lemma_.lower() in words["carriers"] and token.dep_ in {"acl", "relcl"}
    carried = carried or (
        token.dep_ in {"advcl", "xcomp"}
        and any(c.dep_ == "dobj" and c.lemma_.lower() in words["carriers"] for c in head.children)
    )
    clauses = [c for c in token.children if c.dep_ == "ccomp"]
    subject = ctx.child(token, "nsubj")
    promised = (
        subject is not None
        and bool(ctx.states(subject, actor_only=True))  # a state's organ, not a treaty's text
        and any(
            a.dep_ == "aux" and a.lower_ in {"will", "would", "shall"}
            for c in clauses
            for a in c.children
        )
    )
    if not (carried or promised):
        return False
    clause = " ".join(t.lower_ for c in clauses or [token] for t in c.subtree)
    return any(word in clause for word in words["protections"])


def _hypothetical(ctx: Context, token: Token) -> bool:
    """ "Any assurances from X would be unreliable", "no basis to trust assurances": talk
    about assurances, not an assurance that was sought or given."""
    if any(c.dep_ == "det" and c.lower_ in {"any", "such", "no"} for c in token.children):
        return True
    for ancestor in [token, *token.ancestors]:
        if ctx.modal(ancestor) or any(
            c.dep_ == "det" and c.lower_ == "no" for c in ancestor.children if c.i < token.i
        ):
            return True
        if ancestor.dep_ in {"advcl", "ccomp"}:
            break
    return False


def _giver(ctx: Context, token: Token, verb: bool) -> str | None:
    candidates: list[Token] = []
    if verb:
        subject = ctx.child(token, "nsubj")
        if subject is not None:
            candidates.append(subject)
        elif (
            token.i > sentence_of(token).start
            and token.nbor(-1).pos_ == "PROPN"
            and token.dep_ == "ROOT"
        ):
            candidates.append(token.nbor(-1))  # "In a note of 11 January Turkey guaranteed"
        elif token.dep_ in {"advcl", "xcomp"} and token.tag_ in {"VBG", "VBN"}:
            # "X sent a note verbale promising ...", "relied on a letter from X, promising":
            # the document that promises, then whoever sent it.
            head = token.head
            carriers = [c for c in head.children if c.dep_ == "dobj"]
            carriers += [o for prep in head.children if prep.dep_ == "prep" for o in prep.children]
            for carrier in carriers:
                candidates += ctx.preps(carrier, "from")
                candidates += [
                    c for c in carrier.children if c.dep_ in {"poss", "amod", "compound"}
                ]
            head_subject = ctx.child(head, "nsubj")
            if head_subject is not None:
                candidates.append(head_subject)
        candidates += ctx.preps(token, "by")
        if token.dep_ in {"acl", "relcl"}:  # "a note verbale promising", "a letter ... promising"
            carrier = token.head
            candidates.append(carrier)
            candidates += ctx.preps(carrier, "from")
            candidates += [c for c in carrier.children if c.dep_ in {"poss", "amod", "compound"}]
            sender = ctx.child(_governor(carrier), "nsubj")
            if sender is not None:
                candidates.append(sender)
    else:
        candidates += ctx.preps(token, "from")
        candidates += [
            obj
            for t in token.subtree
            if t.dep_ == "prep" and t.lower_ == "from"
            for obj in t.children
            if obj.dep_ == "pobj"
        ]
        candidates += [c for c in token.children if c.dep_ in {"poss", "amod", "compound", "nmod"}]
        for child in token.children:  # "guarantees from Tunisian authorities guaranteeing"
            if child.dep_ == "acl" and child.lemma_.lower() in {"from"}:
                candidates.append(child)
        head = _governor(token)
        if head.lemma_.lower() in lexicon()["assurance"]["given"]:
            subject = ctx.child(head, "nsubj")
            if subject is not None:
                candidates.append(subject)
    for candidate in candidates:
        states = ctx.states(candidate, actor_only=True)
        if states:
            return states[0]
    return None


def _governor(token: Token) -> Token:
    """The verb the assurance depends on ("sought assurances", "intention to pursue")."""
    node = token
    while (
        node.dep_ in {"dobj", "pobj", "prep", "conj", "compound", "appos"} and node.head.i != node.i
    ):
        node = node.head
    return node


def _seeker(ctx: Context, token: Token, governor: Token, giver: str) -> str | None:
    for obj in ctx.preps(token, "to"):
        states = [s for s in ctx.states(obj, actor_only=True) if s != giver]
        if states:
            return states[0]
    node = governor
    for _ in range(5):
        for dep in ("nsubj", "poss"):
            subject = ctx.child(node, dep)
            if subject is not None:
                states = [s for s in ctx.states(subject, actor_only=True) if s != giver]
                if states:
                    return states[0]
        if node.head.i == node.i:
            break
        node = node.head
    return None


def _about(ctx: Context, token: Token) -> str | None:
    kinds = {"person", "group"}
    for obj in ctx.preps(token, "for", "about", "regarding", "concerning", "of"):
        refs = ctx.refs(obj, kinds)
        if refs:
            return refs[0]
    for child in token.subtree:  # "that he would not be tortured", "treat them humanely"
        if child.dep_ in {"nsubjpass", "dobj"} and child.i != token.i:
            refs = ctx.refs(child, kinds)
            if refs:
                return refs[0]
    sent = sentence_of(token)
    for mention in ctx.mentions.mentions:
        if sent.start_char <= mention.start < sent.end_char and mention.ref.split(":")[0] in kinds:
            return mention.ref
    groups = [r for i, r in ctx.groups.items() if sent.start <= i < sent.end]
    return groups[0] if groups else None


def _kind(governor: Token, words: dict[str, list[str]]) -> str:
    lemma = governor.lemma_.lower()
    if lemma in words["sought"]:
        return "sought"
    if lemma in words["relied"]:
        return "relied on"
    if lemma in words["breached"]:
        return "breached"
    return "given"


def _content(token: Token) -> str | None:
    """What was promised: the clause the promise governs ("to treat them humanely")."""
    for child in token.children:
        if child.dep_ in {"xcomp", "ccomp", "acl"} and child.i > token.i:
            text = token.doc[child.left_edge.i : child.right_edge.i + 1].text
            return text.strip(" ,.")
    return None


def _attribution(ctx: Context, token: Token) -> str | None:
    """Who says so: the subject of "says" governing the assurance, or "according to X"."""
    verbs = set(lexicon()["attribution"]["verbs"])
    node = token
    while node.head.i != node.i:
        node = node.head
        if node.lemma_.lower() in verbs:
            subject = ctx.child(node, "nsubj")
            if subject is not None:
                refs = ctx.refs(subject, {"state", "body", "organisation", "person"})
                if refs:
                    return refs[0]
                states = ctx.states(subject, actor_only=True)
                if states:
                    return f"state:{states[0]}"
    for t in sentence_of(token):
        if t.lower_ == "according" and t.i + 2 < len(t.doc):
            obj = ctx.preps(t, "to")
            if obj:
                refs = ctx.refs(obj[0], {"state", "body", "organisation", "person"})
                if refs:
                    return refs[0]
    return None
