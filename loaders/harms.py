"""Harm and treatment: who was tortured, beaten, detained, convicted, where and by whom.

A harm word ("tortured", "beaten in custody", "unfair trials", "convicted") whose victim
is a person or a group. Negated harm ("during which they were not abused") and risks or
hypotheses ("would be tortured", a risk or a fear of torture) give no fact;
hedged harm ("allegedly tortured") is marked alleged. The place is the "in" phrase, the
state a "where" clause hangs on ("Uzbekistan, where he was tortured"), else filled in later
from the victim's transfer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .context import Context, lexicon
from .model import Fact
from .nlp import sentence_of

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_METHODS = {"beat", "beating", "shackle", "rape", "assault"}
_SPEECH = {"say", "tell", "state", "add", "note", "explain", "warn", "argue"}
_TELL = {"describe", "report", "complain", "recount", "recall", "allege"}
_EXPERIENCE = {"suffer", "endure", "undergo", "experience", "sustain", "receive", "face", "serve"}


def find_harms(ctx: Context) -> list[Fact]:
    """Every harm to a person or group that the document states as a fact."""
    table: dict[str, str] = {k: v for k, v in lexicon()["harm"].items() if isinstance(v, str)}
    hypothetical = set(lexicon()["harm"]["hypothetical"]["words"])
    facts: list[Fact] = _disappearances(ctx)
    for token in ctx.doc:
        lemma = token.lemma_.lower()
        what = table.get(lemma) or table.get(token.lower_)
        if token.lower_ in {"trial", "trials"} and _unfair(token):
            what = "unfair trial"
        if what is None or token.pos_ not in {"VERB", "NOUN", "ADJ"}:
            continue
        if token.pos_ == "ADJ" and what != "unfair trial":
            continue
        if ctx.negated(token) or ctx.conditional(token) or ctx.modal(token):
            continue
        compound = token.dep_ == "compound" and token.head.lemma_.lower() in table
        if compound or any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            continue  # "prison sentence" is one harm; "in order to kill" is a purpose
        if ctx.governed_by(token, hypothetical) or _risk_word_before(token, hypothetical):
            continue
        victims = _victims(ctx, token)
        confidence = 0.75
        if not victims and token.pos_ == "NOUN" and what in {"conviction", "detention"}:
            victims = _only_person(ctx, token)
            confidence = 0.5
        if not victims:
            continue
        where = _where(ctx, token)
        perpetrator = _perpetrator(ctx, token)
        notes = ["before the transfer"] if _before_transfer(token) else []
        dated = ctx.date(token, local=True)
        if dated and _where_someone_was(token, table):
            # "visited him in prison on 12 May": the date is the visit's; he was held then
            notes.append(f"in {token.lower_} on {dated[2]} (that date is another event's)")
            dated = None
        for victim in victims:
            fact = Fact(
                kind="outcome",
                fields={
                    "person": victim,
                    "what": what,
                    "where": where,
                    "perpetrator": perpetrator,
                    "method": lemma if lemma in _METHODS else None,
                },
                evidence=ctx.evidence(token),
                rule=f"harm-{token.pos_.lower()}",
                confidence=confidence,
                alleged=ctx.hedged(token) or token.head.lemma_.lower() in _TELL,
                notes=list(notes),
            )
            if dated:
                fact.date, fact.date_precision, fact.date_text = dated
            facts.append(fact)
    return facts


def _where_someone_was(token: Token, table: dict[str, str]) -> bool:
    """A harm noun that only says where someone was when something else happened: the object
    of "in" or "at" on a verb that is no harm ("visited him in prison")."""
    prep = token.head
    if token.pos_ != "NOUN" or token.dep_ != "pobj" or prep.lower_ not in {"in", "at"}:
        return False
    return prep.head.lemma_.lower() not in table


def _before_transfer(token: Token) -> bool:
    """ "deported ... after a month of detention": harm in an "after" phrase of a transfer
    verb came before the transfer."""
    transfer_verbs = set(lexicon()["transfer"]["verbs"])
    for ancestor in token.ancestors:
        if ancestor.dep_ == "prep" and ancestor.lower_ in {"after", "following"}:
            return ancestor.head.lemma_.lower() in transfer_verbs
    return False


def _disappearances(ctx: Context) -> list[Fact]:
    """Whereabouts unknown: "reveal the whereabouts of X", officials unable to find him,
    "X remains missing" (the modality is about revealing, not about the disappearance)."""
    facts = []
    for token in ctx.doc:
        victims: list[str] = []
        if token.lower_ == "whereabouts":
            for child in token.children:
                if child.dep_ == "poss":
                    victims += ctx.refs(child, {"person", "group"})
                elif child.dep_ == "prep" and child.lower_ == "of":
                    victims += [r for o in child.children for r in ctx.refs(o, {"person", "group"})]
            if any(c.lower_ in {"known", "established"} for c in token.head.children):
                continue
        elif token.lemma_.lower() in {"locate", "find", "trace"} and ctx.negated(token):
            target = ctx.child(token, "dobj")
            victims = ctx.refs(target, {"person", "group"}) if target is not None else []
        elif token.lower_ == "missing" and token.dep_ == "acomp":
            subject = ctx.child(token.head, "nsubj")
            victims = ctx.refs(subject, {"person", "group"}) if subject is not None else []
        for victim in victims:
            facts.append(
                Fact(
                    kind="outcome",
                    fields={
                        "person": victim,
                        "what": "disappearance",
                        "where": None,
                        "perpetrator": None,
                        "method": None,
                    },
                    evidence=ctx.evidence(token),
                    rule="harm-whereabouts-unknown",
                    confidence=0.6,
                )
            )
    return facts


def _only_person(ctx: Context, token: Token) -> list[str]:
    """The one person or group a sentence names, for a harm noun with no stated victim."""
    sent = sentence_of(token)
    refs = {
        m.ref
        for m in ctx.mentions.mentions
        if sent.start_char <= m.start < sent.end_char and m.ref.split(":")[0] in {"person"}
    }
    refs |= {r for i, r in ctx.groups.items() if sent.start <= i < sent.end}
    refs -= _speakers(ctx, sent)
    return sorted(refs) if len(refs) == 1 else []


def _speakers(ctx: Context, sent: Span) -> set[str]:
    """The persons a sentence quotes ("..., said Bogert"): subjects of a verb of speech."""
    out: set[str] = set()
    for token in sent:
        if token.dep_ == "nsubj" and token.head.lemma_.lower() in _SPEECH:
            out |= set(ctx.refs(token, {"person"}))
    return out


def _unfair(token: Token) -> bool:
    if any(c.lower_ in {"unfair", "flawed", "sham"} for c in token.children):
        return True
    head = token.head
    return token.dep_ == "nsubj" and any(c.lower_ == "unfair" for c in head.children)


def _risk_word_before(token: Token, words: set[str]) -> bool:
    """ "risk of torture", "in danger of being tortured", "faced torture"."""
    window = token.doc[max(sentence_of(token).start, token.i - 4) : token.i]
    return any(t.lemma_.lower() in words for t in window)


def _victims(ctx: Context, token: Token) -> list[str]:
    kinds = {"person", "group"}
    if token.pos_ == "VERB":
        undergoers = ctx.undergoers(token)
        if undergoers is not None:
            return undergoers
        if token.dep_ == "conj":
            return _victims(ctx, token.head)
        if token.dep_ in {"relcl", "acl"} and token.head.pos_ in {"NOUN", "PROPN"}:
            return ctx.refs(token.head, kinds)
        return []
    if token.lower_ == "custody" or token.dep_ == "pobj":
        head = token.head.head if token.dep_ == "pobj" else token.head
        if head.pos_ in {"VERB", "AUX"}:
            subject = ctx.child(head, "nsubj", "nsubjpass")
            if subject is not None:
                return ctx.refs(subject, kinds)
            if head.dep_ == "conj":
                subject = ctx.child(head.head, "nsubj", "nsubjpass")
                return ctx.refs(subject, kinds) if subject is not None else []
    owners = ctx.owners(token)
    if owners:
        return owners
    if token.dep_ in {"dobj", "pobj"}:
        verb = token.head if token.dep_ == "dobj" else token.head.head
        subject = ctx.child(verb, "nsubj", "nsubjpass")
        if subject is not None and verb.lemma_.lower() in _EXPERIENCE | _TELL:
            refs = ctx.refs(subject, kinds)
            if refs:
                return refs
        if token.dep_ == "dobj" and verb.lemma_.lower() in {"win", "secure", "obtain", "get"}:
            return ctx.topic_persons(token)  # "prosecutors won a conviction"
    if token.dep_ == "nsubj" and token.lower_ in {"trial", "trials"}:
        owner = ctx.child(token, "poss")
        return ctx.refs(owner, kinds) if owner is not None else []
    return []


def _where(ctx: Context, token: Token) -> str | None:
    for obj in ctx.preps(token, "in", "inside"):
        states = ctx.states(obj)
        if states:
            return states[0]
    node = token
    while node.head.i != node.i and node.dep_ not in {"relcl"}:
        node = node.head
    if node.dep_ == "relcl":
        states = ctx.states_in(node.head.idx, node.head.idx + len(node.head))
        if states:
            return states[0]
    clause = [token, *token.conjuncts] + ([token.head] if token.dep_ == "conj" else [])
    preps = [c for verb in clause for c in verb.children]
    for t in preps:  # "detained ... and spent two years in Guantanamo"
        if t.dep_ == "prep" and t.lower_ in {"in", "at", "inside"}:
            for obj in t.children:
                places = [
                    ctx.state_of(m.ref)
                    for m in ctx.mentions.at(obj.idx, obj.idx + len(obj))
                    if m.ref.split(":")[0] in {"place", "state"}
                ]
                if places and places[0]:
                    return places[0]
    perpetrator = _perpetrator(ctx, token)
    return ctx.state_of(perpetrator) or None if perpetrator else None


def _perpetrator(ctx: Context, token: Token) -> str | None:
    agent = ctx.child(token, "nsubj") if token.pos_ == "VERB" else None
    if agent is None:
        by = ctx.preps(token, "by")
        agent = by[0] if by else None
    if agent is None:
        return None
    refs = ctx.refs(agent, {"state", "body"})
    if refs:
        return refs[0]
    states = ctx.states(agent, actor_only=True)
    return f"state:{states[0]}" if states else None
