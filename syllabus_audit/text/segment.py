"""Segmentation: extracted blocks -> passages (the unit of judgement).

Paragraph blocks are split into sentences by spaCy's sentencizer; headings,
list items and table cells are one passage each. Every passage carries the
page and line where it starts and the nearest heading above it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..rules.sections import SectionRules, load_section_rules
from ..types import HEADING, PARAGRAPH, Block, ExtractedDocument, Passage


class Heading:
    """A section heading's tokens, made on first use: most passages never
    need them (only an ambiguous term without a client cue does)."""

    __slots__ = ("_text", "_nlp", "_span")

    def __init__(self, text: str, nlp: Language):
        self._text, self._nlp, self._span = text, nlp, None

    @property
    def span(self) -> Span:
        if self._span is None:  # tokens and lemmas only: no sentences needed
            self._span = self._nlp.get_pipe("lower_lemma")(self._nlp.make_doc(self._text))[:]
        return self._span


@dataclass(frozen=True, slots=True)
class Segment:
    """A passage with the processed tokens it came from (not serialised)."""

    passage: Passage
    span: Span
    heading: Heading | None  # the section heading, if any


def _spans(doc: Doc, kind: str, text: str) -> list[tuple[Span, str]]:
    """(span, its text) of each sentence of a paragraph, or of the whole block;
    whitespace-only spans are dropped. Sentences come from the token arrays
    (``doc.sents`` and ``Span.text`` walk Token objects, which cost more than
    spaCy's own tokenizer here); ``text`` is the text the doc was made from
    (``Doc.text`` rebuilds it token by token), and
    ``text[start_char:end_char]`` is exactly ``Span.text``."""
    n = len(doc)
    if n == 0:
        return []
    if kind != PARAGRAPH:
        return [(doc[:], text)] if text.strip() else []
    arr = doc.to_array([SENT_START, IDX, LENGTH]).astype(np.int64)
    starts = np.flatnonzero(arr[:, 0] == 1).tolist()
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    bounds = starts + [n]
    out = []
    for a, b in zip(bounds, bounds[1:]):
        piece = text[arr[a, 1]:arr[b - 1, 1] + arr[b - 1, 2]]
        if piece.strip():
            out.append((Span(doc, a, b), piece))
    return out


def section_states(blocks: Sequence[Block], rules: SectionRules) -> list[tuple[int | None, str]]:
    """For each block, (index of the nearest heading block above it or the
    block itself, section kind). A heading sets the kind; a paragraph that
    starts with heading words (``leading_kind``) changes it from there on.
    Cheap (no spaCy): computed for every block even when few are segmented."""
    heading: int | None = None
    kind = "other"
    out = []
    for i, block in enumerate(blocks):
        if block.kind == HEADING and block.text.strip():
            heading = i
            kind = rules.kind_of(block.text.strip())
        elif block.kind == PARAGRAPH:
            kind = rules.leading_kind(block.text) or kind
        out.append((heading, kind))
    return out


# A sentence cut candidate: a whitespace-delimited word of letters ending in a
# lower-case letter and one sentence-final mark, one space, then a capital.
# ``sentence_pieces`` keeps it only if the tokenizer makes the mark its own
# token ("clients." but not "Wed." -> "We" "d.", nor "etc."); then the capital
# starts a sentence under the sentencizer. Anything less plain is not cut.
_CUT = re.compile(r"(?:^|(?<=\s))([A-Za-z]*[a-z]([.!?])) (?=[A-Z])")


_CUTS_OK: dict[int, dict[str, bool]] = {}  # per tokenizer: word -> is its mark a token of its own


def sentence_pieces(text: str, tokenizer) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces of a paragraph, cut only where the
    sentencizer starts a sentence: spaCy gives each piece exactly the tokens
    and sentences it gives that part of the whole paragraph (the tokenizer
    works on each space-delimited word alone; tests check it on every corpus),
    and no context rule looks back across a sentence-final mark."""
    cuts = [0]
    memo = _CUTS_OK.setdefault(id(tokenizer), {})
    for m in _CUT.finditer(text):
        word = m.group(1)
        ok = memo.get(word)
        if ok is None:
            if len(memo) > 100_000:
                memo.clear()
            tokens = tokenizer(word)
            ok = memo[word] = len(tokens) > 1 and tokens[-1].text == m.group(2)
        if ok:
            cuts.append(m.end())
    cuts.append(len(text))
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if a < b]


def segment_blocks(blocks: Sequence[Block], items: Sequence[tuple[int, int, int | None]],
                   states: list[tuple[int | None, str]], nlp: Language) -> Iterator[Segment]:
    """Passages of ``blocks[i].text[start:end]`` for each ``(i, start, end)``
    of ``items`` (in order; a paragraph may be given as ``sentence_pieces``),
    with the sections ``section_states`` gave every block; only these texts
    (and the headings above them) go through spaCy."""
    headings: dict[int, Heading] = {}
    index = 0
    texts = [blocks[i].text[start:end] for i, start, end in items]
    for (i, start, _), text, doc in zip(items, texts, nlp.pipe(texts)):
        block = blocks[i]
        h, kind = states[i]
        heading = None
        if block.kind != HEADING and h is not None:
            heading = headings.get(h)
            if heading is None:
                heading = headings[h] = Heading(blocks[h].text, nlp)
        section = blocks[h].text.strip() if heading is not None else ""
        for span, piece in _spans(doc, block.kind, text):
            anchor = block.locate(start + span.start_char)
            passage = Passage(index=index, text=piece.strip(), kind=block.kind,
                              page=anchor.page, line=anchor.line, section=section,
                              section_kind=kind, ocr_confidence=block.ocr_confidence)
            index += 1
            yield Segment(passage, span, heading)


def segment(document: ExtractedDocument, nlp: Language, rules: SectionRules | None = None) -> Iterator[Segment]:
    """Yield every passage of a document in reading order."""
    blocks = document.blocks
    states = section_states(blocks, rules or load_section_rules())
    yield from segment_blocks(blocks, [(i, 0, None) for i in range(len(blocks))], states, nlp)
