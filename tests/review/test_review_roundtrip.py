"""Round trip at the function level: scan the demo corpus -> export a review
sheet -> a scripted reviewer edits some decisions (through a spreadsheet-like
rewrite) -> read them back -> apply them to the re-segmented passages: exactly
the edited passages change, and a decision whose passage text changed is
reported unmatched."""

from __future__ import annotations

import csv
import io
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

import syllabus_audit
from syllabus_audit.read.digest import file_sha256
from syllabus_audit.pipeline.decisions import apply_decisions, group_hits, passage_id
from syllabus_audit.review.sheets import (SHEET_COLUMNS, document_passage_groups, document_passages, export_sheet,
                                          read_decisions, unescape_cell, write_sheet)
from syllabus_audit.types import COUNTED

DEMO = Path(__file__).resolve().parents[2] / "corpora" / "demo"


@pytest.fixture(scope="module")
def record():
    return syllabus_audit.audit(DEMO, method="lexicon")


@pytest.fixture(scope="module")
def sheet_rows(record, auditor):
    return export_sheet(record, sample_negatives=12, seed=5, corpus=DEMO, auditor=auditor)


def _with_levels(auditor, hits):
    sec = auditor.sections
    return [replace(h, level=sec.level(h.passage.section_kind, h.passage.text, h.strength))
            if h.status == COUNTED else h for h in hits]


def _level(auditor):
    return lambda h: auditor.sections.level(h.passage.section_kind, h.passage.text, h.strength)


def _doc_counted(hits) -> set[tuple[int, str]]:
    return {(h.passage.index, h.category) for h in hits if h.status == COUNTED and h.level != "boilerplate"}


def _spreadsheet_round_trip(path: Path) -> Path:
    """What a spreadsheet does on save: the BOM and the leading ' escapes are gone."""
    text = path.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows([[unescape_cell(c) for c in r] for r in rows])
    out = path.with_name("saved-by-spreadsheet.csv")
    out.write_text(buf.getvalue(), encoding="utf-8")
    return out


def test_export_covers_every_candidate_and_sample(record, sheet_rows):
    ids = [r["passage_id"] for r in sheet_rows]
    assert len(ids) == len(set(ids))
    evidence_ids = {passage_id(e["text"], d["sha256"]) for p in record["programs"] for d in p["documents"]
                    for e in d["evidence"]}
    assert evidence_ids <= set(ids)
    negatives = [r for r in sheet_rows if r["tool_rule"].startswith("no candidate")]
    assert len(negatives) == 12 and not evidence_ids & {r["passage_id"] for r in negatives}
    assert all(r["tool_decision"] == "no" for r in negatives)
    assert all(list(r) == list(SHEET_COLUMNS) for r in sheet_rows)


def test_negative_sample_is_seeded(record, sheet_rows, auditor):
    again = export_sheet(record, sample_negatives=12, seed=5, corpus=DEMO, auditor=auditor)
    assert again == sheet_rows
    other = export_sheet(record, sample_negatives=12, seed=6, corpus=DEMO, auditor=auditor)
    assert {r["passage_id"] for r in other} != {r["passage_id"] for r in sheet_rows}


def test_round_trip_changes_exactly_the_edited_passages(record, sheet_rows, auditor, tmp_path):
    flagged = [r for r in sheet_rows if r["tool_decision"] == "yes"]
    by_doc: dict[str, list[dict]] = {}
    for r in flagged:
        by_doc.setdefault(r["path"], []).append(r)
    # the scripted reviewer:
    flip = next(rs[0] for rs in by_doc.values() if len(rs) == 1)  # the only counted passage of its document
    accept = next(r for r in flagged if r is not flip and ";" not in r["tool_categories"])
    recat = next(r for r in flagged if r["path"] not in (flip["path"], accept["path"])
                 and r["tool_categories"] != "feedback")
    near = next(r for r in sheet_rows if r["tool_decision"] == "no" and not r["tool_rule"].startswith("no candidate")
                and any(c.split("=")[0] in auditor.lexicon.category_ids for c in r["tool_rule"].split("; ")))
    negative = next(r for r in sheet_rows if r["tool_rule"].startswith("no candidate") and r["path"] != flip["path"])
    edits = {flip["passage_id"]: ("no", ""), accept["passage_id"]: ("yes", ""),
             recat["passage_id"]: ("Yes", "feedback"), near["passage_id"]: ("yes", ""),
             negative["passage_id"]: ("yes", "microskills; empathy")}
    edited = [{**r, "decision": edits[r["passage_id"]][0], "categories": edits[r["passage_id"]][1],
               "note": "=scripted"} if r["passage_id"] in edits else r for r in sheet_rows]
    sheet = _spreadsheet_round_trip(write_sheet(edited, tmp_path / "sheet.csv", bom=True))
    decisions = read_decisions(sheet)
    assert set(decisions) == set(edits)
    assert decisions[negative["passage_id"]].categories == ("empathy", "microskills")
    assert decisions[flip["passage_id"]].note == "=scripted"

    used: set = set()
    changed: dict[str, tuple[set, set]] = {}
    for program in record["programs"]:
        for doc in program["documents"]:
            if doc["status"] != "ok":
                continue
            groups = document_passage_groups(auditor, DEMO / doc["path"], doc["path"])
            assert len(groups) == 1  # the demo is English
            passages = groups[0]
            before = _with_levels(auditor, [h for _, hs in passages for h in hs])
            assert len(before) == len(doc["evidence"])  # the re-segmentation reproduces the scan
            after = apply_decisions(group_hits(passages, before), doc["sha256"], decisions, used,
                                    level=_level(auditor))
            ids = {p.index: passage_id(p.text, doc["sha256"]) for p, _ in passages}
            for idx, pid in ids.items():
                b = [h for h in before if h.passage.index == idx]
                a = [h for h in after if h.passage.index == idx]
                if pid in edits:
                    changed[pid] = (_doc_counted(b), _doc_counted(a))
                    assert all(h.decided_by == "reviewer" for h in a)
                else:
                    assert a == b
            if doc["path"] == flip["path"]:
                assert doc["mentions"] is True and not _doc_counted(after)  # the document no longer mentions
    assert used == set(edits)
    cats = lambda s: {c for _, c in s}  # noqa: E731
    assert cats(changed[flip["passage_id"]][1]) == set()
    assert cats(changed[accept["passage_id"]][1]) == set(accept["tool_categories"].split(";"))
    assert cats(changed[recat["passage_id"]][1]) == {"feedback"}
    assert cats(changed[near["passage_id"]][0]) == set() and cats(changed[near["passage_id"]][1])
    assert cats(changed[negative["passage_id"]][0]) == set()
    assert cats(changed[negative["passage_id"]][1]) == {"empathy", "microskills"}


def test_decision_for_changed_text_is_unmatched(record, auditor, tmp_path):
    src = DEMO / "au-tamarind-mpsych-health"
    corpus = tmp_path / "corpus"
    shutil.copytree(src, corpus / src.name)
    rel = f"{src.name}/about-the-program.txt"
    doc = next(d for p in record["programs"] for d in p["documents"] if d["path"] == rel)
    rows = export_sheet({"programs": [{"id": src.name, "documents": [doc]}]})
    target = next(r for r in rows if "therapeutic alliance with patients" in r["text"])
    others = [r for r in rows if r["passage_id"] != target["passage_id"]]
    other = next((r for r in others if r["tool_decision"] == "yes"), others[0])
    edited = [{**r, "decision": "no"} if r["passage_id"] in (target["passage_id"], other["passage_id"]) else r
              for r in rows]
    decisions = read_decisions(write_sheet(edited, tmp_path / "sheet.csv"))
    assert len(decisions) == 2

    # unchanged file: both decisions apply
    used: set = set()
    passages = document_passages(auditor, corpus / rel, rel)
    apply_decisions(passages, file_sha256(corpus / rel), decisions, used)
    assert used == {target["passage_id"], other["passage_id"]}

    # the same passage re-extracted with different wrapping/case still matches (same document bytes)
    used = set()
    rewrapped = [(replace(p, text="  " + p.text.upper().replace(" ", "\n ")), hs) for p, hs in passages]
    apply_decisions(rewrapped, doc["sha256"], decisions, used)
    assert used == {target["passage_id"], other["passage_id"]}

    # the passage's text edited in memory (same document hash): only that decision is unmatched
    used = set()
    edited_passages = [(replace(p, text=p.text.replace("therapeutic alliance", "working alliance")), hs)
                       for p, hs in passages]
    out = apply_decisions(edited_passages, doc["sha256"], decisions, used)
    assert used == {other["passage_id"]}
    assert set(decisions) - used == {target["passage_id"]}
    assert any(h.status == COUNTED and h.decided_by == "tool" and "alliance with patients" in h.passage.text
               for h in out)  # the tool's verdict stands

    # the file edited: its passages' ids change, the decisions no longer match and the verdict stands
    path = corpus / rel
    path.write_text(path.read_text(encoding="utf-8").replace("build a therapeutic alliance",
                                                             "build a strong therapeutic alliance"),
                    encoding="utf-8")
    used = set()
    passages = document_passages(auditor, path, rel)
    out = apply_decisions(passages, file_sha256(path), decisions, used)
    assert used == set()
    assert any(h.status == COUNTED and "strong therapeutic alliance" in h.passage.text for h in out)


def test_cli_export_and_agreement(record, tmp_path):
    import json

    from click.testing import CliRunner

    from syllabus_audit.review.cli import agreement, review

    audit_json = tmp_path / "audit.json"
    audit_json.write_text(json.dumps(record), encoding="utf-8")
    sheet = tmp_path / "sheet.csv"
    runner = CliRunner()
    res = runner.invoke(review, ["export", str(audit_json), "-o", str(sheet), "--corpus", str(DEMO),
                                 "--sample-negatives", "5", "--seed", "2", "--bom"])
    assert res.exit_code == 0, res.output
    assert sheet.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(sheet.read_text(encoding="utf-8-sig"))))
    for r in rows[:20]:
        r["decision"] = r["tool_decision"]
    for r in rows[20:25]:
        r["decision"] = "no"
    reviewed = tmp_path / "reviewed.csv"
    with reviewed.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, SHEET_COLUMNS)
        w.writeheader()
        w.writerows(rows)
    res = runner.invoke(agreement, [str(reviewed), "--audit", str(audit_json), "--format", "json"])
    assert res.exit_code == 0, res.output
    rep = json.loads(res.output)
    assert rep["passage"]["comparisons"][0]["units"] == 25
    assert rep["tool_accuracy"]["strata"]["sampled_negative"]["size"] > 5
    res = runner.invoke(agreement, [str(reviewed)])
    assert res.exit_code == 0 and "tool vs reviewed" in res.output

    res = runner.invoke(review, ["export", str(audit_json), "-o", str(sheet), "--sample-negatives", "5"])
    assert res.exit_code == 1 and res.output.count("\n") == 1 and "--corpus" in res.output
    bad = tmp_path / "bad.csv"
    bad.write_text("passage_id,decision\np0123456789abcdef,perhaps\n", encoding="utf-8")
    res = runner.invoke(agreement, [str(bad)])
    assert res.exit_code == 1 and res.output.count("\n") == 1
    assert str(bad) in res.output and "row 2" in res.output and "'decision'" in res.output
