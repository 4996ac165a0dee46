"""The pre-filter skips only work that cannot change a verdict: a scan reading
only candidate blocks gives the same output as one reading every block, on the
demo corpus, the labelled passages and the real documents."""

from __future__ import annotations

import csv
import json

import pytest

from syllabus_audit.read.discover import discover
from syllabus_audit.read.extract import extract_file
from syllabus_audit.read.language import languages_at, passage_languages
from syllabus_audit.pipeline.auditor import Auditor
from syllabus_audit.report.records import audit_record
from syllabus_audit.pipeline.aggregate import group_programs
from syllabus_audit.types import OK, PARAGRAPH, Anchor, Block, ExtractedDocument, SourceFile
from tests.conftest import DEMO, REAL_DOCS, REPO


def _full_path(auditor: Auditor) -> Auditor:
    """The same auditor reading every block (no pre-filter)."""
    filtered = auditor.passage_groups
    auditor.passage_groups = lambda extracted, document, full=False, language=None, flags=None: filtered(
        extracted, document, True, language, flags)
    return auditor


@pytest.fixture(scope="module")
def auditors():
    return Auditor(), _full_path(Auditor())


def _record(auditor, root) -> str:
    results = [auditor.audit_file(s) for s in discover(root)]
    return json.dumps(audit_record(group_programs(results), auditor, None), sort_keys=True)


def _hits(result) -> list[tuple]:
    """Every hit of a document result, without the passage index (which counts
    passages read, so it differs between the two paths)."""
    return sorted((h.category, h.term, h.matched, h.status, h.rule, h.strength, h.score, h.level, h.decided_by,
                   h.passage.text, h.passage.page, h.passage.line, h.passage.section, h.passage.section_kind)
                  for h in result.hits)


def test_demo_corpus_output_is_identical_with_and_without_the_prefilter(auditors):
    filtered, full = auditors
    assert _record(filtered, DEMO) == _record(full, DEMO)


def test_labelled_passages_get_the_same_hits_with_and_without_the_prefilter(auditors):
    filtered, full = auditors
    with (REPO / "corpora" / "labelled" / "passages.csv").open(newline="", encoding="utf-8") as fh:
        texts = [r["text"] for r in csv.DictReader(fh)]
    # one document per 200 passages, each passage its own paragraph block
    counted = 0
    for start in range(0, len(texts), 200):
        chunk = texts[start:start + 200]
        blocks = tuple(Block(t, PARAGRAPH, (Anchor(0, 1, i + 1),)) for i, t in enumerate(chunk))
        doc = ExtractedDocument(f"labelled-{start}.txt", "text", OK, blocks=blocks)
        source = SourceFile("labelled", doc.path, doc.path)
        a = filtered._judge(source, doc, "0" * 64)
        b = full._judge(source, doc, "0" * 64)
        assert (a.status, a.reason, a.language) == (b.status, b.reason, b.language)
        assert _hits(a) == _hits(b)
        counted += sum(h.status == "counted" for h in a.hits)
    assert counted > 1000  # the comparison has something to compare


@pytest.mark.skipif(not REAL_DOCS.is_dir(), reason="../shared/real-docs is not present")
def test_real_documents_get_the_same_hits_with_and_without_the_prefilter(auditors):
    filtered, full = auditors
    compared = 0
    for source in discover(REAL_DOCS):
        a, b = filtered.audit_file(source), full.audit_file(source)
        assert (a.status, a.reason, a.language) == (b.status, b.reason, b.language), source.path
        assert _hits(a) == _hits(b), source.path
        compared += a.status == OK
    assert compared >= 10


JAPANESE = REPO / "lexicons" / "candidates" / "relationship_skills_ja.yaml"  # not shipped yet (README)


@pytest.fixture(scope="module")
def japanese_auditors():
    from syllabus_audit.rules.lexicon import load_lexicon

    return Auditor(load_lexicon(JAPANESE), method="lexicon"), _full_path(Auditor(load_lexicon(JAPANESE), method="lexicon"))


def test_croatian_and_japanese_documents_get_the_same_hits_with_and_without_the_prefilter(auditors, japanese_auditors):
    """Croatian lemmas are stems; Japanese words are single kana and kanji
    (text/nlp.py): the filter's words and keys must follow both."""
    counted = set()
    for folder in sorted((REPO / "corpora" / "languages").glob("*/files")):
        filtered, full = japanese_auditors if folder.parent.name.startswith("ja") else auditors
        for source in discover(folder):
            a, b = filtered.audit_file(source), full.audit_file(source)
            assert (a.status, a.reason, a.language) == (b.status, b.reason, b.language), source.path
            assert _hits(a) == _hits(b), source.path
            counted |= {a.language for h in a.hits if h.status == "counted"}
    assert counted == {"hr", "ja"}


def test_candidate_filter_reads_lemmas_and_needs_every_word_of_a_phrase(auditor):
    f = auditor.candidate_filter
    assert not f.unanchored  # every shipped phrase has a word to look for
    assert f.is_candidate("Recognising RUPTURES early.")  # inflected, upper case
    assert f.is_candidate("We build rapport.")
    assert f.is_candidate("Sessions are recorded.")  # client cue, plural
    assert not f.is_candidate("The reading list and lecture timetable are on the portal.")
    assert not f.is_candidate("Assessment: an essay of 2,000 words due in week 9.")
    assert f.is_candidate("u terapijskom odnosu s klijentima")  # Croatian case forms


def test_japanese_candidates_are_found_without_spaces(japanese_auditors):
    f = japanese_auditors[0].candidate_filter
    assert f.is_candidate("クライエントとの治療関係を築く。")
    assert not f.is_candidate("授業の日程は掲示板で確認すること。")


def test_a_block_without_candidate_words_yields_no_passages_but_keeps_the_section():
    auditor = Auditor()
    blocks = (Block("Learning outcomes", "heading", (Anchor(0, 1, 1),)),
              Block("Describe the structure of the course.", PARAGRAPH, (Anchor(0, 1, 2),)),
              Block("Build rapport with clients in the first session.", PARAGRAPH, (Anchor(0, 1, 3),)))
    doc = ExtractedDocument("x.txt", "text", OK, blocks=blocks)
    groups, skipped = auditor.passage_groups(doc, ("en", 1.0))
    (lang, passages), = groups
    assert lang == "en" and skipped == 0
    assert [p.text for p, _ in passages] == ["Build rapport with clients in the first session."]
    assert passages[0][0].section == "Learning outcomes" and passages[0][0].section_kind == "learning_outcomes"
    full, _ = auditor.passage_groups(doc, ("en", 1.0), full=True)
    assert len(full[0][1]) == 3


def test_languages_at_a_subset_equal_the_full_answer():
    en = "The counsellor listens carefully and reflects the feelings of the client back to them."
    de = "Die Therapeutin hört aufmerksam zu und spiegelt die Gefühle der Klientin in der Sitzung wider."
    blocks = [en, "Woche 3", de, "Ziele", de, en, "OK", en]
    everything = passage_languages(blocks)
    for i in range(len(blocks)):
        assert languages_at(blocks, [i]) == {i: everything[i]}
    assert everything[3].language == "de"  # a short block between two German ones
