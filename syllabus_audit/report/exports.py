"""Exports for analysis: a folder of CSV files (programs, documents, evidence in
KWIC form) and JSON Lines (one document result per line). Columns are stable
and documented in the README."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from ..types import SOURCES

PROGRAM_COLUMNS = ("program", "documents", "readable_documents", "mentions",
                   *(f"{s}_mentions" for s in SOURCES), "categories", "aligned_categories")
DOCUMENT_COLUMNS = ("program", "path", "doc_type", "doc_type_reason", "status", "reason",
                    "mentions", "categories", "counted_hits")
EVIDENCE_COLUMNS = ("program", "path", "doc_type", "page", "line", "section", "section_kind",
                    "category", "term", "status", "level", "rule", "score",
                    "left_context", "match", "right_context")
KWIC_WIDTH = 60


def _flag(v: bool | None) -> str:
    return "" if v is None else ("true" if v else "false")


def _csv(columns, rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue()


def program_rows(record: dict):
    for p in record["programs"]:
        readable = sum(1 for d in p["documents"] if d["status"] == "ok")
        yield [p["id"], len(p["documents"]), readable, _flag(p["mentions"]),
               *(_flag(p["sources"].get(s, {}).get("mentions")) for s in SOURCES),
               ";".join(p["categories"]),
               ";".join(c for c, v in p["coverage"].items() if v["aligned"])]


def document_rows(record: dict):
    for p in record["programs"]:
        for d in p["documents"]:
            counted = sum(1 for e in d["evidence"] if e["status"] == "counted")
            yield [p["id"], d["path"], d["doc_type"], d["doc_type_reason"], d["status"], d["reason"],
                   _flag(d["mentions"]), ";".join(d["categories"]), counted]


def evidence_rows(record: dict):
    for p in record["programs"]:
        for d in p["documents"]:
            for e in d["evidence"]:
                text, start, end = e["text"], e["start"], e["end"]
                yield [p["id"], d["path"], d["doc_type"], "" if e["page"] is None else e["page"], e["line"],
                       e["section"], e["section_kind"], e["category"], e["term"], e["status"],
                       e["level"] or "", e["rule"], "" if e["score"] is None else e["score"],
                       text[max(0, start - KWIC_WIDTH):start], text[start:end], text[end:end + KWIC_WIDTH]]


def render_documents_csv(record: dict) -> str:
    """Documents as one CSV (``scan --format csv`` to standard output)."""
    return _csv(DOCUMENT_COLUMNS, document_rows(record))


def write_csv_folder(record: dict, folder: Path) -> list[Path]:
    """Write programs.csv, documents.csv and evidence.csv into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, columns, rows in (("programs.csv", PROGRAM_COLUMNS, program_rows(record)),
                                ("documents.csv", DOCUMENT_COLUMNS, document_rows(record)),
                                ("evidence.csv", EVIDENCE_COLUMNS, evidence_rows(record))):
        path = folder / name
        path.write_text(_csv(columns, rows), encoding="utf-8")
        written.append(path)
    return written


def render_jsonl(record: dict) -> str:
    """One document result per line (with its program id)."""
    lines = []
    for p in record["programs"]:
        for d in p["documents"]:
            lines.append(json.dumps({"program": p["id"], **d}, ensure_ascii=False))
    return "".join(line + "\n" for line in lines)
