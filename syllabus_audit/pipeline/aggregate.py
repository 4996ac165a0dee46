"""Document results -> program results -> the Australian-style summary.

Unreadable documents never count as "no reference": a program enters a
source's denominator only when it has at least one readable document of
that source.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from .stats import share, wilson_interval
from ..types import DUPLICATE, SOURCES, DocumentResult


@dataclass(frozen=True, slots=True)
class ProgramResult:
    program_id: str
    documents: tuple[DocumentResult, ...]
    metadata: tuple[tuple[str, str], ...] = ()

    def doc_types(self) -> list[str]:
        return sorted({d.doc_type for d in self.documents})

    def mentions(self, doc_types: tuple[str, ...] | None = None) -> bool | None:
        """True if a readable document (of these types) mentions relationship
        skills, False if readable ones exist but none does, None otherwise."""
        docs = [d for d in self.documents
                if d.readable and (doc_types is None or d.doc_type in doc_types)]
        if not docs:
            return None
        return any(d.mentions for d in docs)

    def categories(self, doc_types: tuple[str, ...] | None = None) -> list[str]:
        return sorted({c for d in self.documents
                       if doc_types is None or d.doc_type in doc_types
                       for c in d.categories})


    def coverage(self, doc_types: tuple[str, ...] | None = None) -> dict[str, dict]:
        """Per counted category: the strongest evidence level and whether it is
        both taught and assessed ("aligned")."""
        levels: dict[str, set[str]] = {}
        for d in self.documents:
            if doc_types is None or d.doc_type in doc_types:
                for h in d.counted:
                    levels.setdefault(h.category, set()).add(h.level or "mentioned")
        return {c: {"level": max(ls, key=LEVEL_ORDER.index), "aligned": {"taught", "assessed"} <= ls}
                for c, ls in sorted(levels.items())}


LEVEL_ORDER = ("mentioned", "taught", "assessed")


def mark_duplicates(docs: list[DocumentResult]) -> list[DocumentResult]:
    """Within one program, a document with the same bytes as an earlier one
    (by path) is reported once, as ``duplicate``, not counted twice."""
    seen: dict[str, str] = {}
    out = []
    for d in docs:
        if d.sha256 and d.sha256 in seen:
            d = replace(d, status=DUPLICATE, reason=f"same bytes as {seen[d.sha256]}", hits=())
        elif d.sha256:
            seen[d.sha256] = d.source.path
        out.append(d)
    return out


def group_programs(results: list[DocumentResult]) -> list[ProgramResult]:
    """Group document results by program id (sorted); mark duplicates."""
    by: dict[str, list[DocumentResult]] = {}
    for r in results:
        by.setdefault(r.source.program_id, []).append(r)
    out = []
    for pid in sorted(by):
        docs = tuple(mark_duplicates(sorted(by[pid], key=lambda d: d.source.path)))
        meta = next((d.source.metadata for d in docs if d.source.metadata), ())
        out.append(ProgramResult(pid, docs, meta))
    return out


@dataclass(frozen=True, slots=True)
class SourceSummary:
    programs: int
    no_reference: int

    @property
    def share_no_reference(self) -> float | None:
        return share(self.no_reference, self.programs)

    @property
    def ci95(self) -> tuple[float, float] | None:
        return wilson_interval(self.no_reference, self.programs)


def summarise_sources(programs: list[ProgramResult]) -> dict[str, SourceSummary]:
    """Per source, plus ``any`` (no reference in any source) and ``every``
    (no reference in at least one of the sources a program has)."""
    out: dict[str, SourceSummary] = {}
    for source in SOURCES:
        verdicts = [p.mentions((source,)) for p in programs]
        known = [v for v in verdicts if v is not None]
        out[source] = SourceSummary(len(known), sum(1 for v in known if not v))
    anyv = [p.mentions(SOURCES) for p in programs]
    known = [v for v in anyv if v is not None]
    out["any"] = SourceSummary(len(known), sum(1 for v in known if not v))
    gaps = []
    for p in programs:
        per = [p.mentions((s,)) for s in SOURCES]
        per = [v for v in per if v is not None]
        if per:
            gaps.append(not all(per))
    out["every"] = SourceSummary(len(gaps), sum(gaps))
    return out


def other_with_hits(programs: list[ProgramResult]) -> list[tuple[str, DocumentResult]]:
    """(program id, document) of every readable ``other``-typed document with
    counted hits: they count in no source, so the summary lists them."""
    return [(p.program_id, d) for p in programs for d in p.documents
            if d.doc_type == "other" and d.readable and d.counted]


def status_counts(programs: list[ProgramResult]) -> dict[str, int]:
    return dict(sorted(Counter(d.status for p in programs for d in p.documents).items()))


MISSING_GROUP = "(missing)"


def group_values(programs: list[ProgramResult], column: str) -> dict[str, list[ProgramResult]]:
    """Programs by the value of a manifest metadata column (sorted)."""
    out: dict[str, list[ProgramResult]] = {}
    for p in programs:
        value = dict(p.metadata).get(column, "") or MISSING_GROUP
        out.setdefault(value, []).append(p)
    return dict(sorted(out.items()))
