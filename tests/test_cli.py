"""CLI via CliRunner: exact output (golden files) and one-line errors."""

import json

import pytest
from click.testing import CliRunner

from syllabus_audit.cli import cli
from tests.conftest import DEMO, REPO

GOLDEN = REPO / "tests" / "golden"


def _run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def _golden(name: str, text: str, update: bool):
    path = GOLDEN / name
    if update:
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs (pytest --update-golden to accept)"


@pytest.mark.parametrize("fmt,name", [("table", "demo_scan.txt"), ("json", "demo_scan.json"), ("csv", "demo_scan.csv")])
def test_scan_demo_matches_golden(fmt, name, update_golden):
    result = _run("scan", DEMO, "--format", fmt)
    assert result.exit_code == 0
    _golden(name, result.output, update_golden)


def test_scan_table_fits_80_columns_and_ends_with_the_headline():
    out = _run("scan", DEMO).output
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "programs with syllabi" in out.split("\n\n")[-1]


def test_scan_output_file_equals_stdout(tmp_path):
    target = tmp_path / "a.json"
    assert _run("scan", DEMO, "--format", "json", "-o", target).exit_code == 0
    assert target.read_text() == _run("scan", DEMO, "--format", "json").output
    json.loads(target.read_text())


def test_scan_is_reproducible_byte_for_byte():
    assert _run("scan", DEMO, "--format", "json").output == _run("scan", DEMO, "--format", "json").output


def test_api_returns_the_json_data():
    import syllabus_audit

    assert json.loads(_run("scan", DEMO, "--format", "json").output) == syllabus_audit.audit(DEMO)


def test_check_one_program_matches_golden(update_golden):
    result = _run("check", DEMO / "us-ridgeview-msw")
    assert result.exit_code == 0
    _golden("check_ridgeview.txt", result.output, update_golden)


def test_check_json_lists_present_and_missing(tmp_path):
    f = tmp_path / "unit.txt"
    f.write_text("Unit outline\n\nStudents learn to build a therapeutic alliance with clients.\n")
    rec = json.loads(_run("check", f, "--format", "json").output)
    assert [p["category"] for p in rec["present"]] == ["alliance"]
    assert rec["present"][0]["evidence"]["line"] == 3
    assert len(rec["missing"]) == 9


def test_check_shows_why_a_missing_category_was_not_counted(tmp_path):
    f = tmp_path / "unit.txt"
    f.write_text("Counselling Skills\n\nLearning outcomes\n\n- Practise active listening in class.\n"
                 "- Understand empathy as a developmental construct.\n"
                 "- Students learn to build a therapeutic alliance with clients.\n")
    rec = json.loads(_run("check", f, "--format", "json").output)
    missing = {m["category"]: m for m in rec["missing"]}
    assert missing["empathy"]["near_miss"] == {
        "path": "unit.txt", "page": None, "line": 6, "text": "Understand empathy as a developmental construct.",
        "term": "empathy", "rule": "sense:construct", "why": "the words are used in another sense"}
    assert missing["microskills"]["near_miss"]["line"] == 5  # the sense, not the course title on line 1
    assert missing["feedback"]["near_miss"] is None  # nothing of it in the file
    assert all("near_miss" not in p for p in rec["present"])
    table = _run("check", f).output
    assert "not counted: “Understand empathy as a developmental construct.”" in table
    assert "unit.txt (line 6): the words are used in another sense (sense:construct)" in table


def test_missing_path_is_a_usage_error():
    result = CliRunner().invoke(cli, ["scan", "/no/such/folder"])
    assert result.exit_code == 2 and "does not exist" in result.output


def test_bad_lexicon_is_one_line_error(tmp_path):
    bad = tmp_path / "lex.yaml"
    bad.write_text("version: 1\ncategories: {}\ncontext: {client_cues: [], negation: {before: []}}\n")
    result = CliRunner().invoke(cli, ["scan", str(DEMO), "--lexicon", str(bad)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [f"Error: lex.yaml: categories: at least one category is required"]


def test_bad_manifest_is_one_line_error(tmp_path):
    (tmp_path / "p").mkdir()
    (tmp_path / "manifest.csv").write_text("path,program\n")
    result = CliRunner().invoke(cli, ["scan", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [f"Error: {tmp_path / 'manifest.csv'}: missing column 'doc_type' (need path, program, doc_type)"]


def test_lexicon_check_command():
    result = _run("lexicon", "check")
    assert result.exit_code == 0 and "10 categories" in result.output and "FAIL" not in result.output


def test_help_for_every_command():
    for args in (["--help"], ["scan", "--help"], ["check", "--help"], ["lexicon", "check", "--help"]):
        result = _run(*args)
        assert result.exit_code == 0 and "Usage:" in result.output
