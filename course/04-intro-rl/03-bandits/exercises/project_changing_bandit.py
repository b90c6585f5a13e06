"""Project Exercise: Visualize learning curve of a bandit agent over time.

The bandit changes halfway: at ``switch_step`` every arm's win probability jumps to a
new value, and the best arm with it. Compare the learning curves of epsilon-greedy with
sample averages (step 1/N) and with a constant step size α.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

# For the plot: import matplotlib.pyplot as plt, use fig, ax = plt.subplots(), save with
# fig.savefig(path) and close the figure with plt.close(fig).


def run_changing_bandit(
    means_before: np.ndarray,
    means_after: np.ndarray,
    switch_step: int,
    steps: int,
    runs: int,
    epsilon: float,
    step_size: float | None,
    rng: np.random.Generator,
) -> np.ndarray:
    """(runs, steps) bool: whether each pull was of the arm that was best at that step.

    Steps 0 .. switch_step - 1 use means_before (k,), later steps means_after (k,): arm a
    pays 1 with probability means_before[a], then means_after[a], else 0. The agent is
    epsilon-greedy (ties at random) with estimates starting at 0, updated by
    Q <- Q + α (R - Q), where α = 1 / N(a) (sample averages) if step_size is None, else
    α = step_size. Each run is independent: vectorise over runs or loop over them.
    """
    raise NotImplementedError("epsilon-greedy on a bandit that changes at switch_step")


def learning_curve(optimal: np.ndarray, window: int) -> np.ndarray:
    """(steps,) fraction of the runs that pulled the best arm, averaged over a window.

    ``optimal`` is (runs, steps) bool. Entry t (0-based) of the result averages steps
    max(0, t - window + 1) .. t, so the first window - 1 entries average fewer steps.
    """
    raise NotImplementedError("the fraction of runs on the best arm, averaged over a window")


def plot_learning_curves(curves: dict[str, np.ndarray], switch_step: int, path: Path) -> None:
    """Save a plot of each learning curve (steps,) against the step, the switch marked."""
    raise NotImplementedError("plot the curves, mark the switch, save the figure")


if __name__ == "__main__":
    before, after = np.array([0.8, 0.2, 0.5]), np.array([0.2, 0.8, 0.5])
    rng = np.random.default_rng(0)
    curves = {
        f"α = {label}": learning_curve(
            run_changing_bandit(before, after, 1000, 2000, 500, 0.1, size, rng), window=50
        )
        for label, size in (("1/N", None), ("0.1", 0.1))
    }
    for name, curve in curves.items():
        print(
            f"{name}: best arm in {curve[999]:.1%} of pulls before the switch, "
            f"{curve[-1]:.1%} at the end"
        )
    plot_learning_curves(curves, 1000, Path("changing_bandit.png"))
