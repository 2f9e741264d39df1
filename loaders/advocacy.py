"""Advocacy: letters, reports, briefs and calls, who wrote them and to whom, and the roles
(titles, positions) of the people who signed or received them.

A letter's closing ("Sincerely," then name, title and organisation lines, then "cc:" and
the addressees' blocks) gives its signatories and addressees with their titles. In prose,
an organisation that submits, releases or publishes a report, brief or letter, or urges a
state or body to act, is an advocacy action; "Carroll Bogert, associate director of Human
Rights Watch" is a role fact.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .context import Context, lexicon
from .gazetteer import gazetteer
from .mentions import slug
from .model import Entity, EntityKind, Evidence, Fact

if TYPE_CHECKING:
    from spacy.tokens import Token

_VALEDICTION = re.compile(r"^(yours )?(sincerely|faithfully|truly|respectfully)|regards,?$", re.I)
_TITLE_WORDS = re.compile(
    r"\b(director|secretary|advis[eo]r|deputy|minister|officer|counsel|president|chair|head|"
    r"coordinator|researcher|manager|desk|project|policy|department|division|program|"
    r"programme|senior|executive|associate|assistant|general|special|rapporteur|commissioner|"
    r"ambassador|attorney|staff|fellow|advocate|editor|spokes\w*|chief|member)\b",
    re.I,
)
_NAME_LINE = re.compile(r"^[A-Z][\w’'.-]+(?: (?:[A-Z][\w’'.-]*\.?|van|von|de|al-\w+)){1,3}$")
_ADDRESS = re.compile(r"\d|\b(street|avenue|road|suite|floor|box)\b", re.I)


def find_advocacy(ctx: Context) -> list[Fact]:
    """Letters with their signatories and addressees, reports, briefs and calls, and roles."""
    return _letter(ctx) + _prose(ctx) + _appositive_roles(ctx)


def _letter(ctx: Context) -> list[Fact]:
    paragraphs = ctx.document.paragraphs
    start = next((i for i, p in enumerate(paragraphs) if _VALEDICTION.search(p.text.strip())), None)
    if start is None:
        return []
    facts: list[Fact] = []
    signatories: list[str] = []
    addressees: list[str] = []
    organisations: list[str] = []
    cc = False
    person: Entity | None = None
    lines: list[str] = []
    for paragraph in paragraphs[start + 1 :]:
        text = paragraph.text.strip()
        if text.lower().rstrip(":") in {"cc", "bcc", "copy to", "copies to"}:
            facts += _role(ctx, person, lines)
            person, lines, cc = None, [], True
            continue
        if len(text) > 80:
            break
        if _is_name(text):
            facts += _role(ctx, person, lines)
            person = ctx.mentions.add(
                Entity("person", slug(text), text),
                paragraph.start,
                paragraph.end,
                ctx.document.clean,
            )
            person.roles.add("addressee" if cc else "signatory")
            (addressees if cc else signatories).append(person.ref)
            lines = []
            continue
        if person is not None and not _ADDRESS.search(text):
            lines.append(text)
            org = _organisation(ctx, text, paragraph.start)
            if org and not cc and org not in organisations:
                organisations.append(org)
    facts += _role(ctx, person, lines)
    valediction = paragraphs[start]
    evidence = [Evidence(valediction.text, valediction.start, valediction.end)]
    evidence += [Evidence(p.text, p.start, p.end) for p in paragraphs[start + 1 : start + 4]]
    fields: dict[str, str | None] = {"kind": "letter", "title": ctx.document.metadata.title}
    for i, ref in enumerate(organisations or signatories):
        fields[f"author{i + 1 if i else ''}"] = ref
    for i, ref in enumerate(signatories):
        fields[f"signatory{i + 1 if i else ''}"] = ref
    for i, ref in enumerate(addressees):
        fields[f"addressee{i + 1 if i else ''}"] = ref
    letter = Fact("advocacy", fields, evidence, "letter-closing", 0.8)
    meta = ctx.document.metadata
    if meta.date and meta.date_precision:
        letter.date, letter.date_precision, letter.date_text = (
            meta.date,
            meta.date_precision,
            meta.date,
        )
    return [letter, *facts]


def _is_name(text: str) -> bool:
    if not _NAME_LINE.match(text) or _TITLE_WORDS.search(text) or _ADDRESS.search(text):
        return False
    return not gazetteer().find(text)


def _organisation(ctx: Context, text: str, offset: int) -> str | None:
    for mention in ctx.mentions.at(offset, offset + len(text)):
        if mention.ref.split(":")[0] in {"organisation", "body"}:
            return mention.ref
    return None


def _role(ctx: Context, person: Entity | None, lines: list[str]) -> list[Fact]:
    if person is None or not lines:
        return []
    titles = [line for line in lines if _TITLE_WORDS.search(line) or not gazetteer().find(line)]
    orgs = [line for line in lines if line not in titles]
    title = ", ".join(titles) if titles else None
    if title is None:
        return []
    evidence = [m for m in person.mentions[-1:]]
    where = ctx.document.clean.find(lines[0], evidence[0].end if evidence else 0)
    if where >= 0:
        evidence.append(Evidence(lines[0], where, where + len(lines[0])))
    org_ref = None
    for org in orgs:
        offset = ctx.document.clean.find(org, where if where >= 0 else 0)
        if offset >= 0:
            org_ref = _organisation(ctx, org, offset)
            if org_ref:
                break
    fields: dict[str, str | None] = {"person": person.ref, "title": title, "organisation": org_ref}
    return [Fact("role", fields, evidence, "letter-block", 0.75)]


def _prose(ctx: Context) -> list[Fact]:
    words = lexicon()["advocacy"]
    verbs = set(words["verbs"])
    nouns = {n for n in words["nouns"] if " " not in n} | {"brief"}
    facts: list[Fact] = []
    for token in ctx.doc:
        lemma = token.lemma_.lower()
        if token.pos_ != "VERB" or lemma not in verbs | {"say"}:
            continue
        if ctx.negated(token) or ctx.modal(token):
            continue
        subject = ctx.child(token, "nsubj")
        authors = ctx.refs(subject, {"organisation", "person"}) if subject is not None else []
        if subject is not None and not authors and _speaks_for_publisher(subject):
            authors = _publishers(ctx)
        if not authors:
            continue
        obj = ctx.child(token, "dobj")
        report = next(
            (o for o in ctx.preps(token, "in") if o.lemma_.lower() in nouns), None
        )  # "Human Rights Watch said in a new report"
        kind = None
        if report is not None:
            obj, lemma = report, "publish"
        elif lemma == "say":
            continue
        if obj is not None and obj.lemma_.lower() in nouns:
            words = [c for c in obj.children if c.dep_ in {"compound", "amod"} and c.i < obj.i]
            kind = " ".join(t.text for t in [*words, obj]).lower()
        elif lemma in {"urge", "call", "ask", "request", "demand"}:
            kind = {"urge": "urging", "call": "call for action"}.get(lemma, "request")
        if kind is None:
            continue
        addressees = [
            r for o in ctx.preps(token, "to", "on") for r in ctx.refs(o, {"body", "state"})
        ]
        if kind == "urging" and obj is not None:
            addressees += ctx.refs(obj, {"body", "state"})
            addressees += [f"state:{s}" for s in ctx.states(obj, actor_only=True)]
        fields: dict[str, str | None] = {"kind": kind, "author": authors[0]}
        for i, ref in enumerate(authors[1:], start=2):
            fields[f"author{i}"] = ref
        if obj is not None and obj.lemma_.lower() == "report":
            fields["title"] = _report_title(ctx)
        for i, ref in enumerate(dict.fromkeys(addressees)):
            fields[f"addressee{i + 1 if i else ''}"] = ref
        demand = ctx.child(token, "xcomp")
        if demand is not None:
            fields["demand"] = ctx.doc[demand.left_edge.i : demand.right_edge.i + 1].text
        fact = Fact("advocacy", fields, ctx.evidence(token), f"advocacy-{lemma}", 0.7)
        dated = ctx.date(token)
        if dated:
            fact.date, fact.date_precision, fact.date_text = dated
        facts.append(fact)
    return facts


def _speaks_for_publisher(subject: Token) -> bool:
    """ "We", "the undersigned organizations": the document's publishers speaking."""
    words = {t.lower_ for t in subject.subtree}
    return subject.lower_ in {"we"} or "undersigned" in words


def _publishers(ctx: Context) -> list[str]:
    """The document's publishers as organisation entities (from the gazetteer)."""
    refs = []
    for name in (ctx.document.metadata.publisher or "").split(";"):
        for entry in gazetteer().by_label(name.strip()):
            if entry.kind == "body":
                kind: EntityKind = "organisation" if entry.type == "ngo" else "body"
                entity = ctx.mentions.entities.setdefault(
                    f"{kind}:{entry.id}", Entity(kind, entry.id, entry.label, type=entry.type)
                )
                refs.append(entity.ref)
    return refs


_QUOTED_TITLE = re.compile(r"\breport,?\s+[“\"](.{4,160}?)[,.]?[”\"]")


def _report_title(ctx: Context) -> str | None:
    """The title a document gives a report: "The 43-page report, “The ‘Stamp of ...’,”"."""
    match = _QUOTED_TITLE.search(ctx.document.clean)
    return match.group(1).strip(" ,") if match else None


def _appositive_roles(ctx: Context) -> list[Fact]:
    """ "Carroll Bogert, associate director of Human Rights Watch"."""
    facts: list[Fact] = []
    for token in ctx.doc:
        if token.dep_ != "appos" or not _TITLE_WORDS.search(token.text):
            continue
        people = ctx.refs(token.head, {"person"})
        if not people:
            continue
        title_tokens = [
            t for t in token.subtree if not (t.dep_ == "prep" and t.lower_ in {"of", "at"})
        ]
        orgs: list[str] = []
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in {"of", "at"}:
                for obj in prep.children:
                    orgs += ctx.refs(obj, {"organisation", "body"})
                title_tokens = [t for t in title_tokens if t.i < prep.i]
        title = (
            ctx.doc[title_tokens[0].i : title_tokens[-1].i + 1].text if title_tokens else token.text
        )
        fields: dict[str, str | None] = {
            "person": people[0],
            "title": title,
            "organisation": orgs[0] if orgs else None,
        }
        facts.append(Fact("role", fields, ctx.evidence(token), "appositive-title", 0.7))
    return facts
