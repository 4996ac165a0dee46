"""Every shared real document extracts without raising, with the expected status.

The files are third-party material: they are read from the shared folder beside
the repository and never copied into it. Skipped when the folder is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from syllabus_audit.extract import extract_file
from syllabus_audit.types import NEEDS_OCR, OK, UNSUPPORTED

REAL_DOCS = Path(__file__).resolve().parents[3] / "shared" / "real-docs" / "files"
SCANNED = {"pdx-mi-training-certificate-scanned.pdf", "teaching-observation-form-scanned-handwritten.pdf"}
FILES = sorted(p for p in REAL_DOCS.iterdir() if p.is_file()) if REAL_DOCS.is_dir() else []

pytestmark = pytest.mark.skipif(not FILES, reason=f"real documents not found at {REAL_DOCS}")


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_real_doc_extracts(path):
    doc = extract_file(path, path.name)
    if path.name in SCANNED:
        assert doc.status == NEEDS_OCR, doc.reason
        return
    if doc.status == UNSUPPORTED:
        assert path.suffix in {".doc", ".rtf", ".odt"}, doc.reason
        assert doc.reason
        return
    assert doc.status == OK, doc.reason
    assert doc.blocks and all(b.text.strip() for b in doc.blocks)
    assert all(b.anchors and b.anchors[0].offset == 0 for b in doc.blocks)
    if path.suffix == ".pdf":
        assert all(a.page is not None for b in doc.blocks for a in b.anchors)
