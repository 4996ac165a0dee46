"""Every shared real document extracts without raising, with the expected status.

The files are third-party material: they are read from the shared folder beside
the repository and never copied into it. Skipped when the folder is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from syllabus_audit.read.extract import extract_file, legacy, ocr
from syllabus_audit.types import NEEDS_OCR, OK, UNSUPPORTED

REAL_DOCS = Path(__file__).resolve().parents[4] / "shared" / "real-docs" / "files"
SCANNED = {"pdx-mi-training-certificate-scanned.pdf", "teaching-observation-form-scanned-handwritten.pdf"}
FILES = sorted(p for p in REAL_DOCS.iterdir() if p.is_file()) if REAL_DOCS.is_dir() else []

pytestmark = pytest.mark.skipif(not FILES, reason=f"real documents not found at {REAL_DOCS}")


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_real_doc_extracts(path):
    doc = extract_file(path, path.name)
    if path.name in SCANNED:
        assert doc.status == NEEDS_OCR, doc.reason
        assert "--ocr" in doc.reason
        return
    if path.suffix == ".doc" and not legacy.converters():
        assert doc.status == UNSUPPORTED, doc.reason
        assert "apt-get install antiword" in doc.reason
        return
    assert doc.status == OK, doc.reason
    assert doc.blocks and all(b.text.strip() for b in doc.blocks)
    assert all(b.anchors and b.anchors[0].offset == 0 for b in doc.blocks)
    assert all(b.ocr_confidence is None for b in doc.blocks)
    if path.suffix == ".pdf":
        assert all(a.page is not None for b in doc.blocks for a in b.anchors)


def test_rtf_odt_and_doc_real_docs_have_structure():
    by_name = {p.name: p for p in FILES}
    rtf = extract_file(by_name["syracuse-pai721-intro-statistics.rtf"], "x.rtf")
    assert ("heading", "Course Information") in [(b.kind, b.text) for b in rtf.blocks]
    assert any(b.kind == "table_cell" for b in rtf.blocks) and any(b.kind == "list_item" for b in rtf.blocks)
    odt = extract_file(by_name["sju-com201-ethics-in-communication.odt"], "x.odt")
    assert ("heading", "Course Description") in [(b.kind, b.text) for b in odt.blocks]
    if legacy.converters():
        doc = extract_file(by_name["pdx-coun589-action-research.doc"], "x.doc")
        assert any(b.text == "Coun 589: Action Research in Counseling" for b in doc.blocks)


@pytest.mark.skipif(ocr.unavailable_reason() is not None, reason=f"OCR unavailable: {ocr.unavailable_reason()}")
@pytest.mark.parametrize("name", sorted(SCANNED))
def test_scanned_real_docs_yield_text_with_ocr(name):
    doc = extract_file(REAL_DOCS / name, name, ocr=True)
    assert doc.status == OK, doc.reason
    assert "text from OCR" in doc.reason and "read rotated" in doc.reason  # both scans lie on their side
    text = " ".join(b.text for b in doc.blocks)
    expected = {
        "pdx-mi-training-certificate-scanned.pdf": "MOTIVATIONAL INTERVIEWING",
        "teaching-observation-form-scanned-handwritten.pdf": "Teaching Approaches and/or Strategies",
    }[name]
    assert expected in text
    assert all(b.ocr_confidence is not None for b in doc.blocks)
