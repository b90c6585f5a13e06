"""Exercise 4: summarise each method's returns over seeds and draw them on one axis of
environment steps, as Demo 4 does, with a band of one standard error around each mean.

Fill in both functions, run `rlcourse check 6.4`, then run this file (after the lesson's
demos have run) to draw Demo 3's imitation curves into curves.png.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt  # noqa: F401
import numpy as np

Curve = tuple[np.ndarray, np.ndarray]  # steps (P,), returns (seeds, P)


def summarise(returns: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Mean over seeds and its standard error s / sqrt(n) at every point: returns has shape
    (seeds, P), the results (P,) each; s is the sample standard deviation (n - 1)."""
    # TODO: mean and sample standard deviation along the seeds' axis
    raise NotImplementedError("summarise")


def plot_curves(curves: dict[str, Curve], path: Path) -> None:
    """One line per method (its mean, labelled with its name) and a band from mean - s.e.
    to mean + s.e.; steps on a log axis; axes labelled, a legend, a title; saved to path."""
    # TODO: for each method, summarise, ax.plot and ax.fill_between; then scale, labels
    raise NotImplementedError("plot_curves")


if __name__ == "__main__":
    folder = Path(__file__).parents[1] / "outputs"
    data = np.load(folder / "curves.npz")
    steps = data["budgets"]
    plot_curves({"BC": (steps, data["bc"]), "DAgger": (steps, data["dagger"])}, Path("curves.png"))
    print("wrote curves.png")
