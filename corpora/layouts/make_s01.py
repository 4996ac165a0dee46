"""Generator for helper s01, batch 5: two DOCX positives, one DOCX negative, one PDF positive, one PDF negative.

Everything here is invented (institutions, people, course codes, references).
Positive passages are registered with pos(...) so that the CSV evidence is the exact text written.
"""
import csv
import os

from docx import Document
from docx.enum.section import WD_ORIENT  # noqa: F401
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, Cm, RGBColor

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import inch
from reportlab.platypus import (BaseDocTemplate, Frame, NextPageTemplate, PageBreak, PageTemplate,
                                Paragraph, Spacer, Table, TableStyle, KeepTogether)

import sys

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "files")
CSV_PATH = os.path.join(OUT, "labels-s01.csv")
os.makedirs(OUT, exist_ok=True)

ROWS = []


class Doc:
    def __init__(self, fname):
        self.fname = fname
        self.pos = []  # (text, where, cats)

    def p(self, text, where, cats):
        self.pos.append((text, where, cats))
        return text


# ----------------------------------------------------------------------------------------------
# DOCX helpers
# ----------------------------------------------------------------------------------------------

def add_field(run, instr):
    f1 = OxmlElement("w:fldChar"); f1.set(qn("w:fldCharType"), "begin")
    it = OxmlElement("w:instrText"); it.set(qn("xml:space"), "preserve"); it.text = instr
    f2 = OxmlElement("w:fldChar"); f2.set(qn("w:fldCharType"), "separate")
    t = OxmlElement("w:t"); t.text = "1"
    f3 = OxmlElement("w:fldChar"); f3.set(qn("w:fldCharType"), "end")
    for el in (f1, it, f2, t, f3):
        run._r.append(el)


def shade(cell, hexcolor):
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear"); shd.set(qn("w:color"), "auto"); shd.set(qn("w:fill"), hexcolor)
    tcPr.append(shd)


def repeat_header(row):
    trPr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader"); el.set(qn("w:val"), "true")
    trPr.append(el)


def set_col_widths(table, widths_cm):
    for row in table.rows:
        for i, w in enumerate(widths_cm):
            row.cells[i].width = Cm(w)


def cell_paras(cell, paras, size=9, bold_first=False):
    """Write several separate paragraphs into one table cell."""
    cell.text = ""
    first = cell.paragraphs[0]
    for i, t in enumerate(paras):
        para = first if i == 0 else cell.add_paragraph()
        para.paragraph_format.space_after = Pt(2)
        r = para.add_run(t)
        r.font.size = Pt(size)
        if bold_first and i == 0:
            r.bold = True


def docx_base(header_left, header_right, footer_text):
    d = Document()
    st = d.styles["Normal"]; st.font.name = "Calibri"; st.font.size = Pt(10.5)
    sec = d.sections[0]
    sec.left_margin = sec.right_margin = Cm(2.2)
    sec.top_margin = Cm(2.4); sec.bottom_margin = Cm(2.0)
    hp = sec.header.paragraphs[0]
    hp.text = ""
    r = hp.add_run(header_left); r.font.size = Pt(8.5); r.font.color.rgb = RGBColor(0x44, 0x44, 0x44)
    hp.add_run("\t\t")
    r = hp.add_run(header_right); r.font.size = Pt(8.5); r.bold = True
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = fp.add_run(footer_text + " \u2014 Page "); r.font.size = Pt(8)
    r = fp.add_run(); r.font.size = Pt(8); add_field(r, "PAGE")
    r = fp.add_run(" of "); r.font.size = Pt(8)
    r = fp.add_run(); r.font.size = Pt(8); add_field(r, "NUMPAGES")
    return d


def grid_table(d, header, rows, widths, size=9, header_fill="D9E2F3"):
    t = d.add_table(rows=1, cols=len(header))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for i, h in enumerate(header):
        c = t.rows[0].cells[i]
        cell_paras(c, [h], size=size, bold_first=True)
        shade(c, header_fill)
    repeat_header(t.rows[0])
    for row in rows:
        cells = t.add_row().cells
        for i, val in enumerate(row):
            paras = val if isinstance(val, list) else [val]
            cell_paras(cells[i], paras, size=size)
    set_col_widths(t, widths)
    return t


def text_box(d, title, paras, fill="F2F2F2"):
    t = d.add_table(rows=1, cols=1)
    t.style = "Table Grid"
    c = t.rows[0].cells[0]
    shade(c, fill)
    c.text = ""
    hp = c.paragraphs[0]; r = hp.add_run(title); r.bold = True; r.font.size = Pt(9.5)
    for x in paras:
        para = c.add_paragraph(); para.paragraph_format.space_after = Pt(2)
        rr = para.add_run(x); rr.font.size = Pt(9)
    set_col_widths(t, [16.5])
    return t


def bullets(d, items, style="List Bullet"):
    for it in items:
        if isinstance(it, tuple):  # (text, [subitems])
            d.add_paragraph(it[0], style=style)
            for s in it[1]:
                d.add_paragraph(s, style="List Bullet 2")
        else:
            d.add_paragraph(it, style=style)


def info_table(d, pairs):
    t = d.add_table(rows=0, cols=2)
    t.style = "Table Grid"
    for k, v in pairs:
        cells = t.add_row().cells
        cell_paras(cells[0], [k], size=9, bold_first=True); shade(cells[0], "EDEDED")
        cell_paras(cells[1], [v], size=9)
    set_col_widths(t, [4.0, 12.5])
    return t


# ----------------------------------------------------------------------------------------------
# A. DOCX rich positive: Northvale University, COUN 620
# ----------------------------------------------------------------------------------------------

def make_a():
    D = Doc("s01-northvale__coun-620-helping-relationship.docx")
    d = docx_base("Northvale University \u00b7 Department of Counseling and Human Development",
                  "COUN 620 \u00b7 Fall 2025", "COUN 620 Syllabus (rev. 08/2025)")
    d.add_paragraph(D.p("COUN 620: Counseling Skills and the Helping Relationship",
                        "p.1, document title (Title style)", "alliance;microskills"), style="Title")
    d.add_paragraph("M.A. in Clinical Mental Health Counseling \u2014 3 credit hours \u2014 Skills Lab B, Harwick Hall 214")
    info_table(d, [
        ("Instructor", "Dr. Marisol Ekwueme-Hart, LPC, NCC"),
        ("Office / hours", "Harwick Hall 230; Tuesdays 1:30\u20133:30 pm and by appointment"),
        ("Email", "mekwueme-hart@northvale.example.edu (replies within two business days)"),
        ("Meeting time", "Tuesdays 4:30\u20137:15 pm, August 26 \u2013 December 9"),
        ("Prerequisite", "COUN 600 Orientation to Professional Counseling"),
        ("Lab assistant", "Priya Daneshvar, M.A. (doctoral student)"),
    ])

    d.add_heading("Course Description", level=1)
    d.add_paragraph(
        "This course introduces the basic helping skills and the relational stance that underlie all "
        "counseling practice. "
        + D.p("Students learn to build a working alliance with clients, to listen and respond with accurate "
              "empathy, and to notice how their own reactions shape the relationship.",
              "p.1, Course Description paragraph, 2nd sentence", "alliance;empathy;countertransference")
        + " Skills are practised in triads (counselor, client, observer) and every session is recorded "
        "for later transcript review. The course is the gateway to COUN 630 Practicum.")

    d.add_heading("Student Learning Outcomes", level=1)
    d.add_paragraph("By the end of the semester, students will be able to:")
    bullets(d, [
        D.p("Demonstrate attending behavior, open and closed questions, paraphrasing, reflection of feeling "
            "and summarizing in a 20-minute counseling session.",
            "p.1-2, Learning Outcomes bulleted list, item 1", "microskills;empathy"),
        (D.p("Establish and maintain a collaborative working alliance, including agreement with the client on "
             "the goals and tasks of counseling:",
             "p.2, Learning Outcomes item 2 (parent of nested list)", "alliance;collaboration"),
         [D.p("Bond \u2014 warmth, respect and a non-judgmental stance toward the client",
              "p.2, Learning Outcomes item 2, nested bullet 1", "positive_regard;alliance"),
          D.p("Goals \u2014 negotiated with the client, not assigned to the client",
              "p.2, Learning Outcomes item 2, nested bullet 2", "collaboration"),
          D.p("Tasks \u2014 explaining how counseling works and checking the fit with the client\u2019s expectations",
              "p.2, Learning Outcomes item 2, nested bullet 3", "collaboration;responsiveness")]),
        D.p("Recognize strains in the relationship with a client and respond to them openly and without "
            "defensiveness.", "p.2, Learning Outcomes item 3", "rupture_repair"),
        D.p("Adapt their counseling style to the client\u2019s culture, identity and preferences, practising "
            "cultural humility in the session.", "p.2, Learning Outcomes item 4", "responsiveness"),
        D.p("Invite client feedback on each session and on progress, using the Session Rating Scale and the "
            "Outcome Rating Scale.", "p.2, Learning Outcomes item 5", "feedback"),
        "Describe state licensure requirements and the accreditation standards that apply to counselor "
        "preparation.",
    ])

    d.add_heading("Course Format", level=1)
    d.add_paragraph(
        "Each class has a 45-minute seminar on the week\u2019s readings, a live demonstration and a "
        "90-minute skills lab. You will rotate through the counselor, client and observer roles. The "
        "client role uses invented or low-stakes concerns only; this is a skills course, not a personal "
        "growth group.")
    text_box(d, "SKILLS LAB AGREEMENT (read before Week 1)", [
        "1. Classmates are not your clients. The dual-relationship provisions of the professional code of "
        "ethics apply inside the lab: do not share material you would not want a classmate to hold.",
        "2. Observers give behavioral feedback using the lab rating form; keep it specific and short.",
        "3. " + D.p("When you are in the counselor seat, keep any self-disclosure brief and purposeful, and "
                    "return the focus to the client.",
                    "p.2, single-cell shaded box 'Skills Lab Agreement', paragraph 3", "genuineness"),
        "4. Recordings stay on the encrypted lab drive and are deleted at the end of the term.",
    ])

    d.add_heading("Required Texts", level=1)
    bullets(d, [
        "Halloran, P., & Osei-Bright, N. (2022). The listening counselor: Foundations of helping practice "
        "(4th ed.). Carrow Press.",
        "Vandermeer, L. (2020). Staying in the room: A practice guide for beginning counselors. Fenwick "
        "Academic.",
        "Additional chapters and articles are posted on the course site under \u201cWeekly Readings.\u201d",
    ])

    d.add_heading("Weekly Schedule", level=1)
    d.add_paragraph("Topics may shift by a week depending on lab progress. Readings are due on the date listed.")
    H, V = "Halloran & Osei-Bright", "Vandermeer"
    sched = [
        ["1", "Aug 26", ["Course overview and lab agreement",
                         D.p("What is a helping relationship?", "p.3, Table 'Weekly Schedule', Week 1, Topics cell, paragraph 2", "alliance"),
                         "Video: an annotated first session"], f"{H} ch. 1"],
        ["2", "Sep 2", [D.p("Attending behavior: eye contact, posture, vocal tone, verbal tracking",
                            "p.3, Weekly Schedule, Week 2, Topics cell, paragraph 1", "microskills"),
                        "Observation skills"], [f"{H} ch. 2", "Due: baseline recording"]],
        ["3", "Sep 9", ["Open and closed questions",
                        D.p("Encouraging, paraphrasing and summarizing what the client says",
                            "p.3, Weekly Schedule, Week 3, Topics cell, paragraph 2", "microskills")], f"{H} ch. 3\u20134"],
        ["4", "Sep 16", [D.p("Reflection of feeling", "p.3, Weekly Schedule, Week 4, Topics cell, paragraph 1", "empathy;microskills"),
                         D.p("Empathic understanding: staying in the client\u2019s frame of reference",
                             "p.3, Weekly Schedule, Week 4, Topics cell, paragraph 2", "empathy")], f"{H} ch. 5; {V} ch. 2"],
        ["5", "Sep 23", [D.p("Warmth, respect and unconditional positive regard",
                             "p.3, Weekly Schedule, Week 5, Topics cell, paragraph 1", "positive_regard"),
                         D.p("Genuineness and congruence in the counselor\u2019s responses",
                             "p.3, Weekly Schedule, Week 5, Topics cell, paragraph 2", "genuineness")], f"{V} ch. 3"],
        ["6", "Sep 30", [D.p("Building the working alliance in the first session",
                             "p.3, Weekly Schedule, Week 6, Topics cell, paragraph 1", "alliance"),
                         "Explaining confidentiality and its limits"], f"{H} ch. 6"],
        ["7", "Oct 7", [D.p("Agreeing on goals and tasks with the client",
                            "p.3, Weekly Schedule, Week 7, Topics cell, paragraph 1", "collaboration"),
                        "Structuring the session; informed consent"], [f"{V} ch. 4", "Due: self-assessment paper"]],
        ["8", "Oct 14", ["Midterm skills recording", "Transcript analysis workshop"], "Due: midterm recording + transcript"],
        ["9", "Oct 21", [D.p("Ruptures & repair: withdrawal and confrontation markers",
                             "p.3-4, Weekly Schedule, Week 9, Topics cell, paragraph 1", "rupture_repair"),
                         D.p("Metacommunication: talking with the client about what is happening between you",
                             "p.3-4, Weekly Schedule, Week 9, Topics cell, paragraph 2", "rupture_repair;genuineness")], f"{V} ch. 6"],
        ["10", "Oct 28", [D.p("Immediacy and counselor self-disclosure",
                              "p.4, Weekly Schedule, Week 10, Topics cell", "genuineness")], f"{H} ch. 9"],
        ["11", "Nov 4", [D.p("Culture in the room: broaching identity and adapting to the client\u2019s worldview",
                             "p.4, Weekly Schedule, Week 11, Topics cell", "responsiveness")], f"{V} ch. 7; posted article"],
        ["12", "Nov 11", [D.p("Client feedback: introducing the SRS and ORS and responding to low scores",
                              "p.4, Weekly Schedule, Week 12, Topics cell", "feedback")], "Posted chapter"],
        ["13", "Nov 18", [D.p("Countertransference: noticing your reactions to clients and taking them to supervision",
                              "p.4, Weekly Schedule, Week 13, Topics cell", "countertransference")], f"{V} ch. 8"],
        ["14", "Dec 2", [D.p("Endings: closing the helping relationship well",
                             "p.4, Weekly Schedule, Week 14, Topics cell, paragraph 1", "alliance"),
                         "Referral and continuity of care"], f"{H} ch. 12"],
        ["15", "Dec 9", ["Final skills demonstrations (scheduled in 30-minute slots)"], "Due: final recording"],
    ]
    grid_table(d, ["Wk", "Date", "Topics", "Readings / Due"], sched, [1.0, 1.7, 9.3, 4.5])

    d.add_heading("Assignments and Grading", level=1)
    bullets(d, [
        "Skills lab participation and observer forms \u2014 10%",
        "Baseline and midterm recordings with annotated transcripts \u2014 25%",
        "Self-assessment paper (strengths and growth edges as a helper, 4\u20135 pages) \u2014 15%",
        "Reading quizzes (five, online) \u2014 15%",
        "Final skills demonstration \u2014 35% (rubric below)",
    ])
    d.add_paragraph("Grade scale: A 93\u2013100, A\u2013 90\u201392, B+ 87\u201389, B 83\u201386, B\u2013 80\u201382, "
                    "C 70\u201379, F below 70. A grade below B\u2013 requires a remediation plan before COUN 630.")

    d.add_heading("Final Skills Demonstration Rubric", level=2)
    rub = [
        ["Attending and listening",
         D.p("Consistent attending; tracks the client\u2019s story without topic jumps",
             "p.5, Rubric table, row 'Attending and listening', Proficient cell", "microskills"),
         "Attending lapses at times", "Frequent interruptions or topic jumps"],
        ["Reflection and empathy",
         D.p("Reflections capture feeling and meaning; the client appears understood",
             "p.5, Rubric table, row 'Reflection and empathy', Proficient cell", "empathy;microskills"),
         "Reflections mostly of content", "Few or inaccurate reflections"],
        ["Alliance and collaboration",
         D.p("Session goals are agreed with the client; checks in with the client about how the work is going",
             "p.5, Rubric table, row 'Alliance and collaboration', Proficient cell", "collaboration;alliance;feedback"),
         "Goals stated by the counselor, partly accepted", "No shared focus for the session"],
        ["Responding to strain",
         D.p("Notices withdrawal or disagreement and invites the client to talk about it",
             "p.5, Rubric table, row 'Responding to strain', Proficient cell", "rupture_repair"),
         "Notices strain but moves on", "Strain not noticed or met defensively"],
        ["Client feedback",
         D.p("Gives the SRS at the end and discusses the scores with the client",
             "p.5, Rubric table, row 'Client feedback', Proficient cell", "feedback"),
         "Gives the SRS but does not discuss it", "Scale omitted"],
        ["Professional conduct", "Manages time; explains limits of confidentiality; ends on schedule",
         "Minor time or consent lapses", "Consent or time not managed"],
    ]
    grid_table(d, ["Skill area", "3 \u2013 Proficient", "2 \u2013 Developing", "1 \u2013 Beginning"], rub,
               [3.3, 5.4, 4.0, 3.8], size=8.5)

    d.add_heading("Course Policies", level=1)
    d.add_heading("Attendance", level=3)
    d.add_paragraph("Attending every lab is required because your classmates depend on you for role-plays. "
                    "More than one unexcused absence lowers the participation grade by one letter.")
    d.add_heading("Feedback on assignments", level=3)
    d.add_paragraph("Written feedback on recordings and papers is returned within ten days. Late work is "
                    "accepted up to three days late with a 5% deduction per day.")
    d.add_heading("Academic integrity", level=3)
    d.add_paragraph("Quote or paraphrase sources with citation in APA style. Transcripts must be your own "
                    "sessions; fabricated transcripts are a violation of the Northvale Honor Code.")
    d.add_heading("Relationship to other courses", level=3)
    d.add_paragraph("COUN 620 is a prerequisite for COUN 630 Practicum and COUN 650 Group Counseling. "
                    "A grade of B\u2013 or higher is required to register for practicum.")
    d.add_heading("Accessibility", level=3)
    d.add_paragraph("Students with approved accommodations should share their letter from the Office of "
                    "Accessible Learning during the first two weeks.")
    d.save(os.path.join(OUT, D.fname))
    return D, 1, ("rich positive; US M.A. Clinical Mental Health Counseling prelab/helping-skills course (DOCX). "
                  "Positives spread over title, description, nested bullet list, a single-cell shaded 'text box' "
                  "table, the weekly-schedule grid (multi-paragraph cells) and the rubric grid. Non-counting "
                  "triggers also present: dual-relationship rule in the lab box, observer 'behavioral feedback' "
                  "on trainees, 'Feedback on assignments', 'Attending every lab', 'paraphrase sources', "
                  "'Relationship to other courses'. Rubric row labels ('Reflection and empathy', 'Alliance and collaboration', 'Responding to strain', 'Client feedback') are relationship-named too but only the Proficient cells are quoted. Page numbers are estimates (Word layout, ~5 pages).")


# ----------------------------------------------------------------------------------------------
# C. DOCX subtle positive: Bramwell Institute, PSY 812 (only positive is in a rubric row)
# ----------------------------------------------------------------------------------------------

def make_c():
    D = Doc("s01-bramwell__psy-812-adult-assessment-practicum.docx")
    d = docx_base("Bramwell Institute of Professional Psychology \u00b7 Psy.D. in Clinical Psychology",
                  "PSY 812 \u00b7 Spring 2026", "PSY 812 Adult Assessment Practicum II")
    d.add_paragraph("PSY 812 \u2014 Adult Psychological Assessment Practicum II", style="Title")
    info_table(d, [
        ("Faculty", "Dr. Helena Osterkamp, ABPP (course director); Dr. Rafael Quintero-Vance (clinic supervisor)"),
        ("Seminar", "Wednesdays 9:00\u201311:50 am, Room 3B; clinic shifts as scheduled"),
        ("Credits", "3 (seminar) + practicum hours logged in the training database"),
        ("Prerequisites", "PSY 711 Cognitive Assessment, PSY 712 Personality Assessment, PSY 811"),
    ])

    d.add_heading("1. Course Description", level=1)
    d.add_paragraph(
        "PSY 812 is the second semester of the adult assessment sequence. Each student completes three "
        "supervised assessment cases at the Institute\u2019s Assessment Clinic: review of the intake and "
        "referral question, test selection, standardized administration, scoring, interpretation, an "
        "integrated written report and an oral results session with the client. The weekly seminar covers "
        "psychometric interpretation, symptom and performance validity, diagnostic decision-making and "
        "report writing.")

    d.add_heading("2. Learning Objectives", level=1)
    bullets(d, [
        "Select a battery of measures that answers the referral question and justify each choice.",
        "Administer and score instruments according to standardized procedures, with no more than two "
        "scoring errors per protocol.",
        "Interpret scores with attention to measurement error, base rates and the statistical relationship "
        "between index scores and the full-scale composite.",
        "Judge the credibility of a protocol from embedded and stand-alone validity indicators.",
        "Write an integrated report whose recommendations follow from the data.",
        "Recognize when accepting a case would create a multiple relationship (for example, testing a "
        "relative of a colleague) and decline or transfer the case.",
    ])

    d.add_heading("3. Clinic Procedures", level=1)
    bullets(d, [
        ("Before testing:", ["Read the full intake packet and the referral letter.",
                             "Submit a proposed battery to your clinic supervisor at least 48 hours ahead."]),
        ("On the testing day:", ["Check out test kits from the library log; never remove protocols from the clinic.",
                                 "Record start and stop times for each subtest."]),
        ("After testing:", ["Double-score every protocol and enter scores in the scoring workbook.",
                            "Draft the report within ten days; the supervisor returns feedback on the draft within one week."]),
    ])
    text_box(d, "TEST SECURITY", [
        "Test items, manuals and record forms are protected materials. Do not photograph, copy or describe "
        "items in papers, e-mail or social media. Breaches are referred to the Student Conduct Committee.",
    ])

    d.add_heading("4. Seminar Schedule", level=1)
    sched = [
        ["1", "Jan 14", ["Orientation to the Assessment Clinic", "Case assignment procedures", "Security of test materials"], "Clinic manual"],
        ["2", "Jan 21", ["Referral questions and test selection", "Reviewing prior records"], "Reading packet A"],
        ["3", "Jan 28", ["Cognitive batteries: administration review", "Common scoring errors and how to audit them"], "Packet A"],
        ["4", "Feb 4", ["Interpreting index-level discrepancies", "The relationship between index and composite scores: reliability of difference scores"], "Packet B"],
        ["5", "Feb 11", ["Broadband personality inventories", "Response-style and validity scales"], "Packet B"],
        ["6", "Feb 18", ["Performance validity testing", "Construct validation of embedded indicators"], "Packet C"],
        ["7", "Feb 25", ["Diagnostic decision-making", "Base rates and incremental validity"], "Packet C"],
        ["8", "Mar 4", ["Case 1 report due", "Supervisor feedback on draft reports (group review)"], "\u2014"],
        ["9", "Mar 11", ["Neuropsychological screening", "Attention and executive measures"], "Packet D"],
        ["10", "Mar 18", ["Norms, language of administration and test bias", "Interpreter-mediated testing: procedures"], "Packet D"],
        ["11", "Mar 25", ["Writing recommendations", "Readability of reports for lay readers"], "Packet E"],
        ["12", "Apr 1", ["The oral results session: structure and sequence", "Preparing a one-page score summary"], "Packet E"],
        ["13", "Apr 8", ["Case 2 report due", "Peer review of recommendations"], "\u2014"],
        ["14", "Apr 15", ["Forensic versus clinical referrals", "Third-party requests and multiple relationships"], "Packet F"],
        ["15", "Apr 22", ["Case 3 report due", "Portfolio review and competency sign-off"], "\u2014"],
    ]
    grid_table(d, ["Wk", "Date", "Seminar topics", "Reading"], sched, [1.0, 1.7, 10.3, 3.5])

    d.add_heading("5. Evaluation", level=1)
    d.add_paragraph("Each case is rated by the clinic supervisor with the rubric below (100 points per case). "
                    "The seminar grade combines the three case ratings (75%) and two scoring audits (25%). "
                    "A case rated below 70 must be repeated under closer supervision.")
    rub = [
        ["1. Test selection", ["Battery fits the referral question", "Each measure is justified in the plan"], "10"],
        ["2. Administration", ["Follows standardized procedures", "Timing, prompts and queries accurate"], "20"],
        ["3. Scoring", ["No more than two scoring errors per protocol", "Protocols double-scored and initialed"], "15"],
        ["4. Interpretation", ["Accounts for measurement error and base rates", "Validity indicators reviewed before interpretation"], "20"],
        ["5. Written report", ["Integrates data across measures", "Answers the referral question", "Recommendations specific and feasible"], "25"],
        ["6. Oral results session", ["Explains results and recommendations in plain language",
                                     D.p("Conveys warmth and accurate empathy to the client while explaining results",
                                         "p.3-4, Section 5 'Evaluation', rubric table, row '6. Oral results session', "
                                         "middle column ('What the supervisor looks for'), 2nd paragraph of the cell",
                                         "empathy;positive_regard")], "10"],
    ]
    grid_table(d, ["Criterion", "What the supervisor looks for", "Points"], rub, [4.0, 10.5, 2.0])

    d.add_heading("6. Policies", level=1)
    d.add_heading("Attendance", level=3)
    d.add_paragraph("Attending all scheduled clinic shifts is mandatory. Notify the clinic coordinator at least "
                    "24 hours in advance if a shift must be moved.")
    d.add_heading("Supervision", level=3)
    d.add_paragraph("Supervisors review every protocol before a report is released. Concerns about the "
                    "supervisory relationship may be taken to the Director of Clinical Training.")
    d.add_heading("Professional conduct", level=3)
    d.add_paragraph("Do not contact clinic clients outside scheduled appointments or on social media. Follow "
                    "the Ethics Code on multiple relationships and on the release of test data.")
    d.add_heading("Accommodations", level=3)
    d.add_paragraph("Students needing accommodations should contact Student Access Services in the first week.")
    d.save(os.path.join(OUT, D.fname))
    return D, 1, ("subtle positive; US Psy.D. clinical psychology adult-assessment practicum (DOCX). The ONLY "
                  "qualifying passage is the 2nd paragraph inside one rubric cell. Non-counting triggers: "
                  "'statistical relationship between index scores' (objectives), 'relationship between index and "
                  "composite scores' (schedule Wk 4 cell), 'Construct validation' (Wk 6 cell), 'multiple "
                  "relationship(s)' (objectives, Wk 14 cell, policies), supervisor feedback on drafts (Wk 8 cell, "
                  "Clinic Procedures nested list), 'credibility of a protocol', 'supervisory relationship', "
                  "'Attending all scheduled clinic shifts'. Unsure-ish: 'an oral results session with the client' "
                  "(description) and Wk 12 'The oral results session: structure and sequence' describe a task of "
                  "giving test results, not the relationship; labelled not counting.")


# ----------------------------------------------------------------------------------------------
# E. DOCX negative: Kestrel Ridge University, PSY 715 Developmental Psychopathology
# ----------------------------------------------------------------------------------------------

def make_e():
    D = Doc("s01-kestrel-ridge__psy-715-developmental-psychopathology.docx")
    d = docx_base("Kestrel Ridge University \u00b7 Department of Psychological Science \u00b7 Clinical Science Ph.D.",
                  "PSY 715 \u00b7 Fall 2025", "PSY 715 Developmental Psychopathology")
    d.add_paragraph("PSY 715: Developmental Psychopathology", style="Title")
    info_table(d, [
        ("Instructor", "Dr. Annika Solberg-Reyes"),
        ("Seminar", "Thursdays 1:00\u20133:50 pm, Linden Hall 402"),
        ("Office hours", "Mondays 10\u201312, Linden Hall 418"),
        ("Credits", "3; required for first-year clinical science students"),
    ])
    d.add_heading("Course Description", level=1)
    d.add_paragraph(
        "This seminar treats psychopathology as development gone awry. We ask how risk and protective "
        "factors combine across infancy, childhood and adolescence, and we read the longitudinal research "
        "that tests those ideas. Topics include attachment, emotion regulation, temperament, family and peer "
        "processes, and the neurobiology of stress. The course is a research seminar; it does not cover "
        "assessment or treatment procedures.")
    d.add_heading("Learning Objectives", level=1)
    bullets(d, [
        "Explain core principles of developmental psychopathology: equifinality, multifinality and "
        "developmental cascades.",
        "Evaluate research on the relationship between early adversity and later internalizing and "
        "externalizing problems.",
        "Describe how attachment relationships and mother\u2013infant bonding are measured in the laboratory.",
        "Critically appraise measures of empathy and callous-unemotional traits in youth.",
        "Write a research proposal of the kind a review panel could fund.",
    ])
    d.add_heading("Readings", level=1)
    d.add_paragraph("Primary text: Marchbank, E., & Ilunga, T. (2021). Developmental psychopathology: Pathways "
                    "from risk to disorder (2nd ed.). Brightwater University Press. Weekly articles are posted "
                    "on the course site; engage with the readings before seminar and post two discussion "
                    "questions by Wednesday noon.")

    d.add_heading("Schedule", level=1)
    sched = [
        ["1", "Principles: equifinality and multifinality", ["Risk, vulnerability and protective factors", "Course overview"], "Ch. 1"],
        ["2", "Developmental cascades", ["Longitudinal designs; cross-lagged panel models", "Moderation versus mediation"], "Ch. 2"],
        ["3", "Attachment I", ["Mother\u2013infant bonding and separation\u2013reunion procedures", "Coding attachment classifications"], "Ch. 3"],
        ["4", "Attachment II", ["Attachment relationships in the first year and later peer relationships", "Is attachment stable? Meta-analytic evidence"], "Ch. 4"],
        ["5", "Emotion regulation", ["Parental scaffolding and co-regulation in toddlers", "Physiological measures of regulation"], "Ch. 5"],
        ["6", "Empathy and conscience", ["Development of empathy in early childhood", "Empathy deficits and callous-unemotional traits"], "Ch. 6"],
        ["7", "Family systems", ["Alliances and coalitions between a parent and a child; triangulation", "Marital conflict and child adjustment"], "Ch. 7"],
        ["8", "Midterm examination", ["In class, closed book"], "\u2014"],
        ["9", "Internalizing pathways", ["Relationship between parental anxiety and child avoidance", "Behavioral inhibition"], "Ch. 8"],
        ["10", "Externalizing pathways", ["Coercive family process", "Parent management training: teaching parents to repair conflict with their child (outcome studies)"], "Ch. 9"],
        ["11", "Peers", ["Peer relationships, rejection and victimization", "Friendship quality as a protective factor"], "Ch. 10"],
        ["12", "Adolescence", ["Romantic relationships and risk behavior", "Puberty timing"], "Ch. 11"],
        ["13", "Autism and social cognition", ["Empathy and theory of mind: competing accounts", "Early screening research"], "Ch. 12"],
        ["14", "Neurobiology of stress", ["HPA-axis development", "Neuroscience of empathy and social pain"], "Ch. 13"],
        ["15", "Proposal presentations", ["Ten-minute talks; written proposals due Dec 12"], "\u2014"],
    ]
    grid_table(d, ["Wk", "Theme", "Topics", "Text"], sched, [1.0, 3.6, 9.8, 2.1])

    d.add_heading("Research Practicum Option", level=1)
    text_box(d, "OPTIONAL: Family Development Lab placement (1 credit, PSY 715L)", [
        "Students may earn one additional credit by assisting with home and laboratory visits in the Family "
        "Development Lab. Duties include building rapport with child participants and their caregivers before "
        "testing, running the toy-removal frustration task, and coding videotaped parent\u2013child interaction.",
        "Completion of human-subjects training and a background check is required before the first visit.",
    ])

    d.add_heading("Assignments", level=1)
    bullets(d, [
        "Discussion questions (weekly) \u2014 10%",
        "Midterm examination \u2014 25%",
        "Article critique (one empirical paper, 5 pages) \u2014 20%",
        "Research proposal (12\u201315 pages) and presentation \u2014 45%",
    ])
    d.add_heading("Research Proposal Rubric", level=2)
    rub = [
        ["Significance", "Gap in the literature stated precisely", "Gap stated in general terms", "No clear gap"],
        ["Theory", "Hypothesized relationships among variables derive from a developmental model", "Hypotheses plausible but loosely linked", "Hypotheses missing"],
        ["Design", "Design can test the causal claim; covariates justified", "Design partly fits the claim", "Design cannot test the claim"],
        ["Measurement", "Validation evidence reported for every measure", "Some measures lack validation evidence", "Measures not described"],
        ["Feasibility", "Sample, timeline and budget realistic", "One element unrealistic", "Not addressed"],
        ["Writing", "Clear, concise, APA style", "Minor lapses", "Hard to follow"],
    ]
    grid_table(d, ["Criterion", "Excellent", "Adequate", "Weak"], rub, [2.8, 5.4, 4.4, 3.9], size=8.5)

    d.add_heading("Policies", level=1)
    d.add_paragraph("Feedback on proposal drafts: submit an optional draft by November 14 for written feedback "
                    "within one week. Late assignments lose 5% per day. Attendance at every seminar is "
                    "expected; notify the instructor in advance of an absence.")
    d.add_paragraph("Relationship to other courses: PSY 715 is a prerequisite for PSY 760 Child and Adolescent "
                    "Assessment and fulfills the developmental-breadth requirement of the program.")
    d.add_paragraph("Personal material: readings on attachment and family adversity can stir personal "
                    "memories. The University Counseling Center offers confidential appointments to graduate "
                    "students at no cost.")
    d.save(os.path.join(OUT, D.fname))
    return D, 0, ("negative; US clinical science Ph.D. developmental psychopathology research seminar (DOCX). "
                  "Triggers only in non-counting senses, many inside table cells: attachment relationships, "
                  "mother-infant bonding (objectives; schedule Wk 3-4), 'Development of empathy in early "
                  "childhood' / 'Empathy deficits and callous-unemotional traits' (Wk 6 cell), 'Alliances and "
                  "coalitions between a parent and a child' (Wk 7 cell, family-structure), 'Relationship between "
                  "parental anxiety and child avoidance' (Wk 9 cell), 'teaching parents to repair conflict with "
                  "their child' (Wk 10 cell, clients' relationship skills, not therapist-client), peer and "
                  "romantic relationships (Wk 11-12), 'Neuroscience of empathy' (Wk 14), 'building rapport with "
                  "child participants' (single-cell box, research participants), 'Hypothesized relationships "
                  "among variables' and 'Validation evidence' (rubric cells), feedback on drafts, 'Relationship "
                  "to other courses', explicit scope note 'does not cover assessment or treatment procedures'.")


# ----------------------------------------------------------------------------------------------
# PDF helpers
# ----------------------------------------------------------------------------------------------

SS = getSampleStyleSheet()
BODY = ParagraphStyle("body", parent=SS["BodyText"], fontName="Helvetica", fontSize=9.5, leading=12.5, spaceAfter=5)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=8.5, leading=10.5, spaceAfter=0)
CELLB = ParagraphStyle("cellb", parent=CELL, fontName="Helvetica-Bold")
H1 = ParagraphStyle("h1", parent=SS["Heading2"], fontName="Helvetica-Bold", fontSize=12.5, spaceBefore=8, spaceAfter=4,
                    textColor=colors.HexColor("#1F3864"))
H2 = ParagraphStyle("h2", parent=SS["Heading3"], fontName="Helvetica-Bold", fontSize=10.5, spaceBefore=6, spaceAfter=3)
TITLE = ParagraphStyle("title", parent=SS["Title"], fontName="Helvetica-Bold", fontSize=16, leading=20, alignment=TA_CENTER)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8.5, leading=11)
BUL = ParagraphStyle("bul", parent=BODY, leftIndent=14, bulletIndent=4, spaceAfter=2)


def pdf_doc(path, header_l, header_r, footer_l):
    def deco(c, doc):
        w, h = letter
        c.saveState()
        c.setFont("Helvetica", 8)
        c.setFillColor(colors.HexColor("#444444"))
        c.drawString(0.8 * inch, h - 0.5 * inch, header_l)
        c.drawRightString(w - 0.8 * inch, h - 0.5 * inch, header_r)
        c.setStrokeColor(colors.HexColor("#888888")); c.setLineWidth(0.5)
        c.line(0.8 * inch, h - 0.56 * inch, w - 0.8 * inch, h - 0.56 * inch)
        c.line(0.8 * inch, 0.62 * inch, w - 0.8 * inch, 0.62 * inch)
        c.drawString(0.8 * inch, 0.45 * inch, footer_l)
        c.drawRightString(w - 0.8 * inch, 0.45 * inch, "Page %d" % doc.page)
        c.restoreState()

    doc = BaseDocTemplate(path, pagesize=letter, leftMargin=0.8 * inch, rightMargin=0.8 * inch,
                          topMargin=0.8 * inch, bottomMargin=0.8 * inch, title=os.path.basename(path))
    w, h = letter
    fw, fh = w - 1.6 * inch, h - 1.6 * inch
    one = Frame(0.8 * inch, 0.8 * inch, fw, fh, id="one")
    gap = 0.3 * inch
    cw = (fw - gap) / 2
    left = Frame(0.8 * inch, 0.8 * inch, cw, fh, id="left")
    right = Frame(0.8 * inch + cw + gap, 0.8 * inch, cw, fh, id="right")
    doc.addPageTemplates([PageTemplate(id="One", frames=[one], onPage=deco),
                          PageTemplate(id="Two", frames=[left, right], onPage=deco)])
    return doc


def ptable(rows, widths, header=True, size_style=CELL, zebra=True):
    data = []
    for i, r in enumerate(rows):
        row = []
        for v in r:
            if isinstance(v, list):
                v = "<br/>".join(v)
            row.append(Paragraph(v, CELLB if (header and i == 0) else size_style))
        data.append(row)
    t = Table(data, colWidths=widths, repeatRows=1 if header else 0)
    st = [("GRID", (0, 0), (-1, -1), 0.5, colors.black),
          ("VALIGN", (0, 0), (-1, -1), "TOP"),
          ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
          ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
    if header:
        st.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#D9E2F3")))
    if zebra:
        for i in range(2 if header else 1, len(rows), 2):
            st.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor("#F5F5F5")))
    t.setStyle(TableStyle(st))
    return t


def bl(items):
    return [Paragraph(x, BUL, bulletText="\u2022") for x in items]


# ----------------------------------------------------------------------------------------------
# B. PDF subtle positive: Kestrel Ridge University, PSY 741 CBT (only positive in a schedule cell)
# ----------------------------------------------------------------------------------------------

def make_b():
    D = Doc("s01-kestrel-ridge__psy-741-cbt-anxiety-mood.pdf")
    path = os.path.join(OUT, D.fname)
    doc = pdf_doc(path, "Kestrel Ridge University \u2014 Clinical Science Ph.D. Program",
                  "PSY 741 \u2014 Spring 2026", "PSY 741 syllabus v1.2 \u2014 subject to change with notice")
    s = []
    s.append(Paragraph("PSY 741: Cognitive-Behavioral Interventions for Anxiety and Mood Disorders", TITLE))
    s.append(Spacer(1, 4))
    s.append(ptable([
        ["Instructor", "Dr. Tobias Renwick-Achebe (Linden Hall 420; office hours Tue 2\u20134 pm)"],
        ["Teaching assistant", "Ilse Marchetti, M.A."],
        ["Meetings", "Mondays 9:00\u201311:50 am, Linden Hall 305"],
        ["Prerequisites", "PSY 701 Psychopathology; PSY 720 Clinical Interviewing and Practicum I"],
    ], [1.5 * inch, 5.4 * inch], header=False, zebra=False))
    s.append(Paragraph("Course Description", H1))
    s.append(Paragraph(
        "This seminar surveys empirically supported cognitive-behavioral protocols for panic disorder, social "
        "anxiety disorder, generalized anxiety disorder, obsessive-compulsive disorder, posttraumatic stress "
        "disorder and major depression. For each protocol we examine the maintenance model it targets, the "
        "quality of the evidence, and the practical decisions a clinician faces when delivering it: building "
        "exposure hierarchies, sequencing modules, handling safety behaviors and homework non-completion, and "
        "deciding when to move to a different protocol.", BODY))
    s.append(Paragraph("Learning Objectives", H1))
    s.extend(bl([
        "Describe the cognitive and behavioral maintenance models for each disorder covered.",
        "Evaluate the evidence base for each protocol, including effect sizes, moderators and the relationship "
        "between number of sessions and outcome.",
        "Design an exposure hierarchy and a behavioral activation plan from a written case vignette.",
        "Critique dissemination research on therapist training, supervision and treatment fidelity.",
    ]))
    s.append(Paragraph("Weekly Schedule", H1))
    s.append(Paragraph("Readings are listed by author; full references are on page 3. Each topic cell lists the "
                       "lecture, the demonstration and the research question for that week.", SMALL))
    sched = [
        ["Wk", "Date", "Topics", "Readings", "Due"],
        ["1", "Jan 12", ["Foundations: learning theory and the cognitive model", "Functional analysis of avoidance"], "Darrow (2019) ch. 1\u20132", "\u2014"],
        ["2", "Jan 19", ["Case formulation in CBT: predisposing, precipitating and maintaining factors", "Writing a formulation diagram"], "Darrow ch. 3; Pell & Ostrova (2021)", "\u2014"],
        ["3", "Jan 26", ["Panic disorder: interoceptive exposure and cognitive restructuring", "Research on the relationship between anxiety sensitivity and panic severity"], "Halvorsen et al. (2018)", "Quiz 1"],
        ["4", "Feb 2", ["Social anxiety: video feedback and attention training", "Safety behaviors in social situations"], "Kettering (2020)", "\u2014"],
        ["5", "Feb 9", ["Generalized anxiety: worry exposure and intolerance of uncertainty", "Psychometric validation of worry questionnaires"], "Amsel & Vey (2017)", "Formulation paper 1"],
        ["6", "Feb 16", ["Obsessive-compulsive disorder: exposure and response prevention", "Building and climbing the hierarchy; ritual prevention plans"], "Ruddock (2022)", "\u2014"],
        ["7", "Feb 23", ["Trauma-focused protocols I: prolonged exposure",
                         "Imaginal and in vivo exposure; processing after imaginal recounting",
                         D.p("Ruptures in the alliance during exposure work and how to repair them",
                             "p.2, Weekly Schedule ruled table, row Wk 7 (Feb 23), 'Topics' cell, 3rd line-broken "
                             "paragraph (wraps over two lines in the cell)", "rupture_repair;alliance")],
         "Ilunga-Park (2020); Darrow ch. 9", "Quiz 2"],
        ["8", "Mar 2", ["Trauma-focused protocols II: cognitive processing", "Stuck points and written accounts"], "Sable & Quist (2019)", "\u2014"],
        ["9", "Mar 16", ["Depression I: behavioral activation", "Activity monitoring and scheduling; values"], "Morrow-Lind (2016)", "\u2014"],
        ["10", "Mar 23", ["Depression II: cognitive therapy", "Thought records and behavioral experiments"], "Darrow ch. 11", "Formulation paper 2"],
        ["11", "Mar 30", ["Combined treatment: CBT with pharmacotherapy",
                          "Reaching a therapeutic dose before judging an antidepressant trial",
                          "Benzodiazepines during exposure: effects on extinction learning"], "Ferrante (2021)", "\u2014"],
        ["12", "Apr 6", ["Transdiagnostic protocols and shared mechanisms", "Modular versus sequential delivery"], "Oyelaran (2018)", "Quiz 3"],
        ["13", "Apr 13", ["Dissemination and implementation: therapist drift and fidelity checklists",
                          "Replication, registered reports and multi-site open-science collaborations"], "Brennick et al. (2023)", "\u2014"],
        ["14", "Apr 20", ["Internet-delivered CBT: guided versus self-guided formats", "Attrition and adherence in digital programs"], "Lindqvist-Oru (2022)", "\u2014"],
        ["15", "Apr 27", ["Student protocol presentations", "Peer feedback on presentation drafts"], "\u2014", "Protocol manual"],
    ]
    s.append(ptable(sched, [0.35 * inch, 0.55 * inch, 3.3 * inch, 1.65 * inch, 1.05 * inch]))
    s.append(Paragraph("Assignments and Grading", H1))
    s.append(ptable([
        ["Component", "Weight", "Description"],
        ["Quizzes (3)", "15%", "Short-answer quizzes on the maintenance models and protocol components."],
        ["Case formulation papers (2)", "30%", "A written formulation and treatment plan for a vignette (6 pages). "
                                               "The instructor returns written feedback within one week."],
        ["Protocol manual", "35%", "A 15-page session-by-session manual adapting one protocol to a new population, "
                                   "with a summary of the supporting evidence."],
        ["Seminar contribution", "20%", "Leading one discussion; weekly reading responses."],
    ], [1.6 * inch, 0.7 * inch, 4.6 * inch]))
    s.append(NextPageTemplate("Two"))
    s.append(PageBreak())
    s.append(Paragraph("References for Weekly Readings", H1))
    refs = [
        "Amsel, R., & Vey, D. (2017). Worry exposure revisited: A component analysis. <i>Journal of Anxiety Process Research, 12</i>(3), 211\u2013229.",
        "Brennick, S., Tamura, J., & Oakes, V. (2023). Therapist drift in community CBT: A multi-site study. <i>Implementation in Mental Health, 8</i>, 44\u201361.",
        "Darrow, K. (2019). <i>Cognitive-behavioral treatment of anxiety and depression: A clinician\u2019s text</i> (3rd ed.). Halberd Press.",
        "Ferrante, L. (2021). Sequencing medication and CBT for anxiety disorders. <i>Clinical Pharmacology Review, 19</i>, 301\u2013318.",
        "Halvorsen, M., Brandt, C., & Ue, T. (2018). Anxiety sensitivity and panic severity across five samples. <i>Behaviour and Cognition Quarterly, 33</i>, 90\u2013104.",
        "Ilunga-Park, S. (2020). Delivering prolonged exposure in outpatient settings. <i>Trauma Treatment Practice, 6</i>(2), 17\u201339.",
        "Kettering, O. (2020). Video feedback in cognitive therapy for social anxiety. <i>Behaviour and Cognition Quarterly, 35</i>, 201\u2013215.",
        "Lindqvist-Oru, E. (2022). Guided internet treatment: A review of dropout. <i>Digital Interventions, 4</i>, 1\u201322.",
        "Morrow-Lind, P. (2016). <i>Behavioral activation step by step</i>. Corvid Academic.",
        "Oyelaran, B. (2018). Modular treatment for emotional disorders. <i>Journal of Anxiety Process Research, 13</i>(1), 5\u201328.",
        "Pell, A., & Ostrova, N. (2021). The case formulation diagram as a teaching tool. <i>Training in Clinical Science, 9</i>, 70\u201382.",
        "Ruddock, G. (2022). Ritual prevention without tears. <i>OCD Practice Notes, 2</i>, 12\u201330.",
        "Sable, H., & Quist, M. (2019). Stuck points: Measurement and change. <i>Trauma Treatment Practice, 5</i>(1), 50\u201367.",
    ]
    for r in refs:
        s.append(Paragraph(r, ParagraphStyle("ref", parent=SMALL, leftIndent=12, firstLineIndent=-12, spaceAfter=4)))
    s.append(Paragraph("Course Policies", H1))
    s.append(Paragraph("Clinical material", H2))
    s.append(Paragraph("Any case material you bring from practicum must be de-identified. Do not recruit friends or "
                       "acquaintances as volunteer practice clients for the exposure exercises: doing so creates a "
                       "dual relationship and is not permitted.", SMALL))
    s.append(Paragraph("Service-learning option", H2))
    s.append(Paragraph("Students may replace one quiz with ten hours of volunteer work for the Riverbend Family "
                       "Mental Health Alliance, a local peer-support organization, and a two-page summary.", SMALL))
    s.append(Paragraph("Late work", H2))
    s.append(Paragraph("Papers lose 5% per day late. Extensions must be requested before the due date.", SMALL))
    s.append(Paragraph("Attendance", H2))
    s.append(Paragraph("Attending every seminar is expected. Two or more unexcused absences lower the seminar "
                       "contribution grade.", SMALL))
    s.append(Paragraph("Academic integrity", H2))
    s.append(Paragraph("Paraphrase and cite sources; the protocol manual must be your own work. Generative AI "
                       "tools may be used for copy-editing only, and their use must be disclosed.", SMALL))
    s.append(Paragraph("Accessibility", H2))
    s.append(Paragraph("Students with accommodations should contact the instructor in the first two weeks; all "
                       "requests are handled confidentially through the Disability Resource Office.", SMALL))
    s.append(Paragraph("Wellness", H2))
    s.append(Paragraph("Exposure exercises in class are voluntary demonstrations. Students may observe rather than "
                       "participate in any exercise without penalty.", SMALL))
    doc.build(s)
    return D, 1, ("subtle positive; US clinical science Ph.D. CBT protocols seminar (PDF, reportlab). The ONLY "
                  "qualifying passage is the 3rd <br/>-separated line of the Wk 7 'Topics' cell in the ruled "
                  "schedule table; it wraps inside the cell. Non-counting triggers: 'relationship between number "
                  "of sessions and outcome' (objectives), 'relationship between anxiety sensitivity and panic "
                  "severity' (Wk 3 cell), 'video feedback' (Wk 4, a technique), 'Psychometric validation' (Wk 5), "
                  "'therapeutic dose' (Wk 11 cell), 'open-science collaborations' (Wk 13), peer/instructor "
                  "feedback (Wk 15, grading table), 'dual relationship' and 'Riverbend Family Mental Health "
                  "Alliance' on the two-column page 3, 'Attending every seminar'.")


# ----------------------------------------------------------------------------------------------
# D. PDF negative: Northvale University, COUN 540 Psychopharmacology (with a negated scope note)
# ----------------------------------------------------------------------------------------------

def make_d():
    D = Doc("s01-northvale__coun-540-psychopharmacology.pdf")
    path = os.path.join(OUT, D.fname)
    doc = pdf_doc(path, "Northvale University \u2014 Department of Counseling and Human Development",
                  "COUN 540 \u2014 Spring 2026", "COUN 540 Psychopharmacology for Counselors")
    s = []
    s.append(Paragraph("COUN 540: Psychopharmacology and Biological Bases of Behavior for Counselors", TITLE))
    s.append(Spacer(1, 4))
    s.append(ptable([
        ["Instructor", "Dr. Caspian Whitlow-Ngata, Pharm.D., BCPP (adjunct)"],
        ["Meetings", "Online synchronous, Thursdays 6:00\u20138:30 pm"],
        ["Program", "M.A. Clinical Mental Health Counseling; M.A. School Counseling (elective)"],
        ["Credits", "3"],
    ], [1.5 * inch, 5.4 * inch], header=False, zebra=False))
    s.append(Paragraph("Course Description", H1))
    s.append(Paragraph(
        "An introduction to the major classes of psychotropic medication: how they act, their therapeutic and "
        "adverse effects, and what a counselor needs to know to coordinate care with prescribers. We also "
        "survey the biological bases of behavior required by the counseling accreditation standards.", BODY))
    s.append(Paragraph(
        "<b>Scope note.</b> This course does not teach counseling technique or the counselor\u2013client "
        "relationship; those are covered in COUN 620 and COUN 630. Counselors do not prescribe, adjust or "
        "recommend stopping medication, and nothing in this course prepares you to do so.", BODY))
    s.append(Paragraph("Learning Objectives", H1))
    s.extend(bl([
        "Explain pharmacokinetic and pharmacodynamic principles, including half-life, steady state, therapeutic "
        "window and therapeutic index.",
        "Describe the relationship between plasma concentration and clinical response for lithium and selected "
        "anticonvulsants.",
        "Identify adverse effects and drug interactions that warrant prompt referral to a prescriber.",
        "Practise interprofessional collaboration with psychiatric prescribers and primary-care teams.",
        "Evaluate research on the neurobiological correlates of mental disorders.",
    ]))
    s.append(Paragraph("Weekly Schedule", H1))
    sched = [
        ["Wk", "Topics", "Reading", "Assessment"],
        ["1", ["Neurons, neurotransmitters and receptors", "How drugs act at the synapse"], "Garrow ch. 1\u20132", "\u2014"],
        ["2", ["Pharmacokinetics: absorption, distribution, half-life, steady state", "Therapeutic window and therapeutic index"], "Garrow ch. 3", "Quiz 1"],
        ["3", ["Antidepressants I: SSRIs and SNRIs", "Time to reach a therapeutic dose; discontinuation symptoms"], "Garrow ch. 4", "\u2014"],
        ["4", ["Antidepressants II: tricyclics, MAOIs and atypical agents", "Relationship between dose and side-effect burden"], "Garrow ch. 5", "Quiz 2"],
        ["5", ["Mood stabilizers", "Therapeutic drug monitoring for lithium and valproate: serum levels and toxicity"], "Garrow ch. 6", "\u2014"],
        ["6", ["Antipsychotics: first and second generation", "Metabolic risk and movement disorders"], "Garrow ch. 7", "Monograph 1"],
        ["7", ["Midterm examination"], "\u2014", "Midterm"],
        ["8", ["Anxiolytics and hypnotics", "Dependence, tolerance and tapering schedules"], "Garrow ch. 8", "\u2014"],
        ["9", ["Stimulants and non-stimulants for ADHD", "Misuse and diversion on campus"], "Garrow ch. 9", "Quiz 3"],
        ["10", ["Medications for substance use disorders", "Opioid agonist treatment and overdose reversal"], "Garrow ch. 10", "\u2014"],
        ["11", ["Social neuroscience: oxytocin, pair bonding and empathy in animal models",
                "What the rodent research does and does not show about humans"], "Posted article (Vellacott 2021)", "Monograph 2"],
        ["12", ["Complementary approaches: exercise, bright-light therapy, biofeedback and neurofeedback", "Evaluating supplement claims"], "Garrow ch. 12", "\u2014"],
        ["13", ["Special populations: pregnancy, older adults, children", "Black-box warnings"], "Garrow ch. 13", "Quiz 4"],
        ["14", ["Coordinating care: interprofessional collaboration with prescribers", "Writing a referral letter; releases of information"], "Garrow ch. 14", "Referral letter"],
        ["15", ["Final examination (cumulative)"], "\u2014", "Final"],
    ]
    s.append(ptable(sched, [0.35 * inch, 3.85 * inch, 1.6 * inch, 1.1 * inch]))
    s.append(Paragraph("Grading", H1))
    s.append(ptable([
        ["Component", "Weight"],
        ["Quizzes (4, online)", "20%"],
        ["Medication monographs (2)", "20%"],
        ["Referral letter to a prescriber (case vignette)", "10%"],
        ["Midterm examination", "25%"],
        ["Final examination", "25%"],
    ], [4.5 * inch, 1.2 * inch]))
    s.append(NextPageTemplate("Two"))
    s.append(PageBreak())
    s.append(Paragraph("Glossary for Weeks 1\u20136", H1))
    gl = [
        ("Half-life", "time for the plasma concentration of a drug to fall by half."),
        ("Steady state", "the point at which intake and elimination balance, usually after four to five half-lives."),
        ("Therapeutic window", "the range of plasma concentrations between the minimum effective level and the level at which toxicity appears."),
        ("Therapeutic index", "ratio of the toxic dose to the effective dose; a narrow index calls for closer monitoring."),
        ("Therapeutic drug monitoring", "measuring serum levels to keep a medication within its therapeutic range."),
        ("Agonist / antagonist", "a drug that activates / blocks a receptor."),
        ("Tolerance", "reduced response to the same dose after repeated use."),
        ("Discontinuation syndrome", "symptoms after abrupt stopping of some antidepressants; distinct from withdrawal in dependence."),
        ("Black-box warning", "the strongest regulatory warning on a medication label."),
    ]
    for k, v in gl:
        s.append(Paragraph("<b>%s</b> \u2014 %s" % (k, v), ParagraphStyle("gl", parent=SMALL, spaceAfter=4)))
    s.append(Paragraph("Course Policies", H1))
    s.append(Paragraph("Feedback", H2))
    s.append(Paragraph("Quiz scores post automatically. Written feedback on monographs and the referral letter is "
                       "returned within ten days.", SMALL))
    s.append(Paragraph("Attendance and cameras", H2))
    s.append(Paragraph("Attending the live sessions with camera on is expected; recordings are available for "
                       "documented absences only.", SMALL))
    s.append(Paragraph("Guest speakers", H2))
    s.append(Paragraph("In Week 10 a family advocate from the Lakeshore Mental Health Family Alliance will describe "
                       "the organization\u2019s medication-education classes.", SMALL))
    s.append(Paragraph("Professional boundaries", H2))
    s.append(Paragraph("Do not give medication advice to friends or family members; offering informal clinical "
                       "advice to people you know personally blurs professional boundaries and may create a dual "
                       "relationship.", SMALL))
    s.append(Paragraph("Integrity", H2))
    s.append(Paragraph("Quizzes are open-book but individual. Monographs must paraphrase and cite drug labels "
                       "and review articles rather than copy them.", SMALL))
    s.append(Paragraph("Required text", H2))
    s.append(Paragraph("Garrow, J. (2023). <i>Psychopharmacology for counselors and therapists</i> (5th ed.). "
                       "Tillbrook Academic.", SMALL))
    doc.build(s)
    return D, 0, ("negative; US M.A. counseling psychopharmacology course (PDF). Negated scope note on p.1 ('does "
                  "not teach counseling technique or the counselor-client relationship; those are covered in COUN "
                  "620 and COUN 630') = negated/out-of-scope, no positive evidence. Other non-counting triggers, "
                  "many in table cells: therapeutic window/index/dose/drug monitoring (objectives, Wk 2/3/5 "
                  "cells, glossary), 'relationship between plasma concentration and clinical response' and "
                  "'Relationship between dose and side-effect burden' (Wk 4 cell), 'oxytocin, pair bonding and "
                  "empathy in animal models' (Wk 11 cell), 'biofeedback and neurofeedback' (Wk 12 cell), "
                  "'interprofessional collaboration with prescribers' (objectives, Wk 14 cell), 'Lakeshore "
                  "Mental Health Family Alliance', 'dual relationship' / 'professional boundaries', feedback on "
                  "monographs, 'Attending the live sessions'. Two-column page 3 (glossary + policies).")


def main():
    results = [make_a(), make_b(), make_c(), make_d(), make_e()]
    with open(CSV_PATH, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["file", "label", "categories", "evidence", "notes"])
        for D, label, note in results:
            cats = []
            for _, _, c in D.pos:
                for x in c.split(";"):
                    if x not in cats:
                        cats.append(x)
            if label == 1:
                assert D.pos, D.fname
                evidence = "; ".join('[%d] "%s"' % (i + 1, t) for i, (t, _, _) in enumerate(D.pos))
                pre = "~" if D.fname.endswith(".docx") else ""  # DOCX page numbers are layout estimates
                where = "; ".join("[%d] %s%s (%s)" % (i + 1, pre, wh, c) for i, (_, wh, c) in enumerate(D.pos))
                notes = "WHERE: " + where + ". " + note
            else:
                assert not D.pos, D.fname
                evidence = ""
                notes = note
            w.writerow([D.fname, label, ";".join(cats), evidence, notes])
    print("wrote", CSV_PATH)


if __name__ == "__main__":
    main()
