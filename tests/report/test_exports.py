import csv
import json

from click.testing import CliRunner

from syllabus_audit.cli import cli
from syllabus_audit.report.exports import DOCUMENT_COLUMNS, EVIDENCE_COLUMNS, PROGRAM_COLUMNS
from tests.conftest import DEMO


def test_csv_folder_export(tmp_path):
    out = tmp_path / "exports"
    result = CliRunner().invoke(cli, ["scan", str(DEMO), "--format", "csv", "--output", str(out)])
    assert result.exit_code == 0, result.output
    tables = {}
    for name, columns in (("programs.csv", PROGRAM_COLUMNS), ("documents.csv", DOCUMENT_COLUMNS),
                          ("evidence.csv", EVIDENCE_COLUMNS)):
        with (out / name).open(newline="") as fh:
            rows = list(csv.reader(fh))
        assert tuple(rows[0]) == columns
        tables[name] = [dict(zip(rows[0], r)) for r in rows[1:]]
    assert len(tables["programs.csv"]) == 13 and len(tables["documents.csv"]) == 40
    kwic = next(r for r in tables["evidence.csv"] if r["status"] == "counted")
    assert kwic["match"] and kwic["match"].lower() in (kwic["left_context"] + kwic["match"] + kwic["right_context"]).lower()


def test_jsonl_streams_one_document_per_line():
    out = CliRunner().invoke(cli, ["scan", str(DEMO), "--format", "jsonl"]).output
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 40 and {"program", "path", "status", "evidence"} <= set(rows[0])


def test_check_fail_on_missing_exit_codes():
    program = DEMO / "us-ridgeview-msw"
    ok = CliRunner().invoke(cli, ["check", str(program), "--fail-on-missing", "alliance", "--method", "lexicon"])
    assert ok.exit_code == 0
    bad = CliRunner().invoke(cli, ["check", str(program), "--fail-on-missing", "alliance,feedback", "--method", "lexicon"])
    assert bad.exit_code == 1 and "missing required categories: feedback" in bad.output
    unknown = CliRunner().invoke(cli, ["check", str(program), "--fail-on-missing", "friendship"])
    assert unknown.exit_code == 2 and "unknown category 'friendship'" in unknown.output


def test_check_json_suggests_outcome_and_assessment_for_missing():
    rec = json.loads(CliRunner().invoke(cli, ["check", str(DEMO / "us-ridgeview-msw"), "--format", "json",
                                              "--method", "lexicon"]).output)
    missing = {m["category"]: m for m in rec["missing"]}
    assert missing["feedback"]["suggestion"]["outcome"] and missing["feedback"]["suggestion"]["assessment"]
    assert all(p["level"] in ("taught", "assessed", "mentioned") for p in rec["present"])


def test_diff_reports_gains_and_losses(tmp_path):
    runner = CliRunner()
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    runner.invoke(cli, ["scan", str(DEMO), "--format", "json", "-o", str(old), "--method", "lexicon"])
    data = json.loads(old.read_text())
    prog = next(p for p in data["programs"] if p["id"] == "us-ridgeview-msw")
    prog["sources"]["syllabus"]["categories"] = prog["sources"]["syllabus"]["categories"][1:]
    new.write_text(json.dumps(data))
    out = runner.invoke(cli, ["diff", str(old), str(new)]).output
    assert out.startswith("us-ridgeview-msw [syllabus]: lost ")
    assert runner.invoke(cli, ["diff", str(old), str(old)]).output == "No program gained or lost references.\n"
    bad = tmp_path / "bad.json"
    bad.write_text("[1]")
    res = runner.invoke(cli, ["diff", str(old), str(bad)])
    assert res.exit_code == 1 and "not a syllabus-audit scan JSON" in res.output


def test_streamed_jsonl_equals_the_documents_of_the_json_record():
    import syllabus_audit
    from syllabus_audit.report.exports import render_jsonl

    streamed = CliRunner().invoke(cli, ["scan", str(DEMO), "--format", "jsonl", "--quiet", "--jobs", "2"]).output
    assert streamed == render_jsonl(syllabus_audit.audit(DEMO))
