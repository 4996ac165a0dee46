"""Build a deterministic synthetic corpus of training-program documents.

Usage: python benchmarks/make_corpus.py OUT_DIR --docs N [--seed S] [--per-program 10] [--jobs P]

Documents are grouped ``--per-program`` to a program folder (``p0001-...``).
About 70% are multi-page PDFs (reportlab platypus, 3-12 pages of about 420
words: title, section headings, paragraphs, bullet lists, a weekly-schedule
table with a grid, a running header and a "Page N" footer; about 40% of the
PDFs with 5 or more pages have a one-to-three-page two-column stretch built
with a second page template of two frames), about 20% DOCX (python-docx:
title and headings, "List Bullet" items, a "Table Grid" table, header and
footer) and about 10% HTML pages (navigation, inline style and script,
headings, lists, a table, a footer).

Text comes from small vocabularies filled in by a seeded RNG: unit
descriptions, learning outcomes, a weekly schedule, assessment, readings and
policies. About a third of the documents also carry 2-5 relationship-skill
sentences ("establish and maintain a therapeutic alliance with clients",
"respond empathically ...", "administer the Session Rating Scale every
session", ...); the rest are ordinary.

Each document has its own RNG seeded from (seed, index), so the corpus is the
same bytes on every run and for any ``--jobs``, and the first N documents of a
larger corpus with the same seed are the documents of the smaller one. A hidden
``.corpus.json`` (skipped by the scanner) lists every file with its format,
page count, word count and whether it carries relationship sentences.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import multiprocessing
import os
import random
import sys
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

# ---------------------------------------------------------------- vocabularies

COUNTRIES = ["au", "nz", "uk", "us", "ca", "ie"]
INSTITUTIONS = ["Banksia", "Harrowgate", "Cedarbrook", "Kahurangi", "Fenmoor", "Lakeshore", "Wattlebay",
                "Ridgeview", "Pinecrest", "Totara", "Ashdown", "Northfield", "Glenmore", "Riverside",
                "Kingsbury", "Marlow", "Elmstead", "Westbrook", "Thornfield", "Halloway"]
PROGRAMS = [
    ("Master of Counselling", "COUN", True), ("Doctor of Clinical Psychology", "PSYC", True),
    ("Master of Social Work", "SOWK", True), ("Graduate Diploma in Psychotherapy", "PSYT", True),
    ("MA Marriage and Family Therapy", "MFT", True), ("Master of Psychological Science", "PSYS", False),
    ("MSc Social Research Methods", "SRM", False), ("Master of Public Health", "PUBH", False),
    ("Master of Business Administration", "MBA", False), ("Bachelor of Psychology (Honours)", "PSYH", False),
]
COURSE_TOPICS = [
    "Research Methods", "Psychopathology", "Developmental Psychology", "Psychological Assessment",
    "Professional Ethics", "Statistics for the Behavioural Sciences", "Cultural Diversity",
    "Health Psychology", "Neuropsychology", "Social Policy", "Program Evaluation", "Qualitative Inquiry",
    "Lifespan Development", "Addictions", "Evidence-Based Practice", "Organisational Behaviour",
    "Child and Adolescent Mental Health", "Trauma and Recovery", "Group Processes", "Professional Practice",
]
CLINICAL_TOPICS = ["Counselling Skills", "Foundations of Psychotherapy", "Clinical Practicum", "Family Therapy",
                   "Interviewing and Engagement", "Case Formulation"]

VERBS = ["describe", "explain", "critically evaluate", "apply", "compare", "analyse", "summarise",
         "interpret", "design", "discuss", "identify", "synthesise", "appraise", "construct"]
OBJECTS = ["the main theories of human development", "the principles of research design",
           "common threats to validity", "the diagnostic criteria for anxiety disorders",
           "the psychometric properties of standardised tests", "the ethical codes of the profession",
           "the evidence base for psychological interventions", "the social determinants of health",
           "basic inferential statistics", "the structure of the nervous system",
           "qualitative and quantitative approaches to inquiry", "the history of the discipline",
           "policy frameworks for mental health services", "methods for program evaluation",
           "key findings from longitudinal cohort studies", "the role of culture in help-seeking",
           "models of organisational change", "the epidemiology of substance use",
           "strategies for communicating research findings", "legal obligations for record keeping"]
CONTEXTS = ["in a written report", "in small-group discussion", "in a scientific poster",
            "with reference to current literature", "in applied settings", "across the lifespan",
            "in community and hospital settings", "under supervision", "in a short oral presentation",
            "using appropriate software", "in an annotated bibliography"]
DESC_OPENERS = ["This unit introduces", "This course examines", "Students in this unit explore",
                "The unit builds on earlier study of", "This subject provides an overview of",
                "Across the semester we consider"]
DESC_TAILS = ["with an emphasis on applied examples.", "drawing on recent empirical work.",
              "through lectures, tutorials and independent reading.", "with weekly problem sets.",
              "in the context of professional standards.", "and their implications for practice.",
              "using case material and published datasets.", "with attention to diversity and equity."]
FILLERS = [
    "Lectures are recorded and made available on the learning management system within two days.",
    "Tutorials begin in the second week of semester and attendance is expected.",
    "Students should complete the assigned reading before each seminar.",
    "The unit coordinator is available for consultation during posted office hours.",
    "Announcements about the unit are made through the course website.",
    "Laboratory classes use the statistical package installed in the computer labs.",
    "Short quizzes in the first half of semester help students monitor their progress.",
    "Worked examples are discussed in class and posted afterwards.",
    "Students are encouraged to form study groups for the weekly exercises.",
    "Guest lecturers from partner agencies contribute to several sessions.",
    "The final week is used for revision and a review of the examination format.",
    "Materials for each week are released on the Monday of that week.",
]
ASSESSMENTS = ["Literature review", "Research proposal", "Final examination", "Mid-semester test",
               "Reflective essay", "Case report", "Group presentation", "Annotated bibliography",
               "Data analysis assignment", "Online quizzes", "Policy brief", "Practical report"]
ASSESS_DESC = ["Students review the literature on a chosen topic and identify gaps for further research.",
               "A written task of about 2,500 words that applies unit concepts to a published study.",
               "A closed-book examination covering all lecture and reading material.",
               "Students analyse a supplied dataset and report the results in APA style.",
               "A short written piece that links the weekly readings to a current debate.",
               "Groups of four present a critical summary of a recent journal article."]
SURNAMES = ["Smith", "Nguyen", "Patel", "Williams", "Brown", "Garcia", "Kowalski", "Tanaka", "Okafor",
            "Johansson", "Murphy", "Chen", "Singh", "Rossi", "Martin", "Walker", "Hughes", "Fraser"]
TITLE_WORDS = ["Foundations", "Advances", "Methods", "Perspectives", "Principles", "Handbook",
               "Introduction", "Essentials", "Contemporary Issues", "Research"]
JOURNALS = ["Journal of Applied Psychology", "Psychological Bulletin", "Social Science & Medicine",
            "Journal of Health Psychology", "Developmental Review", "Australian Psychologist",
            "British Journal of Psychology", "Evaluation Review"]
POLICIES = [
    ("Academic integrity", ["All submitted work must be your own.",
                            "Plagiarism and contract cheating are serious breaches of the academic integrity policy.",
                            "Use of generative tools must be acknowledged as described in the assessment brief."]),
    ("Late submission", ["Late work attracts a penalty of five percent of the available marks per day.",
                         "Extensions must be requested before the due date through the online form.",
                         "Work submitted more than seven days late will not be marked."]),
    ("Accessibility", ["Students with a disability or health condition can register with the accessibility service.",
                       "Reasonable adjustments to assessment are arranged through an access plan.",
                       "Please contact the coordinator early in the semester to discuss your needs."]),
    ("Attendance", ["Attendance at tutorials is recorded.",
                    "Students who miss more than three tutorials should contact the coordinator.",
                    "Medical certificates are required for missed in-class assessment."]),
]

# Relationship-skill content (about a third of the documents).
REL_OUTCOMES = [
    "establish and maintain a therapeutic alliance with clients from diverse backgrounds",
    "respond empathically to clients' emotional experience in the session",
    "administer the Session Rating Scale every session and discuss the results with the client",
    "recognise and repair ruptures in the working alliance",
    "build rapport with clients in the first session",
    "demonstrate genuineness and unconditional positive regard toward clients in role plays",
    "use counselling microskills such as paraphrasing and reflection of feeling with clients",
    "collaborate with clients to agree on the goals and tasks of therapy",
    "reflect on countertransference reactions to clients in supervision",
    "routinely collect client feedback on progress and on the therapeutic relationship",
    "adapt the therapeutic relationship to each client's preferences and culture",
    "communicate accurate empathy and warmth to clients",
]
REL_TOPICS = ["Building the therapeutic alliance", "Empathy and active listening with clients",
              "Alliance ruptures and repair", "Client feedback and routine outcome monitoring",
              "Core conditions: genuineness, empathy and positive regard",
              "Counselling microskills in practice"]
REL_LEADS = ["In role plays, trainees practise how to", "Supervised practice helps students learn to",
             "Throughout placement, trainees are expected to", "Skills workshops show students how to"]

WORDS_PER_PAGE = 420


# ---------------------------------------------------------------- the plan of one document

@dataclass
class Plan:
    """A document as format-neutral items: ("title"|"heading"|"para"|"bullet", text),
    ("table", rows), ("columns", True|False) marks a two-column stretch (PDF only)."""

    index: int
    program_dir: str
    rel_path: str
    fmt: str
    doc_kind: str
    title: str
    header: str
    relationship: bool
    target_pages: int
    items: list = field(default_factory=list)
    words: int = 0


def _program(seed: int, p: int) -> dict:
    rng = random.Random(f"{seed}:program:{p}")
    name, code, clinical = rng.choice(PROGRAMS)
    inst = rng.choice(INSTITUTIONS)
    country = rng.choice(COUNTRIES)
    words = [w.lower().strip("():") for w in name.split()]
    slug = "-".join([country, inst.lower()] + [w for w in words if w not in ("of", "in", "and")][1:3])
    return {"dir": f"p{p + 1:04d}-{slug}", "name": name, "code": code, "clinical": clinical,
            "institution": f"{inst} University"}


def _slug(text: str) -> str:
    return "-".join("".join(c for c in w.lower() if c.isalnum()) for w in text.split()).strip("-")


def _sentence(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.35:
        return f"{rng.choice(DESC_OPENERS)} {rng.choice(OBJECTS)} {rng.choice(DESC_TAILS)}"
    if r < 0.7:
        return rng.choice(FILLERS)
    return (f"Students learn to {rng.choice(VERBS)} {rng.choice(OBJECTS)} and to {rng.choice(VERBS)} "
            f"{rng.choice(OBJECTS)} {rng.choice(CONTEXTS)}.")


def _paragraph(rng: random.Random, n: tuple[int, int] = (3, 7)) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(*n)))


def _reference(rng: random.Random) -> str:
    a, b = rng.sample(SURNAMES, 2)
    return (f"{a}, {rng.choice('ABCDEFGHJKLM')}., & {b}, {rng.choice('ABCDEFGHJKLM')}. ({rng.randint(1998, 2025)}). "
            f"{rng.choice(TITLE_WORDS)} in {rng.choice(COURSE_TOPICS).lower()}. {rng.choice(JOURNALS)}, "
            f"{rng.randint(5, 80)}({rng.randint(1, 6)}), {rng.randint(1, 400)}-{rng.randint(401, 900)}.")


def plan_document(seed: int, index: int, per_program: int) -> Plan:
    """The deterministic plan of document ``index``."""
    prog = _program(seed, index // per_program)
    rng = random.Random(f"{seed}:doc:{index}")
    slot = index % per_program
    relationship = rng.random() < 1 / 3
    if slot == 0:
        kind = "program"
        fmt = rng.choices(["html", "docx", "pdf"], [0.5, 0.3, 0.2])[0]
    elif slot == 1:
        kind = "competencies"
        fmt = rng.choices(["docx", "pdf", "html"], [0.5, 0.4, 0.1])[0]
    else:
        kind = "syllabus"
        fmt = rng.choices(["pdf", "docx", "html"], [0.84, 0.12, 0.04])[0]
    ext = {"pdf": "pdf", "docx": "docx", "html": "html"}[fmt]
    if kind == "syllabus":
        topics = CLINICAL_TOPICS + COURSE_TOPICS if prog["clinical"] else COURSE_TOPICS
        topic = rng.choice(topics)
        code = f"{prog['code']}{rng.randint(4, 8)}{rng.randint(0, 9)}{slot}"
        title = f"{code} {topic}"
        rel_path = f"syllabi/{code.lower()}-{_slug(topic)}.{ext}"
    elif kind == "program":
        title = f"{prog['name']}: Program description"
        rel_path = f"{rng.choice(['program-description', 'about-the-program', 'program-overview'])}.{ext}"
    else:
        title = f"{prog['name']}: Core competencies"
        rel_path = f"{rng.choice(['core-competencies', 'graduate-attributes', 'competencies'])}.{ext}"
    pages = rng.randint(3, 12) if fmt == "pdf" else rng.randint(2, 6)
    plan = Plan(index, prog["dir"], rel_path, fmt, kind, title, f"{prog['institution']} · {title}",
                relationship, pages)
    _fill(plan, rng, prog)
    return plan


def _fill(plan: Plan, rng: random.Random, prog: dict) -> None:
    items = plan.items
    target = plan.target_pages * WORDS_PER_PAGE
    rel = rng.sample(REL_OUTCOMES, rng.randint(2, 5)) if plan.relationship else []
    items.append(("title", plan.title))
    items.append(("para", f"{prog['institution']}, {prog['name']}. Semester {rng.randint(1, 2)}, "
                          f"{rng.randint(2024, 2026)}. {rng.choice([10, 12.5, 15, 20])} credit points."))
    items.append(("heading", "Unit description" if plan.doc_kind == "syllabus" else "Overview"))
    for _ in range(rng.randint(1, 3)):
        items.append(("para", _paragraph(rng)))
    if rel and rng.random() < 0.5:
        items.append(("para", f"{rng.choice(REL_LEADS)} {rel.pop()}."))
    items.append(("heading", "Learning outcomes" if plan.doc_kind != "competencies" else "Competencies"))
    items.append(("para", "On successful completion of this unit, students will be able to:"))
    outcomes = [f"{rng.choice(VERBS).capitalize()} {rng.choice(OBJECTS)} {rng.choice(CONTEXTS)}."
                for _ in range(rng.randint(4, 8))]
    for r in rel[: max(1, len(rel) - 1)]:
        outcomes.insert(rng.randint(0, len(outcomes)), f"{r[0].upper()}{r[1:]}.")
    rel = rel[max(1, len(rel) - 1):]
    items += [("bullet", o) for o in outcomes]
    items.append(("heading", "Weekly schedule"))
    rows = [["Week", "Topic", "Reading"]]
    weeks = rng.randint(10, 13)
    rel_week = rng.randint(2, weeks) if plan.relationship else -1
    for w in range(1, weeks + 1):
        topic = rng.choice(REL_TOPICS) if w == rel_week else rng.choice(COURSE_TOPICS)
        rows.append([str(w), f"{topic}: {rng.choice(OBJECTS)}", f"{rng.choice(SURNAMES)} ({rng.randint(2000, 2025)}), ch. {rng.randint(1, 14)}"])
    items.append(("table", rows))
    items.append(("heading", "Assessment"))
    for _ in range(rng.randint(2, 4)):
        items.append(("bullet", f"{rng.choice(ASSESSMENTS)} ({rng.choice([10, 15, 20, 25, 30, 40, 50])}%), "
                                f"due in week {rng.randint(3, 13)}. {rng.choice(ASSESS_DESC)}"))
    items.append(("para", _paragraph(rng, (2, 4))))
    for r in rel:
        items.append(("para", f"{rng.choice(REL_LEADS)} {r}."))
    # Topic notes fill the document up to its target length; some PDFs read
    # a stretch of them in two columns.
    words = sum(_count_words(it) for it in items)
    columns = plan.fmt == "pdf" and plan.target_pages >= 5 and rng.random() < 0.4
    col_words = rng.randint(1, min(3, plan.target_pages - 3)) * WORDS_PER_PAGE * 1.1 if columns else 0
    tail = [("heading", "Readings")] + [("bullet", _reference(rng)) for _ in range(rng.randint(4, 8))]
    for name, sentences in rng.sample(POLICIES, rng.randint(2, 4)):
        tail += [("heading", name), ("para", " ".join(sentences))]
    words += sum(_count_words(it) for it in tail)
    items.append(("heading", "Topic notes"))
    in_columns = False
    while words < target:
        if columns and not in_columns and col_words > 0:
            items.append(("columns", True))
            in_columns = True
        if rng.random() < 0.25:
            items.append(("heading", f"Week {rng.randint(1, 13)}: {rng.choice(COURSE_TOPICS)}"))
        para = _paragraph(rng)
        items.append(("para", para))
        n = len(para.split())
        words += n
        if in_columns:
            col_words -= n
            if col_words <= 0:
                items.append(("columns", False))
                in_columns, columns = False, False
    if in_columns:
        items.append(("columns", False))
    items += tail
    plan.words = sum(_count_words(it) for it in items)


def _count_words(item) -> int:
    kind, payload = item
    if kind == "table":
        return sum(len(c.split()) for row in payload for c in row)
    if kind == "columns":
        return 0
    return len(payload.split())


# ---------------------------------------------------------------- renderers

def render_pdf(plan: Plan) -> tuple[bytes, int]:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import (BaseDocTemplate, Frame, ListFlowable, ListItem, NextPageTemplate, PageBreak,
                                    PageTemplate, Paragraph, Spacer, Table, TableStyle)

    styles = _pdf_styles(getSampleStyleSheet)
    width, height = A4
    margin = 2 * cm
    body_w, body_h = width - 2 * margin, height - 2 * margin - 1 * cm
    gap = 0.8 * cm
    one = Frame(margin, margin, body_w, body_h, id="one")
    col_w = (body_w - gap) / 2
    left = Frame(margin, margin, col_w, body_h, id="left")
    right = Frame(margin + col_w + gap, margin, col_w, body_h, id="right")

    def decorate(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(margin, height - margin + 0.3 * cm, plan.header)
        canvas.line(margin, height - margin + 0.15 * cm, width - margin, height - margin + 0.15 * cm)
        canvas.drawCentredString(width / 2, margin - 0.9 * cm, f"Page {doc.page}")
        canvas.restoreState()

    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, pagesize=A4, title=plan.title, author="syllabus-audit benchmark",
                          invariant=1, pageCompression=1)
    doc.addPageTemplates([PageTemplate("one", [one], onPage=decorate),
                          PageTemplate("two", [left, right], onPage=decorate)])
    story: list = []
    for kind, payload in plan.items:
        if kind == "title":
            story.append(Paragraph(html.escape(payload), styles["Title"]))
        elif kind == "heading":
            story.append(Paragraph(html.escape(payload), styles["Heading2"]))
        elif kind == "para":
            story.append(Paragraph(html.escape(payload), styles["BodyText"]))
        elif kind == "bullet":
            story.append(ListFlowable([ListItem(Paragraph(html.escape(payload), styles["BodyText"]))],
                                      bulletType="bullet", start="\u2022", leftIndent=14))
        elif kind == "table":
            cells = [[Paragraph(html.escape(c), styles["Cell"]) for c in row] for row in payload]
            t = Table(cells, colWidths=[1.4 * cm, body_w - 6.4 * cm, 5 * cm], repeatRows=1)
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                                   ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story += [Spacer(1, 4), t, Spacer(1, 6)]
        elif kind == "columns":
            story += [NextPageTemplate("two" if payload else "one"), PageBreak()]
    doc.build(story)
    return buf.getvalue(), doc.page


_STYLES = None


def _pdf_styles(get):
    global _STYLES
    if _STYLES is None:
        from reportlab.lib.styles import ParagraphStyle

        s = get()
        s.add(ParagraphStyle("Cell", parent=s["BodyText"], fontSize=8.5, leading=10.5))
        _STYLES = s
    return _STYLES


_FIXED_ZIP_TIME = (2024, 1, 1, 0, 0, 0)


def render_docx(plan: Plan) -> tuple[bytes, int]:
    import datetime

    from docx import Document

    d = Document()
    props = d.core_properties
    props.created = props.modified = datetime.datetime(2024, 1, 1)
    props.author = props.last_modified_by = "syllabus-audit benchmark"
    props.title = plan.title
    section = d.sections[0]
    section.header.paragraphs[0].text = plan.header
    section.footer.paragraphs[0].text = "Unit outline - check the course website for the current version"
    for kind, payload in plan.items:
        if kind == "title":
            d.add_heading(payload, level=0)
        elif kind == "heading":
            d.add_heading(payload, level=1)
        elif kind == "para":
            d.add_paragraph(payload)
        elif kind == "bullet":
            d.add_paragraph(payload, style="List Bullet")
        elif kind == "table":
            t = d.add_table(rows=len(payload), cols=len(payload[0]))
            t.style = "Table Grid"
            for r, row in enumerate(payload):
                for c, text in enumerate(row):
                    t.cell(r, c).text = text
    buf = io.BytesIO()
    d.save(buf)
    return _fixed_zip(buf.getvalue()), 0


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps so the bytes are reproducible."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, _FIXED_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def render_html(plan: Plan) -> tuple[bytes, int]:
    e = html.escape
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           f"<title>{e(plan.title)}</title>",
           "<style>body{font-family:sans-serif;max-width:60em;margin:auto} table{border-collapse:collapse}"
           " td,th{border:1px solid #999;padding:2px 6px} nav a{margin-right:1em}</style>",
           "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}</script>",
           "</head>", "<body>",
           '<nav><a href="/">Home</a><a href="/study">Study</a><a href="/research">Research</a>'
           '<a href="/contact">Contact us</a></nav>', "<main>"]
    in_list = False
    for kind, payload in plan.items:
        if kind != "bullet" and in_list:
            out.append("</ul>")
            in_list = False
        if kind == "title":
            out.append(f"<h1>{e(payload)}</h1>")
        elif kind == "heading":
            out.append(f"<h2>{e(payload)}</h2>")
        elif kind == "para":
            out.append(f"<p>{e(payload)}</p>")
        elif kind == "bullet":
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append(f"<li>{e(payload)}</li>")
        elif kind == "table":
            out.append("<table>")
            out.append("<tr>" + "".join(f"<th>{e(c)}</th>" for c in payload[0]) + "</tr>")
            out += ["<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in payload[1:]]
            out.append("</table>")
    if in_list:
        out.append("</ul>")
    out += ["</main>", f"<footer><p>{e(plan.header)} · Privacy · Copyright</p></footer>", "</body>", "</html>", ""]
    return "\n".join(out).encode("utf-8"), 0


RENDERERS = {"pdf": render_pdf, "docx": render_docx, "html": render_html}


def build_one(args: tuple[str, int, int, int]) -> dict:
    out_dir, seed, index, per_program = args
    plan = plan_document(seed, index, per_program)
    data, pages = RENDERERS[plan.fmt](plan)
    path = Path(out_dir, plan.program_dir, plan.rel_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return {"path": f"{plan.program_dir}/{plan.rel_path}", "format": plan.fmt, "doc_kind": plan.doc_kind,
            "pages": pages, "words": plan.words, "relationship": plan.relationship, "bytes": len(data)}


def build_corpus(out_dir: str | os.PathLike, docs: int, seed: int = 1, per_program: int = 10,
                 jobs: int | None = None) -> dict:
    """Write the corpus; return its description (also written to OUT_DIR/.corpus.json)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if any(p for p in out.iterdir() if not p.name.startswith(".")):
        raise SystemExit(f"{out}: not empty (give a new folder)")
    jobs = jobs or os.cpu_count() or 1
    work = [(str(out), seed, i, per_program) for i in range(docs)]
    start = time.perf_counter()
    if jobs > 1 and docs > 1:
        with multiprocessing.Pool(jobs) as pool:
            files = pool.map(build_one, work, chunksize=4)
    else:
        files = [build_one(w) for w in work]
    seen: set[str] = set()
    for f in files:  # two syllabi of one program could draw the same code and topic
        if f["path"] in seen:
            raise SystemExit(f"duplicate path {f['path']} (report this seed)")
        seen.add(f["path"])
    info = {"docs": docs, "seed": seed, "per_program": per_program, "programs": -(-docs // per_program),
            "formats": {k: sum(f["format"] == k for f in files) for k in ("pdf", "docx", "html")},
            "pdf_pages": sum(f["pages"] for f in files), "words": sum(f["words"] for f in files),
            "relationship_docs": sum(f["relationship"] for f in files),
            "bytes": sum(f["bytes"] for f in files), "files": files}
    (out / ".corpus.json").write_text(json.dumps(info, indent=1) + "\n", encoding="utf-8")
    info["build_seconds"] = round(time.perf_counter() - start, 2)
    return info


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir")
    ap.add_argument("--docs", type=int, default=300, help="number of documents (default 300)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--per-program", type=int, default=10, help="documents per program folder")
    ap.add_argument("--jobs", type=int, default=None, help="build processes (default: CPU count)")
    args = ap.parse_args(argv)
    info = build_corpus(args.out_dir, args.docs, args.seed, args.per_program, args.jobs)
    f = info["formats"]
    print(f"{args.out_dir}: {info['docs']} documents in {info['programs']} programs "
          f"({f['pdf']} PDF with {info['pdf_pages']} pages, {f['docx']} DOCX, {f['html']} HTML; "
          f"{info['words']:,} words; {info['relationship_docs']} with relationship sentences; "
          f"{info['bytes'] / 1e6:.1f} MB) in {info['build_seconds']:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
