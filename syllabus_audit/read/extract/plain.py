"""Plain-text extraction: decode, split into paragraphs, list items and headings.

Provenance: page is None; line is the 1-based source line (CRLF, LF and a lone
CR each end a line; a form feed counts as a paragraph break, not a line).
"""

from __future__ import annotations

import re

from ...types import HEADING, LIST_ITEM, OK, PARAGRAPH, UNSUPPORTED, Block, ExtractedDocument
from .textfix import (
    BULLET_RE,
    clean_text,
    decode_bytes,
    ends_sentence,
    looks_like_heading,
    make_block,
)

FORMAT = "text"
_UNDERLINE_RE = re.compile(r"^\s*(={3,}|-{3,})\s*$")
_LINE_SPLIT_RE = re.compile(r"\r\n|\r|\n")


def extract_text(abs_path: str, rel_path: str) -> ExtractedDocument:
    """Read a plain-text file into blocks."""
    with open(abs_path, "rb") as fh:
        data = fh.read()
    text, problem = decode_text_file(data)
    if problem:
        return ExtractedDocument(rel_path, FORMAT, UNSUPPORTED, problem)
    return ExtractedDocument(rel_path, FORMAT, OK, blocks=tuple(text_blocks(split_lines(text))))


def decode_text_file(data: bytes, kind: str = ".txt") -> tuple[str, str]:
    """Decode text bytes; returns (text, "") or ("", reason) for binary content."""
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    if not utf16 and b"\x00" in data[:65536]:
        return "", f"binary content in a {kind} file"
    text = decode_bytes(data)[0]
    sample = text[:65536]
    controls = sum(1 for c in sample if c < " " and c not in "\t\n\r\f")
    if sample and controls > 0.05 * len(sample):
        return "", f"binary content in a {kind} file"
    return text, ""


def split_lines(text: str) -> list[str]:
    """Source lines with CRLF / CR / LF endings (not str.splitlines: it also splits on \\x1c, \\u2028...)."""
    return [clean_text(line) for line in _LINE_SPLIT_RE.split(text)]


def text_blocks(lines: list[str], first_line: int = 1) -> list[Block]:
    """Blocks from plain-text lines: blank lines split paragraphs; bullets, headings."""
    blocks: list[Block] = []
    group: list[tuple[str, int]] = []
    for i, line in enumerate(lines):
        number = first_line + i
        if not line.strip() or "\f" in line:
            if line.replace("\f", "").strip():
                group.append((line.replace("\f", " "), number))
            blocks.extend(_group_blocks(group, followed_by_blank=True))
            group = []
            continue
        group.append((line, number))
    blocks.extend(_group_blocks(group, followed_by_blank=True))
    return blocks


def _group_blocks(group: list[tuple[str, int]], followed_by_blank: bool) -> list[Block]:
    if not group:
        return []
    out: list[Block | None] = []
    current: list[tuple[str, None, int]] = []
    kind = PARAGRAPH
    widest = max(len(t.rstrip()) for t, _ in group)

    def flush():
        nonlocal current
        if current:
            out.append(make_block(kind, current))
        current = []

    i = 0
    while i < len(group):
        text, number = group[i]
        nxt = group[i + 1][0] if i + 1 < len(group) else None
        if nxt is not None and _UNDERLINE_RE.match(nxt) and not BULLET_RE.match(text):
            flush()
            out.append(make_block(HEADING, [(text, None, number)]))
            i += 2
            kind = PARAGRAPH
            continue
        if _UNDERLINE_RE.match(text):  # stray rule line
            flush()
            i += 1
            continue
        m = BULLET_RE.match(text)
        if m and m.end() < len(text.rstrip()):
            flush()
            kind = LIST_ITEM
            current = [(text[m.end():], None, number)]
        elif current and kind == LIST_ITEM and (text[:1].isspace() or text.lstrip()[:1].islower()):
            current.append((text, None, number))
        elif not current and looks_like_heading(text) and (len(group) == 1 or _all_caps(text)):
            out.append(make_block(HEADING, [(text, None, number)]))
        elif current and kind == PARAGRAPH and _breaks_after(current[-1][0], text, widest):
            flush()
            current = [(text, None, number)]
        elif current and kind == PARAGRAPH:
            current.append((text, None, number))
        else:
            flush()
            kind = PARAGRAPH
            current = [(text, None, number)]
        i += 1
    flush()
    return [b for b in out if b is not None]


def _all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and not any(c.islower() for c in letters)


def _breaks_after(prev: str, text: str, widest: int) -> bool:
    """A short line ending a sentence, followed by a capitalised line, ends a paragraph."""
    return ends_sentence(prev) and len(prev.rstrip()) < 0.7 * widest and not text.lstrip()[:1].islower()
