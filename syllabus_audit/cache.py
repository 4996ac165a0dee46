"""An embedded SQLite cache of extraction results, keyed by the file's content
hash, the extractor version and the OCR setting.

A re-scan (after a lexicon, model or threshold change, or after an
interrupted run) re-uses every document already extracted. Each document is
committed as soon as it is done, and SQLite's write-ahead log keeps the file
consistent if a scan is killed part-way; several scans may share the cache.
"""

from __future__ import annotations

import json
import os
import sqlite3
import zlib
from pathlib import Path

from .errors import InputError
from .types import Anchor, Block, ExtractedDocument

SCHEMA = "CREATE TABLE IF NOT EXISTS extraction (key TEXT PRIMARY KEY, value BLOB NOT NULL)"


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/syllabus-audit`` (default ``~/.cache/syllabus-audit``)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "syllabus-audit"


def _encode(doc: ExtractedDocument) -> bytes:
    data = {"format": doc.format, "status": doc.status, "reason": doc.reason, "pages": doc.pages,
            "blocks": [[b.text, b.kind, [[a.offset, a.page, a.line] for a in b.anchors], b.ocr_confidence]
                       for b in doc.blocks]}
    return zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6)


def _decode(blob: bytes, rel_path: str) -> ExtractedDocument:
    data = json.loads(zlib.decompress(blob))
    blocks = tuple(Block(text, kind, tuple(Anchor(*a) for a in anchors), ocr)
                   for text, kind, anchors, ocr in data["blocks"])
    return ExtractedDocument(rel_path, data["format"], data["status"], data["reason"], blocks, data["pages"])


class ExtractionCache:
    """Opened lazily per process (a SQLite connection must not cross a fork)."""

    def __init__(self, folder: str | os.PathLike):
        self.path = Path(folder) / "extraction.sqlite3"
        self._conn: sqlite3.Connection | None = None
        self._pid = None
        # Create the file, schema and WAL mode once, here (before any worker is
        # forked): concurrent first connections could otherwise race on it.
        try:
            self._db().close()
        except (OSError, sqlite3.Error) as exc:
            raise InputError(f"{self.path}: cannot use the cache ({exc}); use --cache-dir or --no-cache") from None
        self._conn = None

    def _db(self) -> sqlite3.Connection:
        if self._conn is None or self._pid != os.getpid():
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(self.path, timeout=60, isolation_level=None)
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=NORMAL")
            self._conn.execute(SCHEMA)
            self._pid = os.getpid()
        return self._conn

    def get(self, key: str, rel_path: str) -> ExtractedDocument | None:
        try:
            row = self._db().execute("SELECT value FROM extraction WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None  # a cache problem is a miss, never a failed document
        if row is None:
            return None
        try:
            return _decode(row[0], rel_path)
        except (ValueError, zlib.error, KeyError, TypeError):
            return None  # an unreadable entry is just a miss

    def put(self, key: str, doc: ExtractedDocument) -> None:
        try:
            self._db().execute("INSERT OR REPLACE INTO extraction (key, value) VALUES (?, ?)", (key, _encode(doc)))
        except (sqlite3.Error, UnicodeEncodeError, ValueError):
            pass  # not cached this time; the result itself is unaffected

    def __len__(self) -> int:
        return self._db().execute("SELECT COUNT(*) FROM extraction").fetchone()[0]
