#!/usr/bin/env bash
# Program director: check one syllabus, then the CI step that keeps a
# curriculum repository from losing a required category. Run from the
# repository root:
#   bash examples/program_director.sh        (writes examples/out/program_director/)
set -euo pipefail
DEMO=corpora/demo
OUT=${OUT:-examples/out}/program_director
rm -rf "$OUT" && mkdir -p "$OUT"

echo "== 1. Check one syllabus: categories present (best evidence, level) and missing (with suggestions)"
syllabus-audit check "$DEMO/us-ridgeview-msw/syllabi/syllabus-sowk6110-direct-practice-with-individuals-and-families.docx"

# The ready-to-copy CI files run this command; read it from the workflow so
# that what is shown here is exactly what CI runs.
CI_COMMAND=$(python3 -c '
import sys, yaml
steps = yaml.safe_load(open(sys.argv[1]))["jobs"]["check"]["steps"]
print(next(s["run"] for s in steps if "fail-on-missing" in s.get("run", "")))' examples/ci/relationship-skills.yml)

echo
echo "== 2. A curriculum repository with two syllabi; CI runs: $CI_COMMAND"
REPO="$OUT/curriculum"
mkdir -p "$REPO/syllabi"
cp "$DEMO/us-ridgeview-msw/syllabi/syllabus-sowk6110-direct-practice-with-individuals-and-families.docx" \
   "$DEMO/nz-kahurangi-pgdip-counselling/course-outline-coun601-counselling-practice.md" "$REPO/syllabi/"
(cd "$REPO" && bash -c "$CI_COMMAND" > ../ci-pass.txt)
echo "CI passes: exit code 0 (every required category is covered)"

echo
echo "== 3. COUN601 is retired: the only course that taught client feedback goes"
rm "$REPO/syllabi/course-outline-coun601-counselling-practice.md"
set +e
(cd "$REPO" && bash -c "$CI_COMMAND" > ../ci-fail.txt)
status=$?
set -e
echo "CI fails: exit code $status"
grep -A4 "✗ feedback" "$OUT/ci-fail.txt"
[ "$status" -eq 1 ]
