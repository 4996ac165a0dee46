"""OCR on request: scanned PDF pages are read with Tesseract (skipped when it is not installed)."""

from __future__ import annotations


import pytest

from syllabus_audit.read.extract import extract_file, ocr
from syllabus_audit.types import NEEDS_OCR, OK, PARAGRAPH

HAVE_TESSERACT = ocr.unavailable_reason() is None
needs_tesseract = pytest.mark.skipif(not HAVE_TESSERACT, reason=f"OCR unavailable: {ocr.unavailable_reason()}")
LINES = ("Building rapport with clients", "Repairing ruptures in the alliance")


def _scan_pdf(path, rotate: int = 0, with_text_page: bool = False):
    """A PDF whose page is only an image of text (like a scan), optionally turned; optionally a text page first."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    font = ImageFont.load_default(size=48)
    img = Image.new("L", (1700, 2200), 255)
    draw = ImageDraw.Draw(img)
    for i, line in enumerate(LINES):
        draw.text((120, 200 + 110 * i), line, font=font, fill=0)
    if rotate:
        img = img.rotate(rotate, expand=True)
    c = canvas.Canvas(str(path), pagesize=A4)
    if with_text_page:
        c.drawString(72, 760, "A typed page about the course.")
        c.showPage()
    w, h = A4
    c.drawImage(ImageReader(img), 0, 0, width=w, height=h)
    c.showPage()
    c.save()
    return path


def test_scanned_pdf_without_ocr_flag_needs_ocr_with_hint(tmp_path):
    doc = extract_file(_scan_pdf(tmp_path / "scan.pdf"), "scan.pdf")
    assert doc.status == NEEDS_OCR and "run with --ocr" in doc.reason and "tesseract-ocr" in doc.reason


def test_ocr_requested_but_tesseract_missing_keeps_needs_ocr(tmp_path, monkeypatch):
    monkeypatch.setattr(ocr, "unavailable_reason", lambda: "Tesseract is not installed (apt-get install tesseract-ocr)")
    doc = extract_file(_scan_pdf(tmp_path / "scan.pdf"), "scan.pdf", ocr=True)
    assert doc.status == NEEDS_OCR
    assert "--ocr needs Tesseract: Tesseract is not installed (apt-get install tesseract-ocr)" in doc.reason


def test_ocr_flag_does_not_change_text_pdfs(make_pdf):
    path = make_pdf("typed.pdf", [[(72, 100, "Counselling skills.")]])
    assert extract_file(path, "typed.pdf", ocr=True) == extract_file(path, "typed.pdf")


@needs_tesseract
def test_ocr_reads_a_scanned_page_and_marks_confidence(tmp_path):
    doc = extract_file(_scan_pdf(tmp_path / "scan.pdf"), "scan.pdf", ocr=True)
    assert doc.status == OK, doc.reason
    assert doc.reason.startswith("text from OCR on 1 page (mean word confidence ")
    text = " ".join(b.text for b in doc.blocks)
    for line in LINES:
        assert line in text
    assert all(b.ocr_confidence is not None and 50 <= b.ocr_confidence <= 100 for b in doc.blocks)
    assert all(a.page == 1 for b in doc.blocks for a in b.anchors)
    assert doc.blocks[0].anchors[0].line == 1


@needs_tesseract
def test_ocr_turns_a_rotated_scan_upright(tmp_path):
    doc = extract_file(_scan_pdf(tmp_path / "turned.pdf", rotate=90), "turned.pdf", ocr=True)
    assert doc.status == OK, doc.reason
    assert "read rotated" in doc.reason
    assert LINES[0] in " ".join(b.text for b in doc.blocks)


@needs_tesseract
def test_ocr_only_on_pages_without_text(tmp_path):
    doc = extract_file(_scan_pdf(tmp_path / "mixed.pdf", with_text_page=True), "mixed.pdf", ocr=True)
    assert doc.status == OK
    assert doc.blocks[0].text == "A typed page about the course." and doc.blocks[0].ocr_confidence is None
    assert doc.blocks[0].anchors[0].page == 1
    ocr_blocks = [b for b in doc.blocks if b.ocr_confidence is not None]
    assert ocr_blocks and all(b.anchors[0].page == 2 and b.kind == PARAGRAPH for b in ocr_blocks)
    assert "text from OCR on 1 page" in doc.reason
