"""Markdown extraction: markup must not leak; lines; HTML blocks; front matter."""

from __future__ import annotations

import re

from syllabus_audit.read.extract import extract_file
from syllabus_audit.types import HEADING, LIST_ITEM, PARAGRAPH, TABLE_CELL

MD = """---
title: COUN 530
tags: [syllabus]
---
# Group **Counseling** Skills

Students build *rapport* and [therapeutic presence](https://example.org/x) with
clients ![logo](logo.png) using `role-play` and <span class="x">feedback</span>.

## Outcomes

- **Empathy** in practice
- Genuine _warmth_

| Week | Topic |
|------|-------|
| 1 | Alliance ruptures |

<table>
  <tr><td>Raw HTML cell</td></tr>
</table>
"""
LEAKS = re.compile(r"\*\*|__|^#|\[|\]\(|\||</?\w+[^>]*>|!\[|`")


def test_markdown_blocks_without_markup(write_file):
    doc = extract_file(write_file("syl.md", MD), "syl.md")
    assert doc.format == "markdown"
    got = [(b.kind, b.text) for b in doc.blocks]
    assert got == [
        (HEADING, "Group Counseling Skills"),
        (PARAGRAPH, "Students build rapport and therapeutic presence with clients using role-play and feedback."),
        (HEADING, "Outcomes"),
        (LIST_ITEM, "Empathy in practice"),
        (LIST_ITEM, "Genuine warmth"),
        (TABLE_CELL, "Week"),
        (TABLE_CELL, "Topic"),
        (TABLE_CELL, "1"),
        (TABLE_CELL, "Alliance ruptures"),
        (TABLE_CELL, "Raw HTML cell"),
    ]
    for block in doc.blocks:
        assert not LEAKS.search(block.text), block.text
    assert "title:" not in " ".join(b.text for b in doc.blocks)


def test_markdown_source_lines(write_file):
    doc = extract_file(write_file("syl.md", MD), "syl.md")
    lines = MD.split("\n")

    def line_of(s):
        return 1 + next(i for i, ln in enumerate(lines) if s in ln)

    by_text = {b.text: b for b in doc.blocks}
    para = doc.blocks[1]
    assert para.anchors[0].line == line_of("Students build")
    assert para.locate(para.text.index("clients")).line == line_of("clients ![logo]")
    assert by_text["Genuine warmth"].anchors[0].line == line_of("Genuine")
    assert by_text["Alliance ruptures"].anchors[0].line == line_of("Alliance ruptures")
    assert by_text["Raw HTML cell"].anchors[0].line == line_of("Raw HTML cell")


def test_markdown_latin1_crlf(write_file):
    text = "# \u00c9valuation\r\n\r\nLa relation th\u00e9rapeutique est centrale.\r\n"
    doc = extract_file(write_file("fr.md", text.encode("iso-8859-1")), "fr.md")
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (HEADING, "\u00c9valuation"),
        (PARAGRAPH, "La relation th\u00e9rapeutique est centrale."),
    ]
    assert doc.blocks[1].anchors[0].line == 3


def test_markdown_malformed_markup_from_converters_is_scrubbed(write_file):
    md = "\n".join(
        [
            "**Instructor: ** Dr. Example",
            "",
            "See [details](javascript:show('x')) and [the page](a page with spaces.md).",
            "",
            "Week | Topic",
            "1 | Empathy ---|---",
        ]
    )
    doc = extract_file(write_file("messy.md", md), "messy.md")
    texts = [b.text for b in doc.blocks]
    assert texts[:2] == ["Instructor: Dr. Example", "See details and the page."]
    assert texts[2:] == ["Week", "Topic", "1", "Empathy"]
    assert [b.kind for b in doc.blocks[2:]] == [TABLE_CELL] * 4


def test_markdown_heading_attributes_do_not_leak_into_headings(write_file):
    md = ("# Course Description {#course}\n\nSome text {#kept-in-paragraphs}\n\n"
          "## Learning outcomes {#outcomes .unnumbered}\n\nSetext heading {: #setext}\n---------\n\n"
          "### Week 1 {-}\n\n### Assessment {data-x=1}\n\n### Braces {in the title}\n")
    doc = extract_file(write_file("attrs.md", md), "attrs.md")
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (HEADING, "Course Description"),
        (PARAGRAPH, "Some text {#kept-in-paragraphs}"),
        (HEADING, "Learning outcomes"),
        (HEADING, "Setext heading"),
        (HEADING, "Week 1"),
        (HEADING, "Assessment"),
        (HEADING, "Braces {in the title}"),
    ]


def test_markdown_heading_attribute_is_not_in_the_evidence_section(write_file, auditor):
    from syllabus_audit.types import SourceFile

    path = write_file("unit.md", "# COUN 530 Counselling skills\n\n## Learning Outcomes {#lo}\n\n"
                                 "- Build a therapeutic alliance with clients.\n")
    result = auditor.audit_file(SourceFile("p", "unit.md", str(path)))
    hits = [h for h in result.hits if h.category == "alliance"]
    assert hits and {(h.passage.section, h.passage.section_kind) for h in hits} == {
        ("Learning Outcomes", "learning_outcomes")}


def test_markdown_paragraph_lines_broken_by_hand_are_separate_passages(write_file):
    """Soft line breaks join wrapped prose, but header fields and schedule rows
    typed one per line (no bullets) are separate blocks with their own lines."""
    source = ("# COUN 340\n\nCourse Code COUN340\nPre-requisite Course(s)\nCOUN210 Micro-skills in Counselling\n"
              "Wk 1 Orientation to the clinic and to the agency's paperwork and safety procedures\n"
              "Wk 2 Introducing the ORS and SRS to clients; scripts and role-play in triads\n\n"
              "Students practise in triads each week and keep a reflective journal on\ntheir own reactions.\n")
    doc = extract_file(write_file("m.md", source), "m.md")
    got = [(b.kind, b.text, b.anchors[0].line) for b in doc.blocks]
    assert (PARAGRAPH, "COUN210 Micro-skills in Counselling", 5) in got
    assert (PARAGRAPH, "Wk 2 Introducing the ORS and SRS to clients; scripts and role-play in triads", 7) in got
    assert (PARAGRAPH, "Students practise in triads each week and keep a reflective journal on their own reactions.",
            9) in got
