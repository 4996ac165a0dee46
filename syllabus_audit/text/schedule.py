"""Schedule rows: a line or passage that starts with "Week 7", "Wk 3",
"Session 2", "Day 1" or a date ("9/14", "14.09").

Shared by the readers (a schedule typed one row per line, without bullets, is
one passage per row, not one run-on paragraph) and the context rules (a row
names what is taught that week; it is not a course title)."""

from __future__ import annotations

import re

SCHEDULE_ROW_RE = re.compile(r"(?i)\s*((week|wk|session|class|lecture|seminar|topic|day)\s*\.?\s*\d+|\d{1,2}[/.]\d{1,2}\b)")
