#!/usr/bin/env bash
# Accreditation reviewer: one program folder with a manifest -> HTML report,
# CSV folder export, the evidence for one category, a reviewer sheet, and a
# re-scan with the reviewer's decisions. Run from the repository root:
#   bash examples/accreditation_reviewer.sh        (writes examples/out/accreditation_reviewer/)
set -euo pipefail
PROGRAM=corpora/demo/us-pinecrest-ma-mft           # the program folder under review
MANIFEST=examples/data/pinecrest-manifest.csv      # its documents, types and metadata
CATEGORY=${CATEGORY:-alliance}                     # the category whose evidence we read
OUT=${OUT:-examples/out}/accreditation_reviewer
mkdir -p "$OUT"
SCAN=(syllabus-audit scan "$PROGRAM" --manifest "$MANIFEST" --cache-dir "$OUT/cache" --quiet)

echo "== 1. HTML report (self-contained: open it in a browser or print it)"
"${SCAN[@]}" --format html -o "$OUT/report.html"
echo "wrote $OUT/report.html"

echo "== 2. CSV folder export (programs.csv, documents.csv, evidence.csv)"
"${SCAN[@]}" --format csv -o "$OUT/csv"

echo "== 3. The evidence for '$CATEGORY' (counted passages, from evidence.csv)"
python3 - "$OUT/csv/evidence.csv" "$CATEGORY" <<'PY'
import csv, sys
path, category = sys.argv[1], sys.argv[2]
rows = [r for r in csv.DictReader(open(path, encoding="utf-8"))
        if r["category"] == category and r["status"] == "counted"]
print(f"{len(rows)} counted passages for {category}")
for r in rows:
    where = f"p. {r['page']}, line {r['line']}" if r["page"] else f"line {r['line']}"
    print(f"  [{r['level']}] {r['path']} ({where}), section {r['section']!r}: "
          f"...{r['left_context'][-40:]}[{r['match']}]{r['right_context'][:40]}...")
PY

echo "== 4. Reviewer sheet: every counted passage and near-miss, plus 5 sampled passages"
"${SCAN[@]}" --format json -o "$OUT/audit.json"
syllabus-audit review export "$OUT/audit.json" -o "$OUT/sheet.csv" --corpus "$PROGRAM" --sample-negatives 5 --seed 1

# A reviewer now fills in decision (yes/no), categories and note, e.g. in a
# spreadsheet. Here their judgements come from examples/data/pinecrest-review.csv
# (a passage is matched by a piece of its text); on every other passage the
# reviewer agrees with the tool.
python3 - "$OUT/sheet.csv" examples/data/pinecrest-review.csv "$OUT/sheet-reviewed.csv" <<'PY'
import csv, sys
sheet, judgements, dst = sys.argv[1:4]
with open(sheet, newline="", encoding="utf-8") as fh:
    rows = list(csv.DictReader(fh))
with open(judgements, newline="", encoding="utf-8") as fh:
    judged = list(csv.DictReader(fh))
overrides = 0
for r in rows:
    r["decision"], r["categories"] = r["tool_decision"], r["tool_categories"]
    for j in judged:
        if j["text_contains"] in r["text"]:
            r["decision"], r["categories"], r["note"] = j["decision"], j["categories"], j["note"]
            if (r["decision"], r["categories"]) != (r["tool_decision"], r["tool_categories"]):
                overrides += 1
                print(f"reviewer overrides the tool ({r['tool_decision']} -> {r['decision']}): {r['text'][:70]!r}")
with open(dst, "w", newline="", encoding="utf-8") as fh:
    writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
print(f"reviewed {len(rows)} passages; the reviewer overrides the tool on {overrides}")
PY

echo "== 5. Re-scan with the reviewer's decisions"
"${SCAN[@]}" --decisions "$OUT/sheet-reviewed.csv" --format json -o "$OUT/audit-reviewed.json"
python3 - "$OUT/audit.json" "$OUT/audit-reviewed.json" <<'PY'
import json, sys
before, after = (json.load(open(f, encoding="utf-8")) for f in sys.argv[1:3])
d = after["summary"]["decisions"]
print(f"decisions given {d['given']}, applied {d['applied']}, unmatched {d['unmatched']}")

def counted(rec):
    return {(doc["path"], e["line"], e["category"]) for p in rec["programs"] for doc in p["documents"]
            for e in doc["evidence"] if e["status"] == "counted"}

print(f"counted hits (document, line, category): {len(counted(before))} before review, {len(counted(after))} after")
for path, line, category in sorted(counted(before) - counted(after)):
    print(f"  no longer counted after review: {category} in {path} line {line}")
for path, line, category in sorted(counted(after) - counted(before)):
    print(f"  counted after review: {category} in {path} line {line}")
for old, new in zip(before["programs"], after["programs"]):
    print(f"{new['id']}: {len(old['categories'])} categories before review, {len(new['categories'])} after "
          f"({', '.join(new['categories'])})")
PY
