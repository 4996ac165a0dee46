"""Agreement statistics checked against published examples and independent
implementations (scikit-learn, the krippendorff package); the report over sheets."""

from __future__ import annotations

import csv
import math

import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score

from syllabus_audit.review.agreement import (agreement_report, bootstrap_kappa_ci, cohen_kappa, compare,
                                      krippendorff_alpha_nominal, percent_agreement, render_agreement,
                                      rogan_gladen)
from syllabus_audit.pipeline.decisions import passage_id
from syllabus_audit.review.sheets import SHEET_COLUMNS

krippendorff = pytest.importorskip("krippendorff")

N = None
# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C:
# nominal data, 4 coders, 12 units, missing values; alpha = 0.743.
K2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
]


def _package_alpha(data) -> float:
    arr = np.array([[np.nan if v is None else v for v in row] for row in data], dtype=float)
    return float(krippendorff.alpha(reliability_data=arr, level_of_measurement="nominal"))


def test_alpha_published_example():
    assert krippendorff_alpha_nominal(K2011) == pytest.approx(0.743, abs=5e-4)
    assert krippendorff_alpha_nominal(K2011) == pytest.approx(_package_alpha(K2011), abs=1e-12)


def test_alpha_published_example_column_order_and_labels_do_not_matter():
    shuffled = [list(reversed(row)) for row in K2011[::-1]]
    as_text = [[None if v is None else f"v{v}" for v in row] for row in shuffled]
    assert krippendorff_alpha_nominal(as_text) == pytest.approx(0.743421, abs=1e-6)


@pytest.mark.parametrize("seed", range(8))
def test_alpha_matches_krippendorff_package_random(seed):
    rng = np.random.default_rng(seed)
    coders, units = int(rng.integers(2, 6)), int(rng.integers(5, 40))
    truth = rng.integers(0, 3, units)
    data = []
    for _ in range(coders):
        row = np.where(rng.random(units) < 0.7, truth, rng.integers(0, 3, units)).astype(object)
        row[rng.random(units) < 0.2] = None
        data.append(list(row))
    ours = krippendorff_alpha_nominal(data)
    theirs = _package_alpha(data)
    if ours is None:
        assert math.isnan(theirs) or theirs == pytest.approx(1.0)
    else:
        assert ours == pytest.approx(theirs, abs=1e-9)


def test_alpha_binary_two_coders_matches_package():
    a = ["yes", "yes", "no", "no", "yes", "no", "yes", "yes", "no", "no"]
    b = ["yes", "no", "no", "no", "yes", "no", "yes", "yes", "yes", "no"]
    enc = [[1 if v == "yes" else 0 for v in a], [1 if v == "yes" else 0 for v in b]]
    assert krippendorff_alpha_nominal([a, b]) == pytest.approx(_package_alpha(enc), abs=1e-12)


def test_alpha_undefined_cases():
    assert krippendorff_alpha_nominal([]) is None
    assert krippendorff_alpha_nominal([[1, 1, 1], [1, 1, 1]]) is None  # one value throughout
    assert krippendorff_alpha_nominal([[1, None], [None, 2]]) is None  # nothing pairable
    assert krippendorff_alpha_nominal([[1, 2], [1, 2]]) == pytest.approx(1.0)
    with pytest.raises(ValueError):
        krippendorff_alpha_nominal([[1, 2], [1]])


@pytest.mark.parametrize("seed", range(10))
def test_kappa_matches_sklearn(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(5, 80))
    k = int(rng.integers(2, 5))
    a = rng.integers(0, k, n)
    b = np.where(rng.random(n) < 0.6, a, rng.integers(0, k, n))
    expected = cohen_kappa_score(a, b)
    ours = cohen_kappa(list(a), list(b))
    if math.isnan(expected):
        assert ours is None
    else:
        assert ours == pytest.approx(expected, abs=1e-12)


def test_kappa_textbook_example():
    # 50 units: both yes 20, A yes/B no 5, A no/B yes 10, both no 15 -> p_o 0.7, p_e 0.5, kappa 0.4
    a = ["yes"] * 25 + ["no"] * 25
    b = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    assert cohen_kappa(a, b) == pytest.approx(0.4)
    assert percent_agreement(a, b) == pytest.approx(0.7)


def test_kappa_undefined_and_percent_agreement():
    assert cohen_kappa([], []) is None
    assert cohen_kappa(["yes"] * 4, ["yes"] * 4) is None
    assert percent_agreement([], []) is None
    assert percent_agreement(["a", "b", "c"], ["a", "b", "x"]) == pytest.approx(2 / 3)
    a, b = list("aabbcab"), list("abbbcaa")
    assert percent_agreement(a, b) == pytest.approx(sum(x == y for x, y in zip(a, b)) / len(a))


def test_bootstrap_interval_contains_estimate_and_is_reproducible():
    rng = np.random.default_rng(3)
    a = list(rng.integers(0, 2, 120))
    b = [x if rng.random() < 0.8 else 1 - x for x in a]
    k = cohen_kappa(a, b)
    ci = bootstrap_kappa_ci(a, b, resamples=2000, seed=7)
    assert ci[0] <= k <= ci[1]
    assert ci[0] < ci[1]
    assert bootstrap_kappa_ci(a, b, resamples=2000, seed=7) == ci
    assert bootstrap_kappa_ci(a, b, resamples=2000, seed=8) != ci
    assert bootstrap_kappa_ci([1], [1]) is None
    assert bootstrap_kappa_ci([1, 1, 1], [1, 1, 1]) is None  # kappa undefined in every resample


def test_compare_record():
    rec = compare(["yes", "no", "yes", "no"], ["yes", "no", "no", "no"], resamples=200, seed=0)
    assert rec["units"] == 4 and rec["percent_agreement"] == 0.75
    assert rec["kappa"] == pytest.approx(cohen_kappa_score([1, 0, 1, 0], [1, 0, 0, 0]), abs=1e-4)
    assert rec["alpha"] == pytest.approx(_package_alpha([[1, 0, 1, 0], [1, 0, 0, 0]]), abs=1e-4)
    assert compare([], [])["kappa"] is None


def test_rogan_gladen():
    # apparent 0.6, Se 0.9, Sp 0.8 -> (0.6 + 0.8 - 1) / 0.7
    assert rogan_gladen(0.6, 0.9, 0.8) == pytest.approx(0.4 / 0.7)
    assert rogan_gladen(0.6, 1.0, 1.0) == pytest.approx(0.6)
    assert rogan_gladen(0.05, 0.9, 0.8) == 0.0  # clipped
    assert rogan_gladen(0.5, 0.5, 0.5) is None


# ---------------------------------------------------------------- report over sheets

SHA_A = "a" * 64
SHA_B = "b" * 64


def _sheet(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, SHEET_COLUMNS)
        w.writeheader()
        for r in rows:
            w.writerow({c: r.get(c, "") for c in SHEET_COLUMNS})
    return path


def _rows(decisions: dict[str, tuple[str, str]]):
    """Fixed passages; decisions: text -> (decision, categories)."""
    base = [
        ("prog1", "prog1/syl.txt", SHA_A, "Build a therapeutic alliance with clients.", "yes", "alliance",
         "alliance=counted:lexicon"),
        ("prog1", "prog1/syl.txt", SHA_A, "Empathy with research participants.", "no", "",
         "empathy=other_sense:sense:research"),
        ("prog1", "prog1/syl.txt", SHA_A, "Weekly reading list.", "no", "", "no candidate (sampled 2 of 10)"),
        ("prog2", "prog2/desc.txt", SHA_B, "Respond with empathy to clients.", "yes", "empathy",
         "empathy=counted:lexicon"),
        ("prog2", "prog2/desc.txt", SHA_B, "Rapport with customers.", "yes", "alliance",
         "alliance=counted:lexicon"),
        ("prog2", "prog2/desc.txt", SHA_B, "Students meet the tutor.", "no", "", "no candidate (sampled 2 of 10)"),
    ]
    out = []
    for prog, path, sha, text, td, tc, rule in base:
        dec, cats = decisions.get(text, ("", ""))
        out.append({"passage_id": passage_id(text, sha), "program": prog, "path": path, "text": text,
                    "tool_decision": td, "tool_categories": tc, "tool_rule": rule, "decision": dec,
                    "categories": cats})
    return out


AUDIT = {"programs": [
    {"id": "prog1", "documents": [{"path": "prog1/syl.txt", "doc_type": "syllabus"}]},
    {"id": "prog2", "documents": [{"path": "prog2/desc.txt", "doc_type": "program_description"}]},
], "summary": {"sources": {"syllabus": {"programs": 10, "share_no_reference": 0.4},
                           "program_description": {"programs": 8, "share_no_reference": 0.25}}}}


def test_report_tool_vs_one_reviewer(tmp_path):
    sheet = _sheet(tmp_path / "alice.csv", _rows({
        "Build a therapeutic alliance with clients.": ("yes", ""),
        "Empathy with research participants.": ("no", ""),
        "Weekly reading list.": ("no", ""),
        "Respond with empathy to clients.": ("yes", "empathy;microskills"),
        "Rapport with customers.": ("no", ""),
        "Students meet the tutor.": ("yes", "alliance"),
    }))
    rep = agreement_report([sheet], AUDIT, resamples=300)
    tool_yes = [1, 0, 0, 1, 1, 0]
    rev_yes = [1, 0, 0, 1, 0, 1]
    cmp = rep["passage"]["comparisons"][0]
    assert cmp["coders"] == ["tool", "alice"] and cmp["units"] == 6
    assert cmp["percent_agreement"] == pytest.approx(4 / 6, abs=1e-4)
    assert cmp["kappa"] == pytest.approx(cohen_kappa_score(tool_yes, rev_yes), abs=1e-4)
    assert cmp["alpha"] == pytest.approx(_package_alpha([tool_yes, rev_yes]), abs=1e-4)
    assert "reviewers_alpha" not in rep["passage"]
    # per category: microskills added by the reviewer, alliance on "Rapport with customers" rejected
    micro = rep["categories"]["microskills"]["comparisons"][0]
    assert micro["units"] == 6 and micro["percent_agreement"] == pytest.approx(5 / 6, abs=1e-4)
    alliance = rep["categories"]["alliance"]["comparisons"][0]
    assert alliance["percent_agreement"] == pytest.approx(4 / 6, abs=1e-4)
    # program x source: prog1/syllabus yes/yes, prog2/program_description yes/yes
    ps = rep["program_source"]
    assert ps["unit"] == "program x source" and ps["comparisons"][0]["units"] == 2
    assert ps["comparisons"][0]["percent_agreement"] == 1.0
    # accuracy: precision 2/3; recall = TP 2 / (2 + near-miss 0 + negatives 10 * 1/2)
    acc = rep["tool_accuracy"]
    assert acc["precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert acc["strata"]["sampled_negative"] == {"size": 10, "passages": 2, "reviewed": 2, "reference_yes": 1,
                                                 "weight": 5.0}
    assert acc["recall"] == pytest.approx(2 / 7, abs=1e-4)
    # specificity: TN = near-miss 1 + negatives 5; FP = 1
    assert acc["specificity"] == pytest.approx(6 / 7, abs=1e-4)
    assert any("sampled" in n for n in acc["notes"])
    # both units mention, by both: Se 1, Sp undefined -> no correction
    cs = rep["corrected_no_reference"]
    assert cs["sensitivity"] == 1.0 and cs["specificity"] is None
    assert cs["sources"]["syllabus"]["corrected_share_no_reference"] is None
    text = render_agreement(rep)
    assert "tool vs alice" in text and "precision" in text


def test_report_two_reviewers_and_missing(tmp_path):
    a = _sheet(tmp_path / "a.csv", _rows({
        "Build a therapeutic alliance with clients.": ("yes", ""),
        "Empathy with research participants.": ("no", ""),
        "Respond with empathy to clients.": ("yes", ""),
        "Rapport with customers.": ("no", ""),
    }))
    b = _sheet(tmp_path / "b.csv", _rows({
        "Build a therapeutic alliance with clients.": ("yes", ""),
        "Empathy with research participants.": ("yes", "empathy"),
        "Respond with empathy to clients.": ("yes", ""),
        "Students meet the tutor.": ("no", ""),
    }))
    rep = agreement_report([a, b], None, resamples=300)
    coders = [c["coders"] for c in rep["passage"]["comparisons"]]
    assert coders == [["tool", "a"], ["tool", "b"], ["a", "b"]]
    ab = rep["passage"]["comparisons"][2]
    assert ab["units"] == 3 and ab["percent_agreement"] == pytest.approx(2 / 3, abs=1e-4)
    ra = rep["passage"]["reviewers_alpha"]
    matrix = [[1, 0, np.nan, 1, 0, np.nan], [1, 1, np.nan, 1, np.nan, 0]]
    assert ra["units"] == 3
    assert ra["alpha"] == pytest.approx(_package_alpha(matrix), abs=1e-4)
    # without the audit the program level is per program
    assert rep["program_source"]["unit"].startswith("program")
    # reference: ties ("Empathy with research participants.") left out
    assert rep["tool_accuracy"]["reviewed_passages"] == 4
    assert rep["corrected_no_reference"] is None


def test_report_corrected_share(tmp_path):
    # prog1: tool yes, reviewer no (false positive unit); prog2: tool yes, reviewer yes
    sheet = _sheet(tmp_path / "r.csv", _rows({
        "Build a therapeutic alliance with clients.": ("no", ""),
        "Empathy with research participants.": ("no", ""),
        "Weekly reading list.": ("no", ""),
        "Respond with empathy to clients.": ("yes", ""),
        "Students meet the tutor.": ("no", ""),
    }))
    rep = agreement_report([sheet], AUDIT, resamples=100)
    ua = rep["tool_accuracy_program_source"]
    assert ua["units"] == 2 and ua["sensitivity"] == 1.0 and ua["specificity"] == 0.0
    # Se + Sp - 1 = 0: no correction possible
    assert rep["corrected_no_reference"]["sources"]["syllabus"]["corrected_share_no_reference"] is None
