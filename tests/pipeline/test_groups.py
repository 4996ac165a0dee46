"""Group comparisons against values computed directly with scipy."""

import numpy as np
import pytest
from scipy import stats

import syllabus_audit
from syllabus_audit.pipeline.stats import difference_test, wilson_interval

POSITIVE = "Students learn to establish a therapeutic alliance with clients."
NEGATIVE = "Students learn analysis of variance and regression."


@pytest.fixture
def corpus(tmp_path):
    rows = ["path,program,doc_type,country"]
    layout = {"AU": [True, False, False, False], "UK": [True, True, True, False, True]}
    for country, verdicts in layout.items():
        for i, positive in enumerate(verdicts):
            name = f"{country.lower()}{i}"
            (tmp_path / name).mkdir()
            (tmp_path / name / "syllabus.txt").write_text(f"Course syllabus\n\n{POSITIVE if positive else NEGATIVE}\n")
            rows.append(f"{name}/syllabus.txt,{name},syllabus,{country}")
    (tmp_path / "manifest.csv").write_text("\n".join(rows) + "\n")
    return tmp_path


def test_group_shares_and_fisher_test_match_scipy(corpus):
    rec = syllabus_audit.audit(corpus, method="lexicon", group_by="country")
    g = rec["summary"]["groups"]["sources"]["syllabus"]
    assert {k: (v["programs"], v["no_reference"]) for k, v in g["groups"].items()} == {"AU": (4, 3), "UK": (5, 1)}
    lo, hi = wilson_interval(3, 4)
    assert g["groups"]["AU"]["ci95"] == [round(lo, 4), round(hi, 4)]
    expected = stats.fisher_exact([[3, 1], [1, 4]])
    assert g["test"]["test"] == "Fisher's exact test (two-sided)"
    assert g["test"]["p_value"] == round(float(expected.pvalue), 4)


def test_chi_square_when_expected_counts_are_large():
    table = [[20, 30], [35, 15], [25, 25]]
    res = difference_test(table)
    chi = stats.chi2_contingency(np.array(table), correction=False)
    assert res["test"] == "Pearson's chi-square test" and res["df"] == 2
    assert res["p_value"] == round(float(chi.pvalue), 4)


def test_small_rxc_table_uses_a_reproducible_exact_test():
    table = [[1, 4], [5, 2], [3, 3]]
    assert difference_test(table) == difference_test(table)
    assert difference_test(table)["test"].startswith("Fisher-Freeman-Halton")
    assert difference_test([[0, 3], [0, 4]])["p_value"] == 1.0


def test_unknown_group_column_is_an_error(corpus):
    from syllabus_audit.errors import InputError

    with pytest.raises(InputError, match="no such metadata column"):
        syllabus_audit.audit(corpus, method="lexicon", group_by="region")
