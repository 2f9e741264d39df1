"""Transfers: who was sent from which state to which, when, and whether it happened.

A transfer verb ("deported", "extradited", "sent back") or noun ("his extradition to
Tunisia") with a person or group as its patient and a destination state. The sending state
is the state that held the person: the "from" phrase, else the acting state ("Kazakh
authorities returned him"), else a place the person was held in ("from Guantanamo"), else a
place it went through ("through JFK airport"), each inference recorded. A transfer that
depends on an intention, an order, a risk or a condition ("in order to remove", "a decision
to extradite", "if returned") is a proposed transfer, not a transfer.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .context import Context, lexicon
from .model import Fact
from .nlp import sentence_of

if TYPE_CHECKING:
    from spacy.tokens import Token

_NEEDS_DIRECTION = {"send", "fly", "hand", "deliver", "ship", "return", "transfer", "remove"}


def find_transfers(ctx: Context) -> list[Fact]:
    """Every transfer and proposed transfer of a person or group the document states."""
    words = lexicon()["transfer"]
    facts: list[Fact] = []
    for token in ctx.doc:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and lemma in words["verbs"]:
            kind = words["verbs"][lemma]
        elif token.pos_ in {"NOUN", "PROPN"} and lemma in words["nouns"]:
            kind = words["nouns"][lemma]
        else:
            continue
        facts += _transfer(ctx, token, kind)
    return facts


def _transfer(ctx: Context, token: Token, kind: str) -> list[Fact]:
    lemma = token.lemma_.lower()
    places = {"state", "place"}
    destinations = [
        s for obj in ctx.preps(token, "to", "into") for s in ctx.states(obj, kinds=places)
    ]
    if not destinations and token.pos_ != "VERB" and token.dep_ == "dobj":
        # a court ordering someone's extradition "to" a state: the "to" hangs on the verb
        destinations = [
            s for obj in ctx.preps(token.head, "to") for s in ctx.states(obj, kinds=places)
        ]
    direction = any(c.lower_ in {"back", "home", "over"} for c in token.children) or any(
        o.pos_ == "PROPN" for o in ctx.preps(token, "to")
    )  # "flown ... to Enfidha": a destination the gazetteers do not know
    planned = _status(ctx, token) != "happened"
    if lemma in _NEEDS_DIRECTION and not destinations and not direction and not planned:
        return []
    patients = _patients(ctx, token)
    if not patients or _only_asked_about(token):
        return []
    if ctx.negated(token) or ctx.conditional(token):
        return []
    to = destinations[0] if destinations else ""
    origin, notes = _origin(ctx, token, to, patients)
    if not to:
        notes.append("to: not named in the sentence")
    status = _status(ctx, token)
    dated = ctx.date(token, local=True)
    fact = Fact(
        kind="transfer" if status == "happened" else "proposed_transfer",
        fields={
            "person": patients[0],
            "from": f"state:{origin}" if origin else None,
            "to": f"state:{to}" if to else None,
            "kind": kind,
            "status": status,
        },
        evidence=ctx.evidence(token),
        rule=f"transfer-{'verb' if token.pos_ == 'VERB' else 'noun'}",
        confidence=0.8 if origin else 0.6,
        notes=notes,
    )
    if dated:
        fact.date, fact.date_precision, fact.date_text = dated
    return [fact] + [replace(fact, fields={**fact.fields, "person": p}) for p in patients[1:]]


def _patients(ctx: Context, token: Token) -> list[str]:
    kinds = {"person", "group"}
    if token.pos_ == "VERB":
        undergoers = ctx.undergoers(token)  # [] for a bare count of people deported, with no name
        if undergoers is not None:
            return undergoers
        if token.dep_ == "conj":
            return _patients(ctx, token.head)
        if token.dep_ in {"relcl", "acl"}:
            return ctx.refs(token.head, kinds)
        if token.dep_ in {"pcomp", "advcl", "xcomp"}:
            before = [
                m.ref
                for m in ctx.mentions.mentions
                if m.ref.split(":")[0] in kinds
                and sentence_of(token).start_char <= m.start < token.idx
            ]
            groups = [r for i, r in ctx.groups.items() if sentence_of(token).start <= i < token.i]
            return (groups or before)[-1:]
        return []
    owners = ctx.owners(token)
    if owners:
        return owners
    return []


def _origin(
    ctx: Context, token: Token, to: str, patients: list[str]
) -> tuple[str | None, list[str]]:
    for obj in ctx.preps(token, "from"):
        states = [s for s in ctx.states(obj) if s != to]
        if states:
            return states[0], []
    agent = ctx.child(token, "nsubj") if token.pos_ == "VERB" else None
    if agent is None:
        agent_prep = ctx.preps(token, "by")
        agent = agent_prep[0] if agent_prep else None
    if agent is None and token.dep_ == "conj":
        agent = ctx.child(token.head, "nsubj")
    if agent is not None:
        states = [s for s in ctx.states(agent, actor_only=True) if s != to]
        if states:
            return states[0], [f"from: the acting state ({ctx.doc[agent.i].text})"]
    for ref in patients:
        for mention in ctx.mentions.mentions:
            if (
                mention.ref.startswith("place:")
                and mention.start >= sentence_of(token).start_char
                and mention.end <= sentence_of(token).end_char
            ):
                code = ctx.state_of(mention.ref)
                place = ctx.entity(mention.ref).label
                if code and code != to and _near_patient(ctx, mention.start, token):
                    return code, [f"from: the state holding {place}, where {ref} was held"]
    for obj in ctx.preps(token, "through", "via"):
        states = [s for s in ctx.states(obj) if s != to]
        if states:
            return states[0], [f"from: inferred through {obj.text} ({states[0]})"]
    sent = sentence_of(token)
    states = [s for s in ctx.states_in(sent.start_char, sent.end_char, kinds={"state"}) if s != to]
    for t in sent:  # "seized him outside Moscow", "picked up in Stockholm"
        if t.dep_ == "prep" and t.lower_ in {"in", "outside", "from", "at", "near"}:
            for obj in t.children:
                states += [
                    s for s in ctx.states(obj, kinds={"place"}) if s != to and s not in states
                ]
    if len(states) == 1:
        return states[0], ["from: the only other state named in the sentence"]
    return None, []


def _near_patient(ctx: Context, offset: int, token: Token) -> bool:
    """A place in the patient's phrase ("Guantanamo detainees") or a from/through phrase."""
    for dep in ("nsubjpass", "dobj"):
        target = ctx.child(token, dep)
        if target is not None:
            start, end = ctx.phrase(target)
            if start <= offset < end:
                return True
    if token.dep_ in {"relcl", "acl"}:
        start, end = ctx.phrase(token.head)
        return start <= offset < end
    return any(
        ctx.phrase(o)[0] <= offset < ctx.phrase(o)[1] for o in ctx.preps(token, "through", "via")
    )


def _only_asked_about(token: Token) -> bool:
    """A transfer the sentence only asks about: the matter of an inquiry, a question or a
    demand for one ("urged X to open an inquiry into the extradition of Y", "asked whether
    the deportation was lawful"). It says neither that the transfer happened nor that it is
    planned."""
    asked = lexicon()["transfer"]["asked"]
    prep = token.head
    if token.dep_ == "pobj" and prep.lower_ in {"into", "about", "over", "on", "regarding"}:
        if prep.head.lemma_.lower() in asked["nouns"]:
            return True
    clause = token
    while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i:
        clause = clause.head
    marked = any(c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in clause.children)
    return marked and clause.head.lemma_.lower() in asked["verbs"]


def _status(ctx: Context, token: Token) -> str:
    words = lexicon()["transfer"]
    proposed = set(words["proposed"]["words"])
    if ctx.governed_by(token, set(words["proposed"]["halted"])):
        return "halted"
    if ctx.governed_by(token, set(words["proposed"]["threatened"])):
        return "threatened"
    if ctx.modal(token):
        return "proposed"
    if token.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return "proposed"
    if ctx.governed_by(token, proposed):
        return "proposed"
    if any(
        c.lower_ in proposed for c in token.children if c.dep_ in {"amod", "compound", "advmod"}
    ):
        return "proposed"
    return "happened"
