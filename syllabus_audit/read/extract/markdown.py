"""Markdown extraction with markdown-it-py (``token.map`` gives source lines).

Headings, paragraphs, list items and table cells become blocks; inline markup
is rendered to its text (links -> link text, images dropped, inline code kept,
inline HTML tags dropped); raw HTML blocks go through the HTML extractor with
their line numbers offset to the Markdown source. YAML front matter is skipped.
Provenance: page is None; line is the 1-based source line.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from ...types import HEADING, LIST_ITEM, OK, PARAGRAPH, TABLE_CELL, UNSUPPORTED, Anchor, Block, ExtractedDocument
from .plain import decode_text_file, hand_broken_paragraphs, split_lines
from .textfix import make_block
from .web import html_blocks

FORMAT = "markdown"
_MD = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
_CONTEXT = {
    "heading_open": HEADING,
    "list_item_open": LIST_ITEM,
    "td_open": TABLE_CELL,
    "th_open": TABLE_CELL,
}
_PRIORITY = (HEADING, TABLE_CELL, LIST_ITEM)
# Markup that markdown-it leaves as literal text in malformed real files
# ("**Name: **" with a space before the closer, javascript: links it refuses).
_LEFT_LINK_RE = re.compile(r"!?\[([^\[\]]*)\]\([^()\n]*(?:\([^()]*\)[^()\n]*)*\)")
_STARS_RE = re.compile(r"\*{2,}")
_UNDERSCORE_RE = re.compile(r"(?<![\w_])_+(?=\w)|(?<=\w)_+(?![\w_])")
_TABLE_RULE_RE = re.compile(r"^[\s|:]*-{3,}[\s|:-]*$")
_PIPE_ROW_RE = re.compile(r"\|.*\||-{3,}\s*\|")
# Heading attributes (Pandoc / kramdown / Markdown Extra): "Course Description {#course}",
# "{#id .class key=value}", "{.unnumbered}", "{-}", "{: #id}". Not part of the heading's text.
_HEADING_ATTRS_RE = re.compile(r"\s*\{:?\s*(?:[#.][^{}\s][^{}]*|-|[\w-]+=[^{}]*)\}\s*$")


def extract_markdown(abs_path: str, rel_path: str) -> ExtractedDocument:
    """Read a Markdown file into blocks."""
    with open(abs_path, "rb") as fh:
        data = fh.read()
    text, problem = decode_text_file(data, ".md")
    if problem:
        return ExtractedDocument(rel_path, FORMAT, UNSUPPORTED, problem)
    return ExtractedDocument(rel_path, FORMAT, OK, blocks=tuple(markdown_blocks(text)))


def markdown_blocks(text: str) -> list[Block]:
    """Blocks from Markdown source text."""
    lines = _skip_front_matter(split_lines(text))
    tokens = _MD.parse("\n".join(lines))
    blocks: list[Block] = []
    stack: list[str] = []
    last_line = 1
    for tok in tokens:
        if tok.map:
            last_line = tok.map[0] + 1
        if tok.type in _CONTEXT:
            stack.append(_CONTEXT[tok.type])
        elif tok.type.replace("_close", "_open") in _CONTEXT and tok.nesting == -1:
            if stack:
                stack.pop()
        elif tok.type == "inline":
            lines = [(_scrub(t), page, ln) for t, page, ln in _inline_lines(tok, last_line)]
            if stack and stack[-1] == HEADING:
                lines[-1] = (_HEADING_ATTRS_RE.sub("", lines[-1][0]), *lines[-1][1:])
            if any(_PIPE_ROW_RE.search(t) for t, _, _ in lines):
                blocks.extend(_pipe_cells(lines))
                continue
            kind = _kind(stack)
            # Soft line breaks join a Markdown paragraph, but header fields and
            # outcomes typed one per line are separate passages (plain.breaks_after).
            for part in hand_broken_paragraphs(lines) if kind == PARAGRAPH else [lines]:
                block = make_block(kind, part)
                if block is not None:
                    blocks.append(block)
        elif tok.type == "html_block":
            blocks.extend(_scrub_block(b) for b in html_blocks(tok.content, line_offset=last_line - 1))
        elif tok.type in ("code_block", "fence"):
            start = last_line + (1 if tok.type == "fence" else 0)
            # Often not code at all: text indented by a converter. Read it as text.
            code = [(_scrub(ln), None, start + i) for i, ln in enumerate(tok.content.split("\n"))]
            if any(_PIPE_ROW_RE.search(t) for t, _, _ in code):
                blocks.extend(_pipe_cells(code))
                continue
            block = make_block(PARAGRAPH, code)
            if block is not None:
                blocks.append(block)
    return blocks


def _scrub(text: str) -> str:
    text = _LEFT_LINK_RE.sub(r"\1", text)
    return _UNDERSCORE_RE.sub("", _STARS_RE.sub("", text))


def _scrub_block(block: Block) -> Block:
    """Scrub Markdown left inside an HTML block (``<td markdown>``), keeping anchors right."""
    if not ("*" in block.text or "_" in block.text or "](" in block.text):
        return block
    bounds = [a.offset for a in block.anchors] + [len(block.text)]
    text, anchors = "", []
    for a, end in zip(block.anchors, bounds[1:]):
        anchors.append(Anchor(len(text), a.page, a.line))
        text += _scrub(block.text[a.offset:end])
    return Block(text.strip() or block.text, block.kind, tuple(anchors))


def _pipe_cells(lines) -> list[Block]:
    """A pipe table markdown-it did not recognise (no separator row, or broken): one cell per field."""
    cells = []
    for text, page, line in lines:
        for field in text.split("|"):
            if field.strip() and not _TABLE_RULE_RE.match(field):
                block = make_block(TABLE_CELL, [(field.strip("- "), page, line)])
                if block is not None:
                    cells.append(block)
    return cells


def _kind(stack: list[str]) -> str:
    for kind in _PRIORITY:
        if kind in stack:
            return kind
    return PARAGRAPH


def _inline_lines(tok, line: int) -> list[tuple[str, None, int]]:
    """Render an inline token to (text, None, line) per source line."""
    out: list[tuple[str, None, int]] = []
    cur = ""
    for child in tok.children or ():
        t = child.type
        if t in ("text", "code_inline"):
            cur += child.content
        elif t in ("softbreak", "hardbreak"):
            out.append((cur, None, line))
            cur, line = "", line + 1
        elif t == "image" or t == "html_inline":
            continue
    out.append((cur, None, line))
    return out


def _skip_front_matter(lines: list[str]) -> list[str]:
    """Blank out a leading ``---`` YAML block (keeps line numbers)."""
    if not lines or lines[0].strip() != "---":
        return lines
    for i in range(1, min(len(lines), 200)):
        if lines[i].strip() in ("---", "..."):
            body = [ln for ln in lines[1:i] if ln.strip()]
            if body and all(":" in ln or ln.startswith((" ", "-", "#")) for ln in body):
                return [""] * (i + 1) + lines[i + 1 :]
            break
    return lines
