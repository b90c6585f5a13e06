"""Exercise 1: Simulate a multi-armed bandit and plot arm payout distributions.

A "prize machine" arm a pays a prize of v(a) coins with probability p(a), and nothing
otherwise. Simulate such a bandit, find its best arm, and plot how each arm pays.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

# For the plot: import matplotlib.pyplot as plt, use fig, ax = plt.subplots(), save with
# fig.savefig(path) and close the figure with plt.close(fig).


def expected_payouts(win_probs: np.ndarray, prizes: np.ndarray) -> np.ndarray:
    """(k,) q*(a) = E[payout of arm a] for win probabilities p (k,) and prizes v (k,)."""
    raise NotImplementedError("the expected payout of each arm")


def best_arm(win_probs: np.ndarray, prizes: np.ndarray) -> int:
    """The arm with the largest expected payout (the lowest index if several tie)."""
    raise NotImplementedError("the arm with the largest expected payout")


def simulate_payouts(
    win_probs: np.ndarray, prizes: np.ndarray, pulls: int, rng: np.random.Generator
) -> np.ndarray:
    """(k, pulls) float64 payouts: row a holds ``pulls`` independent pulls of arm a.

    Each entry is prizes[a] (a win, probability win_probs[a]) or 0.0.
    """
    raise NotImplementedError("simulate the pulls, all random numbers drawn from rng")


def plot_payout_distributions(payouts: np.ndarray, prizes: np.ndarray, path: Path) -> None:
    """Save a figure of the payouts (k, pulls) of each arm: how often each arm paid what.

    One bar per arm and outcome (0 or the prize), with the sample mean of each arm marked.
    """
    raise NotImplementedError("plot the payouts and save the figure at path")


if __name__ == "__main__":
    probabilities = np.array([0.5, 0.2, 0.9, 0.05])
    prize_values = np.array([2.0, 6.0, 1.0, 30.0])
    samples = simulate_payouts(probabilities, prize_values, 10_000, np.random.default_rng(0))
    print("expected:", expected_payouts(probabilities, prize_values))
    print("measured:", samples.mean(axis=1))
    print("best arm:", best_arm(probabilities, prize_values))
    plot_payout_distributions(samples, prize_values, Path("prize_machines.png"))
