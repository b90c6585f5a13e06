"""Exercise 3: the learning-curve figure of a write-up: the mean over seeds of each seed's
moving average, a band of one standard error over seeds, and the baseline to beat."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np


def plot_learning_curves(returns: np.ndarray, baseline: float, window: int, path: Path) -> None:
    """``returns`` (seeds, episodes): each seed's training returns. Draw the mean over seeds
    of the moving averages (a line labelled "mean of N seeds"), mean ± standard error over
    seeds (fill_between), the baseline (axhline, labelled), a title, axis labels, a legend;
    x is the episode each average ends at (window, ..., episodes). Save to ``path``."""
    kernel = np.ones(window) / window
    smooth = np.array([np.convolve(row, kernel, mode="valid") for row in returns])
    mean = smooth.mean(axis=0)
    error = smooth.std(axis=0, ddof=1) / np.sqrt(len(smooth))
    episodes = np.arange(window, returns.shape[1] + 1)
    fig, ax = plt.subplots(figsize=(7, 4), layout="constrained")
    ax.plot(episodes, mean, label=f"mean of {len(returns)} seeds")
    ax.fill_between(episodes, mean - error, mean + error, alpha=0.3, label="± standard error")
    ax.axhline(baseline, color="black", linestyle="--", label="baseline")
    ax.set_title("Learning curve")
    ax.set_xlabel("training episode")
    ax.set_ylabel(f"return (moving average of {window})")
    ax.legend()
    fig.savefig(path)
    plt.close(fig)
