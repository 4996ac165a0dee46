"""The labeling guide's cases, as one parametrized table (tests/cases/)."""

from pathlib import Path

import pytest
import yaml

from tests.conftest import counted_categories

CASES = yaml.safe_load((Path(__file__).parents[1] / "cases" / "detection_cases.yaml").read_text())


@pytest.mark.parametrize("case", CASES["positive"] + CASES["negative"], ids=lambda c: c["text"][:50])
def test_detection_case(auditor, case):
    hits = auditor.detect_text(case["text"])
    assert counted_categories(hits) == sorted(case["counted"])
    if "status" in case:
        assert hits and hits[0].status == case["status"]
