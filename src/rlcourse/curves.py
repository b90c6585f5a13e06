"""Learning curves: smoothing a noisy sequence of returns (Part 4.4 introduces them).

One episode's return says little; the mean of a window of consecutive episodes shows
the trend. Parts 4.4, 4.7 and 5.2 plot their learning curves with :func:`moving_average`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def moving_average(values: Sequence[float] | np.ndarray, window: int) -> np.ndarray:
    """The mean of every ``window`` consecutive values: ``len(values) - window + 1`` numbers.

    Entry i averages values[i] .. values[i + window - 1], so it belongs to the episode
    ``i + window - 1``, the last one it includes (plot it against that episode).
    """
    if window < 1:
        raise ValueError(f"window must be at least 1, got {window}")
    return np.convolve(np.asarray(values, dtype=np.float64), np.ones(window) / window, "valid")
