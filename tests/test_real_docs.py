"""End-to-end on the real third-party documents in ../shared/real-docs (read in
place, never copied). Skipped when that folder is absent."""

import json
import shutil

import pytest
from click.testing import CliRunner

from syllabus_audit.cli import cli
from tests.conftest import REAL_DOCS

pytestmark = pytest.mark.skipif(not REAL_DOCS.is_dir(), reason="../shared/real-docs is not present")

SCANNED = {"pdx-mi-training-certificate-scanned.pdf", "teaching-observation-form-scanned-handwritten.pdf"}
# Legacy Word .doc needs a converter (antiword or LibreOffice); documented in the README.
HAS_DOC_CONVERTER = bool(shutil.which("antiword") or shutil.which("soffice"))


@pytest.fixture(scope="module")
def real_record():
    result = CliRunner().invoke(cli, ["scan", str(REAL_DOCS), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output and not result.stderr
    return json.loads(result.stdout)


def test_every_real_file_is_accounted_for(real_record):
    names = sorted(p.name for p in REAL_DOCS.iterdir() if p.is_file())
    assert sorted(d["path"] for p in real_record["programs"] for d in p["documents"]) == names
    # loose files in the root are one program each, named after the file
    assert sorted(p["id"] for p in real_record["programs"]) == names


def test_real_docs_statuses(real_record):
    for p in real_record["programs"]:
        (d,) = p["documents"]
        if d["path"] in SCANNED:
            assert d["status"] == "needs_ocr", d
        elif d["path"].endswith(".doc") and not HAS_DOC_CONVERTER:
            assert d["status"] == "unsupported" and "antiword" in d["reason"], d
        elif d["status"] == "unsupported_language":  # Japanese: no shipped lexicon (README)
            assert d["language"] == "ja" and d["reason"], d
        else:
            assert d["status"] == "ok", d


def test_unreadable_real_docs_are_excluded_from_denominators(real_record):
    s = real_record["summary"]
    assert s["readable_documents"] == s["documents"] - len(s["unreadable_documents"])
    assert s["sources"]["any"]["programs"] <= s["readable_documents"]


LABELS = REAL_DOCS.parent / "labels.csv"


def _document_evaluation(*method):
    result = CliRunner().invoke(cli, ["evaluate", str(LABELS), "--documents", str(REAL_DOCS),
                                      "--format", "json", *method])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.skipif(not LABELS.is_file(), reason="no document labels")
def test_default_method_document_verdicts_agree_with_the_human_labels():
    """Issue 12 acceptance: document accuracy >= 0.92 and kappa >= 0.80 on the
    shared real documents (a development set: thresholds are never fitted to
    it, see calibrate.py)."""
    out = _document_evaluation()
    m = out["metrics"]
    assert out["judged"] >= 55  # the Japanese pages are left out (no shipped lexicon)
    assert m["accuracy"] >= 0.92 and m["kappa"] >= 0.80, (m, [e["file"] for e in out["errors"]])
    # the categories a document is given agree with the coders' (README: micro P 0.85, R 0.81 when measured)
    micro = out["categories"]["micro"]
    assert micro["precision"] >= 0.75 and micro["recall"] >= 0.75, out["categories"]


@pytest.mark.skipif(not LABELS.is_file(), reason="no document labels")
@pytest.mark.parametrize("method", ["lexicon", "model", "hybrid"])
def test_no_method_swings_the_real_document_verdicts(method):
    """Every method stays close to the human labels (the README table)."""
    m = _document_evaluation("--method", method)["metrics"]
    assert m["accuracy"] >= 0.85 and m["kappa"] >= 0.65, m
