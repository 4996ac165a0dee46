"""Plain-text extraction: encodings, line endings, paragraphs, headings, lists."""

from __future__ import annotations

import pytest

from syllabus_audit.read.extract import extract_file
from syllabus_audit.types import HEADING, LIST_ITEM, OK, PARAGRAPH, TABLE_CELL, UNSUPPORTED

SENTENCE = "\u201cClient-centred\u201d work \u2013 caf\u00e9 na\u00efve r\u00e9sum\u00e9."


@pytest.mark.parametrize(
    "encoded",
    [
        SENTENCE.encode("utf-8"),
        b"\xef\xbb\xbf" + SENTENCE.encode("utf-8"),
        b"\xff\xfe" + SENTENCE.encode("utf-16-le"),
        b"\xfe\xff" + SENTENCE.encode("utf-16-be"),
        SENTENCE.encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "cp1252"],
)
def test_text_encodings(write_file, encoded):
    doc = extract_file(write_file("enc.txt", encoded), "enc.txt")
    assert doc.status == OK
    assert [b.text for b in doc.blocks] == [SENTENCE]


def test_text_latin1(write_file):
    text = "Psychologische Beratung f\u00fcr Studierende, \u00a7 3 \u00bd Stunden."
    doc = extract_file(write_file("de.txt", text.encode("iso-8859-1")), "de.txt")
    assert doc.blocks[0].text == text


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"], ids=["crlf", "cr", "lf"])
def test_text_line_endings_and_line_numbers(write_file, newline):
    lines = ["COURSE GOALS", "", "Students learn to listen", "with empathy and respect.", "", "Second paragraph here."]
    doc = extract_file(write_file("nl.txt", newline.join(lines)), "nl.txt")
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (HEADING, "COURSE GOALS"),
        (PARAGRAPH, "Students learn to listen with empathy and respect."),
        (PARAGRAPH, "Second paragraph here."),
    ]
    block = doc.blocks[1]
    assert block.locate(block.text.index("empathy")).line == 4
    assert doc.blocks[2].anchors[0].line == 6
    assert "\r" not in "".join(b.text for b in doc.blocks)


def test_text_headings_lists_and_hyphenation(write_file):
    text = "\n".join(
        [
            "Course Description",
            "==================",
            "",
            "The therapeutic al-",
            "liance and self-",
            "disclosure are covered.",
            "",
            "Learning Outcomes",
            "",
            "* Reflect feelings",
            "- Summarise content and",
            "  meaning",
            "1. Ask open questions",
            "b) Use silence",
            "(iii) Close the session",
        ]
    )
    doc = extract_file(write_file("t.txt", text), "t.txt")
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (HEADING, "Course Description"),
        (PARAGRAPH, "The therapeutic alliance and self-disclosure are covered."),
        (HEADING, "Learning Outcomes"),
        (LIST_ITEM, "Reflect feelings"),
        (LIST_ITEM, "Summarise content and meaning"),
        (LIST_ITEM, "Ask open questions"),
        (LIST_ITEM, "Use silence"),
        (LIST_ITEM, "Close the session"),
    ]
    assert doc.blocks[4].locate(doc.blocks[4].text.index("meaning")).line == 12


def test_text_binary_is_unsupported(write_file):
    doc = extract_file(write_file("blob.txt", bytes(range(256)) * 8), "blob.txt")
    assert doc.status == UNSUPPORTED
    assert doc.reason == "binary content in a .txt file"


def test_text_control_chars_removed_and_ligatures_expanded(write_file):
    doc = extract_file(write_file("c.txt", "The \ufb01rst \ufb02ow of\x07 work."), "c.txt")
    assert doc.blocks[0].text == "The first flow of work."


def test_text_column_table_read_cell_by_cell(write_file):
    """A schedule typed with spaces: each row's cells are separate blocks with
    their own line, a wrapped cell continues in its column, rule lines vanish."""
    lines = [
        "SCHEDULE",
        "Wk   Date     Topic                                        Reading",
        "--   ------   -------------------------------------------  -------",
        "1    12 Jan   Developmental frame; family life cycle       Ch. 1",
        "2    19 Jan   Engaging teen and parents: alliance with     Ch. 4",
        "              each; split alliances and repair",
        "3    26 Jan   Anxiety and school refusal                   Ch. 5",
    ]
    doc = extract_file(write_file("t.txt", "\n".join(lines)), "t.txt")
    cells = [(b.text, b.anchors[0].line) for b in doc.blocks if b.kind == TABLE_CELL]
    assert ("Developmental frame; family life cycle", 4) in cells
    assert ("Engaging teen and parents: alliance with each; split alliances and repair", 5) in cells
    assert ("Anxiety and school refusal", 7) in cells
    assert ("Ch. 4", 5) in cells
    # Row order, cell by cell: the wrapped topic is not joined to the next row's.
    texts = [t for t, _ in cells]
    assert texts.index("Ch. 4") < texts.index("Anxiety and school refusal")
    assert not any("-----" in b.text for b in doc.blocks)
    block = next(b for b in doc.blocks if b.text.startswith("Engaging"))
    assert block.locate(block.text.index("split")).line == 6


def test_text_wrapped_rubric_item_keeps_its_first_lines(write_file):
    """An item wrapped before its score columns: the lines before the row start its first cell."""
    lines = [
        "STATION A                                              0  1  2  3",
        "  A1  Introduces self and role; explains confidentiality",
        "      and its limits                                   .  .  .  .",
        "  A2  Responds empathically to distress; validates the",
        "      client's experience                              .  .  .  .",
        "  A3  Asks about protective factors                    .  .  .  .",
    ]
    doc = extract_file(write_file("r.txt", "\n".join(lines)), "r.txt")
    texts = [b.text for b in doc.blocks]
    assert "A1 Introduces self and role; explains confidentiality and its limits" in texts
    assert "A2 Responds empathically to distress; validates the client's experience" in texts
    assert "A3 Asks about protective factors" in texts


def test_text_prose_without_column_gaps_is_unchanged(write_file):
    """Indented or double-spaced prose is not a table."""
    lines = ["        Students learn to listen.  They practise", "        with empathy and respect in triads."]
    doc = extract_file(write_file("p.txt", "\n".join(lines)), "p.txt")
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (PARAGRAPH, "Students learn to listen. They practise with empathy and respect in triads.")]


def test_text_lines_broken_by_hand_are_separate_passages(write_file):
    """A course outline's header fields, outcomes typed one per line and a
    schedule typed one row per line are separate blocks; joined, a prerequisite
    course's name ran into the outline's title and was read as teaching."""
    lines = [
        "Course Title Advanced Skills in Group Facilitation",
        "Course Code COUN340",
        "Pre-requisite Course(s)",
        "COUN210 Micro-skills in Counselling and Psychotherapy",
        "Course Aims This course is designed to help students understand and plan different types of groups"
        " and develop facilitation skills in group work, integrating experience of membership with leadership.",
    ]
    doc = extract_file(write_file("h.txt", "\n".join(lines)), "h.txt")
    assert [(b.text, b.anchors[0].line) for b in doc.blocks][:4] == [
        ("Course Title Advanced Skills in Group Facilitation", 1), ("Course Code COUN340", 2),
        ("Pre-requisite Course(s)", 3), ("COUN210 Micro-skills in Counselling and Psychotherapy", 4)]


def test_text_schedule_rows_typed_one_per_line(write_file):
    lines = [
        "Wk 1 Sept 2 Course overview; history of couple therapy and the main models",
        "Wk 2 Sept 9 Assessment of the couple; joining with both partners in the first session",
        "Wk 3 Sept 16 Acceptance",
    ]
    doc = extract_file(write_file("s.txt", "\n".join(lines)), "s.txt")
    assert [(b.text, b.anchors[0].line) for b in doc.blocks] == [(t, i + 1) for i, t in enumerate(lines)]


def test_text_hard_wrapped_prose_still_joins(write_file):
    """Wrapped prose fills its lines (unevenly, after a PDF-to-text conversion);
    a line that ends on a joiner word or before a lower-case line goes on."""
    lines = [
        "This course introduces the foundational skills of counselling practice, from",
        "listening and empathy to the conceptualisation of client concerns with",
        "Egan's model, and the ethical frame of the work.",
        "Students practise in triads each week and keep a reflective journal on",
        "their own reactions.",
    ]
    doc = extract_file(write_file("w.txt", "\n".join(lines)), "w.txt")
    assert [b.text for b in doc.blocks] == [" ".join(lines[:3]), " ".join(lines[3:])]
