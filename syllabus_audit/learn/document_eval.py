"""Document-level evaluation: scan a folder and score each document's verdict
("mentions relationship skills") against human document labels.

The labels file has the columns of ``labels.csv`` in the shared real-document
set: ``file`` (a path relative to the scanned folder) and ``label`` (1, 0, or
NA), optionally ``expected_status`` (rows other than ``ok`` are left out),
``program`` and ``doc_type`` (then each source's no-reference share is
compared with the truth). Documents the tool could not judge (unreadable, a
language without a lexicon) are reported and left out of every figure.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from ..review.agreement import bootstrap_kappa_ci
from ..errors import InputError
from .evaluate import binary_metrics
from ..pipeline.stats import share, wilson_interval
from ..types import SOURCES, DocumentResult

MAX_EVIDENCE = 3  # deciding hits shown per wrongly judged document


@dataclass(frozen=True)
class DocumentLabel:
    file: str
    label: int
    program: str | None = None
    doc_type: str | None = None
    categories: tuple[str, ...] = ()  # category ids of a positive document, when labelled


def read_document_labels(path: Path) -> list[DocumentLabel]:
    """Labelled documents (NA labels and rows whose expected status is not
    ``ok`` are skipped); a one-line ``InputError`` names the row at fault."""
    try:
        with Path(path).open(newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            missing = {"file", "label"} - set(reader.fieldnames or ())
            if missing:
                raise InputError(f"{path}: missing column(s) {', '.join(sorted(missing))}")
            out = []
            for i, row in enumerate(reader, start=2):
                label = (row.get("label") or "").strip()
                if (row.get("expected_status") or "ok").strip() != "ok" or label.upper() in ("NA", ""):
                    continue
                if label not in ("0", "1"):
                    raise InputError(f"{path}: row {i}: label must be 0, 1 or NA, not {label!r}")
                doc_type = (row.get("doc_type") or "").strip() or None
                if doc_type is not None and doc_type not in SOURCES + ("other",):
                    doc_type = "other"  # e.g. "handbook": not one of the sources
                cats = tuple(sorted(c.strip() for c in (row.get("categories") or "").split(";") if c.strip()))
                out.append(DocumentLabel(row["file"].strip(), int(label),
                                         (row.get("program") or "").strip() or None, doc_type, cats))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read labels: {exc}") from None
    return out


def _evidence(doc: DocumentResult) -> list[dict]:
    """The counted hits that decided a document, strongest first."""
    hits = sorted(doc.counted, key=lambda h: (-(h.score if h.score is not None else 1.0), h.passage.line))
    return [{"category": h.category, "term": h.term, "rule": h.rule, "score": h.score,
             "page": h.passage.page, "line": h.passage.line, "text": h.passage.text}
            for h in hits[:MAX_EVIDENCE]]


def _source_shares(labels: list[DocumentLabel], judged: dict[str, DocumentResult]) -> dict:
    """Per source: share of programs with no reference, as the tool reports it
    (its own document types and verdicts) and as the labels have it (their
    document types, when given, and labels)."""
    out = {}
    for source in SOURCES:
        truth: dict[str, bool] = {}
        tool: dict[str, bool] = {}
        for lab in labels:
            doc = judged[lab.file]
            program = lab.program or lab.file
            if (lab.doc_type or doc.doc_type) == source:
                truth[program] = truth.get(program, False) or bool(lab.label)
            if doc.doc_type == source:
                tool[program] = tool.get(program, False) or bool(doc.mentions)
        if not truth and not tool:
            continue
        row = {"programs_truth": len(truth), "programs_tool": len(tool)}
        for name, values in (("truth", truth), ("tool", tool)):
            k, n = sum(not v for v in values.values()), len(values)
            row[f"share_no_reference_{name}"] = None if not n else round(share(k, n), 4)
        t, p = row["share_no_reference_truth"], row["share_no_reference_tool"]
        row["difference"] = None if t is None or p is None else round(p - t, 4)
        k, n = sum(not v for v in tool.values()), len(tool)
        row["ci95_tool"] = None if not n else [round(x, 4) for x in wilson_interval(k, n)]
        out[source] = row
    return out


def _prf(both: int, tool: int, gold: int) -> dict:
    def ratio(a: int, b: int):
        return None if not b else round(a / b, 4)

    p, r = ratio(both, tool), ratio(both, gold)
    f1 = None if p is None or r is None else (0.0 if not p + r else round(2 * p * r / (p + r), 4))
    return {"precision": p, "recall": r, "f1": f1}


def _category_scores(rows: list[DocumentLabel], judged: dict[str, DocumentResult]) -> dict | None:
    """Categories at the document level: per category, the judged documents
    labelled with it (``gold``), given it by the tool (its counted hits'
    categories), both, and precision, recall and F1; with the micro average.
    Only documents whose categories are known count: a negative has none, a
    positive counts when its label lists its categories. None when no label
    lists any."""
    known = [lab for lab in rows if lab.label == 0 or lab.categories]
    if not any(lab.categories for lab in known):
        return None
    tool_of = {lab.file: set(judged[lab.file].categories) for lab in known}
    ids = sorted({c for lab in known for c in lab.categories} | {c for cats in tool_of.values() for c in cats})
    per, totals = {}, [0, 0, 0]
    for c in ids:
        gold = {lab.file for lab in known if c in lab.categories}
        tool = {f for f, cats in tool_of.items() if c in cats}
        counts = (len(gold & tool), len(tool), len(gold))
        per[c] = {"gold": counts[2], "tool": counts[1], "both": counts[0], **_prf(*counts)}
        totals = [t + n for t, n in zip(totals, counts)]
    return {"documents": len(known), "per_category": per, "micro": _prf(*totals)}


def evaluate_documents(results: list[DocumentResult], labels: list[DocumentLabel], method: str) -> dict:
    """Compare document verdicts with labels (results from a scan of the folder
    the labels' ``file`` paths are relative to)."""
    by_path = {d.source.path: d for d in results}
    judged: dict[str, DocumentResult] = {}
    excluded, unlabelled_missing = [], []
    for lab in labels:
        doc = by_path.get(lab.file)
        if doc is None:
            unlabelled_missing.append(lab.file)
        elif doc.mentions is None:
            excluded.append({"file": lab.file, "status": doc.status, "reason": doc.reason})
        else:
            judged[lab.file] = doc
    if unlabelled_missing:
        raise InputError(f"labels name {len(unlabelled_missing)} file(s) not found in the folder, "
                         f"e.g. {unlabelled_missing[0]}")
    rows = [lab for lab in labels if lab.file in judged]
    gold = [lab.label for lab in rows]
    pred = [int(bool(judged[lab.file].mentions)) for lab in rows]
    metrics = binary_metrics(gold, pred) if rows else None
    ci = bootstrap_kappa_ci(gold, pred) if rows else None
    if metrics is not None:
        metrics["kappa_ci95"] = None if ci is None else [round(ci[0], 4), round(ci[1], 4)]
    wrong = [{"file": lab.file, "gold": lab.label, "predicted": p, "doc_type": judged[lab.file].doc_type,
              "evidence": _evidence(judged[lab.file])}
             for lab, p in zip(rows, pred) if p != lab.label]
    return {"method": method, "documents": len(labels), "judged": len(rows), "excluded": excluded,
            "metrics": metrics, "errors": wrong, "sources": _source_shares(rows, judged),
            "categories": _category_scores(rows, judged)}


def render_document_evaluation(result: dict, show_errors: bool = True) -> str:
    """The document evaluation as a plain-text report."""
    m = result["metrics"]
    lines = [f"method {result['method']} · {result['judged']} of {result['documents']} labelled documents judged"
             f" ({len(result['excluded'])} left out: unreadable or no lexicon for the language)", ""]
    if m is None:
        return "\n".join(lines + ["no document could be judged"]) + "\n"
    ci = m["kappa_ci95"]
    c = m["confusion"]
    lines += [f"accuracy {m['accuracy']:.3f}  precision {m['precision']:.3f}  recall {m['recall']:.3f}  "
              f"F1 {m['f1']:.3f}",
              f"Cohen's kappa {m['kappa']:.3f}" + (f" (95% bootstrap CI {ci[0]:.2f} to {ci[1]:.2f})" if ci else ""),
              "", "confusion:           gold yes  gold no",
              f"  mentions            {c['tp']:>8}  {c['fp']:>7}",
              f"  no reference        {c['fn']:>8}  {c['tn']:>7}"]
    if result["sources"]:
        def pct(x):
            return "–" if x is None else f"{x:.0%}"

        lines += ["", f"{'no-reference share':<22}{'programs':>9}{'truth':>8}{'tool':>8}{'diff':>8}"]
        for source, s in result["sources"].items():
            diff = "–" if s["difference"] is None else f"{s['difference'] * 100:+.0f}p"
            lines.append(f"{source:<22}{s['programs_truth']:>4}/{s['programs_tool']:<4}"
                         f"{pct(s['share_no_reference_truth']):>8}{pct(s['share_no_reference_tool']):>8}{diff:>8}")
    cats = result.get("categories")
    if cats:
        def num(x):
            return "  –" if x is None else f"{x:.2f}"

        lines += ["", f"categories, per document ({cats['documents']} documents with known categories)",
                  f"  {'category':<22}{'gold':>5}{'tool':>5}{'both':>5}{'P':>6}{'R':>6}{'F1':>6}"]
        for c, row in cats["per_category"].items():
            lines.append(f"  {c:<22}{row['gold']:>5}{row['tool']:>5}{row['both']:>5}"
                         f"{num(row['precision']):>6}{num(row['recall']):>6}{num(row['f1']):>6}")
        micro = cats["micro"]
        lines.append(f"  {'all (micro)':<37}{num(micro['precision']):>6}{num(micro['recall']):>6}{num(micro['f1']):>6}")
    for e in result["excluded"]:
        lines.append(f"left out: {e['file']} ({e['status']})")
    if show_errors and result["errors"]:
        lines += ["", f"wrong documents ({len(result['errors'])}):"]
        for e in result["errors"]:
            verdict = "mentions" if e["predicted"] else "no reference"
            lines.append(f"  {e['file']} [{e['doc_type']}]: gold {e['gold']}, tool says {verdict}")
            for h in e["evidence"]:
                where = f"p.{h['page']} " if h["page"] else ""
                score = "" if h["score"] is None else f" {h['score']:.2f}"
                lines.append(f"    {where}l.{h['line']} {h['category']} ({h['rule']}{score}): {h['text'][:150]}")
    return "\n".join(lines) + "\n"
