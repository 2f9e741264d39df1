"""Which language a document is written in, so that a text the rules cannot read is said to be
skipped instead of yielding nothing in silence.

The rules read English only (spaCy's English model, an English lexicon). py3langid (a kept
fork of langid.py, a naive Bayes model of 97 languages, deterministic) names the language of
the cleaned text; a document is English unless another language wins clearly, so that a page
with a foreign title or menu around an English body is still read.
"""

from __future__ import annotations

from functools import cache
from typing import Any

ENGLISH = "en"
# Below this probability the identification is too unsure to skip a document.
CONFIDENT = 0.9


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str, float]:
    """The language code (ISO 639-1) the text is most likely in, and its probability."""
    code, probability = _identifier().classify(text)
    return str(code), float(probability)


def unreadable(text: str) -> str | None:
    """None for a text the rules can read; otherwise the language's code."""
    if len(text.split()) < 20:  # too short to tell: read it
        return None
    code, probability = detect(text)
    return code if code != ENGLISH and probability >= CONFIDENT else None


def language_name(code: str) -> str:
    """ "French" for "fr" (pycountry's ISO 639 table), else the code itself."""
    import pycountry

    found = pycountry.languages.get(alpha_2=code)
    return str(found.name) if found is not None else code
