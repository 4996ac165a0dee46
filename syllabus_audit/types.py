"""Plain, frozen data types that flow between the pipeline stages.

files -> SourceFile -> (extract) ExtractedDocument of Blocks -> (segment) Passages
-> (detect) Hits -> (aggregate) DocumentResult / ProgramResult -> report.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

# Document statuses (public output; documented in the README).
OK = "ok"
NEEDS_OCR = "needs_ocr"
ENCRYPTED = "encrypted"
CORRUPT = "corrupt"
EMPTY = "empty"
UNSUPPORTED = "unsupported"
MISSING = "missing"  # listed in a manifest, or vanished during the scan
ERROR = "error"  # an unexpected failure while processing this one file
TOO_LARGE = "too_large"  # over the per-file size limit (extract.limits.MAX_FILE_BYTES)
UNSUPPORTED_LANGUAGE = "unsupported_language"  # readable, but no lexicon for its language
TIMEOUT = "timeout"  # took longer than the per-document time limit
DUPLICATE = "duplicate"  # the same bytes as another document of the same program
STATUSES = (OK, NEEDS_OCR, ENCRYPTED, CORRUPT, EMPTY, UNSUPPORTED, UNSUPPORTED_LANGUAGE, MISSING, ERROR,
            TOO_LARGE, TIMEOUT, DUPLICATE)

# Block kinds produced by extractors.
HEADING = "heading"
PARAGRAPH = "paragraph"
LIST_ITEM = "list_item"
TABLE_CELL = "table_cell"
BLOCK_KINDS = (HEADING, PARAGRAPH, LIST_ITEM, TABLE_CELL)

# Document types (public output).
DOC_TYPES = ("syllabus", "program_description", "competency_list", "other")
SOURCES = ("syllabus", "program_description", "competency_list")

# Hit statuses (public output).
COUNTED = "counted"
NEGATED = "negated"
OTHER_SENSE = "other_sense"


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One file found in the corpus, assigned to a program."""

    program_id: str
    path: str  # POSIX, relative to the scanned root
    abs_path: str
    doc_type: str | None = None  # set by a manifest; None means "infer"
    metadata: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a run of block text starts in the source: char offset -> page/line."""

    offset: int
    page: int | None
    line: int


@dataclass(frozen=True, slots=True)
class Block:
    """A unit of extracted text: a heading, paragraph, list item or table cell.

    ``text`` is running text (wrapped lines joined, hyphenation undone).
    ``anchors`` map character offsets in ``text`` back to the page and line
    where that part of the text begins in the source; the first anchor has
    offset 0. ``ocr_confidence`` is set (0-100, Tesseract's mean word
    confidence) only when the text was recognised by OCR.
    """

    text: str
    kind: str
    anchors: tuple[Anchor, ...]
    ocr_confidence: float | None = None

    def locate(self, offset: int) -> Anchor:
        """Return the anchor (page, line) for a character offset in ``text``."""
        i = bisect_right([a.offset for a in self.anchors], offset) - 1
        return self.anchors[max(i, 0)]


@dataclass(frozen=True, slots=True)
class ExtractedDocument:
    """The result of reading one file: text blocks, or a status saying why not."""

    path: str
    format: str  # "pdf" | "docx" | "html" | "markdown" | "text" | "unknown" ...
    status: str
    reason: str = ""
    blocks: tuple[Block, ...] = ()
    pages: int | None = None


@dataclass(frozen=True, slots=True)
class Passage:
    """A unit of judgement: one sentence, list item, table cell or heading."""

    index: int
    text: str
    kind: str
    page: int | None
    line: int
    section: str = ""  # text of the nearest heading above, if any
    section_kind: str = "other"  # learning_outcomes | content | assessment | readings | policies | other
    ocr_confidence: float | None = None  # mean OCR word confidence (0-100) when the text came from OCR
    cue: bool = False  # has a lexicon term, tag or client/practice cue: the model may judge it


@dataclass(frozen=True, slots=True)
class Hit:
    """One lexicon (or model) finding in a passage, with why it was (not) counted."""

    category: str
    term: str
    matched: str
    passage: Passage
    start: int  # char offsets of the match within passage.text
    end: int
    status: str  # counted | negated | other_sense
    rule: str  # the rule (or score) that decided the status
    strength: str = "strong"  # strong | ambiguous | weak (from the lexicon)
    score: float | None = None  # the classifier's score for the passage, when it ran
    level: str = ""  # counted hits: taught | assessed | mentioned | boilerplate
    decided_by: str = "tool"  # "reviewer" when a review-sheet decision set this hit


@dataclass(frozen=True, slots=True)
class DocumentResult:
    source: SourceFile
    doc_type: str
    doc_type_reason: str
    status: str
    reason: str
    hits: tuple[Hit, ...] = field(default=())
    sha256: str | None = None  # of the file's bytes (None when it could not be read)
    language: str | None = None  # ISO 639-1 code of the document's language, when judged
    language_confidence: float | None = None
    decisions_used: tuple[str, ...] = ()  # reviewer decisions (passage ids) applied here
    decisions_skipped: tuple[str, ...] = ()  # matched a passage but could not be applied

    @property
    def readable(self) -> bool:
        return self.status == OK

    @property
    def counted(self) -> tuple[Hit, ...]:
        """Counted hits that make the document mention relationship skills
        (a hit only in policy boilerplate is listed but does not)."""
        return tuple(h for h in self.hits if h.status == COUNTED and h.level != "boilerplate")

    @property
    def mentions(self) -> bool | None:
        """True/False for readable documents; None when it could not be read."""
        if not self.readable:
            return None
        return bool(self.counted)

    @property
    def categories(self) -> tuple[str, ...]:
        return tuple(sorted({h.category for h in self.counted}))
