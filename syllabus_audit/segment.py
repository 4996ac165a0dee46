"""Segmentation: extracted blocks -> passages (the unit of judgement).

Paragraph blocks are split into sentences by spaCy's sentencizer; headings,
list items and table cells are one passage each. Every passage carries the
page and line where it starts and the nearest heading above it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from .sections import SectionRules, load_section_rules
from .types import HEADING, PARAGRAPH, Block, ExtractedDocument, Passage


@dataclass(frozen=True, slots=True)
class Segment:
    """A passage with the processed tokens it came from (not serialised)."""

    passage: Passage
    span: Span
    heading: Span | None  # the section heading's tokens, if any


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


def segment_blocks(blocks: Sequence[Block], indices: Sequence[int], states: list[tuple[int | None, str]],
                   nlp: Language) -> Iterator[Segment]:
    """Passages of ``blocks[i]`` for ``i`` in ``indices`` (in order), with the
    sections ``section_states`` gave every block; only these blocks (and the
    headings above them) go through spaCy."""
    headings: dict[int, Span] = {}
    index = 0
    for i, doc in zip(indices, nlp.pipe(blocks[i].text for i in indices)):
        block = blocks[i]
        h, kind = states[i]
        heading = None
        if block.kind != HEADING and h is not None:
            heading = headings.get(h)
            if heading is None:
                heading = headings[h] = nlp(blocks[h].text)[:]
        section = blocks[h].text.strip() if heading is not None else ""
        for span, text in _spans(doc, block.kind, block.text):
            anchor = block.locate(span.start_char)
            passage = Passage(index=index, text=text.strip(), kind=block.kind,
                              page=anchor.page, line=anchor.line, section=section,
                              section_kind=kind, ocr_confidence=block.ocr_confidence)
            index += 1
            yield Segment(passage, span, heading)


def segment(document: ExtractedDocument, nlp: Language, rules: SectionRules | None = None) -> Iterator[Segment]:
    """Yield every passage of a document in reading order."""
    blocks = document.blocks
    states = section_states(blocks, rules or load_section_rules())
    yield from segment_blocks(blocks, range(len(blocks)), states, nlp)
