"""Course codes ("COUN 551", "PSYC7010", "YWK1102"): which upper-case words
before a number are not a course's subject prefix.

Shared by document typing (course codes in the text are syllabus and course-list
cues) and the context rules (a course's name after its code is a name, not
teaching), so both read "SEPT 2025", "ISBN 978…" or "Room 204" the same way.
"""

from __future__ import annotations

# Words that take a number but name no course: identifiers, frameworks, dates,
# terms, places, units of study time.
NOT_CODE_PREFIXES = frozenset({
    "ISBN", "ISSN", "DSM", "ICD", "APA", "CACREP", "CSWE", "EPAS", "DOI", "VOL", "NO", "PP",
    "JAN", "FEB", "MAR", "MARCH", "APR", "APRIL", "MAY", "JUN", "JUNE", "JUL", "JULY", "AUG", "SEP", "SEPT",
    "OCT", "NOV", "DEC", "FALL", "SPRING", "SUMMER", "WINTER", "AUTUMN", "TERM", "SEM", "YEAR", "WEEK",
    "WK", "DAY", "AM", "PM",
    "ROOM", "RM", "HALL", "PAGE", "PO", "BOX", "SUITE", "FAX", "TEL", "PHONE", "EXT", "ZIP", "HTTP", "WWW",
    "CE", "ECTS", "SWS", "LP", "HP", "CRN",
})


def is_code_prefix(word: str) -> bool:
    """May ``word`` be the subject prefix of a course code?"""
    return word.upper() not in NOT_CODE_PREFIXES
