"""Statistics the reports use: shares with Wilson intervals."""

from __future__ import annotations

from math import sqrt

# scipy.special.ndtri(0.975), the two-sided 95% normal quantile scipy's
# binomtest uses; written out because importing scipy.stats costs about 0.9 s,
# more than a whole warm re-scan (tests/pipeline/test_stats.py checks it against scipy).
_Z95 = 1.959963984540054


def wilson_interval(k: int, n: int, confidence: float = 0.95) -> tuple[float, float] | None:
    """Wilson score interval for k successes in n trials (None when n == 0).

    The same floating-point operations as scipy's
    ``binomtest(k, n).proportion_ci(method="wilson")`` (no continuity
    correction; Newcombe 1998), so the same bits (tested against scipy over a
    grid); the interval the content-analysis literature reports for
    small-sample proportions. Other confidence levels go through scipy.
    """
    if n == 0:
        return None
    if confidence != 0.95:
        from scipy.stats import binomtest

        ci = binomtest(k, n).proportion_ci(confidence_level=confidence, method="wilson")
        return float(ci.low), float(ci.high)
    z = _Z95
    p = k / n
    z2 = z * z  # numpy's float64 power takes this fast path for ** 2
    denom = 2 * (n + z2)
    center = (2 * n * p + z2) / denom
    q = 1 - p
    delta = z / denom * sqrt(4 * n * p * q + z2)
    lo = 0.0 if k == 0 else center - delta
    hi = 1.0 if k == n else center + delta
    return float(lo), float(hi)


def share(k: int, n: int) -> float | None:
    return k / n if n else None


def difference_test(table: list[list[int]], seed: int = 0) -> dict | None:
    """Test of difference between groups for a (groups x [no reference, reference])
    table: Fisher's exact test for 2x2 tables; Pearson's chi-square when every
    expected count is at least 5; otherwise a Monte Carlo Fisher-Freeman-Halton
    test with a fixed seed (so the p-value is reproducible)."""
    import numpy as np
    from scipy import stats as st

    t = np.array([row for row in table if sum(row) > 0], dtype=int)
    if t.shape[0] < 2:
        return None
    if t[:, 0].sum() == 0 or t[:, 1].sum() == 0:
        return {"test": "none (no variation: every group has the same verdict)", "statistic": None,
                "df": None, "p_value": 1.0}
    if t.shape == (2, 2):
        res = st.fisher_exact(t)
        return {"test": "Fisher's exact test (two-sided)", "statistic": round(float(res.statistic), 4),
                "df": None, "p_value": round(float(res.pvalue), 4)}
    chi = st.chi2_contingency(t, correction=False)
    if chi.expected_freq.min() >= 5:
        return {"test": "Pearson's chi-square test", "statistic": round(float(chi.statistic), 4),
                "df": int(chi.dof), "p_value": round(float(chi.pvalue), 4)}
    method = st.MonteCarloMethod(n_resamples=20000, rng=np.random.default_rng(seed))
    res = st.fisher_exact(t, method=method)
    return {"test": f"Fisher-Freeman-Halton exact test (Monte Carlo, 20000 tables, seed {seed})",
            "statistic": None, "df": None, "p_value": round(float(res.pvalue), 4)}
