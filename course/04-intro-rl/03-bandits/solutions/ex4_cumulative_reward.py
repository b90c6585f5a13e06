"""Exercise 4: Plot cumulative reward for different strategies.

From the recorded pulls and rewards of many runs: the cumulative reward and regret
curves with a confidence band, the step where one strategy overtakes another for good,
and a plot of the curves.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np


def cumulative_rewards(rewards: np.ndarray) -> np.ndarray:
    """(runs, steps) float64: entry [i, t] is the total reward of run i over steps 0..t."""
    return np.cumsum(rewards, axis=1, dtype=np.float64)


def regret_from_history(arms: np.ndarray, means: np.ndarray) -> np.ndarray:
    """(runs, steps) float64: the regret Σ_{s<=t} Δ(A_s) of each run, from arms (runs, steps).

    Δ(a) = max(means) - means[a], means being q*(a) of each arm (k,).
    """
    gaps = means.max() - means  # (k,)
    return np.cumsum(gaps[arms], axis=1)


def mean_and_band(curves: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Mean over runs (axis 0) and the half width 1.96 s / sqrt(n) of a 95% interval.

    s is the sample standard deviation over the n runs (ddof=1); both results (steps,).
    """
    n = curves.shape[0]
    return curves.mean(axis=0), 1.96 * curves.std(axis=0, ddof=1) / np.sqrt(n)


def overtaking_step(curve: np.ndarray, reference: np.ndarray) -> int | None:
    """The first step t (counting from 1) from which curve < reference at every step up to
    the last; None if curve is not below reference at the last step. Both are (steps,).

    For mean regret curves: the step from which ``curve``'s strategy is ahead for good.
    """
    below = curve < reference  # (steps,) bool
    if not below[-1]:
        return None
    not_below = np.flatnonzero(~below)  # 0-based indices; step t is index t - 1
    # The step after the last one that was not below starts the final stretch below.
    return 1 if len(not_below) == 0 else int(not_below[-1]) + 2


def plot_cumulative(curves: dict[str, np.ndarray], ylabel: str, path: Path) -> None:
    """Save a plot of each strategy's mean curve over runs with its 95% band.

    ``curves`` maps a strategy name to a (runs, steps) array, such as cumulative rewards.
    """
    fig, ax = plt.subplots(figsize=(7, 4), dpi=100)
    for name, values in curves.items():
        mean, half_width = mean_and_band(values)
        t = np.arange(1, len(mean) + 1)
        ax.plot(t, mean, label=name)
        ax.fill_between(t, mean - half_width, mean + half_width, alpha=0.3)
    ax.set(xlabel="step t", ylabel=ylabel, title=f"{ylabel}: mean and 95% band")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


if __name__ == "__main__":
    from rlcourse.agents.bandits import BernoulliBandit, epsilon_greedy, simulate, ucb1

    bandit = BernoulliBandit(np.array([0.45, 0.25, 0.70, 0.55, 0.60]))
    rng = np.random.default_rng(0)
    epsilon_runs = simulate(bandit, epsilon_greedy(0.1), 20_000, 200, rng)
    ucb_runs = simulate(bandit, ucb1, 20_000, 200, rng)
    epsilon_regret = regret_from_history(epsilon_runs.arms, bandit.means)
    ucb_regret = regret_from_history(ucb_runs.arms, bandit.means)
    step = overtaking_step(mean_and_band(ucb_regret)[0], mean_and_band(epsilon_regret)[0])
    print(f"UCB1's mean regret stays below epsilon-greedy's from step {step} on")
    plot_cumulative(
        {
            "ε-greedy": cumulative_rewards(epsilon_runs.rewards),
            "UCB1": cumulative_rewards(ucb_runs.rewards),
        },
        "cumulative reward",
        Path("cumulative_reward.png"),
    )
