"""Find what a document names and resolve the mentions to entities.

States, instruments, bodies and places come from the gazetteers (``gazetteer.py``); persons
from the named-entity recogniser, completed by name chains that share a surname with a
recognised person ("Rasul Kudaev" where only "Kudaev" was tagged) or follow a title ("Imam",
"Mr."). "Mr. Yusupov" and "Yusupov" resolve to "Bekhzod Yusupov"; "the Uzbek government" to
Uzbekistan; a demonym names a state only before an actor noun ("Uzbek authorities").
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .gazetteer import (
    Match,
    city_state,
    gazetteer,
    normalise,
    state_table,
    subdivision_state,
)
from .model import Document, Entity, EntityKind, Evidence
from .nlp import text_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_LEXICON = Path(__file__).parent / "data" / "lexicon.toml"
TITLES = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "imam",
    "sheikh",
    "judge",
    "president",
    "minister",
    "senator",
    "ambassador",
    "colonel",
    "professor",
    "prof",
    "detainee",
    "prisoner",
    "rev",
    "sir",
    "lord",
    "lady",
    "prince",
    "king",
    "mullah",
    "cleric",
    "journalist",
    "activist",
}
_BODY_WORDS = re.compile(
    r"\b(court|tribunal|board|committee|commission|council|ministry|department|agency|"
    r"service|office|bureau|police|prosecutor|procuracy|directorate|rapporteur|parliament|"
    r"assembly|unit|desk|project|institute|organi[sz]ation|foundation|federation|union|"
    r"center|centre|watch|international|coalition|network|association|society)\b",
    re.IGNORECASE,
)
_NGO_WORDS = re.compile(
    r"\b(watch|amnesty|project|institute|foundation|coalition|network|association|society|"
    r"center|centre|liberties|union|federation)\b",
    re.IGNORECASE,
)
_PLACE_WORDS = re.compile(
    r"\b(prison|airport|air ?base|camp|centre|center|jail|colony|facility|border|bay|"
    r"republic|region|province|county|district)\b",
    re.IGNORECASE,
)
_TITLE_HEAD = re.compile(r"(adviser|advisor|rapporteur|director|spokes\w+|officer)$", re.I)
_ARTICLE = re.compile(
    r"\b(?P<word>[Aa]rticles?|[Aa]rts?\.|[Rr]ules?)\s+(?P<num>\d+[a-z]?(?:\s*\(\d+\))?)"
    r"(?:\s*(?:,|and|or)\s*(?P<more>\d+[a-z]?))?"
)


@cache
def _lexicon() -> dict[str, Any]:
    return tomllib.loads(_LEXICON.read_text(encoding="utf-8"))


@cache
def actor_nouns() -> frozenset[str]:
    return frozenset(_lexicon()["actors"]["nouns"])


@dataclass
class Mention:
    """A stretch of the text that names an entity."""

    start: int
    end: int
    ref: str
    actor: bool = True  # a state named as an actor (not a nationality or a place)


@dataclass
class Mentions:
    """The entities of a document and every mention of them, in text order."""

    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)

    def add(self, entity: Entity, start: int, end: int, clean: str, actor: bool = True) -> Entity:
        known = self.entities.setdefault(entity.ref, entity)
        text = clean[start:end]
        if text != known.label:
            known.aliases.add(text)
        known.mentions.append(Evidence(text, start, end))
        self.mentions.append(Mention(start, end, known.ref, actor))
        return known

    def covering(self, start: int, end: int) -> list[Mention]:
        """The mentions that lie within ``start:end``."""
        return [m for m in self.mentions if start <= m.start and m.end <= end]

    def at(self, start: int, end: int) -> list[Mention]:
        """The mentions that overlap ``start:end``."""
        return [m for m in self.mentions if m.start < end and start < m.end]

    def sort(self) -> None:
        self.mentions.sort(key=lambda m: (m.start, -m.end))


def find_mentions(document: Document, doc: Doc) -> Mentions:
    """Every state, instrument, body, place, article and person the document names."""
    found = Mentions()
    clean = document.clean
    matches = gazetteer().find(clean)
    taken: list[tuple[int, int]] = []
    for match in matches:
        entity, actor = _gazetteer_entity(match, clean, doc)
        if entity is None:
            continue
        found.add(entity, match.start, match.end, clean, actor)
        taken.append((match.start, match.end))
    _articles(found, clean, matches)
    _persons(found, doc, taken)
    _cities(found, doc, taken)
    _organisations(found, doc, taken, document.stem)
    found.sort()
    return found


def _gazetteer_entity(match: Match, clean: str, doc: Doc) -> tuple[Entity | None, bool]:
    entry = match.entry
    if entry.kind == "state":
        role = match.name.role
        actor = role == "name" or _followed_by_actor(clean, match.end)
        if role == "capital":
            actor = _acts(doc, match.start, match.end) or _followed_by_actor(clean, match.end)
            if not actor:  # a city where something happened, in its state
                text = clean[match.start : match.end]
                return Entity("place", slug(text), text, type="city", state=entry.id), True
        text = clean[match.start : match.end]
        if role == "demonym" and text.endswith("s") and not actor:
            actor = clean[max(0, match.start - 4) : match.start].casefold() == "the "
        if role == "demonym" and not actor:
            return None, False
        return Entity("state", entry.id, entry.label), actor
    if entry.kind == "instrument":
        return Entity("instrument", entry.id, entry.label, type=entry.type), True
    if entry.kind == "body":
        kind: EntityKind = "organisation" if entry.type == "ngo" else "body"
        return Entity(kind, entry.id, entry.label, type=entry.type, state=entry.state), True
    return Entity("place", entry.id, entry.label, type=entry.type, state=entry.state), True


def _followed_by_actor(clean: str, end: int) -> bool:
    """Whether an actor noun follows ("Uzbek authorities", "Uzbek government's")."""
    rest = re.match(r"[\s’'s]*((?:\w+[\s-]){0,2}\w+)", clean[end : end + 40])
    if not rest:
        return False
    words = [w.casefold() for w in re.findall(r"\w+", rest.group(1))]
    return any(w in actor_nouns() for w in words[:2])


def _acts(doc: Doc, start: int, end: int) -> bool:
    """Whether a capital is a subject or a possessor ("Moscow's pledge", "Washington was")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    return any(t.dep_ in {"nsubj", "nsubjpass", "poss"} for t in span)


def _articles(found: Mentions, clean: str, matches: list[Match]) -> None:
    """ "Article 3 of the Convention against Torture", "article 33 (2) of the 1951 Refugee
    Convention", "rule 39 of the Rules of the Court", "Article 3 ECHR"."""
    instruments = [m for m in matches if m.entry.kind == "instrument"]
    for art in _ARTICLE.finditer(clean):
        after = next(
            (
                m
                for m in instruments
                if 0 <= m.start - art.end() <= 12
                and re.fullmatch(
                    r"\s*(of\s+(the\s+)?|of\s+its\s+|,\s*)?", clean[art.end() : m.start]
                )
            ),
            None,
        )
        before = next(
            (
                m
                for m in instruments
                if 0 <= art.start() - m.end <= 3
                and clean[m.end : art.start()].strip() in {"", "’s", "'s"}
            ),
            None,
        )
        inst = after or before
        if inst is None:
            continue
        numbers = [art.group("num")] + ([art.group("more")] if art.group("more") else [])
        for number in numbers:
            number = re.sub(r"\s+", " ", number)
            key = f"{inst.entry.id}/article/{re.sub(r'[^0-9a-z]+', '-', number).strip('-')}"
            word = "rule" if art.group("word").lower().startswith("rule") else "art."
            label = f"{inst.entry.label} {word} {number}"
            entity = Entity("article", key, label, instrument=inst.entry.id, number=number)
            start = min(art.start(), inst.start)
            end = max(art.end(), inst.end)
            found.add(entity, start, end, clean)


def _persons(found: Mentions, doc: Doc, taken: list[tuple[int, int]]) -> None:
    """Persons from the recogniser, name chains sharing their surnames, and titled names."""
    spans: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            cleaned = _person_span(ent)
            if cleaned is not None:
                spans.append(cleaned)
    chains = []
    for chain in _name_chains(doc):
        titled = False
        while len(chain) > 1 and normalise(chain[0].text) in TITLES:
            chain, titled = chain[1:], True
        before = doc[chain.start - 1].text.rstrip(".") if chain.start > 0 else ""
        titled = titled or normalise(before) in TITLES
        if titled and not _dictionary_words(chain.text):
            spans.append((chain.start_char, chain.end_char))
        chains.append(chain)
    surnames = {text_of(doc)[s:e].split()[-1] for s, e in spans}
    for chain in chains:
        if chain.text.split()[-1] in surnames or _listed_with(chain, spans):
            spans.append((chain.start_char, chain.end_char))
    spans = _merge(spans)
    spans = [(s, e) for s, e in spans if not any(a < e and s < b for a, b in taken)]
    names = [text_of(doc)[s:e] for s, e in spans]
    people: list[Entity] = []
    for name in sorted({n for n in names if len(n.split()) >= 2}, key=lambda n: -len(n.split())):
        words = set(name.split())
        same = next(
            (
                p
                for p in people
                if p.label.split()[-1] == name.split()[-1] and words <= set(p.label.split())
            ),
            None,
        )
        if same is None:
            people.append(Entity("person", slug(name), name))
    known = {w for p in people for w in p.label.split()}
    for (start, end), name in zip(spans, names, strict=True):
        parts = name.split()
        if len(parts) == 1 and any(k != name and k.startswith(name) for k in known):
            continue  # a name cut off ("Trabel" where "Trabelsi" is known)
        candidates = [
            p
            for p in people
            if set(parts) <= set(p.label.split())
            and (
                p.label.split()[-1] == parts[-1]
                or (len(parts) == 1 and p.label.split()[0] == parts[0])
            )
        ]
        entity = candidates[0] if len(candidates) == 1 else Entity("person", slug(name), name)
        found.add(entity, start, end, text_of(doc))


def _listed_with(chain: Span, persons: list[tuple[int, int]]) -> bool:
    """A full name coordinated with, or in apposition to, a recognised person's name ("A, B
    and C" where the recogniser missed A): one list names one kind of thing."""
    text = chain.text
    if len(chain) < 2 or _dictionary_words(text) or gazetteer().by_label(text):
        return False
    if _BODY_WORDS.search(text) or _TITLE_HEAD.search(text) or normalise(chain[0].text) in TITLES:
        return False
    if chain.start > 0 and chain.doc[chain.start - 1].lower_ == "the":
        return False  # "the Special Rapporteur": a title, not a name
    if any(t.ent_type_ not in {"", "PERSON", "GPE"} for t in chain):
        return False  # part of an organisation's or a work's name
    root = chain.root
    linked = [c for c in root.children if c.dep_ in {"conj", "appos"}]
    if root.dep_ in {"conj", "appos"}:
        linked.append(root.head)
    return any(s <= t.idx < e for t in linked for s, e in persons)


def _dictionary_words(text: str) -> bool:
    """Whether every word is an English word ("Comment No", "Conscience"): no name."""
    from .hyphenation import english_words

    words = english_words()
    found = [w for w in re.findall(r"[A-Za-z]+", text) if len(w) > 1]
    return bool(found) and all(w.casefold() in words for w in found)


def _person_span(ent: Span) -> tuple[int, int] | None:
    """Trim titles and possessives from a PERSON entity; refuse what is no name."""
    tokens = [t for t in ent if not (t.is_punct and t.text not in {"-", "'"})]
    while tokens and normalise(tokens[0].text.rstrip(".")) in TITLES:
        tokens = tokens[1:]
    while tokens and tokens[-1].text in {"'s", "’s", "’", "'"}:
        tokens = tokens[:-1]
    if not tokens or not all(t.text[:1].isupper() for t in tokens if t.is_alpha and len(t) > 2):
        return None
    if any(t.like_num or "\n" in t.text for t in tokens):
        return None
    text = text_of(ent.doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1])]
    if _BODY_WORDS.search(text) or _TITLE_HEAD.search(text) or len(tokens) > 5 or len(text) < 2:
        return None
    if city_state(text):  # "Düsseldorf" tagged as a person
        return None
    if _not_a_who(ent):
        return None
    if gazetteer().by_label(text) or (len(tokens) == 1 and _dictionary_words(text)):
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _not_a_who(ent: Span) -> bool:
    """A name the sentence uses as a thing or a place, whatever the recogniser said: one
    after "the" (a person's name takes no article: "the Audiencia Nacional", "the Bouchoucha
    centre"), or the object of "in" or "at" after a verb or noun of holding someone ("held in
    Oukacha", "his detention at Tazmamart")."""
    first = ent[0]
    before = ent.doc[first.i - 1] if first.i > 0 else None
    if before is not None and before.lower_ == "the" and before.dep_ == "det":
        return True
    prep = ent.root.head
    if ent.root.dep_ == "pobj" and prep.lower_ in {"in", "at", "inside"}:
        return prep.head.lemma_.lower() in _lexicon()["mentions"]["holding"]
    return False


def _name_chains(doc: Doc) -> list[Span]:
    """Runs of capitalised proper nouns (1 to 4 words) inside a sentence."""
    chains = []
    run: list[int] = []
    for token in doc:
        ok = token.pos_ == "PROPN" and token.text[:1].isupper() and token.is_alpha
        if ok and not (run and token.is_sent_start):
            run.append(token.i)
            continue
        if 1 <= len(run) <= 4:
            chains.append(doc[run[0] : run[-1] + 1])
        run = [token.i] if ok else []
    if 1 <= len(run) <= 4:
        chains.append(doc[run[0] : run[-1] + 1])
    return chains


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(set(spans)):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _cities(found: Mentions, doc: Doc, taken: list[tuple[int, int]]) -> None:
    """Places the recogniser finds (GPE, LOC, FAC) that are cities of a known state."""
    for ent in doc.ents:
        if ent.label_ not in {"GPE", "LOC", "FAC"} or "\n" in ent.text:
            continue
        start, end = ent.start_char, ent.end_char
        if any(a < end and start < b for a, b in taken):
            continue
        text = re.sub(r"^the\s+", "", ent.text, flags=re.I)
        state = city_state(text) if ent.label_ == "GPE" else None
        kind = "city" if state else "place"
        if state is None and ent.label_ == "GPE":
            state = subdivision_state(text)
            kind = "region" if state else kind
        state = state or _state_around(text_of(doc), end - len(text), end)
        if state is None and not _PLACE_WORDS.search(text) and ent.label_ != "GPE":
            continue
        key = slug(text) if state is None else f"{slug(text)}-{state.lower()}"
        entity = Entity("place", key, text, type=kind, state=state or "")
        found.add(entity, end - len(text), end, text_of(doc))
        taken.append((start, end))


def _state_around(text: str, start: int, end: int) -> str | None:
    """The state a place is said to lie in: "Kabardino-Balkaria in southern Russia",
    "the Russian republic of Tatarstan", "Pike County Prison, Pennsylvania"."""
    after = re.match(
        r",?\s+(?:in\s+(?:the\s+)?(?:\w+ern\s+)?)?([A-Z][\w ]{2,30})", text[end : end + 50]
    )
    if after and subdivision_state(after.group(1).strip()):
        return subdivision_state(after.group(1).strip())
    before = re.search(
        r"([A-Z]\w+)\s+(?:republic|region|province|state|city|town)\s+of\s+$",
        text[max(0, start - 40) : start],
    )
    for candidate in (after.group(1) if after else "", before.group(1) if before else ""):
        for match in gazetteer().find(candidate):
            if match.entry.kind == "state" and match.start == 0:
                return match.entry.id
    return None


def _organisations(found: Mentions, doc: Doc, taken: list[tuple[int, int]], stem: str) -> None:
    """Organisations and bodies the gazetteers do not know, from the recogniser's ORG."""
    for ent in doc.ents:
        if ent.label_ != "ORG":
            continue
        start, end = ent.start_char, ent.end_char
        if any(a < end and start < b for a, b in taken):
            continue
        text = ent.text
        if text.lower().startswith("the "):
            start, text = start + 4, text[4:]
        if not _BODY_WORDS.search(text) or len(text.split()) > 10 or "\n" in text:
            continue
        text = re.sub(r"[’']s$", "", text)
        if _TITLE_HEAD.search(text):
            continue
        kind: EntityKind = "organisation" if _NGO_WORDS.search(text) else "body"
        state = _state_in(text)
        key = f"{slug(text)}-{state.lower()}" if state else f"{slug(stem)}-{slug(text)}"
        entity = Entity(kind, key, text, type="" if state else "unnamed", state=state)
        found.add(entity, start, start + len(text), text_of(doc))


def _state_in(text: str) -> str:
    for match in gazetteer().find(text):
        if match.entry.kind == "state":
            return match.entry.id
    return ""


def slug(text: str) -> str:
    from anyascii import anyascii  # "Yıldız" -> "Yildiz", where NFKD keeps the dotless i

    ascii_text = normalise(anyascii(text))
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "unnamed"


def state_label(code: str) -> str:
    entry = state_table().get(code)
    return entry.label if entry else code
