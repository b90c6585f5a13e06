"""Exercise 4: Experiment with different dropout rates and interpret results.

Demo 4 reports the rate with the highest mean. With a few seeds, rates whose means
differ by less than a standard error are not really different; choose the mildest of
those instead, and draw the sweep with its uncertainty. Run `rlcourse check 3.7`.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt  # noqa: F401 (you will need it)


def one_standard_error_rate(rates: list[float], means: list[float], sems: list[float]) -> float:
    """The smallest rate whose mean accuracy is within one standard error (the best
    rate's) of the best mean: the mildest regularisation that is as good as any."""
    raise NotImplementedError(
        "find the best mean, then the smallest rate with mean >= best - its sem"
    )


def plot_sweep(rates: list[float], means: list[float], sems: list[float], path: Path) -> None:
    """The mean accuracy against the rate as a line, a band of one standard error around
    it (fill_between), labelled axes and a title, saved at ``path``."""
    raise NotImplementedError("ax.plot, ax.fill_between(rates, low, high), labels, savefig")
