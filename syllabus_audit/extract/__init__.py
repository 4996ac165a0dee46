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
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path
from typing import Callable

from ..types import CORRUPT, EMPTY, ENCRYPTED, OK, UNSUPPORTED, ExtractedDocument
from .markdown import extract_markdown
from .pdf import extract_pdf
from .plain import extract_text
from .web import extract_html
from .word import extract_docx

Extractor = Callable[[str, str], ExtractedDocument]

# The registry: format name -> extractor(abs_path, rel_path).
EXTRACTORS: dict[str, Extractor] = {
    "pdf": extract_pdf,
    "docx": extract_docx,
    "html": extract_html,
    "markdown": extract_markdown,
    "text": extract_text,
}

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
_UNSUPPORTED_SUFFIX = {
    ".doc": ("doc", "legacy Word .doc format is not supported; convert to .docx or PDF"),
    ".rtf": ("rtf", "RTF is not supported yet; convert to .docx or PDF"),
    ".odt": ("odt", "OpenDocument (.odt) is not supported yet; convert to .docx or PDF"),
    ".pptx": ("pptx", "PowerPoint files are not supported"),
    ".xlsx": ("xlsx", "Excel files are not supported"),
}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def extract_file(abs_path: str | os.PathLike, rel_path: str) -> ExtractedDocument:
    """Extract one file; never raises for a bad file (the status says what went wrong)."""
    path = Path(abs_path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except OSError as exc:
        return ExtractedDocument(rel_path, "unknown", CORRUPT, f"cannot read file: {exc.strerror or exc}")
    fmt, problem = sniff_format(path, head)
    if problem is not None:
        status, reason = problem
        return ExtractedDocument(rel_path, fmt, status, reason)
    try:
        doc = EXTRACTORS[fmt](str(path), rel_path)
    except (MemoryError, RecursionError) as exc:
        return ExtractedDocument(rel_path, fmt, CORRUPT, f"file too complex to read: {type(exc).__name__}")
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
        return "rtf", (UNSUPPORTED, "RTF is not supported yet; convert to .docx or PDF")
    if _looks_like_html(head):
        return "html", None
    if by_suffix == "pdf":
        return "pdf", (CORRUPT, f"file has a .pdf suffix but is not a PDF (starts with {head[:8]!r})")
    if by_suffix == "docx":
        return "docx", (CORRUPT, "file has a .docx suffix but is not a valid zip/Word file")
    if suffix in _UNSUPPORTED_SUFFIX:
        fmt, reason = _UNSUPPORTED_SUFFIX[suffix]
        return fmt, (UNSUPPORTED, reason)
    if by_suffix in ("html", "markdown", "text"):
        return by_suffix, None
    if _is_text(head):
        return "text", None
    return suffix.lstrip(".") or "unknown", (UNSUPPORTED, "unknown binary format")


def _sniff_zip(path: Path, suffix: str) -> tuple[str, tuple[str, str] | None]:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            mimetype = zf.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError) as exc:
        fmt = "docx" if suffix in (".docx", ".docm") else (suffix.lstrip(".") or "zip")
        return fmt, (CORRUPT, f"file is a damaged zip archive: {_short(exc)}")
    if "word/document.xml" in names:
        return "docx", None
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        kind = mimetype.decode("ascii", "replace").rsplit(".", 1)[-1]
        return "odf", (UNSUPPORTED, f"OpenDocument ({kind}) is not supported yet; convert to .docx or PDF")
    if suffix in (".docx", ".docm"):
        return "docx", (CORRUPT, "Word file is missing word/document.xml")
    if any(n.startswith(("ppt/", "xl/")) for n in names):
        return "ooxml", (UNSUPPORTED, "PowerPoint/Excel files are not supported")
    return "zip", (UNSUPPORTED, "zip archive (not a Word document) is not supported")


def _sniff_ole(path: Path, suffix: str) -> tuple[str, tuple[str, str] | None]:
    # A password-protected .docx is an OLE2 container with an EncryptedPackage stream.
    try:
        with open(path, "rb") as fh:
            data = fh.read(2_000_000)
    except OSError:
        data = b""
    if "EncryptedPackage".encode("utf-16-le") in data:
        return "docx", (ENCRYPTED, "Office document is password-protected (encrypted)")
    if suffix in (".xls", ".ppt"):
        return suffix.lstrip("."), (UNSUPPORTED, "legacy Office (OLE2) format is not supported")
    return "doc", (UNSUPPORTED, "legacy Word .doc format is not supported; convert to .docx or PDF")


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


__all__ = ["EXTRACTORS", "extract_file", "sniff_format"]
