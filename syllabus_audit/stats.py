"""Statistics the reports use: shares with Wilson intervals."""

from __future__ import annotations

from scipy.stats import binomtest


def wilson_interval(k: int, n: int, confidence: float = 0.95) -> tuple[float, float] | None:
    """Wilson score interval for k successes in n trials (None when n == 0).

    Uses scipy's implementation (no continuity correction), the interval the
    content-analysis literature reports for small-sample proportions.
    """
    if n == 0:
        return None
    ci = binomtest(k, n).proportion_ci(confidence_level=confidence, method="wilson")
    return float(ci.low), float(ci.high)


def share(k: int, n: int) -> float | None:
    return k / n if n else None
