"""needles.py: the strings every match of a pattern must contain."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from syllabus_audit.read import doctype
from syllabus_audit.read.needles import may_match, needles

DEMO = Path(__file__).resolve().parents[2] / "corpora" / "demo"


def test_literals_and_alternations_join_into_whole_words():
    # the parser factors "w" out of (week|wk); the needles are still whole words
    assert needles(r"\b(week|wk)\.?\s*#?\d{1,2}\b|\btimetable\b") == {"week", "wk", "timetable"}
    assert needles(r"\b(course|unit) (objectives|aims)\b") == {
        "course objectives", "course aims", "unit objectives", "unit aims"}


def test_a_needle_that_holds_another_is_dropped():
    assert needles(r"grading|grading scale") == {"grading"}


def test_no_needles_when_a_match_can_be_anything():
    assert needles(r"\d+") is None
    assert needles(r"(abc)?x?") is None
    assert needles(r"abc|\w+") is None  # one branch has no literal
    assert needles(r"abc", re.I) is None  # case-insensitive: a substring test would miss "ABC"
    assert needles(r"(?i)abc") is None


def test_required_repeat_and_group_bodies_count():
    assert needles(r"(?:ab)+c?") == {"ab"}
    assert needles(r"x*(foo|bar)+") == {"foo", "bar"}


def test_may_match_without_needles_always_searches():
    assert may_match(None, "")
    assert not may_match(frozenset({"week"}), "no schedule here")


def _demo_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8", errors="replace").lower()
             for p in sorted(DEMO.rglob("*")) if p.suffix in (".txt", ".md", ".html")]
    assert texts, "the demo corpus has text files"
    return texts


@pytest.mark.parametrize("cue", doctype._TEXT_CUES, ids=[c[1] for c in doctype._TEXT_CUES])
def test_every_match_of_a_document_type_cue_holds_one_of_its_needles(cue):
    """The gate is sound: on real text and on random splices of the
    pattern's own words, each match contains a needle, so skipping a search
    when no needle occurs never changes a document's type."""
    pattern = re.compile(cue[2], re.M)
    gate = needles(cue[2], re.M)
    assert gate, "every shipped text cue has needles"
    rng = random.Random(7)
    words = re.findall(r"[a-zäöüß]+|\d+|[%/#.:-]", cue[2]) + ["the", "of", "12", "3/4", " ", "\n"]
    spliced = ["".join(rng.choice(words) + rng.choice(["", " ", " "]) for _ in range(30)) for _ in range(300)]
    matched = 0
    for text in _demo_texts() + spliced:
        for m in pattern.finditer(text):
            matched += 1
            assert any(n in m.group(0) for n in gate), (cue[1], m.group(0))
        if not may_match(gate, text):
            assert pattern.search(text) is None
    assert matched, "the check saw matches"
