"""Rendering at the edges (issue 14): unreadable documents in the HTML and
Markdown reports, singular counts, wrapping instead of cutting."""

from __future__ import annotations

import re

import pytest

import syllabus_audit
from syllabus_audit.report import render
from syllabus_audit.report.check import render_check

EN = "Unit outline\n\nStudents learn to build a therapeutic alliance with clients.\n"


def _encrypted_pdf(path):
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    path.parent.mkdir(parents=True, exist_ok=True)
    c = canvas.Canvas(str(path), encrypt=StandardEncryption("secret", ownerPassword="o"))
    c.drawString(72, 700, "Hidden text")
    c.showPage()
    c.save()


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    """locked: only an encrypted PDF; partial: a readable unit and an encrypted PDF."""
    root = tmp_path_factory.mktemp("mixed")
    _encrypted_pdf(root / "locked" / "syllabus.pdf")
    (root / "partial").mkdir()
    (root / "partial" / "unit.txt").write_text(EN)
    _encrypted_pdf(root / "partial" / "old-syllabus.pdf")
    return syllabus_audit.audit(root, method="lexicon")


@pytest.fixture(scope="module")
def single(tmp_path_factory):
    """One program, one document, one category, one group."""
    root = tmp_path_factory.mktemp("single")
    (root / "p").mkdir()
    (root / "p" / "unit.txt").write_text(EN)
    (root / "manifest.csv").write_text("path,program,doc_type,country\np/unit.txt,p,syllabus,AU\n")
    return syllabus_audit.audit(root, method="lexicon", group_by="country")


def _matrix_rows(html: str) -> dict[str, str]:
    rows = re.findall(r'<tr class="(\w+)"><td>([\w-]+)(.*?)</tr>', html)
    return {name: f"{cls}|{rest}" for cls, name, rest in rows}


def test_html_marks_a_program_with_nothing_readable_and_keeps_it_out_of_the_gaps(mixed):
    html = render("html", mixed)
    rows = _matrix_rows(html)
    assert rows["locked"].startswith("unreadable|") and "no readable document" in rows["locked"]
    assert rows["locked"].count('<td class="unreadable">?</td>') == 10 and "–" not in rows["locked"]
    assert rows["partial"].startswith("gaps|") and "1 document unreadable" in rows["partial"]
    gaps = html.split('<h3 id="gaps">Only gaps</h3>')[1].split("</ul>")[0]
    assert "partial" in gaps and "locked" not in gaps
    assert "tr.unreadable{display:none}" in html  # hidden in the "only gaps" view
    assert "? = no readable document (not a gap)" in html
    assert html.count('<span class="badge">unreadable</span>') == 2


def test_markdown_marks_unreadable_and_keeps_it_out_of_the_gaps(mixed):
    md = render("md", mixed)
    (locked,) = [ln for ln in md.splitlines() if ln.startswith("| locked")]
    assert locked == "| locked (no readable document) | " + " | ".join(["?"] * 10) + " |"
    gaps = md.split("### Only gaps")[1].split("##")[0]
    assert "- partial: " in gaps and "(1 document unreadable)" in gaps and "locked" not in gaps
    assert "- **locked/syllabus.pdf** (syllabus, encrypted, unreadable): PDF is password-protected" in md


def test_nothing_readable_headline_wording(mixed):
    from syllabus_audit.pipeline.aggregate import SourceSummary
    from syllabus_audit.report.table import headline

    assert headline("any", SourceSummary(0, 0)) == (
        "No program has a readable syllabus, program description or competency list.")
    for fmt in ("table", "html", "md"):
        assert "readable readable" not in render(fmt, mixed)


def test_singular_counts_in_every_format(single):
    outputs = {fmt: render(fmt, single) for fmt in ("table", "html", "md")}
    assert outputs["table"].splitlines()[1] == "1 program, 1 document (0 unreadable)"
    assert "1 program · 1 document · 0 unreadable" in outputs["html"]
    assert "1 program · 1 document · 0 unreadable" in outputs["md"]
    assert "(1 category)</summary>" in outputs["html"]
    assert re.search(r"^    AU\s+1 program \s+0 no ref\.", outputs["table"], re.M)
    for fmt, text in outputs.items():
        assert not re.search(r"\b1 (programs|documents|categories)\b", text), fmt


def test_check_counts_are_singular_when_there_is_one_document(single):
    from syllabus_audit.rules.lexicon import load_lexicon
    from syllabus_audit.report.check import check_record

    text = render_check(check_record(single, load_lexicon()))
    assert text.splitlines()[0] == "1 of 1 document readable · 1 of 10 categories found"


def _long_record() -> dict:
    reason = ("legacy Word .doc needs a converter: install antiword (apt-get install antiword) "
              "or LibreOffice (apt-get install libreoffice-writer) and scan again")
    return {"tool": {"name": "syllabus-audit", "version": "0"}, "lexicon": {"version": "1", "sha256": "x" * 64},
            "method": {"name": "lexicon", "threshold": None},
            "summary": {"programs": 1, "documents": 2, "readable_documents": 1, "languages": {"en": 1},
                        "statuses": {"ok": 1, "unsupported": 1},
                        "sources": {k: {"programs": 0, "no_reference": 0, "share_no_reference": None, "ci95": None}
                                    for k in ("syllabus", "program_description", "competency_list", "any", "every")},
                        "unreadable_documents": [{"program": "a-program-with-a-very-long-name-that-goes-on-and-on",
                                                  "path": "a-program-with-a-very-long-name-that-goes-on-and-on/unit.doc",
                                                  "status": "unsupported", "reason": reason}],
                        "duplicate_documents": []},
            "programs": [{"id": "a-program-with-a-very-long-name-that-goes-on-and-on", "metadata": {},
                          "mentions": None, "categories": [], "coverage": {}, "sources": {}, "documents": []}]}


def test_table_wraps_long_reasons_and_names_instead_of_cutting_them():
    text = render("table", _long_record())
    lines = text.splitlines()
    assert max(len(ln) for ln in lines) <= 80
    assert "…" not in text
    words = " ".join(ln.strip() for ln in lines)
    assert "needs a converter: install antiword (apt-get install antiword) or LibreOffice" in words
    assert "scan again" in words
    name_lines = [ln for ln in lines if ln.startswith("a-program-with")]
    assert len(name_lines) == 1 and name_lines[0].rstrip().endswith("0")  # first line keeps the cells
    assert text.split(name_lines[0])[1].splitlines()[1] == "  goes-on-and-on"


def test_check_wraps_long_levels_and_reasons_instead_of_cutting_them():
    rec = {"documents": 2, "readable_documents": 1,
           "unreadable_documents": [{"path": "outline.doc", "status": "unsupported",
                                     "reason": _long_record()["summary"]["unreadable_documents"][0]["reason"]}],
           "present": [{"category": "responsiveness", "label": "Responsiveness to culture, preferences and expectations",
                        "level": "taught", "aligned": True,
                        "evidence": {"path": "unit.txt", "page": None, "line": 3,
                                     "text": "Adapt the relationship to each client's culture."}}],
           "missing": [{"category": "countertransference",
                        "label": "Managing countertransference and self-awareness in every supervised setting",
                        "suggestion": None}]}
    text = render_check(rec)
    lines = text.splitlines()
    assert max(len(ln) for ln in lines) <= 80 and "…" not in text
    joined = " ".join(ln.strip() for ln in lines)
    assert "[taught, aligned]" in joined
    assert "and scan again" in joined
    assert "in every supervised setting" in joined
