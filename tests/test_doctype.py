import pytest

from syllabus_audit.doctype import infer_doc_type
from syllabus_audit.types import HEADING, PARAGRAPH, Anchor, Block


def _blocks(*items):
    return tuple(Block(text, kind, (Anchor(0, None, i + 1),)) for i, (kind, text) in enumerate(items))


@pytest.mark.parametrize("path,doc_type,reason", [
    ("syllabi/unit.pdf", "syllabus", 'folder: "syllabi"'),
    ("core-competencies.docx", "competency_list", 'filename: "core competencies"'),
    ("graduate_attributes.txt", "competency_list", 'filename: "graduate attributes"'),
    ("learning-outcomes.md", "competency_list", 'filename: "learning outcomes"'),
    ("about-the-program.html", "program_description", 'filename: "about the program"'),
    ("programme-overview.pdf", "program_description", 'filename: "programme overview"'),
    ("unit-outline-psy7010.docx", "syllabus", 'filename: "unit outline"'),
    ("coun551_theories.pdf", "syllabus", 'filename: course code "coun551"'),
])
def test_doc_type_from_folder_and_file_names(path, doc_type, reason):
    assert infer_doc_type(path) == (doc_type, reason)


def test_doc_type_from_title_and_headings():
    blocks = _blocks((HEADING, "PSY 7010"), (PARAGRAPH, "Welcome."), (HEADING, "Course Syllabus — Semester 1"))
    assert infer_doc_type("notes.pdf", blocks) == ("syllabus", 'heading: "Course Syllabus — Semester 1"')
    blocks = _blocks((HEADING, "Graduate Attributes of the Master of Counselling"))
    assert infer_doc_type("doc1.docx", blocks)[0] == "competency_list"


def test_doc_type_other_when_nothing_says():
    assert infer_doc_type("notes.txt", _blocks((PARAGRAPH, "Hello there."))) == (
        "other", "no type cue in folder, file name or headings")
