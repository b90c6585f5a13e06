"""Exercise 1: Simulate a multi-armed bandit and plot arm payout distributions.

A "prize machine" arm a pays a prize of v(a) coins with probability p(a), and nothing
otherwise. Simulate such a bandit, find its best arm, and plot how each arm pays.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np


def expected_payouts(win_probs: np.ndarray, prizes: np.ndarray) -> np.ndarray:
    """(k,) q*(a) = E[payout of arm a] for win probabilities p (k,) and prizes v (k,)."""
    # The payout is v with probability p and 0 otherwise: E = p v + (1 - p) 0.
    return win_probs * prizes


def best_arm(win_probs: np.ndarray, prizes: np.ndarray) -> int:
    """The arm with the largest expected payout (the lowest index if several tie)."""
    return int(np.argmax(expected_payouts(win_probs, prizes)))


def simulate_payouts(
    win_probs: np.ndarray, prizes: np.ndarray, pulls: int, rng: np.random.Generator
) -> np.ndarray:
    """(k, pulls) float64 payouts: row a holds ``pulls`` independent pulls of arm a.

    Each entry is prizes[a] (a win, probability win_probs[a]) or 0.0.
    """
    wins = rng.random((len(win_probs), pulls)) < win_probs[:, None]  # (k, pulls) bool
    return np.where(wins, prizes[:, None], 0.0)


def plot_payout_distributions(payouts: np.ndarray, prizes: np.ndarray, path: Path) -> None:
    """Save a figure of the payouts (k, pulls) of each arm: how often each arm paid what.

    One bar per arm and outcome (0 or the prize), with the sample mean of each arm marked.
    """
    arms = np.arange(len(payouts))
    win_fraction = (payouts > 0).mean(axis=1)
    fig, (ax_outcomes, ax_means) = plt.subplots(1, 2, figsize=(9, 3.5), dpi=100)
    ax_outcomes.bar(arms - 0.2, 1 - win_fraction, width=0.4, label="paid 0")
    ax_outcomes.bar(arms + 0.2, win_fraction, width=0.4, label="paid its prize")
    for arm in range(len(payouts)):
        ax_outcomes.text(arm + 0.2, win_fraction[arm] + 0.02, f"{prizes[arm]:g}", ha="center")
    ax_outcomes.set(title="Outcomes of a pull", xlabel="arm", ylabel="fraction of pulls")
    ax_outcomes.set(xticks=arms, ylim=(0, 1.1))
    ax_outcomes.legend(fontsize="small")
    ax_means.bar(arms, payouts.mean(axis=1), color="#55a868")
    ax_means.set(title="Average payout", xlabel="arm", ylabel="coins per pull", xticks=arms)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


if __name__ == "__main__":
    probabilities = np.array([0.5, 0.2, 0.9, 0.05])
    prize_values = np.array([2.0, 6.0, 1.0, 30.0])
    samples = simulate_payouts(probabilities, prize_values, 10_000, np.random.default_rng(0))
    print("expected:", expected_payouts(probabilities, prize_values))
    print("measured:", samples.mean(axis=1))
    print("best arm:", best_arm(probabilities, prize_values))
    plot_payout_distributions(samples, prize_values, Path("prize_machines.png"))
