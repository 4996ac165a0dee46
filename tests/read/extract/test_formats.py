"""RTF, OpenDocument, PPTX, XLSX, EPUB and legacy .doc: fixtures built here, read with structure and provenance."""

from __future__ import annotations

import io
import zipfile

import pytest

from syllabus_audit.read.extract import extract_file, legacy  # noqa: F401
from syllabus_audit.read.extract.legacy import docbook_blocks
from syllabus_audit.read.extract.limits import parse_xml
from syllabus_audit.types import CORRUPT, HEADING, LIST_ITEM, OK, PARAGRAPH, TABLE_CELL


def _zip(members: dict[str, bytes | str], stored_first: str | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        if stored_first:  # ODF/EPUB: an uncompressed "mimetype" first
            zf.writestr(zipfile.ZipInfo("mimetype"), members[stored_first])
        for name, data in members.items():
            if name != stored_first:
                zf.writestr(name, data)
    return buf.getvalue()


def kinds(doc):
    return [(b.kind, b.text) for b in doc.blocks]


# --- RTF ---------------------------------------------------------------------

RTF = rb"""{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss\fcharset0 Arial;}{\f1\fcharset204 Arial Cyr;}}
{\colortbl;\red255\green0\blue0;}{\stylesheet{\s1\outlinelevel0 heading 1;}{\s2 Normal;}}
{\info{\title Metadata title}{\author Someone}}
{\header\pard Running header\par}
\pard\s1 Unit outline\par
\pard\plain Students build rapport with clients and repair ruptures in the alliance.\par
\pard caf\'e9 \u8217? it\u55357?\u56832?s {\f1 \'cf\'f0\'e8}\par
{\listtext\pard\plain\'b7\tab}\pard\ls1 Empathic listening\par
\pard\bullet\tab Reflective responding\par
\trowd\cellx2000\cellx4000\pard\intbl Week 1\cell\pard\intbl Working alliance\par Goals and tasks\cell\row
\pard {\field{\*\fldinst HYPERLINK "http://example.org/"}{\fldrslt course site}} here{\footnote\pard Footnote text\par}.\par
{\*\generator Writer}{\pict\pngblip 89504e47}\pard The end.\par}
"""


def test_rtf_structure_encoding_and_lines(write_file):
    doc = extract_file(write_file("outline.rtf", RTF), "outline.rtf")
    assert doc.status == OK and doc.format == "rtf"
    assert kinds(doc) == [
        (HEADING, "Unit outline"),
        (PARAGRAPH, "Students build rapport with clients and repair ruptures in the alliance."),
        (PARAGRAPH, "café \u2019 it\U0001f600s При"),
        (LIST_ITEM, "Empathic listening"),
        (LIST_ITEM, "Reflective responding"),
        (TABLE_CELL, "Week 1"),
        (TABLE_CELL, "Working alliance"),  # a cell's paragraphs are items of their own
        (TABLE_CELL, "Goals and tasks"),
        (PARAGRAPH, "course site here."),
        (PARAGRAPH, "The end."),
    ]
    assert [b.anchors[0].line for b in doc.blocks] == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    assert all(a.page is None for b in doc.blocks for a in b.anchors)


def test_rtf_suffix_without_rtf_header_is_unsupported(write_file):
    doc = extract_file(write_file("x.rtf", b"\x00\x01binary"), "x.rtf")
    assert doc.status != OK and doc.reason


# --- OpenDocument ------------------------------------------------------------

ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"'
)
ODT_CONTENT = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {ODF_NS}>
<office:automatic-styles>
  <style:style style:name="P1" style:family="paragraph" style:parent-style-name="Heading_20_2"/>
</office:automatic-styles>
<office:body><office:text>
  <text:sequence-decls/>
  <text:h text:outline-level="1">Course <text:span>outline</text:span></text:h>
  <text:p>Trainees learn to<text:s text:c="3"/>build the alliance<text:note><text:note-citation>1</text:note-citation>
    <text:note-body><text:p>See Bordin (1979).</text:p></text:note-body></text:note> with clients.</text:p>
  <text:p/>
  <text:list><text:list-item><text:p>Empathy</text:p></text:list-item>
    <text:list-item><text:p>Genuineness<text:tab/>and warmth</text:p></text:list-item></text:list>
  <text:p text:style-name="P1">Assessment</text:p>
  <table:table><table:table-row>
    <table:table-cell><text:p>Week 1</text:p></table:table-cell>
    <table:table-cell><text:p>Rupture</text:p><text:p>and repair</text:p></table:table-cell>
  </table:table-row></table:table>
  <text:p>Anchor<draw:frame><draw:text-box><text:p>Boxed text</text:p></draw:text-box></draw:frame></text:p>
</office:text></office:body></office:document-content>"""


def test_odt_structure_and_lines(write_file):
    data = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": ODT_CONTENT}, "mimetype")
    doc = extract_file(write_file("syllabus.odt", data), "syllabus.odt")
    assert doc.status == OK and doc.format == "odt"
    assert kinds(doc) == [
        (HEADING, "Course outline"),
        (PARAGRAPH, "Trainees learn to build the alliance with clients."),
        (LIST_ITEM, "Empathy"),
        (LIST_ITEM, "Genuineness and warmth"),
        (HEADING, "Assessment"),
        (TABLE_CELL, "Week 1"),
        (TABLE_CELL, "Rupture and repair"),  # the lower-case line goes on with the item
        (PARAGRAPH, "Anchor"),
        (PARAGRAPH, "Boxed text"),
        (PARAGRAPH, "See Bordin (1979)."),
    ]
    assert [b.anchors[0].line for b in doc.blocks] == [1, 2, 4, 5, 6, 7, 8, 10, 11, 12]


def test_odp_slides_are_pages(write_file):
    content = f"""<office:document-content {ODF_NS}><office:body><office:presentation>
      <draw:page><draw:frame presentation:class="title"><draw:text-box><text:p>Session one</text:p></draw:text-box></draw:frame>
        <draw:frame><draw:text-box><text:list><text:list-item><text:p>Rapport</text:p></text:list-item></text:list></draw:text-box></draw:frame></draw:page>
      <draw:page><draw:frame><draw:text-box><text:p>Second slide</text:p></draw:text-box></draw:frame></draw:page>
    </office:presentation></office:body></office:document-content>"""
    data = _zip({"mimetype": b"application/vnd.oasis.opendocument.presentation", "content.xml": content}, "mimetype")
    doc = extract_file(write_file("talk.odp", data), "talk.odp")
    assert doc.status == OK and doc.format == "odp" and doc.pages == 2
    assert kinds(doc) == [(HEADING, "Session one"), (LIST_ITEM, "Rapport"), (PARAGRAPH, "Second slide")]
    assert [(b.anchors[0].page, b.anchors[0].line) for b in doc.blocks] == [(1, 1), (1, 2), (2, 1)]


def test_odt_damaged_xml_is_corrupt(write_file):
    data = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office:doc"}, "mimetype")
    doc = extract_file(write_file("bad.odt", data), "bad.odt")
    assert doc.status == CORRUPT and doc.format == "odt"


# --- PPTX --------------------------------------------------------------------


def test_pptx_titles_bullets_tables_notes(tmp_path):
    pptx = pytest.importorskip("pptx")
    from pptx.util import Inches

    prs = pptx.Presentation()
    s1 = prs.slides.add_slide(prs.slide_layouts[1])  # title and content
    s1.shapes.title.text = "Week 1: The working alliance"
    body = s1.placeholders[1].text_frame
    body.text = "Goals, tasks and bond"
    body.add_paragraph().text = "Rupture and repair"
    s1.notes_slide.notes_text_frame.text = "Ask trainees about their own experience."
    s2 = prs.slides.add_slide(prs.slide_layouts[5])  # title only
    s2.shapes.title.text = "Assessment"
    box = s2.shapes.add_textbox(Inches(1), Inches(2), Inches(5), Inches(1))
    box.text_frame.text = "Role-play with feedback."
    table = s2.shapes.add_table(1, 2, Inches(1), Inches(4), Inches(6), Inches(1)).table
    table.cell(0, 0).text = "Skill"
    table.cell(0, 1).text = "Empathy"
    path = tmp_path / "slides.pptx"
    prs.save(str(path))

    doc = extract_file(path, "slides.pptx")
    assert doc.status == OK and doc.format == "pptx" and doc.pages == 2
    assert kinds(doc) == [
        (HEADING, "Week 1: The working alliance"),
        (LIST_ITEM, "Goals, tasks and bond"),
        (LIST_ITEM, "Rupture and repair"),
        (PARAGRAPH, "Ask trainees about their own experience."),
        (HEADING, "Assessment"),
        (PARAGRAPH, "Role-play with feedback."),
        (TABLE_CELL, "Skill"),
        (TABLE_CELL, "Empathy"),
    ]
    assert [(b.anchors[0].page, b.anchors[0].line) for b in doc.blocks] == [
        (1, 1), (1, 2), (1, 3), (1, 4), (2, 1), (2, 2), (2, 3), (2, 4)
    ]


# --- XLSX --------------------------------------------------------------------

_XL = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _xlsx() -> bytes:
    sheet = lambda rows: (  # noqa: E731
        f'<worksheet xmlns="{_XL}"><sheetData>' + "".join(rows) + "</sheetData></worksheet>"
    )
    return _zip({
        "[Content_Types].xml": "<Types/>",
        "xl/workbook.xml": f'<workbook xmlns="{_XL}" xmlns:r="{_RELNS}"><sheets>'
        '<sheet name="Competencies" sheetId="1" r:id="rId1"/><sheet name="Notes" sheetId="2" r:id="rId2"/>'
        "</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="x/worksheet" Target="worksheets/sheet2.xml"/></Relationships>',
        "xl/sharedStrings.xml": f'<sst xmlns="{_XL}"><si><t>Competency</t></si>'
        "<si><r><t>Establishes a </t></r><r><t>therapeutic alliance</t></r></si></sst>",
        "xl/worksheets/sheet1.xml": sheet([
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>3</v></c></row>',
            '<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" t="inlineStr"><is><t>Level 2</t></is></c></row>',
        ]),
        "xl/worksheets/sheet2.xml": sheet(['<row r="2"><c r="C2" t="str"><f>A1</f><v>Reflective practice</v></c></row>']),
    })


def test_xlsx_text_cells_with_sheet_and_row(write_file):
    doc = extract_file(write_file("matrix.xlsx", _xlsx()), "matrix.xlsx")
    assert doc.status == OK and doc.format == "xlsx" and doc.pages == 2
    assert [(b.kind, b.text, b.anchors[0].page, b.anchors[0].line) for b in doc.blocks] == [
        (TABLE_CELL, "Competency", 1, 1),
        (TABLE_CELL, "Establishes a therapeutic alliance", 1, 3),
        (TABLE_CELL, "Level 2", 1, 3),
        (TABLE_CELL, "Reflective practice", 2, 2),
    ]


# --- EPUB --------------------------------------------------------------------


def test_epub_spine_documents_in_order(write_file):
    chapter = lambda body: f'<html xmlns="http://www.w3.org/1999/xhtml"><body>{body}</body></html>'  # noqa: E731
    data = _zip({
        "mimetype": b"application/epub+zip",
        "META-INF/container.xml": '<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0">'
        '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
        "OEBPS/content.opf": '<package xmlns="http://www.idpf.org/2007/opf" version="3.0"><manifest>'
        '<item id="c2" href="ch%202.xhtml" media-type="application/xhtml+xml"/>'
        '<item id="c1" href="ch1.xhtml" media-type="application/xhtml+xml"/></manifest>'
        '<spine><itemref idref="c1"/><itemref idref="c2"/></spine></package>',
        "OEBPS/ch1.xhtml": chapter("<h1>Handbook</h1>\n<p>Building rapport.</p>"),
        "OEBPS/ch 2.xhtml": chapter("<ul><li>Empathy</li></ul>"),
    }, "mimetype")
    doc = extract_file(write_file("handbook.epub", data), "handbook.epub")
    assert doc.status == OK and doc.format == "epub" and doc.pages == 2
    assert [(b.kind, b.text, b.anchors[0].page, b.anchors[0].line) for b in doc.blocks] == [
        (HEADING, "Handbook", 1, 1),
        (PARAGRAPH, "Building rapport.", 1, 2),
        (LIST_ITEM, "Empathy", 2, 1),
    ]


# --- legacy .doc -------------------------------------------------------------

DOCBOOK = b"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE book PUBLIC "-//OASIS//DTD DocBook XML V4.1.2//EN" "http://www.oasis-open.org/docbook/xml/4.1.2/docbookx.dtd">
<book><title>Metadata title</title><bookinfo><title>Metadata title</title></bookinfo>
<chapter><title/><para>Course outline</para><para>[pic]</para>
<sect1><title>Objectives</title>
<itemizedlist><listitem><para>Build rapport with clients</para></listitem></itemizedlist>
<informaltable><tgroup cols="2"><colspec colname="c1"/><tbody><row><entry>Week 1</entry><entry>Alliance</entry></row></tbody></tgroup></informaltable>
</sect1></chapter></book>"""


def test_antiword_docbook_blocks():
    blocks = docbook_blocks(parse_xml(DOCBOOK, allow_dtd=True))
    assert [(b.kind, b.text, b.anchors[0].line) for b in blocks] == [
        (PARAGRAPH, "Course outline", 2),
        (HEADING, "Objectives", 4),
        (LIST_ITEM, "Build rapport with clients", 5),
        (TABLE_CELL, "Week 1", 6),
        (TABLE_CELL, "Alliance", 7),
    ]


def test_doc_through_libreoffice_when_only_soffice_is_installed(tmp_path, monkeypatch, make_docx, write_file):
    """A stand-in ``soffice`` on PATH: checks the command line and the DOCX hand-over."""
    converted = make_docx("converted.docx", lambda d: d.add_paragraph("Converted by LibreOffice."))
    bindir = tmp_path / "bin"
    bindir.mkdir()
    script = bindir / "soffice"
    script.write_text(
        "#!/bin/sh\n"
        'while [ $# -gt 0 ]; do case "$1" in --outdir) out="$2"; shift;; esac; shift; done\n'
        f'cp "{converted}" "$out/in.docx"\n'
    )
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bindir}:/usr/bin:/bin")
    monkeypatch.setattr(legacy, "converters", lambda: ["soffice"])
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    doc = extract_file(write_file("old.doc", ole), "old.doc")
    assert doc.status == OK and doc.format == "doc"
    assert [b.text for b in doc.blocks] == ["Converted by LibreOffice."]


def test_doc_converter_failure_is_corrupt_with_the_converters_message(tmp_path, monkeypatch, write_file):
    bindir = tmp_path / "bin"
    bindir.mkdir()
    script = bindir / "soffice"
    script.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bindir}:/usr/bin:/bin")
    monkeypatch.setattr(legacy, "converters", lambda: ["soffice"])
    doc = extract_file(write_file("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)), "old.doc")
    assert doc.status == CORRUPT and "source file could not be loaded" in doc.reason
