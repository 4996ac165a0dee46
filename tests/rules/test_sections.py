"""Sections and evidence levels on fixture documents with known sections."""

import pytest

import syllabus_audit
from syllabus_audit.rules.sections import load_section_rules


@pytest.mark.parametrize("heading,kind", [
    ("Learning Outcomes", "learning_outcomes"), ("Intended learning outcomes (ILOs)", "learning_outcomes"),
    ("Week 3", "content"), ("Weekly schedule", "content"), ("Assessment tasks", "assessment"),
    ("Marking rubric", "assessment"), ("Required readings", "readings"), ("References", "readings"),
    ("Academic integrity policy", "policies"), ("Acknowledgement of Country", "policies"),
    ("Introduction", "other"),
    ("Lernziele", "learning_outcomes"), ("Inhalte", "content"), ("Prüfungsform", "assessment"),
    ("Literatur", "readings"), ("Lärandemål", "learning_outcomes"), ("Kursinnehåll", "content"),
    ("Examination", "assessment"), ("Kurslitteratur", "readings"),
    ("Attendance", "policies"), ("Attendance policy", "policies"),
    ("Attendance options", "other"), ("Attendance mode: full-time, part-time", "other"),
    ("Methods of Instruction", "content"),
    ("Ishodi učenja", "learning_outcomes"), ("Sadržaj kolegija", "content"), ("Način provjere znanja", "assessment"),
    ("Obvezna literatura", "readings"), ("Akademska čestitost", "policies"),
    ("【到達目標】", "learning_outcomes"), ("授業計画", "content"), ("成績評価の方法", "assessment"), ("参考書", "readings"),
])
def test_heading_kinds(heading, kind):
    assert load_section_rules().kind_of(heading) == kind


def test_paragraph_that_starts_with_heading_words_changes_section():
    rules = load_section_rules()
    assert rules.leading_kind("Course description This course introduces ...") == "content"
    assert rules.leading_kind("Students learn the course description.") is None
    assert rules.leading_kind("METHODS OF INSTRUCTION: Class lecture and role-play") == "content"
    # A fragment left over from a table cell is not a run-in heading.
    assert rules.leading_kind("policy change.") is None
    assert rules.leading_kind("Policy on late work") == "policies"


def _program(tmp_path, name, text):
    d = tmp_path / name
    d.mkdir()
    (d / "unit-outline.md").write_text(text, encoding="utf-8")


def test_reading_only_mention_is_mentioned_and_taught_plus_assessed_is_aligned(tmp_path):
    _program(tmp_path, "reading-only", "# Unit outline\n\n## Learning outcomes\n\n- Describe the DSM-5 anxiety disorders.\n\n"
             "## Required readings\n\n- Safran, J. D., & Muran, J. C. (2000). Negotiating the therapeutic alliance. Guilford.\n")
    _program(tmp_path, "aligned", "# Unit outline\n\n## Learning outcomes\n\n- Establish a therapeutic alliance with clients.\n\n"
             "## Assessment\n\n- Role-play OSCE: therapeutic alliance with the client is rated on the rubric.\n\n"
             "## Academic integrity policy\n\n- Respond empathically to clients.\n")
    rec = syllabus_audit.audit(tmp_path, method="lexicon")
    programs = {p["id"]: p for p in rec["programs"]}
    assert programs["reading-only"]["coverage"] == {"alliance": {"level": "mentioned", "aligned": False}}
    assert programs["aligned"]["coverage"]["alliance"] == {"level": "assessed", "aligned": True}
    # empathy appears only in policy boilerplate: listed, not counted toward coverage or mentions
    assert "empathy" not in programs["aligned"]["coverage"]
    doc = programs["aligned"]["documents"][0]
    empathy = [e for e in doc["evidence"] if e["category"] == "empathy"]
    assert empathy and empathy[0]["level"] == "boilerplate" and "empathy" not in doc["categories"]


def test_boilerplate_only_document_does_not_mention(tmp_path):
    _program(tmp_path, "p", "# Course syllabus\n\n## Accessibility and disability support\n\n"
             "Staff respond empathically to students and clients who disclose a disability.\n")
    rec = syllabus_audit.audit(tmp_path, method="lexicon")
    assert rec["programs"][0]["documents"][0]["mentions"] is False


def test_attendance_options_line_does_not_make_the_rest_boilerplate(tmp_path):
    """A programme specification's "Attendance options" (full-time, part-time) is
    not an attendance policy: the outcomes after it still count."""
    _program(tmp_path, "p", "Course Specification\n\nAwarding institution Harbour University\n"
             "Attendance options\nFull-time 2 YEARS\nPart-time 4 YEARS\n"
             "Students examine how personal and cultural factors influence the therapeutic relationship with clients.\n")
    result = syllabus_audit.audit(tmp_path)
    doc = result["programs"][0]["documents"][0]
    assert doc["mentions"] is True


def test_lower_case_fragment_starting_with_policy_does_not_make_the_rest_boilerplate(tmp_path):
    """A competency table's wrapped cell ("… inform policy" / "policy change.")
    must not turn the outcomes after it into policy boilerplate."""
    _program(tmp_path, "p", "# SOWK 596\n\n## Competencies\n\nUtilize policy analysis skills to inform\n\n"
             "policy change.\n\nEvaluate cultural factors that build meaningful engagement with diverse clients.\n")
    doc = syllabus_audit.audit(tmp_path)["programs"][0]["documents"][0]
    assert doc["mentions"] is True
