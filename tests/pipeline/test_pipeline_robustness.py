"""Pipeline-level robustness: duplicates, timeouts, missing files, languages, exit codes."""

import json
import shutil
import time

import pytest
from click.testing import CliRunner

import syllabus_audit
from syllabus_audit.cli import cli
from syllabus_audit.pipeline import AuditSettings
from tests.conftest import REAL_DOCS

EN = "Course syllabus\n\nStudents learn to establish a therapeutic alliance with clients.\n"
DE = ("Modulbeschreibung\n\nDie Studierenden lernen, eine tragfähige therapeutische Beziehung zu Klientinnen und "
      "Klienten aufzubauen und Empathie in Gesprächen zu zeigen.\n")
HR = ("Opis kolegija\n\nStudenti uče osnove psihološkog savjetovanja i razvijaju vještine aktivnog slušanja "
      "u radu s klijentima tijekom cijelog semestra.\n")
JA = "授業の概要\n\n学生はカウンセリングの基礎を学び、クライエントとの信頼関係を築く方法を練習する。\n"
FR = ("Plan de cours\n\nLes étudiants apprennent à établir une alliance thérapeutique avec leurs clients et à "
      "pratiquer l'écoute active pendant tout le semestre.\n")


def _write(root, rel, text):
    p = root / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


def test_same_bytes_twice_in_a_program_is_counted_once(tmp_path):
    _write(tmp_path, "p/syllabus.txt", EN)
    _write(tmp_path, "p/copy/syllabus.txt", EN)
    rec = syllabus_audit.audit(tmp_path, method="lexicon")
    statuses = sorted(d["status"] for d in rec["programs"][0]["documents"])
    assert statuses == ["duplicate", "ok"]
    s = rec["summary"]
    assert len(s["duplicate_documents"]) == 1 and s["unreadable_documents"] == []
    assert sum(s["statuses"].values()) == s["documents"] == 2


def test_a_slow_document_times_out_without_stopping_the_batch(tmp_path, monkeypatch):
    import syllabus_audit.pipeline.stages as stages

    _write(tmp_path, "a/syllabus.txt", EN)
    _write(tmp_path, "b/syllabus.txt", EN.replace("alliance", "alliance building"))
    real = stages.extract_file

    def slow(abs_path, rel_path, **kw):
        if rel_path.startswith("a/"):
            time.sleep(5)
        return real(abs_path, rel_path, **kw)

    monkeypatch.setattr(stages, "extract_file", slow)
    rec = syllabus_audit.audit(tmp_path, method="lexicon", settings=AuditSettings(time_limit=0.5))
    by = {p["id"]: p["documents"][0] for p in rec["programs"]}
    assert by["a"]["status"] == "timeout" and "longer than 0.5 s" in by["a"]["reason"]
    assert by["b"]["status"] == "ok" and by["b"]["mentions"] is True


def test_manifest_file_that_does_not_exist_is_missing(tmp_path):
    _write(tmp_path, "p/a.txt", EN)
    (tmp_path / "manifest.csv").write_text("path,program,doc_type\np/a.txt,p,syllabus\np/gone.txt,p,syllabus\n")
    rec = syllabus_audit.audit(tmp_path, method="lexicon")
    assert [(d["path"], d["status"]) for d in rec["programs"][0]["documents"]] == [("p/a.txt", "ok"), ("p/gone.txt", "missing")]


def test_languages_are_detected_routed_or_reported(tmp_path):
    _write(tmp_path, "en/syllabus.txt", EN)
    _write(tmp_path, "de/modulbeschreibung-syllabus.txt", DE)
    _write(tmp_path, "hr/syllabus.txt", HR)
    _write(tmp_path, "ja/syllabus.txt", JA)
    _write(tmp_path, "fr/syllabus.txt", FR)
    rec = syllabus_audit.audit(tmp_path)
    docs = {p["id"]: p["documents"][0] for p in rec["programs"]}
    assert docs["en"]["language"] == "en" and docs["en"]["mentions"] is True
    assert docs["de"]["language"] == "de" and docs["de"]["status"] == "ok" and "alliance" in docs["de"]["categories"]
    assert docs["hr"]["language"] == "hr" and docs["hr"]["status"] == "ok" and docs["hr"]["categories"] == ["microskills"]
    for lang in ("ja", "fr"):  # no shipped lexicon (Japanese: a candidate only, README)
        assert docs[lang]["status"] == "unsupported_language" and f"({lang}," in docs[lang]["reason"]
        assert docs[lang]["mentions"] is None  # never counted as "no reference"
    assert rec["summary"]["sources"]["syllabus"]["programs"] == 3
    assert rec["summary"]["languages"] == {"de": 1, "en": 1, "fr": 1, "hr": 1, "ja": 1}


def test_language_can_be_forced_and_must_have_a_lexicon(tmp_path):
    _write(tmp_path, "hr/syllabus.txt", HR)
    rec = syllabus_audit.audit(tmp_path, method="lexicon", settings=AuditSettings(language="en"))
    assert rec["programs"][0]["documents"][0]["language"] == "en"
    result = CliRunner().invoke(cli, ["scan", str(tmp_path), "--language", "xx"])
    assert result.exit_code == 2 and "no lexicon for 'xx'" in result.output


def test_strict_turns_unreadable_files_into_exit_1(tmp_path):
    _write(tmp_path, "p/a.txt", EN)
    (tmp_path / "p" / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    runner = CliRunner()
    assert runner.invoke(cli, ["scan", str(tmp_path), "--method", "lexicon"]).exit_code == 0
    assert runner.invoke(cli, ["scan", str(tmp_path), "--method", "lexicon", "--strict"]).exit_code == 1


@pytest.mark.skipif(not REAL_DOCS.is_dir(), reason="../shared/real-docs is not present")
def test_real_non_english_documents_are_never_counted_as_no_reference():
    import csv

    langs = {r["file"]: r["language"] for r in csv.DictReader((REAL_DOCS.parent / "SOURCES.csv").open())}
    rec = syllabus_audit.audit(REAL_DOCS, method="lexicon")
    for p in rec["programs"]:
        (d,) = p["documents"]
        if langs.get(d["path"], "en") != "en" and d["status"] == "ok":
            assert d["language"] in ("de", "hr", "sv"), d["path"]
        if d["status"] == "unsupported_language":
            assert d["mentions"] is None


@pytest.mark.skipif(not (REAL_DOCS.is_dir() and shutil.which("tesseract")), reason="needs real-docs and Tesseract")
def test_ocr_reads_the_real_scanned_pdfs(tmp_path):
    for name in ("pdx-mi-training-certificate-scanned.pdf", "teaching-observation-form-scanned-handwritten.pdf"):
        shutil.copy(REAL_DOCS / name, tmp_path / name)
    result = CliRunner().invoke(cli, ["scan", str(tmp_path), "--ocr", "--format", "json", "--method", "lexicon"])
    docs = [d for p in json.loads(result.stdout)["programs"] for d in p["documents"]]
    assert [d["status"] for d in docs] == ["ok", "ok"]
