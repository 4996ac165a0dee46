"""Word and PDF syllabi with the relationship content in table cells, boxes and
two-column pages (corpora/layouts): built by their generator scripts, then
judged; every verdict must match its label and a positive's counted evidence
must be one of its quoted passages (so a schedule or rubric cell was read as
its own passage, not run together with its neighbours)."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path

import pytest

from syllabus_audit.pipeline.auditor import Auditor
from syllabus_audit.types import COUNTED, OK, SourceFile

pytest.importorskip("docx")
pytest.importorskip("reportlab")

LAYOUTS = Path(__file__).resolve().parents[1] / "corpora" / "layouts"
LABELS = list(csv.DictReader((LAYOUTS / "labels.csv").open(encoding="utf-8")))
_QUOTE = re.compile(r'"([^"]{8,})"')  # every quoted passage (and a few quoted row names)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("layouts")
    for script in sorted(LAYOUTS.glob("make_*.py")):
        subprocess.run([sys.executable, str(script), str(out)], check=True, capture_output=True)
    return out


@pytest.fixture(scope="module")
def auditor() -> Auditor:
    return Auditor()


def test_every_labelled_file_is_built(built):
    assert len(LABELS) == 10
    assert all((built / row["file"]).is_file() for row in LABELS)


@pytest.mark.parametrize("row", LABELS, ids=[r["file"] for r in LABELS])
def test_layout_document_verdict_and_evidence(row, built, auditor):
    path = built / row["file"]
    result = auditor.audit_file(SourceFile("layouts", row["file"], str(path), "syllabus"))
    assert result.status == OK
    counted = [h for h in result.hits if h.status == COUNTED]
    assert bool(counted) == (row["label"] == "1"), [h.passage.text for h in counted]
    if counted:
        quotes = [_norm(q) for q in _QUOTE.findall(row["evidence"])]
        passages = {_norm(h.passage.text) for h in counted}
        # The passage is the quoted cell (or a sentence of it), not a run of neighbouring cells.
        assert any(p in q or (q in p and len(p) <= len(q) + 20) for q in quotes for p in passages), sorted(passages)
