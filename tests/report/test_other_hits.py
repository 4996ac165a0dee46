"""Hits in documents typed `other` are listed in the summary and noted in every report."""

import pytest

import syllabus_audit
from syllabus_audit.report.html_page import render_html, render_markdown
from syllabus_audit.report.table import render_table


@pytest.fixture(scope="module")
def record(tmp_path_factory):
    root = tmp_path_factory.mktemp("other-hits")
    (root / "prog").mkdir()
    (root / "prog" / "notes.txt").write_text(
        "Reading group notes\n\nTrainees practise building a strong therapeutic alliance with clients "
        "and learn to repair ruptures in the alliance.\n", encoding="utf-8")
    (root / "prog" / "memo.txt").write_text("Room bookings are on the shared drive.\n", encoding="utf-8")
    return syllabus_audit.audit(root)


def test_other_documents_with_hits_in_the_summary(record):
    docs = {d["path"]: d for d in record["programs"][0]["documents"]}
    assert docs["prog/notes.txt"]["doc_type"] == "other"
    listed = record["summary"]["other_documents_with_hits"]
    assert [(o["program"], o["path"]) for o in listed] == [("prog", "prog/notes.txt")]
    assert "alliance" in listed[0]["categories"] and listed[0]["counted_hits"] >= 1


def test_other_documents_with_hits_are_noted_in_the_reports(record):
    note = 'Counted in no source: 1 document typed "other" has relationship-skill hits (prog/notes.txt).'
    assert note in " ".join(render_table(record).split())
    assert note in render_markdown(record)
    assert "Counted in no source: 1 document typed &quot;other&quot;" in render_html(record)
