"""Review sheets: passage ids, export, spreadsheet-safe writing, strict reading,
and applying reviewer decisions to hits."""

from __future__ import annotations

import csv
import io

import pytest

from syllabus_audit.errors import SyllabusAuditError
from syllabus_audit.pipeline.decisions import Decision, apply_decisions, group_hits, passage_id
from syllabus_audit.review.sheets import (SHEET_COLUMNS, ReviewSheetError, escape_cell, export_sheet, read_decisions,
                                          read_decisions_many, read_sheet, rule_categories, sheet_text, unescape_cell,
                                          write_sheet)
from syllabus_audit.types import COUNTED, NEGATED, OTHER_SENSE, Hit, Passage

SHA = "3f" * 32
CATS = ("alliance", "empathy", "genuineness", "positive_regard", "collaboration", "rupture_repair", "feedback",
        "countertransference", "microskills", "responsiveness")


# ---------------------------------------------------------------- passage ids

def test_passage_id_stable_under_whitespace_case_and_unicode_forms():
    base = passage_id("Build a therapeutic alliance with clients.", SHA)
    assert base.startswith("p") and len(base) == 17
    assert passage_id("  build a  THERAPEUTIC\talliance\nwith clients. ", SHA) == base
    assert passage_id("Build a therapeutic alliance with clients.", SHA.upper()) == base
    assert passage_id("Build a therapeutic\u00a0alliance with clients.", SHA) == base  # NBSP (NFKC)
    assert passage_id("ﬁeld work", SHA) == passage_id("field work", SHA)  # ligature (NFKC)


def test_passage_id_changes_with_text_or_document():
    base = passage_id("Build a therapeutic alliance with clients.", SHA)
    assert passage_id("Build a working alliance with clients.", SHA) != base
    assert passage_id("Build a therapeutic alliance with clients.", "00" * 32) != base


def test_passage_id_survives_reordering():
    texts = [f"Passage number {i} about empathy." for i in range(20)]
    ids = {t: passage_id(t, SHA) for t in texts}
    reordered = list(reversed(texts))
    assert {t: passage_id(t, SHA) for t in reordered} == ids
    assert len(set(ids.values())) == len(texts)


# ---------------------------------------------------------------- writing

@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://x\")", "+1+2", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_formula_cells_are_escaped(cell):
    assert escape_cell(cell) == "'" + cell
    assert unescape_cell(escape_cell(cell)) == cell


@pytest.mark.parametrize("cell", ["plain", "", "'quoted", "a=b", "12"])
def test_ordinary_cells_are_not_escaped(cell):
    assert escape_cell(cell) == cell
    assert unescape_cell(cell) == cell


def _row(text, **kw):
    r = {c: "" for c in SHEET_COLUMNS}
    r.update(passage_id=passage_id(text, SHA), program="p1", path="p1/a.txt", page="", line=3, section="",
             text=text, tool_decision="yes", tool_categories="alliance", tool_rule="alliance=counted:lexicon")
    r.update(kw)
    return r


def test_write_sheet_escapes_and_bom(tmp_path):
    rows = [_row("=cmd|' /C calc'!A0 build an alliance", note="-bad", section="@home")]
    p = write_sheet(rows, tmp_path / "s.csv", bom=True)
    raw = p.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    got = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert got[0] == list(SHEET_COLUMNS)
    cells = dict(zip(got[0], got[1]))
    assert cells["text"].startswith("'=") and cells["note"] == "'-bad" and cells["section"] == "'@home"
    for c in got[1]:
        assert not c.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert not write_sheet(rows, tmp_path / "n.csv").read_bytes().startswith(b"\xef\xbb\xbf")


# ---------------------------------------------------------------- reading

def _write(tmp_path, text, name="sheet.csv", encoding="utf-8"):
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return p


def _decided_sheet(tmp_path, decisions, **kw):
    rows = []
    for text, (dec, cats) in decisions.items():
        rows.append(_row(text, decision=dec, categories=cats))
    return write_sheet(rows, tmp_path / "sheet.csv", **kw)


def test_read_decisions_basic(tmp_path):
    p = _decided_sheet(tmp_path, {"Build an alliance.": ("yes", "empathy; alliance"), "Rapport.": ("NO", ""),
                                  "Undecided.": ("", "")})
    d = read_decisions(p)
    assert set(d) == {passage_id("Build an alliance.", SHA), passage_id("Rapport.", SHA)}
    yes = d[passage_id("Build an alliance.", SHA)]
    assert yes.decision == "yes" and yes.categories == ("alliance", "empathy")  # lexicon order
    assert yes.file == str(p) and yes.row == 2 and yes.program == "p1"
    assert d[passage_id("Rapport.", SHA)].decision == "no"


def test_read_accepts_spreadsheet_round_trip(tmp_path):
    """BOM, quotes removed, ';' delimiter, CRLF, extra column, Windows-1252, capitalised Yes."""
    pid = passage_id("Build an alliance.", SHA)
    header = ";".join(SHEET_COLUMNS) + ";extra"
    row = ";".join([pid, "p1", "p1/a.txt", "", "3", "", "=build an alliance – café", "yes", "", "alliance",
                    "alliance=counted:lexicon", "Yes", "", "-fine", "x"])
    p = _write(tmp_path, header + "\r\n" + row + "\r\n", encoding="cp1252")
    d = read_decisions(p)
    assert d[pid].decision == "yes" and d[pid].note == "-fine"
    p2 = _write(tmp_path, "\ufeff" + sheet_text([_row("Build an alliance.", decision="yes")]), "bom.csv")
    assert read_decisions(p2)[pid].decision == "yes"


def test_read_sheet_keeps_undecided_rows(tmp_path):
    p = _decided_sheet(tmp_path, {"A.": ("yes", ""), "B.": ("", "")})
    rows = read_sheet(p)
    assert [r.decision is None for r in rows] == [False, True]
    assert rows[0].tool_categories == ("alliance",)


def _error(path) -> str:
    with pytest.raises(ReviewSheetError) as info:
        read_decisions(path)
    msg = str(info.value)
    assert "\n" not in msg
    assert str(path) in msg
    assert isinstance(info.value, SyllabusAuditError)
    return msg


def test_error_missing_columns(tmp_path):
    msg = _error(_write(tmp_path, "text,label\nhello,1\n"))
    assert "row 1" in msg and "column 'passage_id'" in msg
    msg = _error(_write(tmp_path, "passage_id,program\np0123456789abcdef,x\n"))
    assert "row 1" in msg and "column 'decision'" in msg


def test_error_bad_decision(tmp_path):
    p = _decided_sheet(tmp_path, {"A.": ("yes", ""), "B.": ("maybe", "")})
    msg = _error(p)
    assert "row 3" in msg and "column 'decision'" in msg and "'maybe'" in msg


def test_error_unknown_category(tmp_path):
    p = _decided_sheet(tmp_path, {"A.": ("yes", "alliance;warmth")})
    msg = _error(p)
    assert "row 2" in msg and "column 'categories'" in msg and "'warmth'" in msg


def test_error_bad_passage_id(tmp_path):
    text = sheet_text([_row("A.", passage_id="row-17", decision="yes")])
    msg = _error(_write(tmp_path, text))
    assert "row 2" in msg and "column 'passage_id'" in msg
    text = sheet_text([_row("A.", passage_id="", decision="no", tool_categories="")])
    msg = _error(_write(tmp_path, text, "b.csv"))
    assert "row 2" in msg and "column 'passage_id'" in msg


def test_error_categories_on_no_and_yes_without_any(tmp_path):
    msg = _error(_decided_sheet(tmp_path, {"A.": ("no", "alliance")}))
    assert "row 2" in msg and "column 'categories'" in msg
    rows = [_row("B.", tool_decision="no", tool_categories="", tool_rule="no candidate (sampled 1 of 9)",
                 decision="yes")]
    msg = _error(write_sheet(rows, tmp_path / "neg.csv"))
    assert "row 2" in msg and "column 'categories'" in msg and "needs categories" in msg


def test_error_conflicting_duplicate_rows(tmp_path):
    rows = [_row("A.", decision="yes"), _row("A.", decision="no", tool_categories="")]
    msg = _error(write_sheet(rows, tmp_path / "dup.csv"))
    assert "row 3" in msg and "row 2" in msg and "column 'decision'" in msg
    same = [_row("A.", decision="yes"), _row("A.", decision="yes")]
    assert len(read_decisions(write_sheet(same, tmp_path / "same.csv"))) == 1


def test_error_too_many_fields_binary_and_empty(tmp_path):
    text = ",".join(SHEET_COLUMNS) + "\n" + ",".join(["x"] * (len(SHEET_COLUMNS) + 2)) + "\n"
    msg = _error(_write(tmp_path, text))
    assert "row 2" in msg and "column" in msg
    p = tmp_path / "book.csv"
    p.write_bytes(b"PK\x03\x04\x00\x00binary")
    assert "not a CSV" in _error(p)
    assert "row 1" in _error(_write(tmp_path, "", "empty.csv"))
    missing = tmp_path / "nope.csv"
    with pytest.raises(ReviewSheetError, match="cannot read"):
        read_decisions(missing)


def test_read_decisions_many_conflict(tmp_path):
    a = write_sheet([_row("A.", decision="yes")], tmp_path / "a.csv")
    b = write_sheet([_row("A.", decision="no", tool_categories="")], tmp_path / "b.csv")
    c = write_sheet([_row("A.", decision="yes")], tmp_path / "c.csv")
    assert len(read_decisions_many([a, c])) == 1
    with pytest.raises(ReviewSheetError) as info:
        read_decisions_many([a, b])
    assert str(b) in str(info.value) and str(a) in str(info.value) and "\n" not in str(info.value)


# ---------------------------------------------------------------- export

def _ev(text, category, status, rule, level=None, score=None, line=1):
    return {"text": text, "category": category, "term": category, "matched": category, "start": 0, "end": 1,
            "page": None, "line": line, "section": "Outcomes", "section_kind": "learning_outcomes",
            "status": status, "level": level, "rule": rule, "score": score}


RECORD = {"programs": [{"id": "p1", "documents": [
    {"path": "p1/a.txt", "sha256": SHA, "status": "ok", "evidence": [
        _ev("Build an alliance and show empathy.", "alliance", "counted", "lexicon", "taught", 0.9, line=4),
        _ev("Build an alliance and show empathy.", "empathy", "counted", "lexicon", "taught", 0.7, line=4),
        _ev("Rapport with research participants.", "alliance", "other_sense", "sense:research", line=2),
        _ev("Respectful relationships policy.", "alliance", "counted", "lexicon", "boilerplate", line=9),
        _ev("=1+1 feedback to clients", "feedback", "counted", "lexicon", "mentioned", line=7),
    ]},
    {"path": "p1/broken.pdf", "sha256": None, "status": "corrupt", "evidence": []},
]}]}


def test_export_one_row_per_passage():
    rows = export_sheet(RECORD)
    assert [r["line"] for r in rows] == [2, 4, 7, 9]
    assert all(list(r) == list(SHEET_COLUMNS) for r in rows)
    by_line = {r["line"]: r for r in rows}
    merged = by_line[4]
    assert merged["passage_id"] == passage_id("Build an alliance and show empathy.", SHA)
    assert merged["tool_decision"] == "yes" and merged["tool_categories"] == "alliance;empathy"
    assert merged["tool_score"] == "0.9000"
    assert merged["tool_rule"] == "alliance=counted:lexicon; empathy=counted:lexicon"
    assert merged["decision"] == merged["categories"] == merged["note"] == ""
    assert by_line[2]["tool_decision"] == "no" and by_line[2]["tool_categories"] == ""
    assert rule_categories(by_line[2]["tool_rule"]) == {"alliance"}
    assert by_line[9]["tool_decision"] == "no"  # boilerplate does not make a mention
    assert by_line[9]["tool_rule"].endswith(":boilerplate")
    assert "'=1+1" in sheet_text(rows)


def test_export_negatives_need_corpus_and_record_checked():
    with pytest.raises(ReviewSheetError, match="--corpus"):
        export_sheet(RECORD, sample_negatives=3)
    with pytest.raises(ReviewSheetError, match="programs"):
        export_sheet({"foo": 1})


# ---------------------------------------------------------------- applying decisions

TEXTS = ["Build an alliance with clients.", "Rapport with research participants.",
         "Avoid dual relationships.", "Weekly readings."]
PASSAGES = [Passage(i, t, "paragraph", None, i + 1) for i, t in enumerate(TEXTS)]


def _hit(p, category, status, rule="lexicon", level=""):
    return Hit(category=category, term=category, matched=category, passage=p, start=0, end=3, status=status,
               rule=rule, level=level)


def _passage_hits():
    p0, p1, p2, p3 = PASSAGES
    return [
        (p0, [_hit(p0, "alliance", COUNTED, level="taught"), _hit(p0, "empathy", NEGATED, "negation:not")]),
        (p1, [_hit(p1, "alliance", OTHER_SENSE, "sense:research")]),
        (p2, [_hit(p2, "ethics_boundary", OTHER_SENSE, "tag:ethics_boundary")]),
        (p3, []),
    ]


def _dec(text, decision, cats=()):
    return {passage_id(text, SHA): Decision(passage_id(text, SHA), decision, tuple(cats))}


def test_apply_no_decision_leaves_hits():
    used = set()
    ph = _passage_hits()
    assert apply_decisions(ph, SHA, {}, used) == [h for _, hs in ph for h in hs]
    assert used == set()


def test_apply_no():
    used = set()
    out = apply_decisions(_passage_hits(), SHA, _dec(TEXTS[0], "no"), used)
    mine = [h for h in out if h.passage is PASSAGES[0]]
    assert [(h.category, h.status, h.rule, h.decided_by, h.level) for h in mine] == [
        ("alliance", OTHER_SENSE, "reviewer", "reviewer", ""),
        ("empathy", NEGATED, "negation:not", "reviewer", "")]
    assert all(h.decided_by == "tool" for h in out if h.passage is not PASSAGES[0])
    assert used == {passage_id(TEXTS[0], SHA)}


def test_apply_yes_without_categories_counts_category_hits():
    used = set()
    out = apply_decisions(_passage_hits(), SHA, _dec(TEXTS[1], "yes"), used)
    mine = [h for h in out if h.passage is PASSAGES[1]]
    assert [(h.category, h.status, h.rule, h.decided_by, h.level) for h in mine] == [
        ("alliance", COUNTED, "reviewer", "reviewer", "mentioned")]
    assert used == {passage_id(TEXTS[1], SHA)}


def test_apply_yes_with_categories():
    used = set()
    level = lambda h: "boilerplate" if h.category == "feedback" else "assessed"  # noqa: E731
    out = apply_decisions(_passage_hits(), SHA, _dec(TEXTS[0], "yes", ["empathy", "feedback"]), used,
                          level=level)
    mine = [(h.category, h.term, h.status, h.rule, h.decided_by, h.level) for h in out
            if h.passage is PASSAGES[0]]
    assert mine == [
        ("alliance", "alliance", OTHER_SENSE, "reviewer", "reviewer", ""),
        ("empathy", "empathy", COUNTED, "reviewer", "reviewer", "assessed"),
        ("feedback", "(reviewer)", COUNTED, "reviewer", "reviewer", "mentioned"),  # never boilerplate
    ]
    added = [h for h in out if h.term == "(reviewer)"][0]
    assert (added.start, added.end, added.matched) == (0, len(TEXTS[0]), TEXTS[0])


def test_apply_yes_on_passage_without_hits_and_tags():
    used, skipped = set(), set()
    decisions = {**_dec(TEXTS[3], "yes", ["alliance"]), **_dec(TEXTS[2], "yes")}
    out = apply_decisions(_passage_hits(), SHA, decisions, used, skipped=skipped)
    p3 = [h for h in out if h.passage is PASSAGES[3]]
    assert [(h.category, h.status, h.term) for h in p3] == [("alliance", COUNTED, "(reviewer)")]
    # a yes without categories on a passage with only a tag hit cannot be applied
    p2 = [h for h in out if h.passage is PASSAGES[2]]
    assert [(h.status, h.decided_by) for h in p2] == [(OTHER_SENSE, "tool")]
    assert used == {passage_id(TEXTS[3], SHA)} and skipped == {passage_id(TEXTS[2], SHA)}
    # the tag keeps its status when the passage is decided with categories
    out = apply_decisions(_passage_hits(), SHA, _dec(TEXTS[2], "yes", ["alliance"]), set())
    p2 = [(h.category, h.status, h.decided_by) for h in out if h.passage is PASSAGES[2]]
    assert p2 == [("ethics_boundary", OTHER_SENSE, "reviewer"), ("alliance", COUNTED, "reviewer")]


def test_apply_other_document_does_not_match():
    used = set()
    out = apply_decisions(_passage_hits(), "00" * 32, _dec(TEXTS[0], "no"), used)
    assert used == set() and out[0].status == COUNTED


def test_group_hits_regroups_final_hits():
    ph = _passage_hits()
    final = [h for _, hs in ph for h in hs][1:]
    grouped = group_hits(ph, final)
    assert [p for p, _ in grouped] == PASSAGES
    assert [len(hs) for _, hs in grouped] == [1, 1, 1, 0]
