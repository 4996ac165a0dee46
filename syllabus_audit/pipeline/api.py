"""Whole scans: a folder of programs -> program results (``run_audit``), a
stream of document results (``stream_documents``) and the public
``syllabus_audit.audit``."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from ..arguments import check_audit_arguments, check_group_column
from ..read.discover import discover
from ..rules.lexicon import load_lexicon
from ..types import DocumentResult
from .aggregate import ProgramResult, group_programs, mark_duplicates
from .auditor import Auditor
from .parallel import audit_on_dask, audit_parallel
from .settings import AuditSettings


def run_audit(path: str | os.PathLike, manifest: str | os.PathLike | None = None,
              lexicon: str | os.PathLike | None = None, method: str | None = None,
              threshold: float | None = None, settings: AuditSettings | None = None,
              jobs: int = 1, progress=None, scheduler=None,
              group_by: str | None = None) -> tuple[list[ProgramResult], Auditor]:
    """Audit a folder (or one file); return program results and the auditor used.
    A ``group_by`` column is checked against the manifest before anything is read."""
    sources = discover(Path(path), manifest)
    if group_by:
        check_group_column(group_by, {k for s in sources for k, _ in s.metadata})
    auditor = Auditor(load_lexicon(lexicon), method, threshold, settings=settings)
    if scheduler:
        results = list(audit_on_dask(scheduler, (auditor.lexicon, method, threshold, settings), sources, progress))
    else:
        results = list(audit_parallel(auditor, sources, jobs, progress))
    return group_programs(results), auditor


def stream_documents(path: str | os.PathLike, manifest: str | os.PathLike | None = None,
                     lexicon: str | os.PathLike | None = None, method: str | None = None,
                     threshold: float | None = None, settings: AuditSettings | None = None,
                     jobs: int = 1, progress=None) -> Iterator[tuple[str, DocumentResult]]:
    """(program id, document result) in output order, as they are done: memory
    is bounded by the largest program (kept only to mark duplicates), not by
    the corpus (used by ``scan --format jsonl``)."""
    auditor = Auditor(load_lexicon(lexicon), method, threshold, settings=settings)
    sources = discover(Path(path), manifest)
    program, buffer = None, []
    for result in audit_parallel(auditor, sources, jobs, progress):
        if result.source.program_id != program and buffer:
            yield from ((program, d) for d in mark_duplicates(buffer))
            buffer = []
        program = result.source.program_id
        buffer.append(result)
    yield from ((program, d) for d in mark_duplicates(buffer))


def audit(path: str | os.PathLike, manifest: str | os.PathLike | None = None,
          lexicon: str | os.PathLike | None = None, method: str | None = None,
          threshold: float | None = None, group_by: str | None = None,
          settings: AuditSettings | None = None, jobs: int = 1, progress=None, scheduler=None) -> dict:
    """Audit a folder of programs; return the same data ``scan --format json`` writes.

    Every argument is checked as the CLI checks it: a bad one raises
    ``ValueError`` (``arguments.ArgumentError``) with the CLI's message.

    Args:
        method: ``lexicon``, ``model`` or ``hybrid``; None uses the measured default.
        threshold: override the model's decision threshold.
        group_by: a manifest metadata column to compare groups by.
        settings: OCR, forced language, the per-document time limit and the cache folder.
        jobs: worker processes (results are identical for any number).
        scheduler: a Dask scheduler address (or ``distributed.Client``) to run on instead.
    """
    from ..report.records import audit_record

    check_audit_arguments(path, manifest, lexicon, method, threshold, group_by, settings, jobs, progress, scheduler)
    programs, auditor = run_audit(path, manifest, lexicon, method, threshold, settings, jobs, progress, scheduler,
                                  group_by)
    return audit_record(programs, auditor, group_by)
