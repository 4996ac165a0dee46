"""HTML extraction with lxml.html: visible text only, as blocks with source lines.

lxml rather than selectolax (4.7x faster, docs/performance.md section 4)
because lxml gives each element's ``sourceline``, which is our provenance.
Provenance: page is None; line is the 1-based source line where the text
starts (element ``sourceline`` plus newlines skipped at the start of the text).

The tree is walked iteratively. libxml2 stops building the tree at 256
levels of nesting; when it reports that, the text is read by a flat
tag-stripping pass instead, so nothing is lost and nothing recurses.
"""

from __future__ import annotations

import html as html_lib
import re

import lxml.html
from lxml import etree

from ...types import HEADING, LIST_ITEM, OK, PARAGRAPH, TABLE_CELL, Anchor, Block, ExtractedDocument
from .textfix import clean_text, decode_bytes

FORMAT = "html"

_DROP = frozenset(
    "script style noscript template svg math nav form button select option textarea input "
    "iframe object embed canvas head title audio video map area dialog menu".split()
)
_CHROME = frozenset(("header", "footer", "aside"))
_CHROME_ROLES = frozenset(("navigation", "banner", "contentinfo", "search", "menu", "menubar", "dialog"))
_KIND = {"h1": HEADING, "h2": HEADING, "h3": HEADING, "h4": HEADING, "h5": HEADING, "h6": HEADING}
_KIND.update(li=LIST_ITEM, td=TABLE_CELL, th=TABLE_CELL)
_BLOCK = frozenset(
    "address article aside blockquote body caption center dd details div dl dt fieldset figcaption "
    "figure footer h1 h2 h3 h4 h5 h6 header hgroup hr html li main ol p pre section summary table "
    "tbody td tfoot th thead tr ul".split()
)
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_WS_RE = re.compile(r"\s+")
_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>")
_META_CHARSET_RE = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-:.]+)", re.I)


def extract_html(abs_path: str, rel_path: str) -> ExtractedDocument:
    """Read an HTML file into blocks of visible text."""
    with open(abs_path, "rb") as fh:
        data = fh.read()
    blocks = html_blocks(decode_html(data))
    return ExtractedDocument(rel_path, FORMAT, OK, blocks=tuple(blocks))


def decode_html(data: bytes) -> str:
    """Decode HTML bytes: BOM, then <meta charset>, then UTF-8 / cp1252 / Latin-1."""
    m = _META_CHARSET_RE.search(data[:4096])
    declared = m.group(1).decode("ascii", "ignore").lower() if m else None
    if declared in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"):
        declared = "cp1252"  # as browsers do (WHATWG encoding standard)
    return decode_bytes(data, declared)[0]


def html_blocks(text: str, line_offset: int = 0) -> list[Block]:
    """Blocks from an HTML document or fragment; ``line_offset`` is added to source lines."""
    text = _XML_DECL_RE.sub("", clean_text(text), count=1)
    if not text.strip():
        return []
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError):
        return []
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        return _flat_blocks(text, line_offset)
    walker = _Walker(line_offset)
    walker.walk(root)
    return walker.blocks


class _Walker:
    def __init__(self, line_offset: int):
        self.offset = line_offset
        self.blocks: list[Block] = []
        self.buf: list[tuple[str, int]] = []

    def walk(self, root) -> None:
        # Events: (element, entering?, kind of the enclosing block, inside article/main?).
        # An exit event carries the element's own kind; its tail belongs to the parent.
        stack = [(root, True, PARAGRAPH, False, PARAGRAPH)]
        while stack:
            el, entering, kind, in_main, parent_kind = stack.pop()
            tag = el.tag if isinstance(el.tag, str) else ""
            if not entering:
                if tag in _BLOCK:
                    self.flush(kind)
                self.add(el.tail, el, parent_kind)
                continue
            if not tag or _dropped(el, tag, in_main):
                self.add(el.tail, el, kind)
                continue
            own = kind
            if tag in _BLOCK:
                self.flush(kind)
                own = _KIND.get(tag, kind)
            elif tag == "br":
                self.buf.append((" ", 0))
            in_main = in_main or tag in ("article", "main")
            stack.append((el, False, own, in_main, kind))
            self.add(el.text, el, own)
            for child in reversed(el):
                stack.append((child, True, own, in_main, own))
        self.flush(PARAGRAPH)

    def add(self, text: str | None, el, kind: str) -> None:  # kind: unused, kept for clarity
        if not text:
            return
        line = (el.sourceline or 1) + self.offset
        lead = len(text) - len(text.lstrip())
        if lead:
            line += text.count("\n", 0, lead)
        self.buf.append((text, line))

    def flush(self, kind: str) -> None:
        out = ""
        anchors: list[Anchor] = []
        for piece, line in self.buf:
            piece = _WS_RE.sub(" ", piece)
            if not out or out.endswith(" "):
                piece = piece.lstrip()
            if not piece:
                continue
            if line and (not anchors or anchors[-1].line != line):
                lead = len(piece) - len(piece.lstrip())
                anchors.append(Anchor(len(out) + lead, None, line))
            out += piece
        self.buf = []
        text = out.rstrip()
        if not text:
            return
        anchors = [a for a in anchors if a.offset < len(text)] or [Anchor(0, None, self.offset + 1)]
        anchors[0] = Anchor(0, None, anchors[0].line)
        self.blocks.append(Block(text=text, kind=kind, anchors=tuple(anchors)))


def _dropped(el, tag: str, in_main: bool) -> bool:
    if tag in _DROP:
        return True
    get = el.get
    if get("hidden") is not None or get("aria-hidden") == "true":
        return True
    if (get("role") or "").lower() in _CHROME_ROLES:
        return True
    style = get("style")
    if style and _HIDDEN_STYLE_RE.search(style):
        return True
    return tag in _CHROME and not in_main


_FLAT_DROP_RE = re.compile(r"<(script|style|noscript|template|svg|head)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_FLAT_BLOCK_RE = re.compile(r"</?(?:%s)\b[^>]*>" % "|".join(sorted(_BLOCK)), re.I)
_FLAT_TAG_RE = re.compile(r"<[^>]*>")


def _flat_blocks(text: str, line_offset: int) -> list[Block]:
    """Tag-stripping fallback for pathological nesting: one paragraph per block-level run."""
    def blank(m: re.Match) -> str:  # keep newlines so line numbers stay right
        return "\n" * m.group(0).count("\n")

    text = _FLAT_DROP_RE.sub(blank, text)
    text = _FLAT_BLOCK_RE.sub(lambda m: "\x00" + blank(m), text)
    text = _FLAT_TAG_RE.sub(blank, text)
    blocks = []
    pos = 0
    for chunk in text.split("\x00"):
        line = text.count("\n", 0, pos) + 1 + line_offset
        pos += len(chunk) + 1
        lead = chunk[: len(chunk) - len(chunk.lstrip())]
        body = _WS_RE.sub(" ", html_lib.unescape(chunk)).strip()
        if body:
            blocks.append(Block(body, PARAGRAPH, (Anchor(0, None, line + lead.count("\n")),)))
    return blocks
