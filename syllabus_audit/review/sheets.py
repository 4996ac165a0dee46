"""Human review: review sheets (CSV) and the reviewer decisions read from them.

The tool proposes, a person decides, the decision sticks:

* passages are named by ``pipeline.decisions.passage_id`` (the normalised
  text and the document's content hash).
* :func:`export_sheet` turns a scan record into review rows, one per candidate
  passage (counted hits and near-misses) plus an optional seeded sample of
  passages with no candidate; :func:`write_sheet` writes them as a
  spreadsheet-safe CSV.
* :func:`read_decisions` reads the reviewer's ``decision``/``categories``
  columns back, strictly (errors name the file, row and column).
* the decisions are data (``pipeline.decisions.Decision`` by passage id); a
  scan applies them with ``pipeline.decisions.apply_decisions``.
"""

from __future__ import annotations

import csv
import io
import random
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import SyllabusAuditError
from ..pipeline.decisions import Decision, passage_id
from ..read.digest import file_sha256
from ..rules.lexicon import shipped_category_ids
from ..types import COUNTED, Hit, Passage

SHEET_COLUMNS = ("passage_id", "program", "path", "page", "line", "section", "text", "tool_decision",
                 "tool_score", "tool_categories", "tool_rule", "decision", "categories", "note")
REVIEWER_COLUMNS = ("decision", "categories", "note")
DECISIONS = ("yes", "no")
NO_CANDIDATE = "no candidate"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ID_RE = re.compile(r"^p[0-9a-f]{16}$")
_SAMPLED_RE = re.compile(r"sampled (\d+) of (\d+)")


class ReviewSheetError(SyllabusAuditError):
    """A review sheet is unreadable or invalid (file, row and column named)."""


# ---------------------------------------------------------------- passage ids

# ---------------------------------------------------------------- export

def _is_tool_yes(ev: dict) -> bool:
    """A hit that makes its document mention relationship skills (counted and
    not policy boilerplate), as ``DocumentResult.counted``."""
    return ev.get("status") == COUNTED and ev.get("level") != "boilerplate"


def _rule_summary(evidence: list[dict]) -> str:
    seen: list[str] = []
    for ev in evidence:
        entry = f"{ev.get('category')}={ev.get('status')}:{ev.get('rule')}"
        if ev.get("status") == COUNTED and ev.get("level") == "boilerplate":
            entry += ":boilerplate"
        if entry not in seen:
            seen.append(entry)
    return "; ".join(seen)


def rule_categories(tool_rule: str) -> set[str]:
    """Categories named in a sheet's ``tool_rule`` summary (every hit of the passage)."""
    if not tool_rule or tool_rule.startswith(NO_CANDIDATE):
        return set()
    return {part.split("=", 1)[0].strip() for part in tool_rule.split(";") if "=" in part}


def _candidate_rows(program: str, doc: dict) -> dict[str, dict]:
    groups: dict[str, list[dict]] = {}
    for ev in doc.get("evidence") or []:
        groups.setdefault(passage_id(ev.get("text") or "", doc.get("sha256") or ""), []).append(ev)
    rows = {}
    for pid, evs in groups.items():
        first = evs[0]
        scores = [e["score"] for e in evs if isinstance(e.get("score"), (int, float))]
        yes = [e for e in evs if _is_tool_yes(e)]
        rows[pid] = _row(pid, program, doc["path"], first.get("page"), first.get("line"),
                         first.get("section") or "", first.get("text") or "",
                         tool_decision="yes" if yes else "no",
                         tool_score="" if not scores else f"{max(scores):.4f}",
                         tool_categories=";".join(sorted({e["category"] for e in yes})),
                         tool_rule=_rule_summary(evs))
    return rows


def _row(pid, program, path, page, line, section, text, *, tool_decision, tool_score, tool_categories,
         tool_rule) -> dict:
    return {"passage_id": pid, "program": program, "path": path,
            "page": "" if page is None else page, "line": "" if line is None else line,
            "section": section, "text": text, "tool_decision": tool_decision, "tool_score": tool_score,
            "tool_categories": tool_categories, "tool_rule": tool_rule,
            "decision": "", "categories": "", "note": ""}


def _check_record(record) -> None:
    if not isinstance(record, dict) or not isinstance(record.get("programs"), list):
        raise ReviewSheetError("not a syllabus-audit scan record (no 'programs'); "
                               "give the output of scan --format json")


def document_passage_groups(auditor, abs_path: str | Path, rel_path: str,
                            language: str | None = None) -> list[list[tuple[Passage, list[Hit]]]]:
    """Re-segment one document as the pipeline does: one group per language
    with a lexicon (the blocks of that language, segmented and matched
    together; passage indices are unique within a group), each passage with
    its lexicon hits (possibly none). Empty when the file no longer reads."""
    from ..read.extract import extract_file
    from ..read.language import document_language
    from ..text.segment import segment
    from ..types import OK

    settings = getattr(auditor, "settings", None)
    extracted = extract_file(str(abs_path), rel_path, ocr=bool(getattr(settings, "ocr", False)))
    if extracted.status != OK:
        return []
    if not hasattr(auditor, "passage_groups"):  # a pipeline without language routing
        return [auditor.detector.detect_passages(segment(extracted, auditor.nlp, rules=auditor.sections))]
    forced = language or getattr(settings, "language", None)
    document = (forced, 1.0) if forced else document_language(extracted.blocks)
    groups, _ = auditor.passage_groups(extracted, document, full=True, language=forced)
    return [passages for _, passages in groups]


def document_passages(auditor, abs_path: str | Path, rel_path: str) -> list[tuple[Passage, list[Hit]]]:
    """All passages of :func:`document_passage_groups`, flattened."""
    return [ph for group in document_passage_groups(auditor, abs_path, rel_path) for ph in group]


def export_sheet(record: dict, *, sample_negatives: int = 0, seed: int = 0, corpus: Path | None = None,
                 auditor=None) -> list[dict]:
    """Review rows for a scan record (columns :data:`SHEET_COLUMNS`).

    One row per passage with evidence (its hits merged: ``tool_decision`` yes
    when any hit is counted outside policy boilerplate, ``tool_categories``
    those hits' categories, ``tool_score`` the highest score, ``tool_rule``
    ``category=status:rule`` for every hit), plus ``sample_negatives``
    passages without any hit, drawn with ``random.Random(seed)`` from the
    readable documents re-segmented under ``corpus`` (the scanned root; the
    files must be unchanged since the scan). Their ``tool_rule`` is
    ``no candidate (sampled K of N)`` with N the number of such passages, so
    the agreement report can weight them. Identical passages of one document
    share an id and one row (the first occurrence). Rows are sorted by
    program, path, page and line.
    """
    _check_record(record)
    if sample_negatives < 0:
        raise ReviewSheetError("--sample-negatives must be 0 or more")
    if sample_negatives and corpus is None:
        raise ReviewSheetError("--sample-negatives needs --corpus (the folder that was scanned) "
                               "to find passages without candidates")
    rows: dict[str, dict] = {}
    for program in record["programs"]:
        for doc in program.get("documents") or []:
            for pid, row in _candidate_rows(program["id"], doc).items():
                rows.setdefault(pid, row)
    if sample_negatives:
        pool = _negative_pool(record, Path(corpus), set(rows), auditor)
        picked = random.Random(seed).sample(pool, min(sample_negatives, len(pool)))
        note = f"{NO_CANDIDATE} (sampled {len(picked)} of {len(pool)})"
        for pid, program, path, passage in picked:
            rows[pid] = _row(pid, program, path, passage.page, passage.line, passage.section, passage.text,
                             tool_decision="no", tool_score="", tool_categories="", tool_rule=note)
    return sorted(rows.values(), key=lambda r: (r["program"], r["path"], _num(r["page"]), _num(r["line"])))


def _num(x) -> int:
    return x if isinstance(x, int) else -1


def _negative_pool(record: dict, corpus: Path, candidates: set[str], auditor) -> list:
    from ..rules.lexicon import load_lexicon
    from ..pipeline.auditor import Auditor

    if not corpus.is_dir():
        raise ReviewSheetError(f"{corpus}: --corpus must be the folder that was scanned")
    if auditor is None:
        auditor = Auditor(load_lexicon(), method="lexicon")
    used_sha = (record.get("lexicon") or {}).get("sha256")
    if used_sha and used_sha != auditor.lexicon.sha256:
        raise ReviewSheetError(f"the audit used lexicon {used_sha[:12]}…, not {auditor.lexicon.source} "
                               "(give the same --lexicon as the scan)")
    pool, seen = [], set(candidates)
    for program in record["programs"]:
        for doc in program.get("documents") or []:
            if doc.get("status") != "ok" or not doc.get("sha256"):
                continue
            abs_path = corpus / doc["path"]
            if not abs_path.is_file():
                raise ReviewSheetError(f"{abs_path}: not found (is --corpus the folder that was scanned?)")
            if file_sha256(abs_path) != doc["sha256"]:
                raise ReviewSheetError(f"{abs_path}: changed since the scan (sha256 differs); scan again")
            for passage, hits in document_passages(auditor, abs_path, doc["path"]):
                pid = passage_id(passage.text, doc["sha256"])
                if hits or pid in seen or not passage.text.strip():
                    continue
                seen.add(pid)
                pool.append((pid, program["id"], doc["path"], passage))
    return pool


# ---------------------------------------------------------------- writing

def escape_cell(value) -> str:
    """A cell as text, with a leading ``'`` if a spreadsheet could read it as
    a formula (it begins with ``=``, ``+``, ``-``, ``@``, a tab or a CR)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def unescape_cell(text: str) -> str:
    """Undo :func:`escape_cell` (a no-op when a spreadsheet already removed the quote)."""
    if len(text) >= 2 and text[0] == "'" and text[1] in "=+-@\t\r":
        return text[1:]
    return text


def sheet_text(rows: Iterable[dict]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(SHEET_COLUMNS)
    for r in rows:
        w.writerow([escape_cell(r.get(c, "")) for c in SHEET_COLUMNS])
    return buf.getvalue()


def write_sheet(rows: Iterable[dict], path: str | Path, bom: bool = False) -> Path:
    """Write review rows as CSV (UTF-8, optionally with a BOM for Excel; CRLF;
    formula-injection safe)."""
    path = Path(path)
    try:
        path.write_bytes(sheet_text(rows).encode("utf-8-sig" if bom else "utf-8"))
    except OSError as exc:
        raise ReviewSheetError(f"{path}: cannot write: {exc.strerror or exc}") from None
    return path


# ---------------------------------------------------------------- reading

@dataclass(frozen=True, slots=True)
class SheetRow:
    """One data row of a review sheet, validated."""

    passage_id: str
    row: int
    program: str
    path: str
    tool_decision: str  # yes | no | "" (column absent or empty)
    tool_categories: tuple[str, ...]
    tool_rule: str
    decision: Decision | None  # None when the reviewer left it empty


def _split_categories(cell: str) -> tuple[str, ...]:
    return tuple(c for c in re.split(r"[;,\s]+", cell.strip().lower()) if c)


def _decode(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ReviewSheetError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if b"\0" in raw[:4096]:
        raise ReviewSheetError(f"{path}: not a CSV file (binary content; save the sheet as CSV)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:  # Excel's "CSV (Comma delimited)" on Windows
            return raw.decode("cp1252")
        except UnicodeDecodeError:
            raise ReviewSheetError(f"{path}: not a UTF-8 (or Windows-1252) CSV file") from None


def read_sheet(path: str | Path, category_ids: Iterable[str] | None = None) -> list[SheetRow]:
    """Read and validate a review sheet (all rows, decided or not).

    Accepts the file after a spreadsheet round trip: a BOM, CRLF, ``;`` or
    tab delimiters, extra columns, cells with or without the leading ``'``
    escape, upper-case ``Yes``/``NO``. Errors are one line naming the file,
    row (1 = header, as a spreadsheet numbers them) and column.
    """
    path = Path(path)
    known = tuple(category_ids) if category_ids is not None else shipped_category_ids()
    text = _decode(path)
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=lambda d: ("passage_id" in first.lower().split(d), first.count(d)))
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise ReviewSheetError(f"{path}: not a readable CSV file: {exc}") from None
    if not records or not any(c.strip() for c in records[0]):
        raise ReviewSheetError(f"{path}: row 1: empty file (a review sheet needs a header row)")
    header = [unescape_cell(c).strip().lower() for c in records[0]]
    for needed in ("passage_id", "decision"):
        if needed not in header:
            raise ReviewSheetError(f"{path}: row 1, column {needed!r}: missing column "
                                   f"(not a review sheet? it needs {', '.join(SHEET_COLUMNS)})")
    dup = sorted({c for c in header if c and header.count(c) > 1})
    if dup:
        raise ReviewSheetError(f"{path}: row 1, column {dup[0]!r}: column given twice")
    out: list[SheetRow] = []
    first_row: dict[str, SheetRow] = {}
    for n, cells in enumerate(records[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header):]):
            raise ReviewSheetError(f"{path}: row {n}, column {len(header) + 1}: "
                                   "more fields than the header has columns")
        r = {h: unescape_cell(cells[i]).strip() if i < len(cells) else "" for i, h in enumerate(header) if h}
        row = _sheet_row(path, n, r, known)
        if row is None:
            continue
        prev = first_row.get(row.passage_id)
        if prev is not None:
            if prev.decision and row.decision and (prev.decision.decision, prev.decision.categories) != (
                    row.decision.decision, row.decision.categories):
                raise ReviewSheetError(f"{path}: row {n}, column 'decision': passage {row.passage_id} "
                                       f"was decided differently in row {prev.row}")
            if prev.decision or not row.decision:
                continue
            out.remove(prev)
        first_row[row.passage_id] = row
        out.append(row)
    return out


def _sheet_row(path: Path, n: int, r: dict, known: tuple[str, ...]) -> SheetRow | None:
    where = f"{path}: row {n}, column"
    pid = r.get("passage_id", "").lower()
    decision = r.get("decision", "").lower()
    if not pid:
        if decision or r.get("categories"):
            raise ReviewSheetError(f"{where} 'passage_id': empty (a decision needs the passage's id)")
        return None
    if not _ID_RE.match(pid):
        raise ReviewSheetError(f"{where} 'passage_id': {r['passage_id']!r} is not a passage id "
                               "(p + 16 hex digits, as exported)")
    if decision not in ("",) + DECISIONS:
        raise ReviewSheetError(f"{where} 'decision': {r['decision']!r} is not yes, no or empty")
    tool_decision = r.get("tool_decision", "").lower()
    if tool_decision not in ("",) + DECISIONS:
        raise ReviewSheetError(f"{where} 'tool_decision': {r['tool_decision']!r} is not yes or no")
    cats = _split_categories(r.get("categories", ""))
    tool_cats = _split_categories(r.get("tool_categories", ""))
    for col, values in (("categories", cats), ("tool_categories", tool_cats)):
        unknown = [c for c in values if c not in known]
        if unknown:
            raise ReviewSheetError(f"{where} {col!r}: unknown category {unknown[0]!r} "
                                   f"(known: {', '.join(known)})")
    tool_rule = r.get("tool_rule", "")
    dec = None
    if decision:
        if decision == "no" and cats:
            raise ReviewSheetError(f"{where} 'categories': categories given for a 'no' decision")
        if decision == "yes" and not cats and "tool_rule" in r and not (rule_categories(tool_rule) & set(known)):
            raise ReviewSheetError(f"{where} 'categories': a 'yes' for a passage without a tool hit "
                                   "needs categories")
        ordered = tuple(c for c in known if c in cats)
        dec = Decision(pid, decision, ordered, r.get("note", ""), str(path), n,
                       r.get("program", ""), r.get("path", ""))
    return SheetRow(pid, n, r.get("program", ""), r.get("path", ""), tool_decision,
                    tuple(c for c in known if c in tool_cats), tool_rule, dec)


def read_decisions(path: str | Path, category_ids: Iterable[str] | None = None) -> dict[str, Decision]:
    """Reviewer decisions of a sheet by passage id (rows with an empty decision are ignored)."""
    return {r.passage_id: r.decision for r in read_sheet(path, category_ids) if r.decision is not None}


def read_decisions_many(paths: Iterable[str | Path],
                        category_ids: Iterable[str] | None = None) -> dict[str, Decision]:
    """Decisions of several sheets; the same decision twice is fine, a
    conflicting one is an error naming both files and rows."""
    out: dict[str, Decision] = {}
    for p in paths:
        for pid, d in read_decisions(p, category_ids).items():
            prev = out.get(pid)
            if prev is None:
                out[pid] = d
            elif (prev.decision, prev.categories) != (d.decision, d.categories):
                raise ReviewSheetError(f"{d.file}: row {d.row}, column 'decision': passage {pid} conflicts "
                                       f"with {prev.file} row {prev.row}")
    return out


# ---------------------------------------------------------------- applying


def sampling_fraction(tool_rule: str) -> tuple[int, int] | None:
    """``(sampled, pool)`` from a sampled negative's ``tool_rule``, if given."""
    m = _SAMPLED_RE.search(tool_rule or "")
    return (int(m.group(1)), int(m.group(2))) if m else None
