"""extract_file: format sniffing by content and suffix, and statuses for odd files."""

from __future__ import annotations

from syllabus_audit.read.extract import EXTRACTORS, extract_file, legacy
from syllabus_audit.types import CORRUPT, EMPTY, OK, STATUSES, TOO_LARGE, UNSUPPORTED

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def test_registry_lists_every_format():
    assert set(EXTRACTORS) == {
        "pdf", "docx", "html", "markdown", "text", "rtf", "odt", "odp", "ods", "pptx", "xlsx", "epub", "doc"
    }


def test_zero_byte_file_is_empty(write_file):
    doc = extract_file(write_file("nothing.pdf", b""), "nothing.pdf")
    assert doc.status == EMPTY and doc.reason == "file is empty (0 bytes)"


def test_whitespace_only_text_is_empty(write_file):
    doc = extract_file(write_file("blank.txt", "  \n\n\t\n"), "blank.txt")
    assert doc.status == EMPTY


def test_legacy_doc_without_converter_is_unsupported_with_install_hint(write_file, monkeypatch):
    monkeypatch.setattr(legacy, "converters", lambda: [])
    doc = extract_file(write_file("old.doc", OLE), "old.doc")
    assert doc.status == UNSUPPORTED and doc.format == "doc"
    assert "apt-get install antiword" in doc.reason and "libreoffice" in doc.reason


def test_broken_legacy_doc_with_converter_is_corrupt(write_file):
    if not legacy.converters():
        import pytest

        pytest.skip("no .doc converter installed")
    doc = extract_file(write_file("old.doc", OLE), "old.doc")
    assert doc.status == CORRUPT and "could not convert" in doc.reason


def test_ole_content_with_docx_suffix_is_still_detected(write_file, monkeypatch):
    monkeypatch.setattr(legacy, "converters", lambda: [])
    doc = extract_file(write_file("renamed.docx", OLE), "renamed.docx")
    assert doc.status == UNSUPPORTED and doc.format == "doc"


def test_rtf_is_read_even_with_txt_suffix(write_file):
    doc = extract_file(write_file("notes.txt", r"{\rtf1\ansi Hello}"), "notes.txt")
    assert doc.status == OK and doc.format == "rtf"
    assert [b.text for b in doc.blocks] == ["Hello"]


def test_empty_odt_content_is_empty(write_file, zip_bytes):
    data = zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})
    doc = extract_file(write_file("a.odt", data), "a.odt")
    assert doc.format == "odt" and doc.status == CORRUPT and "office:body" in doc.reason


def test_other_opendocument_kinds_are_unsupported(write_file, zip_bytes):
    data = zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.graphics", "content.xml": b"<x/>"})
    doc = extract_file(write_file("a.odg", data), "a.odg")
    assert doc.status == UNSUPPORTED and "OpenDocument" in doc.reason


def test_file_over_the_size_limit_is_too_large(write_file):
    path = write_file("big.txt", "x" * 5000)
    doc = extract_file(path, "big.txt", max_bytes=1000)
    assert doc.status == TOO_LARGE and doc.format == "text"
    assert "limit" in doc.reason and "MB" in doc.reason
    assert extract_file(path, "big.txt").status == OK  # the default limit is 200 MB


def test_size_limit_is_a_module_constant(write_file, monkeypatch):
    from syllabus_audit.read.extract import limits

    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 10)
    doc = extract_file(write_file("a.md", "# Counselling skills"), "a.md")
    assert doc.status == TOO_LARGE


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
