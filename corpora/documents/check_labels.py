"""Validate corpora/documents/labels.csv against the files it describes.

Checks: exact column set; every file under files/ is labelled exactly once and
vice versa; program id = file-name prefix before "__"; doc_type, language,
expected_status, label and category ids take allowed values; positives have
categories and evidence, negatives have neither; every quoted evidence /
near-miss phrase occurs in the file starting on the cited line (whitespace
normalised, so a quote may wrap onto the next line).

Usage: python corpora/documents/check_labels.py   (exit status 1 on any problem)
"""
import csv
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = os.path.join(HERE, "files")
COLUMNS = "file,program,doc_type,language,expected_status,label,categories,evidence,near_miss,notes".split(",")
DOC_TYPES = {"syllabus", "program_description", "competency_list", "other"}
CATEGORIES = {"alliance", "empathy", "genuineness", "positive_regard", "collaboration",
              "rupture_repair", "feedback", "countertransference", "microskills", "responsiveness"}
LANGUAGES = {"en", "de", "sv"}  # the languages with a shipped lexicon
CITE = re.compile(r'L(\d+) \([^)]*\): "([^"]+)"')


def norm(s):
    return re.sub(r"\s+", " ", s)


def main():
    problems = []
    with open(os.path.join(HERE, "labels.csv"), newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != COLUMNS:
            problems.append("columns: %r" % reader.fieldnames)
        rows = list(reader)
    seen = set()
    for r in rows:
        fn = r["file"]
        if fn in seen:
            problems.append("duplicate row: " + fn)
        seen.add(fn)
        path = os.path.join(FILES, fn)
        if not os.path.isfile(path):
            problems.append("missing file: " + fn)
            continue
        if r["program"] != fn.split("__")[0]:
            problems.append("program id mismatch: " + fn)
        if r["doc_type"] not in DOC_TYPES:
            problems.append("doc_type: " + fn)
        if r["language"] not in LANGUAGES or r["expected_status"] != "ok":
            problems.append("language/status: " + fn)
        cats = [c for c in r["categories"].split(";") if c]
        if any(c not in CATEGORIES for c in cats):
            problems.append("unknown category: " + fn)
        if r["label"] == "1":
            if not cats or not r["evidence"]:
                problems.append("positive without categories/evidence: " + fn)
        elif r["label"] == "0":
            if cats or r["evidence"]:
                problems.append("negative with categories/evidence: " + fn)
        else:
            problems.append("label: " + fn)
        lines = open(path, encoding="utf-8").read().split("\n")
        for field in ("evidence", "near_miss"):
            for ln, quote in CITE.findall(r[field]):
                ln = int(ln)
                window = norm(" ".join(lines[ln - 1:ln + 3])).lower()
                if ln > len(lines) or not norm(lines[ln - 1]).strip() or norm(quote).lower() not in window:
                    problems.append("%s: quote not at L%d: %s" % (fn, ln, quote))
    for fn in sorted(set(os.listdir(FILES)) - seen):
        problems.append("unlabelled file: " + fn)
    for p in problems:
        print(p)
    pos = sum(r["label"] == "1" for r in rows)
    print("%d documents, %d positive, %d negative, %d problems" % (len(rows), pos, len(rows) - pos, len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
