"""Document-type accuracy on labelled documents: accuracy and a confusion matrix.

Labels are a CSV with a ``doc_type`` column and a ``path`` or ``file`` column
(relative to the folder, or a bare file name), or a truth JSON shaped like
``corpora/demo_truth.json``. Documents are found and typed exactly as a scan
does (``discover``, the path inside the program, ``infer_doc_type``), without
a manifest's types. Run it as::

    python -m syllabus_audit.learn.doctype_eval FOLDER LABELS [--map handbook=program_description]
                                          [--content-only] [--format table|json]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..read.discover import discover
from ..read.doctype import infer_doc_type
from ..read.extract import extract_file
from ..types import DOC_TYPES


@dataclass(frozen=True)
class TypedDocument:
    """One labelled document: its gold type, the inferred type and why."""

    path: str
    gold: str
    predicted: str
    reason: str


@dataclass(frozen=True)
class TypeReport:
    """Type accuracy over labelled documents (``unlabelled``: files found without a label)."""

    documents: tuple[TypedDocument, ...]
    unlabelled: tuple[str, ...] = field(default=())

    @property
    def accuracy(self) -> float | None:
        n = len(self.documents)
        return None if n == 0 else sum(d.gold == d.predicted for d in self.documents) / n

    @property
    def wrong(self) -> list[TypedDocument]:
        return [d for d in self.documents if d.gold != d.predicted]

    def confusion(self) -> dict[str, dict[str, int]]:
        """gold type -> predicted type -> count (every type present)."""
        counts = Counter((d.gold, d.predicted) for d in self.documents)
        types = _types(self.documents)
        return {g: {p: counts[(g, p)] for p in types} for g in types}

    def record(self) -> dict:
        return {"documents": len(self.documents),
                "accuracy": None if self.accuracy is None else round(self.accuracy, 4),
                "confusion": self.confusion(),
                "wrong": [vars(d) for d in self.wrong],
                "unlabelled": list(self.unlabelled)}


def _types(docs) -> list[str]:
    seen = {d.gold for d in docs} | {d.predicted for d in docs}
    return [t for t in DOC_TYPES if t in seen] + sorted(seen - set(DOC_TYPES))


def read_type_labels(path: str | os.PathLike, mapping: dict[str, str] | None = None,
                     key: str | None = None) -> dict[str, str]:
    """Gold types by path (or file name) from a labels CSV or a truth JSON;
    ``mapping`` renames label values (e.g. ``handbook`` -> ``program_description``);
    ``key`` names the CSV's path column (default ``file``, else ``path``)."""
    mapping = mapping or {}
    path = Path(path)
    if path.suffix.lower() == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        pairs = [(p, d["doc_type"]) for prog in data["programs"].values() for p, d in prog["documents"].items()]
    else:
        with open(path, newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        key = key or next((k for k in ("file", "path") if rows and k in rows[0]), None)
        if not rows or key not in rows[0] or "doc_type" not in rows[0]:
            raise ValueError(f"{path}: needs a path (or file) column and a doc_type column")
        pairs = [(r[key], r["doc_type"].strip()) for r in rows if r["doc_type"].strip()]
    return {p: mapping.get(t, t) for p, t in pairs}


def _program_path(program_id: str, path: str) -> str:
    parts = PurePosixPath(path).parts
    return PurePosixPath(*parts[1:]).as_posix() if len(parts) > 1 and parts[0] == program_id else path


def evaluate_types(folder: str | os.PathLike, labels: dict[str, str], content_only: bool = False) -> TypeReport:
    """Type every labelled document under ``folder`` as a scan would and
    compare with ``labels`` (keys: paths relative to ``folder``, or file names).
    ``content_only`` hides folder and file names (a ``document.<ext>`` name)."""
    found, unlabelled = [], []
    for source in discover(folder):
        gold = labels.get(source.path, labels.get(PurePosixPath(source.path).name))
        if gold is None:
            unlabelled.append(source.path)
            continue
        blocks = extract_file(source.abs_path, source.path).blocks
        name = _program_path(source.program_id, source.path)
        if content_only:
            name = "document" + PurePosixPath(name).suffix
        predicted, reason = infer_doc_type(name, blocks)
        found.append(TypedDocument(source.path, gold, predicted, reason))
    return TypeReport(tuple(found), tuple(unlabelled))


def render_type_report(report: TypeReport, title: str = "") -> str:
    """Accuracy, the confusion matrix (rows: gold, columns: inferred) and the misses."""
    acc = report.accuracy
    right = len(report.documents) - len(report.wrong)
    lines = [f"{title}document types: {right}/{len(report.documents)} right"
             + ("" if acc is None else f" (accuracy {acc:.3f})")]
    types = _types(report.documents)
    short = {t: t[:12] for t in types}
    corner = "gold \\ inferred"
    lines.append(f"{corner:<22}" + "".join(f"{short[t]:>14}" for t in types))
    for g, row in report.confusion().items():
        lines.append(f"{g:<22}" + "".join(f"{row[p]:>14}" for p in types))
    for d in report.wrong:
        lines.append(f"  {d.path}: {d.gold} -> {d.predicted} ({d.reason})")
    if report.unlabelled:
        lines.append(f"  ({len(report.unlabelled)} files without a label were skipped)")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """``python -m syllabus_audit.learn.doctype_eval FOLDER LABELS``: print type accuracy."""
    ap = argparse.ArgumentParser(prog="python -m syllabus_audit.learn.doctype_eval", description=__doc__.split("\n")[0])
    ap.add_argument("folder")
    ap.add_argument("labels", help="CSV with path|file and doc_type columns, or a truth JSON")
    ap.add_argument("--map", action="append", default=[], metavar="LABEL=TYPE",
                    help="rename a label value, e.g. handbook=program_description (repeatable)")
    ap.add_argument("--key", help="the labels CSV's path column (default: file, else path)")
    ap.add_argument("--content-only", action="store_true", help="ignore folder and file names")
    ap.add_argument("--format", choices=("table", "json"), default="table")
    args = ap.parse_args(argv)
    mapping = dict(m.split("=", 1) for m in args.map)
    report = evaluate_types(args.folder, read_type_labels(args.labels, mapping, args.key), args.content_only)
    if args.format == "json":
        sys.stdout.write(json.dumps(report.record(), indent=2) + "\n")
    else:
        sys.stdout.write(render_type_report(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
