"""Exercise 4: Experiment with different dropout rates and interpret results."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt


def one_standard_error_rate(rates: list[float], means: list[float], sems: list[float]) -> float:
    """The smallest rate whose mean accuracy is within one standard error (the best
    rate's) of the best mean: the mildest regularisation that is as good as any."""
    best = max(range(len(rates)), key=lambda i: means[i])
    good_enough = means[best] - sems[best]
    return min(rate for rate, mean in zip(rates, means, strict=True) if mean >= good_enough)


def plot_sweep(rates: list[float], means: list[float], sems: list[float], path: Path) -> None:
    """The mean accuracy against the rate as a line, a band of one standard error around
    it (fill_between), labelled axes and a title, saved at ``path``."""
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.plot(rates, means, marker="o", label="mean")
    low = [m - s for m, s in zip(means, sems, strict=True)]
    high = [m + s for m, s in zip(means, sems, strict=True)]
    ax.fill_between(rates, low, high, alpha=0.3, label="± one standard error")
    ax.set(xlabel="dropout probability p", ylabel="validation accuracy", title="Dropout rate sweep")
    ax.legend()
    fig.savefig(path)
    plt.close(fig)
