"""The result cache: a re-scan after a lexicon change judges again only the
documents the change can reach, and gives exactly what a fresh scan gives."""

from __future__ import annotations

import json
import re

import pytest

from syllabus_audit.pipeline.aggregate import group_programs
from syllabus_audit.read.discover import discover
from syllabus_audit.rules.lexicon import default_lexicon_path, load_lexicon
from syllabus_audit.pipeline import AuditSettings
from syllabus_audit.pipeline.auditor import Auditor
from syllabus_audit.report.records import audit_record
from tests.conftest import DEMO

SHIPPED = default_lexicon_path().read_text(encoding="utf-8")


def _scan(lexicon_text: str, tmp_path, cache_dir=None, method=None) -> tuple[str, int]:
    """(JSON record, number of documents judged rather than taken from the cache)."""
    path = tmp_path / f"lexicon-{abs(hash(lexicon_text))}.yaml"
    path.write_text(lexicon_text, encoding="utf-8")
    auditor = Auditor(load_lexicon(path), method, settings=AuditSettings(cache_dir=str(cache_dir) if cache_dir else None))
    judged = []
    judge = auditor._judge
    auditor._judge = lambda *a: judged.append(a[0].path) or judge(*a)
    results = [auditor.audit_file(s) for s in discover(DEMO)]
    return json.dumps(audit_record(group_programs(results), auditor, None), sort_keys=True), len(judged)


def _edit(old: str, new: str) -> str:
    assert old in SHIPPED
    return SHIPPED.replace(old, new, 1)


CHANGES = {
    "version bump": re.sub(r'^version: "(\d+)\.(\d+)\.(\d+)"', lambda m: f'version: "{m[1]}.{m[2]}.{int(m[3]) + 1}"',
                           SHIPPED, count=1, flags=re.M),
    "a term added": _edit("      - therapeutic alliance\n", "      - therapeutic alliance\n      - weekly readings\n"),
    "a strength changed": _edit("{term: rapport, strength: ambiguous}", "{term: rapport, strength: strong}"),
    "a negation word added": _edit('before: ["not", "no", "never",', 'before: ["not", "no", "never", "hardly",'),
}


@pytest.fixture(scope="module")
def warm_cache(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cache")
    record, judged = _scan(SHIPPED, tmp_path_factory.mktemp("lex"), folder)
    assert judged == 38  # every readable demo document (2 are unreadable)
    return folder, record


def test_an_unchanged_rescan_judges_nothing_and_gives_the_same_record(warm_cache, tmp_path):
    folder, record = warm_cache
    again, judged = _scan(SHIPPED, tmp_path, folder)
    assert judged == 0 and again == record


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_a_rescan_after_a_lexicon_change_equals_a_fresh_scan(warm_cache, tmp_path, change):
    folder, _ = warm_cache
    fresh, all_judged = _scan(CHANGES[change], tmp_path)  # no cache
    cached, judged = _scan(CHANGES[change], tmp_path, folder)
    assert cached == fresh
    if change == "version bump":
        assert judged == 0
    elif change == "a negation word added":  # a global setting: every document again
        assert judged == all_judged
    else:  # only documents containing the entry's words
        assert 0 < judged < all_judged


def test_another_method_is_not_served_from_the_cache(warm_cache, tmp_path):
    folder, _ = warm_cache
    fresh, _ = _scan(SHIPPED, tmp_path, method="lexicon")
    cached, judged = _scan(SHIPPED, tmp_path, folder, method="lexicon")
    assert judged == 38 and cached == fresh


def test_parallel_scan_serves_hits_itself_and_keeps_the_order(warm_cache, tmp_path, monkeypatch):
    """With jobs=2, cached documents are served without workers, misses go to
    workers, and the output is in input order either way."""
    import multiprocessing
    import shutil

    from syllabus_audit.pipeline.parallel import audit_parallel

    folder, record = warm_cache
    sources = discover(DEMO)

    def scan(cache) -> str:
        auditor = Auditor(settings=AuditSettings(cache_dir=str(cache)))
        results = list(audit_parallel(auditor, sources, jobs=2))
        return json.dumps(audit_record(group_programs(results), auditor, None), sort_keys=True)

    with monkeypatch.context() as m:  # a fully warm cache needs no worker at all
        m.setattr(multiprocessing, "get_context", lambda *a: pytest.fail("a worker pool was started"))
        assert scan(folder) == record
    partial = tmp_path / "partial"  # every other document's results removed: hits and misses interleave
    shutil.copytree(folder, partial)
    import sqlite3

    with sqlite3.connect(partial / "extraction.sqlite3") as db:
        keys = [k for (k,) in db.execute("SELECT key FROM result ORDER BY key")]
        db.executemany("DELETE FROM result WHERE key = ?", [(k,) for k in keys[::2]])
    assert scan(partial) == record


def test_a_warm_rescan_reuses_stored_document_types_unless_the_path_changed(tmp_path, monkeypatch):
    """Inferring a type reads the content (ms per document): a cached result
    keeps the type inferred for its path; the same bytes under another name
    are typed again (the name is evidence)."""
    import syllabus_audit.pipeline.stages as stages

    corpus = tmp_path / "corpus" / "prog"
    corpus.mkdir(parents=True)
    text = "PSY 640 Counselling Skills\n\nWeek 1: establish a therapeutic alliance with clients.\n"
    (corpus / "psy640.md").write_text(text, encoding="utf-8")
    cache = tmp_path / "cache"
    auditor = Auditor(method="lexicon", settings=AuditSettings(cache_dir=str(cache)))
    (first,) = [auditor.audit_file(s) for s in discover(corpus.parent)]
    calls = []
    real = stages.infer_doc_type
    monkeypatch.setattr(stages, "infer_doc_type", lambda *a: calls.append(a[0]) or real(*a))
    warm = Auditor(method="lexicon", settings=AuditSettings(cache_dir=str(cache)))
    (again,) = [warm.audit_file(s) for s in discover(corpus.parent)]
    assert calls == [] and (again.doc_type, again.doc_type_reason) == (first.doc_type, first.doc_type_reason)
    (corpus / "psy640.md").rename(corpus / "program-overview.md")  # same bytes, a name that says otherwise
    (moved,) = [warm.audit_file(s) for s in discover(corpus.parent)]
    assert calls == ["program-overview.md"] and moved.hits == again.hits


def test_an_extractor_edit_makes_stored_extractions_unreachable(tmp_path, monkeypatch):
    """Stored extractions are keyed by the extractors' source: after an edit
    (here: a different digest of it) a re-scan extracts again instead of
    judging the old extraction (which had served stale PDF table reading)."""
    import syllabus_audit.pipeline.cache as cache
    import syllabus_audit.pipeline.stages as stages

    corpus = tmp_path / "corpus" / "prog"
    corpus.mkdir(parents=True)
    (corpus / "unit.md").write_text("Week 1: establish a therapeutic alliance with clients.\n", encoding="utf-8")
    settings = AuditSettings(cache_dir=str(tmp_path / "cache"))
    calls = []
    real = stages.extract_file
    monkeypatch.setattr(stages, "extract_file", lambda *a, **k: calls.append(a[1]) or real(*a, **k))

    def scan():
        return [Auditor(method="lexicon", settings=settings).audit_file(s) for s in discover(corpus.parent)]

    first = scan()
    assert calls == ["prog/unit.md"]
    monkeypatch.setattr(cache.CacheKeys, "result", lambda self, digest, keys: f"{digest}:fresh-{len(calls)}")
    scan()  # a new result key (as after any code edit) but the same extractor: the extraction is reused
    assert calls == ["prog/unit.md"]
    cache.extractor_digest.cache_clear()
    monkeypatch.setattr(cache, "extractor_digest", lambda: "3-edited")
    again = scan()
    assert calls == ["prog/unit.md", "prog/unit.md"] and again[0].hits == first[0].hits


def test_the_extractor_digest_covers_every_extractor_module(monkeypatch):
    from syllabus_audit import artefacts
    from syllabus_audit.pipeline import cache

    seen = []
    monkeypatch.setattr(artefacts, "source_digest", lambda files: seen.extend(files) or "0" * 16)
    cache.extractor_digest.cache_clear()
    try:
        assert cache.extractor_digest() == "3-" + "0" * 16
    finally:
        cache.extractor_digest.cache_clear()
    assert {"read/extract/pdf.py", "read/extract/pdf_tables.py", "read/extract/word.py",
            "read/extract/textfix.py", "read/extract/__init__.py", "types.py"} <= set(seen)
