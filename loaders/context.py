"""What every event rule needs: the parse, the mentions, and ways to read a phrase.

A rule finds a trigger word ("deported", "assurances", "tortured") and asks this context
who or what a phrase of the parse names (``refs``), which state it points to (``states``),
whether the clause is a fact or a hypothesis (``hypothetical``), when it happened
(``date``) and which passage to cite (``evidence``). Pronouns and group nouns are resolved
here too.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .dates import parse_date
from .gazetteer import normalise
from .mentions import Mentions
from .model import Document, Entity, Evidence, Precision
from .nlp import entities_in, sentence_of, text_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_DATA = Path(__file__).parent / "data"
_LEXICON = _DATA / "lexicon.toml"
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATE_CORE = re.compile(
    rf"(?:\d{{1,2}}\s+{_MONTHS},?\s+|{_MONTHS}\s+(?:\d{{1,2}},?\s+)?)?(?:1[89]\d\d|20\d\d)\b",
    re.IGNORECASE,
)
_MODALS = {"would", "could", "may", "might", "will", "shall", "should", "must", "can", "'d"}
_HE = {"he", "him", "his", "himself"}
_SHE = {"she", "her", "hers", "herself"}
_THEY = {"they", "them", "their", "themselves"}
_RELATIVE = {"who", "whom", "whose", "which", "that"}
_GENERIC_PERSONS = {
    "person",
    "individual",
    "detainee",
    "man",
    "woman",
    "refugee",
    "prisoner",
    "suspect",
    "migrant",
    "applicant",
    "child",
    "national",
    "returnee",
    "deportee",
}
_NUMBERS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "both": 2,
    "all": 0,
}


@cache
def people_nouns() -> frozenset[str]:
    """The nouns for people of ``data/people_nouns.txt``, in the singular."""
    lines = (_DATA / "people_nouns.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


@cache
def lexicon() -> dict[str, Any]:
    """The trigger words of ``data/lexicon.toml`` (read once; callers only read it)."""
    return tomllib.loads(_LEXICON.read_text(encoding="utf-8"))


@dataclass
class Context:
    """A parsed document with its mentions, shared by the event rules."""

    document: Document
    doc: Doc
    mentions: Mentions
    groups: dict[int, str] = field(default_factory=dict)  # token index of a group noun -> ref

    # ----------------------------------------------------------------- reading phrases

    def entity(self, ref: str) -> Entity:
        return self.mentions.entities[ref]

    def refs(self, token: Token, kinds: set[str] | None = None) -> list[str]:
        """The entities a noun names: mentions on the noun itself or its name parts and
        appositions ("our client Maher Arar"), its conjuncts, a resolved pronoun, a group."""
        if token.lower_ in _HE | _SHE | _THEY or (token.lower_ in _RELATIVE and token.tag_ != "IN"):
            found = self.resolve_pronoun(token)
            return [r for r in found if kinds is None or r.split(":")[0] in kinds]
        parts = [token] + [
            c for c in token.children if c.dep_ in {"compound", "appos", "flat", "nmod", "amod"}
        ]
        refs: list[str] = []
        for part in parts:
            for mention in self.mentions.at(part.idx, part.idx + len(part)):
                if kinds is None or mention.ref.split(":")[0] in kinds:
                    if mention.ref not in refs:
                        refs.append(mention.ref)
        if not refs and token.i in self.groups and (kinds is None or "group" in kinds):
            refs.append(self.groups[token.i])
        for conj in token.conjuncts:
            if conj.i > token.i:
                refs += [r for r in self.refs(conj, kinds) if r not in refs]
        return refs

    def undergoers(self, token: Token) -> list[str] | None:
        """Who undergoes a verb: the persons or groups its passive subject or object names;
        ``[]`` if it has one that names nobody ("deported one man"), ``None`` if none."""
        targets = [c for c in token.children if c.dep_ in {"nsubjpass", "dobj"}]
        for target in targets:
            refs = self.refs(target, {"person", "group"})
            if refs:
                return refs
        return [] if targets else None

    def owners(self, token: Token) -> list[str]:
        """The persons or groups a noun belongs to: "his extradition", "torture of X"."""
        for child in token.children:
            if child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ == "of"):
                owner = child if child.dep_ == "poss" else self.child(child, "pobj")
                if owner is not None:
                    refs = self.refs(owner, {"person", "group"})
                    if refs:
                        return refs
        return []

    def phrase(self, token: Token) -> tuple[int, int]:
        """The character span of ``token``'s phrase, without its clauses and conjuncts."""
        left, right = token.i, token.i
        for child in token.children:
            if child.dep_ in {"relcl", "acl", "advcl", "cc", "conj", "punct", "appos", "ccomp"}:
                continue
            left = min(left, child.left_edge.i)
            right = max(right, child.right_edge.i)
        span = self.doc[left : right + 1]
        return span.start_char, span.end_char

    def states(
        self, token: Token, actor_only: bool = False, kinds: set[str] | None = None
    ) -> list[str]:
        """The states a phrase points to: named, by their bodies, or by their places."""
        start, end = self.phrase(token)
        return self.states_in(start, end, actor_only, kinds)

    def states_in(
        self, start: int, end: int, actor_only: bool = False, kinds: set[str] | None = None
    ) -> list[str]:
        found: list[str] = []
        for mention in self.mentions.covering(start, end):
            if kinds is not None and mention.ref.split(":")[0] not in kinds:
                continue
            code = self.state_of(mention.ref)
            if mention.ref.startswith("state:") and actor_only and not mention.actor:
                continue
            if code and code not in found:
                found.append(code)
        return found

    def state_of(self, ref: str) -> str:
        """The ISO code a state, a national body or a place stands for ('' if none)."""
        entity = self.mentions.entities.get(ref)
        if entity is None:
            return ""
        if entity.kind == "state":
            return entity.key
        return entity.state if entity.kind in {"body", "place", "organisation"} else ""

    def child(self, token: Token, *deps: str) -> Token | None:
        return next((c for c in token.children if c.dep_ in deps), None)

    def preps(self, token: Token, *words: str) -> list[Token]:
        """Objects of ``token``'s prepositions ``words`` ("to Syria" -> Syria), also under
        a particle or adverb ("sent back to", "home to")."""
        objects = []
        heads = [token] + [c for c in token.children if c.dep_ in {"prt", "advmod", "dobj"}]
        for head in heads:
            for prep in head.children:
                if prep.dep_ in {"prep", "dative", "agent"} and prep.lower_ in words:
                    objects += [c for c in prep.children if c.dep_ in {"pobj", "pcomp"}]
        return objects

    # ----------------------------------------------------------------- clauses

    def negated(self, token: Token) -> bool:
        """ "was not abused", a report that names no torture, "without being charged"."""
        negations = set(lexicon()["harm"]["hypothetical"]["negations"])
        if any(c.dep_ == "neg" or c.lower_ in {"never"} for c in token.children):
            return True
        node = token
        chain = {"xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj", "auxpass", "conj", "acomp"}
        while node.head.i != node.i and node.dep_ in chain:
            node = node.head
            if any(c.dep_ == "neg" or c.lower_ in {"nor", "neither"} for c in node.children):
                return True
        return token.dep_ in {"pobj"} and token.head.lower_ == "without" and bool(negations)

    def modal(self, token: Token) -> bool:
        clause = token if token.dep_ != "conj" else token.head
        return any(c.dep_ in {"aux", "auxpass"} and c.lower_ in _MODALS for c in clause.children)

    def governed_by(self, token: Token, words: set[str], stop: set[str] | None = None) -> bool:
        """Whether a word of ``words`` governs ``token`` within its clause chain."""
        stop = stop if stop is not None else {"advcl", "relcl", "parataxis"}
        node = token
        while node.head.i != node.i:
            if node.dep_ in stop:
                return False
            node = node.head
            if node.lemma_.lower() in words or node.lower_ in words:
                return True
        return False

    def conditional(self, token: Token) -> bool:
        node = token
        for _ in range(6):
            if any(
                c.dep_ == "mark" and c.lower_ in {"if", "unless", "whether"} for c in node.children
            ):
                return True
            if node.head.i == node.i:
                break
            node = node.head
        return False

    def hedged(self, token: Token) -> bool:
        hedges = set(lexicon()["harm"]["hypothetical"]["hedges"])
        sent = sentence_of(token)
        return any(t.lower_ in hedges for t in sent if abs(t.i - token.i) <= 8)

    # ----------------------------------------------------------------- pronouns and groups

    def resolve_pronoun(self, token: Token) -> list[str]:
        """A pronoun's antecedent: the last person (he, she) or group/persons (they)."""
        if token.lower_ in _RELATIVE:
            head = token.head
            while head.dep_ in {"relcl", "acl"} or head.pos_ in {"VERB", "AUX"}:
                if head.dep_ in {"relcl", "acl"}:
                    return self.refs(head.head, {"person", "group"})
                if head.head.i == head.i:
                    break
                head = head.head
            return []
        before = [m for m in self.mentions.mentions if m.end <= token.idx]
        if token.lower_ in _THEY:
            subject = self._plural_subject(token)
            if subject:
                return self._their_group(subject)
            earlier = [r for i, r in sorted(self.groups.items()) if self.doc[i].idx < token.idx]
            if not earlier:
                return []
            return [max(earlier, key=lambda r: (len(self.entity(r).mentions), earlier.index(r)))]
        persons = [m for m in before if m.ref.startswith("person:")]
        generic = [
            t
            for t in sentence_of(token)
            if t.i < token.i and t.tag_ == "NN" and t.lemma_.lower() in _GENERIC_PERSONS
        ]
        if generic and not any(m.start > generic[-1].idx for m in persons):
            return []  # "a person being transferred ... his transfer"
        person = self._subject_person(token)
        if person:
            return [person]
        paragraph = self._paragraph_start(token.idx)
        recent = [m for m in persons if m.start >= paragraph - 1500]
        return [recent[-1].ref] if recent else []

    def _their_group(self, persons: list[str]) -> list[str]:
        """The group whose members are these persons, if the document named one: its
        facts reach every member, and the group stays linked to them."""
        for ref in self.groups.values():
            if set(persons) <= self.entity(ref).members:
                return [ref]
        return persons

    def _subject_person(self, token: Token) -> str | None:
        """The person who is the subject of this sentence (before the pronoun) or of the
        previous one: "X, an associate of Y, was detained after they returned him"."""
        for t in self._before_pronoun(token):
            if t.dep_ in {"nsubj", "nsubjpass"} and t.lower_ not in _HE | _SHE | _THEY:
                refs = self.refs(t, {"person"})
                if len(refs) == 1:
                    return refs[0]
        return None

    def _plural_subject(self, token: Token) -> list[str]:
        """Persons coordinated in this sentence (before the pronoun) or the one before:
        "Ravil Gumarov and Timur Ishmuratov ... were detained. They were beaten"."""
        for t in self._before_pronoun(token):
            if t.conjuncts and t.dep_ != "conj" and t.pos_ == "PROPN":
                refs = self.refs(t, {"person"})
                if len(refs) >= 2:
                    return refs
        return []

    def _before_pronoun(self, token: Token) -> Iterator[Token]:
        """The tokens of this sentence before ``token``, then those of the sentence before."""
        sent = sentence_of(token)
        yield from self.doc[sent.start : token.i]
        if sent.start > 0:
            yield from sentence_of(self.doc[sent.start - 1])

    def _paragraph_start(self, offset: int) -> int:
        for p in self.document.paragraphs:
            if p.start <= offset < p.end + 2:
                return p.start
        return 0

    def topic_persons(self, token: Token) -> list[str]:
        """The persons the text is about just before ``token``: the subject of this or the
        previous sentence (for facts whose victim is left implicit)."""
        sent = sentence_of(token)
        sentences = [sent] + ([sentence_of(self.doc[sent.start - 1])] if sent.start > 0 else [])
        for candidate in sentences:
            for t in candidate:
                if t.dep_ in {"nsubj", "nsubjpass"} and t.i < token.i or candidate is not sent:
                    if t.dep_ in {"nsubj", "nsubjpass"}:
                        refs = self.refs(t, {"person", "group"})
                        if refs:
                            return refs
        return []

    # ----------------------------------------------------------------- dates, evidence

    def date(self, token: Token, local: bool = False) -> tuple[str, Precision, str] | None:
        """The date of a clause: a date expression in its phrase (a relative clause shares
        the date of the clause it hangs on), else (unless ``local``) anywhere in its
        sentence."""
        clause = token
        while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i:
            clause = clause.head
        subtree = {t.i for t in clause.subtree if _in_clause(t, clause)}
        if clause.dep_ == "relcl" and not _before_or_since(clause):
            # "held in 2003 at a centre, where he was beaten": the same time
            outer = clause.head
            while outer.pos_ not in {"VERB", "AUX"} and outer.head.i != outer.i:
                outer = outer.head
            subtree |= {t.i for t in outer.subtree if _in_clause(t, outer)}
        candidates = [
            e
            for e in entities_in(sentence_of(token))
            if e.label_ == "DATE"
            and (e.start in subtree or not (local or _dates_another_event(e, clause)))
        ]
        if not candidates:
            return None
        candidates.sort(key=lambda e: (e.start not in subtree, abs(e.start - token.i)))
        for ent in candidates:
            resolved = self._read_date(ent)
            if resolved:
                return resolved
        return None

    def _read_date(self, ent: Span) -> tuple[str, Precision, str] | None:
        text = ent.text
        meta = self.document.metadata
        if _YEAR.search(text):
            relative = r"\b(last|next|ago|later|earlier|today|yesterday|tomorrow|now|this)\b"
            if re.search(relative, text, re.I):
                return None
            core = _DATE_CORE.search(text)  # a month, then a sentence length: the month alone
            written = core.group(0) if core else text
            parsed = parse_date(written)
            return (parsed[0], parsed[1], written) if parsed else None
        lowered = text.casefold()
        if meta.date and meta.date_precision == "day" and lowered in {"today", "yesterday"}:
            day = date.fromisoformat(meta.date) - timedelta(days=lowered == "yesterday")
            return day.isoformat(), "day", text
        return None

    def evidence(self, *tokens: Token) -> list[Evidence]:
        """The sentences that hold ``tokens``, verbatim."""
        seen: list[Evidence] = []
        for token in tokens:
            sent = sentence_of(token)
            raw = text_of(self.doc)[sent.start_char : sent.end_char]
            start = sent.start_char + len(raw) - len(raw.lstrip())
            text = raw.strip()
            item = Evidence(text, start, start + len(text))
            if item not in seen:
                seen.append(item)
        return seen


def _before_or_since(clause: Token) -> bool:
    """A clause set before its sentence's time ("where he had been held") or running up to
    it ("detained since his arrival"): it does not share the sentence's date."""
    perfect = any(
        c.lemma_ == "have" and c.tag_ == "VBD" for c in clause.children if c.dep_ == "aux"
    )
    return perfect or any(c.lower_ == "since" for c in clause.children)


def _dates_another_event(date: Span, clause: Token) -> bool:
    """Whether a date outside ``clause`` hangs on a verb of its own ("On 12 May a consul
    visited him, where he had been held"; "sent home in 2004 despite a pledge"; "a report
    released today"): the date belongs to that verb's event, not to this one."""
    head = date.root
    while head.pos_ not in {"VERB", "AUX"} and head.head.i != head.i:
        head = head.head
    return head.i != clause.i and head.pos_ in {"VERB", "AUX"}


def _in_clause(token: Token, clause: Token) -> bool:
    """Whether ``token`` belongs to ``clause`` itself, not to a clause nested in it."""
    node = token
    while node.i != clause.i:
        if node.dep_ in {"relcl", "advcl", "ccomp"}:
            return False
        node = node.head
    return True


def find_groups(ctx: Context) -> None:
    """Groups of people the document names: a counted group ("the seven Russians", "two
    men"), and a described one ("former Guantanamo detainees", "independent Muslims").
    "The detainees" or "the men" refer to the last counted group; mentions with the same
    number are one group; a partitive ("two of the detainees") is not the group. A number
    standing for its noun ("the four", "all three") is the counted group of that number, and
    "both" or "all" alone the last one."""
    doc = ctx.doc
    counted: dict[int, str] = {}
    described: dict[str, str] = {}
    last: str | None = None
    for chunk in sorted([*doc.noun_chunks, *_bare_numbers(doc)], key=lambda c: c.start):
        root = chunk.root
        if root.tag_ in {"CD", "DT"}:
            number = _count(root.lower_)
            ref = counted.get(number) if number >= 2 else last
            if ref is not None:
                ctx.mentions.entities[ref].mentions.append(
                    Evidence(chunk.text, chunk.start_char, chunk.end_char)
                )
                ctx.groups[root.i] = ref
            continue
        if root.tag_ not in {"NNS", "NNPS"} or not _people(ctx, root):
            continue
        if _quoted(doc, root.i):
            continue
        number = next((_count(c.lower_) for c in root.children if c.dep_ == "nummod"), 0)
        determiners = {c.lower_ for c in root.children if c.dep_ in {"det", "predet"}}
        modifiers = [
            c
            for c in root.children
            if c.dep_ in {"amod", "compound"}
            and c.i < root.i
            and c.lower_ not in {"other", "many", "some", "several", "few"}
        ]
        words = [t.text for t in chunk if t.dep_ not in {"det", "predet", "poss"}]
        label = " ".join(words)
        if number >= 2:
            ref = counted.get(number) or _new_group(ctx, label)
            counted.setdefault(number, ref)
        elif (
            determiners & {"the", "these", "those", "all", "both"}
            and last is not None
            and _refers_back(ctx, root, last)
        ):
            ref = last
        elif modifiers:
            key = " ".join(w.casefold() for w in words)
            ref = described.get(key) or _new_group(ctx, label)
            described.setdefault(key, ref)
        else:
            continue
        entity = ctx.mentions.entities[ref]
        entity.mentions.append(Evidence(chunk.text, chunk.start_char, chunk.end_char))
        if chunk.text != entity.label:
            entity.aliases.add(chunk.text)
        ctx.groups[root.i] = ref
        _listed_members(ctx, root, entity)
        if counted:  # "the detainees", "they": the counted group the text is most about
            last = max(
                counted.values(), key=lambda r: (len(ctx.mentions.entities[r].mentions), r == ref)
            )
    _named_as_members(ctx)


_NOMINAL = {"nsubj", "nsubjpass", "dobj", "pobj", "attr"}


def _bare_numbers(doc: Doc) -> list[Span]:
    """Numbers that stand for a counted noun ("the four had fled", "all three remain"), and
    "both" alone; not a partitive ("two of the men") nor a number of things."""
    out = []
    for token in doc:
        if token.dep_ not in _NOMINAL or any(c.lower_ == "of" for c in token.children):
            continue
        alone = token.lower_ == "both" and token.tag_ == "DT"
        if not alone and not (token.tag_ == "CD" and _count(token.lower_) >= 2):
            continue
        if not alone and not any(c.dep_ in {"det", "predet"} for c in token.children):
            continue  # "killed 12": a count, not a group the text refers back to
        out.append(doc[token.left_edge.i : token.i + 1])
    return out


def _named_as_members(ctx: Context) -> None:
    """Members a copula names: "The men are A, B and C", "They are A and B", "The five are:
    A, B, ...". The names are the subject's complement (with its conjuncts and appositions)
    or an apposition of the subject."""
    for token in ctx.doc:
        if token.dep_ != "nsubj" or token.head.lemma_ != "be":
            continue
        groups = [r for r in ctx.refs(token, {"group"}) if r.startswith("group:")]
        if len(groups) != 1:
            continue
        verb = token.head
        heads = [c for c in verb.children if c.dep_ == "attr"]
        heads += [c for c in token.children if c.dep_ == "appos"]
        names: list[str] = []
        for head in heads:
            names += [r for r in ctx.refs(head, {"person"}) if r not in names]
        if len(names) >= 2:
            ctx.entity(groups[0]).members.update(names)


def _listed_members(ctx: Context, root: Token, group: Entity) -> None:
    """Members the text names: "the six Egyptians: A, B, C and D", "two men, A and B",
    one of a group named by a code letter."""
    sent = sentence_of(root)
    after = root.doc[root.i + 1 : sent.end]
    if len(after) and after[0].text == ":":
        for mention in ctx.mentions.mentions:
            if after.start_char <= mention.start < sent.end_char and mention.ref.startswith(
                "person:"
            ):
                group.members.add(mention.ref)
    for child in root.children:
        if child.dep_ == "appos":
            group.members.update(ctx.refs(child, {"person"}))
    if root.head.lower_ == "of" and root.head.head.pos_ in {"NUM", "PRON", "DET"}:
        whole = root.head.head
        for child in whole.children:
            if child.dep_ in {"appos", "acl"}:
                start, end = child.left_edge.idx, child.right_edge.idx + len(child.right_edge)
                for mention in ctx.mentions.covering(start, end):
                    if mention.ref.startswith("person:"):
                        group.members.add(mention.ref)


_ANAPHORIC = {"man", "woman", "person", "people", "individual", "detainee", "prisoner"}


def _refers_back(ctx: Context, root: Token, group: str) -> bool:
    """Whether "the X" can be the last counted group: X is its noun ("the teachers" after
    "four teachers") or a noun any group of people may be called by ("the men")."""
    noun = root.lemma_.lower()
    if noun in _ANAPHORIC:
        return True
    entity = ctx.entity(group)
    heads = {n.split()[-1].lower().removesuffix("s") for n in {entity.label, *entity.aliases} if n}
    return noun in heads or root.lower_.removesuffix("s") in heads


def _people(ctx: Context, root: Token) -> bool:
    """A plural noun for people: "detainees", "men", or a demonym ("Russians")."""
    if root.lemma_.lower() in people_nouns() or root.lower_.removesuffix("s") in people_nouns():
        return True
    if not root.text[:1].isupper():
        return False
    from .gazetteer import gazetteer

    return any(n.kind == "state" for n in gazetteer().by_label(root.text[:-1]))


def _quoted(doc: Doc, index: int) -> bool:
    """Whether a token stands inside quotation marks in its sentence (a title, a quote)."""
    sent = sentence_of(doc[index])
    opened = 0
    for token in doc[sent.start : index]:
        if token.text in {"“", "‘"}:
            opened += 1
        elif token.text in {"”", "’"} and opened:
            opened -= 1
    return opened > 0


def _new_group(ctx: Context, label: str) -> str:
    key = f"{_slug(ctx.document.stem)}-{_slug(label)}"
    entity = Entity("group", key, label)
    ctx.mentions.entities.setdefault(entity.ref, entity)
    return entity.ref


def _count(word: str) -> int:
    if word.isdigit():
        return int(word)
    return _NUMBERS.get(word, 0)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", normalise(text)).strip("-")
