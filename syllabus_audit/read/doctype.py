"""Document type inference: syllabus, program_description, competency_list or other.

Folder names win outright (``folder: "syllabi"``), and a manifest's
``doc_type`` overrides everything (reason ``manifest``, set by the pipeline).
Otherwise the file name and the document's content are *weighed*: each cue
below adds its weight to one type, and the type with the highest total wins
when it reaches ``MIN_SCORE``. A strong name cue ("syllabus", "competencies",
a course code, "email") decides alone, without reading the content; a weak
one ("program" in a file name) is weighed with the content and outweighed by
clear evidence (a weekly schedule, assessment weights, an instructor). ``doc_type_reason`` says which cues decided, e.g.
``filename: "core competencies"`` or
``content: course code, weekly schedule, assessment weights``.

Only ``type_evidence(blocks)`` is read (the first ``WINDOW_BLOCKS`` blocks,
each cut to ``BLOCK_CHARS``), so the cost per document is bounded and the
result cache can store exactly what the type was inferred from.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from pathlib import PurePosixPath

from ..text.course_codes import is_code_prefix
from ..types import HEADING, Block
from .needles import may_match, needles

# ---------------------------------------------------------------------------
# Rules as data. Weights are points for one type; the best total wins.
# ---------------------------------------------------------------------------

WINDOW_BLOCKS = 120  # blocks read from the start of a document
BLOCK_CHARS = 300  # characters read from each of them
MIN_SCORE = 3.0  # the least total that gives a type (below it: "other")
STRONG, WEAK = 4.0, 1.5  # name cues
GENRE = STRONG  # a file name saying it is an e-mail, minutes, a form…: not a source
DECISIVE = 3.5  # a name cue this strong decides without reading the content
TOP_BLOCKS = 8  # "near the top" (a course code), where a message's greeting is
TITLE_BLOCKS = 3  # the title area: an institution line often comes before the title

# Name cues (folder and file names; "-", "_" and "." read as spaces), most
# specific first; the first that matches a name is its cue.
_NAME_RULES: tuple[tuple[str, float, str], ...] = (
    ("competency_list", STRONG, r"\b(core |profession wide |key |graduate |training |clinical )?competenc(y|ies|e|es)\b"),
    ("competency_list", STRONG, r"\bgraduate (attributes|capabilities|outcomes)\b"),
    ("competency_list", STRONG, r"\b(program|programme|degree|graduate) (learning )?outcomes\b"),
    ("competency_list", STRONG, r"\b(standards of proficiency|proficiencies|capabilit(y|ies) framework|practice standards|benchmarks)\b"),
    ("competency_list", STRONG, r"\b(kompetencij[a-z]*|standard (kvalifikacije|zanimanja)|popis (vještina|kompetencija))\b"),
    ("competency_list", 3.0, r"\bstandards\b"),
    ("syllabus", STRONG, r"\b(syllabus|syllabi|unit outline|course outline|subject outline|module (descriptor|outline|handbook entry)|unit guide|course guide|course profile|module description|course description and schedule|izvedbeni plan|opis (kolegija|predmeta)|silabus)\b"),
    ("competency_list", STRONG, r"\blearning outcomes\b"),
    ("program_description", STRONG, r"\b(about (the|this|our) (program|programme|course|degree)|program(me)? (overview|description|structure|information|handbook|guide|aims|details)|course overview|degree overview|plans? of study|why study)\b"),
    ("other", GENRE, r"\b(e ?mails?|messages?|announcements?|newsletters?|minutes|memos?|flyers?|certificates?|invitations?|reminders?|agendas?|open house|forms?)\b"),
    # A chapter or section of a handbook or manual is a part of one, not the program's description.
    ("other", GENRE, r"\b(handbook|manual) (ch|chapter|section|sec|part|s) ?\d+\b"),
    ("program_description", WEAK, r"\b(admissions?|program(me)?s?)\b"),
    ("program_description", WEAK, r"\b(master of|bachelor of|doctor of|graduate diploma|phd|psyd|msw|mse?d?|overview|handbook|about)\b"),
    ("syllabus", 3.0, r"\b(course schedule|weekly schedule|class schedule|week 1|required texts?|assessment (tasks|schedule)|course objectives|course description)\b"),
)
# A file named only "(program) learning outcomes" keeps that whole name in its reason.
_OUTCOMES_FILE = re.compile(r"\s*((program|programme|course|graduate|intended) )?learning outcomes\s*")
# A course code in a file name ("coun551", "PSYC-412", "sowk459w").
_NAME_CODE = re.compile(r"(?<![a-z])([a-z]{2,5})[ _-]?(\d{3,4})[a-z]?(?![0-9])")
_NOT_CODES = {"page", "file", "doc", "scan", "copy", "draft", "final", "version", "v", "rev"}
NAME_CODE_WEIGHT = 3.5

# Title and heading cues: (type, pattern, weight as the title, weight as a later heading).
_HEADING_RULES: tuple[tuple[str, str, float, float], ...] = (
    ("syllabus", r"\b(syllabus|syllabi|unit outline|course outline|subject outline|module (descriptor|outline)|unit guide|course guide|course profile|modulbeschreibung|kursplan|izvedbeni (nastavni )?plan|opis (kolegija|predmeta)|silabus)\b|シラバス|講義概要|授業概要", 3.0, 3.0),
    ("competency_list", r"\b(competenc(y|ies)|graduate (attributes|capabilities)|standards of (proficiency|practice)|practice standards|capabilit(y|ies) framework|(program|programme|degree|graduate) (learning )?(outcomes|goals)|kompetenzen|kompetencije|popis kompetencija|standard (kvalifikacije|zanimanja))\b", 3.0, 1.0),
    ("competency_list", r"^\W*((program|programme|intended|graduate|expected) )?learning (outcomes|goals)\b", 3.0, 0.0),
    ("program_description", r"\b(about (the|this|our) (program|programme|degree)|program(me)? (overview|description|structure|handbook|aims)|degree (overview|requirements|structure)|admissions|admission (requirements|criteria|process)|^\W*admissions?\W*$|entry requirements|plans? of study|why study|careers|utbildningsplan|studiengang|studijski program|opis (studijskog )?programa|uvjeti upisa)\b", 3.0, 1.5),
    ("program_description", r"\b(master of|bachelor of|doctor of|graduate diploma|graduate certificate|phd|psyd)\b", 1.5, 0.0),
    ("other", r"\b(minutes|agenda|newsletter|announcement|memorandum)\b", 3.0, 0.0),
)

# Cues searched in the whole window (lower-cased, one block per line):
# (type, label, pattern, weight, least number of matching lines).
_TEXT_CUES: tuple[tuple[str, str, str, float, int], ...] = (
    ("syllabus", "instructor", r"\b(instructor|lecturer|professor|teaching assistant|tutor|office hours?|(unit|module|course|subject|block) (lead|leader|coordinator|convenor|chair|organi[sz]er)|dozent(in)?|kursansvarig|examinator|(nositelj|voditelj)(ica)? (kolegija|predmeta|modula)|izvo[đd]a[čc](i)? (nastave|kolegija))\b|担当教員|オフィスアワー", 2.0, 1),
    ("syllabus", "learning objectives", r"\b(course|unit|module|subject|class|learning|student|seminar) (objectives|outcomes|goals|aims)\b|\bstudents will be able to\b|\b(up)?on (successful )?completion of (this|the) (course|unit|module|class|subject)\b|\blernziele\b|\bqualifikationsziele\b|\blärandemål\b|\bförväntade studieresultat\b|\bishodi u[čc]enja\b|\b(student(i)?|polaznik(ci)?) [ćc]e (nakon \w+ )?(mo[ćc]i|biti sposoban|biti sposobni)\b|到達目標|学修目標", 1.0, 1),
    ("syllabus", "weekly schedule", r"\b(week|wk)\.?\s*#?\d{1,2}\b|\btimetable\b|\b(session|class|lecture|seminar|meeting|module) #?\d{1,2}\s*[:.\-–]|\b(course|class|weekly|tentative|session) (schedule|calendar|outline|plan)\b|\bschedule of (topics|classes|readings|sessions)\b|\bvecka \d|\bwoche \d|\bsitzung \d|\btjedan \d|\b\d{1,2}\. tjedan\b|第\s?\d{1,2}\s?回", 2.0, 2),
    ("syllabus", "dated sessions", r"\b(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.? \d{1,2}\b|\b\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\b|\b\d{1,2}/\d{1,2}(/\d{2,4})?\b", 1.0, 4),
    ("syllabus", "assessment weights", r"\b\d{1,3}(\.\d)? ?%|\b\d{1,4} (points|pts|marks)\b", 2.0, 2),
    ("syllabus", "grading", r"\b(grading|grade scale|grading scale|final grades?|letter grade|assessment (tasks?|items?|summary|schedule)|assignments?|mid-?term|final exam(ination)?|quiz(zes)?|modulprüfung|prüfungsform|betygsättning|betygskriterier|examination|ocjenjivanje|kolokvij|završni ispit|pismeni ispit|usmeni ispit)\b|成績評価|評価方法", 1.0, 2),
    ("syllabus", "required texts", r"\b(required|recommended|course|core|essential|prescribed|set) (texts?|textbooks?|readings?|materials?|literature)\b|\btextbooks?\b|\breading list\b|\bpflichtliteratur\b|\bkurslitteratur\b|\b(obvezna|dopunska|preporučena) literatura\b|教科書|参考書", 1.5, 1),
    ("syllabus", "course policies", r"\b(academic (integrity|honesty|misconduct)|plagiarism|attendance|late (work|assignments?|submissions?|penalt(y|ies))|disability (services|resources|support)|accommodations?|title ix)\b", 1.0, 2),
    ("syllabus", '"this course"', r"\b(this|the) (course|unit|module|class|seminar|subject)\b|\bdiese[rsmn]? (lehrveranstaltung|seminar|modul)\b|\bkursen\b|\b(ovaj|ovog|ovom|ovim) (kolegij|kolegija|kolegiju|kolegijem|predmet|predmeta|predmetu|modul|modula|modulu)\b", 1.0, 3),
    ("syllabus", "module descriptor fields", r"\b(workload|contact hours|self[- ]study|teaching (and learning )?methods|mode of (delivery|assessment)|module (assessment|leader|coordinator)|ects|credit points|arbeitsaufwand|leistungspunkte|lehr- und lernformen|präsenzzeit|selbststudium|häufigkeit des angebots|dauer des moduls|modulprüfung|modulverantwortlich|undervisningsformer|undervisning och examination|ects bodovi|oblici nastave|opterećenje studenta|status (kolegija|predmeta)|način provjere znanja|naziv (kolegija|predmeta)|[šs]ifra (kolegija|predmeta)|(nositelj|voditelj)(ica)? (kolegija|predmeta|modula))\b|単位数|開講(期|時期|学期)|授業形態|履修条件", 2.0, 2),
    ("competency_list", "program-level outcomes", r"\bgraduates (of the (program|programme|degree|course) )?(will|should|must) (be able to|demonstrate)\b|\b(up)?on (successful )?completion of the (program|programme|degree)\b|\bby the end of the (program|programme|degree)\b", 2.0, 1),
    ("program_description", "admission", r"\badmissions\b|\badmission (requirements|criteria|process|to the (program|programme|degree))\b|\badmitted to the (program|programme|degree)\b|\bentry requirements\b|\bapplications? (deadline|process|requirements|materials|close|open)\b|\bhow to apply\b|\bapply (now|online|by)\b|\bzulassungsvoraussetzungen\b|\bbehörighet\b|\buvjeti (upisa|za upis)\b|\bupis (na|u) (studij|program|edukaciju)\b|入学者選抜|アドミッション・?ポリシー", 2.0, 1),
    ("program_description", "degree requirements", r"\b(degree|graduation|program(me)?|curriculum) requirements\b|\bplans? of study\b|\brequired courses\b|\belective (courses|modules|units)\b|\bcore courses\b|\b([3-9]\d|[1-3]\d\d)[ -](semester |quarter )?(credits?|credit hours|credit points|units of credit|ects)\b", 2.0, 1),
    ("program_description", "careers", r"\bcareers\b|\bcareer (opportunities|paths?|prospects|outcomes|options)\b|\beligible (for|to apply for) (licensure|registration|certification)\b|\bemployment (opportunities|prospects|settings)\b|\bgraduates (go on|work in|find|have gone)\b|\bjob (opportunities|prospects|titles)\b|\bberufsfeld", 1.5, 1),
    ("program_description", '"the program prepares"', r"\b(the|this|our) (program|programme|degree|course of study)( \w+){0,2} (prepares|is designed|trains|aims|equips|offers|provides)\b|\bprepares (students|graduates|you)\b|\bprogrammet\b", 2.0, 1),
    ("program_description", '"the program"', r"\b(the|this|our) (program|programme|degree)\b|\bstudiengang\b|\butbildningen\b|\bstudijsk(i|og|om) program(a|u)?\b|\b(ovaj|ovog|ovom) program(a|u)?\b|カリキュラム・?ポリシー|ディプロマ・?ポリシー|養成課程|本課程", 1.0, 3),
    ("program_description", "fees and funding", r"\b(tuition|fees|funding|scholarships?|financial aid|assistantships?)\b", 1.0, 1),
    ("program_description", "program structure", r"\b(year|stage|level) (1|one|2|two|3|three)\b|\b(full|part)[- ]time\b|\bduration\b", 1.0, 2),
)

# A numbered competency or standard statement at the start of a block:
# "1.2 The student…", "Competency 3:", "Standard II.B", "2.F.5.a", "A3.".
_NUMBERED = re.compile(
    r"^\s*(\(?(\d{1,2}\.\d{1,2}(\.\w{1,2}){0,3})\)?|[a-z]\.\d{1,2}(\.\d{1,2})?|(competency|competence|standard|domain|element|outcome|indicator|kompetenz)\s+[ivx\d]+(\.[a-z\d]+)*)[\s:.)–-]",
    re.I)
_STATEMENT_VERBS = re.compile(
    r"\b(demonstrates?|is able to|are able to|will be able to|can|applies|apply|understands?|knows|"
    r"uses?|engages?|establish(es)?|maintains?|recogni[sz]es?|integrates?|evaluates?|identif(y|ies)|"
    r"describes?|explains?|analy[sz]es?|selects?|communicates?|knowledge of|ability to|skills? (in|to))\b", re.I)
# An unnumbered statement about what a graduate (not "students" in a course) can do.
_GRADUATE_SUBJECT = re.compile(
    r"^\W{0,3}((the |each |all |every )?(graduates?|candidates?|trainees?|practitioners?|counsell?ors?|"
    r"psychologists?|social workers?|therapists?|nurses?)|the (student|learner))\b", re.I)
# Verbs that open competency statements in the third person ("Demonstrates…", "B3 Shares…").
_VERBS_3RD = (
    "knows|understands|demonstrates|applies|uses|identifies|describes|explains|analy[sz]es|evaluates|"
    "integrates|recogni[sz]es|establishes|maintains|engages|communicates|advocates|designs|provides|selects|"
    "develops|conducts|practi[sc]es|articulates|collaborates|implements|consults|seeks|adheres|promotes|"
    "exhibits|displays|manages|plans|assesses|interprets|respects|reflects|critiques|formulates|utili[sz]es|"
    "employs|carries|shares|structures|asks|adapts|delivers|keeps|follows|obtains|reaches|screens|notices|"
    "complies|works|thinks|reviews|supports|contributes|monitors|responds|records|refers|participates|values|"
    "acts|treats|builds|creates|conveys|listens|elicits|facilitates|negotiates|prepares|shows|takes|writes|"
    "completes|documents|ensures|protects|accepts|considers|distinguishes|explores|fosters|upholds")
_SUBJECT = r"(the (student|graduate|candidate|trainee|learner|counsell?or|practitioner|nurse) )?"
# A statement anywhere in a block after an enumerator ("(A) Knows", "B10 Plans",
# "1.2 The student demonstrates"; extraction often joins a list into one block) …
_ENUMERATED_STATEMENT = re.compile(
    r"(?:^|(?<=[\s_]))(?:\(?[a-z]{1,2}[.)]|[a-z]{1,2}\d{1,2}[.)]?|\d{1,2}(?:\.\d{1,2}){1,3}|\(?\d{1,2}[.)]|"
    r"\(?[ivx]{1,4}[.)])\s+" + _SUBJECT + r"(" + _VERBS_3RD + r")\b", re.M)
# Code-like enumerators ("A1", "B.2", "1.2") also open statements in the base
# form ("A1 Apply…"), as frameworks write them under "Graduates will be able to:".
_CODED_STATEMENT = re.compile(
    r"(?:^|(?<=[\s_]))(?:[a-z]\.?\d{1,2}|\d{1,2}(?:\.\d{1,2}){1,3})[.):]?\s+(critically )?"
    r"(apply|practi[sc]e|maintain|take|analy[sz]e|select|plan|develop|work|collaborate|understand|evaluate|"
    r"interpret|compare|discuss|assess|design|explain|propose|demonstrate|use|communicate|establish|"
    r"recogni[sz]e|identify|integrate|engage|conduct|manage|lead|reflect|advocate|promote|describe|"
    r"appraise|deliver|respect|adhere|act|provide|support|build|create|implement)\b", re.M)
# … or at the start of a block (a bulleted list item: "Demonstrates the ability to…").
_OPENING_STATEMENT = re.compile(r"^(?:[-•*]\s*)?" + _SUBJECT + r"(" + _VERBS_3RD + r")\b", re.M)
STATEMENT_WEIGHT = 0.5  # per numbered statement (competency_list), up to:
STATEMENT_CAP = 5.0
MIN_STATEMENTS = 4  # fewer numbered statements are not evidence of a list

# Course codes in text ("COUN 551", "PSYC7010", "SOWK 486W", "GEXTH 5108.01").
_TEXT_CODE = re.compile(r"\b([A-Z]{2,5}|[A-Z][a-z]{1,4})[ -]?(\d{3,4})[A-Za-z]?\b")
_TEXT_CODE_UPPER = re.compile(r"[A-Z]{2,5}[ -]?\d{3,4}[A-Z]?\b")  # near the top, only "PSYC 7010" style
# Subject prefixes whose 4-digit numbers are course codes even when they look like years.
_LIKELY_SUBJECTS = {"PSY", "PSYC", "PSYCH", "COUN", "CPSY", "SOWK", "SOCW", "SW", "MFT", "EDUC", "NURS"}
CODE_TOP_WEIGHT = 2.0  # a course code in the title area (syllabus)
COURSE_LIST_CODES = 6  # this many distinct course codes: a course list (program_description)
COURSE_LIST_WEIGHT = 3.0

# E-mails and messages (type "other"): header lines or a greeting near the top, a sign-off at the end.
MESSAGE_WEIGHTS = {"message headers": 3.0, "greeting": 2.0, "sign-off": 1.0}
_HEADER_LINE = re.compile(r"(from|to|subject|sent|cc|date)\s*:")
_GREETING = re.compile(r"(dear|hi|hello|good (morning|afternoon|evening))\b[\w ,]{0,40}[,!:]")
_SIGN_OFF = re.compile(r"\b(best|kind|warm|warmest) (regards|wishes)\b|^(cheers|thanks|many thanks|sincerely|best)\W*$")

TYPE_ORDER = ("syllabus", "competency_list", "program_description", "other")  # ties go to the earlier type

_COMPILED_NAME = tuple((t, w, re.compile(p)) for t, w, p in _NAME_RULES)
_COMPILED_HEADING = tuple((t, re.compile(p), wt, wh) for t, p, wt, wh in _HEADING_RULES)
@cache
def _compiled_text() -> tuple:
    """Each text cue compiled, with its needles (``needles.py``): when none
    occurs in the window, the pattern cannot match and is not searched (most
    of a syllabus has no admission or fees cue; searching costs more than the
    gate). Built on first use: a warm re-scan types no document."""
    return tuple((t, label, re.compile(p, re.M), needles(p, re.M), w, n) for t, label, p, w, n in _TEXT_CUES)


@dataclass(frozen=True, slots=True)
class Cue:
    """One piece of evidence for a type: ``label`` is what the reason shows."""

    doc_type: str
    label: str
    weight: float


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", " ", name.lower())


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _name_match(text: str) -> tuple[str, float, str] | None:
    norm = _normalise(text)
    for doc_type, weight, pattern in _COMPILED_NAME:
        m = pattern.search(norm)
        if m:
            return doc_type, weight, m.group(0).strip()
    return None


def name_cue(stem: str) -> tuple[Cue, str] | None:
    """The file name's cue (if any) and the reason text it would give."""
    norm = _normalise(stem)
    if _OUTCOMES_FILE.fullmatch(norm):
        return Cue("competency_list", "filename", STRONG), f'filename: "{norm}"'
    hit = _name_match(stem)
    if hit:
        return Cue(hit[0], "filename", hit[1]), f'filename: "{hit[2]}"'
    code = _NAME_CODE.search(stem.lower())
    if code and code.group(1) not in _NOT_CODES:
        return Cue("syllabus", "filename", NAME_CODE_WEIGHT), f'filename: course code "{code.group(0)}"'
    return None


def type_evidence(blocks: tuple[Block, ...] | list[Block]) -> list[Block]:
    """The blocks the type is inferred from: the first ``WINDOW_BLOCKS``, each
    cut to ``BLOCK_CHARS`` (applying it twice changes nothing)."""
    out = []
    for b in blocks[:WINDOW_BLOCKS]:
        out.append(b if len(b.text) <= BLOCK_CHARS else Block(b.text[:BLOCK_CHARS], b.kind, b.anchors[:1]))
    return out


def _heading_cues(blocks: list[Block]) -> list[Cue]:
    cues: list[Cue] = []
    seen: set[str] = set()
    for i, b in enumerate(blocks):
        in_title = i < TITLE_BLOCKS
        if not in_title and b.kind != HEADING:
            continue
        text = b.text[:200].lower()
        for doc_type, pattern, w_title, w_heading in _COMPILED_HEADING:
            weight = w_title if in_title else w_heading
            if doc_type in seen or not weight or not pattern.search(text):
                continue
            seen.add(doc_type)
            cues.append(Cue(doc_type, f'{"title" if in_title else "heading"} "{_short(b.text, 50)}"', weight))
    return cues


def _codes(text: str) -> list[tuple[int, str]]:
    """(offset, normalised code) of each course code in ``text`` ("Psy 206" counts too)."""
    out = []
    for m in _TEXT_CODE.finditer(text):
        prefix, number = m.group(1).upper(), m.group(2)
        if not is_code_prefix(prefix):
            continue
        if len(number) == 4 and number[:2] in ("19", "20") and prefix not in _LIKELY_SUBJECTS:
            continue  # a year ("SPRING 2026", "Copyright 2024")
        out.append((m.start(), prefix + number))
    return out


def _code_cues(blocks: list[Block]) -> list[Cue]:
    codes: set[str] = set()
    top = False
    entries = 0  # blocks that open with a course code, as catalogue entries do
    for i, b in enumerate(blocks):
        found = _codes(b.text)
        codes.update(c for _, c in found)
        top = top or (i < TOP_BLOCKS and any(_TEXT_CODE_UPPER.match(b.text, o) for o, _ in found))
        entries += bool(found) and found[0][0] == 0 and b.kind != HEADING
    cues = []
    if top:
        cues.append(Cue("syllabus", "course code", CODE_TOP_WEIGHT))
    if len(codes) >= COURSE_LIST_CODES:
        cues.append(Cue("program_description", "list of courses", COURSE_LIST_WEIGHT))
        if entries >= COURSE_LIST_CODES:
            cues.append(Cue("program_description", "course catalogue entries", COURSE_LIST_WEIGHT))
    return cues


def _lines(blocks: list[Block]) -> Iterator[tuple[str, int]]:
    """(lower-cased text, a unique offset) of each non-heading block."""
    offset = 0
    for b in blocks:
        if b.kind != HEADING:
            yield b.text.lower(), offset
        offset += len(b.text) + 1


def _message_cues(blocks: list[Block]) -> list[Cue]:
    """An e-mail or message: header lines or a greeting at the top, a sign-off."""
    top = [b.text.lower() for b in blocks[:TOP_BLOCKS]]
    fired = {"message headers": sum(1 for t in top if _HEADER_LINE.match(t)) >= 2,
             "greeting": any(_GREETING.match(t) for t in top),
             "sign-off": any(_SIGN_OFF.search(b.text.lower()) for b in blocks[-TOP_BLOCKS:])}
    return [Cue("other", label, MESSAGE_WEIGHTS[label]) for label, yes in fired.items() if yes]


def _statement_cue(blocks: list[Block]) -> list[Cue]:
    starts: set[int] = set()
    for text, offset in _lines(blocks):
        starts.update(offset + m.start() for m in _ENUMERATED_STATEMENT.finditer(text))
        starts.update(offset + m.start() for m in _CODED_STATEMENT.finditer(text))
        lead_in = text.rstrip().endswith(":")  # "Graduates will be able to:" introduces statements
        if not lead_in and (_OPENING_STATEMENT.match(text) or (
                (_NUMBERED.match(text) or _GRADUATE_SUBJECT.match(text)) and _STATEMENT_VERBS.search(text))):
            starts.add(offset)
    n = len(starts)
    if n < MIN_STATEMENTS:
        return []
    return [Cue("competency_list", f"{n} competency statements", min(STATEMENT_CAP, STATEMENT_WEIGHT * n))]


def content_cues(blocks: list[Block]) -> list[Cue]:
    """Every content cue that fires in ``blocks`` (already ``type_evidence``)."""
    texts = [b.text.lower().replace("\n", " ") for b in blocks]
    text = "\n".join(texts)
    starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
    cues = _heading_cues(blocks) + _code_cues(blocks) + _statement_cue(blocks) + _message_cues(blocks)
    for doc_type, label, pattern, gate, weight, least in _compiled_text():
        if may_match(gate, text) and _fires(pattern, text, starts, least):
            cues.append(Cue(doc_type, label, weight))
    return cues


def _fires(pattern: re.Pattern, text: str, starts: list[int], least: int) -> bool:
    """Does ``pattern`` match in at least ``least`` different blocks (lines)?"""
    if least == 1:
        return pattern.search(text) is not None
    lines: set[int] = set()
    for m in pattern.finditer(text):
        lines.add(bisect_right(starts, m.start()))
        if len(lines) >= least:
            return True
    return False


def _scores(cues: list[Cue]) -> dict[str, float]:
    scores = dict.fromkeys(TYPE_ORDER, 0.0)
    for c in cues:
        scores[c.doc_type] += c.weight
    return scores


def _labels(cues: list[Cue], doc_type: str, most: int = 4) -> str:
    mine = sorted((c for c in cues if c.doc_type == doc_type), key=lambda c: -c.weight)
    return ", ".join(c.label for c in mine[:most])


def infer_doc_type(path: str, blocks: tuple[Block, ...] | list[Block] = ()) -> tuple[str, str]:
    """Return (doc_type, reason) for a document at POSIX ``path`` (relative to
    its program) with extracted ``blocks``."""
    parts = PurePosixPath(path).parts
    for folder in reversed(parts[:-1]):
        hit = _name_match(folder)
        if hit:
            return hit[0], f'folder: "{hit[2]}"'
    stem = PurePosixPath(parts[-1]).stem if parts else ""
    named = name_cue(stem)
    if named and named[0].weight >= DECISIVE:
        return named[0].doc_type, named[1]
    cues = content_cues(type_evidence(blocks))
    scores = _scores(cues + ([named[0]] if named else []))
    best = min(TYPE_ORDER, key=lambda t: (-scores[t], TYPE_ORDER.index(t)))
    if named and (best == named[0].doc_type or scores[best] < MIN_SCORE):
        return named[0].doc_type, named[1]
    if scores[best] < MIN_SCORE:
        return "other", "no type cue in folder, file name or content"
    reason = f"content: {_labels(cues, best)}"
    if named:
        reason += f' (outweighs {named[1]})'
    return best, reason
