"""Context rules: decide whether a term match in a passage is counted,
negated or another sense, and record the rule that decided it.

Order of rules (first that applies wins):
1. ``tag:<id>``: the match overlaps a non-counting tag (e.g. "dual relationship").
2. ``sense:<id>``: the match overlaps a false-sense phrase (e.g. "National Alliance
   on Mental Illness").
3. ``negation:<phrase>`` / ``negation:<word>``: a scope phrase anywhere in the
   passage ("not covered in this unit") or a negator just before the term;
   ``negation:taught elsewhere``: the passage says its skills are taught in
   another, coded course ("… are practised in YWK1102").
4. ``sense:<id>`` by cue: a false-sense cue word near a term containing one of
   the sense's ``applies_to`` words (or, for a sense without ``applies_to``,
   near any ambiguous or weak term).
5. ``title_only``: a term in a title-like line (a course name, a course list
   entry, a framework or standards heading: ``looks_like_title``; schedule rows
   are topics, not titles), in a coded course name (``looks_like_name``, any
   language), or in the name of a course cited inside a sentence or of a
   qualification ("Certificate in Counselling Skills"; ``course_name_spans``).
   A name implies a topic; it does not present a skill (labeling guide, and
   the real-document coders' convention).
6. ``needs_client_context``: an ambiguous term with no client cue in the
   passage or its section heading and no strong relationship term beside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from ..rules.lexicon import Lexicon
from ..text.course_codes import is_code_prefix
from ..text.schedule import SCHEDULE_ROW_RE
from ..types import COUNTED, NEGATED, OTHER_SENSE
from .matcher import CLIENT, NEG, PSEUDO, SENSE_CUE, SENSE_PHRASE, TAG, TERM, Match

# Tokens that end a negator's reach ("no textbook; students build rapport"; Croatian
# "ali", "nego": but, but rather).
_SCOPE_BREAKS = {";", ":", ".", "!", "?", "but", "however", "ali", "nego", "(", ")", "–", "—"}


# Words that stay lower case inside a title ("Counselling and Helping Skills").
_TITLE_SMALL = frozenset("a an and the of in on with for to by at or as from into vs".split())
_TITLE_WORD = re.compile(r"[^\W\d_][\w'’-]*")


# Japanese has no Title Case: a course's name is the field that gives it
# ("授業科目名：心理面接法（治療関係論）").
_JA_NAME_FIELD = re.compile(r"\W*(?:授業科目名|授業科目|科目名|授業名|授業題目|講義名)\s*[:：】]")


def looks_like_title(text: str, max_words: int = 14) -> bool:
    """A short line in Title Case without closing punctuation: a course, module
    or standard name ("Practical Counselling and Helping Skills (PSY 612)",
    "Section II.5 Helping Relationships:"), not a sentence that teaches and not
    a schedule row (it names what is taught that week: "Week 7:
    Countertransference" is a topic, not a title)."""
    text = text.strip()
    if _JA_NAME_FIELD.match(text):
        return True
    if not text or text[-1] in ".?!;" or SCHEDULE_ROW_RE.match(text):
        return False
    words = _TITLE_WORD.findall(text)
    if words and words[0][0].islower():
        return False  # "the concept of Shared Decision Making": a list item in sentence case
    content = [w for w in words if w.lower() not in _TITLE_SMALL]
    if not content or len(words) > max_words:
        return False
    return sum(w[0].isupper() for w in content) >= 0.75 * len(content)


# Language-independent names (these hold in German and Swedish too, where
# Title Case says nothing): a module or course code followed by a short name
# with no sentence punctuation ("M 5 Gesprächsführung und Beratung", "PSY 612
# Counselling skills"). Learning-outcome codes (LO1, A5, C6) have one or two
# digits and are not course codes, so outcome rows stay sentences.
_CODED_TITLE = re.compile(
    r"\s*(?:(?:M|Mod|Modul|Module)\s?\d{1,2}|(?P<prefix>[A-ZÄÖÜÅ]{2,5})\s?\d{3,4}[A-Za-z]?|\d[A-Z]{2,4}\d{2,4})\b"
    r"[\s:.\-–—]*(?P<rest>[^.?!;]*)")
# A line that goes on with an outcome's own code after the course code ("COUN 5210 SLO 3 Build
# rapport with clients") is an outcome, not a course name.
_OUTCOME_START = re.compile(r"(?:S?LO|CLO|ILO|PLO|Obj(?:ective)?|Outcome|Competenc[ey]|Standard)\b", re.I)
_CODED_TITLE_WORDS = 6
# Taught elsewhere: "… are practised in YWK1102", "is covered in COUN 5101",
# "those skills are the focus of PSY 8410"
# (the passage points to another course; nothing here is taught).
_ELSEWHERE = re.compile(
    r"(?i)\b(?:(?:taught|practi[sc]ed|covered|addressed|developed|assessed)\s+(?:in|through)|the\s+focus\s+of)\s+"
    r"(?:the\s+)?(?:(?:unit|course|module|subject|paper)\s+)?(?-i:(?P<prefix>[A-Z]{2,5})\s?\d{3,4}[A-Za-z]?)\b")


# ... unless it says they are also taught here ("taught in COUN 510 and practised in this course").
_HERE = re.compile(r"(?i)\b(?:in|through)\s+(?:this|the present|the current)\s+(?:course|unit|module|class|paper|seminar|subject|lab)\b")


def taught_elsewhere(text: str) -> bool:
    """Does the passage say its skills are taught in another (coded) course (and not here too)?"""
    return (any(is_code_prefix(m["prefix"]) for m in _ELSEWHERE.finditer(text))
            and _HERE.search(text) is None)


# A course code followed by its name inside a sentence ("… are practised in
# YWK1102 Engaging Young People"): the name's words are a title.
_CODE_TOKEN = re.compile(r"(?P<prefix>[A-Z]{2,5})\d{3,4}[A-Za-z]?")
_CODE_PREFIX = re.compile(r"[A-Z]{2,5}")
_CODE_NUMBER = re.compile(r"\d{3,4}[A-Za-z]?")


def looks_like_name(text: str) -> bool:
    """A course or module name after its code (in any language): a line that
    names a topic without presenting it. (Bibliographic references are not
    names here: the labelled passages count a reading on the relationship,
    and so did the real documents' coders for a required reading.)"""
    m = _CODED_TITLE.fullmatch(text.strip())
    if not m or SCHEDULE_ROW_RE.match(text) or not is_code_prefix(m["prefix"] or "") or _OUTCOME_START.match(m["rest"]):
        return False
    return 0 < len(_TITLE_WORD.findall(m["rest"])) <= _CODED_TITLE_WORDS


_HYPHENS = frozenset("-\u2010\u2011")


# A qualification's name is a name too: "the Higher Certificate in Arts in
# Counselling Skills", "a Graduate Diploma of Family Therapy" (what a program
# page lists or an admission rule requires, not what it teaches).
# ("Master's in …" is "Master" "'s" "in" to the tokenizer, so it is not caught.)
_QUALIFICATIONS = frozenset("""certificate diploma degree master masters bachelor bachelors doctorate doctor
    ma msc mres mphil ba bsc phd psyd dpsych pgdip pgcert graddip gradcert""".split())
_QUALIFICATION_LINKS = frozenset({"in", "of"})


def _qualification_at(doc: Doc, i: int, end: int) -> bool:
    """"Certificate in" / "MSc in" / "Master of" (capitalised) at token i; the
    name itself is the capitalised words after it (``course_name_spans``)."""
    return (doc[i].text[:1].isupper() and doc[i].lower_ in _QUALIFICATIONS and i + 1 < end
            and doc[i + 1].lower_ in _QUALIFICATION_LINKS)


def course_name_spans(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Token spans (in ``doc``, within [start, end)) of course names that
    follow a course code inside running text: the capitalised words (with
    "and", "of" … between them) right after "YWK1102" or "COUN 612", up to the
    next code ("MFT 5010 Foundations … MFT 5100 Clinical Skills and the
    Therapeutic Relationship"); and the same after a qualification ("Certificate
    in Counselling Skills")."""
    codes = []  # (first token of the code, first token after it)
    i = start
    while i < end:
        token = _CODE_TOKEN.fullmatch(doc[i].text)
        if token and is_code_prefix(token["prefix"]):
            codes.append((i, i + 1))
        elif _qualification_at(doc, i, end):
            codes.append((i, i + 2))
            i += 1
        elif (_CODE_PREFIX.fullmatch(doc[i].text) and is_code_prefix(doc[i].text) and i + 1 < end
              and _CODE_NUMBER.fullmatch(doc[i + 1].text)):
            codes.append((i, i + 2))
            i += 1
        i += 1
    spans = []
    for k, (_, after) in enumerate(codes):
        stop = codes[k + 1][0] if k + 1 < len(codes) else end
        j, last = after, None
        while j < stop:
            if doc[j].text[:1].isupper():
                last = j
            elif (last == j - 1 and doc[j].text in _HYPHENS and not doc[j - 1].whitespace_ and j + 1 < stop
                  and doc[j + 1].text[:1].isalpha()):
                j += 1  # "Relationship-Based", "Micro-skills": one word of the name
                last = j
            elif last is None or doc[j].lower_ not in _TITLE_SMALL:
                break
            j += 1
        if last is not None:
            spans.append((after, last + 1))
    return spans


# Ambiguous terms of this many different core categories in one passage vouch
# for each other. Core: the words of the relationship itself; goal setting,
# feedback, self-assessment and culture are also the words of coursework
# ("class exercise: skill self-assessment, goal setting, practice group feedback").
_CO_TERM_CATEGORIES = 3
_CORE_CATEGORIES = frozenset({"alliance", "empathy", "genuineness", "positive_regard", "microskills"})


@dataclass(frozen=True, slots=True)
class Decision:
    match: Match
    status: str
    rule: str


def _overlaps(a: Match, b: Match) -> bool:
    return a.start < b.end and b.start < a.end


class ContextRules:
    """Applies the lexicon's context rules to the matches of one passage."""

    def __init__(self, lexicon: Lexicon, nlp: Language):
        def lemmas(words) -> frozenset[str]:
            return frozenset(t.lemma_ for w in words for t in nlp(w))

        self._neg_before = lemmas(lexicon.negation.before)
        self._neg_window = lexicon.negation.window
        self._senses = {s.id: s for s in lexicon.other_senses}
        self._applies = {s.id: lemmas(s.applies_to) for s in lexicon.other_senses}

    def decide(self, doc: Doc, matches: list[Match], section_has_client: bool,
               title: bool = False, names: list[tuple[int, int]] = (), elsewhere: bool = False) -> list[Decision]:
        """Decisions for the term and tag matches of one passage (``title``: the
        passage ``looks_like_title`` or ``looks_like_name``; ``names``: token
        spans of course names inside it, ``course_name_spans``; ``elsewhere``:
        it says the skills are taught in another course, ``taught_elsewhere``)."""
        by = {f: [m for m in matches if m.family == f]
              for f in (TERM, TAG, SENSE_PHRASE, SENSE_CUE, NEG, PSEUDO, CLIENT)}
        terms = self._longest_per_category(by[TERM])
        pseudo = by[PSEUDO]
        negs = [n for n in by[NEG] if not any(_overlaps(n, p) for p in pseudo)]
        first = {id(m): self._veto(doc, m, by, negs, pseudo) or
                 ((NEGATED, "negation:taught elsewhere") if elsewhere else None) for m in terms}
        out = []
        for m in terms:
            named = title or any(a <= m.start and m.end <= b for a, b in names)
            status, rule = first[id(m)] or self._support(m, terms, first, by[CLIENT], section_has_client, named)
            out.append(Decision(m, status, rule))
        out.extend(Decision(t, OTHER_SENSE, f"tag:{t.key}") for t in by[TAG])
        return out

    @staticmethod
    def _longest_per_category(matches: list[Match]) -> list[Match]:
        """Drop a term inside a longer (or identical, earlier) term of the same category."""
        keep = []
        for i, m in enumerate(matches):
            shadowed = any(
                j != i and o.info.category == m.info.category and o.start <= m.start and m.end <= o.end
                and ((o.end - o.start) > (m.end - m.start) or j < i)
                for j, o in enumerate(matches))
            if not shadowed:
                keep.append(m)
        return keep

    def _veto(self, doc, m: Match, by, negs, pseudo) -> tuple[str, str] | None:
        for tag in by[TAG]:
            if _overlaps(m, tag):
                return OTHER_SENSE, f"tag:{tag.key}"
        for phrase in by[SENSE_PHRASE]:
            if _overlaps(m, phrase):
                return OTHER_SENSE, f"sense:{phrase.key}"
        if negs:
            n = negs[0]
            return NEGATED, "negation:" + doc[n.start:n.end].text.lower()
        word = self._negator_before(doc, m, pseudo)
        if word:
            return NEGATED, f"negation:{word}"
        strong = m.info.term.strength == "strong"
        term_lemmas = {t.lemma_ for t in doc[m.start:m.end]}
        for cue in by[SENSE_CUE]:
            sense = self._senses[cue.key]
            if _overlaps(cue, m):
                continue
            applies = self._applies[sense.id]
            if (applies and not applies & term_lemmas) or (not applies and strong):
                continue
            if sense.window and min(abs(cue.start - m.end), abs(m.start - cue.end)) > sense.window:
                continue
            return OTHER_SENSE, f"sense:{sense.id}"
        return None

    def _negator_before(self, doc, m: Match, pseudo) -> str | None:
        for i in range(m.start - 1, max(m.start - self._neg_window, 0) - 1, -1):
            tok = doc[i]
            if tok.lower_ in _SCOPE_BREAKS:
                return None
            if tok.lemma_ in self._neg_before and not any(p.start <= i < p.end for p in pseudo):
                return tok.lower_
        return None

    @staticmethod
    def _support(m: Match, terms, first, clients, section_has_client, title: bool) -> tuple[str, str]:
        if title:
            return OTHER_SENSE, "title_only"
        strength = m.info.term.strength
        if strength == "strong":
            return COUNTED, "lexicon"
        # A weak term (a framework or author name) is as ambiguous as an
        # ambiguous one; with a client cue it counts as a "mentioned" reference.
        if any(not _overlaps(c, m) for c in clients):
            if strength == "weak":
                return COUNTED, "lexicon:weak"
            return COUNTED, "lexicon+client_cue"
        if section_has_client:
            return COUNTED, "lexicon+section_cue"
        # A strong term vouches for its neighbour, and so does an ambiguous term
        # of the same category ("congruence and presence"); ambiguous words of
        # different categories side by side ("collaboration and transparency")
        # are as ambiguous as one.
        others = [o for o in terms if o is not m and first[id(o)] is None and not _overlaps(o, m)
                  and o.info.term.text != m.info.term.text]
        if any(o.info.term.strength == "strong" or o.info.category == m.info.category for o in others):
            return COUNTED, "lexicon+co_term"
        # ... but three categories side by side ("the core qualities of empathy,
        # acceptance and congruence"; "establishing rapport, expressing empathy,
        # open questions") are the relationship's vocabulary, not a chance pair.
        core = {o.info.category for o in others} | {m.info.category}
        if m.info.category in _CORE_CATEGORIES and len(core & _CORE_CATEGORIES) >= _CO_TERM_CATEGORIES:
            return COUNTED, "lexicon+co_terms"
        return OTHER_SENSE, "needs_client_context"
