"""Ruled tables on a PDF page: which cell each run of text sits in.

A weekly schedule drawn as a grid puts one week's topics, readings and dates
in separate cells, but the page's text has no trace of the grid: read line by
line, the last topic of week 4 runs on into "5 Treatment and Recovery II" and
the readings column, and a client cue in one cell can make a topic label in
another look like a skill taught with clients. The grid is in the drawing:
a table's rules are thin path objects. A run of text is in a cell when a
horizontal rule passes above and below its centre and a vertical rule left
and right of it, and another box with text lies between the same two
horizontal rules (a table row has at least two cells: a frame drawn around a
page or a text box is not a table); runs with no such box (text outside
tables, tables ruled only horizontally) are read as running text.

pdfplumber finds tables the same way, from the page's lines and rects, but
it parses the whole page with pdfminer (50-90x slower, docs/performance.md);
pdfium already gives each object's bounds, which is all this needs
(``pdf._path_bounds`` reads them; this module is the geometry).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

RULE_THICKNESS = 4.0  # pt: a path object this thin or thinner (Word draws 3 pt borders) ...
RULE_LENGTH = 8.0  # ... and at least this long is a rule
_SLACK = 1.0  # pt: a rule "crosses" a point this close to its end
MAX_RULES = 2000  # a page with more thin paths is a drawing (a chart, hatching), not a table


@dataclass(frozen=True, slots=True)
class Cell:
    """A box of the grid (PDF coordinates: y grows upwards)."""

    top: float
    left: float
    right: float
    bottom: float


def rules_from_bounds(bounds) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]:
    """Horizontal rules as (y, x0, x1) and vertical ones as (x, y0, y1), each
    sorted, from the (left, bottom, right, top) bounds of path objects."""
    horizontal, vertical = [], []
    for left, bottom, right, top in bounds:
        width, height = right - left, top - bottom
        if height <= RULE_THICKNESS and width >= RULE_LENGTH:
            horizontal.append(((bottom + top) / 2, left, right))
        elif width <= RULE_THICKNESS and height >= RULE_LENGTH:
            vertical.append(((left + right) / 2, bottom, top))
    return sorted(horizontal), sorted(vertical)


def cells_of(boxes: list[tuple[float, float, float, float]], horizontal, vertical) -> list[Cell | None]:
    """The cell of each (left, bottom, right, top) box, or None: the nearest
    rules above, below, left and right of its centre that cross it, kept
    only when another box's cell lies in the same row."""
    if not horizontal or not vertical or len(horizontal) + len(vertical) > MAX_RULES:
        return [None] * len(boxes)
    ys = [r[0] for r in horizontal]
    xs = [r[0] for r in vertical]
    out: list[Cell | None] = []
    for left, bottom, right, top in boxes:
        cx, cy = (left + right) / 2, (bottom + top) / 2
        i, j = bisect_left(ys, cy), bisect_left(xs, cx)
        above = _nearest(horizontal, range(i, len(ys)), cx)
        below = _nearest(horizontal, range(i - 1, -1, -1), cx)
        at_left = _nearest(vertical, range(j - 1, -1, -1), cy)
        at_right = _nearest(vertical, range(j, len(xs)), cy)
        if None in (above, below, at_left, at_right):
            out.append(None)
        else:
            out.append(Cell(above, at_left, at_right, below))
    columns: dict[tuple[float, float], set[float]] = {}
    for cell in out:
        if cell is not None:
            columns.setdefault((cell.top, cell.bottom), set()).add(cell.left)
    return [c if c is not None and len(columns[(c.top, c.bottom)]) > 1 else None for c in out]


def _nearest(rules, order, at: float) -> float | None:
    """The position of the first rule in ``order`` that crosses ``at``."""
    for k in order:
        pos, start, end = rules[k]
        if start - _SLACK <= at <= end + _SLACK:
            return pos
    return None
