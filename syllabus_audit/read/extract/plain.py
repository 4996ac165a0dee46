"""Plain-text extraction: decode, split into paragraphs, list items and headings.

Provenance: page is None; line is the 1-based source line (CRLF, LF and a lone
CR each end a line; a form feed counts as a paragraph break, not a line).

Column-aligned tables (a schedule typed with spaces: "Wk 7   Ruptures and
repair      Ch. 6") are read cell by cell, row by row, as ruled PDF tables
are: a line with a column gap (3+ spaces or a tab between two pieces of
text) is a table row, a more indented line right after a row continues the
cell that starts in its column, and each cell is split into items by
``textfix.cell_blocks``. Joined as prose, one row's topics ran into the next
row's.

Inside a block of lines, a short line that gives no sign of going on ends its
paragraph, and a schedule row starts one (``breaks_after``): header fields,
outcomes and schedule rows typed one per line are separate passages, while
hard-wrapped prose is joined. Markdown paragraphs are split the same way.
"""

from __future__ import annotations

import re

from ...text.schedule import SCHEDULE_ROW_RE
from ...types import HEADING, LIST_ITEM, OK, PARAGRAPH, UNSUPPORTED, Block, ExtractedDocument
from .textfix import (
    BULLET_RE,
    cell_blocks,
    clean_text,
    continues_item,
    decode_bytes,
    ends_sentence,
    looks_like_heading,
    make_block,
)

FORMAT = "text"
_UNDERLINE_RE = re.compile(r"^\s*(={3,}|-{3,})\s*$")
# A table's rule line: "--  -----  -------", "+----+----+", "====".
_TABLE_RULE_RE = re.compile(r"^[\s+|]*[-=][-=\s+|]*$")
_LINE_SPLIT_RE = re.compile(r"\r\n|\r|\n")
# A column gap: 3+ spaces or a tab between two pieces of text (prose has at most
# two spaces after a full stop).
_GAP_RE = re.compile(r" {3,}|\t+")
_CELL_RE = re.compile(r"\S+(?: {1,2}\S+)*")
# A continuation line of a table cell is indented at least this much.
_CONTINUATION_INDENT = 4
# A continuation piece belongs to the row's cell starting within this many columns of it.
_COLUMN_SLACK = 2
# A line shorter than this share of a block's widest line was broken by hand
# (``breaks_after``): one that ends a sentence, and one that does not.
_SHORT_SENTENCE_LINE = 0.7
_SHORT_LINE = 0.6


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
            blocks.extend(_group_blocks(group))
            group = []
            continue
        group.append((line, number))
    blocks.extend(_group_blocks(group))
    return blocks


def _group_blocks(group: list[tuple[str, int]]) -> list[Block]:
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
        if is_table_row(text) and not (nxt is not None and _UNDERLINE_RE.match(nxt)):
            # A row item wrapped before its columns ("A5  Responds empathically ..." /
            # "    experience      .  .  ."): the lines before start its first cell.
            lead = _wrapped_start(current, _cells(text, number)[0][1][0])
            del current[len(current) - len(lead):]
            flush()
            kind = PARAGRAPH
            rows, i = table_rows(group, i, lead)
            out.extend(b for row in rows for cell in row for b in cell_blocks(cell))
            continue
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
        elif current and kind == PARAGRAPH and breaks_after(current[-1][0], text, widest):
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


def is_table_row(line: str) -> bool:
    """Does the line have a column gap after its first piece of text?"""
    return _GAP_RE.search(line.strip()) is not None


def _cells(line: str, number: int) -> list[tuple[int, tuple[str, None, int]]]:
    """(start column, (text, page, line)) of each cell of a line (a leading bullet is dropped)."""
    m = BULLET_RE.match(line)
    start = m.end() if m and m.end() < len(line.rstrip()) else 0
    return [(c.start(), (c.group(), None, number)) for c in _CELL_RE.finditer(line, start)]


def _wrapped_start(lines: list[tuple[str, None, int]], first_cell: str) -> list[tuple[str, None, int]]:
    """The last lines of ``lines`` that a row's ``first_cell`` goes on from
    (each continuing the one before): the start of a wrapped row item."""
    if not lines or not continues_item(lines[-1][0], first_cell):
        return []
    j = len(lines) - 1
    while j > 0 and continues_item(lines[j - 1][0], lines[j][0]):
        j -= 1
    return lines[j:]


def table_rows(group: list[tuple[str, int]], i: int, lead: list[tuple[str, None, int]] = (),
               ) -> tuple[list[list[list[tuple[str, None, int]]]], int]:
    """The rows of the table starting at ``group[i]`` (each a list of cells,
    each cell its lines) and the index after it. A row is a line with a
    column gap; a line indented at least ``_CONTINUATION_INDENT`` right after
    a row adds each of its pieces to the cell starting in the same column (or
    is a cell of its own); a rule line (---, ===) is skipped; a bulleted line
    is never a continuation. ``lead``: lines that start the first row's first
    cell."""
    rows: list[list[tuple[int, list]]] = []
    while i < len(group):
        text, number = group[i]
        if _TABLE_RULE_RE.match(text):
            i += 1
            continue
        indent = len(text) - len(text.lstrip())
        bullet = BULLET_RE.match(text)
        continuation = rows and indent >= _CONTINUATION_INDENT and not bullet
        if is_table_row(text) and not (continuation and len(rows[-1]) > 1):
            rows.append([(col, [line]) for col, line in _cells(text, number)])
            rows[-1][0][1][:0] = lead
            lead = ()
        elif continuation:
            for col, line in _cells(text, number):
                cell = min(rows[-1], key=lambda c: abs(c[0] - col))
                if abs(cell[0] - col) <= _COLUMN_SLACK:
                    cell[1].append(line)
                else:
                    rows[-1].append((col, [line]))
                    rows[-1].sort(key=lambda c: c[0])
        else:
            break
        i += 1
    return [[lines for _, lines in row] for row in rows], i


def _all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and not any(c.islower() for c in letters)


def breaks_after(prev: str, text: str, widest: int) -> bool:
    """Does a paragraph end after line ``prev``, before the capitalised line
    ``text``? When ``prev`` is short and either ends a sentence or gives no sign
    of going on (``continues_item``: no joiner word, comma, open bracket ...).

    Hard-wrapped prose fills its lines, so a short line inside a block was
    broken by hand: "Course Code COUN340" / "Number of Credits 3" / "COUN210
    Micro-skills in Counselling" in a course outline's header, or outcomes typed
    one per line without bullets, are separate passages, not one run-on
    sentence. The bar for a line without a full stop is lower (0.6 of the widest
    line), because text extracted from proportional fonts wraps unevenly. A
    schedule row ("Wk 2 Sept 9 …") starts a new paragraph whatever its length."""
    text = text.lstrip()
    if text[:1].islower():
        return False
    goes_on = continues_item(prev, text)
    if SCHEDULE_ROW_RE.match(text):
        return not goes_on  # "Wk 2 Sept 9 ..." after "Wk 1 Sept 2 ...": one row per line
    length = len(prev.rstrip())
    if ends_sentence(prev):
        return length < _SHORT_SENTENCE_LINE * widest
    return not goes_on and length < _SHORT_LINE * widest


def hand_broken_paragraphs(lines: list[tuple[str, None, int]]) -> list[list[tuple[str, None, int]]]:
    """One paragraph's source lines split where ``breaks_after`` says a line was broken by hand."""
    if not lines:
        return []
    widest = max(len(t.rstrip()) for t, _, _ in lines)
    out = [[lines[0]]]
    for line in lines[1:]:
        if breaks_after(out[-1][-1][0], line[0], widest):
            out.append([line])
        else:
            out[-1].append(line)
    return out
