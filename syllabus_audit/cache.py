"""An embedded SQLite cache, keyed by each file's content hash.

Three tables:

* ``extraction``: the extracted blocks (key: content hash, extractor version,
  OCR setting). A re-scan with anything else changed re-reads no file.
* ``keys``: each document's word keys (``CandidateFilter.document_keys``;
  same key plus the pipelines' signature).
* ``result``: each readable document's judged content (hits, status, reason,
  language; key: content hash, a digest of the settings, code, model and
  section rules, and the document's *lexicon dependency* from
  ``CandidateFilter.dependency``). After a lexicon change only documents
  containing a changed entry's words are judged again.

Each document is committed as soon as it is done, and SQLite's write-ahead
log keeps the file consistent if a scan is killed part-way; several scans may
share the cache.
"""

from __future__ import annotations

import json
import os
import sqlite3
import zlib
from pathlib import Path

from .errors import InputError
from .types import Anchor, Block, DocumentResult, ExtractedDocument, Hit, Passage, SourceFile

TABLES = ("extraction", "keys", "result")
SCHEMA = [f"CREATE TABLE IF NOT EXISTS {t} (key TEXT PRIMARY KEY, value BLOB NOT NULL)" for t in TABLES]


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/syllabus-audit`` (default ``~/.cache/syllabus-audit``)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "syllabus-audit"


def _encode(doc: ExtractedDocument) -> bytes:
    data = {"format": doc.format, "status": doc.status, "reason": doc.reason, "pages": doc.pages,
            "blocks": [[b.text, b.kind, [[a.offset, a.page, a.line] for a in b.anchors], b.ocr_confidence]
                       for b in doc.blocks]}
    return zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 1)


def _decode(blob: bytes, rel_path: str) -> ExtractedDocument:
    data = json.loads(zlib.decompress(blob))
    blocks = tuple(Block(text, kind, tuple(Anchor(*a) for a in anchors), ocr)
                   for text, kind, anchors, ocr in data["blocks"])
    return ExtractedDocument(rel_path, data["format"], data["status"], data["reason"], blocks, data["pages"])


def encode_result(result: DocumentResult, evidence: list[Block], typed_as: str | None = None) -> dict:
    """The content part of a document result (not its source: that comes from
    discovery), the blocks its document type is inferred from and, when the
    type was inferred (not given by a manifest), the path it was inferred for
    with the type and reason (``typed_as``: reused while the document keeps
    that path, so a warm re-scan does not read the content again)."""
    passages: dict[tuple, int] = {}
    rows = []
    for h in result.hits:
        p = h.passage
        pid = passages.setdefault((p.index, p.text, p.kind, p.page, p.line, p.section, p.section_kind,
                                   p.ocr_confidence, p.cue), len(passages))
        rows.append([h.category, h.term, h.matched, pid, h.start, h.end, h.status, h.rule, h.strength, h.score,
                     h.level, h.decided_by])
    return {"status": result.status, "reason": result.reason, "language": result.language,
            "language_confidence": result.language_confidence,
            "evidence": [[b.text, b.kind] for b in evidence],
            "typed": None if typed_as is None else [typed_as, result.doc_type, result.doc_type_reason],
            "passages": [list(k) for k in passages], "hits": rows}


def decode_result(data: dict, source: SourceFile, sha256: str, doc_type) -> DocumentResult:
    """A ``DocumentResult`` from ``encode_result`` output; ``doc_type(blocks,
    typed)`` gives (type, reason) from the evidence blocks or from ``typed``
    (the stored [path, type, reason], or None)."""
    passages = [Passage(*row) for row in data["passages"]]
    hits = tuple(Hit(category=c, term=t, matched=m, passage=passages[pid], start=a, end=b, status=st, rule=r,
                     strength=sg, score=sc, level=lv, decided_by=by)
                 for c, t, m, pid, a, b, st, r, sg, sc, lv, by in data["hits"])
    evidence = tuple(Block(text, kind, (Anchor(0, None, 1),)) for text, kind in data["evidence"])
    kind, why = doc_type(evidence, data.get("typed"))
    return DocumentResult(source, kind, why, data["status"], data["reason"], hits, sha256, data["language"],
                          data["language_confidence"])


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
            for statement in SCHEMA:
                self._conn.execute(statement)
            self._pid = os.getpid()
        return self._conn

    def _get(self, table: str, key: str) -> bytes | None:
        try:
            row = self._db().execute(f"SELECT value FROM {table} WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None  # a cache problem is a miss, never a failed document
        return None if row is None else row[0]

    def _put(self, table: str, key: str, value: bytes) -> None:
        try:
            self._db().execute(f"INSERT OR REPLACE INTO {table} (key, value) VALUES (?, ?)", (key, value))
        except sqlite3.Error:
            pass  # not cached this time; the result itself is unaffected

    def get(self, key: str, rel_path: str) -> ExtractedDocument | None:
        blob = self._get("extraction", key)
        try:
            return None if blob is None else _decode(blob, rel_path)
        except (ValueError, zlib.error, KeyError, TypeError):
            return None  # an unreadable entry is just a miss

    def put(self, key: str, doc: ExtractedDocument) -> None:
        try:
            self._put("extraction", key, _encode(doc))
        except (UnicodeEncodeError, ValueError):
            pass

    def get_keys(self, key: str) -> set[str] | None:
        blob = self._get("keys", key)
        try:
            return None if blob is None else set(zlib.decompress(blob).decode("utf-8").split("\n")) - {""}
        except (zlib.error, UnicodeDecodeError):
            return None

    def put_keys(self, key: str, words) -> None:
        try:
            self._put("keys", key, zlib.compress("\n".join(words).encode("utf-8"), 1))  # a set: no order needed
        except (UnicodeEncodeError, ValueError):
            pass

    def get_result(self, key: str) -> dict | None:
        blob = self._get("result", key)
        try:
            return None if blob is None else json.loads(zlib.decompress(blob))
        except (ValueError, zlib.error):
            return None

    def put_result(self, key: str, data: dict) -> None:
        try:
            self._put("result", key, zlib.compress(
                json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 1))
        except (UnicodeEncodeError, ValueError, TypeError):
            pass

    def __len__(self) -> int:
        return self._db().execute("SELECT COUNT(*) FROM extraction").fetchone()[0]
