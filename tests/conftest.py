"""Shared fixtures: one pipeline per test session, golden-file updating."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "corpora" / "demo"
REAL_DOCS = REPO.parent / "shared" / "real-docs" / "files"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="Rewrite tests/golden/* from the current output instead of comparing.")


@pytest.fixture(autouse=True)
def _private_cache_dir(tmp_path_factory, monkeypatch):
    """Never write the user's real cache from tests."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "xdg-cache"))


@pytest.fixture(scope="session")
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


@pytest.fixture(scope="session")
def lexicon():
    from syllabus_audit.rules.lexicon import load_lexicon

    return load_lexicon()


@pytest.fixture(scope="session")
def auditor(lexicon):
    from syllabus_audit.pipeline.auditor import Auditor

    return Auditor(lexicon, method="lexicon")


@pytest.fixture(scope="session")
def hybrid_auditor(lexicon):
    from syllabus_audit.pipeline.auditor import Auditor

    return Auditor(lexicon, method="hybrid")


@pytest.fixture(scope="session")
def nlp():
    from syllabus_audit.text.nlp import make_nlp

    return make_nlp()


def counted_categories(hits) -> list[str]:
    return sorted({h.category for h in hits if h.status == "counted"})
