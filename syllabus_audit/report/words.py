"""Counted nouns and word wrapping shared by the text renderers."""

from __future__ import annotations

import textwrap


def plural(n: int, noun: str, nouns: str | None = None) -> str:
    """``1 program``, ``2 programs``; ``nouns`` for irregular plurals."""
    return f"{n} {noun if n == 1 else nouns or noun + 's'}"


def of_total(part: int, total: int, noun: str, nouns: str | None = None) -> str:
    """``1 of 1 document``, ``0 of 3 documents`` (the noun agrees with the total)."""
    return f"{part} of {plural(total, noun, nouns)}"


def wrap(text: str, width: int, indent: str = "", subsequent: str | None = None) -> list[str]:
    """``text`` wrapped at word boundaries (a word longer than a line is the
    only thing ever split); never an empty list."""
    lines = textwrap.wrap(text, width, initial_indent=indent,
                          subsequent_indent=indent if subsequent is None else subsequent)
    return lines or [indent.rstrip()]
