"""End to end through the CLI: scan -> review export -> a scripted reviewer edits
decisions -> scan --decisions -> verdicts and counts change exactly as edited."""

import csv
import json
import shutil

from click.testing import CliRunner

from syllabus_audit.cli import cli
from tests.conftest import DEMO


def _invoke(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result


def test_round_trip(tmp_path):
    corpus = tmp_path / "demo"
    shutil.copytree(DEMO / "us-ridgeview-msw", corpus / "us-ridgeview-msw")
    shutil.copytree(DEMO / "uk-fenmoor-msc-social-research-methods", corpus / "uk-fenmoor-msc-social-research-methods")
    audit = tmp_path / "audit.json"
    _invoke("scan", corpus, "--format", "json", "-o", audit, "--method", "lexicon", "--no-cache", "-q")
    sheet = tmp_path / "sheet.csv"
    _invoke("review", "export", audit, "-o", sheet, "--corpus", corpus, "--sample-negatives", "3", "--seed", "1")
    with sheet.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    yes_rows = [r for r in rows if r["tool_decision"] == "yes" and r["program"] == "us-ridgeview-msw"]
    sampled = [r for r in rows if r["tool_rule"].startswith("no candidate")]
    assert yes_rows and len(sampled) == 3
    # the reviewer rejects every counted passage of ridgeview's syllabus ...
    syllabus_yes = [r for r in yes_rows if "syllabi/" in r["path"]]
    for r in syllabus_yes:
        r["decision"] = "no"
    # ... accepts one sampled passage in fenmoor as alliance ...
    fen = next(r for r in sampled if r["program"] == "uk-fenmoor-msc-social-research-methods")
    fen["decision"], fen["categories"] = "yes", "alliance"
    # ... and decides on a passage whose text has since changed (no longer matches)
    ghost = dict(yes_rows[0], passage_id="p0000000000000000", decision="yes")
    rows.append(ghost)
    with sheet.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)

    after = json.loads(_invoke("scan", corpus, "--format", "json", "--method", "lexicon", "--no-cache", "-q",
                               "--decisions", sheet).stdout)
    before = json.loads(audit.read_text())
    progs = {p["id"]: p for p in after["programs"]}
    prev = {p["id"]: p for p in before["programs"]}
    assert prev["us-ridgeview-msw"]["sources"]["syllabus"]["mentions"] is True
    assert progs["us-ridgeview-msw"]["sources"]["syllabus"]["mentions"] is False
    fen_doc = next(d for d in progs["uk-fenmoor-msc-social-research-methods"]["documents"] if d["path"] == fen["path"])
    assert fen_doc["mentions"] is True and fen_doc["categories"] == ["alliance"]
    reviewed = [e for d in fen_doc["evidence"] for e in [d] if e["decided_by"] == "reviewer"]
    assert reviewed and reviewed[0]["rule"] == "reviewer"
    dec = after["summary"]["decisions"]
    assert dec["applied"] == len(syllabus_yes) + 1
    assert dec["unmatched"] == 1 and dec["unmatched_passage_ids"] == ["p0000000000000000"]
    # the summary follows the edits: ridgeview's syllabus now makes no reference
    assert after["summary"]["sources"]["syllabus"]["no_reference"] == before["summary"]["sources"]["syllabus"]["no_reference"] + 1
