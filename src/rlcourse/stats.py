"""Summaries of results over seeds or episodes (Part 3.1 on): a mean and its standard error.

Every learning claim in the course is a mean over several seeds with its standard error
(Parts 3.1, 3.2, 4.5 and 5.1 report them this way).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def mean_and_standard_error(values: Sequence[float] | np.ndarray) -> tuple[float, float]:
    """The mean of ``values`` and its standard error s / sqrt(n), where s is the sample
    standard deviation (n - 1 in its denominator, Part 1.2)."""
    array = np.asarray(values, dtype=np.float64)
    if array.size < 2:
        raise ValueError(f"a standard error needs at least 2 values, got {array.size}")
    return float(array.mean()), float(array.std(ddof=1) / np.sqrt(array.size))
