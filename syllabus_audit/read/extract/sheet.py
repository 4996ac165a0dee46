"""XLSX extraction (competency matrices): every text cell becomes a table_cell block.

zipfile + lxml like word.py, through ``limits`` (zip-bomb checks, bounded
reads, no entity expansion). Worksheets are streamed with ``iterparse`` and
each row is cleared after reading, so a big sheet does not build a big tree.
Only text cells are read (shared strings, inline strings, formula strings);
numbers, dates and booleans carry no passage text.

Provenance: page is the 1-based sheet number in workbook order; line is the
row number (1-based, as shown in Excel).
"""

from __future__ import annotations

import io
import re

from lxml import etree

from ...types import CORRUPT, OK, TABLE_CELL, Block, ExtractedDocument
from . import limits
from .limits import UnsafeArchive, parse_xml
from .slides import _rels
from .textfix import clean_text, make_block

FORMAT = "xlsx"
MAX_CELLS = 200_000  # text cells read per workbook

_S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_ROW_RE = re.compile(r"\d+")


def extract_xlsx(abs_path: str, rel_path: str) -> ExtractedDocument:
    blocks: list[Block] = []
    truncated = False
    try:
        with limits.open_zip(abs_path) as zf:
            names = limits.member_names(zf)
            if "xl/workbook.xml" not in names:
                return ExtractedDocument(rel_path, FORMAT, CORRUPT, "Excel file is missing xl/workbook.xml")
            shared = _shared_strings(zf, names)
            sheets = _sheet_order(zf, names)
            for number, path in enumerate(sheets, 1):
                data = limits.read_member(zf, path)
                for row, text in _sheet_cells(data, shared):
                    if len(blocks) >= MAX_CELLS:
                        truncated = True
                        break
                    block = make_block(TABLE_CELL, [(text, number, row)], sep="\n")
                    if block is not None:
                        blocks.append(block)
    except UnsafeArchive as exc:
        return ExtractedDocument(rel_path, FORMAT, CORRUPT, str(exc))
    except etree.XMLSyntaxError as exc:
        return ExtractedDocument(rel_path, FORMAT, CORRUPT, f"damaged XML in Excel file: {exc}")
    except limits.ZIP_ERRORS as exc:
        return ExtractedDocument(rel_path, FORMAT, CORRUPT, f"not a valid Excel file: {exc}")
    reason = f"only the first {MAX_CELLS} text cells read" if truncated else ""
    return ExtractedDocument(rel_path, FORMAT, OK, reason, blocks=tuple(blocks), pages=len(sheets))


def _shared_strings(zf, names: set[str]) -> list[str]:
    if "xl/sharedStrings.xml" not in names:
        return []
    root = parse_xml(limits.read_member(zf, "xl/sharedStrings.xml"))
    return [_rich_text(si) for si in root.iter(_S + "si")]


def _rich_text(el: etree._Element) -> str:
    # Text runs (t), not phonetic guides (rPh).
    return "".join(t.text or "" for t in el.iter(_S + "t") if t.getparent().tag != _S + "rPh")


def _sheet_order(zf, names: set[str]) -> list[str]:
    rels = _rels(zf, names, "xl/workbook.xml")
    wb = parse_xml(limits.read_member(zf, "xl/workbook.xml"))
    out = []
    for sheet in wb.iter(_S + "sheet"):
        rel = rels.get(sheet.get(_R + "id"))
        if rel and rel[1] in names:
            out.append(rel[1])
    return out


def _sheet_cells(data: bytes, shared: list[str]):
    """(row number, text) for each text cell, streaming."""
    events = etree.iterparse(
        io.BytesIO(data), events=("end",), tag=(_S + "c", _S + "row"),
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
    )
    row_no = 0
    for _, el in events:
        if el.tag == _S + "row":
            el.clear(keep_tail=False)
            continue
        ref = el.get("r") or ""
        m = _ROW_RE.search(ref)
        parent = el.getparent()
        if m:
            row_no = int(m.group())
        elif parent is not None and parent.get("r", "").isdigit():
            row_no = int(parent.get("r"))
        kind = el.get("t")
        text = ""
        if kind == "s":
            v = el.find(_S + "v")
            try:
                text = shared[int(v.text)] if v is not None and v.text else ""
            except (ValueError, IndexError):
                text = ""
        elif kind == "inlineStr":
            is_ = el.find(_S + "is")
            text = _rich_text(is_) if is_ is not None else ""
        elif kind == "str":
            v = el.find(_S + "v")
            text = v.text or "" if v is not None else ""
        text = clean_text(text).strip()
        if text:
            yield row_no, text
