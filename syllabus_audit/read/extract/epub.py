"""EPUB extraction: the spine's XHTML documents, read with the HTML extractor.

Through ``limits`` (zip-bomb checks, bounded reads; the package files are
parsed without entity expansion). Each spine document is read like an HTML
file (``web.html_blocks``: libxml2's HTML parser, which expands no declared
entities).

Provenance: page is the 1-based position of the document in the spine
(chapter file); line is the source line inside that file.
"""

from __future__ import annotations

import posixpath
from urllib.parse import unquote

from lxml import etree

from ...types import CORRUPT, OK, Anchor, Block, ExtractedDocument
from . import limits
from .limits import UnsafeArchive, parse_xml
from .web import decode_html, html_blocks

FORMAT = "epub"
MAX_SPINE = 2000

_CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"
_OPF = "{http://www.idpf.org/2007/opf}"


def extract_epub(abs_path: str, rel_path: str) -> ExtractedDocument:
    blocks: list[Block] = []
    try:
        with limits.open_zip(abs_path) as zf:
            names = limits.member_names(zf)
            if "META-INF/container.xml" not in names:
                return ExtractedDocument(rel_path, FORMAT, CORRUPT, "EPUB is missing META-INF/container.xml")
            container = parse_xml(limits.read_member(zf, "META-INF/container.xml"))
            rootfile = next(container.iter(_CONTAINER + "rootfile"), None)
            opf_path = rootfile.get("full-path") if rootfile is not None else None
            if not opf_path or opf_path not in names:
                return ExtractedDocument(rel_path, FORMAT, CORRUPT, "EPUB package document (OPF) not found")
            spine = _spine(parse_xml(limits.read_member(zf, opf_path)), posixpath.dirname(opf_path), names)
            for number, path in enumerate(spine[:MAX_SPINE], 1):
                text = decode_html(limits.read_member(zf, path))
                for b in html_blocks(text):
                    anchors = tuple(Anchor(a.offset, number, a.line) for a in b.anchors)
                    blocks.append(Block(b.text, b.kind, anchors))
    except UnsafeArchive as exc:
        return ExtractedDocument(rel_path, FORMAT, CORRUPT, str(exc))
    except etree.XMLSyntaxError as exc:
        return ExtractedDocument(rel_path, FORMAT, CORRUPT, f"damaged XML in EPUB: {exc}")
    except limits.ZIP_ERRORS as exc:
        return ExtractedDocument(rel_path, FORMAT, CORRUPT, f"not a valid EPUB: {exc}")
    return ExtractedDocument(rel_path, FORMAT, OK, blocks=tuple(blocks), pages=len(spine))


def _spine(opf: etree._Element, folder: str, names: set[str]) -> list[str]:
    items = {}
    for item in opf.iter(_OPF + "item"):
        href = item.get("href")
        if href and "html" in (item.get("media-type") or ""):
            items[item.get("id")] = posixpath.normpath(posixpath.join(folder, unquote(href.split("#")[0])))
    out = []
    for ref in opf.iter(_OPF + "itemref"):
        path = items.get(ref.get("idref"))
        if path and path in names and path not in out:
            out.append(path)
    return out
