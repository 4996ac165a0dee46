"""Segmentation: extracted blocks -> passages (the unit of judgement).

Paragraph blocks are split into sentences by spaCy's sentencizer; headings,
list items and table cells are one passage each. Every passage carries the
page and line where it starts and the nearest heading above it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

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


def _spans(doc: Doc, kind: str) -> list[Span]:
    if kind == PARAGRAPH:
        return [s for s in doc.sents if s.text.strip()]
    return [doc[:]] if doc.text.strip() else []


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
        for span in _spans(doc, block.kind):
            anchor = block.locate(span.start_char)
            passage = Passage(index=index, text=span.text.strip(), kind=block.kind,
                              page=anchor.page, line=anchor.line, section=section,
                              section_kind=kind, ocr_confidence=block.ocr_confidence)
            index += 1
            yield Segment(passage, span, heading)


def segment(document: ExtractedDocument, nlp: Language, rules: SectionRules | None = None) -> Iterator[Segment]:
    """Yield every passage of a document in reading order."""
    blocks = document.blocks
    states = section_states(blocks, rules or load_section_rules())
    yield from segment_blocks(blocks, range(len(blocks)), states, nlp)
