"""The cache layer around the per-document chain: an embedded SQLite cache,
keyed by each file's content hash and digests of the settings, and the
read-through wrapper (``CachedAudit``) that serves a document from it or runs
the chain and stores what it gives. Every cache key is derived here (``CacheKeys``,
``settings_digest``); the stages never see the cache.

Three tables:

* ``extraction``: the extracted blocks (key: content hash, extractor source digest,
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

import hashlib
import json
import os
import sqlite3
import zlib
from functools import lru_cache
from pathlib import Path

from ..errors import InputError
from ..read.digest import file_digest_or_dash, file_sha256
from ..read.doctype import type_evidence
from ..read.extract import EXTRACTOR_VERSION
from ..types import OK, Anchor, Block, DocumentResult, ExtractedDocument, Hit, Passage, SourceFile
from .stages import doc_type_of, path_in_program

TABLES = ("extraction", "keys", "result")
SCHEMA = [f"CREATE TABLE IF NOT EXISTS {t} (key TEXT PRIMARY KEY, value BLOB NOT NULL)" for t in TABLES]


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


# -- keys ---------------------------------------------------------------------

def settings_digest(settings, method: str, threshold: float | None, model_json: Path | None) -> str:
    """Everything besides the document and the lexicons that its result
    depends on: code, extractor, settings, method, model and section rules
    (``model_json``: the model's JSON file, None without a model)."""
    from .. import artefacts
    from ..rules.sections import default_rules_path
    from ..version import __version__

    parts = [__version__, artefacts.code_digest(), EXTRACTOR_VERSION, settings.ocr, settings.language,
             method, threshold, file_digest_or_dash(default_rules_path())]
    if model_json is not None:
        parts += [file_digest_or_dash(model_json), file_digest_or_dash(model_json.with_suffix(".npz"))]
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()[:32]


@lru_cache(maxsize=1)
def extractor_digest() -> str:
    """``EXTRACTOR_VERSION`` and a digest of the extractors' source (every
    module of ``read/extract`` and ``types.py``): an edit to any extractor
    makes stored extractions unreachable, with no constant to forget to bump
    (a stored extraction from before a change to PDF table reading was served
    after it). Other edits keep them: extraction is the slow part of a scan."""
    from .. import artefacts

    package = Path(artefacts.__file__).parent
    files = sorted(p.relative_to(package).as_posix() for p in (package / "read" / "extract").glob("*.py"))
    return f"{EXTRACTOR_VERSION}-{artefacts.source_digest((*files, 'types.py'))}"


class CacheKeys:
    """The keys of a document's entries, from its content hash (``digest``)."""

    def __init__(self, ocr: bool, salt: str, candidate_filter):
        self.ocr, self.salt = ocr, salt
        self._filter = candidate_filter  # () -> CandidateFilter: built on first use

    def extraction(self, digest: str) -> str:
        return f"{digest}:{extractor_digest()}:{int(self.ocr)}"

    def keys(self, digest: str) -> str:
        """The document's word keys depend on the pipelines' signature too."""
        return f"{self.extraction(digest)}:{self._filter().keys_signature}"

    def result(self, digest: str, keys: set[str]) -> str:
        """A judged document: the lexicon entries its words can reach."""
        return f"{digest}:{self.salt}:{self._filter().dependency(keys)}"

    def unjudged(self, digest: str) -> str:
        """Documents that are unreadable or in a language without a lexicon
        depend on no lexicon entry, only on which lexicons there are."""
        return f"{digest}:{self.salt}:{self._filter().global_digest}:unjudged"


# -- the read-through layer -----------------------------------------------------

class Uncached:
    """The chain without a cache."""

    stores_keys = False

    def lookup(self, source: SourceFile, digest: str | None = None) -> DocumentResult | None:
        return None

    def audit(self, source: SourceFile, digest: str, extract, chain) -> DocumentResult:
        return chain(source, extract(source), digest)


class CachedAudit:
    """The chain read through the cache: ``audit`` serves a document's stored
    result when neither its bytes, the settings nor any lexicon entry its words
    can reach has changed; else it extracts (through the extraction table),
    runs ``chain(source, extracted, digest)`` and stores the result. Results
    under reviewer decisions (which change results per passage id) are never
    served or stored."""

    stores_keys = True

    def __init__(self, settings, judged_by, candidate_filter):
        """``judged_by()``: (method, threshold, model JSON file or None);
        ``candidate_filter()``: the ``CandidateFilter`` (built on first use)."""
        self.store = ExtractionCache(settings.cache_dir)
        self.keys = CacheKeys(settings.ocr, settings_digest(settings, *judged_by()), candidate_filter)
        self._filter = candidate_filter
        self._results = not settings.decisions

    def lookup(self, source: SourceFile, digest: str | None = None) -> DocumentResult | None:
        """The stored result for the file's current bytes (``digest``: their
        hash, if known), or None."""
        if not self._results:
            return None
        if digest is None:
            try:
                digest = file_sha256(source.abs_path)
            except OSError:
                return None  # missing or unreadable: the chain reports it
        words = self.store.get_keys(self.keys.keys(digest))
        key = self.keys.unjudged(digest) if words is None else self.keys.result(digest, words)
        data = self.store.get_result(key)
        if data is None:
            return None
        return decode_result(data, source, digest, lambda blocks, typed: doc_type_of(source, blocks, typed))

    def audit(self, source: SourceFile, digest: str, extract, chain) -> DocumentResult:
        cached = self.lookup(source, digest)
        if cached is not None:
            return cached
        extracted = self.extracted(source, digest, extract)
        result = chain(source, extracted, digest)
        self._put(result, extracted)
        return result

    def extracted(self, source: SourceFile, digest: str, extract) -> ExtractedDocument:
        key = self.keys.extraction(digest)
        cached = self.store.get(key, source.path)
        if cached is not None:
            return cached
        extracted = extract(source)
        self.store.put(key, extracted)
        return extracted

    def _put(self, result: DocumentResult, extracted: ExtractedDocument) -> None:
        """A judged (readable) result under its lexicon dependency, with the
        document's word keys; any other under the unjudged key."""
        entry = lambda: encode_result(result, type_evidence(extracted.blocks), _typed_as(result.source))  # noqa: E731
        if result.status != OK:
            self.store.put_result(self.keys.unjudged(result.sha256), entry())
        elif self._results:
            from ..text.prefilter import words

            keys = self._filter().document_keys(words(b.text for b in extracted.blocks))
            self.store.put_keys(self.keys.keys(result.sha256), keys)
            self.store.put_result(self.keys.result(result.sha256, keys), entry())


def _typed_as(source: SourceFile) -> str | None:
    """The path a stored document type was inferred for (None: a manifest gave it)."""
    return None if source.doc_type else path_in_program(source)
