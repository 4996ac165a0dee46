"""PDF extraction with pypdfium2: text segments -> lines -> reading order -> blocks.

Engine: pypdfium2 only. It is 50-90x faster than pdfplumber and keeps reading
order at least as well (docs/performance.md, section 2). pdfplumber is not used
as a fallback: everything it could add here (word boxes for column detection)
pdfium's text rects already give us, and on the pages where the two disagree
(two columns) pdfplumber interleaves the columns, so it would not help.

Per page we take pdfium's text rects (``count_rects``/``get_rect``: one rect per
run of text on a line, already split at wide horizontal gaps) and read each
rect's text with ``get_text_bounded``. So reading order comes from geometry,
not from the content stream: a page whose stream draws the right column first
still reads left column, then right column, once a vertical gutter is found.

Provenance: ``page`` is the 1-based page number; ``line`` is the 1-based number
of the line among the non-empty text lines of that page, in the reading order
extracted here (running headers and footers count, since they are on the page).

Pages with no text layer that draw an image (scans) make the document
``needs_ocr`` (or are noted in the reason of an ``ok`` document); with
``ocr=True`` and Tesseract installed they are OCR'd instead (``ocr.py``), their
blocks carry ``ocr_confidence`` and the reason says "text from OCR on N pages".
Pages without text or images (blank pages, rules, vector logos) are not scans.
"""

from __future__ import annotations

import ctypes
import os
import re
import unicodedata
from dataclasses import dataclass
from statistics import median

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ...types import (CORRUPT, EMPTY, ENCRYPTED, HEADING, LIST_ITEM, NEEDS_OCR, OK, PARAGRAPH, TABLE_CELL, Block,
                      ExtractedDocument)
from . import ocr as ocr_mod
from .pdf_tables import Cell, cells_of, rules_from_bounds
from .textfix import (_CLEAN_TABLE, BULLET_RE, cell_item_kind, clean_text, clearly_continues, collapse_ws,
                      continues_item, ends_sentence, looks_like_heading, make_block)

FORMAT = "pdf"
_PAGE_NUMBER_RE = re.compile(
    r"^(?:(?:page|p\.|seite|pág\.?|str\.?)\s*)?[-–—(]?\s*#+\s*[-–—)]?(?:\s*(?:of|/|von|de|od)\s*#+)?$"
    r"|^[ivxlc]{1,6}$"
)
_DIGITS_RE = re.compile(r"\d+")


@dataclass(slots=True)
class _Line:
    text: str
    left: float
    bottom: float
    right: float
    top: float
    column: int  # 0 = full width / single column, 1 = left, 2 = right
    page: int = 0
    number: int = 0
    bold: bool = False  # the whole run is set in a bold font (a heading cue)
    cell: Cell | None = None  # the ruled table cell it sits in (pdf_tables.py)

    @property
    def height(self) -> float:
        return self.top - self.bottom


def extract_pdf(abs_path: str | os.PathLike, rel_path: str, ocr: bool = False) -> ExtractedDocument:
    """Read a PDF into blocks with page/line anchors; bad files get a status instead.

    With ``ocr=True`` pages that have no text layer but draw something (scans)
    are OCR'd (see ``ocr.py``) when Tesseract is installed.
    """
    try:
        pdf = pdfium.PdfDocument(str(abs_path))
    except pdfium.PdfiumError as exc:
        return _open_error(rel_path, exc, str(abs_path))
    ocr_pages: list = []
    ocr_missing = ""
    try:
        n_pages = len(pdf)
        pages: list[list[_Line]] = []
        heights: list[float] = []
        blank_pages = 0
        drawn: list[int] = []
        for i in range(n_pages):
            page = pdf[i]
            try:
                heights.append(page.get_height())
                lines = _page_lines(page, i + 1)
                if not lines:
                    blank_pages += 1
                    if _has_image(page):
                        drawn.append(i)
            finally:
                page.close()
            pages.append(lines)
        if ocr and drawn:
            ocr_missing = ocr_mod.unavailable_reason() or ""
            if not ocr_missing:
                for i in drawn:
                    page = pdf[i]
                    try:
                        ocr_pages.append(ocr_mod.ocr_pdf_page(page, i + 1))
                    finally:
                        page.close()
    finally:
        pdf.close()
    hint = ""
    if drawn and not ocr_pages:
        hint = f"; --ocr needs Tesseract: {ocr_missing}" if ocr else f"; run with --ocr (needs Tesseract: {ocr_mod.INSTALL_HINT})"
    return _document(rel_path, pages, heights, blank_pages, len(drawn), ocr_pages, hint)


def _has_image(page: pdfium.PdfPage) -> bool:
    """Whether the page draws an image (also inside form XObjects): a page with
    no text layer is a scan candidate only then."""
    return next(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]), None) is not None


def _open_error(rel_path: str, exc: pdfium.PdfiumError, abs_path: str) -> ExtractedDocument:
    code = getattr(exc, "err_code", None)
    # Whatever the code says (it may be stale, e.g. PASSWORD left by an
    # encrypted PDF read earlier in this process, which made a later 0-page
    # PDF "encrypted" depending on which worker read what): a file that loads
    # and has no pages is empty; an encrypted or broken one does not load.
    if _loads_with_no_pages(abs_path):
        code = pdfium_c.FPDF_ERR_SUCCESS
    if code == pdfium_c.FPDF_ERR_PASSWORD:
        return ExtractedDocument(rel_path, FORMAT, ENCRYPTED, "PDF is password-protected (encrypted)")
    if code == pdfium_c.FPDF_ERR_SECURITY:
        return ExtractedDocument(rel_path, FORMAT, ENCRYPTED, "PDF uses an unsupported encryption/security handler")
    if code == pdfium_c.FPDF_ERR_SUCCESS:  # loaded fine, but has no pages
        return ExtractedDocument(rel_path, FORMAT, EMPTY, "PDF has 0 pages", pages=0)
    return ExtractedDocument(rel_path, FORMAT, CORRUPT, f"file is truncated or not a valid PDF: {exc}")


def _loads_with_no_pages(abs_path: str) -> bool:
    # pypdfium2 reports "0 pages" as an error using FPDF_GetLastError(), which
    # pdfium does not reset on success, so the code can be stale: load again.
    raw = pdfium_c.FPDF_LoadDocument(abs_path.encode("utf-8", "surrogateescape"), None)
    if not raw:
        return False
    try:
        return pdfium_c.FPDF_GetPageCount(raw) == 0
    finally:
        pdfium_c.FPDF_CloseDocument(raw)


def _document(rel_path, pages, heights, blank_pages, drawn_pages, ocr_pages=(), hint="") -> ExtractedDocument:
    n_pages = len(pages)
    ocr_blocks = [b for r in ocr_pages for b in r.blocks]
    ocr_note = _ocr_note(ocr_pages)
    if n_pages and blank_pages == n_pages and not ocr_blocks:
        if drawn_pages:
            where = "on its only page" if n_pages == 1 else f"on any of its {n_pages} pages"
            reason = f"PDF has no text layer {where} (scanned?); needs OCR{hint}"
            if ocr_pages:
                reason += "; " + ocr_note
            return ExtractedDocument(rel_path, FORMAT, NEEDS_OCR, reason, pages=n_pages)
        blank = "its only page is blank" if n_pages == 1 else f"all {n_pages} PDF pages are blank"
        return ExtractedDocument(rel_path, FORMAT, EMPTY, blank, pages=n_pages)
    _drop_running_lines(pages, heights)
    blocks = list(_blocks(pages))
    if ocr_blocks:  # each page is either text or OCR: merge in page order
        blocks = sorted(blocks + ocr_blocks, key=lambda b: b.anchors[0].page or 0)
    if not blocks:
        return ExtractedDocument(rel_path, FORMAT, EMPTY, "PDF has no text apart from headers/footers", pages=n_pages)
    notes = []
    unread = drawn_pages - sum(1 for r in ocr_pages if r.blocks)
    if unread:
        verb = "has" if unread == 1 else "have"
        notes.append(f"{unread} of {n_pages} pages {verb} no text layer (scanned?)" + (hint if not ocr_pages else ""))
    if ocr_pages:
        notes.append(ocr_note)
    return ExtractedDocument(rel_path, FORMAT, OK, "; ".join(notes), blocks=tuple(blocks), pages=n_pages)


def _ocr_note(ocr_pages) -> str:
    """E.g. "text from OCR on 2 pages (mean word confidence 81%)"."""
    if not ocr_pages:
        return ""
    read = [r for r in ocr_pages if r.blocks]
    errors = [r.error for r in ocr_pages if r.error]
    if not read:
        note = f"OCR found no legible text on {len(ocr_pages)} page{'s' if len(ocr_pages) != 1 else ''}"
    else:
        words = sum(r.words for r in read)
        mean = sum(r.confidence * r.words for r in read) / max(words, 1)
        note = f"text from OCR on {len(read)} page{'s' if len(read) != 1 else ''} (mean word confidence {mean:.0f}%)"
        turned = [r.page for r in read if r.rotation]
        if turned:
            note += f"; page{'s' if len(turned) != 1 else ''} {', '.join(map(str, turned))} read rotated"
    if errors:
        note += "; " + errors[0]
    return note


# --- page -> lines -------------------------------------------------------


def _page_lines(page: pdfium.PdfPage, page_no: int) -> list[_Line]:
    textpage = page.get_textpage()
    try:
        segs = _segments(textpage)
    finally:
        textpage.close()
    if not segs:
        return []
    cells = cells_of([(s.left, s.bottom, s.right, s.top) for s in segs], *rules_from_bounds(_path_bounds(page)))
    table = [(s, c) for s, c in zip(segs, cells) if c is not None]
    if table:
        segs = [s for s, c in zip(segs, cells) if c is None]
    lines = _text_lines(segs) if segs else []
    if table:
        lines = _with_cells(lines, table)
    for n, line in enumerate(lines, 1):
        line.page, line.number = page_no, n
    return lines


def _path_bounds(page: pdfium.PdfPage) -> list[tuple[float, float, float, float]]:
    """(left, bottom, right, top) of each path object on the page (top-level
    objects only: a grid inside a form XObject is not seen)."""
    pa = ctypes.c_void_p(ctypes.cast(page.raw, ctypes.c_void_p).value)
    get_object, kind_of, bounds_of = _GetObjectA, _ObjTypeA, _ObjBoundsA
    left, bottom, right, top = _OB
    path = pdfium_c.FPDF_PAGEOBJ_PATH
    out = []
    for k in range(_CountObjectsA(pa)):
        obj = ctypes.c_void_p(get_object(pa, k))
        if kind_of(obj) == path and bounds_of(obj, *_OB_ADDR):
            out.append((left.value, bottom.value, right.value, top.value))
    return out


def _text_lines(segs: list[_Line]) -> list[_Line]:
    """Lines in reading order: by baseline, or left column then right one."""
    gutter = _find_gutter(segs)
    return _group_lines(segs) if gutter is None else _column_order(segs, gutter)


def _with_cells(lines: list[_Line], table: list[tuple[_Line, Cell]]) -> list[_Line]:
    """Insert each table cell's lines (cells row by row, left to right) before
    the first line that lies below the cell's top rule."""
    by_cell: dict[Cell, list[_Line]] = {}
    for seg, cell in table:
        by_cell.setdefault(cell, []).append(seg)
    pending = []
    for cell in sorted(by_cell, key=lambda c: (-c.top, c.left)):
        cell_lines = _group_lines(by_cell[cell])
        for line in cell_lines:
            line.cell = cell
        pending.append((cell.top, cell_lines))
    out: list[_Line] = []
    k = 0
    for line in lines:
        while k < len(pending) and pending[k][0] > line.top:
            out += pending[k][1]
            k += 1
        out.append(line)
    for _, cell_lines in pending[k:]:
        out += cell_lines
    return out


def _segments(tp: pdfium.PdfTextPage) -> list[_Line]:
    """Runs of text on one baseline with no wide gap, with their boxes.

    Text comes from ``get_text_range`` (clean, in pdfium's order); each of its
    lines is cut at pdfium's joined-hyphen marks, and boxed with the text rects
    of its char range. Only a line whose rects show a wide gap (table cells,
    interleaved columns) is split further, using per-char boxes.

    Hot loop (one pass per text line): pdfium is called through prototypes
    that take plain addresses (no pointer conversion per call), the rects of a
    range are read once, and the boldness of a text object (its font) is
    looked up once per page. When nothing on the page needs ``clean_text``'s
    control-char / ligature / newline fixes, a piece only needs NFC.
    """
    n_chars = tp.count_chars()
    if n_chars <= 0:
        return []
    text = tp.get_text_range()
    if len(text) != n_chars:  # pdfium inserted/excluded chars: no 1:1 index map
        return _segments_bounded(tp)
    raw = tp.raw
    tpa = ctypes.c_void_p(ctypes.cast(raw, ctypes.c_void_p).value)
    # Pieces never hold the "\r\n" line breaks, so with no other CR and no char
    # the clean-up table changes, clean_text(piece) is just NFC of the piece.
    simple = _NEEDS_CLEAN_RE.search(text) is None and text.count("\r") == text.count("\r\n")
    normalize = unicodedata.normalize
    bold_of: dict = {}  # a font's weight is the same for every char that uses it

    def bold_at(index: int) -> bool:
        obj = text_object(tpa, index)
        font = font_of(obj) if obj else None
        if not font:
            return _char_bold(raw, index)
        bold = bold_of.get(font)
        if bold is None:
            bold = bold_of[font] = _char_bold(raw, index)
        return bold

    segs: list[_Line] = []
    append = segs.append
    count_rects, get_rect, text_object, font_of = _CountRectsA, _GetRectA, _TextObjectA, _FontAddress
    L, B, R, T = _RL, _RB, _RR, _RT
    aL, aB, aR, aT = _ARL, _ARB, _ARR, _ART
    pos = 0
    for line in text.split("\r\n"):
        start = pos
        pos += len(line) + 2
        if "\ufffe" in line:
            pieces = _split_marks(line, start)
        elif line.strip():
            pieces = ((start, line),)
        else:
            continue
        for start, piece in pieces:
            n = len(piece)
            n_rects = count_rects(tpa, start, n)
            if n_rects <= 0:
                if n_rects == -1:
                    raise pdfium.PdfiumError("Failed to count rectangles.")
                continue
            if not get_rect(tpa, 0, aL, aT, aR, aB):  # yes, ltrb
                raise pdfium.PdfiumError(_GET_RECT_ERROR)
            if n_rects > 1:
                groups = _rect_groups(tpa, n_rects)
            # Bold: first and last visible characters both bold (a bold label
            # followed by regular text is not a bold run).
            bold = bold_at(start + n - len(piece.lstrip())) and bold_at(start + len(piece.rstrip()) - 1)
            if n_rects == 1:
                t = clean_text(piece) if not simple else piece if piece.isascii() else normalize("NFC", piece)
                if t.strip():
                    append(_Line(t, L.value, B.value, R.value, T.value, 0, 0, 0, bold))
            elif len(groups) == 1:
                g = groups[0]
                t = clean_text(piece) if not simple else piece if piece.isascii() else normalize("NFC", piece)
                if t.strip():
                    append(_Line(t, g[0], g[1], g[2], g[3], 0, 0, 0, bold))
            else:
                for x in _split_by_chars(tpa, start, piece, groups):
                    if x.text.strip():
                        x.bold = bold
                        append(x)
    return segs


def _rect_groups(tpa: ctypes.c_void_p, n_rects: int) -> list[list[float]]:
    """The rects of the range just counted (rect 0 already read into _RL.._RT),
    merging rects on one baseline with a small gap."""
    L, B, R, T = _RL, _RB, _RR, _RT
    aL, aB, aR, aT = _ARL, _ARB, _ARR, _ART
    get_rect = _GetRectA
    groups = [[L.value, B.value, R.value, T.value]]
    for j in range(1, n_rects):
        if not get_rect(tpa, j, aL, aT, aR, aB):
            raise pdfium.PdfiumError(_GET_RECT_ERROR)
        left, bottom, right, top = L.value, B.value, R.value, T.value
        g = groups[-1]
        g_height = g[3] - g[1]
        r_height = top - bottom
        height = max(g_height, r_height, 1.0)
        same_row = min(g[3], top) - max(g[1], bottom) > 0.3 * min(g_height, r_height)
        if same_row and -height < left - g[2] < 1.5 * height:
            g[0], g[1], g[2], g[3] = min(g[0], left), min(g[1], bottom), max(g[2], right), max(g[3], top)
        else:
            groups.append([left, bottom, right, top])
    return groups


def _split_marks(raw: str, pos: int) -> list[tuple[int, str]]:
    """Cut one text line at pdfium's joined-hyphen marks (U+FFFE stays with the part before it)."""
    out = []
    sub = 0
    for part in raw.split("\ufffe"):
        end = sub + len(part) + (1 if sub + len(part) < len(raw) else 0)
        chunk = raw[sub:end]
        if chunk.strip():
            out.append((pos + sub, chunk))
        sub = end
    return out


_FONT_NAME = ctypes.create_string_buffer(128)
_FONT_FLAGS = ctypes.c_int()
_RL, _RB, _RR, _RT = (ctypes.c_double() for _ in range(4))
_ARL, _ARB, _ARR, _ART = (ctypes.c_void_p(ctypes.addressof(d)) for d in (_RL, _RB, _RR, _RT))
_GET_RECT_ERROR = ("Failed to get rectangle. (Make sure count_rects() was called with default params once "
                   "before subsequent get_rect() calls.)")
# Chars clean_text would change, apart from CR (pieces of a page never hold its CRLF breaks).
_NEEDS_CLEAN_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_CLEAN_TABLE) if c != 13) + "]")
_VP, _INT = ctypes.c_void_p, ctypes.c_int


def _unchecked(func, restype):
    """A pdfium function called without argtypes: ctypes then passes each
    argument as what it is, with no conversion (about half the cost of a call).
    Callers pass only the exact C types: the text page and the double outputs
    as ``c_void_p`` objects, indexes and counts as Python ints (C ``int``)."""
    f = ctypes.CFUNCTYPE(restype)(ctypes.cast(func, _VP).value)
    f.argtypes = None
    return f


# The hot per-line / per-char pdfium calls: (FPDF_TEXTPAGE, int, ...) -> int.
_CountRectsA = _unchecked(pdfium_c.FPDFText_CountRects, _INT)
_GetRectA = _unchecked(pdfium_c.FPDFText_GetRect, _INT)
_GetCharBoxA = _unchecked(pdfium_c.FPDFText_GetCharBox, _INT)
# Page objects (ruled tables): count, the k-th object, its type and bounds (floats).
_CountObjectsA = _unchecked(pdfium_c.FPDFPage_CountObjects, _INT)
_GetObjectA = _unchecked(pdfium_c.FPDFPage_GetObject, _VP)
_ObjTypeA = _unchecked(pdfium_c.FPDFPageObj_GetType, _INT)
_ObjBoundsA = _unchecked(pdfium_c.FPDFPageObj_GetBounds, _INT)
_OB = tuple(ctypes.c_float() for _ in range(4))
_OB_ADDR = tuple(ctypes.c_void_p(ctypes.addressof(f)) for f in _OB)
# The text object of a char, as a plain address; None for generated chars.
_TextObjectA = _unchecked(pdfium_c.FPDFText_GetTextObject, _VP)
# The font of a text object, as a plain address.
_FontAddress = ctypes.cast(pdfium_c.FPDFTextObj_GetFont, ctypes.CFUNCTYPE(_VP, _VP))


def _char_bold(tp, index: int) -> bool:
    """Bold by weight (embedded fonts) or by name ("Helvetica-Bold": the base-14
    fonts report no weight)."""
    if pdfium_c.FPDFText_GetFontWeight(tp, index) >= 600:
        return True
    n = pdfium_c.FPDFText_GetFontInfo(tp, index, _FONT_NAME, len(_FONT_NAME), ctypes.byref(_FONT_FLAGS))
    return n > 0 and b"bold" in _FONT_NAME.value.lower()


def _split_by_chars(tpa: ctypes.c_void_p, start: int, piece: str, groups) -> list[_Line]:
    """Assign each char of a piece to the box its centre falls in (chars come in box order).

    The box index only moves forward, so each box gets a slice of the piece;
    once the last box is reached the remaining chars need no lookup.
    """
    left, bottom, right, top = _RL, _RB, _RR, _RT
    aL, aB, aR, aT = _ARL, _ARB, _ARR, _ART
    get_box = _GetCharBoxA
    # (x0, y0, x1, y1) of each box widened by 1 on every side, as the centre test needs it.
    boxes = [(g[0] - 1, g[1] - 1, g[2] + 1, g[3] + 1) for g in groups]
    last = len(groups) - 1
    cuts = [0]
    k = 0
    x0, y0, x1, y1 = boxes[0]
    for i in range(start, start + len(piece)):
        if get_box(tpa, i, aL, aR, aB, aT):
            lv, rv = left.value, right.value
            if rv > lv:
                cx = (lv + rv) / 2
                cy = (bottom.value + top.value) / 2
                if x0 <= cx <= x1 and y0 <= cy <= y1:
                    continue  # in the current box
                moved = False
                while k < last:
                    b = boxes[k]
                    if b[0] <= cx <= b[2] and b[1] <= cy <= b[3]:
                        break
                    b = boxes[k + 1]
                    if not (b[0] <= cx <= b[2] and b[1] <= cy <= b[3]):
                        break
                    k += 1
                    moved = True
                if moved:
                    cuts.extend([i - start] * (k + 1 - len(cuts)))
                    if k == last:
                        break
                    x0, y0, x1, y1 = boxes[k]
    cuts.extend([len(piece)] * (len(groups) + 1 - len(cuts)))
    return [_Line(clean_text(piece[cuts[n]:cuts[n + 1]]), g[0], g[1], g[2], g[3], 0) for n, g in enumerate(groups)]


def _segments_bounded(tp) -> list[_Line]:
    segs = []
    for i in range(tp.count_rects()):
        box = tp.get_rect(i)
        segs.append(_Line(clean_text(tp.get_text_bounded(*box)), *box, 0))
    return segs


def _group_lines(segs: list[_Line]) -> list[_Line]:
    """Merge segments that sit on the same baseline into lines, top to bottom.

    A segment joins the row of the one before it when it overlaps the row's
    first segment vertically by more than half the smaller height, or their
    tops are within 1 pt (min/max written out: same comparisons as the builtins).
    """
    segs = sorted(segs, key=_top_left)
    rows: list[list[_Line]] = []
    row = None
    rt = rb = rh = 0.0
    for s in segs:
        st, sb = s.top, s.bottom
        if row is not None:
            # min(rt, st) - max(rb, sb) > 0.5 * min(rh, st - sb, 1e9) or abs(rt - st) < 1.0
            sh = st - sb
            h = sh if sh < rh else rh
            if 1e9 < h:
                h = 1e9
            if (st if st < rt else rt) - (sb if sb > rb else rb) > 0.5 * h or abs(rt - st) < 1.0:
                row.append(s)
                continue
        row = [s]
        rows.append(row)
        rt, rb, rh = st, sb, st - sb
    out = []
    append = out.append
    for row in rows:
        if len(row) > 1:
            append(_merge_row(row))
        else:  # _merge_row([s]), reusing the segment (it is not used elsewhere)
            s = row[0]
            s.text = collapse_ws(s.text.strip().replace("\n", " "))
            s.page = s.number = 0
            append(s)
    return out


def _top_left(s: _Line) -> tuple[float, float]:
    return (-s.top, s.left)


def _merge_row(row: list[_Line]) -> _Line:
    row.sort(key=lambda s: s.left)
    text = row[0].text.strip()
    for prev, s in zip(row, row[1:]):
        gap = s.left - prev.right
        text += (" " if gap > 0.15 * max(s.height, 1.0) else "") + s.text.strip()
    return _Line(
        collapse_ws(text.replace("\n", " ")),
        row[0].left,
        min(s.bottom for s in row),
        max(s.right for s in row),
        max(s.top for s in row),
        row[0].column,
        bold=all(s.bold for s in row),
    )


def _find_gutter(segs: list[_Line]) -> float | None:
    """Return the x of a vertical gap separating two text columns, or None.

    The gap is the widest run of x positions in the middle of the text block
    crossed by at most a few lines (a title or a full-width paragraph may
    cross it; they are read in place by ``_column_order``).
    """
    if len(segs) < 6:
        return None
    x0 = min(s.left for s in segs)
    x1 = max(s.right for s in segs)
    width = x1 - x0
    if width < 50:
        return None
    xs = np.arange(x0 + 0.25 * width, x0 + 0.75 * width, 1.0)
    limit = max(1, int(0.15 * len(segs)))
    # Lines crossing the whole middle cross every x in it: more than `limit`
    # of them (a one-column page) and no x can be free.
    first, last = float(xs[0]), float(xs[-1])
    if sum(1 for s in segs if s.left < first and s.right > last) > limit:
        return None
    lefts = np.fromiter((s.left for s in segs), float, len(segs))
    rights = np.fromiter((s.right for s in segs), float, len(segs))
    crossing = ((lefts[:, None] < xs) & (rights[:, None] > xs)).sum(axis=0)
    free = crossing <= limit
    best: tuple[float, float] | None = None
    run_start = None
    for x, ok in zip(xs.tolist() + [None], free.tolist() + [False]):
        if ok and run_start is None:
            run_start = x
        elif not ok and run_start is not None:
            end = x if x is not None else xs[-1] + 1.0
            if end - run_start >= 6 and (best is None or end - run_start > best[1] - best[0]):
                best = (run_start, end)
            run_start = None
    if best is None:
        return None
    gx = (best[0] + best[1]) / 2
    left_segs = [s for s in segs if s.right <= gx]
    right_segs = [s for s in segs if s.left >= gx]
    crossing = len(segs) - len(left_segs) - len(right_segs)
    if len(left_segs) < 3 or len(right_segs) < 3 or crossing > 0.25 * len(segs):
        return None
    # Text columns are filled lines; a table's columns are mostly short cells.
    if median(s.right - s.left for s in left_segs) < 0.5 * (gx - x0):
        return None
    if median(s.right - s.left for s in right_segs) < 0.5 * (x1 - gx):
        return None
    return gx


def _column_order(segs: list[_Line], gx: float) -> list[_Line]:
    """Full-width lines in place; between them, the left column, then the right."""
    out: list[_Line] = []
    band: list[_Line] = []
    for s in sorted(segs, key=lambda s: -s.top):
        if s.left < gx < s.right:
            out.extend(_band_lines(band, gx))
            band = []
            s.column = 0
            out.extend(_group_lines([s]))
        else:
            band.append(s)
    out.extend(_band_lines(band, gx))
    return out


def _band_lines(band: list[_Line], gx: float) -> list[_Line]:
    left = [s for s in band if s.right <= gx]
    right = [s for s in band if s.right > gx]
    lines = []
    for column, segs in ((1, left), (2, right)):
        for s in segs:
            s.column = column
        lines.extend(_group_lines(segs))
    return lines


# --- running headers / footers ---------------------------------------------


def _key(text: str) -> str:
    return _DIGITS_RE.sub("#", collapse_ws(text).lower())


def _drop_running_lines(pages: list[list[_Line]], heights: list[float]) -> None:
    """Remove page numbers and lines repeated at the top/bottom of most pages (in place).

    A line counts as repeated when it is among the top or bottom three lines
    of at least half of the pages, in the page margin, with the same text
    (outer 12% of the page) or the same text once digits are masked ("Page 3
    of 7"; outer 8%). Body text rarely sits that close to the edge.
    """
    exact: dict[str, int] = {}
    masked: dict[str, int] = {}
    zones = []
    for lines, height in zip(pages, heights):
        by_y = sorted(lines, key=lambda s: -s.top)
        zone = by_y[:3] + by_y[3:][-3:]
        margin = [s for s in zone if s.bottom > 0.88 * height or s.top < 0.12 * height]
        outer = [s for s in margin if s.bottom > 0.92 * height or s.top < 0.08 * height]
        zones.append((by_y, margin, outer))
        for key in {collapse_ws(s.text) for s in margin}:
            exact[key] = exact.get(key, 0) + 1
        for key in {_key(s.text) for s in outer}:
            masked[key] = masked.get(key, 0) + 1
    n = sum(1 for lines in pages if lines)
    threshold = max(2, (n + 1) // 2)
    for lines, (by_y, zone, outer) in zip(pages, zones):
        edge = {id(s) for s in by_y[:2] + by_y[2:][-2:]}
        outer_ids = {id(s) for s in outer}
        drop = set()
        for s in zone:
            key = _key(s.text)
            if exact[collapse_ws(s.text)] >= threshold or (id(s) in outer_ids and masked[key] >= threshold):
                drop.add(id(s))
            elif id(s) in edge and _PAGE_NUMBER_RE.match(key):
                drop.add(id(s))
        if drop:
            lines[:] = [s for s in lines if id(s) not in drop]


# --- lines -> blocks -----------------------------------------------------------


def _blocks(pages: list[list[_Line]]) -> tuple[Block, ...]:
    blocks: list[Block] = []
    current: list[_Line] = []
    kind = PARAGRAPH
    bullet_match = BULLET_RE.match

    def flush():
        nonlocal current
        if current:
            block = _make(kind, current, body_height)
            if block is not None:
                blocks.append(block)
        current = []

    for lines in pages:
        if not lines:
            continue
        body_height = median([s.top - s.bottom for s in lines])
        leading = _typical_leading(lines)
        right_edge = max([s.right for s in lines])
        # Per-page thresholds of _continues, computed once.
        step_limit = 1.3 * leading + 0.5 if leading else None
        size_tol = 0.3 * max(body_height, 1.0)
        for line in lines:
            text = line.text
            m = bullet_match(text)  # _bullet(line.text)[1], without slicing the text
            bullet = m is not None and m.end() < len(text)
            if current and not bullet and _continues(current, line, kind, step_limit, right_edge, size_tol):
                current.append(line)
                continue
            flush()
            kind = LIST_ITEM if bullet else PARAGRAPH if line.cell is None else TABLE_CELL
            current = [line]
    flush()
    return tuple(blocks)


def _bullet(text: str) -> tuple[str, bool]:
    m = BULLET_RE.match(text)
    return (text[m.end():], True) if m and m.end() < len(text) else (text, False)


def _typical_leading(lines: list[_Line]) -> float:
    steps = []
    a = None
    for b in lines:
        if a is not None and a.column == b.column:
            step = a.top - b.top
            if 0 < step < 3 * max(a.top - a.bottom, 1.0):
                steps.append(step)
        a = b
    return median(steps) if steps else 0.0


def _continues(current: list[_Line], line: _Line, kind: str, step_limit: float | None, right_edge: float,
               size_tol: float) -> bool:
    """``step_limit`` is 1.3 * leading + 0.5 (None without a typical leading),
    ``size_tol`` 0.3 * max(body height, 1)."""
    prev = current[-1]
    first = current[0]
    text = line.text
    if prev.cell is not None or line.cell is not None:
        return _continues_in_cell(prev, first, line, kind, step_limit)
    if prev.page != line.page or prev.column != line.column:
        # Across a page break or column change: only if the sentence clearly goes on.
        return kind != HEADING and clearly_continues(prev.text, text)
    step = prev.top - line.top
    if step <= 0 or (step_limit is not None and step > step_limit):
        return False
    if abs((line.top - line.bottom) - (prev.top - prev.bottom)) > size_tol and not clearly_continues(prev.text, text):
        return False  # font size change: heading / body boundary
    if prev.bold != line.bold and _bold_title(current if prev.bold else [line]):
        return False  # a bold title line next to regular text: heading / body boundary
    short_prev = prev.right < right_edge - 0.2 * max(right_edge - first.left, 1.0)
    if short_prev and ends_sentence(prev.text) and not text[:1].islower():
        return False
    if len(current) == 1 and short_prev and looks_like_heading(prev.text) and not text[:1].islower():
        return False
    if kind == LIST_ITEM and line.left <= first.left + 2 and not text[:1].islower():
        return False
    return True


def _continues_in_cell(prev: _Line, first: _Line, line: _Line, kind: str, step_limit: float | None) -> bool:
    """Inside a table cell a line goes on with the item before only where the
    text clearly does (``textfix.continues_item``), or as the hanging indent
    of a bulleted item. Cells are narrow, so a full-looking line says
    nothing: "Working with mandated clients" / "Motivational Interviewing"
    are two topics of one week, not one."""
    cell = line.cell
    if cell is None or prev.cell != cell or prev.page != line.page:  # equal boxes on two pages are two cells
        return False
    step = prev.top - line.top
    if step <= 0 or (step_limit is not None and step > step_limit):
        return False
    if kind == LIST_ITEM and line.left > first.left + 2:
        return True  # the hanging indent of a bulleted item
    return continues_item(prev.text, line.text)


def _bold_title(lines: list[_Line]) -> bool:
    """One or two bold lines that read like a title (short, no final punctuation)."""
    if not lines or len(lines) > 2 or not all(s.bold for s in lines):
        return False
    text = " ".join(s.text for s in lines).strip()
    return (0 < len(text.split()) <= 12 and not text.endswith((".", ",", ";", ":"))
            and any(c.isalpha() for c in text))


def _make(kind: str, lines: list[_Line], body_height: float) -> Block | None:
    parts = [(s.text, s.page, s.number) for s in lines]
    if kind == TABLE_CELL and len(lines) > 1 and cell_item_kind(p[0] for p in parts) == PARAGRAPH:
        # Running text wrapped inside a cell (a layout table around a course
        # description) is read as a paragraph, sentence by sentence, as it
        # would be outside the table; it never becomes a heading.
        return make_block(PARAGRAPH, parts, collapsed=True)
    if kind == LIST_ITEM:
        parts[0] = (_bullet(parts[0][0])[0], parts[0][1], parts[0][2])
    elif kind == PARAGRAPH and len(lines) <= 2:
        text = " ".join(s.text for s in lines)
        big = min(s.height for s in lines) > 1.2 * body_height
        if ((big and looks_like_heading(text, 20)) or (len(lines) == 1 and looks_like_heading(text))
                or _bold_title(lines)):
            kind = HEADING
    # Line texts are collapse_ws output (_group_lines/_merge_row); a bullet's
    # remainder is a suffix of one that starts at a non-space.
    return make_block(kind, parts, collapsed=True)
