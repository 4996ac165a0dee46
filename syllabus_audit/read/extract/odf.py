"""OpenDocument extraction (ODT text; also ODP slides and ODS sheets): zipfile + lxml.

``content.xml`` is read through ``limits`` (zip-bomb checks, bounded read) and
parsed without entity expansion. Headings are ``text:h`` (or paragraphs whose
style derives from a "Heading"/"Title" style), list items are paragraphs inside
``text:list-item``, table cells are ``table:table-cell``; text boxes are read
right after the paragraph that anchors them, notes at the end.

Provenance: line is the 1-based ordinal of the ``text:p``/``text:h`` element in
reading order (empty ones included). page is None for text documents; the
1-based slide number for presentations (line counted per slide) and the
1-based sheet number for spreadsheets (line counted per sheet).
"""

from __future__ import annotations

import re

from lxml import etree

from ...types import CORRUPT, HEADING, LIST_ITEM, OK, PARAGRAPH, Block, ExtractedDocument
from . import limits
from .limits import UnsafeArchive, parse_xml
from .textfix import cell_blocks, clean_text, make_block

_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_PRES = "{urn:oasis:names:tc:opendocument:xmlns:presentation:1.0}"

_P, _H = _TEXT + "p", _TEXT + "h"
_LIST_ITEM = _TEXT + "list-item"
_CELL, _COVERED = _TABLE + "table-cell", _TABLE + "covered-table-cell"
_NOTE, _NOTE_BODY = _TEXT + "note", _TEXT + "note-body"
_FRAME = _DRAW + "frame"
_DRAW_PAGE = _DRAW + "page"
_SHEET = _TABLE + "table"
_INLINE_SKIP = frozenset(
    (_OFFICE + "annotation", _OFFICE + "annotation-end", _TEXT + "note-citation", _TEXT + "tracked-changes",
     _TEXT + "bookmark", _TEXT + "reference-mark", _TEXT + "soft-page-break", _TEXT + "ruby-text")
)
_BLOCK_SKIP = frozenset(
    (_TEXT + "tracked-changes", _TEXT + "table-of-content", _TEXT + "illustration-index",
     _TEXT + "table-index", _TEXT + "object-index", _TEXT + "alphabetical-index", _OFFICE + "annotation",
     _OFFICE + "forms", _TEXT + "sequence-decls", _TEXT + "variable-decls", _TABLE + "table-columns",
     _TABLE + "table-column", _TABLE + "named-expressions", _OFFICE + "scripts", _PRES + "notes")
)
_HEADING_STYLE_RE = re.compile(r"^(heading|title|subtitle)(_20_\d+)?$", re.I)
_KINDS = {"text": "odt", "presentation": "odp", "spreadsheet": "ods"}


def extract_odf(abs_path: str, rel_path: str) -> ExtractedDocument:
    """Read an OpenDocument text / presentation / spreadsheet into blocks."""
    fmt = "odt"
    try:
        with limits.open_zip(abs_path) as zf:
            names = limits.member_names(zf)
            if "mimetype" in names:
                mime = limits.read_member(zf, "mimetype", 200).decode("ascii", "replace")
                fmt = _KINDS.get(mime.rsplit(".", 1)[-1].split("-")[0], fmt)
            if "content.xml" not in names:
                return ExtractedDocument(rel_path, fmt, CORRUPT, "OpenDocument file is missing content.xml")
            content = limits.read_member(zf, "content.xml")
            styles_xml = limits.read_member(zf, "styles.xml") if "styles.xml" in names else None
    except UnsafeArchive as exc:
        return ExtractedDocument(rel_path, fmt, CORRUPT, str(exc))
    except limits.ZIP_ERRORS as exc:
        return ExtractedDocument(rel_path, fmt, CORRUPT, f"not a valid OpenDocument file: {exc}")
    try:
        root = parse_xml(content)
        styles = parse_xml(styles_xml) if styles_xml else None
    except etree.XMLSyntaxError as exc:
        return ExtractedDocument(rel_path, fmt, CORRUPT, f"damaged XML in OpenDocument file: {exc}")
    body = root.find(_OFFICE + "body")
    if body is None:
        return ExtractedDocument(rel_path, fmt, CORRUPT, "OpenDocument content.xml has no office:body")
    walker = _Walker(_heading_styles(root, styles))
    for part in body:
        if part.tag in (_OFFICE + "presentation", _OFFICE + "spreadsheet"):
            for child in part:
                if child.tag in (_DRAW_PAGE, _SHEET):
                    walker.new_page()
                walker.walk(child)
        elif isinstance(part.tag, str):
            walker.walk(part)
    walker.walk_notes()
    pages = walker.page if walker.page else None
    return ExtractedDocument(rel_path, fmt, OK, blocks=tuple(walker.blocks), pages=pages)


def _heading_styles(*roots) -> set[str]:
    """Names of paragraph styles that are (or derive from) Heading / Title styles."""
    parent: dict[str, str | None] = {}
    for root in roots:
        if root is None:
            continue
        for st in root.iter(_STYLE + "style"):
            name = st.get(_STYLE + "name")
            if name:
                parent[name] = st.get(_STYLE + "parent-style-name")
    out = set()
    for name in parent:
        cur, seen = name, 0
        while cur and seen < 10:
            if _HEADING_STYLE_RE.match(cur):
                out.add(name)
                break
            cur, seen = parent.get(cur), seen + 1
    return out


class _Walker:
    def __init__(self, heading_styles: set[str]):
        self.heading_styles = heading_styles
        self.blocks: list[Block] = []
        self.count = 0
        self.page = 0  # 0 = no pages (text document)
        self.notes: list[etree._Element] = []

    def new_page(self) -> None:
        self.page += 1
        self.count = 0

    def walk(self, root: etree._Element, cell: list | None = None, in_list: bool = False) -> None:
        if root.tag in (_P, _H):
            self._paragraph(root, cell, in_list)
            return
        stack = [(iter(root), in_list)]
        while stack:
            it, listed = stack[-1]
            el = next(it, None)
            if el is None:
                stack.pop()
                continue
            tag = el.tag
            if not isinstance(tag, str) or tag in _BLOCK_SKIP:
                continue
            if tag in (_P, _H):
                self._paragraph(el, cell, listed)
            elif tag in (_CELL, _COVERED):
                sub: list = []
                self.walk(el, sub, False)
                self._flush_cell(sub)
            elif tag == _FRAME:
                self._frame(el, cell)
            else:
                stack.append((iter(el), listed or tag == _LIST_ITEM))

    def walk_notes(self) -> None:
        notes, self.notes = self.notes, []
        for note in notes:
            body = note.find(_NOTE_BODY)
            if body is not None:
                self.walk(body)

    def _frame(self, frame: etree._Element, cell: list | None) -> None:
        title = frame.get(_PRES + "class") == "title"
        for box in frame:
            if not isinstance(box.tag, str):
                continue
            if title:
                for p in box.iter(_P, _H):
                    self._paragraph(p, cell, False, force=HEADING)
            else:
                self.walk(box, cell)

    def _paragraph(self, p: etree._Element, cell: list | None, in_list: bool, force: str | None = None) -> None:
        self.count += 1
        number = self.count
        parts: list[str] = []
        frames: list[etree._Element] = []
        _inline(p, parts, frames, self.notes)
        text = clean_text("".join(parts)).strip()
        if text:
            line = (text, self.page or None, number)
            if cell is not None:
                cell.append(line)
            else:
                block = make_block(force or self._kind(p, in_list), [line])
                if block is not None:
                    self.blocks.append(block)
        for frame in frames:
            self._frame(frame, None)

    def _kind(self, p: etree._Element, in_list: bool) -> str:
        if p.tag == _H or p.get(_TEXT + "style-name") in self.heading_styles:
            return HEADING
        return LIST_ITEM if in_list else PARAGRAPH

    def _flush_cell(self, cell: list) -> None:
        self.blocks.extend(cell_blocks(cell))


def _inline(el: etree._Element, out: list[str], frames: list, notes: list) -> None:
    """Text of a paragraph's inline content (spans, links, spaces, tabs, breaks)."""
    if el.text:
        out.append(el.text)
    for child in el:
        tag = child.tag
        if tag == _TEXT + "s":
            try:
                n = int(child.get(_TEXT + "c") or 1)
            except ValueError:
                n = 1
            out.append(" " * min(max(n, 1), 100))
        elif tag == _TEXT + "tab":
            out.append(" ")
        elif tag == _TEXT + "line-break":
            out.append("\n")
        elif tag == _NOTE:
            notes.append(child)
        elif tag == _FRAME:
            frames.append(child)
        elif isinstance(tag, str) and tag not in _INLINE_SKIP:
            _inline(child, out, frames, notes)
        if child.tail:
            out.append(child.tail)
