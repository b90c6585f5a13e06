"""Project Exercise: Visualize learning curve of a bandit agent over time.

The bandit changes halfway: at ``switch_step`` every arm's win probability jumps to a
new value, and the best arm with it. Compare the learning curves of epsilon-greedy with
sample averages (step 1/N) and with a constant step size α.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np


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
    n_arms = len(means_before)
    rows = np.arange(runs)
    values = np.zeros((runs, n_arms))
    counts = np.zeros((runs, n_arms))
    optimal = np.zeros((runs, steps), dtype=bool)
    for t in range(steps):
        means = means_before if t < switch_step else means_after
        is_max = values == values.max(axis=1, keepdims=True)
        greedy = np.argmax(np.where(is_max, rng.random((runs, n_arms)), -1.0), axis=1)
        explore = rng.random(runs) < epsilon
        arms = np.where(explore, rng.integers(n_arms, size=runs), greedy)
        rewards = (rng.random(runs) < means[arms]).astype(np.float64)
        counts[rows, arms] += 1
        alpha = 1 / counts[rows, arms] if step_size is None else step_size
        values[rows, arms] += alpha * (rewards - values[rows, arms])
        optimal[:, t] = arms == np.argmax(means)
    return optimal


def learning_curve(optimal: np.ndarray, window: int) -> np.ndarray:
    """(steps,) fraction of the runs that pulled the best arm, averaged over a window.

    ``optimal`` is (runs, steps) bool. Entry t (0-based) of the result averages steps
    max(0, t - window + 1) .. t, so the first window - 1 entries average fewer steps.
    """
    per_step = optimal.mean(axis=0)  # (steps,) fraction of runs at each step
    totals = np.concatenate([[0.0], np.cumsum(per_step)])
    t = np.arange(1, len(per_step) + 1)
    start = np.maximum(t - window, 0)
    return (totals[t] - totals[start]) / (t - start)


def plot_learning_curves(curves: dict[str, np.ndarray], switch_step: int, path: Path) -> None:
    """Save a plot of each learning curve (steps,) against the step, the switch marked."""
    fig, ax = plt.subplots(figsize=(7, 4), dpi=100)
    for name, curve in curves.items():
        ax.plot(np.arange(1, len(curve) + 1), curve, label=name)
    ax.axvline(switch_step, color="black", linestyle=":", label="the arms change")
    ax.set(xlabel="step", ylabel="fraction of pulls of the best arm", ylim=(0, 1))
    ax.legend(loc="lower right")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


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
