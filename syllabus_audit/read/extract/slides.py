"""PPTX extraction: slides (often course outlines) with zipfile + lxml, like word.py.

One block per text paragraph: title placeholders give headings, body
placeholders and bulleted text give list items, table cells give table
cells, other text boxes paragraphs; then the slide's speaker notes.
Date, footer and slide-number placeholders are skipped (slide chrome).

Provenance: page is the 1-based slide number in presentation order; line is
the 1-based ordinal of the ``a:p`` paragraph on that slide in reading order
(titles first, then shapes in the slide's tree order, then notes; empty
paragraphs counted).
"""

from __future__ import annotations

import posixpath
import re

from lxml import etree

from ...types import CORRUPT, HEADING, LIST_ITEM, OK, PARAGRAPH, Block, ExtractedDocument
from . import limits
from .limits import UnsafeArchive, parse_xml
from .textfix import cell_blocks, clean_text, make_block, strip_bullet

FORMAT = "pptx"
MAX_SLIDES = 5000

_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_TITLE_TYPES = frozenset(("title", "ctrTitle"))
_CHROME_TYPES = frozenset(("dt", "ftr", "sldNum", "hdr", "sldImg"))
_SLIDE_RE = re.compile(r"^ppt/slides/slide(\d+)\.xml$")


def extract_pptx(abs_path: str, rel_path: str) -> ExtractedDocument:
    """Read a .pptx into blocks, slide by slide."""
    try:
        with limits.open_zip(abs_path) as zf:
            names = limits.member_names(zf)
            slide_paths = _slide_order(zf, names)
            if not slide_paths and "ppt/presentation.xml" not in names:
                return ExtractedDocument(rel_path, FORMAT, CORRUPT, "PowerPoint file is missing ppt/presentation.xml")
            slides = []
            for path in slide_paths[:MAX_SLIDES]:
                notes_path = _notes_path(zf, names, path)
                slide = parse_xml(limits.read_member(zf, path))
                notes = parse_xml(limits.read_member(zf, notes_path)) if notes_path else None
                slides.append((slide, notes))
    except UnsafeArchive as exc:
        return ExtractedDocument(rel_path, FORMAT, CORRUPT, str(exc))
    except etree.XMLSyntaxError as exc:
        return ExtractedDocument(rel_path, FORMAT, CORRUPT, f"damaged XML in PowerPoint file: {exc}")
    except limits.ZIP_ERRORS as exc:
        return ExtractedDocument(rel_path, FORMAT, CORRUPT, f"not a valid PowerPoint file: {exc}")
    blocks: list[Block] = []
    for number, (slide, notes) in enumerate(slides, 1):
        blocks.extend(_slide_blocks(slide, notes, number))
    reason = f"only the first {MAX_SLIDES} of {len(slide_paths)} slides read" if len(slide_paths) > MAX_SLIDES else ""
    return ExtractedDocument(rel_path, FORMAT, OK, reason, blocks=tuple(blocks), pages=len(slides))


def _rels(zf, names: set[str], part: str) -> dict[str, tuple[str, str]]:
    """rId -> (type, target path in the zip) for one part."""
    folder, base = posixpath.split(part)
    rels_path = posixpath.join(folder, "_rels", base + ".rels")
    if rels_path not in names:
        return {}
    root = parse_xml(limits.read_member(zf, rels_path))
    out = {}
    for rel in root.iter(_REL + "Relationship"):
        target = rel.get("Target") or ""
        if rel.get("TargetMode") == "External":
            continue
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        out[rel.get("Id")] = (rel.get("Type") or "", path)
    return out


def _slide_order(zf, names: set[str]) -> list[str]:
    order: list[str] = []
    if "ppt/presentation.xml" in names:
        rels = _rels(zf, names, "ppt/presentation.xml")
        pres = parse_xml(limits.read_member(zf, "ppt/presentation.xml"))
        for sid in pres.iter(_P + "sldId"):
            rel = rels.get(sid.get(_R + "id"))
            if rel and rel[1] in names and rel[1] not in order:
                order.append(rel[1])
    if not order:  # no usable slide list: fall back to the file names
        found = [(int(m.group(1)), n) for n in names if (m := _SLIDE_RE.match(n))]
        order = [n for _, n in sorted(found)]
    return order


def _notes_path(zf, names: set[str], slide_path: str) -> str | None:
    for rel_type, target in _rels(zf, names, slide_path).values():
        if rel_type.endswith("/notesSlide") and target in names:
            return target
    return None


def _slide_blocks(slide: etree._Element, notes: etree._Element | None, page: int) -> list[Block]:
    shapes: list[tuple[int, etree._Element, str | None]] = []
    tree = slide.find(f"{_P}cSld/{_P}spTree")
    if tree is not None:
        for el in _shapes(tree):
            ph_type = _placeholder_type(el)
            if ph_type in _CHROME_TYPES:
                continue
            shapes.append((0 if ph_type in _TITLE_TYPES else 1, el, ph_type))
    shapes.sort(key=lambda s: s[0])  # stable: titles first, then tree order
    out: list[Block] = []
    count = 0
    for _, el, ph_type in shapes:
        if el.tag == _P + "graphicFrame":
            for tc in el.iter(_A + "tc"):
                cell = []
                for p in tc.iter(_A + "p"):
                    count += 1
                    text = _para_text(p)
                    if text:
                        cell.append((text, page, count))
                out.extend(cell_blocks(cell))
            continue
        body = el.find(_P + "txBody")
        if body is None:
            continue
        for p in body.iter(_A + "p"):
            count += 1
            text = _para_text(p)
            if not text:
                continue
            kind = _para_kind(p, ph_type)
            if kind != HEADING:
                stripped, bullet = strip_bullet(text)
                if bullet:
                    text, kind = stripped, LIST_ITEM
            block = make_block(kind, [(text, page, count)])
            if block is not None:
                out.append(block)
    if notes is not None:
        ntree = notes.find(f"{_P}cSld/{_P}spTree")
        for el in _shapes(ntree) if ntree is not None else ():
            if _placeholder_type(el) != "body":
                continue
            body = el.find(_P + "txBody")
            for p in body.iter(_A + "p") if body is not None else ():
                count += 1
                text = _para_text(p)
                block = make_block(PARAGRAPH, [(text, page, count)]) if text else None
                if block is not None:
                    out.append(block)
    return out


def _shapes(tree: etree._Element):
    """Shapes with text (p:sp) and tables (p:graphicFrame) in tree order, groups flattened."""
    stack = [iter(tree)]
    while stack:
        el = next(stack[-1], None)
        if el is None:
            stack.pop()
        elif el.tag == _P + "grpSp":
            stack.append(iter(el))
        elif el.tag in (_P + "sp", _P + "graphicFrame"):
            yield el


def _placeholder_type(shape: etree._Element) -> str | None:
    """The placeholder type ("title", "body", ...; "obj" for a typeless placeholder) or None."""
    for nv in (_P + "nvSpPr", _P + "nvGraphicFramePr"):
        ph = shape.find(f"{nv}/{_P}nvPr/{_P}ph")
        if ph is not None:
            return ph.get("type") or "obj"
    return None


def _para_kind(p: etree._Element, ph_type: str | None) -> str:
    if ph_type in _TITLE_TYPES:
        return HEADING
    ppr = p.find(_A + "pPr")
    if ppr is not None:
        if ppr.find(_A + "buNone") is not None:
            return PARAGRAPH
        if ppr.find(_A + "buChar") is not None or ppr.find(_A + "buAutoNum") is not None:
            return LIST_ITEM
    return LIST_ITEM if ph_type in ("body", "obj") else PARAGRAPH


def _para_text(p: etree._Element) -> str:
    text = "".join((el.text or "") if el.tag == _A + "t" else "\n" for el in p.iter(_A + "t", _A + "br"))
    return clean_text(text).strip()
