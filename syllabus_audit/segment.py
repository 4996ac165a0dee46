"""Segmentation: extracted blocks -> passages (the unit of judgement).

Paragraph blocks are split into sentences by spaCy's sentencizer; headings,
list items and table cells are one passage each. Every passage carries the
page and line where it starts and the nearest heading above it.
"""

from __future__ import annotations

from collections.abc import Iterator
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


def segment(document: ExtractedDocument, nlp: Language, blocks: tuple[Block, ...] | None = None,
            rules: SectionRules | None = None) -> Iterator[Segment]:
    """Yield the passages of a document in reading order."""
    blocks = document.blocks if blocks is None else blocks
    rules = rules or load_section_rules()
    index = 0
    heading: Span | None = None
    kind = "other"
    for block, doc in zip(blocks, nlp.pipe(b.text for b in blocks)):
        if block.kind == HEADING and doc.text.strip():
            heading = doc[:]
            kind = rules.kind_of(heading.text)
        elif block.kind == PARAGRAPH:
            kind = rules.leading_kind(block.text) or kind
        section = heading.text.strip() if heading is not None else ""
        for span in _spans(doc, block.kind):
            anchor = block.locate(span.start_char)
            passage = Passage(index=index, text=span.text.strip(), kind=block.kind,
                              page=anchor.page, line=anchor.line,
                              section="" if block.kind == HEADING else section,
                              section_kind=kind, ocr_confidence=block.ocr_confidence)
            index += 1
            yield Segment(passage, span, None if block.kind == HEADING else heading)
