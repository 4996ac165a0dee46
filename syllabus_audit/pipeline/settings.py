"""The per-scan settings (plain data, no dependencies)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AuditSettings:
    """Per-scan options that change what is read (not how it is judged)."""

    ocr: bool = False
    language: str | None = None  # force one language instead of detecting it
    time_limit: float | None = 120.0  # seconds per document (None: no limit)
    cache_dir: str | None = None  # extraction cache folder (None: no cache)
    decisions: dict | None = None  # reviewer decisions by passage id (review.sheets.read_decisions_many)
