"""Text helpers shared by the extractors: clean-up, hyphenation, line joining.

The word list used to decide whether a hyphen at a line end splits one word
("therapeutic al-" / "liance") or ends a real compound ("self-" / "disclosure")
is spaCy's English lemma data from ``spacy-lookups-data`` (the ``lemma_lookup``
keys and values plus the ``lemma_index`` word lists, about 120k words). It is
read straight from the package's JSON files once per process: same data as
``spacy.lookups.load_lookups("en", ["lemma_lookup"])``, but without importing
spaCy (0.05 s instead of 0.6 s), which keeps extraction-only workers light.
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import Iterable, Sequence

from ...types import PARAGRAPH, TABLE_CELL, Anchor, Block

_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
# pdfium reports EVERY hyphen at a line end (real or soft) as \x02 (bounded
# text) or U+FFFE (range text), so those become HYPHEN_MARK and are decided
# with the word list, like a "-" at a line end. U+00AD (a true soft hyphen in
# txt/docx/html) is invisible: dropped, joining the word halves.
HYPHEN_MARK = "\x02"
# Control characters except tab / newline / form feed; also the ligatures.
_CLEAN_TABLE = {i: None for i in range(32) if i not in (9, 10, 12)}
_CLEAN_TABLE.update({0x7F: None, 0xFEFF: None, 0x200B: None})
_CLEAN_TABLE.update({ord(k): v for k, v in _LIGATURES.items()})
_CLEAN_TABLE[0x02] = HYPHEN_MARK
_CLEAN_TABLE[0xFFFE] = HYPHEN_MARK
_CLEAN_TABLE[0xA0] = " "
# C1 controls (U+0080-U+009F) in extracted text are almost always Windows-1252
# bytes decoded as Latin-1 (curly quotes, dashes, the euro sign): map them to
# the cp1252 character, and drop the five bytes cp1252 leaves undefined.
for _b in range(0x80, 0xA0):
    try:
        _CLEAN_TABLE[_b] = bytes([_b]).decode("cp1252")
    except UnicodeDecodeError:
        _CLEAN_TABLE[_b] = None

# The horizontal white space collapse_ws folds into one space.
_WS_CHARS = " \t\u2000-\u200a\u202f\u205f\u3000"
# Only the runs that change: two or more of them, or one that is not a plain space
# (a lone space already reads as itself). Same result as replacing every run.
_WS_RE = re.compile(f"[{_WS_CHARS[1:]}][{_WS_CHARS}]*| [{_WS_CHARS}]+")
_NEWLINES_RE = re.compile(r"\r\n?")
# Any character _CLEAN_TABLE changes (most text has none: skip the translate).
_CLEAN_NEEDED_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_CLEAN_TABLE)) + "]")

# A list marker at the start of a line: bullets, dashes, "1." "1)" "a)" "(a)" "(iv)".
BULLET_RE = re.compile(
    r"^\s*(?:[•●○◦▪▫■□‣⁃∙·➢➤►▶✓✔❖◆◇*+\-–—\uf0a7\uf0b7\uf0d8\uf076]"  # U+F0xx: Symbol / Wingdings bullets in PDFs
    r"|\(?\d{1,2}[.)](?!\d)"
    r"|\(?[a-z][.)]"
    r"|\((?:[ivx]{1,5}|[A-Z])\)"
    r"|[ivx]{1,5}[.)])"
    r"(?=\s)\s*"
)
_SENTENCE_END = tuple(".!?:;")


def clean_text(text: str) -> str:
    """Normalise newlines, drop control chars, expand ligatures, NFC; soft hyphens become U+00AD.

    C1 control characters are read as the Windows-1252 characters they stand for.
    """
    if "\r" in text:
        text = _NEWLINES_RE.sub("\n", text)
    if _CLEAN_NEEDED_RE.search(text) is not None:
        text = text.translate(_CLEAN_TABLE)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return text


def collapse_ws(text: str) -> str:
    """Collapse runs of spaces/tabs (not newlines) into one space and strip the ends."""
    if text.isascii() and "  " not in text and "\t" not in text:
        return text.strip()  # ASCII: only single spaces, nothing to collapse
    return _WS_RE.sub(" ", text).strip()


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Lower-case English word forms from spacy-lookups-data (empty if not installed)."""
    words: set[str] = set()
    try:
        data = resources.files("spacy_lookups_data") / "data"
        lookup = json.loads(gzip.decompress((data / "en_lemma_lookup.json.gz").read_bytes()))
        index = json.loads(gzip.decompress((data / "en_lemma_index.json.gz").read_bytes()))
    except (ModuleNotFoundError, FileNotFoundError, OSError, ValueError):
        return frozenset()
    words.update(lookup)
    words.update(lookup.values())
    for forms in index.values():
        words.update(forms)
    return frozenset(w.lower() for w in words if w.isalpha())


def is_word(word: str) -> bool:
    """True if ``word`` (any case) is in the English word list."""
    return word.lower() in english_words()


_TAIL_WORD_RE = re.compile(r"(\w+)[-\x02]$")
_HEAD_WORD_RE = re.compile(r"^(\w+)")


def _join_hyphen(prev: str, nxt: str) -> bool | None:
    """Decide a line-end hyphen: True = drop it (one word), False = keep it, None = not a hyphen break."""
    m1 = _TAIL_WORD_RE.search(prev)
    m2 = _HEAD_WORD_RE.match(nxt)
    if not m1 or not m2 or not m1.group(1).isalpha() or not m2.group(1).isalpha():
        return None
    left, right = m1.group(1), m2.group(1)
    if right[0].isupper():  # "Anglo-" / "Saxon", "pre-" / "COVID"
        return False
    if is_word(left + right):
        return True
    if is_word(left) and is_word(right):
        return False  # a real compound: self-disclosure, client-centred
    return True  # a word we don't know, split across lines


def join_lines(lines: Sequence[tuple[str, int | None, int]], sep: str = " ",
               collapsed: bool = False) -> tuple[str, tuple[Anchor, ...]]:
    """Join wrapped source lines into running text, undoing line-end hyphenation.

    ``lines`` are (text, page, line) in reading order. Returns the text and one
    anchor per source line (offset where that line's text starts). With
    ``sep="\n"`` the lines are separate paragraphs: joined by newlines, as is.
    ``collapsed=True`` says every line text is already ``collapse_ws`` output
    (or a suffix of one starting at a non-space), which ``collapse_ws`` leaves
    unchanged, so it is not applied again.
    """
    out = ""
    anchors: list[Anchor] = []
    for raw, page, line in lines:
        text = raw if collapsed else collapse_ws(raw)
        if not text:
            continue
        if out and sep != " ":
            out += sep
        elif out:
            if out.endswith("\u00ad"):
                out = out[:-1]
            elif out.endswith(("-", HYPHEN_MARK)) and not out.endswith(" -"):
                decision = _join_hyphen(out, text)
                if decision is True:
                    out = out[:-1]
                else:  # a real compound, or "2019-" / "2020": keep the hyphen
                    out = out[:-1] + "-"
            elif not out.endswith(("\n", "/")):
                out += " "
        anchors.append(Anchor(len(out), page, line))
        out += text
    if HYPHEN_MARK in out:
        out = _INLINE_MARK_RE.sub(_inline_mark, out).replace(HYPHEN_MARK, "-")
    if "\u00ad" in out:  # soft hyphens inside a line are invisible
        out, anchors = _drop_char(out, anchors, "\u00ad")
    return out, tuple(anchors)


_INLINE_MARK_RE = re.compile(r"(\w+)\x02(?=(\w+))")


def _inline_mark(m: re.Match) -> str:
    # Same length either way ("-" or a zero-width joiner would shift offsets),
    # so anchors stay valid: a dropped hyphen becomes U+00AD, removed below.
    return m.group(1) + ("\u00ad" if _join_hyphen(m.group(1) + "-", m.group(2)) else "-")


def _drop_char(text: str, anchors: list[Anchor], ch: str) -> tuple[str, list[Anchor]]:
    new_anchors = []
    for a in anchors:
        new_anchors.append(Anchor(a.offset - text.count(ch, 0, a.offset), a.page, a.line))
    return text.replace(ch, ""), new_anchors


def make_block(kind: str, lines: Sequence[tuple[str, int | None, int]], sep: str = " ",
               collapsed: bool = False) -> Block | None:
    """Build a Block from source lines, or None when they hold no text (``collapsed``: see ``join_lines``)."""
    raw, anchors = join_lines(lines, sep, collapsed)
    text = raw.strip()
    if not text:
        return None
    lead = len(raw) - len(raw.lstrip())
    # Shift anchors past the stripped lead; keep those that still point into the text.
    if lead:
        kept = [Anchor(max(a.offset - lead, 0), a.page, a.line) for a in anchors if a.offset - lead < len(text)]
    else:  # nothing to shift (offsets are never negative)
        kept = [a for a in anchors if a.offset < len(text)]
    if len(kept) > 1:
        kept = [a for i, a in enumerate(kept) if i + 1 == len(kept) or kept[i + 1].offset != a.offset]
    if not kept or kept[0].offset != 0:
        first = kept[0] if kept else anchors[0]
        kept = [Anchor(0, first.page, first.line)] + [a for a in kept if a.offset != 0]
    return Block(text=text, kind=kind, anchors=tuple(kept))


# A table-cell paragraph at least this long is running text (a layout table
# around a course description, a rubric's descriptor), read sentence by sentence.
CELL_PROSE_CHARS = 160


def cell_blocks(lines: Sequence[tuple[str, int | None, int]]) -> list[Block]:
    """The blocks of one table cell (``lines``: its paragraphs or lines as
    (text, page, line)), one per item: a line starts a new item unless it
    ``continues_item`` the one before. "Working with mandated clients" and
    "Motivational Interviewing" in one week's cell are two topics, not one
    passage; "Rupture" / "and repair" is one. A short item is a
    ``table_cell`` passage, running text (``CELL_PROSE_CHARS`` or more) a
    paragraph read sentence by sentence."""
    items: list[list[tuple[str, int | None, int]]] = []
    for line in lines:
        if items and continues_item(items[-1][-1][0], line[0]):
            items[-1].append(line)
        else:
            items.append([line])
    out = []
    for item in items:
        block = make_block(cell_item_kind(t for t, _, _ in item), item)
        if block is not None:
            out.append(block)
    return out


def cell_item_kind(texts: Iterable[str]) -> str:
    """``paragraph`` for running text in a cell (``CELL_PROSE_CHARS`` or
    more, read sentence by sentence), else ``table_cell`` (one passage)."""
    return PARAGRAPH if sum(map(len, texts)) >= CELL_PROSE_CHARS else TABLE_CELL


def clearly_continues(prev: str, nxt: str) -> bool:
    """Line ``nxt`` goes on with the sentence of line ``prev``: it ends a
    hyphenated word, or starts in lower case after a line that ends none."""
    prev = prev.rstrip()
    if prev.endswith((HYPHEN_MARK, "-", "\u00ad")):
        return nxt[:1].isalpha()
    return not ends_sentence(prev) and nxt[:1].islower()


# A cell line ending like this is continued by the next one ...
_JOINS_NEXT = re.compile(r"(?:[,&/(]|\b(?:and|or|of|the|to|for|with|in|on|at|by|from|a|an|vs\.?))\s*$", re.I)
# ... and so is one followed by a line starting with one of these ("(2,500 words)" after a task).
_CONTINUING_START = frozenset(",;:.)]}%(&")


def continues_item(prev: str, nxt: str) -> bool:
    """Inside a table cell, does line ``nxt`` go on with the item of line
    ``prev``? Only where a phrase clearly does: ``nxt`` starts in lower case
    (after a line that ends no sentence), with a comma or bracket, or with the
    rest of a hyphenated word; ``prev`` ends on a hyphen, a comma, "&" or a
    word that cannot end a phrase ("and", "of", "with" …), on a colon before a
    lower-case line, or inside an open parenthesis. Cells are narrow and hold
    lists, so a capitalised line is a new item."""
    p = prev.rstrip()
    first = nxt[:1]
    return (clearly_continues(p, nxt) or (p.endswith(":") and first.islower()) or _JOINS_NEXT.search(p) is not None
            or first in _CONTINUING_START or (first == "-" and nxt[1:2].isalpha())
            or p.count("(") > p.count(")"))


def strip_bullet(text: str) -> tuple[str, bool]:
    """Remove a leading list marker; returns (text, was_list_item)."""
    m = BULLET_RE.match(text)
    if not m or m.end() >= len(text.rstrip()):
        return text, False
    return text[m.end():], True


def ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(_SENTENCE_END)


def looks_like_heading(text: str, max_words: int = 12) -> bool:
    """A short title-like line: ALL CAPS, or Title Case, with no final sentence punctuation."""
    t = text.strip()
    if not t or len(t) > 120 or t.endswith((".", ",", ";", "?", "!")) or not any(map(str.isalpha, t)):
        return False
    words = t.split()
    if len(words) > max_words:
        return False
    if len(words) > 2 and any(map(str.isdigit, t)) and sum(any(map(str.isdigit, w)) for w in words) * 3 > len(words):
        return False  # "A 93 to 100 4.0": a table row, not a title
    letters = list(filter(str.isalpha, t))
    if not any(map(str.islower, letters)) and len(letters) >= 3:
        return True
    caps = [w for w in words if w[0].isalpha()]
    return bool(caps) and caps[0][0].isupper() and all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in caps)


_SMALL_WORDS = frozenset({"a", "an", "and", "the", "of", "in", "on", "for", "to", "with", "or", "at", "by", "&", "vs", "from"})


def non_empty(blocks: Iterable[Block | None]) -> tuple[Block, ...]:
    return tuple(b for b in blocks if b is not None)


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode text bytes: BOM, else a declared charset, else UTF-8, cp1252, ISO-8859-1.

    A small fixed cascade rather than charset-normalizer: it is deterministic,
    fast, and right for what syllabi are actually saved in (UTF-8, Windows
    "ANSI" = cp1252 with curly quotes, Latin-1, UTF-16 from Notepad with a BOM).
    Returns (text, encoding used).
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace"), enc
    candidates = [declared] if declared else []
    candidates += ["utf-8", "cp1252", "iso-8859-1"]
    for enc in candidates:
        try:
            return data.decode(enc), enc
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("iso-8859-1"), "iso-8859-1"  # never reached: latin-1 decodes anything
