"""Build-once artefacts (artefacts.py): the pre-filter's tables, the lemma
tables and the language model are built once per lexicon / code digest, loaded
from the artefact folder afterwards, rebuilt after a lexicon edit, and give the
same answers as a fresh build. Start-up mechanics: what a run does not need is
not imported or built."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from syllabus_audit import artefacts
from syllabus_audit.rules.lexicon import lexicon_for_language, load_lexicon
from syllabus_audit.text.nlp import lemma_table, lemma_with, lemmatiser, make_nlp
from syllabus_audit.text.prefilter import _WORD as PREFILTER_WORD
from syllabus_audit.text.prefilter import CandidateFilter, candidate_filter, filter_tables
from tests.conftest import DEMO, REAL_DOCS, REPO


@pytest.fixture()
def artefact_dir(tmp_path, monkeypatch):
    """A private, empty artefact folder for one test."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("SYLLABUS_AUDIT_ARTEFACTS", raising=False)
    artefacts.use_folder(None)
    candidate_filter.cache_clear()
    yield tmp_path / "xdg" / "syllabus-audit" / "artefacts"
    candidate_filter.cache_clear()


def _shipped() -> tuple:
    """The shipped lexicons in the order an Auditor loads them."""
    return tuple(load_lexicon(lexicon_for_language(lang)) for lang in ("en", "de", "hr", "sv"))


def _corpus_words() -> set[str]:
    words: set[str] = set()
    paths = [REPO / "corpora" / "labelled" / "passages.csv", *REPO.glob("lexicons/**/*.yaml"),
             *REPO.glob("tests/**/*.py"), *REPO.glob("corpora/languages/*/files/*")]
    paths += [p for p in DEMO.rglob("*") if p.suffix in (".txt", ".md", ".html")]
    for p in paths:  # split as the pre-filter splits (every kana and kanji a word)
        words |= set(PREFILTER_WORD.findall(p.read_text(encoding="utf-8", errors="replace").lower()))
    return words | {"2026", "10km", "week_3", "klient*innen", "klient:innen", "straße", "café", "māori", "cannot",
                    "gonna", "ª", "µg", "１２", "٣", "bemötandet", "relationerna", "beziehungen"}


def _edited_lexicon(tmp_path: Path) -> Path:
    text = (REPO / "lexicons" / "relationship_skills.yaml").read_text(encoding="utf-8")
    edited = re.sub(r"(\ncategories:\n  alliance:\n(?:.*\n)*?    terms:\n)", r"\1      - zebra crossing\n", text, count=1)
    assert edited != text
    path = tmp_path / "edited.yaml"
    path.write_text(edited, encoding="utf-8")
    return path


def test_filter_tables_are_stored_once_and_equal_a_fresh_build(artefact_dir):
    lexicons = _shipped()
    first = candidate_filter(lexicons)
    stored = sorted(artefact_dir.glob("filter-*.json"))
    assert len(stored) == 1
    candidate_filter.cache_clear()
    again = candidate_filter(lexicons)  # now read from the file
    assert again is not first and sorted(artefact_dir.glob("filter-*.json")) == stored
    fresh = filter_tables(lexicons)
    assert artefacts.load_or_build("filter", stored[0].stem.split("-", 1)[1], lambda: None, fmt="json") == fresh
    for f in (first, again):
        assert f.global_digest == CandidateFilter(fresh).global_digest
        assert f.is_candidate("We build rapport.") and not f.is_candidate("The lecture timetable is online.")


def test_a_lexicon_edit_builds_new_tables_with_the_edit(artefact_dir, tmp_path):
    shipped = _shipped()
    before = candidate_filter(shipped)
    edited = (load_lexicon(_edited_lexicon(tmp_path)), *shipped[1:])
    after = candidate_filter(edited)
    assert len(list(artefact_dir.glob("filter-*.json"))) == 2  # keyed by the lexicon's content
    assert after.is_candidate("Mind the zebra crossing.") and not before.is_candidate("Mind the zebra crossing.")
    assert after.global_digest == CandidateFilter(filter_tables(edited)).global_digest
    keys = after.document_keys({"zebra", "crossing", "rapport"})
    assert after.dependency(keys) != before.dependency(keys)  # the result cache sees the new term


def test_a_damaged_artefact_is_rebuilt(artefact_dir):
    lexicons = _shipped()
    candidate_filter(lexicons)
    (path,) = artefact_dir.glob("filter-*.json")
    path.write_bytes(b"\xc1 not json")
    candidate_filter.cache_clear()
    f = candidate_filter(lexicons)
    assert f.is_candidate("We build rapport.")
    assert path.read_bytes() != b"\xc1 not json"


def test_artefacts_off_stores_nothing(artefact_dir, monkeypatch):
    monkeypatch.setenv("SYLLABUS_AUDIT_ARTEFACTS", "off")
    assert candidate_filter(_shipped()).is_candidate("We build rapport.")
    assert not artefact_dir.exists()


@pytest.mark.parametrize("lang", ["en", "de", "sv", "hr"])
def test_restricted_lemma_tables_answer_like_the_full_ones(lang):
    """The pre-filter's small tables give the full tables' lemma whenever it
    is one the lexicons need, and a lemma they do not need otherwise: on every
    form of the lookup table and on every corpus word."""
    lexicons = _shipped()
    tables = filter_tables(lexicons)
    pipe = tables["langs"].index(lang)
    prefix = f"L{pipe}:"
    needed = {k[len(prefix):] for k in tables["needed"] if k.startswith(prefix)}
    small, full = tables["restricted"][pipe], lemma_table(lang)
    assert 0 < len(small) < len(full) / 10
    for word in set(full) | _corpus_words():
        mine, true = lemma_with(small, lang, word), lemma_with(full, lang, word)
        assert (mine in needed) == (true in needed), word
        if true in needed:
            assert mine == true, word


def test_plain_words_skip_the_tokenizer_with_the_same_keys():
    f = candidate_filter(_shipped())
    f.load_full_tables()
    for word in sorted(_corpus_words()):
        assert f._word_keys(word, f._full_lemma) == f._word_keys(word, f._full_lemma, fast=False), word
        assert f._word_keys(word, f._needed_lemma) == f._word_keys(word, f._needed_lemma, fast=False), word


@pytest.mark.parametrize("lang", ["en", "de", "sv", "hr"])
def test_pipeline_lemmas_come_from_the_stored_table(lang):
    nlp = make_nlp(lang)
    lemma = lemmatiser(lang)
    for word in ["Beziehungen", "alliansen", "Counseling", "Klient*innen", "relationerna", "ruptures", "odnosima",
                 "nisu", "kongruentnošću"]:
        doc = nlp(word)
        assert [t.lemma_ for t in doc] == [lemma(t.lower_) for t in doc]


def test_the_language_model_from_the_artefact_ranks_like_py3langid():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from syllabus_audit.read.language import _identifier

    reference = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    for text in ["Die Therapeutin hört aufmerksam zu.", "Terapeuten lyssnar aktivt på klienten.",
                 "Students build a working alliance with clients.", "これは日本語の文です", "Suradnja s klijentom"]:
        assert _identifier().rank(text) == reference.rank(text)


def _run(code: str, env: dict) -> dict:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=REPO, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_start_up_loads_only_what_the_run_needs(tmp_path):
    """--help imports no heavy library; a check of an English file builds no
    German or Swedish pipeline; no scan or check imports scikit-learn (only
    training fits with it); a warm re-scan imports no spaCy either. (Behaviour, not timing: the benchmark measures time.)"""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg"), "PYTHONPATH": str(REPO)}
    corpus = tmp_path / "corpus" / "prog"
    corpus.mkdir(parents=True)
    (corpus / "outline.txt").write_text("Learning outcomes\n\nStudents build a therapeutic alliance with clients.\n"
                                        "Die Studierenden gestalten die therapeutische Beziehung.\n", encoding="utf-8")
    (corpus / "plain.txt").write_text("The timetable is on the portal.\n", encoding="utf-8")
    one = tmp_path / "one.txt"
    one.write_text("Students establish a therapeutic alliance with clients.\n", encoding="utf-8")
    heavy = "['spacy', 'sklearn', 'scipy', 'pypdfium2', 'lxml']"
    help_run = _run(
        "import sys, json\nfrom click.testing import CliRunner\nfrom syllabus_audit.cli import cli\n"
        "r = CliRunner().invoke(cli, ['--help'])\nassert r.exit_code == 0\n"
        f"print(json.dumps([m for m in {heavy} if m in sys.modules]))", env)
    assert help_run == []
    check = ("import sys, json\nfrom click.testing import CliRunner\nfrom syllabus_audit.cli import cli\n"
             "from syllabus_audit.text import nlp\n"
             f"r = CliRunner().invoke(cli, ['check', {str(one)!r}])\nassert r.exit_code == 0, r.output\n"
             "print(json.dumps([sorted(nlp._BUILT), 'sklearn' in sys.modules]))")
    _run(check, env)  # the first run ever builds the artefacts
    assert _run(check, env) == [["en"], False]  # the model scores without scikit-learn
    scan = ("import sys, json\nfrom click.testing import CliRunner\nfrom syllabus_audit.cli import cli\n"
            f"r = CliRunner().invoke(cli, ['scan', {str(corpus.parent)!r}, '--format', 'json', '--jobs', '1',"
            f" '--cache-dir', {str(tmp_path / 'cache')!r}])\nassert r.exit_code == 0, r.output\n"
            f"print(json.dumps([m for m in {heavy} if m in sys.modules]))")
    cold = _run(scan, env)
    assert "spacy" in cold and "sklearn" not in cold
    assert _run(scan, env) == []  # everything from the cache


def test_a_new_document_cache_folder_reuses_the_users_artefacts(artefact_dir, tmp_path):
    """--cache-dir holds documents; compiled tables stay in the user's cache
    folder, so a scan with a fresh --cache-dir rebuilds none of them."""
    from syllabus_audit.pipeline import AuditSettings
    from syllabus_audit.pipeline.auditor import Auditor

    candidate_filter(_shipped())
    stored = sorted(artefact_dir.glob("*"))
    candidate_filter.cache_clear()
    try:
        auditor = Auditor(settings=AuditSettings(cache_dir=str(tmp_path / "docs")))
        assert auditor.candidate_filter.is_candidate("We build rapport.")
    finally:
        artefacts.use_folder(None)
    assert sorted(artefact_dir.glob("*")) == stored
    assert not (tmp_path / "docs" / "artefacts").exists()


def test_only_the_most_recently_used_artefacts_of_a_kind_are_kept(artefact_dir):
    """Artefacts are keyed by the code that builds them, so upgrades leave old
    ones behind: storing one prunes its kind to the ``KEEP_PER_KIND`` most
    recently used (loading one marks it used), and other kinds are untouched."""
    artefact_dir.mkdir(parents=True, exist_ok=True)
    keep = artefacts.KEEP_PER_KIND
    old = []
    for i in range(keep + 2):
        path = artefact_dir / f"filter-{i:032x}.json"
        path.write_text(json.dumps([i]), encoding="utf-8")
        os.utime(path, (1_000_000 + i, 1_000_000 + i))
        old.append(path)
    other = artefact_dir / f"lemmas-{0:032x}.msgpack"
    other.write_bytes(b"\x90")
    os.utime(other, (1, 1))
    assert artefacts.load_or_build("filter", f"{0:032x}", lambda: None, fmt="json") == [0]  # the oldest, used now
    artefacts.load_or_build("filter", "f" * 32, lambda: ["new"], fmt="json")
    left = sorted(p.name for p in artefact_dir.glob("filter-*"))
    assert len(left) == keep
    assert f"filter-{'f' * 32}.json" in left and old[0].name in left  # the new one and the one just used
    assert old[1].name not in left and old[2].name not in left  # the least recently used went
    assert other.exists()
