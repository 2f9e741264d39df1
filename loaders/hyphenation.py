"""Undo the hyphenation a typesetter added at line breaks, and only that.

A hyphen at the end of a line is either a break inside one word ("re-\\nfugees") or the
real hyphen of a compound that happened to fall at the break ("non-\\nrefoulement").
The document's own vocabulary is the best witness (the same word written elsewhere
in the text), an English word list the second; see :func:`join_hyphenated`.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

# Hyphen characters that may end a line: ASCII, the Unicode hyphen, the soft hyphen.
HYPHENS = "-\u2010\u00ad"
SOFT_HYPHEN = "\u00ad"

_LETTERS = r"[^\W\d_]+"
_WORD = re.compile(rf"{_LETTERS}(?:['\u2019-]{_LETTERS})*")
_TRAILING_FRAGMENT = re.compile(rf"\S*{_LETTERS}[{HYPHENS}]\s*$")
_LEADING_WORD = re.compile(r"^\s*\S+")
_BREAK = re.compile(rf"({_LETTERS})([{HYPHENS}])[ \t]*\n[ \t]*({_LETTERS})")

# Inflections stripped to find a listed stem: (suffix, what replaces it).
_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("ities", "ity"),
    ("ities", ""),
    ("ies", "y"),
    ("ied", "y"),
    ("ily", "y"),
    ("ically", "ic"),
    ("ally", "al"),
    ("ally", ""),
    ("ments", ""),
    ("ment", ""),
    ("ness", ""),
    ("ations", "ate"),
    ("ation", "ate"),
    ("ation", "e"),
    ("ation", ""),
    ("ings", ""),
    ("ing", ""),
    ("ing", "e"),
    ("ers", ""),
    ("er", ""),
    ("ed", ""),
    ("ed", "e"),
    ("es", ""),
    ("ly", ""),
    ("al", ""),
    ("ity", ""),
    ("ity", "e"),
    ("s", ""),
    ("d", ""),
)
_MIN_STEM = 3
# A first part hyphenated to this many different words is a prefix the text hyphenates
# ("non-State", "non-nationals", "non-exhaustive"); fewer ("Inter-American") prove nothing.
PREFIX_PARTNERS = 3


@dataclass
class Vocabulary:
    """Words (lower-cased) a text uses away from line-break hyphens, and its compounds."""

    words: Counter[str] = field(default_factory=Counter)
    # first part of each hyphenated compound -> the (singular) words it was joined to
    prefixes: dict[str, frozenset[str]] = field(default_factory=dict)

    def count(self, word: str) -> int:
        """How often ``word`` occurs (case-insensitive)."""
        return self.words[word.lower()]


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The ``english-words`` lists (web2 + gcide, lower-cased), loaded once: ~0.1 s."""
    from english_words import get_english_words_set

    return frozenset(get_english_words_set(["web2", "gcide"], lower=True))


def word_list_load_seconds() -> float:
    """Time an uncached load of the word list (for reporting; does not fill the cache)."""
    from english_words import get_english_words_set

    start = time.perf_counter()
    get_english_words_set(["web2", "gcide"], lower=True)
    return time.perf_counter() - start


def _stems(word: str) -> Iterable[str]:
    """The word itself, then candidate stems with one inflection stripped."""
    yield word
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            stem = word[: -len(suffix)] + replacement
            yield stem
            if len(stem) > _MIN_STEM and stem[-1] == stem[-2] and not replacement:
                yield stem[:-1]  # doubled consonant: "committed" -> "commit"


def is_english(word: str) -> bool:
    """Whether ``word`` or a simple inflection of it is in the word list."""
    words = english_words()
    return any(stem in words for stem in _stems(word.lower()))


def _is_known(word: str, vocabulary: Vocabulary) -> bool:
    """A word of the document or of the word list."""
    return vocabulary.count(word) > 0 or is_english(word)


def build_vocabulary(text: str) -> Vocabulary:
    """Count the words of ``text``, skipping the fragments around line-break hyphens."""
    words: Counter[str] = Counter()
    partners: dict[str, set[str]] = {}
    previous_broken = False
    for line in text.split("\n"):
        if not line.strip():
            continue  # a blank line may sit inside a broken word at a page break
        body = line
        if previous_broken:
            body = _LEADING_WORD.sub(" ", body, count=1)
        broken = _TRAILING_FRAGMENT.search(body)
        previous_broken = broken is not None
        if broken:
            body = body[: broken.start()]
        for match in _WORD.finditer(body):
            token = match.group().lower()
            words[token] += 1
            parts = token.split("-")
            if len(parts) > 1:
                for first, second in zip(parts, parts[1:], strict=False):
                    partners.setdefault(first, set()).add(second.removesuffix("s"))
                words.update(part for part in parts if part)
    prefixes = {first: frozenset(seconds) for first, seconds in partners.items()}
    return Vocabulary(words=words, prefixes=prefixes)


def join_hyphenated(left: str, right: str, vocabulary: Vocabulary | None = None) -> str:
    """Join ``left-`` + ``right`` from a line break into one word, keeping the hyphen or not.

    In order: the form (joined or hyphenated) the document itself uses elsewhere wins;
    a prefix the document hyphenates to several words elsewhere ("non-") keeps its hyphen
    before a real word; the word list decides next (the joined word as listed, else the
    hyphenated compound as listed, else the joined word with an inflection stripped);
    two real words keep the hyphen; anything else is a broken word, joined.
    """
    vocabulary = vocabulary or Vocabulary()
    joined = left + right
    hyphenated = f"{left}-{right}"
    seen_joined = vocabulary.count(joined)
    seen_hyphenated = vocabulary.count(hyphenated)
    if seen_joined or seen_hyphenated:
        return joined if seen_joined >= seen_hyphenated else hyphenated
    partners = vocabulary.prefixes.get(left.lower(), frozenset())
    if len(partners) >= PREFIX_PARTNERS and _is_known(right, vocabulary):
        return hyphenated
    listed = english_words()
    if joined.lower() in listed:
        return joined
    if hyphenated.lower() in listed:
        return hyphenated
    if is_english(joined):
        return joined
    if len(left) > 1 and _is_known(left, vocabulary) and _is_known(right, vocabulary):
        return hyphenated
    return joined


def dehyphenate(text: str, vocabulary: Vocabulary | None = None) -> str:
    """Resolve every "word-<newline>word" in ``text``; other line breaks stay as they are.

    The vocabulary defaults to the one of ``text`` itself.
    """
    vocab = vocabulary if vocabulary is not None else build_vocabulary(text)

    def fix(match: re.Match[str]) -> str:
        left, hyphen, right = match.groups()
        if hyphen == SOFT_HYPHEN:
            return left + right
        return join_hyphenated(left, right, vocab)

    return _BREAK.sub(fix, text)


def join_lines(lines: Sequence[str], vocabulary: Vocabulary | None = None) -> str:
    """Join the lines of one paragraph with single spaces, healing hyphenated breaks."""
    vocab = vocabulary if vocabulary is not None else build_vocabulary("\n".join(lines))
    text = ""
    for raw in lines:
        line = " ".join(raw.split())
        if not line:
            continue
        if not text:
            text = line
            continue
        if text[-1] in HYPHENS and len(text) >= 2 and text[-2].isalnum():
            head = re.search(rf"{_LETTERS}$", text[:-1])
            tail = re.match(_LETTERS, line)
            if head and tail:
                if text[-1] == SOFT_HYPHEN:
                    word = head.group() + tail.group()
                else:
                    word = join_hyphenated(head.group(), tail.group(), vocab)
                text = text[: head.start()] + word + line[tail.end() :]
                continue
            if line[0].isalnum():  # "CH-" + "1211": a hyphen, not a word break
                text = text + line
                continue
        text = f"{text} {line}"
    return text
