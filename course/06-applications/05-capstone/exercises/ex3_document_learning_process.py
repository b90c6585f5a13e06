"""Exercise 3: the learning-curve figure of a write-up: the mean over seeds of each seed's
moving average, a band of one standard error over seeds, and the baseline to beat."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt  # noqa: F401 (you will need them)
import numpy as np


def plot_learning_curves(returns: np.ndarray, baseline: float, window: int, path: Path) -> None:
    """``returns`` (seeds, episodes): each seed's training returns. Draw the mean over seeds
    of the moving averages (a line labelled "mean of N seeds"), mean ± standard error over
    seeds (fill_between), the baseline (axhline, labelled), a title, axis labels, a legend;
    x is the episode each average ends at (window, ..., episodes). Save to ``path``."""
    raise NotImplementedError("draw and save the figure")
