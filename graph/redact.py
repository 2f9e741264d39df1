"""Pseudonyms for the persons of confidential cases, in views that leave the team.

Who: the persons a case marked ``dakg:confidential true`` concerns, and the members of a group
it concerns. People only named in the case's facts (officials, lawyers, reviewers) keep their
names: the flag protects the subject of the case, and an analyst who wants someone else hidden
lists them in the case file's ``concerns``.

What is replaced: every name the graph gives them (``rdfs:label``, ``skos:altLabel`` and the
other label properties the query lists), its ASCII spelling and its capitals, and each part of
a name that has three letters or more and starts with a capital (so "Mr. Arar" and "Arar's"
lose the surname); whole words, case-sensitive, longest first. Their IRIs and bare slugs (a
slug spells the name) become ``/id/person/person-k7qd`` and ``person-k7qd``. A name part is
replaced wherever it stands, in another person's name too: a leak costs more than a pseudonym
too many.

The pseudonym ("Person K7QD") is the HMAC-SHA256 of the person's IRI keyed with 32 random
bytes kept in a key file readable by its owner only: stable for the team that holds the key,
not guessable without it.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import string
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from dakg.errors import DakgError

from .reader import Reader, optional, sparql, value

CASE_BASE = "https://w3id.org/dakg/id/case/"
PERSON_BASE = "https://w3id.org/dakg/id/person/"
ALPHABET = string.ascii_uppercase + string.digits
CODE_LENGTH = 4
KEY_BYTES = 32
# Titles that stand before a name but name nobody: "Mrs" alone must stay "Mrs".
TITLES = frozenset(
    {"Mrs", "Miss", "Sir", "Dame", "Lady", "Lord", "Prof", "Professor", "Madam", "Madame", "Mme"}
    | {"Mlle", "Monsieur", "Judge", "Justice", "Junior", "Senior"}
)
_NAME_EDGE = (r"(?<!\w)", r"(?!\w)")
_SLUG_EDGE = (r"(?<![0-9A-Za-z])", r"(?![0-9A-Za-z])")


class KeyFileError(DakgError):
    """The pseudonym key file cannot be read, created, or does not hold a key."""


@dataclass(frozen=True)
class Redactor:
    """Replaces the names, IRIs and slugs of confidential persons with their pseudonyms.

    ``names`` maps a name (single spaces) to its pseudonym, ``identifiers`` an IRI or slug to
    its pseudonymous one, ``pseudonyms`` each person's IRI to their pseudonym.
    """

    names: Mapping[str, str] = field(default_factory=dict)
    identifiers: Mapping[str, str] = field(default_factory=dict)
    pseudonyms: Mapping[str, str] = field(default_factory=dict)

    @property
    def active(self) -> bool:
        """False when there is nobody to redact: every method then gives its input back."""
        return bool(self.pseudonyms)

    def text(self, s: str) -> str:
        """``s`` with every name, IRI and slug of a confidential person replaced."""
        if self._pattern is None:
            return s
        return self._pattern.sub(self._replacement, s)

    def changed(self, s: str) -> bool:
        """Would ``text`` change ``s``?"""
        return self._pattern is not None and self._pattern.search(s) is not None

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, pseudonym) of every name (or IRI, slug) in ``text``, in order and
        apart: cutting at them and putting each pseudonym in gives ``self.text(text)``."""
        if self._pattern is None:
            return []
        return [(m.start(), m.end(), self._replacement(m)) for m in self._pattern.finditer(text)]

    def walk(self, data: Any) -> Any:
        """A copy of a JSON-able structure with every string (dict keys too) through ``text``;
        a dict whose ``"quote"`` changed says so with ``"redacted": True``."""
        if not self.active:
            return data
        if isinstance(data, str):
            return self.text(data)
        if isinstance(data, dict):
            out = {self.walk(k): self.walk(v) for k, v in data.items()}
            if "quote" in data and out["quote"] != data["quote"]:
                out["redacted"] = True
            return out
        if isinstance(data, list):
            return [self.walk(v) for v in data]
        if isinstance(data, tuple):
            return tuple(self.walk(v) for v in data)
        return data

    @cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        """One alternation, longest first: at any place the longest name wins ("Maher Arar"
        before "Maher"), and an IRI before the slug inside it."""
        alternatives = [(n, _name_regex(n)) for n in self.names]
        alternatives += [
            (i, _SLUG_EDGE[0] + re.escape(i) + _SLUG_EDGE[1]) for i in self.identifiers
        ]
        if not alternatives:
            return None
        alternatives.sort(key=lambda a: (-len(a[0]), a[0]))
        return re.compile("|".join(regex for _, regex in alternatives))

    def _replacement(self, match: re.Match[str]) -> str:
        found = match.group(0)
        if found in self.identifiers:
            return self.identifiers[found]
        return self.names[" ".join(found.split())]


def no_redaction() -> Redactor:
    """The redactor of views that stay in the team: it changes nothing."""
    return Redactor()


def load_redactor(reader: Reader, key_file: Path) -> Redactor:
    """The redactor of the graph's confidential cases, its pseudonyms keyed by ``key_file``
    (made, readable by its owner only, the first time someone is to be redacted)."""
    names: dict[str, set[str]] = defaultdict(set)
    for row in reader.select(sparql("confidential-persons")):
        known = names[value(row, "person")]  # a person named nowhere still has an IRI to hide
        name = optional(row, "name")
        if name and name.strip():
            known.add(" ".join(name.split()))
    if not names:
        return no_redaction()
    codes = _codes(sorted(names), read_key(key_file))
    pseudonyms = {person: f"Person {code}" for person, code in codes.items()}
    table: dict[str, str] = {}
    for person in sorted(names, key=lambda p: codes[p]):
        for name in sorted(names[person]):
            for variant in _variants(name):
                table.setdefault(variant, pseudonyms[person])
    for person in sorted(names, key=lambda p: codes[p]):
        for name in sorted(names[person]):
            for part in _parts(name):
                table.setdefault(part, pseudonyms[person])
    identifiers: dict[str, str] = {}
    for person, code in codes.items():
        pseudo_slug = f"person-{code.lower()}"
        identifiers[person] = PERSON_BASE + pseudo_slug
        if person.startswith(PERSON_BASE):
            identifiers[person[len(PERSON_BASE) :]] = pseudo_slug
    cases = sorted(value(r, "case") for r in reader.select(sparql("confidential-cases")))
    for case, code in _codes(cases, read_key(key_file)).items():
        identifiers[case] = CASE_BASE + f"case-{code.lower()}"
        if case.startswith(CASE_BASE):
            identifiers[case[len(CASE_BASE) :]] = f"case-{code.lower()}"
    return Redactor(names=table, identifiers=identifiers, pseudonyms=pseudonyms)


def read_key(path: Path) -> bytes:
    """The team's pseudonym key: 32 bytes written as hex in ``path``, which is made with
    permissions 0600 and a fresh random key when it does not exist."""
    try:
        text = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        return _new_key(path)
    except (OSError, UnicodeDecodeError) as err:
        raise KeyFileError(f"{path}: cannot read the pseudonym key ({_reason(err)})") from None
    if not re.fullmatch(f"[0-9a-fA-F]{{{2 * KEY_BYTES}}}", text):
        raise KeyFileError(f"{path}: not a pseudonym key ({2 * KEY_BYTES} hexadecimal digits)")
    return bytes.fromhex(text)


def _new_key(path: Path) -> bytes:
    key = secrets.token_bytes(KEY_BYTES)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # made by another process since we looked
        return read_key(path)
    except OSError as err:
        raise KeyFileError(f"{path}: cannot create the pseudonym key ({_reason(err)})") from None
    with os.fdopen(fd, "w", encoding="ascii") as out:
        os.fchmod(out.fileno(), 0o600)  # whatever the umask
        out.write(key.hex() + "\n")
    return key


def _reason(err: Exception) -> str:
    return getattr(err, "strerror", None) or str(err)


def _codes(persons: list[str], key: bytes) -> dict[str, str]:
    """Four letters or digits from each person's HMAC; persons whose codes clash all take one
    more character of theirs, until no two share a code (the same for the same persons)."""
    digits = {
        p: _base36(hmac.new(key, p.encode("utf-8"), hashlib.sha256).digest()) for p in persons
    }
    length = dict.fromkeys(persons, CODE_LENGTH)
    while True:
        holders: dict[str, list[str]] = defaultdict(list)
        for person in persons:
            holders[digits[person][: length[person]]].append(person)
        clashes = [p for group in holders.values() if len(group) > 1 for p in group]
        if not clashes:
            return {p: digits[p][: length[p]] for p in persons}
        for person in clashes:
            if length[person] >= len(digits[person]):
                raise KeyFileError(f"two persons have the same HMAC: {sorted(clashes)}")
            length[person] += 1


def _base36(digest: bytes) -> str:
    number = int.from_bytes(digest, "big")
    out = []
    while number:
        number, rest = divmod(number, len(ALPHABET))
        out.append(ALPHABET[rest])
    return "".join(out)


def _variants(name: str) -> set[str]:
    """A full name as the graph spells it, in ASCII ("Yıldız" -> "Yildiz") and in capitals."""
    from anyascii import anyascii

    spelt = {name, " ".join(anyascii(name).split())}
    return {v for s in spelt for v in (s, s.upper()) if v.strip()}


def _parts(name: str) -> set[str]:
    """The parts of a name that name someone alone: three letters or more, a capital first
    ("Arar", "DeHart", "Masri" of "Al-Masri"), titles left out; with their ASCII spellings."""
    from anyascii import anyascii

    parts = set()
    for token in name.split():
        token = token.strip(".,;:()[]\"'‘’“”")
        for part in {token, *token.split("-")}:
            letters = sum(c.isalpha() for c in part)
            if letters >= 3 and part[:1].isupper() and part not in TITLES:
                parts |= {part, anyascii(part)}
    return {p for p in parts if p and " " not in p}


def _name_regex(name: str) -> str:
    """A name as whole words, any run of white space (a line break too) between its words."""
    words = r"\s+".join(re.escape(w) for w in name.split())
    return _NAME_EDGE[0] + words + _NAME_EDGE[1]
