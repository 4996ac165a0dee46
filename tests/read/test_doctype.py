import pytest

from syllabus_audit.read.doctype import BLOCK_CHARS, WINDOW_BLOCKS, content_cues, infer_doc_type, type_evidence
from syllabus_audit.types import HEADING, LIST_ITEM, PARAGRAPH, Anchor, Block


def _blocks(*items):
    return tuple(Block(text, kind, (Anchor(0, None, i + 1),)) for i, (kind, text) in enumerate(items))


# Invented documents, one per type, with no type word in their file names.
PLAIN_SYLLABUS = _blocks(
    (PARAGRAPH, "PSYC 6120 Counselling Micro-skills"),
    (PARAGRAPH, "Wednesdays 9:00-11:50, Room B204. Dr. Lena Marsh, lmarsh@example.edu"),
    (HEADING, "Objectives"),
    (LIST_ITEM, "Use open questions, paraphrases and summaries in role-play."),
    (LIST_ITEM, "Reflect feeling accurately."),
    (HEADING, "Schedule"),
    (PARAGRAPH, "Week 1: Attending and listening"),
    (PARAGRAPH, "Week 2: Questions"),
    (PARAGRAPH, "Week 3: Reflecting feeling"),
    (HEADING, "Assessment"),
    (PARAGRAPH, "Skills video 40%"),
    (PARAGRAPH, "Reflective essay 60%"),
)
PROGRAM_PAGE = _blocks(
    (HEADING, "Master of Arts in Family Therapy"),
    (PARAGRAPH, "The program prepares graduates for licensure as family therapists."),
    (HEADING, "Admission"),
    (PARAGRAPH, "Applicants need a bachelor's degree; the application deadline is 1 February."),
    (HEADING, "Degree requirements"),
    (PARAGRAPH, "A total of 60 credits, including a 500-hour practicum."),
    (HEADING, "Careers"),
    (PARAGRAPH, "Alumni work in community agencies, hospitals and private practice."),
)
STANDARDS = _blocks(
    (HEADING, "Practice expectations for supervised trainees"),
    (PARAGRAPH, "1.1 The student demonstrates respect for client autonomy."),
    (PARAGRAPH, "1.2 The student demonstrates accurate reflection of feeling."),
    (PARAGRAPH, "Competency 2: Applies ethical standards to case decisions."),
    (PARAGRAPH, "2.1 The student identifies risk and consults a supervisor."),
    (PARAGRAPH, "Standard II.B Maintains clear and timely case notes."),
    (PARAGRAPH, "(C) Understands the limits of confidentiality."),
)


@pytest.mark.parametrize("path,doc_type,reason", [
    ("syllabi/unit.pdf", "syllabus", 'folder: "syllabi"'),
    ("core-competencies.docx", "competency_list", 'filename: "core competencies"'),
    ("graduate_attributes.txt", "competency_list", 'filename: "graduate attributes"'),
    ("learning-outcomes.md", "competency_list", 'filename: "learning outcomes"'),
    ("coun610-learning-outcomes.md", "competency_list", 'filename: "learning outcomes"'),
    ("about-the-program.html", "program_description", 'filename: "about the program"'),
    ("programme-overview.pdf", "program_description", 'filename: "programme overview"'),
    ("unit-outline-psy7010.docx", "syllabus", 'filename: "unit outline"'),
    ("coun551_theories.pdf", "syllabus", 'filename: course code "coun551"'),
    ("programs.pdf", "program_description", 'filename: "programs"'),
    ("field-manual-ch3.md", "other", 'filename: "manual ch3"'),
    ("clinic-handbook_section-4.pdf", "other", 'filename: "handbook section 4"'),
])
def test_doc_type_from_folder_and_file_names(path, doc_type, reason):
    assert infer_doc_type(path) == (doc_type, reason)


def test_doc_type_from_title_and_headings():
    blocks = _blocks((HEADING, "Welcome"), (PARAGRAPH, "Read this first."), (PARAGRAPH, "Room B204."),
                     (HEADING, "Course Syllabus — Semester 1"))
    assert infer_doc_type("notes.pdf", blocks) == ("syllabus", 'content: heading "Course Syllabus — Semester 1"')
    blocks = _blocks((HEADING, "Graduate Attributes of the Master of Counselling"))
    assert infer_doc_type("doc1.docx", blocks) == (
        "competency_list", 'content: title "Graduate Attributes of the Master of Counselling"')


def test_plain_syllabus_is_typed_from_its_content():
    doc_type, reason = infer_doc_type("document.pdf", PLAIN_SYLLABUS)
    assert doc_type == "syllabus"
    assert reason.startswith("content: ")
    for cue in ("course code", "weekly schedule", "assessment weights"):
        assert cue in reason


@pytest.mark.parametrize("lines", [
    ["Opis kolegija: Psihološko savjetovanje", "Nositelj kolegija: izv. prof. dr. sc. A. B.", "ECTS bodovi: 5",
     "Ishodi učenja", "Student će moći opisati faze savjetodavnog procesa.", "Obvezna literatura"],
    ["授業科目名：心理面接法", "担当教員：山田太郎", "単位数：2", "開講期：前期", "到達目標", "第1回　オリエンテーション",
     "第2回　面接の構造", "成績評価", "教科書"],
])
def test_croatian_and_japanese_syllabi_are_typed_from_their_content(lines):
    """The content cues know Croatian and Japanese course-description fields
    (Japanese needs no word boundaries: the cues sit outside ``\\b…\\b``)."""
    doc_type, reason = infer_doc_type("document.txt", _blocks(*((PARAGRAPH, t) for t in lines)))
    assert doc_type == "syllabus" and reason.startswith("content: "), reason


def test_croatian_competency_list_is_typed_from_its_file_name():
    assert infer_doc_type("h03/kompetencije-edukanata.txt")[0] == "competency_list"


def test_program_in_a_file_name_is_outweighed_by_syllabus_content():
    doc_type, reason = infer_doc_type("program-evaluation-spring.pdf", PLAIN_SYLLABUS)
    assert doc_type == "syllabus"
    assert reason.endswith('(outweighs filename: "program")')


def test_strong_name_cue_is_not_outweighed_by_a_little_content():
    blocks = _blocks((HEADING, "Competencies"), (PARAGRAPH, "Assessed in placement: 50% and 50%."))
    assert infer_doc_type("core-competencies.docx", blocks) == ("competency_list", 'filename: "core competencies"')


def test_program_description_from_content():
    doc_type, reason = infer_doc_type("page1.html", PROGRAM_PAGE)
    assert doc_type == "program_description"
    for cue in ("admission", "degree requirements", "the program prepares"):
        assert cue in reason


def test_course_catalogue_is_a_program_description():
    blocks = _blocks((HEADING, "Courses"), *[
        (PARAGRAPH, f"Psy {n} {title}. Three credits. Offered each fall; taught by Dr. Reyes.")
        for n, title in [(101, "General Psychology"), (210, "Research Methods"), (230, "Lifespan"),
                         (310, "Counseling Theories"), (320, "Abnormal Psychology"), (410, "Practicum")]])
    doc_type, reason = infer_doc_type("page2.md", blocks)
    assert doc_type == "program_description"
    assert "list of courses" in reason


def test_numbered_competency_statements_make_a_competency_list():
    doc_type, reason = infer_doc_type("page3.txt", STANDARDS)
    assert doc_type == "competency_list"
    assert "6 competency statements" in reason


def test_syllabus_objectives_alone_are_not_competency_statements():
    blocks = _blocks(*[(LIST_ITEM, f"{i}. To understand topic {i}.") for i in range(1, 9)])
    assert all(c.doc_type != "competency_list" for c in content_cues(list(blocks)))


def test_doc_type_other_when_nothing_says():
    assert infer_doc_type("notes.txt", _blocks((PARAGRAPH, "Hello there."))) == (
        "other", "no type cue in folder, file name or content")


def test_years_and_page_numbers_are_not_course_codes():
    blocks = _blocks((HEADING, "SPRING 2026 update"), (PARAGRAPH, "See PAGE 104 and ISBN 978 for details."))
    assert content_cues(list(blocks)) == []


def test_type_evidence_is_bounded_and_stable():
    long_doc = tuple(Block("x" * 2000, PARAGRAPH, (Anchor(0, None, i),)) for i in range(WINDOW_BLOCKS + 50))
    evidence = type_evidence(long_doc)
    assert len(evidence) == WINDOW_BLOCKS and all(len(b.text) == BLOCK_CHARS for b in evidence)
    assert type_evidence(evidence) == evidence  # what the result cache stores gives the same type


@pytest.mark.parametrize("blocks", [PLAIN_SYLLABUS, PROGRAM_PAGE, STANDARDS])
def test_type_from_evidence_equals_type_from_blocks(blocks):
    assert infer_doc_type("x.pdf", type_evidence(blocks)) == infer_doc_type("x.pdf", blocks)


@pytest.mark.parametrize("name,word", [
    ("psyc6120-week-3-email.txt", "email"), ("minutes-2025-08.md", "minutes"),
    ("coun612-announcement.txt", "announcement"), ("consent-form.pdf", "form"),
])
def test_a_file_name_naming_another_genre_gives_other(name, word):
    """An e-mail about a course reads like a syllabus, but it is not one."""
    assert infer_doc_type(name, PLAIN_SYLLABUS) == ("other", f'filename: "{word}"')


def test_coded_outcome_statements_joined_in_one_block():
    """Plain-text extraction often joins a coded list into one paragraph."""
    blocks = _blocks(
        (HEADING, "Westford University"),
        (PARAGRAPH, "BSc Speech Pathology: capability framework (approved 2025)"),
        (PARAGRAPH, "Graduates of the programme will be able to:"),
        (PARAGRAPH, "A1 Apply the code of ethics. A2 Maintain clear boundaries. B1 Analyse communication needs."),
        (PARAGRAPH, "B2 Select assessments for each client. C1 Develop goals together with clients and families."),
    )
    doc_type, reason = infer_doc_type("westford.txt", blocks)
    assert doc_type == "competency_list"
    assert "program-level outcomes" in reason and "5 competency statements" in reason


def test_title_area_includes_lines_before_the_title():
    blocks = _blocks((HEADING, "Westford University"), (HEADING, "Core Competencies for Supervised Practice"))
    assert infer_doc_type("doc.txt", blocks) == (
        "competency_list", 'content: title "Core Competencies for Supervised Practice"')


def test_admission_to_treatment_is_not_admission_to_a_program():
    clinical = _blocks((PARAGRAPH, "Checklist"), (PARAGRAPH, "Notes"), (PARAGRAPH, "Rating"),
                       (HEADING, "Domain A - Admission to treatment"))
    assert all(c.doc_type != "program_description" for c in content_cues(list(clinical)))
    program = _blocks((PARAGRAPH, "Checklist"), (PARAGRAPH, "Notes"), (PARAGRAPH, "Rating"), (HEADING, "Admission"))
    assert [c.label for c in content_cues(list(program))] == ['heading "Admission"']


def test_a_message_is_other_from_its_content():
    blocks = _blocks((PARAGRAPH, "From: Programme Office"), (PARAGRAPH, "Subject: Room change"),
                     (PARAGRAPH, "Dear all,"), (PARAGRAPH, "Thursday's seminar moves to room C12."),
                     (PARAGRAPH, "Kind regards, Sam"))
    assert infer_doc_type("note.txt", blocks) == ("other", "content: message headers, greeting, sign-off")
