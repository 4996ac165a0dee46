"""Extraction stage: one file -> ExtractedDocument (blocks with page/line anchors).

``extract_file(abs_path, rel_path)`` never raises for a bad file; it returns a
document whose ``status`` says why there is no text (see ``types.STATUSES``).
The format is chosen from the file's content (magic bytes) as well as its
suffix, then the extractor in ``EXTRACTORS`` is called.

Line-number conventions (``Anchor.page`` / ``Anchor.line``):

- PDF: page = 1-based page number; line = 1-based number of the line among the
  non-empty text lines of that page, in the reading order extracted (columns
  read left then right; running headers/footers are counted even though they
  are dropped from the text).
- DOCX: page = None; line = 1-based ordinal of the paragraph (``w:p``, empty
  ones included) in reading order: body paragraphs and table-cell paragraphs
  in document order, each text-box paragraph right after the paragraph that
  anchors it; then header paragraphs, then footer paragraphs, then footnotes.
- HTML: page = None; line = source line of the element holding the text
  (lxml ``sourceline``, 1-based).
- TXT / Markdown: page = None; line = 1-based source line (a CRLF, LF or lone
  CR each end a line). In Markdown, HTML blocks keep their source lines.
- RTF: page = None; line = 1-based paragraph ordinal (``rtf.py``).
- ODT: page = None; line = 1-based paragraph ordinal; ODP/ODS: page = slide /
  sheet number, line counted per slide / sheet (``odf.py``).
- PPTX: page = slide number; line = paragraph ordinal on the slide (``slides.py``).
- XLSX: page = sheet number; line = row number (``sheet.py``).
- EPUB: page = position of the chapter file in the spine; line = its source line.
- DOC: through antiword (line = paragraph ordinal) or LibreOffice (as DOCX).
- OCR'd PDF pages: page = PDF page; line = OCR line ordinal on the page; the
  blocks carry ``ocr_confidence`` (``ocr.py``).

Limits (``limits.py``): files over ``limits.MAX_FILE_BYTES`` (200 MB) get
``too_large`` without being opened; zip-based formats are checked for member
count, total and per-member uncompressed size and compression ratio before
anything is decompressed; XML is parsed without entity expansion or DTDs.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path
from typing import Callable

import importlib

from ...types import CORRUPT, EMPTY, ENCRYPTED, OK, TOO_LARGE, UNSUPPORTED, ExtractedDocument

Extractor = Callable[..., ExtractedDocument]

def _lazy(module: str, name: str) -> Extractor:
    """The extractor ``name`` of ``module``, imported on its first call: the
    format libraries (pypdfium2, lxml, ...) cost start-up time that a run
    reading no such file (``check`` on a text file, a warm re-scan) need not pay."""
    def extractor(*args, **kwargs) -> ExtractedDocument:
        return getattr(importlib.import_module(f".{module}", __name__), name)(*args, **kwargs)

    extractor.__name__ = extractor.__qualname__ = name
    extractor.module = f"{__name__}.{module}"  # what to import ahead (before forking workers)
    return extractor


# The registry: format name -> extractor(abs_path, rel_path[, ocr=...]).
EXTRACTORS: dict[str, Extractor] = {
    "pdf": _lazy("pdf", "extract_pdf"),
    "docx": _lazy("word", "extract_docx"),
    "html": _lazy("web", "extract_html"),
    "markdown": _lazy("markdown", "extract_markdown"),
    "text": _lazy("plain", "extract_text"),
    "rtf": _lazy("rtf", "extract_rtf"),
    "odt": _lazy("odf", "extract_odf"),
    "odp": _lazy("odf", "extract_odf"),
    "ods": _lazy("odf", "extract_odf"),
    "pptx": _lazy("slides", "extract_pptx"),
    "xlsx": _lazy("sheet", "extract_xlsx"),
    "epub": _lazy("epub", "extract_epub"),
    "doc": _lazy("legacy", "extract_doc"),
}
# Extractors that take the ``ocr`` keyword.
OCR_FORMATS = frozenset({"pdf"})

_SUFFIX_FORMAT = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".docm": "docx",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".text": "text",
}
_ZIP_SUFFIX = {  # formats that must be zip archives
    ".docx": "docx", ".docm": "docx", ".odt": "odt", ".odp": "odp", ".ods": "ods",
    ".pptx": "pptx", ".pptm": "pptx", ".xlsx": "xlsx", ".xlsm": "xlsx", ".epub": "epub",
}
_UNSUPPORTED_SUFFIX = {
    ".doc": ("doc", "file has a .doc suffix but is not a Word document (no OLE2 header)"),
    ".rtf": ("rtf", "file has a .rtf suffix but does not start with an RTF header"),
}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


# Part of the cache key of stored extractions, with a digest of the
# extractors' source (pipeline.cache.extractor_digest), so code edits need no
# bump; bump it when extraction output changes for another reason (a library).
EXTRACTOR_VERSION = "3"

def extract_file(
    abs_path: str | os.PathLike, rel_path: str, ocr: bool = False, max_bytes: int | None = None
) -> ExtractedDocument:
    """Extract one file; never raises for a bad file (the status says what went wrong).

    ``ocr``: OCR PDF pages that have no text layer (needs Tesseract).
    ``max_bytes``: size limit (default ``limits.MAX_FILE_BYTES``); bigger files get ``too_large``.
    """
    from . import limits  # imports lxml: only when a file is read

    path = Path(abs_path)
    too_large = limits.file_too_large(path, max_bytes)
    if too_large:
        suffix = path.suffix.lower()
        fmt = _SUFFIX_FORMAT.get(suffix) or _ZIP_SUFFIX.get(suffix) or suffix.lstrip(".") or "unknown"
        return ExtractedDocument(rel_path, fmt, TOO_LARGE, too_large)
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except OSError as exc:
        return ExtractedDocument(rel_path, "unknown", CORRUPT, f"cannot read file: {exc.strerror or exc}")
    fmt, problem = sniff_format(path, head)
    if problem is not None:
        status, reason = problem
        return ExtractedDocument(rel_path, fmt, status, reason)
    kwargs = {"ocr": True} if ocr and fmt in OCR_FORMATS else {}
    try:
        doc = EXTRACTORS[fmt](str(path), rel_path, **kwargs)
    except (MemoryError, RecursionError) as exc:
        return ExtractedDocument(rel_path, fmt, CORRUPT, f"file too complex to read: {type(exc).__name__}")
    except limits.UnsafeArchive as exc:
        return ExtractedDocument(rel_path, fmt, CORRUPT, str(exc))
    except Exception as exc:  # noqa: BLE001 - a bad file must never stop a batch
        return ExtractedDocument(rel_path, fmt, CORRUPT, f"unreadable {fmt} file: {type(exc).__name__}: {_short(exc)}")
    if doc.status == OK and not any(b.text.strip() for b in doc.blocks):
        return ExtractedDocument(rel_path, doc.format, EMPTY, "no text found in the document", pages=doc.pages)
    return doc


def sniff_format(path: Path, head: bytes) -> tuple[str, tuple[str, str] | None]:
    """Decide the format from content and suffix: (format, None) or (format, (status, reason))."""
    suffix = path.suffix.lower()
    by_suffix = _SUFFIX_FORMAT.get(suffix)
    if not head:
        return by_suffix or suffix.lstrip(".") or "unknown", (EMPTY, "file is empty (0 bytes)")
    if b"%PDF" in head[:1024]:
        return "pdf", None
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _sniff_zip(path, suffix)
    if head.startswith(_OLE_MAGIC):
        return _sniff_ole(path, suffix)
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        return "rtf", None
    if _looks_like_html(head):
        return "html", None
    if by_suffix == "pdf":
        return "pdf", (CORRUPT, f"file has a .pdf suffix but is not a PDF (starts with {head[:8]!r})")
    if suffix in _ZIP_SUFFIX:
        fmt = _ZIP_SUFFIX[suffix]
        return fmt, (CORRUPT, f"file has a {suffix} suffix but is not a zip archive (damaged or mislabelled)")
    if suffix in _UNSUPPORTED_SUFFIX:
        fmt, reason = _UNSUPPORTED_SUFFIX[suffix]
        return fmt, (UNSUPPORTED, reason)
    if by_suffix in ("html", "markdown", "text"):
        return by_suffix, None
    if _is_text(head):
        return "text", None
    return suffix.lstrip(".") or "unknown", (UNSUPPORTED, "unknown binary format")


def _sniff_zip(path: Path, suffix: str) -> tuple[str, tuple[str, str] | None]:
    from . import limits

    by_suffix = _ZIP_SUFFIX.get(suffix, suffix.lstrip(".") or "zip")
    try:
        limits.precheck_zip(path)
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            mimetype = limits.read_member(zf, "mimetype", 200) if "mimetype" in names else b""
    except limits.UnsafeArchive as exc:
        return by_suffix, (CORRUPT, str(exc))
    except limits.ZIP_ERRORS as exc:
        return by_suffix, (CORRUPT, f"file is a damaged zip archive: {_short(exc)}")
    if "word/document.xml" in names:
        return "docx", None
    if "ppt/presentation.xml" in names:
        return "pptx", None
    if "xl/workbook.xml" in names:
        return "xlsx", None
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        kind = mimetype.decode("ascii", "replace").strip().rsplit(".", 1)[-1]
        fmt = {"text": "odt", "presentation": "odp", "spreadsheet": "ods"}.get(kind.split("-")[0])
        if fmt:
            return fmt, None
        return "odf", (UNSUPPORTED, f"OpenDocument {kind} files are not supported (only text, presentation, spreadsheet)")
    if mimetype.startswith(b"application/epub+zip") or "META-INF/container.xml" in names and suffix == ".epub":
        return "epub", None
    if suffix in (".odt", ".odp", ".ods") and "content.xml" in names:
        return _ZIP_SUFFIX[suffix], None
    if suffix in _ZIP_SUFFIX:
        part = {"docx": "word/document.xml", "pptx": "ppt/presentation.xml", "xlsx": "xl/workbook.xml"}.get(by_suffix)
        what = f"is missing {part}" if part else "is not a valid " + suffix + " file"
        return by_suffix, (CORRUPT, f"{suffix.lstrip('.').upper()} archive {what}")
    return "zip", (UNSUPPORTED, "zip archive (not an office document) is not supported")


def _sniff_ole(path: Path, suffix: str) -> tuple[str, tuple[str, str] | None]:
    # A password-protected .docx is an OLE2 container with an EncryptedPackage stream.
    try:
        with open(path, "rb") as fh:
            data = fh.read(2_000_000)
    except OSError:
        data = b""
    if "EncryptedPackage".encode("utf-16-le") in data:
        return "docx", (ENCRYPTED, "Office document is password-protected (encrypted)")
    if suffix in (".xls", ".ppt", ".msg", ".pub", ".vsd"):
        return suffix.lstrip("."), (UNSUPPORTED, "legacy Office (OLE2) format is not supported; convert to PDF")
    return "doc", None


def _looks_like_html(head: bytes) -> bool:
    start = head[:1024]
    if start.startswith((b"\xff\xfe", b"\xfe\xff")):
        start = start.decode("utf-16", "ignore").encode("utf-8", "ignore")
    text = start.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    while text.startswith((b"<?xml", b"<!--")):
        end = text.find(b"-->" if text.startswith(b"<!--") else b"?>")
        if end < 0:
            return False
        text = text[end + 3 :].lstrip()
    return text.startswith((b"<!doctype html", b"<html"))


def _is_text(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return True
    if b"\x00" in head:
        return False
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls <= 0.05 * len(head)


def _short(exc: BaseException, limit: int = 120) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


__all__ = ["EXTRACTORS", "OCR_FORMATS", "extract_file", "sniff_format"]
