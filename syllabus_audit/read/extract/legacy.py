"""Legacy Word ``.doc`` (Word 97-2003, OLE2) through an external converter, when installed.

1. ``antiword -x db`` (small, fast, ``apt-get install antiword``): DocBook XML,
   read for paragraphs, section titles (headings), list items and table
   entries. Provenance: page None; line = 1-based ordinal of the paragraph
   (``para``/``title``/table ``entry``) in that output.
2. else LibreOffice (``soffice --headless --convert-to docx`` into a temporary
   folder, with its own throw-away profile), then the DOCX extractor
   (provenance as for DOCX).
3. neither installed (or both failed): ``unsupported`` with a reason that says
   what to install.

Each converter runs with a timeout (``CONVERT_TIMEOUT`` seconds) and its
output is bounded; the XML is parsed without entity expansion or DTD loading.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from lxml import etree

from ...types import CORRUPT, ENCRYPTED, HEADING, LIST_ITEM, OK, PARAGRAPH, TABLE_CELL, UNSUPPORTED, Block, ExtractedDocument
from .limits import parse_xml
from .textfix import clean_text, make_block, strip_bullet
from .word import extract_docx

FORMAT = "doc"
CONVERT_TIMEOUT = 120  # seconds per converter run
MAX_OUTPUT_BYTES = 100 * 2**20
INSTALL_HINT = "install antiword (apt-get install antiword) or LibreOffice (apt-get install libreoffice-writer)"
_SOFFICE_NAMES = ("soffice", "libreoffice")


def converters() -> list[str]:
    """Names of the .doc converters found on PATH, in the order they are tried."""
    found = []
    if shutil.which("antiword"):
        found.append("antiword")
    if any(shutil.which(n) for n in _SOFFICE_NAMES):
        found.append("soffice")
    return found


def extract_doc(abs_path: str, rel_path: str) -> ExtractedDocument:
    tools = converters()
    if not tools:
        return ExtractedDocument(
            rel_path, FORMAT, UNSUPPORTED, f"legacy Word .doc needs a converter: {INSTALL_HINT}; or convert to .docx or PDF"
        )
    problems = []
    for tool in tools:
        doc = _antiword(abs_path, rel_path) if tool == "antiword" else _soffice(abs_path, rel_path)
        if doc.status in (OK, ENCRYPTED):
            return doc
        problems.append(f"{tool}: {doc.reason}")
    return ExtractedDocument(rel_path, FORMAT, CORRUPT, "could not convert .doc (" + "; ".join(problems) + ")")


def _antiword(abs_path: str, rel_path: str) -> ExtractedDocument:
    try:
        proc = subprocess.run(
            ["antiword", "-x", "db", abs_path],
            capture_output=True, timeout=CONVERT_TIMEOUT, check=False, stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        return ExtractedDocument(rel_path, FORMAT, CORRUPT, f"antiword timed out after {CONVERT_TIMEOUT} s")
    except OSError as exc:
        return ExtractedDocument(rel_path, FORMAT, CORRUPT, f"antiword failed to run: {exc}")
    err = proc.stderr.decode("utf-8", "replace").strip()
    if "encrypt" in err.lower() or "password" in err.lower():
        return ExtractedDocument(rel_path, FORMAT, ENCRYPTED, "Word document is password-protected (encrypted)")
    if proc.returncode != 0 or not proc.stdout.strip():
        return ExtractedDocument(rel_path, FORMAT, CORRUPT, (err.splitlines() or ["no output"])[0][:200])
    if len(proc.stdout) > MAX_OUTPUT_BYTES:
        return ExtractedDocument(rel_path, FORMAT, CORRUPT, "converted text is too large")
    try:
        root = parse_xml(proc.stdout, allow_dtd=True)  # antiword's DocBook DOCTYPE (never loaded)
    except etree.XMLSyntaxError as exc:
        return ExtractedDocument(rel_path, FORMAT, CORRUPT, f"antiword produced damaged XML: {exc}")
    return ExtractedDocument(rel_path, FORMAT, OK, blocks=tuple(docbook_blocks(root)))


def docbook_blocks(root: etree._Element) -> list[Block]:
    """Blocks from antiword's DocBook: para, title (heading), listitem paras, table entries."""
    blocks: list[Block] = []
    count = 0
    skip = {"bookinfo", "colspec"}
    stack = [(iter(root), False)]
    while stack:
        it, listed = stack[-1]
        el = next(it, None)
        if el is None:
            stack.pop()
            continue
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag or tag in skip or (tag == "title" and el.getparent() is root):
            continue  # the book title is the file's metadata title, not its text
        if tag in ("para", "title", "entry"):
            count += 1
            text = clean_text("".join(el.itertext())).strip()
            if not text or text == "[pic]":
                continue
            kind = {"title": HEADING, "entry": TABLE_CELL}.get(tag, LIST_ITEM if listed else PARAGRAPH)
            if kind == PARAGRAPH:
                stripped, bullet = strip_bullet(text)
                if bullet:
                    text, kind = stripped, LIST_ITEM
            block = make_block(kind, [(text, None, count)])
            if block is not None:
                blocks.append(block)
        else:
            stack.append((iter(el), listed or tag == "listitem"))
    return blocks


def _soffice(abs_path: str, rel_path: str) -> ExtractedDocument:
    exe = next(shutil.which(n) for n in _SOFFICE_NAMES if shutil.which(n))
    with tempfile.TemporaryDirectory(prefix="syllabus-audit-doc-") as tmp:
        profile = Path(tmp, "profile").as_uri()
        src = Path(tmp, "in.doc")
        try:
            shutil.copyfile(abs_path, src)  # a plain name: soffice chokes on some paths
            proc = subprocess.run(
                [exe, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                 "--convert-to", "docx", "--outdir", tmp, str(src)],
                capture_output=True, timeout=CONVERT_TIMEOUT, check=False, stdin=subprocess.DEVNULL,
                env={**os.environ, "HOME": tmp},
            )
        except subprocess.TimeoutExpired:
            return ExtractedDocument(rel_path, FORMAT, CORRUPT, f"LibreOffice timed out after {CONVERT_TIMEOUT} s")
        except OSError as exc:
            return ExtractedDocument(rel_path, FORMAT, CORRUPT, f"LibreOffice failed to run: {exc}")
        out = Path(tmp, "in.docx")
        if not out.is_file():
            err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
            return ExtractedDocument(rel_path, FORMAT, CORRUPT, "LibreOffice could not convert it" + (f": {err[0][:200]}" if err else ""))
        doc = extract_docx(str(out), rel_path)
    return ExtractedDocument(rel_path, FORMAT, doc.status, doc.reason, doc.blocks, doc.pages)
