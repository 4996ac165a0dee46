"""The decision methods, and the guide's cases through the hybrid."""

from pathlib import Path

import pytest
import yaml

from syllabus_audit.detect.classify import classify_lines
from syllabus_audit.rules.lexicon_check import run_examples

CASES = yaml.safe_load((Path(__file__).parents[1] / "cases" / "detection_cases.yaml").read_text())


def test_every_lexicon_example_passes_through_the_hybrid(lexicon, hybrid_auditor):
    assert run_examples(lexicon, hybrid_auditor) == []


@pytest.mark.parametrize("case", CASES["negative"], ids=lambda c: c["text"][:50])
def test_guide_negatives_through_the_hybrid_in_documents(hybrid_auditor, case):
    """As a scan judges a passage (document thresholds), no guide negative counts.
    (Terse positives with no client context, e.g. "Congruence and presence.",
    may be vetoed at these thresholds: MODEL_CARD, Limits.)"""
    from syllabus_audit.detect.methods import apply_method
    from syllabus_audit.types import COUNTED

    ((passage, hits),) = hybrid_auditor.passage_hits([case["text"]])
    final = apply_method("hybrid", [(passage, hits)], hybrid_auditor.document_model)
    assert any(h.status == COUNTED for h in final) == bool(case["counted"])


@pytest.mark.parametrize("case", CASES["positive"], ids=lambda c: c["text"][:50])
def test_guide_positives_through_classify(hybrid_auditor, case):
    """``classify`` (passage thresholds, which admit more) finds every guide positive."""
    (result,) = classify_lines(hybrid_auditor, [case["text"]])
    assert result["relationship"]


def test_hybrid_vetoes_a_lexicon_hit_the_model_rejects(hybrid_auditor):
    from syllabus_audit.detect.methods import decide_passage
    from syllabus_audit.types import COUNTED

    (passage, hits), = hybrid_auditor.passage_hits(["Build rapport with clients."])
    assert any(h.status == COUNTED for h in hits)
    final = decide_passage("hybrid", passage, hits, 0.0, None, hybrid_auditor.model)
    assert [(h.status, h.rule) for h in final] == [("other_sense", f"score<{hybrid_auditor.model.thresholds.veto:g}")]


def test_hybrid_admits_a_passage_the_lexicon_missed(hybrid_auditor):
    import numpy as np

    from syllabus_audit.detect.methods import decide_passage

    (passage, hits), = hybrid_auditor.passage_hits(["Students practise staying with clients in difficult moments."])
    assert hits == []
    probs = np.zeros(len(hybrid_auditor.model.classifier.category_ids_))
    probs[0] = 0.9
    final = decide_passage("hybrid", passage, hits, 0.99, probs, hybrid_auditor.model)
    assert [(h.category, h.status, h.rule, h.score) for h in final] == [("alliance", "counted", "score", 0.99)]


def test_model_never_admits_a_bare_fragment(hybrid_auditor):
    from syllabus_audit.detect.methods import decide_passage

    (passage, hits), = hybrid_auditor.passage_hits(["Week 5"])
    assert decide_passage("hybrid", passage, hits, 0.99, None, hybrid_auditor.model) == []


@pytest.mark.parametrize("method", ["hybrid", "model"])
def test_model_never_admits_a_passage_without_a_term_tag_or_cue(hybrid_auditor, method):
    """The cue rule the scan's pre-filter relies on: no term, tag, client or
    model cue -> not positive, whatever the score (and the same text with a
    cue added is admitted)."""
    import numpy as np

    from syllabus_audit.detect.methods import decide_passage

    probs = np.full(len(hybrid_auditor.model.classifier.category_ids_), 0.9)
    (bare, hits), (cued, cued_hits) = hybrid_auditor.passage_hits(
        ["Students practise staying calm in difficult moments.",
         "Students practise staying calm with clients in difficult moments."])
    assert hits == [] and not bare.cue and cued.cue
    assert decide_passage(method, bare, hits, 0.99, probs, hybrid_auditor.model) == []
    assert decide_passage(method, cued, cued_hits, 0.99, probs, hybrid_auditor.model)


def test_the_model_alone_cannot_admit_titles_or_reading_list_entries():
    from syllabus_audit.detect.methods import admissible
    from syllabus_audit.types import LIST_ITEM, Passage

    sentence = "Students learn to build rapport with clients in role-plays."
    assert admissible(Passage(0, sentence, LIST_ITEM, None, 1, cue=True))
    assert not admissible(Passage(0, sentence, LIST_ITEM, None, 1, section_kind="readings", cue=True))
    assert not admissible(Passage(0, "Counselling Relationships With Clients (PSY 612)", LIST_ITEM, None, 1, cue=True))
    # A course name after its code, in sentence case or another language, is a name too.
    assert not admissible(Passage(0, "PSY 612 Counselling skills with clients", LIST_ITEM, None, 1, cue=True))
    assert admissible(Passage(0, "COUN 5210 SLO 3 Build rapport with clients", LIST_ITEM, None, 1, cue=True))


def test_document_thresholds_replace_the_passage_ones_and_floor_the_categories():
    from syllabus_audit.detect.methods import Thresholds

    t = Thresholds(0.4, 0.3, 0.3, {"a": 0.1, "b": 0.5},
                   document={"model": 0.97, "veto": 0.9, "admit": 0.93, "category_floor": 0.3})
    d = t.in_documents()
    assert (d.model, d.veto, d.admit, d.category) == (0.97, 0.9, 0.93, {"a": 0.3, "b": 0.5})
    assert Thresholds(0.4, 0.3, 0.3, {"a": 0.1}).in_documents().admit == 0.3  # none calibrated: unchanged
