"""Ruled tables in PDFs: each cell is read on its own (pdf_tables.py)."""

from __future__ import annotations

import pytest

from syllabus_audit.read.extract import extract_file
from syllabus_audit.read.extract.pdf_tables import Cell, cells_of
from syllabus_audit.types import PARAGRAPH, TABLE_CELL

# A weekly schedule as syllabi draw it: week | topics (one per line) | readings.
ROWS = [
    ("1", ["Introduction and overview"], ["Course reader, ch. 1"]),
    ("2", ["Assessment interviews", "Stages of change"], ["Miller (2019)"]),
    ("3", ["Treatment planning", "Working with mandated clients", "Motivational Interviewing"], ["Rollnick (2020)"]),
]
COLUMNS = [72, 120, 330, 520]  # x of the vertical rules


def _schedule_pdf(tmp_path, vertical_rules: bool = True, wrapped: str | None = None):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "schedule.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 11)
    c.drawString(72, 780, "Course schedule and topics for the term are listed below.")
    y = 750
    rules = [y]
    for week, topics, readings in ROWS:
        lines = max(len(topics), len(readings))
        for i, text in enumerate(topics):
            c.drawString(COLUMNS[1] + 4, y - 14 - 14 * i, text)
        for i, text in enumerate(readings):
            c.drawString(COLUMNS[2] + 4, y - 14 - 14 * i, text)
        c.drawString(COLUMNS[0] + 4, y - 14, week)
        y -= 14 * lines + 8
        rules.append(y)
    if wrapped:  # one more row whose topic cell holds text wrapped over several lines
        for i, text in enumerate(wrapped):
            c.drawString(COLUMNS[1] + 4, y - 14 - 14 * i, text)
        c.drawString(COLUMNS[0] + 4, y - 14, "4")
        y -= 14 * len(wrapped) + 8
        rules.append(y)
    for r in rules:
        c.line(COLUMNS[0], r, COLUMNS[-1], r)
    if vertical_rules:
        for x in COLUMNS:
            c.line(x, rules[0], x, rules[-1])
    c.drawString(72, y - 30, "Late work loses five percent per day.")
    c.showPage()
    c.save()
    return extract_file(path, "schedule.pdf")


def test_each_line_of_a_ruled_cell_is_its_own_item(tmp_path):
    doc = _schedule_pdf(tmp_path)
    texts = [b.text for b in doc.blocks]
    # The two neighbouring topics of week 3 are separate passages, as are the rows.
    assert "Working with mandated clients" in texts
    assert "Motivational Interviewing" in texts
    assert "Stages of change" in texts and "Treatment planning" in texts
    cells = [b for b in doc.blocks if b.kind == TABLE_CELL]
    assert {b.text for b in cells} >= {"1", "2", "3", "Introduction and overview", "Rollnick (2020)"}
    assert not any("clients Motivational" in t or "change 3" in t for t in texts)


def test_ruled_cells_keep_reading_order_and_provenance(tmp_path):
    doc = _schedule_pdf(tmp_path)
    texts = [b.text for b in doc.blocks]
    # Text above the table, the table row by row (cells left to right), text below it.
    assert texts[0].startswith("Course schedule")
    assert texts[-1] == "Late work loses five percent per day."
    assert texts.index("1") < texts.index("Introduction and overview") < texts.index("Course reader, ch. 1") \
        < texts.index("2") < texts.index("Assessment interviews") < texts.index("Stages of change") \
        < texts.index("Miller (2019)") < texts.index("3")
    lines = [b.anchors[0].line for b in doc.blocks]
    assert lines == sorted(lines) and len(set(lines)) == len(lines)
    assert all(b.anchors[0].page == 1 for b in doc.blocks)
    assert {b.kind for b in doc.blocks if b.text in ("Course schedule and topics for the term are listed below.",
                                                     "Late work loses five percent per day.")} == {PARAGRAPH}


def test_a_sentence_wrapped_inside_a_cell_stays_one_passage(tmp_path):
    doc = _schedule_pdf(tmp_path, wrapped=("Students practise reflective listening with", "clients in weekly triads"))
    assert "Students practise reflective listening with clients in weekly triads" in [b.text for b in doc.blocks]


@pytest.mark.parametrize("lines, joined", [
    (("Skills assessment (OSCE):", "alliance building"), "Skills assessment (OSCE): alliance building"),
    (("Skills assessment (OS", "CE) in week 13"), "Skills assessment (OS CE) in week 13"),
    (("Recorded role-play and self", "-critique"), "Recorded role-play and self -critique"),
    (("Case conceptualisation essay", "(2,500 words)"), "Case conceptualisation essay (2,500 words)"),
    (("Alliance building", ", empathic responding"), "Alliance building , empathic responding"),
])
def test_a_cell_line_that_cannot_start_an_item_continues(tmp_path, lines, joined):
    doc = _schedule_pdf(tmp_path, wrapped=lines)
    assert joined in [b.text for b in doc.blocks]


def test_a_table_without_vertical_rules_is_read_as_text(tmp_path):
    doc = _schedule_pdf(tmp_path, vertical_rules=False)
    assert not any(b.kind == TABLE_CELL for b in doc.blocks)


def test_cells_of_uses_the_nearest_rules_that_cross_the_box():
    horizontal = [(100.0, 50.0, 300.0), (150.0, 50.0, 300.0), (200.0, 50.0, 300.0), (400.0, 0.0, 40.0)]
    vertical = [(50.0, 100.0, 200.0), (120.0, 100.0, 200.0), (300.0, 100.0, 200.0)]
    boxes = [(60, 160, 110, 170),  # row 2, column 1
             (130, 160, 290, 170),  # row 2, column 2
             (130, 110, 290, 120),  # row 1, column 2: alone in its row
             (60, 300, 110, 310),  # above the table: no rule above crosses it
             (10, 160, 40, 170)]  # left of the table
    assert cells_of(boxes, horizontal, vertical) == [Cell(200.0, 50.0, 120.0, 150.0), Cell(200.0, 120.0, 300.0, 150.0),
                                                     None, None, None]
    assert cells_of(boxes, horizontal, []) == [None] * 5


def _framed_pdf(tmp_path, with_table: bool):
    """A page with a frame drawn around its text (four rules), and perhaps a table inside it."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "framed.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 11)
    c.drawString(72, 760, "This unit introduces counselling practice with adults and")
    c.drawString(72, 746, "Students practise reflective listening with clients.")
    if with_table:
        for x in (72, 200, 400):
            c.line(x, 700, x, 660)
        for y in (700, 680, 660):
            c.line(72, y, 400, y)
        c.drawString(76, 686, "Week 1")
        c.drawString(204, 686, "Attending skills")
        c.drawString(76, 666, "Week 2")
        c.drawString(204, 666, "Reflecting feelings")
    c.drawString(72, 600, "Late work loses five percent per day.")
    for x0, y0, x1, y1 in ((50, 50, 545, 50), (545, 50, 545, 792), (545, 792, 50, 792), (50, 792, 50, 50)):
        c.line(x0, y0, x1, y1)  # the frame: four rules around everything
    c.showPage()
    c.save()
    return extract_file(path, "framed.pdf")


def test_a_frame_around_the_page_is_not_a_table(tmp_path):
    doc = _framed_pdf(tmp_path, with_table=False)
    assert not any(b.kind == TABLE_CELL for b in doc.blocks)
    assert "This unit introduces counselling practice with adults and Students practise reflective listening " \
           "with clients." in [b.text for b in doc.blocks]


def test_a_table_inside_a_frame_is_still_a_table(tmp_path):
    doc = _framed_pdf(tmp_path, with_table=True)
    assert {b.text for b in doc.blocks if b.kind == TABLE_CELL} == {"Week 1", "Attending skills", "Week 2",
                                                                    "Reflecting feelings"}
    assert {b.kind for b in doc.blocks if "Late work" in b.text or "Students" in b.text} == {PARAGRAPH}


def test_symbol_font_bullets_are_list_markers():
    # Word's bullets come out of PDFs as private-use Symbol / Wingdings glyphs.
    from syllabus_audit.read.extract.textfix import strip_bullet

    for glyph in ("\uf0b7", "\uf0a7", "\uf0d8", "\uf076"):
        assert strip_bullet(f"{glyph} Practise attending skills with clients.") == (
            "Practise attending skills with clients.", True)
    assert strip_bullet("\uf0b7") == ("\uf0b7", False)  # a lone glyph is not an item


def test_only_thin_long_paths_are_rules():
    from syllabus_audit.read.extract.pdf_tables import rules_from_bounds

    bounds = [(72, 700, 520, 700.5),  # a horizontal rule
              (72, 400, 72.4, 700),  # a vertical rule
              (100, 100, 300, 200),  # a box: shading or a frame drawn as one path
              (72, 50, 76, 50.5),  # too short: a dash or a bullet
              (300, 600, 500, 600.2),
              (75, 800, 216, 803)]  # a 3 pt border, as Word draws them
    horizontal, vertical = rules_from_bounds(bounds)
    assert horizontal == [(600.1, 300, 500), (700.25, 72, 520), (801.5, 75, 216)]
    assert vertical == [(72.2, 400, 700)]


def test_running_text_wrapped_in_a_cell_is_a_paragraph(tmp_path):
    # A layout table around a course description: its prose is split into
    # sentences as it would be outside the table (a cell item is one passage).
    lines = ("This unit introduces the helping", "relationship and counselling skills",
             "for work with adults. Students", "practise attending and reflecting",
             "in weekly triads with feedback.")
    doc = _schedule_pdf(tmp_path, wrapped=lines)
    (block,) = [b for b in doc.blocks if b.text.startswith("This unit introduces")]
    assert block.kind == PARAGRAPH and block.text == " ".join(lines)
    assert {b.kind for b in doc.blocks if b.text in ("Working with mandated clients", "Stages of change")} == {TABLE_CELL}


@pytest.mark.parametrize("prev, nxt, goes_on", [
    ("Working with mandated clients", "Motivational Interviewing", False),
    ("Rupture", "and repair", True),
    ("Greg Stone &", "Jerome Gilgan", True),
    ("Skills assessment (OS", "CE)", True),
    ("Essay", "(2,500 words)", True),
    ("Recorded role-play and self", "-critique", True),
    ("Mindfulness.", "relapse prevention", False),
    ("Topics:", "empathy and warmth", True),
    ("Topics:", "Empathy", False),
    ("Interview Skill Video Role-Play", "& Reflective Paper", True),
])
def test_continues_item(prev, nxt, goes_on):
    from syllabus_audit.read.extract.textfix import continues_item

    assert continues_item(prev, nxt) is goes_on


def test_cell_blocks_one_item_per_paragraph_and_prose_as_paragraphs():
    from syllabus_audit.read.extract.textfix import cell_blocks

    prose = ("Students practise attending and reflecting with volunteer clients each week and "
             "discuss the recordings in supervision, with attention to the alliance and its ruptures.")
    blocks = cell_blocks([("Working with mandated clients", None, 4), ("Motivational Interviewing", None, 5),
                          ("Rupture", None, 6), ("and repair", None, 7), (prose, None, 8)])
    assert [(b.kind, b.text, b.anchors[0].line) for b in blocks] == [
        (TABLE_CELL, "Working with mandated clients", 4), (TABLE_CELL, "Motivational Interviewing", 5),
        (TABLE_CELL, "Rupture and repair", 6), (PARAGRAPH, prose, 8)]
    assert blocks[2].locate(blocks[2].text.index("and repair")).line == 7
