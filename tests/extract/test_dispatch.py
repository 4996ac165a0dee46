"""extract_file: format sniffing by content and suffix, and statuses for odd files."""

from __future__ import annotations

from syllabus_audit.extract import EXTRACTORS, extract_file
from syllabus_audit.types import CORRUPT, EMPTY, OK, STATUSES, UNSUPPORTED

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def test_registry_lists_every_format():
    assert set(EXTRACTORS) == {"pdf", "docx", "html", "markdown", "text"}


def test_zero_byte_file_is_empty(write_file):
    doc = extract_file(write_file("nothing.pdf", b""), "nothing.pdf")
    assert doc.status == EMPTY and doc.reason == "file is empty (0 bytes)"


def test_whitespace_only_text_is_empty(write_file):
    doc = extract_file(write_file("blank.txt", "  \n\n\t\n"), "blank.txt")
    assert doc.status == EMPTY


def test_legacy_doc_is_unsupported(write_file):
    doc = extract_file(write_file("old.doc", OLE), "old.doc")
    assert doc.status == UNSUPPORTED
    assert doc.reason == "legacy Word .doc format is not supported; convert to .docx or PDF"


def test_ole_content_with_docx_suffix_is_still_detected(write_file):
    doc = extract_file(write_file("renamed.docx", OLE), "renamed.docx")
    assert doc.status == UNSUPPORTED and doc.format == "doc"


def test_rtf_is_unsupported_even_with_txt_suffix(write_file):
    doc = extract_file(write_file("notes.txt", r"{\rtf1\ansi Hello}"), "notes.txt")
    assert doc.status == UNSUPPORTED and "RTF" in doc.reason


def test_odt_is_unsupported(write_file, zip_bytes):
    data = zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})
    doc = extract_file(write_file("a.odt", data), "a.odt")
    assert doc.status == UNSUPPORTED and "OpenDocument" in doc.reason


def test_pdf_content_with_wrong_suffix_is_read_as_pdf(make_pdf, write_file):
    data = make_pdf("real.pdf", [[(72, 100, "Counselling skills.")]]).read_bytes()
    doc = extract_file(write_file("mislabelled.txt", data), "mislabelled.txt")
    assert doc.format == "pdf" and doc.status == OK


def test_unknown_binary_is_unsupported(write_file):
    doc = extract_file(write_file("x.bin", b"\x89PNG\r\n\x1a\n" + bytes(200)), "x.bin")
    assert doc.status == UNSUPPORTED


def test_missing_file_does_not_raise(tmp_path):
    doc = extract_file(tmp_path / "gone.pdf", "gone.pdf")
    assert doc.status == CORRUPT and doc.status in STATUSES
    assert doc.path == "gone.pdf"
