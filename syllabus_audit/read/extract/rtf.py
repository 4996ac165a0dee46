"""RTF extraction: a small, careful RTF reader that keeps paragraph structure.

Why not ``striprtf`` (the usual choice): it returns one plain string, so
headings (``\\outlinelevel``, "heading N" styles), list items (``\\listtext``,
``\\pntext``, bullets) and table cells (``\\intbl`` ... ``\\cell``) are lost, and
it rewrites hyperlinks as "text(url)", putting URLs into the passages. It
also runs an unanchored backtracking regex over the whole file for hyperlinks.
The reader below is a single linear pass of one tokenising regex with a
group stack (no recursion; nesting beyond MAX_DEPTH is flattened), so it is
bounded in time and memory by the file size.

Provenance: page is None; line is the 1-based ordinal of the paragraph in the
document body (every ``\\par``, ``\\sect``, ``\\page`` and table ``\\cell`` ends
one, empty paragraphs included), as for DOCX.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...types import CORRUPT, HEADING, LIST_ITEM, OK, PARAGRAPH, Block, ExtractedDocument
from .textfix import cell_blocks, clean_text, make_block, strip_bullet

FORMAT = "rtf"
MAX_DEPTH = 2000  # deeper groups are read as if they were at this depth

_TOKEN_RE = re.compile(
    rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?"  # control word
    rb"|\\'([0-9a-fA-F]{2})"  # hex byte
    rb"|\\([^a-zA-Z'])"  # control symbol
    rb"|([{}])"
    rb"|[\r\n]+"
    rb"|([^\\{}\r\n]+)"  # a run of text
)
# Destinations whose text is not body text.
_SKIP_DEST = frozenset(
    """
    colortbl info pict object objdata header headerl headerr headerf footer
    footerl footerr footerf footnote annotation themedata colorschememapping datastore
    latentstyles listtable listoverridetable rsidtbl generator xmlnstbl mmathPr filetbl revtbl
    nonshppict shp shpinst sp sn sv bkmkstart bkmkend fldinst datafield docvar userprops template
    pntxta pntxtb pn pgdsctbl txe xe tc rxe atnid atnauthor atrfstart atrfend fldtype
    """.split()
)
_LIST_MARK_DEST = frozenset(("listtext", "pntext"))  # the bullet/number of a list paragraph
_SPECIAL = {
    b"tab": " ",
    b"line": "\n",
    b"emdash": "\u2014",
    b"endash": "\u2013",
    b"emspace": " ",
    b"enspace": " ",
    b"qmspace": " ",
    b"bullet": "\u2022",
    b"lquote": "\u2018",
    b"rquote": "\u2019",
    b"ldblquote": "\u201c",
    b"rdblquote": "\u201d",
    b"zwj": "",
    b"zwnj": "",
}
_SYMBOLS = {b"~": "\u00a0", b"-": "\u00ad", b"_": "\u2011", b"{": "{", b"}": "}", b"\\": "\\", b"\n": "", b"\r": ""}
_PAR_ENDS = frozenset((b"par", b"sect", b"page"))
_HEADING_STYLE_RE = re.compile(r"^(heading \d|title|subtitle)$", re.I)
_CHARSET_CODEPAGE = {
    0: "cp1252", 77: "mac_roman", 128: "cp932", 129: "cp949", 134: "gbk", 136: "cp950",
    161: "cp1253", 162: "cp1254", 163: "cp1258", 177: "cp1255", 178: "cp1256", 186: "cp1257",
    204: "cp1251", 222: "cp874", 238: "cp1250", 255: "cp850",
}


@dataclass
class _Group:
    dest: str = ""  # "" = body; "skip"; "fonttbl"; "stylesheet"; "listmark"
    uc: int = 1  # fallback chars to skip after \uN
    font: int | None = None


@dataclass
class _State:
    codepage: str = "cp1252"
    fonts: dict[int, str] = field(default_factory=dict)  # font id -> codepage
    styles: dict[int, str] = field(default_factory=dict)  # style id -> kind
    blocks: list[Block] = field(default_factory=list)
    text: list[str] = field(default_factory=list)  # current paragraph
    cell: list[tuple[str, None, int]] = field(default_factory=list)  # paragraphs of the current table cell
    count: int = 0  # paragraph ordinal
    kind: str = PARAGRAPH  # from paragraph properties
    in_table: bool = False
    cell_pars: int = 0  # table paragraphs ended by \par since the last \cell
    list_mark: bool = False


def extract_rtf(abs_path: str, rel_path: str) -> ExtractedDocument:
    with open(abs_path, "rb") as fh:
        data = fh.read()
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        return ExtractedDocument(rel_path, FORMAT, CORRUPT, "file does not start with an RTF header")
    return ExtractedDocument(rel_path, FORMAT, OK, blocks=tuple(rtf_blocks(data)))


def rtf_blocks(data: bytes) -> list[Block]:
    st = _State()
    stack: list[_Group] = [_Group()]
    extra_depth = 0  # groups beyond MAX_DEPTH
    pending = bytearray()  # \'xx bytes waiting to be decoded together (DBCS)
    skip = 0  # fallback chars still to skip after \uN
    style_id: int | None = None  # stylesheet entry being read
    style_name: list[str] = []
    pos, end = 0, len(data)
    match = _TOKEN_RE.match

    def emit(s: str) -> None:
        g = stack[-1]
        if g.dest == "":
            st.text.append(s)
        elif g.dest == "stylesheet":
            style_name.append(s)

    def flush_hex() -> None:
        if pending:
            g = stack[-1]
            enc = st.fonts.get(g.font, st.codepage) if g.font is not None else st.codepage
            s = _decode(bytes(pending), enc)
            pending.clear()
            emit(s)

    while pos < end:
        m = match(data, pos)
        if m is None:  # a lone backslash at the end, or similar
            pos += 1
            continue
        pos = m.end()
        word, arg, hexbyte, symbol, brace, run = m.groups()
        if hexbyte is not None:
            if skip:
                skip -= 1
            else:
                pending.append(int(hexbyte, 16))
            continue
        flush_hex()
        g = stack[-1]
        if run is not None:
            if skip:
                n = min(skip, len(run))
                skip -= n
                run = run[n:]
            if run:
                # Raw 8-bit text (not \\'xx escaped) is in the document's code page.
                emit(run.decode("latin-1") if run.isascii() else _decode(run, st.codepage))
                if g.dest == "stylesheet" and b";" in run:
                    _end_style(st, style_id, style_name)
            continue
        if brace is not None:
            skip = 0
            if brace == b"{":
                if len(stack) >= MAX_DEPTH:
                    extra_depth += 1
                else:
                    stack.append(_Group(g.dest, g.uc, g.font))
            elif extra_depth:
                extra_depth -= 1
            elif len(stack) > 1:
                if g.dest == "listmark" and stack[-2].dest != "listmark":
                    st.list_mark = True
                stack.pop()
            continue
        if symbol is not None:
            if symbol == b"*":
                if g.dest not in ("fonttbl", "stylesheet"):
                    g.dest = "skip"
            elif symbol in _SYMBOLS:
                if skip:
                    skip -= 1
                else:
                    emit(_SYMBOLS[symbol])
            continue
        if word is None:
            continue
        if skip:  # a control word counts as one fallback char
            skip -= 1
            continue
        num = int(arg) if arg is not None else None
        if word == b"bin":  # binary data follows: skip it
            pos += max(num or 0, 0)
            continue
        name = word.decode("ascii")
        if name in _SKIP_DEST:
            g.dest = "skip"
            continue
        if name in _LIST_MARK_DEST:
            g.dest = "listmark"
            continue
        if name == "fonttbl":
            g.dest = "fonttbl"
            continue
        if name == "stylesheet":
            g.dest = "stylesheet"
            continue
        if g.dest == "fonttbl":
            if name == "f" and num is not None:
                g.font = num
                st.fonts.setdefault(num, st.codepage)
            elif name == "fcharset" and g.font is not None and num is not None:
                st.fonts[g.font] = _CHARSET_CODEPAGE.get(num, st.codepage)
            elif name == "cpg" and g.font is not None and num is not None:
                st.fonts[g.font] = f"cp{num}"
            continue
        if g.dest == "stylesheet":
            if name == "s" and num is not None:
                style_id, style_name[:] = num, []
            elif name == "outlinelevel" and style_id is not None and num is not None and 0 <= num < 9:
                st.styles[style_id] = HEADING
            continue
        if name == "u" and num is not None:
            if num < 0:
                num += 65536
            emit(chr(num))
            skip = g.uc
        elif name == "uc" and num is not None:
            g.uc = max(num, 0)
        elif name == "ansicpg" and num:
            st.codepage = f"cp{num}"
        elif name == "f" and num is not None:
            g.font = num
        elif g.dest != "":
            continue
        elif name == "pard":
            st.kind, st.in_table = PARAGRAPH, False
        elif name == "s" and num is not None and g.dest == "":
            st.kind = st.styles.get(num, st.kind)
        elif name == "outlinelevel" and num is not None:
            st.kind = HEADING if 0 <= num < 9 else st.kind
        elif name == "ls" and num:
            if st.kind != HEADING:
                st.kind = LIST_ITEM
        elif name == "intbl":
            st.in_table = True
        elif word in _PAR_ENDS:
            _end_paragraph(st)
        elif name in ("cell", "nestcell"):
            _end_paragraph(st, cell_end=True)
        elif name == "row" or name == "nestrow":
            _flush_cell(st)
        elif word in _SPECIAL:
            emit(_SPECIAL[word])
    flush_hex()
    _end_paragraph(st, final=True)
    _flush_cell(st)
    return st.blocks


def _decode(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding, errors="replace")
    except LookupError:  # an unknown \\ansicpg / \\cpg
        return data.decode("cp1252", errors="replace")


def _end_style(st: _State, style_id: int | None, name_parts: list[str]) -> None:
    name = "".join(name_parts).split(";")[0].strip()
    if style_id is not None and _HEADING_STYLE_RE.match(name):
        st.styles[style_id] = HEADING
    name_parts.clear()


def _paragraph_text(st: _State) -> str:
    raw = "".join(st.text)
    st.text.clear()
    # \uN escapes of astral characters come as UTF-16 surrogate pairs.
    if any("\ud800" <= c <= "\udfff" for c in raw):
        raw = raw.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return clean_text(raw).strip()


def _end_paragraph(st: _State, cell_end: bool = False, final: bool = False) -> None:
    text = _paragraph_text(st)
    if final and not text:
        return
    if cell_end and not text and st.cell_pars:
        st.cell_pars = 0  # "...\par}\cell": the cell's last paragraph already ended
        _flush_cell(st)
        return
    st.count += 1
    kind, list_mark = st.kind, st.list_mark
    st.list_mark = False
    if st.in_table or cell_end:
        if text:
            st.cell.append((text, None, st.count))
        st.cell_pars = 0 if cell_end else st.cell_pars + 1
        if cell_end:
            _flush_cell(st)
        return
    _flush_cell(st)
    if not text:
        return
    stripped, bullet = strip_bullet(text)
    if bullet and kind != HEADING:
        text, kind = stripped, LIST_ITEM
    elif list_mark and kind != HEADING:
        kind = LIST_ITEM
    block = make_block(kind, [(text, None, st.count)])
    if block is not None:
        st.blocks.append(block)


def _flush_cell(st: _State) -> None:
    if st.cell:
        st.blocks.extend(cell_blocks(st.cell))
        st.cell = []
