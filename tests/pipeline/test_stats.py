import math

import pytest

from syllabus_audit.pipeline.stats import share, wilson_interval


def _wilson_by_hand(k, n, z=1.959963984540054):
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return centre - half, centre + half


@pytest.mark.parametrize("k,n", [(12, 28), (0, 5), (5, 5), (1, 1), (40, 100), (3, 11)])
def test_wilson_interval_matches_the_formula(k, n):
    lo, hi = wilson_interval(k, n)
    elo, ehi = _wilson_by_hand(k, n)
    assert lo == pytest.approx(max(elo, 0.0), abs=1e-9)
    assert hi == pytest.approx(min(ehi, 1.0), abs=1e-9)


def test_wilson_interval_published_example():
    # The example sentence: 12 of 28 -> 43%, 95% CI 26-61%.
    lo, hi = wilson_interval(12, 28)
    assert lo == pytest.approx(0.26509, abs=1e-4) and hi == pytest.approx(0.60929, abs=1e-4)


def test_wilson_interval_empty_is_none():
    assert wilson_interval(0, 0) is None
    assert share(0, 0) is None
    assert share(1, 4) == 0.25


def test_wilson_interval_is_scipys_to_the_bit():
    # The interval is computed without scipy (start-up time); the reports must
    # keep the exact bits scipy's binomtest gives.
    from scipy.special import ndtri
    from scipy.stats import binomtest

    from syllabus_audit.pipeline.stats import _Z95

    assert _Z95 == float(ndtri(0.975))
    for n in list(range(1, 120)) + [199, 250, 500, 1000, 2000, 9973]:
        for k in sorted({*range(0, min(n, 40) + 1), *range(max(0, n - 40), n + 1), n // 3, n // 2}):
            ci = binomtest(k, n).proportion_ci(confidence_level=0.95, method="wilson")
            assert wilson_interval(k, n) == (float(ci.low), float(ci.high)), (k, n)
