"""Document type inference: syllabus, program_description, competency_list or other.

Evidence is tried in order — folder names, the file name, then the document's
own title and headings — and the first rule that fires gives the type and a
reason such as ``filename: "competencies"`` or ``heading: "Unit outline"``.
A manifest's ``doc_type`` overrides all of this (reason ``manifest``).
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from .types import HEADING, Block

# Keyword rules, most specific first. Each pattern is searched in a lower-case
# name or heading with "-", "_" and "." turned into spaces.
_RULES: tuple[tuple[str, re.Pattern], ...] = tuple(
    (doc_type, re.compile(pattern))
    for doc_type, pattern in (
        ("competency_list", r"\b(core |profession wide |key |graduate |training |clinical )?competenc(y|ies|e|es)\b"),
        ("competency_list", r"\bgraduate (attributes|capabilities|outcomes)\b"),
        ("competency_list", r"\b(program|programme|degree|graduate) (learning )?outcomes\b"),
        ("competency_list", r"\b(standards of proficiency|proficiencies|capabilit(y|ies) framework|practice standards|benchmarks)\b"),
        ("syllabus", r"\b(syllabus|syllabi|unit outline|course outline|subject outline|module (descriptor|outline|handbook entry)|unit guide|course guide|course profile|module description|course description and schedule)\b"),
        ("program_description", r"\b(about (the|this|our) (program|programme|course|degree)|program(me)? (overview|description|structure|information|handbook|guide|aims|details)|course overview|degree overview|plans? of study|why study|admissions?|program(me)?s?)\b"),
        ("program_description", r"\b(master of|bachelor of|doctor of|graduate diploma|phd|psyd|msw|mse?d?|overview|handbook|about)\b"),
        ("syllabus", r"\b(course schedule|weekly schedule|class schedule|week 1|required texts?|assessment (tasks|schedule)|course objectives|course description)\b"),
    )
)

# A file that is only a list of (program) learning outcomes is a competency list;
# the same words as a heading inside a syllabus are not.
_OUTCOMES_FILE = re.compile(r"\s*((program|programme|course|graduate|intended) )?learning outcomes\s*")

# A course code in a file name ("coun551", "PSYC-412", "sowk459w") marks a syllabus.
_COURSE_CODE = re.compile(r"(?<![a-z])([a-z]{2,5})[ _-]?(\d{3,4})[a-z]?(?![0-9])")
_NOT_CODES = {"page", "file", "doc", "scan", "copy", "draft", "final", "version", "v", "rev"}


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", " ", name.lower())


def _match(text: str) -> tuple[str, str] | None:
    norm = _normalise(text)
    for doc_type, pattern in _RULES:
        m = pattern.search(norm)
        if m:
            return doc_type, m.group(0).strip()
    return None


def infer_doc_type(path: str, blocks: tuple[Block, ...] = ()) -> tuple[str, str]:
    """Return (doc_type, reason) for a document at POSIX ``path`` (relative to
    its program) with extracted ``blocks``."""
    parts = PurePosixPath(path).parts
    for folder in reversed(parts[:-1]):
        hit = _match(folder)
        if hit:
            return hit[0], f'folder: "{hit[1]}"'
    stem = PurePosixPath(parts[-1]).stem if parts else ""
    if _OUTCOMES_FILE.fullmatch(_normalise(stem)):
        return "competency_list", f'filename: "{_normalise(stem)}"'
    hit = _match(stem)
    if hit:
        return hit[0], f'filename: "{hit[1]}"'
    code = _COURSE_CODE.search(stem.lower())
    if code and code.group(1) not in _NOT_CODES:
        return "syllabus", f'filename: course code "{code.group(0)}"'
    for block in title_and_headings(blocks):
        hit = _match(block.text[:200])
        if hit:
            return hit[0], f'heading: "{_short(block.text)}"'
    return "other", "no type cue in folder, file name or headings"


def title_and_headings(blocks: tuple[Block, ...], limit: int = 12) -> list[Block]:
    """The first block (usually the title) and the first few headings."""
    picked = list(blocks[:1])
    picked += [b for b in blocks[1:60] if b.kind == HEADING][: limit - 1]
    return picked


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
