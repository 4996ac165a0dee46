"""Plain records (dicts and rows) shared by the JSON and CSV outputs.

Everything is sorted and free of timestamps, so the same inputs, lexicon and
model give the same bytes.
"""

from __future__ import annotations

from ..version import __version__
from ..pipeline.aggregate import (ProgramResult, SourceSummary, group_values, other_with_hits, status_counts,
                         summarise_sources)
from ..pipeline.stats import difference_test
from ..read.language import language_counts
from ..types import DUPLICATE, SOURCES
from ..types import Hit

TOOL_NAME = "syllabus-audit"


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def source_summary_record(s: SourceSummary) -> dict:
    ci = s.ci95
    return {
        "programs": s.programs,
        "no_reference": s.no_reference,
        "share_no_reference": _round(s.share_no_reference),
        "ci95": None if ci is None else [_round(ci[0]), _round(ci[1])],
    }


def hit_record(h: Hit) -> dict:
    p = h.passage
    return {
        "text": p.text,
        "category": h.category,
        "term": h.term,
        "matched": h.matched,
        "start": h.start,
        "end": h.end,
        "page": p.page,
        "line": p.line,
        "section": p.section,
        "section_kind": p.section_kind,
        "status": h.status,
        "level": h.level or None,
        "rule": h.rule,
        "score": h.score,
        "ocr_confidence": p.ocr_confidence,
        "decided_by": h.decided_by,
    }


def program_record(p: ProgramResult) -> dict:
    sources = {}
    for t in p.doc_types():
        docs = [d for d in p.documents if d.doc_type == t]
        sources[t] = {
            "documents": len(docs),
            "mentions": p.mentions((t,)),
            "categories": p.categories((t,)),
        }
    return {
        "id": p.program_id,
        "metadata": dict(p.metadata),
        "mentions": p.mentions(),
        "categories": p.categories(),
        "coverage": p.coverage(),
        "sources": sources,
        "documents": [document_record(d) for d in p.documents],
    }


def document_record(d) -> dict:
    """One document's result (as in ``programs[].documents[]``)."""
    return {
        "path": d.source.path,
        "sha256": d.sha256,
        "doc_type": d.doc_type,
        "doc_type_reason": d.doc_type_reason,
        "status": d.status,
        "reason": d.reason,
        "language": d.language,
        "language_confidence": d.language_confidence,
        "mentions": d.mentions,
        "categories": list(d.categories),
        "evidence": [hit_record(h) for h in d.hits],
    }


def method_record(auditor) -> dict:
    """Which detection method ran, with the model's version and thresholds."""
    rec = {"name": auditor.method, "threshold": auditor.threshold}
    if auditor.model is not None and auditor.method != "lexicon":
        m = auditor.model
        rec["model"] = {"version": m.version, "training_data_sha256": m.meta["training_data"]["sha256"],
                        "thresholds": m.meta["thresholds"], "cv_metrics": m.meta["cv_metrics"]}
    return rec


def groups_record(programs: list[ProgramResult], column: str) -> dict:
    """No-reference share per group of a metadata column, per source, with a
    test of difference between the groups."""
    groups = group_values(programs, column)
    sources = {}
    for source in list(SOURCES) + ["any"]:
        per = {value: summarise_sources(members)[source] for value, members in groups.items()}
        table = [[s.no_reference, s.programs - s.no_reference] for s in per.values()]
        sources[source] = {"groups": {v: source_summary_record(s) for v, s in per.items()},
                           "test": difference_test(table)}
    return {"column": column, "sources": sources}


def decisions_record(programs: list[ProgramResult], decisions: dict) -> dict:
    """How many reviewer decisions were applied, could not be applied, or matched no passage."""
    used = {i for p in programs for d in p.documents for i in d.decisions_used}
    skipped = {i for p in programs for d in p.documents for i in d.decisions_skipped} - used
    unmatched = sorted(set(decisions) - used - skipped)
    return {"given": len(decisions), "applied": len(used), "not_applicable": len(skipped),
            "unmatched": len(unmatched), "unmatched_passage_ids": unmatched}


def audit_record(programs: list[ProgramResult], auditor, group_by: str | None = None) -> dict:
    """The whole audit as JSON-ready data (the public, documented format)."""
    lexicon = auditor.lexicon
    unreadable = [
        {"program": p.program_id, "path": d.source.path, "status": d.status, "reason": d.reason}
        for p in programs for d in p.documents if not d.readable and d.status != DUPLICATE
    ]
    duplicates = [
        {"program": p.program_id, "path": d.source.path, "reason": d.reason}
        for p in programs for d in p.documents if d.status == DUPLICATE
    ]
    others = [{"program": pid, "path": d.source.path, "categories": list(d.categories), "counted_hits": len(d.counted)}
              for pid, d in other_with_hits(programs)]
    n_docs = sum(len(p.documents) for p in programs)
    return {
        "tool": {"name": TOOL_NAME, "version": __version__},
        "lexicon": {"version": lexicon.version, "sha256": lexicon.sha256},
        "method": method_record(auditor),
        "summary": {
            "programs": len(programs),
            "documents": n_docs,
            "readable_documents": n_docs - len(unreadable) - len(duplicates),
            "languages": language_counts(d.language for p in programs for d in p.documents if d.language),
            "statuses": status_counts(programs),
            "sources": {k: source_summary_record(v) for k, v in summarise_sources(programs).items()},
            "unreadable_documents": unreadable,
            "duplicate_documents": duplicates,
            "other_documents_with_hits": others,
            **({"groups": groups_record(programs, group_by)} if group_by else {}),
            **({"decisions": decisions_record(programs, auditor.settings.decisions)}
               if auditor.settings.decisions else {}),
        },
        "programs": [program_record(p) for p in programs],
    }
