"""DOCX extraction: read the OOXML parts with zipfile + lxml.etree.

Not python-docx: it is about 14x slower (docs/performance.md, section 3) and
its ``paragraphs`` miss text boxes; python-docx is only used by the tests, to
build fixture files.

Provenance: page is None; line is the 1-based ordinal of the ``w:p`` element in
reading order (empty paragraphs counted): body paragraphs and table-cell
paragraphs in document order, each text-box paragraph right after the
paragraph that anchors it; then header, footer, footnote and endnote parts.

Style memo: documents made from one template share ``word/styles.xml`` byte
for byte (often 300+ kB, costing most of the parse time), so the style kinds
derived from it are kept in a small per-process LRU keyed by the SHA-256 of
the part's bytes. The part is still read with the zip limits every time; only
bytes that were parsed (DTD refused, libxml2 limits) and walked once can hit
the memo, and the memoised mapping is read-only.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict
from types import MappingProxyType
from typing import Mapping

from lxml import etree

from ...types import CORRUPT, HEADING, LIST_ITEM, OK, PARAGRAPH, Block, ExtractedDocument
from . import limits
from .limits import UnsafeArchive, parse_xml
from .textfix import cell_blocks, clean_text, make_block

FORMAT = "docx"

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_P, _TBL, _TC, _T = _W + "p", _W + "tbl", _W + "tc", _W + "t"
_TXBX = _W + "txbxContent"
_SKIP = {_W + "moveFrom", _W + "del", _W + "sectPr", _W + "pPr", _W + "rPr", _W + "tblPr", _W + "trPr", _W + "tcPr"}
_RUN_TEXT = {
    _T: None,
    _W + "tab": " ",
    _W + "ptab": " ",
    _W + "br": "\n",
    _W + "cr": "\n",
    _W + "noBreakHyphen": "-",
    _W + "softHyphen": "\u00ad",
}
_HEADING_STYLE_RE = re.compile(r"^(heading \d|title|subtitle)$")
_PART_RE = re.compile(r"^word/(header|footer)\d*\.xml$")


def extract_docx(abs_path: str, rel_path: str) -> ExtractedDocument:
    """Read a .docx into blocks; damaged or oversized files get ``corrupt``."""
    try:
        with limits.open_zip(abs_path) as zf:
            parts = _read_parts(zf)
    except UnsafeArchive as exc:
        return ExtractedDocument(rel_path, FORMAT, CORRUPT, str(exc))
    except limits.ZIP_ERRORS as exc:
        return ExtractedDocument(rel_path, FORMAT, CORRUPT, f"not a valid Word file: {exc}")
    if "word/document.xml" not in parts:
        return ExtractedDocument(rel_path, FORMAT, CORRUPT, "Word file is missing word/document.xml")
    style_kinds: Mapping[str, str] = {}
    roots = {}
    try:
        for name, data in parts.items():  # in archive order: the first damaged part is the one reported
            if name == "word/styles.xml":
                style_kinds = _memo_style_kinds(data)
            else:
                roots[name] = parse_xml(data)
    except UnsafeArchive as exc:
        return ExtractedDocument(rel_path, FORMAT, CORRUPT, str(exc))
    except etree.XMLSyntaxError as exc:
        return ExtractedDocument(rel_path, FORMAT, CORRUPT, f"damaged XML in Word file: {exc}")
    walker = _Walker(style_kinds)
    body = roots["word/document.xml"].find(_W + "body")
    if body is not None:
        walker.walk(body)
    walker.dedupe = True
    for name in sorted((n for n in roots if _PART_RE.match(n)), key=_part_order):
        walker.walk(roots[name])
    for name in ("word/footnotes.xml", "word/endnotes.xml"):
        if name in roots:
            for note in roots[name]:
                if note.get(_W + "type") in (None, "normal"):
                    walker.walk(note)
    return ExtractedDocument(rel_path, FORMAT, OK, blocks=tuple(walker.blocks))


def _part_order(name: str) -> tuple[int, int]:
    digits = "".join(c for c in name if c.isdigit())
    return (0 if "/header" in name else 1, int(digits or 0))


def _read_parts(zf) -> dict[str, bytes]:
    wanted = {"word/document.xml", "word/styles.xml", "word/footnotes.xml", "word/endnotes.xml"}
    parts = {}
    for info in zf.infolist():
        name = info.filename
        if name not in wanted and not _PART_RE.match(name):
            continue
        parts[name] = limits.read_member(zf, info)
    return parts


STYLE_MEMO_SIZE = 32  # distinct styles parts remembered per process
_style_memo: OrderedDict[bytes, Mapping[str, str]] = OrderedDict()
_style_memo_lock = threading.Lock()


def _memo_style_kinds(data: bytes) -> Mapping[str, str]:
    """``_style_kinds(parse_xml(data))``, memoised by the SHA-256 of ``data``.

    A miss parses (raising like ``parse_xml`` for a DTD or damaged XML, and
    then nothing is stored) and walks the part; a hit needs the same bytes.
    """
    key = hashlib.sha256(data).digest()
    with _style_memo_lock:
        kinds = _style_memo.get(key)
        if kinds is not None:
            _style_memo.move_to_end(key)
            return kinds
    kinds = MappingProxyType(_style_kinds(parse_xml(data)))
    with _style_memo_lock:
        _style_memo[key] = kinds
        while len(_style_memo) > STYLE_MEMO_SIZE:
            _style_memo.popitem(last=False)
    return kinds


def _style_kinds(styles: etree._Element | None) -> dict[str, str]:
    """styleId -> heading / list_item for paragraph styles (following basedOn)."""
    if styles is None:
        return {}
    info = {}
    for st in styles.iter(_W + "style"):
        if st.get(_W + "type") != "paragraph":
            continue
        name_el, based = st.find(_W + "name"), st.find(_W + "basedOn")
        ppr = st.find(_W + "pPr")
        lvl = ppr.find(_W + "outlineLvl") if ppr is not None else None
        num = ppr.find(_W + "numPr") if ppr is not None else None
        info[st.get(_W + "styleId")] = (
            (name_el.get(_W + "val") or "").lower() if name_el is not None else "",
            based.get(_W + "val") if based is not None else None,
            lvl is not None and (lvl.get(_W + "val") or "9") < "9",
            num is not None,
        )
    kinds = {}
    for sid in info:
        seen, cur = 0, sid
        while cur in info and seen < 10:
            name, based, outline, numbered = info[cur]
            if _HEADING_STYLE_RE.match(name) or outline:
                kinds[sid] = HEADING
                break
            if name.startswith("list") or numbered:
                kinds[sid] = LIST_ITEM
                break
            cur, seen = based, seen + 1
    return kinds


class _Walker:
    """Walks OOXML containers in reading order and collects blocks."""

    def __init__(self, style_kinds: Mapping[str, str]):
        self.style_kinds = style_kinds
        self.blocks: list[Block] = []
        self.count = 0  # paragraph ordinal = the line number
        self.dedupe = False
        self.seen: set[str] = set()

    def walk(self, root: etree._Element) -> None:
        for fb in list(root.iter(_MC_FALLBACK)):  # duplicate (VML) copy of a text box
            fb.getparent().remove(fb)
        boxes: dict[etree._Element, list[etree._Element]] = {}
        for box in list(root.iter(_TXBX)):
            anchor = next(box.iterancestors(_P), None)
            if anchor is not None:
                boxes.setdefault(anchor, []).append(box)
                box.getparent().remove(box)
        self.boxes = boxes
        self._walk(root, None)

    def _walk(self, root: etree._Element, cell: list | None) -> None:
        stack = [iter(root)]
        while stack:
            el = next(stack[-1], None)
            if el is None:
                stack.pop()
                continue
            tag = el.tag
            if tag == _P:
                self._paragraph(el, cell)
            elif tag == _TC:
                self._cell(el)
            elif tag == _TBL and cell is not None:
                self._flush_cell(cell)
                self._walk(el, None)
            elif tag not in _SKIP and isinstance(tag, str):
                stack.append(iter(el))

    def _paragraph(self, p: etree._Element, cell: list | None) -> None:
        self.count += 1
        number = self.count
        text = "".join(_run_text(el) for el in p.iter(*_RUN_TEXT))
        text = clean_text(text).strip()
        if text:
            if cell is not None:
                cell.append((text, None, number))
            elif not (self.dedupe and text in self.seen):
                self.seen.add(text)
                block = make_block(self._kind(p), [(text, None, number)])
                if block is not None:
                    self.blocks.append(block)
        for box in self.boxes.get(p, ()):
            self._walk(box, None)

    def _kind(self, p: etree._Element) -> str:
        ppr = p.find(_W + "pPr")
        if ppr is None:
            return PARAGRAPH
        lvl = ppr.find(_W + "outlineLvl")
        if lvl is not None and (lvl.get(_W + "val") or "9") < "9":
            return HEADING
        num = ppr.find(_W + "numPr")
        if num is not None:
            num_id = num.find(_W + "numId")
            if num_id is None or num_id.get(_W + "val") != "0":
                return LIST_ITEM
        style = ppr.find(_W + "pStyle")
        if style is not None:
            return self.style_kinds.get(style.get(_W + "val"), PARAGRAPH)
        return PARAGRAPH

    def _cell(self, tc: etree._Element) -> None:
        cell: list = []
        self._walk(tc, cell)
        self._flush_cell(cell)

    def _flush_cell(self, cell: list) -> None:
        for block in cell_blocks(cell):
            if not (self.dedupe and block.text in self.seen):
                self.seen.add(block.text)
                self.blocks.append(block)
        cell.clear()


def _run_text(el: etree._Element) -> str:
    sub = _RUN_TEXT[el.tag]
    return (el.text or "") if sub is None else sub
