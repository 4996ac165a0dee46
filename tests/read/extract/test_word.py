"""DOCX extraction on python-docx-built files."""

from __future__ import annotations

from syllabus_audit.read.extract import extract_file
from syllabus_audit.read.extract.word import extract_docx
from syllabus_audit.types import CORRUPT, HEADING, LIST_ITEM, OK, PARAGRAPH, TABLE_CELL

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
TEXT_BOX_RUN = f"""<w:r {NS}><mc:AlternateContent>
<mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>
<w:p><w:r><w:t>Box: empathy is practised weekly.</w:t></w:r></w:p>
</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>
<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>
<w:p><w:r><w:t>Box: empathy is practised weekly.</w:t></w:r></w:p>
</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>
</mc:AlternateContent></w:r>"""


def _fill(document):
    from docx.oxml import parse_xml

    document.add_heading("Course Overview", level=1)  # p1
    p = document.add_paragraph("This course builds the therapeutic alliance.")  # p2
    p._p.append(parse_xml(TEXT_BOX_RUN))  # text box paragraph = p3
    table = document.add_table(rows=2, cols=2)  # cell paragraphs p4..p7
    table.cell(0, 0).text = "Week 1"
    table.cell(0, 1).text = "Active listening"
    table.cell(1, 0).text = "Week 2"
    cell = table.cell(1, 1)
    cell.text = "Reflecting feelings"
    cell.add_paragraph("Role play")  # p8: second paragraph of the same cell
    document.add_paragraph("Outcomes", style="Heading 2")  # p9
    document.add_paragraph("Show warmth and respect.", style="List Bullet")  # p10
    document.add_paragraph("Use open questions.", style="List Number")  # p11
    run = document.add_paragraph().add_run("A line\twith a tab")  # p12
    run.add_break()
    run.add_text("and a break.")
    section = document.sections[0]
    section.header.paragraphs[0].text = "COUN 510 Fall 2024"
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "COUN 510 Fall 2024"  # duplicate: read once
    section.footer.paragraphs[0].text = "Counseling Department footer"


def test_docx_blocks_in_body_order_with_kinds(make_docx):
    doc = extract_file(make_docx("syl.docx", _fill), "syl.docx")
    assert doc.status == OK and doc.format == "docx"
    got = [(b.kind, b.text) for b in doc.blocks]
    assert got == [
        (HEADING, "Course Overview"),
        (PARAGRAPH, "This course builds the therapeutic alliance."),
        (PARAGRAPH, "Box: empathy is practised weekly."),
        (TABLE_CELL, "Week 1"),
        (TABLE_CELL, "Active listening"),
        (TABLE_CELL, "Week 2"),
        (TABLE_CELL, "Reflecting feelings"),  # a cell's paragraphs are items of their own
        (TABLE_CELL, "Role play"),
        (HEADING, "Outcomes"),
        (LIST_ITEM, "Show warmth and respect."),
        (LIST_ITEM, "Use open questions."),
        (PARAGRAPH, "A line with a tab\nand a break."),
        (PARAGRAPH, "COUN 510 Fall 2024"),
        (PARAGRAPH, "Counseling Department footer"),
    ]


def test_docx_text_box_is_read_once_not_from_fallback(make_docx):
    doc = extract_docx(str(make_docx("box.docx", _fill)), "box.docx")
    assert sum("Box: empathy" in b.text for b in doc.blocks) == 1


def test_docx_line_is_paragraph_ordinal(make_docx):
    doc = extract_docx(str(make_docx("lines.docx", _fill)), "lines.docx")
    by_text = {b.text: b for b in doc.blocks}
    assert by_text["Course Overview"].anchors[0].line == 1
    assert by_text["Box: empathy is practised weekly."].anchors[0].line == 3
    assert by_text["Week 1"].anchors[0].line == 4
    assert by_text["Reflecting feelings"].anchors[0].line == 7
    assert by_text["Role play"].anchors[0].line == 8
    assert by_text["Use open questions."].anchors[0].line == 11
    assert all(a.page is None for b in doc.blocks for a in b.anchors)


def test_docx_nested_table_cells(make_docx):
    def fill(document):
        outer = document.add_table(rows=1, cols=1)
        outer.cell(0, 0).text = "Outer cell"
        inner = outer.cell(0, 0).add_table(rows=1, cols=2)
        inner.cell(0, 0).text = "Inner A"
        inner.cell(0, 1).text = "Inner B"

    doc = extract_docx(str(make_docx("nested.docx", fill)), "nested.docx")
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (TABLE_CELL, "Outer cell"),
        (TABLE_CELL, "Inner A"),
        (TABLE_CELL, "Inner B"),
    ]


def test_docx_zip_bomb_is_corrupt(write_file, zip_bytes):
    body = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    data = zip_bytes({"word/document.xml": body + b" " * (20 * 2**20) + b"</w:body></w:document>"})
    doc = extract_file(write_file("bomb.docx", data), "bomb.docx")
    assert doc.status == CORRUPT
    assert "compression ratio" in doc.reason and "zip bomb" in doc.reason


def test_docx_not_a_zip_is_corrupt(write_file):
    doc = extract_file(write_file("bad.docx", b"just some text pretending to be Word"), "bad.docx")
    assert doc.status == CORRUPT and doc.format == "docx"


def test_docx_missing_document_xml_is_corrupt(write_file, zip_bytes):
    doc = extract_file(write_file("hollow.docx", zip_bytes({"word/styles.xml": b"<x/>"})), "hollow.docx")
    assert doc.status == CORRUPT
    assert "word/document.xml" in doc.reason


def test_docx_damaged_xml_is_corrupt(write_file, zip_bytes):
    data = zip_bytes({"word/document.xml": b"<w:document><w:body><w:p>"})
    doc = extract_file(write_file("broken.docx", data), "broken.docx")
    assert doc.status == CORRUPT


def test_docx_entities_are_not_expanded(write_file, zip_bytes):
    xml = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x "EXPANDED">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>Before &x; after</w:t></w:r></w:p></w:body></w:document>"
    )
    doc = extract_file(write_file("ent.docx", zip_bytes({"word/document.xml": xml})), "ent.docx")
    assert "EXPANDED" not in " ".join(b.text for b in doc.blocks)


# --- style memo (word/styles.xml shared by documents from one template) -------------

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
STYLED_BODY = (
    f'<w:document {W_NS}><w:body>'
    '<w:p><w:pPr><w:pStyle w:val="Custom1"/></w:pPr><w:r><w:t>Learning Outcomes</w:t></w:r></w:p>'
    '<w:p><w:pPr><w:pStyle w:val="Custom2"/></w:pPr><w:r><w:t>Listen reflectively.</w:t></w:r></w:p>'
    "</w:body></w:document>"
).encode()


def _styles(custom1_name: str) -> bytes:
    return (
        f'<w:styles {W_NS}>'
        f'<w:style w:type="paragraph" w:styleId="Custom1"><w:name w:val="{custom1_name}"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Base"><w:name w:val="list paragraph"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Custom2"><w:name w:val="my item"/><w:basedOn w:val="Base"/></w:style>'
        "</w:styles>"
    ).encode()


def _styled_docx(write_file, zip_bytes, name: str, styles: bytes):
    return write_file(name, zip_bytes({"word/document.xml": STYLED_BODY, "word/styles.xml": styles}))


def _kinds(doc):
    return [(b.kind, b.text) for b in doc.blocks]


def test_docx_same_styles_part_is_walked_once_and_gives_same_kinds(write_file, zip_bytes, monkeypatch):
    from syllabus_audit.read.extract import word

    monkeypatch.setattr(word, "_style_memo", type(word._style_memo)())
    calls = []
    real = word._style_kinds
    monkeypatch.setattr(word, "_style_kinds", lambda root: calls.append(1) or real(root))
    styles = _styles("heading 1")
    expected = [(HEADING, "Learning Outcomes"), (LIST_ITEM, "Listen reflectively.")]
    first = extract_docx(str(_styled_docx(write_file, zip_bytes, "a.docx", styles)), "a.docx")
    second = extract_docx(str(_styled_docx(write_file, zip_bytes, "b.docx", bytes(styles))), "b.docx")
    assert _kinds(first) == _kinds(second) == expected
    assert len(calls) == 1  # the second document was served from the memo

    # Same length, different bytes: must be parsed again, and "quotation" is no heading.
    changed = _styles("quotation")
    assert len(changed) == len(styles)
    third = extract_docx(str(_styled_docx(write_file, zip_bytes, "c.docx", changed)), "c.docx")
    assert _kinds(third) == [(PARAGRAPH, "Learning Outcomes"), (LIST_ITEM, "Listen reflectively.")]
    assert len(calls) == 2
    # And the original template is still remembered alongside it.
    again = extract_docx(str(_styled_docx(write_file, zip_bytes, "d.docx", styles)), "d.docx")
    assert _kinds(again) == expected and len(calls) == 2


def test_docx_style_memo_is_bounded(write_file, zip_bytes, monkeypatch):
    from syllabus_audit.read.extract import word

    monkeypatch.setattr(word, "_style_memo", type(word._style_memo)())
    monkeypatch.setattr(word, "STYLE_MEMO_SIZE", 2)
    for i in range(5):
        extract_docx(str(_styled_docx(write_file, zip_bytes, f"s{i}.docx", _styles(f"heading {i}"))), f"s{i}.docx")
    assert len(word._style_memo) == 2


def test_docx_unsafe_or_damaged_styles_part_is_refused_every_time(write_file, zip_bytes, monkeypatch):
    from syllabus_audit.read.extract import word

    monkeypatch.setattr(word, "_style_memo", type(word._style_memo)())
    dtd = b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY x "X">]>' + _styles("heading 1")
    damaged = _styles("heading 1")[:-5]
    for bad, word_in_reason in ((dtd, "DTD"), (damaged, "damaged XML")):
        for name in ("x1.docx", "x2.docx"):  # the second time too: a refused part is never memoised
            doc = extract_file(_styled_docx(write_file, zip_bytes, name, bad), name)
            assert doc.status == CORRUPT and word_in_reason in doc.reason
    assert len(word._style_memo) == 0
