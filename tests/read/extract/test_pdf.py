"""PDF extraction on small reportlab-built files."""

from __future__ import annotations

from syllabus_audit.read.extract import extract_file
from syllabus_audit.read.extract.pdf import extract_pdf
from syllabus_audit.types import CORRUPT, EMPTY, ENCRYPTED, HEADING, LIST_ITEM, NEEDS_OCR, OK, PARAGRAPH
from tests.read.extract.conftest import zero_page_pdf

BODY1 = (
    "Students will learn to build a strong therapeutic relationship with clients from many "
    "backgrounds, and will practise reflective listening in weekly role plays with peers."
)
BODY2 = "Supervision meetings take place every second week during the practicum term."


def _lines_at(x, y, lines, step=14, size=11):
    return [(x, y + i * step, text, size) for i, text in enumerate(lines)]


def _find(doc, needle):
    blocks = [b for b in doc.blocks if needle in b.text]
    assert blocks, f"{needle!r} not found in {[b.text for b in doc.blocks]}"
    return blocks[0]


def test_pdf_hyphenation_rejoins_words_but_keeps_compounds(make_pdf):
    lines = ["We study how the therapeutic al-", "liance grows, and when counsellor self-", "disclosure helps clients."]
    doc = extract_pdf(make_pdf("hy.pdf", [_lines_at(72, 100, lines)]), "hy.pdf")
    assert doc.status == OK
    block = _find(doc, "alliance")
    assert "therapeutic alliance grows" in block.text
    assert "self-disclosure helps" in block.text
    assert "al-" not in block.text and "al liance" not in block.text


def test_pdf_wrapped_sentence_is_one_block_with_page_and_line(make_pdf, wrap):
    page = [(72, 72, "Course Description", 16)]
    page += _lines_at(72, 110, wrap(BODY1))
    page += _lines_at(72, 200, wrap(BODY2))
    doc = extract_pdf(make_pdf("wrap.pdf", [page]), "wrap.pdf")
    assert doc.status == OK and doc.pages == 1
    assert [b.kind for b in doc.blocks] == [HEADING, PARAGRAPH, PARAGRAPH]
    assert doc.blocks[0].text == "Course Description"
    assert doc.blocks[1].text == BODY1
    assert doc.blocks[2].text == BODY2
    # "reflective listening" sits on the second wrapped line of the paragraph: line 3 of page 1.
    block = doc.blocks[1]
    anchor = block.locate(block.text.index("reflective listening"))
    wrapped = wrap(BODY1)
    expected_line = 2 + next(i for i, ln in enumerate(wrapped) if "reflective" in ln)
    assert (anchor.page, anchor.line) == (1, expected_line)


def test_pdf_running_headers_footers_and_page_numbers_are_dropped(make_pdf, wrap):
    pages = []
    for n in range(1, 4):
        ops = [(72, 40, "COUN 501 Counseling Skills - Fall 2024", 9)]
        ops += _lines_at(72, 100, wrap(f"Week {n} covers empathy practice number {n} in small groups of three."))
        ops += [(280, 800, f"Page {n} of 3", 9), (500, 800, str(n), 9)]
        pages.append(ops)
    doc = extract_pdf(make_pdf("hf.pdf", pages), "hf.pdf")
    assert doc.status == OK and doc.pages == 3
    texts = [b.text for b in doc.blocks]
    assert not any("COUN 501" in t or "Page" in t for t in texts), texts
    assert texts == [f"Week {n} covers empathy practice number {n} in small groups of three." for n in (1, 2, 3)]
    # Line numbers still count the header line as line 1 of each page.
    assert [(b.anchors[0].page, b.anchors[0].line) for b in doc.blocks] == [(1, 2), (2, 2), (3, 2)]


def test_pdf_sentence_continues_over_page_break(make_pdf):
    page1 = _lines_at(72, 100, ["The course explains why a warm and trusting"])
    page2 = _lines_at(72, 100, ["relationship between counsellor and client matters."])
    doc = extract_pdf(make_pdf("cont.pdf", [page1, page2]), "cont.pdf")
    assert len(doc.blocks) == 1
    block = doc.blocks[0]
    assert block.text == "The course explains why a warm and trusting relationship between counsellor and client matters."
    anchor = block.locate(block.text.index("relationship"))
    assert (anchor.page, anchor.line) == (2, 1)


def test_pdf_list_items(make_pdf):
    ops = [(72, 80, "Learning outcomes:")]
    ops += _lines_at(72, 100, ["\u2022 Demonstrate active listening.", "\u2022 Reflect feelings and content.", "- Build rapport with", "   clients early.", "1. Use open questions."])
    doc = extract_pdf(make_pdf("list.pdf", [ops]), "list.pdf")
    items = [b.text for b in doc.blocks if b.kind == LIST_ITEM]
    assert items == [
        "Demonstrate active listening.",
        "Reflect feelings and content.",
        "Build rapport with clients early.",
        "Use open questions.",
    ]


def _two_columns(wrap, order):
    left = wrap(
        "The left column explains the working alliance between counsellor and client in plain words, "
        "so that first-year students can see how trust grows over the sessions, and ends here.", 38
    )
    right = wrap(
        "The right column describes supervision of practicum students and the feedback they receive "
        "each week from their site supervisor and from the course instructor.", 38
    )
    rows_left = [(60, 120 + i * 14, t) for i, t in enumerate(left)]
    rows_right = [(320, 120 + i * 14, t) for i, t in enumerate(right)]
    title = [(60, 80, "Two Column Handout", 16)]
    if order == "right_first":
        ops = title + rows_right + rows_left
    else:  # interleave line by line, right before left
        ops = title + [op for pair in zip(rows_right, rows_left) for op in pair]
    return ops, " ".join(left), " ".join(right)


def test_pdf_two_columns_read_left_then_right_when_stream_draws_right_first(make_pdf, wrap):
    for order in ("right_first", "interleaved"):
        ops, left, right = _two_columns(wrap, order)
        doc = extract_pdf(make_pdf(f"cols-{order}.pdf", [ops]), "cols.pdf")
        texts = [b.text for b in doc.blocks]
        assert texts[0] == "Two Column Handout"
        assert texts[1:] == [left, right], (order, texts)


def test_pdf_encrypted_with_password_is_encrypted(make_pdf):
    from reportlab.lib.pdfencrypt import StandardEncryption

    enc = StandardEncryption("secret", ownerPassword="owner", strength=128)
    path = make_pdf("locked.pdf", [[(72, 100, "Hidden text")]], encrypt=enc)
    doc = extract_file(path, "locked.pdf")
    assert doc.status == ENCRYPTED
    assert "password" in doc.reason


def test_pdf_with_empty_user_password_opens(make_pdf):
    from reportlab.lib.pdfencrypt import StandardEncryption

    enc = StandardEncryption("", ownerPassword="owner", canCopy=0, strength=128)
    path = make_pdf("open.pdf", [[(72, 100, "Readable despite encryption.")]], encrypt=enc)
    doc = extract_file(path, "open.pdf")
    assert doc.status == OK
    assert doc.blocks[0].text == "Readable despite encryption."


def test_pdf_image_only_needs_ocr(make_pdf):
    doc = extract_file(make_pdf("scan.pdf", ["IMAGE", "IMAGE"]), "scan.pdf")
    assert doc.status == NEEDS_OCR
    assert doc.reason.startswith("PDF has no text layer on any of its 2 pages (scanned?); needs OCR")
    assert "run with --ocr" in doc.reason and "apt-get install tesseract-ocr" in doc.reason
    assert doc.pages == 2 and doc.blocks == ()


def test_pdf_truncated_is_corrupt(make_pdf, write_file):
    data = make_pdf("good.pdf", [[(72, 100, "Some text")]]).read_bytes()
    doc = extract_file(write_file("cut.pdf", data[: len(data) // 2]), "cut.pdf")
    assert doc.status == CORRUPT
    assert doc.reason.startswith("file is truncated or not a valid PDF")
    assert doc.format == "pdf"


def test_pdf_suffix_on_garbage_is_corrupt(write_file):
    doc = extract_file(write_file("junk.pdf", b"this is not a pdf at all\n" * 20), "junk.pdf")
    assert doc.status == CORRUPT and "not a PDF" in doc.reason


def test_pdf_with_zero_pages_is_empty(write_file):
    out = zero_page_pdf()
    doc = extract_file(write_file("zero.pdf", out), "zero.pdf")
    assert doc.status == EMPTY
    assert doc.pages == 0


def test_pdf_bold_sentence_case_heading_is_a_heading(make_pdf):
    page = [(72, 100, "Course description", 11, "Helvetica-Bold"),
            (72, 114, "This course introduces the relational skills of practice."),
            (72, 128, "Course code:", 11, "Helvetica-Bold"),
            (72, 142, "Learning outcomes", 11, "Helvetica-Bold"),
            (72, 156, "Students build a working alliance with clients.")]
    doc = extract_file(make_pdf("bold.pdf", [page]), "bold.pdf")
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert ("heading", "Course description") in kinds and ("heading", "Learning outcomes") in kinds
    assert ("heading", "Course code:") not in kinds  # a label ending in ":" is not a title


def test_pdf_blank_last_page_is_not_a_scan(make_pdf):
    text = [[(72, 100, f"Page {i}: students practise reflective listening with clients.")] for i in range(1, 5)]
    doc = extract_file(make_pdf("blank-end.pdf", text + [[]]), "blank-end.pdf")
    assert doc.status == OK and doc.pages == 5
    assert doc.reason == ""


def test_pdf_page_with_only_vector_drawing_is_not_a_scan(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "rule.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.drawString(72, 700, "Students practise reflective listening with clients.")
    c.showPage()
    c.line(72, 400, 500, 400)  # a rule and a box, no text, no image
    c.rect(100, 100, 200, 100)
    c.showPage()
    c.save()
    doc = extract_file(path, "rule.pdf")
    assert doc.status == OK and doc.reason == ""


def test_pdf_image_page_without_text_is_noted_as_scanned(make_pdf):
    pages = [[(72, 100, "Students practise reflective listening with clients.")], "IMAGE", []]
    doc = extract_file(make_pdf("part-scan.pdf", pages), "part-scan.pdf")
    assert doc.status == OK
    assert doc.reason.startswith("1 of 3 pages has no text layer (scanned?); run with --ocr")


def test_pdf_with_only_blank_pages_is_empty_not_needs_ocr(make_pdf):
    doc = extract_file(make_pdf("blank.pdf", [[], []]), "blank.pdf")
    assert doc.status == EMPTY and doc.reason == "all 2 PDF pages are blank"
