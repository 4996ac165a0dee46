"""OCR for PDF pages without a text layer: pypdfium2 renders, Tesseract reads.

Only used when asked (``extract_file(..., ocr=True)``, the CLI's ``--ocr``) and
when both the ``tesseract`` program and the ``pytesseract`` package are
installed (``unavailable_reason`` says which is missing).

Per page: render at ``DPI`` (fewer dots for huge pages, so a page never
exceeds ``MAX_PIXELS``), run ``image_to_data`` (word boxes with confidences),
and if the result is poor try the other orientations: the one Tesseract's
orientation detection (OSD) proposes, or 90/270/180 degrees when OSD cannot
tell; the orientation with the best mean word confidence wins. Words below
``MIN_WORD_CONFIDENCE`` are dropped (handwriting and specks give low-confidence
noise). Tesseract's paragraphs become blocks; each block carries
``ocr_confidence``, the mean confidence (0-100) of its words.

Provenance: page is the 1-based PDF page; line is the 1-based ordinal of the
OCR text line on that page (top to bottom as Tesseract reads it).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field, replace

from ...types import HEADING, LIST_ITEM, PARAGRAPH, Block
from .textfix import clean_text, collapse_ws, looks_like_heading, make_block, strip_bullet

DPI = 300
MAX_PIXELS = 40_000_000  # per rendered page (about A3 at 300 dpi)
MIN_WORD_CONFIDENCE = 30.0
GOOD_CONFIDENCE = 70.0  # an upright result at least this good is kept without trying rotations
PAGE_TIMEOUT = 120  # seconds per Tesseract call
LANGUAGES = "eng"  # Tesseract language codes joined by "+", e.g. "eng+deu"
INSTALL_HINT = "apt-get install tesseract-ocr; pip install pytesseract"


def unavailable_reason() -> str | None:
    """None when OCR can run; else what is missing (and how to install it)."""
    try:
        import pytesseract  # noqa: F401
    except ImportError:
        return "the pytesseract package is not installed (pip install 'syllabus-audit[ocr]')"
    if not shutil.which("tesseract"):
        return "Tesseract is not installed (apt-get install tesseract-ocr)"
    return None


@dataclass
class PageOcr:
    page: int
    blocks: list[Block] = field(default_factory=list)
    confidence: float | None = None  # mean confidence of the kept words
    words: int = 0
    rotation: int = 0  # degrees the rendered page was turned clockwise
    error: str = ""


def ocr_pdf_page(page, page_no: int) -> PageOcr:
    """OCR one pypdfium2 page; never raises (``error`` says what failed)."""
    try:
        width, height = page.get_size()
        scale = DPI / 72
        if width * height * scale * scale > MAX_PIXELS:
            scale = (MAX_PIXELS / max(width * height, 1.0)) ** 0.5
        image = page.render(scale=scale, grayscale=True).to_pil()
    except Exception as exc:  # noqa: BLE001 - a page that cannot render is just not OCR'd
        return PageOcr(page_no, error=f"page {page_no} could not be rendered: {type(exc).__name__}")
    return ocr_image(image, page_no)


def ocr_image(image, page_no: int) -> PageOcr:
    """OCR a PIL image in the best orientation (OSD first; other angles when the result is poor)."""
    import pytesseract

    try:
        osd_angle = _osd_angle(image)
        tried: list[int] = []
        best: PageOcr | None = None
        for angle in ([osd_angle] if osd_angle is not None else []) + [0, 90, 270, 180]:
            if angle in tried:
                continue
            tried.append(angle)
            result = _read(image.rotate(-angle, expand=True) if angle else image, page_no, angle)
            if best is None or _score(result) > _score(best):
                best = result
            if best.confidence is not None and best.confidence >= GOOD_CONFIDENCE and best.words >= 5:
                break
            if osd_angle is not None and len(tried) >= 2:
                break  # OSD's angle and upright: enough
        return best
    except (RuntimeError, OSError, pytesseract.TesseractError) as exc:  # timeout, crash, missing language
        return PageOcr(page_no, error=f"OCR failed on page {page_no}: {' '.join(str(exc).split())[:120]}")


def _score(r: PageOcr) -> float:
    if r.confidence is None:
        return -1.0
    return r.confidence * min(r.words, 10) / 10  # a few confident specks do not beat a page of text


def _osd_angle(image) -> int | None:
    """Tesseract's orientation detection: degrees to turn the image clockwise, or None if unsure."""
    import pytesseract

    try:
        osd = pytesseract.image_to_osd(image, output_type=pytesseract.Output.DICT, timeout=PAGE_TIMEOUT)
        if float(osd.get("orientation_conf", 0)) < 1.0:
            return None
        return int(osd.get("rotate", 0)) % 360
    except (RuntimeError, OSError, ValueError, TypeError, pytesseract.TesseractError):
        return None  # "too few characters" etc.


def _read(image, page_no: int, rotation: int) -> PageOcr:
    import pytesseract

    data = pytesseract.image_to_data(image, lang=LANGUAGES, output_type=pytesseract.Output.DICT, timeout=PAGE_TIMEOUT)
    paragraphs: dict[tuple, dict[tuple, list[tuple[str, float]]]] = {}
    for i, word in enumerate(data["text"]):
        word = collapse_ws(clean_text(word or ""))
        try:
            conf = float(data["conf"][i])
        except (TypeError, ValueError):
            continue
        if not word or conf < MIN_WORD_CONFIDENCE:
            continue
        key = (data["block_num"][i], data["par_num"][i])
        line_key = key + (data["line_num"][i],)
        paragraphs.setdefault(key, {}).setdefault(line_key, []).append((word, conf))
    blocks: list[Block] = []
    confs: list[float] = []
    line_no = 0
    for lines in paragraphs.values():
        parts, para_confs = [], []
        for words in lines.values():
            line_no += 1
            parts.append((" ".join(w for w, _ in words), page_no, line_no))
            para_confs.extend(c for _, c in words)
        kind = PARAGRAPH
        first, bullet = strip_bullet(parts[0][0])
        if bullet:
            kind, parts[0] = LIST_ITEM, (first, page_no, parts[0][2])
        elif len(parts) == 1 and looks_like_heading(parts[0][0]):
            kind = HEADING
        block = make_block(kind, parts)
        if block is not None:
            blocks.append(replace(block, ocr_confidence=round(sum(para_confs) / len(para_confs), 1)))
            confs.extend(para_confs)
    mean = sum(confs) / len(confs) if confs else None
    return PageOcr(page_no, blocks, mean, len(confs), rotation)
