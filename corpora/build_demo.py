#!/usr/bin/env python3
"""Build the bundled demo corpus for syllabus-audit.

Usage:  python corpora/build_demo.py

Writes ``corpora/demo/<program_id>/...`` (the folder is wiped and rebuilt) and
``corpora/demo_truth.json``.  Build dependencies: reportlab, python-docx, Pillow.

Every program and document is fictional and was written for this demo.  The
output is deterministic: reportlab runs in invariant mode, DOCX core properties
and zip timestamps are fixed, images are drawn without randomness, and text
files are written with explicit encodings and line endings.

How the truth is kept honest
----------------------------
Prose is plain Python data.  A passage that is relationship-skill content (per
shared/docs/labeling-guide.md) is written as ``R("text", "category", ...)``;
every other string is meant to be negative (neutral text or a deliberate false
positive).  A document's ``mentions`` and a source's ``categories`` in the truth
file are computed from those ``R`` tags, so the truth cannot drift from the
text.  Unreadable documents (image-only, corrupt) get ``mentions: null`` and
are left out of their program's sources.
"""

from __future__ import annotations

import datetime as _dt
import html
import io
import json
import re
import shutil
import textwrap
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "demo"
TRUTH = HERE / "demo_truth.json"

FIXED_DATETIME = _dt.datetime(2025, 1, 15, 9, 0, 0)
ZIP_DATETIME = (2025, 1, 15, 9, 0, 0)
AUTHOR = "syllabus-audit demo corpus (fictional)"

CATEGORIES = (
    "alliance", "empathy", "genuineness", "positive_regard", "collaboration",
    "rupture_repair", "feedback", "countertransference", "microskills",
    "responsiveness",
)
SOURCES = ("syllabus", "program_description", "competency_list")


# ---------------------------------------------------------------------------
# Content model
# ---------------------------------------------------------------------------

class R(str):
    """A positive passage: relationship-skill content carrying its categories."""

    cats: frozenset

    def __new__(cls, text: str, *cats: str):
        if not cats:
            raise ValueError(f"R() needs at least one category: {text!r}")
        bad = [c for c in cats if c not in CATEGORIES]
        if bad:
            raise ValueError(f"unknown categories {bad} in {text!r}")
        obj = super().__new__(cls, text)
        obj.cats = frozenset(cats)
        return obj


def UL(*items):
    return ("ul", list(items))


def OL(*items):
    return ("ol", list(items))


def TABLE(header, *rows):
    return ("table", list(header), [list(r) for r in rows])


def H3(text):
    return ("h3", text)


def doc(title, meta=(), sections=(), site=None, lang="en"):
    """A document: a title line, label/value metadata, and (heading, blocks)."""
    return {"title": title, "meta": list(meta), "sections": list(sections),
            "site": site, "lang": lang}


def categories_of(obj) -> set:
    """All categories tagged anywhere inside a (nested) content object."""
    if isinstance(obj, R):
        return set(obj.cats)
    if isinstance(obj, str) or obj is None:
        return set()
    if isinstance(obj, dict):
        return set().union(*(categories_of(v) for v in obj.values())) if obj else set()
    if isinstance(obj, (list, tuple)):
        return set().union(*(categories_of(v) for v in obj)) if obj else set()
    return set()


EMPH = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*")


def strip_marks(s: str) -> str:
    return EMPH.sub(lambda m: m.group(1) or m.group(2), s)


# ---------------------------------------------------------------------------
# Shared policy text (negative on purpose; some carry classic false positives)
# ---------------------------------------------------------------------------

AU_POLICIES = [
    "**Academic integrity.** All submitted work must be your own. Generative AI tools "
    "may be used only where an assessment task says so, and their use must be acknowledged.",
    "**Late submission.** A penalty of 5% of the available mark per calendar day applies "
    "for up to five days; after that the work receives a mark of zero.",
    "**Special consideration.** If illness or misadventure affects an assessment, apply "
    "through the Student Portal within three working days of the due date.",
    "**Equitable learning plans.** Students with a disability or health condition can "
    "arrange adjustments through Student Accessibility Services.",
]

UK_POLICIES = [
    "**Academic misconduct.** Plagiarism, collusion and commissioning work from others "
    "are dealt with under the University's Academic Misconduct Procedure.",
    "**Extenuating circumstances.** Claims must be submitted with evidence no later than "
    "five working days after the assessment deadline.",
    "**Reasonable adjustments.** Students with a Disability Support Plan should share it "
    "with the module leader in the first two weeks of term.",
    "**Return of marks.** Provisional marks are released within 20 working days of "
    "submission and confirmed by the Board of Examiners.",
]

US_POLICIES = [
    "**Academic integrity.** Violations of the Academic Integrity Policy are reported "
    "to the Office of Student Conduct.",
    "**Accessibility.** Students who need accommodations should contact the Office of "
    "Disability Resources and share their accommodation letter in the first two weeks.",
    "**Title IX.** Faculty are responsible employees and must report disclosures of "
    "sexual misconduct to the Title IX Coordinator.",
    "**Attendance.** Attending every class is expected; more than two unexcused "
    "absences will lower the final grade by one step.",
]

NZ_POLICIES = [
    "**Academic integrity.** Work submitted for assessment must be your own and must "
    "acknowledge all sources in APA 7th edition style.",
    "**Extensions and special consideration.** Apply through the course coordinator "
    "before the due date where possible.",
    "**Student support.** Disability support, learning advisers and Pacific and Māori "
    "student support services are available on every campus.",
]


# ---------------------------------------------------------------------------
# Program 01 - AU clinical psychology, rich content in all three sources
# ---------------------------------------------------------------------------

P01_SYLLABUS = doc(
    "Course syllabus: PSYC7010 Clinical Interviewing and Therapeutic Skills",
    meta=[
        ("Course code", "PSYC7010"),
        ("Program", "Master of Clinical Psychology"),
        ("Credit points", "12.5"),
        ("Term", "Semester 1, 2025 (24 February - 30 May)"),
        ("Mode", "On campus, weekly three-hour skills workshop"),
        ("Course convenor", "Dr Imogen Hartley (i.hartley@wattlebay.edu.au)"),
        ("Prerequisite", "PSYC7001 Professional and Ethical Practice"),
    ],
    sections=[
        ("Acknowledgement of Country", [
            "Wattle Bay University acknowledges the Traditional Custodians of the lands on "
            "which we learn and work, and the enduring relationship of Aboriginal and Torres "
            "Strait Islander peoples with Country. We pay our respects to Elders past and present.",
        ]),
        ("Course description", [
            R("This course introduces the relational skills at the centre of psychological "
              "practice. Students learn to establish and maintain a therapeutic alliance with "
              "adult clients and to respond empathically from the first session onwards.",
              "alliance", "empathy"),
            "The course combines short lectures, video demonstrations and structured skills "
            "practice. It builds on PSYC7001 and prepares students for their first internal "
            "clinic placement in Semester 2.",
        ]),
        ("Learning outcomes", [
            "On successful completion of this course, students will be able to:",
            OL(
                R("establish and maintain a therapeutic alliance with clients from the first session;",
                  "alliance"),
                R("practise attending, paraphrasing, reflecting and summarising skills in triads "
                  "and recorded role-plays;", "microskills"),
                R("respond empathically and convey accurate empathy to clients in distress;",
                  "empathy"),
                R("negotiate shared treatment goals with the client and agree on the tasks of therapy;",
                  "collaboration"),
                R("recognise and repair alliance ruptures, including withdrawal and confrontation ruptures;",
                  "rupture_repair"),
                R("administer the Session Rating Scale and the Outcome Rating Scale at every session "
                  "and discuss the scores with the client;", "feedback"),
                R("reflect on personal reactions to clients in supervision and manage "
                  "countertransference.", "countertransference"),
            ),
        ]),
        ("Weekly schedule", [
            TABLE(
                ("Week", "Topic", "Workshop activity"),
                ("1", "Orientation; the structure of a clinical interview",
                 "Course overview; consent for recorded role-plays"),
                ("2", R("Attending and active listening with clients", "microskills"),
                 R("Triads: attending behaviour and minimal encouragers", "microskills")),
                ("3", R("Reflecting feelings and meaning", "microskills", "empathy"),
                 "Recorded role-play 1"),
                ("4", R("Empathic responding and accurate empathy", "empathy"),
                 "Triads with observer rating sheet"),
                ("5", R("Building the therapeutic alliance: bond, goals and tasks",
                        "alliance", "collaboration"),
                 R("Goal-setting role-play with a standardised client", "collaboration")),
                ("6", R("Ruptures & repair", "rupture_repair"),
                 R("Video demonstration; rupture and repair role-plays", "rupture_repair")),
                ("7", "Mid-semester break", "-"),
                ("8", R("Routine outcome monitoring: ORS and SRS", "feedback"),
                 R("Practise scoring the ORS and SRS and discussing them with the client", "feedback")),
                ("9", "Risk assessment and safety planning", "Case discussion"),
                ("10", R("Countertransference and the therapist's own reactions",
                         "countertransference"),
                 "Small-group supervision"),
                ("11", "Case formulation", "Formulation worksheet"),
                ("12", R("Managing the ending of the therapeutic relationship", "alliance"),
                 "Integration role-play"),
                ("13", "Review and preparation for the skills assessment", "Mock OSCE"),
            ),
        ]),
        ("Assessment", [
            TABLE(
                ("Task", "Weight", "Due"),
                ("Recorded role-play 1 with transcript and self-critique (1,500 words)", "20%", "Week 4"),
                ("Case conceptualisation essay (2,500 words)", "40%", "Week 11"),
                (R("Skills assessment (OSCE): alliance building, empathic responding and rupture "
                   "repair are each rated on the course rubric", "alliance", "empathy", "rupture_repair"),
                 "40%", "Week 13"),
            ),
            "Written feedback on assignments is provided within 15 working days. All three "
            "tasks must be attempted to pass the course.",
        ]),
        ("Workshop guidelines", [
            UL(
                "Role-plays use scenarios written by the teaching team; do not bring material "
                "from your own life or from clients you have seen elsewhere.",
                "Recordings are stored on the secure course site only and are deleted at the "
                "end of the semester.",
                "Each triad rotates through the roles of clinician, client and observer.",
                "Arrive on time: workshops start with a ten-minute demonstration.",
            ),
            "Students who miss more than two workshops must complete a make-up practice "
            "session with a tutor before the skills assessment.",
        ]),
        ("Required and recommended readings", [
            UL(
                "Norcross, J. C., & Lambert, M. J. (Eds.). (2019). *Psychotherapy relationships "
                "that work* (3rd ed.). Oxford University Press.",
                "Hill, C. E. (2020). *Helping skills: Facilitating exploration, insight, and "
                "action* (5th ed.). American Psychological Association.",
                "Safran, J. D., & Muran, J. C. (2000). *Negotiating the therapeutic alliance: "
                "A relational treatment guide*. Guilford Press.",
                "Ivey, A. E., Ivey, M. B., & Zalaquett, C. P. (2018). *Intentional interviewing "
                "and counseling* (9th ed.). Cengage.",
                "Duncan, B. L., Miller, S. D., Wampold, B. E., & Hubble, M. A. (Eds.). (2010). "
                "*The heart and soul of change* (2nd ed.). American Psychological Association.",
            ),
            "Weekly readings are listed on the course site. Allow about four hours per week "
            "for reading and practice outside the workshop.",
        ]),
        ("Policies", [UL(*AU_POLICIES)]),
    ],
)

P01_OVERVIEW = doc(
    "About the program: Master of Clinical Psychology",
    site=("Wattle Bay University", "en-AU", ["Study", "Postgraduate", "Psychology"]),
    sections=[
        ("Program description", [
            "The Master of Clinical Psychology is a two-year, full-time program for graduates "
            "of an accredited fourth year in psychology. It leads to general registration and "
            "to the clinical psychology registrar program.",
            R("Relationship skills sit at the centre of the program. From the first semester, "
              "students learn to build a strong working alliance with clients and to sustain "
              "it across assessment, treatment and ending.", "alliance"),
            R("Students are trained in feedback-informed practice: they routinely seek client "
              "feedback on progress and on the alliance, using the Outcome Rating Scale and the "
              "Session Rating Scale.", "feedback"),
            R("Placements in community, hospital and Aboriginal community-controlled health "
              "settings develop culturally safe practice, and students learn to adapt the "
              "therapeutic stance to each client's cultural background, values and preferences.",
              "responsiveness"),
        ]),
        ("Program structure", [
            UL(
                "Year 1: PSYC7001 Professional and Ethical Practice; PSYC7010 Clinical "
                "Interviewing and Therapeutic Skills; PSYC7020 Psychopathology; PSYC7030 "
                "Psychological Assessment; internal clinic placement.",
                "Year 2: PSYC8010 Evidence-Based Interventions; PSYC8020 Child and Family "
                "Practice; PSYC8900 Research Thesis; two external placements.",
            ),
            "In total, students complete 1,000 hours of supervised placement.",
        ]),
        ("Entry requirements", [
            "Applicants need an accredited fourth-year qualification with a weighted average "
            "of at least 75, two referee reports and a selection interview.",
        ]),
    ],
)

P01_COMPETENCIES = doc(
    "Core competencies: Master of Clinical Psychology",
    meta=[("Program", "Master of Clinical Psychology, Wattle Bay University"),
          ("Version", "2025, approved by the School Teaching Committee")],
    sections=[
        ("Graduate competency list", [
            "Graduates will demonstrate the following competencies, each mapped to the "
            "accreditation standards and assessed on placement:",
            OL(
                "Apply knowledge of psychopathology and diagnostic systems to assessment.",
                "Select, administer and interpret standardised psychological tests.",
                R("Establish, maintain and appropriately end therapeutic relationships with "
                  "clients across the lifespan.", "alliance"),
                R("Communicate warmth and respond empathically to clients' distress.",
                  "empathy", "positive_regard"),
                R("Recognise strains and ruptures in the therapeutic alliance and take steps "
                  "to repair them.", "rupture_repair"),
                R("Monitor client progress and the alliance session by session, and use client "
                  "feedback to adjust treatment.", "feedback"),
                R("Practise in a culturally responsive way, adapting the relationship to each "
                  "client's culture, identity and preferences.", "responsiveness"),
                R("Use supervision to reflect on personal reactions to clients and their effect "
                  "on the therapeutic work.", "countertransference"),
                "Conduct research examining the relationship between treatment variables and "
                "outcome.",
                "Practise within the APS Code of Ethics, including the avoidance of multiple "
                "relationships and conflicts of interest.",
            ),
        ]),
    ],
)

# ---------------------------------------------------------------------------
# Program 02 - UK research-methods MSc: no relationship content at all
# ---------------------------------------------------------------------------

P02_SYLLABUS = doc(
    "Module syllabus: SRM7001 Quantitative Data Analysis",
    meta=[
        ("Module code", "SRM7001"),
        ("Programme", "MSc Social Research Methods"),
        ("Credits", "30 (FHEQ Level 7)"),
        ("Term", "Autumn 2025"),
        ("Module leader", "Dr Ruth Okonjo"),
    ],
    sections=[
        ("Module description", [
            "This module introduces the statistical analysis of survey and administrative "
            "data. Students learn to clean, describe and model data in R, and to report "
            "results to academic and policy audiences.",
        ]),
        ("Learning outcomes", [
            "By the end of the module students will be able to:",
            OL(
                "prepare and document a reproducible data-cleaning workflow in R;",
                "describe distributions with appropriate statistics and graphs;",
                "fit and interpret linear and logistic regression models;",
                "account for complex survey designs, weights and missing data;",
                "write a concise, accurate report of a quantitative analysis.",
            ),
        ]),
        ("Weekly schedule", [
            TABLE(
                ("Week", "Topic"),
                ("1", "Introduction to R and RStudio; project organisation"),
                ("2", "Data cleaning and documentation"),
                ("3", "Descriptive statistics and visualisation"),
                ("4", "Sampling distributions and confidence intervals"),
                ("5", "Hypothesis testing and statistical power"),
                ("6", "Reading week"),
                ("7", "Linear regression I"),
                ("8", "Linear regression II: diagnostics"),
                ("9", "Logistic regression"),
                ("10", "Survey weights and complex designs"),
                ("11", "Missing data and multiple imputation"),
            ),
        ]),
        ("Assessment", [
            TABLE(
                ("Component", "Weight", "Deadline"),
                ("Data-cleaning portfolio", "30%", "Week 5"),
                ("Analysis report (3,000 words)", "70%", "January assessment period"),
            ),
        ]),
        ("Reading list", [
            UL(
                "Field, A., Miles, J., & Field, Z. (2012). *Discovering statistics using R*. Sage.",
                "Wickham, H., Cetinkaya-Rundel, M., & Grolemund, G. (2023). *R for data "
                "science* (2nd ed.). O'Reilly.",
                "Lumley, T. (2010). *Complex surveys: A guide to analysis using R*. Wiley.",
            ),
        ]),
        ("Policies", [UL(*UK_POLICIES)]),
    ],
)

P02_DESCRIPTION = doc(
    "Programme description: MSc Social Research Methods",
    meta=[("Awarding body", "University of Fenmoor"),
          ("Mode", "One year full-time or two years part-time"),
          ("Entry", "2025/26")],
    sections=[
        ("Overview", [
            "The MSc Social Research Methods provides advanced training in the design, "
            "conduct and analysis of social research. It is suitable for graduates preparing "
            "for doctoral study and for analysts in government and the third sector.",
            "Students take core modules in research design, quantitative data analysis and "
            "qualitative methods, choose two optional modules, and complete a 15,000-word "
            "dissertation.",
        ]),
        ("Core modules", [
            UL(
                "SRM7000 Research Design and Philosophy of Social Science",
                "SRM7001 Quantitative Data Analysis",
                "SRM7002 Qualitative Methods and Analysis",
                "SRM7090 Dissertation",
            ),
        ]),
        ("Optional modules", [
            UL(
                "SRM7010 Longitudinal Data Analysis",
                "SRM7011 Spatial Analysis and GIS",
                "SRM7012 Evaluation Methods for Public Policy",
                "SRM7013 Computational Text Analysis",
            ),
        ]),
        ("Careers", [
            "Graduates work as research officers, policy analysts and data scientists, or "
            "continue to PhD study.",
        ]),
    ],
)

P02_OUTCOMES = doc(
    "Learning outcomes: MSc Social Research Methods",
    meta=[("Programme code", "MSC-SRM"), ("Approved", "June 2024")],
    sections=[
        ("Programme learning outcomes", [
            "On completion of the programme, graduates will be able to:",
            OL(
                "**Design** social research that is *ethically sound* and fit for its question.",
                "**Collect** quantitative and qualitative data using appropriate methods.",
                "**Analyse** data with current statistical and qualitative software.",
                "**Evaluate** published research critically, including its sampling and measurement.",
                "**Communicate** findings clearly in writing and in presentations.",
            ),
        ]),
        ("Mapping to modules", [
            TABLE(
                ("Outcome", "SRM7000", "SRM7001", "SRM7002", "SRM7090"),
                ("1 Design", "Taught", "-", "Taught", "Assessed"),
                ("2 Collect", "Taught", "-", "Assessed", "Assessed"),
                ("3 Analyse", "-", "Assessed", "Assessed", "Assessed"),
                ("4 Evaluate", "Assessed", "Taught", "Taught", "Assessed"),
                ("5 Communicate", "Taught", "Assessed", "Taught", "Assessed"),
            ),
            "*Taught* means the outcome is developed in the module; *Assessed* means it is "
            "formally assessed there.",
        ]),
    ],
)

# ---------------------------------------------------------------------------
# Program 03 - US MA Psychological Science: only false-positive trigger words
# ---------------------------------------------------------------------------

P03_RESEARCH = doc(
    "Course syllabus: PSY 5100 Research Methods in Psychology",
    meta=[
        ("Course", "PSY 5100, 3 credits"),
        ("Semester", "Fall 2025, Tuesdays 1:00-3:50 pm"),
        ("Instructor", "Dr. Marcus Delgado, Office hours Wed 10-12"),
    ],
    sections=[
        ("Course description", [
            "This course covers the logic and practice of psychological research. Students "
            "learn to formulate hypotheses, design studies that test relationships between "
            "variables, and judge when a correlational relationship supports a causal claim.",
        ]),
        ("Learning objectives", [
            "Students will be able to:",
            OL(
                "distinguish causal from correlational relationships between variables;",
                "design experimental, quasi-experimental and survey studies;",
                "build rapport with participants during structured interviews while keeping "
                "procedures standardized;",
                "write clear open-ended survey questions and pretest them;",
                "collaborate with peers on a group research proposal.",
            ),
        ]),
        ("Schedule", [
            TABLE(
                ("Week", "Topic"),
                ("1", "Science, theory and hypotheses"),
                ("2", "Measurement: reliability and validity"),
                ("3", "Correlational designs: the relationship between sleep and mood"),
                ("4", "Experimental designs and random assignment"),
                ("5", "Quasi-experiments and natural experiments"),
                ("6", "Qualitative interviewing: establishing rapport with interviewees"),
                ("7", "Survey design and sampling"),
                ("8", "Moderators and mediators of the relationship between stress and health"),
                ("9", "Peer feedback on proposal drafts"),
                ("10", "Research ethics and the IRB"),
                ("11", "Open science and replication"),
                ("12", "Proposal presentations"),
            ),
        ]),
        ("Assignments and grading", [
            TABLE(
                ("Assignment", "Points"),
                ("Article critiques (3)", "30"),
                ("IRB application", "15"),
                ("Group research proposal", "40"),
                ("Participation", "15"),
            ),
            "Feedback on assignments will be returned within 10 days. Late work will not be "
            "accepted without documentation.",
        ]),
        ("Texts", [
            UL(
                "Morling, B. (2021). *Research methods in psychology: Evaluating a world of "
                "information* (4th ed.). Norton.",
                "Additional articles on the course site.",
            ),
        ]),
        ("Policies", [UL(*US_POLICIES)]),
    ],
)

P03_BIOBASES = doc(
    "Course syllabus: PSY 5320 Biological Bases of Behavior and Psychopharmacology",
    meta=[
        ("Course", "PSY 5320, 3 credits"),
        ("Semester", "Spring 2026"),
        ("Instructor", "Dr. Hannah Cho"),
    ],
    sections=[
        ("Course description", [
            "An introduction to the neural, hormonal and genetic bases of behavior, with "
            "emphasis on the pharmacology of drugs used in psychiatric treatment.",
        ]),
        ("Learning objectives", [
            OL(
                "Describe neurotransmitter systems and receptor pharmacology.",
                "Explain the therapeutic dose, therapeutic range and therapeutic drug monitoring "
                "of lithium and clozapine.",
                "Summarize research on the neuroscience of empathy and mirror neurons.",
                "Describe attachment in infancy and the hormonal basis of pair bonding in voles.",
                "Evaluate claims about medication effects using primary research.",
            ),
        ]),
        ("Topics", [
            TABLE(
                ("Week", "Topic"),
                ("1", "Neurons, synapses and neurotransmitters"),
                ("2", "Pharmacokinetics and pharmacodynamics"),
                ("3", "Antidepressants"),
                ("4", "Mood stabilizers: therapeutic range and serum levels"),
                ("5", "Antipsychotics"),
                ("6", "Anxiolytics and hypnotics"),
                ("7", "Midterm exam"),
                ("8", "Stimulants and ADHD medication"),
                ("9", "Oxytocin, vasopressin and pair bonding"),
                ("10", "Empathy development in early childhood"),
                ("11", "Attachment and the stress response"),
                ("12", "Review"),
            ),
        ]),
        ("Grading", [
            "Midterm exam 30%; final exam 40%; two short papers 30%. Feedback on assignments "
            "is posted in the gradebook.",
        ]),
        ("Policies", [UL(*US_POLICIES)]),
    ],
)

P03_ETHICS = doc(
    "Course syllabus: PSY 5410 Ethics and Professional Issues in Psychology",
    meta=[("Course", "PSY 5410, 2 credits"), ("Semester", "Fall 2025"),
          ("Instructor", "Dr. Alan Whitford")],
    sections=[
        ("Course description", [
            "This seminar examines the APA Ethical Principles of Psychologists and Code of "
            "Conduct and its application in research, teaching and applied settings.",
        ]),
        ("Learning objectives", [
            OL(
                "Identify the general principles and enforceable standards of the APA Ethics Code.",
                "Analyze dual relationships and multiple relationships (Standard 3.05) and "
                "explain when they are prohibited.",
                "Distinguish boundary crossings from boundary violations.",
                "Explain why sexual relationships with current or former clients are prohibited.",
                "Recognize and manage conflicts of interest in research and consulting.",
                "Apply an ethical decision-making model to case vignettes.",
            ),
        ]),
        ("Weekly topics", [
            TABLE(
                ("Week", "Topic"),
                ("1", "Foundations of professional ethics"),
                ("2", "Competence and scope of practice"),
                ("3", "Confidentiality and its limits"),
                ("4", "Informed consent in research"),
                ("5", "Multiple relationships and boundaries"),
                ("6", "Conflicts of interest"),
                ("7", "Ethics in teaching and supervision"),
                ("8", "Research misconduct"),
            ),
        ]),
        ("Grading", [
            "Case analyses 60%; final paper 40%. Feedback on assignments is given in writing "
            "within two weeks.",
        ]),
    ],
)

P03_ABOUT = doc(
    "About the program: MA in Psychological Science",
    site=("Lakeshore State University", "en-US", ["Graduate", "Psychology", "MA"]),
    sections=[
        ("Program description", [
            "The MA in Psychological Science is a two-year, research-focused degree that "
            "prepares students for doctoral programs and research careers. It does not lead "
            "to licensure.",
            "Students join a faculty lab in their first semester and complete a thesis. Lab "
            "training includes how to build rapport with participants and how to keep data "
            "collection consistent across sessions.",
            "Our department partners with the local chapter of the National Alliance on Mental "
            "Illness (NAMI) for an annual public lecture series.",
        ]),
        ("Electives", [
            UL(
                "PSY 5610 Political Psychology: international alliances, conflict and "
                "cooperation between nations",
                "PSY 5620 Close Relationships: attraction, love and relationship dissolution",
                "PSY 5630 Cognitive Neuroscience",
            ),
        ]),
        ("Program learning goals", [
            UL(
                "Design and analyze studies that test relationships between psychological variables.",
                "Communicate research findings in writing and orally.",
                "Apply ethical standards to research with human participants.",
            ),
            "Students receive detailed feedback on thesis drafts from their committee.",
        ]),
    ],
)

# ---------------------------------------------------------------------------
# Program 04 - US MSW: relationship content in the syllabus only
# ---------------------------------------------------------------------------

P04_SYLLABUS = doc(
    "Course syllabus: SOWK 6110 Direct Practice with Individuals and Families",
    meta=[
        ("Course", "SOWK 6110, 3 credits, generalist foundation year"),
        ("Semester", "Fall 2025, Thursdays 9:00-11:50 am"),
        ("Instructor", "Professor Danielle Reyes, LCSW"),
    ],
    sections=[
        ("Course description", [
            R("This course develops the skills social workers use to engage clients and to "
              "build a helping relationship with individuals and families.", "alliance"),
            "Students practice interviewing through recorded role-plays and apply the "
            "planned change process from assessment to case closure.",
        ]),
        ("Course objectives", [
            "By the end of this course, students will be able to:",
            OL(
                R("demonstrate engagement skills in the first session, including building "
                  "rapport with clients;", "alliance"),
                R("use active listening, open questions, paraphrasing and reflection of feeling "
                  "with clients in recorded role-plays;", "microskills", "empathy"),
                R("convey empathy, warmth and a nonjudgmental stance toward clients whose values "
                  "differ from their own;", "empathy", "positive_regard"),
                R("develop mutually agreed goals and a service contract with clients and families;",
                  "collaboration"),
                "apply the NASW Code of Ethics to practice decisions, including dual relationships.",
            ),
        ]),
        ("Course schedule", [
            TABLE(
                ("Week", "Topic"),
                ("1", "The planned change process"),
                ("2", R("Engagement and the helping relationship", "alliance")),
                ("3", R("Interviewing skills I: attending and listening", "microskills")),
                ("4", R("Interviewing skills II: reflecting and summarizing", "microskills")),
                ("5", R("Empathy and validation with clients", "empathy", "positive_regard")),
                ("6", R("Contracting and goal setting with clients", "collaboration")),
                ("7", "Biopsychosocial assessment"),
                ("8", "Ecomaps and genograms"),
                ("9", "Crisis intervention"),
                ("10", "Case management and referral"),
                ("11", "Documentation and record keeping"),
                ("12", "Final role-play assessments"),
            ),
        ]),
        ("Assignments", [
            TABLE(
                ("Assignment", "Weight"),
                (R("Recorded interview with process recording: graded on engagement, empathic "
                   "responding and use of reflections", "alliance", "empathy", "microskills"), "40%"),
                ("Biopsychosocial assessment paper", "35%"),
                ("Weekly reflection journal", "15%"),
                ("Participation", "10%"),
            ),
        ]),
        ("Required texts", [
            UL(
                "Hepworth, D. H., Rooney, R. H., Rooney, G. D., & Strom-Gottfried, K. (2022). "
                "*Direct social work practice: Theory and skills* (11th ed.). Cengage.",
            ),
        ]),
        ("Policies", [UL(*US_POLICIES)]),
    ],
)

P04_DESCRIPTION = doc(
    "Program description: Master of Social Work",
    site=("Ridgeview University", "en-US", ["Academics", "School of Social Work", "MSW"]),
    sections=[
        ("Program description", [
            "The Master of Social Work (MSW) at Ridgeview University prepares graduates for "
            "advanced practice and leadership. The program is accredited by the Council on "
            "Social Work Education.",
            "The foundation year covers human behavior, policy, research and generalist "
            "practice. In the specialization year students choose Clinical Practice with "
            "Adults or Community and Policy Practice.",
            "Field education totals 900 hours across two agency placements. Students "
            "collaborate with agencies, schools and community partners throughout the program.",
        ]),
        ("Program options", [
            UL(
                "Two-year full-time (60 credits)",
                "Three-year part-time evening cohort",
                "Advanced standing (30 credits) for BSW graduates",
            ),
        ]),
        ("Admission", [
            "Applicants need a bachelor's degree with a GPA of 3.0 or higher, a personal "
            "statement and two recommendations.",
        ]),
    ],
)

P04_COMPETENCIES = doc(
    "Core competencies: MSW Program",
    meta=[("Program", "Master of Social Work, Ridgeview University")],
    sections=[
        ("Program competencies", [
            "Graduates of the MSW program demonstrate the following competencies:",
            OL(
                "Demonstrate ethical and professional behavior.",
                "Advance human rights and social, racial, economic and environmental justice.",
                "Engage anti-racism, diversity, equity and inclusion in practice.",
                "Engage in practice-informed research and research-informed practice.",
                "Engage in policy practice.",
                "Assess individuals, families, groups, organizations and communities.",
                "Select and implement evidence-based interventions.",
                "Evaluate programs and policies using appropriate methods.",
            ),
            "Each competency is assessed in the field evaluation at the end of every semester.",
        ]),
    ],
)

# ---------------------------------------------------------------------------
# Program 05 - NZ counselling: two-column PDF programme description
# ---------------------------------------------------------------------------

# Left column: neutral facts.  Right column: the only relationship content.
P05_TWO_COL_TITLE = "Programme description"
P05_TWO_COL_SUBTITLE = "Postgraduate Diploma in Counselling (PGDipCouns)"
P05_TWO_COL_KICKER = "Kahurangi University - School of Health and Counselling - 2025 intake"
P05_LEFT = [
    ("h", "Overview"),
    ("p", "The Postgraduate Diploma in Counselling is a 120-credit programme at Level 8 of the "
          "New Zealand Qualifications and Credentials Framework. It is offered full-time over "
          "one year or part-time over two years, with block courses in Wellington."),
    ("h", "Entry requirements"),
    ("p", "Applicants need a relevant bachelor's degree and at least two years of work or "
          "volunteer experience in a helping role. Shortlisted applicants attend a group "
          "selection day and an individual interview."),
    ("h", "Programme structure"),
    ("p", "COUN601 Counselling Practice (30 credits); COUN602 Theories of Counselling "
          "(30 credits); COUN603 Professional Practice and Ethics (15 credits); COUN604 "
          "Counselling Placement (45 credits)."),
    ("h", "Fees and scholarships"),
    ("p", "Domestic fees for 2025 are set by the University Council. Scholarships are "
          "available for Maori and Pacific students."),
]
P05_RIGHT = [
    ("h", "What you will learn"),
    ("p", R("Graduates will establish and sustain a therapeutic alliance with "
            "clients, families and groups in community and school settings.", "alliance")),
    ("p", R("You will learn to respond empathically to each client's experience and to "
            "practise reflective listening in supervised practice.", "empathy", "microskills")),
    ("p", R("Students learn to adapt the therapeutic stance to the client's cultural "
            "background and to work in culturally safe ways with whanau.", "responsiveness")),
    ("h", "Placement"),
    ("p", "The placement runs for 150 hours in an approved community agency, school or "
          "health service, with weekly supervision from a registered counsellor."),
]

P05_OUTLINE = doc(
    "Course outline: COUN601 Counselling Practice",
    meta=[
        ("Course code", "COUN601 (30 credits)"),
        ("Programme", "Postgraduate Diploma in Counselling"),
        ("Trimester", "Trimester 1, 2025"),
        ("Coordinator", "Aroha Ngata"),
    ],
    sections=[
        ("Course description", [
            R("COUN601 is the core skills course of the diploma. It teaches the *foundational "
              "counselling skills* needed to **engage clients** and build a working alliance "
              "with them.", "alliance", "microskills"),
        ]),
        ("Learning outcomes", [
            "Students who pass this course will be able to:",
            OL(
                R("practise attending, paraphrasing and reflecting skills in triads;", "microskills"),
                R("respond empathically to clients' feelings and meanings;", "empathy"),
                R("agree goals and tasks collaboratively with clients and whānau;", "collaboration"),
                R("use the Outcome Rating Scale and Session Rating Scale to seek client feedback "
                  "every session;", "feedback"),
                R("adapt the therapeutic stance to the client's cultural background, drawing on "
                  "Māori models of health such as Te Whare Tapa Whā.", "responsiveness"),
            ),
        ]),
        ("Weekly schedule", [
            TABLE(
                ("Week", "Topic", "Practice focus"),
                ("1", "Introduction; counselling in Aotearoa", "Whakawhanaungatanga exercise"),
                ("2", R("Attending and listening", "microskills"),
                 R("Triads: attending and minimal encouragers", "microskills")),
                ("3", R("Reflecting feelings", "microskills", "empathy"), "Recorded triad"),
                ("4", R("Empathy in practice", "empathy"), "Peer observation"),
                ("5", R("Agreeing goals with clients", "collaboration"), "Goal-setting role-play"),
                ("6", R("Client feedback with the ORS and SRS", "feedback"),
                 "Practise introducing the scales"),
                ("7", "Working with risk", "Case discussion"),
                ("8", "Skills assessment", "Recorded session"),
            ),
        ]),
        ("Assessment", [
            UL(
                "*Skills log* (20%): weekly record of triad practice.",
                R("*Recorded counselling session* (50%): rated for empathic responding and "
                  "alliance building.", "empathy", "alliance"),
                "*Essay* (30%): 2,500 words on a counselling model of your choice.",
            ),
        ]),
        ("Readings", [
            UL(
                "Geldard, D., Geldard, K., & Foo, R. Y. (2021). *Basic personal counselling* "
                "(9th ed.). Cengage.",
                "Crocket, K. et al. (Eds.). (2017). *Counselling in Aotearoa New Zealand*. "
                "Otago University Press.",
            ),
        ]),
        ("Policies", [UL(*NZ_POLICIES)]),
    ],
)

P05_GRADUATE_ATTRIBUTES = doc(
    "Graduate attributes: Kahurangi University",
    meta=[("Applies to", "All postgraduate programmes, including the PGDipCouns")],
    sections=[
        ("Our graduate profile", [
            "Kahurangi graduates are:",
            UL(
                "Critical thinkers who evaluate evidence and arguments carefully.",
                "Effective communicators who write and speak clearly for academic and "
                "professional audiences.",
                "Bicultural in outlook, with an understanding of Te Tiriti o Waitangi and its "
                "place in public life in Aotearoa.",
                "Ethical practitioners who act with integrity in their discipline.",
                "Lifelong learners who take responsibility for their own development.",
            ),
        ]),
    ],
)

# ---------------------------------------------------------------------------
# Program 06 - AU counselling: hyphen-split key terms are the only references
# ---------------------------------------------------------------------------

# Drawn line by line with canvas.drawString.  "al-|liance" means: end the line
# with "al-" and start the next one with "liance".
P06_COU501 = {
    "title": "Unit outline: COU501 Counselling Theories and Ethics",
    "meta": ["Unit code: COU501 (10 credit points)", "Course: Graduate Certificate in Counselling",
             "Study period: Term 1, 2025", "Unit coordinator: Dr Priya Raman"],
    "sections": [
        ("Unit description", [
            "This unit surveys the major theories of counselling and the ethical and legal "
            "framework for practice in Australia. It covers the history of the profession, "
            "psychodynamic, cognitive-behavioural, humanistic and systemic models, and the "
            "professional codes that govern practice.",
        ]),
        ("Learning outcomes", [
            "1. Compare the assumptions of the major counselling theories.",
            R("2. Explain how counsellors establish and maintain a therapeutic al-|liance with "
              "clients across different theoretical models.", "alliance"),
            "3. Apply the PACFA and ACA codes of ethics to practice scenarios.",
            "4. Describe the legal duties of counsellors, including mandatory reporting.",
        ]),
        ("Schedule", [
            "Week 1: History of counselling in Australia.",
            "Week 2: Psychodynamic theories.",
            "Week 3: Cognitive-behavioural theories.",
            "Week 4: Humanistic and existential theories.",
            "Week 5: Systemic and family theories.",
            "Week 6: Narrative and solution-focused approaches.",
            "Week 7: Codes of ethics and professional registration.",
            "Week 8: Confidentiality, privacy and record keeping.",
            "Week 9: Mandatory reporting and duty of care.",
            "Week 10: Review and exam preparation.",
        ]),
        ("Assessment", [
            "Theory comparison essay, 2,000 words (40%), due Week 6.",
            "Ethics case analysis, 1,500 words (30%), due Week 9.",
            "Final examination, two hours (30%), in the examination period.",
        ]),
        ("Policies", [
            "Late assessments incur a penalty of 5% per day. Requests for extensions must be "
            "made before the due date. All work is checked for academic integrity.",
        ]),
    ],
}

P06_COU502 = {
    "title": "Unit outline: COU502 Lifespan Issues in Counselling",
    "meta": ["Unit code: COU502 (10 credit points)", "Course: Graduate Certificate in Counselling",
             "Study period: Term 2, 2025", "Unit coordinator: Mr Tom Whitlock"],
    "sections": [
        ("Unit description", [
            "This unit examines the issues that bring people to counselling at different "
            "stages of life: childhood and adolescence, early adulthood, midlife and older age. "
            "It emphasises grief and loss, life transitions and the social context of "
            "wellbeing.",
        ]),
        ("Learning outcomes", [
            "1. Describe common presenting issues across the lifespan.",
            "2. Explain models of grief, loss and adjustment.",
            R("3. Convey accurate em-|pathy to clients facing loss and life transitions in "
              "counselling practice.", "empathy"),
            "4. Identify referral pathways for older adults and young people.",
        ]),
        ("Schedule", [
            "Week 1: Lifespan perspectives.",
            "Week 2: Childhood and school-age issues.",
            "Week 3: Adolescence and identity.",
            "Week 4: Early adulthood and study stress.",
            "Week 5: Midlife transitions.",
            "Week 6: Ageing, retirement and health.",
            "Week 7: Grief and loss.",
            "Week 8: Separation and blended families.",
            "Week 9: Referral and community resources.",
            "Week 10: Review.",
        ]),
        ("Assessment", [
            "Case study report, 2,000 words (50%), due Week 7.",
            "Online quizzes (20%), weekly.",
            "Resource guide for one life stage (30%), due Week 10.",
        ]),
        ("Policies", [
            "Late assessments incur a penalty of 5% per day. Requests for extensions must be "
            "made before the due date. All work is checked for academic integrity.",
        ]),
    ],
}

P06_DESCRIPTION = doc(
    "Program description: Graduate Certificate in Counselling",
    meta=[("Provider", "Banksia College of Applied Psychology"), ("Duration", "Six months full-time"),
          ("Delivery", "Online with two on-campus intensives")],
    sections=[
        ("About this course", [
            "The Graduate Certificate in Counselling is a four-unit award for graduates who "
            "want an introduction to counselling. It can be credited towards the Master of "
            "Counselling.",
            "Units: COU501 Counselling Theories and Ethics; COU502 Lifespan Issues in "
            "Counselling; COU503 Mental Health Literacy; COU504 Counselling Research.",
        ]),
        ("Career outcomes", [
            "The course does not qualify graduates for registration as a counsellor. It suits "
            "people working in community services, education and human resources.",
        ]),
        ("Entry requirements", [
            "A bachelor's degree in any discipline, or equivalent professional experience.",
        ]),
    ],
)

# ---------------------------------------------------------------------------
# Program 07 - UK DClinPsy: image-only syllabus (needs_ocr)
# ---------------------------------------------------------------------------

P07_SCANNED_SYLLABUS_LINES = [
    ("title", "Module syllabus"),
    ("title", "CP801 Therapeutic Practice I"),
    ("p", "Doctorate in Clinical Psychology - Harrowgate University - Year 1, 2025/26"),
    ("h", "Module aims"),
    ("p", "This module develops core therapeutic competences. Trainees learn to build a"),
    ("p", "therapeutic alliance with service users, to respond empathically, and to"),
    ("p", "recognise and repair ruptures in the therapeutic relationship."),
    ("h", "Learning outcomes"),
    ("p", "1. Establish and maintain a collaborative relationship with service users."),
    ("p", "2. Use routine outcome monitoring and session-by-session feedback."),
    ("p", "3. Reflect on personal reactions to clients in supervision."),
    ("h", "Teaching"),
    ("p", "Ten teaching days, skills practice in small groups, and video review."),
    ("h", "Assessment"),
    ("p", "Recorded therapy session with reflective commentary (pass/fail)."),
]

P07_DESCRIPTION = doc(
    "Programme description: Doctorate in Clinical Psychology (DClinPsy)",
    meta=[("Institution", "Harrowgate University"), ("Duration", "Three years, full-time"),
          ("Commissioner", "NHS England workforce training and education")],
    sections=[
        ("Overview", [
            "The Doctorate in Clinical Psychology trains psychologists for the NHS. Trainees "
            "are employed by Harrowgate and District NHS Foundation Trust and spend three "
            "days a week on placement.",
            R("The programme puts the therapeutic relationship at the heart of clinical "
              "work. Trainees learn to build and sustain working alliances with service users "
              "of all ages and to develop collaborative formulations with them.",
              "alliance", "collaboration"),
            R("In fortnightly reflective practice groups, trainees reflect on their personal "
              "reactions to service users and how these shape the therapeutic work.",
              "countertransference"),
        ]),
        ("Programme structure", [
            UL(
                "Year 1: adult mental health placement; CP801 Therapeutic Practice I; "
                "research methods teaching.",
                "Year 2: child and family and learning disabilities placements; service "
                "improvement project.",
                "Year 3: specialist placement; doctoral thesis.",
            ),
        ]),
        ("Selection", [
            "Applicants need Graduate Basis for Chartered Membership of the BPS and relevant "
            "clinical experience. Selection includes an interview with service-user panel "
            "members.",
        ]),
    ],
)

P07_COMPETENCIES = doc(
    "Core competencies: DClinPsy trainee competency list",
    meta=[("Programme", "Doctorate in Clinical Psychology, Harrowgate University"),
          ("Issued", "September 2025")],
    sections=[
        ("Competencies assessed on placement", [
            "Each placement supervisor rates the trainee’s progress on the following "
            "competencies at mid-placement and end-of-placement reviews:",
            OL(
                "Psychological assessment – select and use appropriate assessment methods.",
                "Formulation – develop formulations that draw on more than one model.",
                R("Therapeutic relationship – develop and sustain effective working alliances "
                  "with service users, carers and families.", "alliance"),
                R("Empathic communication – convey empathy and understanding of the client’s "
                  "experience in sessions.", "empathy"),
                R("Ruptures – recognise strains in the alliance and work to repair them.",
                  "rupture_repair"),
                R("Outcome monitoring – use routine outcome monitoring and session-by-session "
                  "client feedback to review therapy with the client.", "feedback"),
                R("Diversity – adapt the therapeutic stance to the service user’s culture, "
                  "identity and preferences.", "responsiveness"),
                "Research – plan and carry out research that meets “doctoral standard”.",
                "Leadership – contribute to service development and team working.",
            ),
            "Placement supervisors’ ratings are moderated by the clinical tutor (Dr Hélène "
            "Marchetti).",
        ]),
    ],
)

# ---------------------------------------------------------------------------
# Program 08 - US MFT: corrupt PDF syllabus plus readable documents
# ---------------------------------------------------------------------------

P08_CORRUPT_SOURCE = doc(
    "Course syllabus: MFT 6200 Couple Therapy",
    meta=[("Course", "MFT 6200, 3 credits"), ("Semester", "Spring 2026")],
    sections=[
        ("Course description", [
            R("Students learn to build a therapeutic alliance with both partners and to manage "
              "split alliances in conjoint sessions.", "alliance"),
        ]),
        ("Topics", [UL("Assessment of couples", "Emotionally focused couple therapy",
                       "Integrative behavioral couple therapy", "Affairs and trust")]),
    ],
)

P08_SYLLABUS = doc(
    "Course syllabus: MFT 6100 Foundations of Family Therapy Practice",
    meta=[
        ("Course", "MFT 6100, 3 credits"),
        ("Semester", "Fall 2025, Mondays 5:30-8:20 pm"),
        ("Instructor", "Dr. Lena Kowalczyk, LMFT"),
    ],
    sections=[
        ("Course description", [
            "This course introduces the practice of systemic therapy with couples and families, "
            "from the first telephone contact through assessment and early treatment.",
            R("Students learn joining skills and how to build an alliance with each family "
              "member, including how to prevent and manage split alliances.", "alliance"),
        ]),
        ("Student learning outcomes", [
            "Students will be able to:",
            OL(
                R("join with the family in the first session and form a therapeutic alliance "
                  "with each member;", "alliance"),
                R("agree on the focus of the work with the family and negotiate goals that "
                  "every member can accept;", "collaboration"),
                "construct a three-generation genogram and map alliances, coalitions and "
                "boundaries in the family system;",
                "describe feedback loops and homeostasis in cybernetic theory;",
                "teach couples the repair attempts described in Gottman's research and use "
                "relationship satisfaction scales in assessment.",
            ),
        ]),
        ("Schedule", [
            TABLE(
                ("Week", "Topic"),
                ("1", "Systems thinking and cybernetics"),
                ("2", R("Joining and engagement with families", "alliance")),
                ("3", "The genogram"),
                ("4", "Structural family therapy: boundaries and subsystems"),
                ("5", R("Split alliances and working with reluctant family members", "alliance")),
                ("6", R("Agreeing goals with the family", "collaboration")),
                ("7", "Strategic and solution-focused approaches"),
                ("8", "Narrative therapy"),
                ("9", "Couple assessment"),
                ("10", "Family violence screening"),
            ),
        ]),
        ("Assignments", [
            "Genogram and family assessment (30%); joining role-play (30%); final paper (40%). "
            "Feedback on assignments is provided on the course site.",
        ]),
        ("Policies", [UL(*US_POLICIES)]),
    ],
)

P08_DESCRIPTION = doc(
    "About the program: MA in Marriage and Family Therapy",
    site=("Pinecrest University", "en-US", ["Programs", "Graduate", "Marriage and Family Therapy"]),
    sections=[
        ("Program description", [
            "Pinecrest's MA in Marriage and Family Therapy is a 60-credit program that meets "
            "the educational requirements for MFT licensure in most states.",
            R("Our graduates know how to form strong therapeutic alliances with couples and "
              "families, including family members who arrive reluctant or mandated.", "alliance"),
            R("Training in multicultural orientation helps students practise cultural humility "
              "and adapt therapy to each family's culture, faith and preferences.",
              "responsiveness"),
        ]),
        ("Clinical training", [
            "Students complete 500 direct client contact hours at the Pinecrest Family Clinic "
            "and community sites, with live and video supervision.",
        ]),
    ],
)

P08_COMPETENCIES = doc(
    "Core competencies: MA in Marriage and Family Therapy",
    meta=[("Program", "MA in Marriage and Family Therapy, Pinecrest University")],
    sections=[
        ("Student learning outcomes and competencies", [
            OL(
                "Apply systemic theories to case conceptualization.",
                R("Establish and maintain a therapeutic alliance with couples and families, "
                  "including each individual member.", "alliance"),
                R("Use client feedback, such as the Session Rating Scale, to monitor the "
                  "alliance with couples and families.", "feedback"),
                R("Respond empathically to each member's perspective without taking sides.",
                  "empathy"),
                "Practice ethically, including the management of multiple relationships "
                "(AAMFT Code 1.3).",
                "Evaluate research evidence for couple and family interventions.",
            ),
        ]),
    ],
)

# ---------------------------------------------------------------------------
# Program 09 - AU health psychology: a negated mention is the only "reference"
# ---------------------------------------------------------------------------

P09_SYLLABUS = doc(
    "Unit outline: PSYC7050 Psychological Assessment",
    meta=[
        ("Unit code", "PSYC7050"),
        ("Course", "Master of Psychology (Health)"),
        ("Study period", "Semester 1, 2025"),
        ("Unit coordinator", "Associate Professor Gemma Tran"),
    ],
    sections=[
        ("Unit overview", [
            "This unit covers the selection, administration, scoring and interpretation of "
            "psychological tests used in health settings, including cognitive screening, "
            "personality inventories and health-behaviour measures.",
            "Relationship factors are not covered in this unit; see PSYC7020.",
        ]),
        ("Learning outcomes", [
            "On completion of this unit, students should be able to:",
            OL(
                "evaluate the reliability and validity of psychological tests;",
                "administer and score the WAIS-IV and the MMSE under supervision;",
                "interpret test results within a biopsychosocial framework;",
                "write an integrated psychological assessment report.",
            ),
        ]),
        ("Teaching schedule", [
            TABLE(
                ("Week", "Topic"),
                ("1", "Principles of psychological measurement"),
                ("2", "Reliability, validity and test validation"),
                ("3", "Cognitive assessment I: WAIS-IV"),
                ("4", "Cognitive assessment II: screening tools"),
                ("5", "Personality assessment"),
                ("6", "Health-behaviour and quality-of-life measures"),
                ("7", "Neuropsychological screening"),
                ("8", "Report writing"),
                ("9", "Cultural considerations in test norms"),
                ("10", "Review"),
            ),
        ]),
        ("Assessment", [
            TABLE(
                ("Task", "Weight"),
                ("Test administration practical", "30%"),
                ("Integrated assessment report", "50%"),
                ("Online quiz", "20%"),
            ),
        ]),
        ("Policies", [UL(*AU_POLICIES)]),
    ],
)

P09_ABOUT = doc(
    "About the program: Master of Psychology (Health)",
    meta=[("Institution", "Tamarind University"), ("Duration", "Two years full-time")],
    sections=[
        ("Program description", [
            "The Master of Psychology (Health) trains psychologists to work in hospitals, "
            "primary care and community health services.",
            R("Students learn to build a therapeutic alliance with patients living with "
              "chronic illness, and to agree on treatment goals with patients and their "
              "families.", "alliance", "collaboration"),
            "The program includes 1,000 hours of placement and a research thesis on a health "
            "psychology topic.",
        ]),
        ("Units", [
            UL(
                "PSYC7010 Foundations of Health Psychology",
                "PSYC7020 Therapeutic Relationships in Health Care",
                "PSYC7050 Psychological Assessment",
                "PSYC7060 Pain and Chronic Illness",
                "PSYC7900 Research Thesis",
            ),
        ]),
    ],
)

P09_ATTRIBUTES = doc(
    "Graduate attributes: Master of Psychology (Health)",
    meta=[("Institution", "Tamarind University")],
    sections=[
        ("Graduate attributes", [
            "Graduates of the Master of Psychology (Health) will be:",
            UL(
                "Knowledgeable: able to apply health psychology theory and research.",
                "Skilled assessors: able to select and interpret psychological tests.",
                "Scientist-practitioners: able to design, conduct and report research.",
                "Ethical: able to apply the APS Code of Ethics in health settings.",
                "Interprofessional: able to work in multidisciplinary health teams.",
            ),
        ]),
    ],
)

# ---------------------------------------------------------------------------
# Program 10 - US MBA: non-clinical, business false positives
# ---------------------------------------------------------------------------

P10_SYLLABUS = doc(
    "Course syllabus: MKTG 6100 Customer Relationship Management",
    meta=[
        ("Course", "MKTG 6100, 3 credits"),
        ("Term", "Fall 2025, Module A"),
        ("Instructor", "Professor Evan Lindqvist"),
    ],
    sections=[
        ("Course description", [
            "This course examines how firms acquire, retain and grow profitable customers. "
            "Topics include customer relationship management (CRM) systems, relational "
            "databases, customer lifetime value and loyalty programs.",
        ]),
        ("Learning objectives", [
            OL(
                "Calculate customer lifetime value and use it to allocate marketing spend.",
                "Design a CRM data model with an entity-relationship diagram.",
                "Build customer empathy maps and journey maps in design-thinking workshops.",
                "Evaluate strategic alliances and co-branding partnerships.",
                "Use Net Promoter Score feedback to prioritize service improvements.",
            ),
        ]),
        ("Session plan", [
            TABLE(
                ("Session", "Topic"),
                ("1", "The economics of customer retention"),
                ("2", "Customer lifetime value"),
                ("3", "CRM platforms and relational databases"),
                ("4", "Segmentation and targeting"),
                ("5", "Customer empathy maps and journey mapping"),
                ("6", "Loyalty programs"),
                ("7", "Strategic alliances and co-marketing"),
                ("8", "Final project presentations"),
            ),
        ]),
        ("Grading", [
            "Case write-ups 40%; team project 40%; class contribution 20%. Peer feedback is "
            "collected for the team project.",
        ]),
        ("Policies", [UL(*US_POLICIES)]),
    ],
)

P10_OVERVIEW = doc(
    "Program description: Northfield MBA",
    site=("Northfield School of Business", "en-US", ["Programs", "MBA"]),
    sections=[
        ("Program description", [
            "The Northfield MBA is a 21-month, full-time program that combines a rigorous "
            "core with experiential learning in our Strategic Alliance Lab, where student "
            "teams advise firms on partnerships and joint ventures.",
            "Leadership coaching includes 360-degree feedback and a personal development "
            "plan. Electives cover employee engagement, negotiation and the employee-manager "
            "relationship.",
        ]),
        ("Core courses", [
            UL("Financial Accounting", "Managerial Economics", "Marketing Management",
               "Operations", "Leading People and Teams", "Corporate Strategy"),
        ]),
    ],
)

P10_GOALS = doc(
    "Learning outcomes: Northfield MBA",
    meta=[("Program", "Master of Business Administration")],
    sections=[
        ("Program learning goals", [
            OL(
                "Graduates will analyze business problems using quantitative and qualitative tools.",
                "Graduates will communicate persuasively in writing and in presentations.",
                "Graduates will lead diverse teams and manage stakeholder relationships.",
                "Graduates will evaluate the ethical and social impact of business decisions.",
                "Graduates will build and manage strategic alliances in global markets.",
            ),
        ]),
    ],
)

# ---------------------------------------------------------------------------
# Program 11 - UK person-centred counselling MA: rich, different categories
# ---------------------------------------------------------------------------

P11_SYLLABUS = doc(
    "Module syllabus: CP7104 Person-Centred Relational Practice",
    site=("Ashdown University", "en-GB", ["Modules", "Counselling and Psychotherapy", "CP7104"]),
    meta=[
        ("Module code", "CP7104 (30 credits, Level 7)"),
        ("Programme", "MA Counselling and Psychotherapy"),
        ("Term", "Spring 2026"),
        ("Module leader", "Dr Siobhan Farrell"),
    ],
    sections=[
        ("Module overview", [
            R("This module deepens trainees' understanding of the therapeutic relationship "
              "from a person-centred perspective and develops the core conditions in "
              "practice.", "alliance"),
        ]),
        ("Learning outcomes", [
            "On successful completion of the module, trainees will be able to:",
            OL(
                R("communicate empathic understanding of the client's internal frame of "
                  "reference;", "empathy"),
                R("offer unconditional positive regard and a non-judgemental stance to clients;",
                  "positive_regard"),
                R("demonstrate congruence and therapeutic presence, including the appropriate "
                  "use of self-disclosure and immediacy;", "genuineness"),
                R("recognise ruptures in the therapeutic relationship and work to repair them;",
                  "rupture_repair"),
                R("reflect on personal reactions to clients in supervision and personal therapy.",
                  "countertransference"),
            ),
        ]),
        ("Teaching schedule", [
            TABLE(
                ("Week", "Topic"),
                ("1", "Rogers' necessary and sufficient conditions"),
                ("2", R("Empathy: the client's frame of reference", "empathy")),
                ("3", R("Unconditional positive regard and acceptance of the client",
                        "positive_regard")),
                ("4", R("Congruence, presence and the use of self", "genuineness")),
                ("5", R("Immediacy: talking about the relationship with the client", "genuineness")),
                ("6", "Reading week"),
                ("7", R("Ruptures & repair in person-centred work", "rupture_repair")),
                ("8", R("The therapist's own reactions and countertransference",
                        "countertransference")),
                ("9", "Endings in open-ended work"),
                ("10", "Skills assessment"),
            ),
        ]),
        ("Assessment", [
            UL(
                R("Recorded skills assessment (50%): marked on empathy, acceptance and "
                  "congruence.", "empathy", "positive_regard", "genuineness"),
                "Case study (50%): 4,000 words.",
            ),
        ]),
        ("Reading", [
            UL(
                "Mearns, D., Thorne, B., & McLeod, J. (2013). *Person-centred counselling in "
                "action* (4th ed.). Sage.",
                "Rogers, C. R. (1957). The necessary and sufficient conditions of therapeutic "
                "personality change. *Journal of Consulting Psychology, 21*, 95-103.",
            ),
        ]),
        ("Policies", [UL(*UK_POLICIES)]),
    ],
)

P11_DESCRIPTION = doc(
    "Programme description: MA Counselling and Psychotherapy",
    meta=[("Institution", "Ashdown University"), ("Mode", "Two years part-time"),
          ("Accreditation", "Designed to meet professional body course accreditation criteria")],
    sections=[
        ("About the programme", [
            "The MA Counselling and Psychotherapy is a practitioner training in person-centred "
            "and relational counselling for adults.",
            R("Trainees learn to form and sustain a therapeutic relationship with clients and "
              "to work with difference and power in the therapeutic relationship.",
              "alliance", "responsiveness"),
            R("On placement, trainees use routine outcome monitoring and review progress with "
              "each client every six sessions.", "feedback"),
        ]),
        ("Structure", [
            UL(
                "Year 1: CP7101 Foundations of Practice; CP7102 Theory; CP7103 Personal and "
                "Professional Development.",
                "Year 2: CP7104 Person-Centred Relational Practice; CP7105 Research; placement "
                "of 100 client hours.",
            ),
            "Trainees attend 40 hours of personal therapy across the programme.",
        ]),
        ("Entry requirements", [
            "A Level 3 certificate in counselling, a first degree or equivalent experience, "
            "and an interview.",
        ]),
    ],
)

P11_COMPETENCIES = doc(
    "Core competencies: MA Counselling and Psychotherapy",
    meta=[("Institution", "Ashdown University")],
    sections=[
        ("Practice competencies", [
            "Trainees are assessed against these competencies before qualifying:",
            OL(
                R("Establish a therapeutic alliance with clients and contract clearly about "
                  "the aims, roles and boundaries of the work.", "alliance", "collaboration"),
                R("Communicate empathy, acceptance and congruence consistently.",
                  "empathy", "positive_regard", "genuineness"),
                R("Recognise and repair alliance ruptures.", "rupture_repair"),
                "Keep records and maintain confidentiality in line with data-protection law.",
                "Assess risk and refer appropriately.",
            ),
        ]),
    ],
)

# ---------------------------------------------------------------------------
# Program 12 - US clinical PhD: syllabus and competencies yes, description no
# ---------------------------------------------------------------------------

P12_SYLLABUS = doc(
    "Course syllabus: CPSY 8010 Psychotherapy Process and Outcome",
    meta=[
        ("Course", "CPSY 8010, 3 credits"),
        ("Semester", "Spring 2026, Wednesdays 2:00-4:50 pm"),
        ("Instructor", "Dr. Naomi Whitaker"),
    ],
    sections=[
        ("Course description", [
            "This doctoral seminar reviews research on psychotherapy process and outcome and "
            "translates it into clinical practice.",
            R("A central aim is to help students become feedback-informed therapists who "
              "monitor the alliance and client progress at every session.", "feedback", "alliance"),
        ]),
        ("Learning objectives", [
            OL(
                "Summarize meta-analytic evidence on psychotherapy outcome.",
                R("Administer the ORS and SRS (PCOMS) at every session and respond to "
                  "not-on-track cases with the client.", "feedback"),
                R("Recognize withdrawal and confrontation ruptures and use metacommunication "
                  "to repair the alliance.", "rupture_repair"),
                R("Develop a collaborative case conceptualization with the client.",
                  "collaboration"),
                R("Practice cultural humility and use cultural opportunities in session.",
                  "responsiveness"),
            ),
        ]),
        ("Schedule", [
            TABLE(
                ("Week", "Topic"),
                ("1", "Does psychotherapy work? Outcome research"),
                ("2", "Common factors and specific ingredients"),
                ("3", R("The working alliance with clients", "alliance")),
                ("4", R("Routine outcome monitoring and feedback-informed treatment", "feedback")),
                ("5", R("Alliance ruptures and repair", "rupture_repair")),
                ("6", R("Goal consensus and collaboration", "collaboration")),
                ("7", R("Multicultural orientation", "responsiveness")),
                ("8", "Deliberate practice"),
                ("9", "Dropout and treatment failure"),
                ("10", "Student presentations"),
            ),
        ]),
        ("Requirements", [
            "Weekly reading responses 30%; PCOMS practicum log 30%; final review paper 40%.",
        ]),
        ("Policies", [UL(*US_POLICIES)]),
    ],
)

P12_PSYCHOPATHOLOGY = doc(
    "Course syllabus: CPSY 8200 Advanced Psychopathology",
    meta=[("Course", "CPSY 8200, 3 credits"), ("Semester", "Fall 2025"),
          ("Instructor", "Dr. Robert Amsel")],
    sections=[
        ("Course description", [
            "A graduate survey of adult psychopathology with emphasis on dimensional models, "
            "the network approach to symptoms and transdiagnostic processes.",
        ]),
        ("Objectives", [
            UL(
                "Compare categorical and dimensional models of psychopathology.",
                "Evaluate network models of relationships between symptoms.",
                "Describe attachment insecurity as a developmental risk factor.",
                "Critique the DSM-5-TR and HiTOP.",
            ),
        ]),
        ("Schedule", [
            TABLE(
                ("Week", "Topic"),
                ("1", "Models of psychopathology"),
                ("2", "Depressive disorders"),
                ("3", "Anxiety disorders"),
                ("4", "Trauma- and stressor-related disorders"),
                ("5", "Psychotic disorders"),
                ("6", "Personality disorders"),
                ("7", "Substance use disorders"),
                ("8", "Transdiagnostic processes"),
            ),
        ]),
        ("Evaluation", ["Midterm 35%; final 35%; literature review 30%."]),
    ],
)

P12_ABOUT = doc(
    "About the program: PhD in Clinical Psychology",
    meta=[("Institution", "Cedarbrook University"), ("Model", "Clinical science")],
    sections=[
        ("Program description", [
            "Cedarbrook's PhD in Clinical Psychology follows the **clinical science** model. "
            "Students are admitted to work with a *specific faculty mentor* and build a close "
            "mentoring relationship with that advisor.",
            "The program prepares researchers who will advance the science of mental health "
            "and hold academic or research positions.",
        ]),
        ("Milestones", [
            TABLE(
                ("Year", "Milestone"),
                ("1", "Core courses; first-year research project"),
                ("2", "Master's thesis; practicum begins"),
                ("3", "Qualifying examination"),
                ("4", "Dissertation proposal"),
                ("5", "Pre-doctoral internship"),
            ),
        ]),
        ("Funding", [
            UL("Five years of guaranteed funding", "Tuition remission", "Conference travel awards"),
        ]),
    ],
)

P12_COMPETENCIES = doc(
    "Core competencies: PhD in Clinical Psychology",
    meta=[("Program", "PhD in Clinical Psychology, Cedarbrook University")],
    sections=[
        ("Profession-wide competencies", [
            "Students are evaluated each year on these competencies:",
            OL(
                "Research: conduct research that contributes to the scientific knowledge base.",
                "Ethical and legal standards.",
                "Individual and cultural diversity.",
                "Professional values and attitudes.",
                R("Intervention: establish and maintain effective therapeutic relationships "
                  "with the recipients of psychological services.", "alliance"),
                "Assessment: select and apply evidence-based assessment methods.",
                "Supervision and consultation.",
            ),
        ]),
    ],
)

# ---------------------------------------------------------------------------
# Program 13 - NZ BSW: a single program-description document
# ---------------------------------------------------------------------------

P13_OVERVIEW = doc(
    "Programme description: Bachelor of Social Work (Honours)",
    site=("Tōtara Coast University", "en-NZ", ["Study", "Undergraduate", "Social Work"]),
    sections=[
        ("About the programme", [
            "The Bachelor of Social Work (Honours) is a four-year degree recognised by the "
            "Social Workers Registration Board.",
            R("Relationship-based practice is a thread through every year: students learn to "
              "engage clients and whānau and to build trusting working relationships with them.",
              "alliance"),
            R("Students learn to practise in culturally safe ways and to adapt their approach "
              "to each whānau's values, language and tikanga.", "responsiveness"),
        ]),
        ("Field education", [
            "Two 60-day placements in years three and four, in statutory, iwi and community "
            "organisations.",
        ]),
    ],
)


# ---------------------------------------------------------------------------
# Renderers
# ---------------------------------------------------------------------------

def _rl_markup(s: str) -> str:
    s = html.escape(str(s), quote=False)
    return EMPH.sub(lambda m: f"<b>{m.group(1)}</b>" if m.group(1) else f"<i>{m.group(2)}</i>", s)


def _check_pdf_text(s: str):
    s.encode("cp1252")  # standard PDF fonts: stay within WinAnsi


def _pdf_flowables(d, styles):
    from reportlab.lib import colors
    from reportlab.platypus import ListFlowable, ListItem, Paragraph, Spacer, Table, TableStyle

    body, h2, h3, cell = styles["body"], styles["h2"], styles["h3"], styles["cell"]
    out = [Paragraph(_rl_markup(d["title"]), styles["title"])]
    for label, value in d["meta"]:
        out.append(Paragraph(f"<b>{html.escape(label)}:</b> {_rl_markup(value)}", body))
    out.append(Spacer(1, 6))
    for heading, blocks in d["sections"]:
        out.append(Paragraph(_rl_markup(heading), h2))
        for b in blocks:
            if isinstance(b, str):
                out.append(Paragraph(_rl_markup(b), body))
            elif b[0] in ("ul", "ol"):
                items = [ListItem(Paragraph(_rl_markup(t), body), leftIndent=18) for t in b[1]]
                kw = dict(bulletType="1", bulletFormat="%s.", bulletFontSize=10) if b[0] == "ol" else dict(
                    bulletType="bullet", start="\u2022", bulletFontSize=10)
                out.append(ListFlowable(items, leftIndent=18, **kw))
            elif b[0] == "h3":
                out.append(Paragraph(_rl_markup(b[1]), h3))
            elif b[0] == "table":
                header, rows = b[1], b[2]
                data = [[Paragraph(f"<b>{_rl_markup(c)}</b>", cell) for c in header]]
                data += [[Paragraph(_rl_markup(c), cell) for c in r] for r in rows]
                ncol = len(header)
                widths = _col_widths(ncol)
                t = Table(data, colWidths=widths, repeatRows=1)
                t.setStyle(TableStyle([
                    ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]))
                out.append(t)
                out.append(Spacer(1, 6))
    for s in _walk_strings(d):
        _check_pdf_text(s)
    return out


def _col_widths(ncol):
    total = 481.0
    if ncol == 2:
        return [60, total - 60]
    if ncol == 3:
        return [45, (total - 45) * 0.5, (total - 45) * 0.5]
    return [total / ncol] * ncol


def _walk_strings(obj):
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from _walk_strings(v)
    elif isinstance(obj, (list, tuple)):
        for v in obj:
            yield from _walk_strings(v)


def _pdf_styles():
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet

    ss = getSampleStyleSheet()
    return {
        "title": ParagraphStyle("T", parent=ss["Title"], fontSize=16, leading=20, alignment=0),
        "h2": ParagraphStyle("H2", parent=ss["Heading2"], fontSize=12, leading=15,
                             spaceBefore=10, spaceAfter=4),
        "h3": ParagraphStyle("H3", parent=ss["Heading3"], fontSize=10.5, leading=13),
        "body": ParagraphStyle("B", parent=ss["BodyText"], fontSize=10, leading=13),
        "cell": ParagraphStyle("C", parent=ss["BodyText"], fontSize=9, leading=11),
    }


def _pdf_info(d):
    return dict(title=strip_marks(d["title"]), author=AUTHOR, subject="Demo corpus document",
                creator="syllabus-audit corpora/build_demo.py", producer="ReportLab (invariant)")


def render_pdf(d, header=None, footer=None) -> bytes:
    """Single-column PDF via platypus; optional running header/footer with 'Page n of N'."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    def build(total):
        buf = io.BytesIO()
        tpl = SimpleDocTemplate(buf, pagesize=A4, leftMargin=57, rightMargin=57,
                                topMargin=70, bottomMargin=64, invariant=1, **_pdf_info(d))

        def on_page(canv, docu):
            canv.saveState()
            canv.setFont("Helvetica", 8)
            w, h = A4
            if header:
                canv.drawString(57, h - 40, header)
                canv.line(57, h - 45, w - 57, h - 45)
            if footer:
                canv.line(57, 50, w - 57, 50)
                canv.drawString(57, 38, footer)
                canv.drawRightString(w - 57, 38, f"Page {docu.page} of {total}")
            canv.restoreState()

        tpl.build(_pdf_flowables(d, _pdf_styles()), onFirstPage=on_page, onLaterPages=on_page)
        return buf.getvalue(), tpl.page

    if header or footer:
        _, pages = build("?")
        data, pages2 = build(pages)
        assert pages == pages2
        return data
    return build(None)[0]


def render_pdf_two_column() -> bytes:
    """Two real frames; same font and leading in both so baselines line up."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, PageTemplate, Paragraph

    w, h = A4
    margin, gutter, top_h = 50, 24, 110
    col_w = (w - 2 * margin - gutter) / 2
    col_h = h - 2 * margin - top_h
    frames = [
        Frame(margin, h - margin - top_h, w - 2 * margin, top_h, id="top",
              leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0),
        Frame(margin, margin, col_w, col_h, id="left",
              leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0),
        Frame(margin + col_w + gutter, margin, col_w, col_h, id="right",
              leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0),
    ]
    lead = 14
    body = ParagraphStyle("b", fontName="Helvetica", fontSize=10.5, leading=lead)
    head = ParagraphStyle("h", fontName="Helvetica-Bold", fontSize=10.5, leading=lead,
                          spaceBefore=lead)
    title = ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=20, leading=26)
    sub = ParagraphStyle("s", fontName="Helvetica-Bold", fontSize=13, leading=18)
    kick = ParagraphStyle("k", fontName="Helvetica", fontSize=9, leading=14)

    def col(blocks):
        out = []
        for i, (kind, text) in enumerate(blocks):
            _check_pdf_text(text)
            if kind == "h":
                style = head if i else ParagraphStyle("h0", parent=head, spaceBefore=0)
                out.append(Paragraph(html.escape(text), style))
            else:
                out.append(Paragraph(html.escape(text), body))
        return out

    story = [Paragraph(P05_TWO_COL_TITLE, title), Paragraph(P05_TWO_COL_SUBTITLE, sub),
             Paragraph(P05_TWO_COL_KICKER, kick), FrameBreak()]
    story += col(P05_LEFT) + [FrameBreak()] + col(P05_RIGHT)
    buf = io.BytesIO()
    tpl = BaseDocTemplate(buf, pagesize=A4, invariant=1,
                          **_pdf_info({"title": f"{P05_TWO_COL_TITLE}: {P05_TWO_COL_SUBTITLE}"}))
    tpl.addPageTemplates([PageTemplate(id="twocol", frames=frames)])
    tpl.build(story)
    assert tpl.page == 1, "two-column brochure must fit on one page"
    return buf.getvalue()


def render_pdf_drawn(spec) -> bytes:
    """Line-by-line drawString PDF; 'word-|rest' forces a hyphenated line break."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    w, h = A4
    left, maxw, size, lead = 60, w - 120, 10.5, 14
    lines = [("Helvetica-Bold", 15, spec["title"])]
    lines += [("Helvetica", 10, m) for m in spec["meta"]]
    for heading, paras in spec["sections"]:
        lines.append(None)
        lines.append(("Helvetica-Bold", 12, heading))
        for para in paras:
            for ln in _wrap_forced(str(para), lambda s: stringWidth(s, "Helvetica", size), maxw):
                lines.append(("Helvetica", size, ln))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    info = _pdf_info(spec)
    c.setTitle(info["title"]); c.setAuthor(info["author"]); c.setSubject(info["subject"])
    c.setCreator(info["creator"]); c.setProducer(info["producer"])
    y = h - 70
    for item in lines:
        if item is None:
            y -= lead * 0.6
            continue
        font, fs, text = item
        _check_pdf_text(text)
        if y < 70:
            c.showPage()
            y = h - 70
        c.setFont(font, fs)
        c.drawString(left, y, text)
        y -= lead if fs <= 11 else fs + 6
    c.showPage()
    c.save()
    return buf.getvalue()


def _wrap_forced(text, width_fn, maxw):
    """Greedy wrap; a token 'a-|b' ends the line after 'a-' and starts the next with 'b'."""
    lines, cur = [], ""
    for tok in text.split():
        if "|" in tok:
            head, tail = tok.split("|", 1)
            cand = f"{cur} {head}".strip()
            if width_fn(cand) > maxw:
                raise ValueError(f"forced split does not fit: {cand!r}")
            lines.append(cand)
            cur = tail
            continue
        cand = f"{cur} {tok}".strip()
        if cur and width_fn(cand) > maxw:
            lines.append(cur)
            cur = tok
        else:
            cur = cand
    if cur:
        lines.append(cur)
    return lines


def render_pdf_image_only(lines) -> bytes:
    """Render text into a Pillow bitmap and place it in a PDF: no text layer at all."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    dpi = 110
    pw, ph = int(8.27 * dpi), int(11.69 * dpi)
    img = Image.new("L", (pw, ph), 250)
    draw = ImageDraw.Draw(img)
    fonts = {"title": ImageFont.load_default(24), "h": ImageFont.load_default(17),
             "p": ImageFont.load_default(14)}
    y = 80
    for kind, text in lines:
        if kind == "h":
            y += 10
        draw.text((80, y), text, fill=25, font=fonts[kind])
        y += {"title": 34, "h": 26, "p": 21}[kind]
    # A scanner look without randomness: a slight fixed skew and a grey margin shadow.
    img = img.rotate(0.6, resample=Image.BILINEAR, fillcolor=235)
    draw = ImageDraw.Draw(img)
    draw.rectangle([0, 0, 6, ph], fill=200)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setTitle("scan0001"); c.setAuthor("Scanner"); c.setCreator("syllabus-audit demo scanner")
    w, h = A4
    c.drawImage(ImageReader(img), 0, 0, width=w, height=h)
    c.showPage()
    c.save()
    return buf.getvalue()


def render_pdf_corrupt(d) -> bytes:
    """A valid PDF cut short: the tail (xref table, trailer, %%EOF) and later objects are gone."""
    data = render_pdf(d)
    return data[: len(data) * 45 // 100]


def _docx_add_runs(par, text):
    pos = 0
    for m in EMPH.finditer(text):
        if m.start() > pos:
            par.add_run(text[pos:m.start()])
        run = par.add_run(m.group(1) or m.group(2))
        run.bold = bool(m.group(1))
        run.italic = bool(m.group(2))
        pos = m.end()
    if pos < len(text):
        par.add_run(text[pos:])


def render_docx(d) -> bytes:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.size = Pt(10.5)
    cp = document.core_properties
    cp.author = AUTHOR
    cp.last_modified_by = AUTHOR
    cp.title = strip_marks(d["title"])
    cp.subject = "Demo corpus document"
    cp.comments = "Fictional document generated by corpora/build_demo.py"
    cp.keywords = ""
    cp.category = ""
    cp.revision = 1
    cp.created = FIXED_DATETIME
    cp.modified = FIXED_DATETIME
    cp.last_printed = FIXED_DATETIME
    document.add_heading(strip_marks(d["title"]), 0)
    for label, value in d["meta"]:
        p = document.add_paragraph()
        p.add_run(f"{label}: ").bold = True
        _docx_add_runs(p, value)
    for heading, blocks in d["sections"]:
        document.add_heading(strip_marks(heading), 1)
        for b in blocks:
            if isinstance(b, str):
                _docx_add_runs(document.add_paragraph(), b)
            elif b[0] in ("ul", "ol"):
                style = "List Number" if b[0] == "ol" else "List Bullet"
                for item in b[1]:
                    _docx_add_runs(document.add_paragraph(style=style), item)
            elif b[0] == "h3":
                document.add_heading(strip_marks(b[1]), 2)
            elif b[0] == "table":
                header, rows = b[1], b[2]
                t = document.add_table(rows=1 + len(rows), cols=len(header))
                t.style = "Table Grid"
                for i, row in enumerate([header] + rows):
                    for j, val in enumerate(row):
                        cell = t.cell(i, j)
                        cell.text = ""
                        par = cell.paragraphs[0]
                        if i == 0:
                            par.add_run(strip_marks(val)).bold = True
                        else:
                            _docx_add_runs(par, val)
    buf = io.BytesIO()
    document.save(buf)
    return _normalise_zip(buf.getvalue())


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps and attributes (python-docx stamps 'now')."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_DATETIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zi.create_system = 3
            dst.writestr(zi, src.read(info.filename), compresslevel=9)
    return out.getvalue()


def _html_inline(s: str) -> str:
    s = html.escape(s, quote=False)
    return EMPH.sub(lambda m: f"<strong>{m.group(1)}</strong>" if m.group(1)
                    else f"<em>{m.group(2)}</em>", s)


def render_html(d) -> bytes:
    site, lang, crumbs = d["site"] or ("", d.get("lang") or "en", [])
    title = strip_marks(d["title"])
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(title)} | {html.escape(site)}</title>",
        "</head>",
        "<body>",
        '<a class="skip-link" href="#main">Skip to main content</a>',
        f'<header class="site-header"><p class="site-name">{html.escape(site)}</p>',
        '<nav aria-label="Main"><ul><li><a href="/study">Study</a></li>'
        '<li><a href="/research">Research</a></li><li><a href="/about">About us</a></li>'
        '<li><a href="/contact">Contact</a></li></ul></nav></header>',
    ]
    if crumbs:
        parts.append('<nav aria-label="Breadcrumb"><ol class="breadcrumb">'
                     + "".join(f"<li>{html.escape(c)}</li>" for c in crumbs) + "</ol></nav>")
    parts.append('<main id="main">')
    parts.append(f"<h1>{html.escape(title)}</h1>")
    if d["meta"]:
        parts.append('<dl class="course-facts">')
        for label, value in d["meta"]:
            parts.append(f"<dt>{html.escape(label)}</dt><dd>{_html_inline(value)}</dd>")
        parts.append("</dl>")
    for heading, blocks in d["sections"]:
        parts.append("<section>")
        parts.append(f"<h2>{_html_inline(heading)}</h2>")
        for b in blocks:
            if isinstance(b, str):
                parts.append(f"<p>{_html_inline(b)}</p>")
            elif b[0] in ("ul", "ol"):
                parts.append(f"<{b[0]}>")
                parts += [f"<li>{_html_inline(t)}</li>" for t in b[1]]
                parts.append(f"</{b[0]}>")
            elif b[0] == "h3":
                parts.append(f"<h3>{_html_inline(b[1])}</h3>")
            elif b[0] == "table":
                parts.append("<table>")
                parts.append("<thead><tr>" + "".join(f"<th>{_html_inline(c)}</th>" for c in b[1])
                             + "</tr></thead>")
                parts.append("<tbody>")
                for r in b[2]:
                    parts.append("<tr>" + "".join(f"<td>{_html_inline(c)}</td>" for c in r) + "</tr>")
                parts.append("</tbody></table>")
        parts.append("</section>")
    parts.append("</main>")
    parts.append(f'<footer class="site-footer"><p>&copy; 2025 {html.escape(site)}. '
                 "All programs described on this site are fictional.</p>"
                 '<ul><li><a href="/privacy">Privacy</a></li>'
                 '<li><a href="/accessibility">Accessibility</a></li>'
                 '<li><a href="/copyright">Copyright</a></li></ul></footer>')
    parts.append("</body>")
    parts.append("</html>")
    return ("\n".join(parts) + "\n").encode("utf-8")


def render_md(d) -> bytes:
    out = [f"# {d['title']}", ""]
    for label, value in d["meta"]:
        out.append(f"- **{label}:** {value}")
    if d["meta"]:
        out.append("")
    for heading, blocks in d["sections"]:
        out += [f"## {heading}", ""]
        for b in blocks:
            if isinstance(b, str):
                out += [b, ""]
            elif b[0] in ("ul", "ol"):
                for i, t in enumerate(b[1], 1):
                    out.append(f"{i}. {t}" if b[0] == "ol" else f"- {t}")
                out.append("")
            elif b[0] == "h3":
                out += [f"### {b[1]}", ""]
            elif b[0] == "table":
                out.append("| " + " | ".join(b[1]) + " |")
                out.append("|" + "|".join("---" for _ in b[1]) + "|")
                for r in b[2]:
                    assert not any("|" in c for c in r)
                    out.append("| " + " | ".join(r) + " |")
                out.append("")
    return ("\n".join(out).rstrip("\n") + "\n").encode("utf-8")


def _wrap(text, width, **kw):
    # Never break at hyphens: a wrapped "session-by-|session" would look like a
    # soft hyphenation to a de-hyphenating extractor.
    return textwrap.wrap(text, width, break_on_hyphens=False, break_long_words=False, **kw)


def render_txt(d, encoding="utf-8", newline="\n", width=78) -> bytes:
    title = strip_marks(d["title"])
    out = [title, "=" * len(title), ""]
    for label, value in d["meta"]:
        out.append(f"{label}: {strip_marks(value)}")
    if d["meta"]:
        out.append("")
    for heading, blocks in d["sections"]:
        h = strip_marks(heading).upper()
        out += [h, "-" * len(h)]
        for b in blocks:
            if isinstance(b, str):
                out += _wrap(strip_marks(b), width) + [""]
            elif b[0] in ("ul", "ol"):
                for i, t in enumerate(b[1], 1):
                    bullet = f"  {i}. " if b[0] == "ol" else "  * "
                    out += _wrap(strip_marks(t), width, initial_indent=bullet,
                                 subsequent_indent=" " * len(bullet))
                out.append("")
            elif b[0] == "h3":
                out += [strip_marks(b[1]), ""]
            elif b[0] == "table":
                rows = [[strip_marks(c) for c in r] for r in [b[1]] + b[2]]
                widths = [max(len(r[j]) for r in rows) for j in range(len(rows[0]))]
                for k, r in enumerate(rows):
                    out.append("  ".join(c.ljust(widths[j]) for j, c in enumerate(r)).rstrip())
                    if k == 0:
                        out.append("  ".join("-" * wd for wd in widths))
                out.append("")
    text = "\n".join(out).rstrip("\n") + "\n"
    return text.replace("\n", newline).encode(encoding)


# ---------------------------------------------------------------------------
# The corpus: programs -> documents
# ---------------------------------------------------------------------------

def _file(path, doc_type, data, content, status="ok"):
    return {"path": path, "doc_type": doc_type, "data": data, "content": content,
            "status": status}


def corpus():
    """Return {program_id: [file spec, ...]}; data is rendered lazily here."""
    return {
        "au-wattlebay-mclinpsych": [
            _file("syllabi/syllabus-psyc7010-clinical-interviewing-and-therapeutic-skills.pdf",
                  "syllabus",
                  render_pdf(P01_SYLLABUS,
                             header="PSYC7010 Clinical Interviewing and Therapeutic Skills  |  "
                                    "Course syllabus  |  Semester 1, 2025",
                             footer="Wattle Bay University - School of Psychology - "
                                    "CRICOS Provider 09999Z"),
                  P01_SYLLABUS),
            _file("program-overview.html", "program_description", render_html(P01_OVERVIEW),
                  P01_OVERVIEW),
            _file("core-competencies.docx", "competency_list", render_docx(P01_COMPETENCIES),
                  P01_COMPETENCIES),
        ],
        "uk-fenmoor-msc-social-research-methods": [
            _file("syllabi/module-syllabus-srm7001-quantitative-data-analysis.docx", "syllabus",
                  render_docx(P02_SYLLABUS), P02_SYLLABUS),
            _file("programme-description.txt", "program_description", render_txt(P02_DESCRIPTION),
                  P02_DESCRIPTION),
            _file("learning-outcomes.md", "competency_list", render_md(P02_OUTCOMES), P02_OUTCOMES),
        ],
        "us-lakeshore-ma-psychological-science": [
            _file("syllabi/syllabus-psy5100-research-methods.pdf", "syllabus",
                  render_pdf(P03_RESEARCH), P03_RESEARCH),
            _file("syllabi/syllabus-psy5320-biological-bases-and-psychopharmacology.docx",
                  "syllabus", render_docx(P03_BIOBASES), P03_BIOBASES),
            _file("syllabi/syllabus-psy5410-ethics-and-professional-issues.txt", "syllabus",
                  render_txt(P03_ETHICS), P03_ETHICS),
            _file("about-the-program.html", "program_description", render_html(P03_ABOUT),
                  P03_ABOUT),
        ],
        "us-ridgeview-msw": [
            _file("syllabi/syllabus-sowk6110-direct-practice-with-individuals-and-families.docx",
                  "syllabus", render_docx(P04_SYLLABUS), P04_SYLLABUS),
            _file("program-description.html", "program_description", render_html(P04_DESCRIPTION),
                  P04_DESCRIPTION),
            _file("core-competencies.txt", "competency_list", render_txt(P04_COMPETENCIES),
                  P04_COMPETENCIES),
        ],
        "nz-kahurangi-pgdip-counselling": [
            _file("programme-description.pdf", "program_description", render_pdf_two_column(),
                  [P05_LEFT, P05_RIGHT]),
            _file("course-outline-coun601-counselling-practice.md", "syllabus",
                  render_md(P05_OUTLINE), P05_OUTLINE),
            _file("graduate-attributes.txt", "competency_list",
                  render_txt(P05_GRADUATE_ATTRIBUTES), P05_GRADUATE_ATTRIBUTES),
        ],
        "au-banksia-gradcert-counselling": [
            _file("syllabi/unit-outline-cou501-counselling-theories-and-ethics.pdf", "syllabus",
                  render_pdf_drawn(P06_COU501), P06_COU501),
            _file("syllabi/unit-outline-cou502-lifespan-issues-in-counselling.pdf", "syllabus",
                  render_pdf_drawn(P06_COU502), P06_COU502),
            _file("program-description.docx", "program_description", render_docx(P06_DESCRIPTION),
                  P06_DESCRIPTION),
        ],
        "uk-harrowgate-dclinpsy": [
            _file("syllabi/module-syllabus-cp801-therapeutic-practice-scan.pdf", "syllabus",
                  render_pdf_image_only(P07_SCANNED_SYLLABUS_LINES), None, status="needs_ocr"),
            _file("programme-description.docx", "program_description",
                  render_docx(P07_DESCRIPTION), P07_DESCRIPTION),
            _file("core-competencies.txt", "competency_list",
                  render_txt(P07_COMPETENCIES, encoding="cp1252", newline="\r\n"),
                  P07_COMPETENCIES),
        ],
        "us-pinecrest-ma-mft": [
            _file("syllabi/syllabus-mft6200-couple-therapy.pdf", "syllabus",
                  render_pdf_corrupt(P08_CORRUPT_SOURCE), None, status="corrupt"),
            _file("syllabi/syllabus-mft6100-foundations-of-family-therapy-practice.docx",
                  "syllabus", render_docx(P08_SYLLABUS), P08_SYLLABUS),
            _file("about-the-program.html", "program_description", render_html(P08_DESCRIPTION),
                  P08_DESCRIPTION),
            _file("competencies/core-competencies.docx", "competency_list",
                  render_docx(P08_COMPETENCIES), P08_COMPETENCIES),
        ],
        "au-tamarind-mpsych-health": [
            _file("syllabi/unit-outline-psyc7050-psychological-assessment.docx", "syllabus",
                  render_docx(P09_SYLLABUS), P09_SYLLABUS),
            _file("about-the-program.txt", "program_description", render_txt(P09_ABOUT), P09_ABOUT),
            _file("graduate-attributes.docx", "competency_list", render_docx(P09_ATTRIBUTES),
                  P09_ATTRIBUTES),
        ],
        "us-northfield-mba": [
            _file("syllabi/syllabus-mktg6100-customer-relationship-management.pdf", "syllabus",
                  render_pdf(P10_SYLLABUS), P10_SYLLABUS),
            _file("program-overview.html", "program_description", render_html(P10_OVERVIEW),
                  P10_OVERVIEW),
            _file("learning-outcomes.txt", "competency_list", render_txt(P10_GOALS), P10_GOALS),
        ],
        "uk-ashdown-ma-counselling-psychotherapy": [
            _file("syllabi/module-syllabus-cp7104-person-centred-relational-practice.html",
                  "syllabus", render_html(P11_SYLLABUS), P11_SYLLABUS),
            _file("programme-description.pdf", "program_description", render_pdf(P11_DESCRIPTION),
                  P11_DESCRIPTION),
            _file("core-competencies.docx", "competency_list", render_docx(P11_COMPETENCIES),
                  P11_COMPETENCIES),
        ],
        "us-cedarbrook-phd-clinical": [
            _file("syllabi/syllabus-cpsy8010-psychotherapy-process-and-outcome.pdf", "syllabus",
                  render_pdf(P12_SYLLABUS), P12_SYLLABUS),
            _file("syllabi/syllabus-cpsy8200-advanced-psychopathology.txt", "syllabus",
                  render_txt(P12_PSYCHOPATHOLOGY), P12_PSYCHOPATHOLOGY),
            _file("about-the-program.md", "program_description", render_md(P12_ABOUT), P12_ABOUT),
            _file("core-competencies.docx", "competency_list", render_docx(P12_COMPETENCIES),
                  P12_COMPETENCIES),
        ],
        "nz-totara-bsw-honours": [
            _file("programme-description.html", "program_description", render_html(P13_OVERVIEW),
                  P13_OVERVIEW),
        ],
    }


def build_truth(programs):
    truth = {}
    for pid, files in programs.items():
        sources, cats, documents = {}, {}, {}
        for f in files:
            readable = f["status"] == "ok"
            doc_cats = categories_of(f["content"]) if readable else set()
            documents[f"{pid}/{f['path']}"] = {
                "doc_type": f["doc_type"],
                "status": f["status"],
                "mentions": bool(doc_cats) if readable else None,
            }
            if readable:
                src = f["doc_type"]
                sources[src] = sources.get(src, False) or bool(doc_cats)
                cats.setdefault(src, set()).update(doc_cats)
        truth[pid] = {
            "sources": sources,
            "categories": {k: sorted(v) for k, v in cats.items()},
            "documents": documents,
        }
    return {"programs": truth}


def main():
    programs = corpus()
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    for pid, files in programs.items():
        for f in files:
            dest = OUT / pid / f["path"]
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(f["data"])
    TRUTH.write_text(json.dumps(build_truth(programs), indent=2, sort_keys=True,
                                ensure_ascii=False) + "\n", encoding="utf-8")
    n = sum(len(v) for v in programs.values())
    print(f"wrote {n} documents in {len(programs)} programs to {OUT}")
    print(f"wrote truth to {TRUTH}")


if __name__ == "__main__":
    main()
