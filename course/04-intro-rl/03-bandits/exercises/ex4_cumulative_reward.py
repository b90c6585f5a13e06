"""Exercise 4: Plot cumulative reward for different strategies.

From the recorded pulls and rewards of many runs: the cumulative reward and regret
curves with a confidence band, the step where one strategy overtakes another for good,
and a plot of the curves.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

# For the plot: import matplotlib.pyplot as plt, use fig, ax = plt.subplots(), save with
# fig.savefig(path) and close the figure with plt.close(fig).


def cumulative_rewards(rewards: np.ndarray) -> np.ndarray:
    """(runs, steps) float64: entry [i, t] is the total reward of run i over steps 0..t."""
    raise NotImplementedError("running totals of the rewards of each run")


def regret_from_history(arms: np.ndarray, means: np.ndarray) -> np.ndarray:
    """(runs, steps) float64: the regret Σ_{s<=t} Δ(A_s) of each run, from arms (runs, steps).

    Δ(a) = max(means) - means[a], means being q*(a) of each arm (k,).
    """
    raise NotImplementedError("running totals of the gaps of the arms pulled")


def mean_and_band(curves: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Mean over runs (axis 0) and the half width 1.96 s / sqrt(n) of a 95% interval.

    s is the sample standard deviation over the n runs (ddof=1); both results (steps,).
    """
    raise NotImplementedError("the mean over runs and 1.96 standard errors")


def overtaking_step(curve: np.ndarray, reference: np.ndarray) -> int | None:
    """The first step t (counting from 1) from which curve < reference at every step up to
    the last; None if curve is not below reference at the last step. Both are (steps,).

    For mean regret curves: the step from which ``curve``'s strategy is ahead for good.
    """
    raise NotImplementedError("the first step of the final stretch below the reference")


def plot_cumulative(curves: dict[str, np.ndarray], ylabel: str, path: Path) -> None:
    """Save a plot of each strategy's mean curve over runs with its 95% band.

    ``curves`` maps a strategy name to a (runs, steps) array, such as cumulative rewards.
    """
    raise NotImplementedError("plot each mean curve with its band and save the figure")


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
