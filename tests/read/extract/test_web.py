"""HTML extraction: visible text, block structure, source lines, encodings, nesting."""

from __future__ import annotations

import time

from syllabus_audit.read.extract import extract_file
from syllabus_audit.types import HEADING, LIST_ITEM, OK, PARAGRAPH, TABLE_CELL

PAGE = """<!DOCTYPE html>
<html>
<head><title>Site title</title>
<style>p { color: red }</style>
<script>var tracking = "script text";</script>
</head>
<body>
<nav><a href="/">Home</a> <a href="/about">About us</a></nav>
<header><p>University banner</p></header>
<main>
<h1>COUN 520 <em>Helping</em> Skills</h1>
<p>Students practise <strong>empathic</strong> responding and
<a href="#x">reflective listening</a>.<br>They also learn to end sessions.</p>
<!-- a comment that is not content -->
<ul>
  <li>Attending behaviour</li>
  <li>Open questions</li>
</ul>
<table><tr><th>Week</th><td>Topic: rapport</td></tr></table>
<div hidden>Hidden div text</div>
<p style="display: none">Invisible paragraph</p>
<span aria-hidden="true">Icon label</span>
<form><label>Search</label><button>Go</button></form>
<noscript>Enable JavaScript</noscript>
<div>Div text <span>with inline span</span></div>
</main>
<aside>Related links sidebar</aside>
<footer>Copyright footer</footer>
</body>
</html>
"""


def test_html_visible_text_and_block_kinds(write_file):
    doc = extract_file(write_file("page.html", PAGE), "page.html")
    assert doc.status == OK and doc.format == "html"
    got = [(b.kind, b.text) for b in doc.blocks]
    assert got == [
        (HEADING, "COUN 520 Helping Skills"),
        (PARAGRAPH, "Students practise empathic responding and reflective listening. They also learn to end sessions."),
        (LIST_ITEM, "Attending behaviour"),
        (LIST_ITEM, "Open questions"),
        (TABLE_CELL, "Week"),
        (TABLE_CELL, "Topic: rapport"),
        (PARAGRAPH, "Div text with inline span"),
    ]


def test_html_source_lines(write_file):
    doc = extract_file(write_file("page.htm", PAGE), "page.htm")
    lines = PAGE.split("\n")
    by_text = {b.text: b for b in doc.blocks}
    assert by_text["COUN 520 Helping Skills"].anchors[0].line == 1 + next(i for i, ln in enumerate(lines) if "<h1>" in ln)
    item = by_text["Open questions"]
    assert item.anchors[0].line == 1 + next(i for i, ln in enumerate(lines) if "Open questions" in ln)
    para = by_text["Students practise empathic responding and reflective listening. They also learn to end sessions."]
    assert para.anchors[0].line == 1 + next(i for i, ln in enumerate(lines) if "Students practise" in ln)
    assert all(a.page is None for b in doc.blocks for a in b.anchors)


def test_html_meta_charset_cp1252(write_file):
    html = '<html><head><meta charset="windows-1252"></head><body><p>\u201cClient-centred\u201d caf\u00e9</p></body></html>'
    doc = extract_file(write_file("legacy.html", html.encode("cp1252")), "legacy.html")
    assert doc.blocks[0].text == "\u201cClient-centred\u201d caf\u00e9"


def test_html_without_charset_falls_back_from_utf8_to_cp1252(write_file):
    utf8 = extract_file(write_file("u.html", "<p>na\u00efve \u2013 ok</p>".encode("utf-8")), "u.html")
    assert utf8.blocks[0].text == "na\u00efve \u2013 ok"
    ansi = extract_file(write_file("a.html", "<p>na\u00efve \u2013 ok</p>".encode("cp1252")), "a.html")
    assert ansi.blocks[0].text == "na\u00efve \u2013 ok"


def test_html_utf16_with_bom(write_file):
    data = "\ufeff<html><body><h2>Supervision</h2></body></html>".encode("utf-16-le")
    doc = extract_file(write_file("w.html", data), "w.html")
    assert [(b.kind, b.text) for b in doc.blocks] == [(HEADING, "Supervision")]


def test_html_deep_nesting_does_not_crash_and_keeps_text(write_file):
    html = "<html><body>" + "<div>" * 10000 + "deep text here" + "</div>" * 10000 + "<p>after the divs</p></body></html>"
    start = time.perf_counter()
    doc = extract_file(write_file("deep.html", html), "deep.html")
    assert time.perf_counter() - start < 5
    assert doc.status == OK
    texts = [b.text for b in doc.blocks]
    assert "deep text here" in texts and "after the divs" in texts


def test_html_sniffed_inside_txt_file(write_file):
    doc = extract_file(write_file("saved.txt", "<!DOCTYPE html><html><body><p>Hello</p><script>x()</script></body></html>"), "saved.txt")
    assert doc.format == "html"
    assert [b.text for b in doc.blocks] == ["Hello"]


def test_html_only_chrome_is_empty(write_file):
    doc = extract_file(write_file("chrome.html", "<html><body><nav>Menu</nav><script>x</script></body></html>"), "c.html")
    assert doc.status == "empty"
