"""The demo corpus's truth (recorded by corpora/build_demo.py) is what the audit finds."""

import json

import pytest

import syllabus_audit
from tests.conftest import DEMO, REPO

TRUTH = json.loads((REPO / "corpora" / "demo_truth.json").read_text())["programs"]


@pytest.fixture(scope="module")
def demo_record():
    return syllabus_audit.audit(DEMO)


def test_demo_has_the_programs_of_the_truth_file(demo_record):
    assert sorted(p["id"] for p in demo_record["programs"]) == sorted(TRUTH)
    assert len(TRUTH) >= 12


@pytest.mark.parametrize("program_id", sorted(TRUTH))
def test_per_source_mentions_equal_the_truth(demo_record, program_id):
    program = next(p for p in demo_record["programs"] if p["id"] == program_id)
    got = {k: v["mentions"] for k, v in program["sources"].items() if v["mentions"] is not None}
    assert got == TRUTH[program_id]["sources"]


@pytest.mark.parametrize("program_id", sorted(TRUTH))
def test_document_status_type_and_mentions_equal_the_truth(demo_record, program_id):
    program = next(p for p in demo_record["programs"] if p["id"] == program_id)
    docs = {d["path"]: d for d in program["documents"]}
    for path, truth in TRUTH[program_id]["documents"].items():
        d = docs[path]
        assert (d["status"], d["doc_type"], d["mentions"]) == (truth["status"], truth["doc_type"], truth["mentions"]), path


def test_demo_categories_include_what_the_build_script_put_in(demo_record):
    for program in demo_record["programs"]:
        for source, cats in TRUTH[program["id"]].get("categories", {}).items():
            assert set(cats) <= set(program["sources"][source]["categories"]), (program["id"], source)
