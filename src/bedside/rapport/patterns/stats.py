"""Small, dependency-free statistics for pattern comparisons: intervals, differences, trends.

All intervals are two-sided at the given ``z`` (1.96 for 95%). Proportions use Wilson's score
interval (good at small n and near 0 or 1); differences of proportions use Newcombe's hybrid score
interval; means and their differences use the normal approximation with Welch's standard error;
trends are ordinary least-squares slopes with their standard error.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

Z95 = 1.959963984540054


@dataclass(frozen=True, slots=True)
class Estimate:
    """A point estimate with a confidence interval and the sample size behind it."""

    value: float
    low: float
    high: float
    n: int

    def to_dict(self) -> dict[str, float | int]:
        return {"value": self.value, "low": self.low, "high": self.high, "n": self.n}


def wilson(k: int, n: int, z: float = Z95) -> Estimate:
    """Proportion ``k / n`` with Wilson's score interval (``n == 0`` gives the whole 0..1 range)."""
    if n <= 0:
        return Estimate(0.0, 0.0, 1.0, 0)
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return Estimate(p, max(0.0, centre - half), min(1.0, centre + half), n)


def proportion_difference(k1: int, n1: int, k2: int, n2: int, z: float = Z95) -> Estimate:
    """``k1/n1 - k2/n2`` with Newcombe's (1998) hybrid score interval; ``n`` is ``n1``."""
    a, b = wilson(k1, n1, z), wilson(k2, n2, z)
    d = a.value - b.value
    low = d - math.sqrt((a.value - a.low) ** 2 + (b.high - b.value) ** 2)
    high = d + math.sqrt((a.high - a.value) ** 2 + (b.value - b.low) ** 2)
    return Estimate(d, low, high, n1)


def mean(values: Sequence[float], z: float = Z95) -> Estimate:
    """Mean with a normal-approximation interval."""
    n = len(values)
    if n == 0:
        return Estimate(0.0, -math.inf, math.inf, 0)
    m = math.fsum(values) / n
    if n == 1:
        return Estimate(m, -math.inf, math.inf, 1)
    half = z * math.sqrt(_variance(values, m) / n)
    return Estimate(m, m - half, m + half, n)


def mean_difference(a: Sequence[float], b: Sequence[float], z: float = Z95) -> Estimate:
    """``mean(a) - mean(b)`` with Welch's standard error; ``n`` is ``len(a)``."""
    if len(a) < 2 or len(b) < 2:
        d = (math.fsum(a) / len(a) if a else 0.0) - (math.fsum(b) / len(b) if b else 0.0)
        return Estimate(d, -math.inf, math.inf, len(a))
    ma, mb = math.fsum(a) / len(a), math.fsum(b) / len(b)
    se = math.sqrt(_variance(a, ma) / len(a) + _variance(b, mb) / len(b))
    d = ma - mb
    return Estimate(d, d - z * se, d + z * se, len(a))


def slope(xs: Sequence[float], ys: Sequence[float], z: float = Z95) -> Estimate:
    """Least-squares slope of ``ys`` on ``xs`` with its interval (infinite when undetermined)."""
    n = len(xs)
    if n < 3:
        return Estimate(0.0, -math.inf, math.inf, n)
    mx, my = math.fsum(xs) / n, math.fsum(ys) / n
    sxx = math.fsum((x - mx) ** 2 for x in xs)
    if sxx == 0:
        return Estimate(0.0, -math.inf, math.inf, n)
    b = math.fsum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx
    residual = math.fsum((y - my - b * (x - mx)) ** 2 for x, y in zip(xs, ys, strict=True))
    se = math.sqrt(residual / (n - 2) / sxx)
    return Estimate(b, b - z * se, b + z * se, n)


def z_score(estimate: Estimate, z: float = Z95) -> float:
    """How many standard errors the estimate lies from zero (recovered from its interval)."""
    half = (estimate.high - estimate.low) / 2
    if not math.isfinite(half) or half <= 0:
        return 0.0
    return estimate.value / (half / z)


def _variance(values: Sequence[float], m: float) -> float:
    return math.fsum((v - m) ** 2 for v in values) / (len(values) - 1)
