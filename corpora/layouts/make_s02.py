# Generator for batch5 helper s02: 5 binary syllabi (DOCX/PDF), all content invented.
import csv
import os

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import (BaseDocTemplate, Frame, FrameBreak, KeepTogether,
                                NextPageTemplate, PageBreak, PageTemplate, Paragraph,
                                Spacer, Table, TableStyle)
from reportlab.platypus.flowables import ListFlowable, ListItem

import sys

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "files")
os.makedirs(OUT, exist_ok=True)
PFX = "s02"
ROWS = []


# ----------------------------------------------------------------- DOCX helpers
def add_page_field(par):
    run = par.add_run()
    f1 = OxmlElement("w:fldChar"); f1.set(qn("w:fldCharType"), "begin")
    it = OxmlElement("w:instrText"); it.set(qn("xml:space"), "preserve"); it.text = " PAGE "
    f2 = OxmlElement("w:fldChar"); f2.set(qn("w:fldCharType"), "separate")
    t = OxmlElement("w:t"); t.text = "1"
    f3 = OxmlElement("w:fldChar"); f3.set(qn("w:fldCharType"), "end")
    run._r.append(f1); run._r.append(it); run._r.append(f2); run._r.append(t); run._r.append(f3)


def shade(cell, hexcolor):
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear"); shd.set(qn("w:color"), "auto"); shd.set(qn("w:fill"), hexcolor)
    tcPr.append(shd)


def docx_base(header_text, footer_text):
    d = Document()
    st = d.styles["Normal"]; st.font.name = "Calibri"; st.font.size = Pt(10.5)
    sec = d.sections[0]
    sec.page_height = Cm(29.7); sec.page_width = Cm(21.0)
    sec.left_margin = sec.right_margin = Cm(2.2)
    sec.top_margin = Cm(2.4); sec.bottom_margin = Cm(2.2)
    hp = sec.header.paragraphs[0]; hp.text = header_text
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for r in hp.runs:
        r.font.size = Pt(8.5); r.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    fp = sec.footer.paragraphs[0]
    fr = fp.add_run(footer_text + "   |   Page "); fr.font.size = Pt(8.5)
    add_page_field(fp)
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return d


def grid(d, header, rows, widths=None, head_fill="D9E2F3"):
    t = d.add_table(rows=1, cols=len(header))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for i, h in enumerate(header):
        c = t.rows[0].cells[i]; c.text = ""
        r = c.paragraphs[0].add_run(h); r.bold = True
        shade(c, head_fill)
    for row in rows:
        cells = t.add_row().cells
        for i, val in enumerate(row):
            paras = val if isinstance(val, list) else [val]
            cells[i].text = ""
            for j, p in enumerate(paras):
                par = cells[i].paragraphs[0] if j == 0 else cells[i].add_paragraph()
                par.add_run(p)
                par.paragraph_format.space_after = Pt(2)
    if widths:
        for row in t.rows:
            for i, w in enumerate(widths):
                row.cells[i].width = Cm(w)
    return t


def textbox(d, title, paras, fill="F2F2F2"):
    t = d.add_table(rows=1, cols=1); t.style = "Table Grid"
    c = t.rows[0].cells[0]; shade(c, fill)
    c.text = ""
    r = c.paragraphs[0].add_run(title); r.bold = True
    for p in paras:
        c.add_paragraph(p)
    d.add_paragraph()


def bullets(d, items, level=1):
    for it in items:
        if isinstance(it, tuple):
            d.add_paragraph(it[0], style="List Bullet" if level == 1 else "List Bullet 2")
            bullets(d, it[1], level + 1)
        else:
            d.add_paragraph(it, style="List Bullet" if level == 1 else "List Bullet 2")


def numbered(d, items):
    for it in items:
        d.add_paragraph(it, style="List Number")


# ----------------------------------------------------------------- PDF helpers
SS = getSampleStyleSheet()
BODY = ParagraphStyle("b", parent=SS["BodyText"], fontName="Helvetica", fontSize=9.5, leading=12.5)
SMALL = ParagraphStyle("s", parent=BODY, fontSize=8.3, leading=10.2)
SMALLB = ParagraphStyle("sb", parent=SMALL, fontName="Helvetica-Bold")
H1 = ParagraphStyle("h1", parent=SS["Heading1"], fontName="Helvetica-Bold", fontSize=15, leading=18, spaceAfter=6)
H2 = ParagraphStyle("h2", parent=SS["Heading2"], fontName="Helvetica-Bold", fontSize=11.5, leading=14,
                    spaceBefore=8, spaceAfter=4, textColor=colors.HexColor("#1F3B5A"))
H3 = ParagraphStyle("h3", parent=H2, fontSize=10, leading=12.5, spaceBefore=6)
CENTRE = ParagraphStyle("c", parent=BODY, alignment=TA_CENTER)


def P(t, st=BODY):
    return Paragraph(t, st)


def cellp(val):
    paras = val if isinstance(val, list) else [val]
    return [Paragraph(p, SMALL) for p in paras]


def ruled(header, rows, widths, head_bg="#DCE6F0"):
    data = [[Paragraph(h, SMALLB) for h in header]] + [[cellp(v) for v in r] for r in rows]
    t = Table(data, colWidths=widths, repeatRows=1)
    t.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#555555")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(head_bg)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return t


def bl(items, st=BODY):
    return ListFlowable([ListItem(Paragraph(i, st), leftIndent=12) for i in items],
                        bulletType="bullet", start="\u2022", leftIndent=12, bulletFontSize=8)


def pdf_doc(path, head_left, head_right, foot_left, title_h=None):
    W, H = A4
    lm = rm = 2.0 * cm; tm = 2.4 * cm; bm = 2.0 * cm

    def deco(c, doc):
        c.saveState()
        c.setFont("Helvetica", 7.8); c.setFillColor(colors.HexColor("#444444"))
        c.drawString(lm, H - 1.35 * cm, head_left)
        c.drawRightString(W - rm, H - 1.35 * cm, head_right)
        c.setStrokeColor(colors.HexColor("#888888")); c.setLineWidth(0.4)
        c.line(lm, H - 1.5 * cm, W - rm, H - 1.5 * cm)
        c.line(lm, 1.45 * cm, W - rm, 1.45 * cm)
        c.drawString(lm, 1.05 * cm, foot_left)
        c.drawRightString(W - rm, 1.05 * cm, "Page %d" % doc.page)
        c.restoreState()

    fw = W - lm - rm; fh = H - tm - bm
    one = Frame(lm, bm, fw, fh, id="one")
    gap = 0.6 * cm; cw = (fw - gap) / 2
    left = Frame(lm, bm, cw, fh, id="L"); right = Frame(lm + cw + gap, bm, cw, fh, id="R")
    doc = BaseDocTemplate(path, pagesize=A4, leftMargin=lm, rightMargin=rm, topMargin=tm,
                          bottomMargin=bm, title=head_right, author="invented")
    tpls = [PageTemplate(id="One", frames=[one], onPage=deco),
            PageTemplate(id="Two", frames=[left, right], onPage=deco)]
    if title_h:
        top = Frame(lm, bm + fh - title_h, fw, title_h, id="top")
        l2 = Frame(lm, bm, cw, fh - title_h, id="L2"); r2 = Frame(lm + cw + gap, bm, cw, fh - title_h, id="R2")
        tpls.insert(0, PageTemplate(id="TitleTwo", frames=[top, l2, r2], onPage=deco))
    doc.addPageTemplates(tpls)
    return doc, fw


# =================================================================== DOC 1 (DOCX, rich positive)
def doc1():
    name = f"{PFX}-harrowgate-masw__swk7102-relationship-based-practice.docx"
    d = docx_base("Harrowgate University  \u00b7  School of Health and Social Care  \u00b7  SWK7102 Module Handbook 2025/26",
                  "MA Social Work  \u00b7  Version 1.2, approved by Board of Studies July 2025")
    d.add_heading("SWK7102 Relationship-Based Practice and Communication Skills", 0)
    p = d.add_paragraph()
    p.add_run("MA Social Work (Year 1)  |  20 credits, Level 7  |  Semester 1, 2025/26").italic = True
    grid(d, ["Item", "Detail"], [
        ["Module leader", "Dr Morwenna Tregaskis (Room C2.14, m.tregaskis@harrowgate.example.ac.uk)"],
        ["Skills tutors", ["Ifeoma Adeyemi-Clarke, Senior Lecturer", "Gareth Pennock, Practice Educator (seconded)"]],
        ["Contact", "2-hour seminar + 2-hour skills lab weekly; two Skills Days in week 6 and week 11"],
        ["Prerequisites", "None. Co-requisite: SWK7101 Social Work Law and Ethics"],
    ], widths=[4, 12.6])
    d.add_paragraph()

    d.add_heading("1. About this module", 1)
    d.add_paragraph(
        "This module prepares you for your first 70-day placement. It treats the relationship between you "
        "and the people you work with as the main vehicle of change in social work. You will learn how to "
        "engage children, adults and families who may not have chosen to meet you, how to listen and respond "
        "so that people feel understood, and how to notice and use your own reactions.")
    d.add_paragraph(
        "Teaching draws on relationship-based practice, the skilled-helper tradition and motivational "
        "approaches, and is mapped to the Professional Capabilities Framework (domains 7 Skills and "
        "Interventions and 1 Professionalism) and to the Social Work England professional standards.")

    d.add_heading("2. Learning outcomes", 1)
    d.add_paragraph("On successful completion of the module you will be able to:")
    bullets(d, [
        "LO1 Explain the theory of relationship-based practice and critically evaluate its place in statutory social work.",
        ("LO2 Demonstrate core communication skills with service users, including:", [
            "attending and active listening;",
            "open questions, paraphrasing and summarising;",
            "reflecting feelings and meaning back to the person.",
        ]),
        "LO3 Negotiate a working agreement with a service user or family that sets out what the work is for and what each party will do.",
        "LO4 Recognise strains and breakdowns in a working relationship with a service user and take steps to repair them.",
        "LO5 Use supervision and reflective writing to examine your own emotional responses to service users and how these shape your practice.",
    ])

    d.add_heading("3. Weekly schedule", 1)
    d.add_paragraph("Seminars are on Tuesdays (10:00\u201312:00, Kemble Building 1.08); skills labs on Thursdays "
                    "(14:00\u201316:00, Simulation Suite). Topics in each cell are taught in the order listed.")
    grid(d, ["Wk", "Seminar topics", "Skills lab", "Preparation"], [
        ["1", ["Relationship-based practice: history, claims and critiques",
               "The PCF and the Social Work England standards",
               "How this module relates to SWK7101 and SWK7110"],
         "Introductions; ground rules for role-play", "Tregaskis (2019) ch. 1"],
        ["2", ["Engagement in the first meeting: introductions, purpose, consent",
               "Working with people who did not ask for a service"],
         "Opening a home visit (fishbowl)", "Okonjo & Leary (2021)"],
        ["3", ["Listening as a practice skill",
               "Non-verbal communication and SOLER"],
         ["Attending, minimal encouragers and silence in triads",
          "Observer uses the peer feedback sheet (for your learning only)"],
         "Harland (2018) ch. 3"],
        ["4", ["Empathy in practice: reflecting feelings, checking understanding",
               "Empathy, sympathy and over-identification"],
         "Reflecting feelings and meaning (scripted vignettes)", "Tregaskis (2019) ch. 4"],
        ["5", ["Warmth, respect and a non-judgemental stance with parents in child-protection enquiries",
               "Authority and care in the same conversation"],
         "Difficult openings: the parent who is angry", "Brannagh (2020)"],
        ["6", ["Working agreements with families: agreeing goals and who does what",
               "Skills Day 1 (whole day, attendance required)"],
         "Drafting a written agreement with a family (actors)", "Okonjo & Leary (2021) ch. 6"],
        ["7", ["Reading week \u2013 no teaching"], "\u2013", "Complete log entries 1\u20133"],
        ["8", ["Power, honesty and the use of self",
               "When, what and why to disclose about yourself"],
         "Self-disclosure: good and poor examples", "Harland (2018) ch. 7"],
        ["9", ["Culturally responsive relationships: adapting your approach to a family's culture, faith and language",
               "Working with interpreters in direct work"],
         "Three-way interviews with an interpreter", "Sandhu-Marr (2022)"],
        ["10", ["When it goes wrong: anger, withdrawal and ruptures",
                "Repairing the working relationship after a difficult visit"],
         "Naming the difficulty and repairing it (role-play)", "Tregaskis (2019) ch. 9"],
        ["11", ["Asking people how it is going: brief visit-rating scales completed with service users",
                "Skills Day 2: recorded interviews (assessment A1)"],
         "Recorded interviews", "\u2013"],
        ["12", ["Endings and transfers: ending the working relationship well",
                "Ethics: dual relationships, gifts and social-media contact"],
         "Closing a case (role-play)", "BASW-style code, sections on conduct"],
    ], widths=[1.0, 6.6, 5.0, 4.0])
    d.add_paragraph()

    d.add_heading("4. Assessment", 1)
    grid(d, ["Task", "Weight", "Due", "Outcomes"], [
        ["A1 Recorded interview (15 minutes, with an actor service user) and a 2,000-word critical reflection", "60%", "Week 12", "LO1\u2013LO4"],
        ["A2 Reflective practice log (six entries, 2,000 words in total)", "40%", "Week 14", "LO5"],
    ], widths=[10, 2, 2.2, 2.4])
    d.add_paragraph()
    d.add_heading("4.1 Marking rubric for A1", 2)
    grid(d, ["Criterion", "70+ (Excellent)", "60\u201369 (Good)", "50\u201359 (Pass)", "Below 50"], [
        ["Engagement and rapport",
         "Establishes rapport quickly; explains purpose clearly; the service user appears at ease",
         "Rapport established; purpose explained", "Some rapport; purpose partly explained", "Little attempt to engage the person"],
        ["Listening and responding",
         "Accurate reflections of feeling and meaning; the service user is clearly heard",
         "Mostly accurate reflections", "Some reflection, mainly of content", "Questions only; no reflection"],
        ["Agreeing the focus",
         "Agrees the focus of the meeting with the service user and checks it at the end",
         "Focus agreed", "Focus stated by the student, not agreed", "No focus"],
        ["Critical reflection",
         "Analyses own reactions to the service user and their effect on the interaction, drawing on theory",
         "Describes own reactions with some analysis", "Descriptive account", "No reflection"],
        ["Academic writing",
         "Fluent; sources paraphrased accurately and referenced in Harvard style",
         "Minor referencing errors", "Several errors", "Poorly referenced"],
    ], widths=[3.0, 4.0, 3.4, 3.2, 3.0])
    d.add_paragraph()

    d.add_heading("5. Placement and supervision", 1)
    textbox(d, "Box 1 \u2013 Before your first placement", [
        "Practice educators at Northfold NHS Foundation Trust and Harrowgate City Council Children's Services "
        "expect you to arrive able to open and close a visit, listen without rushing to advice, and explain "
        "your role honestly.",
        "Supervision is the place to talk about how a particular family or person affects you. Bring at least "
        "one example from this module's role-plays to your first supervision session.",
        "Your relationship with your practice educator is covered separately in SWK7190 Practice Learning.",
    ])

    d.add_heading("6. Core reading (invented titles)", 1)
    for ref in [
        "Brannagh, S. (2020). Authority and care in child protection. Leeds: Fenwick Press.",
        "Harland, P. (2018). Communication skills for social work practice (2nd ed.). London: Ardley.",
        "Okonjo, D., & Leary, M. (2021). Working agreements with families. Bristol: Carrow.",
        "Sandhu-Marr, K. (2022). Culture, language and direct work. Social Work Review North, 14(2), 33\u201351.",
        "Tregaskis, M. (2019). Relationship-based practice: a critical introduction. Harrowgate: HUP.",
    ]:
        d.add_paragraph(ref, style="List Bullet")

    d.add_heading("7. Module policies", 1)
    bullets(d, [
        "Attendance: 100% attendance is required at both Skills Days; absence must be made up before placement.",
        "Feedback on assessed work is returned within 20 working days via the VLE.",
        "Reasonable adjustments: contact the Disability Advice Service before week 3.",
        "Academic integrity: paraphrase and cite all sources; see the University regulations.",
    ])
    d.save(os.path.join(OUT, name))
    ROWS.append({
        "file": name, "label": 1,
        "categories": "alliance;empathy;microskills;collaboration;rupture_repair;countertransference;positive_regard;genuineness;responsiveness;feedback",
        "evidence": (
            'Sec 1 para 1: "It treats the relationship between you and the people you work with as the main vehicle of change in social work. '
            'You will learn how to engage children, adults and families who may not have chosen to meet you, how to listen and respond so that people feel understood, and how to notice and use your own reactions."; '
            'LO1: "LO1 Explain the theory of relationship-based practice and critically evaluate its place in statutory social work."; '
            'LO2 (nested list): "attending and active listening;" / "open questions, paraphrasing and summarising;" / "reflecting feelings and meaning back to the person."; '
            'LO3: "LO3 Negotiate a working agreement with a service user or family that sets out what the work is for and what each party will do."; '
            'LO4: "LO4 Recognise strains and breakdowns in a working relationship with a service user and take steps to repair them."; '
            'LO5: "LO5 Use supervision and reflective writing to examine your own emotional responses to service users and how these shape your practice."; '
            'Schedule Wk2: "Engagement in the first meeting: introductions, purpose, consent"; '
            'Schedule Wk3 lab: "Attending, minimal encouragers and silence in triads"; '
            'Schedule Wk4: "Empathy in practice: reflecting feelings, checking understanding"; '
            'Schedule Wk5: "Warmth, respect and a non-judgemental stance with parents in child-protection enquiries"; '
            'Schedule Wk6: "Working agreements with families: agreeing goals and who does what"; '
            'Schedule Wk8: "Power, honesty and the use of self" / "When, what and why to disclose about yourself"; '
            'Schedule Wk9: "Culturally responsive relationships: adapting your approach to a family\'s culture, faith and language"; '
            'Schedule Wk10: "When it goes wrong: anger, withdrawal and ruptures" / "Repairing the working relationship after a difficult visit"; '
            'Schedule Wk11: "Asking people how it is going: brief visit-rating scales completed with service users"; '
            'Schedule Wk12: "Endings and transfers: ending the working relationship well"; '
            'Rubric A1: "Establishes rapport quickly; explains purpose clearly; the service user appears at ease" / '
            '"Accurate reflections of feeling and meaning; the service user is clearly heard" / '
            '"Agrees the focus of the meeting with the service user and checks it at the end" / '
            '"Analyses own reactions to the service user and their effect on the interaction, drawing on theory"; '
            'Box 1: "Supervision is the place to talk about how a particular family or person affects you."'),
        "notes": ("rich positive, UK MA Social Work skills module (DOCX, ~4 pages). Positives spread over body text, a nested bullet list (LO2), "
                  "the weekly-schedule grid (multi-paragraph cells, cols 'Seminar topics' and 'Skills lab'), the A1 rubric grid (col '70+') and a single-cell "
                  "shaded text-box table (Box 1, sec 5). Non-counting traps: Wk1 'How this module relates to SWK7101', Wk3 'peer feedback sheet (for your learning only)', "
                  "Wk12 'Ethics: dual relationships, gifts and social-media contact', 'Northfold NHS Foundation Trust', Box 1 'Your relationship with your practice educator' (supervision only), "
                  "'Feedback on assessed work is returned within 20 working days', 'Attendance', 'paraphrase and cite all sources', rubric 'sources paraphrased accurately'. "
                  "Header and footer carry module name/version and a PAGE field."),
    })


# =================================================================== DOC 2 (PDF, subtle positive: one schedule cell)
Q2 = "After seclusion or restraint: ruptures in the nurse\u2013consumer relationship and how to repair them"


def doc2():
    name = f"{PFX}-eastmere-mmhn__mhn5203-acute-care-outline.pdf"
    doc, fw = pdf_doc(os.path.join(OUT, name), "Eastmere University \u2013 School of Nursing and Midwifery",
                      "MHN5203 Unit Outline, Trimester 2 2025", "Master of Mental Health Nursing  |  CRICOS-style code 0XX91E (invented)")
    s = []
    s.append(P("MHN5203 Acute Care, Risk and the Law", H1))
    s.append(P("Master of Mental Health Nursing  \u00b7  12.5 credit points  \u00b7  Trimester 2, 2025  \u00b7  Blended (online + 3 campus intensives)", SMALL))
    s.append(Spacer(1, 6))
    s.append(ruled(["Unit detail", ""], [
        ["Unit coordinator", "Assoc. Prof. Delphine Arkwright-Nune, RN, CMHN"],
        ["Teaching team", ["Sione Tupou-Baker, Lecturer (acute inpatient)", "Dr Hamish Varga, Consultant Psychiatrist (guest)"]],
        ["Prerequisites", "MHN5101 Foundations of Mental Health Nursing"],
        ["Campus intensives", "Weeks 3, 7 and 11 (Thursday\u2013Friday), Riverside Simulation Centre"],
    ], [4.0 * cm, fw - 4.0 * cm]))
    s.append(P("Unit description", H2))
    s.append(P("This unit examines nursing care of people admitted to acute mental health units and emergency "
               "settings. It covers the legal framework for involuntary assessment and treatment, structured "
               "risk assessment, restrictive practices and their reduction, physical health monitoring in "
               "acute care, and the documentation and professional standards expected of a registered nurse "
               "working under the state Mental Health Act."))
    s.append(P("Unit learning outcomes", H2))
    s.append(P("On successful completion of this unit, students will be able to:"))
    s.append(bl([
        "ULO1 Apply the state Mental Health Act to assessment orders, treatment orders and tribunal review.",
        "ULO2 Conduct and document a structured risk assessment for suicide, aggression and vulnerability.",
        "ULO3 Monitor physical health in acute settings, including early warning scores, metabolic screening and lithium levels within the therapeutic range.",
        "ULO4 Critically evaluate the use of seclusion and restraint against current reduction frameworks.",
        "ULO5 Apply professional, ethical and documentation standards in acute mental health nursing.",
    ]))
    s.append(NextPageTemplate("Two"))
    s.append(PageBreak())

    # two-column page
    s.append(P("Unit at a glance", H2))
    s.append(P("MHN5203 is the second clinical unit of the course and runs alongside the first acute "
               "placement (160 hours). It assumes the assessment content of MHN5101 and prepares you for "
               "MHN5305 Recovery-Oriented Community Practice."))
    s.append(P("Relationship to the course", H3))
    s.append(P("The unit contributes to course learning outcomes 2 (legal and ethical practice), 4 "
               "(risk) and 6 (physical health). Its relationship to the placement is set out in the "
               "Clinical Placement Handbook."))
    s.append(P("Graduate attributes", H3))
    s.append(bl(["Critical thinking and clinical judgement", "Ethical and legal literacy",
                 "Interprofessional collaboration with emergency, police and ambulance services",
                 "Digital literacy (clinical information systems)"], SMALL))
    s.append(P("Lived experience in this unit", H3))
    s.append(P("Two sessions are co-delivered with educators from the Eastmere Consumer and Carer Alliance, "
               "an independent peer organisation. Their contribution is paid and acknowledged."))
    s.append(P("Learning resources", H3))
    s.append(P("Required: Arkwright-Nune, D., & Tupou-Baker, S. (2024). <i>Acute mental health nursing in "
               "Australia</i> (3rd ed.). Melbourne: Southgate Academic."))
    s.append(P("Recommended: Varga, H. (2023). <i>Psychotropic prescribing pocket handbook</i>. Sydney: Lowrie."))
    s.append(FrameBreak())
    s.append(P("How this unit is taught", H3))
    s.append(P("Each week has an online module (about 3 hours) with short quizzes, followed by a 90-minute "
               "live tutorial. Campus intensives use high-fidelity simulation with actors and manikins. "
               "Engagement with the online modules is tracked and counts toward the participation hurdle."))
    s.append(P("Placement link", H3))
    s.append(P("Placement hours are completed at Eastmere Health, Wattle Grove Mental Health Unit or "
               "Kingfisher Private Clinic. Clinical facilitators will sign off the acute-care skills "
               "checklist (observation levels, NEWS charting, Mental Health Act paperwork)."))
    s.append(P("Acknowledgement of Country", H3))
    s.append(P("Eastmere University acknowledges the Traditional Owners of the lands on which we teach, and "
               "the enduring relationship of First Nations peoples with these lands and waters.", SMALL))
    s.append(P("Special consideration", H3))
    s.append(P("Apply through the student portal no later than three business days after the due date. "
               "Late work without approved special consideration is penalised 5% per day.", SMALL))
    s.append(NextPageTemplate("One"))
    s.append(PageBreak())

    s.append(P("Weekly schedule", H2))
    s.append(ruled(["Wk", "Topics", "Learning activities", "Readings"], [
        ["1", ["The acute inpatient unit: admission pathways, bed flow and the nurse's role",
               "Interprofessional collaboration with ED, police and ambulance"],
         "Online module 1; tutorial: mapping an admission", "Text ch. 1\u20132"],
        ["2", ["Mental Health Act I: criteria for assessment orders", "Rights statements and nominated persons"],
         "Case law summaries; quiz 1", "Text ch. 3"],
        ["3", ["Mental Health Act II: treatment orders, second psychiatric opinions and tribunal hearings",
               "Campus intensive 1: mock tribunal"],
         "Simulation; tribunal report template", "Text ch. 4"],
        ["4", ["Structured risk assessment and structured professional judgement",
               "The relationship between static and dynamic risk factors"],
         "Risk tool comparison exercise", "Text ch. 6"],
        ["5", ["Suicide risk in acute settings: observation levels, safety plans and documentation",
               "Post-discharge risk period"],
         "Audit of de-identified observation charts", "Text ch. 7"],
        ["6", ["Physical health in acute care: NEWS, metabolic screening",
               "Lithium: therapeutic range, toxicity and monitoring"],
         "Online module 6; quiz 2", "Varga (2023) sec. 4"],
        ["7", ["Restrictive practices I: seclusion and restraint, legal authority and reporting",
               Q2,
               "Campus intensive 2: restraint simulation (observation role only)"],
         "Simulation debrief; incident report writing", "Text ch. 9"],
        ["8", ["Restrictive practices II: reduction frameworks, ward data and audit"],
         "Ward data exercise", "Text ch. 10"],
        ["9", ["Acute behavioural disturbance: rapid tranquillisation, therapeutic dose ranges and post-IM monitoring"],
         "Medication chart review", "Varga (2023) sec. 7"],
        ["10", ["Alcohol and other drugs in acute care: withdrawal scales and Wernicke prophylaxis"],
         "CIWA-style scoring practice", "Text ch. 12"],
        ["11", ["Professional standards: documentation, boundaries, dual relationships and social media",
                "Campus intensive 3: OSCE (physical health monitoring)"],
         "OSCE", "Nursing code of conduct (state board)"],
        ["12", ["Unit review; case-study clinic"], "Drop-in tutorial", "\u2013"],
    ], [1.0 * cm, 8.2 * cm, 4.6 * cm, fw - 13.8 * cm]))
    s.append(P("Assessment summary", H2))
    s.append(ruled(["Task", "Weight", "Due", "Description"], [
        ["1 Online quizzes", "10%", "Weeks 2, 6, 9", "Short-answer and MCQ on the Act, risk and physical health."],
        ["2 Case study", "50%", "Week 10", "3,000-word legal and risk analysis of a de-identified admission, with a physical-health monitoring plan."],
        ["3 OSCE", "40%", "Week 11", "Observed structured clinical examination: NEWS, lithium level interpretation, handover."],
        ["Hurdle", "S/U", "Week 12", "80% engagement with online modules."],
    ], [3.2 * cm, 1.6 * cm, 2.4 * cm, fw - 7.2 * cm]))
    s.append(Spacer(1, 6))
    s.append(P("Feedback on tasks 1 and 2 is released within 15 business days through the learning management system.", SMALL))
    s.append(KeepTogether([P("Case study marking rubric", H2), ruled(["Criterion (weight)", "HD (80\u2013100)", "D (70\u201379)", "C (60\u201369)", "P (50\u201359)", "N (&lt;50)"], [
        ["Legal analysis (30%)", "Accurate, critical application of the Act to each decision point", "Accurate application", "Mostly accurate", "Some errors", "Major errors"],
        ["Risk formulation (30%)", "Integrates static and dynamic factors into a coherent formulation", "Clear formulation", "Partial", "Listing of factors", "Absent"],
        ["Physical health plan (25%)", "Complete, evidence-based monitoring plan with thresholds for escalation", "Complete plan", "Minor gaps", "Major gaps", "Unsafe"],
        ["Writing and referencing (15%)", "APA 7th, fluent, precise", "Minor errors", "Some errors", "Many errors", "Unreferenced"],
    ], [3.4 * cm] + [(fw - 3.4 * cm) / 5] * 5)]))
    doc.build(s)
    ROWS.append({
        "file": name, "label": 1, "categories": "rupture_repair;alliance",
        "evidence": 'Weekly schedule, Wk 7, Topics cell, 2nd paragraph: "%s"' % Q2,
        "notes": ("SUBTLE positive, Australian Master of Mental Health Nursing acute-care/legal unit outline (PDF, 4 pages). The only qualifying passage "
                  "is the 2nd of three paragraphs in the Wk 7 'Topics' cell of the ruled schedule table on page 3 (wraps over 2 lines). "
                  "Everything else is non-counting: 'lithium levels within the therapeutic range', 'therapeutic dose ranges', 'The relationship between static and dynamic risk factors' (research-type relation), "
                  "'Relationship to the course', 'Interprofessional collaboration with ED, police and ambulance', 'Eastmere Consumer and Carer Alliance' (organisation), "
                  "'enduring relationship of First Nations peoples with these lands', 'Engagement with the online modules', 'dual relationships and social media' (ethics), "
                  "'Feedback on tasks 1 and 2'. Page 2 is a two-column page; running header/footer with page numbers."),
    })


# =================================================================== DOC 3 (DOCX, subtle positive: one rubric row)
Q3_CRIT = "Manner with the patient"
Q3_HIGH = "Conveys warmth and a non-judgemental attitude; reflects the patient's account back accurately enough that they feel understood"
Q3_MID = "Warm and respectful; most reflections accurate"


def doc3():
    name = f"{PFX}-calderbrook-pgdip__pdp204-psychopathology-assessment.docx"
    d = docx_base("Calderbrook Institute of Psychotherapy  \u00b7  PG Diploma in Psychodynamic Psychotherapy",
                  "PDP204 Module Handbook 2025\u201326  \u00b7  validated by the University of Wenlock (invented)")
    d.add_heading("PDP204 Psychopathology and Clinical Assessment", 0)
    d.add_paragraph("Year 2  |  30 credits, Level 7  |  Thursday evenings and four Saturday workshops").italic = True

    d.add_heading("Module aims", 1)
    d.add_paragraph(
        "The module gives trainees a working knowledge of the main forms of psychological disturbance seen in "
        "adult outpatient psychotherapy, from descriptive psychiatry and from psychoanalytic theory, and the "
        "ability to carry out and write up a full assessment, including risk, before a patient is offered "
        "once- or twice-weekly psychotherapy.")
    textbox(d, "Please note", [
        "This is not a clinical technique module. Transference, countertransference and the therapeutic "
        "relationship are taught in PDP201 Clinical Theory I and PDP210 Clinical Seminar, and are not covered "
        "or assessed in PDP204.",
    ], fill="FFF2CC")

    d.add_heading("Learning outcomes", 1)
    d.add_paragraph("By the end of the module trainees will be able to:")
    bullets(d, [
        "Describe the major diagnostic categories (ICD-11) and their psychoanalytic formulations.",
        "Carry out a structured mental-state examination and a risk assessment.",
        ("Write an assessment formulation that covers:", [
            "presenting problem and precipitants;",
            "developmental history, including early attachment and loss;",
            "defensive organisation and level of personality functioning;",
            "risk, and suitability for psychodynamic psychotherapy.",
        ]),
        "Critically evaluate research on the relationship between childhood adversity and adult personality difficulties.",
        "Outline the basics of psychotropic medication that patients in psychotherapy may be taking.",
    ])

    d.add_heading("Seminar programme", 1)
    grid(d, ["Date", "Seminar topics", "Clinical reading"], [
        ["2 Oct", ["Descriptive psychopathology and the mental-state examination",
                   "Psychiatric vs psychoanalytic diagnosis"], "Fennimore (2017) ch. 1\u20132"],
        ["9 Oct", ["Depression and mourning", "Bipolar disorder; lithium and its therapeutic range"], "Fennimore ch. 5"],
        ["16 Oct", ["Anxiety, phobia and obsessional states", "Defences against anxiety"], "Aldous-Kerr (2014)"],
        ["23 Oct", ["Psychosis: phenomenology and the psychotic part of the personality",
                    "Antipsychotics: dose, side-effects and what patients report"], "Fennimore ch. 8"],
        ["6 Nov", ["Personality disorder I: borderline organisation",
                   "Empathy deficits and callousness in antisocial personality (research review)"], "Pellow (2020)"],
        ["13 Nov", ["Personality disorder II: narcissistic organisation"], "Pellow (2020)"],
        ["20 Nov", ["Trauma and dissociation", "Disorganised attachment in infancy as a developmental pathway"], "Ruthven (2019)"],
        ["27 Nov", ["Eating disorders", "Self-harm and the body"], "Aldous-Kerr (2014) ch. 6"],
        ["Sat 29 Nov", ["Workshop: risk assessment and safety", "Working with the GP, CMHT and the local NHS Foundation Trust"], "Trust risk policy (extract)"],
        ["4 Dec", ["Substance misuse and addiction"], "Fennimore ch. 11"],
        ["11 Dec", ["Writing the assessment formulation", "Presenting to the assessment panel"], "Sample formulations (VLE)"],
        ["Sat 17 Jan", ["Workshop: recorded assessment interviews (assessment 1)"], "\u2013"],
    ], widths=[2.2, 9.4, 5.0])
    d.add_paragraph()

    d.add_heading("Assessment", 1)
    d.add_paragraph("Assessment 1 (50%): a recorded 50-minute assessment interview with a simulated patient "
                    "(trained actor), followed by a 1,000-word commentary on the mental-state and risk findings.")
    d.add_paragraph("Assessment 2 (50%): a 4,000-word written assessment formulation of a training patient, "
                    "anonymised according to the Institute's confidentiality policy.")
    d.add_heading("Assessment 1 marking rubric", 2)
    grid(d, ["Criterion", "Distinction (70+)", "Merit (60\u201369)", "Pass (50\u201359)", "Fail (<50)"], [
        ["History-taking", "Systematic, covers all domains including forensic and substance history", "Covers most domains", "Key gaps", "Disorganised"],
        ["Mental-state examination", "Accurate and complete; findings linked to diagnosis", "Accurate, minor omissions", "Partial", "Inaccurate"],
        ["Risk assessment", "Asks directly about suicide, self-harm and harm to others; plan proportionate", "Risk covered", "Risk partly covered", "Risk not assessed"],
        [Q3_CRIT, Q3_HIGH, Q3_MID, "Polite but detached; reflections rare", "Dismissive or judgemental"],
        ["Commentary", "Critical, well referenced, links findings to theory", "Clear and referenced", "Descriptive", "Unreferenced"],
    ], widths=[3.0, 4.6, 3.2, 3.0, 2.8])
    d.add_paragraph()

    d.add_heading("Practical matters", 1)
    bullets(d, [
        "Written feedback on both assessments is provided within 20 working days; tutors will give feedback on one formulation draft.",
        "Simulated-patient actors are Institute staff; trainees must not contact them outside the workshop (no dual relationships).",
        "Attendance below 80% at seminars will be referred to the Progress Committee.",
        "Recordings are stored on the encrypted drive and deleted after the exam board.",
    ])
    d.add_heading("Reading (invented)", 1)
    for ref in [
        "Aldous-Kerr, J. (2014). Anxiety and its defences. London: Marlow House.",
        "Fennimore, R. (2017). Clinical psychopathology for psychotherapists. Oxford: Tamsin.",
        "Pellow, A. (2020). Personality disorder: a psychoanalytic and research review. London: Marlow House.",
        "Ruthven, C. (2019). Trauma, dissociation and development. Edinburgh: Calder.",
    ]:
        d.add_paragraph(ref, style="List Bullet")
    d.save(os.path.join(OUT, name))
    ROWS.append({
        "file": name, "label": 1, "categories": "positive_regard;empathy",
        "evidence": ('Assessment 1 rubric, row "%s", Distinction cell: "%s"; same row, Merit cell: "%s"' % (Q3_CRIT, Q3_HIGH, Q3_MID)),
        "notes": ("SUBTLE positive, UK psychodynamic psychotherapy PG Diploma psychopathology/assessment module (DOCX, ~3 pages). The only qualifying passage is one row of the "
                  "Assessment 1 rubric grid (row 4 '%s'; Distinction and Merit cells; the Pass/Fail cells 'Polite but detached; reflections rare' / 'Dismissive or judgemental' are the graded low end). "
                  "Traps: shaded single-cell box 'Transference, countertransference and the therapeutic relationship are taught in PDP201 ... and are not covered or assessed in PDP204' (negated/out-of-scope, no evidence), "
                  "'lithium and its therapeutic range', 'Empathy deficits and callousness in antisocial personality (research review)', 'Disorganised attachment in infancy', "
                  "'early attachment and loss', 'relationship between childhood adversity and adult personality difficulties', 'NHS Foundation Trust', 'no dual relationships', "
                  "'Written feedback ... within 20 working days', 'Attendance'. Unsure: a strict reader could argue the rubric row assesses manner in a diagnostic interview rather than "
                  "psychotherapy, but warmth/non-judgement and accurate reflection toward the patient are positive_regard/empathy by the guide." % Q3_CRIT),
    })


# =================================================================== DOC 4 (PDF, negative: psychopharmacology for MHN)
def doc4():
    name = f"{PFX}-yarrabend-gdmhn__nmh6104-psychopharmacology.pdf"
    doc, fw = pdf_doc(os.path.join(OUT, name), "Yarrabend University \u2013 Faculty of Health",
                      "NMH6104 Unit Guide 2025", "Graduate Diploma of Mental Health Nursing  |  Unit guide v2.0")
    s = []
    s.append(P("NMH6104 Psychopharmacology and Physical Health", H1))
    s.append(P("Graduate Diploma of Mental Health Nursing  \u00b7  10 credit points  \u00b7  Semester 1, 2025  \u00b7  Online with two clinical skills days", SMALL))
    s.append(Spacer(1, 6))
    s.append(ruled(["Role", "Name"], [
        ["Unit chair", "Dr Priya Lanigan-Osei, NP (Mental Health)"],
        ["Pharmacist educator", "Toby Kwan-Ferris, BPharm, credentialled mental health pharmacist"],
        ["Enrolment rule", "Registered nurses with current registration and a mental health clinical placement"],
    ], [4.0 * cm, fw - 4.0 * cm]))
    s.append(P("Rationale", H2))
    s.append(P("Mental health nurses administer and monitor psychotropic medicines every day, and people living "
               "with serious mental illness die on average 15 to 20 years earlier than the general population, "
               "largely from preventable physical illness. This unit builds the pharmacological knowledge and "
               "physical-health monitoring skills that safe practice requires. It does not cover "
               "nurse prescribing, which is part of the Master of Nurse Practitioner."))
    s.append(P("Learning outcomes", H2))
    s.append(bl([
        "LO1 Explain receptor pharmacology and the dose\u2013response relationship for the main psychotropic classes.",
        "LO2 Interpret plasma levels and apply therapeutic drug monitoring for lithium, clozapine and valproate.",
        "LO3 Recognise and respond to serious adverse effects (NMS, serotonin toxicity, agranulocytosis, myocarditis).",
        "LO4 Implement metabolic and cardiovascular monitoring according to national guidelines.",
        "LO5 Explain the regulatory framework for therapeutic goods, off-label use and the PBS-style subsidy schedule.",
    ]))
    s.append(P("Weekly schedule", H2))
    s.append(ruled(["Module", "Content", "Online activities", "Skills / assessment"], [
        ["1", ["Principles: pharmacokinetics, pharmacodynamics", "Receptor binding and the dose\u2013response relationship"],
         "Warm-up quiz (ungraded); animation on receptor occupancy", "\u2013"],
        ["2", ["Antidepressants: SSRIs, SNRIs, TCAs, MAOIs", "Serotonin toxicity: recognition and escalation"],
         "Case vignette; discussion board", "Quiz 1"],
        ["3", ["Antipsychotics I: D2 occupancy and extrapyramidal effects",
               "The relationship between receptor occupancy and prolactin elevation"],
         "Occupancy curve exercise", "\u2013"],
        ["4", ["Antipsychotics II: clozapine", "Neutrophil monitoring, myocarditis protocol, titration"],
         "Clozapine monitoring flowchart", "Quiz 2"],
        ["5", ["Mood stabilisers: lithium", "Therapeutic range, toxicity and drug interactions", "Renal and thyroid monitoring"],
         "Plasma level calculation set", "Clinical skills day 1"],
        ["6", ["Anxiolytics and hypnotics; benzodiazepine dependence and tapering"], "Taper schedule task", "\u2013"],
        ["7", ["Long-acting injectables: pharmacokinetics, sites and technique"], "Video demonstrations", "Clinical skills day 2 (injection technique)"],
        ["8", ["Metabolic syndrome: weight, waist, BP, glucose, lipids", "Cardiometabolic monitoring forms"],
         "Monitoring audit task", "Medication case report due"],
        ["9", ["Medicines in pregnancy, older adults and young people"], "Dosing comparisons", "Quiz 3"],
        ["10", ["Regulation of therapeutic goods; off-label use; medication safety and incident reporting"],
         "Guest webinar: Lived Experience Medicines Alliance (consumer advocacy organisation)", "\u2013"],
        ["11", ["Interprofessional collaboration with pharmacists and prescribers; medication reconciliation"],
         "Reconciliation exercise", "\u2013"],
        ["12", ["Revision"], "Practice exam", "Final exam (exam period)"],
    ], [1.4 * cm, 7.0 * cm, 4.6 * cm, fw - 13.0 * cm]))
    s.append(P("Assessment", H2))
    s.append(ruled(["Task", "Weight", "Details"], [
        ["Quizzes (3)", "15%", "Online, 20 minutes each. Feedback released automatically after the quiz closes."],
        ["Medication case report", "40%", "2,500 words. Analyse the medication regimen and monitoring plan of a de-identified patient, with reference to plasma levels, adverse-effect screening and metabolic monitoring."],
        ["Final exam", "45%", "Two hours, invigilated online. Short answer and calculations. Hurdle: 50% required."],
        ["Clinical skills days", "Hurdle", "Attendance at both days and a satisfactory injection-technique check."],
    ], [3.6 * cm, 1.8 * cm, fw - 5.4 * cm]))
    s.append(P("Medication case report rubric", H2))
    s.append(ruled(["Criterion", "High Distinction", "Distinction", "Credit", "Pass", "Fail"], [
        ["Pharmacology (30%)", "Explains mechanisms and the relationship between dose, plasma level and effect with precision",
         "Accurate explanation", "Mostly accurate", "Basic", "Inaccurate"],
        ["Monitoring plan (35%)", "Plan keeps levels within the therapeutic range and sets clear escalation thresholds",
         "Complete plan", "Minor gaps", "Major gaps", "Unsafe or absent"],
        ["Adverse effects (20%)", "Identifies all serious risks and the monitoring for each", "Most risks", "Some risks", "Few", "None"],
        ["Presentation (15%)", "Fluent, APA 7th, evidence current", "Minor errors", "Some errors", "Many errors", "Unreferenced"],
    ], [3.2 * cm] + [(fw - 3.2 * cm) / 5] * 5))
    s.append(P("Policies", H2))
    s.append(bl([
        "Extensions must be requested before the due date; late work is not accepted after 7 days.",
        "Feedback on the case report is returned within 15 working days.",
        "Engagement with the weekly online modules is monitored; contact your unit chair if you fall behind.",
        "Academic integrity: all calculations must be your own work.",
    ], SMALL))
    doc.build(s)
    ROWS.append({
        "file": name, "label": 0, "categories": "", "evidence": "",
        "notes": ("NEGATIVE, Australian Graduate Diploma of Mental Health Nursing psychopharmacology unit guide (PDF, 2 pages). Only non-counting senses, several inside table cells: "
                  "'dose\u2013response relationship' (LO1; schedule Module 1 cell), 'The relationship between receptor occupancy and prolactin elevation' (schedule Module 3 cell), "
                  "'therapeutic drug monitoring' (LO2), 'Therapeutic range, toxicity and drug interactions' (Module 5 cell), 'regulatory framework for therapeutic goods' / 'Regulation of therapeutic goods' (LO5, Module 10), "
                  "'Receptor binding', 'Warm-up quiz', 'Lived Experience Medicines Alliance (consumer advocacy organisation)' (Module 10 cell), "
                  "'Interprofessional collaboration with pharmacists and prescribers' (Module 11), rubric 'relationship between dose, plasma level and effect' and 'within the therapeutic range', "
                  "'Feedback released automatically', 'Feedback on the case report', 'late work is not accepted', 'Engagement with the weekly online modules'. "
                  "No shared decision-making, consumer communication or adherence-conversation content on purpose."),
    })


# =================================================================== DOC 5 (PDF, negative: UK SW human growth & development, two-column)
def doc5():
    name = f"{PFX}-ashcombe-basw__swk5104-human-growth-development.pdf"
    doc, fw = pdf_doc(os.path.join(OUT, name), "Ashcombe University \u2013 Department of Social Work",
                      "SWK5104 Module Guide 2025/26", "BA (Hons) Social Work  |  Level 5  |  20 credits", title_h=4.7 * cm)
    s = []
    s.append(P("SWK5104 Human Growth, Development and the Life Course", H1))
    s.append(P("BA (Hons) Social Work, Year 2  \u00b7  Semester 1, 2025/26  \u00b7  Module leader: Dr Caitriona Holloway-Mbeki", SMALL))
    s.append(Spacer(1, 4))
    s.append(ruled(["Module summary"], [[[
        "This module introduces the psychological and sociological theories of human development across the life course that social "
        "workers draw on when they assess children, adults and families. It is a knowledge module: it does not teach interviewing "
        "or intervention skills.",
        "Relationship-based practice and communication skills are taught in SWK5102 and are not assessed here.",
    ]]], [fw]))
    s.append(FrameBreak())
    s.append(P("Learning outcomes", H2))
    s.append(bl([
        "Describe major theories of development (psychodynamic, attachment, cognitive, ecological, life-course).",
        "Critically evaluate evidence on the relationship between poverty, adversity and developmental outcomes.",
        "Apply developmental knowledge to written assessments of children and adults in case studies.",
        "Analyse how class, race, gender, disability and sexuality shape life-course transitions.",
    ], SMALL))
    s.append(P("Relationship to other modules", H3))
    s.append(P("SWK5104 builds on SWK4103 Social Science for Social Work and is a prerequisite for SWK6105 "
               "Safeguarding Children and SWK6107 Adults at Risk.", SMALL))
    s.append(P("Teaching pattern", H3))
    s.append(P("One 1-hour lecture and one 2-hour seminar per week (weeks 1\u201312), plus the child observation "
               "exercise. Seminar groups are fixed for the semester.", SMALL))
    s.append(P("Child observation exercise", H3))
    s.append(P("With written parental consent, students complete six one-hour observations of a child under five "
               "in a nursery or family setting and write a 1,500-word account of the child's development using "
               "the theories taught. The observation is arranged through the placement team and is not a "
               "social work intervention.", SMALL))
    s.append(P("Key theorists covered", H3))
    s.append(bl(["Bowlby and Ainsworth (attachment)", "Erikson (psychosocial stages)", "Piaget and Vygotsky",
                 "Bronfenbrenner (ecological systems)", "Elder (life-course theory)"], SMALL))
    s.append(FrameBreak())
    s.append(P("Professional standards", H3))
    s.append(P("The module maps to PCF domain 5 Knowledge and to Social Work England professional standard 4 "
               "(maintaining and developing knowledge). It does not map to the Intervention and Skills domain.", SMALL))
    s.append(P("Ethics of observation and research", H3))
    s.append(P("Observers must avoid dual relationships with the observed family (for example, babysitting or "
               "social contact) and must store notes securely. The mini-project interviews in week 9 are "
               "research interviews: build rapport with participants, obtain consent and follow the "
               "department's research ethics procedure.", SMALL))
    s.append(P("Placement context", H3))
    s.append(P("Year 2 placements are hosted by Ashcombe County Council, Marlbridge Community Health NHS "
               "Foundation Trust and voluntary-sector partners. Placement learning is assessed in SWK5190.", SMALL))
    s.append(P("Support", H3))
    s.append(P("Personal academic tutors meet you twice per semester. Feedback on the draft assignment plan is "
               "given in the week 6 seminar; feedback on submitted work is returned within 20 working days.", SMALL))
    s.append(P("Core texts (invented)", H3))
    s.append(P("Holloway-Mbeki, C. (2022). <i>The life course in social work</i>. Manchester: Irwell Press.<br/>"
               "Dunleavy, T., & Shah, R. (2019). <i>Attachment across the lifespan</i>. London: Stoneyard.<br/>"
               "Marchetti, L. (2021). <i>Adolescence and peer worlds</i>. Bristol: Carrow.", SMALL))
    s.append(NextPageTemplate("One"))
    s.append(PageBreak())

    s.append(P("Weekly programme", H2))
    s.append(ruled(["Wk", "Lecture", "Seminar", "Reading"], [
        ["1", ["Why development matters in social work assessment", "Nature, nurture and the life course"],
         "Mapping a life-course timeline", "Holloway-Mbeki ch. 1"],
        ["2", ["Attachment theory I: Bowlby, the secure base and mother\u2013infant bonding"],
         "Strange Situation film and classification", "Dunleavy & Shah ch. 2"],
        ["3", ["Attachment theory II: attachment relationships in the first year and disorganisation",
               "Critiques: culture and attachment"],
         "Cross-cultural attachment research", "Dunleavy & Shah ch. 3"],
        ["4", ["Early childhood: language, play and the development of empathy in early childhood"],
         "Observation write-up clinic", "Holloway-Mbeki ch. 4"],
        ["5", ["Middle childhood: school, peer relationships and friendship networks"],
         "Bullying research", "Marchetti ch. 2"],
        ["6", ["Adolescence: identity, risk-taking and the adolescent brain", "Mirror neurons and the neuroscience of empathy (critical review)"],
         "Assignment planning; draft plan feedback", "Marchetti ch. 5"],
        ["7", ["Reading week"], "\u2013", "\u2013"],
        ["8", ["Adulthood: intimate partnerships, attachment styles in adult romantic relationships",
               "How couples repair conflict after arguments (Gottman research)"],
         "Relationship satisfaction scales: what do they measure?", "Dunleavy & Shah ch. 7"],
        ["9", ["Parenthood and family transitions", "Family systems: alliances, coalitions and boundaries on the genogram"],
         "Mini-project: research interviews with volunteer parents (rapport with participants, consent)", "Holloway-Mbeki ch. 8"],
        ["10", ["Later life: ageing, loss and bereavement", "Social networks and loneliness"],
         "Correlational studies of loneliness and health", "Holloway-Mbeki ch. 10"],
        ["11", ["Disability and the life course", "Intersectionality and transitions"],
         "Case study workshop", "Holloway-Mbeki ch. 11"],
        ["12", ["Review; assignment surgery"], "\u2013", "\u2013"],
    ], [1.0 * cm, 7.6 * cm, 5.0 * cm, fw - 13.6 * cm]))
    s.append(P("Assessment", H2))
    s.append(ruled(["Component", "Weight", "Due", "Marking focus"], [
        ["Child observation account (1,500 words)", "40%", "Week 8", "Accurate description of development; use of theory; ethical conduct of the observation"],
        ["Case study essay (2,500 words)", "60%", "Week 13", "Applies life-course theory and evidence on the relationship between adversity and outcomes to a given case"],
    ], [5.0 * cm, 1.8 * cm, 2.0 * cm, fw - 8.8 * cm]))
    doc.build(s)
    ROWS.append({
        "file": name, "label": 0, "categories": "", "evidence": "",
        "notes": ("NEGATIVE, UK BA Social Work human growth and development module guide (PDF, 2 pages; page 1 has a single-cell boxed summary table and a two-column layout, page 2 the ruled programme table). "
                  "Non-counting senses only: boxed summary 'Relationship-based practice and communication skills are taught in SWK5102 and are not assessed here' (negated/out-of-scope), "
                  "'does not teach interviewing or intervention skills', 'relationship between poverty, adversity and developmental outcomes' (research relation; also assessment table), "
                  "'Relationship to other modules', schedule cells: 'mother\u2013infant bonding', 'attachment relationships in the first year', 'development of empathy in early childhood', "
                  "'peer relationships and friendship networks', 'Mirror neurons and the neuroscience of empathy', 'attachment styles in adult romantic relationships', "
                  "'How couples repair conflict after arguments (Gottman research)', 'Relationship satisfaction scales', 'alliances, coalitions and boundaries on the genogram', "
                  "'research interviews with volunteer parents (rapport with participants, consent)', 'Correlational studies'; body: 'avoid dual relationships with the observed family', "
                  "'build rapport with participants' (research), 'NHS Foundation Trust', 'feedback on submitted work'. Child observation is framed as not a social work intervention."),
    })


if __name__ == "__main__":
    doc1(); doc2(); doc3(); doc4(); doc5()
    with open(os.path.join(OUT, "labels-s02.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["file", "label", "categories", "evidence", "notes"])
        w.writeheader()
        for r in ROWS:
            w.writerow(r)
    print("wrote", len(ROWS))
